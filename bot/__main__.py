"""``python -m bot``: run the bot (long polling or webhook), or check its configuration.

``--version`` and ``--help`` are answered before the bot itself is imported, so they are
instant; everything else imports it in ``run_command``. The help's words come from the
operator's texts: ``texts`` is the catalogue's plain dictionaries, nothing of the bot.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from texts import bilingual

PACKAGE = "homthu"


def package_version() -> str:
    """The installed version, or the one in pyproject.toml when run from a bare checkout."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        with pyproject.open("rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description=bilingual("bot_cli_description"),
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help=bilingual("bot_cli_check"),
    )
    parser.add_argument(
        "--webhook",
        action="store_true",
        help=bilingual("bot_cli_webhook"),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PACKAGE} {package_version()}",
        help=bilingual("bot_cli_version"),
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = parse_args(argv)
    # Every file the bot makes (database, its -wal and -shm, the key) is its owner's only,
    # whatever umask the service was started with.
    os.umask(0o077)
    from bot.service.command import run_command

    return run_command(args, package_version())


if __name__ == "__main__":
    sys.exit(main())
