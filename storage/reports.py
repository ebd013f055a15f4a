"""Staff reports as plain data: counts, the open list, the digest's period, the export rows.

Nothing here identifies a resident: every query reads ``feedback`` with its area, topic and
the number of public replies, never the reply channel.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import aiosqlite

from storage.clock import from_db, to_db
from storage.models import FeedbackStatus, Topic
from storage.topics import topic_from_row

if TYPE_CHECKING:
    from storage.database import Database

# Served by the index feedback_status (status, created_at) of migration 0001; counts of a
# period by feedback_period (0004), every other query here by feedback_created_at, the
# primary keys or responses_feedback.
UNRESOLVED_SQL = "status IN ('new', 'received', 'in_progress', 'forwarded')"
UNRESOLVED_STATUSES = tuple(s for s in FeedbackStatus if not s.is_closed)
LAST_DIGEST_KEY = "last_digest_at"
# Rows per export query: the database lock is held for one batch, not the whole export.
EXPORT_BATCH = 200
# The resolution of stored times.
_TICK = timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class AreaCount:
    """How many feedbacks came from one area."""

    code: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class TopicCount:
    """How many feedbacks are about one topic."""

    topic: Topic
    count: int


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many feedbacks are in one status now."""

    status: FeedbackStatus
    count: int


@dataclass(frozen=True, slots=True)
class Counts:
    """Feedback created from ``since`` to ``until``, by area, topic and current status.

    Areas and topics are most frequent first; every status is listed, in workflow order.
    """

    since: datetime
    until: datetime
    total: int
    by_area: tuple[AreaCount, ...]
    by_topic: tuple[TopicCount, ...]
    by_status: tuple[StatusCount, ...]


@dataclass(frozen=True, slots=True)
class OpenItem:
    """An unresolved feedback as the open list shows it (no text: codes lead to /show)."""

    code: str
    area: str
    topic: Topic
    status: FeedbackStatus
    created_at: datetime


@dataclass(frozen=True, slots=True)
class OpenFeedback:
    """The oldest unresolved feedbacks, and how many are unresolved in all."""

    items: tuple[OpenItem, ...]
    total: int


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """What a digest reports: the period's new feedback and the backlog at its end.

    ``since`` is None for the first digest ever, which covers everything until ``until``.
    ``overdue`` holds the codes of the oldest overdue feedbacks (at most the limit asked
    for), ``overdue_total`` how many there are.
    """

    since: datetime | None
    until: datetime
    new: int
    by_area: tuple[AreaCount, ...]
    by_topic: tuple[TopicCount, ...]
    unresolved: int
    sla_days: int
    overdue: tuple[str, ...]
    overdue_total: int


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One feedback as the export writes it; the columns are the whole of it."""

    code: str
    area: str
    topic: Topic
    status: FeedbackStatus
    created_at: datetime
    status_changed_at: datetime
    body: str
    reply_count: int


# --- counts ---------------------------------------------------------------------------------


async def count_by(db: Database, since: datetime) -> Counts:
    """Feedback created from ``since`` until now, by area, topic and current status."""
    until = db.clock()
    # One tick past now, so that feedback stored this very microsecond is counted.
    start, end = to_db(since), to_db(until + _TICK)
    async with db.reading() as conn:
        by_area = await _by_area(conn, start, end)
        by_topic = await _by_topic(conn, start, end)
        async with conn.execute(
            "SELECT status, COUNT(*) FROM feedback"
            " WHERE created_at >= ? AND created_at < ? GROUP BY status",
            (start, end),
        ) as cursor:
            found = {FeedbackStatus(row[0]): int(row[1]) for row in await cursor.fetchall()}
    return Counts(
        since=since,
        until=until,
        total=sum(found.values()),
        by_area=by_area,
        by_topic=by_topic,
        by_status=tuple(StatusCount(s, found.get(s, 0)) for s in FeedbackStatus),
    )


async def new_since(
    db: Database,
    since: datetime | None,
    until: datetime,
    *,
    sla_days: int,
    overdue_limit: int = 100,
) -> PeriodCounts:
    """The digest of ``[since, until)``: new feedback, and unresolved and overdue at ``until``.

    Overdue means unresolved and created more than ``sla_days`` days before ``until``.
    """
    # Every stored time sorts after the empty text: no lower bound before the first digest.
    start = to_db(since) if since is not None else ""
    end = to_db(until)
    older_than = until - timedelta(days=sla_days)
    async with db.reading() as conn:
        by_area = await _by_area(conn, start, end)
        by_topic = await _by_topic(conn, start, end)
        unresolved = await _unresolved_count(conn)
        overdue = await _overdue_codes(conn, older_than, overdue_limit)
        overdue_total = await _overdue_count(conn, older_than)
    return PeriodCounts(
        since=since,
        until=until,
        new=sum(a.count for a in by_area),
        by_area=by_area,
        by_topic=by_topic,
        unresolved=unresolved,
        sla_days=sla_days,
        overdue=overdue,
        overdue_total=overdue_total,
    )


async def _by_area(conn: aiosqlite.Connection, since: str, until: str) -> tuple[AreaCount, ...]:
    async with conn.execute(
        # Counted first, joined after: one pass over the index feedback_period (0004), and
        # areas looked up once per area rather than once per feedback.
        "SELECT a.code, a.name, c.n FROM (SELECT area_id, COUNT(*) AS n FROM feedback"
        " WHERE created_at >= ? AND created_at < ? GROUP BY area_id) c"
        " JOIN areas a ON a.id = c.area_id ORDER BY c.n DESC, a.name COLLATE NOCASE, a.code",
        (since, until),
    ) as cursor:
        rows = await cursor.fetchall()
    return tuple(AreaCount(str(r[0]), str(r[1]), int(r[2])) for r in rows)


async def _by_topic(conn: aiosqlite.Connection, since: str, until: str) -> tuple[TopicCount, ...]:
    async with conn.execute(
        # As above; joined the other way, SQLite scanned the period once per topic.
        "SELECT t.id, t.name_vi, t.name_en, t.is_open, c.n FROM (SELECT topic_id,"
        " COUNT(*) AS n FROM feedback WHERE created_at >= ? AND created_at < ?"
        " GROUP BY topic_id) c JOIN topics t ON t.id = c.topic_id ORDER BY c.n DESC, t.id",
        (since, until),
    ) as cursor:
        rows = await cursor.fetchall()
    return tuple(TopicCount(topic_from_row(tuple(r[:4])), int(r[4])) for r in rows)


# --- the backlog ----------------------------------------------------------------------------


async def open_feedback(db: Database, limit: int) -> OpenFeedback:
    """The ``limit`` oldest unresolved feedbacks (status not resolved or rejected)."""
    async with db.reading() as conn:
        async with conn.execute(
            "SELECT f.code, a.name, t.id, t.name_vi, t.name_en, t.is_open, f.status,"
            " f.created_at FROM feedback f"
            " JOIN areas a ON a.id = f.area_id JOIN topics t ON t.id = f.topic_id"
            f" WHERE f.{UNRESOLVED_SQL} ORDER BY f.created_at, f.id LIMIT ?",
            (limit,),
        ) as cursor:
            rows = await cursor.fetchall()
        total = await _unresolved_count(conn)
    items = tuple(
        OpenItem(
            code=str(r[0]),
            area=str(r[1]),
            topic=topic_from_row(tuple(r[2:6])),
            status=FeedbackStatus(r[6]),
            created_at=from_db(str(r[7])),
        )
        for r in rows
    )
    return OpenFeedback(items, total)


async def unresolved_count(db: Database) -> int:
    """How many feedbacks are neither resolved nor rejected."""
    async with db.reading() as conn:
        return await _unresolved_count(conn)


async def overdue_codes(db: Database, older_than: datetime, limit: int | None = None) -> list[str]:
    """Codes of unresolved feedback created before ``older_than``, oldest first."""
    async with db.reading() as conn:
        return list(await _overdue_codes(conn, older_than, limit))


async def _unresolved_count(conn: aiosqlite.Connection) -> int:
    async with conn.execute(f"SELECT COUNT(*) FROM feedback WHERE {UNRESOLVED_SQL}") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def _overdue_codes(
    conn: aiosqlite.Connection, older_than: datetime, limit: int | None
) -> tuple[str, ...]:
    async with conn.execute(
        f"SELECT code FROM feedback WHERE {UNRESOLVED_SQL} AND created_at < ?"
        " ORDER BY created_at, id LIMIT ?",
        (to_db(older_than), -1 if limit is None else limit),
    ) as cursor:
        return tuple(str(r[0]) for r in await cursor.fetchall())


async def _overdue_count(conn: aiosqlite.Connection, older_than: datetime) -> int:
    async with conn.execute(
        f"SELECT COUNT(*) FROM feedback WHERE {UNRESOLVED_SQL} AND created_at < ?",
        (to_db(older_than),),
    ) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


# --- export ---------------------------------------------------------------------------------

_EXPORT_SQL = (
    "SELECT f.id, f.code, a.name, t.id, t.name_vi, t.name_en, t.is_open, f.status,"
    " f.created_at, f.status_changed_at, f.body,"
    " (SELECT COUNT(*) FROM responses r WHERE r.feedback_id = f.id AND r.kind = 'reply')"
    " FROM feedback f JOIN areas a ON a.id = f.area_id JOIN topics t ON t.id = f.topic_id"
    " WHERE f.id > ? AND f.id <= ? AND f.created_at >= ?"
    " ORDER BY f.id LIMIT ?"
)


async def export_rows(
    db: Database, since: datetime, *, batch_size: int = EXPORT_BATCH
) -> AsyncIterator[ExportRow]:
    """Every feedback created since ``since``, in submission order, a batch at a time.

    Keyset pagination on ``feedback.id``: each batch is one short query under the database
    lock, released while the caller handles the rows, so an export of any size neither
    holds all rows in memory nor keeps residents' submissions waiting. Feedback submitted
    after the export began is left for the next export.
    """
    since_text = to_db(since)
    async with (
        db.reading() as conn,
        conn.execute(
            "SELECT MIN(id), MAX(id) FROM feedback WHERE created_at >= ?", (since_text,)
        ) as cursor,
    ):
        bounds = await cursor.fetchone()
    if bounds is None or bounds[0] is None:
        return
    after, last = int(bounds[0]) - 1, int(bounds[1])
    while True:
        async with (
            db.reading() as conn,
            conn.execute(_EXPORT_SQL, (after, last, since_text, batch_size)) as cursor,
        ):
            rows = list(await cursor.fetchall())
        for r in rows:
            yield ExportRow(
                code=str(r[1]),
                area=str(r[2]),
                topic=topic_from_row(tuple(r[3:7])),
                status=FeedbackStatus(r[7]),
                created_at=from_db(str(r[8])),
                status_changed_at=from_db(str(r[9])),
                body=str(r[10]),
                reply_count=int(r[11]),
            )
        if len(rows) < batch_size:
            return
        after = int(rows[-1][0])


# --- digest bookkeeping ---------------------------------------------------------------------


async def get_last_digest_at(db: Database) -> datetime | None:
    """The end of the period the last digest covered, None before the first digest."""
    async with (
        db.reading() as conn,
        conn.execute("SELECT value FROM bot_state WHERE key = ?", (LAST_DIGEST_KEY,)) as cursor,
    ):
        row = await cursor.fetchone()
    return from_db(str(row[0])) if row else None


async def set_last_digest_at(conn: aiosqlite.Connection, moment: datetime) -> None:
    """Record the end of the digest's period, inside the caller's transaction.

    Called in the transaction that queues the digest, so the period is marked as reported
    exactly when its digest is sure to go out.
    """
    await conn.execute(
        "INSERT INTO bot_state (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (LAST_DIGEST_KEY, to_db(moment)),
    )
