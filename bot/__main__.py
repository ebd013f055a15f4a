"""``python -m bot``: run the bot (long polling or webhook), or check its configuration.

``--version`` and ``--help`` are answered before the bot itself is imported, so they are
instant; everything else imports it in ``run_command``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from importlib import metadata
from pathlib import Path

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
        description=(
            "Hòm thư góp ý – bot Telegram. Mặc định chạy long polling; cấu hình đọc từ .env "
            "/ Telegram bot, long polling by default, configured by .env"
        ),
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help=(
            "kiểm tra cấu hình, cơ sở dữ liệu, token và nhóm cán bộ rồi thoát "
            "/ check configuration, database, token and staff group, then exit"
        ),
    )
    parser.add_argument(
        "--webhook",
        action="store_true",
        help=(
            "nhận cập nhật qua webhook (WEBHOOK_URL, WEBHOOK_PORT, WEBHOOK_SECRET) thay vì "
            "polling; với --check: kiểm tra cả webhook "
            "/ receive updates through a webhook instead of polling; with --check: check it"
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PACKAGE} {package_version()}",
        help="in phiên bản rồi thoát / print the version and exit",
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
