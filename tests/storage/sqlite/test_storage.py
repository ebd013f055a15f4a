"""Storage on SQLite: migrations, the file, and what the tables hold after each call (raw SQL)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

import tests.storage.test_storage as contract
from core.clock import to_db
from core.models import SealedChannel
from storage import (
    AreaClosed,
    AreaNotFound,
    Database,
    DuplicateArea,
    ExpiryNotice,
    FeedbackNotFound,
    FeedbackStatus,
    InvalidAreaCode,
    InvalidName,
    NewFeedback,
    SchemaTooNew,
    SessionWrite,
    StorageUnavailable,
    StoredDraft,
    TopicNotFound,
    open_database,
)
from storage.sqlite import feedback as sqlite_feedback
from storage.sqlite import schema as sqlite_schema
from storage.sqlite.schema import Migration, available_migrations
from tests.storage.test_storage import (
    DEFAULT_TOPICS,
    PLAIN_ENGLISH_TOPICS,
    START,
    ManualClock,
    _submit,
    state_write,
)

db_clock = contract.db_clock
db = contract.db


# Every table a submission writes to.
FEEDBACK_TABLES = (
    "feedback",
    "feedback_photos",
    "reference_codes",
    "outbox",
    "status_changes",
    "reply_channels",
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file of this test only."""
    return tmp_path / "homthu.sqlite3"


async def fetch(
    db: Database, sql: str, params: tuple[object, ...] = ()
) -> list[tuple[object, ...]]:
    """Rows of a query, as plain tuples."""
    async with db.reading() as conn:
        cursor = await conn.execute(sql, params)
        return [tuple(row) for row in await cursor.fetchall()]


async def count(db: Database, table: str) -> int:
    """Rows in ``table``."""
    rows = await fetch(db, f"SELECT COUNT(*) FROM {table}")
    return int(str(rows[0][0]))


async def counts(db: Database, tables: tuple[str, ...] = FEEDBACK_TABLES) -> dict[str, int]:
    """Rows in each of ``tables``."""
    return {table: await count(db, table) for table in tables}


def table_names(path: Path) -> set[str]:
    """Tables in the database file, read with a connection of its own."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


def applied_versions(path: Path) -> list[int]:
    """Versions recorded in schema_migrations."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    return [int(row[0]) for row in rows]


def key_of(user_id: int) -> str:
    """A stand-in for the bot's keyed hash of a Telegram id."""
    return "rk-" + hashlib.sha256(f"pepper:{user_id}".encode()).hexdigest()[:24]


async def test_new_database_gets_every_migration(db: Database) -> None:
    rows = await fetch(db, "SELECT version, name FROM schema_migrations ORDER BY version")
    assert rows == [(m.version, m.name) for m in available_migrations()]
    assert rows[:2] == [(1, "0001_initial.sql"), (2, "0002_default_topics.sql")]


async def test_new_database_has_the_schema_tables(db: Database, db_path: Path) -> None:
    assert {
        "areas",
        "topics",
        "reference_codes",
        "feedback",
        "feedback_photos",
        "status_changes",
        "responses",
        "reply_channels",
        "outbox",
        "resident_prefs",
        "draft_expiry_notices",
        "conversation_states",
        "resident_drafts",
        "schema_migrations",
    } <= table_names(db_path)


async def test_reopening_applies_nothing_and_keeps_data(db_path: Path) -> None:
    async with open_database(db_path) as db:
        await db.areas.add("kp3", "Khu phố 3")
        before = await fetch(db, "SELECT version, name, applied_at FROM schema_migrations")
    async with open_database(db_path) as db:
        after = await fetch(db, "SELECT version, name, applied_at FROM schema_migrations")
        async with db.reading() as conn:
            applied_again = await sqlite_schema.apply_migrations(conn)
        area = await db.areas.get("kp3")
        assert await count(db, "topics") == len(DEFAULT_TOPICS)
    assert applied_again == []
    assert after == before
    assert (area.code, area.name) == ("kp3", "Khu phố 3")


async def test_journal_mode_is_wal(db: Database, db_path: Path) -> None:
    assert await fetch(db, "PRAGMA journal_mode") == [("wal",)]
    await db.close()
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


async def test_folder_of_the_database_is_created(tmp_path: Path) -> None:
    path = tmp_path / "data" / "nested" / "homthu.sqlite3"
    assert not path.parent.exists()
    async with open_database(path) as db:
        await db.areas.add("kp3", "Khu phố 3")
    assert path.is_file()
    assert applied_versions(path) == [m.version for m in available_migrations()]


async def test_schema_newer_than_the_code_is_refused(db_path: Path) -> None:
    async with open_database(db_path) as db:
        await db.areas.add("kp3", "Khu phố 3")
    future = sqlite_schema.latest_version() + 1
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (future, f"{future:04d}_future.sql", to_db(START)),
        )
    database = Database(db_path)
    with pytest.raises(SchemaTooNew, match=str(future)):
        await database.open()
    assert not database.is_open
    assert applied_versions(db_path)[-1] == future


async def test_failed_migration_leaves_nothing_half_applied(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = available_migrations()
    broken = Migration(
        9999,
        "9999_broken.sql",
        "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\n\nTHIS IS NOT SQL AT ALL;\n",
    )
    monkeypatch.setattr(sqlite_schema, "available_migrations", lambda: [*shipped, broken])
    database = Database(db_path)
    with pytest.raises(StorageUnavailable) as raised:
        await database.open()
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
    assert not database.is_open
    assert "half_done" not in table_names(db_path)
    assert applied_versions(db_path) == [m.version for m in shipped]

    # The shipped migrations before it did apply, and the database opens without it.
    monkeypatch.undo()
    async with open_database(db_path) as db:
        assert await count(db, "topics") == len(DEFAULT_TOPICS)
    assert "half_done" not in table_names(db_path)


async def test_a_lower_numbered_migration_that_lands_later_is_applied(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = available_migrations()
    later = Migration(9000, "9000_later.sql", "CREATE TABLE later_one (id INTEGER);\n")
    earlier = Migration(8000, "8000_earlier.sql", "CREATE TABLE earlier_one (id INTEGER);\n")
    monkeypatch.setattr(sqlite_schema, "available_migrations", lambda: [*shipped, later])
    async with open_database(db_path):
        pass
    monkeypatch.setattr(sqlite_schema, "available_migrations", lambda: [*shipped, earlier, later])
    async with open_database(db_path):
        pass
    assert {"later_one", "earlier_one"} <= set(table_names(db_path))
    assert applied_versions(db_path)[-2:] == [8000, 9000]


async def test_plain_english_names_leave_an_admins_own_names_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migration 0016 renames the default English names only where they are still the
    defaults: a name an admin gave (/topicname_en) stays."""
    path = tmp_path / "old.sqlite3"
    every = available_migrations()
    monkeypatch.setattr(
        sqlite_schema,
        "available_migrations",
        lambda: [m for m in every if m.version <= 12],
    )
    async with open_database(path) as old:
        await old.topics.set_name_en(8, "Streets and lighting")
    monkeypatch.setattr(sqlite_schema, "available_migrations", lambda: every)
    async with open_database(path) as db:
        english = [t.name_en for t in await db.topics.list()]
    assert english[7] == "Streets and lighting"
    assert english[:7] == PLAIN_ENGLISH_TOPICS[:7]
    assert english[8:] == PLAIN_ENGLISH_TOPICS[8:]


async def test_add_and_get_area(db: Database, db_clock: ManualClock) -> None:
    added = await db.areas.add("thon-tan_dinh", "  Thôn   Tân Định ")
    assert added.code == "thon-tan_dinh"
    assert added.name == "Thôn Tân Định"
    assert added.is_open
    assert added.created_at == START
    assert await db.areas.get("thon-tan_dinh") == added
    assert await fetch(db, "SELECT code, name, is_open FROM areas") == [
        ("thon-tan_dinh", "Thôn Tân Định", 1)
    ]


async def test_rename_area(db: Database) -> None:
    await db.areas.add("kp3", "Khu phố 3")
    renamed = await db.areas.rename("kp3", " Khu phố  Ba ")
    assert renamed.name == "Khu phố Ba"
    assert (await db.areas.get("kp3")).name == "Khu phố Ba"
    assert await fetch(db, "SELECT code, name FROM areas") == [("kp3", "Khu phố Ba")]


async def test_close_and_reopen_area(db: Database) -> None:
    await db.areas.add("kp3", "Khu phố 3")
    closed = await db.areas.set_open("kp3", False)
    assert not closed.is_open
    with pytest.raises(AreaClosed):
        await db.areas.get_open("kp3")
    assert not (await db.areas.get("kp3")).is_open
    reopened = await db.areas.set_open("kp3", True)
    assert reopened.is_open
    assert (await db.areas.get_open("kp3")).code == "kp3"
    assert await fetch(db, "SELECT is_open FROM areas") == [(1,)]


@pytest.mark.parametrize(
    "code",
    [
        "KP3",
        "Kp3",
        "a" * 33,
        "",
        "kp 3",
        " kp3",
        "kp3\n",
        "kp/3",
        "kp.3",
        "thôn",
        "đồng",
        "kp3;drop",
    ],
)
async def test_invalid_area_code_is_refused(db: Database, code: str) -> None:
    with pytest.raises(InvalidAreaCode):
        await db.areas.add(code, "Khu phố 3")
    assert await count(db, "areas") == 0


@pytest.mark.parametrize("code", ["a" * 32, "0", "kp-3_b", "-", "_"])
async def test_valid_area_codes_are_accepted(db: Database, code: str) -> None:
    assert (await db.areas.add(code, "Khu phố")).code == code
    assert await fetch(db, "SELECT code FROM areas") == [(code,)]


@pytest.mark.parametrize("name", ["", " ", "\n\t  ", "x" * 101, "Ấ" * 101])
async def test_invalid_area_name_is_refused(db: Database, name: str) -> None:
    with pytest.raises(InvalidName):
        await db.areas.add("kp3", name)
    assert await count(db, "areas") == 0
    await db.areas.add("kp4", "Khu phố 4")
    with pytest.raises(InvalidName):
        await db.areas.rename("kp4", name)
    assert await fetch(db, "SELECT code, name FROM areas") == [("kp4", "Khu phố 4")]


async def test_area_name_of_100_characters_is_accepted(db: Database) -> None:
    name = "Ấ" * 100
    assert (await db.areas.add("kp3", name)).name == name
    assert await fetch(db, "SELECT name FROM areas") == [(name,)]


async def test_duplicate_area_is_refused_and_the_first_kept(db: Database) -> None:
    await db.areas.add("kp3", "Khu phố 3")
    with pytest.raises(DuplicateArea):
        await db.areas.add("kp3", "Khu phố khác")
    assert await fetch(db, "SELECT code, name FROM areas") == [("kp3", "Khu phố 3")]


async def test_unknown_area_is_not_found(db: Database) -> None:
    await db.areas.add("kp3", "Khu phố 3")
    with pytest.raises(AreaNotFound):
        await db.areas.get("kp4")
    with pytest.raises(AreaNotFound):
        await db.areas.get_open("kp4")
    with pytest.raises(AreaNotFound):
        await db.areas.rename("kp4", "Khu phố 4")
    with pytest.raises(AreaNotFound):
        await db.areas.set_open("kp4", False)
    assert await fetch(db, "SELECT code, name, is_open FROM areas") == [("kp3", "Khu phố 3", 1)]


@pytest.mark.parametrize("name", ["", "   ", "y" * 101])
async def test_invalid_topic_name_is_refused(db: Database, name: str) -> None:
    with pytest.raises(InvalidName):
        await db.topics.add(name)
    with pytest.raises(InvalidName):
        await db.topics.rename(11, name)
    assert await count(db, "topics") == len(DEFAULT_TOPICS)
    assert (await db.topics.get(11)).name_vi == "Khác"


async def test_rename_topic_keeps_a_distinct_english_name(db: Database) -> None:
    renamed = await db.topics.rename(11, "Vấn đề khác")
    assert (renamed.name_vi, renamed.name_en) == ("Vấn đề khác", "Other")
    assert await fetch(db, "SELECT name_vi, name_en FROM topics WHERE id = 11") == [
        ("Vấn đề khác", "Other")
    ]


async def test_unknown_topic_is_not_found(db: Database) -> None:
    with pytest.raises(TopicNotFound):
        await db.topics.get(999)
    with pytest.raises(TopicNotFound):
        await db.topics.get_open(999)
    with pytest.raises(TopicNotFound):
        await db.topics.rename(999, "Mới")
    with pytest.raises(TopicNotFound):
        await db.topics.set_open(999, False)
    assert await count(db, "topics") == len(DEFAULT_TOPICS)


def SEAL(code: str) -> SealedChannel:
    return SealedChannel("chat-key-" + code, b"sealed for " + code.encode())


async def test_a_submission_sent_twice_is_stored_once(db: Database) -> None:
    area = await db.areas.add("kp3", "Khu phố 3")
    new = NewFeedback(area.id, 2, "Đèn hỏng", ("p1",), "draft-token", SEAL)
    first = await db.feedback.submit(new)
    again = await db.feedback.submit(new)
    assert first.created
    assert not again.created
    assert again.feedback == first.feedback
    assert await db.feedback.get_by_submission("draft-token") == first.feedback
    assert await counts(db) == {
        "feedback": 1,
        "feedback_photos": 1,
        "reference_codes": 1,
        "outbox": 1,
        "status_changes": 1,
        "reply_channels": 1,
    }
    with pytest.raises(FeedbackNotFound):
        await db.feedback.get_by_submission("another-token")


async def test_submit_stores_everything_in_one_go(db: Database) -> None:
    area = await db.areas.add("kp3", "Khu phố 3")
    sealed = b"\x00\x01sealed-chat\xff"
    sealed_for: list[str] = []

    def seal(code: str) -> SealedChannel:
        sealed_for.append(code)
        return SealedChannel("chat-key", sealed)

    new = NewFeedback(
        area.id,
        7,
        "Cống bị tắc ở hẻm 12",
        ("photo-b", "photo-a", "photo-c"),
        submission="tok-1",
        seal_reply_chat=seal,
    )
    submitted = await db.feedback.submit(new)
    assert submitted.created
    stored = submitted.feedback
    # The chat is sealed for the code the feedback received, inside the same transaction.
    assert sealed_for == [stored.code]

    assert stored.code == (await fetch(db, "SELECT code FROM reference_codes"))[0][0]
    assert stored.area == area
    assert (stored.topic.id, stored.topic.name_vi) == (7, "Tài nguyên, môi trường")
    assert stored.body == "Cống bị tắc ở hẻm 12"
    assert stored.photo_file_ids == ("photo-b", "photo-a", "photo-c")
    assert stored.status is FeedbackStatus.NEW
    assert stored.created_at == START
    assert stored.status_changed_at == START
    assert stored.wants_replies is True
    assert stored.responses == ()

    now = to_db(START)
    assert await fetch(
        db, "SELECT id, code, area_id, topic_id, body, status, created_at FROM feedback"
    ) == [(stored.id, stored.code, area.id, 7, "Cống bị tắc ở hẻm 12", "new", now)]
    assert await fetch(
        db, "SELECT feedback_id, position, file_id FROM feedback_photos ORDER BY position"
    ) == [(stored.id, 0, "photo-b"), (stored.id, 1, "photo-a"), (stored.id, 2, "photo-c")]
    assert await fetch(
        db, "SELECT feedback_id, status, changed_by, changed_at FROM status_changes"
    ) == [(stored.id, "new", None, now)]
    outbox = await fetch(
        db, "SELECT kind, feedback_id, payload, delivered_at, failed_at, attempts FROM outbox"
    )
    assert len(outbox) == 1
    kind, feedback_id, payload, delivered_at, failed_at, attempts = outbox[0]
    assert (kind, feedback_id, delivered_at, failed_at, attempts) == (
        "notify_staff",
        stored.id,
        None,
        None,
        0,
    )
    assert json.loads(str(payload)) == {}
    assert await fetch(db, "SELECT code, issued_at FROM reference_codes") == [(stored.code, now)]
    assert await fetch(db, "SELECT feedback_id, chat_key, sealed_chat FROM reply_channels") == [
        (stored.id, "chat-key", sealed)
    ]
    assert await db.feedback.get_by_code(stored.code) == stored


async def test_submit_without_reply_channel(db: Database) -> None:
    area = await db.areas.add("kp3", "Khu phố 3")
    stored = await _submit(db, NewFeedback(area.id, 2, "Chợ tạm lấn chiếm lòng đường"))
    assert stored.wants_replies is False
    assert stored.photo_file_ids == ()
    assert await counts(db) == {
        "feedback": 1,
        "feedback_photos": 0,
        "reference_codes": 1,
        "outbox": 1,
        "status_changes": 1,
        "reply_channels": 0,
    }
    fetched = await db.feedback.get_by_code(stored.code)
    assert fetched.wants_replies is False
    assert fetched.body == "Chợ tạm lấn chiếm lòng đường"


@pytest.mark.parametrize(
    "text",
    [
        "<b>x</b> *y* _z_ `code` [link](http://example.com) '; DROP TABLE feedback; --",
        'Robert"); DELETE FROM areas WHERE ("1"="1',
        "Gia đình 👨‍👩‍👧‍👦, thợ 👩🏽‍🔧 và 👍🏿 🏳️‍🌈",
        "Hu\u0300ng",
        "Hừng",
        "Nguye\u0302\u0303n va\u0300 Nguyễn",
        "dòng 1\r\ndòng 2\n\n\tthụt lề   cuối  ",
        "\u200b\u200d\ufeff zero-width",
    ],
)
async def test_text_round_trips_byte_exact(db: Database, text: str) -> None:
    area = await db.areas.add("kp3", "Khu phố 3")
    stored = await _submit(db, NewFeedback(area.id, 1, text, ("ảnh-1",)))
    fetched = await db.feedback.get_by_code(stored.code)
    assert fetched.body.encode() == text.encode()
    assert stored.body.encode() == text.encode()
    assert await fetch(db, "SELECT body FROM feedback") == [(text,)]
    assert await count(db, "areas") == 1
    assert fetched.photo_file_ids == ("ảnh-1",)


async def test_submit_to_closed_area_stores_nothing(db: Database) -> None:
    area = await db.areas.add("kp3", "Khu phố 3")
    await db.feedback.submit(
        NewFeedback(area.id, 1, "Trước khi đóng", ("p",), seal_reply_chat=SEAL)
    )
    before = await counts(db)
    await db.areas.set_open("kp3", False)
    with pytest.raises(AreaClosed):
        await db.feedback.submit(
            NewFeedback(area.id, 1, "Sau khi đóng", ("q",), seal_reply_chat=SEAL)
        )
    assert await counts(db) == before
    assert before["feedback"] == 1
    assert await fetch(db, "SELECT body FROM feedback") == [("Trước khi đóng",)]


async def test_submit_to_closed_topic_stores_nothing(db: Database) -> None:
    area = await db.areas.add("kp3", "Khu phố 3")
    await db.feedback.submit(NewFeedback(area.id, 4, "Chủ đề còn mở"))
    before = await counts(db)
    await db.topics.set_open(4, False)
    with pytest.raises(TopicNotFound):
        await db.feedback.submit(
            NewFeedback(area.id, 4, "Chủ đề đã đóng", ("q",), seal_reply_chat=SEAL)
        )
    assert await counts(db) == before
    assert await fetch(db, "SELECT body FROM feedback") == [("Chủ đề còn mở",)]


async def test_submit_to_unknown_area_or_topic_stores_nothing(db: Database) -> None:
    area = await db.areas.add("kp3", "Khu phố 3")
    with pytest.raises(AreaNotFound):
        await db.feedback.submit(NewFeedback(area.id + 100, 1, "Không có khu này"))
    with pytest.raises(TopicNotFound):
        await db.feedback.submit(NewFeedback(area.id, 99, "Không có chủ đề này"))
    assert set((await counts(db)).values()) == {0}


async def test_code_collision_draws_again(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    draws = iter(["GY-7Q2K9M4T", "GY-7Q2K9M4T", "HB-0123ABCD"])
    monkeypatch.setattr(sqlite_feedback, "new_reference_code", lambda: next(draws))
    area = await db.areas.add("kp3", "Khu phố 3")
    first = await _submit(db, NewFeedback(area.id, 1, "Thứ nhất"))
    second = await _submit(db, NewFeedback(area.id, 1, "Thứ hai"))
    assert first.code == "GY-7Q2K9M4T"
    assert second.code == "HB-0123ABCD"
    assert await fetch(db, "SELECT code, body FROM feedback ORDER BY id") == [
        ("GY-7Q2K9M4T", "Thứ nhất"),
        ("HB-0123ABCD", "Thứ hai"),
    ]
    assert await fetch(db, "SELECT code FROM reference_codes ORDER BY code") == [
        ("GY-7Q2K9M4T",),
        ("HB-0123ABCD",),
    ]


async def test_code_that_always_collides_stores_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_feedback, "new_reference_code", lambda: "GY-7Q2K9M4T")
    area = await db.areas.add("kp3", "Khu phố 3")
    await db.feedback.submit(NewFeedback(area.id, 1, "Thứ nhất", ("p1",), seal_reply_chat=SEAL))
    before = await counts(db)
    with pytest.raises(RuntimeError, match="reference code"):
        await db.feedback.submit(NewFeedback(area.id, 1, "Thứ hai", ("p2",), seal_reply_chat=SEAL))
    assert await counts(db) == before
    assert await fetch(db, "SELECT body FROM feedback") == [("Thứ nhất",)]


def draft_write(key: str, sealed: bytes | None) -> SessionWrite:
    return SessionWrite(key, sealed)


async def test_drafts_save_load_delete(db: Database) -> None:
    store = db.conversations
    await store.write([draft_write("r1", b"sealed draft 1"), draft_write("r2", b"sealed 2")])
    assert await store.load_drafts() == [
        StoredDraft("r1", b"sealed draft 1"),
        StoredDraft("r2", b"sealed 2"),
    ]
    await store.write([draft_write("r1", b"sealed draft 1, changed")])
    assert StoredDraft("r1", b"sealed draft 1, changed") in await store.load_drafts()
    await store.write([draft_write("r1", None)])
    assert await store.load_drafts() == [StoredDraft("r2", b"sealed 2")]
    await store.write([draft_write("r2", None)])
    assert await store.load_drafts() == []
    assert await count(db, "resident_drafts") == 0


async def test_a_failed_batch_writes_nothing(db: Database) -> None:
    store = db.conversations
    await store.write([draft_write("r1", b"before")])
    broken = SessionWrite("r2", b"x", name="intake", conversation_key=None, state=1)
    with pytest.raises(sqlite3.IntegrityError):
        await store.write([draft_write("r1", b"after"), broken])
    assert await store.load_drafts() == [StoredDraft("r1", b"before")]


async def test_expire_idle_removes_stale_drafts_and_leaves_keyed_notices(
    db: Database, db_clock: ManualClock
) -> None:
    store = db.conversations
    await store.write(
        [SessionWrite("stale", b"d", sealed_area=b"area"), state_write("stale", "c-stale", 1)]
    )
    await store.write([state_write("state-only", "c-state-only", 0)])
    # A resident still writing: the state was set long ago, the draft changes each message.
    await store.write([state_write("writing", "c-writing", 2)])
    db_clock.advance(timedelta(minutes=40))
    await store.write([draft_write("fresh", b"d"), state_write("fresh", "c-fresh", 1)])
    await store.write([draft_write("writing", b"d")])

    expired = await store.expire_idle(db_clock() - timedelta(minutes=30))

    assert sorted(expired) == ["stale", "state-only"]
    assert {d.resident_key for d in await store.load_drafts()} == {"fresh", "writing"}
    assert {s.resident_key for s in await store.load_states("intake")} == {"fresh", "writing"}
    assert await fetch(
        db, "SELECT resident_key, expired_at FROM draft_expiry_notices ORDER BY resident_key"
    ) == [("stale", to_db(db_clock()))]
    assert await db.residents.take_expiry_notice("fresh") is None
    assert await db.residents.take_expiry_notice("stale") == ExpiryNotice(sealed_area=b"area")
    assert await db.residents.take_expiry_notice("stale") is None
    # A state without a draft (nothing the resident wrote) goes without a notice.
    assert await db.residents.take_expiry_notice("state-only") is None
    assert await count(db, "draft_expiry_notices") == 0


async def test_expire_idle_with_nothing_idle_changes_nothing(
    db: Database, db_clock: ManualClock
) -> None:
    await db.conversations.write([draft_write("r1", b"d")])
    db_clock.advance(timedelta(minutes=29))
    assert await db.conversations.expire_idle(db_clock() - timedelta(minutes=30)) == []
    assert [d.resident_key for d in await db.conversations.load_drafts()] == ["r1"]
    assert await count(db, "draft_expiry_notices") == 0


async def test_language_round_trip_keyed_by_the_given_key(db: Database) -> None:
    first, second = key_of(555), key_of(556)
    assert await db.residents.language(first) is None
    await db.residents.set_language(first, "en")
    assert await db.residents.language(first) == "en"
    assert await db.residents.language(second) is None
    await db.residents.set_language(first, "vi")
    await db.residents.set_language(second, "en")
    assert await db.residents.language(first) == "vi"
    assert await db.residents.language(second) == "en"
    assert await fetch(
        db, "SELECT resident_key, language FROM resident_prefs ORDER BY resident_key"
    ) == sorted([(first, "vi"), (second, "en")])


async def test_reply_channels_carry_when_their_feedback_closed(
    db: Database, db_clock: ManualClock
) -> None:
    """Migration 0010's triggers: the cleanup's index follows every change of status, and a
    channel added to closed feedback is born closed; the cleanup reads that index alone."""
    area = await db.areas.add("kp3", "Khu phố 3")
    first = await _submit(db, NewFeedback(area.id, 2, "Một", seal_reply_chat=SEAL))
    second = await _submit(db, NewFeedback(area.id, 2, "Hai", seal_reply_chat=SEAL))

    async def closed() -> list[tuple[object, ...]]:
        return await fetch(db, "SELECT feedback_id, closed_at FROM reply_channels ORDER BY id")

    assert await closed() == [(first.id, None), (second.id, None)]
    await db.feedback.set_status(first.id, FeedbackStatus.RESOLVED, "Cán bộ")
    resolved_at = to_db(db_clock.now)
    assert await closed() == [(first.id, resolved_at), (second.id, None)]
    db_clock.now += timedelta(days=1)
    await db.feedback.set_status(first.id, FeedbackStatus.IN_PROGRESS, "Cán bộ")
    assert await closed() == [(first.id, None), (second.id, None)]
    await db.feedback.set_status(second.id, FeedbackStatus.REJECTED, "Cán bộ")
    rejected_at = to_db(db_clock.now)
    assert await db.feedback.add_reply_channel(second.id, SealedChannel("other", b"sealed"))
    assert await closed() == [(first.id, None), (second.id, rejected_at), (second.id, rejected_at)]

    assert await db.feedback.forget_reply_channels(db_clock.now) == 0
    assert await db.feedback.forget_reply_channels(db_clock.now + timedelta(seconds=1)) == 2
    assert await closed() == [(first.id, None)]
    plan = await fetch(db, "EXPLAIN QUERY PLAN DELETE FROM reply_channels WHERE closed_at < ''")
    assert any("reply_channels_closed" in str(row[-1]) for row in plan), plan


async def test_reasons_given_before_0012_that_are_presets_get_their_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migration 0012: a «Không xử lý» reason whose text is a preset's (in either language)
    gets the preset's number, so residents read it in their own language; an officer's own
    words get none."""
    path = tmp_path / "old.sqlite3"
    every = available_migrations()
    monkeypatch.setattr(
        sqlite_schema,
        "available_migrations",
        lambda: [m for m in every if m.version <= 11],
    )
    reasons = [
        "Trùng với góp ý đã nhận",
        "Not enough information to verify",
        "Đường thuộc tỉnh quản lý",
    ]
    async with open_database(path) as old:
        area = await old.areas.add("kp3", "Khu phố 3")
        # Written as that version wrote them (today's code reads the new column).
        async with old.transaction() as conn:
            for n, reason in enumerate(reasons):
                code, at = f"GY-7Q2K9M4{n}", "2026-11-20T08:00:00Z"
                await conn.execute(
                    "INSERT INTO reference_codes (code, issued_at) VALUES (?, ?)", (code, at)
                )
                cursor = await conn.execute(
                    "INSERT INTO feedback (code, area_id, topic_id, body, status, created_at,"
                    " status_changed_at) VALUES (?, ?, 2, ?, 'rejected', ?, ?)",
                    (code, area.id, f"Góp ý {n}", at, at),
                )
                await conn.execute(
                    "INSERT INTO status_changes (feedback_id, status, changed_by, changed_at,"
                    " reason) VALUES (?, 'rejected', 'Cán bộ', ?, ?)",
                    (cursor.lastrowid, at, reason),
                )
    monkeypatch.setattr(sqlite_schema, "available_migrations", lambda: every)
    async with open_database(path) as db:
        rows = await fetch(
            db,
            "SELECT f.body, s.reason, s.reason_preset FROM status_changes s"
            " JOIN feedback f ON f.id = s.feedback_id WHERE s.status = 'rejected' ORDER BY f.id",
        )
        assert rows == [
            ("Góp ý 0", reasons[0], 2),
            ("Góp ý 1", reasons[1], 3),
            ("Góp ý 2", reasons[2], None),
        ]
