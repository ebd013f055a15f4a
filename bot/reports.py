"""Staff reports rendered for reading: /stats, /open, /find, the digest and its chart,
/export files.

Pure functions of what ``storage.reports`` and ``storage.search`` return; nothing here talks
to Telegram, so the handlers and the scheduled digest only fetch, render and send. The
files themselves (the chart, the export, the report) are drawn by ``documents`` from plain
rows this module resolves.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path

from bot.texts import CATALOGUES, Texts
from bot.views import local_time, pack_lines
from documents.chart import bar_chart_png
from documents.export import ExportRecord, ExportWriter
from documents.letterhead import rate
from storage.reports import (
    Counts,
    ExportRow,
    ExportText,
    OpenItem,
    OpenPage,
    Outcomes,
    PeriodCounts,
)
from storage.search import FoundItem, FoundPage

# Telegram's limit on a message's text once its HTML is parsed (MessageLimit.MAX_TEXT_LENGTH).
MESSAGE_LIMIT = 4096
DEFAULT_REPORT_DAYS = 30
# Ten years: a longer window means "everything" anyway, and keeps timedelta in range.
MAX_REPORT_DAYS = 3660
# Codes per line in the digest's lists of codes.
_CODES_PER_LINE = 8
_DAYS = re.compile(r"[0-9]{1,6}")
_SPACES = re.compile(r"\s+")
# The resolution of stored times: a deadline is the first instant past the last day.
_TICK = timedelta(microseconds=1)


def parse_days(args: Sequence[str], default: int = DEFAULT_REPORT_DAYS) -> int | None:
    """The number of days of ``/stats [days]`` or ``/export [days]``; None when malformed."""
    if not args:
        return default
    if len(args) > 1 or not _DAYS.fullmatch(args[0]):
        return None
    days = int(args[0])
    return days if 1 <= days <= MAX_REPORT_DAYS else None


def days_usage(t: Texts, command: str) -> str:
    """The usage line of a command that takes a number of days."""
    return t(
        "report_days_usage",
        command=command,
        max_days=MAX_REPORT_DAYS,
        default=DEFAULT_REPORT_DAYS,
    )


def day_text(day: date) -> str:
    """A date as Vietnamese readers write it: 21/11/2026."""
    return day.strftime("%d/%m/%Y")


def due_day(due_at: datetime, zone: tzinfo) -> date:
    """The last day allowed, as a person reads a deadline: ``due_at`` is the first instant
    past it (see ``storage.workdays.Deadlines``)."""
    return (due_at - _TICK).astimezone(zone).date()


def rate_text(t: Texts, share: float) -> str:
    """A share from 0 to 1 as a percentage the reader's language writes (83,3% in
    Vietnamese), the way the documents write it."""
    return rate(CATALOGUES[t.language], share)


# --- /stats -------------------------------------------------------------------------------


def stats_messages(t: Texts, counts: Counts, days: int, zone: tzinfo) -> list[str]:
    """Counts by area, topic and status of the last ``days`` days, the share resolved on
    time and the residents' satisfaction."""
    since, until = local_time(counts.since, zone), local_time(counts.until, zone)
    if counts.total == 0:
        return [t("stats_empty", days=days, since=since, until=until)]
    lines = [t("stats_header", days=days, since=since, until=until, total=counts.total)]
    lines += outcome_lines(t, counts.outcomes)
    lines += ["", t("report_by_area")]
    lines += [_share_line(t, a.name, a.count, counts.total) for a in counts.by_area]
    lines += ["", t("report_by_topic")]
    lines += [
        _share_line(t, c.topic.name(t.language), c.count, counts.total) for c in counts.by_topic
    ]
    lines += ["", t("report_by_status")]
    lines += [
        _share_line(t, t(f"status_{s.status.value}"), s.count, counts.total)
        for s in counts.by_status
    ]
    return pack_lines(lines, t("report_continued"))


def outcome_lines(t: Texts, outcomes: Outcomes) -> list[str]:
    """The share resolved on time and the satisfaction rate, or why there is none."""
    on_time, satisfied = outcomes.on_time_rate, outcomes.satisfaction_rate
    return [
        t("stats_on_time_none")
        if on_time is None
        else t(
            "stats_on_time",
            rate=rate_text(t, on_time),
            on_time=outcomes.on_time,
            resolved=outcomes.resolved,
        ),
        t("stats_satisfaction_none")
        if satisfied is None
        else t(
            "stats_satisfaction",
            rate=rate_text(t, satisfied),
            satisfied=outcomes.satisfied,
            ratings=outcomes.ratings,
        ),
    ]


def _share_line(t: Texts, name: str, count: int, total: int) -> str:
    share = round(100 * count / total) if total else 0
    return t("report_share_line", name=name, count=count, share=share)


# --- /open --------------------------------------------------------------------------------


class BacklogKind(StrEnum):
    """Which unresolved feedback a /open list holds."""

    ALL = "all"
    AREA = "area"
    OVERDUE = "overdue"
    MINE = "mine"


@dataclass(frozen=True, slots=True)
class BacklogView:
    """What a /open list holds, as its heading names it: ``name`` is the area's name or
    the officer's."""

    kind: BacklogKind
    name: str = ""


def backlog_messages(
    t: Texts, view: BacklogView, page: OpenPage, number: int, first: int, zone: tzinfo
) -> list[str]:
    """Page ``number`` of a /open list, its first item the ``first``-th of the list: the
    total, then each feedback oldest first, overdue ones marked ⏰ with how late they are."""
    if page.total == 0:
        return [_backlog_empty(t, view)]
    if not page.items:
        return [t("backlog_no_more")]
    header = {
        BacklogKind.ALL: t("backlog_header_all", total=page.total),
        BacklogKind.AREA: t("backlog_header_area", area=view.name, total=page.total),
        BacklogKind.OVERDUE: t("backlog_header_overdue", total=page.total),
        BacklogKind.MINE: t("backlog_header_mine", officer=view.name, total=page.total),
    }[view.kind]
    last = first + len(page.items) - 1
    lines = [header, t("backlog_page", page=number, first=first, last=last), ""]
    lines += [backlog_line(t, item, zone) for item in page.items]
    return pack_lines(lines, t("report_continued"))


def _backlog_empty(t: Texts, view: BacklogView) -> str:
    if view.kind is BacklogKind.AREA:
        return t("backlog_empty_area", area=view.name)
    if view.kind is BacklogKind.OVERDUE:
        return t("backlog_empty_overdue")
    if view.kind is BacklogKind.MINE:
        return t("backlog_empty_mine", officer=view.name)
    return t("open_empty")


def backlog_line(t: Texts, item: OpenItem, zone: tzinfo) -> str:
    """One unresolved feedback: code, date, area, topic, status, due date (or how late it
    is), who handles it, and the start of its text."""
    if item.due_at is None:
        due = t("backlog_no_due")
    else:
        day = day_text(due_day(item.due_at, zone))
        if item.working_days_late is None:
            due = t("backlog_due", due=day)
        elif item.working_days_late == 0:
            due = t("backlog_late_days_off", due=day)
        else:
            due = t("backlog_late", days=item.working_days_late, due=day)
    handler = (
        t("backlog_handler", handler=item.handler) if item.handler else t("backlog_no_handler")
    )
    late = item.working_days_late is not None
    return t.with_html(
        "backlog_line",
        mark=t("open_mark_overdue") if late else t("open_mark_waiting"),
        code=html.escape(item.code, quote=False),
        date=day_text(item.created_at.astimezone(zone).date()),
        area=html.escape(item.area, quote=False),
        topic=html.escape(item.topic.name(t.language), quote=False),
        status=t(f"status_{item.status.value}"),
        due=due,
        handler=handler,
        excerpt=html.escape(item.excerpt, quote=False),
    )


# --- /find --------------------------------------------------------------------------------


def find_messages(t: Texts, page: FoundPage, zone: tzinfo) -> list[str]:
    """What /find answers: how many feedbacks match, then each one, newest first, with the
    matching words in bold in a snippet of the text that matched."""
    words = " ".join(page.words.words)
    if not page.items:
        return [t("find_none", words=words)]
    key = "find_header" if page.total_is_exact else "find_header_many"
    lines = [t(key, words=words, total=page.total)]
    if page.words.left_out:
        lines.append(t("find_left_out", used=len(page.words.words), left_out=page.words.left_out))
    lines.append("")
    lines += [found_line(t, item, zone) for item in page.items]
    shown = page.offset + len(page.items)
    if page.total_is_exact and page.total > shown:
        lines += ["", t("find_more", more=page.total - shown)]
    return pack_lines(lines, t("report_continued"))


def found_line(t: Texts, item: FoundItem, zone: tzinfo) -> str:
    """One feedback found: code, date, area, topic, status, and where the words are."""
    snippet = "".join(
        f"<b>{html.escape(piece, quote=False)}</b>" if matched else html.escape(piece, quote=False)
        for piece, matched in ((_SPACES.sub(" ", p), m) for p, m in item.snippet)
    )
    where = f"find_in_{item.found_in}"
    return t.with_html(
        "find_line",
        code=html.escape(item.code, quote=False),
        date=day_text(item.created_at.astimezone(zone).date()),
        area=html.escape(item.area, quote=False),
        topic=html.escape(item.topic.name(t.language), quote=False),
        status=t(f"status_{item.status.value}"),
        where=t(where) if where in t else t("find_in_feedback"),
        snippet=snippet.strip(),
    )


# --- digest -------------------------------------------------------------------------------


def digest_messages(t: Texts, period: PeriodCounts, unit: str, zone: tzinfo) -> list[str]:
    """The digest of a period; a single line when nothing new came in (no feedback, no
    rating), so staff know the bot is alive."""
    until = local_time(period.until, zone)
    if period.since is None:
        span = t("digest_period_all", until=until)
    else:
        span = t("digest_period", since=local_time(period.since, zone), until=until)
    ratings = period.satisfied_total + period.dissatisfied_total
    if period.new == 0 and ratings == 0:
        return [
            t.with_html(
                "digest_quiet_desk",
                unit=html.escape(unit),
                period=span,
                unresolved=str(period.unresolved),
                overdue=str(period.overdue_total),
                due_soon=str(period.due_soon_total),
            )
        ]
    lines = [t.with_html("digest_header", unit=html.escape(unit), period=span), ""]
    lines.append(t("digest_new", count=period.new))
    if period.new:
        lines.append(t("report_by_area"))
        lines += [t("report_count_line", name=a.name, count=a.count) for a in period.by_area]
        lines.append(t("report_by_topic"))
        lines += [
            t("report_count_line", name=c.topic.name(t.language), count=c.count)
            for c in period.by_topic
        ]
    lines += ["", t("digest_unresolved", count=period.unresolved)]
    if period.overdue_total:
        lines.append(t("digest_overdue_now", count=period.overdue_total))
        lines += _code_lines(t, period.overdue, period.overdue_total)
    else:
        lines.append(t("digest_overdue_now_none"))
    day = day_text(period.due_soon_day)
    if period.due_soon_total:
        lines.append(t("digest_due_soon", day=day, count=period.due_soon_total))
        lines += _code_lines(t, period.due_soon, period.due_soon_total)
    else:
        lines.append(t("digest_due_soon_none", day=day))
    lines.append("")
    if ratings:
        lines.append(
            t(
                "digest_ratings",
                satisfied=period.satisfied_total,
                dissatisfied=period.dissatisfied_total,
            )
        )
        if period.dissatisfied_total:
            lines.append(t("digest_dissatisfied"))
            lines += _code_lines(t, period.dissatisfied, period.dissatisfied_total)
    else:
        lines.append(t("digest_ratings_none"))
    return pack_lines(lines, t("report_continued"))


def _code_lines(t: Texts, codes: Sequence[str], total: int) -> list[str]:
    """Codes, a few to a line, and how many more there are than listed."""
    marked = [f"<code>{html.escape(code)}</code>" for code in codes]
    lines = [
        ", ".join(marked[i : i + _CODES_PER_LINE]) for i in range(0, len(marked), _CODES_PER_LINE)
    ]
    if total > len(codes):
        lines.append(t("digest_codes_more", more=total - len(codes)))
    return lines


def digest_chart_png(period: PeriodCounts, t: Texts, zone: tzinfo) -> bytes | None:
    """A horizontal bar chart of the period's new feedback by topic, most frequent on top;
    None if nothing is new. CPU-bound: call it through ``asyncio.to_thread``."""
    until = local_time(period.until, zone)
    if period.since is None:
        span = html.unescape(t("chart_period_all", until=until))
    else:
        span = html.unescape(t("chart_period", since=local_time(period.since, zone), until=until))
    return bar_chart_png(
        html.unescape(t("chart_title", period=span)),
        html.unescape(t("chart_axis")),
        [(c.topic.name(t.language), c.count) for c in period.by_topic],
    )


# --- /export ------------------------------------------------------------------------------


def export_stem(now: datetime, zone: tzinfo) -> str:
    """A file name (without extension) that says when the export was made."""
    return now.astimezone(zone).strftime("gop-y-%Y-%m-%d-%H%M")


def export_caption(t: Texts, count: int, days: int, since: datetime, zone: tzinfo) -> str:
    """The caption sent with the export files, or the line sent instead of empty files."""
    if count == 0:
        return t("export_empty", days=days)
    return t("export_caption", count=count, days=days, since=local_time(since, zone))


async def write_export(
    rows: AsyncIterator[ExportRow], folder: Path, stem: str, zone: tzinfo, t: Texts
) -> tuple[Path, Path]:
    """Write ``<stem>.csv`` and ``<stem>.xlsx`` in ``folder`` row by row, as rows arrive.

    Memory stays bounded whatever the number of rows (see ``documents.export``); after a
    failure no file is left.
    """
    # The first export imports openpyxl: not on the event loop.
    writer = await asyncio.to_thread(ExportWriter, folder, stem, CATALOGUES[t.language])
    try:
        async for row in rows:
            writer.add(export_record(row, t, zone))
    except BaseException:
        writer.abandon()
        raise
    return await asyncio.to_thread(writer.finish)


def export_record(row: ExportRow, t: Texts, zone: tzinfo) -> ExportRecord:
    """A stored feedback as the export writes it: names and labels in the reader's
    language, times in ``zone``, each answer, note and addition on its own paragraph with
    its time. ``ExportRow`` holds nothing that identifies a resident, so nothing can reach
    the files."""
    rating = None
    if row.satisfied is not None:
        rating = _plain(t, "export_satisfied" if row.satisfied else "export_dissatisfied")
    latitude, longitude = row.location if row.location else (None, None)
    return ExportRecord(
        code=row.code,
        area=row.area,
        topic=row.topic.name(t.language),
        status=_plain(t, f"status_{row.status.value}"),
        created_at=row.created_at.astimezone(zone),
        status_changed_at=row.status_changed_at.astimezone(zone),
        text=row.body,
        answer_count=row.reply_count,
        due=None if row.due_at is None else due_day(row.due_at, zone),
        resolved_at=None if row.resolved_at is None else row.resolved_at.astimezone(zone),
        overdue=None if row.due_at is None else row.overdue,
        handler=row.handler,
        agency=row.agency,
        answers=_paragraphs(t, "export_answer", row.answers, zone),
        notes=_paragraphs(t, "export_note", row.notes, zone),
        additions=_paragraphs(t, "export_addition", row.additions, zone),
        rating=rating,
        latitude=latitude,
        longitude=longitude,
    )


def _paragraphs(t: Texts, key: str, texts: Sequence[ExportText], zone: tzinfo) -> str:
    """Answers, notes or additions as paragraphs separated by a blank line, each with its
    time (and a note's author); a photo is said, since a file cannot show it."""
    paragraphs = []
    for text in texts:
        body = text.body
        if text.photo:
            body = f"{_plain(t, 'export_photo')} {body}".strip()
        values = {"time": local_time(text.at, zone), "body": body, "author": text.author or ""}
        paragraphs.append(_plain(t, key, **values))
    return "\n\n".join(paragraphs)


def _plain(t: Texts, key: str, **values: object) -> str:
    """A catalogue text as plain text (files are not HTML): escaped values restored."""
    return html.unescape(t(key, **values))
