"""Trust on disk and under faults, through ``python -m bot`` (issue 10).

Each test names the point of the issue it covers: no resident id in any file the bot or
``python -m storage`` writes, in any encoding, at any moment (1, 2); an unreadable update
skipped without a trace of who sent it (3); no duplicate after ``kill -9`` between the
commit and the receipt (5); owner-only files whatever the umask (8); a stop signal heeded
within two seconds in every state (11).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.botapi import BotAPIServer, Fault, Person
from tests.e2e import story
from tests.e2e.harness import (
    ROOT,
    STAFF_CHAT_ID,
    BotProcess,
    bot_environment,
    draft_texts,
    query,
    reference_code,
)
from tests.test_trust import POLL_WITHOUT_NEW_FIELDS, sqlite_integer, sqlite_varint

RESIDENTS = 50
FIRST_ID = 6_500_000_001
# What a stop may take, from the signal to the end of the process (the promise).
STOP_LIMIT = 2.0


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    """Run with this umask (child processes inherit it)."""
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def storage_cli(workdir: Path, database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m storage`` as an operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "storage", "--database", str(database), *args],
        cwd=workdir,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def every_file(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by its path relative to it."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(".log")
    }


def encodings(user_id: int) -> dict[str, bytes]:
    """A Telegram id as it could sit in a file: as text, as a record integer, as a varint."""
    return {
        "text": str(user_id).encode(),
        "record integer": sqlite_integer(user_id),
        "varint": sqlite_varint(user_id),
    }


def findings(people: list[Person], files: dict[str, bytes]) -> list[str]:
    """Where any id (in any encoding), username or name of the people turns up."""
    found = []
    for person in people:
        for how, needle in encodings(person.id).items():
            found += [
                f"{person.id} as {how} in {name}" for name, data in files.items() if needle in data
            ]
        for value in person.identity[1:]:
            found += [
                f"{value!r} in {name}" for name, data in files.items() if value.encode() in data
            ]
    return found


async def begin(server: BotAPIServer, person: Person, text: str) -> None:
    """A resident scans the code, picks a topic and writes one message."""
    person.say("/start kp3")
    await person.wait_for("Khu vực: Khu phố 3", timeout=30)
    await story.choose_topic(person, "Khác")
    person.say(text)
    await person.wait_for("Đã ghi nhận", timeout=30)


async def finish(person: Person, replies: bool) -> str:
    """The resident previews and sends (answers wanted or not); the reference code."""
    await story.preview(person)
    person.press("Gửi")
    code = reference_code(await person.wait_for("Mã tra cứu", timeout=30))
    if replies:
        await story.receive_answers(person, code)
    return code


async def test_no_resident_id_in_any_file_with_fifty_residents_writing(
    tmp_path: Path, server: BotAPIServer, bot: BotProcess
) -> None:
    """Points 1 and 2: the live database, its WAL and SHM, a backup taken while 50
    residents are mid-draft, a backup after they sent, and the restore's copy: no
    resident id as text, as a record integer or as a varint key, no username, no name."""
    with umask(0o022):
        await bot.start_and_wait(server)
    await story.add_area(story.the_admin(server), "kp3", "Khu phố 3")
    people = [
        server.resident(FIRST_ID + n * 7919, f"Tên{n}", f"Họ Bí Mật {n}", f"secret_user_{n}")
        for n in range(RESIDENTS)
    ]
    await asyncio.gather(
        *(begin(server, p, f"Góp ý số {n} về đường") for n, p in enumerate(people))
    )
    await server.wait_until(
        lambda: len(draft_texts(bot.database)) == RESIDENTS, describe="50 drafts on disk"
    )
    backups = tmp_path / "backups"
    mid = storage_cli(tmp_path, bot.database, "backup", str(backups / "mid-draft.sqlite3"))
    assert mid.returncode == 0, mid.stderr
    live_mid = every_file(bot.database.parent)
    codes = await asyncio.gather(*(finish(p, replies=n % 2 == 0) for n, p in enumerate(people)))
    assert len(set(codes)) == RESIDENTS
    await server.wait_until(
        lambda: query(bot.database, "SELECT COUNT(*) FROM resident_drafts") == [(0,)],
        describe="every draft gone",
    )
    after = storage_cli(tmp_path, bot.database, "backup", str(backups / "after.sqlite3"))
    assert after.returncode == 0, after.stderr
    live_after = every_file(bot.database.parent)
    assert await bot.stop() == 0
    stopped = every_file(bot.database.parent)
    restored = storage_cli(tmp_path, bot.database, "restore", str(backups / "mid-draft.sqlite3"))
    assert restored.returncode == 0, restored.stderr
    files = {
        **{f"live while writing: {k}": v for k, v in live_mid.items()},
        **{f"live after sending: {k}": v for k, v in live_after.items()},
        **{f"after the stop: {k}": v for k, v in stopped.items()},
        **{f"backup: {k}": v for k, v in every_file(backups).items()},
        **{f"after the restore: {k}": v for k, v in every_file(bot.database.parent).items()},
    }
    # The search looks where it should: the drafts' and the feedbacks' texts are there,
    # the WAL and the restore's copy of the database among the files searched.
    assert any(name.endswith("-wal") for name in files)
    assert any("before-restore" in name for name in files)
    assert all(code.encode() in b"".join(files.values()) for code in codes)
    assert findings(people, files) == []
    # Every file is its owner's only, whatever the umask was (point 8).
    for path in [*bot.database.parent.rglob("*"), *backups.rglob("*")]:
        if path.suffix != ".log":
            wanted = 0o700 if path.is_dir() else 0o600
            assert stat.S_IMODE(path.stat().st_mode) == wanted, path


async def test_an_unreadable_update_is_skipped_and_the_others_answered(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    """Point 3 in polling mode: a poll from a newer Bot API than PTB reads, and a
    malformed photo. One line each, with the update id only; polling moves on."""
    resident = server.resident(6_102_030_405, "Thịnh", "Bí Mật", "bi_mat_poison")
    poll = server.push("message", {**POLL_WITHOUT_NEW_FIELDS["message"], "chat": resident.chat})
    photo = server.push(
        "message",
        {
            "message_id": 2,
            "date": int(time.time()),
            "chat": resident.chat,
            "from": resident.user,
            "photo": [{"file_id": "broken"}],
        },
    )
    resident.say("/help")
    await resident.wait_for("/status", timeout=20)
    # Polling moved past both: the next getUpdates confirmed them.
    await server.wait_until(
        lambda: any(
            r.method == "getUpdates" and int(r.params.get("offset") or 0) > photo
            for r in server.requests
        ),
        describe="polling past the unreadable updates",
    )
    log = running_bot.log
    assert f"unreadable update skipped update_id={poll} error=TypeError" in log
    assert f"unreadable update skipped update_id={photo} error=TypeError" in log
    assert "CRITICAL" not in log
    for value in (str(resident.id), "Thịnh", "bi_mat_poison", "Có nên sửa đường"):
        assert value not in log
    fetches = [r for r in server.requests if r.method == "getUpdates"]
    assert len(fetches) < 50, "polling spun on the unreadable batch"


async def test_send_again_after_kill_between_commit_and_receipt_stores_once(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    """Point 5: the feedback is committed, the receipt is on its way, the bot is killed;
    after the restart the resident (who never got a code) presses «Gửi» again."""
    bot = running_bot
    await story.add_area(story.the_admin(server), "kp3", "Khu phố 3")
    resident = server.resident(6_600_000_123, "Mai", "Kín", "mai_kill_e2e")
    await begin(server, resident, "Cống tắc ở hẻm 12")
    preview = await story.preview(resident)
    send = preview.button_data("Gửi")
    assert send is not None
    # The receipt to the resident hangs: killed while Telegram has it.
    server.inject("sendMessage", Fault.delay(300), chat_id=resident.chat_id)
    resident.press_data(send, preview)
    await server.wait_until(
        lambda: query(bot.database, "SELECT COUNT(*) FROM feedback") == [(1,)],
        describe="the feedback committed",
    )
    await arrived(server, "sendMessage", resident.chat_id)
    await bot.stop(signal.SIGKILL)
    server.clear_faults()
    await bot.start_and_wait(server)
    resident.press_data(send, preview)
    receipt = await resident.wait_for("Mã tra cứu", timeout=20)
    code = reference_code(receipt)
    assert query(bot.database, "SELECT code FROM feedback") == [(code,)]
    await server.wait_for(STAFF_CHAT_ID, lambda m: code in m.text, timeout=20)
    await asyncio.sleep(1)  # time for a second card, if one were coming
    assert len([m for m in server.messages(STAFF_CHAT_ID) if code in m.text]) == 1


# --- 11. stop within two seconds, in every state ----------------------------------------------


async def stop_timed(bot: BotProcess, sig: signal.Signals) -> float:
    """Send ``sig``; the seconds until the process ended (it must end cleanly)."""
    started = time.monotonic()
    code = await bot.stop(sig, timeout=10)
    took = time.monotonic() - started
    assert code == 0, bot.log
    assert "Traceback" not in bot.log
    return took


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
async def test_stopping_while_telegram_is_unreachable_at_start_up(
    tmp_path: Path, sig: signal.Signals
) -> None:
    server = BotAPIServer("x")  # bound, never listening: connections are refused
    bot = BotProcess(tmp_path, bot_environment(tmp_path, server.base_url))
    try:
        await bot.start()
        await _wait_for_line(bot, "telegram unreachable at start-up")
        assert await stop_timed(bot, sig) < STOP_LIMIT
    finally:
        await bot.close()
        await server.close()


@pytest.mark.parametrize(
    "hang",
    ["setMyCommands", "getUpdates", "deleteWebhook"],
    ids=["menus-at-start", "polling", "bootstrap"],
)
async def test_stopping_while_telegram_hangs(
    server: BotAPIServer, bot: BotProcess, hang: str
) -> None:
    """Telegram answers getMe, then hangs on the call named: at start-up, or polling."""
    server.inject(hang, Fault.delay(300), times=None)
    await bot.start()
    await arrived(server, hang)
    await asyncio.sleep(0.3)
    assert await stop_timed(bot, signal.SIGTERM) < STOP_LIMIT


async def test_stopping_while_a_handler_and_the_outbox_wait_for_telegram(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    await story.add_area(story.the_admin(server), "kp3", "Khu phố 3")
    resident = server.resident(6_700_000_001, "Lan", "Ẩn", "lan_stop_e2e")
    await begin(server, resident, "Đèn đường hỏng")
    await story.preview(resident)
    # Every message hangs from now on: the receipt in its handler, the card in the outbox.
    server.inject("sendMessage", Fault.delay(300), times=None)
    resident.press("Gửi")
    await arrived(server, "sendMessage", STAFF_CHAT_ID)
    assert await stop_timed(running_bot, signal.SIGTERM) < STOP_LIMIT
    assert "stopped without waiting" in running_bot.log


async def arrived(server: BotAPIServer, method: str, chat_id: int | None = None) -> None:
    """Wait until a request of ``method`` (to ``chat_id``) has reached the server."""
    await server.wait_until(
        lambda: any(
            r.method == method and (chat_id is None or str(r.chat_id) == str(chat_id))
            for r in server.requests
        ),
        timeout=30,
        describe=f"a {method} request",
    )


async def _wait_for_line(bot: BotProcess, text: str, timeout: float = 30.0) -> None:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while text not in bot.log:
        assert bot.alive, bot.log
        assert time.monotonic() < deadline, f"no {text!r} in:\n{bot.log}"
        await asyncio.sleep(0.05)
