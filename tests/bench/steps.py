"""Our own cost per resident step, and the same for a bare PTB echo bot.

Residents act in rounds (everyone's /start, then everyone's topic, ...), so ``count``
conversations are open at once, interleaved as they would be. The bot fetches the round's
updates with getUpdates and runs ``application.process_update`` on each, one at a time, so
the time measured is the update's own, not time spent queueing behind others; the Bot API
answers at zero latency (its server thread's CPU is left out of the bot's). The echo bot's
rounds alternate with ours, in the same minutes.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.app import ALLOWED_UPDATES, build_application
from tests.bench.world import (
    AREA_CODE,
    AREA_NAME,
    TOKEN,
    TOPIC,
    ApiThread,
    BotCpu,
    Inbox,
    feedback_text,
    initialized,
    make_server,
    residents,
    settings_for,
    unthrottled_rate_limiter,
)
from tests.botapi.people import Person
from tests.botapi.server import BotAPIServer

WARM_UP_RESIDENTS = 5
ECHO_MESSAGES_EACH = 5


@dataclass
class Samples:
    """Per-update measurements of one bot."""

    cpu_ms: list[float] = field(default_factory=list)
    wall_ms: list[float] = field(default_factory=list)
    api_calls: int = 0

    @property
    def updates(self) -> int:
        """How many updates were measured."""
        return len(self.cpu_ms)

    def mean_cpu_ms(self) -> float:
        """Mean CPU time per update."""
        return sum(self.cpu_ms) / max(1, len(self.cpu_ms))

    def calls_per_update(self) -> float:
        """Bot API calls made per update."""
        return self.api_calls / max(1, self.updates)


@dataclass
class StepResult:
    """Our bot's steps and the echo bot's messages, measured in the same run."""

    ours: Samples
    echo: Samples
    by_step: dict[str, list[float]]


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


async def _process_pending(
    application: Application,  # type: ignore[type-arg,unused-ignore]
    api: ApiThread,
    offset: int,
    samples: Samples | None,
    cpu: Callable[[], float],
) -> tuple[int, list[float]]:
    """Fetch every queued update and process each alone; the new offset and CPU times."""
    server = api.server
    cpu_times: list[float] = []
    while True:
        updates = await application.bot.get_updates(
            offset=offset, timeout=0, limit=100, allowed_updates=ALLOWED_UPDATES
        )
        if not updates:
            return offset, cpu_times
        for update in updates:
            calls_before = len(server.requests)
            wall, started = time.perf_counter(), cpu()
            await application.process_update(update)
            spent_cpu, spent_wall = cpu() - started, time.perf_counter() - wall
            cpu_times.append(spent_cpu * 1000)
            if samples is not None:
                samples.cpu_ms.append(spent_cpu * 1000)
                samples.wall_ms.append(spent_wall * 1000)
                samples.api_calls += len(server.requests) - calls_before
            offset = update.update_id + 1


def _newest_with(inbox: Inbox, person: Person, label: str) -> None:
    for message in reversed(inbox.messages(person.chat_id)):
        data = message.button_data(label)
        if data is not None:
            person.press_data(data, message)
            return
    raise AssertionError(f"no button {label!r} for resident {person.id}")


def _rounds(inbox: Inbox, people: list[Person]) -> list[tuple[str, Callable[[], None]]]:
    def start() -> None:
        for person in people:
            person.say(f"/start {AREA_CODE}")

    def topic() -> None:
        for person in people:
            _newest_with(inbox, person, TOPIC)

    def write() -> None:
        for n, person in enumerate(people):
            person.say(feedback_text(n))

    def preview() -> None:
        for person in people:
            _newest_with(inbox, person, "Xem lại")

    def send() -> None:
        for person in people:
            _newest_with(inbox, person, "Gửi")

    return [
        ("start", start),
        ("topic", topic),
        ("text", write),
        ("preview", preview),
        ("send", send),
    ]


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say the text back."""
    message = update.effective_message
    if message is not None and message.text is not None:
        await message.reply_text(message.text)


def echo_application(server: BotAPIServer) -> Application:  # type: ignore[type-arg,unused-ignore]
    """The baseline: a bare PTB Application with one handler echoing text."""
    application = ApplicationBuilder().token(TOKEN).base_url(server.base_url).build()
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
    return application


async def measure_steps(workdir: Path, count: int) -> StepResult:
    """``count`` residents through the flow and ``count`` echo-bot users, same server.

    The rounds alternate, ours then the echo bot's (its users each send one message a
    round): the ratio compares the two over the same minutes, so that the machine's slower
    and faster moments weigh on both alike.
    """
    server = make_server()
    api = ApiThread(server)
    inbox = Inbox(server)
    cpu = BotCpu(api)
    ours = build_application(
        settings_for(workdir, server),
        rate_limiter=unthrottled_rate_limiter(),
        # The staff notifications are the outbox worker's, not a step's: not run here.
        deliver_in_background=False,
    )
    echo = echo_application(server)
    ours_samples, echo_samples = Samples(), Samples()
    by_step: dict[str, list[float]] = {}
    api.start()
    try:
        async with initialized(ours), echo:
            await ours.bot_data.database.areas.add(AREA_CODE, AREA_NAME)
            offset = await _warm_up(ours, echo, api, inbox)
            people = await api.call(lambda: residents(server, count))
            talkers = await api.call(lambda: residents(server, count, first=933_000_000))
            rounds = _rounds(inbox, people)
            assert len(rounds) == ECHO_MESSAGES_EACH
            for round_, (name, action) in enumerate(rounds):
                await api.call(action)
                offset, by_step[name] = await _process_pending(
                    ours, api, offset, ours_samples, cpu
                )
                await api.call(functools.partial(_say, talkers, round_))
                offset, _ = await _process_pending(echo, api, offset, echo_samples, cpu)
            receipts = await api.call(
                lambda: sum(
                    1
                    for person in people
                    if any("Mã tra cứu" in m.text for m in inbox.messages(person.chat_id))
                )
            )
    finally:
        api.stop()
    assert receipts == count, f"{receipts} of {count} residents got a receipt"
    return StepResult(ours_samples, echo_samples, by_step)


async def _warm_up(
    ours: Application,  # type: ignore[type-arg,unused-ignore]
    echo: Application,  # type: ignore[type-arg,unused-ignore]
    api: ApiThread,
    inbox: Inbox,
) -> int:
    """A few conversations and messages not measured (first calls, caches); the offset."""
    server, cpu, offset = api.server, BotCpu(api), 0
    warm = await api.call(lambda: residents(server, WARM_UP_RESIDENTS, first=931_000_000))
    for _, action in _rounds(inbox, warm):
        await api.call(action)
        offset, _ = await _process_pending(ours, api, offset, None, cpu)
    talkers = await api.call(lambda: residents(server, WARM_UP_RESIDENTS, first=932_000_000))
    await api.call(functools.partial(_say, talkers, 0))
    offset, _ = await _process_pending(echo, api, offset, None, cpu)
    return offset


def _say(people: list[Person], round_: int) -> None:
    """Each echo-bot user sends one message (a feedback's text, different every round)."""
    for n, person in enumerate(people):
        person.say(feedback_text(n * ECHO_MESSAGES_EACH + round_))
