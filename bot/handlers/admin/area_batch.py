"""/addareas: a commune's whole list of areas in one message, stored all or nothing."""

from __future__ import annotations

import html
import logging

from telegram import Message

from bot.handlers.admin.area_input import (
    MAX_BATCH_LINES,
    AreaLine,
    batch_lines,
    read_area_lines,
)
from bot.handlers.admin.common import reply_lines
from bot.ptb.context import HomThuContext
from storage import DuplicateArea
from texts import Texts

log = logging.getLogger(__name__)

# How much of a wrong line is echoed back.
_ECHO_LINE = 60


async def add_areas(message: Message, context: HomThuContext, t: Texts) -> None:
    """/addareas, then one area per line (``code name…`` or a name alone): all or none."""
    lines = batch_lines(_after_command(message.text or ""))
    if not lines:
        await message.reply_text(t("usage_addareas", most=MAX_BATCH_LINES))
        return
    if len(lines) > MAX_BATCH_LINES:
        await message.reply_text(t("areas_batch_too_many", count=len(lines), most=MAX_BATCH_LINES))
        return
    taken = {area.code: area.name for area in await context.db.areas.list()}
    read = read_area_lines(lines, taken)
    wrong = [line for line in read if line.problems]
    if wrong:
        log.info("areas not added lines=%d wrong=%d", len(read), len(wrong))
        header = t("areas_batch_refused_header", bad=len(wrong), count=len(read))
        await reply_lines(message, header, [_wrong_line(t, line) for line in wrong])
        return
    try:
        areas = await context.db.areas.add_many([(str(line.code), line.name) for line in read])
    except DuplicateArea as exc:
        # Another admin added one of these codes since the list was read.
        await message.reply_text(t("areas_batch_taken_meanwhile", code=str(exc)))
        return
    log.info("areas added count=%d", len(areas))
    added = [
        t("areas_batch_added_line", number=line.number, code=area.code, name=area.name)
        for line, area in zip(read, areas, strict=True)
    ]
    header = t("areas_batch_added_header", count=len(areas))
    await reply_lines(message, header, [*added, t("areas_batch_added_footer")])


def _after_command(text: str) -> str:
    """What follows ``/addareas`` (or ``/addareas@bot``), on its line and the next ones."""
    parts = text.split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


def _wrong_line(t: Texts, line: AreaLine) -> str:
    """One wrong line: its number, what was typed, and every reason it is wrong."""
    typed = line.typed if len(line.typed) <= _ECHO_LINE else f"{line.typed[:_ECHO_LINE]}…"
    reasons = "; ".join(t(problem.key, **problem.values) for problem in line.problems)
    return t.with_html(
        "areas_batch_refused_line",
        number=str(line.number),
        typed=html.escape(typed, quote=False),
        reason=reasons,
    )
