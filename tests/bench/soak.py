"""Soak: does the bot's memory follow recent residents, or everyone since the start?

``count`` new residents each go through a whole conversation (/start, topic, text, «Xem
lại», «Gửi»), ``batch`` at a time in rounds as in the step benchmark, updates processed one
at a time; the simulated clock moves 20 s with every round, and after each batch what the
JobQueue runs every minute runs (PTB's persistence run, the idle-draft sweep, which also
expires the rate windows, the language cache and the draft buttons). Then the clock moves
on by 65 idle minutes and the same upkeep runs once more.

RSS is the whole process's, sampled after a garbage collection. The local Bot API server
lives in the same process: what it keeps of each resident (chats, messages, updates,
requests) is dropped after every batch, so that the curve is the bot's. The residents'
feedback stays in the database, as it would: SQLite's page cache is bounded by its
``cache_size``, not by the number of rows.
"""

from __future__ import annotations

import functools
import gc
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.app import build_application
from bot.ptb.context import HomThuContext
from bot.ptb.private import live_conversations, users_to_persist
from tests.bench.steps import _process_pending, _rounds
from tests.bench.world import (
    AREA_CODE,
    AREA_NAME,
    ApiThread,
    BotCpu,
    Inbox,
    initialized,
    make_server,
    residents,
    settings_for,
    unthrottled_rate_limiter,
)
from tests.botapi.people import Person
from tests.botapi.server import BotAPIServer

FIRST_SOAK_RESIDENT = 940_000_000
IDLE = timedelta(minutes=65)
# Simulated time per round of a batch (five rounds a conversation).
ROUND = timedelta(seconds=20)


class SoakClock:
    """The bot's clock, moved by the soak only."""

    def __init__(self) -> None:
        self.now = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class SoakResult:
    """RSS (MiB) after each measured number of conversations, and at the end."""

    conversations: int
    baseline: int  # conversations after which RSS is the baseline
    rss_mb: list[tuple[int, float]] = field(default_factory=list)
    rss_baseline_mb: float = 0.0
    rss_end_mb: float = 0.0
    kept: dict[str, int] = field(default_factory=dict)

    @property
    def growth_mb(self) -> float:
        """RSS at the end minus RSS after the baseline's conversations."""
        return self.rss_end_mb - self.rss_baseline_mb


def rss_mb() -> float:
    """Resident memory of this process, MiB, after a full collection."""
    gc.collect()
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _forget(server: BotAPIServer, inbox: Inbox, people: list[Person]) -> None:
    """Drop what the test server (and the inbox) kept of these residents and their updates:
    it is not the bot's memory."""
    chats = {person.chat_id for person in people}
    server.requests.clear()
    server.updates.clear()
    server.callback_answers.clear()
    server._queries.clear()
    for key in [k for k in server._messages if k[0] in chats]:
        del server._messages[key]
    for key in [k for k in server._bot_messages if k[0] in chats]:
        del server._bot_messages[key]
    for chat in chats:
        server._chats.pop(chat, None)
        server._users.pop(chat, None)
        server._members.pop(chat, None)
        server._message_ids.pop(chat, None)
        inbox._chats.pop(chat, None)
        inbox._events.pop(chat, None)


async def run_soak(
    workdir: Path, count: int, baseline: int = 1000, batch: int = 200
) -> SoakResult:
    """``count`` conversations from new residents, then 65 idle minutes (simulated); RSS
    after the first ``baseline`` conversations is what the end is compared with."""
    server = make_server()
    api = ApiThread(server)
    inbox = Inbox(server)
    api.start()
    clock = SoakClock()
    result = SoakResult(count, min(baseline, count))
    try:
        application = build_application(
            settings_for(workdir, server),
            clock=clock,
            rate_limiter=unthrottled_rate_limiter(),
            deliver_in_background=False,
        )
        cpu = BotCpu(api)
        offset = 0
        async with initialized(application):
            await application.bot_data.database.areas.add(AREA_CODE, AREA_NAME)
            done = 0
            while done < count:
                size = min(batch, count - done)
                first = FIRST_SOAK_RESIDENT + done
                people = await api.call(functools.partial(residents, server, size, first=first))
                for _, action in _rounds(inbox, people):
                    await api.call(action)
                    offset, _ = await _process_pending(application, api, offset, None, cpu)
                    clock.now += ROUND
                await api.call(functools.partial(_forget, server, inbox, people))
                # What the JobQueue runs meanwhile: PTB's periodic persistence run (every
                # 60 s) and the idle-draft sweep (every minute); a batch is 100 s.
                await _upkeep(application)
                done += size
                if done % 1000 == 0 or done in (count, batch, result.baseline):
                    result.rss_mb.append((done, round(rss_mb(), 1)))
                if done == result.baseline:
                    result.rss_baseline_mb = result.rss_mb[-1][1]
            clock.now += IDLE
            await _upkeep(application)
            result.rss_end_mb = round(rss_mb(), 1)
            result.rss_mb.append((-1, result.rss_end_mb))
            result.kept = kept_per_resident(application)
    finally:
        api.stop()
    return result


async def _upkeep(application: Any) -> None:
    """Run what the JobQueue runs every minute: PTB's persistence run and the idle-draft
    sweep (which also expires the rate windows, the language cache and the buttons)."""
    from bot.handlers.general import sweep_idle_drafts

    await application.update_persistence()
    job_queue = application.job_queue
    for job in job_queue.jobs():
        if job.callback is sweep_idle_drafts:
            await sweep_idle_drafts(HomThuContext.from_job(job, application))
            return
    raise AssertionError("no idle-draft sweep among the jobs")


def kept_per_resident(application: Any) -> dict[str, int]:
    """How many residents each per-resident structure of the bot (and PTB's) still holds."""
    runtime = application.bot_data
    kept = dict(runtime.resident_structures())
    kept["draft_buttons"] = len(runtime.draft_buttons)
    kept["user_data"] = len(application.user_data)
    kept["conversations"] = sum(len(states) for states in live_conversations(application).values())
    persistence = runtime.persistence
    kept["persistence_drafts"] = len(persistence._drafts)
    kept["persistence_states"] = len(persistence._states)
    kept["users_to_persist"] = users_to_persist(application)
    return kept
