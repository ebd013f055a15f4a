"""Running the bot as a service: start, wait for SIGTERM or SIGINT, stop within two seconds.

PTB's ``run_polling`` and ``run_webhook`` stop gracefully but without a bound: with
Telegram unreachable, their last ``getUpdates`` and every message in flight wait for their
timeouts, and a stop signal is not heeded for tens of seconds. Here every phase, start-up
included, races the stop signal, and stopping has a budget: what is in hand gets most of
it, and what does not finish in time is dropped. Nothing is lost by that: drafts are on
disk before a resident is told they are kept, and what waits for Telegram waits in the
outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Awaitable, Coroutine
from typing import Any, TypeVar

from telegram import Bot
from telegram.error import InvalidToken, TelegramError

from bot.app import ALLOWED_UPDATES, build_application
from bot.ptb.context import HomThuApplication
from bot.service.config import Settings
from bot.service.webhook import WebhookServer

# Not __name__: run as ``python -m bot`` the entry module is "__main__".
log = logging.getLogger("bot.main")
T = TypeVar("T")

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# From the stop signal to the end of the process.
STOP_BUDGET = 1.8
# Of which the last part is kept for closing the database.
CLOSE_RESERVE = 0.3
# Waiting for Telegram at start-up: the first retry after 1 s, doubling up to 30 s.
FIRST_RETRY = 1.0
LONGEST_RETRY = 30.0
# In webhook mode a failing setWebhook is most often a configuration error (a host Telegram
# cannot resolve, a certificate it refuses) that no retry mends: give up after a few tries
# and exit with a clear line; systemd's Restart=on-failure tries again later.
WEBHOOK_ATTEMPTS = 3


class Stopped(Exception):
    """A stop signal arrived before the phase in progress finished."""


class Service:
    """The bot as one running process: its application, its stop signal, its phases."""

    def __init__(self, settings: Settings, secrets: list[str]) -> None:
        self.settings = settings
        self._secrets = secrets
        self._stop = asyncio.Event()
        self._application: HomThuApplication | None = None
        self._webhook: WebhookServer | None = None

    def listen_for_signals(self) -> None:
        """SIGINT and SIGTERM ask the service to stop (a second one, to hurry)."""
        loop = asyncio.get_running_loop()
        for number in STOP_SIGNALS:
            loop.add_signal_handler(number, self._stop.set)

    async def _unless_stopped(self, work: Awaitable[T]) -> T:
        """``work``, or Stopped (and ``work`` cancelled) when a stop signal comes first."""
        task = asyncio.ensure_future(work)
        stop = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait((task, stop), return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
            raise Stopped
        return task.result()

    async def run(self) -> None:
        """Start, serve until a stop signal, and stop within ``STOP_BUDGET``."""
        self.listen_for_signals()
        application = build_application(self.settings)
        self._application = application
        try:
            await self._unless_stopped(self._start(application))
            log.info("bot running mode=%s", "webhook" if self._webhook else "polling")
            await self._stop.wait()
        except Stopped:
            log.info("stopped while starting")
        finally:
            await self._shut_down(application)

    async def _start(self, application: HomThuApplication) -> None:
        await wait_for_telegram(application.bot, self._secrets)
        await application.initialize()
        assert application.post_init is not None
        await application.post_init(application)
        webhook = self.settings.webhook
        if webhook is None:
            assert application.updater is not None
            # bootstrap_retries=-1: should Telegram drop out again before polling starts,
            # PTB retries rather than exits (a bad token still stops).
            await application.updater.start_polling(
                allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1
            )
        else:
            self._webhook = WebhookServer(application, webhook)
            self._webhook.start()
            await set_webhook(application.bot, self.settings)
        await application.start()

    async def _shut_down(self, application: HomThuApplication) -> None:
        """Every stopping step, each within what is left of the budget."""
        deadline = time.monotonic() + STOP_BUDGET
        application.bot_data.stopping = True
        steps: list[tuple[str, Coroutine[Any, Any, Any], float]] = []
        updater = application.updater
        if updater is not None and updater.running:
            steps.append(("updates", updater.stop(), CLOSE_RESERVE + 0.6))
        if self._webhook is not None:
            steps.append(("webhook", self._webhook.stop(), CLOSE_RESERVE + 0.6))
        if application.running:
            steps.append(("updates in hand", application.stop(), CLOSE_RESERVE + 0.2))
            assert application.post_stop is not None
            steps.append(("outbox", application.post_stop(application), CLOSE_RESERVE + 0.1))
        steps.append(("application", application.shutdown(), CLOSE_RESERVE))
        assert application.post_shutdown is not None
        steps.append(("database", application.post_shutdown(application), 0.0))
        for name, step, reserve in steps:
            left = deadline - time.monotonic() - reserve
            # Closing the database always gets a moment: it ends the last transaction.
            least = CLOSE_RESERVE if name == "database" else 0.05
            try:
                await asyncio.wait_for(step, timeout=max(left, least))
            except TimeoutError:
                log.warning("stopped without waiting for %s", name)
            except Exception as error:
                log.warning("stopping %s failed error=%s", name, type(error).__name__)
        log.info("bot stopped")


async def wait_for_telegram(bot: Bot, secrets: list[str]) -> None:
    """Call getMe until Telegram answers, logging each failure and the next try.

    PTB would retry as well, but silently (at DEBUG, and libraries are held at WARNING):
    an operator watching the journal must see why the bot is not up yet. A rejected token
    raises InvalidToken at once.
    """
    delay = FIRST_RETRY
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
            scrub(reason, secrets),
        )
        await asyncio.sleep(delay)
        delay = min(delay * 2, LONGEST_RETRY)


async def set_webhook(bot: Bot, settings: Settings) -> None:
    """Tell Telegram where to post updates; a few tries, then the error goes up."""
    webhook = settings.webhook
    assert webhook is not None
    for attempt in range(1, WEBHOOK_ATTEMPTS + 1):
        try:
            await bot.set_webhook(
                webhook.url, secret_token=webhook.secret, allowed_updates=ALLOWED_UPDATES
            )
            return
        except TelegramError as error:
            if attempt == WEBHOOK_ATTEMPTS:
                raise
            log.warning(
                "setWebhook failed, trying again attempt=%d error=%s",
                attempt,
                type(error).__name__,
            )
            await asyncio.sleep(FIRST_RETRY * attempt)


def scrub(text: str, secrets: list[str]) -> str:
    """``text`` with every secret replaced."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return text
