"""Restarts, /status, /language, idle sweeping, and what is (not) kept about a resident."""

from __future__ import annotations

import logging
import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot.handlers.general import sweep_idle_drafts
from bot.ptb.context import HomThuApplication, HomThuContext
from bot.service.config import Settings
from bot.service.logs import quiet_libraries
from tests.support import (
    COMMITTEE_EN,
    COMMITTEE_VI,
    DEFAULT_TOPIC_ROWS_VI,
    FrozenClock,
    Person,
    RecordingBotAPI,
    drafts_on_disk,
    running_bot,
)
from tests.test_intake import CODE, only_message, rows, sent, submit, write_feedback
from texts import Texts

VI = Texts("vi")
EN = Texts("en")


def identity_of(person: Person) -> list[str]:
    """Everything that could identify the resident, as text."""
    values = [str(person.user_id), person.first_name]
    values += [v for v in (person.last_name, person.username) if v]
    return values


def database_text(path: Path) -> str:
    """Every cell of every table, as text."""
    cells: list[str] = []
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):
                cells += [c.hex() if isinstance(c, bytes) else str(c) for c in row]
    return "\n".join(cells)


def wal_exists(path: Path) -> bool:
    """True while the database has a write-ahead log beside it."""
    return Path(f"{path}-wal").exists()


def raw_bytes(path: Path) -> bytes:
    """The database file and its WAL, as they sit on disk."""
    data = b""
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            data += candidate.read_bytes()
    return data


async def test_a_draft_survives_a_restart(
    settings: Settings, clock: FrozenClock, tmp_path: Path
) -> None:
    api = RecordingBotAPI()
    async with running_bot(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=31337)
        await resident.send("/start kp3")
        await resident.press("Đời sống")
        await resident.send("Viết trước khi khởi động lại")
    # A new process: new application, same database file.
    api2 = RecordingBotAPI()
    api2.messages = api.messages
    async with running_bot(settings, api2, clock) as app2:
        # Telegram numbers the chat's messages on: the same person, the next message id.
        again = Person(app2, api2, user_id=31337, _message_ids=resident._message_ids)
        ack = only_message(await again.send("và sau khi khởi động lại"))
        assert ack.text == VI("received")
        await again.press("Xem lại")
        receipt = only_message(await again.press("Gửi"))
        match = CODE.search(receipt.text)
        assert match
        feedback = await app2.bot_data.database.feedback.get_by_code(match.group(1))
        assert feedback.body == "Viết trước khi khởi động lại\n\nvà sau khi khởi động lại"
        assert feedback.topic.name_vi == "Kinh tế, đời sống"


async def test_a_chosen_topic_survives_a_hard_stop(settings: Settings, clock: FrozenClock) -> None:
    """No shutdown at all (as after kill -9): what was flushed per update is enough."""
    api = RecordingBotAPI()
    async with running_bot(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=4040)
        await resident.send("/start kp3")
        await resident.press("Khác")
        # Read what another process would see right now, before any shutdown flush.
        with sqlite3.connect(settings.database_path) as conn:
            states = list(conn.execute("SELECT state FROM conversation_states"))
        assert states == [("2",)]
        assert drafts_on_disk(app)[4040]["draft"]["topic_id"] == 11


async def test_nothing_identifies_the_resident_after_the_conversation(
    resident: Person, app: HomThuApplication, caplog: pytest.LogCaptureFixture
) -> None:
    # The process's own logging policy, with everything at DEBUG.
    quiet_libraries()
    caplog.set_level(logging.DEBUG)
    await resident.send("/language")
    await resident.press("Tiếng Việt")
    await write_feedback(resident, "Góp ý ẩn danh")
    await resident.send_photo("PHOTO-X", caption="kèm ảnh")
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    code = CODE.search(receipt.text)
    assert code
    await resident.press("Nhận trả lời")
    await resident.send(f"/status {code.group(1)}")
    # Looked at while the bot still runs: the live -wal file counts too.
    path = app.bot_data.database.path
    assert wal_exists(path)
    table_text = database_text(path)
    disk = raw_bytes(path)
    logs = "\n".join(record.getMessage() for record in caplog.records)
    assert "Góp ý ẩn danh" in table_text  # the content is there...
    for value in identity_of(resident):  # ...and who sent it is not.
        assert value not in table_text, value
        assert value.encode() not in disk, value
        assert value not in logs, value
    # SQLite stores an INTEGER column as big-endian binary, not as digits.
    for width in (4, 8):
        assert resident.user_id.to_bytes(width, "big") not in disk, width
    assert code.group(1) in logs
    await app.bot_data.database.close()
    # Preferences are kept under a keyed hash, never the id.
    keys = rows_after_close(path, "SELECT resident_key FROM resident_prefs")
    assert len(keys) == 1
    assert re.fullmatch(r"[0-9a-f]{32}", str(keys[0][0]))


def rows_after_close(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Query a database the bot has closed."""
    with sqlite3.connect(path) as conn:
        return list(conn.execute(sql))


async def test_status_shows_status_last_change_and_no_replies_yet(resident: Person) -> None:
    code = await submit(resident, "Cần sửa cống")
    answer = only_message(await resident.send(f"/status {code}"))
    assert f"Góp ý {code}" in answer.text
    assert f"Tình trạng: <b>{VI('resident_status_new')}</b>" in answer.text
    assert "(cập nhật lúc 08:00 21/11/2026)" in answer.text
    # 21/11/2026 is a Saturday; seven working days after it, with 24/11 (Vietnam Culture
    # Day) off: 23, 25, 26, 27 November, 30 November, 1 and 2 December.
    assert VI("status_due", due="02/12/2026") in answer.text
    assert "Khu vực: Khu phố 3" in answer.text
    assert VI("status_no_replies") in answer.text
    assert "Cần sửa cống" not in answer.text


async def test_status_shows_public_replies_but_not_notes(
    resident: Person, app: HomThuApplication
) -> None:
    code = await submit(resident)
    with sqlite3.connect(app.bot_data.database.path) as conn:
        (feedback_id,) = conn.execute("SELECT id FROM feedback WHERE code = ?", (code,)).fetchone()
        conn.executemany(
            "INSERT INTO responses (feedback_id, kind, body, author, created_at, published_at)"
            " VALUES (?, ?, ?, ?, '2026-11-22T02:00:00.000000Z', '2026-11-20T02:00:00.000000Z')",
            [
                (feedback_id, "reply", "Đã cử người sửa <ngay>", "Cán bộ A"),
                (feedback_id, "note", "Ghi chú nội bộ", "Cán bộ B"),
            ],
        )
    answer = only_message(await resident.send(f"/status {code}"))
    assert "Đã cử người sửa &lt;ngay&gt;" in answer.text
    assert "09:00 20/11/2026" in answer.text  # when it became public
    assert "Ghi chú nội bộ" not in answer.text
    assert "Cán bộ" not in answer.text


async def test_status_forgives_how_a_person_types_the_code(resident: Person) -> None:
    code = await submit(resident)
    body = code[3:]
    typed = [code.lower(), code.replace("-", ""), f"{code[:2]} {body}"]
    typed += [f"{code[:3]}{body.replace('0', 'O').replace('1', 'l')}"]
    for variant in typed:
        answer = only_message(await resident.send(f"/status {variant}"))
        assert f"Góp ý {code}" in answer.text, variant


async def test_status_bad_input(resident: Person) -> None:
    assert only_message(await resident.send("/status")).text == VI("status_usage")
    assert only_message(await resident.send("/status 12-345")).text == VI(
        "status_invalid", code="12-345"
    )
    assert only_message(await resident.send("/status <b>x</b>")).text == VI(
        "status_invalid", code="<b>x</b>"
    )
    answer = only_message(await resident.send("/status ZZ-00000000"))
    assert answer.text == VI("status_not_found", code="ZZ-00000000")


async def test_status_works_in_the_staff_group(app: HomThuApplication, resident: Person) -> None:
    code = await submit(resident)
    officer = Person(app, resident.api, user_id=777, chat_id=-1001234567890)
    answer = only_message(await officer.send(f"/status {code}"))
    assert f"Góp ý {code}" in answer.text


async def test_status_lookups_are_rate_limited(
    tmp_path: Path, clock: FrozenClock, settings: Settings
) -> None:
    api = RecordingBotAPI()
    limited = Settings(**{**_fields(settings), "status_per_hour": 3})
    async with running_bot(limited, api, clock) as app:
        resident = Person(app, api, user_id=99)
        for _ in range(3):
            reply = only_message(await resident.send("/status AB-12345678"))
            assert reply.text == VI("status_not_found", code="AB-12345678")
        refused = only_message(await resident.send("/status AB-12345678"))
        assert refused.text == VI("status_rate_limited")


def _fields(settings: Settings) -> dict[str, object]:
    return {name: getattr(settings, name) for name in Settings.__dataclass_fields__}


async def test_language_switch_is_remembered(resident: Person, app: HomThuApplication) -> None:
    prompt = only_message(await resident.send("/language"))
    assert prompt.buttons == [["🇻🇳 Tiếng Việt", "🇬🇧 English"]]
    assert only_message(await resident.press("English")).text == EN("language_set")
    greeting = only_message(await resident.send("/start kp3"))
    assert greeting.text == EN("greeting", committee=COMMITTEE_EN, area="Khu phố 3")
    assert greeting.buttons[0][1:] == ["💼 Daily life"]
    await resident.press("Daily life")
    await resident.send("Streetlight broken")
    preview = only_message(await resident.press("Review"))
    assert preview.buttons == [[EN("btn_send")], [EN("btn_edit"), EN("btn_cancel")]]
    assert only_message(await resident.send("/language vi")).text == VI("language_set")
    assert only_message(await resident.send("/help")).text.startswith("<b>Hòm thư góp ý")


async def test_help_explains_the_flow(resident: Person) -> None:
    answer = only_message(await resident.send("/help"))
    assert answer.text == VI("help", committee=COMMITTEE_VI, max_photos=5)
    assert "/status" in answer.text
    assert "ẩn danh" in answer.text


async def test_sweeper_deletes_idle_drafts_and_tells_the_resident_later(
    resident: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await write_feedback(resident)
    other = Person(app, resident.api, user_id=1234567)
    await other.send("/start kp3")
    clock.advance(timedelta(hours=23))
    await other.send("/start kp3")  # the other resident is still active
    clock.advance(timedelta(hours=1, minutes=1))
    await sweep_idle_drafts(HomThuContext(app))  # type: ignore[arg-type]
    path = app.bot_data.database.path
    other_key = app.bot_data.anonymizer.resident_key(other.user_id)
    assert list(drafts_on_disk(app)) == [other.user_id]
    assert rows(app, "SELECT resident_key FROM conversation_states") == [(other_key,)]
    assert rows(app, "SELECT resident_key FROM draft_expiry_notices") == [
        (app.bot_data.anonymizer.resident_key(resident.user_id),)
    ]
    text = database_text(path)
    assert str(resident.user_id) not in text
    # The line typed on return starts a new draft for the same area: only the topic is asked.
    calls = await resident.send("Tôi quay lại")
    texts = [c.text for c in sent(calls)]
    assert texts == [
        VI("draft_expired", hours=24),
        VI("draft_expired_kept", area="Khu phố 3"),
    ]
    assert sent(calls)[-1].buttons == DEFAULT_TOPIC_ROWS_VI
    # Told once only.
    assert VI("draft_expired", hours=24) not in [c.text for c in sent(await resident.send("a"))]


async def test_an_idle_notice_survives_a_restart(settings: Settings, clock: FrozenClock) -> None:
    api = RecordingBotAPI()
    async with running_bot(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=424242)
        await write_feedback(resident)
        clock.advance(timedelta(hours=24, minutes=1))
        await sweep_idle_drafts(HomThuContext(app))  # type: ignore[arg-type]
    api2 = RecordingBotAPI()
    async with running_bot(settings, api2, clock) as app2:
        again = Person(app2, api2, user_id=424242)
        # After the restart the area sealed with the notice is still known: what the resident
        # types starts a new draft there.
        texts = [c.text for c in sent(await again.send("Tôi quay lại"))]
        assert texts == [
            VI("draft_expired", hours=24),
            VI("draft_expired_kept", area="Khu phố 3"),
        ]
        # Told once: the notice is gone from memory and from the database.
        assert VI("draft_expired", hours=24) not in [c.text for c in sent(await again.send("a"))]
        assert rows(app2, "SELECT COUNT(*) FROM draft_expiry_notices") == [(0,)]


async def test_waiting_for_an_addition_is_not_a_draft_that_expires(
    resident: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await submit(resident, "Cần sửa cống")
    await resident.send(code)
    await resident.press("Bổ sung")
    clock.advance(timedelta(hours=25))
    await sweep_idle_drafts(HomThuContext(app))  # type: ignore[arg-type]
    # Nobody had a draft: no notice is left, none is told.
    assert rows(app, "SELECT COUNT(*) FROM draft_expiry_notices") == [(0,)]
    texts = [c.text for c in sent(await resident.send("Xin chào"))]
    assert VI("draft_expired", hours=24) not in texts
    assert texts == [VI("outside_draft_unsent")]


async def test_an_edit_after_a_swept_draft_offers_the_same_area_and_the_way_on_works(
    resident: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await write_feedback(resident, "Viết dở")
    clock.advance(timedelta(hours=25))
    await sweep_idle_drafts(HomThuContext(app))  # type: ignore[arg-type]
    # An edit of the old message is not a new draft: the same area is offered first.
    calls = await resident.edit(2, "Viết dở, sửa lại")
    texts = [c.text for c in sent(calls)]
    assert texts == [
        VI("draft_expired", hours=24),
        VI("draft_expired_same_area", area="Khu phố 3"),
    ]
    assert sent(calls)[-1].buttons[0] == [VI("btn_same_area", area="Khu phố 3")]
    assert drafts_on_disk(app) == {}
    # The button leads on: area, then a topic that works.
    greeting = only_message(await resident.press("Góp ý cho Khu phố 3"))
    assert greeting.buttons == DEFAULT_TOPIC_ROWS_VI
    (prompt,) = sent(await resident.press("Đời sống"), "editMessageText")
    assert prompt.text == VI("write_prompt", topic="Kinh tế, đời sống", max_photos=5)


async def test_a_code_sent_after_a_swept_draft_leaves_no_area_waiting(
    resident: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await submit(resident, "Cần sửa cống")
    await write_feedback(resident, "Viết dở")
    clock.advance(timedelta(hours=25))
    await sweep_idle_drafts(HomThuContext(app))  # type: ignore[arg-type]
    status = sent(await resident.send(code))
    assert f"Góp ý {code}" in status[-1].text
    # The hand-off to a new draft lasted that one update: a later message is no new draft.
    later = [c.text for c in sent(await resident.send("Xin chào"))]
    assert later == [VI("outside_draft_unsent")]
    assert drafts_on_disk(app) == {}
