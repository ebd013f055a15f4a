"""Documents: what a reader of the report, the forwarding slip, the export and the chart gets.

DOCX files are read back with python-docx, PDFs with pypdfium2, spreadsheets with openpyxl.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from openpyxl import load_workbook
from PIL import Image

from documents.chart import bar_chart_png
from documents.export import COLUMNS, ExportRecord, write_export_files
from documents.letterhead import Letterhead, count, date_line, rate
from documents.report import (
    ForwardedFeedback,
    OverdueFeedback,
    ReportData,
    ReportTotals,
    TallyRow,
    month_period,
    quarter_period,
    render_report_docx,
    render_report_pdf,
)
from documents.slip import SlipData, render_slip_pdf
from texts import CATALOGUES

VI = CATALOGUES["vi"]
EN = CATALOGUES["en"]
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"

HEAD = Letterhead(
    superior=("ỦY BAN MTTQ VIỆT NAM", "TỈNH QUẢNG TRỊ"),
    issuer=("ỦY BAN MTTQ VIỆT NAM", "THỊ TRẤN CAM LỘ"),
    committee="Ban Thường trực Ủy ban MTTQ Việt Nam thị trấn Cam Lộ",
    place="Cam Lộ",
    issued_on=date(2027, 1, 5),
    signer="Nguyễn Văn Bình",
)
RECIPIENTS = ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "Đảng ủy thị trấn")
BY_TOPIC = (
    TallyRow("Kinh tế, đời sống", 12, 5, 4, 1, 6, 2),
    TallyRow("Tài nguyên, môi trường", 7, 6, 6, 0, 1, 0),
    TallyRow("Quốc phòng, an ninh, trật tự", 3, 0, 0, 2, 1, 1),
)
BY_AREA = (
    TallyRow("Khu phố 3", 15, 8, 7, 2, 5, 2),
    TallyRow("Thôn Tân Định", 7, 3, 3, 1, 3, 1),
)
FORWARDED = (
    ForwardedFeedback(
        "GY-7Q2K9M4T",
        "Xây dựng đô thị văn minh, hạ tầng",
        "Khu phố 3",
        "Điện lực Cam Lộ",
        date(2026, 10, 14),
        "Đã chuyển cấp có thẩm quyền",
    ),
    ForwardedFeedback(
        "GY-M4T7Q2K9",
        "Tài nguyên, môi trường",
        "Thôn Tân Định",
        "Công ty CP Cấp nước Quảng Trị",
        date(2026, 11, 2),
        "Đã giải quyết",
    ),
)
OVERDUE = (
    OverdueFeedback(
        "GY-WSH8VHTP",
        "Khu phố 3",
        "Kinh tế, đời sống",
        date(2026, 12, 9),
        16,
        "Lê Văn Nam",
        date(2026, 11, 30),
    ),
    OverdueFeedback(
        "GY-3C4DWA7N", "Thôn Tân Định", "Khác", date(2026, 12, 22), 7, None, date(2026, 12, 11)
    ),
)
QUARTER = ReportData(
    letterhead=HEAD,
    period=quarter_period(VI, 2026, 4),
    totals=ReportTotals(
        received=22,
        resolved=11,
        rejected=3,
        forwarded=2,
        open=8,
        on_time_rate=10 / 11,
        satisfaction_rate=0.8,
        ratings=5,
        on_time_basis=11,
        unsatisfied=1,
    ),
    by_topic=BY_TOPIC,
    by_area=BY_AREA,
    forwarded=FORWARDED,
    overdue=OVERDUE,
    recipients=RECIPIENTS,
)
EMPTY = ReportData(
    letterhead=replace(HEAD, issued_on=date(2026, 12, 1), signer=""),
    period=month_period(VI, 2026, 11),
    totals=ReportTotals(0, 0, 0, 0, 0, None, None, 0),
    by_topic=(),
    by_area=(),
    forwarded=(),
    overdue=(),
    recipients=RECIPIENTS,
)


def docx_lines(content: bytes) -> list[str]:
    """Every paragraph's text, in the body and in every table cell, in order."""
    document = Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += [p.text for p in cell.paragraphs]
    return lines


def docx_tables(content: bytes) -> list[list[list[str]]]:
    """Each table's rows of cell texts."""
    document = Document(io.BytesIO(content))
    return [[[c.text for c in row.cells] for row in table.rows] for table in document.tables]


def pdf_pages(content: bytes) -> list[str]:
    """The text of each page of a PDF."""
    document = pdfium.PdfDocument(content)
    try:
        pages = []
        for index in range(len(document)):
            text_page = document[index].get_textpage()
            pages.append(text_page.get_text_range().replace("\r\n", "\n"))
        return pages
    finally:
        document.close()


def flat(text: str) -> str:
    """Text without white space: how wrapping and page breaks cannot change it."""
    return re.sub(r"\s+", "", text)


# --- conventions of the format ------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 1, 5), "Cam Lộ, ngày 05 tháng 01 năm 2027"),
        (date(2026, 2, 14), "Cam Lộ, ngày 14 tháng 02 năm 2026"),
        (date(2026, 3, 9), "Cam Lộ, ngày 09 tháng 3 năm 2026"),
        (date(2026, 12, 1), "Cam Lộ, ngày 01 tháng 12 năm 2026"),
    ],
)
def test_the_date_line_pads_days_below_10_and_the_first_two_months(
    day: date, expected: str
) -> None:
    assert date_line(VI, "Cam Lộ", day) == expected


def test_rates_and_counts_are_written_the_vietnamese_way() -> None:
    assert [rate(VI, r) for r in (None, 0.0, 0.8, 10 / 11, 0.9996, 1.0)] == [
        "chưa có dữ liệu",
        "0%",
        "80%",
        "90,9%",
        "100%",
        "100%",
    ]
    assert rate(EN, 10 / 11) == "90.9%"
    assert (count(VI, 1234567), count(EN, 1234567), count(VI, 7)) == (
        "1.234.567",
        "1,234,567",
        "7",
    )


def test_periods() -> None:
    quarter = quarter_period(VI, 2026, 4)
    assert (quarter.label, quarter.start, quarter.end) == (
        "quý IV năm 2026",
        date(2026, 10, 1),
        date(2026, 12, 31),
    )
    february = month_period(VI, 2028, 2)
    assert (february.label, february.start, february.end) == (
        "tháng 2 năm 2028",
        date(2028, 2, 1),
        date(2028, 2, 29),
    )
    with pytest.raises(ValueError, match="quarter"):
        quarter_period(VI, 2026, 5)


# --- the report as DOCX -------------------------------------------------------------------


def test_report_docx_has_the_national_header_and_the_committee() -> None:
    lines = docx_lines(render_report_docx(QUARTER, VI))

    for expected in (
        "ỦY BAN MTTQ VIỆT NAM",
        "TỈNH QUẢNG TRỊ",
        "THỊ TRẤN CAM LỘ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Cam Lộ, ngày 05 tháng 01 năm 2027",
        "BÁO CÁO",
        "TM. BAN THƯỜNG TRỰC",
        "CHỦ TỊCH",
        "Nguyễn Văn Bình",
        "Nơi nhận:",
        "- Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh;",
        "- Lưu: VT.",
    ):
        assert expected in lines, expected
    assert any(re.fullmatch(r"Số: +/BC-MTTQ", line) for line in lines)
    # The subject runs over two lines; Word sets the break, the text is whole.
    subject = next(line for line in lines if line.startswith("Kết quả tiếp nhận"))
    assert subject.replace("\n", " ") == (
        "Kết quả tiếp nhận, xử lý góp ý của Nhân dân qua Hòm thư góp ý điện tử, quý IV năm 2026"
    )


def test_report_docx_states_the_period_totals_and_rates() -> None:
    text = "\n".join(docx_lines(render_report_docx(QUARTER, VI)))

    assert "từ ngày 01/10/2026 đến ngày 31/12/2026" in text
    assert "đã tiếp nhận 22 góp ý của Nhân dân." in text
    assert "Trong số đó, 2 góp ý thuộc thẩm quyền của cơ quan khác" in text
    assert "- Đã giải quyết: 11 góp ý;" in text
    assert "- Không xử lý (không đủ điều kiện xem xét, giải quyết): 3 góp ý;" in text
    assert "- Đang xem xét, giải quyết: 8 góp ý." in text
    assert "Tỷ lệ góp ý được giải quyết đúng hạn: 90,9% (tính trên 11 góp ý tiếp nhận" in text
    assert "hài lòng với kết quả giải quyết: 80% (trên 5 lượt đánh giá)." in text
    assert "Đến hết ngày 31/12/2026, còn 2 góp ý chưa được giải quyết đã quá hạn" in text
    assert text.count("quý IV năm 2026") == 2  # the subject and the closing sentence


def test_report_docx_tables_by_topic_and_area_forwarded_and_overdue() -> None:
    tables = docx_tables(render_report_docx(QUARTER, VI))

    # The letterhead and the signature are borderless tables of their own.
    by_topic, by_area, forwarded, overdue = (t for t in tables if t[0][0] == "TT")
    # Two heading rows: "Đã giải quyết" and "Đang xử lý" each over two columns.
    assert by_topic[0] == [
        "TT",
        "Lĩnh vực",
        "Tiếp nhận",
        "Đã giải quyết",
        "Đã giải quyết",
        "Không xử lý",
        "Đang xử lý",
        "Đang xử lý",
    ]
    assert by_topic[1][3:5] == ["Tổng số", "Đúng hạn"]
    assert by_topic[1][6:8] == ["Tổng số", "Quá hạn"]
    assert by_topic[2:] == [
        ["1", "Kinh tế, đời sống", "12", "5", "4", "1", "6", "2"],
        ["2", "Tài nguyên, môi trường", "7", "6", "6", "0", "1", "0"],
        ["3", "Quốc phòng, an ninh, trật tự", "3", "0", "0", "2", "1", "1"],
        ["", "Tổng cộng", "22", "11", "10", "3", "8", "3"],
    ]
    assert by_area[0][1] == "Khu vực"
    assert by_area[2:] == [
        ["1", "Khu phố 3", "15", "8", "7", "2", "5", "2"],
        ["2", "Thôn Tân Định", "7", "3", "3", "1", "3", "1"],
        ["", "Tổng cộng", "22", "11", "10", "3", "8", "3"],
    ]
    assert forwarded == [
        [
            "TT",
            "Mã góp ý",
            "Lĩnh vực",
            "Khu vực",
            "Cơ quan tiếp nhận",
            "Ngày chuyển",
            "Tình trạng",
        ],
        [
            "1",
            "GY-7Q2K9M4T",
            "Xây dựng đô thị văn minh, hạ tầng",
            "Khu phố 3",
            "Điện lực Cam Lộ",
            "14/10/2026",
            "Đã chuyển cấp có thẩm quyền",
        ],
        [
            "2",
            "GY-M4T7Q2K9",
            "Tài nguyên, môi trường",
            "Thôn Tân Định",
            "Công ty CP Cấp nước Quảng Trị",
            "02/11/2026",
            "Đã giải quyết",
        ],
    ]
    assert overdue[1:] == [
        ["1", "GY-WSH8VHTP", "Khu phố 3", "Kinh tế, đời sống", "09/12/2026", "16", "Lê Văn Nam"],
        ["2", "GY-3C4DWA7N", "Thôn Tân Định", "Khác", "22/12/2026", "7", "Chưa phân công"],
    ]


def test_report_docx_page_setup_and_repeated_heading_rows() -> None:
    document = Document(io.BytesIO(render_report_docx(QUARTER, VI)))

    section = document.sections[0]
    # Word stores lengths in twentieths of a point: compare to a tenth of a millimetre.
    page = (section.page_width, section.page_height)
    margins = (section.top_margin, section.right_margin, section.bottom_margin)
    lengths = [*page, *margins, section.left_margin]
    assert [round(length.mm, 1) if length else None for length in lengths] == [
        210.0,
        297.0,
        20.0,
        15.0,
        20.0,
        30.0,
    ]
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt if normal.size else None) == ("Times New Roman", 13)
    # Page numbers in the header from page 2: the first page has a header of its own.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml
    data_tables = [t for t in document.tables if t.rows[0].cells[0].text == "TT"]
    for table in data_tables:
        flagged = [
            row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
            for row in table.rows
        ]
        headed = 2 if table.rows[1].cells[0].text == "TT" else 1
        assert flagged == [True] * headed + [False] * (len(table.rows) - headed)
        assert all(cell.paragraphs[0].runs[0].bold for cell in table.rows[0].cells)
    # Numbers right-aligned, names to the left, the running number centred.
    by_topic = data_tables[0]
    first_row = [cell.paragraphs[0].alignment for cell in by_topic.rows[2].cells]
    assert first_row == [
        WD_ALIGN_PARAGRAPH.CENTER,
        WD_ALIGN_PARAGRAPH.LEFT,
        *[WD_ALIGN_PARAGRAPH.RIGHT] * 6,
    ]


def test_an_empty_period_still_makes_a_report_that_says_so() -> None:
    content = render_report_docx(EMPTY, VI)
    text = "\n".join(docx_lines(content))

    assert "Cam Lộ, ngày 01 tháng 12 năm 2026" in text
    assert "Hòm thư góp ý điện tử, tháng 11 năm 2026" in text.replace("\n", " ")
    assert "không tiếp nhận góp ý nào của Nhân dân." in text
    assert "Trong kỳ báo cáo không có góp ý nào phải xem xét, giải quyết." in text
    assert "Tỷ lệ góp ý được giải quyết đúng hạn: chưa có dữ liệu (đến hết ngày" in text
    assert "hài lòng với kết quả giải quyết: chưa có dữ liệu." in text
    assert "không có số liệu để tổng hợp theo lĩnh vực và khu vực." in text
    assert "không có góp ý nào phải chuyển cơ quan có thẩm quyền." in text
    assert "Đến hết ngày 30/11/2026, không có góp ý nào quá hạn giải quyết." in text
    assert "TM. BAN THƯỜNG TRỰC" in text
    assert [t for t in docx_tables(content) if t[0][0] == "TT"] == []


def test_report_in_english_uses_the_english_words() -> None:
    data = replace(QUARTER, period=quarter_period(EN, 2026, 4))
    text = "\n".join(docx_lines(render_report_docx(data, EN)))

    assert "SOCIALIST REPUBLIC OF VIET NAM" in text
    assert "Share of feedback resolved on time: 90.9% (of the 11 received" in text
    assert "quarter IV of 2026" in text
    assert "BÁO CÁO" not in text


# --- the report as PDF --------------------------------------------------------------------


def test_report_pdf_says_what_the_docx_says() -> None:
    content = render_report_pdf(QUARTER, VI)
    pages = pdf_pages(content)
    text = "\n".join(pages)

    # Set in the shipped Times-compatible font, embedded, so it prints the same anywhere.
    assert b"LiberationSerif" in content
    assert b"Helvetica" not in content

    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "THỊ TRẤN CAM LỘ",
        "Cam Lộ, ngày 05 tháng 01 năm 2027",
        "BÁO CÁO",
        "/BC-MTTQ",
        "I. TÌNH HÌNH TIẾP NHẬN",
        "II. KẾT QUẢ XỬ LÝ",
        "III. KẾT QUẢ THEO LĨNH VỰC VÀ KHU VỰC",
        "IV. GÓP Ý ĐÃ CHUYỂN CƠ QUAN CÓ THẨM QUYỀN",
        "V. GÓP Ý QUÁ HẠN GIẢI QUYẾT",
        "Nơi nhận:",
        "TM. BAN THƯỜNG TRỰC",
        "Nguyễn Văn Bình",
    ):
        assert expected in text, expected
    body = flat(text)
    for expected in (
        "đãtiếpnhận22gópýcủaNhândân.",
        "-Đãgiảiquyết:11gópý;",
        "-Đangxemxét,giảiquyết:8gópý.",
        "đúnghạn:90,9%(tínhtrên11gópý",
        "80%(trên5lượtđánhgiá)",
        "HòmthưgópýđiệntửquýIVnăm2026",
        "GY-7Q2K9M4T",
        "ĐiệnlựcCamLộ",
        "CôngtyCPCấpnướcQuảngTrị",
        "Chưaphâncông",
        "Tổngcộng221110383",
    ):
        assert expected in body, expected


def test_report_pdf_numbers_pages_from_the_second() -> None:
    data = replace(
        QUARTER,
        by_area=tuple(TallyRow(f"Tổ dân phố số {n}", n, 0, 0, 0, n, 0) for n in range(1, 61)),
    )
    pages = pdf_pages(render_report_pdf(data, VI))

    assert len(pages) >= 3
    assert pages[0].split()[0] != "1"
    for number, page in enumerate(pages[1:], start=2):
        assert page.split()[0] == str(number)


def test_a_long_table_paginates_with_its_heading_on_every_page() -> None:
    long_name = "Tổ dân phố Đông Hà mở rộng, khu vực giáp ranh phường Đông Lương " * 2
    areas = tuple(
        TallyRow(
            f"{long_name.strip()} số {n:03d}" if n % 50 == 0 else f"Khu dân cư số {n:03d}",
            3,
            1,
            1,
            0,
            2,
            1,
        )
        for n in range(1, 301)
    )
    data = replace(QUARTER, by_area=areas)

    pages = pdf_pages(render_report_pdf(data, VI))

    assert len(pages) > 5
    flat_pages = [flat(page) for page in pages]
    # Every row once, whole, in order, on some page.
    # (Section VI names the area with the most feedback: the table ends before it.)
    tables = [page.split("VI.NHẬNXÉT")[0] for page in flat_pages]
    found = [re.findall(r"(?:Khudâncưsố|số)(\d{3})", page) for page in tables]
    numbers = [int(n) for page in found for n in page]
    assert numbers == list(range(1, 301))
    # A page that carries rows of the table starts them under its heading rows.
    pages_with_rows = [page for page, rows in zip(flat_pages, found, strict=True) if rows]
    assert len(pages_with_rows) > 3
    for page in pages_with_rows:
        assert "TTKhuvựcTiếpnhậnĐãgiảiquyếtKhôngxửlýĐangxửlýTổngsốĐúnghạnTổngsốQuáhạn" in page
    assert flat(long_name) in "".join(flat_pages)
    # The total row sums all 300.
    assert "Tổngcộng900300300060030" in "".join(flat_pages)


def test_a_section_heading_is_never_the_last_line_of_a_page() -> None:
    for areas in range(1, 40):
        data = replace(QUARTER, by_area=BY_AREA * areas)
        for page in pdf_pages(render_report_pdf(data, VI))[:-1]:
            last = page.strip().split("\n")[-1].strip()
            assert not re.match(r"^(I|II|III|IV|V|VI)\. |^\d\. (Theo|Nhận|Kiến) ", last), last
            assert not last.endswith("cụ thể:"), last


# --- the forwarding slip ------------------------------------------------------------------


SLIP = SlipData(
    letterhead=HEAD,
    agency="Điện lực Cam Lộ",
    code="GY-7Q2K9M4T",
    area="Khu phố 3",
    topic="Xây dựng đô thị văn minh, hạ tầng",
    received_at=datetime(2026, 11, 20, 21, 47, tzinfo=ZONE),
    due=date(2026, 12, 1),
    text="Đèn đường đoạn Lê Lợi hỏng đã hai tuần 😡, buổi tối rất tối.",
    photos=2,
    location=(16.80123, 107.00456),
)


def test_slip_names_the_agency_the_facts_and_the_deadline() -> None:
    pages = pdf_pages(render_slip_pdf(SLIP, VI))
    text = "\n".join(pages)

    assert len(pages) == 1
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "PHIẾU CHUYỂN GÓP Ý",
        "Kính gửi: Điện lực Cam Lộ",
        "/PC-MTTQ",
        "- Mã góp ý: GY-7Q2K9M4T",
        "- Khu vực: Khu phố 3",
        "- Lĩnh vực: Xây dựng đô thị văn minh, hạ tầng",
        "- Thời điểm tiếp nhận: 21:47 ngày 20/11/2026",
        "- Hạn giải quyết: ngày 01/12/2026",
        "- Ảnh kèm theo: 2 ảnh",
        "16.801230, 107.004560",
        "Nội dung góp ý:",
        "- Như trên;",
        "TM. BAN THƯỜNG TRỰC",
    ):
        assert expected in text, expected
    assert "phảnhồikếtquảvềBanThườngtrựcỦybanMTTQViệtNamthịtrấnCamLộtrướcngày01/12/2026." in (
        flat(text)
    )
    # The font has no emoji: a box stands where it was, the rest of the text is whole.
    assert "Đèn đường đoạn Lê Lợi hỏng đã hai tuần □, buổi tối rất tối." in text


def test_a_slip_without_photos_or_location() -> None:
    text = "\n".join(pdf_pages(render_slip_pdf(replace(SLIP, photos=0, location=None), VI)))

    assert "- Ảnh kèm theo: không có" in text
    assert "vĩ độ" not in text


def test_a_4000_character_slip_text_appears_whole_across_pages() -> None:
    sentences = [
        f"Câu {n:03d}: cống thoát nước ngõ 45 Hùng Vương bị tắc, nước ngập sâu; "
        "đề nghị nạo vét, sửa chữa sớm. "
        for n in range(1, 200)
    ]
    text = "".join(sentences)[:3990] + "\n\nHẾT."
    assert len(text) == 3996

    pages = pdf_pages(render_slip_pdf(replace(SLIP, text=text), VI))

    assert len(pages) >= 2
    # Drop the page numbers at the top of pages 2 onwards, then join the pages.
    joined = pages[0] + "".join(page.split("\n", 1)[1] for page in pages[1:])
    assert flat(text) in flat(joined)
    assert "Đề nghị Điện lực Cam Lộ xem xét" in joined


def test_a_slip_holds_nothing_about_the_sender() -> None:
    assert [f.name for f in fields(SlipData)] == [
        "letterhead",
        "agency",
        "code",
        "area",
        "topic",
        "received_at",
        "due",
        "text",
        "photos",
        "location",
    ]


def test_control_characters_and_decomposed_letters_are_set_cleanly() -> None:
    # "Hạnh phúc" typed as base letters and combining marks, and a bell character.
    decomposed = "Ha\u0323nh phu\u0301c\x07 ca\u0309 nha\u0300"
    text = "\n".join(pdf_pages(render_slip_pdf(replace(SLIP, text=decomposed), VI)))

    assert "Hạnh phúc cả nhà" in text


# --- the export ---------------------------------------------------------------------------


FULL = ExportRecord(
    code="GY-7Q2K9M4T",
    area="Khu phố 3",
    topic="Kinh tế, đời sống",
    status="Đã giải quyết",
    created_at=datetime(2026, 11, 20, 21, 47, tzinfo=ZONE),
    status_changed_at=datetime(2026, 11, 25, 9, 30, tzinfo=ZONE),
    text="Đèn đường hỏng",
    answer_count=1,
    due=date(2026, 12, 1),
    resolved_at=datetime(2026, 11, 25, 9, 30, 12, tzinfo=ZONE),
    overdue=False,
    handler='=HYPERLINK("http://x")',
    agency="Điện lực Cam Lộ",
    answers="Đã thay bóng đèn.",
    notes="Gọi điện lực ngày 21/11",
    additions="@ thêm ảnh",
    rating="Hài lòng",
    latitude=16.80123,
    longitude=107.00456,
)
BARE = ExportRecord(
    code="GY-M4T7Q2K9",
    area="Thôn Tân Định",
    topic="Khác",
    status="Mới",
    created_at=datetime(2026, 11, 21, 8, 0, tzinfo=ZONE),
    status_changed_at=datetime(2026, 11, 21, 8, 0, tzinfo=ZONE),
    text="-1 điểm",
    answer_count=0,
    overdue=True,
)


def test_export_xlsx_filters_prints_landscape_and_has_the_new_columns(tmp_path: Path) -> None:
    _, xlsx_path = write_export_files([FULL, BARE], tmp_path, "gop-y", VI)

    workbook = load_workbook(xlsx_path)
    sheet = workbook.active
    assert sheet is not None
    assert sheet.auto_filter.ref == "A1:T3"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9  # A4
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.freeze_panes == "A2"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [VI[key] for key, _ in COLUMNS]
    assert rows[0][8:] == [
        "Hạn giải quyết",
        "Ngày giải quyết",
        "Quá hạn",
        "Người xử lý",
        "Cơ quan được chuyển",
        "Trả lời công khai",
        "Ghi chú nội bộ",
        "Bổ sung của người góp ý",
        "Đánh giá",
        "Vĩ độ",
        "Kinh độ",
        "Lý do gia hạn",
    ]
    assert rows[1] == [
        "GY-7Q2K9M4T",
        "Khu phố 3",
        "Kinh tế, đời sống",
        "Đã giải quyết",
        datetime(2026, 11, 20, 21, 47),
        datetime(2026, 11, 25, 9, 30),
        "Đèn đường hỏng",
        1,
        datetime(2026, 12, 1),
        datetime(2026, 11, 25, 9, 30, 12),
        "Không",
        '=HYPERLINK("http://x")',
        "Điện lực Cam Lộ",
        "Đã thay bóng đèn.",
        "Gọi điện lực ngày 21/11",
        "@ thêm ảnh",
        "Hài lòng",
        16.80123,
        107.00456,
        None,
    ]
    assert rows[2][8:] == [None, None, "Có", *[None] * 9]
    # A text that looks like a formula is stored as text, never run.
    assert sheet["L2"].data_type == "s"
    assert (sheet["I2"].number_format, sheet["R2"].number_format) == ("dd/mm/yyyy", "0.000000")
    workbook.close()


def test_export_csv_keeps_the_bom_and_the_formula_guard(tmp_path: Path) -> None:
    csv_path, _ = write_export_files([FULL, BARE], tmp_path, "gop-y", VI)

    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    with csv_path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[1] == [
        "GY-7Q2K9M4T",
        "Khu phố 3",
        "Kinh tế, đời sống",
        "Đã giải quyết",
        "2026-11-20 21:47",
        "2026-11-25 09:30",
        "Đèn đường hỏng",
        "1",
        "2026-12-01",
        "2026-11-25 09:30",
        "Không",
        '\'=HYPERLINK("http://x")',
        "Điện lực Cam Lộ",
        "Đã thay bóng đèn.",
        "Gọi điện lực ngày 21/11",
        "'@ thêm ảnh",
        "Hài lòng",
        "16.801230",
        "107.004560",
        "",
    ]
    assert rows[2][6] == "'-1 điểm"
    assert rows[2][8:] == ["", "", "Có", *[""] * 9]


def test_a_failed_export_leaves_no_files(tmp_path: Path) -> None:
    def broken() -> Iterator[ExportRecord]:
        yield FULL
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        write_export_files(broken(), tmp_path, "broken", VI)

    assert list(tmp_path.iterdir()) == []


# --- the chart ----------------------------------------------------------------------------


def test_no_bars_no_chart() -> None:
    assert bar_chart_png("Tiêu đề", "Số góp ý", []) is None


def test_a_chart_draws_vietnamese_and_dollars_literally() -> None:
    bars = [("Giá điện tăng $\\frac$ ?", 3), ("Văn hóa – xã hội, y tế, giáo dục", 1)]

    with warnings.catch_warnings():
        # A Vietnamese letter missing from the font is a warning: make it fail the test.
        warnings.simplefilter("error")
        png = bar_chart_png("Góp ý mới theo lĩnh vực\n$5 – $6", "Số góp ý", bars)

    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size[0] == 900
    pixels = image.convert("RGB").get_flattened_data()
    assert sum(1 for p in pixels if p == (0xC8, 0x10, 0x2E)) > 5_000


# --- the package itself -------------------------------------------------------------------


HEAVY = ("docx", "fpdf", "openpyxl", "matplotlib", "fontTools", "PIL")
FORBIDDEN = ("bot", "storage", "telegram", "aiosqlite")
MODULES = sorted(
    f"documents.{path.stem}" for path in DOCUMENTS.glob("*.py") if path.stem != "__init__"
)


def test_the_modules_are_all_checked() -> None:
    assert {"documents.report", "documents.slip", "documents.export", "documents.chart"} <= set(
        MODULES
    )


@pytest.mark.parametrize("module", ["documents", *MODULES])
def test_importing_documents_loads_no_heavy_library(module: str) -> None:
    check = (
        "import sys, importlib\n"
        f"importlib.import_module({module!r})\n"
        f"print(sorted(m for m in {HEAVY + FORBIDDEN!r} if m in sys.modules))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()

    assert loaded == "[]"


def test_every_word_a_document_uses_is_in_both_languages() -> None:
    used: set[str] = set()
    for source in DOCUMENTS.glob("*.py"):
        used |= set(re.findall(r"[\"'](doc_[a-z_]+)[\"']", source.read_text("utf-8")))
    assert len(used) > 80, "the scan found too few keys: the pattern is wrong"
    assert sorted(used - set(VI)) == []
    assert sorted(used - set(EN)) == []
    # And no doc_ word is left that nothing uses.
    assert sorted(k for k in VI if k.startswith("doc_") and k not in used) == []
