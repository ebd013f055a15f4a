"""What is kept per resident beyond a draft, keyed only by a keyed hash of their id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import to_db
from core.models import ExpiryNotice
from storage.sqlite.connection import fetch_one

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector


class ResidentRepository:
    """Language choice and idle-draft notices; ``resident_key`` is never a Telegram id."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    async def language(self, resident_key: str) -> str | None:
        """The language the resident chose, if they ever did."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn, "SELECT language FROM resident_prefs WHERE resident_key = ?", (resident_key,)
            )
        return str(row[0]) if row else None

    async def set_language(self, resident_key: str, language: str) -> None:
        """Remember the resident's language."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO resident_prefs (resident_key, language, updated_at)"
                " VALUES (?, ?, ?) ON CONFLICT (resident_key)"
                " DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at",
                (resident_key, language, to_db(self._db.clock())),
            )

    async def pending_notices(self) -> set[str]:
        """Resident keys that have an idle-draft notice waiting."""
        async with self._db.reading() as conn:
            cursor = await conn.execute("SELECT resident_key FROM draft_expiry_notices")
            return {str(row[0]) for row in await cursor.fetchall()}

    async def take_expiry_notice(self, resident_key: str) -> ExpiryNotice | None:
        """The notice (once) that a draft of this resident was discarded for idleness."""
        async with self._db.transaction() as conn:
            row = await fetch_one(
                conn,
                "DELETE FROM draft_expiry_notices WHERE resident_key = ? RETURNING sealed_area",
                (resident_key,),
            )
        if row is None:
            return None
        return ExpiryNotice(None if row[0] is None else bytes(row[0]))
