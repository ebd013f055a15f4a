"""/report: the period asked for, the facts made into the committee's document, and the
command in the staff group.

The period, the document's data and the files are tested as pure functions; the command
goes through the application (it needs ``report_command`` registered for /report).
"""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from docx import Document

from bot.render import paperwork
from bot.render.reports import (
    PeriodProblem,
    ReportRequest,
    parse_report_period,
    report_bounds,
    report_caption,
    report_data,
    report_stem,
)
from core.models import FeedbackStatus, Topic
from documents.report import (
    ForwardedFeedback,
    OverdueFeedback,
    ReportPeriod,
    TallyRow,
    render_report_docx,
    render_report_pdf,
)
from storage import (
    AreaTally,
    ForwardedItem,
    OverdueItem,
    ReportFacts,
    Tally,
    TopicTally,
)
from texts import CATALOGUES, Texts

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
VI = Texts("vi")
EN = Texts("en")
UNIT = "Thị trấn Cam Lộ"
TODAY = date(2026, 11, 29)
# 09:00 on Sunday 29 November 2026 in Vietnam.
NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
ECONOMY = Topic(2, "Kinh tế, đời sống", "Economy and livelihoods", True)
OTHER = Topic(11, "Khác", "Other", True)


# --- the period ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "today", "expected"),
    [
        # The last whole month by default, across the new year too.
        ([], TODAY, ReportRequest(2026, month=10)),
        ([], date(2027, 1, 3), ReportRequest(2026, month=12)),
        (["2026-11"], TODAY, ReportRequest(2026, month=11)),
        (["2026-1"], TODAY, ReportRequest(2026, month=1)),
        (["2025-12"], TODAY, ReportRequest(2025, month=12)),
        (["2026-Q4"], TODAY, ReportRequest(2026, quarter=4)),
        (["2026-q1"], TODAY, ReportRequest(2026, quarter=1)),
        # The current month and quarter so far; the first day of a month has begun.
        (["2026-12"], date(2026, 12, 1), ReportRequest(2026, month=12)),
        (["2027-Q1"], date(2027, 1, 1), ReportRequest(2027, quarter=1)),
    ],
)
def test_the_period_asked_for(args: list[str], today: date, expected: ReportRequest) -> None:
    assert parse_report_period(args, today) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["2026-13"],
        ["2026-00"],
        ["2026-Q5"],
        ["2026-Q0"],
        ["2026-Q"],
        ["tháng 11"],
        ["11/2026"],
        ["2026-11-01"],
        ["26-11"],
        ["1999-12"],
        ["２０２６-11"],
        ["2026-11", "2026-12"],
        ["-2026-11"],
        ["2026‐11"],  # a hyphen that is not "-"
    ],
)
def test_what_is_not_a_period(args: list[str]) -> None:
    assert parse_report_period(args, TODAY) is PeriodProblem.USAGE


@pytest.mark.parametrize("args", [["2026-12"], ["2027-Q1"], ["2027-01"], ["2999-Q4"]])
def test_a_period_not_yet_begun(args: list[str]) -> None:
    assert parse_report_period(args, TODAY) is PeriodProblem.FUTURE


def test_a_period_runs_over_whole_local_days() -> None:
    november = ReportRequest(2026, month=11)
    third = ReportRequest(2026, quarter=3)

    # Over: from local midnight on the first day to local midnight after the last.
    assert report_bounds(third, NOW, ZONE) == (
        datetime(2026, 6, 30, 17, tzinfo=UTC),
        datetime(2026, 9, 30, 17, tzinfo=UTC),
        None,
    )
    # Not over: up to now, and said to be so far.
    assert report_bounds(november, NOW, ZONE) == (
        datetime(2026, 10, 31, 17, tzinfo=UTC),
        NOW,
        TODAY,
    )
    # The instant the month ends, it is over.
    end = datetime(2026, 11, 30, 17, tzinfo=UTC)
    assert report_bounds(november, end, ZONE) == (
        datetime(2026, 10, 31, 17, tzinfo=UTC),
        end,
        None,
    )
    assert (third.first_day, third.last_day) == (date(2026, 7, 1), date(2026, 9, 30))
    february = ReportRequest(2028, month=2)
    assert (february.first_day, february.last_day) == (date(2028, 2, 1), date(2028, 2, 29))
    assert [report_stem(r) for r in (november, third)] == ["bao-cao-2026-11", "bao-cao-2026-Q3"]


def test_the_period_is_named_as_the_report_names_it() -> None:
    assert ReportRequest(2026, month=11).period(VI) == ReportPeriod(
        "tháng 11 năm 2026", date(2026, 11, 1), date(2026, 11, 30)
    )
    assert ReportRequest(2026, quarter=4).period(VI, TODAY) == ReportPeriod(
        "quý IV năm 2026", date(2026, 10, 1), TODAY
    )
    assert ReportRequest(2026, quarter=3).period(EN, TODAY).end == date(2026, 9, 30)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("Thị trấn Cam Lộ", "thị trấn Cam Lộ"),
        ("Xã Cam Hiếu", "xã Cam Hiếu"),
        ("Phường Đông Lễ", "phường Đông Lễ"),
        ("Cam Lộ", "Cam Lộ"),
        ("Thị trấnCam Lộ", "Thị trấnCam Lộ"),
    ],
)
def test_the_unit_in_running_text(unit: str, expected: str) -> None:
    assert paperwork.unit_in_text(unit) == expected


# --- the document's data ------------------------------------------------------------------


def facts(**values: object) -> ReportFacts:
    """A quarter's facts: two topics, two areas, two forwarded, three overdue at its end,
    the longest overdue first (one received in June, two in the quarter as the tables
    count)."""
    fields: dict[str, object] = {
        "start": datetime(2026, 6, 30, 17, tzinfo=UTC),
        "end": datetime(2026, 9, 30, 17, tzinfo=UTC),
        "made_at": NOW,
        "totals": Tally(received=9, resolved=5, on_time=4, rejected=1, open=3, overdue=2),
        "ratings": 4,
        "satisfied": 3,
        "by_topic": (
            TopicTally(ECONOMY, Tally(6, 4, 3, 1, 1, 1)),
            TopicTally(OTHER, Tally(3, 1, 1, 0, 2, 1)),
        ),
        "by_area": (
            AreaTally("an-lac", "Ấp An Lạc", Tally(4, 2, 2, 0, 2, 1)),
            AreaTally("kp3", "Khu phố 3", Tally(5, 3, 2, 1, 1, 1)),
        ),
        "forwarded": (
            ForwardedItem(
                "GY-7Q2K9M4T",
                "Khu phố 3",
                ECONOMY,
                "Điện lực Cam Lộ",
                datetime(2026, 8, 14, 18, tzinfo=UTC),  # 01:00 on the 15th in Vietnam
                FeedbackStatus.RESOLVED,
            ),
            ForwardedItem(
                "GY-M4T7Q2K9",
                "Ấp An Lạc",
                OTHER,
                None,
                datetime(2026, 9, 2, 3, tzinfo=UTC),
                FeedbackStatus.FORWARDED,
            ),
        ),
        "overdue": (
            OverdueItem(
                "GY-E6HJ3TFA",
                "Khu phố 3",
                OTHER,
                datetime(2026, 6, 29, 17, tzinfo=UTC),
                date(2026, 6, 29),
                65,
                "Chị Hoa",
                datetime(2026, 6, 18, 3, tzinfo=UTC),  # in June: not in the tables
            ),
            OverdueItem(
                "GY-WSH8VHTP",
                "Khu phố 3",
                ECONOMY,
                datetime(2026, 9, 10, 17, tzinfo=UTC),
                date(2026, 9, 10),
                14,
                "Lê Văn Nam",
                datetime(2026, 8, 27, 2, tzinfo=UTC),
            ),
            OverdueItem(
                "GY-NR5XK2QD",
                "Ấp An Lạc",
                OTHER,
                datetime(2026, 9, 25, 17, tzinfo=UTC),
                date(2026, 9, 25),
                3,
                None,
                datetime(2026, 9, 16, 1, tzinfo=UTC),
            ),
        ),
    }
    fields.update(values)
    return ReportFacts(**fields)  # type: ignore[arg-type]


def test_report_data_names_the_committee_and_carries_every_fact() -> None:
    period = ReportRequest(2026, quarter=3).period(VI)

    data = report_data(VI, facts(), period, unit=UNIT, today=TODAY, zone=ZONE)

    head = data.letterhead
    assert head.superior == ("ỦY BAN MTTQ VIỆT NAM", "THỊ TRẤN CAM LỘ")
    assert head.issuer == ("BAN THƯỜNG TRỰC",)
    assert head.committee == "Ban Thường trực Ủy ban MTTQ Việt Nam thị trấn Cam Lộ"
    assert (head.place, head.issued_on, head.number, head.signer) == ("Cam Lộ", TODAY, "", "")
    assert data.period == period
    totals = data.totals
    assert (totals.received, totals.resolved, totals.rejected, totals.open) == (9, 5, 1, 3)
    assert (totals.forwarded, totals.ratings) == (2, 4)
    # On time: 4 of the 5 resolved and the 2 unresolved past their deadline.
    assert (totals.on_time_rate, totals.satisfaction_rate) == (4 / 7, 0.75)
    assert (totals.on_time_basis, totals.unsatisfied) == (7, 1)
    assert data.by_topic == (
        TallyRow("Kinh tế, đời sống", 6, 4, 3, 1, 1, 1),
        TallyRow("Khác", 3, 1, 1, 0, 2, 1),
    )
    assert data.by_area == (
        TallyRow("Ấp An Lạc", 4, 2, 2, 0, 2, 1),
        TallyRow("Khu phố 3", 5, 3, 2, 1, 1, 1),
    )
    assert data.forwarded == (
        ForwardedFeedback(
            "GY-7Q2K9M4T",
            "Kinh tế, đời sống",
            "Khu phố 3",
            "Điện lực Cam Lộ",
            date(2026, 8, 15),
            "Đã giải quyết",
        ),
        ForwardedFeedback(
            "GY-M4T7Q2K9",
            "Khác",
            "Ấp An Lạc",
            "(không ghi cơ quan)",
            date(2026, 9, 2),
            "Đã chuyển cấp có thẩm quyền",
        ),
    )
    assert data.overdue == (
        OverdueFeedback(
            "GY-E6HJ3TFA", "Khu phố 3", "Khác", date(2026, 6, 29), 65, "Chị Hoa", date(2026, 6, 18)
        ),
        OverdueFeedback(
            "GY-WSH8VHTP",
            "Khu phố 3",
            "Kinh tế, đời sống",
            date(2026, 9, 10),
            14,
            "Lê Văn Nam",
            date(2026, 8, 27),
        ),
        OverdueFeedback(
            "GY-NR5XK2QD", "Ấp An Lạc", "Khác", date(2026, 9, 25), 3, None, date(2026, 9, 16)
        ),
    )
    assert data.recipients == (
        "Ban Thường trực Ủy ban MTTQ Việt Nam cấp trên",
        "Đảng ủy, HĐND, UBND thị trấn Cam Lộ",
    )


def test_report_data_in_english_and_with_a_name_that_needs_no_escaping() -> None:
    data = report_data(
        EN,
        facts(),
        ReportRequest(2026, quarter=3).period(EN),
        unit="A & B <x>",
        today=TODAY,
        zone=ZONE,
    )

    assert data.letterhead.superior == ("VIETNAM FATHERLAND FRONT COMMITTEE", "A & B <X>")
    assert data.letterhead.issuer == ("STANDING BOARD",)
    assert data.letterhead.committee.endswith("Committee of A & B <x>")
    assert data.by_topic[0].name == "Economy and livelihoods"
    assert data.forwarded[0].status == "Resolved"
    assert data.forwarded[1].agency == "(agency not recorded)"


def test_rates_without_anything_to_measure_are_none() -> None:
    empty = facts(
        totals=Tally(),
        ratings=0,
        satisfied=0,
        by_topic=(),
        by_area=(),
        forwarded=(),
        overdue=(),
    )

    data = report_data(VI, empty, ReportRequest(2026, month=8).period(VI), unit=UNIT,
                       today=TODAY, zone=ZONE)  # fmt: skip

    assert (data.totals.on_time_rate, data.totals.satisfaction_rate) == (None, None)
    assert data.totals.received == 0


def test_captions() -> None:
    period = ReportRequest(2026, quarter=3).period(VI)
    assert report_caption(VI, facts(), period, None) == (
        "📄 Báo cáo quý III năm 2026: tiếp nhận 9 góp ý, đã giải quyết 5, không xử lý 1, "
        "đang xử lý 3. Tệp DOCX để sửa và trình ký, tệp PDF để in."
    )
    so_far = ReportRequest(2026, month=11).period(VI, TODAY)
    empty = facts(totals=Tally())
    assert report_caption(VI, empty, so_far, TODAY) == (
        "📄 Báo cáo tháng 11 năm 2026 (tính đến ngày 29/11/2026): trong kỳ không tiếp nhận góp "
        "ý nào. Báo cáo vẫn được lập để lưu."
    )


# --- the files ----------------------------------------------------------------------------


def docx_text(content: bytes) -> str:
    """Every paragraph of a DOCX, in the body and in table cells."""
    document = Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def pdf_text(content: bytes) -> str:
    """The text of every page of a PDF, without white space (wrapping cannot change it)."""
    document = pdfium.PdfDocument(content)
    try:
        text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    return re.sub(r"\s+", "", text)


def test_the_files_say_what_the_facts_say() -> None:
    words = CATALOGUES["vi"]
    data = report_data(
        VI, facts(), ReportRequest(2026, quarter=3).period(VI), unit=UNIT, today=TODAY, zone=ZONE
    )

    docx = docx_text(render_report_docx(data, words))
    pdf = pdf_text(render_report_pdf(data, words))

    for expected in (
        "THỊ TRẤN CAM LỘ",
        "Cam Lộ, ngày 29 tháng 11 năm 2026",
        "quý III năm 2026",
        "đã tiếp nhận 9 góp ý",
        "Tỷ lệ góp ý được giải quyết đúng hạn: 57,1% (tính trên 7 góp ý",
        "GY-7Q2K9M4T",
        "Điện lực Cam Lộ",
        "15/08/2026",
        "(không ghi cơ quan)",
        "GY-WSH8VHTP",
        "Lê Văn Nam",
        "Đảng ủy, HĐND, UBND thị trấn Cam Lộ",
    ):
        assert expected in docx, expected
        assert re.sub(r"\s+", "", expected) in pdf, expected


def test_an_empty_period_makes_a_report_that_says_so() -> None:
    empty = facts(
        totals=Tally(), ratings=0, satisfied=0, by_topic=(), by_area=(), forwarded=(), overdue=()
    )
    data = report_data(
        VI, empty, ReportRequest(2026, month=8).period(VI), unit=UNIT, today=TODAY, zone=ZONE
    )

    text = docx_text(render_report_docx(data, CATALOGUES["vi"]))

    assert "Hòm thư góp ý điện tử không tiếp nhận góp ý nào của Nhân dân." in text
    assert "không có số liệu để tổng hợp theo lĩnh vực và khu vực" in text
    assert "Đến hết ngày 31/08/2026, không có góp ý nào quá hạn giải quyết." in text
    assert "Tỷ lệ góp ý được giải quyết đúng hạn: chưa có dữ liệu (đến hết ngày" in text
    assert "không có góp ý nào phải chuyển" in text
    assert "GY-" not in text


# --- the command in the group (needs report_command registered for /report) --------------
