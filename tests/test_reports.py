"""Staff reports: the queries against a real temporary database, and what staff read."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import io
import warnings
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from PIL import Image
from telegram.constants import MessageLimit

from bot.reports import (
    MESSAGE_LIMIT,
    days_usage,
    digest_chart_png,
    digest_messages,
    export_caption,
    export_stem,
    open_messages,
    pack_lines,
    parse_days,
    stats_messages,
    write_export,
)
from bot.texts import Texts
from bot.views import visible_length
from storage import Area, Database, FeedbackStatus, NewFeedback, ResponseKind, Topic, open_database
from storage.reports import (
    UNRESOLVED_SQL,
    UNRESOLVED_STATUSES,
    AreaCount,
    Counts,
    ExportRow,
    OpenItem,
    PeriodCounts,
    StatusCount,
    TopicCount,
    count_by,
    export_rows,
    get_last_digest_at,
    new_since,
    open_feedback,
    overdue_codes,
    set_last_digest_at,
    unresolved_count,
)

# 08:00 in Hanoi.
START = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
UNIT = "Thị trấn Cam Lộ"
SLA_DAYS = 7
VI = Texts("vi")
EN = Texts("en")
ECONOMY, URBAN, OTHER = 2, 8, 11
SECRET_CHAT = b"sealed-chat-987654321"

# Texts a spreadsheet would run as formulas, and text that CSV must quote.
FORMULA = "=cmd|' /C calc'!A0"
QUOTED = 'Đường "Lê Lợi", đoạn qua tổ 5\nbị hỏng; cần sửa gấp'
MINUS = "-1 điểm cho thái độ"
AT = "@cán_bộ xem giúp"
CONTROL = "<b>không</b> in đậm & ký tự\x07 lạ"
EXPORT_HEADER = [
    "Mã tra cứu",
    "Khu vực",
    "Lĩnh vực",
    "Trạng thái",
    "Ngày gửi",
    "Cập nhật trạng thái",
    "Nội dung",
    "Số câu trả lời",
    # Columns the bot does not fill yet: empty in every row below.
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
]
NOT_YET_FILLED = 11


class ManualClock:
    """A clock that moves only when the test moves it."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@dataclasses.dataclass(frozen=True)
class Stored:
    """A feedback the fixture stored, as the test expects to find it."""

    code: str
    area: str
    topic: int
    body: str
    status: FeedbackStatus
    created_at: datetime
    changed_at: datetime
    replies: int


@dataclasses.dataclass(frozen=True)
class Box:
    """The test database and what was put in it, oldest first."""

    db: Database
    clock: ManualClock
    kp3: Area
    tan_dinh: Area
    feedback: tuple[Stored, ...]

    def codes(self, *indexes: int) -> list[str]:
        """Codes of the fixture's feedbacks by position."""
        return [self.feedback[i].code for i in indexes]


# (area, topic, hours before START, body, status set an hour later, public replies)
PLAN = (
    ("kp3", ECONOMY, 40 * 24, "Đèn đường hỏng", None, 0),
    ("kp3", URBAN, 10 * 24, QUOTED, FeedbackStatus.IN_PROGRESS, 2),
    ("tan_dinh", ECONOMY, 5 * 24, FORMULA, FeedbackStatus.RESOLVED, 1),
    ("tan_dinh", OTHER, 3 * 24, MINUS, FeedbackStatus.REJECTED, 0),
    ("kp3", ECONOMY, 24, AT, FeedbackStatus.RECEIVED, 0),
    ("kp3", ECONOMY, 2, CONTROL, None, 0),
)


@pytest.fixture
async def box(tmp_path: Path) -> AsyncIterator[Box]:
    """Six feedbacks from 40 days to 2 hours old, in every kind of state; now is START."""
    clock = ManualClock()
    async with open_database(tmp_path / "homthu.sqlite3", clock=clock) as db:
        areas = {
            "kp3": await db.areas.add("kp3", "Khu phố 3"),
            "tan_dinh": await db.areas.add("thon-tan-dinh", "Thôn Tân Định"),
        }
        stored = []
        for area, topic, hours, body, status, replies in PLAN:
            clock.now = START - timedelta(hours=hours)
            created = clock.now
            submitted = await db.feedback.submit(
                NewFeedback(areas[area].id, topic, body, seal_reply_chat=lambda _: SECRET_CHAT)
            )
            feedback = submitted.feedback
            clock.now += timedelta(hours=1)
            if status is not None:
                await db.feedback.set_status(feedback.id, status, "Chị Hoa")
            for n in range(replies):
                await db.feedback.respond(feedback.id, ResponseKind.REPLY, f"Trả lời {n}", "Hoa")
            # Internal notes are not answers to the resident: never counted.
            await db.feedback.respond(feedback.id, ResponseKind.NOTE, "ghi chú", "Hoa")
            stored.append(
                Stored(
                    code=feedback.code,
                    area=areas[area].name,
                    topic=topic,
                    body=body,
                    status=status or FeedbackStatus.NEW,
                    created_at=created,
                    changed_at=clock.now if status else created,
                    replies=replies,
                )
            )
        clock.now = START
        yield Box(db, clock, areas["kp3"], areas["tan_dinh"], tuple(stored))


def files_in(folder: Path) -> list[str]:
    """Names of the files in a folder."""
    return sorted(path.name for path in folder.iterdir())


async def collect(rows: AsyncIterator[ExportRow]) -> list[ExportRow]:
    """Every row of an export."""
    return [row async for row in rows]


def topic(number: int, name_vi: str = "", name_en: str = "") -> Topic:
    """A topic as reports carry it."""
    return Topic(number, name_vi or f"Lĩnh vực {number}", name_en, True)


# --- counts -------------------------------------------------------------------------------


async def test_count_by_counts_the_last_days_by_area_topic_and_status(box: Box) -> None:
    counts = await count_by(box.db, START - timedelta(days=30))

    assert (counts.since, counts.until, counts.total) == (START - timedelta(days=30), START, 5)
    assert counts.by_area == (
        AreaCount("kp3", "Khu phố 3", 3),
        AreaCount("thon-tan-dinh", "Thôn Tân Định", 2),
    )
    assert [(c.topic.id, c.topic.name_vi, c.count) for c in counts.by_topic] == [
        (ECONOMY, "Kinh tế, đời sống", 3),
        (URBAN, "Xây dựng đô thị văn minh, hạ tầng", 1),
        (OTHER, "Khác", 1),
    ]
    assert counts.by_status == (
        StatusCount(FeedbackStatus.NEW, 1),
        StatusCount(FeedbackStatus.RECEIVED, 1),
        StatusCount(FeedbackStatus.IN_PROGRESS, 1),
        StatusCount(FeedbackStatus.FORWARDED, 0),
        StatusCount(FeedbackStatus.RESOLVED, 1),
        StatusCount(FeedbackStatus.REJECTED, 1),
    )


async def test_count_by_includes_feedback_sent_this_very_moment(box: Box) -> None:
    await box.db.feedback.submit(NewFeedback(box.tan_dinh.id, OTHER, "vừa gửi"))

    counts = await count_by(box.db, START - timedelta(days=1))

    assert counts.total == 3
    assert counts.by_area[0] == AreaCount("kp3", "Khu phố 3", 2)
    assert counts.by_area[1] == AreaCount("thon-tan-dinh", "Thôn Tân Định", 1)


async def test_count_by_an_empty_window(box: Box) -> None:
    box.clock.now = START + timedelta(days=100)

    counts = await count_by(box.db, START + timedelta(days=70))

    assert (counts.total, counts.by_area, counts.by_topic) == (0, (), ())
    assert [s.count for s in counts.by_status] == [0] * 6


# --- the backlog --------------------------------------------------------------------------


def test_unresolved_means_every_status_but_resolved_and_rejected() -> None:
    assert {s.value for s in UNRESOLVED_STATUSES} == {
        "new",
        "received",
        "in_progress",
        "forwarded",
    }
    assert all(f"'{s.value}'" in UNRESOLVED_SQL for s in UNRESOLVED_STATUSES)
    assert "resolved" not in UNRESOLVED_SQL
    assert "rejected" not in UNRESOLVED_SQL


async def test_open_feedback_is_the_unresolved_oldest_first(box: Box) -> None:
    everything = await open_feedback(box.db, 50)
    first_two = await open_feedback(box.db, 2)

    assert [i.code for i in everything.items] == box.codes(0, 1, 4, 5)
    assert everything.total == 4
    assert [i.code for i in first_two.items] == box.codes(0, 1)
    assert first_two.total == 4
    oldest = everything.items[0]
    assert (oldest.area, oldest.topic.name_vi, oldest.status, oldest.created_at) == (
        "Khu phố 3",
        "Kinh tế, đời sống",
        FeedbackStatus.NEW,
        START - timedelta(days=40),
    )
    assert [i.status for i in everything.items] == [
        FeedbackStatus.NEW,
        FeedbackStatus.IN_PROGRESS,
        FeedbackStatus.RECEIVED,
        FeedbackStatus.NEW,
    ]


async def test_resolving_takes_feedback_off_the_open_list(box: Box) -> None:
    oldest = await box.db.feedback.get_by_code(box.feedback[0].code)
    await box.db.feedback.set_status(oldest.id, FeedbackStatus.FORWARDED, "Anh Nam")
    assert await unresolved_count(box.db) == 4

    await box.db.feedback.set_status(oldest.id, FeedbackStatus.RESOLVED, "Anh Nam")

    assert await unresolved_count(box.db) == 3
    assert [i.code for i in (await open_feedback(box.db, 10)).items] == box.codes(1, 4, 5)


async def test_overdue_codes_are_unresolved_and_older_than_the_limit(box: Box) -> None:
    week_ago = START - timedelta(days=SLA_DAYS)

    assert await overdue_codes(box.db, week_ago) == box.codes(0, 1)
    assert await overdue_codes(box.db, week_ago, limit=1) == box.codes(0)
    # Resolved (5 days old) and rejected (3 days old) feedback is never overdue.
    assert await overdue_codes(box.db, START) == box.codes(0, 1, 4, 5)
    # Strictly older: created exactly at the limit is not overdue yet.
    assert await overdue_codes(box.db, START - timedelta(days=10)) == box.codes(0)


# --- the digest's period ------------------------------------------------------------------


async def test_new_since_counts_the_period_and_the_backlog_at_its_end(box: Box) -> None:
    period = await new_since(box.db, START - timedelta(hours=36), START, sla_days=SLA_DAYS)

    assert period == PeriodCounts(
        since=START - timedelta(hours=36),
        until=START,
        new=2,
        by_area=(AreaCount("kp3", "Khu phố 3", 2),),
        by_topic=(TopicCount(period.by_topic[0].topic, 2),),
        unresolved=4,
        sla_days=SLA_DAYS,
        overdue=tuple(box.codes(0, 1)),
        overdue_total=2,
    )
    assert period.by_topic[0].topic.name_vi == "Kinh tế, đời sống"


async def test_periods_are_half_open_so_no_feedback_is_in_two_digests(box: Box) -> None:
    two_hours_ago = START - timedelta(hours=2)

    before = await new_since(box.db, START - timedelta(days=2), two_hours_ago, sla_days=7)
    after = await new_since(box.db, two_hours_ago, START, sla_days=7)

    assert (before.new, after.new) == (1, 1)
    assert before.by_area == (AreaCount("kp3", "Khu phố 3", 1),)


async def test_first_digest_covers_everything_and_overdue_is_capped(box: Box) -> None:
    period = await new_since(box.db, None, START, sla_days=SLA_DAYS, overdue_limit=1)

    assert (period.since, period.new, period.unresolved) == (None, 6, 4)
    assert period.by_area == (
        AreaCount("kp3", "Khu phố 3", 4),
        AreaCount("thon-tan-dinh", "Thôn Tân Định", 2),
    )
    assert [(c.topic.id, c.count) for c in period.by_topic] == [
        (ECONOMY, 4),
        (URBAN, 1),
        (OTHER, 1),
    ]
    assert (period.overdue, period.overdue_total) == (tuple(box.codes(0)), 2)


async def test_a_quiet_period(box: Box) -> None:
    period = await new_since(box.db, START, START + timedelta(days=1), sla_days=SLA_DAYS)

    assert (period.new, period.by_area, period.by_topic) == (0, (), ())
    assert (period.unresolved, period.overdue, period.overdue_total) == (
        4,
        tuple(box.codes(0, 1)),
        2,
    )
    # Overdue is judged at the end of the period: by then the one from a day before START
    # has waited over a week, the one from two hours before has not.
    later = START + timedelta(days=6, hours=1)
    assert (await new_since(box.db, START, later, sla_days=SLA_DAYS)).overdue == tuple(
        box.codes(0, 1, 4)
    )


async def test_last_digest_is_recorded_inside_the_callers_transaction(box: Box) -> None:
    assert await get_last_digest_at(box.db) is None

    async with box.db.transaction() as conn:
        await set_last_digest_at(conn, START)
    assert await get_last_digest_at(box.db) == START

    async with box.db.transaction() as conn:
        await set_last_digest_at(conn, START + timedelta(days=1, microseconds=5))
    assert await get_last_digest_at(box.db) == START + timedelta(days=1, microseconds=5)

    async def failing_digest() -> None:
        async with box.db.transaction() as conn:
            await set_last_digest_at(conn, START + timedelta(days=2))
            raise RuntimeError("queueing failed")

    with pytest.raises(RuntimeError, match="queueing failed"):
        await failing_digest()
    assert await get_last_digest_at(box.db) == START + timedelta(days=1, microseconds=5)


# --- export rows --------------------------------------------------------------------------


async def test_export_rows_are_every_feedback_of_the_window_in_order(box: Box) -> None:
    rows = await collect(export_rows(box.db, START - timedelta(days=30), batch_size=2))

    expected = [
        ExportRow(
            code=s.code,
            area=s.area,
            topic=rows[i].topic,
            status=s.status,
            created_at=s.created_at,
            status_changed_at=s.changed_at,
            body=s.body,
            reply_count=s.replies,
        )
        for i, s in enumerate(box.feedback[1:])
    ]
    assert rows == expected
    assert [r.topic.id for r in rows] == [URBAN, ECONOMY, OTHER, ECONOMY, ECONOMY]


@pytest.mark.parametrize("batch_size", [1, 2, 5, 6, 200])
async def test_export_rows_do_not_depend_on_the_batch_size(box: Box, batch_size: int) -> None:
    rows = await collect(export_rows(box.db, START - timedelta(days=365), batch_size=batch_size))

    assert [r.code for r in rows] == box.codes(0, 1, 2, 3, 4, 5)


async def test_export_of_an_empty_window(box: Box) -> None:
    assert await collect(export_rows(box.db, START + timedelta(seconds=1))) == []


async def test_export_releases_the_database_between_batches(box: Box) -> None:
    """The bot keeps working during an export; what arrives meanwhile waits for the next."""
    codes = []
    async for row in export_rows(box.db, START - timedelta(days=365), batch_size=2):
        codes.append(row.code)
        # Would wait forever if the export held the database lock while the caller works.
        await asyncio.wait_for(
            box.db.feedback.submit(NewFeedback(box.kp3.id, OTHER, "trong lúc xuất")), 5
        )

    assert codes == box.codes(0, 1, 2, 3, 4, 5)
    assert (await count_by(box.db, START - timedelta(days=365))).total == 12


def test_export_rows_hold_nothing_but_the_export_columns() -> None:
    assert [f.name for f in dataclasses.fields(ExportRow)] == [
        "code",
        "area",
        "topic",
        "status",
        "created_at",
        "status_changed_at",
        "body",
        "reply_count",
    ]


# --- export files -------------------------------------------------------------------------


async def test_export_files_hold_every_row_in_csv_and_xlsx(box: Box, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()

    csv_path, xlsx_path = await write_export(
        export_rows(box.db, START - timedelta(days=365), batch_size=4),
        folder,
        "gop-y-test",
        ZONE,
        VI,
    )

    assert (csv_path, xlsx_path) == (folder / "gop-y-test.csv", folder / "gop-y-test.xlsx")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with csv_path.open(encoding="utf-8-sig", newline="") as file:
        csv_rows = list(csv.reader(file))
    f = box.feedback
    assert csv_rows == [
        EXPORT_HEADER,
        [
            f[0].code,
            "Khu phố 3",
            "Kinh tế, đời sống",
            "Mới",
            "2026-10-12 08:00",
            "2026-10-12 08:00",
            "Đèn đường hỏng",
            "0",
            *[""] * NOT_YET_FILLED,
        ],
        [
            f[1].code,
            "Khu phố 3",
            "Xây dựng đô thị văn minh, hạ tầng",
            "Đang xử lý",
            "2026-11-11 08:00",
            "2026-11-11 09:00",
            QUOTED,
            "2",
            *[""] * NOT_YET_FILLED,
        ],
        [
            f[2].code,
            "Thôn Tân Định",
            "Kinh tế, đời sống",
            "Đã giải quyết",
            "2026-11-16 08:00",
            "2026-11-16 09:00",
            "'" + FORMULA,
            "1",
            *[""] * NOT_YET_FILLED,
        ],
        [
            f[3].code,
            "Thôn Tân Định",
            "Khác",
            "Không xử lý",
            "2026-11-18 08:00",
            "2026-11-18 09:00",
            "'" + MINUS,
            "0",
            *[""] * NOT_YET_FILLED,
        ],
        [
            f[4].code,
            "Khu phố 3",
            "Kinh tế, đời sống",
            "Đã tiếp nhận",
            "2026-11-20 08:00",
            "2026-11-20 09:00",
            "'" + AT,
            "0",
            *[""] * NOT_YET_FILLED,
        ],
        [
            f[5].code,
            "Khu phố 3",
            "Kinh tế, đời sống",
            "Mới",
            "2026-11-21 06:00",
            "2026-11-21 06:00",
            CONTROL,
            "0",
            *[""] * NOT_YET_FILLED,
        ],
    ]

    workbook = load_workbook(xlsx_path)
    sheet = workbook.active
    assert sheet is not None
    assert (workbook.sheetnames, sheet.title, sheet.freeze_panes) == (["Góp ý"], "Góp ý", "A2")
    assert sheet.max_row == 7
    assert sheet.max_column == 19
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == EXPORT_HEADER
    assert all(cell.font.b for cell in sheet[1])
    assert not sheet["A2"].font.b
    widths = [sheet.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOPQRS"]
    assert widths == [14, 22, 34, 24, 17, 17, 80, 10, 13, 17, 9, 22, 26, 60, 50, 50, 16, 12, 12]
    assert values[1:] == [
        [
            f[0].code,
            "Khu phố 3",
            "Kinh tế, đời sống",
            "Mới",
            datetime(2026, 10, 12, 8),
            datetime(2026, 10, 12, 8),
            "Đèn đường hỏng",
            0,
            *[None] * NOT_YET_FILLED,
        ],
        [
            f[1].code,
            "Khu phố 3",
            "Xây dựng đô thị văn minh, hạ tầng",
            "Đang xử lý",
            datetime(2026, 11, 11, 8),
            datetime(2026, 11, 11, 9),
            QUOTED,
            2,
            *[None] * NOT_YET_FILLED,
        ],
        [
            f[2].code,
            "Thôn Tân Định",
            "Kinh tế, đời sống",
            "Đã giải quyết",
            datetime(2026, 11, 16, 8),
            datetime(2026, 11, 16, 9),
            FORMULA,
            1,
            *[None] * NOT_YET_FILLED,
        ],
        [
            f[3].code,
            "Thôn Tân Định",
            "Khác",
            "Không xử lý",
            datetime(2026, 11, 18, 8),
            datetime(2026, 11, 18, 9),
            MINUS,
            0,
            *[None] * NOT_YET_FILLED,
        ],
        [
            f[4].code,
            "Khu phố 3",
            "Kinh tế, đời sống",
            "Đã tiếp nhận",
            datetime(2026, 11, 20, 8),
            datetime(2026, 11, 20, 9),
            AT,
            0,
            *[None] * NOT_YET_FILLED,
        ],
        # XLSX cannot hold control characters: the bell is dropped, the rest kept as is.
        [
            f[5].code,
            "Khu phố 3",
            "Kinh tế, đời sống",
            "Mới",
            datetime(2026, 11, 21, 6),
            datetime(2026, 11, 21, 6),
            "<b>không</b> in đậm & ký tự lạ",
            0,
            *[None] * NOT_YET_FILLED,
        ],
    ]
    # Typed as text: Excel shows it, never runs it.
    formula_cell = sheet["G4"]
    assert (formula_cell.value, formula_cell.data_type) == (FORMULA, "s")
    assert sheet["E2"].number_format == "dd/mm/yyyy hh:mm"
    workbook.close()

    # Nothing that leads back to the resident: the sealed reply channel, staff notes.
    for path in (csv_path, xlsx_path):
        content = path.read_bytes()
        assert SECRET_CHAT not in content
    assert "ghi chú" not in raw.decode("utf-8-sig")
    assert "Chị Hoa" not in raw.decode("utf-8-sig")


async def test_export_in_english_uses_english_headers_and_labels(box: Box, tmp_path: Path) -> None:
    csv_path, _ = await write_export(
        export_rows(box.db, START - timedelta(days=4)), tmp_path, "en", ZONE, EN
    )

    with csv_path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == [
        "Reference code",
        "Area",
        "Topic",
        "Status",
        "Sent",
        "Status changed",
        "Text",
        "Answers",
        "Due",
        "Resolved",
        "Overdue",
        "Handled by",
        "Forwarded to",
        "Public answers",
        "Internal notes",
        "Additions from the sender",
        "Rating",
        "Latitude",
        "Longitude",
    ]
    assert [row[2:4] for row in rows[1:]] == [
        ["Other", "Not handled"],
        ["Economy and livelihoods", "Received"],
        ["Economy and livelihoods", "New"],
    ]


async def test_an_empty_export_has_only_the_header(box: Box, tmp_path: Path) -> None:
    csv_path, xlsx_path = await write_export(
        export_rows(box.db, START + timedelta(days=1)), tmp_path, "empty", ZONE, VI
    )

    assert csv_path.read_bytes() == "\ufeff".encode() + ",".join(EXPORT_HEADER).encode() + b"\r\n"
    workbook = load_workbook(xlsx_path)
    assert workbook.active is not None
    assert [[c.value for c in r] for r in workbook.active.iter_rows()] == [EXPORT_HEADER]
    workbook.close()


async def test_a_failed_export_leaves_no_files(tmp_path: Path) -> None:
    async def broken() -> AsyncIterator[ExportRow]:
        yield ExportRow(
            "AB-12345678", "Khu phố 3", topic(2), FeedbackStatus.NEW, START, START, "x", 0
        )
        raise OSError("disk gone")

    temporary_files = list(ALL_TEMP_FILES)

    with pytest.raises(OSError, match="disk gone"):
        await write_export(broken(), tmp_path, "broken", ZONE, VI)

    assert files_in(tmp_path) == []
    assert temporary_files == ALL_TEMP_FILES


def test_export_names_and_captions() -> None:
    assert export_stem(START, ZONE) == "gop-y-2026-11-21-0800"
    assert export_caption(VI, 0, 30, START, ZONE) == (
        "📤 Không có góp ý nào trong 30 ngày qua để xuất."
    )
    assert export_caption(VI, 12, 7, START - timedelta(days=7), ZONE) == (
        "📤 12 góp ý trong 7 ngày qua (từ 08:00 14/11/2026). "
        "Tệp CSV mở được bằng Excel; tệp XLSX đã định dạng sẵn."
    )


# --- what staff read ----------------------------------------------------------------------


async def test_stats_message(box: Box) -> None:
    counts = await count_by(box.db, START - timedelta(days=30))

    assert stats_messages(VI, counts, 30, ZONE) == [
        "📊 <b>Thống kê góp ý 30 ngày qua</b>\n"
        "Từ 08:00 22/10/2026 đến 08:00 21/11/2026\n"
        "Tổng số: <b>5</b> góp ý\n"
        "\n"
        "<b>Theo khu vực</b>\n"
        "• Khu phố 3: <b>3</b> (60%)\n"
        "• Thôn Tân Định: <b>2</b> (40%)\n"
        "\n"
        "<b>Theo lĩnh vực</b>\n"
        "• Kinh tế, đời sống: <b>3</b> (60%)\n"
        "• Xây dựng đô thị văn minh, hạ tầng: <b>1</b> (20%)\n"
        "• Khác: <b>1</b> (20%)\n"
        "\n"
        "<b>Theo trạng thái</b>\n"
        "• Mới: <b>1</b> (20%)\n"
        "• Đã tiếp nhận: <b>1</b> (20%)\n"
        "• Đang xử lý: <b>1</b> (20%)\n"
        "• Đã chuyển cấp có thẩm quyền: <b>0</b> (0%)\n"
        "• Đã giải quyết: <b>1</b> (20%)\n"
        "• Không xử lý: <b>1</b> (20%)"
    ]


async def test_stats_in_english_name_topics_in_english(box: Box) -> None:
    counts = await count_by(box.db, START - timedelta(days=2))

    text = "\n".join(stats_messages(EN, counts, 2, ZONE))

    assert "📊 <b>Feedback statistics, past 2 day(s)</b>" in text
    assert "• Economy and livelihoods: <b>2</b> (100%)" in text
    assert "• Received: <b>1</b> (50%)" in text


def test_stats_of_an_empty_window_is_one_line() -> None:
    counts = Counts(
        since=START - timedelta(days=7),
        until=START,
        total=0,
        by_area=(),
        by_topic=(),
        by_status=tuple(StatusCount(s, 0) for s in FeedbackStatus),
    )

    assert stats_messages(VI, counts, 7, ZONE) == [
        "📊 Không có góp ý nào trong 7 ngày qua (từ 08:00 14/11/2026 đến 08:00 21/11/2026)."
    ]


def test_stats_escape_names() -> None:
    counts = Counts(
        since=START,
        until=START,
        total=1,
        by_area=(AreaCount("x", "<Tổ> & 1", 1),),
        by_topic=(TopicCount(topic(1, "<i>"), 1),),
        by_status=(StatusCount(FeedbackStatus.NEW, 1),),
    )

    text = stats_messages(VI, counts, 1, ZONE)[0]

    assert "• &lt;Tổ&gt; &amp; 1: <b>1</b> (100%)" in text
    assert "• &lt;i&gt;: <b>1</b> (100%)" in text


async def test_open_message_marks_the_overdue(box: Box) -> None:
    backlog = await open_feedback(box.db, 3)

    f = box.feedback
    assert open_messages(VI, backlog.items, backlog.total, SLA_DAYS, START, ZONE) == [
        "📋 <b>Góp ý chưa giải quyết: 4</b>\n"
        "Cũ nhất trước · ⏰ quá hạn (chờ hơn 7 ngày) · xem chi tiết: <code>/show MÃ</code>\n"
        "\n"
        f"⏰ <code>{f[0].code}</code> · 12/10/2026 · chờ 40 ngày · Khu phố 3 · "
        "Kinh tế, đời sống · <i>Mới</i>\n"
        f"⏰ <code>{f[1].code}</code> · 11/11/2026 · chờ 10 ngày · Khu phố 3 · "
        "Xây dựng đô thị văn minh, hạ tầng · <i>Đang xử lý</i>\n"
        f"▫️ <code>{f[4].code}</code> · 20/11/2026 · chờ 1 ngày · Khu phố 3 · "
        "Kinh tế, đời sống · <i>Đã tiếp nhận</i>\n"
        "\n"
        "… và 1 góp ý khác (chỉ hiện 3 góp ý cũ nhất)."
    ]


async def test_open_message_of_fresh_feedback_and_the_sla_boundary(box: Box) -> None:
    backlog = await open_feedback(box.db, 10)
    # With a 10-day limit, the one sent exactly 10 days ago has not waited *over* 10 days.
    text = "\n".join(open_messages(VI, backlog.items, backlog.total, 10, START, ZONE))

    assert f"▫️ <code>{box.feedback[1].code}</code> · 11/11/2026 · chờ 10 ngày" in text
    assert f"⏰ <code>{box.feedback[0].code}</code>" in text
    assert f"▫️ <code>{box.feedback[5].code}</code> · 21/11/2026 · chờ dưới 1 ngày" in text
    assert "… và" not in text


def test_open_message_with_nothing_open() -> None:
    assert open_messages(VI, [], 0, SLA_DAYS, START, ZONE) == [
        "✅ Không có góp ý nào đang chờ giải quyết."
    ]


async def test_digest_of_a_period_with_new_feedback(box: Box) -> None:
    period = await new_since(box.db, START - timedelta(days=1), START, sla_days=SLA_DAYS)

    f = box.feedback
    assert digest_messages(VI, period, UNIT, ZONE) == [
        "📰 <b>Bản tin góp ý – Thị trấn Cam Lộ</b>\n"
        "Kỳ báo cáo: từ 08:00 20/11/2026 đến 08:00 21/11/2026\n"
        "\n"
        "🆕 Góp ý mới: <b>2</b>\n"
        "<b>Theo khu vực</b>\n"
        "• Khu phố 3: <b>2</b>\n"
        "<b>Theo lĩnh vực</b>\n"
        "• Kinh tế, đời sống: <b>2</b>\n"
        "\n"
        "📌 Chưa giải quyết: <b>4</b>\n"
        "⏰ Quá hạn (chờ hơn 7 ngày): <b>2</b>\n"
        f"<code>{f[0].code}</code>, <code>{f[1].code}</code>"
    ]


async def test_digest_with_nothing_new_is_one_line(box: Box) -> None:
    period = await new_since(box.db, START, START + timedelta(days=1), sla_days=SLA_DAYS)

    messages = digest_messages(VI, period, UNIT, ZONE)

    assert messages == [
        "📰 <b>Bản tin góp ý – Thị trấn Cam Lộ</b>: không có góp ý mới "
        "từ 08:00 21/11/2026 đến 08:00 22/11/2026. "
        "Chưa giải quyết: 4; quá hạn (chờ hơn 7 ngày): 2."
    ]
    assert "\n" not in messages[0]
    assert digest_chart_png(period, VI, ZONE) is None


def test_first_digest_and_a_digest_without_overdue() -> None:
    period = PeriodCounts(
        since=None,
        until=START,
        new=1,
        by_area=(AreaCount("kp3", "Khu phố 3", 1),),
        by_topic=(TopicCount(topic(11, "Khác"), 1),),
        unresolved=1,
        sla_days=SLA_DAYS,
        overdue=(),
        overdue_total=0,
    )

    [text] = digest_messages(VI, period, "A & B", ZONE)

    assert text.startswith(
        "📰 <b>Bản tin góp ý – A &amp; B</b>\nKỳ báo cáo: từ đầu đến 08:00 21/11/2026\n"
    )
    assert text.endswith("⏰ Không có góp ý quá hạn (chờ hơn 7 ngày).")


def test_digest_with_more_overdue_than_listed() -> None:
    period = PeriodCounts(
        since=START - timedelta(days=1),
        until=START,
        new=1,
        by_area=(AreaCount("kp3", "Khu phố 3", 1),),
        by_topic=(TopicCount(topic(2), 1),),
        unresolved=150,
        sla_days=SLA_DAYS,
        overdue=tuple(f"AB-{n:08d}" for n in range(100)),
        overdue_total=140,
    )

    text = "\n".join(digest_messages(VI, period, UNIT, ZONE))

    assert all(f"<code>AB-{n:08d}</code>" in text for n in range(100))
    assert text.endswith("… và 40 mã khác — xem /open")


async def test_digest_chart_is_a_png_of_the_topics(box: Box) -> None:
    period = await new_since(box.db, None, START, sla_days=SLA_DAYS)

    with warnings.catch_warnings():
        # A Vietnamese letter missing from the font is a warning: make it fail the test.
        warnings.simplefilter("error")
        png = digest_chart_png(period, VI, ZONE)

    assert png is not None
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG"
    width, height = image.size
    assert width == 900
    assert 200 <= height <= 1200
    # The bars are drawn: plenty of pixels in the bar colour (#c8102e).
    pixels = image.convert("RGB").get_flattened_data()
    assert sum(1 for p in pixels if p == (0xC8, 0x10, 0x2E)) > 10_000


def test_chart_of_every_default_topic_keeps_vietnamese_and_dollars() -> None:
    names = [
        "Chính trị, xây dựng Đảng và chính quyền",
        "Văn hóa – xã hội, y tế, giáo dục",
        "Quốc phòng, an ninh, trật tự",
        "Phòng chống tham nhũng, lãng phí $ $",
    ]
    period = PeriodCounts(
        since=START - timedelta(days=1),
        until=START,
        new=10,
        by_area=(AreaCount("kp3", "Khu phố 3", 10),),
        by_topic=tuple(TopicCount(topic(i + 1, n), 4 - i) for i, n in enumerate(names)),
        unresolved=0,
        sla_days=SLA_DAYS,
        overdue=(),
        overdue_total=0,
    )

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = digest_chart_png(period, VI, ZONE)

    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.size[0] == 900
    assert image.size[1] > 300


# --- splitting ----------------------------------------------------------------------------


def test_a_long_open_list_is_split_keeping_every_item() -> None:
    items = [
        OpenItem(
            code=f"AB-{n:08d}",
            area="Tổ dân phố " + "Đông " * 18,
            topic=topic(3, "Văn hóa – xã hội, y tế, giáo dục"),
            status=FeedbackStatus.IN_PROGRESS,
            created_at=START - timedelta(days=n),
        )
        for n in range(400, 0, -1)
    ]

    messages = open_messages(VI, items, 400, SLA_DAYS, START, ZONE)

    assert len(messages) > 3
    assert all(visible_length(m) <= MessageLimit.MAX_TEXT_LENGTH for m in messages)
    lines = [line for m in messages for line in m.split("\n")]
    codes = [line.split("<code>")[1].split("</code>")[0] for line in lines if "<code>AB-" in line]
    assert codes == [f"AB-{n:08d}" for n in range(400, 0, -1)]
    assert messages[0].startswith("📋 <b>Góp ý chưa giải quyết: 400</b>")
    assert all(m.startswith("<i>(tiếp theo)</i>\n") for m in messages[1:])
    assert all("<code>AB-" in m.split("\n")[1] for m in messages[1:])
    # The last 7 are within the SLA.
    assert sum(line.startswith("▫️") for line in lines) == 7


def test_long_stats_are_split_keeping_every_area() -> None:
    areas = tuple(AreaCount(f"a{n}", f"Khu vực số {n} " + "ạ" * 80, 1) for n in range(120))
    counts = Counts(
        since=START - timedelta(days=30),
        until=START,
        total=120,
        by_area=areas,
        by_topic=(TopicCount(topic(11, "Khác"), 120),),
        by_status=tuple(
            StatusCount(s, 120 if s is FeedbackStatus.NEW else 0) for s in FeedbackStatus
        ),
    )

    messages = stats_messages(VI, counts, 30, ZONE)

    assert len(messages) == 4
    assert all(visible_length(m) <= MESSAGE_LIMIT for m in messages)
    text = "\n".join(messages)
    assert all(f"• Khu vực số {n} {'ạ' * 80}: <b>1</b> (1%)" in text for n in range(120))
    assert text.count("<b>Theo trạng thái</b>") == 1
    assert messages[-1].endswith("• Không xử lý: <b>0</b> (0%)")


def test_the_limit_is_telegrams() -> None:
    assert MESSAGE_LIMIT == MessageLimit.MAX_TEXT_LENGTH


def test_pack_lines_counts_visible_characters_not_markup() -> None:
    line = "<b>" + "x" * 1000 + "</b> &amp;"
    messages = pack_lines([line] * 8, "…")

    # 1002 visible characters a line, plus the line break: four fit in 4096.
    assert [m.count("<b>") for m in messages] == [4, 4]
    assert messages[1].startswith("…\n<b>")
    assert visible_length(messages[0]) == 4 * 1002 + 3


def test_pack_lines_drops_blank_lines_at_a_cut() -> None:
    messages = pack_lines(["a" * 4000, "", "b" * 100, ""], "(tiếp)")

    assert messages == ["a" * 4000, "(tiếp)\n" + "b" * 100]


# --- arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "days"),
    [
        ([], 30),
        (["7"], 7),
        (["1"], 1),
        (["3660"], 3660),
        (["0"], None),
        (["3661"], None),
        (["-3"], None),
        (["bảy"], None),
        (["²"], None),
        (["7", "8"], None),
        (["99999999999"], None),
    ],
)
def test_parse_days(args: list[str], days: int | None) -> None:
    assert parse_days(args) == days


def test_days_usage() -> None:
    assert days_usage(VI, "stats") == (
        "Cách dùng: <code>/stats [số ngày]</code>, số ngày từ 1 đến 3660; "
        "mặc định 30 ngày. Ví dụ: <code>/stats 7</code>"
    )
