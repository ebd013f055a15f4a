"""The staff side of the story, through the real process: notification, status, reply,
note, /status for the resident, /digest and /export; and the durable outbox under faults."""

from __future__ import annotations

import csv
import io
import signal
import zipfile
from collections.abc import Callable

from tests.botapi import BotAPIServer, BotMessage, Fault, Person
from tests.e2e import story
from tests.e2e.harness import STAFF_CHAT_ID, UNIT, BotProcess, query
from tests.e2e.story import VI, has_button, shown
from tests.support import COMMITTEE_VI

BODY = "Đèn đường ở ngõ 5 hỏng đã hai tuần, tối đi lại rất nguy hiểm."
REPLY = "Đã cử tổ điện lực kiểm tra <ngay> hôm nay; dự kiến sửa xong thứ Sáu."
# As long as a Telegram message can be.
LONG_REPLY = "Trả lời chi tiết. " + "Nội dung giải trình. " * 194 + "Hết."
assert len(LONG_REPLY) == 4096
NOTE = "Tổ trưởng tổ 5 đã xác nhận"
STATUS_LABELS = [
    "Mới",
    "Đã tiếp nhận",
    "Đang xử lý",
    "Đã chuyển cấp có thẩm quyền",
    "Đã giải quyết",
    "Không xử lý",
    "🙋 Nhận xử lý",
    "❓ Hỏi thêm",
    "📋 Trả lời mẫu",
]


def an_officer(server: BotAPIServer) -> Person:
    """A staff member in the group; not an admin."""
    return server.officer(7_000_333_444, "Hoa", "Lê Thị", "hoa_mttq_e2e", group=STAFF_CHAT_ID)


async def resident_sends(
    server: BotAPIServer, *, replies: bool, photo: bool = True, area: bool = True
) -> tuple[Person, str, str | None]:
    """An area, and a resident who sends BODY (with a photo); returns them, code, photo."""
    if area:
        await story.add_area(story.the_admin(server), "kp3", "Khu phố 3")
    resident = server.resident(6_550_001_002, "Nguyệt", "Phan Giấu Tên", "nguyet_staff_e2e")
    resident.say("/start kp3")
    await resident.wait_for("Khu phố 3")
    await story.choose_topic(resident, "Kinh tế, đời sống")
    await story.write(resident, BODY)
    photo_id = None
    if photo:
        _, photo_id = await story.add_photo(resident)
    await story.preview(resident)
    code = await story.send(resident)
    if replies:
        await story.receive_answers(resident, code)
    return resident, code, photo_id


async def the_card(
    server: BotAPIServer,
    code: str,
    timeout: float = 15.0,  # noqa: ASYNC109 - the tests' own deadline, in seconds
) -> BotMessage:
    """The notification of ``code`` in the staff group (the message with status buttons)."""
    return await server.wait_for(
        STAFF_CHAT_ID, lambda m: f"Góp ý {code}" in m.text and bool(m.labels), timeout=timeout
    )


def cards_of(server: BotAPIServer, code: str) -> list[BotMessage]:
    """Every notification of ``code`` the group has (one, unless something was resent)."""
    return [m for m in server.messages(STAFF_CHAT_ID) if f"Góp ý {code}" in m.text and m.labels]


async def test_staff_receive_answer_and_report_on_a_feedback(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    resident, code, photo_id = await resident_sends(server, replies=True)

    # The group receives the card: code, area, topic, text, status buttons; then the photo.
    card = await the_card(server, code)
    for expected in ("Khu vực: Khu phố 3", "Lĩnh vực: Kinh tế, đời sống", BODY, "Kèm 1 ảnh"):
        assert expected in card.text, expected
    assert sorted(label.removeprefix("✅ ") for label in card.labels) == sorted(STATUS_LABELS)
    photo = await server.wait_for(STAFF_CHAT_ID, lambda m: m.method == "sendPhoto")
    assert photo.photo_file_id == photo_id  # the resident's photo, copied by file id
    assert photo.data["reply_to_message"]["message_id"] == card.message_id
    assert not server.calls("forwardMessage")

    # An officer sets a status: the card shows it, with who set it.
    officer = an_officer(server)
    officer.press("Đang xử lý")
    answer = await officer.answer_to()
    assert answer["text"] == VI("staff_status_set", status="Đang xử lý")
    edited = await server.wait_for(
        STAFF_CHAT_ID, lambda m: m.message_id == card.message_id and m.edits > 0
    )
    assert "Trạng thái: Đang xử lý — Hoa Lê Thị" in edited.text
    assert "✅ Đang xử lý" in edited.labels

    # The officer replies and sends it: after the window the resident gets it in the
    # committee's name; the group is told.
    sent = await story.answer(officer, card, REPLY, code)
    assert "tới người góp ý" in sent.text
    delivered = await resident.wait_for(f"về góp ý {code}:", timeout=15)
    assert REPLY in delivered.text
    assert COMMITTEE_VI in delivered.text
    assert "Hoa" not in delivered.text
    assert "Lê Thị" not in delivered.text

    # An internal note stays internal.
    officer.reply_to(card, f"/note {NOTE}")
    await officer.wait_for(shown(VI("staff_note_saved", code=code)))

    # /status: the new status and the public reply, not the note, not the officer.
    status = await story.status(resident, code)
    assert "Tình trạng: " + VI("resident_status_in_progress") in status.text
    assert REPLY in status.text
    assert NOTE not in status.text
    assert "Hoa" not in status.text

    # /digest and /export in the group.
    officer.say("/digest")
    digest = await officer.wait_for("Bản tin góp ý", timeout=20)
    assert UNIT in digest.text
    officer.say("/export 30")
    documents = [await officer.wait_for(named(ext), timeout=30) for ext in (".csv", ".xlsx")]
    table = documents[0].upload().content
    assert table.startswith("\ufeff".encode())  # UTF-8 with BOM, for Excel
    rows = list(csv.reader(io.StringIO(table.decode("utf-8-sig"))))
    assert any(code in row and BODY in row for row in rows), rows
    with zipfile.ZipFile(io.BytesIO(documents[1].upload().content)) as workbook:
        assert any(name.startswith("xl/worksheets/") for name in workbook.namelist())

    # Resolved, with a result in one line: the resident who asked for replies reads it.
    officer.press("Đã giải quyết")
    await officer.wait_for(has_button(VI("resolution_result_1")), timeout=15)
    officer.press(VI("resolution_result_1"))
    result = VI("resolution_result_1")
    await resident.wait_for(
        shown(VI("resident_resolved_with", code=code, result=result)), timeout=15
    )
    assert len(cards_of(server, code)) == 1


def named(extension: str) -> Callable[[BotMessage], bool]:
    """A predicate: the message is a document whose name ends with ``extension``."""

    def matches(message: BotMessage) -> bool:
        document = message.document
        return document is not None and str(document["file_name"]).endswith(extension)

    return matches


async def test_a_long_reply_reaches_the_resident_whole(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    """An officer may write as much as Telegram lets them (4096 characters); the resident
    must get all of it, even though the bot adds the code and the committee's name."""
    resident, code, _ = await resident_sends(server, replies=True, photo=False)
    card = await the_card(server, code)
    officer = an_officer(server)
    await story.answer(officer, card, LONG_REPLY, code)
    await server.wait_until(
        lambda: "".join(m.text for m in resident.messages()).count("Nội dung giải trình.") == 194,
        timeout=8,
        describe=lambda: (
            "the whole reply with the resident; the group has:\n"
            + server.transcript(STAFF_CHAT_ID, 3)
        ),
    )


async def test_status_shows_a_long_reply_whole(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    """/status shows the public replies; a reply as long as Telegram allows must show whole
    (over several messages if need be), not end in an error."""
    resident, code, _ = await resident_sends(server, replies=False, photo=False)
    card = await the_card(server, code)
    officer = an_officer(server)
    sent = await story.answer(officer, card, LONG_REPLY, code)
    assert "Đã công khai" in sent.text
    resident.say(f"/status {code}")
    await server.wait_until(
        lambda: "".join(m.text for m in resident.messages()).count("Nội dung giải trình.") == 194,
        timeout=8,
        describe=lambda: (
            "the whole reply in /status; the resident has:\n"
            + server.transcript(resident.chat_id, 2)
        ),
    )


async def test_show_gives_staff_a_long_reply_whole(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    """/show lists the answers; a long one must not be cut (nor break the HTML)."""
    _, code, _ = await resident_sends(server, replies=False, photo=False)
    card = await the_card(server, code)
    officer = an_officer(server)
    await story.answer(officer, card, LONG_REPLY, code)
    officer.reply_to(card, f"/note {NOTE}")
    await officer.wait_for(shown(VI("staff_note_saved", code=code)))
    officer.say(f"/show {code}")
    await server.wait_until(
        lambda: (
            "".join(m.text for m in officer.messages()).count("Nội dung giải trình.") >= 194
            and NOTE in "".join(m.text for m in officer.messages()[-3:])
        ),
        timeout=8,
        describe=lambda: (
            "the whole reply and the note in /show; the group has:\n"
            + server.transcript(STAFF_CHAT_ID, 3)
        ),
    )


async def test_a_notification_waits_out_5xx_and_429_and_arrives_once(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    server.inject("sendMessage", Fault.server_error(502), chat_id=STAFF_CHAT_ID)
    server.inject("sendMessage", Fault.flood(retry_after=1), chat_id=STAFF_CHAT_ID)
    server.inject("sendMessage", Fault.drop(), chat_id=STAFF_CHAT_ID)
    _, code, _ = await resident_sends(server, replies=False, photo=False)
    await the_card(server, code, timeout=30)
    assert len(cards_of(server, code)) == 1
    attempts = [r for r in server.calls("sendMessage", STAFF_CHAT_ID) if f"Góp ý {code}" in r.text]
    assert [r.fault for r in attempts] == ["status", "status", "drop", None]


async def test_a_notification_pending_across_a_kill_is_sent_once_after_restart(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    bot = running_bot
    outage = server.inject(
        "sendMessage", Fault.server_error(502), times=None, chat_id=STAFF_CHAT_ID
    )
    _, code, _ = await resident_sends(server, replies=False, photo=False)
    await server.wait_until(lambda: outage.hits >= 1, timeout=15, describe="a first attempt")
    await bot.stop(signal.SIGKILL)
    [(pending,)] = query(bot.database, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL")
    assert int(str(pending)) >= 1
    server.clear_faults()
    await bot.start_and_wait(server)
    await the_card(server, code, timeout=30)
    assert len(cards_of(server, code)) == 1
    await server.wait_until(
        lambda: (
            query(bot.database, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL") == [(0,)]
        ),
        describe="the outbox empty",
    )
