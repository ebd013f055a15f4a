"""``python -m bot``: run the bot (long polling), or check its configuration."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from dotenv import find_dotenv, load_dotenv
from telegram.error import InvalidToken

from bot.app import ALLOWED_UPDATES, build_application
from bot.config import ConfigError, Settings, load_settings
from bot.logs import configure_logging

TOKEN_REJECTED = (
    "Lỗi cấu hình / configuration error: TELEGRAM_BOT_TOKEN: Telegram từ chối token này / "
    "Telegram rejected this token. Kiểm tra lại token với @BotFather."
)


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
        try:
            await application.bot.initialize()
        except InvalidToken:
            print(TOKEN_REJECTED, file=sys.stderr)
            return 2
        print(f"OK @{application.bot.username}")
        return 0
    finally:
        await application.bot_data.database.close()


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = parse_args(argv)
    # .env of the folder the bot is run from (not of the package's folder, the default).
    load_dotenv(find_dotenv(usecwd=True))
    try:
        settings = load_settings(os.environ)
    except ConfigError as error:
        print(f"Lỗi cấu hình / configuration error: {error}", file=sys.stderr)
        return 2
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"), secrets=[settings.token.reveal()])
    if args.check:
        return asyncio.run(check(settings))
    application = build_application(settings)
    try:
        # bootstrap_retries=-1: if Telegram cannot be reached at start-up, wait and retry
        # (PTB logs each attempt) instead of exiting; a rejected token still stops at once.
        application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)
    except InvalidToken:
        print(TOKEN_REJECTED, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
