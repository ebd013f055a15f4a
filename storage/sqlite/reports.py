"""Staff reports as plain data: counts, the open list, the digest's period, the export rows.

Nothing here identifies a resident: every query reads ``feedback`` with its area, topic and
the number of public replies, never the reply channel.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import aiosqlite

from core.clock import from_db, to_db
from core.models import (
    AreaCount,
    AreaTally,
    Counts,
    ExportRow,
    ExportText,
    FeedbackStatus,
    ForwardedItem,
    FoundPage,
    OpenCursor,
    OpenFilter,
    OpenItem,
    OpenPage,
    Outcomes,
    OverdueItem,
    PeriodCounts,
    ReportFacts,
    StatusCount,
    Tally,
    Topic,
    TopicCount,
    TopicTally,
)
from core.rules.workdays import Deadlines, WorkingCalendar
from storage.sqlite.outbox import enqueue
from storage.sqlite.search import find
from storage.sqlite.topics import TOPIC_COLUMNS, topic_from_row

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector

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


_K = TypeVar("_K")

# --- counts ---------------------------------------------------------------------------------


async def count_by(db: Connector, since: datetime) -> Counts:
    """Feedback created from ``since`` until now, by area, topic and current status, with
    the share resolved on time and the residents' satisfaction."""
    until = db.clock()
    # One tick past now, so that feedback stored this very microsecond is counted.
    start, end = to_db(since), to_db(until + _TICK)
    async with db.reading() as conn:
        tally = await _tally_period(conn, start, end, outcomes=True)
        by_area, by_topic = await _named(conn, tally)
    found = tally.statuses
    return Counts(
        since=since,
        until=until,
        total=sum(found.values()),
        by_area=by_area,
        by_topic=by_topic,
        by_status=tuple(StatusCount(s, found.get(s, 0)) for s in FeedbackStatus),
        outcomes=Outcomes(tally.resolved, tally.on_time, tally.ratings, tally.satisfied),
    )


@dataclass
class _PeriodTally:
    """Counts of the feedback created in a period, by area id, topic id and status."""

    areas: dict[int, int]
    topics: dict[int, int]
    statuses: dict[FeedbackStatus, int]
    resolved: int = 0
    on_time: int = 0
    ratings: int = 0
    satisfied: int = 0


def _add(counts: dict[_K, int], key: _K, count: int) -> None:
    if count:
        counts[key] = counts.get(key, 0) + count


_DAY_START = "T00:00:00.000000Z"


def _whole_days(start: str, end: str) -> tuple[str, str] | None:
    """The UTC days wholly inside ``[start, end)`` (first included, last excluded), when
    there are any: their counts are kept per day (migration 0011)."""
    first = start[:10] if start == "" or start.endswith(_DAY_START) else _next_day(start[:10])
    last = end[:10]
    return (first, last) if first < last else None


def _next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


async def _tally_period(
    conn: aiosqlite.Connection, start: str, end: str, *, outcomes: bool
) -> _PeriodTally:
    """Feedback created in ``[start, end)``: the whole days from the per-day counts of
    migration 0011 (a few rows a day, whatever the number of feedbacks), the partial days
    at either end from feedback itself (the index feedback_period). ``outcomes``: also
    the resolved, on-time and rated counts."""
    tally = _PeriodTally({}, {}, {})
    days = _whole_days(start, end)
    if days is None:
        await _tally_rows(conn, tally, start, end, outcomes=outcomes)
        return tally
    first, last = days
    if start and start < first + _DAY_START:
        await _tally_rows(conn, tally, start, first + _DAY_START, outcomes=outcomes)
    await _tally_rows(conn, tally, last + _DAY_START, end, outcomes=outcomes)
    async with conn.execute(
        "SELECT area_id, SUM(feedbacks) FROM report_area_days"
        " WHERE day >= ? AND day < ? GROUP BY area_id",
        days,
    ) as cursor:
        for area_id, count in await cursor.fetchall():
            _add(tally.areas, int(area_id), int(count))
    async with conn.execute(
        "SELECT topic_id, SUM(feedbacks) FROM report_topic_days"
        " WHERE day >= ? AND day < ? GROUP BY topic_id",
        days,
    ) as cursor:
        for topic_id, count in await cursor.fetchall():
            _add(tally.topics, int(topic_id), int(count))
    if not outcomes:
        return tally
    async with conn.execute(
        "SELECT status, SUM(feedbacks), SUM(on_time) FROM report_status_days"
        " WHERE day >= ? AND day < ? GROUP BY status",
        days,
    ) as cursor:
        for status, count, on_time in await cursor.fetchall():
            _add(tally.statuses, FeedbackStatus(status), int(count))
            if status == FeedbackStatus.RESOLVED:
                tally.resolved += int(count)
                tally.on_time += int(on_time)
    async with conn.execute(
        "SELECT COALESCE(SUM(ratings), 0), COALESCE(SUM(satisfied), 0)"
        " FROM report_rating_days WHERE day >= ? AND day < ?",
        days,
    ) as cursor:
        row = await cursor.fetchone()
    if row:
        tally.ratings += int(row[0])
        tally.satisfied += int(row[1])
    return tally


async def _tally_rows(
    conn: aiosqlite.Connection, tally: _PeriodTally, start: str, end: str, *, outcomes: bool
) -> None:
    """Add the feedback created in ``[start, end)``, counted row by row (a partial day)."""
    async with conn.execute(
        # One pass over the index feedback_period (0004) counts areas, topics and statuses.
        "SELECT area_id, topic_id, status, COUNT(*) FROM feedback"
        " WHERE created_at >= ? AND created_at < ? GROUP BY area_id, topic_id, status",
        (start, end),
    ) as cursor:
        for area_id, topic_id, status, count in await cursor.fetchall():
            _add(tally.areas, int(area_id), int(count))
            _add(tally.topics, int(topic_id), int(count))
            _add(tally.statuses, FeedbackStatus(status), int(count))
    if not outcomes:
        return
    async with conn.execute(
        # feedback_status (status, created_at) finds the period's resolved ones; only those
        # rows are read for their two times.
        "SELECT COUNT(*), COALESCE(SUM(resolved_at <= due_at), 0) FROM feedback"
        " WHERE status = 'resolved' AND created_at >= ? AND created_at < ?",
        (start, end),
    ) as cursor:
        row = await cursor.fetchone()
    if row:
        tally.resolved += int(row[0])
        tally.on_time += int(row[1])
    async with conn.execute(
        # The period's feedback (feedback_period), each looked up in ratings by its key.
        "SELECT COUNT(*), COALESCE(SUM(r.satisfied), 0) FROM ratings r"
        " JOIN feedback f ON f.id = r.feedback_id"
        " WHERE f.created_at >= ? AND f.created_at < ?",
        (start, end),
    ) as cursor:
        row = await cursor.fetchone()
    if row:
        tally.ratings += int(row[0])
        tally.satisfied += int(row[1])


async def _named(
    conn: aiosqlite.Connection, tally: _PeriodTally
) -> tuple[tuple[AreaCount, ...], tuple[TopicCount, ...]]:
    """The tally's areas and topics with their names, most frequent first; areas and
    topics are looked up once each, not once per feedback."""
    areas, topics = tally.areas, tally.topics
    if not areas:
        return (), ()
    async with conn.execute(
        f"SELECT id, code, name FROM areas WHERE id IN ({', '.join('?' * len(areas))})",
        tuple(areas),
    ) as cursor:
        names = {int(r[0]): (str(r[1]), str(r[2])) for r in await cursor.fetchall()}
    async with conn.execute(
        f"SELECT {TOPIC_COLUMNS} FROM topics t WHERE t.id IN ({', '.join('?' * len(topics))})",
        tuple(topics),
    ) as cursor:
        found = {int(r[0]): topic_from_row(tuple(r)) for r in await cursor.fetchall()}
    by_area = sorted(
        (AreaCount(names[i][0], names[i][1], n) for i, n in areas.items()),
        key=lambda a: (-a.count, name_order(a.name), a.code),
    )
    by_topic = sorted(
        (TopicCount(found[i], n) for i, n in topics.items()),
        key=lambda c: (-c.count, c.topic.id),
    )
    return tuple(by_area), tuple(by_topic)


# --- the backlog ----------------------------------------------------------------------------


# Characters of text an open list item shows.
EXCERPT_CHARS = 100


async def open_page(
    db: Connector,
    where: OpenFilter | None = None,
    *,
    limit: int,
    after: OpenCursor | None = None,
) -> OpenPage:
    """Unresolved feedback matching ``where``, oldest first, ``limit`` from ``after`` on.

    Pages are keyset pages on (created_at, id), read from the partial indexes of 0007 that
    hold unresolved feedback only (by area, by handler, or all): a page costs the same
    wherever it is in the list, and neither a page nor the total reads resolved history.
    """
    if limit < 1:
        raise ValueError(f"a page holds at least one feedback, not {limit}")
    where = where or OpenFilter()
    now = db.clock()
    conditions, values = [f"f.{UNRESOLVED_SQL}"], list[object]()
    if where.area_id is not None:
        conditions.append("f.area_id = ?")
        values.append(where.area_id)
    if where.handler is not None:
        conditions.append("f.handler = ?")
        values.append(where.handler)
    if where.handler_key is not None:
        conditions.append("f.handler_key = ?")
        values.append(where.handler_key)
    if where.overdue:
        conditions.append("f.due_at <= ?")
        values.append(to_db(now))
    page_conditions, page_values = list(conditions), list(values)
    if after is not None:
        page_conditions.append("(f.created_at, f.id) > (?, ?)")
        page_values += [to_db(after.created_at), after.id]
    async with db.reading() as conn:
        async with conn.execute(
            # The page is chosen from feedback alone, in index order, then joined: joined
            # first, SQLite may walk the areas and sort what it finds.
            "SELECT p.id, p.code, a.name, t.id, t.name_vi, t.name_en, t.is_open, p.status,"
            " p.created_at, p.due_at, p.handler, p.excerpt FROM (SELECT f.id, f.code,"
            " f.area_id, f.topic_id, f.status, f.created_at, f.due_at, f.handler,"
            f" substr(f.body, 1, {EXCERPT_CHARS + 1}) AS excerpt FROM feedback f"
            f" WHERE {' AND '.join(page_conditions)} ORDER BY f.created_at, f.id LIMIT ?) p"
            " JOIN areas a ON a.id = p.area_id JOIN topics t ON t.id = p.topic_id"
            " ORDER BY p.created_at, p.id",
            (*page_values, limit + 1),
        ) as cursor:
            rows = list(await cursor.fetchall())
        async with conn.execute(
            f"SELECT COUNT(*) FROM feedback f WHERE {' AND '.join(conditions)}", values
        ) as cursor:
            row = await cursor.fetchone()
    total = int(row[0]) if row else 0
    more, rows = len(rows) > limit, rows[:limit]
    deadlines = db.deadlines
    overdue = {
        deadlines.due_day(from_db(str(r[9])))
        for r in rows
        if r[9] is not None and from_db(str(r[9])) <= now
    }
    late = working_days_late(deadlines.calendar, overdue, deadlines.calendar.local_date(now))
    items = tuple(_open_item(r, deadlines, now, late) for r in rows)
    return OpenPage(items, total, items[-1].cursor if more else None)


def _open_item(
    row: sqlite3.Row, deadlines: Deadlines, now: datetime, late_by_day: dict[date, int]
) -> OpenItem:
    due_at = None if row[9] is None else from_db(str(row[9]))
    late = None
    if due_at is not None and due_at <= now:
        late = late_by_day[deadlines.due_day(due_at)]
    return OpenItem(
        id=int(str(row[0])),
        code=str(row[1]),
        area=str(row[2]),
        topic=topic_from_row(tuple(row[3:7])),
        status=FeedbackStatus(row[7]),
        created_at=from_db(str(row[8])),
        due_at=due_at,
        handler=None if row[10] is None else str(row[10]),
        excerpt=excerpt(str(row[11]), EXCERPT_CHARS),
        working_days_late=late,
    )


def working_days_late(
    calendar: WorkingCalendar, due_days: Iterable[date], today: date
) -> dict[date, int]:
    """How many working days have passed since each due day, up to and including
    ``today`` (0 for a day not before it): ``WorkingCalendar.working_days_between``, for
    many days at once.

    One walk back from today to the earliest of them, rather than one walk per day: the
    oldest of a backlog can be years overdue, and a page or a report holds many of them.
    """
    wanted = set(due_days)
    late = {day: 0 for day in wanted if day >= today}
    if not wanted:
        return late
    earliest, day, count = min(wanted), today, 0
    while day > earliest:
        count += calendar.is_working_day(day)
        day -= timedelta(days=1)
        if day in wanted:
            late[day] = count
    return late


def excerpt(text: str, size: int) -> str:
    """The start of ``text`` on one line, at most ``size`` characters, cut after a whole
    word with "…" when it goes on."""
    flat = " ".join(text.split())
    if len(flat) <= size:
        return flat
    cut = flat[:size]
    # A single word longer than the excerpt is cut where it must be.
    if " " in cut[size // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:–-") + "…"


async def unresolved_count(db: Connector) -> int:
    """How many feedbacks are neither resolved nor rejected."""
    async with db.reading() as conn:
        return await _unresolved_count(conn)


async def overdue_codes(db: Connector, at: datetime, limit: int | None = None) -> list[str]:
    """Codes of unresolved feedback due at or before ``at``, the longest overdue first."""
    async with db.reading() as conn:
        return list(await _due_codes(conn, "", to_db(at), limit))


async def _unresolved_count(conn: aiosqlite.Connection) -> int:
    async with conn.execute(f"SELECT COUNT(*) FROM feedback WHERE {UNRESOLVED_SQL}") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def _due_codes(
    conn: aiosqlite.Connection, after: str, until: str, limit: int | None
) -> tuple[str, ...]:
    """Codes of unresolved feedback due in ``(after, until]``, soonest due first; read from
    feedback_open_due (0007), which holds the backlog only."""
    async with conn.execute(
        f"SELECT code FROM feedback WHERE {UNRESOLVED_SQL} AND due_at > ? AND due_at <= ?"
        " ORDER BY due_at, id LIMIT ?",
        (after, until, -1 if limit is None else limit),
    ) as cursor:
        return tuple(str(r[0]) for r in await cursor.fetchall())


async def _due_count(conn: aiosqlite.Connection, after: str, until: str) -> int:
    async with conn.execute(
        f"SELECT COUNT(*) FROM feedback WHERE {UNRESOLVED_SQL} AND due_at > ? AND due_at <= ?",
        (after, until),
    ) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


# --- the digest's period --------------------------------------------------------------------

# What the digest calls "due soon": due by the end of the second working day after today.
DUE_SOON_WORKING_DAYS = 2


async def new_since(
    db: Connector,
    since: datetime | None,
    until: datetime,
    *,
    overdue_limit: int = 100,
) -> PeriodCounts:
    """The digest of ``[since, until)``: new feedback and ratings, and the backlog at
    ``until``.

    Overdue means unresolved and due at or before ``until``; due soon, unresolved and due
    after it, by the end of the second working day after its date (weekends and holidays
    skipped); each feedback has its own due date.
    """
    # Every stored time sorts after the empty text: no lower bound before the first digest.
    start = to_db(since) if since is not None else ""
    end = to_db(until)
    calendar = db.deadlines.calendar
    due_soon_day = calendar.add_working_days(calendar.local_date(until), DUE_SOON_WORKING_DAYS)
    due_soon_end = to_db(calendar.end_of_day(due_soon_day))
    async with db.reading() as conn:
        by_area, by_topic = await _named(
            conn, await _tally_period(conn, start, end, outcomes=False)
        )
        unresolved = await _unresolved_count(conn)
        overdue = await _due_codes(conn, "", end, overdue_limit)
        overdue_total = await _due_count(conn, "", end)
        due_soon = await _due_codes(conn, end, due_soon_end, overdue_limit)
        due_soon_total = await _due_count(conn, end, due_soon_end)
        async with conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(satisfied), 0) FROM ratings"
            " WHERE rated_at >= ? AND rated_at < ?",
            (start, end),
        ) as cursor:
            row = await cursor.fetchone()
        ratings, satisfied = (int(row[0]), int(row[1])) if row else (0, 0)
        async with conn.execute(
            "SELECT f.code FROM ratings r JOIN feedback f ON f.id = r.feedback_id"
            " WHERE r.rated_at >= ? AND r.rated_at < ? AND r.satisfied = 0"
            " ORDER BY r.rated_at, f.id LIMIT ?",
            (start, end, overdue_limit),
        ) as cursor:
            dissatisfied = tuple(str(r[0]) for r in await cursor.fetchall())
    return PeriodCounts(
        since=since,
        until=until,
        new=sum(a.count for a in by_area),
        by_area=by_area,
        by_topic=by_topic,
        unresolved=unresolved,
        overdue=overdue,
        overdue_total=overdue_total,
        due_soon=due_soon,
        due_soon_total=due_soon_total,
        due_soon_day=due_soon_day,
        satisfied_total=satisfied,
        dissatisfied=dissatisfied,
        dissatisfied_total=ratings - satisfied,
    )


# --- export ---------------------------------------------------------------------------------


_EXPORT_SQL = (
    "SELECT f.id, f.code, a.name, t.id, t.name_vi, t.name_en, t.is_open, f.status,"
    " f.created_at, f.status_changed_at, f.body, f.due_at, f.resolved_at, f.handler,"
    " (SELECT w.agency_name FROM forwards w WHERE w.feedback_id = f.id"
    "  ORDER BY w.id DESC LIMIT 1),"
    " r.satisfied, f.latitude, f.longitude,"
    " (SELECT x.reason FROM deadline_extensions x WHERE x.feedback_id = f.id"
    "  ORDER BY x.id DESC LIMIT 1)"
    " FROM feedback f JOIN areas a ON a.id = f.area_id JOIN topics t ON t.id = f.topic_id"
    " LEFT JOIN ratings r ON r.feedback_id = f.id"
    " WHERE f.id > ? AND f.id <= ? AND f.created_at >= ?"
    " ORDER BY f.id LIMIT ?"
)
# The answers a resident can read (public from published_at, unless withdrawn before) and
# the notes, of a batch's range of feedback ids, in the order they were written.
_EXPORT_RESPONSES_SQL = (
    "SELECT feedback_id, kind, body, author, created_at, published_at FROM responses"
    " WHERE feedback_id >= ? AND feedback_id <= ? AND (kind = 'note' OR (kind = 'reply'"
    " AND withdrawn_at IS NULL AND published_at IS NOT NULL AND published_at <= ?))"
    " ORDER BY feedback_id, id"
)
_EXPORT_ADDITIONS_SQL = (
    "SELECT feedback_id, body, photo_file_id IS NOT NULL, created_at FROM additions"
    " WHERE feedback_id >= ? AND feedback_id <= ? ORDER BY feedback_id, id"
)


async def export_rows(
    db: Connector, since: datetime, *, batch_size: int = EXPORT_BATCH
) -> AsyncIterator[ExportRow]:
    """Every feedback created since ``since``, in submission order, a batch at a time.

    Keyset pagination on ``feedback.id``: each batch is a few short queries under the
    database lock (the feedback, then the answers, notes and additions of its id range),
    released while the caller handles the rows, so an export of any size neither holds all
    rows in memory nor keeps residents' submissions waiting. Feedback submitted after the
    export began is left for the next export; what is public and overdue is as of its start.
    """
    now = db.clock()
    since_text, now_text = to_db(since), to_db(now)
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
        async with db.reading() as conn:
            async with conn.execute(_EXPORT_SQL, (after, last, since_text, batch_size)) as cursor:
                rows = list(await cursor.fetchall())
            texts = await _export_texts(conn, rows, now_text) if rows else {}
        for r in rows:
            yield _export_row(r, texts.get(int(r[0]), ((), (), ())), now)
        if len(rows) < batch_size:
            return
        after = int(rows[-1][0])


_Texts = tuple[tuple[ExportText, ...], tuple[ExportText, ...], tuple[ExportText, ...]]


async def _export_texts(
    conn: aiosqlite.Connection, rows: list[sqlite3.Row], now: str
) -> dict[int, _Texts]:
    """The public answers, notes and additions of a batch's feedbacks, by feedback id."""
    ids = {int(r[0]) for r in rows}
    first, last = min(ids), max(ids)
    answers: dict[int, list[ExportText]] = {}
    notes: dict[int, list[ExportText]] = {}
    additions: dict[int, list[ExportText]] = {}
    async with conn.execute(_EXPORT_RESPONSES_SQL, (first, last, now)) as cursor:
        for feedback_id, kind, body, author, created_at, published_at in await cursor.fetchall():
            if kind == "reply":
                text = ExportText(from_db(str(published_at)), str(body), str(author))
                answers.setdefault(int(feedback_id), []).append(text)
            else:
                text = ExportText(from_db(str(created_at)), str(body), str(author))
                notes.setdefault(int(feedback_id), []).append(text)
    async with conn.execute(_EXPORT_ADDITIONS_SQL, (first, last)) as cursor:
        for feedback_id, body, photo, created_at in await cursor.fetchall():
            text = ExportText(from_db(str(created_at)), str(body), photo=bool(photo))
            additions.setdefault(int(feedback_id), []).append(text)
    return {
        i: (tuple(answers.get(i, ())), tuple(notes.get(i, ())), tuple(additions.get(i, ())))
        for i in ids
    }


def _export_row(r: sqlite3.Row, texts: _Texts, now: datetime) -> ExportRow:
    status = FeedbackStatus(r[7])
    due_at = None if r[11] is None else from_db(str(r[11]))
    answers, notes, additions = texts
    return ExportRow(
        code=str(r[1]),
        area=str(r[2]),
        topic=topic_from_row(tuple(r[3:7])),
        status=status,
        created_at=from_db(str(r[8])),
        status_changed_at=from_db(str(r[9])),
        body=str(r[10]),
        reply_count=len(answers),
        due_at=due_at,
        resolved_at=None if r[12] is None else from_db(str(r[12])),
        overdue=due_at is not None and not status.is_closed and due_at <= now,
        handler=None if r[13] is None else str(r[13]),
        agency=None if r[14] is None else str(r[14]),
        answers=answers,
        notes=notes,
        additions=additions,
        satisfied=None if r[15] is None else bool(r[15]),
        location=None if r[16] is None else (float(str(r[16])), float(str(r[17]))),
        extension_reason=None if r[18] is None else str(r[18]),
    )


# --- the periodic report (/report) ----------------------------------------------------------


# A feedback's status at an instant (the one placeholder, given _STATUS_THEN_VALUES times):
# its last recorded change before it. A row written without any history before it (not
# made by the bot: every feedback gets its 'new' change when stored) falls back on its
# current status if that was set before the instant, else 'new'.
_STATUS_THEN = (
    "COALESCE((SELECT s.status FROM status_changes s WHERE s.feedback_id = f.id"
    " AND s.changed_at < ? ORDER BY s.id DESC LIMIT 1),"
    " CASE WHEN f.status_changed_at < ? THEN f.status ELSE 'new' END)"
)
_STATUS_THEN_VALUES = 2
# A feedback's deadline at an instant (one placeholder, the instant): its due_at, unless a
# deadline extension was made at or after the instant (as _STATUS_THEN reads a change at
# the instant itself: after it); then the deadline the first of those replaced (None for a
# feedback that had none: '' stands for it inside the COALESCE). Found through
# deadline_extensions_feedback (0016): a feedback never extended costs one probe.
_DUE_THEN = (
    "NULLIF(COALESCE((SELECT COALESCE(x.previous_due_at, '') FROM deadline_extensions x"
    " WHERE x.feedback_id = f.id AND x.extended_at >= ? ORDER BY x.id LIMIT 1), f.due_at),"
    " '')"
)
# When a feedback resolved at an instant (two placeholders, the instant) was resolved: the
# first 'resolved' change after its last other change before then (pressing it again does
# not move it; a reopened and again resolved feedback counts from the second time).
_RESOLVED_THEN = (
    "COALESCE((SELECT MIN(s.changed_at) FROM status_changes s WHERE s.feedback_id = f.id"
    " AND s.status = 'resolved' AND s.changed_at < ? AND s.id > COALESCE((SELECT MAX(x.id)"
    " FROM status_changes x WHERE x.feedback_id = f.id AND x.status != 'resolved'"
    " AND x.changed_at < ?), 0)), f.resolved_at)"
)


async def report_facts(db: Connector, start: datetime, end: datetime) -> ReportFacts:
    """The facts of the report on feedback received in ``[start, end)``.

    Every section counts things as they stood at the end of the period (or now, if it is
    not over), read from the status history: what happened after its last day (a feedback
    resolved, reopened, rejected, forwarded, rated or given a later deadline later)
    belongs to a later report. "Overdue at the end": due by then (``due_at`` is the instant
    a feedback becomes overdue; for one extended since, the deadline it had then), and not
    resolved nor rejected by then; the tables, section V and the on-time count read the
    same deadline. A period not over is counted up to and including now: a change stored this
    very microsecond has happened.
    """
    now = db.clock()
    cut = min(end, now + _TICK)
    first, last, cut_text = to_db(start), to_db(end), to_db(cut)
    async with db.reading() as conn:
        areas = await _names(conn, "SELECT id, code, name FROM areas")
        topics = {
            int(str(r[0])): topic_from_row(tuple(r))
            for r in await _rows(conn, f"SELECT {TOPIC_COLUMNS} FROM topics t", ())
        }
        tallies = await _rows(
            conn,
            # LIMIT -1 (none) keeps SQLite from flattening the subquery into the counts,
            # which would look up each feedback's status and deadline then once per use.
            "SELECT area_id, topic_id, status, COUNT(*),"
            " COALESCE(SUM(status = 'resolved' AND resolved_at <= due_at), 0),"
            f" COALESCE(SUM({UNRESOLVED_SQL} AND due_at <= ?), 0)"
            f" FROM (SELECT f.area_id, {_DUE_THEN} AS due_at, f.topic_id,"
            f"  {_STATUS_THEN} AS status, {_RESOLVED_THEN} AS resolved_at"
            "  FROM feedback f WHERE f.created_at >= ? AND f.created_at < ? LIMIT -1)"
            " GROUP BY area_id, topic_id, status",
            (cut_text, cut_text, *[cut_text] * _STATUS_THEN_VALUES, *[cut_text] * 2, first, last),
        )
        forwarded = await _rows(
            conn,
            # A forward comes after its feedback: forwards_time bounds the search to the
            # forwards made since the period began.
            f"SELECT f.id, f.code, f.area_id, f.topic_id, {_STATUS_THEN}, w.agency_name,"
            " w.forwarded_at FROM forwards w JOIN feedback f ON f.id = w.feedback_id"
            " WHERE w.forwarded_at >= ? AND w.forwarded_at < ? AND f.created_at >= ?"
            " AND f.created_at < ? ORDER BY w.forwarded_at, w.id",
            (*[cut_text] * _STATUS_THEN_VALUES, first, cut_text, first, last),
        )
        forwarded += await _rows(
            conn,
            # Marked forwarded before 0007 recorded forwards: the agency, if the status
            # change named one.
            f"SELECT * FROM (SELECT f.id, f.code, f.area_id, f.topic_id, {_STATUS_THEN},"
            " (SELECT s.agency FROM status_changes s WHERE s.feedback_id = f.id"
            "  AND s.status = 'forwarded' ORDER BY s.id DESC LIMIT 1),"
            " COALESCE((SELECT s.changed_at FROM status_changes s WHERE s.feedback_id = f.id"
            "  AND s.status = 'forwarded' ORDER BY s.id DESC LIMIT 1), f.status_changed_at)"
            "  AS forwarded_at"
            " FROM feedback f WHERE f.status = 'forwarded' AND f.created_at >= ?"
            " AND f.created_at < ?"
            " AND NOT EXISTS (SELECT 1 FROM forwards w WHERE w.feedback_id = f.id))"
            " WHERE forwarded_at < ?",
            (*[cut_text] * _STATUS_THEN_VALUES, first, last, cut_text),
        )
        overdue = await _overdue_at(conn, cut_text)
        async with conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(r.satisfied), 0) FROM ratings r"
            " JOIN feedback f ON f.id = r.feedback_id"
            " WHERE f.created_at >= ? AND f.created_at < ? AND r.rated_at < ?",
            (first, last, cut_text),
        ) as cursor:
            row = await cursor.fetchone()
    ratings, satisfied = (int(row[0]), int(row[1])) if row else (0, 0)
    by_topic: dict[int, Tally] = {}
    by_area: dict[int, Tally] = {}
    for area_id, topic_id, status, count, on_time, late in tallies:
        tally = _tally(FeedbackStatus(status), int(count), int(on_time), int(late))
        by_topic[int(topic_id)] = by_topic.get(int(topic_id), Tally()) + tally
        by_area[int(area_id)] = by_area.get(int(area_id), Tally()) + tally
    totals = sum(by_topic.values(), Tally())
    return ReportFacts(
        start=start,
        end=end,
        made_at=now,
        totals=totals,
        ratings=ratings,
        satisfied=satisfied,
        by_topic=tuple(TopicTally(topics[i], by_topic[i]) for i in sorted(by_topic)),
        by_area=tuple(
            AreaTally(areas[i][0], areas[i][1], by_area[i])
            for i in sorted(by_area, key=lambda i: (name_order(areas[i][1]), areas[i][0]))
        ),
        forwarded=_forwarded_items(forwarded, areas, topics),
        overdue=_overdue_items(db, overdue, cut, areas, topics),
    )


def name_order(name: str) -> tuple[str, str]:
    """How a Vietnamese reader orders names: by their letters without marks first ("Ấp An
    Lạc" before "Khu phố 1", where code points would put it after), then as written."""
    bare = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in bare if not unicodedata.combining(c)).casefold(), name


def _tally(status: FeedbackStatus, count: int, on_time: int, late: int) -> Tally:
    if status is FeedbackStatus.RESOLVED:
        return Tally(received=count, resolved=count, on_time=on_time)
    if status is FeedbackStatus.REJECTED:
        return Tally(received=count, rejected=count)
    return Tally(received=count, open=count, overdue=late)


async def _rows(
    conn: aiosqlite.Connection, sql: str, values: tuple[object, ...]
) -> list[sqlite3.Row]:
    async with conn.execute(sql, values) as cursor:
        return list(await cursor.fetchall())


async def _names(conn: aiosqlite.Connection, sql: str) -> dict[int, tuple[str, str]]:
    """Code and name by id (areas, every one, open or closed)."""
    return {int(str(r[0])): (str(r[1]), str(r[2])) for r in await _rows(conn, sql, ())}


async def _overdue_at(conn: aiosqlite.Connection, moment: str) -> list[sqlite3.Row]:
    """Feedback received before ``moment``, due by then, and neither resolved nor rejected
    then. A feedback is overdue from its ``due_at`` on (the end of its last day), as the
    report's tables count it: one due on the last day of a period is overdue at its end;
    the deadline is the one it had then (``_DUE_THEN``), which a row gives as ``due_at``.

    The candidates are those that may have been open and due then: open now and due by
    then (feedback_open_due), resolved since (feedback_resolved) or rejected since,
    ``moment`` itself included (a change at that instant is after the period, as
    ``_STATUS_THEN`` reads it), or given a later deadline since (an extension always ends
    after the day it is made, so those are not due now by ``moment``; the extensions are
    few, read whole); a feedback closed now whose status has not changed since was closed
    then. Of them, the status and deadline then are read from their history (one reopened
    since was closed then, one closed since open, one extended since due earlier).
    """
    columns = f"f.code, f.area_id, f.topic_id, {_DUE_THEN} AS due_at, f.handler, f.created_at"
    return await _rows(
        conn,
        f"SELECT * FROM (SELECT {columns} FROM feedback f WHERE f.id IN ("
        f"  SELECT id FROM feedback WHERE {UNRESOLVED_SQL} AND due_at <= ?"
        "  UNION SELECT id FROM feedback WHERE resolved_at >= ? AND status = 'resolved'"
        "   AND due_at <= ?"
        "  UNION SELECT id FROM feedback WHERE status = 'rejected' AND status_changed_at >= ?"
        "   AND due_at <= ?"
        "  UNION SELECT feedback_id FROM deadline_extensions WHERE extended_at >= ?)"
        f" AND f.created_at < ? AND {_STATUS_THEN} IN ('new', 'received', 'in_progress',"
        " 'forwarded')) WHERE due_at <= ?",
        (moment, *[moment] * 7, *[moment] * _STATUS_THEN_VALUES, moment),
    )


def _forwarded_items(
    rows: list[sqlite3.Row],
    areas: dict[int, tuple[str, str]],
    topics: dict[int, Topic],
) -> tuple[ForwardedItem, ...]:
    """One item per feedback, with its latest forward (the rows come oldest first)."""
    latest: dict[int, ForwardedItem] = {}
    for feedback_id, code, area_id, topic_id, status, agency, forwarded_at in rows:
        latest[int(str(feedback_id))] = ForwardedItem(
            code=str(code),
            area=areas[int(str(area_id))][1],
            topic=topics[int(str(topic_id))],
            agency=None if agency is None else str(agency),
            forwarded_at=from_db(str(forwarded_at)),
            status=FeedbackStatus(status),
        )
    return tuple(sorted(latest.values(), key=lambda item: (item.forwarded_at, item.code)))


def _overdue_items(
    db: Connector,
    rows: list[sqlite3.Row],
    moment: datetime,
    areas: dict[int, tuple[str, str]],
    topics: dict[int, Topic],
) -> tuple[OverdueItem, ...]:
    deadlines = db.deadlines
    calendar = deadlines.calendar
    # The last day of the period: the day before the instant it ended.
    last_day = calendar.local_date(moment - _TICK)
    due = [(row, from_db(str(row[3]))) for row in rows]
    late = working_days_late(calendar, {deadlines.due_day(at) for _, at in due}, last_day)
    items = []
    for (code, area_id, topic_id, _, handler, created_at), due_at in due:
        due_day = deadlines.due_day(due_at)
        items.append(
            OverdueItem(
                code=str(code),
                area=areas[int(str(area_id))][1],
                topic=topics[int(str(topic_id))],
                due_at=due_at,
                due_day=due_day,
                working_days_late=late[due_day],
                handler=None if handler is None else str(handler),
                received_at=from_db(str(created_at)),
            )
        )
    return tuple(sorted(items, key=lambda item: (item.due_at, item.code)))


# --- digest bookkeeping ---------------------------------------------------------------------


async def get_last_digest_at(db: Connector) -> datetime | None:
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


class ReportQueries:
    """What staff read across many feedback (counts, the open list, the digest, /report,
    the export, /find), as the storage's ``reports``; the work is this module's functions
    and ``search.find``, which tests and the benchmark also call directly."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    async def count_by(self, since: datetime) -> Counts:
        """Feedback created from ``since`` until now, by area, topic and status."""
        return await count_by(self._db, since)

    async def open_page(
        self, where: OpenFilter | None = None, *, limit: int, after: OpenCursor | None = None
    ) -> OpenPage:
        """Unresolved feedback matching ``where``, oldest first, ``limit`` from ``after`` on."""
        return await open_page(self._db, where, limit=limit, after=after)

    def export_rows(
        self, since: datetime, *, batch_size: int = EXPORT_BATCH
    ) -> AsyncIterator[ExportRow]:
        """Every feedback created since ``since``, in submission order, a batch at a time."""
        return export_rows(self._db, since, batch_size=batch_size)

    async def report_facts(self, start: datetime, end: datetime) -> ReportFacts:
        """The numbers of a /report over ``[start, end)``, each status as it stood at end."""
        return await report_facts(self._db, start, end)

    async def new_since(
        self, since: datetime | None, until: datetime, *, overdue_limit: int = 100
    ) -> PeriodCounts:
        """The digest of ``[since, until)`` and the backlog at ``until``."""
        return await new_since(self._db, since, until, overdue_limit=overdue_limit)

    async def last_digest_at(self) -> datetime | None:
        """The end of the period the last digest covered, None before the first digest."""
        return await get_last_digest_at(self._db)

    async def queue_digest(
        self, at: datetime, messages: Sequence[tuple[str, dict[str, Any]]]
    ) -> None:
        """Queue the digest's messages (kind, payload) for the staff group and mark its
        period as reported up to ``at``, in one transaction: the period counts as reported
        exactly when its digest is sure to go out."""
        async with self._db.transaction() as conn:
            for kind, payload in messages:
                await enqueue(conn, kind, at, payload=payload)
            await set_last_digest_at(conn, at)

    async def find(self, words: str, *, limit: int, offset: int = 0) -> FoundPage:
        """Feedback whose words match, newest first (``search.find``); EmptySearch."""
        return await find(self._db, words, limit=limit, offset=offset)
