"""Issue 20: the new code started on a world made by the old one (commit b7ff0d7).

The fixture (tests/upgrade/fixture, made by ``make_fixture.py`` from the old version's own
process) is a database (sealed under the old bot's SECRET_KEY, a test-only passphrase) and
what Telegram knew when the operator stopped the old bot to upgrade: residents mid-draft,
an answer and a status notice waiting in the outbox, buttons already sent, reply channels
open. The new ``python -m bot`` starts on it; the drafts continue, the waiting messages go
out once, the old buttons work, the channels decrypt. A second restart sends nothing again.

The fixture is replayed as if the old bot had stopped a short while ago: every date in the
dump moves on by whole days (so that local days, and the report days kept by date, stay as
they were), and the drafts' own clocks, sealed in their rows, move with them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.botapi import BotAPIServer, BotMessage, Person
from tests.e2e import story
from tests.e2e.harness import (
    STAFF_CHAT_ID,
    TOKEN,
    BotProcess,
    bot_environment,
    query,
    reference_code,
)
from tests.e2e.story import VI
from tests.e2e.test_dialogue import answers_to
from tests.e2e.test_staff import an_officer, the_card
from tests.upgrade.make_fixture import FIXTURE_SECRET_KEY, fixture_anonymizer

FIXTURE = Path(__file__).resolve().parent / "fixture"
STORY: dict[str, Any] = json.loads((FIXTURE / "story.json").read_text("utf-8"))
TELEGRAM: dict[str, Any] = json.loads((FIXTURE / "telegram.json").read_text("utf-8"))
MORE_TEXT = "Bổ sung sau khi nâng cấp: nước tràn vào ba nhà dân."
NEW_ANSWER = "Tổ công tác đã kiểm tra, đèn ngõ 5 sẽ được thay trong tuần này."
# A date as the database keeps it, alone or at the head of a timestamp, inside SQL quotes.
_DATE = re.compile(r"'(\d{4}-\d{2}-\d{2})((?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)?)'")
WAITING = "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL"


def the_resident(server: BotAPIServer, role: str) -> Person:
    """A resident of the fixture's story, back in their chat with the bot."""
    who = STORY["people"][role]
    return server.resident(who["id"], who["first"], who["last"], who["user"])


def identities() -> list[str]:
    """Everything that names or numbers a resident of the story (promise 1)."""
    found = []
    for who in STORY["people"].values():
        found += [str(who["id"]), who["first"], who["last"], who["user"]]
    return found


def days_to_move(now: datetime) -> int:
    """Whole days to move the fixture on so that it stopped less than a day (plus the undo
    window) ago, and every window it left open has closed: never into the future."""
    stopped = datetime.fromisoformat(STORY["stopped_at"])
    late = now - stopped - timedelta(seconds=STORY["undo_seconds"] + 5)
    return max(0, late.days)


def moved(sql: str, days: int) -> str:
    """The dump with every quoted date ``days`` later (the time of day unchanged)."""

    def later(match: re.Match[str]) -> str:
        day = date.fromisoformat(match.group(1)) + timedelta(days=days)
        return f"'{day.isoformat()}{match.group(2)}'"

    return _DATE.sub(later, sql) if days else sql


def restore(data: Path, days: int) -> None:
    """The old bot's folder as the operator has it: the database (restored from the dump,
    owner-only), the drafts' clocks moved on by ``days``; the key is the old bot's
    SECRET_KEY, given to the new one as it was."""
    data.mkdir(mode=0o700, parents=True)
    database = data / "homthu.sqlite3"
    sql = moved((FIXTURE / "database.sql").read_text("utf-8"), days)
    with contextlib.closing(sqlite3.connect(database)) as conn:
        conn.executescript(sql)
        conn.execute(f"PRAGMA user_version = {int(STORY['user_version'])}")
        conn.commit()
    os.chmod(database, 0o600)
    anonymizer = fixture_anonymizer()
    with contextlib.closing(sqlite3.connect(database)) as conn:
        # The full-text index came back from its shadow tables: it answers, once each.
        body = STORY["waiting"]["body"]
        hits = conn.execute(
            "SELECT feedback_id FROM search WHERE search MATCH ?", ('"ngõ 5 hỏng"',)
        ).fetchall()
        assert hits == [(1,)], (hits, body)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute("SELECT resident_key, sealed FROM resident_drafts").fetchall()
        assert len(rows) == 2, rows
        for resident_key, sealed in rows:
            # The old bot's sealed drafts open under the new code's key handling.
            context = f"draft {resident_key}"
            record = anonymizer.open_record(context, bytes(sealed))
            assert record is not None, "a draft of the old bot does not open"
            if days:
                record["data"]["draft"]["touched_at"] += days * 86400
                conn.execute(
                    "UPDATE resident_drafts SET sealed = ? WHERE resident_key = ?",
                    (anonymizer.seal_record(context, record), resident_key),
                )
        conn.commit()


def new_messages(server: BotAPIServer, chat_id: int) -> list[BotMessage]:
    """What the bot sent in a chat after the upgrade (not the old bot's messages)."""
    first_new = int(TELEGRAM["next_message_ids"].get(str(chat_id), 1))
    return [m for m in server.messages(chat_id) if m.message_id >= first_new]


def sent_by_old_bot(server: BotAPIServer, message: BotMessage) -> bool:
    """True for a message the old bot sent (carried over in the fixture)."""
    return message not in new_messages(server, message.chat_id)


def files_hold(folder: Path, values: list[str]) -> list[str]:
    """Which of ``values`` some file under ``folder`` holds in plain form."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            found += [v for v in values if v.encode() in content]
    return sorted(set(found))


@pytest.fixture
async def server() -> AsyncIterator[BotAPIServer]:
    """The fake Bot API, knowing what Telegram knew when the old bot was stopped."""
    api = BotAPIServer(TOKEN)
    api.restore(TELEGRAM)
    await api.start()
    try:
        yield api
    finally:
        await api.close()
    unknown = sorted({r.method for r in api.unknown_methods})
    assert not unknown, f"the bot called methods the local Bot API does not know: {unknown}"


async def windows_closed() -> None:
    """Wait out what is left of the undo window of a fixture made moments ago (only right
    after ``make_fixture.py`` ran): what waited in the outbox is due when the new bot starts."""
    stopped = datetime.fromisoformat(STORY["stopped_at"])
    left = stopped + timedelta(seconds=STORY["undo_seconds"] + 1) - datetime.now(UTC)
    if left > timedelta(0):
        await asyncio.sleep(left.total_seconds())


@pytest.fixture
async def upgraded(tmp_path: Path, server: BotAPIServer) -> AsyncIterator[BotProcess]:
    """The new bot, installed on the old bot's folder, not started yet."""
    await windows_closed()
    restore(tmp_path / "data", days_to_move(datetime.now(UTC)))
    env = bot_environment(
        tmp_path,
        server.base_url,
        SECRET_KEY=FIXTURE_SECRET_KEY,
        DRAFT_IDLE_HOURS=str(STORY["draft_idle_hours"]),
    )
    process = BotProcess(tmp_path, env)
    try:
        yield process
    finally:
        await process.close()
        print(process.log)  # shown by pytest when the test fails


def test_the_fixture_names_no_resident() -> None:
    """Promise 1 in what the old bot wrote: no id, username or name in the dump."""
    sql = (FIXTURE / "database.sql").read_text("utf-8")
    assert [value for value in identities() if value in sql] == []
    # No key material in the repository: the old bot's secret is derived from a passphrase.
    assert sorted(p.name for p in FIXTURE.iterdir()) == [
        "database.sql",
        "story.json",
        "telegram.json",
    ]


async def test_the_new_code_carries_on_what_the_old_one_left(
    server: BotAPIServer, upgraded: BotProcess
) -> None:
    bot = upgraded
    waiting, resolved = the_resident(server, "waiting"), the_resident(server, "resolved")
    drafting, photo = the_resident(server, "drafting"), the_resident(server, "photo")
    officer = an_officer(server)
    code, resolved_code = STORY["waiting"]["code"], STORY["resolved"]["code"]
    assert query(bot.database, WAITING) == [(3,)]  # as the old bot left it
    # The old bot's prompt of the waiting answer, its «Thu hồi» still on.
    prompt = next(m for m in server.messages(STAFF_CHAT_ID) if m.button_data("Thu hồi"))
    await bot.start_and_wait(server)

    # (b) What waited in the outbox goes out: the answer, through the sealed channel the
    # old bot kept (it decrypts under the new code), and the status notice.
    delivered = await waiting.wait_for(f"về góp ý {code}:", timeout=20)
    assert STORY["waiting"]["answer"] in delivered.text
    published = await server.wait_for(
        STAFF_CHAT_ID, lambda m: f"Đã gửi trả lời góp ý {code}" in m.text, timeout=20
    )
    # The old prompt becomes the record of what went, and «Thu hồi» leaves it.
    assert published.message_id == prompt.message_id
    assert published.labels == []
    notice = await resolved.wait_for(resolved_code, timeout=20)
    assert STORY["resolved"]["outcome"] in notice.text, notice.text
    await server.wait_until(
        lambda: query(bot.database, WAITING) == [(0,)], describe="the outbox emptied"
    )

    # (a) The resident mid-draft goes on writing; the feedback keeps what was written before.
    ack = await story.write(drafting, MORE_TEXT)
    assert ack.text == VI("received")
    card = await story.preview(drafting)
    assert STORY["drafting"]["text"] in card.text
    assert MORE_TEXT in card.text
    drafted = await story.send(drafting)
    assert query(bot.database, "SELECT body FROM feedback WHERE code = ?", drafted) == [
        (f"{STORY['drafting']['text']}\n\n{MORE_TEXT}",)
    ]

    # (a) + (c) The resident whose preview the old bot showed presses its «Gửi»: the text
    # and the photo of before the upgrade go to the staff, once.
    preview = next(m for m in reversed(photo.messages()) if m.button_data("Gửi"))
    assert sent_by_old_bot(server, preview), "the «Gửi» pressed is the old bot's"
    photo.press("Gửi")
    receipt = await photo.wait_for("Mã tra cứu")
    photo_code = reference_code(receipt)
    assert query(
        bot.database,
        "SELECT body, (SELECT COUNT(*) FROM feedback_photos p WHERE p.feedback_id = f.id)"
        " FROM feedback f WHERE code = ?",
        photo_code,
    ) == [(STORY["photo"]["text"], 1)]
    await the_card(server, photo_code)
    copied = await server.wait_for(
        STAFF_CHAT_ID,
        lambda m: m.method == "sendPhoto" and m.photo_file_id == STORY["photo"]["file_id"],
    )
    assert copied.photo_file_id == STORY["photo"]["file_id"]

    # (c) An officer presses «Nhận xử lý» on a card the old bot sent.
    old_card = await the_card(server, code)
    assert sent_by_old_bot(server, old_card)
    officer.press_data(str(old_card.button_data("Nhận xử lý")), old_card)
    taken = await officer.answer_to()
    assert taken.get("text") == VI("toast_taken_on"), taken
    edited = await server.wait_for(
        STAFF_CHAT_ID, lambda m: m.message_id == old_card.message_id and "Hoa" in m.text
    )
    assert f"Góp ý {code}" in edited.text

    # (c) The resident presses «Xem tình trạng» under the receipt the old bot sent.
    receipt_before = next(m for m in waiting.messages() if m.button_data("Xem tình trạng"))
    assert sent_by_old_bot(server, receipt_before)
    waiting.press_data(str(receipt_before.button_data("Xem tình trạng")), receipt_before)
    status = await waiting.wait_for(f"Góp ý {code}")
    assert STORY["waiting"]["answer"] in status.text

    # (d) A new answer reaches the reply channel the old bot opened.
    await story.answer(officer, await the_card(server, code), NEW_ANSWER, code)
    second = await waiting.wait_for(lambda m: NEW_ANSWER in m.text, timeout=15)
    assert f"về góp ý {code}:" in second.text

    # Exactly once each, not lost, not twice.
    await asyncio.sleep(2)
    answers = [m.text for m in answers_to(waiting, code)]
    assert sum(STORY["waiting"]["answer"] in text for text in answers) == 1, answers
    assert sum(NEW_ANSWER in text for text in answers) == 1, answers
    notices = new_messages(server, resolved.chat_id)
    assert len(notices) == 1, notices
    assert query(bot.database, "SELECT COUNT(*) FROM feedback") == [(4,)]

    # Restarted once more: nothing is sent again.
    assert await bot.stop(signal.SIGTERM) == 0, bot.log
    mark = server.seq
    await bot.start_and_wait(server)
    await asyncio.sleep(4)  # the outbox and the start-up jobs have run
    sent_again = [
        r
        for r in server.requests
        if r.seq > mark
        and r.method.lower().startswith(("send", "copy", "forward"))
        and r.method != "sendChatAction"
    ]
    assert sent_again == [], [(r.method, r.chat_id, r.text[:60]) for r in sent_again]
    assert query(bot.database, WAITING) == [(0,)]
    assert await bot.stop(signal.SIGTERM) == 0, bot.log

    # Promise 1 in what the new bot wrote: no resident named or numbered in its files or logs.
    assert files_hold(bot.database.parent, identities()) == []
    assert [value for value in identities() if value in bot.log] == []
