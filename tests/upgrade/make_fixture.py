"""Make the upgrade fixture: the world an operator has when they stop the old bot to upgrade.

Run by hand, from the root of the NEW tree, with its venv, naming a checkout of the old
version (one with its own ``.venv``)::

    .venv/bin/python -m tests.upgrade.make_fixture --old /work/wt/before

It starts the OLD ``python -m bot`` (the old tree's interpreter and sources, with
``FIXTURE_SECRET_KEY`` as its SECRET_KEY: no key material is kept in the repository, the
test derives the same secret from this passphrase) against this tree's fake Bot API
(tests/botapi), and plays a story with fake people only:

* a resident opens a reply channel («Nhận trả lời tại đây») and an officer sends an answer
  that is still inside its undo window (UNDO_SECONDS, 30 s): the answer waits in the
  outbox;
* another resident with a reply channel has their feedback set «Đã giải quyết»: the status
  notice waits in the outbox too;
* a resident is mid-draft with a text (area and topic chosen, text written, not sent);
* a resident is mid-draft with a text and a photo, their preview (with «Gửi») on screen.

Then it stops the old bot with SIGTERM, as an operator upgrading does, and writes
``tests/upgrade/fixture/``: ``database.sql`` (the SQLite database as ``iterdump`` text),
``telegram.json`` (what the fake Bot
API knows: people, chats, messages with their buttons, files) and ``story.json`` (what the
test needs to know about the story: codes, texts, people, when the bot stopped, the
database's ``PRAGMA user_version``). It refuses to write a dump that holds a resident's
Telegram id, username or name (promise 1).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import signal
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.anonymity import Anonymizer
from tests.botapi import BotAPIServer, Person
from tests.e2e import story
from tests.e2e.harness import (
    BOT_USERNAME,
    STAFF_CHAT_ID,
    TOKEN,
    BotProcess,
    bot_environment,
    query,
)
from tests.e2e.story import has_button
from tests.e2e.test_staff import an_officer, the_card

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixture"
# Long enough that the answer and the status notice still wait when the bot stops (the
# story takes a few seconds after the answer); the test replays the fixture later than this.
UNDO_SECONDS = 30
# The old bot's SECRET_KEY: a passphrase that says what it is, so that no key material sits
# in the repository; the test derives the same master secret from it (SHA-256, as the bot).
FIXTURE_SECRET_KEY = "upgrade-fixture-test-only-never-a-deployment-secret"
# Drafts are kept as long as the bot allows: the fixture is replayed days later.
DRAFT_IDLE_HOURS = 720

# The outbox rows not delivered (nor given up on) yet.
WAITING_ROWS = "FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL"
AREA_CODE = "kp3"
AREA_NAME = "Khu phố 3"
WAITING_BODY = "Đèn đường ở ngõ 5 hỏng đã hai tuần, tối đi lại rất nguy hiểm."
WAITING_ANSWER = "Điện lực sẽ thay bóng đèn ngõ 5 vào sáng thứ Năm."
RESOLVED_BODY = "Rác ở đầu kiệt 12 chưa được thu gom ba ngày nay."
OUTCOME = "Đã khắc phục xong"
DRAFT_TEXT = "Cống thoát nước ở tổ 7 bị tắc, mưa là ngập cả đoạn đường."
PHOTO_DRAFT_TEXT = "Mặt đường trước trường tiểu học bị sụt lún, có ảnh kèm theo."

# Fake people, with names that occur nowhere else, so that a search for them means something.
PEOPLE: dict[str, dict[str, Any]] = {
    "waiting": {
        "id": 6_550_001_002,
        "first": "Nguyệt",
        "last": "Phan Giấu Tên",
        "user": "nguyet_upgrade_fx",
    },
    "resolved": {
        "id": 6_550_001_003,
        "first": "Khuê",
        "last": "Tôn Nữ Kín",
        "user": "khue_upgrade_fx",
    },
    "drafting": {
        "id": 6_550_001_004,
        "first": "Thục",
        "last": "Vạn Ẩn Danh",
        "user": "thuc_upgrade_fx",
    },
    "photo": {
        "id": 6_550_001_005,
        "first": "Diệp",
        "last": "Âu Dương Mật",
        "user": "diep_upgrade_fx",
    },
}


def resident(server: BotAPIServer, role: str) -> Person:
    """The resident playing ``role`` in the story."""
    who = PEOPLE[role]
    return server.resident(who["id"], who["first"], who["last"], who["user"])


def identities() -> list[str]:
    """Everything that names or numbers a resident of the story (promise 1)."""
    found = []
    for who in PEOPLE.values():
        found += [str(who["id"]), who["first"], who["last"], who["user"]]
    return found


async def sends_with_channel(server: BotAPIServer, person: Person, topic: str, body: str) -> str:
    """A resident sends ``body`` and asks to receive answers here; returns the code."""
    person.say(f"/start {AREA_CODE}")
    await person.wait_for(AREA_NAME)
    await story.choose_topic(person, topic)
    await story.write(person, body)
    await story.preview(person)
    code = await story.send(person)
    await story.receive_answers(person, code)
    return code


def fixture_anonymizer() -> Anonymizer:
    """The anonymizer of the fixture's bot, from ``FIXTURE_SECRET_KEY`` as the bot derives it."""
    return Anonymizer(hashlib.sha256(FIXTURE_SECRET_KEY.encode()).digest())


async def play(old: Path, workdir: Path) -> dict[str, Any]:
    """Play the story on the old bot, stop it, and return what the fixture is made of."""
    server = BotAPIServer(TOKEN, bot_username=BOT_USERNAME)
    server.group(STAFF_CHAT_ID, "Cán bộ MTTQ Cam Lộ")
    await server.start()
    env = bot_environment(
        workdir,
        server.base_url,
        PYTHONPATH=str(old),
        SECRET_KEY=FIXTURE_SECRET_KEY,
        UNDO_SECONDS=str(UNDO_SECONDS),
        DRAFT_IDLE_HOURS=str(DRAFT_IDLE_HOURS),
    )
    bot = BotProcess(workdir, env, python=str(old / ".venv" / "bin" / "python"))
    try:
        await bot.start_and_wait(server)
        await story.add_area(story.the_admin(server), AREA_CODE, AREA_NAME)
        officer = an_officer(server)

        # (d) + (b): a reply channel open, and an answer to it inside its undo window.
        waiting = resident(server, "waiting")
        waiting_code = await sends_with_channel(server, waiting, "Kinh tế, đời sống", WAITING_BODY)
        card = await the_card(server, waiting_code)
        await story.propose(officer, card, WAITING_ANSWER, waiting_code)
        officer.press("Gửi trả lời")
        await officer.wait_for(has_button("Thu hồi"))

        # (b): a status notice waiting for a resident with a reply channel.
        resolved = resident(server, "resolved")
        resolved_code = await sends_with_channel(
            server, resolved, "Tài nguyên, môi trường", RESOLVED_BODY
        )
        resolved_card = await the_card(server, resolved_code)
        officer.press_data(str(resolved_card.button_data("Đã giải quyết")), resolved_card)
        await officer.answer_to()
        # Resolving asks what the resident will read; one of the offered sentences.
        await officer.wait_for(has_button(OUTCOME))
        officer.press(OUTCOME)
        await officer.answer_to()

        # (a): mid-draft, a text written, not sent.
        drafting = resident(server, "drafting")
        drafting.say(f"/start {AREA_CODE}")
        await drafting.wait_for(AREA_NAME)
        await story.choose_topic(drafting, "Khác")
        await story.write(drafting, DRAFT_TEXT)

        # (a) + (c): mid-draft with a photo, the preview with «Gửi» on screen.
        photo = resident(server, "photo")
        photo.say(f"/start {AREA_CODE}")
        await photo.wait_for(AREA_NAME)
        await story.choose_topic(photo, "Xây dựng đô thị văn minh, hạ tầng")
        await story.write(photo, PHOTO_DRAFT_TEXT)
        _, photo_file_id = await story.add_photo(photo)
        await story.preview(photo)

        anonymizer = fixture_anonymizer()

        def drafts_written() -> bool:
            texts = []
            for key, sealed in query(
                bot.database, "SELECT resident_key, sealed FROM resident_drafts"
            ):
                assert isinstance(sealed, bytes)
                record = anonymizer.open_record(f"draft {key}", sealed)
                texts.append(" ".join(record["data"]["draft"]["parts"]))
            written = " / ".join(texts)
            return DRAFT_TEXT in written and PHOTO_DRAFT_TEXT in written

        await server.wait_until(drafts_written, describe="both drafts on disk", timeout=30)
        await server.wait_until(
            lambda: query(bot.database, f"SELECT COUNT(*) {WAITING_ROWS}")[0][0] >= 3,  # type: ignore[operator]
            describe="the answer, its word to the group and the status notice waiting",
        )

        exit_code = await bot.stop(signal.SIGTERM)
        assert exit_code == 0, bot.log
        stopped_at = datetime.now(UTC)
        pending = query(bot.database, f"SELECT kind, feedback_id {WAITING_ROWS}")
        return {
            "server": server.snapshot(),
            "database": bot.database,
            "story": {
                "stopped_at": stopped_at.isoformat(),
                "undo_seconds": UNDO_SECONDS,
                "draft_idle_hours": DRAFT_IDLE_HOURS,
                "area": {"code": AREA_CODE, "name": AREA_NAME},
                "people": PEOPLE,
                "officer": {"id": officer.id, "first": officer.user["first_name"]},
                "waiting": {"code": waiting_code, "body": WAITING_BODY, "answer": WAITING_ANSWER},
                "resolved": {"code": resolved_code, "body": RESOLVED_BODY, "outcome": OUTCOME},
                "drafting": {"text": DRAFT_TEXT},
                "photo": {"text": PHOTO_DRAFT_TEXT, "file_id": photo_file_id},
                "outbox_waiting": [list(row) for row in pending],
            },
        }
    finally:
        await bot.close()
        await server.close()
        (workdir / "old-bot.log").write_text(bot.log)


def dump(database: Path) -> tuple[str, int]:
    """The database as SQL text, and its ``PRAGMA user_version``.

    ``iterdump`` writes a virtual table (the FTS5 ``search``) as a row of ``sqlite_master``
    plus its shadow tables, which hold its rows; it then also writes the rows as INSERTs
    into the virtual table itself, which a restore cannot run (the connection does not know
    the table until it reopens) and which would index every row twice. Those are left out.
    """
    with contextlib.closing(sqlite3.connect(database)) as conn:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        virtual = [
            str(name)
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND sql LIKE 'CREATE VIRTUAL TABLE%'"
            )
        ]
        into_virtual = tuple(f'INSERT INTO "{name}" VALUES' for name in virtual)
        statements = [s for s in conn.iterdump() if not s.startswith(into_virtual)]
        return "\n".join(statements) + "\n", version


def main(argv: list[str] | None = None) -> int:
    """Play the story on the old version and write tests/upgrade/fixture/."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="a checkout of the old version")
    parser.add_argument("--out", type=Path, default=FIXTURE, help="where to write the fixture")
    args = parser.parse_args(argv)
    old = args.old.resolve()
    with tempfile.TemporaryDirectory(prefix="homthu-upgrade-") as folder:
        made = asyncio.run(play(old, Path(folder)))
        sql, user_version = dump(made["database"])
    for hidden in identities():
        if hidden in sql:
            print(f"the dump names a resident ({hidden!r}): promise 1 broken", file=sys.stderr)
            return 1
    made["story"]["user_version"] = user_version
    made["story"]["old_commit"] = subprocess.run(
        ["git", "-C", str(old), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "database.sql").write_text(sql, encoding="utf-8")
    for name, data in (("telegram.json", made["server"]), ("story.json", made["story"])):
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        (out / name).write_text(text + "\n", encoding="utf-8")
    print(f"fixture written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
