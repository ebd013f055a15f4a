"""Chats are processed side by side, and no chat ever sees its updates reordered."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import Update
from telegram.request import RequestData

from bot.ptb.concurrency import ChatOrderedUpdateProcessor, lane_of
from bot.ptb.context import HomThuApplication
from bot.service.config import Settings
from tests.support import FrozenClock, Person, RecordingBotAPI, drafts_on_disk, running_bot


class SlowBotAPI(RecordingBotAPI):
    """A Bot API that takes a while to answer, and counts requests in flight."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay
        self.in_flight = 0
        self.most_in_flight = 0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: float | None = None,
        write_timeout: float | None = None,
        connect_timeout: float | None = None,
        pool_timeout: float | None = None,
    ) -> tuple[int, bytes]:
        """Answer after ``delay``."""
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
            return await super().do_request(url, method, request_data)
        finally:
            self.in_flight -= 1


def message_update(person: Person, text: str, update_id: int) -> Update:
    """A private text message from ``person``, as an Update."""
    data: dict[str, Any] = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": {"id": person.chat, "type": "private", "first_name": person.first_name},
            "from": person.user(),
            "text": text,
        },
    }
    return Update.de_json(data, person.app.bot)


async def feed(app: HomThuApplication, updates: list[Update]) -> None:
    """Hand updates to the processor the way PTB's fetcher does: one task each, in order."""
    processor = app.update_processor
    tasks = [
        asyncio.create_task(processor.process_update(update, app.process_update(update)))
        for update in updates
    ]
    await asyncio.gather(*tasks)


async def test_each_chat_keeps_its_order_while_chats_run_side_by_side(
    settings: Settings, clock: FrozenClock
) -> None:
    api = SlowBotAPI(delay=0.005)
    async with running_bot(settings, api, clock) as app:
        assert isinstance(app.update_processor, ChatOrderedUpdateProcessor)
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        residents = [Person(app, api, user_id=910000 + n) for n in range(12)]
        for resident in residents:
            await resident.send("/start kp3")
            await resident.press("Khác")
        api.take()
        api.most_in_flight = 0
        # Interleave: message k of every resident, then message k+1 of every resident...
        # (Few enough that AIORateLimiter's 30 messages/s keeps the test short.)
        updates = [
            message_update(resident, f"phần {k}", 10_000 + k * 100 + n)
            for k in range(5)
            for n, resident in enumerate(residents)
        ]
        await feed(app, updates)
        assert api.most_in_flight > 1
        assert app.update_processor.busy_lanes == 0
        drafts = {user_id: data["draft"]["parts"] for user_id, data in drafts_on_disk(app).items()}
        for resident in residents:
            assert drafts[resident.user_id] == [f"phần {k}" for k in range(5)]
        # Each acknowledgement takes the buttons off the one before it: handled in order.
        for resident in residents:
            mine = [c for c in api.calls if c.params.get("chat_id") == resident.chat]
            acks = [c.result["message_id"] for c in mine if c.method == "sendMessage"]
            stripped = [
                c.params["message_id"] for c in mine if c.method == "editMessageReplyMarkup"
            ]
            assert len(acks) == 5
            assert stripped == acks[:-1]


async def test_one_chat_is_never_processed_twice_at_once() -> None:
    processor = ChatOrderedUpdateProcessor(max_running=8)
    running: dict[int, int] = {}
    overlaps: list[int] = []
    order: list[tuple[int, int]] = []

    async def handle(lane: int, n: int) -> None:
        running[lane] = running.get(lane, 0) + 1
        if running[lane] > 1:
            overlaps.append(lane)
        order.append((lane, n))
        await asyncio.sleep(0.001 * (n % 3))
        running[lane] -= 1

    updates = []
    for n in range(60):
        lane = n % 4
        data = {
            "update_id": n,
            "message": {
                "message_id": n,
                "date": 0,
                "chat": {"id": lane + 1, "type": "private"},
                "text": "x",
            },
        }
        updates.append((Update.de_json(data, None), lane + 1, n))
    await asyncio.gather(*(processor.process_update(u, handle(lane, n)) for u, lane, n in updates))
    assert overlaps == []
    for lane in range(1, 5):
        assert [n for l_, n in order if l_ == lane] == [n for _, l_, n in updates if l_ == lane]


def test_lanes_are_chats_then_users() -> None:
    chat = Update.de_json(
        {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": -5, "type": "group"},
                "text": "x",
            },
        },
        None,
    )
    assert lane_of(chat) == -5
    assert lane_of(object()) == 0
