"""A surge: many feedbacks in a few minutes, and how long the staff group takes to see them.

Time is scaled: Telegram's limits are played ``scale`` times faster on both sides (PTB's
AIORateLimiter in the bot, ``FloodControl`` in the server: 30 × scale messages a second
overall, 20 per 60 / scale seconds into the group), feedback arrives ``scale`` times faster
and the simulated network latency is divided by ``scale``; elapsed real time × scale is the
simulated time reported. Only the bot's own processing is not sped up, so a scaled run is
pessimistic: our per-message cost counts ``scale`` times over in simulated time.

Feedback is stored with ``db.feedback.submit`` (what «Gửi» does, in the same transaction
and with the same outbox row) directly into the running bot's database at the scaled rate,
and the outbox worker is woken as the handler wakes it; the residents' conversations are
left out so that 1,000 feedbacks fit in a benchmark's time (their cost is the step
benchmark's). Delivery is the real worker over the real Bot API.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.app import build_application
from storage import NewFeedback
from tests.bench.world import (
    AREA_CODE,
    AREA_NAME,
    REFERENCE_CODE,
    STAFF_CHAT_ID,
    ApiThread,
    feedback_text,
    make_server,
    polling,
    scaled_rate_limiter,
    settings_for,
)
from tests.botapi.model import BotMessage
from tests.botapi.server import FloodControl

# Real seconds by which a message may reach the server's count late (thread hand-offs on a
# 2-core machine); measured overshoots were below 0.5 ms.
FLOOD_JITTER = 0.01
ECONOMY_TOPIC_ID = 2  # "Kinh tế, đời sống", a default topic (migration 0002)


@dataclass
class SurgeResult:
    """What the staff group saw of a surge."""

    feedbacks: int
    delivered: int
    minutes: float  # simulated minutes from the first submission until the last is in the group
    refused: int  # 429s the server answered
    group_messages: int  # messages the bot put in the group
    scale: float
    delays_s: list[float] = field(default_factory=list)  # simulated seconds, per feedback


async def run_surge(
    workdir: Path,
    *,
    feedbacks: int,
    over_minutes: float,
    scale: float,
    latency: float,
    deadline_minutes: float = 60.0,
) -> SurgeResult:
    """Submit ``feedbacks`` evenly over ``over_minutes`` simulated minutes; wait for the group.

    ``latency`` is the simulated Bot API latency in seconds (divided by ``scale`` for real).
    """
    server = make_server()
    server.latency = latency / scale
    flood = FloodControl(
        overall_rate=30 * scale,
        overall_period=1.0,
        group_rate=20,
        group_period=60 / scale,
        jitter=FLOOD_JITTER,
    )
    server.flood = flood
    seen: dict[str, float] = {}

    def in_group(message: BotMessage) -> None:
        if message.chat_id == STAFF_CHAT_ID:
            now = time.monotonic()
            for code in REFERENCE_CODE.findall(message.text):
                seen.setdefault(code, now)

    server.listeners.append(in_group)
    api = ApiThread(server)
    api.start()
    submitted: dict[str, float] = {}
    try:
        application = build_application(
            settings_for(workdir, server), rate_limiter=scaled_rate_limiter(scale)
        )
        async with polling(application):
            runtime = application.bot_data
            database = runtime.database
            area = await database.areas.add(AREA_CODE, AREA_NAME)
            interval = over_minutes * 60 / scale / feedbacks
            started = time.monotonic()
            for n in range(feedbacks):
                await asyncio.sleep(max(0.0, started + n * interval - time.monotonic()))
                stored = await database.feedback.submit(
                    NewFeedback(area.id, ECONOMY_TOPIC_ID, feedback_text(n))
                )
                submitted[stored.feedback.code] = time.monotonic()
                runtime.wake_outbox()
            give_up = started + deadline_minutes * 60 / scale
            # ``seen`` fills on the server's thread: looked at every 20 ms.
            while not all(code in seen for code in submitted) and time.monotonic() < give_up:  # noqa: ASYNC110
                await asyncio.sleep(0.02)
    finally:
        api.stop()
    arrived = [seen[code] for code in submitted if code in seen]
    last = max(arrived) if len(arrived) == len(submitted) else float("inf")
    return SurgeResult(
        feedbacks=feedbacks,
        delivered=len(arrived),
        minutes=(last - started) * scale / 60,
        refused=flood.refused,
        group_messages=flood.counted,
        scale=scale,
        delays_s=[(seen[c] - at) * scale for c, at in submitted.items() if c in seen],
    )
