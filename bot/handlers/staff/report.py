"""/report [YYYY-MM | YYYY-Qn]: the committee's periodic report as DOCX and PDF (SPEC §5)."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.constants import ChatAction

from bot.handlers.staff.access import staff_only
from bot.ptb.context import HomThuContext
from bot.render.reports import (
    PeriodProblem,
    parse_report_period,
    report_bounds,
    report_caption,
    report_data,
    report_stem,
)
from documents.report import render_report_docx, render_report_pdf
from storage.reports import report_facts
from texts import CATALOGUES

log = logging.getLogger(__name__)


@staff_only
async def report_command(update: Update, context: HomThuContext) -> None:
    """/report [YYYY-MM | YYYY-Qn]: the report of a month or quarter (the last whole month
    by default), as a DOCX to edit and sign and a PDF to print."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    committee, now = context.committee, context.runtime.now()
    zone = committee.timezone
    today = now.astimezone(zone).date()
    args = context.args or []
    request = parse_report_period(args, today)
    if request is PeriodProblem.USAGE:
        await message.reply_text(t("period_report_usage"))
        return
    if request is PeriodProblem.FUTURE:
        await message.reply_text(t("period_report_future", period=args[0]))
        return
    start, end, so_far = report_bounds(request, now, zone)
    period = request.period(t, so_far)
    await message.reply_chat_action(ChatAction.UPLOAD_DOCUMENT)
    facts = await report_facts(context.db, start, end)
    data = report_data(t, facts, period, unit=committee.unit_name, today=today, zone=zone)
    words = CATALOGUES[t.language]
    # Drawing takes a CPU for a while (hundreds of rows in a busy quarter): off the loop.
    docx = await asyncio.to_thread(render_report_docx, data, words)
    await message.reply_chat_action(ChatAction.UPLOAD_DOCUMENT)
    pdf = await asyncio.to_thread(render_report_pdf, data, words)
    caption = report_caption(t, facts, period, so_far)
    stem = report_stem(request)
    await message.reply_document(docx, filename=f"{stem}.docx", caption=caption)
    await message.reply_document(pdf, filename=f"{stem}.pdf", caption=caption)
    log.info("report sent period=%s received=%d", request.slug, facts.totals.received)
