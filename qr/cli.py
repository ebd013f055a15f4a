"""`python -m qr`: the QR code and the poster of one area or of every open area.

Runs offline and without the bot: the bot username, unit name, contact text and language
come from options or from the environment (and .env) the bot reads, area names from an
option or from the database. Problems end with one line on stderr and exit status 2, never
a traceback.
"""

import argparse
import asyncio
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from dotenv import find_dotenv, load_dotenv

from core.committee import DEFAULT_UNIT_NAME
from qr.errors import QrError
from qr.images import render_png, render_svg
from qr.links import checked_area_code, checked_bot_username
from qr.names import MAX_CONTACT_LINES, MAX_CONTACT_TEXT
from qr.poster import LANGUAGES, PosterInput, area_posters, render_poster_pdf
from storage import AreaNotFound, StorageError, open_database

PROG = "python -m qr"
FORMATS = ("png", "svg", "pdf")
DEFAULT_LANGUAGE = "vi"
DEFAULT_DATABASE_PATH = "data/homthu.sqlite3"
DEFAULT_OUT = "posters"
ALL_POSTERS = "all-posters.pdf"

EXIT_OK = 0
EXIT_USAGE = 2


class CliError(Exception):
    """A problem the admin can fix; its message is printed as one line."""


@dataclass(frozen=True, slots=True)
class AreaToPrint:
    """An area's code and the name printed under its QR code."""

    code: str
    name: str


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints the whole usage block; admins get one line and a pointer to --help.
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (xem / see --help)\n")


def _formats(raw: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in raw.split(",") if part.strip()))
    unknown = [name for name in chosen if name not in FORMATS]
    if not chosen or unknown:
        raise argparse.ArgumentTypeError(
            f"định dạng không hợp lệ {raw!r}, chọn trong png,svg,pdf / "
            f"invalid format {raw!r}: choose from png,svg,pdf"
        )
    return chosen


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every help text is in Vietnamese, then English."""
    parser = _Parser(
        prog=PROG,
        description=(
            "Tạo mã QR (PNG, SVG) và áp phích A4 (PDF) cho khu vực, không cần mạng và không "
            "cần bot đang chạy. / Make the QR codes (PNG, SVG) and A4 posters (PDF) of areas, "
            "offline and without the bot running."
        ),
        epilog=(
            "Ví dụ / Examples:\n"
            f"  {PROG} --area khu-pho-3 --name 'Khu phố 3' --bot-username homthu_bot\n"
            f"  {PROG} --all --format pdf\n"
            f"  {PROG} --all --language en \\\n"
            "      --contact $'Điện thoại: 0233 3861 234\\nGiờ làm việc: 7h30–17h00'\n"
            "Biến môi trường (đọc cả từ .env) / Environment (also read from .env): "
            "BOT_USERNAME, UNIT_NAME, CONTACT_TEXT, DEFAULT_LANGUAGE, DATABASE_PATH."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--area",
        metavar="CODE",
        help=(
            "mã một khu vực, a-z 0-9 - _ (tối đa 32 ký tự) / the code of one area, "
            "a-z 0-9 - _ (up to 32 characters)"
        ),
    )
    which.add_argument(
        "--all",
        action="store_true",
        help=(
            f"mọi khu vực đang mở trong cơ sở dữ liệu, thêm {ALL_POSTERS} để in một lần / "
            f"every open area in the database, plus {ALL_POSTERS} to print them all at once"
        ),
    )
    parser.add_argument(
        "--name",
        help=(
            "tên khu vực in dưới mã QR (dùng với --area; nếu bỏ trống thì lấy từ cơ sở dữ "
            "liệu) / the area name printed under the code (with --area; read from the "
            "database when left out)"
        ),
    )
    parser.add_argument(
        "--bot-username",
        metavar="USERNAME",
        help=(
            "tên bot trên Telegram, có hoặc không có @ (mặc định: BOT_USERNAME) / the bot's "
            "Telegram username, with or without @ (default: BOT_USERNAME)"
        ),
    )
    parser.add_argument(
        "--unit",
        metavar="NAME",
        help=(
            f"tên đơn vị in trên mã và áp phích (mặc định: UNIT_NAME, nếu không có thì "
            f"{DEFAULT_UNIT_NAME!r}) / the unit name printed on codes and posters (default: "
            f"UNIT_NAME, else {DEFAULT_UNIT_NAME!r})"
        ),
    )
    parser.add_argument(
        "--contact",
        metavar="TEXT",
        help=(
            "cách liên hệ khác với đơn vị (điện thoại, địa chỉ, giờ làm việc), in trong khung "
            f"riêng cho người không dùng Telegram; tối đa {MAX_CONTACT_TEXT} ký tự, "
            f"{MAX_CONTACT_LINES} dòng (mặc định: CONTACT_TEXT; --contact '' để không in) / "
            "how else to reach the committee (phone, address, office hours), printed in a box "
            f"of its own for people without Telegram; up to {MAX_CONTACT_TEXT} characters, "
            f"{MAX_CONTACT_LINES} lines (default: CONTACT_TEXT; --contact '' prints none)"
        ),
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help=(
            "vi: áp phích chỉ có tiếng Việt; en: thêm dòng tiếng Anh dưới mỗi dòng tiếng Việt "
            f"(mặc định: DEFAULT_LANGUAGE, nếu không có thì {DEFAULT_LANGUAGE}) / vi: the "
            "poster in Vietnamese only; en: an English line under each Vietnamese one "
            f"(default: DEFAULT_LANGUAGE, else {DEFAULT_LANGUAGE})"
        ),
    )
    parser.add_argument(
        "--database",
        metavar="PATH",
        type=Path,
        help=(
            f"tệp SQLite của bot (mặc định: DATABASE_PATH, nếu không có thì "
            f"{DEFAULT_DATABASE_PATH}) / the bot's SQLite file (default: DATABASE_PATH, "
            f"else {DEFAULT_DATABASE_PATH})"
        ),
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=Path(DEFAULT_OUT),
        help=(
            f"thư mục ghi tệp, tạo nếu chưa có (mặc định: {DEFAULT_OUT}/) / the folder to "
            f"write to, created if missing (default: {DEFAULT_OUT}/)"
        ),
    )
    parser.add_argument(
        "--format",
        metavar="LIST",
        type=_formats,
        default=FORMATS,
        help=(
            "các định dạng, cách nhau bằng dấu phẩy (mặc định: png,svg,pdf) / formats, "
            "comma-separated (default: png,svg,pdf)"
        ),
    )
    return parser


def _setting(option: str | None, variable: str, default: str | None = None) -> str | None:
    """The option if given, else the environment variable if set and not blank."""
    if option is not None:
        return option
    return os.environ.get(variable, "").strip() or default


def _database_path(option: Path | None) -> Path:
    return option or Path(_setting(None, "DATABASE_PATH", DEFAULT_DATABASE_PATH) or "")


async def _areas_from_database(path: Path, code: str | None) -> list[AreaToPrint]:
    """Every open area, or the one with `code` whether open or not."""
    try:
        async with open_database(path) as database:
            if code is None:
                areas = await database.areas.list(include_closed=False)
            else:
                areas = [await database.areas.get(code)]
    except AreaNotFound:
        raise CliError(
            f"Không có khu vực mã {code!r} trong {path} — thêm bằng /addarea hoặc dùng --name / "
            f"No area with code {code!r} in {path}: add it with /addarea or pass --name"
        ) from None
    except (StorageError, sqlite3.Error) as error:
        raise CliError(
            f"Không đọc được cơ sở dữ liệu {path} / Cannot read the database {path}: {error}"
        ) from None
    return [AreaToPrint(area.code, area.name) for area in areas if code or area.is_open]


def _read_areas(path: Path, code: str | None) -> list[AreaToPrint]:
    # Opening a missing file would create an empty database (and its folder).
    if not path.is_file():
        raise CliError(
            f"Không tìm thấy cơ sở dữ liệu {path} — dùng --database hoặc DATABASE_PATH / "
            f"Database not found: {path} (use --database or DATABASE_PATH)"
        )
    return asyncio.run(_areas_from_database(path, code))


def _areas(args: argparse.Namespace) -> list[AreaToPrint]:
    if args.all:
        if args.name is not None:
            raise CliError("--name chỉ dùng với --area / --name goes with --area only")
        path = _database_path(args.database)
        areas = _read_areas(path, None)
        if not areas:
            raise CliError(
                f"Không có khu vực nào đang mở trong {path} — thêm bằng /addarea / "
                f"No open areas in {path}: add one with /addarea"
            )
        return areas
    code = checked_area_code(args.area)
    if args.name is None:
        return _read_areas(_database_path(args.database), code)
    return [AreaToPrint(code, args.name)]


def _language(option: str | None) -> str:
    """The poster's language: the option, else DEFAULT_LANGUAGE as the bot reads it."""
    language = (_setting(option, "DEFAULT_LANGUAGE", DEFAULT_LANGUAGE) or "").lower()
    if language not in LANGUAGES:
        raise CliError(
            f"DEFAULT_LANGUAGE {language!r} không hỗ trợ — dùng vi hoặc en / "
            f"DEFAULT_LANGUAGE {language!r} is not supported: use vi or en"
        )
    return language


@dataclass(frozen=True, slots=True)
class PosterSettings:
    """What every poster of one run shares: the bot, the unit, the contact, the language."""

    username: str
    unit: str
    contact: str
    language: str


def _files(
    areas: Sequence[AreaToPrint], settings: PosterSettings, formats: Sequence[str], every: bool
) -> list[tuple[str, bytes]]:
    """Every file to write, rendered before any is written so an error leaves nothing half."""
    posters = area_posters(
        settings.username,
        [(area.code, area.name) for area in areas],
        settings.unit,
        contact_text=settings.contact,
        language=settings.language,
    )
    renderers: dict[str, Callable[[PosterInput], bytes]] = {
        "png": lambda poster: render_png(poster.link, poster.area_name, poster.unit_name),
        "svg": lambda poster: render_svg(poster.link),
        "pdf": lambda poster: render_poster_pdf([poster]),
    }
    files = [
        (f"{area.code}.{kind}", renderers[kind](poster))
        for area, poster in zip(areas, posters, strict=True)
        for kind in formats
    ]
    if every and "pdf" in formats:
        files.append((ALL_POSTERS, render_poster_pdf(posters)))
    return files


def run(args: argparse.Namespace) -> list[Path]:
    """Render and write the files asked for; return their paths in the order written."""
    raw_username = _setting(args.bot_username, "BOT_USERNAME")
    if not raw_username:
        raise CliError(
            "Thiếu tên bot — dùng --bot-username hoặc đặt BOT_USERNAME trong .env / "
            "Missing bot username: pass --bot-username or set BOT_USERNAME in .env"
        )
    username = checked_bot_username(raw_username)
    settings = PosterSettings(
        username=username,
        unit=_setting(args.unit, "UNIT_NAME", DEFAULT_UNIT_NAME) or DEFAULT_UNIT_NAME,
        contact=_setting(args.contact, "CONTACT_TEXT") or "",
        language=_language(args.language),
    )
    files = _files(_areas(args), settings, args.format, every=args.all)
    written = []
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, content in files:
            path = args.out / name
            path.write_bytes(content)
            written.append(path)
            print(path, flush=True)
    except OSError as error:
        raise CliError(
            f"Không ghi được vào {args.out} / Cannot write to {args.out}: {error.strerror}"
        ) from None
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    # From the working directory, where a deployment keeps its .env, not from this package.
    load_dotenv(find_dotenv(usecwd=True))
    args = build_parser().parse_args(argv)
    try:
        run(args)
    except (CliError, QrError) as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
