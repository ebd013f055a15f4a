"""A resident's second draft, after a first feedback was sent, outlives a restart (item 8).

PTB queues the deletion of a finished conversation's user data and runs it with its
persistence (every minute, and at stop): run over the next draft, it deleted it.
"""

from __future__ import annotations

import signal

from tests.botapi import BotAPIServer
from tests.e2e import story
from tests.e2e.harness import BotProcess, draft_texts, query
from texts import Texts

VI = Texts("vi")
FIRST = "Rác ở chợ Cam Lộ chưa được thu gom."
SECOND = "Đèn đường ở ngõ 5 Khu phố 2 hỏng đã hai tuần."
MORE = "Buổi tối rất tối, trẻ em đi học về nguy hiểm."


async def test_a_second_draft_survives_a_restart(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    bot = running_bot
    admin = story.the_admin(server)
    await story.add_area(admin, "kp3", "Khu phố 3")
    await story.add_area(admin, "kp2", "Khu phố 2")
    resident = server.resident(7_720_119_008, "Bình", "Phan Kín", "binh_item8_e2e")
    resident.say("/start kp3")
    await resident.wait_for("Khu phố 3")
    await story.choose_topic(resident, "Tài nguyên, môi trường")
    await story.write(resident, FIRST)
    await story.preview(resident)
    await story.send(resident)

    resident.say("/start kp2")
    await resident.wait_for("Khu phố 2")
    await story.choose_topic(resident, "Xây dựng đô thị văn minh, hạ tầng")
    await story.write(resident, SECOND)
    await server.wait_until(
        lambda: draft_texts(bot.database) == [SECOND], describe="the second draft on disk"
    )

    # SIGTERM: PTB's last persistence run, the one that replayed the old deletion.
    assert await bot.stop(signal.SIGTERM) == 0, bot.log
    assert draft_texts(bot.database) == [SECOND]
    await bot.start_and_wait(server)

    ack = await story.write(resident, MORE)
    assert ack.text == VI("received")
    card = await story.preview(resident)
    assert SECOND in card.text
    assert MORE in card.text
    reference = await story.send(resident)
    stored = query(bot.database, "SELECT body FROM feedback WHERE code = ?", reference)
    assert stored == [(f"{SECOND}\n\n{MORE}",)]
