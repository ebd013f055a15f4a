"""Feedback: submission in one transaction, and look-up by reference code."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import aiosqlite

from storage.areas import area_from_row
from storage.clock import from_db, to_db
from storage.codes import new_reference_code
from storage.errors import AreaClosed, AreaNotFound, FeedbackNotFound, TopicNotFound
from storage.models import (
    Delivery,
    Feedback,
    FeedbackStatus,
    NewFeedback,
    Response,
    ResponseKind,
    StatusChange,
    StatusUpdate,
    StoredResponse,
    Submitted,
)
from storage.outbox import enqueue
from storage.topics import topic_from_row

if TYPE_CHECKING:
    from storage.database import Database

log = logging.getLogger(__name__)

# Outbox kinds queued by storage itself, with the change that causes them.
NOTIFY_STAFF = "notify_staff"
RESIDENT_REPLY = "resident_reply"
RESIDENT_STATUS = "resident_status"
_CODE_ATTEMPTS = 8


class FeedbackRepository:
    """Queries on ``feedback`` and the tables that hang from it."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def submit(self, new: NewFeedback) -> Submitted:
        """Store a resident's feedback and queue the staff notification, all or nothing.

        The area and topic are checked inside the same transaction, so an area closed a
        moment ago does not receive feedback. A submission token seen before returns the
        feedback stored then, and stores and queues nothing.
        """
        now = to_db(self._db.clock())
        async with self._db.transaction() as conn:
            if new.submission is not None:
                cursor = await conn.execute(
                    "SELECT code FROM feedback WHERE submission = ?", (new.submission,)
                )
                earlier = await cursor.fetchone()
                if earlier is not None:
                    stored = await _load(conn, "f.code = ?", str(earlier[0]))
                    log.info("feedback submitted again code=%s: kept once", stored.code)
                    return Submitted(stored, created=False)
            await _require_open(conn, new.area_id, new.topic_id)
            code = await _issue_code(conn, now)
            cursor = await conn.execute(
                "INSERT INTO feedback (code, area_id, topic_id, body, status, created_at,"
                " status_changed_at, submission) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    code,
                    new.area_id,
                    new.topic_id,
                    new.body,
                    FeedbackStatus.NEW,
                    now,
                    now,
                    new.submission,
                ),
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
            if new.seal_reply_chat is not None:
                await conn.execute(
                    "INSERT INTO reply_channels (feedback_id, sealed_chat, created_at)"
                    " VALUES (?, ?, ?)",
                    (feedback_id, new.seal_reply_chat(code), now),
                )
            await enqueue(
                conn,
                NOTIFY_STAFF,
                self._db.clock(),
                feedback_id=feedback_id,
                payload={"code": code},
            )
        log.info("feedback stored code=%s area_id=%s topic_id=%s", code, new.area_id, new.topic_id)
        return Submitted(await self.get_by_code(code), created=True)

    async def get_by_submission(self, submission: str) -> Feedback:
        """The feedback sent from the draft with this token; FeedbackNotFound if none."""
        async with self._db.reading() as conn:
            return await _load(conn, "f.submission = ?", submission)

    async def get_by_code(self, code: str) -> Feedback:
        """The feedback with that reference code, with its replies and notes."""
        async with self._db.reading() as conn:
            return await _load(conn, "f.code = ?", code)

    async def get(self, feedback_id: int) -> Feedback:
        """The feedback with that id."""
        async with self._db.reading() as conn:
            return await _load(conn, "f.id = ?", feedback_id)

    async def for_staff_message(self, chat_id: int, message_id: int) -> int | None:
        """The feedback a staff-group message of the bot belongs to, if it is one."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT feedback_id FROM staff_messages WHERE chat_id = ? AND message_id = ?",
                (chat_id, message_id),
            )
            row = await cursor.fetchone()
        return int(row[0]) if row else None

    async def record_staff_message(
        self, chat_id: int, message_ids: list[int], feedback_id: int, role: str
    ) -> None:
        """Remember messages posted in the staff group outside the outbox (an opened card)."""
        async with self._db.transaction() as conn:
            await conn.executemany(
                "INSERT OR REPLACE INTO staff_messages (chat_id, message_id, feedback_id, role)"
                " VALUES (?, ?, ?, ?)",
                [(chat_id, message_id, feedback_id, role) for message_id in message_ids],
            )

    async def card_message(self, feedback_id: int, chat_id: int) -> int | None:
        """The id of the feedback's notification card in the staff group, once delivered."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT message_id FROM staff_messages WHERE feedback_id = ? AND chat_id = ?"
                " AND role = 'card' ORDER BY message_id LIMIT 1",
                (feedback_id, chat_id),
            )
            row = await cursor.fetchone()
        return int(row[0]) if row else None

    async def history(self, feedback_id: int) -> list[StatusChange]:
        """Every status the feedback has had, oldest first."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT status, changed_by, changed_at FROM status_changes"
                " WHERE feedback_id = ? ORDER BY id",
                (feedback_id,),
            )
            rows = await cursor.fetchall()
        return [StatusChange(FeedbackStatus(r[0]), r[1], from_db(str(r[2]))) for r in rows]

    async def set_status(
        self, feedback_id: int, status: FeedbackStatus, changed_by: str
    ) -> StatusUpdate:
        """Record a status change by a staff member (every press counts: last one wins).

        When the feedback becomes resolved or rejected and the resident asked for replies,
        a message telling them is queued in the same transaction.
        """
        now = self._db.clock()
        async with self._db.transaction() as conn:
            previous, has_channel = await _status_and_channel(conn, feedback_id)
            await conn.execute(
                "UPDATE feedback SET status = ?, status_changed_at = ? WHERE id = ?",
                (status, to_db(now), feedback_id),
            )
            await conn.execute(
                "INSERT INTO status_changes (feedback_id, status, changed_by, changed_at)"
                " VALUES (?, ?, ?, ?)",
                (feedback_id, status, changed_by, to_db(now)),
            )
            tell = has_channel and status.is_closed and status != previous
            if tell:
                await enqueue(
                    conn,
                    RESIDENT_STATUS,
                    now,
                    feedback_id=feedback_id,
                    payload={"status": status.value},
                )
            feedback = await _load(conn, "f.id = ?", feedback_id)
        log.info("status changed code=%s status=%s", feedback.code, status.value)
        return StatusUpdate(feedback, previous, tell)

    async def respond(
        self, feedback_id: int, kind: ResponseKind, body: str, author: str
    ) -> StoredResponse:
        """Store a staff reply or note; a reply for a resident who asked is queued to them."""
        now = self._db.clock()
        async with self._db.transaction() as conn:
            _, has_channel = await _status_and_channel(conn, feedback_id)
            to_resident = kind is ResponseKind.REPLY and has_channel
            cursor = await conn.execute(
                "INSERT INTO responses (feedback_id, kind, body, author, created_at, delivery)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    feedback_id,
                    kind,
                    body,
                    author,
                    to_db(now),
                    Delivery.PENDING if to_resident else None,
                ),
            )
            response_id = cursor.lastrowid
            assert response_id is not None
            if to_resident:
                await enqueue(
                    conn,
                    RESIDENT_REPLY,
                    now,
                    feedback_id=feedback_id,
                    payload={"response_id": response_id},
                )
            feedback = await _load(conn, "f.id = ?", feedback_id)
        log.info("%s stored code=%s to_resident=%s", kind.value, feedback.code, to_resident)
        return StoredResponse(feedback, response_id, kind, to_resident)

    async def response(self, response_id: int) -> Response:
        """One stored reply or note."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT kind, body, author, created_at, delivery FROM responses WHERE id = ?",
                (response_id,),
            )
            row = await cursor.fetchone()
        if row is None:
            raise FeedbackNotFound(f"response {response_id}")
        return _response(tuple(row))

    async def reply_channel(self, feedback_id: int) -> tuple[str, bytes] | None:
        """The reference code and sealed chat of a resident who asked for answers."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT f.code, r.sealed_chat FROM reply_channels r"
                " JOIN feedback f ON f.id = r.feedback_id WHERE r.feedback_id = ?",
                (feedback_id,),
            )
            row = await cursor.fetchone()
        return (str(row[0]), bytes(row[1])) if row else None

    async def reseal_reply_channels(self, reseal: Callable[[str, bytes], bytes | None]) -> int:
        """Seal again, once, the channels sealed before channels were bound to a feedback.

        ``reseal(code, sealed)`` returns the channel sealed for ``code``, or None when it
        cannot be opened (then it is deleted: it could never be used). Runs only while the
        marker left by migration 0005 is there, and removes it in the same transaction.
        """
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "SELECT 1 FROM bot_state WHERE key = 'legacy_reply_channels'"
            )
            if await cursor.fetchone() is None:
                return 0
            cursor = await conn.execute(
                "SELECT r.feedback_id, f.code, r.sealed_chat FROM reply_channels r"
                " JOIN feedback f ON f.id = r.feedback_id"
            )
            rows = list(await cursor.fetchall())
            resealed = 0
            for feedback_id, code, sealed in rows:
                bound = reseal(str(code), bytes(sealed))
                if bound is None:
                    await conn.execute(
                        "DELETE FROM reply_channels WHERE feedback_id = ?", (feedback_id,)
                    )
                    continue
                await conn.execute(
                    "UPDATE reply_channels SET sealed_chat = ? WHERE feedback_id = ?",
                    (bound, feedback_id),
                )
                resealed += 1
            await conn.execute("DELETE FROM bot_state WHERE key = 'legacy_reply_channels'")
        log.info("reply channels bound to their feedback count=%d of=%d", resealed, len(rows))
        return resealed

    async def forget_reply_channels(self, closed_before: datetime) -> int:
        """Delete reply channels of feedback resolved or rejected before ``closed_before``."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM reply_channels WHERE feedback_id IN (SELECT id FROM feedback"
                " WHERE status IN ('resolved', 'rejected') AND status_changed_at < ?)",
                (to_db(closed_before),),
            )
            count = cursor.rowcount
        if count:
            log.info("reply channels deleted count=%d", count)
        return count


async def _status_and_channel(
    conn: aiosqlite.Connection, feedback_id: int
) -> tuple[FeedbackStatus, bool]:
    """A feedback's status and whether its resident asked for replies; FeedbackNotFound."""
    cursor = await conn.execute(
        "SELECT status, EXISTS (SELECT 1 FROM reply_channels r WHERE r.feedback_id = f.id)"
        " FROM feedback f WHERE f.id = ?",
        (feedback_id,),
    )
    row = await cursor.fetchone()
    if row is None:
        raise FeedbackNotFound(str(feedback_id))
    return FeedbackStatus(row[0]), bool(row[1])


def _response(row: tuple[object, ...]) -> Response:
    delivery = Delivery(str(row[4])) if row[4] is not None else None
    return Response(
        ResponseKind(str(row[0])), str(row[1]), str(row[2]), from_db(str(row[3])), delivery
    )


async def _load(conn: aiosqlite.Connection, where: str, value: object) -> Feedback:
    """A feedback with its photos, replies, notes and who last changed its status."""
    cursor = await conn.execute(
        "SELECT f.id, f.code, f.body, f.status, f.created_at, f.status_changed_at,"
        " a.id, a.code, a.name, a.is_open, a.created_at,"
        " t.id, t.name_vi, t.name_en, t.is_open,"
        " EXISTS (SELECT 1 FROM reply_channels r WHERE r.feedback_id = f.id),"
        " (SELECT s.changed_by FROM status_changes s WHERE s.feedback_id = f.id"
        "  ORDER BY s.id DESC LIMIT 1)"
        " FROM feedback f JOIN areas a ON a.id = f.area_id"
        f" JOIN topics t ON t.id = f.topic_id WHERE {where}",
        (value,),
    )
    row = await cursor.fetchone()
    if row is None:
        raise FeedbackNotFound(str(value))
    feedback_id = int(row[0])
    cursor = await conn.execute(
        "SELECT file_id FROM feedback_photos WHERE feedback_id = ? ORDER BY position",
        (feedback_id,),
    )
    photos = tuple(str(r[0]) for r in await cursor.fetchall())
    cursor = await conn.execute(
        "SELECT kind, body, author, created_at, delivery FROM responses"
        " WHERE feedback_id = ? ORDER BY id",
        (feedback_id,),
    )
    responses = tuple(_response(tuple(r)) for r in await cursor.fetchall())
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
        status_changed_by=None if row[16] is None else str(row[16]),
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
