"""`python -m qr`: the QR code and the poster of one area or of every open area.

Runs offline and without the bot: the bot username, unit name, contact text and language
come from options or from the environment (and .env) the bot reads, area names from an
option or from the database. Problems end with one line on stderr and exit status 2, never
a traceback.
"""

import argparse
import asyncio
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from dotenv import find_dotenv, load_dotenv

from core.committee import DEFAULT_LANGUAGE, DEFAULT_UNIT_NAME
from qr.errors import QrError
from qr.images import render_png, render_svg
from qr.links import checked_area_code, checked_bot_username
from qr.names import MAX_CONTACT_LINES, MAX_CONTACT_TEXT
from qr.poster import LANGUAGES, PosterInput, area_posters, render_poster_pdf
from storage import AreaNotFound, StorageError, open_database
from texts import bilingual

PROG = "python -m qr"
FORMATS = ("png", "svg", "pdf")
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
        self.exit(EXIT_USAGE, f"{self.prog}: {message} ({bilingual('qr_cli_see_help')} --help)\n")


def _formats(raw: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in raw.split(",") if part.strip()))
    unknown = [name for name in chosen if name not in FORMATS]
    if not chosen or unknown:
        raise argparse.ArgumentTypeError(
            bilingual("qr_cli_invalid_format", raw=raw, formats=",".join(FORMATS))
        )
    return chosen


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every help text is in Vietnamese, then English."""
    parser = _Parser(
        prog=PROG,
        description=bilingual("qr_cli_description"),
        epilog=(
            f"{bilingual('qr_cli_examples')}:\n"
            f"  {PROG} --area khu-pho-3 --name 'Khu phố 3' --bot-username homthu_bot\n"
            f"  {PROG} --all --format pdf\n"
            f"  {PROG} --all --language en \\\n"
            "      --contact $'Điện thoại: 0233 3861 234\\nGiờ làm việc: 7h30–17h00'\n"
            f"{bilingual('qr_cli_environment')}: "
            "BOT_USERNAME, UNIT_NAME, CONTACT_TEXT, DEFAULT_LANGUAGE, DATABASE_PATH."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--area",
        metavar="CODE",
        help=bilingual("qr_cli_area"),
    )
    which.add_argument(
        "--all",
        action="store_true",
        help=bilingual("qr_cli_all", file=ALL_POSTERS),
    )
    parser.add_argument(
        "--name",
        help=bilingual("qr_cli_name"),
    )
    parser.add_argument(
        "--bot-username",
        metavar="USERNAME",
        help=bilingual("qr_cli_bot_username"),
    )
    parser.add_argument(
        "--unit",
        metavar="NAME",
        help=bilingual("qr_cli_unit", default=DEFAULT_UNIT_NAME),
    )
    parser.add_argument(
        "--contact",
        metavar="TEXT",
        help=bilingual("qr_cli_contact", chars=MAX_CONTACT_TEXT, lines=MAX_CONTACT_LINES),
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help=bilingual("qr_cli_language", default=DEFAULT_LANGUAGE),
    )
    parser.add_argument(
        "--database",
        metavar="PATH",
        type=Path,
        help=bilingual("qr_cli_database", default=DEFAULT_DATABASE_PATH),
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=Path(DEFAULT_OUT),
        help=bilingual("qr_cli_out", default=DEFAULT_OUT),
    )
    parser.add_argument(
        "--format",
        metavar="LIST",
        type=_formats,
        default=FORMATS,
        help=bilingual("qr_cli_format", default=",".join(FORMATS)),
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
        raise CliError(bilingual("qr_cli_no_such_area", code=code, path=path)) from None
    except StorageError as error:
        raise CliError(bilingual("qr_cli_unreadable", path=path, error=error)) from None
    return [AreaToPrint(area.code, area.name) for area in areas if code or area.is_open]


def _read_areas(path: Path, code: str | None) -> list[AreaToPrint]:
    # Opening a missing file would create an empty database (and its folder).
    if not path.is_file():
        raise CliError(bilingual("qr_cli_no_database", path=path))
    return asyncio.run(_areas_from_database(path, code))


def _areas(args: argparse.Namespace) -> list[AreaToPrint]:
    if args.all:
        if args.name is not None:
            raise CliError(bilingual("qr_cli_name_with_area"))
        path = _database_path(args.database)
        areas = _read_areas(path, None)
        if not areas:
            raise CliError(bilingual("qr_cli_no_open_areas", path=path))
        return areas
    code = checked_area_code(args.area)
    if args.name is None:
        return _read_areas(_database_path(args.database), code)
    return [AreaToPrint(code, args.name)]


def _language(option: str | None) -> str:
    """The poster's language: the option, else DEFAULT_LANGUAGE as the bot reads it."""
    language = (_setting(option, "DEFAULT_LANGUAGE", DEFAULT_LANGUAGE) or "").lower()
    if language not in LANGUAGES:
        raise CliError(bilingual("qr_cli_language_unsupported", language=language))
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
        raise CliError(bilingual("qr_cli_no_username"))
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
            bilingual("qr_cli_unwritable", folder=args.out, error=error.strerror)
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
