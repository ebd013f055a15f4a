"""``python -m bot``: run the bot (long polling), or check its configuration."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from dotenv import find_dotenv, load_dotenv

from bot.app import ALLOWED_UPDATES, build_application
from bot.config import ConfigError, Settings, load_settings
from bot.logs import configure_logging


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Hòm thư góp ý – Telegram bot. Cấu hình đọc từ .env / configured by .env",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="kiểm tra cấu hình, cơ sở dữ liệu và token rồi thoát / check config and exit",
    )
    return parser.parse_args(argv)


async def check(settings: Settings) -> int:
    """Open the database, call getMe, print the bot's username."""
    application = build_application(settings)
    try:
        await application.bot_data.database.open()
        await application.bot.initialize()
        print(f"OK @{application.bot.username}")
        return 0
    finally:
        await application.bot_data.database.close()


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = parse_args(argv)
    # .env of the folder the bot is run from (not of the package's folder, the default).
    load_dotenv(find_dotenv(usecwd=True))
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    try:
        settings = load_settings(os.environ)
    except ConfigError as error:
        print(f"Lỗi cấu hình / configuration error: {error}", file=sys.stderr)
        return 2
    if args.check:
        return asyncio.run(check(settings))
    application = build_application(settings)
    application.run_polling(allowed_updates=ALLOWED_UPDATES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
