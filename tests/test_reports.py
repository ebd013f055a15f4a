"""Staff reports: the queries against a real temporary database, and what staff read."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import io
import random
import sqlite3
import warnings
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from openpyxl import load_workbook
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from PIL import Image
from telegram.constants import MessageLimit

from bot.render.reports import (
    MESSAGE_LIMIT,
    BacklogKind,
    BacklogView,
    backlog_messages,
    days_usage,
    digest_chart_png,
    digest_messages,
    export_caption,
    export_stem,
    pack_lines,
    parse_days,
    report_data,
    stats_messages,
    write_export,
)
from bot.render.views import visible_length
from core.clock import to_db
from core.models import AdditionKind, ProposalKind, SealedChannel
from core.rules.workdays import WorkingCalendar
from documents.report import quarter_period, render_report_docx
from storage import Area, Choice, Database, FeedbackStatus, NewFeedback, Topic, open_database
from storage.sqlite.reports import (
    UNRESOLVED_SQL,
    UNRESOLVED_STATUSES,
    AreaCount,
    Counts,
    ExportRow,
    ExportText,
    OpenCursor,
    OpenFilter,
    OpenItem,
    OpenPage,
    Outcomes,
    PeriodCounts,
    StatusCount,
    Tally,
    TopicCount,
    count_by,
    excerpt,
    export_rows,
    get_last_digest_at,
    new_since,
    open_page,
    overdue_codes,
    report_facts,
    set_last_digest_at,
    unresolved_count,
    working_days_late,
)
from texts import CATALOGUES, Texts

# 08:00 in Hanoi, a Saturday. Tuesday 24 November 2026 is a day off (Vietnam Cultural Day,
# from the holidays package), so deadlines below skip it.
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
# The last day allowed for each feedback of the fixture, 7 working days after it was sent
# (worked out by hand from the calendar, 24 November skipped), and the instant after it.
DUE_DAYS = (
    date(2026, 10, 21),  # sent Mon 12 Oct
    date(2026, 11, 20),  # sent Wed 11 Nov
    date(2026, 11, 26),  # sent Mon 16 Nov: 17 18 19 20 23 25 26
    date(2026, 11, 30),  # sent Wed 18 Nov: 19 20 23 25 26 27 30
    date(2026, 12, 2),  # sent Fri 20 Nov: 23 25 26 27 30 1 2
    date(2026, 12, 2),  # sent Sat 21 Nov: counted from Mon 23
)
DUE_AT = tuple(
    datetime.combine(day + timedelta(days=1), time(), tzinfo=ZONE).astimezone(UTC)
    for day in DUE_DAYS
)
LOCATION = (16.75, 107.05)


class ManualClock:
    """A clock that moves only when the test moves it."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@dataclasses.dataclass(frozen=True)
class Stored:
    """A feedback the fixture stored, as the test expects to find it."""

    id: int
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


async def answer(db: Database, feedback_id: int, body: str, delay: timedelta) -> int:
    """An answer proposed and sent by an officer, public ``delay`` later; its proposal.

    Several go at the same instant of the test's clock: each is sent knowing of the others
    (``confirmed``), as an officer does after «Vẫn gửi»."""
    proposal = await db.dialogue.propose(feedback_id, ProposalKind.ANSWER, body, "Hoa")
    await db.dialogue.decide(proposal.id, Choice.SEND, "Hoa", delay=delay, confirmed=True)
    return proposal.id


@pytest.fixture
async def box(tmp_path: Path) -> AsyncIterator[Box]:
    """Six feedbacks from 40 days to 2 hours old, in every kind of state; now is START.

    Besides: the oldest has an addition; the second is handled by Anh Nam, was forwarded
    (and taken back into work) and has an answer withdrawn within its window; the resolved
    one is rated satisfied; the newest has a location and an answer still in its window.
    """
    clock = ManualClock()
    async with open_database(tmp_path / "homthu.sqlite3", clock=clock) as db:
        areas = {
            "kp3": await db.areas.add("kp3", "Khu phố 3"),
            "tan_dinh": await db.areas.add("thon-tan-dinh", "Thôn Tân Định"),
        }
        stored = []
        for n, (area, topic, hours, body, status, replies) in enumerate(PLAN):
            clock.now = START - timedelta(hours=hours)
            created = clock.now
            submitted = await db.feedback.submit(
                NewFeedback(
                    areas[area].id,
                    topic,
                    body,
                    seal_reply_chat=lambda _: SealedChannel("chat-key", SECRET_CHAT),
                    location=LOCATION if n == 5 else None,
                )
            )
            feedback = submitted.feedback
            clock.now += timedelta(hours=1)
            if status is not None:
                await db.feedback.set_status(feedback.id, status, "Chị Hoa")
            for i in range(replies):
                await answer(db, feedback.id, f"Trả lời {i}", timedelta(0))
            # Internal notes are not answers to the resident: never counted as answers.
            await db.feedback.note(feedback.id, "ghi chú", "Hoa")
            if n == 1:
                await db.feedback.take_on(feedback.id, "key-nam", "Anh Nam")
                await db.agencies.forward(
                    feedback.id, "Chị Hoa", name="Điện lực Cam Lộ", notice_delay=timedelta(0)
                )
                await db.feedback.set_status(feedback.id, FeedbackStatus.IN_PROGRESS, "Chị Hoa")
                taken_back = await answer(db, feedback.id, "Nhầm", timedelta(minutes=1))
                await db.dialogue.withdraw(taken_back, "Hoa")
            if n == 2:
                await db.dialogue.rate(feedback.id, satisfied=True)
            if n == 5:
                await answer(db, feedback.id, "Sẽ trả lời sau", timedelta(hours=2))
            if n == 0:
                clock.now += timedelta(hours=1)
                await db.dialogue.add(feedback.id, AdditionKind.ADDITION, "Cột đèn số 7")
            stored.append(
                Stored(
                    id=feedback.id,
                    code=feedback.code,
                    area=areas[area].name,
                    topic=topic,
                    body=body,
                    status=status or FeedbackStatus.NEW,
                    created_at=created,
                    changed_at=created + timedelta(hours=1) if status else created,
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
    # The resolved one was resolved an hour after it was sent, and rated satisfied.
    assert counts.outcomes == Outcomes(resolved=1, on_time=1, ratings=1, satisfied=1)


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
    assert counts.outcomes == Outcomes(0, 0, 0, 0)
    assert (counts.outcomes.on_time_rate, counts.outcomes.satisfaction_rate) == (None, None)


async def test_on_time_and_satisfaction_count_the_feedback_of_the_period(box: Box) -> None:
    f = box.feedback
    # Resolved late: due on Fri 20 Nov, resolved now (Sat 21 Nov); rated satisfied.
    await box.db.feedback.set_status(f[1].id, FeedbackStatus.RESOLVED, "Anh Nam")
    await box.db.dialogue.rate(f[1].id, satisfied=True)
    # Resolved on time (due 2 Dec), not rated.
    await box.db.feedback.set_status(f[4].id, FeedbackStatus.RESOLVED, "Anh Nam")
    # Resolved, then rated not satisfied: that reopens it (no longer resolved), but the
    # rating counts.
    await box.db.feedback.set_status(f[5].id, FeedbackStatus.RESOLVED, "Anh Nam")
    await box.db.dialogue.rate(f[5].id, satisfied=False)
    # Older than the 30 days: resolved late and rated, it stays out.
    await box.db.feedback.set_status(f[0].id, FeedbackStatus.RESOLVED, "Anh Nam")

    counts = await count_by(box.db, START - timedelta(days=30))

    # Resolved: f[1] (late), f[2] and f[4] (on time). Ratings: f[1] and f[2] satisfied, f[5]
    # not.
    assert counts.outcomes == Outcomes(resolved=3, on_time=2, ratings=3, satisfied=2)
    assert counts.outcomes.on_time_rate == pytest.approx(2 / 3)
    assert counts.outcomes.satisfaction_rate == pytest.approx(2 / 3)
    assert (await box.db.feedback.get(f[5].id)).status is FeedbackStatus.IN_PROGRESS


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


async def test_open_page_is_the_unresolved_oldest_first(box: Box) -> None:
    everything = await open_page(box.db, limit=50)
    first_two = await open_page(box.db, limit=2)

    assert [i.code for i in everything.items] == box.codes(0, 1, 4, 5)
    assert (everything.total, everything.next) == (4, None)
    assert [i.code for i in first_two.items] == box.codes(0, 1)
    assert first_two.total == 4
    assert first_two.next == OpenCursor(box.feedback[1].created_at, box.feedback[1].id)
    f = box.feedback
    assert everything.items == (
        # Due Wed 21 Oct; from then to Sat 21 Nov: 22 working days.
        OpenItem(
            id=f[0].id,
            code=f[0].code,
            area="Khu phố 3",
            topic=everything.items[0].topic,
            status=FeedbackStatus.NEW,
            created_at=START - timedelta(days=40),
            due_at=DUE_AT[0],
            handler=None,
            excerpt="Đèn đường hỏng",
            working_days_late=22,
        ),
        # Due Fri 20 Nov: overdue since, but no working day has passed (now is Saturday).
        OpenItem(
            id=f[1].id,
            code=f[1].code,
            area="Khu phố 3",
            topic=everything.items[1].topic,
            status=FeedbackStatus.IN_PROGRESS,
            created_at=f[1].created_at,
            due_at=DUE_AT[1],
            handler="Anh Nam",
            excerpt='Đường "Lê Lợi", đoạn qua tổ 5 bị hỏng; cần sửa gấp',
            working_days_late=0,
        ),
        OpenItem(
            id=f[4].id,
            code=f[4].code,
            area="Khu phố 3",
            topic=everything.items[2].topic,
            status=FeedbackStatus.RECEIVED,
            created_at=f[4].created_at,
            due_at=DUE_AT[4],
            handler=None,
            excerpt=AT,
            working_days_late=None,
        ),
        OpenItem(
            id=f[5].id,
            code=f[5].code,
            area="Khu phố 3",
            topic=everything.items[3].topic,
            status=FeedbackStatus.NEW,
            created_at=f[5].created_at,
            due_at=DUE_AT[5],
            handler=None,
            excerpt="<b>không</b> in đậm & ký tự\x07 lạ",
            working_days_late=None,
        ),
    )
    assert [i.topic.name_vi for i in everything.items] == [
        "Kinh tế, đời sống",
        "Xây dựng đô thị văn minh, hạ tầng",
        "Kinh tế, đời sống",
        "Kinh tế, đời sống",
    ]


async def test_open_page_filters(box: Box) -> None:
    async def codes(where: OpenFilter) -> tuple[list[str], int]:
        page = await open_page(box.db, where, limit=50)
        return [i.code for i in page.items], page.total

    assert await codes(OpenFilter(area_id=box.kp3.id)) == (box.codes(0, 1, 4, 5), 4)
    # Both of Tân Định's are closed (resolved, rejected).
    assert await codes(OpenFilter(area_id=box.tan_dinh.id)) == ([], 0)
    assert await codes(OpenFilter(overdue=True)) == (box.codes(0, 1), 2)
    assert await codes(OpenFilter(handler="Anh Nam")) == (box.codes(1), 1)
    # /mine reads the officer's key (issue 19, item 13), whatever name they now have.
    assert await codes(OpenFilter(handler_key="key-nam")) == (box.codes(1), 1)
    assert await codes(OpenFilter(handler_key="key-hoa")) == ([], 0)
    # Changing a status is not taking the feedback on.
    assert await codes(OpenFilter(handler="Chị Hoa")) == ([], 0)
    assert await codes(OpenFilter(area_id=box.kp3.id, overdue=True)) == (box.codes(0, 1), 2)
    # Overdue is judged now: on Thu 3 Dec the two due on Wed 2 Dec are overdue too.
    box.clock.now = DUE_AT[4]
    assert await codes(OpenFilter(overdue=True)) == (box.codes(0, 1, 4, 5), 4)


async def test_open_pages_follow_each_other_without_repeating_or_skipping(box: Box) -> None:
    # 30 more, ten of them sent in the same microsecond: the pages must order by id too.
    for n in range(30):
        box.clock.now = START + timedelta(hours=n // 10)
        await box.db.feedback.submit(NewFeedback(box.tan_dinh.id, OTHER, f"Thêm {n}"))
    box.clock.now = START + timedelta(days=1)
    whole = await open_page(box.db, limit=1000)
    assert whole.total == len(whole.items) == 34

    seen: list[OpenItem] = []
    page = await open_page(box.db, limit=7)
    sizes = []
    while True:
        assert page.total == 34
        sizes.append(len(page.items))
        if seen:
            # Each page starts right after where the one before ended.
            assert page.items[0] == whole.items[len(seen)]
        seen += page.items
        if page.next is None:
            break
        assert page.next == page.items[-1].cursor
        page = await open_page(box.db, limit=7, after=page.next)
    assert sizes == [7, 7, 7, 7, 6]
    assert [i.id for i in seen] == [i.id for i in whole.items]
    assert len({i.id for i in seen}) == 34


async def test_resolving_between_pages_skips_nothing(box: Box) -> None:
    first = await open_page(box.db, limit=2)
    assert first.next is not None
    await box.db.feedback.set_status(first.items[0].id, FeedbackStatus.RESOLVED, "Anh Nam")

    second = await open_page(box.db, limit=2, after=first.next)

    assert [i.code for i in second.items] == box.codes(4, 5)
    assert second.total == 3


async def test_a_filtered_page_and_its_total_follow_the_filter(box: Box) -> None:
    for n in range(5):
        box.clock.now = START + timedelta(minutes=n)
        sent = await box.db.feedback.submit(NewFeedback(box.tan_dinh.id, OTHER, f"Tân Định {n}"))
        if n % 2 == 0:
            await box.db.feedback.take_on(sent.feedback.id, "key-nam", "Anh Nam")
    mine = OpenFilter(handler_key="key-nam")

    first = await open_page(box.db, mine, limit=2)
    second = await open_page(box.db, mine, limit=2, after=first.next)

    assert [i.code for i in first.items + second.items] == [
        box.feedback[1].code,
        *[i.code for i in (await open_page(box.db, mine, limit=9)).items[1:]],
    ]
    assert [i.excerpt for i in first.items + second.items][1:] == [
        "Tân Định 0",
        "Tân Định 2",
        "Tân Định 4",
    ]
    assert (first.total, second.total, second.next) == (4, 4, None)
    area = await open_page(box.db, OpenFilter(area_id=box.tan_dinh.id), limit=10)
    assert [i.excerpt for i in area.items] == [f"Tân Định {n}" for n in range(5)]


async def test_resolving_takes_feedback_off_the_open_list(box: Box) -> None:
    oldest = box.feedback[0]
    await box.db.feedback.set_status(oldest.id, FeedbackStatus.FORWARDED, "Anh Nam")
    assert await unresolved_count(box.db) == 4

    await box.db.feedback.set_status(oldest.id, FeedbackStatus.RESOLVED, "Anh Nam")

    assert await unresolved_count(box.db) == 3
    page = await open_page(box.db, limit=10)
    assert [i.code for i in page.items] == box.codes(1, 4, 5)


async def test_overdue_codes_are_unresolved_and_past_their_due_date(box: Box) -> None:
    assert await overdue_codes(box.db, START) == box.codes(0, 1)
    assert await overdue_codes(box.db, START, limit=1) == box.codes(0)
    # At the very instant a deadline passes, it is overdue; a microsecond before, not.
    assert await overdue_codes(box.db, DUE_AT[1]) == box.codes(0, 1)
    assert await overdue_codes(box.db, DUE_AT[1] - timedelta(microseconds=1)) == box.codes(0)
    # Resolved (due 26 Nov) and rejected (due 30 Nov) feedback is never overdue.
    assert await overdue_codes(box.db, DUE_AT[4]) == box.codes(0, 1, 4, 5)


def test_working_days_late_counts_like_the_calendar_for_many_days_at_once() -> None:
    calendar = WorkingCalendar(ZONE)
    randomness = random.Random(3)
    today = date(2027, 2, 12)  # just after Tết 2027
    due_days = {today - timedelta(days=randomness.randint(-5, 900)) for _ in range(60)}
    due_days |= {today, today - timedelta(days=1), date(2027, 2, 3)}

    late = working_days_late(calendar, due_days, today)

    assert late == {day: max(calendar.working_days_between(day, today), 0) for day in due_days}
    # Wednesday 3 February: Thursday 4 to Wednesday 10 are Tết, then Thursday 11, Friday 12.
    assert late[date(2027, 2, 3)] == 2
    assert working_days_late(calendar, set(), today) == {}


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("Đèn đường hỏng", 100, "Đèn đường hỏng"),
        ("  Đèn\n\nđường\thỏng  ", 100, "Đèn đường hỏng"),
        ("Đèn đường ở ngõ 5 hỏng đã lâu, đề nghị sửa", 20, "Đèn đường ở ngõ 5…"),
        ("Đèn đường, ngõ 5 hỏng", 11, "Đèn đường…"),
        ("Khôngcókhoảngtrắngnàocả", 10, "Khôngcókho…"),
    ],
)
def test_excerpt_cuts_after_a_whole_word(text: str, size: int, expected: str) -> None:
    assert excerpt(text, size) == expected


# --- the digest's period ------------------------------------------------------------------

# At START (Saturday 21 November), "due within two working days" reaches the end of
# Wednesday 25 November: Monday 23 is the first working day, Tuesday 24 a day off.
DUE_SOON_DAY = date(2026, 11, 25)


def period_counts(**values: object) -> PeriodCounts:
    """A digest's period with nothing in it but ``values``."""
    fields: dict[str, object] = {
        "since": START - timedelta(days=1),
        "until": START,
        "new": 0,
        "by_area": (),
        "by_topic": (),
        "unresolved": 0,
        "overdue": (),
        "overdue_total": 0,
        "due_soon": (),
        "due_soon_total": 0,
        "due_soon_day": DUE_SOON_DAY,
        "satisfied_total": 0,
        "dissatisfied": (),
        "dissatisfied_total": 0,
    }
    fields.update(values)
    return PeriodCounts(**fields)  # type: ignore[arg-type]


async def test_new_since_counts_the_period_and_the_backlog_at_its_end(box: Box) -> None:
    period = await new_since(box.db, START - timedelta(hours=36), START)

    assert period == PeriodCounts(
        since=START - timedelta(hours=36),
        until=START,
        new=2,
        by_area=(AreaCount("kp3", "Khu phố 3", 2),),
        by_topic=(TopicCount(period.by_topic[0].topic, 2),),
        unresolved=4,
        overdue=tuple(box.codes(0, 1)),
        overdue_total=2,
        due_soon=(),
        due_soon_total=0,
        due_soon_day=DUE_SOON_DAY,
        satisfied_total=0,
        dissatisfied=(),
        dissatisfied_total=0,
    )
    assert period.by_topic[0].topic.name_vi == "Kinh tế, đời sống"


async def test_periods_are_half_open_so_no_feedback_is_in_two_digests(box: Box) -> None:
    two_hours_ago = START - timedelta(hours=2)

    before = await new_since(box.db, START - timedelta(days=2), two_hours_ago)
    after = await new_since(box.db, two_hours_ago, START)

    assert (before.new, after.new) == (1, 1)
    assert before.by_area == (AreaCount("kp3", "Khu phố 3", 1),)


async def test_first_digest_covers_everything_and_overdue_is_capped(box: Box) -> None:
    period = await new_since(box.db, None, START, overdue_limit=1)

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
    assert (period.satisfied_total, period.dissatisfied_total) == (1, 0)


async def test_a_quiet_period(box: Box) -> None:
    period = await new_since(box.db, START, START + timedelta(days=1))

    assert (period.new, period.by_area, period.by_topic) == (0, (), ())
    assert (period.unresolved, period.overdue, period.overdue_total) == (
        4,
        tuple(box.codes(0, 1)),
        2,
    )
    # Overdue is judged at the end of the period, by each feedback's due date: after Wed
    # 2 Dec, the two due that day are overdue too.
    later = DUE_AT[4] + timedelta(hours=1)
    assert (await new_since(box.db, START, later)).overdue == tuple(box.codes(0, 1, 4, 5))


async def test_due_soon_reaches_over_the_weekend_and_the_day_off(box: Box) -> None:
    f = box.feedback

    async def due(index: int, day: date) -> None:
        # The instant after the last day, as deadlines are stored.
        moment = datetime.combine(day + timedelta(days=1), time(), tzinfo=ZONE)
        async with box.db.transaction() as conn:
            await conn.execute(
                "UPDATE feedback SET due_at = ? WHERE id = ?", (to_db(moment), f[index].id)
            )

    await due(4, date(2026, 11, 25))  # Wed 25: the second working day from Saturday
    await due(5, date(2026, 11, 26))  # Thu 26: the third
    await due(2, date(2026, 11, 23))  # Mon 23, but resolved

    period = await new_since(box.db, START - timedelta(days=1), START)

    assert period.due_soon_day == date(2026, 11, 25)
    assert (period.due_soon, period.due_soon_total) == (tuple(box.codes(4)), 1)
    assert (period.overdue, period.overdue_total) == (tuple(box.codes(0, 1)), 2)
    # From Thursday 19, two working days reach Monday 23 (the weekend does not count): the
    # one due on Friday 20 is due soon then, those due on the 25th and 26th are not.
    thursday = datetime(2026, 11, 19, 9, tzinfo=ZONE)
    earlier = await new_since(box.db, thursday - timedelta(days=1), thursday)
    assert earlier.due_soon_day == date(2026, 11, 23)
    assert (earlier.due_soon, earlier.overdue) == (tuple(box.codes(1)), tuple(box.codes(0)))
    # Due later today (end of Saturday) is due soon, not overdue.
    await due(5, date(2026, 11, 21))
    today = await new_since(box.db, START - timedelta(days=1), START)
    assert today.due_soon == tuple(box.codes(5, 4))


async def test_the_digest_counts_the_ratings_given_in_its_period(box: Box) -> None:
    f = box.feedback
    box.clock.now = START - timedelta(hours=1)
    await box.db.feedback.set_status(f[4].id, FeedbackStatus.RESOLVED, "Anh Nam")
    await box.db.dialogue.rate(f[4].id, satisfied=False)
    box.clock.now = START

    week = await new_since(box.db, START - timedelta(days=6), START)
    day = await new_since(box.db, START - timedelta(days=1), START)

    # f[2] was rated satisfied five days ago, f[4] not satisfied an hour ago.
    assert (week.satisfied_total, week.dissatisfied, week.dissatisfied_total) == (
        1,
        tuple(box.codes(4)),
        1,
    )
    assert (day.satisfied_total, day.dissatisfied, day.dissatisfied_total) == (
        0,
        tuple(box.codes(4)),
        1,
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


def expected_export_rows(box: Box) -> list[ExportRow]:
    """What the export holds of the fixture, oldest first."""
    f = box.feedback

    def at(n: int, hours: int = 1) -> datetime:
        return f[n].created_at + timedelta(hours=hours)

    def note(n: int) -> tuple[ExportText, ...]:
        return (ExportText(at(n), "ghi chú", "Hoa"),)

    common = [
        {
            "due_at": DUE_AT[0],
            "overdue": True,
            "notes": note(0),
            "additions": (ExportText(at(0, 2), "Cột đèn số 7"),),
        },
        {
            "due_at": DUE_AT[1],
            "overdue": True,
            "handler": "Anh Nam",
            "agency": "Điện lực Cam Lộ",
            # The answer taken back within its window is not there.
            "answers": (
                ExportText(at(1), "Trả lời 0", "Hoa"),
                ExportText(at(1), "Trả lời 1", "Hoa"),
            ),
            "notes": note(1),
        },
        {
            "due_at": DUE_AT[2],
            "resolved_at": at(2),
            "answers": (ExportText(at(2), "Trả lời 0", "Hoa"),),
            "notes": note(2),
            "satisfied": True,
        },
        {"due_at": DUE_AT[3], "notes": note(3)},
        {"due_at": DUE_AT[4], "notes": note(4)},
        # Its answer is still within its window at START: not public yet.
        {"due_at": DUE_AT[5], "notes": note(5), "location": LOCATION},
    ]
    return [
        ExportRow(
            code=s.code,
            area=s.area,
            topic=topic(s.topic),
            status=s.status,
            created_at=s.created_at,
            status_changed_at=s.changed_at,
            body=s.body,
            reply_count=s.replies,
            **common[n],  # type: ignore[arg-type]
        )
        for n, s in enumerate(f)
    ]


def same_rows(rows: list[ExportRow], expected: list[ExportRow]) -> None:
    """Rows equal but for the topic's full record (its names are checked elsewhere)."""
    assert [dataclasses.replace(r, topic=topic(r.topic.id)) for r in rows] == expected


async def test_export_rows_are_every_feedback_of_the_window_in_order(box: Box) -> None:
    rows = await collect(export_rows(box.db, START - timedelta(days=30), batch_size=2))

    same_rows(rows, expected_export_rows(box)[1:])
    assert [r.topic.id for r in rows] == [URBAN, ECONOMY, OTHER, ECONOMY, ECONOMY]
    assert rows[0].topic.name_vi == "Xây dựng đô thị văn minh, hạ tầng"


@pytest.mark.parametrize("batch_size", [1, 2, 5, 6, 200])
async def test_export_rows_do_not_depend_on_the_batch_size(box: Box, batch_size: int) -> None:
    rows = await collect(export_rows(box.db, START - timedelta(days=365), batch_size=batch_size))

    same_rows(rows, expected_export_rows(box))


async def test_an_answer_is_exported_once_its_window_is_over(box: Box) -> None:
    box.clock.now = START + timedelta(hours=1)

    rows = await collect(export_rows(box.db, START - timedelta(hours=3)))

    assert [(r.reply_count, [a.body for a in r.answers]) for r in rows] == [
        (1, ["Sẽ trả lời sau"])
    ]


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
        "due_at",
        "resolved_at",
        "overdue",
        "handler",
        "agency",
        "answers",
        "notes",
        "additions",
        "satisfied",
        "location",
        "extension_reason",
    ]
    assert [f.name for f in dataclasses.fields(ExportText)] == ["at", "body", "author", "photo"]


# --- export files -------------------------------------------------------------------------

# Each feedback of the fixture as the files hold it: code, area, topic, status, sent,
# status changed (local times), text in the CSV and in the XLSX, answers, then due day,
# resolved, overdue, handler, agency, answers, notes, additions, rating, latitude, longitude.
NOTE = "(Hoa): ghi chú"


def expected_file_rows(box: Box) -> list[tuple[object, ...]]:
    """The rows of the export files, as plain values (None: an empty cell)."""
    f = box.feedback
    kp3, tan_dinh = "Khu phố 3", "Thôn Tân Định"
    economy, urban = "Kinh tế, đời sống", "Xây dựng đô thị văn minh, hạ tầng"
    return [
        (f[0].code, kp3, economy, "Mới", datetime(2026, 10, 12, 8), datetime(2026, 10, 12, 8),
         "Đèn đường hỏng", "Đèn đường hỏng", 0, datetime(2026, 10, 21), None, "Có", None,
         None, None, f"09:00 12/10/2026 {NOTE}", "10:00 12/10/2026: Cột đèn số 7", None,
         None, None),
        (f[1].code, kp3, urban, "Đang xử lý", datetime(2026, 11, 11, 8),
         datetime(2026, 11, 11, 9), QUOTED, QUOTED, 2, datetime(2026, 11, 20), None, "Có",
         "Anh Nam", "Điện lực Cam Lộ",
         "09:00 11/11/2026: Trả lời 0\n\n09:00 11/11/2026: Trả lời 1",
         f"09:00 11/11/2026 {NOTE}", None, None, None, None),
        (f[2].code, tan_dinh, economy, "Đã giải quyết", datetime(2026, 11, 16, 8),
         datetime(2026, 11, 16, 9), "'" + FORMULA, FORMULA, 1, datetime(2026, 11, 26),
         datetime(2026, 11, 16, 9), "Không", None, None, "09:00 16/11/2026: Trả lời 0",
         f"09:00 16/11/2026 {NOTE}", None, "Hài lòng", None, None),
        (f[3].code, tan_dinh, "Khác", "Không xử lý", datetime(2026, 11, 18, 8),
         datetime(2026, 11, 18, 9), "'" + MINUS, MINUS, 0, datetime(2026, 11, 30), None,
         "Không", None, None, None, f"09:00 18/11/2026 {NOTE}", None, None, None, None),
        (f[4].code, kp3, economy, "Đã tiếp nhận", datetime(2026, 11, 20, 8),
         datetime(2026, 11, 20, 9), "'" + AT, AT, 0, datetime(2026, 12, 2), None, "Không",
         None, None, None, f"09:00 20/11/2026 {NOTE}", None, None, None, None),
        # XLSX cannot hold control characters: the bell is dropped, the rest kept as is.
        (f[5].code, kp3, economy, "Mới", datetime(2026, 11, 21, 6), datetime(2026, 11, 21, 6),
         CONTROL, "<b>không</b> in đậm & ký tự lạ", 0, datetime(2026, 12, 2), None, "Không",
         None, None, None, f"07:00 21/11/2026 {NOTE}", None, None, 16.75, 107.05),
    ]  # fmt: skip


def as_csv(row: tuple[object, ...]) -> list[str]:
    """A row of ``expected_file_rows`` as the CSV writes it."""
    code, area, topic_, status, sent, changed, text, _, answers, due, resolved, *rest = row
    *words, latitude, longitude = rest
    assert isinstance(sent, datetime)
    assert isinstance(changed, datetime)
    assert isinstance(due, datetime)
    return [
        str(code),
        str(area),
        str(topic_),
        str(status),
        sent.strftime("%Y-%m-%d %H:%M"),
        changed.strftime("%Y-%m-%d %H:%M"),
        str(text),
        str(answers),
        due.strftime("%Y-%m-%d"),
        resolved.strftime("%Y-%m-%d %H:%M") if isinstance(resolved, datetime) else "",
        *["" if w is None else str(w) for w in words],
        "" if latitude is None else f"{latitude:.6f}",
        "" if longitude is None else f"{longitude:.6f}",
        "",  # no deadline extended in the fixture
    ]


def as_xlsx(row: tuple[object, ...]) -> list[object]:
    """A row of ``expected_file_rows`` as the XLSX holds it."""
    return [*row[:6], *row[7:], None]


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
    expected = expected_file_rows(box)
    assert csv_rows[0] == EXPORT_HEADER
    assert csv_rows[1:] == [as_csv(row) for row in expected]

    workbook = load_workbook(xlsx_path)
    sheet = workbook.active
    assert sheet is not None
    assert (workbook.sheetnames, sheet.title, sheet.freeze_panes) == (["Góp ý"], "Góp ý", "A2")
    assert sheet.max_row == 7
    assert sheet.max_column == 20
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == EXPORT_HEADER
    assert all(cell.font.b for cell in sheet[1])
    assert not sheet["A2"].font.b
    widths = [sheet.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOPQRS"]
    assert widths == [14, 22, 34, 24, 17, 17, 80, 10, 13, 17, 9, 22, 26, 60, 50, 50, 16, 12, 12]
    assert values[1:] == [as_xlsx(row) for row in expected]
    # Typed as text: Excel shows it, never runs it.
    formula_cell = sheet["G4"]
    assert (formula_cell.value, formula_cell.data_type) == (FORMULA, "s")
    assert sheet["E2"].number_format == "dd/mm/yyyy hh:mm"
    assert sheet["I2"].number_format == "dd/mm/yyyy"
    workbook.close()

    # Nothing that leads back to the resident: the sealed reply channel; nor who changed a
    # status or forwarded (only the handler and the authors of notes are named).
    text = raw.decode("utf-8-sig")
    for path in (csv_path, xlsx_path):
        assert SECRET_CHAT not in path.read_bytes()
    assert "Chị Hoa" not in text
    assert "chat-key" not in text
    # Neither the answer taken back nor the one still within its window.
    assert "Nhầm" not in text
    assert "Sẽ trả lời sau" not in text


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
        "Why the deadline was extended",
    ]
    assert [row[2:4] for row in rows[1:]] == [
        ["Other", "Not handled"],
        ["Jobs, incomes and daily life", "Received"],
        ["Jobs, incomes and daily life", "New"],
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

NO_OUTCOMES = Outcomes(0, 0, 0, 0)


async def test_stats_message(box: Box) -> None:
    counts = await count_by(box.db, START - timedelta(days=30))

    assert stats_messages(VI, counts, 30, ZONE) == [
        "📊 <b>Thống kê góp ý 30 ngày qua</b>\n"
        "Từ 08:00 22/10/2026 đến 08:00 21/11/2026\n"
        "Tổng số: <b>5</b> góp ý\n"
        "⏱ Giải quyết đúng hạn: <b>100%</b> (1/1 góp ý đã giải quyết)\n"
        "🙂 Người góp ý hài lòng: <b>100%</b> (1/1 đánh giá)\n"
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
    assert "• Jobs, incomes and daily life: <b>2</b> (100%)" in text
    assert "• Received: <b>1</b> (50%)" in text
    assert "⏱ Resolved on time: nothing resolved yet." in text
    assert "🙂 Residents satisfied: no ratings yet." in text


@pytest.mark.parametrize(
    ("outcomes", "on_time", "satisfied"),
    [
        (
            Outcomes(resolved=3, on_time=2, ratings=6, satisfied=5),
            "⏱ Giải quyết đúng hạn: <b>66,7%</b> (2/3 góp ý đã giải quyết)",
            "🙂 Người góp ý hài lòng: <b>83,3%</b> (5/6 đánh giá)",
        ),
        (
            Outcomes(resolved=4, on_time=0, ratings=0, satisfied=0),
            "⏱ Giải quyết đúng hạn: <b>0%</b> (0/4 góp ý đã giải quyết)",
            "🙂 Người góp ý hài lòng: chưa có đánh giá nào.",
        ),
        (
            Outcomes(resolved=0, on_time=0, ratings=2, satisfied=1),
            "⏱ Giải quyết đúng hạn: chưa có góp ý nào đã giải quyết.",
            "🙂 Người góp ý hài lòng: <b>50%</b> (1/2 đánh giá)",
        ),
    ],
)
def test_stats_rates_and_their_absence(outcomes: Outcomes, on_time: str, satisfied: str) -> None:
    counts = Counts(
        since=START,
        until=START,
        total=1,
        by_area=(AreaCount("x", "Khu phố 3", 1),),
        by_topic=(TopicCount(topic(1), 1),),
        by_status=(StatusCount(FeedbackStatus.NEW, 1),),
        outcomes=outcomes,
    )

    lines = stats_messages(VI, counts, 1, ZONE)[0].split("\n")

    assert lines[3:5] == [on_time, satisfied]


def test_stats_of_an_empty_window_is_one_line() -> None:
    counts = Counts(
        since=START - timedelta(days=7),
        until=START,
        total=0,
        by_area=(),
        by_topic=(),
        by_status=tuple(StatusCount(s, 0) for s in FeedbackStatus),
        outcomes=NO_OUTCOMES,
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
        outcomes=NO_OUTCOMES,
    )

    text = stats_messages(VI, counts, 1, ZONE)[0]

    assert "• &lt;Tổ&gt; &amp; 1: <b>1</b> (100%)" in text
    assert "• &lt;i&gt;: <b>1</b> (100%)" in text


async def test_backlog_message_marks_the_overdue_with_how_late(box: Box) -> None:
    page = await open_page(box.db, limit=3)

    f = box.feedback
    assert backlog_messages(VI, BacklogView(BacklogKind.ALL), page, 1, 1, ZONE) == [
        "📋 <b>Góp ý chưa giải quyết: 4</b>\n"
        "Trang 1 · góp ý 1–3 · cũ nhất trước · ⏰ quá hạn · xem chi tiết: <code>/show MÃ</code>\n"
        "\n"
        f"⏰ <code>{f[0].code}</code> · 12/10/2026 · Khu phố 3 · Kinh tế, đời sống · <i>Mới</i>\n"
        "      ⏰ quá hạn 22 ngày làm việc (hạn 21/10/2026) · chưa có người nhận xử lý\n"
        "      <i>«Đèn đường hỏng»</i>\n"
        f"⏰ <code>{f[1].code}</code> · 11/11/2026 · Khu phố 3 · "
        "Xây dựng đô thị văn minh, hạ tầng · <i>Đang xử lý</i>\n"
        "      ⏰ quá hạn (hạn 20/11/2026) · 👤 Anh Nam\n"
        '      <i>«Đường "Lê Lợi", đoạn qua tổ 5 bị hỏng; cần sửa gấp»</i>\n'
        f"▫️ <code>{f[4].code}</code> · 20/11/2026 · Khu phố 3 · Kinh tế, đời sống · "
        "<i>Đã tiếp nhận</i>\n"
        "      hạn 02/12/2026 · chưa có người nhận xử lý\n"
        "      <i>«@cán_bộ xem giúp»</i>"
    ]


async def test_backlog_escapes_what_residents_and_staff_wrote(box: Box) -> None:
    page = await open_page(box.db, OpenFilter(area_id=box.kp3.id), limit=10)
    view = BacklogView(BacklogKind.AREA, "Khu <3>")

    text = "\n".join(backlog_messages(EN, view, page, 2, 21, ZONE))

    assert text.startswith(
        "📋 <b>Unresolved feedback in Khu &lt;3&gt;: 4</b>\nPage 2 · items 21–24 · oldest first"
    )
    assert "<i>«&lt;b&gt;không&lt;/b&gt; in đậm &amp; ký tự\x07 lạ»</i>" in text
    assert "⏰ 22 working day(s) overdue (due 21/10/2026) · nobody has taken it on" in text


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        (BacklogView(BacklogKind.ALL), "✅ Không có góp ý nào đang chờ giải quyết."),
        (
            BacklogView(BacklogKind.AREA, "Thôn Tân Định"),
            "✅ Khu vực Thôn Tân Định không có góp ý nào đang chờ giải quyết.",
        ),
        (BacklogView(BacklogKind.OVERDUE), "✅ Không có góp ý nào quá hạn."),
        (
            BacklogView(BacklogKind.MINE, "Lan & Hoa"),
            "Lan &amp; Hoa hiện không có góp ý nào đang xử lý. "
            "Bấm «Nhận xử lý» trên thẻ góp ý để nhận.",
        ),
    ],
)
def test_an_empty_backlog_says_what_it_is_empty_of(view: BacklogView, expected: str) -> None:
    assert backlog_messages(VI, view, OpenPage((), 0, None), 1, 1, ZONE) == [expected]


def test_a_page_past_the_end_says_the_list_is_over() -> None:
    page = OpenPage((), 3, None)

    assert backlog_messages(VI, BacklogView(BacklogKind.ALL), page, 4, 61, ZONE) == [
        "Danh sách đã hết. Gõ /open để xem lại từ đầu."
    ]


async def test_digest_of_a_period_with_new_feedback(box: Box) -> None:
    period = await new_since(box.db, START - timedelta(days=1), START)

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
        "⏰ Quá hạn: <b>2</b>\n"
        f"<code>{f[0].code}</code>, <code>{f[1].code}</code>\n"
        "📅 Không có góp ý đến hạn trong 2 ngày làm việc tới (đến hết 25/11/2026).\n"
        "\n"
        "⭐ Không có đánh giá mới."
    ]


async def test_digest_with_nothing_new_is_one_line(box: Box) -> None:
    period = await new_since(box.db, START, START + timedelta(days=1))

    messages = digest_messages(VI, period, UNIT, ZONE)

    assert messages == [
        "📰 <b>Bản tin góp ý – Thị trấn Cam Lộ</b>: không có góp ý mới "
        "từ 08:00 21/11/2026 đến 08:00 22/11/2026. "
        "Chưa giải quyết: 4; quá hạn: 2; đến hạn trong 2 ngày làm việc: 0."
    ]
    assert "\n" not in messages[0]
    assert digest_chart_png(period, VI, ZONE) is None


def test_digest_lists_what_falls_due_and_the_ratings() -> None:
    period = period_counts(
        new=1,
        by_area=(AreaCount("kp3", "Khu phố 3", 1),),
        by_topic=(TopicCount(topic(11, "Khác"), 1),),
        unresolved=3,
        due_soon=("AB-00000001", "AB-00000002"),
        due_soon_total=2,
        satisfied_total=4,
        dissatisfied=("CD-00000003",),
        dissatisfied_total=1,
    )

    [text] = digest_messages(VI, period, UNIT, ZONE)

    assert text.endswith(
        "📌 Chưa giải quyết: <b>3</b>\n"
        "⏰ Không có góp ý quá hạn.\n"
        "📅 Đến hạn trong 2 ngày làm việc (đến hết 25/11/2026): <b>2</b>\n"
        "<code>AB-00000001</code>, <code>AB-00000002</code>\n"
        "\n"
        "⭐ Đánh giá của người góp ý: 4 hài lòng, 1 chưa hài lòng\n"
        "Chưa hài lòng:\n"
        "<code>CD-00000003</code>"
    )


def test_a_period_with_only_ratings_is_not_quiet() -> None:
    period = period_counts(unresolved=2, satisfied_total=1)

    [text] = digest_messages(EN, period, UNIT, ZONE)

    assert "🆕" in text
    assert "<b>By area</b>" not in text
    assert text.endswith("⭐ Residents' ratings: 1 satisfied, 0 not satisfied")


def test_first_digest_and_a_digest_without_overdue() -> None:
    period = period_counts(
        since=None,
        new=1,
        by_area=(AreaCount("kp3", "Khu phố 3", 1),),
        by_topic=(TopicCount(topic(11, "Khác"), 1),),
        unresolved=1,
    )

    [text] = digest_messages(VI, period, "A & B", ZONE)

    assert text.startswith(
        "📰 <b>Bản tin góp ý – A &amp; B</b>\nKỳ báo cáo: từ đầu đến 08:00 21/11/2026\n"
    )
    assert "⏰ Không có góp ý quá hạn.\n" in text


def test_digest_with_more_codes_than_listed() -> None:
    period = period_counts(
        new=1,
        by_area=(AreaCount("kp3", "Khu phố 3", 1),),
        by_topic=(TopicCount(topic(2), 1),),
        unresolved=150,
        overdue=tuple(f"AB-{n:08d}" for n in range(100)),
        overdue_total=140,
        due_soon=tuple(f"CD-{n:08d}" for n in range(100)),
        due_soon_total=101,
    )

    text = "\n".join(digest_messages(VI, period, UNIT, ZONE))

    assert all(f"<code>AB-{n:08d}</code>" in text for n in range(100))
    assert all(f"<code>CD-{n:08d}</code>" in text for n in range(100))
    assert "… và 40 mã khác — xem /open" in text
    assert "… và 1 mã khác — xem /open" in text


async def test_digest_chart_is_a_png_of_the_topics(box: Box) -> None:
    period = await new_since(box.db, None, START)

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
    period = period_counts(
        new=10,
        by_area=(AreaCount("kp3", "Khu phố 3", 10),),
        by_topic=tuple(TopicCount(topic(i + 1, n), 4 - i) for i, n in enumerate(names)),
    )

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = digest_chart_png(period, VI, ZONE)

    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.size[0] == 900
    assert image.size[1] > 300


# --- splitting ----------------------------------------------------------------------------


def test_a_long_open_page_is_split_keeping_every_item() -> None:
    items = tuple(
        OpenItem(
            id=n,
            code=f"AB-{n:08d}",
            area="Tổ dân phố " + "Đông " * 18,
            topic=topic(3, "Văn hóa – xã hội, y tế, giáo dục"),
            status=FeedbackStatus.IN_PROGRESS,
            created_at=START - timedelta(days=n),
            due_at=START - timedelta(days=n - 10),
            handler="Cán bộ " + "Nguyễn " * 10,
            excerpt="Nội dung " * 11,
            working_days_late=None if n <= 10 else n - 10,
        )
        for n in range(60, 0, -1)
    )

    messages = backlog_messages(
        VI, BacklogView(BacklogKind.ALL), OpenPage(items, 400, None), 1, 1, ZONE
    )

    assert len(messages) > 3
    assert all(visible_length(m) <= MessageLimit.MAX_TEXT_LENGTH for m in messages)
    lines = [line for m in messages for line in m.split("\n")]
    codes = [line.split("<code>")[1].split("</code>")[0] for line in lines if "<code>AB-" in line]
    assert codes == [f"AB-{n:08d}" for n in range(60, 0, -1)]
    assert messages[0].startswith("📋 <b>Góp ý chưa giải quyết: 400</b>")
    assert all(m.startswith("<i>(tiếp theo)</i>\n") for m in messages[1:])
    # Each item's three lines stay together: a message never starts in the middle of one.
    assert all(m.split("\n")[1].startswith(("⏰", "▫️")) for m in messages[1:])
    # The last 10 are within their time.
    assert sum(line.startswith("▫️") for line in lines) == 10


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
        outcomes=NO_OUTCOMES,
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


# --- the periodic report's facts ----------------------------------------------------------

# The third quarter of 2026, as /report 2026-Q3 takes it (local days), seen on 1 November.
Q3_START = datetime(2026, 7, 1, tzinfo=ZONE).astimezone(UTC)
Q3_END = datetime(2026, 10, 1, tzinfo=ZONE).astimezone(UTC)
Q3_SEEN = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
UNRESOLVED = {"new", "received", "in_progress", "forwarded"}


@pytest.fixture
async def quarter(tmp_path: Path) -> AsyncIterator[Database]:
    """Feedback from June to mid-October 2026 in every state, written straight into the
    tables: handlers, forwards (some twice, one to an agency the list no longer names),
    ratings, resolution on time and late, rejections after the quarter, a topic with its
    own deadline, and one marked forwarded before forwards were recorded."""
    randomness = random.Random(7)
    clock = ManualClock()
    clock.now = Q3_SEEN
    async with open_database(tmp_path / "quarter.sqlite3", clock=clock) as db:
        for code, name in (("kp1", "Khu phố 1"), ("kp2", "Khu phố 2"), ("an-lac", "Ấp An Lạc")):
            await db.areas.add(code, name)
        await db.agencies.add("dienluc", "Điện lực Cam Lộ")
        await db.agencies.add("congan", "Công an thị trấn")
        async with db.transaction() as conn:
            await conn.execute("UPDATE topics SET sla_days = 3 WHERE id = 5")
            first = datetime(2026, 6, 1, 1, tzinfo=UTC)
            for n in range(160):
                created = first + timedelta(hours=randomness.randint(0, 136 * 24))
                topic_id = randomness.choice((2, 2, 5, 7, 8, 11))
                due = db.deadlines.due_at(created, 3 if topic_id == 5 else None)
                status = randomness.choice(
                    ("new", "received", "in_progress", "forwarded", "resolved", "resolved",
                     "resolved", "rejected")
                )  # fmt: skip
                changed = min(created + timedelta(days=randomness.uniform(0.1, 40)), Q3_SEEN)
                code = f"QQ-{n:08d}"
                await conn.execute(
                    "INSERT INTO reference_codes (code, issued_at) VALUES (?, ?)",
                    (code, to_db(created)),
                )
                cursor = await conn.execute(
                    "INSERT INTO feedback (code, area_id, topic_id, body, status, created_at,"
                    " status_changed_at, due_at, handler, resolved_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        code,
                        randomness.randint(1, 3),
                        topic_id,
                        f"Góp ý {n}",
                        status,
                        to_db(created),
                        to_db(changed if status != "new" else created),
                        to_db(due),
                        randomness.choice((None, "Anh Nam", "Chị Hoa")),
                        to_db(changed) if status == "resolved" else None,
                    ),
                )
                feedback_id = cursor.lastrowid
                forwards = 1 if status == "forwarded" else int(randomness.random() < 0.15)
                if n == 3:
                    forwards = 0  # marked forwarded before 0007: no forward recorded
                    await conn.execute(
                        "INSERT INTO status_changes (feedback_id, status, changed_by,"
                        " changed_at, agency) VALUES (?, 'forwarded', 'Hoa', ?, ?)",
                        (feedback_id, to_db(changed), "Phòng Tài nguyên"),
                    )
                    await conn.execute(
                        "UPDATE feedback SET status = 'forwarded' WHERE id = ?", (feedback_id,)
                    )
                if randomness.random() < 0.3:
                    forwards *= 2
                for k in range(forwards):
                    agency = randomness.choice(((1, "Điện lực Cam Lộ"), (None, "Tổ dân phố 4")))
                    await conn.execute(
                        "INSERT INTO forwards (feedback_id, agency_id, agency_name,"
                        " forwarded_by, forwarded_at) VALUES (?, ?, ?, 'Hoa', ?)",
                        (
                            feedback_id,
                            agency[0],
                            agency[1],
                            to_db(created + timedelta(days=1 + k, hours=n % 5)),
                        ),
                    )
                if status == "resolved" and randomness.random() < 0.6:
                    await conn.execute(
                        "INSERT INTO ratings (feedback_id, satisfied, rated_at) VALUES (?, ?, ?)",
                        (feedback_id, int(randomness.random() < 0.7), to_db(changed)),
                    )
        yield db


def quarter_rows(db: Database) -> list[dict[str, object]]:
    """Every feedback of the quarter's database as plain values, read with sqlite3."""
    with sqlite3.connect(db.path) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM feedback ORDER BY id")]
        forwards = list(conn.execute("SELECT * FROM forwards ORDER BY id"))
        changes = list(conn.execute("SELECT * FROM status_changes ORDER BY id"))
        ratings = {r["feedback_id"]: r["satisfied"] for r in conn.execute("SELECT * FROM ratings")}
        areas = {r["id"]: r["name"] for r in conn.execute("SELECT * FROM areas")}
    for row in rows:
        row["area"] = areas[row["area_id"]]
        # The last forward made by the end of the quarter.
        mine = [w for w in forwards if w["feedback_id"] == row["id"]]
        made = [w for w in mine if w["forwarded_at"] < to_db(Q3_END)]
        row["forward"] = (made[-1]["agency_name"], made[-1]["forwarded_at"]) if made else None
        legacy = [c for c in changes if c["feedback_id"] == row["id"]]
        made_legacy = legacy and legacy[-1]["changed_at"] < to_db(Q3_END)
        if not mine and row["status"] == "forwarded" and made_legacy:
            row["forward"] = (legacy[-1]["agency"], legacy[-1]["changed_at"])
        row["rating"] = ratings.get(row["id"])
    return rows


async def test_report_facts_of_a_quarter_match_the_rows(quarter: Database) -> None:
    facts = await report_facts(quarter, Q3_START, Q3_END)

    rows = quarter_rows(quarter)
    start, end, seen = to_db(Q3_START), to_db(Q3_END), to_db(Q3_SEEN)
    received = [r for r in rows if start <= str(r["created_at"]) < end]
    assert 90 < len(received) < len(rows)  # the fixture does span more than the quarter

    def then(r: dict[str, object]) -> str:
        """The status at the end of the quarter: the fixture's rows went from new to their
        status at status_changed_at, with no history (but one)."""
        return str(r["status"]) if str(r["status_changed_at"]) < end else "new"

    def tally(group: list[dict[str, object]]) -> Tally:
        resolved = [r for r in group if then(r) == "resolved"]
        still = [r for r in group if then(r) in UNRESOLVED]
        return Tally(
            received=len(group),
            resolved=len(resolved),
            on_time=sum(str(r["resolved_at"]) <= str(r["due_at"]) for r in resolved),
            rejected=sum(then(r) == "rejected" for r in group),
            open=len(still),
            overdue=sum(str(r["due_at"]) <= end for r in still),
        )

    assert facts.totals == tally(received)
    # Counted as at the end of September, not as on 1 November when the report is made.
    assert facts.totals != tally([{**r, "status_changed_at": seen} for r in received])
    assert (facts.start, facts.end, facts.made_at) == (Q3_START, Q3_END, Q3_SEEN)
    topics = sorted({int(str(r["topic_id"])) for r in received})
    assert [(t.topic.id, t.tally) for t in facts.by_topic] == [
        (n, tally([r for r in received if r["topic_id"] == n])) for n in topics
    ]
    assert [(a.name, a.tally) for a in facts.by_area] == [
        (name, tally([r for r in received if r["area"] == name]))
        for name in ("Ấp An Lạc", "Khu phố 1", "Khu phố 2")
    ]
    assert sum((a.tally for a in facts.by_area), Tally()) == facts.totals
    # Ratings given by the end of the quarter (the fixture rates when it resolves).
    rated = [r["rating"] for r in received if r["rating"] is not None and then(r) == "resolved"]
    assert (facts.ratings, facts.satisfied) == (len(rated), sum(map(int, rated)))  # type: ignore[arg-type]
    assert facts.on_time_basis == facts.totals.resolved + facts.totals.overdue
    assert facts.on_time_rate == facts.totals.on_time / facts.on_time_basis
    assert facts.satisfaction_rate == facts.satisfied / facts.ratings

    forwarded = sorted(
        (str(r["forward"][1]), str(r["code"]), r["forward"][0], then(r))  # type: ignore[index]
        for r in received
        if r["forward"] is not None
    )
    assert [
        (to_db(i.forwarded_at), i.code, i.agency, i.status.value) for i in facts.forwarded
    ] == forwarded
    assert "Phòng Tài nguyên" in [i.agency for i in facts.forwarded]

    # Overdue at the end of September: due by then (as the tables count it, a feedback
    # due on the 30th is overdue at the end of it), and not closed by then.
    def open_at_end(r: dict[str, object]) -> bool:
        if r["status"] in UNRESOLVED:
            return True
        if r["status"] == "resolved":
            return str(r["resolved_at"]) >= end
        return str(r["status_changed_at"]) >= end

    calendar = quarter.deadlines.calendar
    last_day = date(2026, 9, 30)
    overdue = sorted(
        (str(r["due_at"]), str(r["code"]), r["handler"])
        for r in rows
        if str(r["due_at"]) <= end and open_at_end(r)
    )
    assert [(to_db(i.due_at), i.code, i.handler) for i in facts.overdue] == overdue
    for item in facts.overdue:
        assert item.due_day == quarter.deadlines.due_day(item.due_at)
        assert item.working_days_late == calendar.working_days_between(item.due_day, last_day)
        assert item.due_day < last_day or item.working_days_late == 0
    # Some of them were received before the quarter, some were closed after it.
    assert any(to_db(i.due_at) < start for i in facts.overdue)
    assert any(r["status"] not in UNRESOLVED for r in rows if open_at_end(r) and r["due_at"])


async def test_working_days_late_skip_weekends_and_the_national_day(quarter: Database) -> None:
    facts = await report_facts(quarter, Q3_START, Q3_END)

    # Counted by hand: weekdays after the due day up to Wednesday 30 September, but for
    # Monday 31 August and 1-2 September (National Day), and with Saturday 22 August,
    # worked in exchange for the 31st.
    days_off = {date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2)}
    worked = date(2026, 8, 22)

    def by_hand(due: date) -> int:
        days = (due + timedelta(days=n) for n in range(1, (date(2026, 9, 30) - due).days + 1))
        return sum((d.weekday() < 5 or d == worked) and d not in days_off for d in days)

    august = [item for item in facts.overdue if item.due_day <= date(2026, 8, 28)]
    assert august, "the fixture has feedback due before the days off"
    assert [item.working_days_late for item in august] == [by_hand(i.due_day) for i in august]
    assert by_hand(date(2026, 8, 28)) == 20


async def test_a_quarter_with_nothing_received(quarter: Database) -> None:
    start = datetime(2027, 1, 1, tzinfo=ZONE).astimezone(UTC)
    end = datetime(2027, 4, 1, tzinfo=ZONE).astimezone(UTC)

    facts = await report_facts(quarter, start, end)

    assert facts.totals == Tally()
    assert (facts.by_topic, facts.by_area, facts.forwarded) == ((), (), ())
    assert (facts.ratings, facts.satisfied) == (0, 0)
    assert (facts.on_time_rate, facts.satisfaction_rate) == (None, None)
    # What is overdue is judged now, since the period has not ended.
    assert [i.code for i in facts.overdue] == await overdue_codes(quarter, Q3_SEEN)


async def test_the_overdue_at_the_end_are_the_same_in_the_tables_and_in_section_v(
    quarter: Database,
) -> None:
    """Section V lists what is overdue at the end of the period, received in it or before;
    the tables' «Quá hạn» count those received in it. A feedback due on the last day of
    the period (30 September: overdue from the instant the period ends) and unresolved
    then is overdue in both, so V holds every one the tables count, and the document says
    how V's number is made of the tables' and the earlier periods'."""
    facts = await report_facts(quarter, Q3_START, Q3_END)
    rows = {str(r["code"]): r for r in quarter_rows(quarter)}
    start, end = to_db(Q3_START), to_db(Q3_END)

    # The fixture has a feedback received in the quarter, due on its last day, still
    # unresolved at its end (never changed since: no history).
    due_last_day = [
        code
        for code, r in rows.items()
        if str(r["due_at"]) == end
        and start <= str(r["created_at"]) < end
        and str(r["status_changed_at"]) >= end
    ]
    assert due_last_day
    listed = {item.code: item for item in facts.overdue}
    for code in due_last_day:
        assert listed[code].due_day == date(2026, 9, 30)
        assert listed[code].working_days_late == 0

    # Every one the tables count is in V, and V's items received in the quarter are
    # exactly the tables' number; the others were received before it.
    of_the_period = [i for i in facts.overdue if i.received_at >= Q3_START]
    earlier = [i for i in facts.overdue if i.received_at < Q3_START]
    assert len(of_the_period) == facts.totals.overdue
    assert sum(a.tally.overdue for a in facts.by_area) == len(of_the_period)
    assert sum(t.tally.overdue for t in facts.by_topic) == len(of_the_period)
    assert earlier
    assert len(facts.overdue) == facts.totals.overdue + len(earlier)
    for item in facts.overdue:
        assert to_db(item.received_at) == rows[item.code]["created_at"]

    # The document: the tables' total, and V's lead and the remarks that say the same.
    data = report_data(
        VI,
        facts,
        quarter_period(CATALOGUES["vi"], 2026, 3),
        unit=UNIT,
        today=date(2026, 11, 1),
        zone=ZONE,
    )
    document = Document(io.BytesIO(render_report_docx(data, CATALOGUES["vi"])))
    for table in document.tables[1:3]:  # by topic, by area
        total = [cell.text for cell in table.rows[-1].cells]
        assert total[-1] == str(facts.totals.overdue)
    text = "\n".join(p.text for p in document.paragraphs)
    total, in_period, before = len(facts.overdue), facts.totals.overdue, len(earlier)
    assert (
        f"Đến hết ngày 30/09/2026, còn {total} góp ý chưa được giải quyết đã quá hạn (thời "
        f"hạn tính theo ngày làm việc), gồm {in_period} góp ý tiếp nhận trong kỳ (cột «Quá "
        f"hạn» ở mục III) và {before} góp ý tiếp nhận từ các kỳ trước, cụ thể:" in text
    )
    assert (
        f"- Còn {total} góp ý quá hạn chưa được giải quyết (mục V), gồm {in_period} góp ý "
        f"tiếp nhận trong kỳ và {before} góp ý tiếp nhận từ các kỳ trước; đề nghị" in text
    )
