"""Feedback: submission in one transaction, look-up, status, handler and reply channels."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import aiosqlite

from core.clock import from_db, to_db
from core.errors import (
    AreaClosed,
    AreaNotFound,
    FeedbackNotFound,
    PromptClosed,
    PromptOutdated,
    RewordTooLate,
    TooManyChannels,
    TopicNotFound,
)
from core.models import (
    AGENCY_CARD,
    MOST_CHANNELS,
    NOTIFY_STAFF,
    PROMPT_ROLES,
    RESIDENT_REPLY,
    RESIDENT_STATUS,
    Addition,
    AdditionKind,
    Delivery,
    Feedback,
    FeedbackStatus,
    NewFeedback,
    Response,
    ResponseKind,
    SealedChannel,
    StatusChange,
    StatusUpdate,
    StoredResponse,
    Submitted,
)
from core.notices import status_notices
from core.rules.codes import new_reference_code
from storage.sqlite.areas import area_from_row
from storage.sqlite.connection import fetch_all, fetch_one
from storage.sqlite.outbox import enqueue
from storage.sqlite.topics import TOPIC_COLUMNS, topic_from_row

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector

log = logging.getLogger(__name__)

_CODE_ATTEMPTS = 8
# Statuses a resident who receives answers is told about (SPEC §5, Status).
# A status notice still waiting out its window (parameters: feedback, kind, now).
_WAITING_NOTICE = (
    "feedback_id = ? AND kind = ? AND delivered_at IS NULL AND failed_at IS NULL"
    " AND next_attempt_at > ?"
)


class FeedbackRepository:
    """Queries on ``feedback`` and the tables that hang from it."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    # --- submission -----------------------------------------------------------------------

    async def submit(self, new: NewFeedback) -> Submitted:
        """Store a resident's feedback and queue the staff notification, all or nothing.

        The area and topic are checked inside the same transaction, so an area closed a
        moment ago does not receive feedback. The deadline is set from the topic's
        working days. A submission token seen before returns the feedback stored then, and
        stores and queues nothing.
        """
        moment = self._db.clock()
        now = to_db(moment)
        async with self._db.transaction() as conn:
            if new.submission is not None:
                earlier = await fetch_one(
                    conn, "SELECT code FROM feedback WHERE submission = ?", (new.submission,)
                )
                if earlier is not None:
                    stored = await load_feedback(conn, "f.code = ?", str(earlier[0]), moment)
                    log.info("feedback submitted again code=%s: kept once", stored.code)
                    return Submitted(stored, created=False)
            topic_days = await _require_open(conn, new.area_id, new.topic_id)
            code = await _issue_code(conn, now)
            due_at = self._db.deadlines.due_at(moment, topic_days)
            latitude, longitude = new.location if new.location else (None, None)
            cursor = await conn.execute(
                "INSERT INTO feedback (code, area_id, topic_id, body, status, created_at,"
                " status_changed_at, submission, due_at, latitude, longitude)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    code,
                    new.area_id,
                    new.topic_id,
                    new.body,
                    FeedbackStatus.NEW,
                    now,
                    now,
                    new.submission,
                    to_db(due_at),
                    latitude,
                    longitude,
                ),
            )
            feedback_id = cursor.lastrowid
            assert feedback_id is not None
            if new.photo_file_ids:
                await conn.executemany(
                    "INSERT INTO feedback_photos (feedback_id, position, file_id)"
                    " VALUES (?, ?, ?)",
                    [(feedback_id, i, file_id) for i, file_id in enumerate(new.photo_file_ids)],
                )
            await conn.execute(
                "INSERT INTO status_changes (feedback_id, status, changed_by, changed_at)"
                " VALUES (?, ?, NULL, ?)",
                (feedback_id, FeedbackStatus.NEW, now),
            )
            if new.seal_reply_chat is not None:
                await _add_channel(conn, feedback_id, new.seal_reply_chat(code), now)
            await enqueue(conn, NOTIFY_STAFF, moment, feedback_id=feedback_id, payload={})
        log.info("feedback stored code=%s area_id=%s topic_id=%s", code, new.area_id, new.topic_id)
        return Submitted(await self.get_by_code(code), created=True)

    # --- reading --------------------------------------------------------------------------

    async def get_by_code(self, code: str) -> Feedback:
        """The feedback with that reference code, with its replies, notes and additions."""
        async with self._db.reading() as conn:
            return await load_feedback(conn, "f.code = ?", code, self._db.clock())

    async def get(self, feedback_id: int) -> Feedback:
        """The feedback with that id."""
        async with self._db.reading() as conn:
            return await load_feedback(conn, "f.id = ?", feedback_id, self._db.clock())

    async def get_by_submission(self, submission: str) -> Feedback:
        """The feedback sent from the draft with this token; FeedbackNotFound if none."""
        async with self._db.reading() as conn:
            return await load_feedback(conn, "f.submission = ?", submission, self._db.clock())

    async def history(self, feedback_id: int) -> list[StatusChange]:
        """Every status the feedback has had, oldest first."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                "SELECT status, changed_by, changed_at, reason, agency FROM status_changes"
                " WHERE feedback_id = ? ORDER BY id",
                (feedback_id,),
            )
        return [
            StatusChange(FeedbackStatus(r[0]), r[1], from_db(str(r[2])), r[3], r[4]) for r in rows
        ]

    async def assignments(self, feedback_id: int) -> list[tuple[str, datetime]]:
        """Who took the feedback on, and when, oldest first."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                "SELECT officer, assigned_at FROM assignments WHERE feedback_id = ? ORDER BY id",
                (feedback_id,),
            )
        return [(str(r[0]), from_db(str(r[1]))) for r in rows]

    async def response(self, response_id: int) -> Response:
        """One stored reply, question or note."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn, f"SELECT {_RESPONSE} FROM responses WHERE id = ?", (response_id,)
            )
        if row is None:
            raise FeedbackNotFound(f"response {response_id}")
        return _response(tuple(row))

    # --- the staff group's messages about a feedback -----------------------------------------

    async def for_staff_message(self, chat_id: int, message_id: int) -> int | None:
        """The feedback a group message of the bot belongs to, if it is one."""
        found = await self.staff_message(chat_id, message_id)
        return found[0] if found else None

    async def staff_message(
        self, chat_id: int, message_id: int
    ) -> tuple[int, str, int | None] | None:
        """The feedback id, role and reference of a bot's message in a group, if known."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                "SELECT feedback_id, role, ref_id FROM staff_messages"
                " WHERE chat_id = ? AND message_id = ?",
                (chat_id, message_id),
            )
        return (int(row[0]), str(row[1]), row[2]) if row else None

    async def record_staff_message(
        self,
        chat_id: int,
        message_ids: list[int],
        feedback_id: int,
        role: str,
        ref_id: int | None = None,
    ) -> None:
        """Remember messages posted in a group outside the outbox (an opened card, a prompt)."""
        async with self._db.transaction() as conn:
            await conn.executemany(
                "INSERT OR REPLACE INTO staff_messages (chat_id, message_id, feedback_id, role,"
                " ref_id) VALUES (?, ?, ?, ?, ?)",
                [(chat_id, message_id, feedback_id, role, ref_id) for message_id in message_ids],
            )

    async def open_prompt(
        self, chat_id: int, message_id: int, feedback_id: int, role: str
    ) -> None:
        """Record a prompt asking for a reason, a result, a place or an agency: a reply to
        it acts while it is neither answered nor cancelled, and the feedback's status has
        not changed since (the newest status change is kept with it)."""
        async with self._db.transaction() as conn:
            mark = await _status_mark(conn, feedback_id)
            await conn.execute(
                "INSERT OR REPLACE INTO staff_messages (chat_id, message_id, feedback_id, role,"
                " ref_id) VALUES (?, ?, ?, ?, ?)",
                (chat_id, message_id, feedback_id, role, mark),
            )

    async def check_prompt(self, chat_id: int, message_id: int) -> None:
        """PromptClosed or PromptOutdated when a reply to the prompt must not act."""
        async with self._db.reading() as conn:
            await prompt_must_act(conn, (chat_id, message_id))

    async def close_prompt(self, chat_id: int, message_id: int) -> None:
        """The prompt was answered or cancelled: a reply to it no longer acts."""
        async with self._db.transaction() as conn:
            await end_prompt(conn, (chat_id, message_id))

    async def card_message(self, feedback_id: int, chat_id: int) -> int | None:
        """The id of the feedback's newest card in a group, once delivered."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                "SELECT message_id FROM staff_messages WHERE feedback_id = ? AND chat_id = ?"
                " AND role = 'card' ORDER BY message_id DESC LIMIT 1",
                (feedback_id, chat_id),
            )
        return int(row[0]) if row else None

    async def card_messages(self, feedback_id: int, chat_id: int) -> list[int]:
        """Every card of the feedback in a group (the first, those /show and the surge's
        "📂" posted), oldest first: each shows the feedback as it now stands."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                "SELECT message_id FROM staff_messages WHERE feedback_id = ? AND chat_id = ?"
                " AND role = 'card' ORDER BY message_id",
                (feedback_id, chat_id),
            )
        return [int(r[0]) for r in rows]

    # --- status and handler -------------------------------------------------------------------

    async def set_status(
        self,
        feedback_id: int,
        status: FeedbackStatus,
        changed_by: str | None,
        *,
        reason: str | None = None,
        reason_preset: int | None = None,
        agency: str | None = None,
        notice_delay: timedelta = timedelta(0),
        prompt: tuple[int, int] | None = None,
        reply: tuple[int, int, str] | None = None,
    ) -> StatusUpdate:
        """Record a status change (every press counts: the last one wins).

        A notice to the resident (forwarded, resolved, rejected) waits ``notice_delay``
        before it goes out; a new status within that time replaces it, so that a slip of the
        finger reaches nobody. ``changed_by`` None: the resident (not satisfied, reopened).
        ``reason_preset``: the number of a preset reason, whose words are ``reason``.
        ``prompt``: the (chat, message) of the prompt this answers: PromptClosed or
        PromptOutdated when it no longer acts; it is closed with the change. ``reply``: the
        officer's (chat, message) that gave the words, and which words ('reason' or
        'agency'), kept so that an edit of it can reword the change (``reword``).
        """
        moment = self._db.clock()
        async with self._db.transaction() as conn:
            if prompt is not None:
                await prompt_must_act(conn, prompt)
            change = StatusChange(status, changed_by, moment, reason, agency, reason_preset)
            previous, told = await change_status(conn, feedback_id, change, notice_delay)
            if prompt is not None:
                await end_prompt(conn, prompt)
            if reply is not None:
                await conn.execute(
                    "INSERT OR REPLACE INTO prompt_replies (chat_id, message_id, feedback_id,"
                    " change_id, field) VALUES (?, ?, ?, ?, ?)",
                    (
                        reply[0],
                        reply[1],
                        feedback_id,
                        await _status_mark(conn, feedback_id),
                        reply[2],
                    ),
                )
            feedback = await load_feedback(conn, "f.id = ?", feedback_id, moment)
        log.info("status changed code=%s status=%s", feedback.code, status.value)
        return StatusUpdate(feedback, previous, told)

    async def reworded_by(self, chat_id: int, message_id: int) -> int | None:
        """The feedback whose status the officer's message gave words to, if it did."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                "SELECT feedback_id FROM prompt_replies WHERE chat_id = ? AND message_id = ?",
                (chat_id, message_id),
            )
        return int(row[0]) if row else None

    async def reword(
        self, chat_id: int, message_id: int, words: str, window: timedelta
    ) -> StatusUpdate | None:
        """An officer edited the reply that gave a reason, a result or a place: the status
        change it made is made again with the new words (its notice, still waiting, is
        replaced and waits ``window`` anew). None when the message gave no such words;
        RewordTooLate when the change is ``window`` old, or another status came after it."""
        moment = self._db.clock()
        async with self._db.transaction() as conn:
            row = await fetch_one(
                conn,
                "SELECT r.feedback_id, r.change_id, r.field, s.status, s.changed_at, s.reason,"
                " s.reason_preset, s.agency FROM prompt_replies r JOIN status_changes s"
                " ON s.id = r.change_id WHERE r.chat_id = ? AND r.message_id = ?",
                (chat_id, message_id),
            )
            if row is None:
                return None
            feedback_id, change_id, field = int(row[0]), int(row[1]), str(row[2])
            newest = await _status_mark(conn, feedback_id)
            if newest != change_id or from_db(str(row[4])) + window <= moment:
                raise RewordTooLate(feedback_id)
            status = FeedbackStatus(str(row[3]))
            reason, preset, agency = row[5], row[6], row[7]
            if field == "agency":
                agency = words
            else:
                reason, preset = words, None
            change = StatusChange(
                status,
                await _changed_by(conn, change_id),
                moment,
                None if reason is None else str(reason),
                None if agency is None else str(agency),
                None if preset is None else int(preset),
            )
            previous, told = await change_status(conn, feedback_id, change, window)
            await conn.execute(
                "UPDATE prompt_replies SET change_id = ? WHERE chat_id = ? AND message_id = ?",
                (await _status_mark(conn, feedback_id), chat_id, message_id),
            )
            feedback = await load_feedback(conn, "f.id = ?", feedback_id, moment)
        log.info("status reworded by an edit code=%s status=%s", feedback.code, status.value)
        return StatusUpdate(feedback, previous, told)

    async def take_on(
        self, feedback_id: int, officer_key: str, officer: str
    ) -> tuple[Feedback, str | None]:
        """Make the officer (``officer_key``: the keyed hash of their Telegram account;
        ``officer``: their name, as shown) the feedback's handler. Returns the feedback and
        the name of the officer it was taken from: None when it had no handler or was the
        same officer's (told apart by their key, whatever their names; a handler recorded
        before the keys by their name)."""
        moment = self._db.clock()
        async with self._db.transaction() as conn:
            row = await fetch_one(
                conn, "SELECT handler, handler_key FROM feedback WHERE id = ?", (feedback_id,)
            )
            if row is None:
                raise FeedbackNotFound(str(feedback_id))
            await conn.execute(
                "UPDATE feedback SET handler = ?, handler_key = ? WHERE id = ?",
                (officer, officer_key, feedback_id),
            )
            await conn.execute(
                "INSERT INTO assignments (feedback_id, officer, officer_key, assigned_at)"
                " VALUES (?, ?, ?, ?)",
                (feedback_id, officer, officer_key, to_db(moment)),
            )
            feedback = await load_feedback(conn, "f.id = ?", feedback_id, moment)
        log.info("feedback taken on code=%s", feedback.code)
        previous, previous_key = row[0], row[1]
        if previous is None:
            return feedback, None
        same = previous_key == officer_key if previous_key else previous == officer
        return feedback, None if same else str(previous)

    # --- internal notes -----------------------------------------------------------------------

    async def note(self, feedback_id: int, body: str, author: str) -> StoredResponse:
        """An internal note, kept at once (staff only; the resident never sees it)."""
        moment = self._db.clock()
        async with self._db.transaction() as conn:
            await status_and_channels(conn, feedback_id)
            cursor = await conn.execute(
                "INSERT INTO responses (feedback_id, kind, body, author, created_at)"
                " VALUES (?, 'note', ?, ?, ?)",
                (feedback_id, body, author, to_db(moment)),
            )
            response_id = cursor.lastrowid
            assert response_id is not None
            feedback = await load_feedback(conn, "f.id = ?", feedback_id, moment)
        log.info("note stored code=%s", feedback.code)
        return StoredResponse(feedback, response_id, ResponseKind.NOTE, False)

    # --- reply channels -----------------------------------------------------------------------

    async def add_reply_channel(
        self, feedback_id: int, channel: SealedChannel, *, sender: bool = False
    ) -> bool:
        """Deliver this feedback's answers to one more chat; False if it had it already.

        Raises TooManyChannels past ``MOST_CHANNELS``, unless ``sender``: the chat the
        feedback was sent from (its receipt's button proves it) always gets its answers,
        however many others holding the code asked first.
        """
        async with self._db.transaction() as conn:
            await status_and_channels(conn, feedback_id)
            return await _add_channel(
                conn, feedback_id, channel, to_db(self._db.clock()), sender=sender
            )

    async def remove_reply_channel(self, feedback_id: int, chat_key: str) -> bool:
        """Stop delivering this feedback's answers to the chat with this key; False when
        they did not go there. What was waiting to go to that chat goes nowhere."""
        async with self._db.transaction() as conn:
            row = await fetch_one(
                conn,
                "DELETE FROM reply_channels WHERE feedback_id = ? AND chat_key = ? RETURNING id",
                (feedback_id, chat_key),
            )
            if row is None:
                return False
            channel_id = int(row[0])
            waiting = await fetch_all(
                conn,
                "DELETE FROM outbox WHERE feedback_id = ? AND delivered_at IS NULL"
                " AND kind IN (?, ?) AND json_extract(payload, '$.channel') = ?"
                " RETURNING json_extract(payload, '$.response_id')",
                (feedback_id, RESIDENT_REPLY, RESIDENT_STATUS, channel_id),
            )
            for (response_id,) in waiting:
                if response_id is None:
                    continue
                # An answer that now goes to no chat is not waiting for delivery any more.
                await conn.execute(
                    "UPDATE responses SET delivery = NULL WHERE id = ? AND delivery = 'pending'"
                    " AND NOT EXISTS (SELECT 1 FROM outbox WHERE feedback_id = ? AND kind = ?"
                    " AND json_extract(payload, '$.response_id') = ?)",
                    (response_id, feedback_id, RESIDENT_REPLY, response_id),
                )
        log.info("reply channel removed feedback_id=%d", feedback_id)
        return True

    async def has_reply_channel(self, feedback_id: int, chat_key: str) -> bool:
        """True when the chat with this key (for this feedback) receives its answers."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT 1 FROM reply_channels WHERE feedback_id = ? AND chat_key = ?",
                (feedback_id, chat_key),
            )
            return await cursor.fetchone() is not None

    async def reply_channel(self, channel_id: int) -> tuple[str, bytes] | None:
        """The reference code and sealed chat of one reply channel, while it is kept."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                "SELECT f.code, r.sealed_chat FROM reply_channels r"
                " JOIN feedback f ON f.id = r.feedback_id WHERE r.id = ?",
                (channel_id,),
            )
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
            rows = list(
                await fetch_all(
                    conn,
                    "SELECT r.id, f.code, r.sealed_chat FROM reply_channels r"
                    " JOIN feedback f ON f.id = r.feedback_id",
                )
            )
            resealed = 0
            for channel_id, code, sealed in rows:
                bound = reseal(str(code), bytes(sealed))
                if bound is None:
                    await conn.execute("DELETE FROM reply_channels WHERE id = ?", (channel_id,))
                    continue
                await conn.execute(
                    "UPDATE reply_channels SET sealed_chat = ? WHERE id = ?", (bound, channel_id)
                )
                resealed += 1
            await conn.execute("DELETE FROM bot_state WHERE key = 'legacy_reply_channels'")
        log.info("reply channels bound to their feedback count=%d of=%d", resealed, len(rows))
        return resealed

    async def forget_reply_channels(self, closed_before: datetime) -> int:
        """Delete reply channels of feedback resolved or rejected before ``closed_before``.

        Read from the index of closed channels (``closed_at``, kept by the triggers of
        migration 0010 as the feedback's status changes): only the channels due to go are
        read, however much feedback history holds.
        """
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM reply_channels WHERE closed_at < ?", (to_db(closed_before),)
            )
            count = cursor.rowcount
        if count:
            log.info("reply channels deleted count=%d", count)
        return count

    # --- deadlines of feedback stored before they existed --------------------------------

    async def fill_missing_deadlines(self, batch: int = 2000) -> int:
        """Give feedback stored before migration 0007 its deadline; how many were given."""
        deadlines = self._db.deadlines
        done = 0
        while True:
            async with self._db.transaction() as conn:
                rows = list(
                    await fetch_all(
                        conn,
                        "SELECT f.id, f.created_at, t.sla_days FROM feedback f"
                        " JOIN topics t ON t.id = f.topic_id WHERE f.due_at IS NULL LIMIT ?",
                        (batch,),
                    )
                )
                await conn.executemany(
                    "UPDATE feedback SET due_at = ? WHERE id = ?",
                    [(to_db(deadlines.due_at(from_db(str(r[1])), r[2])), r[0]) for r in rows],
                )
            done += len(rows)
            if len(rows) < batch:
                if done:
                    log.info("deadlines given to earlier feedback count=%d", done)
                return done


async def _recall_agency_cards(conn: aiosqlite.Connection, feedback_id: int, now: str) -> None:
    """A forward's card still waiting out its undo window is recalled by any change of
    status (back, or to another agency): nothing reaches the agency's group, and the forward
    it would have carried is undone."""
    waiting = await fetch_all(
        conn,
        "SELECT id, json_extract(payload, '$.forward_id') FROM outbox WHERE feedback_id = ?"
        " AND kind = ? AND delivered_at IS NULL AND failed_at IS NULL AND attempts = 0"
        " AND next_attempt_at > ?",
        (feedback_id, AGENCY_CARD, now),
    )
    for outbox_id, forward_id in waiting:
        await conn.execute("DELETE FROM outbox WHERE id = ?", (outbox_id,))
        await conn.execute("DELETE FROM forwards WHERE id = ?", (forward_id,))
    if waiting:
        log.info("forward recalled within its window count=%d", len(waiting))


async def _status_mark(conn: aiosqlite.Connection, feedback_id: int) -> int:
    """The id of the feedback's newest status change (0: none)."""
    row = await fetch_one(
        conn, "SELECT MAX(id) FROM status_changes WHERE feedback_id = ?", (feedback_id,)
    )
    return int(row[0]) if row and row[0] is not None else 0


async def _changed_by(conn: aiosqlite.Connection, change_id: int) -> str | None:
    row = await fetch_one(conn, "SELECT changed_by FROM status_changes WHERE id = ?", (change_id,))
    return None if row is None or row[0] is None else str(row[0])


async def prompt_must_act(conn: aiosqlite.Connection, prompt: tuple[int, int]) -> None:
    """PromptClosed when the prompt was answered or cancelled (or is not one), PromptOutdated
    when its feedback's status changed since it was asked."""
    row = await fetch_one(
        conn,
        "SELECT feedback_id, ref_id FROM staff_messages WHERE chat_id = ? AND message_id = ?"
        f" AND role IN ({', '.join('?' for _ in PROMPT_ROLES)})",
        (*prompt, *PROMPT_ROLES),
    )
    if row is None or row[1] is None:
        raise PromptClosed(f"{prompt[0]}:{prompt[1]}")
    if int(row[1]) != await _status_mark(conn, int(row[0])):
        raise PromptOutdated(f"{prompt[0]}:{prompt[1]}")


async def end_prompt(conn: aiosqlite.Connection, prompt: tuple[int, int]) -> None:
    """Inside the caller's transaction: the prompt was answered or cancelled."""
    await conn.execute(
        "UPDATE staff_messages SET ref_id = NULL WHERE chat_id = ? AND message_id = ?"
        f" AND role IN ({', '.join('?' for _ in PROMPT_ROLES)})",
        (*prompt, *PROMPT_ROLES),
    )


async def change_status(
    conn: aiosqlite.Connection,
    feedback_id: int,
    change: StatusChange,
    notice_delay: timedelta,
) -> tuple[FeedbackStatus, bool]:
    """Record ``change`` inside the caller's transaction; the previous status, and whether
    residents will be told (after ``notice_delay``, replacing a notice still waiting)."""
    status, now = change.status, to_db(change.changed_at)
    previous, channels = await status_and_channels(conn, feedback_id)
    resolved_at = now if status is FeedbackStatus.RESOLVED else None
    await conn.execute(
        "UPDATE feedback SET status = ?, status_changed_at = ?,"
        " resolved_at = CASE WHEN ? = 'resolved' AND status = 'resolved' AND"
        "  resolved_at IS NOT NULL THEN resolved_at ELSE ? END WHERE id = ?",
        (status, now, status, resolved_at, feedback_id),
    )
    await conn.execute(
        "INSERT INTO status_changes (feedback_id, status, changed_by, changed_at, reason,"
        " reason_preset, agency) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            feedback_id,
            status,
            change.changed_by,
            now,
            change.reason,
            change.reason_preset,
            change.agency,
        ),
    )
    withdrawn = await conn.execute(
        f"DELETE FROM outbox WHERE {_WAITING_NOTICE}", (feedback_id, RESIDENT_STATUS, now)
    )
    await _recall_agency_cards(conn, feedback_id, now)
    notices = status_notices(
        previous,
        status,
        waiting=withdrawn.rowcount > 0,
        channels=channels,
        changed_at=change.changed_at,
        delay=notice_delay,
    )
    for channel in notices.channels:
        await enqueue(
            conn,
            RESIDENT_STATUS,
            notices.send_at,
            feedback_id=feedback_id,
            payload={
                "status": status.value,
                "reason": change.reason,
                "reason_preset": change.reason_preset,
                "agency": change.agency,
                "channel": channel,
            },
        )
    return previous, notices.tell


async def _add_channel(
    conn: aiosqlite.Connection,
    feedback_id: int,
    channel: SealedChannel,
    now: str,
    *,
    sender: bool = False,
) -> bool:
    row = await fetch_one(
        conn,
        "SELECT COUNT(*), SUM(chat_key = ?) FROM reply_channels WHERE feedback_id = ?",
        (channel.chat_key, feedback_id),
    )
    count, same = (int(row[0]), int(row[1] or 0)) if row else (0, 0)
    if same:
        return False
    if count >= MOST_CHANNELS and not sender:
        raise TooManyChannels(str(feedback_id))
    await conn.execute(
        "INSERT INTO reply_channels (feedback_id, chat_key, sealed_chat, created_at)"
        " VALUES (?, ?, ?, ?)",
        (feedback_id, channel.chat_key, channel.sealed, now),
    )
    return True


async def channels_of(conn: aiosqlite.Connection, feedback_id: int) -> list[int]:
    """The reply channels of a feedback, inside the caller's transaction."""
    cursor = await conn.execute(
        "SELECT id FROM reply_channels WHERE feedback_id = ? ORDER BY id", (feedback_id,)
    )
    return [int(r[0]) for r in await cursor.fetchall()]


async def status_and_channels(
    conn: aiosqlite.Connection, feedback_id: int
) -> tuple[FeedbackStatus, list[int]]:
    """A feedback's status and reply channels, in the caller's transaction; FeedbackNotFound."""
    row = await fetch_one(conn, "SELECT status FROM feedback WHERE id = ?", (feedback_id,))
    if row is None:
        raise FeedbackNotFound(str(feedback_id))
    return FeedbackStatus(row[0]), await channels_of(conn, feedback_id)


_RESPONSE = (
    "kind, body, author, created_at, delivery, id, published_at, withdrawn_at, corrects, source"
)


def _time(value: object) -> datetime | None:
    return None if value is None else from_db(str(value))


def _response(row: tuple[object, ...]) -> Response:
    delivery = Delivery(str(row[4])) if row[4] is not None else None
    return Response(
        ResponseKind(str(row[0])),
        str(row[1]),
        str(row[2]),
        from_db(str(row[3])),
        delivery,
        id=int(str(row[5])),
        published_at=_time(row[6]),
        withdrawn_at=_time(row[7]),
        corrects=None if row[8] is None else int(str(row[8])),
        source=None if row[9] is None else str(row[9]),
    )


async def load_feedback(
    conn: aiosqlite.Connection, where: str, value: object, now: datetime
) -> Feedback:
    """A feedback with its photos, responses, additions, rating, and who last changed it,
    read inside the caller's transaction; FeedbackNotFound."""
    row = await fetch_one(
        conn,
        "SELECT f.id, f.code, f.body, f.status, f.created_at, f.status_changed_at,"
        " a.id, a.code, a.name, a.is_open, a.created_at,"
        f" {TOPIC_COLUMNS},"
        " (SELECT COUNT(*) FROM reply_channels r WHERE r.feedback_id = f.id),"
        " (SELECT s.changed_by FROM status_changes s WHERE s.feedback_id = f.id"
        "  ORDER BY s.id DESC LIMIT 1),"
        " f.due_at, f.handler, f.resolved_at, f.latitude, f.longitude,"
        " rejected.reason,"
        " (SELECT s.agency FROM status_changes s WHERE s.feedback_id = f.id"
        "  AND s.status = 'forwarded' ORDER BY s.id DESC LIMIT 1),"
        " (SELECT satisfied FROM ratings WHERE feedback_id = f.id),"
        " rejected.reason_preset,"
        " (SELECT x.reason FROM deadline_extensions x WHERE x.feedback_id = f.id"
        "  ORDER BY x.id DESC LIMIT 1),"
        " rejected.agency, resolved.reason, resolved.reason_preset"
        " FROM feedback f JOIN areas a ON a.id = f.area_id"
        " JOIN topics t ON t.id = f.topic_id"
        # The last «Không xử lý», its words and its preset number read once.
        " LEFT JOIN status_changes rejected ON rejected.id = (SELECT s.id FROM status_changes s"
        "  WHERE s.feedback_id = f.id AND s.status = 'rejected' ORDER BY s.id DESC LIMIT 1)"
        # The last «Đã giải quyết», with the result the resident was given.
        " LEFT JOIN status_changes resolved ON resolved.id = (SELECT s.id FROM status_changes s"
        "  WHERE s.feedback_id = f.id AND s.status = 'resolved' ORDER BY s.id DESC LIMIT 1)"
        f" WHERE {where}",
        (value,),
    )
    if row is None:
        raise FeedbackNotFound(str(value))
    feedback_id = int(row[0])
    photos = tuple(
        str(r[0])
        for r in await fetch_all(
            conn,
            "SELECT file_id FROM feedback_photos WHERE feedback_id = ? ORDER BY position",
            (feedback_id,),
        )
    )
    responses = tuple(
        _response(tuple(r))
        for r in await fetch_all(
            conn,
            f"SELECT {_RESPONSE} FROM responses WHERE feedback_id = ? ORDER BY id",
            (feedback_id,),
        )
    )
    additions = tuple(
        Addition(int(r[0]), AdditionKind(r[1]), str(r[2]), r[3], from_db(str(r[4])))
        for r in await fetch_all(
            conn,
            "SELECT id, kind, body, photo_file_id, created_at FROM additions"
            " WHERE feedback_id = ? ORDER BY id",
            (feedback_id,),
        )
    )
    channels = int(row[16])
    latitude, longitude = row[21], row[22]
    return Feedback(
        id=feedback_id,
        code=str(row[1]),
        body=str(row[2]),
        status=FeedbackStatus(row[3]),
        created_at=from_db(str(row[4])),
        status_changed_at=from_db(str(row[5])),
        area=area_from_row(tuple(row[6:11])),
        topic=topic_from_row(tuple(row[11:16])),
        wants_replies=channels > 0,
        photo_file_ids=photos,
        responses=responses,
        status_changed_by=None if row[17] is None else str(row[17]),
        loaded_at=now,
        due_at=_time(row[18]),
        handler=None if row[19] is None else str(row[19]),
        resolved_at=_time(row[20]),
        location=None if latitude is None else (float(latitude), float(longitude)),
        reason=None if row[23] is None else str(row[23]),
        agency=None if row[24] is None else str(row[24]),
        satisfied=None if row[25] is None else bool(row[25]),
        additions=additions,
        channels=channels,
        reason_preset=None if row[26] is None else int(row[26]),
        extension_reason=None if row[27] is None else str(row[27]),
        elsewhere=None if row[28] is None else str(row[28]),
        result=None if row[29] is None else str(row[29]),
        result_preset=None if row[30] is None else int(row[30]),
    )


async def _require_open(conn: aiosqlite.Connection, area_id: int, topic_id: int) -> int | None:
    """Check the area and topic take feedback; the topic's working days (None: default)."""
    area = await fetch_one(conn, "SELECT code, is_open FROM areas WHERE id = ?", (area_id,))
    if area is None:
        raise AreaNotFound(str(area_id))
    if not area[1]:
        raise AreaClosed(str(area[0]))
    topic = await fetch_one(conn, "SELECT is_open, sla_days FROM topics WHERE id = ?", (topic_id,))
    if topic is None or not topic[0]:
        raise TopicNotFound(str(topic_id))
    return None if topic[1] is None else int(topic[1])


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
