"""Staff reports on a big database: the digest and /stats queries, and an export's memory.

The database is made once per size with plain sqlite3 (executemany in big transactions)
into a file migrated by ``storage.open_database``, and kept under ``tmp/bench`` for the
next run. A year of feedback ending at ``END``: the newest month is half unresolved, older
feedback mostly resolved; one in five has a public reply.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.reports import write_export
from bot.texts import Texts
from storage import open_database
from storage.clock import to_db
from storage.reports import count_by, export_rows, new_since

END = datetime(2026, 6, 1, tzinfo=UTC)
SPAN = timedelta(days=365)
AREAS = 40
TOPICS = 11
BATCH = 100_000
SCHEMA_MARK = "0004"  # bump when the schema the cache was built with changes
RUNS = 5
STATS_DAYS = 30  # /stats without an argument
DIGEST_PERIOD = timedelta(days=1)  # the daily digest of DIGEST_CRON


def cache_path(cache: Path, rows: int) -> Path:
    """Where the database of ``rows`` feedbacks is kept between runs."""
    return cache / f"feedback-{rows}-{SCHEMA_MARK}.sqlite3"


async def ensure_database(cache: Path, rows: int) -> tuple[Path, float]:
    """The database of ``rows`` feedbacks, made if missing; and seconds spent making it."""
    path = cache_path(cache, rows)
    if path.exists():
        # Re-open through storage so that a migration added since is applied.
        async with open_database(path, clock=lambda: END):
            pass
        return path, 0.0
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    _clear(cache, partial)
    async with open_database(partial, clock=lambda: END):
        pass
    _fill(partial, rows)
    async with open_database(partial, clock=lambda: END):
        pass
    _clear(cache, partial, keep=path)
    return path, time.perf_counter() - started


def _clear(cache: Path, partial: Path, keep: Path | None = None) -> None:
    """Remove what a half-made database left; with ``keep``, move the made one there."""
    cache.mkdir(parents=True, exist_ok=True)
    if keep is not None:
        partial.rename(keep)
    for leftover in cache.glob(partial.name + "*"):
        leftover.unlink()


def _fill(path: Path, rows: int) -> None:
    randomness = random.Random(6)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO areas (id, code, name, is_open, created_at) VALUES (?, ?, ?, 1, ?)",
            [(n, f"kp{n}", f"Khu phố {n}", to_db(END - SPAN)) for n in range(1, AREAS + 1)],
        )
        conn.execute("COMMIT")
        start = END - SPAN
        step = SPAN / rows
        recent = END - timedelta(days=STATS_DAYS)
        for first in range(0, rows, BATCH):
            codes, feedback, responses = [], [], []
            for n in range(first, min(rows, first + BATCH)):
                created = start + step * n
                at = to_db(created)
                code = f"BN-{n:08X}"
                open_share = 0.5 if created >= recent else 0.05
                status = (
                    randomness.choice(("new", "received", "in_progress", "forwarded"))
                    if randomness.random() < open_share
                    else randomness.choice(("resolved", "resolved", "resolved", "rejected"))
                )
                codes.append((code, at))
                feedback.append(
                    (
                        n + 1,
                        code,
                        randomness.randint(1, AREAS),
                        randomness.randint(1, TOPICS),
                        f"Góp ý số {n}: đèn đường ở ngõ {n % 97} hỏng, đề nghị sửa sớm.",
                        status,
                        at,
                        at,
                    )
                )
                if n % 5 == 0:
                    responses.append((n + 1, "Đã tiếp nhận, đang xử lý.", "Cán bộ", at))
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO reference_codes (code, issued_at) VALUES (?, ?)", codes)
            conn.executemany(
                "INSERT INTO feedback (id, code, area_id, topic_id, body, status, created_at,"
                " status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                feedback,
            )
            conn.executemany(
                "INSERT INTO responses (feedback_id, kind, body, author, created_at)"
                " VALUES (?, 'reply', ?, ?, ?)",
                responses,
            )
            conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


async def _timed(query: Callable[[], Awaitable[object]]) -> float:
    """Median milliseconds of ``RUNS`` runs, after one to warm the page cache."""
    await query()
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        await query()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


@dataclass
class QueryTimes:
    """Milliseconds per report query on one database."""

    rows: int
    digest_ms: float
    stats_ms: float
    stats_year_ms: float


async def time_queries(path: Path, rows: int) -> QueryTimes:
    """The daily digest (``new_since``) and /stats (``count_by``, 30 days and a year)."""
    async with open_database(path, clock=lambda: END) as db:
        digest = await _timed(lambda: new_since(db, END - DIGEST_PERIOD, END, sla_days=7))
        stats = await _timed(lambda: count_by(db, END - timedelta(days=STATS_DAYS)))
        year = await _timed(lambda: count_by(db, END - SPAN))
    return QueryTimes(rows, digest, stats, year)


@dataclass
class ExportMemory:
    """What exporting cost."""

    rows: int
    peak_mb: float
    seconds: float


def _rss_bytes() -> int:
    """Resident memory of this process now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


class RssPeak:
    """The highest resident memory seen while it runs, sampled every few milliseconds.

    RSS rather than tracemalloc: it sees sqlite's and openpyxl's C allocations too, and
    tracemalloc makes an export several times slower.
    """

    def __init__(self, every: float = 0.005) -> None:
        self.base = _rss_bytes()
        self.peak = self.base
        self._every = every
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="rss", daemon=True)

    def _sample(self) -> None:
        while not self._done.wait(self._every):
            self.peak = max(self.peak, _rss_bytes())

    def __enter__(self) -> RssPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, _rss_bytes())

    @property
    def growth_mb(self) -> float:
        """Peak minus the memory at the start, in MiB."""
        return (self.peak - self.base) / 2**20


async def export_memory(path: Path, rows: int) -> ExportMemory:
    """Peak memory growth (RSS) while exporting the newest ``rows`` feedbacks to CSV + XLSX."""
    async with open_database(path, clock=lambda: END) as db:
        async with (
            db.reading() as conn,
            conn.execute(
                "SELECT created_at FROM feedback ORDER BY created_at DESC LIMIT 1 OFFSET ?",
                (rows - 1,),
            ) as cursor,
        ):
            found = await cursor.fetchone()
        assert found is not None, f"the database has fewer than {rows} feedbacks"
        since = datetime.fromisoformat(str(found[0]).replace("Z", "+00:00"))
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            with RssPeak() as memory:
                csv_path, _ = await write_export(
                    export_rows(db, since),
                    Path(folder),
                    "export",
                    ZoneInfo("Asia/Ho_Chi_Minh"),
                    Texts("vi"),
                )
            seconds = time.perf_counter() - started
            with csv_path.open(encoding="utf-8-sig") as exported:
                written = sum(1 for _ in exported) - 1
    assert written >= rows, f"exported {written} rows, expected {rows}"
    return ExportMemory(written, memory.growth_mb, seconds)
