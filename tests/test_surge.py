"""Surges: many feedbacks at once reach the group packed, each still reachable and answerable."""

from __future__ import annotations

from bot.delivery.outbox import MOST_PER_BATCH, SURGE_BACKLOG
from bot.ptb.context import HomThuApplication
from bot.ptb.flood import SlotRateLimiter
from tests.support import STAFF_CHAT_ID, Person, RecordingBotAPI
from tests.test_intake import only_message, rows, sent
from tests.test_staff import STATUS_BUTTONS, deliver, send_feedback
from texts import Texts

VI = Texts("vi")
# Telegram's limit, as the bot's limiter keeps it: messages a minute into one group.
GROUP_PER_MINUTE = 20


async def test_a_few_at_once_still_get_full_cards(
    app: HomThuApplication, resident: Person
) -> None:
    for n in range(SURGE_BACKLOG - 1):
        await send_feedback(resident, f"Góp ý {n}")
    calls = await deliver(app)
    assert [c.buttons == STATUS_BUTTONS for c in sent(calls)] == [True] * (SURGE_BACKLOG - 1)


async def test_two_at_once_are_packed_when_the_groups_minute_is_used_up(
    app: HomThuApplication, resident: Person
) -> None:
    """With the group's slots used up, a second card sent alone would wait a whole slot
    (three seconds) behind the first: both go in the one message the slot allows."""
    limiter = app.bot.rate_limiter
    assert isinstance(limiter, SlotRateLimiter)
    for _ in range(GROUP_PER_MINUTE - 1):  # what the group was sent this minute
        async with limiter.slot(STAFF_CHAT_ID):
            pass
    codes = [await send_feedback(resident, f"Góp ý {n}") for n in range(2)]
    messages = sent(await deliver(app))
    assert len(messages) == 1
    assert all(code in messages[0].text for code in codes)
    assert sorted(label for row in messages[0].buttons for label in row) == sorted(
        f"📂 {code}" for code in codes
    )


async def test_a_surge_is_packed_and_keeps_every_feedback(
    app: HomThuApplication, api: RecordingBotAPI
) -> None:
    # Many residents at once (one resident may send only 10 an hour).
    residents = [Person(app, api, user_id=920000 + n) for n in range(23)]
    codes = [await send_feedback(r, f"Góp ý số {n} " + "ư" * 200) for n, r in enumerate(residents)]
    calls = await deliver(app)
    messages = sent(calls)
    # 23 feedbacks in at most 3 messages, none over Telegram's limit.
    assert len(messages) <= 3
    assert all(len(m.text) <= 4096 for m in messages)
    text = "\n".join(m.text for m in messages)
    for code in codes:
        assert code in text
    buttons = [label for m in messages for row in m.buttons for label in row]
    assert sorted(buttons) == sorted(f"📂 {code}" for code in codes)
    assert all(len(row) <= 2 for m in messages for row in m.buttons)
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL") == [(0,)]
    assert await deliver(app) == []
    assert max(len(m.buttons) * 2 for m in messages) >= 2
    assert len(messages[0].buttons) <= (MOST_PER_BATCH + 1) // 2


async def test_a_packed_feedback_opens_as_an_answerable_card(
    app: HomThuApplication, resident: Person, api: RecordingBotAPI
) -> None:
    codes = [await send_feedback(resident, f"Góp ý {n}", photos=n % 2) for n in range(4)]
    await deliver(app)
    officer = Person(app, api, user_id=5301, first_name="Bình", chat_id=STAFF_CHAT_ID)
    calls = await officer.press(f"📂 {codes[1]}")
    card = next(c for c in sent(calls) if c.buttons)
    assert f"Góp ý {codes[1]}" in card.text
    assert card.buttons == STATUS_BUTTONS
    assert [c.params["photo"] for c in sent(calls, "sendPhoto")] == ["PHOTO-0"]
    # The opened card works like any notification: status buttons and replies.
    await officer.press("Đang xử lý")
    reply = await officer.reply_to(card.result["message_id"], "Đã nhận, đang xử lý")
    assert VI("proposal_answer", code=codes[1], who="Bình Nguyễn") in only_message(reply).text
    status = rows(app, f"SELECT status FROM feedback WHERE code = '{codes[1]}'")
    assert status == [("in_progress",)]


async def test_a_reply_to_the_packed_message_explains_what_to_do(
    app: HomThuApplication, resident: Person, api: RecordingBotAPI
) -> None:
    for n in range(SURGE_BACKLOG):
        await send_feedback(resident, f"Góp ý {n}")
    batch = sent(await deliver(app))[0]
    officer = Person(app, api, user_id=5302, first_name="Cúc", chat_id=STAFF_CHAT_ID)
    answer = only_message(await officer.reply_to(batch.result["message_id"], "Trả lời ai?"))
    assert answer.text == VI("batch_reply")
    assert rows(app, "SELECT COUNT(*) FROM responses") == [(0,)]
