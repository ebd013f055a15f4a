"""What every benchmark runs in: the local Bot API on its own thread, the bot, residents.

The Bot API server (``tests.botapi.server.BotAPIServer``) runs on a thread of its own with
its own event loop, as Telegram runs on another machine: its simulated latency never blocks
the bot's loop, and its CPU time is read from its thread's clock and left out of the bot's.
Residents are driven on the server's loop, the way the end-to-end tests drive them.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from concurrent.futures import Future
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from telegram.ext import AIORateLimiter

from bot.app import ALLOWED_UPDATES
from bot.ptb.context import HomThuApplication
from bot.ptb.flood import SlotRateLimiter
from bot.service.config import BotToken, Settings
from core.committee import Committee
from tests.botapi.model import BotMessage
from tests.botapi.people import Person
from tests.botapi.server import BotAPIServer

T = TypeVar("T")

TOKEN = "123456789:BENCHtokenBENCHtokenBENCHtokenBENCH"
STAFF_CHAT_ID = -1001555000111
ADMIN_ID = 515_000_777
BOT_USERNAME = "homthu_bench_bot"
AREA_CODE = "kp3"
AREA_NAME = "Khu phố 3"
TOPIC = "💼 Đời sống"  # the resident's label of "Kinh tế, đời sống" (migration 0008)
FIRST_RESIDENT = 930_000_000
REFERENCE_CODE = re.compile(r"\b[A-Z]{2}-[0-9A-HJKMNP-TV-Z]{8,}\b")


def settings_for(workdir: Path, server: BotAPIServer) -> Settings:
    """The bot's settings: a fresh database in ``workdir``, the local server's URL."""
    return Settings(
        token=BotToken(TOKEN),
        committee=Committee(
            staff_chat_id=STAFF_CHAT_ID,
            admin_ids=frozenset({ADMIN_ID}),
            unit_name="Thị trấn Cam Lộ",
        ),
        database_path=workdir / "data" / "homthu.sqlite3",
        api_base_url=server.base_url,
        secret_key="bench-secret-" + "b" * 40,
        # Every benchmark resident sends once; the per-resident limit is not what we measure.
        feedback_per_hour=1_000,
        log_level="WARNING",
    )


def scaled_rate_limiter(scale: float) -> SlotRateLimiter:
    """PTB's limiter with Telegram's limits played ``scale`` times faster.

    30 messages a second overall and 20 a minute per group become ``30 * scale`` a second
    and 20 per ``60 / scale`` seconds; the server's ``FloodControl`` enforces the same.
    """
    return SlotRateLimiter(
        max_retries=3,
        overall_max_rate=30 * scale,
        overall_time_period=1,
        group_max_rate=20,
        group_time_period=60 / scale,
    )


def unthrottled_rate_limiter() -> AIORateLimiter:
    """PTB's limiter with no limit left: its bookkeeping is paid, it never makes us wait."""
    return AIORateLimiter(max_retries=3, overall_max_rate=0, group_max_rate=0)


class ApiThread:
    """A ``BotAPIServer`` listening on its own thread and event loop."""

    def __init__(self, server: BotAPIServer) -> None:
        self.server = server
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="bot-api", daemon=True)
        self._ready = threading.Event()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self.server.start())
        self._ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self.server.close())
        self.loop.close()

    def start(self) -> None:
        """Listen; returns once the server accepts connections."""
        self._thread.start()
        self._ready.wait(timeout=10)

    def stop(self) -> None:
        """Stop listening and end the thread."""
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)

    def submit(self, coroutine: Coroutine[Any, Any, T]) -> Future[T]:
        """Run ``coroutine`` on the server's loop."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    async def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run ``coroutine`` on the server's loop and wait for it from the caller's loop."""
        return await asyncio.wrap_future(self.submit(coroutine))

    async def call(self, function: Callable[[], T]) -> T:
        """Call ``function`` on the server's loop (the server is not thread-safe)."""

        async def wrapped() -> T:
            return function()

        return await self.run(wrapped())

    def cpu_seconds(self) -> float:
        """CPU time the server's thread has used (to leave it out of the bot's)."""
        ident = self._thread.ident
        assert ident is not None
        return time.clock_gettime(time.pthread_getcpuclockid(ident))


class BotCpu:
    """CPU time of this process minus the server thread's: the bot's own (its loop, sqlite)."""

    def __init__(self, api: ApiThread) -> None:
        self._api = api

    def __call__(self) -> float:
        return time.process_time() - self._api.cpu_seconds()


class Inbox:
    """What the bot has in each chat, kept up to date by the server, to wait on cheaply.

    ``BotAPIServer.wait_for`` looks through every message of every chat each time anything
    happens, which is fine for a test and quadratic for 200 residents; this index is per chat.
    Lives on the server's loop.
    """

    def __init__(self, server: BotAPIServer) -> None:
        self._server = server
        self._chats: dict[int, dict[int, BotMessage]] = {}
        self._events: dict[int, asyncio.Event] = {}
        server.listeners.append(self._seen)

    def _seen(self, message: BotMessage) -> None:
        self._chats.setdefault(message.chat_id, {})[message.message_id] = message
        event = self._events.get(message.chat_id)
        if event is not None:
            event.set()

    def messages(self, chat_id: int) -> list[BotMessage]:
        """The bot's messages in the chat, oldest first."""
        return sorted(self._chats.get(chat_id, {}).values(), key=lambda m: m.message_id)

    async def wait(
        self,
        person: Person,
        predicate: Callable[[BotMessage], object],
        timeout: float = 60.0,  # noqa: ASYNC109 - the benchmark's own deadline, in seconds
    ) -> BotMessage:
        """The first message sent or changed in the person's chat since their last action."""
        deadline = asyncio.get_running_loop().time() + timeout
        event = self._events.setdefault(person.chat_id, asyncio.Event())
        while True:
            event.clear()
            for message in self._chats.get(person.chat_id, {}).values():
                if message.seq > person.mark and predicate(message):
                    return message
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"no answer in chat {person.chat_id} within {timeout:g} s")
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                continue


def has_button(label: str) -> Callable[[BotMessage], bool]:
    """A predicate: the message has a button whose label contains ``label``."""
    return lambda message: message.button_data(label) is not None


def press(person: Person, message: BotMessage, label: str) -> None:
    """Press the button of ``message`` whose label contains ``label``."""
    data = message.button_data(label)
    assert data is not None, f"no button {label!r} in {message!r}"
    person.press_data(data, message)


def residents(server: BotAPIServer, count: int, first: int = FIRST_RESIDENT) -> list[Person]:
    """``count`` residents in private chats with the bot."""
    return [server.resident(first + n, f"Cư dân {n}") for n in range(count)]


def feedback_text(n: int) -> str:
    """A realistic feedback of a few sentences."""
    return (
        f"Góp ý số {n}: đèn đường ở ngõ {n % 97} hỏng đã hai tuần, buổi tối rất tối,"
        " người già và trẻ em đi lại khó khăn. Đề nghị khu phố kiểm tra và sửa sớm."
    )


async def resident_flow(
    inbox: Inbox,
    person: Person,
    n: int,
    timeout: float = 60.0,  # noqa: ASYNC109 - the benchmark's own deadline, in seconds
) -> str:
    """/start → topic → text → preview → send; the reference code of the receipt."""
    person.say(f"/start {AREA_CODE}")
    greeting = await inbox.wait(person, has_button(TOPIC), timeout)
    press(person, greeting, TOPIC)
    await inbox.wait(person, lambda m: "✍️" in m.text, timeout)
    person.say(feedback_text(n))
    acknowledged = await inbox.wait(person, has_button("Xem lại"), timeout)
    press(person, acknowledged, "Xem lại")
    card = await inbox.wait(person, has_button("Gửi"), timeout)
    press(person, card, "Gửi")
    receipt = await inbox.wait(person, lambda m: "Mã tra cứu" in m.text, timeout)
    match = REFERENCE_CODE.search(receipt.text)
    assert match is not None, receipt.text
    return match.group(0)


def make_server() -> BotAPIServer:
    """The local Bot API with the staff group the bot belongs to."""
    server = BotAPIServer(TOKEN, bot_username=BOT_USERNAME)
    server.group(STAFF_CHAT_ID)
    # The admin's private chat and group membership, for the bot's per-scope command menus.
    server.admin(ADMIN_ID, "Quản trị")
    server.admin(ADMIN_ID, "Quản trị", group=STAFF_CHAT_ID)
    return server


@asynccontextmanager
async def initialized(application: HomThuApplication) -> AsyncIterator[HomThuApplication]:
    """The bot's services open (database, menus), not polling: updates are fed by hand."""
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)
    try:
        yield application
    finally:
        await application.shutdown()
        assert application.post_shutdown is not None
        await application.post_shutdown(application)


@asynccontextmanager
async def polling(application: HomThuApplication) -> AsyncIterator[HomThuApplication]:
    """The bot as ``python -m bot`` runs it: long polling, outbox worker, jobs."""
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)
    updater = application.updater
    assert updater is not None
    await updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=ALLOWED_UPDATES)
    await application.start()
    try:
        yield application
    finally:
        await updater.stop()
        await application.stop()
        assert application.post_stop is not None
        await application.post_stop(application)
        await application.shutdown()
        assert application.post_shutdown is not None
        await application.post_shutdown(application)
