"""The digest across periods and restarts, and the staff report commands in the group."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from PIL import Image

from bot.config import Settings
from bot.context import HomThuApplication
from bot.digest import catch_up, queue_digest
from bot.texts import Texts
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
        await queue_digest(app.bot_data)  # the 07:30 run of the first day
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
        assert await catch_up(app3.bot_data) is False
        assert await deliver(app3) == []


async def test_a_quiet_period_still_gets_a_one_line_digest(
    app: HomThuApplication, resident: Person, clock: FrozenClock
) -> None:
    await send_feedback(resident)
    clock.advance(timedelta(seconds=1))
    await queue_digest(app.bot_data)
    await deliver(app)
    clock.advance(timedelta(days=1))
    await queue_digest(app.bot_data)
    calls = await deliver(app)
    texts = [c.text for c in sent(calls)]
    assert len(texts) == 1
    assert "\n" not in texts[0].strip()
    assert [c for c in calls if c.method == "sendPhoto"] == []


async def test_overdue_feedback_is_named_by_code(
    app: HomThuApplication, resident: Person, clock: FrozenClock
) -> None:
    old = await send_feedback(resident, "Cũ")
    clock.advance(timedelta(days=8))
    await send_feedback(resident, "Mới")
    clock.advance(timedelta(seconds=1))
    await queue_digest(app.bot_data)
    text = staff_texts(await deliver(app))
    assert old in text
    assert "Quá hạn" in text


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
    clock.advance(timedelta(days=8))
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
    for command in ("/digest", "/stats", "/open", "/export", "/show AB-12345678"):
        assert only_message(await resident.send(command)).text == VI("staff_only"), command
