"""After a whole story, nothing the bot keeps, logs or sends to staff identifies a resident.

SPEC §4: feedback never carries the resident's id, username or name; drafts and
conversations are filed under keyed hashes and sealed; nothing sent to the staff group,
logged or exported contains a resident's identity. This plays residents who send (with
and without replies), one who cancels, one whose draft crosses a ``kill -9``, one who sends
what is refused, and an officer who looks feedback up; then searches every byte the bot
left behind.
"""

from __future__ import annotations

import io
import signal
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.botapi import BotAPIServer, Person
from tests.e2e import story
from tests.e2e.harness import STAFF_CHAT_ID, BotProcess, draft_texts, query

RESIDENTS = [
    (6_102_030_405, "Thịnh", "Trần Bí Mật", "thinh_secret_e2e"),
    (6_203_040_506, "Oanh", "Hoàng Kín Đáo", "oanh_hidden_e2e"),
    (6_304_050_607, "Quân", "Mai Ẩn Danh", "quan_anon_e2e"),
    (6_405_060_708, "Xuyến", "Lạc Vô Hình", "xuyen_unseen_e2e"),
]


@dataclass(frozen=True)
class Finding:
    """Where an identity field of a resident turned up."""

    where: str
    value: str


def sqlite_integer(value: int) -> bytes:
    """The id as SQLite stores an INTEGER in a record: big-endian in 1-8 bytes."""
    for size in (1, 2, 3, 4, 6, 8):
        if -(2 ** (8 * size - 1)) <= value < 2 ** (8 * size - 1):
            return value.to_bytes(size, "big", signed=True)
    raise ValueError(value)


def files_of(database: Path) -> dict[str, bytes]:
    """The database file and its WAL and shared-memory files, as they are on disk."""
    found = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = Path(f"{database}{suffix}")
        if path.exists():
            found[path.name] = path.read_bytes()
    return found


def unpacked(name: str, content: bytes) -> dict[str, bytes]:
    """A file, and each member of it when it is a zip (an XLSX keeps its text compressed)."""
    files = {name: content}
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            files.update(
                {f"{name}:{member}": archive.read(member) for member in archive.namelist()}
            )
    return files


def search(people: list[Person], places: dict[str, bytes]) -> list[Finding]:
    """Every identity field of every person found in any of the places, as UTF-8 text."""
    findings = []
    for person in people:
        for value in person.identity:
            for where, data in places.items():
                if value.encode() in data:
                    findings.append(Finding(where, value))
    return findings


async def play(server: BotAPIServer, bot: BotProcess, people: list[Person]) -> list[str]:
    """The story; returns the reference codes given out."""
    admin = story.the_admin(server)
    await story.add_area(admin, "kp3", "Khu phố 3")
    await story.add_area(admin, "thon-a", "Thôn An Bình")
    link = await story.qr_link(admin, "kp3")
    sender, canceller, restarted, refused = people
    codes = []

    await story.start_from_link(sender, link, "Khu phố 3")
    await story.choose_topic(sender, "Kinh tế, đời sống")
    await story.write(sender, "Đường ngõ 5 ngập khi mưa. Tôi là người ở số nhà 12.")
    await story.add_photo(sender, caption="Ảnh tối qua")
    await story.preview(sender)
    codes.append(await story.send(sender))
    await story.receive_answers(sender, codes[0])
    await story.status(sender, codes[0])

    canceller.say("/start thon-a")
    await canceller.wait_for("Thôn An Bình")
    await story.choose_topic(canceller, "Khác")
    await story.write(canceller, "Viết rồi lại thôi")
    canceller.say("/cancel")
    await canceller.wait_for("Bỏ góp ý này?")
    canceller.press("Bỏ góp ý")
    await canceller.wait_for("Đã hủy")

    await story.start_from_link(restarted, link, "Khu phố 3")
    await story.choose_topic(restarted, "Tài nguyên, môi trường")
    await story.write(restarted, "Bãi rác tự phát cạnh trường học.")
    await server.wait_until(
        lambda: any("Bãi rác" in text for text in draft_texts(bot.database)),
        describe="the draft on disk",
    )
    await bot.stop(signal.SIGKILL)
    await bot.start_and_wait(server)
    await story.write(restarted, "Xin xử lý sớm.")
    await story.preview(restarted)
    codes.append(await story.send(restarted))

    refused.send_voice()
    await refused.wait_for("giọng nói")
    refused.send_contact()
    await refused.wait_for("danh bạ")
    refused.say("/language en")
    await refused.wait_for("English")
    refused.say("/help")
    await refused.wait_for("/status")
    refused.say(f"/status {codes[1]}")
    await refused.wait_for(codes[1])

    # The staff side: a status, a reply that reaches the sender, a note, /show and /export.
    officer = server.officer(
        7_000_111_222, "Hoa", "Lê Thị", "hoa_officer_e2e", group=STAFF_CHAT_ID
    )
    card = await server.wait_for(
        STAFF_CHAT_ID, lambda m: f"Góp ý {codes[0]}" in m.text and bool(m.labels), timeout=20
    )
    officer.press("Đã tiếp nhận")
    await officer.answer_to()
    await story.answer(officer, card, "Cảm ơn ông/bà, tổ công tác sẽ xuống kiểm tra.", codes[0])
    await sender.wait_for(f"về góp ý {codes[0]}:", timeout=20)
    # The sender adds to it, in two messages collected until «Gửi phần bổ sung» (kept with
    # the draft, sealed, until then); the officer takes it on (kept under the officer's key).
    sender.press("Bổ sung")
    await sender.wait_for("Gửi phần bổ sung")
    sender.say("Nước vẫn ngập đến đầu gối.")
    await sender.wait_for("phần bổ sung")
    await story.add_photo(sender, caption="Sáng nay")
    sender.press("Gửi phần bổ sung")
    await server.wait_for(STAFF_CHAT_ID, lambda m: "Nước vẫn ngập" in m.text, timeout=20)
    officer.press("Nhận xử lý")
    await server.wait_until(
        lambda: query(bot.database, "SELECT COUNT(*) FROM assignments") == [(1,)],
        describe="the officer recorded as handler",
    )
    officer.reply_to(card, "/note Người gửi có vẻ ở gần số nhà 12")
    await officer.wait_for("ghi chú nội bộ")
    await story.status(officer, codes[0])
    officer.say(f"/show {codes[1]}")
    await officer.wait_for("Lịch sử trạng thái")
    officer.say("/export 30")
    await officer.wait_for(lambda m: str((m.document or {}).get("file_name")).endswith(".xlsx"))
    # Everything sent has reached the staff group before the search.
    await server.wait_until(
        lambda: all(any(code in m.text for m in server.messages(STAFF_CHAT_ID)) for code in codes),
        timeout=20,
        describe="both notifications in the staff group",
    )
    return codes


@dataclass
class Remains:
    """What the bot left behind after the story."""

    people: list[Person]
    codes: list[str]
    database_files: dict[str, bytes]  # while running, and after a clean stop
    log: bytes
    staff_requests: dict[str, bytes]
    uploads: dict[str, bytes]


async def play_and_collect(server: BotAPIServer, bot: BotProcess) -> Remains:
    """Play the story, stop the bot, and gather every place an identity could hide."""
    people = [server.resident(*resident) for resident in RESIDENTS]
    codes = await play(server, bot, people)
    # Conversations are over: no draft row is left to key anything by an id.
    await server.wait_until(
        lambda: query(bot.database, "SELECT COUNT(*) FROM resident_drafts") == [(0,)],
        describe="no draft left",
    )
    running = files_of(bot.database)
    await bot.stop(signal.SIGTERM)
    stopped = {f"{name} (after stop)": data for name, data in files_of(bot.database).items()}
    return Remains(
        people=people,
        codes=codes,
        database_files={**running, **stopped},
        log=bot.log.encode(),
        staff_requests={
            f"{r.method} #{r.seq} to the staff group": r.dump()
            for r in server.requests
            if r.chat_id == STAFF_CHAT_ID
        },
        uploads={
            f"upload {name} ({r.method} #{r.seq})": content
            for r in server.requests
            for u in r.uploads
            for name, content in unpacked(u.file_name, u.content).items()
        },
    )


async def test_no_identity_in_the_database_the_log_or_what_staff_receive(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    remains = await play_and_collect(server, running_bot)
    places = {
        **remains.database_files,
        "the log": remains.log,
        **remains.staff_requests,
        **remains.uploads,
    }
    # The search looks in the right places: the codes are there, and the staff got cards.
    assert remains.staff_requests, "nothing reached the staff group"
    assert any(name.endswith("sharedStrings.xml") or "sheet" in name for name in places)
    everything_on_disk = b"".join(remains.database_files.values())
    assert all(code.encode() in everything_on_disk for code in remains.codes)
    assert all(code.encode() in remains.log for code in remains.codes)
    assert search(remains.people, places) == []


async def test_no_resident_id_lingers_in_the_database_files(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    """No id in the files as SQLite writes integers (a copy of the database and its WAL,
    as a backup takes it, would tie ids to sending times). tests/e2e/test_trust.py also
    searches for varint keys, with fifty residents writing at once."""
    remains = await play_and_collect(server, running_bot)
    binary = [
        Finding(where, f"{person.id} as an SQLite integer")
        for person in remains.people
        for where, data in remains.database_files.items()
        if sqlite_integer(person.id) in data
    ]
    assert binary == [], binary
    # Officers are not anonymous, but their accounts are kept under a keyed hash too.
    officer_id = 7_000_111_222
    for where, data in remains.database_files.items():
        assert sqlite_integer(officer_id) not in data, where
        assert str(officer_id).encode() not in data, where
