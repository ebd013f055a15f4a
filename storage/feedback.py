"""Feedback: submission in one transaction, and look-up by reference code."""

from __future__ import annotations

import json
import logging
import sqlite3
from typing import TYPE_CHECKING

import aiosqlite

from storage.areas import area_from_row
from storage.clock import from_db, to_db
from storage.codes import new_reference_code
from storage.errors import AreaClosed, AreaNotFound, FeedbackNotFound, TopicNotFound
from storage.models import Feedback, FeedbackStatus, NewFeedback, Response, ResponseKind
from storage.topics import topic_from_row

if TYPE_CHECKING:
    from storage.database import Database

log = logging.getLogger(__name__)

# Outbox kind of the staff group's notification about a new feedback.
NOTIFY_STAFF = "notify_staff"
_CODE_ATTEMPTS = 8


class FeedbackRepository:
    """Queries on ``feedback`` and the tables that hang from it."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def submit(self, new: NewFeedback) -> Feedback:
        """Store a resident's feedback and queue the staff notification, all or nothing.

        The area and topic are checked inside the same transaction, so an area closed a
        moment ago does not receive feedback.
        """
        now = to_db(self._db.clock())
        async with self._db.transaction() as conn:
            await _require_open(conn, new.area_id, new.topic_id)
            code = await _issue_code(conn, now)
            cursor = await conn.execute(
                "INSERT INTO feedback (code, area_id, topic_id, body, status, created_at,"
                " status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (code, new.area_id, new.topic_id, new.body, FeedbackStatus.NEW, now, now),
            )
            feedback_id = cursor.lastrowid
            await conn.executemany(
                "INSERT INTO feedback_photos (feedback_id, position, file_id) VALUES (?, ?, ?)",
                [(feedback_id, i, file_id) for i, file_id in enumerate(new.photo_file_ids)],
            )
            await conn.execute(
                "INSERT INTO status_changes (feedback_id, status, changed_by, changed_at)"
                " VALUES (?, ?, NULL, ?)",
                (feedback_id, FeedbackStatus.NEW, now),
            )
            if new.sealed_reply_chat is not None:
                await conn.execute(
                    "INSERT INTO reply_channels (feedback_id, sealed_chat, created_at)"
                    " VALUES (?, ?, ?)",
                    (feedback_id, new.sealed_reply_chat, now),
                )
            await conn.execute(
                "INSERT INTO outbox (kind, feedback_id, payload, created_at, next_attempt_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (NOTIFY_STAFF, feedback_id, json.dumps({"code": code}), now, now),
            )
        log.info("feedback stored code=%s area_id=%s topic_id=%s", code, new.area_id, new.topic_id)
        return await self.get_by_code(code)

    async def get_by_code(self, code: str) -> Feedback:
        """The feedback with that reference code, with its replies and notes."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT f.id, f.code, f.body, f.status, f.created_at, f.status_changed_at,"
                " a.id, a.code, a.name, a.is_open, a.created_at,"
                " t.id, t.name_vi, t.name_en, t.is_open,"
                " EXISTS (SELECT 1 FROM reply_channels r WHERE r.feedback_id = f.id)"
                " FROM feedback f JOIN areas a ON a.id = f.area_id"
                " JOIN topics t ON t.id = f.topic_id WHERE f.code = ?",
                (code,),
            )
            row = await cursor.fetchone()
            if row is None:
                raise FeedbackNotFound(code)
            feedback_id = int(row[0])
            cursor = await conn.execute(
                "SELECT file_id FROM feedback_photos WHERE feedback_id = ? ORDER BY position",
                (feedback_id,),
            )
            photos = tuple(str(r[0]) for r in await cursor.fetchall())
            cursor = await conn.execute(
                "SELECT kind, body, author, created_at FROM responses"
                " WHERE feedback_id = ? ORDER BY id",
                (feedback_id,),
            )
            responses = tuple(
                Response(ResponseKind(r[0]), str(r[1]), str(r[2]), from_db(str(r[3])))
                for r in await cursor.fetchall()
            )
        return Feedback(
            id=feedback_id,
            code=str(row[1]),
            body=str(row[2]),
            status=FeedbackStatus(row[3]),
            created_at=from_db(str(row[4])),
            status_changed_at=from_db(str(row[5])),
            area=area_from_row(tuple(row[6:11])),
            topic=topic_from_row(tuple(row[11:15])),
            wants_replies=bool(row[15]),
            photo_file_ids=photos,
            responses=responses,
        )


async def _require_open(conn: aiosqlite.Connection, area_id: int, topic_id: int) -> None:
    cursor = await conn.execute("SELECT code, is_open FROM areas WHERE id = ?", (area_id,))
    area = await cursor.fetchone()
    if area is None:
        raise AreaNotFound(str(area_id))
    if not area[1]:
        raise AreaClosed(str(area[0]))
    cursor = await conn.execute("SELECT is_open FROM topics WHERE id = ?", (topic_id,))
    topic = await cursor.fetchone()
    if topic is None or not topic[0]:
        raise TopicNotFound(str(topic_id))


async def _issue_code(conn: aiosqlite.Connection, now: str) -> str:
    """A reference code never issued before, recorded as issued."""
    for _ in range(_CODE_ATTEMPTS):
        code = new_reference_code()
        try:
            await conn.execute(
                "INSERT INTO reference_codes (code, issued_at) VALUES (?, ?)", (code, now)
            )
        except sqlite3.IntegrityError:
            log.warning("reference code collision, drawing again")
            continue
        return code
    raise RuntimeError("could not draw an unused reference code")
