"""Telegram misbehaving under a running bot: 5xx, 429, slow answers, dropped connections."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.botapi import BotAPIServer, Fault, Person
from tests.e2e import story
from tests.e2e.harness import BotProcess, query
from tests.e2e.story import VI, shown

RESIDENT_ID = 9_300_000_001


def a_resident(server: BotAPIServer) -> Person:
    """The resident of these tests."""
    return server.resident(RESIDENT_ID, "Quyên", "Tạ Ẩn", "quyen_faults_e2e")


async def with_area(server: BotAPIServer) -> None:
    """An open area, added by the admin through the bot."""
    await story.add_area(story.the_admin(server), "kp3", "Khu phố 3")


@dataclass(frozen=True)
class PollingFault:
    """A fault on the bot's own polling or start-up calls."""

    name: str
    method: str
    fault: Fault
    times: int | None


POLLING_FAULTS = [
    PollingFault("getUpdates-502", "getUpdates", Fault.server_error(502), 3),
    PollingFault(
        "getUpdates-500", "getUpdates", Fault.server_error(500, "Internal Server Error"), 2
    ),
    PollingFault("getUpdates-429", "getUpdates", Fault.flood(retry_after=1), 1),
    PollingFault("getUpdates-dropped", "getUpdates", Fault.drop(), 2),
    PollingFault("getUpdates-slow", "getUpdates", Fault.delay(1.5), 1),
    PollingFault("deleteWebhook-502-at-start", "deleteWebhook", Fault.server_error(502), 2),
    PollingFault("setMyCommands-500-at-start", "setMyCommands", Fault.server_error(500), None),
]


@pytest.mark.parametrize("case", POLLING_FAULTS, ids=[c.name for c in POLLING_FAULTS])
async def test_the_bot_rides_out_a_fault_in_polling_or_start_up(
    case: PollingFault, server: BotAPIServer, bot: BotProcess
) -> None:
    rule = server.inject(case.method, case.fault, times=case.times)
    await bot.start()
    # The fault happens (at start-up, or on the first polls)...
    await server.wait_until(lambda: rule.hits > 0, timeout=20, describe=f"a {case.method} call")
    # ...and the bot is still there and answers a resident afterwards.
    resident = a_resident(server)
    resident.say("/help")
    await resident.wait_for("Hòm thư góp ý", timeout=30)
    assert bot.alive
    if case.times is not None:
        assert rule.remaining == 0


async def test_a_flood_wait_on_an_answer_delays_it_rather_than_losing_it(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    """429 with retry_after on the greeting: the bot waits and sends it, no error message."""
    await with_area(server)
    resident = a_resident(server)
    server.inject("sendMessage", Fault.flood(retry_after=1), chat_id=RESIDENT_ID)
    resident.say("/start kp3")
    greeting = await resident.wait_for("Khu vực: Khu phố 3", timeout=6)
    assert greeting.labels
    texts = [m.text for m in resident.messages()]
    assert shown(VI("error")) not in texts, texts


@pytest.mark.parametrize(
    "fault",
    [Fault.server_error(502), Fault.drop()],
    ids=["502", "dropped"],
)
async def test_a_failed_answer_is_apologised_for_and_the_draft_is_kept(
    fault: Fault, server: BotAPIServer, running_bot: BotProcess
) -> None:
    await with_area(server)
    resident = a_resident(server)
    resident.say("/start kp3")
    await resident.wait_for("Khu phố 3")
    await story.choose_topic(resident, "Khác")
    server.inject("sendMessage", fault, chat_id=RESIDENT_ID)
    resident.say("Nội dung không được mất")
    await resident.wait_for(shown(VI("error")))
    ack = await story.write(resident, "và câu tiếp theo")
    assert ack.text == VI("received")
    await story.preview(resident)
    code = await story.send(resident)
    body = query(running_bot.database, "SELECT body FROM feedback WHERE code = ?", code)
    assert body == [("Nội dung không được mất\n\nvà câu tiếp theo",)]


async def test_a_slow_telegram_delays_answers_but_loses_none(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    await with_area(server)
    resident = a_resident(server)
    resident.say("/start kp3")
    await resident.wait_for("Khu phố 3")
    server.inject("editMessageText", Fault.delay(1.5), chat_id=RESIDENT_ID)
    server.inject("sendMessage", Fault.delay(1.0), chat_id=RESIDENT_ID, times=2)
    resident.press("Khác")
    resident.say("Gửi trong lúc Telegram chậm")
    await resident.wait_for("Đã ghi nhận", timeout=15)
    prompts = [m for m in resident.messages() if "✍️" in m.text]
    assert len(prompts) == 1


async def test_a_button_pressed_while_the_bot_was_away_still_takes_effect(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    """Telegram refuses to answer an old callback query ("query is too old"); the press
    must still do what it says (here: choose the topic), not end in an error message."""
    await with_area(server)
    resident = a_resident(server)
    resident.say("/start kp3")
    await resident.wait_for("Khu phố 3")
    server.inject(
        "answerCallbackQuery",
        Fault.error(
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
        ),
    )
    resident.press("Khác")
    await resident.wait_for(lambda m: "✍️" in m.text, timeout=5)
    await story.write(resident, "Vẫn viết được")
    texts = [m.text for m in resident.messages()]
    assert shown(VI("error")) not in texts, texts
