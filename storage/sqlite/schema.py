"""Numbered SQL migrations in ``storage/migrations``, applied in order at start-up."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources

import aiosqlite

from core.clock import to_db, utc_now
from core.errors import SchemaTooNew

log = logging.getLogger(__name__)
_NAME = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered SQL file."""

    version: int
    name: str
    sql: str


def available_migrations() -> list[Migration]:
    """Every migration shipped with this version, lowest number first."""
    found = []
    for entry in resources.files("storage.sqlite.migrations").iterdir():
        match = _NAME.fullmatch(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    return found


def latest_version() -> int:
    """The schema version this code expects."""
    return available_migrations()[-1].version


async def schema_version(conn: aiosqlite.Connection) -> int:
    """The highest migration applied to the database, 0 for a new one."""
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    async with conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


async def applied_versions(conn: aiosqlite.Connection) -> set[int]:
    """The versions recorded as applied."""
    await schema_version(conn)  # creates the bookkeeping table on a new database
    async with conn.execute("SELECT version FROM schema_migrations") as cur:
        return {int(row[0]) for row in await cur.fetchall()}


async def apply_migrations(conn: aiosqlite.Connection) -> list[str]:
    """Apply every migration not yet applied, each in its own transaction; return names.

    Any missing number is applied, not only those above the highest recorded: a migration
    that landed with a lower number than one already applied is not silently skipped.
    """
    done = await applied_versions(conn)
    migrations = available_migrations()
    newest = max(done, default=0)
    if newest > migrations[-1].version:
        raise SchemaTooNew(
            f"database schema is version {newest}, this bot knows up to "
            f"{migrations[-1].version}: upgrade the bot"
        )
    applied = []
    for migration in migrations:
        if migration.version in done:
            continue
        # executescript would commit on its own; run statement by statement inside one
        # transaction so a failed migration leaves nothing half-applied.
        await conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(migration.sql):
                await conn.execute(statement)
            await conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, to_db(utc_now())),
            )
        except BaseException:
            await conn.execute("ROLLBACK")
            raise
        await conn.execute("COMMIT")
        log.info("migration applied name=%s", migration.name)
        applied.append(migration.name)
    return applied


def _statements(script: str) -> list[str]:
    """Split a migration into statements, relying on sqlite3's own completeness check."""
    import sqlite3

    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"unterminated statement in migration: {pending[:60]!r}")
    return statements
