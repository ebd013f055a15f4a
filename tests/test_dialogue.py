"""The dialogue through the application (SPEC §3.5, §3.6, §3.10, §5 Answer): a reply by
staff is a proposal that reaches nobody until «Gửi trả lời» and its undo window; status
notices wait out the same window; residents answer back, opt in and rate; and nothing the
staff group receives tells who wrote."""

from __future__ import annotations

import csv
import html
import io
import sqlite3
from collections.abc import Iterator
from datetime import timedelta

import pytest

from bot.ptb.context import HomThuApplication
from tests.support import (
    COMMITTEE_EN,
    COMMITTEE_VI,
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
)
from tests.test_intake import only_message, rows, sent
from tests.test_staff import WINDOW, card_of, deliver, send_feedback
from texts import Texts

VI = Texts("vi")
EN = Texts("en")
UNIT = "Thị trấn Cam Lộ"
ANSWER = "Đã báo Điện lực thay bóng đèn ngõ 5 trong tuần này."


@pytest.fixture
def everything(api: RecordingBotAPI) -> Iterator[list[Call]]:
    """Every request Telegram accepted during the test, wherever it went."""
    seen: list[Call] = []
    api.on_accept.append(seen.append)
    yield seen
    api.on_accept.remove(seen.append)


def identity_of(person: Person) -> list[str]:
    """What would identify the resident, were it shown."""
    return [str(person.user_id), person.first_name, str(person.last_name), str(person.username)]


def assert_no_identity_outside(calls: list[Call], resident: Person) -> None:
    """Nothing sent anywhere but the resident's own chat names or numbers the resident."""
    for call in calls:
        if str(call.params.get("chat_id")) == str(resident.chat):
            continue
        for hidden in identity_of(resident):
            assert hidden not in str(call.params), (call.method, hidden)


def to_resident(calls: list[Call], resident: Person) -> list[Call]:
    """The messages sent to the resident's chat."""
    return [c for c in sent(calls) if int(c.params["chat_id"]) == resident.chat]


async def past_the_undo_window(
    app: HomThuApplication, clock: FrozenClock, resident: Person
) -> list[Call]:
    """What reaches the resident once the undo window has passed."""
    clock.advance(WINDOW)
    return to_resident(await deliver(app), resident)


def to_group(calls: list[Call]) -> list[Call]:
    """The messages sent to the staff group."""
    posted = ("sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup")
    return [c for c in calls if c.method in posted and int(c.params["chat_id"]) == STAFF_CHAT_ID]


def toast(calls: list[Call]) -> str:
    """What the one answer to a button press said."""
    answers = sent(calls, "answerCallbackQuery")
    assert len(answers) == 1, [c.method for c in calls]
    return str(answers[0].params.get("text") or "")


def alerted(calls: list[Call]) -> bool:
    """The answer to the press was an alert (a box the officer must close)."""
    return bool(sent(calls, "answerCallbackQuery")[0].params.get("show_alert"))


async def propose(officer: Person, message_id: int, text: str) -> Call:
    """An officer replies to a bot message about a feedback: the proposal prompt."""
    prompt = only_message(await officer.reply_to(message_id, text))
    assert prompt.params["chat_id"] == STAFF_CHAT_ID
    return prompt


async def card_for(app: HomThuApplication, resident: Person) -> tuple[str, Call]:
    """A feedback whose resident wants answers sent, and its card in the staff group: the
    code and the card."""
    code = await send_feedback(resident, replies=True)
    return code, card_of(await deliver(app))


async def proposed(
    app: HomThuApplication, resident: Person, officer: Person, body: str
) -> tuple[str, Call]:
    """A feedback whose resident wants answers sent, with ``body`` proposed under its card:
    the code and the proposal's prompt."""
    code, card = await card_for(app, resident)
    return code, await propose(officer, card.result["message_id"], body)


async def status_of(resident: Person, code: str) -> str:
    """The text of /status for the code."""
    return "\n".join(c.text for c in sent(await resident.send(f"/status {code}")))


def flat(buttons: list[list[str]]) -> list[str]:
    """Button labels, row after row."""
    return [label for row in buttons for label in row]


# --- 1. a reply is a proposal ---------------------------------------------------------------


async def test_a_reply_to_the_card_is_a_proposal_that_reaches_nobody_until_sent(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code, card = await card_for(app, resident)
    chatter = "Chị Hoa xử lý vụ này nhé"
    prompt = await propose(officer, card.result["message_id"], chatter)

    assert prompt.text.startswith(VI("proposal_answer", code=code, who="Hoa Lê Thị"))
    assert chatter in prompt.text
    assert prompt.text.endswith(VI("proposal_choice", seconds=60))
    assert prompt.params["reply_parameters"]["message_id"]  # under the officer's reply
    assert prompt.buttons == [["📤 Gửi trả lời"], ["📝 Ghi chú", "✖️ Hủy"]]
    # Nothing is stored as an answer, nothing goes, however long nobody decides.
    clock.advance(WINDOW * 100)
    assert await deliver(app) == []
    assert rows(app, "SELECT state FROM proposals") == [("open",)]
    assert rows(app, "SELECT COUNT(*) FROM responses") == [(0,)]
    assert chatter not in await status_of(resident, code)

    # «Hủy»: dropped, nothing kept, and the prompt says so (its buttons go).
    calls = await officer.press("Hủy")
    assert toast(calls) == VI("toast_dropped")
    edit = sent(calls, "editMessageText")[0]
    assert edit.text == VI("proposal_dropped", code=code, who="Hoa Lê Thị")
    assert edit.buttons == []
    assert rows(app, "SELECT state, decided_by FROM proposals") == [("dropped", "Hoa Lê Thị")]
    clock.advance(WINDOW)
    assert await deliver(app) == []
    assert rows(app, "SELECT COUNT(*) FROM responses") == [(0,)]

    # A press on the dropped prompt's old «Gửi trả lời» sends nothing.
    calls = await officer.press_data(f"pr:send:{rows(app, 'SELECT id FROM proposals')[0][0]}")
    assert toast(calls) == VI("toast_already_dropped", who="Hoa Lê Thị")
    clock.advance(WINDOW)
    assert await deliver(app) == []


async def test_ghi_chu_keeps_the_proposal_as_an_internal_note(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code, _ = await proposed(app, resident, officer, "Đã gọi tổ trưởng khu phố")
    calls = await officer.press("Ghi chú")
    assert toast(calls) == VI("toast_noted")
    assert sent(calls, "editMessageText")[0].text == VI(
        "proposal_noted", code=code, who="Hoa Lê Thị"
    )
    clock.advance(WINDOW)
    assert await deliver(app) == []
    assert rows(app, "SELECT kind, body FROM responses") == [("note", "Đã gọi tổ trưởng khu phố")]
    assert "tổ trưởng" not in await status_of(resident, code)
    shown = "\n".join(c.text for c in sent(await officer.send(f"/show {code}")))
    assert "Đã gọi tổ trưởng khu phố" in shown


async def test_sent_it_waits_the_undo_window_then_reaches_the_resident(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code, _ = await proposed(app, resident, officer, ANSWER)

    calls = await officer.press("Gửi trả lời")
    assert toast(calls) == VI("toast_sending", seconds=60)
    pending = sent(calls, "editMessageText")[0]
    assert pending.text.startswith(
        VI("proposal_pending", code=code, who="Hoa Lê Thị", time="08:01 21/11/2026", seconds=60)
    )
    assert pending.buttons == [["↩️ Thu hồi"]]
    assert to_resident(calls, resident) == []

    # Within the window: nothing out, and /status does not show it yet.
    clock.advance(WINDOW / 2)
    assert await deliver(app) == []
    assert ANSWER not in await status_of(resident, code)

    clock.advance(WINDOW / 2)
    delivered = await deliver(app)
    reached = to_resident(delivered, resident)
    assert len(reached) == 1
    assert reached[0].text == "\n".join(
        [VI("resident_reply", code=code, committee=COMMITTEE_VI), "", ANSWER]
    )
    assert VI("btn_see_status") in flat(reached[0].buttons)
    assert "Hoa" not in reached[0].text
    record = sent(delivered, "editMessageText")[0]
    assert record.params["message_id"] == pending.params["message_id"]
    assert record.text.startswith(
        VI("staff_answer_sent", code=code, who="Hoa Lê Thị", time="08:01 21/11/2026")
    )
    assert ANSWER in await status_of(resident, code)
    assert rows(app, "SELECT kind, delivery FROM responses") == [("reply", "delivered")]
    assert await deliver(app) == []


async def test_thu_hoi_within_the_window_stops_it(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code, _ = await proposed(app, resident, officer, "Nhầm góp ý")
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW / 2)

    calls = await officer.press("Thu hồi")
    assert toast(calls) == VI("toast_withdrawn")
    assert sent(calls, "editMessageText")[0].text == VI(
        "proposal_withdrawn", code=code, who="Hoa Lê Thị"
    )
    clock.advance(WINDOW)
    assert await deliver(app) == []
    assert "Nhầm góp ý" not in await status_of(resident, code)
    assert rows(app, "SELECT withdrawn_at IS NOT NULL FROM responses") == [(1,)]
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL") == [(0,)]


async def test_a_second_send_and_a_late_undo_are_refused_and_one_answer_goes(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    _, prompt = await proposed(app, resident, officer, ANSWER)
    proposal = rows(app, "SELECT id FROM proposals")[0][0]
    await officer.press("Gửi trả lời")

    # A colleague's second press, on the prompt as it was before the edit.
    colleague = Person(
        app, officer.api, user_id=5002, first_name="Nam", last_name=None, chat_id=STAFF_CHAT_ID
    )
    calls = await colleague.press_data(f"pr:send:{proposal}", prompt.result["message_id"])
    assert toast(calls) == VI("toast_already_sent", who="Hoa Lê Thị")
    assert alerted(calls)

    clock.advance(WINDOW)
    assert len(to_resident(await deliver(app), resident)) == 1
    calls = await officer.press_data(f"pr:undo:{proposal}", prompt.result["message_id"])
    assert toast(calls) == VI("toast_too_late", seconds=60)
    assert alerted(calls)
    assert rows(app, "SELECT withdrawn_at FROM responses") == [(None,)]
    clock.advance(WINDOW)
    assert await deliver(app) == []


async def test_a_proposal_on_a_feedback_rejected_meanwhile_is_not_sent(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code, _ = await proposed(app, resident, officer, ANSWER)
    await officer.press("Không xử lý")
    await officer.press(VI("rejection_reason_2"))

    calls = await officer.press("Gửi trả lời")
    assert toast(calls) == VI("toast_rejected_meanwhile", code=code)
    assert alerted(calls)
    reached = await past_the_undo_window(app, clock, resident)
    # Only the rejection notice, with its reason; no answer.
    assert [c.text for c in reached] == [
        VI("resident_rejected_because", code=code, reason=VI("rejection_reason_2"))
    ]
    assert rows(app, "SELECT COUNT(*) FROM responses WHERE kind = 'reply'") == [(0,)]


async def test_an_answer_on_a_resolved_feedback_still_goes_through_the_window(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code, card = await card_for(app, resident)
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    await deliver(app)
    await propose(officer, card.result["message_id"], ANSWER)
    await officer.press("Gửi trả lời")
    assert await deliver(app) == []
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text.splitlines()[0] for c in reached] == [
        VI("resident_reply", code=code, committee=COMMITTEE_VI)
    ]


async def test_a_proposal_whose_feedback_was_deleted_says_so(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await proposed(app, resident, officer, ANSWER)
    with sqlite3.connect(app.bot_data.database.path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DELETE FROM feedback")
    calls = await officer.press("Gửi trả lời")
    assert toast(calls) == VI("staff_feedback_gone")
    clock.advance(WINDOW)
    assert await deliver(app) == []


async def test_a_reply_to_a_card_from_another_group_is_nobodys_answer(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    _, card = await card_for(app, resident)
    stranger = Person(app, api, user_id=6001, first_name="Lạ", chat_id=-1009999999999)
    # Same message id, another group: not the card.
    api.messages[(stranger.chat, card.result["message_id"])] = api.messages[
        (STAFF_CHAT_ID, card.result["message_id"])
    ]
    assert await stranger.reply_to(card.result["message_id"], ANSWER) == []
    assert rows(app, "SELECT COUNT(*) FROM proposals") == [(0,)]


async def test_a_reply_to_any_bot_message_about_the_feedback_is_a_proposal(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    """The live card /show posts, and the addition under the card, are answerable too."""
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    shown = sent(await officer.send(f"/show {code}"))[0]
    prompt = await propose(officer, shown.result["message_id"], "Trả lời từ thẻ /show")
    assert prompt.text.startswith(VI("proposal_answer", code=code, who="Hoa Lê Thị"))

    await resident.send(code)
    await resident.press("Bổ sung")
    await resident.send("Thêm: cột điện số 12")
    await resident.press(VI("btn_send_addition"))
    addition = to_group(await deliver(app))[0]
    prompt = await propose(officer, addition.result["message_id"], "Trả lời phần bổ sung")
    assert prompt.text.startswith(VI("proposal_answer", code=code, who="Hoa Lê Thị"))
    assert rows(app, "SELECT COUNT(*) FROM proposals") == [(2,)]


# --- 2. correcting a published answer --------------------------------------------------------


async def test_a_published_answer_is_corrected_as_a_correction(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code, card = await card_for(app, resident)
    # /correct on anything but a sent answer: how to use it.
    calls = await officer.reply_to(card.result["message_id"], "/correct sửa lại")
    assert only_message(calls).text == VI("correct_usage")

    prompt = await propose(officer, card.result["message_id"], "Thay bóng đèn thứ Năm.")
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    record = sent(await deliver(app), "editMessageText")[0]
    assert VI("staff_answer_correct_hint") in record.text
    assert record.params["message_id"] == prompt.result["message_id"]

    calls = await officer.reply_to(prompt.result["message_id"], "/correct Thay bóng thứ Sáu.")
    correction = only_message(calls)
    assert correction.text.startswith(VI("proposal_correction", code=code, who="Hoa Lê Thị"))
    assert "📤 Gửi trả lời" in flat(correction.buttons)
    assert await deliver(app) == []
    await officer.press("Gửi trả lời")
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [
        "\n".join(
            [
                VI("resident_correction", code=code, committee=COMMITTEE_VI),
                "",
                "Thay bóng thứ Sáu.",
            ]
        )
    ]
    status = await status_of(resident, code)
    assert "Thay bóng đèn thứ Năm." in status
    assert "Thay bóng thứ Sáu." in status
    assert "Đính chính" in status
    assert rows(app, "SELECT corrects IS NOT NULL FROM responses ORDER BY id") == [(0,), (1,)]


# --- 3. templates --------------------------------------------------------------------------


async def test_templates_are_kept_by_admins_and_offered_in_the_proposal(
    resident: Person,
    officer: Person,
    admin: Person,
    app: HomThuApplication,
    clock: FrozenClock,
) -> None:
    assert only_message(await admin.send("/templates")).text == VI("templates_empty")
    standard = "Ủy ban đã tiếp nhận và chuyển tới cơ quan chức năng."
    assert only_message(await admin.send(f"/addtemplate {standard}")).text == VI(
        "template_added", number=1
    )
    await admin.send("/addtemplate Cảm ơn ý kiến đóng góp.")
    listing = only_message(await admin.send("/templates")).text
    assert f"1. {standard}" in listing
    assert "2. Cảm ơn ý kiến đóng góp." in listing
    assert only_message(await admin.send("/removetemplate 2")).text == VI(
        "template_removed", number=2
    )
    for typed, expected in (
        ("/removetemplate 2", VI("template_not_found", number=2)),
        ("/removetemplate hai", VI("template_number_invalid", value="hai")),
        ("/removetemplate", VI("usage_removetemplate")),
        ("/addtemplate", VI("usage_addtemplate")),
        ("/addtemplate " + "x" * 1001, VI("template_too_long", most=1000)),
    ):
        assert only_message(await admin.send(typed)).text == expected, typed
    # Only admins keep them.
    assert "Cảm ơn" not in str(await officer.send("/addtemplate Cảm ơn"))
    assert rows(app, "SELECT COUNT(*) FROM answer_templates WHERE is_active = 1") == [(1,)]

    code, prompt = await proposed(app, resident, officer, "nháp")
    assert prompt.buttons[-1] == ["📋 Mẫu 1"]
    calls = await officer.press("Mẫu 1")
    assert toast(calls) == VI("toast_template_used", number=1)
    assert standard in sent(calls, "editMessageText")[0].text
    await officer.press("Gửi trả lời")
    reached = await past_the_undo_window(app, clock, resident)
    assert reached[0].text == "\n".join(
        [VI("resident_reply", code=code, committee=COMMITTEE_VI), "", standard]
    )


# --- 4. status notices -------------------------------------------------------------------


async def test_a_status_notice_waits_and_a_new_status_replaces_it(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    await officer.press("Đã giải quyết")
    calls = await officer.press(VI("resolution_result_1"))
    assert "60" in sent(calls, "editMessageText")[0].text
    assert await deliver(app) == []
    clock.advance(WINDOW / 2)
    # A slip of the finger: back to «Đang xử lý» within the window. Nobody is told.
    await officer.press("Đang xử lý")
    clock.advance(WINDOW * 2)
    assert to_resident(await deliver(app), resident) == []

    # Resolved, then within the window not handled: only the last notice goes.
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW / 2)
    await officer.press("Không xử lý")
    await officer.press(VI("rejection_reason_3"))
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [
        VI("resident_rejected_because", code=code, reason=VI("rejection_reason_3"))
    ]
    assert VI("btn_see_status") in flat(reached[0].buttons)
    assert await deliver(app) == []


async def test_not_handled_asks_for_a_reason_by_button_or_by_reply(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    calls = await officer.press("Không xử lý")
    assert toast(calls) == VI("toast_reason_needed")
    prompt = only_message(calls)
    assert prompt.text == VI("ask_reason_prompt", code=code)
    assert prompt.buttons == [[VI(f"rejection_reason_{n}")] for n in (1, 2, 3, 4)] + [["✖️ Hủy"]]
    assert rows(app, "SELECT status FROM feedback") == [("new",)]

    # «Hủy»: nothing changes.
    await officer.press("Hủy")
    assert rows(app, "SELECT status FROM feedback") == [("new",)]

    # The officer's own words, by reply to the prompt; words longer than a reason may be
    # are refused whole (never cut before the resident reads them), and nothing changes.
    await officer.press("Không xử lý")
    asked = officer.api.button(STAFF_CHAT_ID, VI("rejection_reason_1"))[0]
    too_long = only_message(await officer.reply_to(asked.message_id, "Lý do rất dài. " * 30))
    assert too_long.text == VI("reason_too_long", max_chars=300)
    assert rows(app, "SELECT status FROM feedback") == [("new",)]
    reason = "Việc của hộ gia đình, không phải việc công"
    calls = await officer.reply_to(asked.message_id, reason)
    said = sent(calls, "editMessageText")[0]
    assert said.text == VI(
        "rejected_done_told", code=code, reason=reason, who="Hoa Lê Thị", seconds=60
    )
    assert rows(app, "SELECT status, reason FROM status_changes ORDER BY id DESC LIMIT 1") == [
        ("rejected", reason)
    ]
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [VI("resident_rejected_because", code=code, reason=reason)]
    status = await status_of(resident, code)
    assert VI("status_reason", reason=reason) in status
    assert VI("resident_status_rejected") in status
    assert "Hoa" not in status


# --- 5. residents answer back ------------------------------------------------------------


async def test_every_message_about_a_feedback_has_the_status_button_and_a_code_is_status(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await send_feedback(resident)
    receipt = resident.api.button(resident.chat, "Nhận trả lời")[0]
    assert receipt.reply_markup is not None
    code = rows(app, "SELECT code FROM feedback")[0][0]
    receipt_buttons = flat(
        [[b["text"] for b in row] for row in receipt.reply_markup["inline_keyboard"]]
    )
    assert VI("btn_see_status") in receipt_buttons
    assert any("Nhận trả lời" in label for label in receipt_buttons)
    assert any(label.startswith("Không") for label in receipt_buttons)

    calls = await resident.press(VI("btn_see_status"))
    shown = only_message(calls)
    assert f"<code>{code}</code>" in shown.text or str(code) in shown.text
    assert VI("resident_status_new") in shown.text

    # A message that is nothing but the code, typed as people type it.
    for typed in (str(code), str(code).lower(), str(code).replace("-", " ")):
        looked_up = only_message(await resident.send(typed))
        assert looked_up.text == shown.text, typed
        assert looked_up.buttons == shown.buttons
    assert any("Bổ sung" in label for label in flat(shown.buttons))
    assert any("Nhận trả lời" in label for label in flat(shown.buttons))


async def test_bo_sung_takes_the_next_text_and_photos_to_the_group_under_the_card(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    everything: list[Call],
) -> None:
    code, card = await card_for(app, resident)
    await resident.send(f"/status {code}")
    calls = await resident.press("Bổ sung")
    assert only_message(calls).text == VI("adding_prompt", code=code)

    calls = await resident.send("Đèn hỏng từ cột số 12 đến số 15")
    assert only_message(calls).text == VI("addition_kept", code=code)
    # Collected like a draft (issue 19, item 9): nothing goes before «Gửi phần bổ sung».
    assert to_group(await deliver(app)) == []
    told = only_message(await resident.press(VI("btn_send_addition")))
    assert told.text == VI("addition_received", code=code)
    assert VI("btn_see_status") in flat(told.buttons)
    posted = to_group(await deliver(app))
    assert len(posted) == 1
    assert posted[0].text == "\n".join(
        [VI("staff_addition_addition", code=code), "", "Đèn hỏng từ cột số 12 đến số 15"]
    )
    assert "Bổ sung" in posted[0].text
    assert code in posted[0].text
    assert posted[0].params["reply_parameters"]["message_id"] == card.result["message_id"]

    # The mode ends with the send: the next text is not an addition.
    await resident.send("Cảm ơn")
    assert to_group(await deliver(app)) == []

    # Photos: an album of two after «Bổ sung», one album under the card.
    await resident.press("Bổ sung")
    await resident.send_photo("ADD-0", caption="Ảnh cột đèn", album="al-1")
    await resident.send_photo("ADD-1", album="al-1")
    await resident.press(VI("btn_send_addition"))
    (photos,) = to_group(await deliver(app))
    assert photos.method == "sendMediaGroup"
    assert [m["media"] for m in photos.params["media"]] == ["ADD-0", "ADD-1"]
    assert code in photos.params["media"][0]["caption"]
    assert rows(app, "SELECT kind, body, photo_file_id FROM additions ORDER BY id") == [
        ("addition", "Đèn hỏng từ cột số 12 đến số 15", None),
        ("addition", "Ảnh cột đèn", "ADD-0"),
    ]
    shown = "\n".join(c.text for c in sent(await officer.send(f"/show {code}")))
    assert "Đèn hỏng từ cột số 12 đến số 15" in shown
    assert_no_identity_outside(everything, resident)


async def test_a_long_addition_reaches_the_group_whole_with_or_without_a_photo(
    resident: Person, app: HomThuApplication
) -> None:
    code, card = await card_for(app, resident)
    # As long as an addition may be, every character escaped: one message, whole.
    long_text = "<&>" * 1333
    await resident.send(code)
    await resident.press("Bổ sung")
    assert only_message(await resident.send(long_text)).text == VI("addition_kept", code=code)
    told = only_message(await resident.press(VI("btn_send_addition")))
    assert told.text == VI("addition_received", code=code)
    (posted_text,) = to_group(await deliver(app))
    assert posted_text.params["reply_parameters"]["message_id"] == card.result["message_id"]
    assert long_text in html.unescape(posted_text.text).replace("\n", "")
    # A photo whose caption is longer than a caption may be: the photo, then the words.
    caption = "Cột đèn số 12 <ngõ 5> & " * 60
    await resident.send(code)
    await resident.press("Bổ sung")
    await resident.send_photo("ADD-LONG", caption=caption)
    await resident.press(VI("btn_send_addition"))
    posted = to_group(await deliver(app))
    # The words first, whole; the photo follows with the heading (issue 19, item 9).
    assert [c.method for c in posted] == ["sendMessage", "sendPhoto"]
    assert len(html.unescape(posted[1].params.get("caption", ""))) <= 1024
    words = "".join(
        html.unescape(c.params.get("caption") or c.params.get("text") or "") for c in posted
    )
    assert caption.strip() in words.replace("\n", "")


async def test_a_reply_to_a_bot_message_naming_a_code_is_an_addition(
    resident: Person, app: HomThuApplication, everything: list[Call]
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    receipt = resident.api.button(resident.chat, "Nhận trả lời")[0]
    calls = await resident.reply_to(receipt.message_id, "Đến giờ vẫn chưa có nước")
    assert only_message(calls).text == VI("addition_kept", code=code)
    calls = await resident.press(VI("btn_send_addition"))
    assert only_message(calls).text == VI("addition_received", code=code)
    posted = to_group(await deliver(app))
    assert [c.text for c in posted] == [
        "\n".join([VI("staff_addition_addition", code=code), "", "Đến giờ vẫn chưa có nước"])
    ]
    # A reply to a bot message that names no code is not taken as an addition.
    help_message = sent(await resident.send("/help"))[0]
    await resident.reply_to(help_message.result["message_id"], "Cảm ơn")
    assert to_group(await deliver(app)) == []
    assert rows(app, "SELECT COUNT(*) FROM additions") == [(1,)]
    assert_no_identity_outside(everything, resident)


async def test_hoi_them_asks_the_resident_and_the_answer_comes_back_under_the_card(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    clock: FrozenClock,
    everything: list[Call],
) -> None:
    code, card = await card_for(app, resident)
    calls = await officer.press("Hỏi thêm")
    asked = only_message(calls)
    assert asked.text == VI("ask_question_prompt", code=code)

    question = "Đèn hỏng ở đầu ngõ hay cuối ngõ?"
    proposal = await propose(officer, asked.result["message_id"], question)
    assert proposal.text.startswith(VI("proposal_question", code=code, who="Hoa Lê Thị"))
    assert proposal.buttons[0] == ["📤 Gửi câu hỏi"]
    assert await deliver(app) == []
    await officer.press("Gửi câu hỏi")
    assert await deliver(app) == []
    clock.advance(WINDOW)
    delivered = await deliver(app)
    reached = to_resident(delivered, resident)
    assert len(reached) == 1
    assert reached[0].text == "\n".join(
        [
            VI("resident_question", code=code, committee=COMMITTEE_VI),
            "",
            question,
            "",
            VI("resident_question_footer"),
        ]
    )
    assert any("Bổ sung" in label for label in flat(reached[0].buttons))
    assert sent(delivered, "editMessageText")[0].text.startswith(
        VI("staff_question_sent", code=code, who="Hoa Lê Thị", time="08:01 21/11/2026")
    )

    # The resident answers with the button under the question: back under the card, as
    # the answer to the question.
    await resident.press("Bổ sung")
    await resident.send("Ở cuối ngõ, gần nhà văn hóa")
    await resident.press(VI("btn_send_addition"))
    posted = to_group(await deliver(app))
    assert [c.text for c in posted] == [
        "\n".join([VI("staff_addition_answer", code=code), "", "Ở cuối ngõ, gần nhà văn hóa"])
    ]
    assert posted[0].params["reply_parameters"]["message_id"] == card.result["message_id"]
    assert_no_identity_outside(everything, resident)


async def test_a_question_to_a_resident_who_blocked_the_bot_is_recorded(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    await officer.press("Hỏi thêm")
    asked = api.messages[max(k for k in api.messages if k[0] == STAFF_CHAT_ID)]
    await propose(officer, asked.message_id, "Xin cho biết số nhà?")
    await officer.press("Gửi câu hỏi")
    clock.advance(WINDOW)
    api.fail_next(
        "sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=resident.chat
    )
    delivered = await deliver(app)
    told = [c for c in to_group(delivered) if c.result is not None]
    assert [c.text for c in told] == [VI("staff_reply_blocked", code=code)]
    assert rows(app, "SELECT kind, delivery FROM responses") == [("question", "blocked")]
    clock.advance(WINDOW)
    assert await deliver(app) == []


async def test_additions_are_rate_limited_and_a_voice_is_refused(
    resident: Person, app: HomThuApplication, everything: list[Call]
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    for n in range(10):
        await resident.send(code)
        await resident.press("Bổ sung")
        await resident.send(f"Bổ sung số {n}")
        told = only_message(await resident.press(VI("btn_send_addition")))
        assert told.text == VI("addition_received", code=code)
    await resident.send(code)
    await resident.press("Bổ sung")
    await resident.send("Bổ sung số 11")
    refused = only_message(await resident.press(VI("btn_send_addition")))
    assert refused.text == VI("addition_send_rate_limited")
    # No dead end: what was written is kept, and the button to send it stays.
    resident.api.button(resident.chat, VI("btn_send_addition"))
    assert rows(app, "SELECT COUNT(*) FROM additions") == [(10,)]
    assert len(to_group(await deliver(app))) == 10
    assert_no_identity_outside(everything, resident)


async def test_the_wait_for_an_addition_ends_after_an_hour_on_the_bots_clock(
    resident: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    await resident.send(code)
    await resident.press("Bổ sung")
    clock.advance(timedelta(minutes=61))
    late = only_message(await resident.send("Bổ sung sau một giờ"))
    assert late.text == VI("adding_expired")
    assert rows(app, "SELECT COUNT(*) FROM additions") == [(0,)]
    # Within the hour it is taken.
    await resident.send(code)
    await resident.press("Bổ sung")
    clock.advance(timedelta(minutes=59))
    taken = only_message(await resident.send("Bổ sung trong giờ"))
    assert taken.text == VI("addition_kept", code=code)


async def test_a_voice_addition_is_refused_with_what_is_accepted(
    resident: Person, app: HomThuApplication
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    await resident.send(code)
    await resident.press("Bổ sung")
    voice = {"file_id": "v", "file_unique_id": "vu", "duration": 3}
    refused = only_message(await resident.send_content(voice=voice))
    assert refused.text == VI("voice_refused")
    assert rows(app, "SELECT COUNT(*) FROM additions") == [(0,)]
    assert to_group(await deliver(app)) == []


async def test_forged_follow_up_buttons_change_nothing(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    for data in ("fb:add:AB-00000000", "fb:ok:AB-00000000", "fb:ko:AB-00000000"):
        calls = await resident.press_data(data)
        assert toast(calls) == VI("status_not_found_short"), data
        assert sent(calls) == []
    for data in ("fb:zz:" + code, "fb:ok:" + "x" * 30, "fb:"):
        assert toast(await resident.press_data(data)) == VI("stale_button"), data
    # A rating before the matter is resolved is refused.
    assert toast(await resident.press_data(f"fb:ko:{code}")) == VI("rating_not_resolved")

    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    await deliver(app)
    # From the staff group (another chat than a resident's): no rating, no reopening.
    calls = await officer.press_data(f"fb:ko:{code}")
    assert rows(app, "SELECT COUNT(*) FROM ratings") == [(0,)]
    assert rows(app, "SELECT status FROM feedback") == [("resolved",)]
    assert to_group(calls) == []
    assert to_group(await deliver(app)) == []


async def test_a_rating_flood_is_stopped_and_one_rating_is_kept(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    await deliver(app)
    answers = [toast(await resident.press_data(f"fb:ok:{code}")) for _ in range(31)]
    assert answers[:30] == [VI("toast_thanks")] * 30
    assert answers[30] == VI("rating_rate_limited")
    assert rows(app, "SELECT satisfied FROM ratings") == [(1,)]


# --- 6. opting in, satisfaction -------------------------------------------------------------


async def test_opting_in_later_from_status_delivers_the_next_answer_here(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    card = card_of(await deliver(app))
    calls = await resident.press("Không")
    assert VI("sent_not_receiving") in sent(calls, "editMessageText")[0].text
    assert rows(app, "SELECT COUNT(*) FROM reply_channels") == [(0,)]

    status = only_message(await resident.send(f"/status {code}"))
    assert any("Nhận trả lời" in label for label in flat(status.buttons))
    calls = await resident.press("Nhận trả lời")
    assert toast(calls) == VI("toast_receive_on")
    assert sent(calls)[0].text == VI("receive_confirmed", code=code)
    # Now that it is on, /status no longer offers it.
    again = only_message(await resident.send(f"/status {code}"))
    assert not any("Nhận trả lời" in label for label in flat(again.buttons))

    await propose(officer, card.result["message_id"], ANSWER)
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    assert len(to_resident(await deliver(app), resident)) == 1


async def test_satisfied_or_not_after_resolved_and_not_satisfied_reopens(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
    everything: list[Call],
) -> None:
    code, card = await card_for(app, resident)
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    notice = only_message(await deliver(app))
    assert notice.text == VI("resident_resolved_with", code=code, result=VI("resolution_result_1"))
    assert notice.buttons[0] == ["😊 Hài lòng", "🙁 Chưa hài lòng"]

    calls = await resident.press("Hài lòng")
    assert toast(calls) == VI("toast_thanks")
    assert only_message(calls).text == VI("rated_satisfied", code=code)
    assert rows(app, "SELECT satisfied FROM ratings") == [(1,)]
    assert to_group(await deliver(app)) == []

    # Someone else holding the code sees the same buttons on /status of a resolved one.
    neighbour = Person(app, api, user_id=123123123, first_name="Bình", username="binh_x")
    status = only_message(await neighbour.send(f"/status {code}"))
    assert ["😊 Hài lòng", "🙁 Chưa hài lòng"] in status.buttons

    # Not satisfied (a later rating replaces the first): reopened, the group told, and
    # the resident may say why.
    calls = await resident.press("Chưa hài lòng")
    assert toast(calls) == VI("toast_reopened")
    assert only_message(calls).text == VI("adding_prompt_dissatisfied", code=code)
    assert rows(app, "SELECT satisfied FROM ratings") == [(0,)]
    assert rows(app, "SELECT status FROM feedback") == [("in_progress",)]
    told = to_group(await deliver(app))
    assert [c.text for c in told] == [VI("staff_notice_dissatisfied", code=code)]
    assert "chưa hài lòng" in told[0].text
    assert told[0].params["reply_parameters"]["message_id"] == card.result["message_id"]
    await resident.send("Đèn lại tắt sau hai ngày")
    await resident.press(VI("btn_send_addition"))
    why = to_group(await deliver(app))
    assert [c.text for c in why] == [
        "\n".join([VI("staff_addition_dissatisfied", code=code), "", "Đèn lại tắt sau hai ngày"])
    ]
    status_text = await status_of(resident, code)
    assert VI("resident_status_in_progress") in status_text
    assert_no_identity_outside(everything, resident)


async def test_stats_digest_and_export_show_the_satisfaction_rate(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    codes = [await send_feedback(resident, f"Góp ý số {n}", replies=True) for n in range(3)]
    await deliver(app)
    for code in codes:
        await officer.press_data(f"st:{await _id(app, code)}:resolved")
        await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    await deliver(app)
    await resident.press_data(f"fb:ok:{codes[0]}")
    await resident.press_data(f"fb:ok:{codes[1]}")
    await resident.press_data(f"fb:ko:{codes[2]}")

    stats = "\n".join(c.text for c in sent(await officer.send("/stats 7")))
    assert VI("stats_satisfaction", rate="66,7%", satisfied=2, ratings=3) in stats

    clock.advance(WINDOW)  # the digest's period ends before its own moment
    digest = "\n".join(c.text for c in sent(await officer.send("/digest")))
    assert "2 hài lòng, 1 chưa hài lòng" in digest
    assert codes[2] in digest

    documents = sent(await officer.send("/export 7"), "sendDocument")
    table = next(d for d in documents if d.file_names["document"].endswith(".csv"))
    reader = csv.DictReader(io.StringIO(table.files["document"].decode("utf-8-sig")))
    ratings = {row["Mã tra cứu"]: row[VI("doc_export_rating")] for row in reader}
    assert ratings == {
        codes[0]: VI("export_satisfied"),
        codes[1]: VI("export_satisfied"),
        codes[2]: VI("export_dissatisfied"),
    }


async def _id(app: HomThuApplication, code: str) -> int:
    return (await app.bot_data.database.feedback.get_by_code(code)).id


# --- 7. in the resident's language ---------------------------------------------------------


async def test_an_english_resident_gets_everything_in_english(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await resident.send("/language")
    await resident.press("English")
    code = await _send_in_english(resident)
    receipt = resident.api.button(resident.chat, EN("btn_receive"))[0]
    assert receipt.text.startswith(EN("sent", code=code).splitlines()[0])
    await resident.press(EN("btn_receive"))
    card = card_of(await deliver(app))
    assert "Khu vực: Khu phố 3" in card.text  # staff read Vietnamese

    await propose(officer, card.result["message_id"], ANSWER)
    await officer.press("Gửi trả lời")
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [
        "\n".join([EN("resident_reply", code=code, committee=COMMITTEE_EN), "", ANSWER])
    ]
    assert EN("btn_see_status") in flat(reached[0].buttons)
    assert EN("btn_add_more") in flat(reached[0].buttons)
    status = await status_of(resident, code)
    # Sent Sat 21 Nov 2026; 7 working days from Mon 23, Tue 24 (Culture Day) off: Wed 2 Dec.
    assert EN("status_due", due="02/12/2026") in status
    assert ANSWER in status

    await officer.press("Không xử lý")
    await officer.press(VI("rejection_reason_1"))
    await officer.press(VI("btn_elsewhere_unknown"))  # where to go: tests/test_outcome.py
    reached = await past_the_undo_window(app, clock, resident)
    # A reason from the preset buttons is one of the committee's standard phrases: the
    # resident reads it in English, in the notice and on /status; staff in Vietnamese.
    assert [c.text for c in reached] == [
        EN("resident_rejected_because", code=code, reason=EN("rejection_reason_1"))
    ]
    status = await status_of(resident, code)
    assert EN("status_reason", reason=EN("rejection_reason_1")) in status
    assert VI("rejection_reason_1") not in status
    feedback = await app.bot_data.database.feedback.get_by_code(code)
    assert feedback.reason == VI("rejection_reason_1")

    # An officer's own words reach the resident as written.
    await officer.press("Đang xử lý")
    await officer.press("Không xử lý")
    asked = officer.api.button(STAFF_CHAT_ID, VI("rejection_reason_1"))[0]
    reason = "Đường thuộc tỉnh quản lý"
    await officer.reply_to(asked.message_id, reason)
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [EN("resident_rejected_because", code=code, reason=reason)]
    status = await status_of(resident, code)
    assert EN("resident_status_rejected") in status
    assert EN("status_reason", reason=reason) in status
    await resident.press(EN("btn_add_more"))
    assert resident.api.button(resident.chat, EN("btn_stop_adding"))


async def _send_in_english(resident: Person) -> str:
    await resident.send("/start kp3")
    await resident.press("Daily life")
    await resident.send("The street light in lane 5 is broken")
    await resident.press(EN("btn_preview"))
    receipt = only_message(await resident.press(EN("btn_send")))
    return str(rows_code(receipt.text))


def rows_code(text: str) -> str:
    from tests.test_intake import CODE

    match = CODE.search(text)
    assert match, text
    return match.group(1)


async def test_a_forward_within_the_window_replaces_the_resolved_notice(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await app.bot_data.database.agencies.add("congan", "Công an thị trấn")
    await app.bot_data.refresh_agency_chats()
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW / 3)
    await officer.press("Đã chuyển cấp có thẩm quyền")
    await officer.press("Công an thị trấn")
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [
        VI("resident_forwarded", code=code, agency="Công an thị trấn")
    ]


async def test_a_question_in_english_is_framed_in_english(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await resident.send("/language")
    await resident.press("English")
    code = await _send_in_english(resident)
    await resident.press(EN("btn_receive"))
    await deliver(app)
    asked = only_message(await officer.press("Hỏi thêm"))
    await propose(officer, asked.result["message_id"], "Số nhà bao nhiêu?")
    await officer.press("Gửi câu hỏi")
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [
        "\n".join(
            [
                EN("resident_question", code=code, committee=COMMITTEE_EN),
                "",
                "Số nhà bao nhiêu?",
                "",
                EN("resident_question_footer"),
            ]
        )
    ]
    assert EN("btn_answer_question") in flat(reached[0].buttons)


async def test_hoi_them_says_when_the_resident_does_not_receive_answers(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    asked = only_message(await officer.press("Hỏi thêm"))
    assert asked.text == VI("ask_question_prompt_public", code=code)
    await propose(officer, asked.result["message_id"], "Số nhà bao nhiêu?")
    await officer.press("Gửi câu hỏi")
    clock.advance(WINDOW)
    delivered = await deliver(app)
    assert to_resident(delivered, resident) == []
    assert sent(delivered, "editMessageText")[0].text.startswith(
        VI("staff_question_public_only", code=code, who="Hoa Lê Thị", time="08:01 21/11/2026")
    )
    assert "Số nhà bao nhiêu?" in await status_of(resident, code)
