"""Rows behind the bot's conversation persistence: states and drafts of residents writing.

These are the only rows keyed by plain Telegram ids, and only while a draft is open: they
are deleted when the conversation ends, or by ``expire_idle`` when a draft is abandoned.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from storage.clock import to_db

if TYPE_CHECKING:
    from storage.database import Database

ConversationKey = tuple[int, int]


class ConversationStore:
    """Conversation states and draft data, stored as JSON."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def load_states(self, name: str) -> dict[ConversationKey, object]:
        """Every open conversation of the handler ``name``."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT chat_id, user_id, state FROM conversation_states WHERE name = ?", (name,)
            )
            rows = await cursor.fetchall()
        return {(int(r[0]), int(r[1])): json.loads(r[2]) for r in rows}

    async def save_state(self, name: str, key: ConversationKey, state: object | None) -> None:
        """Record a conversation's state, or forget it when ``state`` is None (ended)."""
        chat_id, user_id = key
        if state is None:
            async with self._db.transaction() as conn:
                cursor = await conn.execute(
                    "DELETE FROM conversation_states WHERE name = ? AND chat_id = ?"
                    " AND user_id = ?",
                    (name, chat_id, user_id),
                )
                deleted = cursor.rowcount > 0
            if deleted:
                await self._db.scrub()
            return
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO conversation_states (name, chat_id, user_id, state, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name, chat_id, user_id)"
                " DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                (name, chat_id, user_id, json.dumps(state), to_db(self._db.clock())),
            )

    async def load_drafts(self) -> dict[int, dict[str, Any]]:
        """Draft data of every resident who is writing."""
        async with self._db.reading() as conn:
            cursor = await conn.execute("SELECT user_id, data FROM resident_drafts")
            rows = await cursor.fetchall()
        return {int(r[0]): json.loads(r[1]) for r in rows}

    async def save_draft(self, user_id: int, data: dict[str, Any] | None) -> None:
        """Store a resident's draft data; empty or None deletes the row."""
        if not data:
            async with self._db.transaction() as conn:
                cursor = await conn.execute(
                    "DELETE FROM resident_drafts WHERE user_id = ?", (user_id,)
                )
                deleted = cursor.rowcount > 0
            if deleted:
                await self._db.scrub()
            return
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO resident_drafts (user_id, data, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET data = excluded.data,"
                " updated_at = excluded.updated_at",
                (user_id, json.dumps(data, ensure_ascii=False), to_db(self._db.clock())),
            )

    async def expire_idle(
        self, idle_since: datetime, resident_key: Callable[[int], str]
    ) -> list[int]:
        """Delete drafts and states untouched since ``idle_since``; return their user ids.

        For each, a notice keyed by ``resident_key(user_id)`` is left so that the resident is
        told on their next message; the plain id is gone from the database afterwards.
        """
        cutoff = to_db(idle_since)
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "SELECT user_id FROM resident_drafts WHERE updated_at < ?"
                " UNION SELECT user_id FROM conversation_states WHERE updated_at < ?"
                " AND user_id NOT IN (SELECT user_id FROM resident_drafts WHERE updated_at >= ?)",
                (cutoff, cutoff, cutoff),
            )
            user_ids = [int(row[0]) for row in await cursor.fetchall()]
            now = to_db(self._db.clock())
            for user_id in user_ids:
                await conn.execute("DELETE FROM resident_drafts WHERE user_id = ?", (user_id,))
                await conn.execute("DELETE FROM conversation_states WHERE user_id = ?", (user_id,))
                await conn.execute(
                    "INSERT INTO draft_expiry_notices (resident_key, expired_at) VALUES (?, ?)"
                    " ON CONFLICT (resident_key) DO UPDATE SET expired_at = excluded.expired_at",
                    (resident_key(user_id), now),
                )
        if user_ids:
            await self._db.scrub()
        return user_ids
