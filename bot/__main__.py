"""``python -m bot``: run the bot (long polling or webhook), or check its configuration."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sqlite3
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from dotenv import find_dotenv, load_dotenv
from telegram.error import InvalidToken, TelegramError

from bot.app import ALLOWED_UPDATES, build_application
from bot.checks import CheckResult, run_checks, telegram_bot
from bot.config import ConfigError, Settings, load_settings
from bot.logs import REDACTED, configure_logging
from storage import SchemaTooNew

PACKAGE = "homthu"
TOKEN_REJECTED = (
    "Lỗi cấu hình / configuration error: TELEGRAM_BOT_TOKEN: Telegram từ chối token này / "
    "Telegram rejected this token. Kiểm tra lại token với @BotFather."
)
# In webhook mode a failing setWebhook is most often a configuration error (a host Telegram
# cannot resolve, a certificate it refuses) that no retry mends: give up after a few tries
# and exit with a clear line; systemd's Restart=on-failure tries again later.
WEBHOOK_BOOTSTRAP_RETRIES = 2
# Waiting for Telegram at start-up: the first retry after 1 s, doubling up to 30 s.
FIRST_RETRY = 1.0
LONGEST_RETRY = 30.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

# Not __name__: run as ``python -m bot`` this module is "__main__", outside the bot's loggers.
log = logging.getLogger("bot.main")


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


async def check(settings: Settings) -> int:
    """Run every start-up check, one line each; 0 when all pass, 1 otherwise."""

    def emit(result: CheckResult) -> None:
        print(result.line, flush=True)

    print(f"{PACKAGE} {package_version()}: kiểm tra / check", flush=True)
    report = await run_checks(settings, emit)
    if report.ok:
        print(f"OK @{report.username}")
        return 0
    print(f"LỖI / FAILED: số kiểm tra không đạt / checks failed: {report.failures}")
    return 1


async def wait_for_telegram(settings: Settings) -> None:
    """Call getMe until Telegram answers, logging each failure and the next try.

    PTB would retry as well, but silently (at DEBUG, and libraries are held at WARNING):
    an operator watching the journal must see why the bot is not up yet. A rejected token
    raises InvalidToken at once.
    """
    delay = FIRST_RETRY
    async with telegram_bot(settings) as bot:
        while True:
            try:
                await bot.initialize()  # getMe
                return
            except InvalidToken:
                raise
            except TelegramError as error:
                reason = f"{type(error).__name__}: {error.message}"
            log.warning(
                "telegram unreachable at start-up, trying again in %.0f s error=%s",
                delay,
                _scrub(reason, [settings.token.reveal()]),
            )
            await asyncio.sleep(delay)
            delay = min(delay * 2, LONGEST_RETRY)


def reach_telegram(loop: asyncio.AbstractEventLoop, settings: Settings) -> bool:
    """Wait for Telegram on ``loop``; False if SIGINT or SIGTERM came first."""
    waiting = loop.create_task(wait_for_telegram(settings))
    for number in STOP_SIGNALS:
        loop.add_signal_handler(number, waiting.cancel)
    try:
        loop.run_until_complete(waiting)
    except asyncio.CancelledError:
        log.info("stopped while waiting for telegram")
        return False
    finally:
        for number in STOP_SIGNALS:
            loop.remove_signal_handler(number)
    return True


def run(settings: Settings) -> int:
    """Run the bot until SIGINT or SIGTERM; PTB then finishes the updates in hand, stops
    the jobs, writes the persistence and closes the database before returning."""
    # The loop PTB's run_* will use (they take the current one): first, wait for Telegram.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        reached = reach_telegram(loop, settings)
    except BaseException:
        loop.close()
        raise
    if not reached:
        loop.close()
        return 0
    application = build_application(settings)
    webhook = settings.webhook
    if webhook is None:
        # bootstrap_retries=-1: Telegram answered a moment ago; should it drop out again
        # before polling starts, PTB retries rather than exits (a bad token still stops).
        application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)
    else:
        application.run_webhook(
            listen=webhook.listen,
            port=webhook.port,
            url_path=webhook.url_path,
            webhook_url=webhook.url,
            secret_token=webhook.secret,
            allowed_updates=ALLOWED_UPDATES,
            bootstrap_retries=WEBHOOK_BOOTSTRAP_RETRIES,
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = parse_args(argv)
    # .env of the folder the bot is run from (not of the package's folder, the default).
    load_dotenv(find_dotenv(usecwd=True))
    try:
        settings = load_settings(os.environ, webhook=args.webhook)
    except ConfigError as error:
        print(f"Lỗi cấu hình / configuration error: {error}", file=sys.stderr)
        return 2
    secrets = [settings.token.reveal()]
    if settings.webhook is not None:
        secrets.append(settings.webhook.secret)
    if args.check:
        # The report is the output; routine log lines (database open...) would only clutter it.
        configure_logging("WARNING", secrets=secrets, log_format=settings.log_format)
        return asyncio.run(check(settings))
    configure_logging(settings.log_level, secrets=secrets, log_format=settings.log_format)
    try:
        return run(settings)
    except InvalidToken:
        print(TOKEN_REJECTED, file=sys.stderr)
        return 2
    except (SchemaTooNew, sqlite3.Error) as error:
        print(
            f"Lỗi cơ sở dữ liệu / database error: {settings.database_path}: {error}",
            file=sys.stderr,
        )
        return 1
    except TelegramError as error:
        message = _scrub(error.message, secrets)
        print(f"Lỗi Telegram khi khởi động / start-up failed: {message}", file=sys.stderr)
        return 1
    except OSError as error:
        # In webhook mode most often the port is taken or the address is not this machine's.
        hint = " (WEBHOOK_LISTEN, WEBHOOK_PORT?)" if settings.webhook else ""
        print(f"Lỗi khởi động / start-up failed: {error}{hint}", file=sys.stderr)
        return 1


def _scrub(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


if __name__ == "__main__":
    sys.exit(main())
