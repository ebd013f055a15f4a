"""Rows behind the bot's conversation persistence: drafts and states of residents writing.

Storage never sees a Telegram id here: rows are filed under keyed hashes (``resident_key``,
``conversation_key``) made by the bot, and whatever holds an id is sealed by the bot before
it arrives (``sealed``, ``sealed_key``). Rows are deleted when the conversation ends, or by
``expire_idle`` when a draft is abandoned.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

import aiosqlite

from core.clock import to_db
from core.models import LegacyRows, SessionWrite, StoredDraft, StoredState
from storage.sqlite.connection import fetch_all

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector


class ConversationStore:
    """Conversation states and drafts, under keyed hashes."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    async def load_states(self, name: str) -> list[StoredState]:
        """Every open conversation of the handler ``name``."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                "SELECT conversation_key, resident_key, sealed_key, state"
                " FROM conversation_states WHERE name = ?",
                (name,),
            )
        return [StoredState(str(r[0]), str(r[1]), bytes(r[2]), json.loads(r[3])) for r in rows]

    async def load_drafts(self) -> list[StoredDraft]:
        """Every draft being written."""
        async with self._db.reading() as conn:
            rows = await fetch_all(conn, "SELECT resident_key, sealed FROM resident_drafts")
        return [StoredDraft(str(r[0]), bytes(r[1])) for r in rows]

    async def write(self, changes: list[SessionWrite]) -> None:
        """Apply drafts and states written or ended by one update, in one transaction (a
        single change is one statement, atomic by itself)."""
        if not changes:
            return
        now = to_db(self._db.clock())
        if len(changes) == 1:
            async with self._db.single_write() as conn:
                await _apply(conn, changes[0], now)
            return
        async with self._db.transaction() as conn:
            for change in changes:
                await _apply(conn, change, now)

    async def expire_idle(self, idle_since: datetime) -> list[str]:
        """Delete drafts and states untouched since ``idle_since``; their resident keys.

        Where a draft was discarded, a notice under the resident key is left so that the
        resident is told on their next message, with the draft's sealed area (nothing else
        of the draft; the bot seals there too the codes of additions collected and not
        sent). Rows with nothing to tell of (a resident who pressed «Bổ sung», wrote
        nothing and left) go without a notice.
        """
        cutoff = to_db(idle_since)
        async with self._db.transaction() as conn:
            keys = [
                str(row[0])
                for row in await fetch_all(
                    conn,
                    "SELECT resident_key FROM resident_drafts WHERE updated_at < ?"
                    " UNION SELECT resident_key FROM conversation_states WHERE updated_at < ?"
                    " AND resident_key NOT IN"
                    "  (SELECT resident_key FROM resident_drafts WHERE updated_at >= ?)",
                    (cutoff, cutoff, cutoff),
                )
            ]
            now = to_db(self._db.clock())
            for key in keys:
                await conn.execute(
                    "INSERT INTO draft_expiry_notices (resident_key, expired_at, sealed_area)"
                    " SELECT resident_key, ?, sealed_area FROM resident_drafts"
                    " WHERE resident_key = ? AND sealed_area IS NOT NULL"
                    " ON CONFLICT (resident_key) DO UPDATE SET"
                    " expired_at = excluded.expired_at, sealed_area = excluded.sealed_area",
                    (now, key),
                )
                await conn.execute("DELETE FROM resident_drafts WHERE resident_key = ?", (key,))
                await conn.execute(
                    "DELETE FROM conversation_states WHERE resident_key = ?", (key,)
                )
        return keys

    # --- rows of versions before migration 0005 ------------------------------------------

    async def legacy_rows(self) -> LegacyRows | None:
        """The rows still keyed by plain ids, or None once they have been moved."""
        async with self._db.reading() as conn:
            async with conn.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                " AND name IN ('legacy_conversation_states', 'legacy_resident_drafts')"
            ) as cursor:
                row = await cursor.fetchone()
            if not row or not row[0]:
                return None
            async with conn.execute(
                "SELECT name, chat_id, user_id, state FROM legacy_conversation_states"
            ) as cursor:
                states = [
                    (str(r[0]), int(r[1]), int(r[2]), json.loads(r[3]))
                    for r in await cursor.fetchall()
                ]
            async with conn.execute("SELECT user_id, data FROM legacy_resident_drafts") as cursor:
                drafts = [(int(r[0]), json.loads(r[1])) for r in await cursor.fetchall()]
        return LegacyRows(states, drafts)

    async def replace_legacy(self, changes: list[SessionWrite]) -> None:
        """Store the moved rows and drop the old tables, together; then rewrite the file.

        Dropping frees the old pages (zeroed: secure_delete is on), and VACUUM rebuilds the
        file and an emptied WAL, so no plain id is left in any page or WAL frame.
        """
        now = to_db(self._db.clock())
        async with self._db.transaction() as conn:
            for change in changes:
                await _apply(conn, change, now)
            await conn.execute("DROP TABLE legacy_conversation_states")
            await conn.execute("DROP TABLE legacy_resident_drafts")
        await self._db.compact()


async def _apply(conn: aiosqlite.Connection, change: SessionWrite, now: str) -> None:
    if change.name is None:
        if change.sealed is None:
            await conn.execute(
                "DELETE FROM resident_drafts WHERE resident_key = ?", (change.resident_key,)
            )
        else:
            await conn.execute(
                "INSERT INTO resident_drafts (resident_key, sealed, sealed_area, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (resident_key) DO UPDATE SET"
                " sealed = excluded.sealed, sealed_area = excluded.sealed_area,"
                " updated_at = excluded.updated_at",
                (change.resident_key, change.sealed, change.sealed_area, now),
            )
        return
    if change.sealed is None:
        await conn.execute(
            "DELETE FROM conversation_states WHERE name = ? AND conversation_key = ?",
            (change.name, change.conversation_key),
        )
        return
    await conn.execute(
        "INSERT INTO conversation_states (name, conversation_key, resident_key, sealed_key,"
        " state, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name, conversation_key)"
        " DO UPDATE SET state = excluded.state, sealed_key = excluded.sealed_key,"
        " updated_at = excluded.updated_at",
        (
            change.name,
            change.conversation_key,
            change.resident_key,
            change.sealed,
            json.dumps(change.state),
            now,
        ),
    )
