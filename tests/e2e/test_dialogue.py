"""The dialogue through the real process (issue 11): an officer's chatter that is dropped
and reaches nobody, an answer withdrawn within its window, an answer delivered after it, the
resident's addition arriving under the card, and «Chưa hài lòng» reopening a feedback."""

from __future__ import annotations

import asyncio

from tests.botapi import BotAPIServer, BotMessage, Person
from tests.e2e import story
from tests.e2e.harness import STAFF_CHAT_ID, BotProcess, query
from tests.e2e.story import VI, has_button, shown
from tests.e2e.test_staff import an_officer, resident_sends, the_card
from tests.support import COMMITTEE_VI

# The harness's UNDO_SECONDS is 2: past it, with room for the outbox to run.
AFTER_THE_WINDOW = 4.0
ANSWER = "Điện lực sẽ thay bóng đèn ngõ 5 vào sáng thứ Năm."


def answers_to(resident: Person, code: str) -> list[BotMessage]:
    """The committee's answers about ``code`` in the resident's chat."""
    return [m for m in resident.messages() if f"về góp ý {code}:" in m.text]


def assert_nobody_named(server: BotAPIServer, resident: Person) -> None:
    """Nothing in the staff group names or numbers the resident."""
    for message in server.messages(STAFF_CHAT_ID, include_deleted=True):
        for hidden in resident.identity:
            assert hidden not in str(message.data), hidden


async def test_chatter_dropped_and_an_answer_withdrawn_reach_nobody_and_a_sent_one_does(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    resident, code, _ = await resident_sends(server, replies=True, photo=False)
    card = await the_card(server, code)
    officer = an_officer(server)

    # Chatter between colleagues, as a reply to the card: a proposal, dropped.
    await story.propose(officer, card, "Chị Hoa xử lý vụ này nhé", code)
    officer.press("Hủy")
    await officer.wait_for(shown(VI("proposal_dropped", code=code, who="Hoa Lê Thị")))

    # An answer sent by mistake, taken back within the window.
    await story.propose(officer, card, "Nhầm góp ý rồi", code)
    officer.press("Gửi trả lời")
    await officer.wait_for(has_button("Thu hồi"))
    officer.press("Thu hồi")
    await officer.wait_for(shown(VI("proposal_withdrawn", code=code, who="Hoa Lê Thị")))
    await asyncio.sleep(AFTER_THE_WINDOW)
    assert answers_to(resident, code) == []
    texts = "\n".join(m.text for m in resident.messages())
    assert "Chị Hoa" not in texts
    assert "Nhầm góp ý" not in texts
    status = await story.status(resident, code)
    assert "Nhầm góp ý" not in status.text

    # The real answer: nothing during the window, then exactly once.
    sent = await story.answer(officer, card, ANSWER, code)
    assert shown(VI("staff_answer_correct_hint")) in sent.text
    delivered = await resident.wait_for(f"về góp ý {code}:", timeout=15)
    assert ANSWER in delivered.text
    assert COMMITTEE_VI in delivered.text
    assert "Hoa" not in delivered.text
    await asyncio.sleep(1)
    assert len(answers_to(resident, code)) == 1
    assert query(running_bot.database, "SELECT state FROM proposals ORDER BY id") == [
        ("dropped",),
        ("dropped",),
        ("sent",),
    ]


async def test_the_residents_addition_arrives_under_the_card_and_not_satisfied_reopens(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    resident, code, _ = await resident_sends(server, replies=True, photo=False)
    card = await the_card(server, code)
    officer = an_officer(server)

    # «Bổ sung» on the status message: the next text goes under the card, with the code.
    await story.status(resident, code)
    resident.press("Bổ sung")
    await resident.wait_for(shown(VI("adding_prompt", code=code)))
    resident.say("Đến giờ vẫn chưa có điện ở đầu ngõ")
    await resident.wait_for(shown(VI("addition_kept", code=code)))
    resident.press(VI("btn_send_addition"))
    await resident.wait_for(shown(VI("addition_received", code=code)))
    addition = await server.wait_for(
        STAFF_CHAT_ID, lambda m: "Đến giờ vẫn chưa có điện" in m.text, timeout=15
    )
    assert code in addition.text
    assert "Bổ sung" in addition.text
    assert addition.data["reply_to_message"]["message_id"] == card.message_id

    # A Telegram reply to the bot's message naming the code does the same.
    receipt = next(m for m in resident.messages() if "Mã tra cứu" in m.text)
    resident.reply_to(receipt, "Cột số 12 bị nghiêng")
    await resident.wait_for(shown(VI("addition_kept", code=code)))
    resident.press(VI("btn_send_addition"))
    await resident.wait_for(shown(VI("addition_received", code=code)))
    await server.wait_for(STAFF_CHAT_ID, lambda m: "Cột số 12 bị nghiêng" in m.text)

    # Resolved; the resident is not satisfied: reopened, the group told, the reason taken.
    officer.press("Đã giải quyết")
    await officer.wait_for(has_button(VI("resolution_result_1")), timeout=15)
    officer.press(VI("resolution_result_1"))
    result = VI("resolution_result_1")
    await resident.wait_for(
        shown(VI("resident_resolved_with", code=code, result=result)), timeout=15
    )
    resident.press("Chưa hài lòng")
    await resident.wait_for(shown(VI("adding_prompt_dissatisfied", code=code)))
    # The card itself now says so too (every copy shows the current state): the group's
    # own message is the one that is not the card.
    told = await server.wait_for(
        STAFF_CHAT_ID,
        lambda m: "chưa hài lòng" in m.text and code in m.text and m.message_id != card.message_id,
        timeout=15,
    )
    assert told.data["reply_to_message"]["message_id"] == card.message_id
    assert query(running_bot.database, "SELECT status FROM feedback") == [("in_progress",)]
    assert query(running_bot.database, "SELECT satisfied FROM ratings") == [(0,)]
    resident.say("Đèn lại tắt sau hai ngày")
    await resident.wait_for(shown(VI("addition_kept", code=code)))
    resident.press(VI("btn_send_addition"))
    await server.wait_for(STAFF_CHAT_ID, lambda m: "Đèn lại tắt sau hai ngày" in m.text)
    assert query(running_bot.database, "SELECT kind FROM additions ORDER BY id") == [
        ("addition",),
        ("addition",),
        ("dissatisfied",),
    ]
    assert_nobody_named(server, resident)
