"""What ``python -m bot --check`` asks of the database: schema version, a real write, and
whether it holds data that only the secret key can read."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.clock import to_db
from core.errors import StorageUnavailable
from storage.sqlite.connection import driver_errors, fetch_one
from storage.sqlite.schema import latest_version, schema_version

if TYPE_CHECKING:
    from storage.sqlite.database import Database

# A row of bot_state the probe rewrites; nothing reads it but a person looking.
PROBE_KEY = "health_checked_at"


@dataclass(frozen=True, slots=True)
class DatabaseHealth:
    """The state of an open database, as the start-up check reports it."""

    schema_version: int
    latest_version: int
    write_error: str | None
    # Reply channels and language choices: unreadable without the key they were made with.
    keyed_rows: int

    @property
    def up_to_date(self) -> bool:
        """True when every migration this code knows is applied."""
        return self.schema_version == self.latest_version

    @property
    def writable(self) -> bool:
        """True when a write transaction committed."""
        return self.write_error is None


def stored_schema_version(path: Path) -> int | None:
    """The schema version of the file as it stands (None: no file yet); changes nothing.

    Synchronous on purpose: one small read, before the database is opened for real.
    """
    if not path.exists():
        return None
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with driver_errors(constraints=True), closing(sqlite3.connect(uri, uri=True)) as conn:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ).fetchone()
        if found is None:
            return 0
        (version,) = conn.execute(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"
        ).fetchone()
    return int(version)


async def probe(database: Database) -> DatabaseHealth:
    """Inspect an open database and commit one small write to prove it can be written."""
    async with database.reading() as conn:
        version = await schema_version(conn)
        row = await fetch_one(
            conn,
            "SELECT (SELECT COUNT(*) FROM reply_channels) + (SELECT COUNT(*) FROM resident_prefs)",
        )
    write_error = None
    try:
        async with database.transaction() as conn:
            await conn.execute(
                "INSERT INTO bot_state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (PROBE_KEY, to_db(database.clock())),
            )
    except (StorageUnavailable, sqlite3.Error) as error:
        write_error = str(error)
    return DatabaseHealth(
        schema_version=version,
        latest_version=latest_version(),
        write_error=write_error,
        keyed_rows=int(row[0]) if row else 0,
    )
