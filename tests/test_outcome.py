"""What a resident learns at the end (issue 19, item 19): «Đã giải quyết» asks staff for
the result in a line, as «Không xử lý» asks for the reason, and the resident reads it in the
notice and on /status, after the same undo window; «Không thuộc thẩm quyền» says where to go
instead when staff know it."""

from __future__ import annotations

from bot.ptb.context import HomThuApplication
from tests.support import STAFF_CHAT_ID, FrozenClock, Person
from tests.test_dialogue import (
    ANSWER,
    _send_in_english,
    card_for,
    flat,
    past_the_undo_window,
    propose,
    status_of,
    toast,
)
from tests.test_intake import only_message, rows, sent
from tests.test_staff import WINDOW, deliver, send_feedback
from texts import Texts

VI = Texts("vi")
EN = Texts("en")
RESULTS = [[VI(f"resolution_result_{n}")] for n in (1, 2, 3)]


async def _in_english(resident: Person) -> str:
    """An English-speaking resident sends one feedback and asks for answers: its code."""
    await resident.send("/language")
    await resident.press("English")
    code = await _send_in_english(resident)
    await resident.press(EN("btn_receive"))
    return code


# --- «Đã giải quyết» asks for the result -----------------------------------------------------


async def test_resolved_asks_for_the_result_and_the_resident_reads_it(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    calls = await officer.press("Đã giải quyết")
    assert toast(calls) == VI("toast_result_needed")
    prompt = only_message(calls)
    assert prompt.text == VI("ask_result_prompt", code=code)
    # No answer was published: there is no «already answered» way out, only a result.
    assert prompt.buttons == [*RESULTS, ["✖️ Hủy"]]
    assert rows(app, "SELECT status FROM feedback") == [("new",)]

    # «Hủy»: nothing changes, nobody is told.
    await officer.press("Hủy")
    assert rows(app, "SELECT status FROM feedback") == [("new",)]

    # The officer's own words, by reply to the prompt; too long is refused whole.
    await officer.press("Đã giải quyết")
    asked = officer.api.button(STAFF_CHAT_ID, VI("resolution_result_1"))[0]
    too_long = only_message(await officer.reply_to(asked.message_id, "Kết quả dài. " * 30))
    assert too_long.text == VI("result_too_long", max_chars=300)
    assert rows(app, "SELECT status FROM feedback") == [("new",)]
    result = "Điện lực đã thay bóng đèn ngõ 5 ngày 20/11"
    calls = await officer.reply_to(asked.message_id, result)
    said = sent(calls, "editMessageText")[0]
    # The officer sees exactly what the resident will read before it goes.
    assert said.text == VI(
        "resolved_done_told", code=code, result=result, who="Hoa Lê Thị", seconds=60
    )
    assert rows(app, "SELECT status FROM feedback") == [("resolved",)]
    assert rows(app, "SELECT reason FROM status_changes ORDER BY id DESC LIMIT 1") == [(result,)]
    assert await deliver(app) == []  # the notice waits out the window
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [VI("resident_resolved_with", code=code, result=result)]
    assert flat(reached[0].buttons)[:2] == ["😊 Hài lòng", "🙁 Chưa hài lòng"]
    status = await status_of(resident, code)
    assert VI("resident_status_resolved") in status
    assert VI("status_result", result=result) in status
    assert "Hoa" not in status
    # The card says it too.
    feedback = await app.bot_data.database.feedback.get_by_code(code)
    assert feedback.result == result


async def test_a_preset_result_is_one_tap_and_an_english_resident_reads_it_in_english(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await _in_english(resident)
    await deliver(app)
    await officer.press("Đã giải quyết")
    calls = await officer.press(VI("resolution_result_1"))
    said = sent(calls, "editMessageText")[0]
    assert said.text == VI(
        "resolved_done_told",
        code=code,
        result=VI("resolution_result_1"),
        who="Hoa Lê Thị",
        seconds=60,
    )
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [
        EN("resident_resolved_with", code=code, result=EN("resolution_result_1"))
    ]
    status = await status_of(resident, code)
    assert EN("status_result", result=EN("resolution_result_1")) in status
    assert VI("resolution_result_1") not in status


async def test_a_result_waits_the_undo_window_and_another_status_takes_it_back(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await send_feedback(resident, replies=True)
    await deliver(app)
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_2"))
    clock.advance(WINDOW / 2)
    await officer.press("Đang xử lý")  # a slip of the finger, taken back in time
    clock.advance(WINDOW * 2)
    assert [c for c in await deliver(app) if c.params.get("chat_id") == resident.chat] == []


async def test_after_a_published_answer_the_result_is_optional(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code, card = await card_for(app, resident)
    await propose(officer, card.result["message_id"], ANSWER)
    await officer.press("Gửi trả lời")
    await past_the_undo_window(app, clock, resident)

    calls = await officer.press("Đã giải quyết")
    prompt = only_message(calls)
    assert prompt.buttons == [*RESULTS, [VI("btn_result_answered")], ["✖️ Hủy"]]
    calls = await officer.press(VI("btn_result_answered"))
    assert sent(calls, "editMessageText")[0].text == VI(
        "resolved_done_answered", code=code, who="Hoa Lê Thị", seconds=60
    )
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [VI("resident_resolved", code=code)]
    status = await status_of(resident, code)
    assert ANSWER in status
    assert VI("status_result", result="").strip() not in status


async def test_a_feedback_resolved_without_channels_shows_its_result_on_status(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_3"))
    clock.advance(WINDOW)
    assert await deliver(app) == []  # nobody to tell
    status = await status_of(resident, code)
    assert VI("status_result", result=VI("resolution_result_3")) in status
    shown = "\n".join(c.text for c in sent(await officer.send(f"/show {code}")))
    assert VI("staff_result", result=VI("resolution_result_3")) in shown


# --- «Không thuộc thẩm quyền» says where to go instead ---------------------------------------


async def test_not_ours_asks_where_to_go_and_the_resident_reads_it(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    await app.bot_data.database.agencies.add("dienluc", "Điện lực Cam Lộ")
    code = await _in_english(resident)
    await deliver(app)
    await officer.press("Không xử lý")
    calls = await officer.press(VI("rejection_reason_1"))
    asked = sent(calls, "editMessageText")[0]
    assert asked.text == VI("ask_elsewhere_prompt", code=code)
    assert asked.buttons == [["Điện lực Cam Lộ"], [VI("btn_elsewhere_unknown")], ["✖️ Hủy"]]
    assert rows(app, "SELECT status FROM feedback") == [("new",)]

    calls = await officer.press("Điện lực Cam Lộ")
    said = sent(calls, "editMessageText")[0]
    assert said.text == VI(
        "rejected_elsewhere_told",
        code=code,
        reason=VI("rejection_reason_1"),
        agency="Điện lực Cam Lộ",
        who="Hoa Lê Thị",
        seconds=60,
    )
    reached = await past_the_undo_window(app, clock, resident)
    # In the resident's language, with the agency's name as the committee wrote it.
    assert [c.text for c in reached] == [
        EN(
            "resident_rejected_elsewhere",
            code=code,
            reason=EN("rejection_reason_1"),
            agency="Điện lực Cam Lộ",
        )
    ]
    status = await status_of(resident, code)
    assert EN("status_elsewhere", agency="Điện lực Cam Lộ") in status
    assert rows(
        app, "SELECT status, reason_preset, agency FROM status_changes ORDER BY id DESC LIMIT 1"
    ) == [("rejected", 1, "Điện lực Cam Lộ")]
    history = "\n".join(c.text for c in sent(await officer.send(f"/show {code}")))
    assert VI("show_history_elsewhere", agency="Điện lực Cam Lộ") in history
    assert VI("show_history_agency", agency="Điện lực Cam Lộ") not in history


async def test_where_to_go_in_the_officers_words_or_not_known(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    await officer.press("Không xử lý")
    await officer.press(VI("rejection_reason_1"))
    asked = officer.api.button(STAFF_CHAT_ID, VI("btn_elsewhere_unknown"))[0]
    where = "Phòng Tài nguyên và Môi trường huyện Cam Lộ"
    await officer.reply_to(asked.message_id, where)
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [
        VI(
            "resident_rejected_elsewhere",
            code=code,
            reason=VI("rejection_reason_1"),
            agency=where,
        )
    ]
    card = "\n".join(c.text for c in sent(await officer.send(f"/show {code}")))
    assert VI("staff_elsewhere", agency=where) in card

    # Staff do not know where: the reason alone, as before; resolving is never blocked.
    await officer.press("Đang xử lý")
    await officer.press("Không xử lý")
    await officer.press(VI("rejection_reason_1"))
    await officer.press(VI("btn_elsewhere_unknown"))
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [
        VI("resident_rejected_because", code=code, reason=VI("rejection_reason_1"))
    ]
    status = await status_of(resident, code)
    assert where not in status
