"""The resident's conversation through Application.process_update, step by step (SPEC §3)."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from datetime import timedelta
from typing import Any

import aiosqlite
import pytest

from bot.ptb.context import HomThuApplication
from core.rules.draft import MAX_CHARS
from tests.support import (
    DEFAULT_TOPIC_ROWS_VI,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
    drafts_on_disk,
)
from texts import Texts

VI = Texts("vi")
EN = Texts("en")
TOPIC_ROWS = DEFAULT_TOPIC_ROWS_VI
COMMITTEE = "Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn Cam Lộ"
WRITING_BUTTONS = [["👀 Xem lại và gửi"], ["❌ Hủy"]]
# Two short names share a row (issue 19, item 22).
OPEN_AREAS = [["Khu phố 3", "Thôn Tân Định"]]
CODE = re.compile(r"<code>([A-Z]{2}-[0-9A-Z]{8})</code>")


def sent(calls: list[Call], method: str = "sendMessage") -> list[Call]:
    """The calls of one method."""
    return [c for c in calls if c.method == method]


def only_message(calls: list[Call]) -> Call:
    """The one message sent."""
    messages = sent(calls)
    assert len(messages) == 1, [c.method for c in calls]
    return messages[0]


def rows(app: HomThuApplication, sql: str) -> list[tuple[object, ...]]:
    """Read the database file as another process would."""
    with sqlite3.connect(app.bot_data.database.path) as conn:
        return list(conn.execute(sql))


async def write_feedback(resident: Person, text: str = "Đèn đường hỏng ở ngõ 5") -> None:
    """Scan, pick a topic, write one message."""
    await resident.send("/start kp3")
    await resident.press("Đời sống")
    await resident.send(text)


async def submit(resident: Person, text: str = "Đèn đường hỏng ở ngõ 5") -> str:
    """The whole flow up to the receipt; returns the reference code."""
    await write_feedback(resident, text)
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    match = CODE.search(receipt.text)
    assert match, receipt.text
    return match.group(1)


# --- Arrival -------------------------------------------------------------------------


async def test_deep_link_greets_with_unit_area_promise_and_topics(resident: Person) -> None:
    greeting = only_message(await resident.send("/start kp3"))
    assert greeting.text == VI("greeting", committee=COMMITTEE, area="Khu phố 3")
    assert f"Hòm thư góp ý – {COMMITTEE}</b>" in greeting.text
    assert "ẩn danh" in greeting.text
    assert "không bao giờ thấy tên, tên người dùng hay tài khoản" in greeting.text
    # Short labels, two to a row, «Khác» last on its own.
    assert greeting.buttons == TOPIC_ROWS
    assert greeting.buttons[-1] == ["💬 Khác"]


async def test_bare_start_lists_open_areas(resident: Person) -> None:
    message = only_message(await resident.send("/start"))
    assert message.text == VI("choose_area", committee=COMMITTEE)
    assert message.buttons == OPEN_AREAS


async def test_areas_are_offered_in_natural_vietnamese_order_two_to_a_row(
    app: HomThuApplication, resident: Person
) -> None:
    # Issue 19, item 22: «Khu phố 10» came before «Khu phố 2», «Đông» after «Xóm».
    db = app.bot_data.database
    for code, name in (
        ("kp10", "Khu phố 10"),
        ("kp2", "Khu phố 2"),
        ("xom-moi", "Xóm Mới"),
        ("dong", "Đông Thanh"),
        ("ap", "Ấp Bình An"),
        ("an", "An Lạc"),
        ("binh", "Bình Hòa"),
        ("long", "Tổ dân phố Khóm Đông Lương số 4"),
    ):
        await db.areas.add(code, name)
    message = only_message(await resident.send("/start"))
    assert message.buttons == [
        ["An Lạc", "Ấp Bình An"],
        ["Bình Hòa", "Đông Thanh"],
        ["Khu phố 2", "Khu phố 3"],
        ["Khu phố 10", "Thôn Tân Định"],
        ["Tổ dân phố Khóm Đông Lương số 4"],
        ["Xóm Mới"],
    ]


async def test_unknown_area_code_lists_open_areas(resident: Person) -> None:
    message = only_message(await resident.send("/start kp404"))
    assert message.text == VI("unknown_area", code="kp404")
    assert message.buttons == OPEN_AREAS


async def test_closed_area_says_so_and_lists_open_areas(resident: Person) -> None:
    message = only_message(await resident.send("/start kp9"))
    assert message.text == (
        VI("closed_area", area="Khu phố 9") + "\n\n" + VI("closed_area_others")
    )
    assert message.buttons == OPEN_AREAS


async def test_malformed_codes_list_open_areas_without_echoing(resident: Person) -> None:
    for code in ("KP3", "a" * 33, "kp3'--", "khu_phố", "<b>x</b>"):
        message = only_message(await resident.send(f"/start {code}"))
        assert message.text == VI("malformed_area"), code
        assert message.buttons == OPEN_AREAS


async def test_area_button_starts_a_draft(resident: Person) -> None:
    await resident.send("/start")
    calls = await resident.press("Thôn Tân Định")
    assert sent(calls, "answerCallbackQuery")
    greeting = only_message(calls)
    assert greeting.text == VI("greeting", committee=COMMITTEE, area="Thôn Tân Định")
    assert greeting.buttons == TOPIC_ROWS


async def test_no_open_area_is_not_a_crash(resident: Person, app: HomThuApplication) -> None:
    for code in ("kp3", "thon-tan-dinh"):
        await app.bot_data.database.areas.set_open(code, False)
    message = only_message(await resident.send("/start"))
    assert message.text == VI("no_open_areas")
    assert message.buttons == []


# --- Topic and writing -----------------------------------------------------------------


async def test_topic_button_asks_for_the_text(resident: Person) -> None:
    await resident.send("/start kp3")
    calls = await resident.press("Đời sống")
    edited = sent(calls, "editMessageText")
    assert len(edited) == 1
    assert edited[0].text == VI("write_prompt", topic="Kinh tế, đời sống", max_photos=5)
    assert edited[0].buttons == []


async def test_each_message_gets_a_short_acknowledgement_with_the_buttons(
    resident: Person,
) -> None:
    await write_feedback(resident, "Một")
    ack = only_message(await resident.send("Hai"))
    assert (
        ack.text
        == VI("received")
        == "✅ Đã ghi nhận. Có thể viết thêm, hoặc bấm «Xem lại và gửi»."
    )
    assert ack.buttons == WRITING_BUTTONS


async def test_a_newer_acknowledgement_takes_the_buttons_off_the_older(
    resident: Person,
) -> None:
    await write_feedback(resident, "Một")
    first = only_message(await resident.send("Hai"))
    calls = await resident.send("Ba")
    cleared = sent(calls, "editMessageReplyMarkup")
    assert [(c.params["message_id"], c.buttons) for c in cleared] == [
        (first.result["message_id"], [])
    ]
    assert only_message(calls).buttons == WRITING_BUTTONS
    # What the resident sees: only the newest acknowledgement has buttons.
    with_buttons = [
        m
        for (chat, _), m in resident.api.messages.items()
        if chat == resident.chat and m.reply_markup
    ]
    assert len(with_buttons) == 1


async def test_counts_show_only_near_a_limit(resident: Person) -> None:
    await write_feedback(resident, "a" * 2900)
    ack = only_message(await resident.send("b" * 98))
    assert ack.text == VI("received") + "\n" + VI("received_chars_left", left=1000)
    for n in range(1, 4):
        assert only_message(await resident.send_photo(f"P{n}")).text == VI("received")
    assert only_message(await resident.send_photo("P4")).text == (
        VI("received") + "\n" + VI("received_photos_left", left=1)
    )
    assert only_message(await resident.send_photo("P5")).text == (
        VI("received") + "\n" + VI("received_photos_full", max_photos=5)
    )


async def test_text_before_a_topic_is_kept(resident: Person) -> None:
    await resident.send("/start kp3")
    ask = only_message(await resident.send("Rác thải chưa được thu gom"))
    assert ask.text == VI("kept_before_topic")
    assert ask.buttons == TOPIC_ROWS
    calls = await resident.press("Môi trường")
    prompt = sent(calls, "editMessageText")[0]
    assert prompt.text == VI("write_prompt_with_content", topic="Tài nguyên, môi trường")
    assert prompt.buttons == WRITING_BUTTONS


async def test_text_over_the_limit_is_refused_with_the_limit(resident: Person) -> None:
    await write_feedback(resident, "a" * 3990)
    refusal = only_message(await resident.send("b" * 20))
    assert refusal.text == VI("too_long", max_chars=4000, current=3990, incoming=20)
    # The refused message is not kept: exactly the limit still fits.
    ack = only_message(await resident.send("c" * (MAX_CHARS - 3990 - 2)))
    assert ack.text.endswith(VI("received_chars_left", left=0))


async def test_single_message_over_the_limit_is_refused(resident: Person) -> None:
    await resident.send("/start kp3")
    await resident.press("Khác")
    refusal = only_message(await resident.send("x" * 4001))
    assert refusal.text == VI("too_long", max_chars=4000, current=0, incoming=4001)


async def test_up_to_five_photos_then_a_refusal(resident: Person) -> None:
    await resident.send("/start kp3")
    await resident.press("Khác")
    for n in range(1, 6):
        ack = only_message(await resident.send_photo(f"P{n}"))
        assert ack.text.startswith(VI("received"))
    refusal = only_message(await resident.send_photo("P6", caption="không được lưu"))
    assert refusal.text == VI("too_many_photos", max_photos=5)
    await resident.press("Xem lại")
    code = only_message(await resident.press("Gửi")).text
    match = CODE.search(code)
    assert match
    feedback = await resident.app.bot_data.database.feedback.get_by_code(match.group(1))
    assert feedback.photo_file_ids == ("P1", "P2", "P3", "P4", "P5")
    assert "không được lưu" not in feedback.body


async def test_album_photos_share_one_edited_acknowledgement(resident: Person) -> None:
    await resident.send("/start kp3")
    await resident.press("Khác")
    first = await resident.send_photo("A1", caption="Ổ gà", album="album-1")
    assert len(sent(first)) == 1
    second = await resident.send_photo("A2", album="album-1")
    assert sent(second) == []
    edits = sent(second, "editMessageText")
    assert len(edits) == 1
    assert edits[0].params["message_id"] == sent(first)[0].result["message_id"]
    assert edits[0].text == VI("received")
    assert edits[0].buttons == WRITING_BUTTONS


async def test_refused_kinds_get_a_clear_message(resident: Person) -> None:
    await resident.send("/start kp3")
    await resident.press("Khác")
    voice = {"file_id": "v", "file_unique_id": "vu", "duration": 3}
    cases = {
        "voice": ({"voice": voice}, VI("voice_refused")),
        "sticker": (
            {
                "sticker": {
                    "file_id": "s",
                    "file_unique_id": "su",
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                }
            },
            VI("content_refused", kind=VI("kind_sticker"), max_photos=5),
        ),
        "video": (
            {
                "video": {
                    "file_id": "d",
                    "file_unique_id": "du",
                    "width": 1,
                    "height": 1,
                    "duration": 1,
                }
            },
            VI("content_refused", kind=VI("kind_video"), max_photos=5),
        ),
        "contact": (
            {"contact": {"phone_number": "+84900000000", "first_name": "A"}},
            VI("content_refused", kind=VI("kind_contact"), max_photos=5),
        ),
        "document": (
            {"document": {"file_id": "f", "file_unique_id": "fu", "file_name": "x.pdf"}},
            VI("content_refused", kind=VI("kind_document"), max_photos=5),
        ),
    }
    for name, (content, expected) in cases.items():
        answer = only_message(await resident.send_content(**content))
        assert answer.text == expected, name
    assert "giọng nói có thể cho biết người gửi là ai" in VI("voice_refused")
    assert "micro trên bàn phím" in VI("voice_refused")
    # The draft is untouched and the resident can still go on.
    ack = only_message(await resident.send("Vẫn viết tiếp được"))
    assert ack.text == VI("received")


# --- Preview ---------------------------------------------------------------------------


async def test_preview_shows_the_staff_card_and_its_three_buttons(resident: Person) -> None:
    await write_feedback(resident, "Đèn đường hỏng")
    await resident.send_photo("PH1", caption="Ảnh chụp tối qua")
    calls = await resident.press("Xem lại")
    assert [c.params["photo"] for c in sent(calls, "sendPhoto")] == ["PH1"]
    preview = only_message(calls)
    assert "Khu vực: Khu phố 3" in preview.text
    assert "Lĩnh vực: Kinh tế, đời sống" in preview.text
    assert "Đèn đường hỏng\n\nẢnh chụp tối qua" in preview.text
    assert "Kèm 1 ảnh" in preview.text
    assert preview.buttons == [[VI("btn_send")], [VI("btn_edit"), VI("btn_cancel")]]


async def test_preview_of_an_empty_draft_is_refused(resident: Person) -> None:
    await resident.send("/start kp3")
    await resident.press("Khác")
    await resident.send("   ")
    # Blank text is not content; the prompt message has no preview button yet, so press
    # the callback the way an old client would.
    calls = await resident.press_data("draft:preview")
    answers = sent(calls, "answerCallbackQuery")
    assert answers[0].params["text"] == VI("empty_draft")
    assert sent(calls) == []


async def test_album_preview_uses_one_media_group(resident: Person) -> None:
    await resident.send("/start kp3")
    await resident.press("Khác")
    await resident.send_photo("M1", album="g")
    await resident.send_photo("M2", album="g")
    calls = await resident.press("Xem lại")
    groups = sent(calls, "sendMediaGroup")
    assert len(groups) == 1


async def test_long_feedback_preview_is_split_under_telegram_limit(resident: Person) -> None:
    await write_feedback(resident, "ẅ" * 4000)
    calls = await resident.press("Xem lại")
    messages = sent(calls)
    assert len(messages) >= 2
    assert all(len(m.text) <= 4096 for m in messages)
    assert "".join(m.text for m in messages).count("ẅ") == 4000
    assert messages[-1].buttons[0] == ["✅ Gửi"]


async def test_the_receipt_asks_plainly_whether_to_deliver_answers_here(
    resident: Person, app: HomThuApplication
) -> None:
    """SPEC §3.5: the receipt asks, «Nhận trả lời» or «Không»; until yes, answers stay
    public only (read with the code)."""
    code = await submit(resident)
    receipt = resident.api.button(resident.chat, "Nhận trả lời")[0]
    assert receipt.reply_markup is not None
    labels = [[b["text"] for b in row] for row in receipt.reply_markup["inline_keyboard"]]
    assert labels == [["🔔 Nhận trả lời tại đây", "Không, cảm ơn"], ["📋 Xem tình trạng"]]
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(0,)]
    calls = await resident.press("Nhận trả lời")
    assert sent(calls, "answerCallbackQuery")[0].params["text"] == VI("toast_receive_on")
    # The receipt itself now says so, and asks nothing more (issue 19, item 23).
    (edited,) = sent(calls, "editMessageText")
    assert edited.text == "\n\n".join([VI.with_html("sent_code", code=code), VI("sent_receiving")])
    assert edited.buttons == [
        [VI("btn_add_more")],
        [VI("btn_stop_receiving")],
        [VI("btn_see_status")],
    ]
    assert sent(calls) == []
    (sealed, key) = rows(app, "SELECT sealed_chat, chat_key FROM reply_channels")[0]
    anonymizer = app.bot_data.anonymizer
    assert anonymizer.open_channel(bytes(sealed), code) == (resident.chat, "vi")  # type: ignore[arg-type]
    assert key == anonymizer.channel_key(resident.chat, code)
    # Asking twice is one channel; «Không» afterwards deletes it (issue 19, item 5).
    await resident.press_data(f"fb:rx:{code}", receipt.message_id)
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(1,)]
    await resident.press_data(f"fb:no:{code}", receipt.message_id)
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(0,)]


async def test_no_thanks_keeps_answers_public_only(
    resident: Person, app: HomThuApplication
) -> None:
    code = await submit(resident)
    calls = await resident.press("Không, cảm ơn")
    (edited,) = sent(calls, "editMessageText")
    assert edited.text == "\n\n".join(
        [VI.with_html("sent_code", code=code), VI("sent_not_receiving")]
    )
    assert edited.buttons == [
        [VI("btn_add_more")],
        [VI("btn_receive")],
        [VI("btn_see_status")],
    ]
    assert sent(calls) == []
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(0,)]


async def test_change_offers_to_write_more_or_start_over(resident: Person) -> None:
    await write_feedback(resident, "Bản nháp")
    await resident.send_photo("PH1")
    await resident.press("Xem lại")
    calls = await resident.press("Sửa")
    choice = only_message(calls)
    assert choice.text == VI("edit_choice")
    assert choice.buttons == [
        ["✍️ Viết thêm (giữ nội dung cũ)"],
        ["🗑 Viết lại từ đầu"],
        ["↩️ Quay lại"],
    ]
    # The preview's buttons go: one set of buttons at a time.
    assert sent(calls, "editMessageReplyMarkup")[0].buttons == []
    prompt = sent(await resident.press("Viết thêm"), "editMessageText")[0]
    assert prompt.text == VI("edit_more_prompt")
    assert prompt.buttons == WRITING_BUTTONS
    await resident.send("và thêm ý này")
    preview = only_message(await resident.press("Xem lại"))
    assert "Bản nháp\n\nvà thêm ý này" in preview.text
    assert "Kèm 1 ảnh" in preview.text


async def test_going_back_from_change_shows_the_same_preview(resident: Person) -> None:
    await write_feedback(resident, "Không đổi gì")
    first = only_message(await resident.press("Xem lại"))
    await resident.press("Sửa")
    again = only_message(await resident.press("Quay lại"))
    assert again.text == first.text
    assert again.buttons == first.buttons


async def test_start_over_asks_first_then_clears_text_and_keeps_topic(resident: Person) -> None:
    await write_feedback(resident, "Bản nháp sai")
    await resident.send_content(location={"latitude": 16.81, "longitude": 107.1})
    await resident.press("Xem lại")
    await resident.press("Sửa")
    question = sent(await resident.press("Viết lại từ đầu"), "editMessageText")[0]
    assert question.text == VI("edit_over_confirm")
    assert question.buttons == [["🗑 Xóa và viết lại"], ["↩️ Không, giữ lại"]]
    kept = only_message(await resident.press("Không, giữ lại"))
    assert "Bản nháp sai" in kept.text
    await resident.press("Sửa")
    await resident.press("Viết lại từ đầu")
    prompt = sent(await resident.press("Xóa và viết lại"), "editMessageText")[0]
    assert prompt.text == VI("edit_prompt", topic="Kinh tế, đời sống")
    assert prompt.buttons == []
    await resident.send("Bản đúng")
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    match = CODE.search(receipt.text)
    assert match
    feedback = await resident.app.bot_data.database.feedback.get_by_code(match.group(1))
    assert feedback.body == "Bản đúng"
    assert feedback.topic.name_vi == "Kinh tế, đời sống"
    assert feedback.location is None


async def test_cancel_button_discards_the_draft(resident: Person, app: HomThuApplication) -> None:
    await write_feedback(resident)
    await resident.press("Xem lại")
    assert only_message(await resident.press("Hủy")).text == VI("cancel_confirm")
    message = only_message(await resident.press("Bỏ góp ý"))
    assert message.text == VI("cancelled")
    assert rows(app, "SELECT COUNT(*) FROM feedback") == [(0,)]
    assert rows(app, "SELECT COUNT(*) FROM resident_drafts") == [(0,)]
    assert rows(app, "SELECT COUNT(*) FROM conversation_states") == [(0,)]


async def test_cancel_command_at_any_step(resident: Person, app: HomThuApplication) -> None:
    await resident.send("/start kp3")
    assert only_message(await resident.send("/cancel")).text == VI("cancelled")
    await write_feedback(resident)
    # With something written, it asks first (SPEC §3.7).
    assert only_message(await resident.send("/cancel")).text == VI("cancel_confirm")
    assert only_message(await resident.press("Bỏ góp ý")).text == VI("cancelled")
    assert only_message(await resident.send("/cancel")).text == VI("nothing_to_cancel")
    assert rows(app, "SELECT COUNT(*) FROM resident_drafts") == [(0,)]
    assert rows(app, "SELECT COUNT(*) FROM conversation_states") == [(0,)]


# --- Sent ------------------------------------------------------------------------------


async def test_send_stores_in_one_go_and_gives_the_receipt(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Đèn đường hỏng")
    await resident.send_photo("PH1")
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    match = CODE.search(receipt.text)
    assert match
    code = match.group(1)
    assert receipt.text == VI.with_html("sent", code=code)
    await resident.press("Nhận trả lời")
    assert f"/status {code}" in receipt.text
    feedback = await app.bot_data.database.feedback.get_by_code(code)
    assert feedback.body == "Đèn đường hỏng"
    assert feedback.photo_file_ids == ("PH1",)
    assert feedback.area.code == "kp3"
    assert feedback.status.value == "new"
    assert feedback.wants_replies
    assert rows(app, "SELECT kind, payload FROM outbox") == [("notify_staff", "{}")]
    sealed = rows(app, "SELECT sealed_chat FROM reply_channels")[0][0]
    assert isinstance(sealed, bytes)
    assert app.bot_data.anonymizer.open_channel(sealed, code) == (resident.chat, "vi")
    assert rows(app, "SELECT COUNT(*) FROM resident_drafts") == [(0,)]
    assert rows(app, "SELECT COUNT(*) FROM conversation_states") == [(0,)]


async def test_no_reply_channel_unless_asked(resident: Person, app: HomThuApplication) -> None:
    code = await submit(resident)
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(0,)]
    feedback = await app.bot_data.database.feedback.get_by_code(code)
    assert not feedback.wants_replies


async def test_pressing_send_twice_stores_one_feedback(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident)
    await resident.press("Xem lại")
    message, data = resident.api.button(resident.chat, "Gửi")
    first = only_message(await resident.press_data(data, message.message_id))
    code = CODE.search(first.text)
    assert code
    # The second press of the same button (a double tap) stores nothing more and answers
    # with the same receipt.
    again = only_message(await resident.press_data(data, message.message_id))
    assert again.text == first.text
    assert code.group(1) in again.text
    assert rows(app, "SELECT COUNT(*) FROM feedback") == [(1,)]
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE kind = 'notify_staff'") == [(1,)]


async def test_the_send_button_of_an_earlier_draft_does_not_send_the_new_one(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Góp ý thứ nhất")
    await resident.press("Xem lại")
    old_preview, old_send = resident.api.button(resident.chat, "Gửi")
    receipt = only_message(await resident.press_data(old_send, old_preview.message_id))
    code = CODE.search(receipt.text)
    assert code
    await write_feedback(resident, "Góp ý thứ hai, chưa muốn gửi")
    await resident.press("Xem lại")
    # The first preview's send button, pressed again while the second draft is previewed.
    again = only_message(await resident.press_data(old_send, old_preview.message_id))
    assert code.group(1) in again.text
    assert rows(app, "SELECT body FROM feedback") == [("Góp ý thứ nhất",)]
    # The second draft is still there, and its own button sends it.
    second = only_message(await resident.press("Gửi"))
    assert CODE.search(second.text)
    assert code.group(1) not in second.text
    assert rows(app, "SELECT body FROM feedback ORDER BY id") == [
        ("Góp ý thứ nhất",),
        ("Góp ý thứ hai, chưa muốn gửi",),
    ]


async def test_codes_are_unique_across_feedbacks(resident: Person) -> None:
    codes = {await submit(resident, f"Góp ý số {n}") for n in range(5)}
    assert len(codes) == 5


async def test_tricky_text_is_stored_byte_exact_and_escaped_for_display(
    resident: Person, app: HomThuApplication
) -> None:
    tricky = (
        "<b>đậm</b> *in* _nghiêng_ `mã` [link](http://x) '); DROP TABLE feedback; --"
        " 👨‍👩‍👧‍👦 👍🏽 Hu\u0300ng vs Hừng"
    )
    await write_feedback(resident, tricky)
    preview = only_message(await resident.press("Xem lại"))
    assert "&lt;b&gt;đậm&lt;/b&gt;" in preview.text
    assert "<b>đậm</b>" not in preview.text
    receipt = only_message(await resident.press("Gửi"))
    match = CODE.search(receipt.text)
    assert match
    # Exact but for Unicode composition: stored in NFC (SPEC §3.3), so that «Hùng» typed
    # with a combining mark is the «Hùng» staff search for.
    stored = tricky.replace("Hu\u0300ng", "Hùng")
    assert rows(app, "SELECT body FROM feedback") == [(stored,)]
    feedback = await app.bot_data.database.feedback.get_by_code(match.group(1))
    assert feedback.body.encode() == stored.encode()


async def test_feedback_rate_limit_keeps_the_draft(
    resident: Person, app: HomThuApplication
) -> None:
    limit = app.bot_data.feedback_limit.limit
    for n in range(limit):
        await submit(resident, f"Góp ý {n}")
    await write_feedback(resident, "Một góp ý nữa")
    await resident.press("Xem lại")
    calls = await resident.press("Gửi")
    answer = sent(calls, "answerCallbackQuery")[0]
    assert answer.params["text"] == VI("feedback_rate_limited", limit=limit)
    assert rows(app, "SELECT COUNT(*) FROM feedback") == [(limit,)]
    # Still in the preview: the draft waits.
    assert rows(app, "SELECT COUNT(*) FROM resident_drafts") == [(1,)]


async def test_area_closed_before_send_keeps_the_text(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Giữ lại nội dung này")
    await resident.press("Xem lại")
    await app.bot_data.database.areas.set_open("kp3", False)
    message = only_message(await resident.press("Gửi"))
    assert message.text == VI("send_failed_area_closed")
    assert message.buttons == [["Thôn Tân Định"]]
    await resident.press("Thôn Tân Định")
    await resident.press("Khác")
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    match = CODE.search(receipt.text)
    assert match
    feedback = await app.bot_data.database.feedback.get_by_code(match.group(1))
    assert feedback.area.code == "thon-tan-dinh"
    assert feedback.body == "Giữ lại nội dung này"


# --- Bad input -------------------------------------------------------------------------


async def test_unparseable_callback_data_is_answered(resident: Person) -> None:
    for data in ("garbage", "topic:abc", "topic:999", "draft:nope", "x" * 64):
        calls = await resident.press_data(data)
        answers = sent(calls, "answerCallbackQuery")
        assert len(answers) == 1, data
        # Said in the chat too, not only in a toast (issue 19, item 23).
        assert [c.text for c in sent(calls)] == [VI("stale_button_message")], data
    # An area button with no code is a malformed deep link: the areas are offered again.
    offer = only_message(await resident.press_data("area:"))
    assert offer.text == VI("malformed_area")
    assert offer.buttons == OPEN_AREAS
    await resident.send("/start kp3")
    for data in ("topic:abc", "topic:999", "topic:-1"):
        calls = await resident.press_data(data)
        assert sent(calls, "answerCallbackQuery")[0].params["text"] == VI("stale_button")


async def test_messages_in_other_groups_are_ignored(
    app: HomThuApplication, api: RecordingBotAPI
) -> None:
    stranger = Person(app, api, user_id=5555, chat_id=-100999)
    assert await stranger.send("/start kp3") == []
    assert await stranger.send("xin chào") == []
    assert await stranger.send("/status AB-12345678") == []
    assert await stranger.press_data("area:kp3") == []


async def test_an_edited_message_changes_its_part_of_the_draft(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Bản gốc")
    await resident.send("Câu thứ hai")
    # /start kp3 was message 1; "Bản gốc" is message 2.
    answer = only_message(await resident.edit(2, "Bản đã sửa"))
    assert answer.text == VI("edited_updated")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Bản đã sửa", "Câu thứ hai"]
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    assert CODE.search(receipt.text)
    assert rows(app, "SELECT body FROM feedback") == [("Bản đã sửa\n\nCâu thứ hai",)]


async def test_an_edit_that_would_pass_the_limit_keeps_the_old_text(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Ngắn")
    await resident.send("x" * 3900)
    answer = only_message(await resident.edit(2, "y" * 200))
    assert answer.text == VI("edited_too_long", max_chars=4000)
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"][0] == "Ngắn"


async def test_an_edit_of_a_message_from_before_the_draft_changes_nothing(
    resident: Person, app: HomThuApplication
) -> None:
    await resident.send("Một tin trước khi góp ý")
    await write_feedback(resident, "Nội dung góp ý")
    answer = only_message(await resident.edit(1, "Sửa tin cũ"))
    assert answer.text == VI("edited_not_in_draft")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Nội dung góp ý"]
    # With no draft at all, the same answer.
    await resident.send("/cancel")
    await resident.press("Bỏ góp ý")
    assert only_message(await resident.edit(1, "Sửa lần nữa")).text == VI("edited_not_in_draft")


async def test_a_photo_caption_added_by_an_edit_joins_the_draft(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Trước ảnh")
    await resident.send_photo("PH1")
    await resident.send("Sau ảnh")
    edited = await resident.edit_content(
        3,
        photo=[{"file_id": "PH1", "file_unique_id": "u1", "width": 1, "height": 1}],
        caption="Chú thích ảnh",
    )
    assert only_message(edited).text == VI("edited_updated")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Trước ảnh", "Chú thích ảnh", "Sau ảnh"]


async def test_second_start_asks_before_discarding(resident: Person) -> None:
    await write_feedback(resident, "Đang viết dở")
    question = only_message(await resident.send("/start thon-tan-dinh"))
    assert question.text == VI("restart_confirm")
    assert question.buttons == [["🗑 Bỏ và bắt đầu lại"], ["↩️ Viết tiếp góp ý đang dở"]]
    resumed = only_message(await resident.press("Viết tiếp"))
    assert resumed.text == VI("write_prompt_with_content", topic="Kinh tế, đời sống")
    await resident.send("/start thon-tan-dinh")
    greeting = only_message(await resident.press("Bỏ và bắt đầu lại"))
    assert greeting.text == VI("greeting", committee=COMMITTEE, area="Thôn Tân Định")


async def test_second_start_without_content_just_restarts(resident: Person) -> None:
    await resident.send("/start kp3")
    greeting = only_message(await resident.send("/start thon-tan-dinh"))
    assert greeting.text == VI("greeting", committee=COMMITTEE, area="Thôn Tân Định")


async def test_outside_a_draft_text_gets_the_areas(resident: Person) -> None:
    message = only_message(await resident.send("Xin chào"))
    assert message.text == VI("outside_draft_unsent")
    assert message.buttons == OPEN_AREAS


async def test_unknown_command_gets_help(resident: Person) -> None:
    message = only_message(await resident.send("/whatever"))
    assert message.text == VI("help", committee=COMMITTEE, max_photos=5)


async def test_a_failing_handler_answers_politely_and_keeps_the_draft(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Không được mất")
    resident.api.fail_next("sendMessage", 400, "Bad Request: message is too long")
    calls = await resident.send("thêm")
    # The acknowledgement failed; the error handler answered instead.
    assert [c.result is None for c in sent(calls)] == [True, False]
    assert sent(calls)[1].text == VI("error")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Không được mất", "thêm"]
    assert only_message(await resident.send("nữa")).text == VI("received")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Không được mất", "thêm", "nữa"]


# --- Idle drafts -----------------------------------------------------------------------


async def test_an_idle_draft_gives_way_to_a_new_one_for_the_same_area(
    resident: Person, clock: FrozenClock, app: HomThuApplication
) -> None:
    """SPEC §3.7: after DRAFT_IDLE_HOURS (24 by default) the draft is gone; what was just
    typed starts the new draft, for the same area."""
    await write_feedback(resident, "Viết từ hôm qua")
    clock.advance(timedelta(hours=24, minutes=1))
    calls = await resident.send("Tôi quay lại rồi")
    texts = [c.text for c in sent(calls)]
    assert texts == [
        VI("draft_expired", hours=24),
        VI("draft_expired_kept", area="Khu phố 3"),
    ]
    assert sent(calls)[1].buttons == TOPIC_ROWS
    await resident.press("Đời sống")
    preview = only_message(await resident.press("Xem lại"))
    assert "Tôi quay lại rồi" in preview.text
    assert "Viết từ hôm qua" not in preview.text
    assert "Khu vực: Khu phố 3" in preview.text


async def test_a_button_of_an_idle_draft_offers_the_same_area_first(
    resident: Person, clock: FrozenClock, app: HomThuApplication
) -> None:
    await write_feedback(resident)
    clock.advance(timedelta(hours=25))
    calls = await resident.press("Xem lại")
    texts = [c.text for c in sent(calls)]
    assert texts == [
        VI("draft_expired", hours=24),
        VI("draft_expired_same_area", area="Khu phố 3"),
    ]
    assert sent(calls)[1].buttons == [["✍️ Góp ý cho Khu phố 3"], ["Thôn Tân Định"]]
    assert rows(app, "SELECT COUNT(*) FROM resident_drafts") == [(0,)]
    greeting = only_message(await resident.press("Góp ý cho Khu phố 3"))
    assert greeting.text == VI("greeting", committee=COMMITTEE, area="Khu phố 3")


async def test_draft_touched_within_the_limit_survives(
    resident: Person, clock: FrozenClock
) -> None:
    await write_feedback(resident)
    for _ in range(3):
        clock.advance(timedelta(hours=23))
        ack = only_message(await resident.send("thêm"))
        assert ack.text == VI("received")


async def test_each_step_commits_what_it_changed_once(
    resident: Person, app: HomThuApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One atomic write per step, a transaction or a single statement (the text step's
    draft is kept before it is acknowledged, and the flush after it finds nothing new);
    «Gửi» adds the feedback's own. Rows written: what changed, not what the previous update
    touched."""
    database = app.bot_data.database
    written: list[int] = []
    for name in ("transaction", "single_write"):
        opened = getattr(database, name)

        @contextlib.asynccontextmanager
        async def counted(
            opened: Callable[[], AbstractAsyncContextManager[aiosqlite.Connection]] = opened,
        ) -> AsyncIterator[aiosqlite.Connection]:
            written[-1] += 1
            async with opened() as conn:
                yield conn

        monkeypatch.setattr(database, name, counted)
    steps = [
        lambda: resident.send("/start kp3"),
        lambda: resident.press("Đời sống"),
        lambda: resident.send("Đèn đường hỏng ở ngõ 5"),
        lambda: resident.send("Tối nào cũng tắt"),
        lambda: resident.press("Xem lại"),
        lambda: resident.press("Gửi"),
    ]
    for step in steps:
        written.append(0)
        await step()
    assert written == [1, 1, 1, 1, 1, 2]
    assert drafts_on_disk(app) == {}


async def test_a_steps_flush_hands_persistence_its_own_resident_only(
    resident: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two residents writing in turns: each update's flush writes its own resident's draft
    and conversation, never the previous update's resident (whom PTB marks after the last
    handler group), and the finished resident's empty draft is not kept in memory."""
    other = Person(app, api, user_id=123123123, first_name="Lan")
    persistence = app.bot_data.persistence
    handed: list[int] = []
    for name in ("update_user_data", "drop_user_data"):
        original = getattr(persistence, name)

        async def spy(user_id: int, *args: object, original: Any = original) -> None:
            handed.append(user_id)
            await original(user_id, *args)

        monkeypatch.setattr(persistence, name, spy)
    original_state = persistence.update_conversation

    async def state_spy(name: str, key: Any, new_state: object | None) -> None:
        handed.append(int(key[1]))
        await original_state(name, key, new_state)

    monkeypatch.setattr(persistence, "update_conversation", state_spy)
    steps = [
        (resident, lambda: resident.send("/start kp3")),
        (other, lambda: other.send("/start kp3")),
        (resident, lambda: resident.press("Đời sống")),
        (other, lambda: other.press("Đời sống")),
        (resident, lambda: resident.send("Đèn đường hỏng ở ngõ 5")),
        (other, lambda: other.send("Rác chưa được thu")),
        (resident, lambda: resident.press("Xem lại")),
        (other, lambda: other.press("Xem lại")),
        (resident, lambda: resident.press("Gửi")),
        (other, lambda: other.press("Gửi")),
    ]
    for person, step in steps:
        handed.clear()
        await step()
        assert handed, person.user_id
        assert set(handed) == {person.user_id}, (person.user_id, handed)
    assert drafts_on_disk(app) == {}
    assert resident.user_id not in app.user_data
    assert other.user_id not in app.user_data
