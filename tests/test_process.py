"""``python -m bot`` as a process, against a stub Bot API on loopback."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.logs import REDACTED, RedactingFormatter

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456789:SECRETtokenSECRETtokenSECRETtoken12"


class StubBotAPI(BaseHTTPRequestHandler):
    """Answers getMe as Telegram would, or 401 when the server is told to reject tokens."""

    reject = False

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        """One Bot API call."""
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.reject:
            status, body = 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        else:
            me = {"id": 1, "is_bot": True, "first_name": "Hòm thư", "username": "homthu_e2e_bot"}
            status, body = 200, {"ok": True, "result": me}
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve(reject: bool) -> Iterator[str]:
    """A stub server on a free loopback port; yields its base URL."""
    handler = type("Handler", (StubBotAPI,), {"reject": reject})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/bot"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def accepting_api() -> Iterator[str]:
    """A Bot API that knows the token."""
    yield from serve(reject=False)


@pytest.fixture
def rejecting_api() -> Iterator[str]:
    """A Bot API that rejects the token."""
    yield from serve(reject=True)


def run_bot(tmp_path: Path, base_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot`` in an empty folder (no .env) with a complete environment."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "STAFF_CHAT_ID": "-1001",
        "ADMIN_IDS": "42",
        "TELEGRAM_API_BASE_URL": base_url,
        "DATABASE_PATH": str(tmp_path / "data" / "homthu.sqlite3"),
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_prints_the_username_and_migrates(tmp_path: Path, accepting_api: str) -> None:
    result = run_bot(tmp_path, accepting_api, "--check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK @homthu_e2e_bot"
    assert (tmp_path / "data" / "homthu.sqlite3").exists()
    assert TOKEN not in result.stdout + result.stderr


def test_a_rejected_token_stops_with_one_clear_line(tmp_path: Path, rejecting_api: str) -> None:
    result = run_bot(tmp_path, rejecting_api)
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith("Lỗi cấu hình / configuration error: TELEGRAM_BOT_TOKEN")
    )
    # PTB logs the rejected token inside its exception; the log must not show it.
    assert TOKEN not in result.stdout + result.stderr
    assert TOKEN.split(":")[1] not in result.stderr


def test_the_check_also_reports_a_rejected_token(tmp_path: Path, rejecting_api: str) -> None:
    result = run_bot(tmp_path, rejecting_api, "--check")
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert TOKEN not in result.stdout + result.stderr


def test_redacting_formatter_scrubs_messages_and_tracebacks() -> None:
    formatter = RedactingFormatter([TOKEN])
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected")
    except RuntimeError:
        record = logging.LogRecord(
            "telegram.ext",
            logging.ERROR,
            __file__,
            1,
            "url %s",
            (f"/bot{TOKEN}/getMe",),
            sys.exc_info(),
        )
    text = formatter.format(record)
    assert TOKEN not in text
    assert text.count(REDACTED) == 2
