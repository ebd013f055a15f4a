"""Stopping ``python -m bot`` with SIGTERM or SIGINT: the handler in hand finishes, the
draft is written, and nothing queued for the staff group is lost."""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.handlers.resident.intake import CONVERSATION_NAME, WRITING
from core.anonymity import Anonymizer, read_key_file
from storage import NewFeedback, open_database
from tests.test_process import STAFF_CHAT_ID, StubBotAPI, start_bot, stop_bot

RESIDENT = 812345678
# How long the stub holds its answer to the topic step: the signal arrives meanwhile. A slow
# answer from Telegram, well within the two seconds a stop may take (STOP_BUDGET).
IN_FLIGHT_SECONDS = 0.8


@pytest.fixture
def stub() -> Iterator[StubBotAPI]:
    """A Bot API that serves updates through getUpdates."""
    api = StubBotAPI()
    api.start()
    yield api
    api.stop()


def private_message(update_id: int, text: str) -> dict[str, Any]:
    """The resident's message in their private chat."""
    message: dict[str, Any] = {
        "message_id": update_id,
        "date": int(datetime.now(UTC).timestamp()),
        "chat": {"id": RESIDENT, "type": "private", "first_name": "Lan"},
        "from": {"id": RESIDENT, "is_bot": False, "first_name": "Lan"},
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"update_id": update_id, "message": message}


def button_press(update_id: int, message_id: int, data: str) -> dict[str, Any]:
    """The resident pressing a button of the bot's message."""
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cq{update_id}",
            "from": {"id": RESIDENT, "is_bot": False, "first_name": "Lan"},
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(datetime.now(UTC).timestamp()),
                "chat": {"id": RESIDENT, "type": "private", "first_name": "Lan"},
                "from": {"id": 1, "is_bot": True, "first_name": "Hòm thư"},
                "text": "…",
            },
        },
    }


def prepare_database(path: Path) -> str:
    """An open area, and one feedback whose staff notification waits in the outbox."""

    async def prepare() -> str:
        async with open_database(path) as db:
            area = await db.areas.add("kp3", "Khu phố 3")
            topic = (await db.topics.list())[0]
            submitted = await db.feedback.submit(
                NewFeedback(area_id=area.id, topic_id=topic.id, body="Đèn đường hỏng ở ngõ 5")
            )
            return submitted.feedback.code

    return asyncio.run(prepare())


def rows(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Read the database as another process would."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.execute(sql, params))


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_a_signal_lets_the_handler_finish_and_keeps_the_draft(
    tmp_path: Path, stub: StubBotAPI, signal_number: int
) -> None:
    database = tmp_path / "data" / "homthu.sqlite3"
    code = prepare_database(database)
    stub.delays["editMessageText"] = IN_FLIGHT_SECONDS
    stub.add_update(private_message(1, "/start kp3"))
    process = start_bot(tmp_path, stub.url)
    try:
        greeting = stub.wait_for(
            "sendMessage",
            lambda c: c.params["chat_id"] == str(RESIDENT) and c.result is not None,
        )
        first_topic = greeting.json("reply_markup")["inline_keyboard"][0][0]["callback_data"]
        stub.add_update(button_press(2, greeting.result["message_id"], first_topic))
        # The topic handler is now waiting for Telegram's answer: stop the bot mid-handler.
        stub.wait_for("editMessageText", lambda c: c.params["chat_id"] == str(RESIDENT))
    finally:
        exit_code, _, stderr = stop_bot(process, signal_number)

    assert exit_code == 0, stderr
    assert "Traceback" not in stderr
    # The handler got its answer, and the state it returned was written before exit.
    edit = stub.calls_of("editMessageText", RESIDENT)[0]
    assert edit.result is not None
    anonymizer = Anonymizer(read_key_file(tmp_path / "data" / "homthu.key"))
    conversation = anonymizer.conversation_key(RESIDENT, RESIDENT)
    states = rows(
        database,
        "SELECT resident_key, state FROM conversation_states"
        " WHERE name = ? AND conversation_key = ?",
        CONVERSATION_NAME,
        conversation,
    )
    assert states == [(anonymizer.resident_key(RESIDENT), json.dumps(WRITING))]
    resident_key = anonymizer.resident_key(RESIDENT)
    ((sealed,),) = rows(
        database, "SELECT sealed FROM resident_drafts WHERE resident_key = ?", resident_key
    )
    draft = anonymizer.open_record(f"draft {resident_key}", sealed)["data"]["draft"]
    assert draft["area_code"] == "kp3"
    assert draft["topic_id"] == int(first_topic.split(":")[1])
    # The staff notification is still in the outbox, delivered at most once.
    ((delivered_at,),) = rows(
        database,
        "SELECT o.delivered_at FROM outbox o JOIN feedback f ON f.id = o.feedback_id"
        " WHERE f.code = ? AND o.kind = 'notify_staff'",
        code,
    )
    cards = [c for c in stub.calls_of("sendMessage", STAFF_CHAT_ID) if code in c.params["text"]]
    assert len(cards) == (0 if delivered_at is None else 1)
