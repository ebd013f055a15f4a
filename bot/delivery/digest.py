"""The periodic digest for the staff group (SPEC §5), on ``DIGEST_CRON`` in ``TIMEZONE``.

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

from bot.delivery.deliveries import STAFF_PHOTO, STAFF_TEXT
from bot.ptb.context import BotRuntime, HomThuContext
from bot.render.reports import digest_chart_png, digest_messages
from storage import PeriodCounts
from texts import Texts

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Digest:
    """The texts and the chart of one period."""

    period: PeriodCounts
    messages: list[str]
    chart_png: bytes | None


def trigger(runtime: BotRuntime) -> CronTrigger:
    """When digests go out."""
    settings = runtime.settings
    return CronTrigger.from_crontab(settings.digest_cron, timezone=settings.timezone)


async def build_digest(runtime: BotRuntime, until: datetime) -> Digest:
    """The digest from the end of the last one to ``until``."""
    settings = runtime.settings
    database = runtime.database
    t = Texts(settings.default_language)
    since = await database.reports.last_digest_at()
    period = await database.reports.new_since(since, until)
    messages = digest_messages(t, period, settings.unit_name, settings.timezone)
    chart = await asyncio.to_thread(digest_chart_png, period, t, settings.timezone)
    return Digest(period, messages, chart)


async def queue_digest(runtime: BotRuntime) -> Digest:
    """Build the digest up to now, queue it for the group and mark the period, at once."""
    now = runtime.now()
    digest = await build_digest(runtime, now)
    messages = [(STAFF_TEXT, {"html": text}) for text in digest.messages]
    if digest.chart_png is not None:
        picture = base64.b64encode(digest.chart_png).decode("ascii")
        messages.append((STAFF_PHOTO, {"png_base64": picture}))
    await runtime.database.reports.queue_digest(now, messages)
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
    await queue_digest(context.runtime)


async def catch_up(runtime: BotRuntime) -> bool:
    """Send the digest that fell due while the bot was down, if one did; True if sent."""
    last = await runtime.database.reports.last_digest_at()
    now = runtime.now()
    if last is None:
        return False
    due = trigger(runtime).get_next_fire_time(None, last.astimezone(runtime.settings.timezone))
    if due is None or due > now:
        return False
    log.info("digest missed while stopped, sending it now")
    await queue_digest(runtime)
    return True
