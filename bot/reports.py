"""Staff reports rendered for reading: /stats, /open, the digest and its chart, /export files.

Pure functions of what ``storage.reports`` returns; nothing here talks to Telegram, so the
handlers and the scheduled digest only fetch, render and send.
"""

from __future__ import annotations

import asyncio
import csv
import html
import io
import re
import textwrap
from collections.abc import AsyncIterator, Sequence
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from bot.texts import Texts
from bot.views import local_time, pack_lines
from storage.reports import Counts, ExportRow, OpenItem, PeriodCounts

# Telegram's limit on a message's text once its HTML is parsed (MessageLimit.MAX_TEXT_LENGTH).
MESSAGE_LIMIT = 4096
DEFAULT_REPORT_DAYS = 30
# Ten years: a longer window means "everything" anyway, and keeps timedelta in range.
MAX_REPORT_DAYS = 3660
# Codes per line in the digest's overdue list.
_CODES_PER_LINE = 8
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DAYS = re.compile(r"[0-9]{1,6}")
_BAR_COLOUR = "#c8102e"
# Export columns: widths in the XLSX, in characters.
_WIDTHS = (14, 22, 34, 24, 17, 17, 80, 10)
_EXCEL_TIME = "dd/mm/yyyy hh:mm"
_CSV_TIME = "%Y-%m-%d %H:%M"


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
    """A horizontal bar chart of the period's new feedback by topic; None if nothing is new.

    CPU-bound for a fraction of a second: call it through ``asyncio.to_thread``. Drawn on a
    Figure of its own with the Agg canvas, so no pyplot state is shared between threads.
    """
    if not period.by_topic:
        return None
    until = local_time(period.until, zone)
    if period.since is None:
        span = html.unescape(t("chart_period_all", until=until))
    else:
        span = html.unescape(t("chart_period", since=local_time(period.since, zone), until=until))
    title = html.unescape(t("chart_title", period=span))
    # Most frequent at the top: barh draws the first bar at the bottom.
    shown = list(reversed(period.by_topic))
    labels = [
        _chart_text(textwrap.fill(c.topic.name(t.language), 34, break_long_words=True))
        for c in shown
    ]
    counts = [c.count for c in shown]
    label_lines = sum(label.count("\n") + 1 for label in labels)
    figure = Figure(figsize=(9.0, 2.0 + 0.3 * label_lines + 0.2 * len(labels)), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bars = axes.barh(range(len(shown)), counts, color=_BAR_COLOUR)
    axes.set_yticks(range(len(shown)), labels)
    axes.bar_label(bars, padding=3)
    axes.set_xlim(0, max(counts) * 1.15 + 0.5)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(_chart_text(html.unescape(t("chart_axis"))))
    axes.set_title(_chart_text(title))
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    image = io.BytesIO()
    figure.savefig(image, format="png")
    return image.getvalue()


def _chart_text(text: str) -> str:
    # A pair of $ would be drawn as mathematics.
    return text.replace("$", r"\$")


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

    Memory stays bounded whatever the number of rows: the CSV goes straight to its file and
    openpyxl's write-only workbook keeps its rows in a temporary file until it is saved.
    """
    writer = ExportWriter(folder, stem, zone, t)
    try:
        async for row in rows:
            writer.add(row)
    except BaseException:
        writer.abandon()
        raise
    return await asyncio.to_thread(writer.finish)


class ExportWriter:
    """The CSV and XLSX files of an export, written side by side one row at a time.

    The columns are exactly code, area, topic, status, two dates, text and reply count:
    ``ExportRow`` holds nothing else, so nothing identifying can reach the files.
    """

    def __init__(self, folder: Path, stem: str, zone: tzinfo, t: Texts) -> None:
        self.csv_path = folder / f"{stem}.csv"
        self.xlsx_path = folder / f"{stem}.xlsx"
        self.rows = 0
        self._zone = zone
        self._t = t
        header = [
            t("export_col_code"),
            t("export_col_area"),
            t("export_col_topic"),
            t("export_col_status"),
            t("export_col_created"),
            t("export_col_changed"),
            t("export_col_body"),
            t("export_col_replies"),
        ]
        header = [html.unescape(name) for name in header]
        self._workbook = Workbook(write_only=True)
        self._sheet = self._workbook.create_sheet(html.unescape(t("export_sheet")))
        self._sheet.freeze_panes = "A2"
        for index, width in enumerate(_WIDTHS):
            self._sheet.column_dimensions[chr(ord("A") + index)].width = width
        bold = Font(bold=True)
        self._sheet.append([self._xlsx_text(name, font=bold) for name in header])
        self._wrap = Alignment(wrap_text=True, vertical="top")
        self._top = Alignment(vertical="top")
        # utf-8-sig writes the byte order mark that makes Excel read the file as UTF-8.
        self._csv_file = self.csv_path.open("w", encoding="utf-8-sig", newline="")
        self._csv = csv.writer(self._csv_file)
        self._csv.writerow(header)

    def add(self, row: ExportRow) -> None:
        """Append one feedback to both files."""
        t = self._t
        texts = (
            row.code,
            row.area,
            row.topic.name(t.language),
            t(f"status_{row.status.value}"),
        )
        created = row.created_at.astimezone(self._zone)
        changed = row.status_changed_at.astimezone(self._zone)
        self._csv.writerow(
            [
                *(_csv_text(text) for text in texts),
                created.strftime(_CSV_TIME),
                changed.strftime(_CSV_TIME),
                _csv_text(row.body),
                row.reply_count,
            ]
        )
        self._sheet.append(
            [
                *(self._xlsx_text(text, alignment=self._top) for text in texts),
                self._xlsx_time(created),
                self._xlsx_time(changed),
                self._xlsx_text(row.body, alignment=self._wrap),
                row.reply_count,
            ]
        )
        self.rows += 1

    def finish(self) -> tuple[Path, Path]:
        """Close the CSV and save the workbook; the paths of the CSV and the XLSX."""
        self._csv_file.close()
        self._workbook.save(self.xlsx_path)
        return self.csv_path, self.xlsx_path

    def abandon(self) -> None:
        """Close and delete what was written, after a failure."""
        try:
            self._csv_file.close()
            # The write-only sheet streams its rows into a temporary file of openpyxl's:
            # finish it, as saving would, and delete it, since it will not be saved.
            self._sheet.close()
            self._sheet._writer.cleanup()
        finally:
            self.csv_path.unlink(missing_ok=True)
            self.xlsx_path.unlink(missing_ok=True)

    def _xlsx_text(
        self, text: str, *, font: Font | None = None, alignment: Alignment | None = None
    ) -> WriteOnlyCell:
        # XLSX cannot hold control characters. openpyxl would store a text starting with =
        # as a formula; typed as a string, no cell is ever run.
        cell = WriteOnlyCell(self._sheet, value=ILLEGAL_CHARACTERS_RE.sub("", text))
        cell.data_type = "s"
        if font is not None:
            cell.font = font
        if alignment is not None:
            cell.alignment = alignment
        return cell

    def _xlsx_time(self, moment: datetime) -> WriteOnlyCell:
        # Excel has no time zones: the local wall-clock time, to the second.
        cell = WriteOnlyCell(self._sheet, value=moment.replace(tzinfo=None, microsecond=0))
        cell.number_format = _EXCEL_TIME
        cell.alignment = self._top
        return cell


def _csv_text(text: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets an apostrophe."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


# --- splitting ----------------------------------------------------------------------------
