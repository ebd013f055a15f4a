"""Online backups of the database with SQLite's backup API, and restoring one.

A backup is taken through SQLite itself (``sqlite3.Connection.backup``) in a single step,
that is inside one read transaction: with the database in WAL mode the bot keeps writing
meanwhile, and the copy is the database as it stood at one instant, committed
transactions only. The copy is a plain single file (rollback journal, no ``-wal``),
vacuumed so that no deleted row survives in it, checked with ``PRAGMA integrity_check``,
and moved into place only when complete.

Restoring needs the bot stopped. It is detected by asking for an exclusive lock with a
short timeout: a running bot holds the database open, and in WAL mode that alone denies
the lock. The current database is kept beside it (``<db>.before-restore-<time>``), then the
backup is copied in through the same backup API while the lock is held.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storage.sqlite.schema import latest_version
from texts import bilingual

# The same default as the bot's DATABASE_PATH (bot/service/config.py; a test keeps them equal).
DEFAULT_DATABASE_PATH = Path("data/homthu.sqlite3")
# The key file the bot makes beside the database when SECRET_KEY is not set.
KEY_FILE_NAME = "homthu.key"
# Seconds to wait for the exclusive lock before concluding that the bot is running.
LOCK_TIMEOUT = 0.5
# Seconds a backup waits for a lock (the bot's writes are short transactions).
BUSY_TIMEOUT = 5.0


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class DatabaseFile:
    """A checked Hòm thư database file."""

    path: Path
    schema_version: int
    feedback_count: int
    size: int


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did."""

    backup: DatabaseFile
    database: Path
    # The database as it was before, or None when there was none.
    kept_copy: Path | None


def backup(database: Path, target: Path, *, overwrite: bool = False) -> DatabaseFile:
    """Copy ``database`` to ``target`` consistently, even while the bot writes to it."""
    if not database.is_file():
        raise BackupError(bilingual("backup_no_database", database=database))
    if _same_file(target, database):
        raise BackupError(bilingual("backup_onto_database", target=target))
    if target.exists() and not overwrite:
        raise BackupError(bilingual("backup_exists", target=target))
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    partial.unlink(missing_ok=True)
    try:
        _owner_only_file(partial)
        with closing(_connect(database, "rw", BUSY_TIMEOUT)) as source:
            _require_homthu(source, database)
            with closing(sqlite3.connect(partial, isolation_level=None)) as copy:
                # One step (pages=-1): the whole copy comes from one read transaction.
                source.backup(copy, pages=-1)
                _compact(copy)
                _require_intact(copy, partial)
        os.chmod(partial, 0o600)
        _fsync(partial)
        os.replace(partial, target)
        _fsync(target.parent)
    finally:
        partial.unlink(missing_ok=True)
    return inspect(target)


def inspect(path: Path) -> DatabaseFile:
    """Check that ``path`` is an intact Hòm thư database this code can use."""
    if not path.is_file():
        raise BackupError(bilingual("backup_no_such_file", path=path))
    try:
        with closing(_connect(path, "ro", BUSY_TIMEOUT)) as conn:
            _require_intact(conn, path)
            version = _require_homthu(conn, path)
            (count,) = conn.execute("SELECT COUNT(*) FROM feedback").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(bilingual("backup_not_sqlite", path=path, error=error)) from None
    latest = latest_version()
    if version > latest:
        raise BackupError(bilingual("backup_too_new", path=path, version=version, latest=latest))
    return DatabaseFile(path, version, int(count), path.stat().st_size)


def restore(backup_file: Path, database: Path, *, now: datetime | None = None) -> Restored:
    """Replace ``database`` with ``backup_file``, keeping the old one beside it.

    Refuses while anything (the bot) has the database open.
    """
    checked = inspect(backup_file)
    if _same_file(backup_file, database):
        raise BackupError(bilingual("restore_from_database", path=backup_file))
    existed = database.is_file() and database.stat().st_size > 0
    database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not database.exists():
        _owner_only_file(database)
    kept = None
    with closing(sqlite3.connect(database, timeout=LOCK_TIMEOUT, isolation_level=None)) as conn:
        _lock_exclusively(conn, database)
        # Leave WAL while we hold the lock: the old -wal is folded in and removed, and the
        # restored file stands alone (the bot turns WAL on again when it opens it).
        conn.execute("PRAGMA journal_mode=DELETE")
        if existed:
            kept = _free_name(database, now or datetime.now())
            _owner_only_file(kept)
            with closing(sqlite3.connect(kept, isolation_level=None)) as copy:
                conn.backup(copy, pages=-1)
                _compact(copy)
        with closing(_connect(backup_file, "ro", BUSY_TIMEOUT)) as source:
            source.backup(conn, pages=-1)
        _require_intact(conn, database)
        os.chmod(database, 0o600)
    return Restored(checked, database, kept)


def key_file_beside(database: Path) -> Path:
    """Where the bot keeps its generated secret key for this database."""
    return database.parent / KEY_FILE_NAME


def _connect(path: Path, mode: str, timeout: float) -> sqlite3.Connection:
    """A connection that never creates the file (``mode`` is ``ro`` or ``rw``)."""
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)


def _lock_exclusively(conn: sqlite3.Connection, database: Path) -> None:
    """Take and keep an exclusive lock; fail fast if anyone else has the database open."""
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock outlives the transaction
    except sqlite3.OperationalError as error:
        raise BackupError(bilingual("restore_in_use", database=database, error=error)) from None


def _compact(copy: sqlite3.Connection) -> None:
    """Make a copy a single file (no WAL) holding live rows only.

    The backup API copies pages as they are, free pages included, and those may still hold
    deleted rows: drafts keyed by a resident's Telegram id (SPEC §4). VACUUM rewrites the
    copy from its live rows alone.
    """
    copy.execute("PRAGMA journal_mode=DELETE")
    copy.execute("VACUUM")


def _require_homthu(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of a Hòm thư database; BackupError for any other database."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if row is None:
        raise BackupError(bilingual("backup_not_homthu", path=path))
    (version,) = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    return int(version)


def _require_intact(conn: sqlite3.Connection, path: Path) -> None:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise BackupError(bilingual("backup_damaged", path=path, problem=problems[0]))


def _same_file(one: Path, other: Path) -> bool:
    resolved = other.resolve()
    companions = {resolved, Path(f"{resolved}-wal"), Path(f"{resolved}-shm")}
    return one.resolve() in companions


def _free_name(database: Path, now: datetime) -> Path:
    stem = f"{database.name}.before-restore-{now:%Y%m%d-%H%M%S}"
    candidate, number = database.with_name(stem), 1
    while candidate.exists():
        candidate, number = database.with_name(f"{stem}-{number}"), number + 1
    return candidate


def _owner_only_file(path: Path) -> None:
    """Create ``path`` empty and owner-only before SQLite writes into it (SQLite then gives
    its journal the same mode): a copy of the database is never readable by others, not
    even for a moment."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    os.chmod(path, 0o600)


def _fsync(path: Path) -> None:
    """Flush a file or a folder to disk, so a finished backup survives a power cut."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
