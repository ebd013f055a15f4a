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
    KEY_FILE_NAME,
    BackupError,
    DatabaseFile,
    Restored,
    backup,
    key_file_beside,
    restore,
)
from storage.sqlite.schema import latest_version
from texts import bilingual

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
            help=bilingual("storage_cli_help"),
        )

    def error(self, message: str) -> NoReturn:
        """Report a usage mistake in one line."""
        see = f"{bilingual('storage_cli_see')}: {self.prog} --help"
        self.exit(EXIT_ERROR, f"{bilingual('storage_cli_error')}: {message} ({see})\n")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = OneLineParser(
        prog="python -m storage",
        description=bilingual("storage_cli_description"),
        epilog=bilingual("storage_cli_epilog", default=DEFAULT_DATABASE_PATH, key=KEY_FILE_NAME),
    )
    parser.add_argument(
        "--database",
        type=Path,
        metavar="PATH",
        help=bilingual("storage_cli_database"),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="{backup,restore}")
    take = commands.add_parser(
        "backup",
        help=bilingual("storage_cli_backup"),
        description=bilingual("storage_cli_backup_description"),
    )
    take.add_argument("file", type=Path, help=bilingual("storage_cli_backup_file"))
    take.add_argument(
        "--overwrite",
        action="store_true",
        help=bilingual("storage_cli_overwrite"),
    )
    back = commands.add_parser(
        "restore",
        help=bilingual("storage_cli_restore"),
        description=bilingual("storage_cli_restore_description"),
    )
    back.add_argument("file", type=Path, help=bilingual("storage_cli_restore_file"))
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
        print(f"{bilingual('storage_cli_error')}: {error}", file=sys.stderr)
        return EXIT_ERROR
    except (sqlite3.Error, OSError) as error:
        print(f"{bilingual('storage_cli_error')}: {database}: {error}", file=sys.stderr)
        return EXIT_ERROR
    return 0


def report_backup(database: Path, copy: DatabaseFile) -> None:
    """What was saved, and the key that must be saved with it."""
    print(
        f"{bilingual('storage_cli_backed_up')}: {database} → {copy.path} "
        f"({_contents(copy)}, {_size(copy.size)})"
    )
    key = key_file_beside(database)
    if key.exists():
        print(
            f"{bilingual('storage_cli_save_key', key=key)}: {bilingual('storage_cli_key_needed')}"
        )


def report_restore(done: Restored) -> None:
    """What was restored, where the old database went, and what to do next."""
    copy = done.backup
    print(
        f"{bilingual('storage_cli_restored')}: {copy.path} → {done.database} ({_contents(copy)})"
    )
    if done.kept_copy is not None:
        print(bilingual("storage_cli_kept", kept=done.kept_copy))
    latest = latest_version()
    if copy.schema_version < latest:
        print(bilingual("storage_cli_will_migrate", version=copy.schema_version, latest=latest))
    print(bilingual("storage_cli_use_key", key=key_file_beside(done.database).name))


def _contents(copy: DatabaseFile) -> str:
    """A copy's schema and how much feedback it holds, as both reports say it."""
    schema, feedback = bilingual("storage_cli_schema"), bilingual("storage_cli_feedback")
    return f"{schema} {copy.schema_version}, {copy.feedback_count} {feedback}"


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


if __name__ == "__main__":
    sys.exit(main())
