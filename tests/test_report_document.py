"""The report as the committee signs it (issue 19, item 21): «BAN THƯỜNG TRỰC» in the left
header under the committee, the on-time rate saying what it is computed over, and a last
section «Nhận xét, kiến nghị» with an assessment drawn from the figures and room for the
committee's own words."""

from __future__ import annotations

import io

from docx import Document

from bot.render.reports import ReportRequest, report_data
from documents.report import ReportData, render_report_docx, render_report_pdf
from storage import Tally
from tests.test_report_command import (
    EN,
    TODAY,
    UNIT,
    VI,
    ZONE,
    docx_text,
    facts,
    pdf_text,
)
from texts import CATALOGUES

WORDS = CATALOGUES["vi"]


def _quarter(**values: object) -> bytes:
    data = report_data(
        VI,
        facts(**values),
        ReportRequest(2026, quarter=3).period(VI),
        unit=UNIT,
        today=TODAY,
        zone=ZONE,
    )
    return render_report_docx(data, WORDS)


def test_the_left_header_is_the_standing_board_under_the_committee() -> None:
    data = report_data(
        VI, facts(), ReportRequest(2026, quarter=3).period(VI), unit=UNIT, today=TODAY, zone=ZONE
    )
    head = data.letterhead
    assert head.superior == ("ỦY BAN MTTQ VIỆT NAM", "THỊ TRẤN CAM LỘ")
    assert head.issuer == ("BAN THƯỜNG TRỰC",)

    # In the DOCX: the left cell of the letterhead, the board in bold under the committee.
    document = Document(io.BytesIO(render_report_docx(data, WORDS)))
    left = document.tables[0].rows[0].cells[0]
    lines = [(p.text, any(run.bold for run in p.runs)) for p in left.paragraphs if p.text]
    assert lines == [
        ("ỦY BAN MTTQ VIỆT NAM", False),
        ("THỊ TRẤN CAM LỘ", False),
        ("BAN THƯỜNG TRỰC", True),
    ]
    pdf = pdf_text(render_report_pdf(data, WORDS))
    assert pdf.index("ỦYBANMTTQVIỆTNAM") < pdf.index("BANTHƯỜNGTRỰC") < pdf.index("Số:")

    english = report_data(
        EN, facts(), ReportRequest(2026, quarter=3).period(EN), unit=UNIT, today=TODAY, zone=ZONE
    )
    assert english.letterhead.issuer == ("STANDING BOARD",)


def test_the_on_time_rate_says_what_it_is_computed_over() -> None:
    # 4 of the 5 resolved on time, 2 unresolved past their deadline: 4 / 7.
    text = docx_text(_quarter())
    assert "Tỷ lệ góp ý được giải quyết đúng hạn: 57,1%" in text
    assert (
        "tính trên 7 góp ý tiếp nhận trong kỳ mà đến hết ngày 30/09/2026 đã được giải quyết "
        "hoặc đã quá hạn" in text
    )
    empty = docx_text(
        _quarter(
            totals=Tally(),
            ratings=0,
            satisfied=0,
            by_topic=(),
            by_area=(),
            forwarded=(),
            overdue=(),
        )
    )
    assert "Tỷ lệ góp ý được giải quyết đúng hạn: chưa có dữ liệu" in empty


def test_the_report_ends_with_remarks_drawn_from_the_figures_and_room_for_recommendations() -> (
    None
):
    text = docx_text(_quarter())
    section = text[text.index("VI. NHẬN XÉT, KIẾN NGHỊ") :]
    # After the overdue section, before the closing paragraph.
    assert text.index("V. GÓP Ý QUÁ HẠN") < text.index("VI. NHẬN XÉT, KIẾN NGHỊ")
    assert section.index("1. Nhận xét") < section.index("2. Kiến nghị")
    assert section.index("2. Kiến nghị") < section.index("Trên đây là báo cáo")
    for expected in (
        "Đến hết ngày 30/09/2026, đã giải quyết 5 trên 9 góp ý tiếp nhận trong kỳ (55,6%); "
        "1 góp ý không xử lý; 3 góp ý đang xem xét, giải quyết.",
        "Lĩnh vực được góp ý nhiều nhất: Kinh tế, đời sống (6 góp ý).",
        "Khu vực có nhiều góp ý nhất: Khu phố 3 (5 góp ý).",
        "Còn 3 góp ý quá hạn chưa được giải quyết (mục V), gồm 2 góp ý tiếp nhận trong kỳ "
        "và 1 góp ý tiếp nhận từ các kỳ trước; đề nghị các bộ phận, cơ quan có liên quan "
        "khẩn trương giải quyết dứt điểm.",
        "Có 1 lượt đánh giá chưa hài lòng với kết quả giải quyết.",
    ):
        assert expected in section, expected
    # Room for the committee's own assessment and recommendations, to fill in.
    assert section.count("." * 100) >= 4
    pdf = pdf_text(render_report_pdf(data_of_quarter(), WORDS))
    assert "VI.NHẬNXÉT,KIẾNNGHỊ" in pdf


def test_remarks_of_an_empty_period() -> None:
    text = docx_text(
        _quarter(
            totals=Tally(),
            ratings=0,
            satisfied=0,
            by_topic=(),
            by_area=(),
            forwarded=(),
            overdue=(),
        )
    )
    section = text[text.index("VI. NHẬN XÉT, KIẾN NGHỊ") :]
    assert "Trong kỳ báo cáo, Nhân dân chưa gửi góp ý nào qua Hòm thư góp ý điện tử." in section
    assert "Lĩnh vực được góp ý nhiều nhất" not in section
    assert "2. Kiến nghị" in section


def data_of_quarter() -> ReportData:
    return report_data(
        VI, facts(), ReportRequest(2026, quarter=3).period(VI), unit=UNIT, today=TODAY, zone=ZONE
    )


def test_section_v_says_how_its_number_is_made_of_the_tables_and_earlier_periods() -> None:
    # The tables count 2 overdue of the feedback received in the quarter; section V lists
    # those 2 and 1 received in June.
    text = docx_text(_quarter())
    assert (
        "Đến hết ngày 30/09/2026, còn 3 góp ý chưa được giải quyết đã quá hạn (thời hạn tính "
        "theo ngày làm việc), gồm 2 góp ý tiếp nhận trong kỳ (cột «Quá hạn» ở mục III) và 1 "
        "góp ý tiếp nhận từ các kỳ trước, cụ thể:" in text
    )
    # All received in the quarter: the plain sentences, the same number as the tables.
    in_period = facts(overdue=facts().overdue[1:])
    plain = docx_text(
        render_report_docx(
            report_data(
                VI,
                in_period,
                ReportRequest(2026, quarter=3).period(VI),
                unit=UNIT,
                today=TODAY,
                zone=ZONE,
            ),
            WORDS,
        )
    )
    assert (
        "Đến hết ngày 30/09/2026, còn 2 góp ý chưa được giải quyết đã quá hạn (thời hạn tính "
        "theo ngày làm việc), cụ thể:" in plain
    )
    assert "- Còn 2 góp ý quá hạn chưa được giải quyết (mục V); đề nghị" in plain
    assert "các kỳ trước" not in plain
