"""The per-day counts of migration 0011 and the plans of the desk's queries: /stats, the
digest and /open read what their period (or the backlog) holds, never all of history."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta

import pytest

from storage import Database, FeedbackStatus, NewFeedback, open_database
from storage.sqlite.reports import (
    OpenFilter,
    count_by,
    new_since,
    open_page,
    overdue_codes,
    unresolved_count,
)
from tests.storage.sqlite.test_storage import fetch
from tests.storage.test_storage import ManualClock

# What the counters hold, and what a count of the feedback rows says they must hold.
KEPT = (
    "SELECT 'area', day, area_id, feedbacks, 0 FROM report_area_days WHERE feedbacks != 0"
    " UNION ALL SELECT 'topic', day, topic_id, feedbacks, 0 FROM report_topic_days"
    " WHERE feedbacks != 0"
    " UNION ALL SELECT 'status', day, status, feedbacks, on_time FROM report_status_days"
    " WHERE feedbacks != 0 OR on_time != 0"
    " UNION ALL SELECT 'rating', day, '', ratings, satisfied FROM report_rating_days"
    " WHERE ratings != 0 OR satisfied != 0"
    " ORDER BY 1, 2, 3"
)
RECOUNTED = (
    "SELECT 'area', substr(created_at, 1, 10), area_id, COUNT(*), 0 FROM feedback GROUP BY 2, 3"
    " UNION ALL SELECT 'topic', substr(created_at, 1, 10), topic_id, COUNT(*), 0 FROM feedback"
    " GROUP BY 2, 3"
    " UNION ALL SELECT 'status', substr(created_at, 1, 10), status, COUNT(*),"
    " SUM(COALESCE(status = 'resolved' AND resolved_at <= due_at, 0)) FROM feedback"
    " GROUP BY 2, 3"
    " UNION ALL SELECT 'rating', substr(f.created_at, 1, 10), '', COUNT(*), SUM(r.satisfied)"
    " FROM ratings r JOIN feedback f ON f.id = r.feedback_id GROUP BY 2"
    " ORDER BY 1, 2, 3"
)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
async def db(tmp_path: object, clock: ManualClock) -> AsyncIterator[Database]:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    async with open_database(tmp_path / "counts.sqlite3", clock=clock) as database:
        yield database


async def _kept_as_recounted(db: Database) -> None:
    assert await fetch(db, KEPT) == await fetch(db, RECOUNTED)


async def _history(db: Database, clock: ManualClock) -> list[int]:
    """Ten days of feedback in two areas and two topics, some resolved (on time and
    late), rejected, reopened, rated and rated again."""
    first = await db.areas.add("kp1", "Khu phố 1")
    second = await db.areas.add("kp2", "Khu phố 2")
    ids = []
    for n in range(30):
        area = first if n % 3 else second
        submitted = await db.feedback.submit(NewFeedback(area.id, 1 + n % 2, f"Góp ý {n}"))
        ids.append(submitted.feedback.id)
        clock.advance(timedelta(hours=8))
    for n, feedback_id in enumerate(ids):
        if n % 4 == 0:
            await db.feedback.set_status(feedback_id, FeedbackStatus.RESOLVED, "Cán bộ")
        elif n % 4 == 1:
            await db.feedback.set_status(feedback_id, FeedbackStatus.REJECTED, "Cán bộ")
        if n % 8 == 0:
            await db.dialogue.rate(feedback_id, n % 16 == 0)
        if n % 12 == 0:
            # Late now: resolved again past its due date, and rated again.
            clock.advance(timedelta(days=20))
            await db.feedback.set_status(feedback_id, FeedbackStatus.IN_PROGRESS, "Cán bộ")
            await db.feedback.set_status(feedback_id, FeedbackStatus.RESOLVED, "Cán bộ")
            await db.dialogue.rate(feedback_id, True)
    return ids


async def test_day_counts_follow_every_change_of_the_feedback_they_count(
    db: Database, clock: ManualClock
) -> None:
    """Submitted, resolved on time and late, rejected, reopened, rated, rated again, moved
    to another area or day, deleted with its rating: the counters equal a recount."""
    ids = await _history(db, clock)
    await _kept_as_recounted(db)
    async with db.transaction() as conn:
        await conn.execute("UPDATE feedback SET area_id = 1, topic_id = 2 WHERE id = ?", (ids[3],))
        await conn.execute(
            "UPDATE feedback SET created_at = '2026-01-02T03:04:05.000000Z' WHERE id = ?",
            (ids[0],),
        )
        await conn.execute("UPDATE feedback SET due_at = NULL WHERE id = ?", (ids[4],))
        await conn.execute("DELETE FROM ratings WHERE feedback_id = ?", (ids[8],))
    await _kept_as_recounted(db)
    async with db.transaction() as conn:
        await conn.execute("DELETE FROM feedback WHERE id IN (?, ?)", (ids[0], ids[16]))
    await _kept_as_recounted(db)


async def test_stats_from_day_counts_equal_stats_from_rows(
    db: Database, clock: ManualClock
) -> None:
    """/stats over any period (partial days at either end, whole days between, or within
    one day) says what counting the rows says."""
    await _history(db, clock)
    now = clock.now
    for since in (
        now - timedelta(days=400),
        now - timedelta(days=9, hours=5),
        now - timedelta(days=3),
        now - timedelta(hours=2),
        now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=2),
    ):
        counts = await count_by(db, since)
        async with db.transaction() as conn:
            # Without the counters: every day is counted from the rows.
            await conn.execute("UPDATE report_area_days SET feedbacks = 0")
            await conn.execute("UPDATE report_topic_days SET feedbacks = 0")
            await conn.execute("UPDATE report_status_days SET feedbacks = 0, on_time = 0")
            await conn.execute("UPDATE report_rating_days SET ratings = 0, satisfied = 0")
            rows = await _count_rows(db, since)
            await conn.execute("ROLLBACK")
            await conn.execute("BEGIN")
        assert counts.total == rows[0]
        assert {s.status: s.count for s in counts.by_status if s.count} == rows[1]
        assert {a.code: a.count for a in counts.by_area} == rows[2]
        assert {t.topic.id: t.count for t in counts.by_topic} == rows[3]
        assert counts.outcomes.resolved == rows[4][0]
        assert counts.outcomes.on_time == rows[4][1]
        assert (counts.outcomes.ratings, counts.outcomes.satisfied) == rows[5]


Recount = tuple[
    int,
    dict[FeedbackStatus, int],
    dict[str, int],
    dict[int, int],
    tuple[int, int],
    tuple[int, int],
]


async def _count_rows(db: Database, since: object) -> Recount:
    """What /stats must say, counted straight from the rows (inside the caller's
    transaction, through the same connection)."""
    from datetime import datetime

    from core.clock import to_db

    assert isinstance(since, datetime)
    assert db._conn is not None
    conn = db._conn
    start = to_db(since)

    async def rows(sql: str) -> list[tuple[object, ...]]:
        cursor = await conn.execute(sql, (start,))
        return [tuple(r) for r in await cursor.fetchall()]

    total = int(str((await rows("SELECT COUNT(*) FROM feedback WHERE created_at >= ?"))[0][0]))
    statuses = {
        FeedbackStatus(str(s)): int(str(n))
        for s, n in await rows(
            "SELECT status, COUNT(*) FROM feedback WHERE created_at >= ? GROUP BY status"
        )
    }
    areas = {
        str(c): int(str(n))
        for c, n in await rows(
            "SELECT a.code, COUNT(*) FROM feedback f JOIN areas a ON a.id = f.area_id"
            " WHERE f.created_at >= ? GROUP BY a.code"
        )
    }
    topics = {
        int(str(t)): int(str(n))
        for t, n in await rows(
            "SELECT topic_id, COUNT(*) FROM feedback WHERE created_at >= ? GROUP BY topic_id"
        )
    }
    resolved = (
        await rows(
            "SELECT COUNT(*), COALESCE(SUM(resolved_at <= due_at), 0) FROM feedback"
            " WHERE status = 'resolved' AND created_at >= ?"
        )
    )[0]
    rated = (
        await rows(
            "SELECT COUNT(*), COALESCE(SUM(r.satisfied), 0) FROM ratings r"
            " JOIN feedback f ON f.id = r.feedback_id WHERE f.created_at >= ?"
        )
    )[0]
    return (
        total,
        statuses,
        areas,
        topics,
        (int(str(resolved[0])), int(str(resolved[1]))),
        (int(str(rated[0])), int(str(rated[1]))),
    )


async def _plans_of(
    db: Database, query: Callable[[], Awaitable[object]]
) -> list[tuple[str, list[str]]]:
    """Each statement ``query`` runs on feedback or the day counts, with its query plan."""
    statements: list[str] = []
    async with db.reading() as conn:
        await conn.set_trace_callback(statements.append)
    try:
        await query()
    finally:
        async with db.reading() as conn:
            await conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if "feedback" not in sql and "report_" not in sql:
            continue
        assert "?" not in sql, sql  # the trace shows the statement with its values
        found = await fetch(db, f"EXPLAIN QUERY PLAN {sql}")
        plans.append((sql, [str(row[-1]) for row in found]))
    return plans


# How a statement may find rows: a range of its period, the backlog's statuses or partial
# indexes (0007), a key, or the range of days of the day tables.
BOUNDED = (
    "created_at>? AND created_at<?",
    "rated_at>? AND rated_at<?",
    "feedback_status (status=?",
    "feedback_open_",
    "INTEGER PRIMARY KEY",
    "PRIMARY KEY (day>? AND day<?)",
)


def _reads_by_index(plans: list[tuple[str, list[str]]]) -> None:
    """No statement scans a table from end to end or reads an index beyond its period or
    the backlog: each step finds its rows through one of ``BOUNDED`` (the subquery of a
    page is scanned, but it holds one page)."""
    assert plans
    for sql, steps in plans:
        for step in steps:
            if step.startswith(("SCAN", "SEARCH")) and not step.startswith("SCAN p"):
                assert any(bound in step for bound in BOUNDED), (sql, steps)


async def test_the_desks_counts_read_their_period_or_the_backlog_only(
    db: Database, clock: ManualClock
) -> None:
    """EXPLAIN QUERY PLAN of every statement of /stats 30, the digest, /open (each filter)
    and the backlog counts: whole days from the day tables' keys, partial days from
    feedback_period, the backlog from the partial indexes of 0007."""
    await _history(db, clock)
    now = clock.now
    stats = await _plans_of(db, lambda: count_by(db, now - timedelta(days=30)))
    _reads_by_index(stats)
    day_tables = [step for _, steps in stats for step in steps if "report_" in step]
    assert len(day_tables) == 4
    assert all("USING PRIMARY KEY (day>? AND day<?)" in step for step in day_tables), day_tables
    assert any(
        "feedback_period" in step for sql, steps in stats for step in steps if "GROUP BY" in sql
    )
    digest = await _plans_of(db, lambda: new_since(db, now - timedelta(days=1), now))
    _reads_by_index(digest)
    first_digest = await _plans_of(db, lambda: new_since(db, None, now))
    _reads_by_index(first_digest)
    for where in (
        OpenFilter(),
        OpenFilter(area_id=1),
        OpenFilter(overdue=True),
        OpenFilter(handler="Cán bộ"),
        OpenFilter(handler_key="0123456789abcdef0123456789abcdef"),
    ):
        _reads_by_index(await _plans_of(db, lambda where=where: open_page(db, where, limit=20)))
    backlog = await _plans_of(db, lambda: unresolved_count(db))
    _reads_by_index(backlog)
    overdue = await _plans_of(db, lambda: overdue_codes(db, now))
    _reads_by_index(overdue)
