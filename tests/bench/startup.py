"""Start-up: wall seconds from starting ``python -m bot`` to its first ``getUpdates``.

The bot runs as a child process pointed at the local Bot API server (on its own thread in
the benchmark's process), with a database made by a first, unmeasured start (a restart is
what is measured: the migrations of a first install are a one-off). The clock starts just
before the process is spawned and stops when the server has the first ``getUpdates``; it
is polled every few milliseconds. The median of ``runs`` starts.
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import sys
import time
from pathlib import Path

from tests.bench.world import ADMIN_ID, STAFF_CHAT_ID, TOKEN, ApiThread, make_server

ROOT = Path(__file__).resolve().parents[2]
POLL = 0.002


def _environment(workdir: Path, base_url: str) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "STAFF_CHAT_ID": str(STAFF_CHAT_ID),
        "ADMIN_IDS": str(ADMIN_ID),
        "TELEGRAM_API_BASE_URL": base_url,
        "DATABASE_PATH": str(workdir / "data" / "homthu.sqlite3"),
        "SECRET_KEY": "bench-secret-" + "s" * 40,
        "UNIT_NAME": "Thị trấn Cam Lộ",
        "PYTHONPATH": str(ROOT),
        "MPLCONFIGDIR": str(workdir / "matplotlib"),
    }


async def _one_start(api: ApiThread, env: dict[str, str], workdir: Path) -> float:
    server = api.server
    seen = await api.call(lambda: len(server.requests))
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=workdir,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        while True:
            polled = await api.call(
                lambda: any(r.method == "getUpdates" for r in server.requests[seen:])
            )
            if polled:
                return time.perf_counter() - started
            if process.returncode is not None:
                raise RuntimeError(f"python -m bot exited with {process.returncode}")
            if time.perf_counter() - started > 30:
                raise TimeoutError("no getUpdates within 30 s")
            await asyncio.sleep(POLL)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 30)
            except TimeoutError:
                process.kill()
                await process.wait()


async def start_seconds(workdir: Path, runs: int = 5) -> list[float]:
    """Seconds to the first getUpdates of ``runs`` restarts (after one unmeasured start)."""
    server = make_server()
    api = ApiThread(server)
    api.start()
    await asyncio.to_thread(workdir.mkdir, parents=True, exist_ok=True)
    env = _environment(workdir, server.base_url)
    try:
        await _one_start(api, env, workdir)
        return [await _one_start(api, env, workdir) for _ in range(runs)]
    finally:
        api.stop()


def median(values: list[float]) -> float:
    """The median, rounded to milliseconds."""
    return round(statistics.median(values), 3)
