"""The SQLite database: one aiosqlite connection, WAL, migrations, serialised transactions."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

import aiosqlite

from core.clock import Clock, utc_now
from core.errors import DatabaseUnusable
from core.rules.workdays import Deadlines, WorkingCalendar
from storage.sqlite.agencies import AgencyRepository
from storage.sqlite.areas import AreaRepository
from storage.sqlite.connection import driver_errors
from storage.sqlite.conversations import ConversationStore
from storage.sqlite.dialogue import DialogueRepository
from storage.sqlite.extensions import ExtensionRepository
from storage.sqlite.feedback import FeedbackRepository
from storage.sqlite.groups import GroupRepository
from storage.sqlite.outbox import OutboxRepository
from storage.sqlite.reports import ReportQueries
from storage.sqlite.residents import ResidentRepository
from storage.sqlite.schema import apply_migrations
from storage.sqlite.topics import TopicRepository
from texts import bilingual

DEFAULT_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_SLA_DAYS = 7
# How long a statement waits for another connection's write lock before it fails.
BUSY_TIMEOUT_MS = 5000

log = logging.getLogger(__name__)


class Database:
    """A lazily opened connection shared by the repositories; the SQLite ``Storage``.

    Every SQLite error that leaves it is a domain error (``StorageBusy``,
    ``StorageUnavailable``), except a broken constraint inside a repository's own
    transaction, which the repository turns into its domain error itself.

    One connection serves the whole bot; a lock keeps one coroutine's transaction from
    interleaving with another's statements on it.
    """

    def __init__(
        self, path: Path, *, clock: Clock = utc_now, deadlines: Deadlines | None = None
    ) -> None:
        self.path = path
        self.clock = clock
        # When feedback falls due; the bot passes TIMEZONE and SLA_DAYS.
        self.deadlines = deadlines or Deadlines(WorkingCalendar(DEFAULT_ZONE), DEFAULT_SLA_DAYS)
        self._conn: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()
        self._open_lock = asyncio.Lock()
        self.areas = AreaRepository(self)
        self.topics = TopicRepository(self)
        self.feedback = FeedbackRepository(self)
        self.residents = ResidentRepository(self)
        self.conversations = ConversationStore(self)
        self.outbox = OutboxRepository(self)
        self.groups = GroupRepository(self)
        self.dialogue = DialogueRepository(self)
        self.agencies = AgencyRepository(self)
        self.extensions = ExtensionRepository(self)
        self.reports = ReportQueries(self)

    @property
    def is_open(self) -> bool:
        """True once ``open`` has connected and migrated."""
        return self._conn is not None

    async def open(self) -> None:
        """Connect, check, switch to WAL and apply migrations; calling it again does nothing.

        A database that exists must be intact: an empty or damaged file raises
        DatabaseUnusable rather than silently becoming a new, empty database. A new one is
        created owner-only; so are the files SQLite makes beside it (it gives them the
        database file's mode).
        """
        async with self._open_lock:
            if self._conn is not None:
                return
            with driver_errors(constraints=True):
                self._conn = await self._connect()
            log.info("database open path=%s", self.path)

    async def _connect(self) -> aiosqlite.Connection:
        """The checked, migrated connection (``open`` without its lock and translation)."""
        await asyncio.to_thread(prepare_file, self.path)
        conn = await aiosqlite.connect(self.path, isolation_level=None)
        try:
            await _require_intact(conn, self.path)
            await _pragma(conn, "journal_mode=WAL")
            await _pragma(conn, "foreign_keys=ON")
            await _pragma(conn, "synchronous=NORMAL")
            await _pragma(conn, f"busy_timeout={BUSY_TIMEOUT_MS}")
            # Deleted rows and freed pages are overwritten with zeros instead of
            # lingering in the file.
            await _pragma(conn, "secure_delete=ON")
            await apply_migrations(conn)
        except BaseException:
            await conn.close()
            raise
        await asyncio.to_thread(owner_only, self.path)
        return conn

    async def close(self) -> None:
        """Close the connection; the database can be opened again later."""
        async with self._open_lock:
            if self._conn is None:
                return
            async with self._lock:
                await self._conn.close()
                self._conn = None

    async def compact(self) -> None:
        """Rebuild the file from its live rows and empty the write-ahead log.

        Used once, after rows that held plain ids were dropped (migration 0005): no page of
        the file nor frame of the WAL keeps what they held.
        """
        await self.open()
        async with self._lock:
            conn = self._require()
            with driver_errors():
                await _pragma(conn, "wal_checkpoint(TRUNCATE)")
                await conn.execute("VACUUM")
                await _pragma(conn, "wal_checkpoint(TRUNCATE)")

    @asynccontextmanager
    async def transaction(
        self, *, wait: float | None = None
    ) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction: everything inside commits together or not at all.

        ``wait``: how many seconds to wait for another connection's write lock, instead of
        ``BUSY_TIMEOUT_MS`` (a take-back must answer before its window ends).
        """
        await self.open()
        async with self._lock:
            conn = self._require()
            with driver_errors():
                if wait is None:
                    await conn.execute("BEGIN IMMEDIATE")
                else:
                    await _pragma(conn, f"busy_timeout={max(int(wait * 1000), 1)}")
                    try:
                        await conn.execute("BEGIN IMMEDIATE")
                    finally:
                        await _pragma(conn, f"busy_timeout={BUSY_TIMEOUT_MS}")
                try:
                    yield conn
                except BaseException:
                    await conn.execute("ROLLBACK")
                    raise
                await conn.execute("COMMIT")

    @asynccontextmanager
    async def single_write(self) -> AsyncIterator[aiosqlite.Connection]:
        """The connection for one statement that writes, never in the middle of someone
        else's transaction. SQLite applies a single statement whole or not at all, so it
        needs no BEGIN and COMMIT around it: two trips to the database thread fewer."""
        async with self.reading() as conn:  # the same hold on the connection as a read
            yield conn

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """The connection for reads, never in the middle of someone else's transaction."""
        await self.open()
        async with self._lock:
            with driver_errors():
                yield self._require()

    def _require(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is closed")
        return self._conn


def prepare_file(path: Path) -> None:
    """Make sure ``path`` can be opened as the bot's database without losing anything.

    A missing file is made as a new, empty database, owner-only (and its folder too when it
    has to be made); an existing but empty file is refused: SQLite would take it for a new
    database, and the areas and feedback that should be there would be silently gone.
    """
    if path.exists():
        if path.is_file() and path.stat().st_size == 0:
            raise DatabaseUnusable(
                f"{bilingual('database_empty', path=path)}. {_restore_a_backup()}; "
                f"{bilingual('database_delete_only_new')}"
            )
        return
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Made under another name, owner-only before SQLite writes a byte into it (SQLite gives
    # its -wal, -shm and journal files the same mode), its first page written, then moved
    # into place: a crash here never leaves an empty file where the database should be.
    partial = path.with_name(f".{path.name}.new-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        with contextlib.closing(sqlite3.connect(partial, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
        os.link(partial, path)
    except FileExistsError:
        pass  # another process made it meanwhile: use theirs
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


async def _pragma(conn: aiosqlite.Connection, pragma: str) -> None:
    # Read to the end: a pragma that returns a row would otherwise stay "in progress" and
    # block a later VACUUM on the connection.
    async with conn.execute(f"PRAGMA {pragma}") as cursor:
        await cursor.fetchall()


def owner_only(path: Path) -> None:
    """Make the database and the files beside it readable by their owner only."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(f"{path}{suffix}", 0o600)


async def _require_intact(conn: aiosqlite.Connection, path: Path) -> None:
    """Refuse a file that is not an SQLite database, or is one with damaged pages."""
    try:
        async with conn.execute("PRAGMA quick_check") as cursor:
            problems = [str(row[0]) for row in await cursor.fetchall()]
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error):
            problems = [str(error)]
        else:
            raise DatabaseUnusable(
                f"{bilingual('database_unreadable', path=path, error=error)}. "
                f"{_restore_a_backup()}"
            ) from None
    if problems != ["ok"]:
        raise DatabaseUnusable(
            f"{bilingual('database_damaged', path=path, problem=problems[0])}. "
            f"{_restore_a_backup()}"
        )


def _restore_a_backup() -> str:
    """What to do about a database the bot refuses: the operator's way back, named."""
    return bilingual("database_restore_backup")


@asynccontextmanager
async def open_database(
    path: Path, *, clock: Clock = utc_now, deadlines: Deadlines | None = None
) -> AsyncIterator[Database]:
    """An open, migrated database, closed on exit."""
    database = Database(path, clock=clock, deadlines=deadlines)
    await database.open()
    try:
        yield database
    finally:
        await database.close()
