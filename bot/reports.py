"""Staff reports rendered for reading: /stats, /open, /find, the digest and its chart,
/export files.

Pure functions of what ``storage.reports`` and ``storage.search`` return; nothing here talks
to Telegram, so the handlers and the scheduled digest only fetch, render and send. The
files themselves (the chart, the export) are drawn by ``documents`` from plain rows this
module resolves.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import AsyncIterator, Sequence
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from bot.texts import CATALOGUES, Texts
from bot.views import local_time, pack_lines
from documents.chart import bar_chart_png
from documents.export import ExportRecord, ExportWriter
from storage.reports import Counts, ExportRow, OpenItem, PeriodCounts
from storage.search import FoundItem, FoundPage

# Telegram's limit on a message's text once its HTML is parsed (MessageLimit.MAX_TEXT_LENGTH).
MESSAGE_LIMIT = 4096
DEFAULT_REPORT_DAYS = 30
# Ten years: a longer window means "everything" anyway, and keeps timedelta in range.
MAX_REPORT_DAYS = 3660
# Codes per line in the digest's overdue list.
_CODES_PER_LINE = 8
_DAYS = re.compile(r"[0-9]{1,6}")
_SPACES = re.compile(r"\s+")


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


# --- /stats -------------------------------------------------------------------------------


def stats_messages(t: Texts, counts: Counts, days: int, zone: tzinfo) -> list[str]:
    """Counts by area, topic and status of the last ``days`` days."""
    since, until = local_time(counts.since, zone), local_time(counts.until, zone)
    if counts.total == 0:
        return [t("stats_empty", days=days, since=since, until=until)]
    lines = [t("stats_header", days=days, since=since, until=until, total=counts.total)]
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


def _share_line(t: Texts, name: str, count: int, total: int) -> str:
    share = round(100 * count / total) if total else 0
    return t("report_share_line", name=name, count=count, share=share)


# --- /open --------------------------------------------------------------------------------


def open_messages(
    t: Texts,
    items: Sequence[OpenItem],
    total: int,
    sla_days: int,
    now: datetime,
    zone: tzinfo,
) -> list[str]:
    """Unresolved feedback oldest first; overdue ones (waiting over ``sla_days``) marked ⏰."""
    if total == 0 and not items:
        return [t("open_empty")]
    lines = [t("open_header", total=total, sla_days=sla_days), ""]
    lines += [_open_line(t, item, sla_days, now, zone) for item in items]
    if total > len(items):
        lines += ["", t("open_more", more=total - len(items), shown=len(items))]
    return pack_lines(lines, t("report_continued"))


def _open_line(t: Texts, item: OpenItem, sla_days: int, now: datetime, zone: tzinfo) -> str:
    waited = now - item.created_at
    days = waited.days
    # The same rule as storage.reports.overdue_codes: created before now - SLA.
    overdue = waited > timedelta(days=sla_days)
    return t(
        "open_line",
        mark=t("open_mark_overdue") if overdue else t("open_mark_waiting"),
        code=item.code,
        date=item.created_at.astimezone(zone).strftime("%d/%m/%Y"),
        age=t("open_age_days", days=days) if days >= 1 else t("open_age_fresh"),
        area=item.area,
        topic=item.topic.name(t.language),
        status=t(f"status_{item.status.value}"),
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
    """The digest of a period; a single line when nothing new came in, so staff know the
    bot is alive."""
    until = local_time(period.until, zone)
    if period.since is None:
        span = t("digest_period_all", until=until)
    else:
        span = t("digest_period", since=local_time(period.since, zone), until=until)
    if period.new == 0:
        return [
            t.with_html(
                "digest_quiet",
                unit=html.escape(unit),
                period=span,
                unresolved=str(period.unresolved),
                sla_days=str(period.sla_days),
                overdue=str(period.overdue_total),
            )
        ]
    lines = [t.with_html("digest_header", unit=html.escape(unit), period=span), ""]
    lines.append(t("digest_new", count=period.new))
    lines.append(t("report_by_area"))
    lines += [t("report_count_line", name=a.name, count=a.count) for a in period.by_area]
    lines.append(t("report_by_topic"))
    lines += [
        t("report_count_line", name=c.topic.name(t.language), count=c.count)
        for c in period.by_topic
    ]
    lines += ["", t("digest_unresolved", count=period.unresolved)]
    if period.overdue_total:
        lines.append(t("digest_overdue", sla_days=period.sla_days, count=period.overdue_total))
        codes = [f"<code>{html.escape(code)}</code>" for code in period.overdue]
        lines += [
            ", ".join(codes[i : i + _CODES_PER_LINE])
            for i in range(0, len(codes), _CODES_PER_LINE)
        ]
        if period.overdue_total > len(period.overdue):
            lines.append(t("digest_overdue_more", more=period.overdue_total - len(period.overdue)))
    else:
        lines.append(t("digest_overdue_none", sla_days=period.sla_days))
    return pack_lines(lines, t("report_continued"))


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
    language, times in ``zone``. ``ExportRow`` holds nothing else, so nothing identifying
    can reach the files; the columns it does not fill yet stay empty."""
    return ExportRecord(
        code=row.code,
        area=row.area,
        topic=row.topic.name(t.language),
        status=html.unescape(t(f"status_{row.status.value}")),
        created_at=row.created_at.astimezone(zone),
        status_changed_at=row.status_changed_at.astimezone(zone),
        text=row.body,
        answer_count=row.reply_count,
    )


# --- splitting ----------------------------------------------------------------------------
