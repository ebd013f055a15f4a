"""Staff reports rendered for reading: /stats, /open, /find, the digest and its chart,
/export files, and the facts of /report made into a document's data.

Pure functions of what ``storage.reports`` and ``storage.search`` return; nothing here talks
to Telegram, so the handlers and the scheduled digest only fetch, render and send. The
files themselves (the chart, the export, the report) are drawn by ``documents`` from plain
rows this module resolves.
"""

from __future__ import annotations

import asyncio
import calendar
import html
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path

from bot.render import paperwork
from bot.render.views import local_time, pack_lines
from documents.chart import bar_chart_png
from documents.export import ExportRecord, ExportWriter
from documents.letterhead import rate
from documents.report import (
    ForwardedFeedback,
    OverdueFeedback,
    ReportData,
    ReportPeriod,
    ReportTotals,
    TallyRow,
    month_period,
    quarter_period,
)
from storage import (
    Counts,
    ExportRow,
    ExportText,
    FoundItem,
    FoundPage,
    OpenItem,
    OpenPage,
    Outcomes,
    PeriodCounts,
    ReportFacts,
    Tally,
)
from texts import CATALOGUES, Texts

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
    past it (see ``core.rules.workdays.Deadlines``)."""
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
        extension_reason=row.extension_reason,
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


# --- /report ------------------------------------------------------------------------------


class PeriodProblem(StrEnum):
    """Why /report's argument names no period it can report on: it is not a period
    (usage), or the period has not begun."""

    USAGE = "usage"
    FUTURE = "future"


# The years a report may name: the box is younger than 2000, and 4 digits are asked for.
_FIRST_YEAR, _LAST_YEAR = 2000, 2999
_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_QUARTER = re.compile(r"([0-9]{4})-[qQ]([0-9])")
# Words that begin a unit's name as a common noun ("Thị trấn Cam Lộ"): in running text they
# are written in lower case ("Ban Thường trực … thị trấn Cam Lộ").


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """A month (``month``) or a quarter (``quarter``) of ``year``, as /report names it."""

    year: int
    month: int | None = None
    quarter: int | None = None

    @property
    def first_day(self) -> date:
        """The period's first day."""
        if self.month is not None:
            return date(self.year, self.month, 1)
        assert self.quarter is not None
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def last_day(self) -> date:
        """The period's last day."""
        if self.month is not None:
            last_month = self.month
        else:
            assert self.quarter is not None
            last_month = 3 * self.quarter
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def slug(self) -> str:
        """The period in file names: 2026-11, 2026-Q4."""
        if self.month is not None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-Q{self.quarter}"

    def period(self, t: Texts, last_day: date | None = None) -> ReportPeriod:
        """The period as the report names it, ending on ``last_day`` when it is not over."""
        words = CATALOGUES[t.language]
        if self.month is not None:
            period = month_period(words, self.year, self.month)
        else:
            assert self.quarter is not None
            period = quarter_period(words, self.year, self.quarter)
        if last_day is not None and last_day < period.end:
            return ReportPeriod(period.label, period.start, last_day)
        return period


def parse_report_period(args: Sequence[str], today: date) -> ReportRequest | PeriodProblem:
    """The period of ``/report [YYYY-MM | YYYY-Qn]``: the last whole month when none is
    given; a month or quarter that has begun (the current one so far is allowed)."""
    if not args:
        last_month = today.replace(day=1) - timedelta(days=1)
        return ReportRequest(last_month.year, month=last_month.month)
    if len(args) != 1:
        return PeriodProblem.USAGE
    month, quarter = _MONTH.fullmatch(args[0]), _QUARTER.fullmatch(args[0])
    if month is not None and 1 <= int(month.group(2)) <= 12:
        request = ReportRequest(int(month.group(1)), month=int(month.group(2)))
    elif quarter is not None and 1 <= int(quarter.group(2)) <= 4:
        request = ReportRequest(int(quarter.group(1)), quarter=int(quarter.group(2)))
    else:
        return PeriodProblem.USAGE
    if not _FIRST_YEAR <= request.year <= _LAST_YEAR:
        return PeriodProblem.USAGE
    if request.first_day > today:
        return PeriodProblem.FUTURE
    return request


def report_bounds(
    request: ReportRequest, now: datetime, zone: tzinfo
) -> tuple[datetime, datetime, date | None]:
    """The instants the period runs between, ``[start, end)`` in UTC (local days), and the
    day it is reported up to when it is not over yet (then ``end`` is now), else None."""
    start = datetime.combine(request.first_day, time(), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(request.last_day + timedelta(days=1), time(), tzinfo=zone)
    if end.astimezone(UTC) <= now:
        return start, end.astimezone(UTC), None
    return start, now, now.astimezone(zone).date()


def report_data(
    t: Texts,
    facts: ReportFacts,
    period: ReportPeriod,
    *,
    unit: str,
    today: date,
    zone: tzinfo,
) -> ReportData:
    """The facts of a period as the report document takes them: the committee named from
    ``unit``, names and labels in the reader's language, dates in ``zone``."""
    letterhead = paperwork.letterhead(t, unit, today)
    totals = facts.totals
    return ReportData(
        letterhead=letterhead,
        period=period,
        totals=ReportTotals(
            received=totals.received,
            resolved=totals.resolved,
            rejected=totals.rejected,
            forwarded=len(facts.forwarded),
            open=totals.open,
            on_time_rate=facts.on_time_rate,
            satisfaction_rate=facts.satisfaction_rate,
            ratings=facts.ratings,
            on_time_basis=facts.on_time_basis,
            unsatisfied=facts.ratings - facts.satisfied,
        ),
        by_topic=tuple(_tally_row(c.topic.name(t.language), c.tally) for c in facts.by_topic),
        by_area=tuple(_tally_row(a.name, a.tally) for a in facts.by_area),
        forwarded=tuple(
            ForwardedFeedback(
                code=item.code,
                topic=item.topic.name(t.language),
                area=item.area,
                agency=item.agency or _plain(t, "report_doc_agency_unknown"),
                forwarded_on=item.forwarded_at.astimezone(zone).date(),
                status=_plain(t, f"status_{item.status.value}"),
            )
            for item in facts.forwarded
        ),
        overdue=tuple(
            OverdueFeedback(
                code=item.code,
                area=item.area,
                topic=item.topic.name(t.language),
                due=item.due_day,
                working_days_late=item.working_days_late,
                handler=item.handler,
                received=item.received_at.astimezone(zone).date(),
            )
            for item in facts.overdue
        ),
        recipients=(
            _plain(t, "report_doc_recipient_superior"),
            _plain(t, "report_doc_recipient_local", unit=paperwork.unit_in_text(unit)),
        ),
    )


def _tally_row(name: str, tally: Tally) -> TallyRow:
    return TallyRow(
        name=name,
        received=tally.received,
        resolved=tally.resolved,
        on_time=tally.on_time,
        rejected=tally.rejected,
        open=tally.open,
        overdue=tally.overdue,
    )


def report_caption(t: Texts, facts: ReportFacts, period: ReportPeriod, so_far: date | None) -> str:
    """The caption of the report's files: its period and totals, or that it is empty."""
    label = period.label
    if so_far is not None:
        label = f"{label} {html.unescape(t('period_report_so_far', day=day_text(so_far)))}"
    totals = facts.totals
    if totals.received == 0:
        return t("period_report_caption_empty", period=label)
    return t(
        "period_report_caption",
        period=label,
        received=totals.received,
        resolved=totals.resolved,
        rejected=totals.rejected,
        open=totals.open,
    )


def report_stem(request: ReportRequest) -> str:
    """The report's file name without extension: bao-cao-2026-11, bao-cao-2026-Q4."""
    return f"bao-cao-{request.slug}"
