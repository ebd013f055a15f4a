"""Prompts that ask staff for words act once (review of issue 19, S3 and S4).

«Không xử lý», «Không thuộc thẩm quyền», «Đã giải quyết» and «Đã chuyển cấp có thẩm quyền»
ask in the group for a reason, a place, a result or an agency; a reply to the prompt gives
it. Answered or cancelled, or when the feedback's status changed since, the prompt stops
acting: a later reply (a colleague's chat days after) is not used, and the group is told.
An edit of the reply that gave the words rewords the status within the undo window, and is
refused visibly after it.
"""

from __future__ import annotations

import itertools

from bot.ptb.context import HomThuApplication
from tests.support import STAFF_CHAT_ID, FrozenClock, Person
from tests.test_dialogue import past_the_undo_window, status_of, to_group, toast
from tests.test_intake import only_message, rows, sent
from tests.test_staff import WINDOW, deliver, send_feedback
from texts import Texts

VI = Texts("vi")
CHATTER = "Sao hủy vậy anh? Gọi anh Tuấn 0905 111 222 nhé"
RESULT = "Điện lực đã thay bóng đèn ngõ 5 ngày 20/11"


def next_message_id(person: Person) -> int:
    """The id the person's next message will have."""
    number = next(person._message_ids)
    person._message_ids = itertools.count(number)
    return number


async def _asked(officer: Person, button: str) -> int:
    """The officer presses ``button`` on the card: the id of the prompt it posts."""
    return int(only_message(await officer.press(button)).result["message_id"])


def _newest_reason(app: HomThuApplication) -> list[tuple[object, ...]]:
    return rows(app, "SELECT status, reason FROM status_changes ORDER BY id DESC LIMIT 1")


# --- S3: a prompt acts once ---------------------------------------------------------------


async def test_a_reply_to_a_cancelled_result_prompt_is_not_used(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Đã giải quyết")
    await officer.press("Hủy")

    calls = await officer.reply_to(prompt, CHATTER)
    assert [c.text for c in to_group(calls)] == [VI("prompt_reply_closed", code=code)]
    assert rows(app, "SELECT status FROM feedback") == [("new",)]
    assert await past_the_undo_window(app, clock, resident) == []
    assert CHATTER not in await status_of(resident, code)


async def test_a_second_reply_to_an_answered_prompt_changes_nothing(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Đã giải quyết")
    await officer.reply_to(prompt, RESULT)
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [VI("resident_resolved_with", code=code, result=RESULT)]

    clock.advance(WINDOW * 100)  # days later, a colleague's chat under the old prompt
    calls = await officer.reply_to(prompt, CHATTER)
    assert [c.text for c in to_group(calls)] == [VI("prompt_reply_closed", code=code)]
    assert _newest_reason(app) == [("resolved", RESULT)]
    assert await past_the_undo_window(app, clock, resident) == []


async def test_a_reply_to_a_cancelled_where_to_go_prompt_is_not_used(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Không xử lý")
    await officer.press(VI("rejection_reason_1"))  # the same message now asks where to go
    await officer.press("Hủy")

    calls = await officer.reply_to(prompt, CHATTER)
    assert [c.text for c in to_group(calls)] == [VI("prompt_reply_closed", code=code)]
    assert rows(app, "SELECT status FROM feedback") == [("new",)]
    assert await past_the_undo_window(app, clock, resident) == []


async def test_a_reply_to_a_reason_prompt_after_the_status_changed_is_not_used(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Không xử lý")
    await officer.press("Đang xử lý")  # the feedback moved on; the prompt is still there

    calls = await officer.reply_to(prompt, CHATTER)
    assert [c.text for c in to_group(calls)] == [VI("prompt_reply_outdated", code=code)]
    assert rows(app, "SELECT status FROM feedback") == [("in_progress",)]
    assert await past_the_undo_window(app, clock, resident) == []


async def test_a_reply_to_an_agency_prompt_after_the_status_changed_is_not_used(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Đã chuyển cấp có thẩm quyền")
    await officer.press("Đang xử lý")

    calls = await officer.reply_to(prompt, "Phòng Kinh tế hạ tầng")
    assert [c.text for c in to_group(calls)] == [VI("prompt_reply_outdated", code=code)]
    assert rows(app, "SELECT COUNT(*) FROM forwards") == [(0,)]
    assert rows(app, "SELECT status FROM feedback") == [("in_progress",)]


async def test_a_button_left_on_a_cancelled_prompt_does_nothing(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Đã giải quyết")
    _, data = officer.api.button(STAFF_CHAT_ID, VI("resolution_result_1"))
    await officer.press("Hủy")

    # A second phone still showed the buttons: the press comes after the cancel.
    calls = await officer.press_data(data, prompt)
    assert toast(calls) == VI("toast_prompt_closed")
    assert rows(app, "SELECT status FROM feedback") == [("new",)]


# --- S4: an edit of the words rewords the status, or is refused ------------------------------


async def test_an_edit_of_the_result_within_the_window_replaces_it(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Đã giải quyết")
    reply_id = next_message_id(officer)
    await officer.reply_to(prompt, "Đã thay bóng đen")  # a typo, seen at once
    clock.advance(WINDOW / 2)

    calls = await officer.edit(reply_id, RESULT)
    said = only_message(calls)
    assert said.text == VI("status_reworded_told", code=code, words=RESULT, seconds=60)
    assert _newest_reason(app) == [("resolved", RESULT)]
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [VI("resident_resolved_with", code=code, result=RESULT)]
    assert "bóng đen" not in await status_of(resident, code)


async def test_an_edit_of_the_place_to_go_within_the_window_replaces_it(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Không xử lý")
    await officer.press(VI("rejection_reason_1"))
    reply_id = next_message_id(officer)
    await officer.reply_to(prompt, "Phòng Tài nguyên")
    calls = await officer.edit(reply_id, "Phòng Tài nguyên và Môi trường huyện")
    assert only_message(calls).text == VI(
        "status_reworded_told",
        code=code,
        words="Phòng Tài nguyên và Môi trường huyện",
        seconds=60,
    )
    reached = await past_the_undo_window(app, clock, resident)
    assert [c.text for c in reached] == [
        VI(
            "resident_rejected_elsewhere",
            code=code,
            reason=VI("rejection_reason_1"),
            agency="Phòng Tài nguyên và Môi trường huyện",
        )
    ]


async def test_an_edit_of_the_reason_after_the_window_is_refused(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Không xử lý")
    reply_id = next_message_id(officer)
    await officer.reply_to(prompt, "Trùng với góp ý đã xử lý")
    reached = await past_the_undo_window(app, clock, resident)
    assert len(reached) == 1

    calls = await officer.edit(reply_id, "Lý do khác")
    assert only_message(calls).text == VI("status_reword_refused", code=code, seconds=60)
    assert _newest_reason(app) == [("rejected", "Trùng với góp ý đã xử lý")]
    assert await past_the_undo_window(app, clock, resident) == []
    assert sent(calls, "editMessageText") == []


async def test_edited_words_with_html_characters_read_as_typed(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    """The group's «✏️ Đã dùng lời đã sửa» quotes the edited words escaped once."""
    code = await send_feedback(resident, replies=True)
    await deliver(app)
    prompt = await _asked(officer, "Đã giải quyết")
    reply_id = next_message_id(officer)
    await officer.reply_to(prompt, "Đã thay bóng")
    said = only_message(await officer.edit(reply_id, "Đã thay bóng & dây <ngõ 5>")).text
    assert code in said
    assert "Đã thay bóng &amp; dây &lt;ngõ 5&gt;" in said
    assert "&amp;amp;" not in said
    assert "&amp;lt;" not in said
