"""How much the per-chat concurrent update processor buys when Telegram is slow.

``count`` residents go through the whole flow at once against a Bot API that takes
``latency`` seconds per call, once with ``concurrent=False`` (PTB's one update at a time)
and once with the default; the ratio of the two times is the speed-up. Telegram's overall
30 messages a second is lifted here (an unthrottled limiter): it bounds any bot the same
way and would hide what the processor does.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

from bot.app import build_application
from tests.bench.world import (
    AREA_CODE,
    AREA_NAME,
    ApiThread,
    Inbox,
    make_server,
    polling,
    resident_flow,
    residents,
    settings_for,
    unthrottled_rate_limiter,
)
from tests.botapi.people import Person


@dataclass
class FlowRun:
    """One run of the flow."""

    seconds: float
    residents: int
    receipts: int


async def _everyone(inbox: Inbox, people: list[Person], wait: float) -> list[str]:
    flows = [resident_flow(inbox, person, n, wait) for n, person in enumerate(people)]
    return list(await asyncio.gather(*flows))


async def flow_time(
    workdir: Path, count: int, latency: float, *, concurrent: bool, wait: float = 900.0
) -> FlowRun:
    """Seconds for ``count`` residents to get their receipts, all starting at once.

    ``wait`` is the longest a resident waits for any one answer, in seconds.
    """
    server = make_server()
    server.latency = latency
    api = ApiThread(server)
    inbox = Inbox(server)
    api.start()
    try:
        application = build_application(
            settings_for(workdir, server),
            rate_limiter=unthrottled_rate_limiter(),
            concurrent=concurrent,
        )
        async with polling(application):
            await application.bot_data.database.areas.add(AREA_CODE, AREA_NAME)
            people = await api.call(lambda: residents(server, count))
            started = time.perf_counter()
            codes = await api.run(_everyone(inbox, people, wait))
            seconds = time.perf_counter() - started
    finally:
        api.stop()
    return FlowRun(seconds, count, len(set(codes)))
