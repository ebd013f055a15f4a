"""``python -m bot`` as a process, against a stub Bot API on loopback.

The stub here (``StubBotAPI``) is shared by the other process tests (webhook, shutdown): it
answers like Telegram, records every call, and serves queued updates through getUpdates.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from bot.service.logs import REDACTED, JsonFormatter, RedactingFormatter
from storage import open_database
from storage.sqlite.schema import latest_version

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456789:SECRETtokenSECRETtokenSECRETtoken12"
BOT_ID = 123456789
BOT_USERNAME = "homthu_e2e_bot"
STAFF_CHAT_ID = -1001
STAFF_TITLE = "Cán bộ MTTQ Cam Lộ"
PROCESS_TIMEOUT = 20


@dataclass
class StubCall:
    """One Bot API request the bot made."""

    method: str
    params: dict[str, str]
    # What the stub answered; None until it has (see ``StubBotAPI.delays``).
    result: Any = None

    def json(self, name: str) -> Any:
        """A parameter PTB sent JSON-encoded (reply_markup, allowed_updates...)."""
        return json.loads(self.params[name])


class StubBotAPI:
    """A Bot API on a free loopback port: answers like Telegram and records every call.

    Updates put in with ``add_update`` are served by getUpdates; ``delays`` holds a method's
    answer back for a while (the call is recorded on arrival), to catch the bot mid-handler.
    """

    def __init__(
        self,
        *,
        reject_token: bool = False,
        staff_chat: dict[str, Any] | None = None,
        member_status: str = "member",
        failures: dict[str, tuple[int, str]] | None = None,
    ) -> None:
        self.reject_token = reject_token
        self.staff_chat = staff_chat or {"id": STAFF_CHAT_ID, "type": "supergroup"}
        self.staff_chat.setdefault("title", STAFF_TITLE)
        self.member_status = member_status
        # Other groups getChat knows, and member counts by chat id (12 when not given).
        self.chats: dict[int, dict[str, Any]] = {}
        self.member_counts: dict[int, int] = {}
        self.failures = failures or {}
        self.delays: dict[str, float] = {}
        self.webhook_url = ""
        self.calls: list[StubCall] = []
        self._updates: list[dict[str, Any]] = []
        self._condition = threading.Condition()
        self._message_ids = itertools.count(100)
        self._server: ThreadingHTTPServer | None = None
        self.url = ""

    # --- the server -----------------------------------------------------------------------

    def start(self) -> str:
        """Serve on a free port; return the base URL to put in TELEGRAM_API_BASE_URL."""
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

            def do_POST(self) -> None:
                """One Bot API call."""
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                method = self.path.rsplit("/", 1)[-1]
                status, body = stub.handle(method, self.headers.get("Content-Type", ""), raw)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_port}/bot"
        return self.url

    def stop(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # --- what the test sees ---------------------------------------------------------------

    def add_update(self, update: dict[str, Any]) -> None:
        """Queue an update for getUpdates."""
        with self._condition:
            self._updates.append(update)
            self._condition.notify_all()

    def calls_of(self, method: str, chat_id: int | None = None) -> list[StubCall]:
        """The calls of one method so far (to one chat, if given)."""
        with self._condition:
            return [
                c
                for c in self.calls
                if c.method == method
                and (chat_id is None or c.params.get("chat_id") == str(chat_id))
            ]

    def wait_for(
        self,
        method: str,
        match: Callable[[StubCall], bool] = lambda call: True,
        timeout: float = PROCESS_TIMEOUT,
    ) -> StubCall:
        """The first call of ``method`` that matches, waiting for it if need be."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                for call in self.calls:
                    if call.method == method and match(call):
                        return call
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"no {method} call within {timeout}s; saw {seen}")
                self._condition.wait(left)

    # --- answering ------------------------------------------------------------------------

    def handle(self, method: str, content_type: str, raw: bytes) -> tuple[int, dict[str, Any]]:
        """Record one call and answer it as Telegram would."""
        params: dict[str, str] = {}
        if content_type.startswith("application/x-www-form-urlencoded"):
            params = {k: v[0] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
        elif content_type.startswith("application/json"):
            # Kept as a form would carry them: strings as they are, the rest JSON-encoded.
            params = {
                k: v if isinstance(v, str) else json.dumps(v) for k, v in json.loads(raw).items()
            }
        call = StubCall(method, params)
        with self._condition:
            self.calls.append(call)
            self._condition.notify_all()
        if self.reject_token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        if method in self.failures:
            status, description = self.failures[method]
            return status, {"ok": False, "error_code": status, "description": description}
        time.sleep(self.delays.get(method, 0))
        result = self._result(method, params)
        with self._condition:
            call.result = result
            self._condition.notify_all()
        return 200, {"ok": True, "result": result}

    def _result(self, method: str, params: dict[str, str]) -> Any:
        if method == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "Hòm thư",
                "username": BOT_USERNAME,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if method == "getUpdates":
            return self._updates_from(int(params.get("offset") or 0))
        if method in ("sendMessage", "sendPhoto", "sendDocument", "editMessageText"):
            return self._message(params)
        if method == "sendMediaGroup":
            return [self._message(params) for _ in json.loads(params.get("media", "[]"))]
        if method == "getChat":
            return {
                **self.chats.get(int(params["chat_id"]), self.staff_chat),
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        if method == "getChatMember":
            user = {"id": int(params["user_id"]), "is_bot": True, "first_name": "Hòm thư"}
            return {"status": self.member_status, "user": user}
        if method == "getChatMemberCount":
            return self.member_counts.get(int(params["chat_id"]), 12)
        if method == "getWebhookInfo":
            return {
                "url": self.webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": 0,
            }
        if method == "setWebhook":
            self.webhook_url = params["url"]
        # setMyCommands, deleteWebhook, answerCallbackQuery, sendChatAction...
        return True

    def _updates_from(self, offset: int) -> list[dict[str, Any]]:
        with self._condition:
            # Long polling, shortened: wait a little for an update, then answer empty.
            self._condition.wait_for(
                lambda: any(u["update_id"] >= offset for u in self._updates), timeout=0.3
            )
            return [u for u in self._updates if u["update_id"] >= offset]

    def _message(self, params: dict[str, str]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat: dict[str, Any] = (
            {"id": chat_id, "type": "private", "first_name": "x"}
            if chat_id > 0
            else {"id": chat_id, "type": "supergroup", "title": STAFF_TITLE}
        )
        message_id = int(params.get("message_id") or next(self._message_ids))
        return {
            "message_id": message_id,
            "date": int(datetime.now(UTC).timestamp()),
            "chat": chat,
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Hòm thư"},
            "text": params.get("text") or params.get("caption") or "",
        }


@pytest.fixture
def stub() -> Iterator[StubBotAPI]:
    """A Bot API that knows the token, the staff group, and the bot as a member of it."""
    api = StubBotAPI()
    api.start()
    yield api
    api.stop()


def bot_env(tmp_path: Path, api_url: str, **extra: str) -> dict[str, str]:
    """A complete environment for ``python -m bot`` (nothing from the caller or a .env)."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8",
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "STAFF_CHAT_ID": str(STAFF_CHAT_ID),
        "ADMIN_IDS": "42",
        "TELEGRAM_API_BASE_URL": api_url,
        "DATABASE_PATH": str(tmp_path / "data" / "homthu.sqlite3"),
        "LOG_LEVEL": "INFO",
    }
    env.update(extra)
    return env


def run_bot(
    tmp_path: Path, api_url: str, *args: str, **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot`` in an empty folder (no .env) with a complete environment."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=bot_env(tmp_path, api_url, **extra),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=PROCESS_TIMEOUT,
        check=False,
    )


def start_bot(tmp_path: Path, api_url: str, *args: str, **extra: str) -> subprocess.Popen[str]:
    """Start ``python -m bot`` in the background; the caller stops it."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=bot_env(tmp_path, api_url, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def stop_bot(process: subprocess.Popen[str], signal_number: int) -> tuple[int, str, str]:
    """Send the signal; return the exit code, stdout and stderr once the process ended."""
    process.send_signal(signal_number)
    try:
        out, err = process.communicate(timeout=PROCESS_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"the bot did not stop; stderr:\n{err}") from None
    return process.returncode, out, err


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def check_lines(stdout: str) -> list[str]:
    """The verdict lines of ``--check``."""
    return [line for line in stdout.splitlines() if line[:1] in ("✅", "❌")]


# --- python -m bot --check ----------------------------------------------------------------


def test_check_passes_with_one_line_per_check(tmp_path: Path, stub: StubBotAPI) -> None:
    result = run_bot(tmp_path, stub.url, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = check_lines(result.stdout)
    assert len(lines) == 7, result.stdout
    assert all(line.startswith("✅ ") and " / " in line for line in lines), result.stdout
    assert result.stdout.splitlines()[-1] == f"OK @{BOT_USERNAME}"
    assert any(f"@{BOT_USERNAME}" in line for line in lines)
    assert any(STAFF_TITLE in line for line in lines)
    assert any(f"{latest_version()}/{latest_version()}" in line for line in lines)
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stdout + result.stderr
    # It asked Telegram about the staff group and about itself in it.
    assert stub.calls_of("getChat")[0].params["chat_id"] == str(STAFF_CHAT_ID)
    member = stub.calls_of("getChatMember")[0].params
    assert (member["chat_id"], member["user_id"]) == (str(STAFF_CHAT_ID), str(BOT_ID))
    # The database was created, migrated, and written by the probe.
    with closing(sqlite3.connect(tmp_path / "data" / "homthu.sqlite3")) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone() == (
            latest_version(),
        )
        assert conn.execute(
            "SELECT COUNT(*) FROM bot_state WHERE key = 'health_checked_at'"
        ).fetchone() == (1,)


def test_the_check_follows_a_staff_group_upgraded_to_a_supergroup(
    tmp_path: Path, stub: StubBotAPI
) -> None:
    # The running bot recorded the upgrade (issue 19, item 11); .env still has the old id.
    supergroup = -1009876543210

    async def prepare() -> None:
        async with open_database(tmp_path / "data" / "homthu.sqlite3") as database:
            await database.groups.record_move(STAFF_CHAT_ID, supergroup)

    asyncio.run(prepare())
    result = run_bot(tmp_path, stub.url, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    moved = [line for line in check_lines(result.stdout) if "siêu nhóm" in line]
    assert len(moved) == 1, result.stdout
    assert f"STAFF_CHAT_ID={supergroup}" in moved[0]
    assert moved[0].startswith("✅ ")
    assert stub.calls_of("getChat")[0].params["chat_id"] == str(supergroup)


def test_the_check_reports_a_rejected_token(tmp_path: Path) -> None:
    api = StubBotAPI(reject_token=True)
    try:
        result = run_bot(tmp_path, api.start(), "--check")
    finally:
        api.stop()
    assert result.returncode == 1
    failed = [line for line in check_lines(result.stdout) if line.startswith("❌")]
    assert any("TELEGRAM_BOT_TOKEN" in line for line in failed), result.stdout
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stdout + result.stderr
    assert TOKEN.split(":")[1] not in result.stdout + result.stderr


def test_the_check_fails_when_the_bot_is_not_in_the_group(tmp_path: Path) -> None:
    api = StubBotAPI(member_status="left")
    try:
        result = run_bot(tmp_path, api.start(), "--check")
    finally:
        api.stop()
    assert result.returncode == 1
    lines = check_lines(result.stdout)
    assert [line[0] for line in lines] == ["✅"] * 5 + ["❌", "✅"], result.stdout
    assert "left" in lines[-2]
    assert result.stdout.splitlines()[-1].startswith("LỖI / FAILED:")
    assert result.stdout.splitlines()[-1].endswith(": 1")


def test_the_check_fails_when_the_group_is_not_found(tmp_path: Path) -> None:
    api = StubBotAPI(failures={"getChat": (400, "Bad Request: chat not found")})
    try:
        result = run_bot(tmp_path, api.start(), "--check")
    finally:
        api.stop()
    assert result.returncode == 1
    lines = check_lines(result.stdout)
    (failed,) = [line for line in lines if line.startswith("❌")]
    assert "STAFF_CHAT_ID" in failed
    assert "Chat not found" in failed
    assert not api.calls_of("getChatMember")


def test_a_missing_group_is_helped_by_the_groups_the_bot_saw(tmp_path: Path) -> None:
    api = StubBotAPI(failures={"getChat": (400, "Bad Request: chat not found")})
    officer = 55512345
    api.add_update(
        {
            "update_id": 1,
            "message": {
                "message_id": 3,
                "date": int(datetime.now(UTC).timestamp()),
                "chat": {"id": -100777, "type": "supergroup", "title": "Tổ công tác"},
                "from": {"id": officer, "is_bot": False, "first_name": "Hoa"},
                "text": "/start@homthu_e2e_bot",
            },
        }
    )
    try:
        result = run_bot(tmp_path, api.start(), "--check")
    finally:
        api.stop()
    assert result.returncode == 1
    assert "«Tổ công tác» STAFF_CHAT_ID=-100777" in result.stdout
    assert str(officer) not in result.stdout
    assert "Hoa" not in result.stdout
    # Nothing confirmed: the update is still there for the bot.
    assert all("offset" not in call.params for call in api.calls_of("getUpdates"))


def my_chat_member(update_id: int, chat: dict[str, Any], added_by: int) -> dict[str, Any]:
    """Telegram telling the bot that ``added_by`` added it to ``chat``."""
    bot = {"id": BOT_ID, "is_bot": True, "first_name": "Hòm thư"}
    return {
        "update_id": update_id,
        "my_chat_member": {
            "chat": chat,
            "from": {"id": added_by, "is_bot": False, "first_name": "Người thêm"},
            "date": int(datetime.now(UTC).timestamp()),
            "old_chat_member": {"status": "left", "user": bot},
            "new_chat_member": {"status": "member", "user": bot},
        },
    }


def test_the_check_tells_the_staff_group_from_a_look_alike(tmp_path: Path) -> None:
    """Point 12: anyone can add the bot to a group titled like the staff group; the check
    shows each group's type, member count and whether an admin added the bot."""
    api = StubBotAPI()
    look_alike = {"id": -1009990001, "type": "group", "title": STAFF_TITLE}
    api.chats[look_alike["id"]] = look_alike
    api.member_counts.update({STAFF_CHAT_ID: 14, look_alike["id"]: 2})
    staff = {"id": STAFF_CHAT_ID, "type": "supergroup", "title": STAFF_TITLE}
    api.add_update(my_chat_member(1, staff, added_by=42))  # 42 is in ADMIN_IDS
    api.add_update(my_chat_member(2, look_alike, added_by=666))
    try:
        result = run_bot(tmp_path, api.start(), "--check")
    finally:
        api.stop()
    assert result.returncode == 0, result.stdout
    hints = [line for line in result.stdout.splitlines() if line.startswith("   → ")]
    (real,) = [h for h in hints if f"STAFF_CHAT_ID={STAFF_CHAT_ID} " in h]
    (fake,) = [h for h in hints if f"STAFF_CHAT_ID={look_alike['id']} " in h]
    assert f"«{STAFF_TITLE}»" in real
    assert f"«{STAFF_TITLE}»" in fake
    assert "supergroup · 14 thành viên" in real
    assert "added by an admin" in real
    assert "the current staff group" in real
    assert " group · 2 thành viên" in fake
    assert "added by someone not in ADMIN_IDS" in fake
    assert "the current staff group" not in fake
    assert "666" not in result.stdout  # who added it is a yes or no, never an id


def test_the_check_fails_when_telegram_cannot_be_reached(tmp_path: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}/bot"
    result = run_bot(tmp_path, closed, "--check")
    assert result.returncode == 1
    lines = check_lines(result.stdout)
    # Configuration, database and key are checked without Telegram, and pass.
    assert [line[0] for line in lines] == ["✅", "✅", "✅", "❌", "❌"], result.stdout
    assert "Traceback" not in result.stderr


def test_the_check_fails_when_the_key_is_lost_but_needed(tmp_path: Path, stub: StubBotAPI) -> None:
    async def prepare() -> None:
        async with open_database(tmp_path / "data" / "homthu.sqlite3") as db:
            await db.residents.set_language("a" * 32, "en")

    asyncio.run(prepare())
    assert not (tmp_path / "data" / "homthu.key").exists()
    result = run_bot(tmp_path, stub.url, "--check")
    assert result.returncode == 1
    failed = [line for line in check_lines(result.stdout) if line.startswith("❌")]
    assert len(failed) == 1, result.stdout
    assert "homthu.key" in failed[0]
    # The check never makes a key: a new one would silently orphan the sealed rows.
    assert not (tmp_path / "data" / "homthu.key").exists()


def test_the_check_with_webhook_reads_the_webhook(tmp_path: Path, stub: StubBotAPI) -> None:
    result = run_bot(
        tmp_path,
        stub.url,
        "--check",
        "--webhook",
        WEBHOOK_URL="https://homthu.example.vn/telegram",
        WEBHOOK_SECRET="s3cret_webhook-token",
    )
    assert result.returncode == 0, result.stdout
    lines = check_lines(result.stdout)
    assert len(lines) == 8
    assert "https://homthu.example.vn/telegram" in lines[-1]
    assert stub.calls_of("getWebhookInfo")
    assert "s3cret_webhook-token" not in result.stdout + result.stderr


def test_the_check_refuses_a_database_from_a_newer_bot(tmp_path: Path, stub: StubBotAPI) -> None:
    path = tmp_path / "data" / "homthu.sqlite3"

    async def prepare() -> None:
        async with open_database(path):
            pass

    asyncio.run(prepare())
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?, 'future.sql', '2030-01-01T00:00:00Z')",
            (latest_version() + 1,),
        )
    result = run_bot(tmp_path, stub.url, "--check")
    assert result.returncode == 1
    database_line = check_lines(result.stdout)[1]
    assert database_line.startswith("❌")
    assert "upgrade the bot" in database_line


# --- start-up, version, logs --------------------------------------------------------------


def test_a_rejected_token_stops_with_one_clear_line(tmp_path: Path) -> None:
    api = StubBotAPI(reject_token=True)
    try:
        result = run_bot(tmp_path, api.start())
    finally:
        api.stop()
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith("Lỗi cấu hình / configuration error: TELEGRAM_BOT_TOKEN")
    )
    # PTB logs the rejected token inside its exception; the log must not show it.
    assert TOKEN not in result.stdout + result.stderr
    assert TOKEN.split(":")[1] not in result.stderr


def test_an_unreachable_telegram_is_waited_for_and_said(tmp_path: Path) -> None:
    log = tmp_path / "stderr.log"
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot"],
            cwd=tmp_path,
            env=bot_env(tmp_path, f"http://127.0.0.1:{free_port()}/bot"),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            deadline = time.monotonic() + PROCESS_TIMEOUT
            while "trying again" not in log.read_text(encoding="utf-8"):
                assert process.poll() is None, log.read_text(encoding="utf-8")
                assert time.monotonic() < deadline, "no line says the bot waits for Telegram"
                time.sleep(0.05)
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=PROCESS_TIMEOUT)
    text = log.read_text(encoding="utf-8")
    assert code == 0, text
    (line,) = [line for line in text.splitlines() if "trying again" in line]
    assert " WARNING bot.main telegram unreachable at start-up, trying again in 1 s" in line
    assert "error=NetworkError" in line
    assert TOKEN not in text
    assert "Traceback" not in text
    # Nothing was opened: it stopped before the database.
    assert not (tmp_path / "data" / "homthu.sqlite3").exists()


# --- refusing to start on a broken key or database (issue 10, points 4 and 9) ------------


def test_an_empty_key_file_stops_start_up_with_one_line(tmp_path: Path, stub: StubBotAPI) -> None:
    """Point 4: a 0-byte homthu.key (its first write failed) is never used as a secret."""
    key = tmp_path / "data" / "homthu.key"
    key.parent.mkdir()
    key.write_bytes(b"")
    result = run_bot(tmp_path, stub.url)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert line.startswith("Lỗi khóa bí mật / secret key error:")
    assert "the key file is empty" in line
    assert "Traceback" not in result.stderr
    assert key.read_bytes() == b""
    assert not stub.calls_of("getUpdates")


@pytest.mark.parametrize("value", ["abc123", "k" * 31, "k" * 20 + " with a space " + "k" * 20])
def test_a_malformed_secret_key_stops_start_up_with_one_line(
    tmp_path: Path, stub: StubBotAPI, value: str
) -> None:
    result = run_bot(tmp_path, stub.url, SECRET_KEY=value)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Lỗi cấu hình / configuration error: SECRET_KEY:")
    assert value not in line  # a secret is never repeated
    assert not stub.calls


def _damaged(path: Path) -> None:
    """A real database whose table pages are overwritten with garbage."""
    asyncio.run(_make_database(path))
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):
        data[start + 8 : start + 200] = b"\xde\xad" * 96
    path.write_bytes(bytes(data))


async def _make_database(path: Path) -> None:
    async with open_database(path) as db:
        for n in range(30):
            await db.areas.add(f"kp{n}", f"Khu phố {n} " + "x" * 80)


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda path: path.write_bytes(b""), "the database file is empty"),
        (
            lambda path: path.write_bytes(b"not a database at all " * 300),
            "not a readable database",
        ),
        (_damaged, "the database is damaged"),
    ],
    ids=["empty", "not-sqlite", "damaged"],
)
def test_a_database_that_is_not_intact_stops_start_up(
    tmp_path: Path, stub: StubBotAPI, make: Any, problem: str
) -> None:
    """Point 9: never silently a new, empty database; never a start that fails later."""
    database = tmp_path / "data" / "homthu.sqlite3"
    database.parent.mkdir()
    make(database)
    before = database.read_bytes()
    result = run_bot(tmp_path, stub.url)
    assert result.returncode == 1, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Lỗi cơ sở dữ liệu / database error:"), result.stderr
    assert problem in last
    assert "python -m storage restore" in last
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == before  # left as it was, for the operator to look at
    checked = run_bot(tmp_path, stub.url, "--check")
    assert checked.returncode == 1
    assert any(problem in line for line in check_lines(checked.stdout) if line[0] == "❌")


def test_version_is_printed_without_configuration(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--version"],
        cwd=tmp_path,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "homthu 0.1.0"


def test_version_falls_back_to_pyproject(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    import bot.__main__ as entry

    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(entry.metadata, "version", not_installed)
    assert entry.package_version() == "0.1.0"


def test_redacting_formatter_scrubs_messages_and_tracebacks() -> None:
    formatter = RedactingFormatter([TOKEN])
    record = _record_with_token()
    text = formatter.format(record)
    assert TOKEN not in text
    assert text.count(REDACTED) == 2


def test_json_formatter_gives_one_scrubbed_object_per_line() -> None:
    formatter = JsonFormatter([TOKEN])
    line = formatter.format(_record_with_token())
    assert "\n" not in line
    entry = json.loads(line)
    assert set(entry) == {"time", "level", "logger", "message", "exception"}
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "telegram.ext"
    assert entry["message"] == f"url /bot{REDACTED}/getMe"
    assert "RuntimeError: The token" in entry["exception"]
    assert TOKEN not in line
    assert datetime.fromisoformat(entry["time"]).tzinfo is not None


def test_json_formatter_without_exception_has_no_exception_field() -> None:
    record = logging.LogRecord(
        "bot.handlers",
        logging.INFO,
        __file__,
        1,
        "feedback stored code=%s",
        ("GY-7Q2K9M4T",),
        None,
    )
    entry = json.loads(JsonFormatter([]).format(record))
    assert entry["message"] == "feedback stored code=GY-7Q2K9M4T"
    assert "exception" not in entry


def _record_with_token() -> logging.LogRecord:
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected")
    except RuntimeError:
        return logging.LogRecord(
            "telegram.ext",
            logging.ERROR,
            __file__,
            1,
            "url %s",
            (f"/bot{TOKEN}/getMe",),
            sys.exc_info(),
        )
