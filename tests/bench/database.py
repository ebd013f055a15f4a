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

from bot.render.reports import write_export
from core.clock import to_db
from core.rules.workdays import Deadlines, WorkingCalendar
from storage import Database, open_database
from storage.reports import OpenFilter, count_by, export_rows, new_since, open_page, report_facts
from storage.search import find
from texts import Texts

END = datetime(2026, 6, 1, tzinfo=UTC)
SPAN = timedelta(days=365)
AREAS = 40
TOPICS = 11
BATCH = 100_000
SCHEMA_MARK = "0010-1y"  # bump when the schema the cache was built with changes
RUNS = 5
STATS_DAYS = 30  # /stats without an argument
DIGEST_PERIOD = timedelta(days=1)  # the daily digest of DIGEST_CRON
MILLION = 1_000_000
SLA_DAYS = 7
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# Reply channels of closed feedback in the generated database: what the cleanup kept.
CHANNELS_KEPT = timedelta(days=40)
# The cleanup forgets channels 30 days after their feedback closed, every 6 hours.
CHANNEL_CUTOFF = timedelta(days=30)


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


# Vietnamese words feedback is written with, most common first; the weights make "đường"
# appear in about a third of feedbacks and the tail in a few per thousand.
_VOCABULARY = (
    "đường điện nước rác đèn hỏng sửa cần xin đề nghị khu phố ngõ xóm nhà dân ông bà "
    "trẻ em học sinh trường trạm y tế bệnh viện chợ cầu cống thoát ngập lụt mưa bụi "
    "tiếng ồn karaoke chó mèo xe máy ô tô công an trật tự an ninh trộm cắp cây xanh "
    "vỉa hè lấn chiếm buôn bán hàng rong giấy tờ thủ tục hành chính chứng thực hộ khẩu "
    "căn cước đất đai xây dựng giấy phép thuế phí lệ phí bảo hiểm hưu trí trợ cấp hộ nghèo "
    "việc làm lao động văn hóa thể thao sân bóng nhà văn hóa thư viện internet sóng điện "
    "thoại cáp quang camera chiếu sáng biển báo giao thông tai nạn ổ gà nứt lún sạt lở "
    "kênh mương thủy lợi ruộng vườn chăn nuôi dịch bệnh tiêm phòng vệ sinh môi trường khói "
    "đốt rơm mùi hôi nước thải nhà máy xưởng cán bộ thái độ phục vụ chậm trễ nhũng nhiễu"
)
VOCABULARY = tuple(_VOCABULARY.split())
# A word written in about one feedback in 5,000: what /find of a rare word looks for.
RARE_WORD = "giếng khoan"
COMMON_WORD = "đường"
AGENCIES = (
    ("ubnd", "Ủy ban nhân dân thị trấn"),
    ("conga", "Công an thị trấn"),
    ("dienluc", "Điện lực Cam Lộ"),
    ("capnuoc", "Công ty cấp nước"),
    ("moitruong", "Công ty môi trường đô thị"),
    ("yte", "Trạm y tế"),
    ("giaoduc", "Phòng giáo dục"),
    ("diachinh", "Địa chính thị trấn"),
)
_OFFICERS = "An Bình Chi Dũng Hà Hoa Lan Minh Nam Phúc"
OFFICERS = tuple(f"Cán bộ {name}" for name in _OFFICERS.split())
# Of feedbacks this old, how many are still unresolved: the backlog is mostly recent.
OPEN_SHARE = ((timedelta(days=30), 0.5), (timedelta(days=90), 0.05), (timedelta.max, 0.01))


def span_of(rows: int) -> timedelta:
    """The time ``rows`` feedbacks cover: one year, whatever their number. Issue 14's
    target is five million feedbacks in one year (a busy town): the period /stats and the
    digest read holds five times the rows of the million, and the backlog too."""
    return SPAN


class _DueDates:
    """Deadlines of the generated feedback, one ``Deadlines.due_at`` per local day (all
    topics use SLA_DAYS), so that making millions of feedbacks costs a few hundred calls."""

    def __init__(self) -> None:
        self.deadlines = Deadlines(WorkingCalendar(ZONE), SLA_DAYS)
        self._by_day: dict[object, datetime] = {}

    def __call__(self, sent_at: datetime) -> datetime:
        day = sent_at.astimezone(ZONE).date()
        found = self._by_day.get(day)
        if found is None:
            found = self.deadlines.due_at(sent_at, None)
            self._by_day[day] = found
        return found


def _fill(path: Path, rows: int) -> None:
    """Fill a migrated database with ``rows`` feedbacks and what hangs from them.

    The search index is filled once at the end, in bulk, rather than by the triggers row by
    row (measured on 200,000 feedbacks: 11.9 s against 23.4 s); the triggers are
    dropped meanwhile and put back exactly as the migration wrote them.
    """
    randomness = random.Random(6)
    due_at = _DueDates()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-200000")
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"
        ).fetchall()
        span = span_of(rows)
        start = END - span
        conn.execute("BEGIN")
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.executemany(
            "INSERT INTO areas (id, code, name, is_open, created_at) VALUES (?, ?, ?, 1, ?)",
            [(n, f"kp{n}", f"Khu phố {n}", to_db(start)) for n in range(1, AREAS + 1)],
        )
        conn.executemany(
            "INSERT INTO agencies (id, code, name, created_at) VALUES (?, ?, ?, ?)",
            [(n, code, name, to_db(start)) for n, (code, name) in enumerate(AGENCIES, 1)],
        )
        conn.execute("COMMIT")
        step = span / rows
        weights = [1 / (rank + 2) for rank in range(len(VOCABULARY))]
        for first in range(0, rows, BATCH):
            batch = _Batch()
            for n in range(first, min(rows, first + BATCH)):
                created = start + step * n
                batch.add(n, created, due_at(created), randomness, weights)
            batch.write(conn)
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO search (rowid, text, feedback_id, kind)"
            " SELECT 4 * id, body, id, 'feedback' FROM feedback ORDER BY id"
        )
        conn.execute(
            "INSERT INTO search (rowid, text, feedback_id, kind)"
            " SELECT 4 * id + 1, body, feedback_id, kind FROM responses"
            " WHERE withdrawn_at IS NULL ORDER BY id"
        )
        conn.execute(
            "INSERT INTO search (rowid, text, feedback_id, kind)"
            " SELECT 4 * id + 2, body, feedback_id, 'addition' FROM additions"
            " WHERE body != '' ORDER BY id"
        )
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _stamp(moment: datetime) -> str:
    """``core.clock.to_db`` of a UTC time, five times faster (isoformat is done in C):
    millions of stamps are most of the generator's time."""
    return moment.isoformat(timespec="microseconds")[:-6] + "Z"


class _Batch:
    """The rows of ``BATCH`` feedbacks, written in one transaction."""

    def __init__(self) -> None:
        self.codes: list[tuple[object, ...]] = []
        self.feedback: list[tuple[object, ...]] = []
        self.responses: list[tuple[object, ...]] = []
        self.forwards: list[tuple[object, ...]] = []
        self.ratings: list[tuple[object, ...]] = []
        self.additions: list[tuple[object, ...]] = []
        self.channels: list[tuple[object, ...]] = []

    def add(
        self,
        n: int,
        created: datetime,
        due: datetime,
        randomness: random.Random,
        weights: list[float],
    ) -> None:
        """One feedback: its status by age, and its answers, forward, rating, addition."""
        feedback_id, at = n + 1, _stamp(created)
        latest = END - timedelta(seconds=1)
        code = f"BN-{n:08X}"
        age = END - created
        open_share = next(share for within, share in OPEN_SHARE if age <= within)
        words = randomness.choices(VOCABULARY, weights, k=randomness.randint(6, 14))
        if n % 5000 == 17:
            words.insert(randomness.randint(0, len(words)), RARE_WORD)
        body = f"Góp ý số {n}: {' '.join(words)}."
        resolved_at = changed_at = None
        if randomness.random() < open_share:
            status = randomness.choice(("new", "received", "in_progress", "forwarded"))
        else:
            status = randomness.choice(("resolved", "resolved", "resolved", "rejected"))
            # Most within their time, some after it (on time ≈ 70 %).
            changed_at = min(created + (due - created) * randomness.uniform(0.1, 1.4), latest)
            resolved_at = _stamp(changed_at) if status == "resolved" else None
        handler = randomness.choice(OFFICERS) if status != "new" and n % 5 < 3 else None
        location = (16.8 + randomness.random() / 10, 107.0 + randomness.random() / 10)
        latitude, longitude = location if n % 10 == 3 else (None, None)
        self.codes.append((code, at))
        self.feedback.append(
            (
                feedback_id,
                code,
                randomness.randint(1, AREAS),
                randomness.randint(1, TOPICS),
                body,
                status,
                at,
                _stamp(changed_at) if changed_at else at,
                _stamp(due),
                handler,
                _officer_key(handler),
                resolved_at,
                latitude,
                longitude,
            )
        )
        published = _stamp(min(created + timedelta(hours=1), latest))
        if n % 5 == 0:
            self.responses.append(
                (feedback_id, "reply", "Đã tiếp nhận, đang xử lý.", "Cán bộ", at, published)
            )
        if n % 20 == 1:
            self.responses.append(
                (feedback_id, "note", "Đã gọi điện cho tổ trưởng.", "Cán bộ", at, None)
            )
        if status == "forwarded" or (changed_at is not None and n % 40 == 7):
            agency = randomness.randint(1, len(AGENCIES))
            self.forwards.append(
                (feedback_id, agency, AGENCIES[agency - 1][1], "Cán bộ", published)
            )
        if status == "resolved" and changed_at is not None and n % 10 < 3:
            rated = _stamp(min(changed_at + timedelta(hours=2), latest))
            self.ratings.append((feedback_id, int(n % 5 != 0), rated))
        # A third of residents ask for the answers; the six-hourly cleanup has kept only the
        # channels of feedback open or closed within the last 40 days.
        if n % 3 == 0 and (changed_at is None or END - changed_at < CHANNELS_KEPT):
            self.channels.append((feedback_id, f"chat-{n}", b"sealed", at))
        if n % 50 == 9:
            self.additions.append((feedback_id, "Bổ sung: ngõ nhỏ, xe không vào được.", published))

    def write(self, conn: sqlite3.Connection) -> None:
        """Store the batch in one transaction."""
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO reference_codes (code, issued_at) VALUES (?, ?)", self.codes)
        conn.executemany(
            "INSERT INTO feedback (id, code, area_id, topic_id, body, status, created_at,"
            " status_changed_at, due_at, handler, handler_key, resolved_at, latitude,"
            " longitude) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.feedback,
        )
        conn.executemany(
            "INSERT INTO responses (feedback_id, kind, body, author, created_at, published_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            self.responses,
        )
        conn.executemany(
            "INSERT INTO forwards (feedback_id, agency_id, agency_name, forwarded_by,"
            " forwarded_at) VALUES (?, ?, ?, ?, ?)",
            self.forwards,
        )
        conn.executemany(
            "INSERT INTO ratings (feedback_id, satisfied, rated_at) VALUES (?, ?, ?)",
            self.ratings,
        )
        conn.executemany(
            "INSERT INTO additions (feedback_id, body, created_at) VALUES (?, ?, ?)",
            self.additions,
        )
        conn.executemany(
            "INSERT INTO reply_channels (feedback_id, chat_key, sealed_chat, created_at)"
            " VALUES (?, ?, ?, ?)",
            self.channels,
        )
        conn.execute("COMMIT")


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
        digest = await _timed(lambda: new_since(db, END - DIGEST_PERIOD, END))
        stats = await _timed(lambda: count_by(db, END - timedelta(days=STATS_DAYS)))
        year = await _timed(lambda: count_by(db, END - SPAN))
    return QueryTimes(rows, digest, stats, year)


# /open shows this many a page (bot.handlers.staff.commands.OPEN_PAGE_SIZE).
OPEN_PAGE = 20
# The page of /open that shows page depth does not cost more: the 50th.
DEEP_PAGE = 50
# Deadlines computed per measurement of Deadlines.due_at.
DEADLINE_CALLS = 2000


@dataclass
class DeskTimes:
    """Milliseconds per query of the committee's desk on one database (the median of
    ``RUNS``), and microseconds per deadline."""

    rows: int
    find_common_ms: float
    find_common_matches: int
    find_rare_ms: float
    find_rare_matches: int
    open_ms: float
    open_area_ms: float
    open_overdue_ms: float
    open_mine_ms: float
    open_page50_ms: float
    backlog: int
    deadline_us: float
    report_quarter_ms: float
    report_received: int
    cleanup_ms: float


def last_quarter(end: datetime) -> tuple[datetime, datetime]:
    """The last whole quarter before ``end``, as /report takes it (local days, in UTC)."""
    local = end.astimezone(ZONE)
    first_month = 3 * ((local.month - 1) // 3) + 1
    stop = datetime(local.year, first_month, 1, tzinfo=ZONE)
    back = first_month - 3
    year = local.year - (back < 1)
    begin = datetime(year, back + 12 * (back < 1), 1, tzinfo=ZONE)
    return begin.astimezone(UTC), stop.astimezone(UTC)


async def time_desk(path: Path, rows: int) -> DeskTimes:
    """/find of a common and a rare word, /open with each filter (and its 50th page), one
    deadline, and /report's facts of the last whole quarter."""
    async with open_database(path, clock=lambda: END) as db:
        common = await find(db, COMMON_WORD, limit=OPEN_PAGE)
        rare = await find(db, RARE_WORD, limit=OPEN_PAGE)
        find_common = await _timed(lambda: find(db, COMMON_WORD, limit=OPEN_PAGE))
        find_rare = await _timed(lambda: find(db, RARE_WORD, limit=OPEN_PAGE))
        area = await db.areas.get("kp7")
        filters = {
            "all": OpenFilter(),
            "area": OpenFilter(area_id=area.id),
            "overdue": OpenFilter(overdue=True),
            "mine": OpenFilter(handler_key=_officer_key(OFFICERS[0])),
        }
        times = {name: await _timed(_open_list(db, where)) for name, where in filters.items()}
        page = await open_page(db, limit=OPEN_PAGE)
        for _ in range(DEEP_PAGE - 2):
            if page.next is None:
                break
            page = await open_page(db, limit=OPEN_PAGE, after=page.next)
        deep = page.next
        page50 = await _timed(lambda: open_page(db, limit=OPEN_PAGE, after=deep))
        deadline = _time_deadlines(db.deadlines)
        start, end = last_quarter(END)
        facts = await report_facts(db, start, end)
        report = await _timed(lambda: report_facts(db, start, end))
        # The six-hourly cleanup once caught up: the first call forgets what the generator
        # left (channels closed 30 to 40 days ago), the timed ones find nothing more to do.
        cleanup = await _timed(lambda: db.feedback.forget_reply_channels(END - CHANNEL_CUTOFF))
    return DeskTimes(
        rows=rows,
        find_common_ms=find_common,
        find_common_matches=common.total,
        find_rare_ms=find_rare,
        find_rare_matches=rare.total,
        open_ms=times["all"],
        open_area_ms=times["area"],
        open_overdue_ms=times["overdue"],
        open_mine_ms=times["mine"],
        open_page50_ms=page50,
        backlog=page.total,
        deadline_us=deadline,
        report_quarter_ms=report,
        report_received=facts.totals.received,
        cleanup_ms=cleanup,
    )


def _open_list(db: Database, where: OpenFilter) -> Callable[[], Awaitable[object]]:
    """The first page of /open with a filter, as a query to time."""
    return lambda: open_page(db, where, limit=OPEN_PAGE)


def _time_deadlines(deadlines: Deadlines) -> float:
    """Median microseconds per ``Deadlines.due_at`` over a year of sending times (the
    calendar's years looked up once first, as a running bot has them)."""
    moments = [END - SPAN + i * SPAN / DEADLINE_CALLS for i in range(DEADLINE_CALLS)]
    for moment in moments:
        deadlines.due_at(moment, None)
    runs = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for moment in moments:
            deadlines.due_at(moment, None)
        runs.append((time.perf_counter() - started) * 1e6 / DEADLINE_CALLS)
    return statistics.median(runs)


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


def _officer_key(officer: str | None) -> str | None:
    """A stand-in for an officer's keyed hash (the bot's is an HMAC of their account)."""
    return None if officer is None else f"officer {officer}"
