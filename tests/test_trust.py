"""Trust under faults, in process (issue 10): each test names the point it covers.

The points that need the real process (signals, file modes, a poisoned polling batch,
``kill -9``) are in ``tests/e2e/test_trust.py`` and ``tests/test_process.py``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import sqlite3
import threading
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from telegram import Update

import storage.sqlite.schema
from bot.handlers.resident.intake import CONVERSATION_NAME
from bot.ptb.context import HomThuApplication
from bot.ptb.updates import read_update, screened
from bot.service.logs import LibraryValues
from core.anonymity import LEGACY_CHANNEL_CONTEXT
from core.clock import to_db
from core.models import ProposalKind
from storage import Choice, open_database
from tests.support import (
    ADMIN_ID,
    BOT_ID,
    COMMITTEE_VI,
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
    drafts_on_disk,
    make_settings,
    running_bot,
)
from tests.test_intake import CODE, only_message, rows, sent, write_feedback
from tests.test_staff import answer, deliver, send_feedback
from texts import Texts

VI = Texts("vi")
# The master secret of make_settings' SECRET_KEY, as the bot derives it.
SECRET = hashlib.sha256(("s" * 40).encode()).digest()


def cards_for(calls: list[Call], code: str) -> list[Call]:
    """Notification cards for ``code`` that reached the staff group."""
    return [
        c
        for c in sent(calls)
        if c.result is not None and c.params["chat_id"] == STAFF_CHAT_ID and code in c.text
    ]


def membership(chat_id: int, status: str, by: int, old: str = "left") -> dict[str, Any]:
    """Telegram's my_chat_member: the bot's status in ``chat_id`` changed, by user ``by``."""
    bot = {"id": BOT_ID, "is_bot": True, "first_name": "Hòm thư góp ý"}

    def member(state: str) -> dict[str, Any]:
        if state != "administrator":
            return {"status": state, "user": bot}
        rights = (
            "can_be_edited is_anonymous can_manage_chat can_delete_messages"
            " can_manage_video_chats can_restrict_members can_promote_members can_change_info"
            " can_invite_users can_post_stories can_edit_stories can_delete_stories"
        )
        return {"status": state, "user": bot, **dict.fromkeys(rights.split(), False)}

    return {
        "my_chat_member": {
            "chat": {"id": chat_id, "type": "supergroup", "title": "Cán bộ MTTQ"},
            "from": {"id": by, "is_bot": False, "first_name": "Người thêm"},
            "date": int(datetime.now(UTC).timestamp()),
            "old_chat_member": member(old),
            "new_chat_member": member(status),
        }
    }


# --- 3. unreadable updates -------------------------------------------------------------------

POLL_WITHOUT_NEW_FIELDS = {
    "update_id": 501,
    "message": {
        "message_id": 9,
        "date": 1764000000,
        "chat": {"id": 6102030405, "type": "private", "first_name": "Thịnh"},
        "from": {"id": 6102030405, "is_bot": False, "first_name": "Thịnh", "username": "bi_mat"},
        "poll": {
            "id": "1",
            "question": "Có nên sửa đường?",
            "options": [{"text": "Có", "voter_count": 0}, {"text": "Không", "voter_count": 0}],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
        },
    },
}
MALFORMED_PHOTO = {
    "update_id": 502,
    "message": {
        "message_id": 10,
        "date": 1764000000,
        "chat": {"id": 6203040506, "type": "private", "first_name": "Oanh"},
        "photo": [{"file_id": "x"}],
    },
}
READABLE = {
    "update_id": 503,
    "message": {
        "message_id": 11,
        "date": 1764000000,
        "chat": {"id": 6304050607, "type": "private", "first_name": "Quân"},
        "from": {"id": 6304050607, "is_bot": False, "first_name": "Quân"},
        "text": "Xin chào",
    },
}


def test_an_unreadable_update_keeps_its_place_and_names_no_one(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Point 3: the batch is read update by update; the unreadable ones become empty
    updates with their ids (so polling confirms them and moves on), logged by id only."""
    caplog.set_level(logging.DEBUG)
    batch = [POLL_WITHOUT_NEW_FIELDS, MALFORMED_PHOTO, READABLE, {"no": "id"}]
    result = screened(batch, None)
    assert result == [{"update_id": 501}, {"update_id": 502}, READABLE]
    lines = [r.getMessage() for r in caplog.records]
    assert "unreadable update skipped update_id=501 error=TypeError" in lines
    assert "unreadable update skipped update_id=502 error=TypeError" in lines
    assert "update without a valid id skipped" in lines
    logged = "\n".join(lines)
    for secret in ("6102030405", "Thịnh", "bi_mat", "Có nên sửa đường", "6203040506"):
        assert secret not in logged
    empty = read_update(MALFORMED_PHOTO, None)
    assert empty is not None
    assert empty.to_dict() == {"update_id": 502}
    assert empty.effective_chat is None


async def test_an_empty_update_is_passed_over_and_others_are_answered(
    app: HomThuApplication, api: RecordingBotAPI, resident: Person
) -> None:
    api.take()
    await app.process_update(Update(update_id=777))
    assert api.take() == []
    assert only_message(await resident.send("Xin chào")).text == VI("outside_draft_unsent")


def test_library_lines_never_carry_what_they_were_given() -> None:
    """Point 3: PTB's CRITICAL "Received data was %r" keeps its words, not the batch."""
    record = logging.LogRecord(
        "telegram.Bot",
        logging.CRITICAL,
        __file__,
        1,
        "Error while parsing updates! Received data was %r",
        ([POLL_WITHOUT_NEW_FIELDS],),
        None,
    )
    assert LibraryValues().filter(record)
    assert record.getMessage() == "Error while parsing updates! Received data was '…'"
    waiting = logging.LogRecord(
        "telegram.ext.AIORateLimiter", logging.INFO, __file__, 1, "retry after %s s", (3.5,), None
    )
    LibraryValues().filter(waiting)
    assert waiting.getMessage() == "retry after 3.5 s"
    own = logging.LogRecord("bot.x", logging.INFO, __file__, 1, "code=%s", ("GY-1",), None)
    LibraryValues().filter(own)
    assert own.getMessage() == "code=GY-1"


def test_every_package_of_ours_keeps_its_values_in_the_log() -> None:
    """Our own lines keep what they were given, whichever of our packages logs them: the
    key file's warning (core.anonymity) names the path the operator must back up."""
    packages = ["bot", "core", "storage", "qr", "documents", "texts"]
    for package in packages:
        own = logging.LogRecord(
            f"{package}.x", logging.WARNING, __file__, 1, "path=%s", ("/srv/homthu.key",), None
        )
        LibraryValues().filter(own)
        assert own.getMessage() == "path=/srv/homthu.key", package


# --- 5. exactly once ---------------------------------------------------------------------------


async def test_send_after_a_crash_between_commit_and_receipt_answers_with_the_same_code(
    tmp_path: Path, clock: FrozenClock
) -> None:
    """Point 5: the feedback commits, the receipt never goes (the process dies); after a
    restart, the preview's send button is pressed again."""
    settings = make_settings(tmp_path)
    api = RecordingBotAPI()
    async with running_bot(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=5150)
        await write_feedback(resident, "Cống tắc ở hẻm 12")
        await resident.press("Xem lại")
        preview, send = api.button(resident.chat, "Gửi")
        # The receipt fails as a dying process would: after the commit, before the answer.
        api.fail_next("sendMessage", raise_error=SystemExit(9), chat_id=resident.chat)
        with pytest.raises(SystemExit):
            await resident.press_data(send, preview.message_id)
        assert rows(app, "SELECT COUNT(*) FROM feedback") == [(1,)]
        (code,) = rows(app, "SELECT code FROM feedback")[0]
        # Nothing after the failed receipt ran: the draft and its state are still on disk.
        assert list(drafts_on_disk(app)) == [5150]
    # A new process on the same database, the old preview still on the resident's screen.
    api2 = RecordingBotAPI()
    api2.messages = api.messages
    async with running_bot(settings, api2, clock) as app2:
        again = Person(app2, api2, user_id=5150)
        receipt = only_message(await again.press_data(send, preview.message_id))
        assert f"<code>{code}</code>" in receipt.text
        assert rows(app2, "SELECT COUNT(*) FROM feedback") == [(1,)]
        assert rows(app2, "SELECT COUNT(*) FROM outbox WHERE kind = 'notify_staff'") == [(1,)]
        assert len(cards_for(await deliver(app2), str(code))) == 1
        assert drafts_on_disk(app2) == {}


# --- 6. a card Telegram accepted is recorded, however long it takes ------------------------


async def test_a_card_accepted_while_the_database_is_locked_is_not_sent_again(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    """Point 6: the database is locked for 6 s right after Telegram accepted the card."""
    code = await send_feedback(resident)
    path = app.bot_data.database.path
    locked = threading.Event()

    def lock_for_six_seconds() -> None:
        with closing(sqlite3.connect(path, isolation_level=None)) as conn:
            conn.execute("BEGIN EXCLUSIVE")
            locked.set()
            time.sleep(6)
            conn.execute("COMMIT")

    def on_accept(call: Call) -> None:
        if call.method == "sendMessage" and call.params["chat_id"] == STAFF_CHAT_ID:
            api.on_accept.clear()
            threading.Thread(target=lock_for_six_seconds, daemon=True).start()
            locked.wait(5)

    api.on_accept.append(on_accept)
    started = time.monotonic()
    calls = await deliver(app)
    assert time.monotonic() - started > 5.5  # it really waited for the lock
    cards = cards_for(calls, code)
    assert len(cards) == 1
    assert cards_for(await deliver(app), code) == []
    # Recorded: a reply to that one card is recognised as being about the feedback.
    card_id = cards[0].result["message_id"]
    assert rows(app, f"SELECT role FROM staff_messages WHERE message_id = {card_id}") == [
        ("card",)
    ]


# --- 7. refusals that pass ------------------------------------------------------------------


async def test_a_group_that_refuses_the_bot_gets_everything_in_order_once_it_is_back(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    """Point 7: a 403 (bot removed from the group) holds the cards; when Telegram says the
    bot was added back (my_chat_member), they go out, in order."""
    first = await send_feedback(resident, "Một")
    api.fail_next(
        "sendMessage",
        403,
        "Forbidden: bot was kicked from the supergroup chat",
        chat_id=STAFF_CHAT_ID,
    )
    calls = await deliver(app)
    assert cards_for(calls, first) == []
    blocked = [c for c in sent(calls) if c.params["chat_id"] == ADMIN_ID]
    assert len(blocked) == 1
    assert "kicked" in blocked[0].text
    # Meanwhile more feedback comes in: it waits behind, and nothing is tried or failed.
    second = await send_feedback(resident, "Hai")
    third = await send_feedback(resident, "Ba")
    assert [c for c in sent(await deliver(app)) if c.params["chat_id"] == STAFF_CHAT_ID] == []
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL") == [(0,)]

    admin = Person(app, api, user_id=ADMIN_ID, chat_id=STAFF_CHAT_ID)
    assert await admin.push(membership(STAFF_CHAT_ID, "member", by=ADMIN_ID)) == []
    calls = await deliver(app)
    to_group = [c for c in sent(calls) if c.params["chat_id"] == STAFF_CHAT_ID]
    # One surge batch (three notifications at once), in the order they were sent.
    order = [to_group[0].text.index(code) for code in (first, second, third)]
    assert order == sorted(order)
    back = [c for c in sent(calls) if c.params["chat_id"] == ADMIN_ID]
    assert [c.text for c in back] == [VI("admin_staff_back")]
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL") == [(0,)]
    assert rows(app, "SELECT status, added_by_admin FROM bot_groups") == [("member", 1)]


async def test_a_refused_group_is_tried_again_later_and_after_a_restart(
    tmp_path: Path, clock: FrozenClock
) -> None:
    """Point 7: without any word from Telegram, the group is tried again after a while,
    and at the next start."""
    settings = make_settings(tmp_path)
    api = RecordingBotAPI()
    async with running_bot(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=808)
        code = await send_feedback(resident)
        refusal = "Bad Request: not enough rights to send text messages to the chat"
        api.fail_next("sendMessage", 400, refusal, chat_id=STAFF_CHAT_ID)
        api.fail_next("sendMessage", 400, refusal, chat_id=STAFF_CHAT_ID)
        assert cards_for(await deliver(app), code) == []
        clock.advance(timedelta(seconds=61))
        assert cards_for(await deliver(app), code) == []  # still refused: wait longer
        clock.advance(timedelta(seconds=30))
        assert await deliver(app) == []  # not before the longer wait is over
    api2 = RecordingBotAPI()
    async with running_bot(settings, api2, clock) as app2:
        assert len(cards_for(await deliver(app2), code)) == 1


async def test_resend_lists_what_failed_and_sends_it_again(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident)
    refusal = "Bad Request: can't parse entities: unsupported start tag"
    api.fail_next("sendMessage", 400, refusal, chat_id=STAFF_CHAT_ID)
    await deliver(app)
    admin = Person(app, api, user_id=ADMIN_ID)
    listing = only_message(await admin.send("/resend"))
    assert VI("resend_header", count=1) in listing.text
    assert code in listing.text
    assert VI("resend_failed") in listing.text
    assert listing.buttons == [[VI("btn_resend")]]
    calls = await admin.press(VI("btn_resend"))
    assert VI("resend_done", count=1) in [c.text for c in sent(calls)]
    assert len(cards_for(await deliver(app), code)) == 1
    assert only_message(await admin.send("/resend")).text == VI("resend_none")


# --- 10. callback data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "data"),
    [
        ("staff", "open:" + "9" * 40),
        ("staff", "open:-1"),
        ("staff", "st:" + "9" * 30 + ":resolved"),
        ("private", "topic:" + "9" * 40),
        ("private", "area:" + "x" * 60),
        ("private", "draft:send:" + "9" * 50),
        ("staff", "resend:all"),
        ("private", "\u0000"),
    ],
)
async def test_every_press_is_answered_whatever_its_data(
    app: HomThuApplication,
    api: RecordingBotAPI,
    where: str,
    data: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Point 10: forged callback data is answered, changes nothing, and breaks nothing."""
    person = Person(app, api, user_id=5001, chat_id=STAFF_CHAT_ID if where == "staff" else None)
    if where == "private":
        await person.send("/start kp3")
    before = rows(app, "SELECT COUNT(*), MAX(status) FROM feedback")
    calls = await person.press_data(data)
    assert [c.method for c in calls if c.method == "answerCallbackQuery"] == [
        "answerCallbackQuery"
    ]
    assert rows(app, "SELECT COUNT(*), MAX(status) FROM feedback") == before
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


# --- 12. finding the staff group ------------------------------------------------------------


async def test_an_admin_gets_a_groups_id_with_groupid(
    app: HomThuApplication, api: RecordingBotAPI
) -> None:
    """Point 12: the id comes from the group itself, to an admin who asks there."""
    new_group = -1005550001
    admin = Person(app, api, user_id=ADMIN_ID, chat_id=new_group)
    answer = only_message(await admin.send("/groupid"))
    assert answer.params["chat_id"] == new_group
    assert answer.text == VI(
        "group_id", title="Nhóm", chat_id=new_group, type="supergroup", members=7
    )
    in_staff = Person(app, api, user_id=ADMIN_ID, chat_id=STAFF_CHAT_ID)
    assert "STAFF_CHAT_ID" in only_message(await in_staff.send("/groupid@homthu_test_bot")).text
    # Anyone else gets nothing (the bot stays quiet in groups that are not its own).
    stranger = Person(app, api, user_id=6666, chat_id=new_group)
    assert await stranger.send("/groupid") == []
    resident = Person(app, api, user_id=6667)
    assert [c.text for c in sent(await resident.send("/groupid"))] == [
        VI("help", committee=COMMITTEE_VI, max_photos=5)
    ]


async def test_the_bot_remembers_who_added_it_where(
    app: HomThuApplication, api: RecordingBotAPI
) -> None:
    admin = Person(app, api, user_id=ADMIN_ID, chat_id=-1001)
    assert await admin.push(membership(-1001, "member", by=ADMIN_ID)) == []
    assert await admin.push(membership(-1002, "administrator", by=6666)) == []
    # A change that is not an addition keeps who added it.
    assert await admin.push(membership(-1001, "administrator", by=6666, old="member")) == []
    assert rows(
        app, "SELECT chat_id, status, added_by_admin FROM bot_groups ORDER BY chat_id"
    ) == [(-1002, "administrator", 0), (-1001, "administrator", 1)]
    assert "6666" not in json.dumps(rows(app, "SELECT * FROM bot_groups"))


# --- 13. a reply channel belongs to its feedback ---------------------------------------------


async def test_a_channel_moved_to_another_feedback_delivers_nothing(
    app: HomThuApplication, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    """Point 13: someone with write access swaps the sealed channels of two feedbacks;
    an answer to one must not reach the other's resident."""
    alice = Person(app, api, user_id=1111)
    bob = Person(app, api, user_id=2222)
    first = await send_feedback(alice, "Của Alice", replies=True)
    second = await send_feedback(bob, "Của Bob", replies=True)
    await deliver(app)
    with sqlite3.connect(app.bot_data.database.path) as conn:
        channels = dict(
            conn.execute(
                "SELECT f.code, r.sealed_chat FROM reply_channels r JOIN feedback f"
                " ON f.id = r.feedback_id"
            )
        )
        for code, other in ((first, second), (second, first)):
            conn.execute(
                "UPDATE reply_channels SET sealed_chat = ? WHERE feedback_id ="
                " (SELECT id FROM feedback WHERE code = ?)",
                (channels[other], code),
            )
    officer = Person(app, api, user_id=5001, chat_id=STAFF_CHAT_ID)
    card = next(
        c
        for c in api.messages.values()
        if c.chat_id == STAFF_CHAT_ID and first in c.text and c.reply_markup
    )
    calls = await answer(officer, card.message_id, "Đã xử lý xong.", app, clock)
    to_residents = [c for c in sent(calls) if int(c.params["chat_id"]) > 0]
    assert to_residents == []
    assert VI("staff_reply_failed", code=first, error="Undeliverable") in [
        c.text for c in sent(calls)
    ]


# --- moving rows of older versions -------------------------------------------------------------


async def test_rows_of_an_older_version_are_sealed_and_refiled(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drafts, states and reply channels written before migration 0005 keep working, and
    no plain id is left in the file afterwards."""
    settings = make_settings(tmp_path)
    path = settings.database_path
    user = 6_102_030_405
    every = storage.sqlite.schema.available_migrations()
    monkeypatch.setattr(
        storage.sqlite.schema, "available_migrations", lambda: [m for m in every if m.version <= 4]
    )
    code = "GY-7Q2K9M4T"
    async with open_database(path, clock=clock) as old:
        area = await old.areas.add("kp3", "Khu phố 3")
        topic = 2
        async with old.transaction() as conn:
            await conn.execute(
                "INSERT INTO reference_codes (code, issued_at) VALUES (?, 'x')", (code,)
            )
            cursor = await conn.execute(
                "INSERT INTO feedback (code, area_id, topic_id, body, created_at,"
                " status_changed_at) VALUES (?, ?, ?, 'Gửi từ bản cũ', ?, ?)",
                (code, area.id, topic, to_db(clock.now), to_db(clock.now)),
            )
            feedback_id = cursor.lastrowid
        aead = AESGCM(hmac.digest(SECRET, b"homthu reply channel", "sha256"))
        nonce = b"\x07" * 12
        legacy = nonce + aead.encrypt(nonce, str(user).encode(), LEGACY_CHANNEL_CONTEXT)
        draft = {
            "draft": {
                "area_id": area.id,
                "area_code": "kp3",
                "area_name": "Khu phố 3",
                "touched_at": clock.now.timestamp(),
                "topic_id": topic,
                "topic_name": "Kinh tế, đời sống",
                "parts": ["Viết từ bản cũ"],
            }
        }
        async with old.transaction() as conn:
            await conn.execute(
                "INSERT INTO reply_channels (feedback_id, sealed_chat, created_at)"
                " VALUES (?, ?, 'x')",
                (feedback_id, legacy),
            )
            await conn.execute(
                "INSERT INTO resident_drafts (user_id, data, updated_at) VALUES (?, ?, ?)",
                (user, json.dumps(draft), "2026-11-21T01:00:00.000000Z"),
            )
            await conn.execute(
                "INSERT INTO conversation_states (name, chat_id, user_id, state, updated_at)"
                " VALUES (?, ?, ?, '2', '2026-11-21T01:00:00.000000Z')",
                (CONVERSATION_NAME, user, user),
            )
    monkeypatch.setattr(storage.sqlite.schema, "available_migrations", lambda: every)
    api = RecordingBotAPI()
    async with running_bot(settings, api, clock) as app:
        assert (
            rows(
                app,
                "SELECT name FROM sqlite_master WHERE name LIKE 'legacy%' AND type = 'table'",
            )
            == []
        )
        raw = database_bytes(path)
        assert str(user).encode() not in raw
        assert all(v not in raw for v in sqlite_encodings(user))
        # The resident carries on where they were, and sends.
        resident = Person(app, api, user_id=user)
        ack = only_message(await resident.send("và thêm sau khi nâng cấp"))
        assert ack.text.startswith("✅ Đã ghi nhận")
        await resident.press("Xem lại")
        receipt = only_message(await resident.press("Gửi"))
        assert CODE.search(receipt.text)
        assert rows(app, "SELECT body FROM feedback ORDER BY id")[-1] == (
            "Viết từ bản cũ\n\nvà thêm sau khi nâng cấp",
        )
        # The old reply channel was sealed again, for its feedback, and still delivers.
        assert feedback_id is not None
        dialogue = app.bot_data.database.dialogue
        proposal = await dialogue.propose(feedback_id, ProposalKind.ANSWER, "Đã sửa xong.", "Hoa")
        await dialogue.decide(proposal.id, Choice.SEND, "Hoa", delay=timedelta(0))
        to_resident = [c for c in sent(await deliver(app)) if c.params["chat_id"] == user]
        assert len(to_resident) == 1
        assert code in to_resident[0].text
        assert rows(app, "SELECT COUNT(*) FROM bot_state WHERE key LIKE 'legacy%'") == [(0,)]


def database_bytes(path: Path) -> bytes:
    """The database file and its WAL, as they are on disk."""
    return b"".join(
        Path(f"{path}{suffix}").read_bytes()
        for suffix in ("", "-wal")
        if Path(f"{path}{suffix}").exists()
    )


def sqlite_encodings(value: int) -> list[bytes]:
    """``value`` as SQLite writes an integer: a record's big-endian field, and a varint."""
    return [sqlite_integer(value), sqlite_varint(value)]


def sqlite_integer(value: int) -> bytes:
    """The big-endian two's-complement field of a record (1, 2, 3, 4, 6 or 8 bytes)."""
    for size in (1, 2, 3, 4, 6, 8):
        if -(2 ** (8 * size - 1)) <= value < 2 ** (8 * size - 1):
            return value.to_bytes(size, "big", signed=True)
    raise ValueError(value)


def sqlite_varint(value: int) -> bytes:
    """SQLite's variable-length integer (rowids and keys in b-tree pages): big-endian,
    seven bits a byte with the high bit set on all but the last; a ninth byte takes 8."""
    value &= (1 << 64) - 1
    if value > 0x00FFFFFFFFFFFFFF:
        last = value & 0xFF
        value >>= 8
        groups = [(value >> (7 * i)) & 0x7F for i in range(8)][::-1]
        return bytes([g | 0x80 for g in groups] + [last])
    groups = [value & 0x7F]
    value >>= 7
    while value:
        groups.append((value & 0x7F) | 0x80)
        value >>= 7
    return bytes(reversed(groups))


def test_the_varint_encoder_is_sqlites(tmp_path: Path) -> None:
    """The test's own encoder, checked against SQLite's file format and SQLite itself."""
    assert sqlite_varint(0) == b"\x00"
    assert sqlite_varint(127) == b"\x7f"
    assert sqlite_varint(128) == b"\x81\x00"
    assert sqlite_varint(16383) == b"\xff\x7f"
    assert len(sqlite_varint(2**63 - 1)) == 9
    # A rowid is stored as a varint in its cell: the bytes appear once the row is written.
    path = tmp_path / "varint.sqlite3"
    for rowid in (6_102_030_405, 7_720_113_905, 515_000_001):
        with closing(sqlite3.connect(path)) as conn, conn:
            conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")
            assert sqlite_varint(rowid) not in path.read_bytes()
            conn.execute("INSERT INTO t VALUES (?, 'x')", (rowid,))
        assert sqlite_varint(rowid) in path.read_bytes()
