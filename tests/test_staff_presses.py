"""«Thu hồi» counts from the press, whatever Telegram says of the presser; the /open pages
ask who presses (review of issue 19, S5).

The bot asks Telegram whether a presser is in the staff group (item 25) about once in ten
minutes per officer; that question can wait behind the group's messages in the rate
limiter, or fail. A take-back never harms a resident, so it counts from the press and acts
when Telegram cannot say; it is still refused to someone known not to be a member.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.handlers.staff import commands
from bot.ptb.context import HomThuApplication
from tests.support import STAFF_CHAT_ID, Call, FrozenClock, Person, RecordingBotAPI
from tests.test_dialogue import ANSWER, past_the_undo_window, proposed, toast
from tests.test_intake import rows, sent
from tests.test_staff import deliver, send_feedback
from texts import Texts

VI = Texts("vi")


async def _sent_answer(
    app: HomThuApplication, resident: Person, officer: Person, clock: FrozenClock
) -> None:
    """Hoa sends an answer; 50 of its 60 seconds pass."""
    await proposed(app, resident, officer, ANSWER)
    await officer.press("Gửi trả lời")
    clock.advance(timedelta(seconds=50))


async def test_a_take_back_pressed_in_time_counts_though_the_member_check_is_slow(
    resident: Person,
    officer: Person,
    colleague: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await _sent_answer(app, resident, officer, clock)

    def slow(call: Call) -> None:
        # getChatMember waited behind the group's messages: it answers after the window.
        if call.method == "getChatMember":
            clock.advance(timedelta(seconds=20))

    api.on_accept.append(slow)
    calls = await colleague.press("Thu hồi")  # Nam was not asked about for ten minutes
    api.on_accept.remove(slow)
    assert sent(calls, "getChatMember")
    assert toast(calls) == VI("toast_withdrawn")
    assert rows(app, "SELECT withdrawn_at IS NOT NULL FROM responses") == [(1,)]
    assert await past_the_undo_window(app, clock, resident) == []


async def test_a_take_back_acts_when_telegram_cannot_say_who_pressed(
    resident: Person,
    officer: Person,
    colleague: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await _sent_answer(app, resident, officer, clock)
    api.fail_next("getChatMember", 502, "Bad Gateway")
    calls = await colleague.press("Thu hồi")
    assert toast(calls) == VI("toast_withdrawn")
    assert rows(app, "SELECT withdrawn_at IS NOT NULL FROM responses") == [(1,)]
    assert await past_the_undo_window(app, clock, resident) == []


async def test_a_take_back_by_someone_known_not_to_be_a_member_is_refused(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await _sent_answer(app, resident, officer, clock)
    outsider = Person(app, api, 5099, "Khách", "Ngoài", "khach", chat_id=STAFF_CHAT_ID)
    api.members[(STAFF_CHAT_ID, outsider.user_id)] = "left"
    calls = await outsider.press("Thu hồi")
    assert toast(calls) == VI("staff_not_member")
    assert rows(app, "SELECT withdrawn_at IS NOT NULL FROM responses") == [(0,)]
    assert len(await past_the_undo_window(app, clock, resident)) == 1


async def test_the_next_page_of_open_is_refused_to_someone_not_in_the_group(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(commands, "OPEN_PAGE_SIZE", 1)
    await send_feedback(resident, "Góp ý thứ nhất")
    await send_feedback(resident, "Góp ý thứ hai")
    await deliver(app)
    await officer.send("/open")
    outsider = Person(app, api, 5099, "Khách", "Ngoài", "khach", chat_id=STAFF_CHAT_ID)
    api.members[(STAFF_CHAT_ID, outsider.user_id)] = "left"

    calls = await outsider.press(VI("btn_backlog_next", page=2))
    assert toast(calls) == VI("staff_not_member")
    assert sent(calls, "sendMessage") == []
    # A member still turns the page.
    calls = await officer.press(VI("btn_backlog_next", page=2))
    assert "Góp ý thứ hai" in "\n".join(c.text for c in sent(calls, "sendMessage"))
