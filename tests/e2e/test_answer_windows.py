"""Issue 19, promise 3, through the real process: an answer's undo window outlives a
restart of the bot (item 1)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.botapi import BotAPIServer
from tests.e2e import story
from tests.e2e.harness import STAFF_CHAT_ID, BotProcess, bot_environment, query
from tests.e2e.story import VI, has_button, shown
from tests.e2e.test_dialogue import answers_to
from tests.e2e.test_staff import an_officer, resident_sends, the_card

# Long enough for a restart to happen well inside it.
WINDOW = 14
ANSWER = "Điện lực sẽ thay bóng đèn ngõ 5 vào sáng thứ Năm."


@pytest.fixture
async def slow_window_bot(tmp_path: Path, server: BotAPIServer) -> AsyncIterator[BotProcess]:
    """The bot with a longer undo window, started and polling."""
    process = BotProcess(
        tmp_path, bot_environment(tmp_path, server.base_url, UNDO_SECONDS=str(WINDOW))
    )
    try:
        await process.start_and_wait(server)
        yield process
    finally:
        await process.close()
        print(process.log)  # shown by pytest when the test fails


async def test_a_restart_within_an_answers_window_keeps_thu_hoi(
    server: BotAPIServer, slow_window_bot: BotProcess
) -> None:
    bot = slow_window_bot
    resident, code, _ = await resident_sends(server, replies=True, photo=False)
    card = await the_card(server, code)
    officer = an_officer(server)
    await story.propose(officer, card, ANSWER, code)
    officer.press("Gửi trả lời")
    pending = await officer.wait_for(has_button("Thu hồi"))

    await bot.stop(signal.SIGTERM)
    await bot.start_and_wait(server)
    await asyncio.sleep(2)  # the restarted bot's outbox has run

    # Still within the window: the group is not told it went, «Thu hồi» is still there.
    group = server.messages(STAFF_CHAT_ID)
    assert not any(f"Đã gửi trả lời góp ý {code}" in m.text for m in group)
    now = next(m for m in group if m.message_id == pending.message_id)
    assert has_button("Thu hồi")(now), now.labels
    assert answers_to(resident, code) == []

    officer.press("Thu hồi")
    await officer.wait_for(shown(VI("proposal_withdrawn", code=code, who="Hoa Lê Thị")))
    await asyncio.sleep(WINDOW)
    assert answers_to(resident, code) == []
    assert query(bot.database, "SELECT withdrawn_at IS NOT NULL FROM responses") == [(1,)]
