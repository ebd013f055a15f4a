"""``python -m bot --webhook`` as a process: Telegram posts updates to it, with the secret."""

from __future__ import annotations

import json
import signal
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app import ALLOWED_UPDATES
from tests.test_process import (
    PROCESS_TIMEOUT,
    TOKEN,
    StubBotAPI,
    free_port,
    run_bot,
    start_bot,
    stop_bot,
)
from tests.test_trust import POLL_WITHOUT_NEW_FIELDS

SECRET = "w3bh00k_secret-ABCdef"
PUBLIC_URL = "https://homthu.example.vn/telegram/homthu"
RESIDENT = 735012946


@pytest.fixture
def stub() -> Iterator[StubBotAPI]:
    """A Bot API that accepts everything."""
    api = StubBotAPI()
    api.start()
    yield api
    api.stop()


def help_update(update_id: int, user_id: int) -> dict[str, Any]:
    """A resident's /help in their private chat."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": int(datetime.now(UTC).timestamp()),
            "chat": {"id": user_id, "type": "private", "first_name": "Thịnh"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Thịnh"},
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }


def post(port: int, path: str, update: dict[str, Any], secret: str | None) -> int:
    """POST an update as Telegram does; return the HTTP status."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(update).encode(),
        headers=headers,
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def wait_for_port(port: int, timeout: float = PROCESS_TIMEOUT) -> None:
    """Wait until something listens on the loopback port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


def test_webhook_takes_updates_with_the_secret_only(tmp_path: Path, stub: StubBotAPI) -> None:
    port = free_port()
    process = start_bot(
        tmp_path,
        stub.url,
        "--webhook",
        WEBHOOK_URL=PUBLIC_URL,
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        LOG_FORMAT="json",
    )
    try:
        webhook = stub.wait_for("setWebhook")
        assert webhook.params["url"] == PUBLIC_URL
        assert webhook.params["secret_token"] == SECRET
        assert webhook.json("allowed_updates") == ALLOWED_UPDATES
        wait_for_port(port)

        wrong, missing, right = RESIDENT + 1, RESIDENT + 2, RESIDENT
        assert post(port, "/telegram/homthu", help_update(1, wrong), "not-the-secret") == 403
        assert post(port, "/telegram/homthu", help_update(2, missing), None) == 403
        assert post(port, "/elsewhere", help_update(3, right), SECRET) == 404
        assert post(port, "/telegram/homthu", help_update(4, right), SECRET) == 200

        reply = stub.wait_for("sendMessage", lambda c: c.params["chat_id"] == str(right))
        assert "/status" in reply.params["text"]
        # A refused request is answered before anything is queued: no handler saw it.
        assert not stub.calls_of("sendMessage", wrong)
        assert not stub.calls_of("sendMessage", missing)
        assert len(stub.calls_of("sendMessage", right)) == 1
    finally:
        code, _, stderr = stop_bot(process, signal.SIGTERM)

    assert code == 0, stderr
    # LOG_FORMAT=json: every line is one object; the secret, token and resident never show.
    entries = [json.loads(line) for line in stderr.splitlines()]
    assert entries, "no log lines"
    assert all({"time", "level", "logger", "message"} <= set(e) for e in entries)
    assert any(e["message"].startswith("bot ready username=@") for e in entries)
    for secret in (SECRET, TOKEN, TOKEN.split(":")[1], str(RESIDENT), "Thịnh"):
        assert secret not in stderr


def test_an_unreadable_update_is_answered_200_and_named_by_its_id_only(
    tmp_path: Path, stub: StubBotAPI
) -> None:
    """Issue 10, point 3, webhook mode: PTB's server would log the body at CRITICAL and
    answer 400, so that Telegram posts it again and again."""
    port = free_port()
    process = start_bot(
        tmp_path,
        stub.url,
        "--webhook",
        WEBHOOK_URL=PUBLIC_URL,
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET=SECRET,
        LOG_LEVEL="DEBUG",
    )
    poison = {**POLL_WITHOUT_NEW_FIELDS, "update_id": 41}
    try:
        stub.wait_for("setWebhook")
        wait_for_port(port)
        assert post(port, "/telegram/homthu", poison, SECRET) == 200
        assert post(port, "/telegram/homthu", help_update(42, RESIDENT), SECRET) == 200
        stub.wait_for("sendMessage", lambda c: c.params["chat_id"] == str(RESIDENT))
    finally:
        code, _, stderr = stop_bot(process, signal.SIGTERM)
    assert code == 0, stderr
    assert "unreadable update skipped update_id=41 error=TypeError" in stderr
    assert "CRITICAL" not in stderr
    for value in ("6102030405", "Thịnh", "bi_mat", "Có nên sửa đường"):
        assert value not in stderr


def test_webhook_mode_requires_its_secret(tmp_path: Path, stub: StubBotAPI) -> None:
    result = run_bot(tmp_path, stub.url, "--webhook", WEBHOOK_URL=PUBLIC_URL)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "WEBHOOK_SECRET" in lines[0]
    assert not stub.calls


def test_a_refused_webhook_stops_with_one_clear_line(tmp_path: Path) -> None:
    api = StubBotAPI(
        failures={"setWebhook": (400, "Bad Request: bad webhook: Failed to resolve host")}
    )
    try:
        result = run_bot(
            tmp_path,
            api.start(),
            "--webhook",
            WEBHOOK_URL=PUBLIC_URL,
            WEBHOOK_PORT=str(free_port()),
            WEBHOOK_SECRET=SECRET,
        )
    finally:
        api.stop()
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Lỗi Telegram khi khởi động / start-up failed:")
    assert "failed to resolve host" in last.lower()
    assert SECRET not in result.stderr
    assert TOKEN not in result.stderr


def test_a_port_in_use_stops_with_one_clear_line(tmp_path: Path, stub: StubBotAPI) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_bot(
            tmp_path,
            stub.url,
            "--webhook",
            WEBHOOK_URL=PUBLIC_URL,
            WEBHOOK_PORT=str(taken.getsockname()[1]),
            WEBHOOK_SECRET=SECRET,
        )
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Lỗi khởi động / start-up failed:")
    assert "WEBHOOK_PORT" in last
    assert "Traceback" not in result.stderr
