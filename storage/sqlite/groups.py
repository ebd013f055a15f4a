"""The groups the bot has been added to, as Telegram reported them (nothing about residents).

Kept so that ``python -m bot --check`` can tell the operator which groups the bot is in,
and who added it: a look-alike of the staff group made by someone else shows up as such.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from core.clock import to_db
from core.models import BotGroup
from storage.sqlite.connection import fetch_all, fetch_one

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector


class GroupRepository:
    """Queries on ``bot_groups``."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    async def record(
        self, chat_id: int, title: str, type_: str, status: str, *, added_by_admin: bool | None
    ) -> None:
        """Remember a change of the bot's membership; ``added_by_admin`` None keeps the
        earlier answer (a change that was not an addition)."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO bot_groups (chat_id, title, type, status, added_by_admin,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET"
                " title = excluded.title, type = excluded.type, status = excluded.status,"
                " added_by_admin = CASE WHEN ? IS NULL THEN bot_groups.added_by_admin"
                "  ELSE excluded.added_by_admin END, updated_at = excluded.updated_at",
                (
                    chat_id,
                    title,
                    type_,
                    status,
                    bool(added_by_admin),
                    to_db(self._db.clock()),
                    added_by_admin,
                ),
            )

    async def list(self) -> builtins.list[BotGroup]:
        """Every group recorded, the most recently changed first."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                "SELECT chat_id, title, type, status, added_by_admin FROM bot_groups"
                " ORDER BY updated_at DESC",
            )
        return [BotGroup(int(r[0]), str(r[1]), str(r[2]), str(r[3]), bool(r[4])) for r in rows]

    # --- the staff group's moves (Telegram upgrades a group to a supergroup) ------------

    async def record_move(self, from_chat_id: int, to_chat_id: int) -> bool:
        """Remember that ``from_chat_id`` became ``to_chat_id``; True the first time (an
        error answer and both service messages all say it)."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO staff_chat_moves (from_chat_id, to_chat_id, moved_at)"
                " VALUES (?, ?, ?) ON CONFLICT (from_chat_id) DO NOTHING",
                (from_chat_id, to_chat_id, to_db(self._db.clock())),
            )
            return cursor.rowcount > 0

    async def moved_to(self, chat_id: int) -> int | None:
        """Where the group ``chat_id`` moved to, following every recorded move; None when it
        did not move."""
        found: int | None = None
        seen = {chat_id}
        async with self._db.reading() as conn:
            while True:
                row = await fetch_one(
                    conn,
                    "SELECT to_chat_id FROM staff_chat_moves WHERE from_chat_id = ?",
                    (chat_id,),
                )
                if row is None or int(row[0]) in seen:
                    return found
                found = chat_id = int(row[0])
                seen.add(chat_id)
