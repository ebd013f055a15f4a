"""The storage contract suite: every test here runs once per backend in ``BACKENDS``.

A test in this folder talks to the store only through the contract (``storage.Storage``).
Tests that look at SQLite itself (its files, PRAGMAs, raw SQL, migrations, the backup file)
live in ``tests/storage/sqlite/`` and run on SQLite alone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest

from core.clock import Clock, utc_now
from core.rules.workdays import Deadlines
from storage import Storage, open_database


@asynccontextmanager
async def sqlite_store(
    where: Path, name: str, *, clock: Clock, deadlines: Deadlines | None
) -> AsyncIterator[Storage]:
    """An open, migrated SQLite store in a file of its own under ``where``."""
    async with open_database(where / f"{name}.sqlite3", clock=clock, deadlines=deadlines) as db:
        yield db


# The backends the contract suite runs against, by name. A second backend is one line here
# (e.g. "postgres": postgres_store, opening a fresh schema of a test server).
BACKENDS: dict[str, Callable[..., AbstractAsyncContextManager[Storage]]] = {
    "sqlite": sqlite_store,
}

OpenStorage = Callable[..., AbstractAsyncContextManager[Storage]]


@pytest.fixture(params=sorted(BACKENDS))
def backend(request: pytest.FixtureRequest) -> str:
    """The name of the backend under test."""
    return str(request.param)


@pytest.fixture
def open_storage(backend: str, tmp_path: Path) -> OpenStorage:
    """Opens a fresh, empty store of the backend under test:
    ``async with open_storage(clock=..., deadlines=..., name=...) as storage``."""

    def opened(
        *, clock: Clock = utc_now, deadlines: Deadlines | None = None, name: str = "homthu"
    ) -> AbstractAsyncContextManager[Storage]:
        return BACKENDS[backend](tmp_path, name, clock=clock, deadlines=deadlines)

    return opened


@pytest.fixture
async def storage(open_storage: OpenStorage) -> AsyncIterator[Storage]:
    """An open, empty store of the backend under test, on the real clock."""
    async with open_storage() as store:
        yield store
