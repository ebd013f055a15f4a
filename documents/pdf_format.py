"""The administrative format in PDF with fpdf2: the page, the letterhead, the title,
paragraphs, tables and the signature, shared by the report and the forwarding slip.

fpdf2 is imported when a document is made, never when this module is, so the functions
here take the ``FPDF`` they draw on.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from documents import typeface
from documents.layout import (
    BODY_PT,
    CONTENT_WIDTH,
    FIRST_LINE_INDENT,
    ISSUER_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    NATION_PT,
    NATION_WIDTH,
    RECIPIENTS_LABEL_PT,
    RECIPIENTS_PT,
    RECIPIENTS_WIDTH,
    TITLE_PT,
    Grid,
)
from documents.letterhead import Letterhead, Words, date_line, document_number, printable, say

if TYPE_CHECKING:
    from fpdf import FPDF

# Millimetres per point, and the line height of a size: Times-like capitals with stacked
# Vietnamese marks (Ễ, Ặ) need about 1.3 em to stay clear of the line above.
MM_PER_PT = 25.4 / 72
LEADING = 1.3
# At least 6 pt between paragraphs, as the decree asks.
PARAGRAPH_GAP = 6 * MM_PER_PT
# Between a line of the letterhead and the rule under it, clear of the marks below letters.
RULE_GAP = 1.2
# Room between the signer's title and name, for the signature and the seal.
SIGNING_ROOM = 28.0
CLOSING_GAP = 3.0
CELL_PADDING_X = 1.2
CELL_PADDING_Y = 0.8
# Drawn for a character the font lacks (emoji, scripts it does not cover): fpdf2 would
# drop it without a trace.
MISSING_GLYPH = "\u25a1"


def line_height(size: float) -> float:
    """The height of one line of text of ``size`` points, in millimetres."""
    return size * MM_PER_PT * LEADING


def new_pdf(title: str, author: str) -> FPDF:
    """An empty A4 document in the decree's margins, with Liberation Serif loaded, that
    numbers its pages from the second on."""
    from fpdf import FPDF

    class NumberedPages(FPDF):
        """Page numbers centred in the top margin, none on the first page."""

        def header(self) -> None:
            if self.page_no() > 1:
                set_font(self, "", BODY_PT)
                self.set_xy(MARGIN_LEFT, (MARGIN_TOP - line_height(BODY_PT)) / 2)
                self.cell(CONTENT_WIDTH, line_height(BODY_PT), str(self.page_no()), align="C")
                self.set_xy(MARGIN_LEFT, MARGIN_TOP)

    pdf = NumberedPages(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT)
    pdf.set_auto_page_break(auto=True, margin=MARGIN_BOTTOM)
    pdf.c_margin = 1.0
    for style, path in typeface.STYLES.items():
        pdf.add_font(typeface.FAMILY, style, str(path))
    pdf.set_lang("vi")
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("homthu documents")
    set_font(pdf, "", BODY_PT)
    return pdf


def shown(text: str) -> str:
    """Text the font can set: composed letters, no control characters, and a box for each
    character Liberation Serif does not have."""
    text = printable(text)
    covered = _covered_characters()
    if all(ord(ch) in covered or ch == "\n" for ch in text):
        return text
    return "".join(ch if ord(ch) in covered or ch == "\n" else MISSING_GLYPH for ch in text)


@functools.cache
def _covered_characters() -> frozenset[int]:
    """The code points every style of the font has (read once per process)."""
    from fontTools.ttLib import TTFont

    sets = []
    for path in typeface.STYLES.values():
        with TTFont(str(path), lazy=True) as font:
            sets.append(set(font.getBestCmap()))
    return frozenset(set.intersection(*sets))


def set_font(pdf: FPDF, style: str = "", size: float = BODY_PT) -> None:
    """Liberation Serif in ``style`` ("", "B", "I", "BI") and ``size`` points."""
    pdf.set_font(typeface.FAMILY, style, size)


def wrapped(pdf: FPDF, text: str, width: float) -> list[str]:
    """The lines ``text`` takes in ``width`` millimetres in the current font."""
    lines = pdf.multi_cell(width, text=text, dry_run=True, output="LINES", padding=0)
    assert isinstance(lines, list)  # what output="LINES" returns
    return lines


def balanced(pdf: FPDF, text: str, width: float) -> list[str]:
    """A line too wide for ``width``, cut in two where the parts come out most even (a
    subject in two even lines reads better than a full line and a stub); wrapped as usual
    when no cut in two fits."""
    if pdf.get_string_width(text) <= width:
        return [text]
    words = text.split(" ")
    best: tuple[float, list[str]] | None = None
    for cut in range(1, len(words)):
        parts = [" ".join(words[:cut]), " ".join(words[cut:])]
        first, second = (pdf.get_string_width(part) for part in parts)
        if max(first, second) <= width and (best is None or abs(first - second) < best[0]):
            best = (abs(first - second), parts)
    return best[1] if best is not None else wrapped(pdf, text, width)


def centred(
    pdf: FPDF, lines: Sequence[str], x: float, width: float, y: float, style: str, size: float
) -> float:
    """Lines centred in a column from ``y``, each cut in two if too wide; the y below."""
    set_font(pdf, style, size)
    for line in lines:
        for part in balanced(pdf, shown(line), width - 2 * pdf.c_margin):
            pdf.set_xy(x, y)
            pdf.cell(width, line_height(size), part, align="C")
            y += line_height(size)
    return y


def rule(pdf: FPDF, centre: float, length: float, y: float) -> None:
    """A thin line centred on ``centre``, as under the names of the letterhead."""
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.3)
    pdf.line(centre - length / 2, y, centre + length / 2, y)


def draw_letterhead(pdf: FPDF, words: Words, head: Letterhead, number_key: str) -> None:
    """The top of the first page: the committee and its document number on the left; the
    national name, the motto and the place and date on the right."""
    top = pdf.t_margin
    left_x, right_x = MARGIN_LEFT, MARGIN_LEFT + ISSUER_WIDTH
    left_centre, right_centre = left_x + ISSUER_WIDTH / 2, right_x + NATION_WIDTH / 2

    y = centred(pdf, head.superior, left_x, ISSUER_WIDTH, top, "", BODY_PT)
    y = centred(pdf, head.issuer, left_x, ISSUER_WIDTH, y, "B", BODY_PT)
    # Under the committee's name, a line a third to a half as long as the name.
    set_font(pdf, "B", BODY_PT)
    widest = max((pdf.get_string_width(shown(line)) for line in head.issuer), default=30.0)
    rule(pdf, left_centre, min(widest, ISSUER_WIDTH) * 0.45, y + RULE_GAP)
    left_bottom = y + RULE_GAP

    y = centred(pdf, [words["doc_national_name"]], right_x, NATION_WIDTH, top, "B", NATION_PT)
    motto = shown(words["doc_national_motto"])
    y = centred(pdf, [motto], right_x, NATION_WIDTH, y, "B", BODY_PT)
    # Under the motto, a line as long as the motto.
    set_font(pdf, "B", BODY_PT)
    rule(pdf, right_centre, pdf.get_string_width(motto), y + RULE_GAP)
    right_bottom = y + RULE_GAP

    # The number and the place and date share a row, below both rules.
    row = max(left_bottom, right_bottom) + 3.0
    number = document_number(words, number_key, head.number)
    centred(pdf, [number], left_x, ISSUER_WIDTH, row, "", BODY_PT)
    place_and_date = date_line(words, head.place, head.issued_on)
    end = centred(pdf, [place_and_date], right_x, NATION_WIDTH, row, "I", TITLE_PT)
    pdf.set_xy(MARGIN_LEFT, end + 6.0)


def draw_title(pdf: FPDF, kind: str, subject: str) -> None:
    """The kind of document in bold capitals, its subject in bold under it, and a short
    line under the subject."""
    y = centred(pdf, [kind], MARGIN_LEFT, CONTENT_WIDTH, pdf.get_y(), "B", TITLE_PT)
    set_font(pdf, "B", TITLE_PT)
    width = CONTENT_WIDTH - 20.0
    lines = balanced(pdf, shown(subject), width - 2 * pdf.c_margin)
    for line in lines:
        pdf.set_xy(MARGIN_LEFT + 10.0, y)
        pdf.cell(width, line_height(TITLE_PT), line, align="C")
        y += line_height(TITLE_PT)
    longest = max(pdf.get_string_width(line) for line in lines)
    rule(pdf, MARGIN_LEFT + CONTENT_WIDTH / 2, longest / 3, y + 2.0)
    pdf.set_xy(MARGIN_LEFT, y + 6.0)


def text_height(
    pdf: FPDF, text: str, *, style: str = "", size: float = BODY_PT, indented: bool = True
) -> float:
    """How tall ``paragraph`` sets ``text`` (the first-line indent counted as spaces)."""
    set_font(pdf, style, size)
    width = CONTENT_WIDTH - 2 * pdf.c_margin
    indent = " " * 8 if indented else ""
    return len(wrapped(pdf, indent + shown(text), width)) * line_height(size) + PARAGRAPH_GAP


def keep_together(pdf: FPDF, height: float) -> None:
    """Start a new page unless ``height`` millimetres still fit on this one."""
    if pdf.will_page_break(height):
        pdf.add_page()


def paragraph(
    pdf: FPDF,
    text: str,
    *,
    style: str = "",
    size: float = BODY_PT,
    align: str = "J",
    indented: bool = True,
    keep_with: float = 0.0,
) -> None:
    """Running text over the full width, its first line indented by a tab; it moves to the
    next page when it and the ``keep_with`` millimetres after it would not fit on this one
    (a heading is never left alone at the foot of a page)."""
    keep_together(pdf, text_height(pdf, text, style=style, size=size) + keep_with)
    set_font(pdf, style, size)
    pdf.set_x(MARGIN_LEFT)
    with (
        pdf.text_columns(
            text_align=align, line_height=LEADING, l_margin=MARGIN_LEFT, r_margin=MARGIN_RIGHT
        ) as columns,
        columns.paragraph(
            first_line_indent=FIRST_LINE_INDENT if indented else 0,
            bottom_margin=PARAGRAPH_GAP,
        ) as part,
    ):
        part.write(shown(text))
    pdf.set_x(MARGIN_LEFT)


def table_height(pdf: FPDF, grid: Grid, body_rows: int = 1) -> float:
    """The height of a table's heading rows and its first ``body_rows`` rows (and a
    millimetre to spare: fpdf2 rounds its rows a little differently)."""
    total = 1.0
    set_font(pdf, "B", grid.size)
    for row in grid.heading_cells():
        single = [
            _cell_height(pdf, heading.text, grid.span_width(column, heading), grid.size)
            for column, heading in row
            if heading.rows == 1
        ]
        total += max(single, default=0.0)
    set_font(pdf, "", grid.size)
    for values in grid.rows[:body_rows]:
        total += max(
            _cell_height(pdf, text, width, grid.size)
            for text, width in zip(values, grid.widths, strict=True)
        )
    return total


def _cell_height(pdf: FPDF, text: str, width: float, size: float) -> float:
    lines = len(wrapped(pdf, shown(text), width - 2 * CELL_PADDING_X))
    return lines * line_height(size) + 2 * CELL_PADDING_Y


def draw_table(pdf: FPDF, grid: Grid) -> None:
    """A bordered table over the full width: bold heading rows repeated on every page,
    numbers right-aligned, no row split across pages, and the heading rows never alone at
    the foot of a page."""
    from fpdf.fonts import FontFace

    keep_together(pdf, table_height(pdf, grid))
    set_font(pdf, "", grid.size)
    pdf.set_x(MARGIN_LEFT)
    bold = FontFace(emphasis="BOLD")
    with pdf.table(
        col_widths=grid.widths,
        width=CONTENT_WIDTH,
        align="LEFT",
        line_height=line_height(grid.size),
        padding=(CELL_PADDING_Y, CELL_PADDING_X),
        headings_style=bold,
        num_heading_rows=len(grid.headings),
        repeat_headings=1,
        v_align="MIDDLE",
        text_align="LEFT",
    ) as table:
        for cells in grid.heading_cells():
            heading_row = table.row()
            for _, heading in cells:
                heading_row.cell(
                    shown(heading.text),
                    align="C",
                    colspan=heading.columns,
                    rowspan=heading.rows,
                )
        body = list(grid.rows) + ([grid.total] if grid.total is not None else [])
        for index, values in enumerate(body):
            is_total = grid.total is not None and index == len(body) - 1
            row = table.row(style=bold if is_total else None)
            for column, text in enumerate(values):
                row.cell(shown(text), align=grid.align(column))
    pdf.set_xy(MARGIN_LEFT, pdf.get_y() + 3.0)


def _recipient_lines(pdf: FPDF, words: Words, recipients: Sequence[str]) -> list[str]:
    set_font(pdf, "", RECIPIENTS_PT)
    items = [say(words, "doc_recipient_item", name=name) for name in recipients]
    return [
        line
        for item in [*items, words["doc_recipient_archive"]]
        for line in wrapped(pdf, shown(item), RECIPIENTS_WIDTH - 2 * pdf.c_margin)
    ]


def closing_height(pdf: FPDF, words: Words, head: Letterhead, recipients: Sequence[str]) -> float:
    """How tall ``draw_closing`` is: the taller of its two columns."""
    listed = len(_recipient_lines(pdf, words, recipients))
    left = line_height(RECIPIENTS_LABEL_PT) + listed * line_height(RECIPIENTS_PT)
    signer = line_height(TITLE_PT) if head.signer else 0.0
    right = 2 * line_height(BODY_PT) + SIGNING_ROOM + signer
    return max(left, right) + CLOSING_GAP


def draw_closing(pdf: FPDF, words: Words, head: Letterhead, recipients: Sequence[str]) -> None:
    """The recipients ("Nơi nhận") bottom-left and the signature block bottom-right,
    together on one page."""
    lines = _recipient_lines(pdf, words, recipients)
    keep_together(pdf, closing_height(pdf, words, head, recipients))
    top = pdf.get_y() + CLOSING_GAP
    set_font(pdf, "BI", RECIPIENTS_LABEL_PT)
    pdf.set_xy(MARGIN_LEFT, top)
    pdf.cell(RECIPIENTS_WIDTH, line_height(RECIPIENTS_LABEL_PT), words["doc_recipients"])
    y = top + line_height(RECIPIENTS_LABEL_PT)
    set_font(pdf, "", RECIPIENTS_PT)
    for line in lines:
        pdf.set_xy(MARGIN_LEFT, y)
        pdf.cell(RECIPIENTS_WIDTH, line_height(RECIPIENTS_PT), line)
        y += line_height(RECIPIENTS_PT)
    left_bottom = y

    sign_x = MARGIN_LEFT + RECIPIENTS_WIDTH
    sign_width = CONTENT_WIDTH - RECIPIENTS_WIDTH
    authority = [words["doc_signature_authority"], words["doc_signature_title"]]
    y = centred(pdf, authority, sign_x, sign_width, top, "B", BODY_PT) + SIGNING_ROOM
    if head.signer:
        y = centred(pdf, [head.signer], sign_x, sign_width, y, "B", TITLE_PT)
    pdf.set_xy(MARGIN_LEFT, max(left_bottom, y))


def pdf_bytes(pdf: FPDF) -> bytes:
    """The document as the bytes of a .pdf file."""
    return bytes(pdf.output())
