"""Staff commands: /digest, /stats, /open, /find, /export (SPEC §5)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

from telegram import Message, Update
from telegram.constants import ChatAction

from bot.context import HomThuContext
from bot.digest import build_digest
from bot.handlers.staff.access import staff_only
from bot.reports import (
    days_usage,
    export_caption,
    export_stem,
    find_messages,
    open_messages,
    parse_days,
    stats_messages,
    write_export,
)
from bot.texts import Texts
from storage.reports import ExportRow, count_by, export_rows, open_feedback
from storage.search import EmptySearch, find

log = logging.getLogger(__name__)


# /open lists this many; the rest are counted.
OPEN_LIST_LIMIT = 100
# /find shows this many feedbacks, newest first; more words narrow it down.
FIND_PAGE_SIZE = 20


@staff_only
async def digest_command(update: Update, context: HomThuContext) -> None:
    """/digest: the digest since the last one, now (the schedule is not moved)."""
    message = update.effective_message
    assert message is not None
    digest = await build_digest(context.runtime, context.runtime.now())
    for text in digest.messages:
        await message.reply_text(text)
    if digest.chart_png is not None:
        await message.reply_photo(digest.chart_png)


async def _days_or_usage(
    message: Message, context: HomThuContext, t: Texts, command: str
) -> int | None:
    """The ``[days]`` argument of a report command, or None after answering with its usage."""
    days = parse_days(context.args or [])
    if days is None:
        await message.reply_text(days_usage(t, command))
    return days


@staff_only
async def stats_command(update: Update, context: HomThuContext) -> None:
    """/stats [days]: counts by area, topic and status."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    days = await _days_or_usage(message, context, t, "stats")
    if days is None:
        return
    counts = await count_by(context.db, context.runtime.now() - timedelta(days=days))
    for text in stats_messages(t, counts, days, context.settings.timezone):
        await message.reply_text(text)


@staff_only
async def open_command(update: Update, context: HomThuContext) -> None:
    """/open: unresolved feedback, oldest first, overdue marked."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    backlog = await open_feedback(context.db, OPEN_LIST_LIMIT)
    settings = context.settings
    for text in open_messages(
        t,
        backlog.items,
        backlog.total,
        settings.sla_days,
        context.runtime.now(),
        settings.timezone,
    ):
        await message.reply_text(text)


# --- /find --------------------------------------------------------------------------------


@staff_only
async def find_command(update: Update, context: HomThuContext) -> None:
    """/find <words>: feedback whose text, answers, notes or additions hold every word."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    try:
        page = await find(context.db, " ".join(context.args or []), limit=FIND_PAGE_SIZE)
    except EmptySearch:
        await message.reply_text(t("find_usage"))
        return
    for text in find_messages(t, page, context.settings.timezone):
        await message.reply_text(text)
    log.info("search words=%d found=%d", len(page.words.words), page.total)


# --- /export ------------------------------------------------------------------------------


@staff_only
async def export_command(update: Update, context: HomThuContext) -> None:
    """/export [days]: a CSV (UTF-8 with BOM) and an XLSX of the period's feedback."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    days = await _days_or_usage(message, context, t, "export")
    if days is None:
        return
    now = context.runtime.now()
    since = now - timedelta(days=days)
    zone = context.settings.timezone
    await message.reply_chat_action(ChatAction.UPLOAD_DOCUMENT)
    counted = 0

    async def rows() -> AsyncIterator[ExportRow]:
        nonlocal counted
        async for row in export_rows(context.db, since):
            counted += 1
            yield row

    with tempfile.TemporaryDirectory(prefix="homthu-export-") as folder:
        csv_path, xlsx_path = await write_export(
            rows(), Path(folder), export_stem(now, zone), zone, t
        )
        caption = export_caption(t, counted, days, since, zone)
        if counted == 0:
            await message.reply_text(caption)
            return
        for path in (csv_path, xlsx_path):
            with path.open("rb") as handle:
                await message.reply_document(handle, filename=path.name, caption=caption)
    log.info("export sent rows=%d days=%d", counted, days)
