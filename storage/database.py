"""The SQLite database: one aiosqlite connection, WAL, migrations, serialised transactions."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from storage.clock import Clock, utc_now
from storage.schema import apply_migrations

log = logging.getLogger(__name__)


class Database:
    """A lazily opened connection shared by the repositories.

    One connection serves the whole bot; a lock keeps one coroutine's transaction from
    interleaving with another's statements on it.
    """

    def __init__(self, path: Path, *, clock: Clock = utc_now) -> None:
        self.path = path
        self.clock = clock
        self._conn: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()
        self._open_lock = asyncio.Lock()

        # Imported here: the repositories import this module for typing only.
        from storage.areas import AreaRepository
        from storage.conversations import ConversationStore
        from storage.feedback import FeedbackRepository
        from storage.outbox import OutboxRepository
        from storage.residents import ResidentRepository
        from storage.topics import TopicRepository

        self.areas = AreaRepository(self)
        self.topics = TopicRepository(self)
        self.feedback = FeedbackRepository(self)
        self.residents = ResidentRepository(self)
        self.conversations = ConversationStore(self)
        self.outbox = OutboxRepository(self)

    @property
    def is_open(self) -> bool:
        """True once ``open`` has connected and migrated."""
        return self._conn is not None

    async def open(self) -> None:
        """Connect, switch to WAL and apply migrations; calling it again does nothing."""
        async with self._open_lock:
            if self._conn is not None:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = await aiosqlite.connect(self.path, isolation_level=None)
            try:
                await conn.execute("PRAGMA journal_mode=WAL")
                await conn.execute("PRAGMA foreign_keys=ON")
                await conn.execute("PRAGMA synchronous=NORMAL")
                await conn.execute("PRAGMA busy_timeout=5000")
                # Deleted rows (a finished draft keyed by a Telegram id) are overwritten with
                # zeros instead of lingering in free pages of the file.
                await conn.execute("PRAGMA secure_delete=ON")
                await apply_migrations(conn)
            except BaseException:
                await conn.close()
                raise
            self._conn = conn
            log.info("database open path=%s", self.path)

    async def close(self) -> None:
        """Close the connection; the database can be opened again later."""
        async with self._open_lock:
            if self._conn is None:
                return
            async with self._lock:
                await self._conn.close()
                self._conn = None

    async def scrub(self) -> None:
        """Fold the write-ahead log into the file and empty it.

        The WAL keeps old copies of every page written, so a draft deleted from its table
        would still sit in the -wal file, Telegram id and all, until the next checkpoint.
        Called after such deletions; best effort (a reader elsewhere may delay it).
        """
        await self.open()
        async with self._lock:
            await self._require().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction: everything inside commits together or not at all."""
        await self.open()
        async with self._lock:
            conn = self._require()
            await conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                await conn.execute("ROLLBACK")
                raise
            await conn.execute("COMMIT")

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """The connection for reads, never in the middle of someone else's transaction."""
        await self.open()
        async with self._lock:
            yield self._require()

    def _require(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is closed")
        return self._conn


@asynccontextmanager
async def open_database(path: Path, *, clock: Clock = utc_now) -> AsyncIterator[Database]:
    """An open, migrated database, closed on exit."""
    database = Database(path, clock=clock)
    await database.open()
    try:
        yield database
    finally:
        await database.close()
