"""What ``python -m bot`` does once its arguments are read: check, or run until stopped.

Every expected failure ends with one clear line on stderr and an exit code: 2 for a
configuration the operator must fix (a variable, the token, the key), 1 for a start-up that
failed (the database, Telegram, the webhook port).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from dotenv import find_dotenv, load_dotenv
from telegram.error import InvalidToken, TelegramError

from bot.service.checks import CheckResult, run_checks
from bot.service.config import ConfigError, Settings, load_settings
from bot.service.logs import configure_logging
from bot.service.running import Service, scrub
from core.anonymity import SecretKeyError
from storage import DatabaseUnusable, SchemaTooNew, StorageUnavailable
from texts import bilingual, operator_text

log = logging.getLogger("bot.main")
CONFIGURATION_ERROR = bilingual("command_configuration_error")
TOKEN_REJECTED = (
    f"{CONFIGURATION_ERROR}: TELEGRAM_BOT_TOKEN: {bilingual('command_token_rejected')}. "
    f"{operator_text('vi', 'command_token_fix')}"
)
# Leftover tasks (a request Telegram never answered) get this long to end once cancelled.
_LEFTOVER_WAIT = 0.2


def run_command(args: argparse.Namespace, version: str) -> int:
    """``--check``, or run the bot; the process exit code."""
    # .env of the folder the bot is run from (not of the package's folder, the default).
    load_dotenv(find_dotenv(usecwd=True))
    try:
        settings = load_settings(os.environ, webhook=args.webhook)
    except ConfigError as error:
        print(f"{CONFIGURATION_ERROR}: {error}", file=sys.stderr)
        return 2
    secrets = [settings.token.reveal()]
    if settings.webhook is not None:
        secrets.append(settings.webhook.secret)
    if args.check:
        # The report is the output; routine log lines (database open...) would only clutter it.
        configure_logging("WARNING", secrets=secrets, log_format=settings.log_format)
        return asyncio.run(check(settings, version))
    configure_logging(settings.log_level, secrets=secrets, log_format=settings.log_format)
    workers = ThreadPoolExecutor(thread_name_prefix="homthu")
    code = 1
    try:
        code = _serve(settings, secrets, workers)
    finally:
        _exit_now_if_threads_linger(workers, code)
    return code


async def check(settings: Settings, version: str) -> int:
    """Run every start-up check, one line each; 0 when all pass, 1 otherwise."""

    def emit(result: CheckResult) -> None:
        print(result.line, flush=True)

    print(bilingual("command_check_header", version=version), flush=True)
    report = await run_checks(settings, emit)
    if report.ok:
        print(f"OK @{report.username}")
        return 0
    failed = bilingual("command_checks_failed", failures=report.failures)
    print(f"{bilingual('command_failed')}: {failed}")
    return 1


def _serve(settings: Settings, secrets: list[str], workers: ThreadPoolExecutor) -> int:
    """Run the service on a loop of its own; one line and an exit code on failure."""
    loop = asyncio.new_event_loop()
    loop.set_default_executor(workers)
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(Service(settings, secrets).run())
        return 0
    except SecretKeyError as error:
        print(bilingual("command_secret_key_error", error=error), file=sys.stderr)
        return 2
    except InvalidToken:
        print(TOKEN_REJECTED, file=sys.stderr)
        return 2
    except (DatabaseUnusable, SchemaTooNew, StorageUnavailable) as error:
        print(
            bilingual("command_database_error", path=settings.database_path, error=error),
            file=sys.stderr,
        )
        return 1
    except TelegramError as error:
        message = scrub(error.message, secrets)
        print(bilingual("command_telegram_failed", message=message), file=sys.stderr)
        return 1
    except OSError as error:
        # In webhook mode most often the port is taken or the address is not this machine's.
        hint = " (WEBHOOK_LISTEN, WEBHOOK_PORT?)" if settings.webhook else ""
        print(bilingual("command_start_failed", error=error, hint=hint), file=sys.stderr)
        return 1
    finally:
        _close(loop)


def _close(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what is left on the loop, briefly wait for it, and close the loop."""
    leftovers = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in leftovers:
        task.cancel()
    if leftovers:
        with contextlib.suppress(Exception):
            loop.run_until_complete(asyncio.wait(leftovers, timeout=_LEFTOVER_WAIT))
    loop.close()


def _exit_now_if_threads_linger(workers: ThreadPoolExecutor, code: int) -> None:
    """End the process now if a worker thread is still busy (a name lookup that hangs).

    Python would wait for it at exit, for as long as the resolver takes, and the stop
    signal would not be heeded; everything of ours is closed by now.
    """
    workers.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + _LEFTOVER_WAIT
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join(max(deadline - time.monotonic(), 0))
    lingering = [
        t
        for t in threading.enumerate()
        if t is not threading.main_thread() and not t.daemon and t.is_alive()
    ]
    if lingering:
        log.warning("exiting without waiting for busy threads=%d", len(lingering))
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
