"""The administrative format of Nghị định 30/2020/NĐ-CP on A4, in DOCX with python-docx: the
page, the letterhead, headings, paragraphs, tables, the signature and the page numbers.

The same layout as ``pdf_format``, set in Times New Roman, which Word has. python-docx is
imported when a document is made, never when this module is.
"""

from __future__ import annotations

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
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RECIPIENTS_LABEL_PT,
    RECIPIENTS_PT,
    RECIPIENTS_WIDTH,
    TITLE_PT,
    Grid,
)
from documents.letterhead import Letterhead, Words, date_line, document_number, printable, say

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph
    from fpdf import FPDF

# Word's own cell padding (0.19 cm each side) narrows what a letterhead cell holds; data
# tables get less, as in the PDF, so that a date or a heading word fits its column.
_CELL_PADDING_MM = 1.9
_TABLE_PADDING_MM = 1.2
_TWIPS_PER_MM = 1440 / 25.4
# Empty lines between the signer's title and name, for the signature and the seal.
_SIGNING_ROOM_LINES = 5
# The size of the empty line that carries a rule under a name or a subject.
_RULE_LINE_PT = 4
# What may follow a paragraph's borders and a table's cell margins in their properties.
_AFTER_BORDERS = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_CELL_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def new_docx(title: str, author: str) -> Document:
    """An empty A4 document in the decree's margins, its text in Times New Roman."""
    from docx import Document as new_document
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = new_document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
    section.header_distance = Mm(8)
    normal = document.styles["Normal"]
    normal.font.name = typeface.DOCX_FAMILY
    normal.font.size = Pt(BODY_PT)
    # Word picks the font by script: name it for every script, Vietnamese included.
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(script), typeface.DOCX_FAMILY)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.comments = ""
    properties.language = "vi-VN"
    return document


def add_text(
    paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float
) -> None:
    """A run of text in a paragraph."""
    from docx.shared import Pt

    run = paragraph.add_run(printable(text))
    run.bold = bold
    run.italic = italic
    run.font.size = Pt(size)


def _centred(
    container: _Cell | Document,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = BODY_PT,
    first: bool = False,
) -> Paragraph:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_text(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def _bottom_border(paragraph: Paragraph) -> None:
    """A thin line under a paragraph, as long as the paragraph is wide."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "auto")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    # Word reads a paragraph's properties in the schema's order only.
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDERS)


def _rule(container: _Cell | Document, length: float, width: float) -> None:
    """A line of ``length`` mm centred in a space ``width`` mm wide: the bottom border of an
    empty paragraph narrowed by its indents."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    paragraph = container.add_paragraph()
    form = paragraph.paragraph_format
    form.left_indent = form.right_indent = Mm(max(0.0, (width - length) / 2))
    # A line of small type, its height the paragraph mark's: an exact height would let Word
    # and LibreOffice draw the border up into the descenders of the line above.
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(2 * _RULE_LINE_PT))
    mark.append(size)
    paragraph._p.get_or_add_pPr().insert_element_before(mark, "w:sectPr", "w:pPrChange")
    _bottom_border(paragraph)


def _measuring_page() -> FPDF:
    """A PDF page to measure text on: Liberation Serif has Times New Roman's widths."""
    from documents import pdf_format

    pdf = pdf_format.new_pdf("", "")
    pdf.add_page()
    return pdf


def _text_width(pdf: FPDF, text: str, style: str, size: float) -> float:
    """How wide ``text`` is in Times New Roman, in millimetres."""
    from documents import pdf_format

    pdf_format.set_font(pdf, style, size)
    return float(pdf.get_string_width(printable(text)))


def _fixed_table(
    document: Document, rows: int, widths: Sequence[float], padding: float | None = None
) -> Table:
    """A table whose columns keep the given widths in Word and in LibreOffice; ``padding``
    narrows the cells' left and right margins (millimetres) from Word's 1.9."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    grid = document.add_table(rows=rows, cols=len(widths))
    grid.autofit = False
    for index, width in enumerate(widths):
        grid.columns[index].width = Mm(width)
        for cell in grid.columns[index].cells:
            cell.width = Mm(width)
    if padding is not None:
        margins = OxmlElement("w:tblCellMar")
        for side in ("w:left", "w:right"):
            margin = OxmlElement(side)
            margin.set(qn("w:w"), str(round(padding * _TWIPS_PER_MM)))
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        grid._tbl.tblPr.insert_element_before(margins, *_AFTER_CELL_MARGINS)
    return grid


def add_letterhead(document: Document, words: Words, head: Letterhead, number_key: str) -> None:
    """The top of the first page, in a borderless table: the committee and its number on
    the left, the national name, the motto and the place and date on the right."""
    from docx.shared import Pt

    grid = _fixed_table(document, 2, (ISSUER_WIDTH, NATION_WIDTH))
    left, right = grid.rows[0].cells
    first = True
    for line in head.superior:
        _centred(left, line, first=first)
        first = False
    for line in head.issuer:
        _centred(left, line, bold=True, first=first)
        first = False
    ruler = _measuring_page()
    widest = max((_text_width(ruler, line, "B", BODY_PT) for line in head.issuer), default=30.0)
    _rule(left, min(widest, ISSUER_WIDTH) * 0.45, ISSUER_WIDTH - 2 * _CELL_PADDING_MM)

    _centred(right, words["doc_national_name"], bold=True, size=NATION_PT, first=True)
    motto = words["doc_national_motto"]
    _centred(right, motto, bold=True)
    _rule(right, _text_width(ruler, motto, "B", BODY_PT), NATION_WIDTH - 2 * _CELL_PADDING_MM)

    number, place_and_date = grid.rows[1].cells
    paragraph = _centred(number, document_number(words, number_key, head.number), first=True)
    paragraph.paragraph_format.space_before = Pt(8)
    paragraph = _centred(
        place_and_date,
        date_line(words, head.place, head.issued_on),
        italic=True,
        size=TITLE_PT,
        first=True,
    )
    paragraph.paragraph_format.space_before = Pt(8)
    _spacer(document, 12)


def _spacer(document: Document, points: float) -> None:
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing = Pt(points)


def add_title(document: Document, kind: str, subject: str) -> None:
    """The kind of document in bold capitals, its subject in bold (in two even lines when
    it does not fit one), and a short line under the subject."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    from documents import pdf_format

    _centred(document, kind, bold=True, size=TITLE_PT)
    ruler = _measuring_page()
    pdf_format.set_font(ruler, "B", TITLE_PT)
    width = CONTENT_WIDTH - 20.0
    lines = pdf_format.balanced(ruler, printable(subject), width - 2 * _CELL_PADDING_MM)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Mm(10)
    paragraph.paragraph_format.keep_with_next = True
    for index, line in enumerate(lines):
        add_text(paragraph, line, bold=True, size=TITLE_PT)
        if index < len(lines) - 1:
            paragraph.runs[-1].add_break()
    longest = max(_text_width(ruler, line, "B", TITLE_PT) for line in lines)
    _rule(document, longest / 3, CONTENT_WIDTH)
    _spacer(document, 14)


def add_paragraph(
    document: Document,
    text: str,
    *,
    bold: bool = False,
    keep_with_next: bool = False,
    indent: bool = True,
) -> Paragraph:
    """Running text, justified, its first line indented by one tab, 6 pt after it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    form = paragraph.paragraph_format
    form.first_line_indent = Mm(FIRST_LINE_INDENT) if indent else None
    form.space_after = Pt(6)
    form.line_spacing = 1.15
    form.keep_with_next = keep_with_next
    form.widow_control = True
    add_text(paragraph, text, bold=bold, size=BODY_PT)
    return paragraph


def _row_flag(row: _Row, name: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def add_table(document: Document, grid: Grid) -> None:
    """A bordered table: bold heading rows repeated on every page and kept with the first
    row, numbers right-aligned, no row split across pages."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    body = list(grid.rows) + ([grid.total] if grid.total is not None else [])
    headed = len(grid.headings)
    table = _fixed_table(document, headed + len(body), grid.widths, padding=_TABLE_PADDING_MM)
    table.style = document.styles["Table Grid"]
    for row in table.rows:
        _row_flag(row, "w:cantSplit")

    def fill(cell: _Cell, text: str, align: WD_ALIGN_PARAGRAPH, bold: bool, keep: bool) -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.alignment = align
        form = paragraph.paragraph_format
        form.space_before = form.space_after = Pt(2)
        # Word keeps the heading rows with the first row through their paragraphs' flag.
        form.keep_with_next = keep
        add_text(paragraph, text, bold=bold, size=grid.size)

    for row_index, cells in enumerate(grid.heading_cells()):
        _row_flag(table.rows[row_index], "w:tblHeader")
        for column, heading in cells:
            cell = table.cell(row_index, column)
            fill(cell, heading.text, WD_ALIGN_PARAGRAPH.CENTER, bold=True, keep=True)
            last_row = row_index + heading.rows - 1
            last_column = column + heading.columns - 1
            if (last_row, last_column) != (row_index, column):
                cell.merge(table.cell(last_row, last_column))
    aligns = {
        "R": WD_ALIGN_PARAGRAPH.RIGHT,
        "C": WD_ALIGN_PARAGRAPH.CENTER,
        "L": WD_ALIGN_PARAGRAPH.LEFT,
    }
    for index, values in enumerate(body):
        is_total = grid.total is not None and index == len(body) - 1
        row = table.rows[headed + index]
        for column, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            fill(cell, text, aligns[grid.align(column)], bold=is_total, keep=False)
    _spacer(document, 8)


def add_closing(
    document: Document, words: Words, head: Letterhead, recipients: Sequence[str]
) -> None:
    """The recipients ("Nơi nhận") bottom-left and the signature block bottom-right, in one
    row that never splits across pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    grid = _fixed_table(document, 1, (RECIPIENTS_WIDTH, CONTENT_WIDTH - RECIPIENTS_WIDTH))
    _row_flag(grid.rows[0], "w:cantSplit")
    left, right = grid.rows[0].cells
    label = left.paragraphs[0]
    add_text(label, words["doc_recipients"], bold=True, italic=True, size=RECIPIENTS_LABEL_PT)
    items = [say(words, "doc_recipient_item", name=name) for name in recipients]
    for item in [*items, words["doc_recipient_archive"]]:
        paragraph = left.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        add_text(paragraph, item, size=RECIPIENTS_PT)
    _centred(right, words["doc_signature_authority"], bold=True, first=True)
    _centred(right, words["doc_signature_title"], bold=True)
    for _ in range(_SIGNING_ROOM_LINES):
        right.add_paragraph()
    if head.signer:
        _centred(right, head.signer, bold=True, size=TITLE_PT)


def number_pages(document: Document) -> None:
    """Page numbers centred at the top, from the second page on (not on the first)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(BODY_PT)
    begin, code, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    run._r.extend([begin, code, end])


def docx_bytes(document: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
