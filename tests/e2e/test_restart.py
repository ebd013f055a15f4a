"""A bot restart in the middle of a draft: stopped politely (SIGTERM) or killed (SIGKILL)."""

from __future__ import annotations

import signal

import pytest

from tests.botapi import BotAPIServer
from tests.e2e import story
from tests.e2e.harness import BotProcess, draft_texts, query
from texts import Texts

BEFORE = "Cống thoát nước ở tổ 7 bị tắc, mưa là ngập."
VI = Texts("vi")
AFTER = "Bổ sung sau khi bot khởi động lại: nước tràn vào nhà dân."
DRAFT_ROWS = (
    "SELECT (SELECT COUNT(*) FROM resident_drafts), (SELECT COUNT(*) FROM conversation_states)"
)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
async def test_a_draft_resumes_after_a_restart_and_can_be_sent(
    stop: signal.Signals, server: BotAPIServer, running_bot: BotProcess
) -> None:
    bot = running_bot
    admin = story.the_admin(server)
    await story.add_area(admin, "to-7", "Tổ dân phố 7")
    resident = server.resident(7_720_113_905, "Hương", "Đỗ Kín", "huong_restart_e2e")
    resident.say("/start to-7")
    await resident.wait_for("Tổ dân phố 7")
    await story.choose_topic(resident, "Tài nguyên, môi trường")
    await story.write(resident, BEFORE)
    # Durable before the stop: the draft is on disk, as another process sees it.
    await server.wait_until(
        lambda: any(BEFORE in text for text in draft_texts(bot.database)),
        describe="the draft on disk",
    )

    code = await bot.stop(stop)
    assert code == (0 if stop == signal.SIGTERM else -signal.SIGKILL), bot.log
    await bot.start_and_wait(server)

    ack = await story.write(resident, AFTER)
    assert ack.text == VI("received")
    card = await story.preview(resident)
    assert BEFORE in card.text
    assert AFTER in card.text
    reference = await story.send(resident)
    stored = query(bot.database, "SELECT body FROM feedback WHERE code = ?", reference)
    assert stored == [(f"{BEFORE}\n\n{AFTER}",)]
    # The conversation is over: its rows go (written just after the receipt).
    await server.wait_until(
        lambda: query(bot.database, DRAFT_ROWS) == [(0, 0)], describe="the draft rows gone"
    )


async def test_a_button_from_before_the_restart_still_works(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    bot = running_bot
    admin = story.the_admin(server)
    await story.add_area(admin, "kp3", "Khu phố 3")
    resident = server.resident(7_720_113_906, "Lộc", "Vũ", "loc_restart_e2e")
    resident.say("/start kp3")
    await resident.wait_for("Khu phố 3")
    await story.choose_topic(resident, "Khác")
    await story.write(resident, BEFORE)
    await server.wait_until(
        lambda: any(BEFORE in text for text in draft_texts(bot.database)),
        describe="the draft on disk",
    )
    await bot.stop(signal.SIGKILL)
    await bot.start_and_wait(server)
    # «Xem lại và gửi» under the acknowledgement sent before the restart.
    card = await story.preview(resident)
    assert BEFORE in card.text
    reference = await story.send(resident)
    assert query(bot.database, "SELECT body FROM feedback WHERE code = ?", reference) == [
        (BEFORE,)
    ]
