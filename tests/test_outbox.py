"""The durable outbox under a Bot API that fails on purpose, and across restarts."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from telegram.error import TimedOut

from bot.delivery.outbox import LONGEST_RETRY, retry_delay
from bot.ptb.context import HomThuApplication
from bot.service.config import Settings
from tests.support import ADMIN_ID, STAFF_CHAT_ID, FrozenClock, Person, RecordingBotAPI
from tests.support import running_bot as running
from tests.test_intake import rows, sent
from tests.test_staff import deliver, send_feedback
from texts import Texts

VI = Texts("vi")


def delivered_cards(api_calls: list, code: str) -> int:  # type: ignore[type-arg]
    """How many notification cards for ``code`` reached the group."""
    return sum(
        1
        for c in sent(api_calls)
        if c.result is not None and c.params["chat_id"] == STAFF_CHAT_ID and code in c.text
    )


async def test_5xx_is_retried_with_back_off_until_delivered(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    api.fail_next("sendMessage", 502, "Bad Gateway", chat_id=STAFF_CHAT_ID)
    calls = await deliver(app)
    assert delivered_cards(calls, code) == 0
    attempts, error = rows(app, "SELECT attempts, last_error FROM outbox")[0]
    assert attempts == 1
    assert "Bad Gateway" in str(error)
    # Not due yet: nothing happens until the back-off has passed.
    assert await deliver(app) == []
    clock.advance(timedelta(seconds=3))
    assert delivered_cards(await deliver(app), code) == 1
    assert await deliver(app) == []


async def test_timeouts_and_dropped_connections_are_retried(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    api.fail_next("sendMessage", raise_error=TimedOut(), chat_id=STAFF_CHAT_ID)
    api.fail_next("sendMessage", 500, "Internal Server Error", chat_id=STAFF_CHAT_ID)
    assert delivered_cards(await deliver(app), code) == 0
    clock.advance(timedelta(seconds=3))
    assert delivered_cards(await deliver(app), code) == 0
    clock.advance(timedelta(seconds=6))
    assert delivered_cards(await deliver(app), code) == 1
    assert rows(app, "SELECT attempts FROM outbox") == [(3,)]


async def test_429_pauses_everything_for_retry_after(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    first = await send_feedback(resident, "Một")
    second = await send_feedback(resident, "Hai")
    # PTB's limiter waits out three 429s itself (retry_after=1 keeps this short); the
    # fourth reaches the worker, which pauses everything, durably, for retry_after.
    for _ in range(4):
        api.fail_next(
            "sendMessage",
            429,
            "Too Many Requests: retry after 1",
            parameters={"retry_after": 1},
            chat_id=STAFF_CHAT_ID,
        )
    calls = await deliver(app)
    assert len([c for c in calls if c.method == "sendMessage"]) == 4
    # The second feedback waits too: a 429 is about the bot, not one message.
    assert delivered_cards(calls, first) == 0
    assert delivered_cards(calls, second) == 0
    assert await deliver(app) == []
    clock.advance(timedelta(seconds=2))
    calls = await deliver(app)
    assert delivered_cards(calls, first) == 1
    assert delivered_cards(calls, second) == 1
    order = [c.text for c in sent(calls)]
    assert first in order[0]
    assert second in order[1]


async def test_a_permanent_400_is_kept_and_reported_to_admins(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident)
    refusal = "Bad Request: can't parse entities: unsupported start tag"
    api.fail_next("sendMessage", 400, refusal, chat_id=STAFF_CHAT_ID)
    calls = await deliver(app)
    assert delivered_cards(calls, code) == 0
    alerts = [c for c in sent(calls) if c.params["chat_id"] == ADMIN_ID]
    assert len(alerts) == 1
    assert "Can't parse entities" in alerts[0].text
    failed = rows(app, "SELECT kind, failed_at IS NOT NULL FROM outbox ORDER BY id")
    assert failed == [("notify_staff", 1), ("admin_text", 0)]
    assert rows(app, "SELECT COUNT(*) FROM feedback") == [(1,)]
    assert await deliver(app) == []


async def test_bot_removed_from_the_group_is_reported(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await send_feedback(resident)
    api.fail_next(
        "sendMessage",
        403,
        "Forbidden: bot was kicked from the supergroup chat",
        chat_id=STAFF_CHAT_ID,
    )
    calls = await deliver(app)
    alerts = [c for c in sent(calls) if c.params["chat_id"] == ADMIN_ID]
    assert len(alerts) == 1
    assert "kicked" in alerts[0].text
    assert VI("admin_staff_blocked", error="x").split("(")[0] in alerts[0].text
    # Held, not given up: the card waits for the group to take the bot again.
    assert rows(app, "SELECT kind, failed_at FROM outbox WHERE kind = 'notify_staff'") == [
        ("notify_staff", None)
    ]


async def test_a_migrated_group_tells_admins_the_new_id(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await send_feedback(resident)
    api.fail_next(
        "sendMessage",
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        parameters={"migrate_to_chat_id": -1009876543210},
        chat_id=STAFF_CHAT_ID,
    )
    calls = await deliver(app)
    alerts = [c for c in sent(calls) if c.params["chat_id"] == ADMIN_ID]
    # The bot follows the group there by itself (issue 19, item 11): the card goes to the
    # new id, and admins are told which id to put in .env.
    assert [a.text for a in alerts] == [
        VI("admin_staff_moved", old_id=STAFF_CHAT_ID, new_id=-1009876543210)
    ]
    delivered = [c.params["chat_id"] for c in sent(calls) if c.buttons and c.result]
    assert delivered == [-1009876543210]


async def test_one_feedbacks_messages_keep_their_order_through_failures(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    await send_feedback(resident, "ẅ" * 4000, photos=2)
    api.fail_next("sendMessage", 502, "Bad Gateway", chat_id=STAFF_CHAT_ID)
    api.fail_next("sendMessage", 502, "Bad Gateway", chat_id=STAFF_CHAT_ID)
    methods: list[str] = []
    for _ in range(6):
        methods += [c.method for c in await deliver(app) if c.result is not None]
        clock.advance(timedelta(minutes=1))
    assert methods == ["sendMessage", "sendMessage", "sendMediaGroup"]


async def test_a_restart_in_the_middle_delivers_everything_exactly_once(
    settings: Settings, clock: FrozenClock, tmp_path: Path
) -> None:
    api = RecordingBotAPI()
    codes: list[str] = []
    async with running(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=777001)
        for n in range(3):
            codes.append(await send_feedback(resident, f"Góp ý {n}", photos=1))
        api.take()
        outbox = app.bot_data.outbox
        assert outbox is not None
        # Deliver only the first message, then the process stops.
        due = await app.bot_data.database.outbox.due(limit=1)
        await outbox._deliver(due[0])
        first_run = api.take()
    second_api = RecordingBotAPI()
    async with running(settings, second_api, clock) as app2:
        second_run = await deliver(app2)
    everything = first_run + second_run
    for code in codes:
        assert delivered_cards(everything, code) == 1, code
    albums = [c for c in everything if c.method == "sendPhoto" and c.result is not None]
    assert len(albums) == 3


async def test_the_background_worker_delivers_without_being_asked(
    settings: Settings, clock: FrozenClock
) -> None:
    from bot.app import build_application

    api = RecordingBotAPI()
    app = build_application(settings, request=api, clock=clock)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    try:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=888001)
        code = await send_feedback(resident)
        for _ in range(100):
            if any(code in c.text and c.params["chat_id"] == STAFF_CHAT_ID for c in api.calls):
                break
            await asyncio.sleep(0.02)
        assert any(code in c.text and c.params["chat_id"] == STAFF_CHAT_ID for c in api.calls)
    finally:
        assert app.post_stop is not None
        await app.post_stop(app)
        await app.shutdown()
        assert app.post_shutdown is not None
        await app.post_shutdown(app)


def test_back_off_doubles_with_jitter_and_is_capped() -> None:
    assert 1.6 <= retry_delay(0) <= 2.4
    assert 6.4 <= retry_delay(2) <= 9.6
    assert retry_delay(50) <= LONGEST_RETRY * 1.2
    assert retry_delay(50) >= LONGEST_RETRY * 0.8
