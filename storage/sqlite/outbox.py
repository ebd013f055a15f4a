"""The durable outbox: messages queued in the same transaction as the change behind them.

A worker in ``bot/`` delivers them; storage only queues, hands out what is due (one
feedback's messages strictly in order), and records what happened.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING, Any

import aiosqlite

from core.clock import from_db, to_db
from core.models import (
    FollowUpMessage,
    GroupMessage,
    OutboxMessage,
    Undelivered,
)
from storage.sqlite.connection import fetch_all, fetch_one

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector


async def enqueue(
    conn: aiosqlite.Connection,
    kind: str,
    now: datetime,
    *,
    feedback_id: int | None = None,
    payload: dict[str, Any] | None = None,
) -> int:
    """Queue a message on a connection inside the caller's transaction."""
    moment = to_db(now)
    cursor = await conn.execute(
        "INSERT INTO outbox (kind, feedback_id, payload, created_at, next_attempt_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (kind, feedback_id, json.dumps(payload or {}, ensure_ascii=False), moment, moment),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


_COLUMNS = "o.id, o.kind, o.feedback_id, o.payload, o.attempts, o.created_at"


def _message(row: tuple[object, ...]) -> OutboxMessage:
    return OutboxMessage(
        id=int(str(row[0])),
        kind=str(row[1]),
        feedback_id=None if row[2] is None else int(str(row[2])),
        payload=json.loads(str(row[3])),
        attempts=int(str(row[4])),
        created_at=from_db(str(row[5])),
    )


class OutboxRepository:
    """Queries on the ``outbox`` table."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    async def add(
        self, kind: str, *, feedback_id: int | None = None, payload: dict[str, Any] | None = None
    ) -> int:
        """Queue a message on its own (no other change goes with it)."""
        async with self._db.transaction() as conn:
            return await enqueue(
                conn, kind, self._db.clock(), feedback_id=feedback_id, payload=payload
            )

    async def due(
        self,
        limit: int = 20,
        *,
        only: Collection[str] = (),
        skip: Collection[str] = (),
    ) -> list[OutboxMessage]:
        """Messages whose time has come, oldest first; of the kinds in ``only`` if given,
        none of the kinds in ``skip``.

        A message waits while an earlier message of the same feedback is undelivered, so
        one feedback's messages reach the group in the order they were queued. A message
        queued to go out later (a resident's notice waiting out its undo window) holds
        nothing back until its time comes: the card for an agency's group and the group's
        lines about the feedback do not wait a minute behind it.
        """
        now = to_db(self._db.clock())
        where, params = "", [now]
        if only:
            where += f" AND o.kind IN ({', '.join('?' * len(only))})"
            params += list(only)
        if skip:
            where += f" AND o.kind NOT IN ({', '.join('?' * len(skip))})"
            params += list(skip)
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                f"SELECT {_COLUMNS} FROM outbox o WHERE o.delivered_at IS NULL"
                " AND o.failed_at IS NULL AND o.next_attempt_at <= ?" + where + " AND NOT EXISTS"
                " (SELECT 1 FROM outbox p WHERE p.feedback_id = o.feedback_id AND p.id < o.id"
                "  AND p.delivered_at IS NULL AND p.failed_at IS NULL"
                "  AND NOT (p.attempts = 0 AND p.next_attempt_at > ?))"
                " ORDER BY o.id LIMIT ?",
                (*params, now, limit),
            )
        return [_message(tuple(r)) for r in rows]

    async def release(self, kinds: Collection[str]) -> int:
        """Make every message of these kinds that waits after a refusal due now; how many
        there were.

        For when the reason they waited has passed (the bot can post to the group again).
        A message never tried waits for its own time, not for a refusal: the group's word
        that an answer went out closes its undo window, and must not come early (a restart,
        /resend or the group's settings changing would end every window at once).
        """
        now = to_db(self._db.clock())
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE outbox SET next_attempt_at = ? WHERE delivered_at IS NULL"
                " AND failed_at IS NULL AND attempts > 0 AND next_attempt_at > ? AND kind IN"
                f" ({', '.join('?' * len(kinds))})",
                (now, now, *kinds),
            )
            return cursor.rowcount

    async def undelivered(self, limit: int = 50) -> list[Undelivered]:
        """Messages Telegram refused for good, and those waiting after a refusal, oldest
        first (what ``/resend`` lists)."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                f"SELECT {_COLUMNS}, o.last_error, o.failed_at IS NOT NULL,"
                " (SELECT f.code FROM feedback f WHERE f.id = o.feedback_id)"
                " FROM outbox o WHERE o.delivered_at IS NULL"
                " AND (o.failed_at IS NOT NULL OR o.last_error IS NOT NULL)"
                " ORDER BY o.id LIMIT ?",
                (limit,),
            )
        return [
            Undelivered(
                _message(tuple(r[:6])),
                str(r[6] or ""),
                bool(r[7]),
                None if r[8] is None else str(r[8]),
            )
            for r in rows
        ]

    async def resend(self, message_ids: Collection[int]) -> int:
        """Queue these undelivered messages again, due now; how many were."""
        if not message_ids:
            return 0
        now = to_db(self._db.clock())
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE outbox SET failed_at = NULL, next_attempt_at = ?, attempts = 0"
                f" WHERE delivered_at IS NULL AND id IN ({', '.join('?' * len(message_ids))})",
                (now, *message_ids),
            )
            return cursor.rowcount

    async def next_attempt_at(self, *, skip: Collection[str] = ()) -> datetime | None:
        """When the earliest waiting message (none of the kinds in ``skip``) is due, or None
        when nothing waits."""
        where = f" AND kind NOT IN ({', '.join('?' * len(skip))})" if skip else ""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                "SELECT MIN(next_attempt_at) FROM outbox"
                " WHERE delivered_at IS NULL AND failed_at IS NULL" + where,
                tuple(skip),
            )
        return from_db(str(row[0])) if row and row[0] else None

    async def delivered(
        self,
        message: OutboxMessage,
        telegram_message_ids: list[int],
        *,
        record: GroupMessage | None = None,
        follow_ups: list[FollowUpMessage] | tuple[FollowUpMessage, ...] = (),
        response_delivery: str | None = None,
    ) -> None:
        """Record a delivery, the staff messages it made, and queue what follows it.

        All in one transaction: a crash before it commits means the message is sent again
        on restart (the only window for a duplicate); after it, never.
        """
        now = self._db.clock()
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE outbox SET delivered_at = ?, telegram_message_id = ?,"
                " attempts = attempts + 1, last_error = NULL WHERE id = ?",
                (
                    to_db(now),
                    telegram_message_ids[0] if telegram_message_ids else None,
                    message.id,
                ),
            )
            if record is not None and message.feedback_id is not None:
                await conn.executemany(
                    "INSERT OR REPLACE INTO staff_messages (chat_id, message_id, feedback_id,"
                    " role, ref_id) VALUES (?, ?, ?, ?, ?)",
                    [
                        (record.chat_id, mid, message.feedback_id, record.role, record.ref_id)
                        for mid in telegram_message_ids
                    ],
                )
            for follow_up in follow_ups:
                await enqueue(
                    conn,
                    follow_up.kind,
                    now,
                    feedback_id=message.feedback_id,
                    payload=follow_up.payload,
                )
            if response_delivery is not None and "response_id" in message.payload:
                # Delivered to one of several chats counts; a failure does not undo it.
                await conn.execute(
                    "UPDATE responses SET delivery = ? WHERE id = ? AND"
                    " (delivery IS NULL OR delivery != 'delivered')",
                    (response_delivery, int(message.payload["response_id"])),
                )

    async def delivered_together(
        self, messages: list[OutboxMessage], telegram_message_id: int, staff_chat_id: int
    ) -> None:
        """Record several notifications delivered as one packed message (a surge batch)."""
        now = to_db(self._db.clock())
        async with self._db.transaction() as conn:
            await conn.executemany(
                "UPDATE outbox SET delivered_at = ?, telegram_message_id = ?,"
                " attempts = attempts + 1, last_error = NULL WHERE id = ?",
                [(now, telegram_message_id, m.id) for m in messages],
            )
            await conn.execute(
                "INSERT OR REPLACE INTO staff_messages (chat_id, message_id, feedback_id, role)"
                " VALUES (?, ?, 0, 'batch')",
                (staff_chat_id, telegram_message_id),
            )

    async def retry_later(
        self, message: OutboxMessage | list[OutboxMessage], at: datetime, error: str
    ) -> None:
        """Count a failed attempt and wait until ``at``."""
        messages = message if isinstance(message, list) else [message]
        async with self._db.transaction() as conn:
            await conn.executemany(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                " WHERE id = ?",
                [(to_db(at), error[:500], m.id) for m in messages],
            )

    async def failed(
        self,
        message: OutboxMessage,
        error: str,
        *,
        follow_ups: list[FollowUpMessage] | tuple[FollowUpMessage, ...] = (),
        response_delivery: str | None = None,
    ) -> None:
        """Give up on a message that can never be delivered; it stays, marked, for admins."""
        now = self._db.clock()
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE outbox SET failed_at = ?, attempts = attempts + 1, last_error = ?"
                " WHERE id = ?",
                (to_db(now), error[:500], message.id),
            )
            for follow_up in follow_ups:
                await enqueue(
                    conn,
                    follow_up.kind,
                    now,
                    feedback_id=None,
                    payload=follow_up.payload,
                )
            if response_delivery is not None and "response_id" in message.payload:
                await conn.execute(
                    "UPDATE responses SET delivery = ? WHERE id = ? AND"
                    " (delivery IS NULL OR delivery != 'delivered')",
                    (response_delivery, int(message.payload["response_id"])),
                )

    async def pending_count(self) -> int:
        """How many messages wait for delivery."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL",
            )
        return int(row[0]) if row else 0
