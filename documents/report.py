"""The periodic report a committee sends upward (/report), as DOCX and as PDF.

Both files are made from the same blocks (paragraphs, headings, tables) so that they say
exactly the same thing; only the drawing differs. The layout is the decree's (Nghị định
30/2020/NĐ-CP): letterhead, "BÁO CÁO" and its subject, numbered sections, "Nơi nhận" and
the signature.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from documents.layout import BODY_PT, LIST_TABLE_PT, Grid, Heading, simple_headings
from documents.letterhead import Letterhead, Words, count, numeric_date, rate, say

if TYPE_CHECKING:
    from fpdf import FPDF

QUARTERS = ("I", "II", "III", "IV")


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """The period reported on: its name in the subject line and its first and last days."""

    label: str
    start: date
    end: date


@dataclass(frozen=True, slots=True)
class ReportTotals:
    """Feedback received in the period, by where it stands when the report is made.

    ``resolved + rejected + open == received``, as at the end of the period; ``forwarded``
    counts those sent to an agency by then, whatever their status. A rate is a share from 0
    to 1, or None when there is nothing to measure it on (no feedback due yet, no rating
    given).
    """

    received: int
    resolved: int
    rejected: int
    forwarded: int
    open: int
    on_time_rate: float | None
    satisfaction_rate: float | None
    ratings: int
    # What the on-time rate is computed over: resolved, or unresolved past the deadline.
    on_time_basis: int = 0
    # Ratings by senders not satisfied with the outcome.
    unsatisfied: int = 0


@dataclass(frozen=True, slots=True)
class TallyRow:
    """One topic's or one area's line of the breakdown tables.

    ``on_time`` is how many of the resolved were resolved by their due date; ``overdue``
    how many of the open are past it.
    """

    name: str
    received: int
    resolved: int
    on_time: int
    rejected: int
    open: int
    overdue: int


@dataclass(frozen=True, slots=True)
class ForwardedFeedback:
    """A feedback forwarded to an agency in the period; ``status`` is its label now."""

    code: str
    topic: str
    area: str
    agency: str
    forwarded_on: date
    status: str


@dataclass(frozen=True, slots=True)
class OverdueFeedback:
    """A feedback past its due date and unresolved at the end of the period; ``received``
    is the day it came in: in the period (then the tables count it too) or before."""

    code: str
    area: str
    topic: str
    due: date
    working_days_late: int
    handler: str | None
    received: date


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything a report says; ``recipients`` are the "Nơi nhận" besides the archive."""

    letterhead: Letterhead
    period: ReportPeriod
    totals: ReportTotals
    by_topic: tuple[TallyRow, ...]
    by_area: tuple[TallyRow, ...]
    forwarded: tuple[ForwardedFeedback, ...]
    overdue: tuple[OverdueFeedback, ...]
    recipients: tuple[str, ...]


def month_period(words: Words, year: int, month: int) -> ReportPeriod:
    """A calendar month, "tháng 11 năm 2026"."""
    last = calendar.monthrange(year, month)[1]
    label = say(words, "doc_period_month", month=month, year=year)
    return ReportPeriod(label, date(year, month, 1), date(year, month, last))


def quarter_period(words: Words, year: int, quarter: int) -> ReportPeriod:
    """A quarter, "quý IV năm 2026" (quarters are written in Roman numerals)."""
    if not 1 <= quarter <= 4:
        raise ValueError(f"a quarter is 1 to 4, not {quarter}")
    first = 3 * quarter - 2
    last = calendar.monthrange(year, first + 2)[1]
    label = say(words, "doc_period_quarter", quarter=QUARTERS[quarter - 1], year=year)
    return ReportPeriod(label, date(year, first, 1), date(year, first + 2, last))


# --- the blocks both files are made of ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Text:
    """A paragraph. A heading is bold; it and a paragraph that leads into a table stay on
    the page with what follows them."""

    text: str
    heading: bool = False
    leads: bool = False

    @property
    def keep_with_next(self) -> bool:
        """Whether the paragraph must share its page with the start of the next block."""
        return self.heading or self.leads


_Block = _Text | Grid

# Column widths in millimetres; each table fills the 165 mm between the margins. A code
# column holds a whole reference code on one line, since a clerk may copy it by hand.
_TALLY_WIDTHS = (10.0, 47.0, 18.0, 18.0, 18.0, 18.0, 18.0, 18.0)
_FORWARDED_WIDTHS = (9.0, 37.0, 27.0, 22.0, 28.0, 21.0, 21.0)
_OVERDUE_WIDTHS = (9.0, 37.0, 24.0, 30.0, 21.0, 17.0, 27.0)


def _blocks(data: ReportData, words: Words) -> list[_Block]:
    """The body of the report, from the opening paragraph to the closing one."""
    head, period, totals = data.letterhead, data.period, data.totals
    start, end = numeric_date(period.start), numeric_date(period.end)
    blocks: list[_Block] = [
        _Text(say(words, "doc_report_intro", committee=head.committee, start=start, end=end)),
        _Text(words["doc_report_section_receipt"], heading=True),
    ]
    if totals.received:
        blocks.append(
            _Text(say(words, "doc_report_received", count=count(words, totals.received)))
        )
        if totals.forwarded:
            forwarded = count(words, totals.forwarded)
            blocks.append(_Text(say(words, "doc_report_forwarded_count", count=forwarded)))
    else:
        blocks.append(_Text(words["doc_report_received_none"]))

    blocks.append(_Text(words["doc_report_section_results"], heading=True))
    if totals.received:
        blocks += [
            _Text(words["doc_report_results_lead"]),
            _Text(say(words, "doc_report_resolved", count=count(words, totals.resolved))),
            _Text(say(words, "doc_report_rejected", count=count(words, totals.rejected))),
            _Text(say(words, "doc_report_open", count=count(words, totals.open))),
        ]
    else:
        blocks.append(_Text(words["doc_report_results_none"]))
    on_time = rate(words, totals.on_time_rate)
    if totals.on_time_rate is None:
        blocks.append(_Text(say(words, "doc_report_on_time_none", rate=on_time, end=end)))
    else:
        basis = count(words, totals.on_time_basis)
        blocks.append(_Text(say(words, "doc_report_on_time", rate=on_time, basis=basis, end=end)))
    satisfaction = rate(words, totals.satisfaction_rate)
    if totals.satisfaction_rate is None:
        blocks.append(_Text(say(words, "doc_report_satisfaction_none", rate=satisfaction)))
    else:
        ratings = count(words, totals.ratings)
        blocks.append(
            _Text(say(words, "doc_report_satisfaction", rate=satisfaction, ratings=ratings))
        )

    blocks.append(_Text(words["doc_report_section_breakdown"], heading=True))
    if data.by_topic or data.by_area:
        blocks += [
            _Text(words["doc_report_by_topic"], heading=True),
            _tally_table(words, words["doc_col_topic"], data.by_topic),
            _Text(words["doc_report_by_area"], heading=True),
            _tally_table(words, words["doc_col_area"], data.by_area),
        ]
    else:
        blocks.append(_Text(words["doc_report_breakdown_none"]))

    blocks.append(_Text(words["doc_report_section_forwarded"], heading=True))
    if data.forwarded:
        many = count(words, len(data.forwarded))
        blocks += [
            _Text(say(words, "doc_report_forwarded_lead", count=many), leads=True),
            _forwarded_table(words, data.forwarded),
        ]
    else:
        blocks.append(_Text(words["doc_report_forwarded_none"]))

    blocks.append(_Text(words["doc_report_section_overdue"], heading=True))
    if data.overdue:
        keys = ("doc_report_overdue_lead", "doc_report_overdue_lead_split")
        lead = _overdue_count(data, words, keys, end=end)
        blocks += [_Text(lead, leads=True), _overdue_table(words, data.overdue)]
    else:
        blocks.append(_Text(say(words, "doc_report_overdue_none", end=end)))
    return blocks + _remarks(data, words)


# A line of dots to write on by hand, or to type over in the DOCX: a little less than a
# line of the body text (13 pt) between the margins.
_FILL_IN = "." * 129


def _remarks(data: ReportData, words: Words) -> list[_Block]:
    """«Nhận xét, kiến nghị»: what the figures say, as a default the committee may keep or
    rewrite, then room for its own remarks and recommendations."""
    totals, end = data.totals, numeric_date(data.period.end)
    blocks: list[_Block] = [
        _Text(words["doc_report_section_remarks"], heading=True),
        _Text(words["doc_report_remarks"], heading=True),
    ]
    if not totals.received:
        blocks.append(_Text(words["doc_report_remarks_none"]))
    else:
        share = rate(words, totals.resolved / totals.received)
        results = say(
            words,
            "doc_report_remarks_results",
            end=end,
            resolved=count(words, totals.resolved),
            received=count(words, totals.received),
            share=share,
            rejected=count(words, totals.rejected),
            open=count(words, totals.open),
        )
        blocks.append(_Text(results))
        for key, rows in (
            ("doc_report_remarks_topic", data.by_topic),
            ("doc_report_remarks_area", data.by_area),
        ):
            if rows:
                most = max(rows, key=lambda row: row.received)  # the first of equals
                line = say(words, key, name=most.name, count=count(words, most.received))
                blocks.append(_Text(line))
        if data.overdue:
            keys = ("doc_report_remarks_overdue", "doc_report_remarks_overdue_split")
            blocks.append(_Text(_overdue_count(data, words, keys)))
        else:
            blocks.append(_Text(say(words, "doc_report_remarks_no_overdue", end=end)))
        if totals.unsatisfied:
            unsatisfied = count(words, totals.unsatisfied)
            blocks.append(_Text(say(words, "doc_report_remarks_unsatisfied", count=unsatisfied)))
    blocks += [
        _Text(words["doc_report_remarks_own"]),
        _Text(_FILL_IN),
        _Text(_FILL_IN),
        _Text(words["doc_report_recommendations"], heading=True),
        _Text(_FILL_IN),
        _Text(_FILL_IN),
        _Text(_FILL_IN),
    ]
    return blocks


def _overdue_count(data: ReportData, words: Words, keys: tuple[str, str], **values: object) -> str:
    """How many are overdue at the end (section V), in the first of ``keys``; when some
    were received before the period, the second says how many of them were received in it
    (the tables' «Quá hạn», which count the period's feedback only) and how many before,
    so the two numbers are never read as two counts of the same thing."""
    overdue = len(data.overdue)
    earlier = sum(item.received < data.period.start for item in data.overdue)
    if not earlier:
        return say(words, keys[0], count=count(words, overdue), **values)
    return say(
        words,
        keys[1],
        count=count(words, overdue),
        in_period=count(words, overdue - earlier),
        earlier=count(words, earlier),
        **values,
    )


def _closing(data: ReportData, words: Words) -> str:
    return say(
        words,
        "doc_report_closing",
        period=data.period.label,
        committee=data.letterhead.committee,
    )


def _subject(data: ReportData, words: Words) -> str:
    return say(words, "doc_report_subject", period=data.period.label)


def _tally_table(words: Words, name_heading: str, rows: Sequence[TallyRow]) -> Grid:
    """Received, resolved (of which on time), not handled, open (of which overdue)."""
    headings = (
        (
            Heading(words["doc_col_number"], rows=2),
            Heading(name_heading, rows=2),
            Heading(words["doc_col_received"], rows=2),
            Heading(words["doc_col_resolved"], columns=2),
            Heading(words["doc_col_rejected"], rows=2),
            Heading(words["doc_col_open"], columns=2),
        ),
        (
            Heading(words["doc_col_subtotal"]),
            Heading(words["doc_col_on_time"]),
            Heading(words["doc_col_subtotal"]),
            Heading(words["doc_col_overdue"]),
        ),
    )
    body = tuple(
        (str(n), row.name, *(count(words, v) for v in _tally_numbers(row)))
        for n, row in enumerate(rows, start=1)
    )
    sums = [sum(column) for column in zip(*(_tally_numbers(row) for row in rows), strict=True)]
    total = ("", words["doc_col_total"], *(count(words, v) for v in sums)) if rows else None
    return Grid(
        headings,
        body,
        _TALLY_WIDTHS,
        numeric=frozenset(range(2, 8)),
        centred=frozenset({0}),
        total=total,
    )


def _tally_numbers(row: TallyRow) -> tuple[int, ...]:
    return (row.received, row.resolved, row.on_time, row.rejected, row.open, row.overdue)


def _forwarded_table(words: Words, items: Sequence[ForwardedFeedback]) -> Grid:
    headings = simple_headings(
        words["doc_col_number"],
        words["doc_col_code"],
        words["doc_col_topic"],
        words["doc_col_area"],
        words["doc_col_agency"],
        words["doc_col_forwarded_on"],
        words["doc_col_status"],
    )
    body = tuple(
        (
            str(n),
            item.code,
            item.topic,
            item.area,
            item.agency,
            numeric_date(item.forwarded_on),
            item.status,
        )
        for n, item in enumerate(items, start=1)
    )
    return Grid(headings, body, _FORWARDED_WIDTHS, centred=frozenset({0, 5}), size=LIST_TABLE_PT)


def _overdue_table(words: Words, items: Sequence[OverdueFeedback]) -> Grid:
    headings = simple_headings(
        words["doc_col_number"],
        words["doc_col_code"],
        words["doc_col_area"],
        words["doc_col_topic"],
        words["doc_col_due"],
        words["doc_col_days_late"],
        words["doc_col_handler"],
    )
    body = tuple(
        (
            str(n),
            item.code,
            item.area,
            item.topic,
            numeric_date(item.due),
            count(words, item.working_days_late),
            item.handler or words["doc_report_no_handler"],
        )
        for n, item in enumerate(items, start=1)
    )
    return Grid(
        headings,
        body,
        _OVERDUE_WIDTHS,
        numeric=frozenset({5}),
        centred=frozenset({0, 4}),
        size=LIST_TABLE_PT,
    )


# --- DOCX ---------------------------------------------------------------------------------


def render_report_docx(data: ReportData, words: Words) -> bytes:
    """The report as a .docx file (Word, LibreOffice), to sign, stamp and file."""
    from documents import docx_format as docx

    kind, subject = words["doc_report_kind"], _subject(data, words)
    document = docx.new_docx(f"{kind} – {subject}", data.letterhead.committee)
    docx.add_letterhead(document, words, data.letterhead, "doc_report_number")
    docx.add_title(document, kind, subject)
    for block in _blocks(data, words):
        if isinstance(block, Grid):
            docx.add_table(document, block)
        else:
            docx.add_paragraph(
                document, block.text, bold=block.heading, keep_with_next=block.keep_with_next
            )
    docx.add_paragraph(document, _closing(data, words), keep_with_next=True)
    docx.add_closing(document, words, data.letterhead, data.recipients)
    docx.number_pages(document)
    return docx.docx_bytes(document)


# --- PDF ----------------------------------------------------------------------------------


def render_report_pdf(data: ReportData, words: Words) -> bytes:
    """The report as an A4 PDF, to print or send as it is."""
    from documents import pdf_format as page

    kind, subject = words["doc_report_kind"], _subject(data, words)
    pdf = page.new_pdf(f"{kind} – {subject}", data.letterhead.committee)
    pdf.add_page()
    page.draw_letterhead(pdf, words, data.letterhead, "doc_report_number")
    page.draw_title(pdf, kind, subject)
    blocks = _blocks(data, words)
    for index, block in enumerate(blocks):
        if isinstance(block, Grid):
            page.draw_table(pdf, block)
            continue
        follows = _opening_height(pdf, blocks, index + 1) if block.keep_with_next else 0.0
        page.paragraph(pdf, block.text, style="B" if block.heading else "", keep_with=follows)
    closing = _closing(data, words)
    signature = page.closing_height(pdf, words, data.letterhead, data.recipients)
    page.paragraph(pdf, closing, keep_with=signature)
    page.draw_closing(pdf, words, data.letterhead, data.recipients)
    return page.pdf_bytes(pdf)


def _opening_height(pdf: FPDF, blocks: Sequence[_Block], index: int) -> float:
    """How much of what starts at ``blocks[index]`` must share a page with the paragraph
    before it: a table's heading rows and first row, two lines of a paragraph, or all of a
    heading and what it keeps with."""
    from documents import pdf_format as page

    if index >= len(blocks):
        return 0.0
    block = blocks[index]
    if isinstance(block, Grid):
        return page.table_height(pdf, block)
    height = page.text_height(pdf, block.text, style="B" if block.heading else "")
    if block.keep_with_next:
        return height + _opening_height(pdf, blocks, index + 1)
    return min(height, 2 * page.line_height(BODY_PT) + page.PARAGRAPH_GAP)
