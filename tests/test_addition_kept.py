"""A collected «Bổ sung» is never dropped without a word (review of issue 19, item 9):
another feedback's «Bổ sung», /start, an area, /cancel, «Thôi», the idle sweep, a reply
naming another code, an edit of a collected message."""

from __future__ import annotations

import itertools
from datetime import timedelta

from bot.handlers.general import sweep_idle_drafts
from bot.ptb.context import HomThuApplication, HomThuContext
from tests.support import STAFF_CHAT_ID, Call, FrozenClock, Person
from tests.test_follow_up import ANSWER, answer_sent, told
from tests.test_intake import only_message, rows
from tests.test_staff import card_of, deliver, send_feedback
from texts import Texts

VI = Texts("vi")


def to_group(calls: list[Call]) -> list[Call]:
    """What went to the staff group."""
    posted = ("sendMessage", "sendPhoto", "sendMediaGroup")
    return [c for c in calls if c.method in posted and int(c.params["chat_id"]) == STAFF_CHAT_ID]


def next_message_id(person: Person) -> int:
    """The id the person's next message will have."""
    number = next(person._message_ids)
    person._message_ids = itertools.count(number)
    return number


async def two_feedbacks(resident: Person, app: HomThuApplication) -> tuple[str, str, int, int]:
    """Two feedbacks of one resident, their cards in the group: codes and card ids."""
    first = await send_feedback(resident, "Đèn đường hỏng ở ngõ 5")
    first_card = card_of(await deliver(app))
    second = await send_feedback(resident, "Cống tắc ở chợ")
    second_card = card_of(await deliver(app))
    return first, second, first_card.result["message_id"], second_card.result["message_id"]


async def begin_adding(resident: Person, code: str) -> list[Call]:
    """/status of ``code``, then «Bổ sung» under it."""
    await resident.send(f"/status {code}")
    return await resident.press("Bổ sung")


# --- S1: «Bổ sung» under another feedback ----------------------------------------------------


async def test_bo_sung_for_another_feedback_keeps_the_unsent_one_and_asks_first(
    resident: Person, app: HomThuApplication
) -> None:
    x, y, x_card, y_card = await two_feedbacks(resident, app)
    await begin_adding(resident, y)
    await resident.send("Cống tắc từ sáng thứ Hai")
    old_ack, old_send = resident.api.button(resident.chat, VI("btn_send_addition"))

    calls = await begin_adding(resident, x)
    question = only_message(calls)
    assert question.text == VI("addition_unsent_other", code=y, new_code=x)
    assert [VI("btn_send_addition_of", code=y)] in question.buttons
    assert [VI("btn_drop_addition_of", code=y)] in question.buttons
    assert app.user_data[resident.user_id]["adding"]["texts"] == ["Cống tắc từ sáng thứ Hai"]

    # The old acknowledgement's button sends Y's words under Y's card, and nothing of X's.
    sent = await resident.press_data(old_send, old_ack.message_id)
    assert told(sent)[0] == VI("addition_received", code=y)
    # Then the addition the resident asked for begins.
    assert told(sent)[-1] == VI("adding_prompt", code=x)
    (posted,) = to_group(await deliver(app))
    assert posted.params["reply_parameters"]["message_id"] == y_card
    assert "Cống tắc từ sáng thứ Hai" in posted.text
    await resident.send("Đèn vẫn tắt")
    await resident.press(VI("btn_send_addition"))
    (posted,) = to_group(await deliver(app))
    assert posted.params["reply_parameters"]["message_id"] == x_card
    assert "Đèn vẫn tắt" in posted.text


async def test_dropping_the_unsent_one_from_the_question_then_begins_the_new_one(
    resident: Person, app: HomThuApplication
) -> None:
    x, y, _, _ = await two_feedbacks(resident, app)
    await begin_adding(resident, y)
    await resident.send("Viết nhầm góp ý")
    await begin_adding(resident, x)
    calls = await resident.press(VI("btn_drop_addition_of", code=y))
    assert told(calls) == [VI("adding_dropped_of", code=y), VI("adding_prompt", code=x)]
    assert to_group(await deliver(app)) == []


async def test_an_old_acknowledgement_never_sends_another_feedbacks_addition(
    resident: Person, app: HomThuApplication
) -> None:
    x, y, _, _ = await two_feedbacks(resident, app)
    await begin_adding(resident, y)
    await resident.send("Cho góp ý Y")
    old_ack, old_send = resident.api.button(resident.chat, VI("btn_send_addition"))
    await resident.press_data(old_send, old_ack.message_id)
    await deliver(app)
    await begin_adding(resident, x)
    await resident.send("Cho góp ý X, chưa muốn gửi")
    # The first acknowledgement's button, pressed again (its buttons were not removed).
    calls = await resident.press_data(old_send, old_ack.message_id)
    assert rows(app, "SELECT COUNT(*) FROM additions") == [(1,)]
    assert to_group(await deliver(app)) == []
    assert VI("addition_received", code=x) not in told(calls)
    assert app.user_data[resident.user_id]["adding"]["texts"] == ["Cho góp ý X, chưa muốn gửi"]


# --- S2: the other paths ----------------------------------------------------------------------


async def test_start_while_collecting_says_so_and_the_addition_can_still_be_sent(
    resident: Person, app: HomThuApplication
) -> None:
    x, _, x_card, _ = await two_feedbacks(resident, app)
    await begin_adding(resident, x)
    await resident.send("Thêm: cột số 12")
    calls = await resident.send("/start kp3")
    said = told(calls)
    assert said[0] == VI("addition_set_aside", code=x)
    aside = next(c for c in calls if c.text == said[0])
    assert [VI("btn_send_addition_of", code=x)] in aside.buttons
    # The new draft goes on: a text is the draft's, not the addition's.
    await resident.press("Đời sống")
    assert VI("addition_kept", code=x) not in told(await resident.send("Góp ý mới"))
    calls = await resident.press(VI("btn_send_addition_of", code=x))
    assert VI("addition_received", code=x) in told(calls)
    (posted,) = to_group(await deliver(app))
    assert posted.params["reply_parameters"]["message_id"] == x_card
    assert "Thêm: cột số 12" in posted.text
    assert "Góp ý mới" not in posted.text


async def test_thoi_asks_before_dropping_what_was_collected(
    resident: Person, app: HomThuApplication
) -> None:
    x, _, _, _ = await two_feedbacks(resident, app)
    await begin_adding(resident, x)
    await resident.send("Nội dung bổ sung")
    question = only_message(await resident.press(VI("btn_stop_adding")))
    assert question.text == VI("adding_drop_confirm", code=x)
    assert app.user_data[resident.user_id]["adding"]["texts"] == ["Nội dung bổ sung"]
    kept = await resident.press(VI("btn_keep_addition"))
    assert told(kept)[-1] == VI("addition_kept", code=x)
    await resident.press(VI("btn_stop_adding"))
    dropped = await resident.press(VI("btn_drop_addition_of", code=x))
    assert told(dropped) == [VI("adding_dropped_of", code=x)]
    assert "adding" not in (app.user_data.get(resident.user_id) or {})


async def test_cancel_with_an_addition_asks_and_keep_loses_nothing(
    resident: Person, app: HomThuApplication
) -> None:
    x, _, x_card, _ = await two_feedbacks(resident, app)
    await begin_adding(resident, x)
    await resident.send("Nội dung bổ sung")
    question = only_message(await resident.send("/cancel"))
    assert question.text == VI("adding_drop_confirm", code=x)
    await resident.press(VI("btn_keep_addition"))
    await resident.press(VI("btn_send_addition"))
    (posted,) = to_group(await deliver(app))
    assert posted.params["reply_parameters"]["message_id"] == x_card
    assert "Nội dung bổ sung" in posted.text


async def test_an_addition_swept_for_idleness_leaves_a_notice(
    resident: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    x, _, _, _ = await two_feedbacks(resident, app)
    await begin_adding(resident, x)
    await resident.send("Bổ sung rồi quên bấm gửi")
    clock.advance(timedelta(hours=app.bot_data.settings.draft_idle_hours, minutes=1))
    await sweep_idle_drafts(HomThuContext(app))  # type: ignore[arg-type]
    assert rows(app, "SELECT COUNT(*) FROM resident_drafts") == [(0,)]
    assert rows(app, "SELECT COUNT(*) FROM draft_expiry_notices") == [(1,)]
    (notice,) = rows(app, "SELECT resident_key, sealed_area FROM draft_expiry_notices")
    assert str(resident.user_id) not in str(notice[0])
    assert x.encode() not in bytes(notice[1])
    calls = await resident.send("Xin chào")
    hours = app.bot_data.settings.draft_idle_hours
    assert VI("addition_swept", code=x, hours=hours) in told(calls)


# --- N1: a reply naming another code; an edit of a collected message ----------------------------


async def test_a_reply_naming_another_code_goes_to_that_code(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    x = await send_feedback(resident, "Đèn đường hỏng ở ngõ 5", replies=True)
    x_card = card_of(await deliver(app))
    y = await send_feedback(resident, "Cống tắc ở chợ")
    y_card = card_of(await deliver(app)).result["message_id"]
    answer = [
        c for c in await answer_sent(app, officer, clock, x_card, ANSWER) if ANSWER in c.text
    ]
    await begin_adding(resident, y)
    await resident.send("Cho Y")
    calls = await resident.reply_to(answer[0].result["message_id"], "Đèn vẫn chưa sáng")
    assert VI("addition_unsent_other", code=y, new_code=x) in told(calls)
    assert app.user_data[resident.user_id]["adding"]["texts"] == ["Cho Y"]
    calls = await resident.press(VI("btn_send_addition_of", code=y))
    assert told(calls)[-1] == VI("addition_kept", code=x)
    (posted,) = to_group(await deliver(app))
    assert posted.params["reply_parameters"]["message_id"] == y_card
    assert "Đèn vẫn chưa sáng" not in posted.text
    await resident.press(VI("btn_send_addition"))
    (posted,) = to_group(await deliver(app))
    assert posted.params["reply_parameters"]["message_id"] == x_card.result["message_id"]
    assert "Đèn vẫn chưa sáng" in posted.text


async def test_an_edit_of_a_collected_message_changes_what_is_sent(
    resident: Person, app: HomThuApplication
) -> None:
    x, _, _, _ = await two_feedbacks(resident, app)
    await begin_adding(resident, x)
    mine = next_message_id(resident)
    await resident.send("Gọi tôi số 0905 111 222, đèn cột 12")
    edited = await resident.edit(mine, "Đèn cột 12")
    assert told(edited) == [VI("addition_part_edited", code=x)]
    await resident.press(VI("btn_send_addition"))
    (posted,) = to_group(await deliver(app))
    assert "Đèn cột 12" in posted.text
    assert "0905" not in posted.text
