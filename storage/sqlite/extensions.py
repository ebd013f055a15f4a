"""Deadline extensions («gia hạn»): staff give one feedback more working days, with a reason.

The feedback's ``due_at`` moves to the new date, so the card, /open, the digest, /status,
the exports and the reports' on-time count all read the extended deadline; each extension
is kept with who gave it, when, and the date it replaced.
"""

from __future__ import annotations

import builtins
import logging
from datetime import datetime
from typing import TYPE_CHECKING

from core.clock import from_db, to_db
from core.errors import FeedbackClosed, FeedbackNotFound
from core.models import (
    MAX_EXTENSION_REASON,
    MOST_EXTENSION_DAYS,
    Extension,
    Feedback,
    FeedbackStatus,
)
from storage.sqlite.connection import fetch_all, fetch_one
from storage.sqlite.feedback import load_feedback

if TYPE_CHECKING:
    import aiosqlite

    from storage.sqlite.connection import Connector

log = logging.getLogger(__name__)

_CLOSED = tuple(s.value for s in FeedbackStatus if s.is_closed)


class ExtensionRepository:
    """Queries on ``deadline_extensions``."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    async def extend(self, feedback_id: int, days: int, reason: str, by: str) -> Feedback:
        """Give the feedback ``days`` more working days, counted from its deadline (from
        today when that is past); FeedbackNotFound, FeedbackClosed, or ValueError for a
        number of days or a reason out of bounds."""
        if not 1 <= days <= MOST_EXTENSION_DAYS:
            raise ValueError(f"days out of range: {days}")
        reason = " ".join(reason.split())
        if not reason or len(reason) > MAX_EXTENSION_REASON:
            raise ValueError("a reason of 1 to 500 characters is needed")
        moment = self._db.clock()
        async with self._db.transaction() as conn:
            previous, due_at = await self._new_due(conn, feedback_id, days, moment)
            await conn.execute(
                "UPDATE feedback SET due_at = ? WHERE id = ?", (to_db(due_at), feedback_id)
            )
            await conn.execute(
                "INSERT INTO deadline_extensions (feedback_id, days, reason, extended_by,"
                " extended_at, previous_due_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    feedback_id,
                    days,
                    reason,
                    by,
                    to_db(moment),
                    None if previous is None else to_db(previous),
                    to_db(due_at),
                ),
            )
            feedback = await load_feedback(conn, "f.id = ?", feedback_id, moment)
        log.info("deadline extended code=%s days=%d", feedback.code, days)
        return feedback

    async def new_due(self, feedback_id: int, days: int) -> datetime:
        """The deadline ``extend`` would give now, changing nothing (the preview staff
        confirm); FeedbackNotFound or FeedbackClosed as ``extend``."""
        if not 1 <= days <= MOST_EXTENSION_DAYS:
            raise ValueError(f"days out of range: {days}")
        async with self._db.reading() as conn:
            _, due_at = await self._new_due(conn, feedback_id, days, self._db.clock())
        return due_at

    async def _new_due(
        self, conn: aiosqlite.Connection, feedback_id: int, days: int, moment: datetime
    ) -> tuple[datetime | None, datetime]:
        """The feedback's deadline, and the one ``days`` more working days give it."""
        deadlines = self._db.deadlines
        calendar = deadlines.calendar
        row = await fetch_one(
            conn, "SELECT status, due_at FROM feedback WHERE id = ?", (feedback_id,)
        )
        if row is None:
            raise FeedbackNotFound(str(feedback_id))
        if row[0] in _CLOSED:
            raise FeedbackClosed(str(feedback_id))
        previous = None if row[1] is None else from_db(str(row[1]))
        today = calendar.local_date(moment)
        start = today if previous is None else max(deadlines.due_day(previous), today)
        return previous, calendar.end_of_day(calendar.add_working_days(start, days))

    async def of(self, feedback_id: int) -> builtins.list[Extension]:
        """The feedback's extensions, oldest first."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                "SELECT days, reason, extended_by, extended_at, previous_due_at, due_at"
                " FROM deadline_extensions WHERE feedback_id = ? ORDER BY id",
                (feedback_id,),
            )
        return [
            Extension(
                int(r[0]),
                str(r[1]),
                str(r[2]),
                from_db(str(r[3])),
                None if r[4] is None else from_db(str(r[4])),
                from_db(str(r[5])),
            )
            for r in rows
        ]
