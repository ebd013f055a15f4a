"""The digest across periods and restarts, and the staff report commands in the group."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import openpyxl
import pytest
from PIL import Image

from bot.delivery.digest import catch_up, queue_digest
from bot.handlers.staff.commands import BacklogPage, backlog_data, parse_backlog_data
from bot.ptb.context import HomThuApplication
from bot.render.reports import BacklogKind
from bot.service.config import Settings
from storage import FeedbackStatus, NewFeedback
from storage.reports import OpenCursor
from tests.support import (
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
    running_bot,
)
from tests.test_intake import only_message, rows, sent
from tests.test_staff import deliver, send_feedback
from texts import Texts

VI = Texts("vi")


def staff_texts(calls: list[Call]) -> str:
    """Everything the group was sent, as one text."""
    return "\n".join(c.text for c in sent(calls) if c.params["chat_id"] == STAFF_CHAT_ID)


async def test_digest_covers_each_period_once_across_restarts(
    settings: Settings, clock: FrozenClock
) -> None:
    api = RecordingBotAPI()
    async with running_bot(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=6001)
        await send_feedback(resident, "Một")
        await send_feedback(resident, "Hai")
        await deliver(app)
        # A period ends where the next begins: what arrives at that instant counts next time.
        clock.advance(timedelta(seconds=1))
        await queue_digest(app.bot_data, app.bot_data.committee)  # the 07:30 run of the first day
        first = await deliver(app)
        assert "Góp ý mới: <b>2</b>" in staff_texts(first)
        charts = [c for c in first if c.method == "sendPhoto" and c.result is not None]
        assert len(charts) == 1
        png = Image.open(io.BytesIO(charts[0].files["photo"]))
        assert png.width > 300
        await send_feedback(resident, "Ba")
        await deliver(app)
    # The bot is down over the next 07:30 and comes back an hour later.
    clock.advance(timedelta(days=1))
    api2 = RecordingBotAPI()
    async with running_bot(settings, api2, clock) as app2:
        second = await deliver(app2)
        assert "Góp ý mới: <b>1</b>" in staff_texts(second)
        assert "Chưa giải quyết: <b>3</b>" in staff_texts(second)
    # Restarting again at once sends nothing more.
    api3 = RecordingBotAPI()
    async with running_bot(settings, api3, clock) as app3:
        assert await catch_up(app3.bot_data, app3.bot_data.committee) is False
        assert await deliver(app3) == []


async def test_a_quiet_period_still_gets_a_one_line_digest(
    app: HomThuApplication, resident: Person, clock: FrozenClock
) -> None:
    await send_feedback(resident)
    clock.advance(timedelta(seconds=1))
    await queue_digest(app.bot_data, app.bot_data.committee)
    await deliver(app)
    clock.advance(timedelta(days=1))
    await queue_digest(app.bot_data, app.bot_data.committee)
    calls = await deliver(app)
    texts = [c.text for c in sent(calls)]
    assert len(texts) == 1
    assert "\n" not in texts[0].strip()
    assert [c for c in calls if c.method == "sendPhoto"] == []


async def test_overdue_feedback_is_named_by_code(
    app: HomThuApplication, resident: Person, clock: FrozenClock
) -> None:
    # Sent on Saturday 21 November 2026: 7 working days (Tuesday 24 is a day off) make it
    # due on Wednesday 2 December; it is overdue on the 3rd, a day after it is due soon.
    old = await send_feedback(resident, "Cũ")
    clock.advance(timedelta(days=9))  # Monday 30 November
    await send_feedback(resident, "Mới")
    clock.advance(timedelta(seconds=1))
    await queue_digest(app.bot_data, app.bot_data.committee)
    soon = staff_texts(await deliver(app)).split("📌 Chưa giải quyết")[1]
    assert "⏰ Không có góp ý quá hạn." in soon
    assert f"(đến hết 02/12/2026): <b>1</b>\n<code>{old}</code>\n" in soon
    clock.advance(timedelta(days=3))  # Thursday 3 December
    newer = await send_feedback(resident, "Mới hơn")
    clock.advance(timedelta(seconds=1))
    await queue_digest(app.bot_data, app.bot_data.committee)
    text = staff_texts(await deliver(app)).split("📌 Chưa giải quyết")[1]
    assert f"⏰ Quá hạn: <b>1</b>\n<code>{old}</code>\n" in text
    assert newer not in text


@pytest.fixture
def officer(app: HomThuApplication, api: RecordingBotAPI) -> Person:
    """A staff member in the group."""
    return Person(app, api, user_id=5101, first_name="Tâm", chat_id=STAFF_CHAT_ID)


async def test_digest_command_answers_now_without_moving_the_schedule(
    app: HomThuApplication, resident: Person, officer: Person, clock: FrozenClock
) -> None:
    await send_feedback(resident)
    clock.advance(timedelta(seconds=1))
    calls = await officer.send("/digest")
    assert "Góp ý mới: <b>1</b>" in staff_texts(calls)
    assert rows(app, "SELECT COUNT(*) FROM bot_state") == [(0,)]


async def test_stats_counts_by_area_topic_and_status(
    app: HomThuApplication, resident: Person, officer: Person
) -> None:
    await send_feedback(resident, "Một")
    await send_feedback(resident, "Hai")
    text = staff_texts(await officer.send("/stats 7"))
    assert "Khu phố 3: <b>2</b>" in text
    assert "Kinh tế, đời sống: <b>2</b>" in text
    assert "Mới: <b>2</b>" in text


@pytest.mark.parametrize(
    "command",
    ["/stats abc", "/stats -5", "/export -5", "/export 0", "/stats 1 2", "/export 99999"],
)
async def test_report_commands_reject_bad_days(officer: Person, command: str) -> None:
    name = command.split()[0].lstrip("/")
    answer = only_message(await officer.send(command))
    assert answer.text.startswith(
        VI("report_days_usage", command=name, max_days=3650, default=30)[:20]
    )
    assert f"/{name}" in answer.text


async def test_open_lists_oldest_first_and_marks_overdue(
    app: HomThuApplication, resident: Person, officer: Person, clock: FrozenClock
) -> None:
    old = await send_feedback(resident, "Cũ")
    clock.advance(timedelta(days=14))
    new = await send_feedback(resident, "Mới")
    text = staff_texts(await officer.send("/open"))
    assert text.index(old) < text.index(new)
    old_line = next(line for line in text.splitlines() if old in line)
    new_line = next(line for line in text.splitlines() if new in line)
    assert "⏰" in old_line
    assert "⏰" not in new_line


async def test_export_sends_csv_with_bom_and_xlsx(
    app: HomThuApplication, resident: Person, officer: Person
) -> None:
    code = await send_feedback(resident, 'Có "ngoặc", dấu phẩy\nvà xuống dòng')
    calls = await officer.send("/export 30")
    documents = [c for c in calls if c.method == "sendDocument"]
    assert [sorted(d.file_names.values())[0].rsplit(".", 1)[1] for d in documents] == [
        "csv",
        "xlsx",
    ]
    raw = documents[0].files["document"]
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[1][0] == code
    assert 'Có "ngoặc", dấu phẩy\nvà xuống dòng' in table[1]
    book = openpyxl.load_workbook(io.BytesIO(documents[1].files["document"]))
    sheet = book.active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][0] == code
    everything = raw.decode("utf-8-sig") + str(values)
    for value in (str(resident.user_id), resident.first_name, str(resident.username)):
        assert value not in everything


async def test_report_commands_are_refused_outside_the_group(
    resident: Person, app: HomThuApplication
) -> None:
    for command in (
        "/digest",
        "/stats",
        "/open",
        "/open overdue",
        "/export",
        "/show AB-12345678",
        "/find đèn",
        "/report",
    ):
        assert only_message(await resident.send(command)).text == VI("staff_only"), command


# --- the committee's desk: /open in pages, /find, /stats rates, /report -------------------


async def submit(app: HomThuApplication, body: str, area: str = "kp3") -> str:
    """A feedback stored as «Gửi» stores it; its code."""
    database = app.bot_data.database
    found = await database.areas.get(area)
    return (await database.feedback.submit(NewFeedback(found.id, 2, body))).feedback.code


async def test_open_goes_page_by_page_with_a_button(
    app: HomThuApplication, officer: Person, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    codes = []
    for n in range(45):
        clock.advance(timedelta(minutes=1))
        codes.append(await submit(app, f"Góp ý số {n}"))

    first = await officer.send("/open")
    message, data = api.button(STAFF_CHAT_ID, "Trang sau")
    assert data.startswith("backlog:")
    second = await officer.press("Trang sau")
    third = await officer.press("Trang sau")

    pages = [staff_texts(calls) for calls in (first, second, third)]
    assert pages[0].startswith("📋 <b>Góp ý chưa giải quyết: 45</b>\nTrang 1 · góp ý 1–20")
    assert pages[1].startswith("📋 <b>Góp ý chưa giải quyết: 45</b>\nTrang 2 · góp ý 21–40")
    assert "Trang 3 · góp ý 41–45" in pages[2]
    shown = [re.findall(r"<code>([A-Z0-9-]+)</code>", page) for page in pages]
    assert [len(codes_) for codes_ in shown] == [20, 20, 5]
    assert [c for page in shown for c in page] == codes
    # The button leaves the page it was under; the last page has none.
    assert api.messages[(STAFF_CHAT_ID, message.message_id)].reply_markup is None
    assert [c.method for c in second if c.method.startswith("edit")] == ["editMessageReplyMarkup"]
    assert not [c for c in third if c.method == "sendMessage" and c.buttons]


async def test_open_filters_by_area_overdue_and_mine(
    app: HomThuApplication, officer: Person, clock: FrozenClock
) -> None:
    old = await submit(app, "Cũ", "thon-tan-dinh")
    clock.advance(timedelta(days=14))
    mine = await submit(app, "Của tôi")
    other = await submit(app, "Chưa ai nhận")
    database = app.bot_data.database
    key = app.bot_data.anonymizer.officer_key(officer.user_id)
    await database.feedback.take_on(
        (await database.feedback.get_by_code(mine)).id, key, "Tâm Nguyễn"
    )

    overdue = staff_texts(await officer.send("/open overdue"))
    area = staff_texts(await officer.send("/open kp3"))
    taken = staff_texts(await officer.send("/open mine"))
    assert staff_texts(await officer.send("/mine")) == taken

    assert overdue.startswith("📋 <b>Góp ý quá hạn chưa giải quyết: 1</b>")
    assert old in overdue
    assert "⏰ quá hạn 2 ngày làm việc (hạn 02/12/2026)" in overdue
    assert (mine in overdue, other in overdue) == (False, False)
    assert area.startswith("📋 <b>Góp ý chưa giải quyết ở Khu phố 3: 2</b>")
    assert (old in area, mine in area, other in area) == (False, True, True)
    assert taken.startswith("📋 <b>Góp ý Tâm Nguyễn đang xử lý: 1</b>")
    assert "👤 Tâm Nguyễn" in taken
    assert (mine in taken, other in taken) == (True, False)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/open kp9", "✅ Khu vực Khu phố 9 không có góp ý nào đang chờ giải quyết."),
        ("/open overdue", "✅ Không có góp ý nào quá hạn."),
        ("/open mine", "Tâm Nguyễn hiện không có góp ý nào đang xử lý."),
        ("/mine", "Tâm Nguyễn hiện không có góp ý nào đang xử lý."),
        ("/mine all", "Cách dùng: <code>/open</code> (tất cả)"),
        ("/open khong-co", "Không có khu vực mã <code>khong-co</code>."),
        ("/open Kp 3", "Cách dùng: <code>/open</code> (tất cả)"),
        ("/open <b>", "Cách dùng: <code>/open</code> (tất cả)"),
    ],
)
async def test_open_says_when_a_filter_finds_nothing(
    app: HomThuApplication, officer: Person, command: str, expected: str
) -> None:
    await submit(app, "Một góp ý")

    answer = only_message(await officer.send(command))

    assert answer.text.startswith(expected)


async def test_a_forged_or_foreign_next_page_button_changes_nothing(
    app: HomThuApplication, officer: Person, resident: Person, api: RecordingBotAPI
) -> None:
    for n in range(25):
        await submit(app, f"Góp ý {n}")
    await officer.send("/open")
    _, data = api.button(STAFF_CHAT_ID, "Trang sau")

    forged = await officer.press_data("backlog:a99999:zzz.1:2")
    elsewhere = await resident.press_data(data)

    assert [c.params.get("text") for c in forged if c.method == "answerCallbackQuery"] == [
        VI("stale_button")
    ]
    assert sent(forged) == []
    assert [c.params.get("text") for c in elsewhere if c.method == "answerCallbackQuery"] == [
        VI("staff_only")
    ]
    assert sent(elsewhere) == []


async def test_find_finds_without_marks_and_refuses_no_words(
    app: HomThuApplication, officer: Person
) -> None:
    code = await submit(app, "Điện lực cắt điện <b>cả ngày</b>")
    await submit(app, "Đèn đường hỏng")

    found = staff_texts(await officer.send("/find dien luc"))
    nothing = staff_texts(await officer.send("/find karaoke"))
    refused = [staff_texts(await officer.send(text)) for text in ("/find", '/find "*" - (')]
    long = await officer.send("/find " + "đèn " * 1000)

    assert found.startswith("🔎 Tìm «dien luc»: <b>1</b> góp ý, mới nhất trước")
    assert f"<code>{code}</code>" in found
    assert "<b>Điện</b> <b>lực</b> cắt <b>điện</b> &lt;b&gt;cả ngày&lt;/b&gt;" in found
    assert nothing == "🔎 Không tìm thấy góp ý nào có «karaoke»."
    assert all(text.startswith("Cách dùng: <code>/find từ khóa</code>") for text in refused)
    assert staff_texts(long).endswith("nội dung: <b>Đèn</b> đường hỏng")


async def test_stats_give_the_on_time_and_satisfaction_rates(
    app: HomThuApplication, officer: Person
) -> None:
    code = await submit(app, "Một")
    await submit(app, "Hai")
    database = app.bot_data.database
    feedback = await database.feedback.get_by_code(code)
    await database.feedback.set_status(feedback.id, FeedbackStatus.RESOLVED, "Tâm")
    await database.dialogue.rate(feedback.id, satisfied=True)

    text = staff_texts(await officer.send("/stats 7"))

    assert "⏱ Giải quyết đúng hạn: <b>100%</b> (1/1 góp ý đã giải quyết)" in text
    assert "🙂 Người góp ý hài lòng: <b>100%</b> (1/1 đánh giá)" in text


async def test_report_sends_a_docx_and_a_pdf_of_last_month(
    app: HomThuApplication, officer: Person, clock: FrozenClock
) -> None:
    clock.now = datetime(2026, 10, 20, 2, tzinfo=UTC)
    await submit(app, "Góp ý tháng Mười")
    clock.now = datetime(2026, 11, 21, 1, tzinfo=UTC)

    calls = await officer.send("/report")

    # Said while the DOCX is drawn, and again while the PDF is.
    assert [c.params["action"] for c in calls if c.method == "sendChatAction"] == [
        "upload_document",
        "upload_document",
    ]
    documents = [c for c in calls if c.method == "sendDocument"]
    assert [list(d.file_names.values()) for d in documents] == [
        ["bao-cao-2026-10.docx"],
        ["bao-cao-2026-10.pdf"],
    ]
    assert documents[0].files["document"].startswith(b"PK")
    assert documents[1].files["document"].startswith(b"%PDF")
    assert documents[0].text.startswith("📄 Báo cáo tháng 10 năm 2026: tiếp nhận 1 góp ý")


async def test_report_of_the_quarter_so_far_and_of_an_empty_month(
    officer: Person, clock: FrozenClock
) -> None:
    so_far = [c for c in await officer.send("/report 2026-Q4") if c.method == "sendDocument"]
    empty = [c for c in await officer.send("/report 2026-02") if c.method == "sendDocument"]

    assert so_far[0].text.startswith(
        "📄 Báo cáo quý IV năm 2026 (tính đến ngày 21/11/2026): trong kỳ không tiếp nhận"
    )
    assert list(so_far[1].file_names.values()) == ["bao-cao-2026-Q4.pdf"]
    assert empty[0].text.startswith("📄 Báo cáo tháng 2 năm 2026: trong kỳ không tiếp nhận")


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/report 2026-13", "Cách dùng: <code>/report</code> (tháng trước)"),
        ("/report 2026-Q5", "Cách dùng: <code>/report</code> (tháng trước)"),
        ("/report 2026-Q0", "Cách dùng: <code>/report</code> (tháng trước)"),
        ("/report tháng 11", "Cách dùng: <code>/report</code> (tháng trước)"),
        ("/report 2027-01", "Kỳ 2027-01 chưa bắt đầu."),
        ("/report 2026-12", "Kỳ 2026-12 chưa bắt đầu."),
    ],
)
async def test_report_refuses_what_is_no_period_yet(
    officer: Person, command: str, expected: str
) -> None:
    calls = await officer.send(command)

    assert only_message(calls).text.startswith(expected)
    assert [c for c in calls if c.method == "sendDocument"] == []


@pytest.mark.parametrize(
    "page",
    [
        BacklogPage(BacklogKind.ALL, None, OpenCursor(datetime(2026, 11, 21, tzinfo=UTC), 1), 2),
        BacklogPage(
            BacklogKind.AREA,
            999_999_999,
            OpenCursor(datetime(2099, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC), 10**12),
            999_999,
        ),
        BacklogPage(BacklogKind.OVERDUE, None, OpenCursor(datetime(1970, 1, 1, tzinfo=UTC), 0), 3),
        BacklogPage(BacklogKind.MINE, None, OpenCursor(datetime(2026, 1, 1, tzinfo=UTC), 77), 50),
    ],
)
def test_next_page_data_says_where_the_page_starts_in_64_bytes(page: BacklogPage) -> None:
    data = backlog_data(page)

    assert data.startswith("backlog:")
    assert len(data.encode()) <= 64
    assert parse_backlog_data(data) == page


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "open:12",
        "backlog:",
        "backlog:all:1.1",
        "backlog:some:1.1:2",
        "backlog:a:1.1:2",
        "backlog:all:ZZ.1:2",
        "backlog:all:1.1:-2",
        "backlog:all:zzzzzzzzzzzz.1:2",
        "backlog:all:1.1:2:extra",
        "backlog:all:1.1:1",
        "backlog:all:1.1:0",
    ],
)
def test_next_page_data_the_bot_did_not_make_is_refused(data: str | None) -> None:
    assert parse_backlog_data(data) is None
