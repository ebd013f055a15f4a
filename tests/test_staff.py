"""The staff group: notifications, status buttons, replies and notes, /show (SPEC §5)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from bot.ptb.context import HomThuApplication
from tests.support import (
    ADMIN_ID,
    COMMITTEE_VI,
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
)
from tests.test_intake import CODE, only_message, rows, sent, write_feedback
from texts import Texts

VI = Texts("vi")
STATUS_BUTTONS = [
    ["Đã tiếp nhận", "Đang xử lý"],
    ["Đã chuyển cấp có thẩm quyền"],
    ["Đã giải quyết", "Không xử lý"],
    ["🙋 Nhận xử lý", "❓ Hỏi thêm"],
    ["📋 Trả lời mẫu", "✅ Mới"],
]
# UNDO_SECONDS: what a staff action that reaches a resident waits, and a moment more.
WINDOW = timedelta(seconds=61)


async def deliver(app: HomThuApplication) -> list[Call]:
    """Run the outbox until nothing is due; return the requests it made."""
    api = app.bot.request  # the recording API is the bot's request object
    assert isinstance(api, RecordingBotAPI)
    api.take()
    outbox = app.bot_data.outbox
    assert outbox is not None
    while await outbox.deliver_due():
        pass
    return api.take()


async def send_feedback(
    resident: Person, text: str = "Đèn đường hỏng", *, photos: int = 0, replies: bool = False
) -> str:
    """A resident sends one feedback; returns its code."""
    await write_feedback(resident, text)
    for n in range(photos):
        await resident.send_photo(f"PHOTO-{n}")
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    match = CODE.search(receipt.text)
    assert match
    if replies:
        await resident.press("Nhận trả lời")
    return match.group(1)


async def answer(
    officer: Person, message_id: int, text: str, app: HomThuApplication, clock: FrozenClock
) -> list[Call]:
    """An officer replies to a bot message, presses «Gửi trả lời», the window passes: what
    the outbox then sends."""
    proposal = only_message(await officer.reply_to(message_id, text))
    assert proposal.buttons[0] == ["📤 Gửi trả lời"], proposal.buttons
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    return await deliver(app)


def card_of(calls: list[Call]) -> Call:
    """The notification card sent to the staff group."""
    cards = [c for c in sent(calls) if c.params["chat_id"] == STAFF_CHAT_ID and c.buttons]
    assert len(cards) == 1, [c.method for c in calls]
    return cards[0]


async def test_notification_carries_code_area_topic_time_text_and_buttons(
    resident: Person, app: HomThuApplication
) -> None:
    code = await send_feedback(resident, "Đèn <b>hỏng</b> ở ngõ 5")
    card = card_of(await deliver(app))
    assert f"Góp ý {code}" in card.text
    assert "Khu vực: Khu phố 3" in card.text
    assert "Lĩnh vực: Kinh tế, đời sống" in card.text
    assert "08:00 21/11/2026" in card.text  # 01:00 UTC in Asia/Ho_Chi_Minh
    assert "Đèn &lt;b&gt;hỏng&lt;/b&gt; ở ngõ 5" in card.text
    assert "Trạng thái: <b>Mới</b>" in card.text
    assert card.buttons == STATUS_BUTTONS
    for value in (str(resident.user_id), resident.first_name, str(resident.username)):
        assert value not in card.text


async def test_photos_follow_the_card_as_a_reply_album(
    resident: Person, app: HomThuApplication
) -> None:
    await send_feedback(resident, photos=3)
    calls = await deliver(app)
    assert [c.method for c in calls] == ["sendMessage", "sendMediaGroup"]
    card = calls[0]
    album = calls[1]
    assert album.params["chat_id"] == STAFF_CHAT_ID
    reply = album.params["reply_parameters"]
    assert reply["message_id"] == card.result["message_id"]
    media = album.params["media"]
    assert [m["media"] for m in media] == ["PHOTO-0", "PHOTO-1", "PHOTO-2"]
    # Every message of the feedback in the group is known, so replies to any reach it.
    roles = rows(app, "SELECT role FROM staff_messages ORDER BY message_id")
    assert roles == [("card",), ("photo",), ("photo",), ("photo",)]


async def test_a_long_card_is_sent_in_parts_in_order(
    resident: Person, app: HomThuApplication
) -> None:
    await send_feedback(resident, "ẅ" * 4000, photos=1)
    calls = await deliver(app)
    assert [c.method for c in calls] == ["sendMessage", "sendMessage", "sendPhoto"]
    assert all(len(c.text) <= 4096 for c in calls[:2])
    assert "".join(c.text for c in calls[:2]).count("ẅ") == 4000
    assert calls[0].buttons == STATUS_BUTTONS


async def test_nothing_is_sent_twice(resident: Person, app: HomThuApplication) -> None:
    await send_feedback(resident)
    assert len(await deliver(app)) == 1
    assert await deliver(app) == []
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL") == [(0,)]


async def test_status_button_records_who_and_edits_the_card(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    calls = await officer.press("Đang xử lý")
    toast = sent(calls, "answerCallbackQuery")[0]
    assert toast.params["text"] == VI("staff_status_set", status="Đang xử lý")
    edit = sent(calls, "editMessageText")[0]
    assert "Trạng thái: <b>Đang xử lý</b> — Hoa Lê Thị, 08:00 21/11/2026" in edit.text
    assert ["Đã tiếp nhận", "✅ Đang xử lý"] in edit.buttons
    history = rows(app, "SELECT status, changed_by FROM status_changes ORDER BY id")
    assert history == [("new", None), ("in_progress", "Hoa Lê Thị")]
    shown = only_message(await resident.send(f"/status {code}"))
    assert f"<b>{VI('resident_status_in_progress')}</b>" in shown.text
    assert "Hoa" not in shown.text


async def test_two_presses_are_both_recorded_without_error(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    await send_feedback(resident)
    await deliver(app)
    other = Person(
        app, officer.api, user_id=5002, first_name="Nam", last_name=None, chat_id=STAFF_CHAT_ID
    )
    await officer.press("Đã tiếp nhận")
    calls = await other.press("Đã tiếp nhận")
    assert "text" in sent(calls, "answerCallbackQuery")[0].params
    assert sent(calls) == []
    history = rows(app, "SELECT status, changed_by FROM status_changes ORDER BY id")
    assert history[1:] == [("received", "Hoa Lê Thị"), ("received", "Nam")]


async def test_resident_who_asked_is_told_when_resolved_once(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    await officer.press("Đã giải quyết")  # asks for the result (tests/test_outcome.py)
    calls = await officer.press(VI("resolution_result_1"))
    assert sent(calls, "editMessageText")[0].text == VI(
        "resolved_done_told",
        code=code,
        result=VI("resolution_result_1"),
        who="Hoa Lê Thị",
        seconds=60,
    )
    assert await deliver(app) == []  # the notice waits out its window
    clock.advance(WINDOW)
    told = only_message(await deliver(app))
    assert told.params["chat_id"] == resident.chat
    assert told.text == VI("resident_resolved_with", code=code, result=VI("resolution_result_1"))
    assert told.buttons == [
        ["😊 Hài lòng", "🙁 Chưa hài lòng"],
        ["📋 Xem tình trạng"],
        ["🔕 Ngừng nhận trả lời"],
    ]
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    assert await deliver(app) == []


async def test_resident_who_did_not_ask_is_not_told(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await send_feedback(resident)
    await deliver(app)
    await officer.press("Không xử lý")
    await officer.press("Trùng với góp ý")
    clock.advance(WINDOW)
    assert await deliver(app) == []
    assert rows(app, "SELECT status FROM feedback") == [("rejected",)]


async def test_reply_reaches_a_resident_who_asked_in_the_committees_name(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    calls = await answer(
        officer, card.result["message_id"], "Đã báo điện lực, <sửa> tuần này", app, clock
    )
    delivered = [c for c in sent(calls) if c.params["chat_id"] == resident.chat]
    assert len(delivered) == 1
    assert delivered[0].text == "\n".join(
        [
            VI("resident_reply", code=code, committee=COMMITTEE_VI),
            "",
            "Đã báo điện lực, &lt;sửa&gt; tuần này",
        ]
    )
    assert delivered[0].buttons == [
        ["✍️ Bổ sung thông tin"],
        ["📋 Xem tình trạng"],
        ["🔕 Ngừng nhận trả lời"],
    ]
    assert "Hoa" not in delivered[0].text
    record = sent(calls, "editMessageText")[0]
    assert record.params["chat_id"] == STAFF_CHAT_ID
    assert record.text.startswith(
        VI("staff_answer_sent", code=code, who="Hoa Lê Thị", time="08:01 21/11/2026")
    )
    assert rows(app, "SELECT kind, author, delivery FROM responses") == [
        ("reply", "Hoa Lê Thị", "delivered")
    ]
    status = only_message(await resident.send(f"/status {code}"))
    assert "Đã báo điện lực, &lt;sửa&gt; tuần này" in status.text
    assert "Hoa" not in status.text


async def test_reply_without_opt_in_is_public_only(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    card = card_of(await deliver(app))
    calls = await answer(officer, card.result["message_id"], "Cảm ơn bà con", app, clock)
    assert [c.params["chat_id"] for c in sent(calls)] == []
    record = sent(calls, "editMessageText")[0]
    assert record.text.startswith(
        VI("staff_answer_public_only", code=code, who="Hoa Lê Thị", time="08:01 21/11/2026")
    )
    assert "Cảm ơn bà con" in only_message(await resident.send(f"/status {code}")).text


@pytest.mark.parametrize("prefix", ["/note", "#note", "/NOTE", "/note@homthu_test_bot"])
async def test_notes_stay_internal(
    resident: Person, officer: Person, app: HomThuApplication, prefix: str
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    calls = await officer.reply_to(card.result["message_id"], f"{prefix} gọi lại cho tổ trưởng")
    assert only_message(calls).text == VI("staff_note_saved", code=code)
    assert await deliver(app) == []
    assert rows(app, "SELECT kind, body FROM responses") == [("note", "gọi lại cho tổ trưởng")]
    assert "tổ trưởng" not in only_message(await resident.send(f"/status {code}")).text


async def test_replies_to_other_messages_are_ignored(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    await send_feedback(resident)
    await deliver(app)
    looked_up = only_message(await officer.send("/status AB-12345678"))
    assert await officer.reply_to(looked_up.result["message_id"], "không phải góp ý") == []
    assert rows(app, "SELECT COUNT(*) FROM responses") == [(0,)]


async def test_a_reply_with_only_a_sticker_gets_a_hint(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    await send_feedback(resident)
    card = card_of(await deliver(app))
    sticker = {
        "file_id": "s",
        "file_unique_id": "su",
        "type": "regular",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
    }
    calls = await officer.reply_to(card.result["message_id"], sticker=sticker)
    assert only_message(calls).text == VI("staff_reply_empty")
    calls = await officer.reply_to(card.result["message_id"], "/note   ")
    assert only_message(calls).text == VI("staff_reply_empty")


async def test_a_reply_to_deleted_feedback_says_so(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    await send_feedback(resident)
    card = card_of(await deliver(app))
    with sqlite3.connect(app.bot_data.database.path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DELETE FROM feedback")
    calls = await officer.reply_to(card.result["message_id"], "Trả lời")
    assert only_message(calls).text == VI("staff_feedback_gone")
    calls = await officer.press("Đã tiếp nhận")
    assert sent(calls, "answerCallbackQuery")[0].params["text"] == VI("staff_feedback_gone")


async def test_a_resident_who_blocked_the_bot_is_recorded_not_retried(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    api.fail_next(
        "sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=resident.chat
    )
    calls = await answer(officer, card.result["message_id"], "Trả lời", app, clock)
    notice = [c for c in sent(calls) if c.result is not None]
    assert [c.params["chat_id"] for c in notice] == [STAFF_CHAT_ID]
    assert notice[0].text == VI("staff_reply_blocked", code=code)
    assert rows(app, "SELECT delivery FROM responses") == [("blocked",)]
    assert await deliver(app) == []  # not retried


async def test_show_gives_staff_everything(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, photos=1)
    card = card_of(await deliver(app))
    await officer.press("Đã tiếp nhận")
    await officer.reply_to(card.result["message_id"], "#note kiểm tra hiện trường")
    await answer(officer, card.result["message_id"], "Đã ghi nhận", app, clock)
    calls = await officer.send(f"/show {code.lower()}")
    texts = [c.text for c in sent(calls)]
    assert f"Góp ý {code}" in texts[0]
    assert sent(calls)[0].buttons[:1] == [["✅ Đã tiếp nhận", "Đang xử lý"]]
    assert [c.params["photo"] for c in sent(calls, "sendPhoto")] == ["PHOTO-0"]
    assert "Đã tiếp nhận (Hoa Lê Thị)" in texts[-1]
    assert "kiểm tra hiện trường" in texts[-1]
    assert "ghi chú nội bộ" in texts[-1]
    assert "Đã ghi nhận" in texts[-1]
    # The card /show posted is live: a reply to it is a proposal about this feedback.
    shown_card = sent(calls)[0].result["message_id"]
    proposal = only_message(await officer.reply_to(shown_card, "Thêm một trả lời"))
    assert VI("proposal_answer", code=code, who="Hoa Lê Thị") in proposal.text


async def test_staff_commands_are_refused_outside_the_staff_group(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident)
    answer = only_message(await resident.send(f"/show {code}"))
    assert answer.text == VI("staff_only")
    admin = Person(app, api, user_id=ADMIN_ID, first_name="Quản trị")
    shown = await admin.send(f"/show {code}")
    assert f"Góp ý {code}" in sent(shown)[0].text


async def test_reply_channels_go_30_days_after_resolution(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    from bot.handlers.staff.cards import forget_old_reply_channels
    from bot.ptb.context import HomThuContext

    still_open = await send_feedback(resident, "Còn đang xử lý", replies=True)
    # The newest card's button is pressed: the second feedback is the resolved one.
    resolved = await send_feedback(resident, "Sẽ được giải quyết", replies=True)
    await deliver(app)
    message, data = officer.api.button(STAFF_CHAT_ID, "Đã giải quyết")
    assert data.startswith("st:")
    await officer.press_data(data, message.message_id)
    await officer.press(VI("resolution_result_1"))
    await deliver(app)
    context = HomThuContext(app)  # type: ignore[arg-type]
    clock.advance(timedelta(days=29))
    await forget_old_reply_channels(context)
    assert len(rows(app, "SELECT feedback_id FROM reply_channels")) == 2
    clock.advance(timedelta(days=2))
    await forget_old_reply_channels(context)
    kept = rows(
        app,
        "SELECT f.code FROM reply_channels r JOIN feedback f ON f.id = r.feedback_id",
    )
    assert kept == [(still_open,)]
    assert resolved != still_open


async def test_show_with_a_wrong_or_missing_code(officer: Person) -> None:
    assert only_message(await officer.send("/show")).text == VI("show_usage")
    assert only_message(await officer.send("/show 123")).text == VI("show_usage")
    answer = only_message(await officer.send("/show ZZ-00000000"))
    assert answer.text == VI("status_not_found", code="ZZ-00000000")


async def test_a_long_reply_reaches_the_resident_in_parts_in_order(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    long_reply = " ".join(f"từ{n}" for n in range(700))  # about 4,000 characters
    calls = await answer(officer, card.result["message_id"], long_reply, app, clock)
    parts = [c for c in calls if c.params.get("chat_id") == resident.chat]
    assert len(parts) >= 2
    assert all(len(p.text) <= 4096 for p in parts)
    words = " ".join(p.text for p in parts).split()
    numbered = [w for w in words if w.startswith("từ") and w[2:].isdigit()]
    assert numbered == [f"từ{n}" for n in range(700)]
    assert rows(app, "SELECT delivery FROM responses") == [("delivered",)]


async def test_status_and_show_split_a_long_reply(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    card = card_of(await deliver(app))
    long_reply = "<" + "ẅ" * 4090
    await answer(officer, card.result["message_id"], long_reply, app, clock)
    await officer.reply_to(card.result["message_id"], "#note sau câu trả lời dài")
    status = sent(await resident.send(f"/status {code}"))
    assert len(status) >= 2
    assert all(len(m.text) <= 4096 for m in status)
    assert "".join(m.text for m in status).count("ẅ") == 4090
    shown = sent(await officer.send(f"/show {code}"))
    assert "".join(m.text for m in shown[1:]).count("ẅ") == 4090
    assert "sau câu trả lời dài" in shown[-1].text


async def test_status_buttons_count_only_in_the_staff_group(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await send_feedback(resident)
    await deliver(app)
    _, data = api.button(STAFF_CHAT_ID, "Đã giải quyết")
    forged = await resident.press_data(data)
    assert sent(forged, "answerCallbackQuery")[0].params["text"] == VI("staff_only")
    admin = Person(app, api, user_id=ADMIN_ID, first_name="Quản trị")
    await admin.press_data(data)
    assert rows(app, "SELECT status FROM feedback") == [("new",)]
    assert rows(app, "SELECT COUNT(*) FROM status_changes") == [(1,)]


async def test_a_button_too_old_to_answer_still_takes_effect(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await send_feedback(resident)
    await deliver(app)
    api.fail_next(
        "answerCallbackQuery",
        400,
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
    )
    await officer.press("Đang xử lý")
    assert rows(app, "SELECT status FROM feedback") == [("in_progress",)]


async def test_help_in_the_staff_group_is_the_staff_guide(
    officer: Person, app: HomThuApplication
) -> None:
    guide = only_message(await officer.send("/help"))
    assert guide.params["chat_id"] == STAFF_CHAT_ID
    assert guide.text == VI("staff_help", seconds=app.bot_data.settings.undo_seconds)
    for command in ("/find", "/open", "/mine", "/show", "/report", "/note"):
        assert command in guide.text
