"""The resident's follow-up after sending (issue 19, items 5, 9, 16, 23, 24): saying no to
answers and stopping them later, additions collected like a draft, a stray text after an
answer, the receipt after «Nhận trả lời», stale buttons, the poster's first step, and the
limits on looking codes up and attaching reply channels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.ptb.context import HomThuApplication
from tests.support import (
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
    make_settings,
    running_bot,
)
from tests.test_intake import only_message, rows, sent
from tests.test_staff import WINDOW, card_of, deliver, send_feedback
from texts import Texts

VI = Texts("vi")
ANSWER = "Điện lực đã thay bóng đèn ngõ 5 sáng nay."
LATER = "Điện lực hẹn kiểm tra lại toàn tuyến vào thứ Hai."


@pytest.fixture
def everything(api: RecordingBotAPI) -> Iterator[list[Call]]:
    """Every request Telegram accepted during the test, wherever it went."""
    seen: list[Call] = []
    api.on_accept.append(seen.append)
    yield seen
    api.on_accept.remove(seen.append)


def flat(buttons: list[list[str]]) -> list[str]:
    """Button labels, row after row."""
    return [label for row in buttons for label in row]


def to_chat(calls: list[Call], chat: int) -> list[Call]:
    """The messages sent to one chat."""
    posted = ("sendMessage", "sendPhoto", "sendMediaGroup")
    return [c for c in calls if c.method in posted and int(c.params["chat_id"]) == chat]


def toast(calls: list[Call]) -> str:
    """What the one answer to a button press said."""
    answers = sent(calls, "answerCallbackQuery")
    assert len(answers) == 1, [c.method for c in calls]
    return str(answers[0].params.get("text") or "")


def stranger(app: HomThuApplication, api: RecordingBotAPI, user_id: int = 55501) -> Person:
    """Someone else who holds the code (it was shown to them, or guessed)."""
    return Person(app, api, user_id=user_id, first_name="Khách", last_name=None, username=None)


async def answer_sent(
    app: HomThuApplication, officer: Person, clock: FrozenClock, card: Call, text: str
) -> list[Call]:
    """An officer answers under the card; the window passes; what the outbox then sends."""
    await officer.reply_to(card.result["message_id"], text)
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    return await deliver(app)


def receipt_buttons(api: RecordingBotAPI, resident: Person) -> tuple[int, str, str]:
    """The receipt's id and the data of its «Nhận trả lời» and «Không, cảm ơn» buttons."""
    receipt, receive = api.button(resident.chat, "Nhận trả lời")
    _, decline = api.button(resident.chat, VI("btn_no_receive"))
    return receipt.message_id, receive, decline


# --- 5. «Không» deletes the reply channel; answers can be stopped later -------------------------


async def test_no_after_yes_on_the_same_receipt_deletes_the_reply_channel(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code = await send_feedback(resident)
    card = card_of(await deliver(app))
    receipt, receive, decline = receipt_buttons(api, resident)
    await resident.press_data(receive, receipt)
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(1,)]
    # A double tap, or the «Không» of the same receipt pressed a moment later.
    calls = await resident.press_data(decline, receipt)
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(0,)]
    told = "\n".join(c.text for c in calls if c.method in ("sendMessage", "editMessageText"))
    assert "sẽ không được gửi đến đây" in told
    # The answer is public on /status, and does not come to the chat.
    delivered = await answer_sent(app, officer, clock, card, ANSWER)
    assert to_chat(delivered, resident.chat) == []
    assert ANSWER in "\n".join(c.text for c in sent(await resident.send(code)))


async def test_every_answer_has_a_stop_button_that_stops_the_next_ones(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    (first,) = to_chat(await answer_sent(app, officer, clock, card, ANSWER), resident.chat)
    assert VI("btn_stop_receiving") in flat(first.buttons)

    calls = await resident.press(VI("btn_stop_receiving"))
    assert toast(calls) == VI("toast_receiving_stopped")
    assert only_message(calls).text == VI("receiving_stopped", code=code)
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(0,)]
    assert to_chat(await answer_sent(app, officer, clock, card, LATER), resident.chat) == []
    # It can be turned on again from /status.
    status = only_message(await resident.send(f"/status {code}"))
    assert any("Nhận trả lời" in label for label in flat(status.buttons))


async def test_status_offers_stop_only_in_the_attached_chat_and_nowhere_else_it_works(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    mine = only_message(await resident.send(f"/status {code}"))
    assert VI("btn_stop_receiving") in flat(mine.buttons)
    assert not any("Nhận trả lời" in label for label in flat(mine.buttons))
    _, stop = api.button(resident.chat, VI("btn_stop_receiving"))

    other = stranger(app, api)
    theirs = only_message(await other.send(f"/status {code}"))
    assert VI("btn_stop_receiving") not in flat(theirs.buttons)
    # The stop button's data pressed from another chat removes nothing.
    calls = await other.press_data(stop, theirs.result["message_id"])
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(1,)]
    assert "không được gửi đến cuộc trò chuyện này" in toast(calls) + "".join(
        c.text for c in sent(calls)
    )
    (reached,) = to_chat(await answer_sent(app, officer, clock, card, ANSWER), resident.chat)
    assert ANSWER in reached.text

    # From the attached chat, /status's button stops it.
    await resident.send(f"/status {code}")
    await resident.press(VI("btn_stop_receiving"))
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(0,)]


# --- 23. the receipt after «Nhận trả lời»; stale buttons; the poster --------------------------


async def test_after_yes_the_receipt_says_answers_come_here_and_asks_nothing(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident)
    receipt, receive, _ = receipt_buttons(api, resident)
    calls = await resident.press_data(receive, receipt)
    assert toast(calls) == VI("toast_receive_on")
    shown = api.messages[(resident.chat, receipt)]
    assert "Có muốn nhận trả lời" not in shown.text
    assert code in shown.text
    assert "sẽ được gửi đến cuộc trò chuyện này" in shown.text
    labels = flat([[b["text"] for b in row] for row in shown.reply_markup["inline_keyboard"]])
    assert VI("btn_receive") not in labels
    assert VI("btn_no_receive") not in labels
    assert VI("btn_stop_receiving") in labels
    assert VI("btn_see_status") in labels


async def test_after_no_the_receipt_says_so_and_offers_to_change_it(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident)
    receipt, _, decline = receipt_buttons(api, resident)
    await resident.press_data(decline, receipt)
    shown = api.messages[(resident.chat, receipt)]
    assert "Có muốn nhận trả lời" not in shown.text
    assert code in shown.text
    assert "sẽ không được gửi đến đây" in shown.text
    labels = flat([[b["text"] for b in row] for row in shown.reply_markup["inline_keyboard"]])
    assert VI("btn_no_receive") not in labels
    assert VI("btn_receive") in labels


async def test_a_stale_button_is_answered_with_a_message_in_the_residents_chat(
    resident: Person, officer: Person
) -> None:
    # A preview's button after the draft ended, an unknown button, an old topic.
    for data in ("draft:preview", "fb:zz:GY-7Q2K9M4T", "garbage"):
        calls = await resident.press_data(data)
        assert toast(calls) == VI("stale_button"), data
        assert only_message(calls).text == VI("stale_button_message"), data
    # In the staff group a toast is enough: nobody there is left waiting.
    calls = await officer.press_data("garbage")
    assert sent(calls) == []


def test_the_poster_says_to_scan_with_the_phones_camera() -> None:
    from qr.poster import STEPS

    assert STEPS[0] == (
        "Quét mã QR bằng camera điện thoại",
        "Scan the QR code with the phone's camera",
    )


# --- 24. limits on looking codes up with «Bổ sung» and on attaching reply channels ----------


async def test_forged_bo_sung_presses_count_with_status_look_ups(
    resident: Person, app: HomThuApplication
) -> None:
    answers = [toast(await resident.press_data(f"fb:add:GY-{n:08d}")) for n in range(30)]
    assert answers == [VI("status_not_found_short")] * 30
    calls = await resident.press_data("fb:add:GY-00000099")
    assert toast(calls) == VI("status_rate_limited")
    # The same budget as /status: a look-up now is refused too.
    assert only_message(await resident.send("/status GY-00000001")).text == VI(
        "status_rate_limited"
    )


async def test_attaching_reply_channels_is_limited_per_resident(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident)
    other = stranger(app, api)
    shown = only_message(await other.send(code)).result["message_id"]
    limit = app.bot_data.settings.feedback_per_hour
    answers = [toast(await other.press_data(f"fb:rx:{code}", shown)) for _ in range(limit)]
    assert answers == [VI("toast_receive_on")] * limit
    assert toast(await other.press_data(f"fb:rx:{code}", shown)) == VI("receive_rate_limited")
    # A guessed code counts too, and the resident's own receipt is not held back by it.
    assert toast(await other.press_data("fb:rx:GY-00000001", shown)) == VI("receive_rate_limited")
    receipt, receive, _ = receipt_buttons(api, resident)
    assert toast(await resident.press_data(receive, receipt)) == VI("toast_receive_on")


async def test_strangers_holding_the_code_cannot_lock_the_sender_out_of_answers(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
    everything: list[Call],
) -> None:
    code = await send_feedback(resident)
    card = card_of(await deliver(app))
    receipt, receive, _ = receipt_buttons(api, resident)
    strangers = [stranger(app, api, 66600 + n) for n in range(6)]
    for person in strangers[:5]:
        await person.send(code)
        assert toast(await person.press("Nhận trả lời")) == VI("toast_receive_on")
    # The five slots are taken; a sixth stranger is refused, and a stranger pressing the
    # sender's own receipt button (its data copied) is no better off.
    shown = only_message(await strangers[5].send(code)).result["message_id"]
    assert toast(await strangers[5].press_data(f"fb:rx:{code}", shown)) == VI("receive_too_many")
    assert toast(await strangers[5].press_data(receive, shown)) == VI("receive_too_many")
    # The sender's receipt still works.
    assert toast(await resident.press_data(receive, receipt)) == VI("toast_receive_on")
    delivered = await answer_sent(app, officer, clock, card, ANSWER)
    assert len(to_chat(delivered, resident.chat)) == 1
    assert len(to_chat(delivered, strangers[5].chat)) == 0
    for call in everything:
        assert (
            str(resident.user_id) not in str(call.params)
            or int(call.params.get("chat_id", 0)) == resident.chat
        )


def files_holding(folder: Path, needle: bytes) -> list[Path]:
    """The files in ``folder`` whose bytes hold ``needle``."""
    return [path for path in folder.iterdir() if needle in path.read_bytes()]


async def test_no_chat_id_is_stored_in_plain_for_the_stop_button(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    async with running_bot(make_settings(tmp_path), api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=918273645)
        code = await send_feedback(resident, replies=True)
        await resident.send(f"/status {code}")
        await resident.press(VI("btn_stop_receiving"))
        await deliver(app)
        assert files_holding(tmp_path / "data", b"918273645") == []
    assert files_holding(tmp_path / "data", b"918273645") == []


# --- 9. «Bổ sung» is collected like a draft, then sent as one message under the card ---------

VOICE = {"file_id": "v", "file_unique_id": "vu", "duration": 3}


async def adding(resident: Person, app: HomThuApplication) -> tuple[str, int]:
    """A resident whose feedback's card is in the group presses «Bổ sung» under /status:
    the code and the card's message id."""
    code = await send_feedback(resident)
    card = card_of(await deliver(app))
    await resident.send(code)
    prompt = only_message(await resident.press("Bổ sung"))
    assert prompt.text == VI("adding_prompt", code=code)
    return code, card.result["message_id"]


def told(calls: list[Call]) -> list[str]:
    """What the resident was told (new messages and edits)."""
    return [c.text for c in calls if c.method in ("sendMessage", "editMessageText")]


async def test_bo_sung_takes_text_then_photo_and_sends_them_as_one_message_under_the_card(
    resident: Person, app: HomThuApplication, everything: list[Call]
) -> None:
    code, card = await adding(resident, app)
    first = await resident.send("Đèn hỏng từ cột số 12 đến số 15")
    assert told(first) == [VI("addition_kept", code=code)]
    assert only_message(first).buttons == [[VI("btn_send_addition")], [VI("btn_stop_adding")]]
    photo = await resident.send_photo("ADD-0")
    assert told(photo) == [VI("addition_kept", code=code)]
    assert VI("outside_draft") not in told(first + photo)
    # Nothing reaches the group before «Gửi».
    assert to_chat(await deliver(app), STAFF_CHAT_ID) == []

    calls = await resident.press(VI("btn_send_addition"))
    assert told(calls)[-1] == VI("addition_received", code=code)
    (posted,) = to_chat(await deliver(app), STAFF_CHAT_ID)
    assert posted.method == "sendPhoto"
    assert posted.params["photo"] == "ADD-0"
    assert posted.params["reply_parameters"]["message_id"] == card
    assert posted.text == "\n".join(
        [VI("staff_addition_addition", code=code), "", "Đèn hỏng từ cột số 12 đến số 15"]
    )
    assert rows(app, "SELECT kind, body, photo_file_id FROM additions") == [
        ("addition", "Đèn hỏng từ cột số 12 đến số 15", "ADD-0")
    ]
    # The mode ended with the send: the next text is no addition.
    after = await resident.send("Cảm ơn")
    assert told(after) != [VI("addition_kept", code=code)]
    assert to_chat(await deliver(app), STAFF_CHAT_ID) == []
    for call in everything:
        if int(call.params.get("chat_id") or 0) != resident.chat:
            assert str(resident.user_id) not in str(call.params)
            assert str(resident.username) not in str(call.params)


async def test_photo_then_voice_then_text_loses_nothing(
    resident: Person, app: HomThuApplication
) -> None:
    code, card = await adding(resident, app)
    await resident.send_photo("ADD-1")
    refused = await resident.send_content(voice=VOICE)
    assert told(refused) == [f"{VI('voice_refused')}\n\n{VI('addition_refused_kept')}"]
    await resident.send("Nước tràn ra đường từ tối qua")
    await resident.press(VI("btn_send_addition"))
    (posted,) = to_chat(await deliver(app), STAFF_CHAT_ID)
    assert posted.params["photo"] == "ADD-1"
    assert "Nước tràn ra đường từ tối qua" in posted.text
    assert posted.params["reply_parameters"]["message_id"] == card
    assert rows(app, "SELECT COUNT(*) FROM additions") == [(1,)]
    assert code in posted.text


async def test_an_album_of_three_gets_one_acknowledgement_and_arrives_as_one_album(
    resident: Person, app: HomThuApplication
) -> None:
    code, card = await adding(resident, app)
    calls = await resident.send_photo("ALB-0", caption="Ba cột đèn hỏng", album="al-9")
    calls += await resident.send_photo("ALB-1", album="al-9")
    calls += await resident.send_photo("ALB-2", album="al-9")
    assert len(sent(calls)) == 1
    await resident.press(VI("btn_send_addition"))
    (posted,) = to_chat(await deliver(app), STAFF_CHAT_ID)
    assert posted.method == "sendMediaGroup"
    assert [m["media"] for m in posted.params["media"]] == ["ALB-0", "ALB-1", "ALB-2"]
    assert posted.params["reply_parameters"]["message_id"] == card
    assert posted.params["media"][0]["caption"] == "\n".join(
        [VI("staff_addition_addition", code=code), "", "Ba cột đèn hỏng"]
    )
    assert rows(app, "SELECT COUNT(*) FROM additions") == [(1,)]


async def test_a_long_text_with_photos_goes_as_the_text_then_the_album(
    resident: Person, app: HomThuApplication
) -> None:
    code, card = await adding(resident, app)
    words = "Cột đèn số 12 <ngõ 5> & " * 60
    await resident.send(words)
    await resident.send_photo("LONG-0", album="al-2")
    await resident.send_photo("LONG-1", album="al-2")
    await resident.press(VI("btn_send_addition"))
    posted = to_chat(await deliver(app), STAFF_CHAT_ID)
    assert [c.method for c in posted] == ["sendMessage", "sendMediaGroup"]
    assert all(c.params["reply_parameters"]["message_id"] == card for c in posted)
    assert words.strip() in posted[0].text.replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&"
    )
    assert code in posted[1].params["media"][0]["caption"]


async def test_a_second_press_of_send_stores_nothing_more(
    resident: Person, app: HomThuApplication
) -> None:
    code, _ = await adding(resident, app)
    await resident.send("Chỉ một lần")
    message, data = resident.api.button(resident.chat, VI("btn_send_addition"))
    await resident.press_data(data, message.message_id)
    again = await resident.press_data(data, message.message_id)
    assert sent(again) == [] or told(again) == [VI("stale_button_message")]
    assert rows(app, "SELECT COUNT(*) FROM additions") == [(1,)]
    assert len(to_chat(await deliver(app), STAFF_CHAT_ID)) == 1
    assert code


async def test_an_addition_being_written_survives_a_restart_and_is_stored_sealed(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    settings = make_settings(tmp_path)
    async with running_bot(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=918273646, username="ba_lan_secret")
        code, card = await adding(resident, app)
        await resident.send("Viết trước khi khởi động lại")
        # PTB's own persistence run (every minute, and at shutdown) keeps it too.
        await app.update_persistence()
        await resident.send_photo("RESTART-0")
        assert files_holding(tmp_path / "data", b"918273646") == []
        assert files_holding(tmp_path / "data", "Viết trước".encode()) == []
    async with running_bot(settings, api, clock) as app:
        resident = Person(app, api, user_id=918273646, username="ba_lan_secret")
        kept = await resident.send("Và sau khi khởi động lại")
        assert told(kept) == [VI("addition_kept", code=code)]
        calls = await resident.press(VI("btn_send_addition"))
        assert told(calls)[-1] == VI("addition_received", code=code)
        (posted,) = to_chat(await deliver(app), STAFF_CHAT_ID)
        assert posted.params["photo"] == "RESTART-0"
        assert "Viết trước khi khởi động lại\nVà sau khi khởi động lại" in posted.text
        assert posted.params["reply_parameters"]["message_id"] == card
    assert files_holding(tmp_path / "data", b"918273646") == []


async def test_a_reply_to_the_answer_is_collected_too(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    (answer,) = to_chat(await answer_sent(app, officer, clock, card, ANSWER), resident.chat)
    calls = await resident.reply_to(answer.result["message_id"], "Vẫn chưa sửa")
    assert told(calls) == [VI("addition_kept", code=code)]
    await resident.send_photo("REPLY-0")
    await resident.press(VI("btn_send_addition"))
    (posted,) = to_chat(await deliver(app), STAFF_CHAT_ID)
    assert "Vẫn chưa sửa" in posted.text
    assert code in posted.text
    assert posted.params["photo"] == "REPLY-0"


# --- 16. a stray text after an answer is not dropped silently, and nothing links it ------------


async def test_a_text_after_an_answer_is_told_how_to_add_it_and_nothing_is_kept(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    clock: FrozenClock,
    everything: list[Call],
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    await answer_sent(app, officer, clock, card, ANSWER)
    before = rows(app, "SELECT COUNT(*) FROM resident_drafts")
    calls = await resident.send("Vẫn chưa sửa")
    reply = only_message(calls)
    assert reply.text == VI("outside_draft_unsent")
    assert "chưa được chuyển tới cán bộ" in reply.text
    assert "Bổ sung thông tin" in reply.text
    assert "reply" in reply.text
    assert VI("outside_draft") not in reply.text
    # The areas, to write new feedback instead.
    assert reply.buttons == [["Khu phố 3", "Thôn Tân Định"]]
    # Nothing reached staff, nothing was stored that ties this chat to the feedback.
    assert to_chat(await deliver(app), STAFF_CHAT_ID) == []
    assert rows(app, "SELECT COUNT(*) FROM additions") == [(0,)]
    assert rows(app, "SELECT COUNT(*) FROM resident_drafts") == before == [(0,)]
    assert not app.user_data.get(resident.user_id)
    # The way it names works: a reply to the answer is collected as an addition.
    (answer,) = [
        c.result["message_id"] for c in to_chat(everything, resident.chat) if ANSWER in c.text
    ]
    assert told(await resident.reply_to(answer, "Vẫn chưa sửa")) == [
        VI("addition_kept", code=code)
    ]
