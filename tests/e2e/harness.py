"""``python -m bot`` as a child process, pointed at the local Bot API server."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import re
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Any

from core.anonymity import Anonymizer
from tests.botapi import BotAPIServer, BotMessage

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:E2EtokenE2EtokenE2EtokenE2Etoken99"
STAFF_CHAT_ID = -1001987654321
ADMIN_ID = 515_000_001
SECRET_KEY = "e2e-secret-key-" + "k" * 32
UNIT = "Thị trấn Cam Lộ"
BOT_USERNAME = "homthu_e2e_bot"
REFERENCE_CODE = re.compile(r"\b[A-Z]{2}-[0-9A-HJKMNP-TV-Z]{8,}\b")


def bot_environment(workdir: Path, base_url: str, **extra: str) -> dict[str, str]:
    """The environment of the bot: only what it needs, and no .env in its folder."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "STAFF_CHAT_ID": str(STAFF_CHAT_ID),
        "ADMIN_IDS": str(ADMIN_ID),
        "TELEGRAM_API_BASE_URL": base_url,
        "DATABASE_PATH": str(workdir / "data" / "homthu.sqlite3"),
        "SECRET_KEY": SECRET_KEY,
        "UNIT_NAME": UNIT,
        "PYTHONPATH": str(ROOT),
        "MPLCONFIGDIR": str(workdir / "matplotlib"),
        # Answers and notices wait this long before they go out; stories that take an
        # answer back set a longer window.
        "UNDO_SECONDS": "2",
    }
    env.update(extra)
    return env


class BotProcess:
    """One bot installation (a folder and a database) that can be started and stopped."""

    def __init__(self, workdir: Path, env: dict[str, str], python: str = sys.executable) -> None:
        self.workdir = workdir
        self.env = env
        # Another interpreter runs another installation (the upgrade test's old version).
        self.python = python
        self.logs: list[Path] = []
        self._process: asyncio.subprocess.Process | None = None

    @property
    def database(self) -> Path:
        """The SQLite file the bot uses."""
        return Path(self.env["DATABASE_PATH"])

    @property
    def alive(self) -> bool:
        """True while the process runs."""
        return self._process is not None and self._process.returncode is None

    @property
    def returncode(self) -> int | None:
        """The exit code of the last run, once it has ended."""
        return None if self._process is None else self._process.returncode

    def cpu_seconds(self) -> float:
        """CPU time the running process has used so far (user + system), from /proc."""
        assert self._process is not None
        assert self.alive
        fields = Path(f"/proc/{self._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    @property
    def log(self) -> str:
        """Everything every run wrote to stderr and stdout, in order."""
        return "".join(path.read_text(errors="replace") for path in self.logs if path.exists())

    async def start(self) -> None:
        """Start ``python -m bot`` in the folder; its output goes to a log file per run."""
        assert not self.alive, "already running"
        path = self.workdir / f"bot-run-{len(self.logs) + 1}.log"
        self.logs.append(path)
        with path.open("wb") as output:
            self._process = await asyncio.create_subprocess_exec(
                self.python,
                "-m",
                "bot",
                cwd=self.workdir,
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=output,
                stderr=output,
            )

    async def start_and_wait(
        self,
        server: BotAPIServer,
        timeout: float = 30.0,  # noqa: ASYNC109 - the tests' own deadline, in seconds
    ) -> None:
        """Start, and wait until the bot polls for updates."""
        mark = server.seq
        await self.start()
        await self.wait_polling(server, mark, timeout)

    async def wait_polling(
        self,
        server: BotAPIServer,
        after: int,
        timeout: float = 30.0,  # noqa: ASYNC109 - the tests' own deadline, in seconds
    ) -> None:
        """Wait until this run polls for updates (after server sequence ``after``)."""

        def polling() -> bool:
            if not self.alive:
                raise AssertionError(f"the bot exited with {self.returncode}:\n{self.log}")
            return any(r.method == "getUpdates" and r.seq > after for r in server.requests)

        await server.wait_until(polling, timeout=timeout, describe=lambda: f"polling\n{self.log}")

    async def stop(
        self,
        sig: signal.Signals = signal.SIGTERM,
        timeout: float = 20.0,  # noqa: ASYNC109 - the tests' own deadline, in seconds
    ) -> int:
        """Send ``sig`` and wait for the process to end; returns its exit code."""
        process = self._process
        assert process is not None
        if process.returncode is None:
            process.send_signal(sig)
            try:
                await asyncio.wait_for(process.wait(), timeout)
            except TimeoutError:
                process.kill()
                await process.wait()
                raise AssertionError(f"the bot did not stop on {sig.name}:\n{self.log}") from None
        assert process.returncode is not None
        return process.returncode

    async def close(self) -> None:
        """Stop the process if it still runs (end of a test)."""
        if self.alive:
            with contextlib.suppress(AssertionError):
                await self.stop(signal.SIGTERM, timeout=10)


def reference_code(message: BotMessage) -> str:
    """The reference code in a receipt."""
    match = REFERENCE_CODE.search(message.text)
    assert match, message.text
    return match.group(0)


def drafts_on_disk(database: Path) -> dict[int, dict[str, Any]]:
    """The drafts in the bot's database, opened with the bot's key: user id → draft data.

    Rows are sealed under the key (SPEC §4); only with SECRET_KEY can a test read them.
    """
    anonymizer = Anonymizer(hashlib.sha256(SECRET_KEY.encode()).digest())
    drafts = {}
    for key, sealed in query(database, "SELECT resident_key, sealed FROM resident_drafts"):
        record = anonymizer.open_record(f"draft {key}", bytes(sealed))  # type: ignore[arg-type]
        assert record is not None, "a draft sealed under another key"
        drafts[int(record["user_id"])] = record["data"]
    return drafts


def draft_texts(database: Path) -> list[str]:
    """The text of every draft on disk, parts joined."""
    return [" ".join(d["draft"]["parts"]) for d in drafts_on_disk(database).values()]


def query(database: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    """Read the bot's database as another process would."""
    with contextlib.closing(sqlite3.connect(database, timeout=5)) as conn:
        return list(conn.execute(sql, args))
