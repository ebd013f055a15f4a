"""The command line behind ``python -m storage backup|restore`` for the SQLite backend: back
up the database while the bot runs, or restore one while it is stopped. ``DATABASE_PATH``
comes from the environment or ``.env``, as for the bot."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any, NoReturn

from dotenv import find_dotenv, load_dotenv

from storage.sqlite.backup import (
    DEFAULT_DATABASE_PATH,
    BackupError,
    DatabaseFile,
    Restored,
    backup,
    key_file_beside,
    restore,
)
from storage.sqlite.schema import latest_version

EXIT_ERROR = 2


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one line on stderr and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument(
            "-h",
            "--help",
            action="help",
            help="in hướng dẫn này rồi thoát / show this help and exit",
        )

    def error(self, message: str) -> NoReturn:
        """Report a usage mistake in one line."""
        self.exit(EXIT_ERROR, f"Lỗi / error: {message} (xem / see: {self.prog} --help)\n")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = OneLineParser(
        prog="python -m storage",
        description=(
            "Sao lưu và khôi phục cơ sở dữ liệu Hòm thư góp ý. "
            "/ Back up and restore the Hòm thư góp ý database."
        ),
        epilog=(
            "DATABASE_PATH đọc từ môi trường hoặc .env (mặc định data/homthu.sqlite3). "
            "Sao lưu cả homthu.key cùng cơ sở dữ liệu. "
            "/ DATABASE_PATH is read from the environment or .env (default "
            "data/homthu.sqlite3). Back up homthu.key together with the database."
        ),
    )
    parser.add_argument(
        "--database",
        type=Path,
        metavar="PATH",
        help="cơ sở dữ liệu, thay cho DATABASE_PATH / the database, instead of DATABASE_PATH",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="{backup,restore}")
    take = commands.add_parser(
        "backup",
        help=(
            "sao lưu khi bot vẫn chạy (an toàn, nhất quán) "
            "/ back up while the bot runs (online, consistent)"
        ),
        description=(
            "Sao lưu trực tuyến bằng API backup của SQLite; bot không cần dừng. "
            "/ Online backup through SQLite's backup API; the bot keeps running."
        ),
    )
    take.add_argument("file", type=Path, help="tệp sao lưu sẽ tạo / the backup file to write")
    take.add_argument(
        "--overwrite",
        action="store_true",
        help="ghi đè nếu tệp đã có / replace the file if it exists",
    )
    back = commands.add_parser(
        "restore",
        help="khôi phục từ bản sao lưu (phải dừng bot) / restore a backup (stop the bot first)",
        description=(
            "Thay cơ sở dữ liệu bằng bản sao lưu; bản hiện tại được giữ lại thành "
            "<db>.before-restore-<thời điểm>. Bot phải dừng. "
            "/ Replace the database with a backup; the current one is kept as "
            "<db>.before-restore-<time>. The bot must be stopped."
        ),
    )
    back.add_argument("file", type=Path, help="tệp sao lưu / the backup file")
    return parser.parse_args(argv)


def database_path(args: argparse.Namespace) -> Path:
    """``--database``, else DATABASE_PATH from the environment or .env, else the default."""
    if args.database is not None:
        return Path(args.database)
    load_dotenv(find_dotenv(usecwd=True))
    return Path(os.environ.get("DATABASE_PATH", "").strip() or DEFAULT_DATABASE_PATH)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = parse_args(argv)
    # Backups and the restore's copy of the database are their owner's only.
    os.umask(0o077)
    database = database_path(args)
    try:
        if args.command == "backup":
            report_backup(database, backup(database, args.file, overwrite=args.overwrite))
        else:
            report_restore(restore(args.file, database))
    except BackupError as error:
        print(f"Lỗi / error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except (sqlite3.Error, OSError) as error:
        print(f"Lỗi / error: {database}: {error}", file=sys.stderr)
        return EXIT_ERROR
    return 0


def report_backup(database: Path, copy: DatabaseFile) -> None:
    """What was saved, and the key that must be saved with it."""
    print(
        f"Đã sao lưu / backed up: {database} → {copy.path} "
        f"(lược đồ / schema {copy.schema_version}, {copy.feedback_count} góp ý / feedback, "
        f"{_size(copy.size)})"
    )
    key = key_file_beside(database)
    if key.exists():
        print(
            f"Nhớ sao lưu cả {key} / back up {key} too: "
            "không có nó, kênh phản hồi và lựa chọn ngôn ngữ không đọc được / without it, "
            "reply channels and language choices cannot be read"
        )


def report_restore(done: Restored) -> None:
    """What was restored, where the old database went, and what to do next."""
    copy = done.backup
    print(
        f"Đã khôi phục / restored: {copy.path} → {done.database} "
        f"(lược đồ / schema {copy.schema_version}, {copy.feedback_count} góp ý / feedback)"
    )
    if done.kept_copy is not None:
        print(f"Cơ sở dữ liệu cũ giữ tại / the previous database is kept as {done.kept_copy}")
    latest = latest_version()
    if copy.schema_version < latest:
        print(
            f"Bot sẽ nâng lược đồ {copy.schema_version} → {latest} khi khởi động / "
            f"the bot migrates schema {copy.schema_version} → {latest} when it starts"
        )
    print(
        f"Dùng {key_file_beside(done.database).name} (hoặc SECRET_KEY) của cùng bản sao lưu, "
        "rồi khởi động bot / use the key saved with this backup, then start the bot "
        "(systemctl start homthu)"
    )


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


if __name__ == "__main__":
    sys.exit(main())
