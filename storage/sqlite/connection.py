"""What a repository needs of the SQLite database, and the translation of driver errors.

Repositories import this module, never ``database.py``: only ``database.py`` imports the
repositories, so the backend has no import circle. ``Database`` satisfies ``Connector``
structurally.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from typing import Any, Protocol

import aiosqlite

from core.clock import Clock
from core.errors import StorageBusy, StorageError, StorageUnavailable
from core.rules.workdays import Deadlines


class Connector(Protocol):
    """The connection and the settings the repositories share (``Database`` is one)."""

    clock: Clock
    deadlines: Deadlines

    def transaction(
        self, *, wait: float | None = None
    ) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        """A write transaction: everything inside commits together or not at all."""
        ...

    def single_write(self) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        """The connection for one statement that writes."""
        ...

    def reading(self) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        """The connection for reads."""
        ...

    async def compact(self) -> None:
        """Rebuild the file from its live rows and empty the write-ahead log."""
        ...


async def fetch_all(
    conn: aiosqlite.Connection, sql: str, parameters: Iterable[Any] = ()
) -> list[sqlite3.Row]:
    """The rows of one query, in one trip to the database thread.

    ``execute`` then ``fetchall`` is two trips; each trip hands the work to aiosqlite's
    thread and the answer back to the event loop, which costs more than most of our queries
    (about 60 µs against a few; docs/performance.md, issue 14).
    """
    return list(await conn.execute_fetchall(sql, parameters))


async def fetch_one(
    conn: aiosqlite.Connection, sql: str, parameters: Iterable[Any] = ()
) -> sqlite3.Row | None:
    """The first row of a query that yields at most a few, in one trip (see ``fetch_all``)."""
    rows = await fetch_all(conn, sql, parameters)
    return rows[0] if rows else None


def domain_error(error: sqlite3.Error) -> StorageError:
    """The domain error a driver error stands for, with the driver's own words as message
    (what operators read stays what they read before)."""
    text = str(error)
    if isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return StorageBusy(text)
    return StorageUnavailable(text)


@contextmanager
def driver_errors(*, constraints: bool = False) -> Iterator[None]:
    """Raise the domain error for any SQLite error inside, so that no caller outside the
    backend ever catches ``sqlite3``.

    A broken constraint (``IntegrityError``) passes through unless ``constraints``: the
    repositories catch it themselves to raise ``DuplicateArea`` and the like.
    """
    try:
        yield
    except sqlite3.IntegrityError as error:
        if constraints:
            raise domain_error(error) from error
        raise
    except sqlite3.Error as error:
        raise domain_error(error) from error
