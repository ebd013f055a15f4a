"""The periodic digest for a committee's staff group (SPEC §5), on its ``DIGEST_CRON`` in
its ``TIMEZONE``: every function is handed the committee it digests for.

The digest's messages are queued in the outbox in the same transaction that records the
end of the period it covers, so a restart neither repeats a digest (the period is marked)
nor loses one (what is queued is delivered); a digest missed while the bot was down is
sent at the next start.
"""

from __future__ import annotations

import asyncio
import base64
import logging
from dataclasses import dataclass
from datetime import datetime

from apscheduler.triggers.cron import CronTrigger
from telegram.ext import JobQueue

from bot.delivery.deliveries import STAFF_PHOTO, STAFF_TEXT
from bot.ptb.context import BotRuntime, HomThuContext
from bot.render.reports import digest_chart_png, digest_messages
from core.committee import Committee
from storage.outbox import enqueue
from storage.reports import PeriodCounts, get_last_digest_at, new_since, set_last_digest_at
from texts import Texts

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Digest:
    """The texts and the chart of one period."""

    period: PeriodCounts
    messages: list[str]
    chart_png: bytes | None


def trigger(committee: Committee) -> CronTrigger:
    """When ``committee``'s digests go out: its DIGEST_CRON in its time zone."""
    return CronTrigger.from_crontab(committee.digest_cron, timezone=committee.timezone)


def schedule(job_queue: JobQueue[HomThuContext], committee: Committee) -> None:
    """Run the digest on ``committee``'s schedule.

    The job digests for the committee as the runtime holds it when the job runs (its staff
    group may have moved since), so only the schedule is taken from ``committee`` here.
    """
    job_queue.run_custom(
        scheduled_digest, job_kwargs={"trigger": trigger(committee)}, name="digest"
    )


async def build_digest(runtime: BotRuntime, committee: Committee, until: datetime) -> Digest:
    """``committee``'s digest from the end of the last one to ``until``, in its language,
    name and time zone."""
    database = runtime.database
    zone = committee.timezone
    t = Texts(committee.default_language)
    since = await get_last_digest_at(database)
    period = await new_since(database, since, until)
    messages = digest_messages(t, period, committee.unit_name, zone)
    chart = await asyncio.to_thread(digest_chart_png, period, t, zone)
    return Digest(period, messages, chart)


async def queue_digest(runtime: BotRuntime, committee: Committee) -> Digest:
    """Build ``committee``'s digest up to now, queue it for its staff group and mark the
    period, at once."""
    now = runtime.now()
    digest = await build_digest(runtime, committee, now)
    async with runtime.database.transaction() as conn:
        for text in digest.messages:
            await enqueue(conn, STAFF_TEXT, now, payload={"html": text})
        if digest.chart_png is not None:
            picture = base64.b64encode(digest.chart_png).decode("ascii")
            await enqueue(conn, STAFF_PHOTO, now, payload={"png_base64": picture})
        await set_last_digest_at(conn, now)
    runtime.wake_outbox()
    log.info(
        "digest queued new=%d unresolved=%d overdue=%d",
        digest.period.new,
        digest.period.unresolved,
        digest.period.overdue_total,
    )
    return digest


async def scheduled_digest(context: HomThuContext) -> None:
    """The job that runs on ``DIGEST_CRON``."""
    await queue_digest(context.runtime, context.committee)


async def catch_up(runtime: BotRuntime, committee: Committee) -> bool:
    """Send ``committee``'s digest that fell due while the bot was down, if one did; True
    if sent."""
    last = await get_last_digest_at(runtime.database)
    now = runtime.now()
    if last is None:
        return False
    due = trigger(committee).get_next_fire_time(None, last.astimezone(committee.timezone))
    if due is None or due > now:
        return False
    log.info("digest missed while stopped, sending it now")
    await queue_digest(runtime, committee)
    return True
