"""``python -m storage backup|restore``: online backups while writes go on, and restores that
refuse what they should."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from bot.service.config import DEFAULT_DATABASE_PATH
from storage import open_database
from storage.sqlite.backup import DEFAULT_DATABASE_PATH as STORAGE_DEFAULT_PATH
from storage.sqlite.backup import BackupError, inspect, key_file_beside, restore
from storage.sqlite.schema import latest_version
from tests.support import make_settings

ROOT = Path(__file__).resolve().parent.parent
ROWS_PER_TRANSACTION = 7


def storage_cli(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m storage`` in ``cwd`` with only the given variables."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "storage", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=20,
        check=False,
    )


def make_database(path: Path, *area_codes: str) -> Path:
    """A migrated Hòm thư database with these areas."""

    async def create() -> None:
        async with open_database(path) as db:
            for code in area_codes:
                await db.areas.add(code, f"Khu {code}")

    asyncio.run(create())
    return path


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Read a database file as another process would."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.execute(sql))


def area_codes(path: Path) -> list[str]:
    """The codes of the areas, in order."""
    return [str(row[0]) for row in query(path, "SELECT code FROM areas ORDER BY code")]


def assert_one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit code 2, one line on stderr containing every word, no traceback."""
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


class ContinuousWriter:
    """Another writer on the database: transactions of ``ROWS_PER_TRANSACTION`` areas."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.committed = 0
        self.error: BaseException | None = None
        self._progress = threading.Condition()

    def __enter__(self) -> ContinuousWriter:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def wait_for(self, transactions: int) -> int:
        """Block until at least that many transactions committed; return the count."""
        with self._progress:
            self._progress.wait_for(
                lambda: self.committed >= transactions or self.error is not None, timeout=10
            )
            assert self.error is None, self.error
            return self.committed

    def _run(self) -> None:
        try:
            with closing(sqlite3.connect(self._path, timeout=5, isolation_level=None)) as conn:
                batch = 0
                while not self._stop.is_set():
                    conn.execute("BEGIN IMMEDIATE")
                    conn.executemany(
                        "INSERT INTO areas (code, name, is_open, created_at)"
                        " VALUES (?, ?, 1, '2026-11-21T00:00:00.000000Z')",
                        [(f"w{batch}-{i}", "Khu") for i in range(ROWS_PER_TRANSACTION)],
                    )
                    conn.execute("COMMIT")
                    batch += 1
                    with self._progress:
                        self.committed = batch
                        self._progress.notify_all()
        except BaseException as error:
            with self._progress:
                self.error = error
                self._progress.notify_all()


def test_a_backup_taken_during_writes_is_consistent_and_restores(tmp_path: Path) -> None:
    database = make_database(tmp_path / "data" / "homthu.sqlite3")
    backup_file = tmp_path / "backups" / "homthu-1.sqlite3"
    with ContinuousWriter(database) as writer:
        before = writer.wait_for(20)
        result = storage_cli(tmp_path, "backup", str(backup_file), DATABASE_PATH=str(database))
        after = writer.wait_for(writer.committed + 20)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Đã sao lưu / backed up:")
    assert query(backup_file, "PRAGMA integrity_check") == [("ok",)]
    # A whole number of transactions, from a moment between the two observations.
    ((rows,),) = query(backup_file, "SELECT COUNT(*) FROM areas")
    assert rows % ROWS_PER_TRANSACTION == 0
    assert before * ROWS_PER_TRANSACTION <= rows <= after * ROWS_PER_TRANSACTION
    # A single self-contained file, readable by its owner only.
    assert query(backup_file, "PRAGMA journal_mode") == [("delete",)]
    assert not Path(f"{backup_file}-wal").exists()
    assert backup_file.stat().st_mode & 0o777 == 0o600
    assert not list(backup_file.parent.glob(".*partial*"))

    restored = tmp_path / "elsewhere" / "homthu.sqlite3"
    result = storage_cli(tmp_path, "--database", str(restored), "restore", str(backup_file))
    assert result.returncode == 0, result.stderr
    assert query(restored, "PRAGMA integrity_check") == [("ok",)]
    assert query(restored, "SELECT COUNT(*) FROM areas") == [(rows,)]
    assert query(restored, "SELECT MAX(version) FROM schema_migrations") == [(latest_version(),)]


def test_a_backup_holds_no_trace_of_a_deleted_draft(tmp_path: Path) -> None:
    database = make_database(tmp_path / "homthu.sqlite3", "kp1")
    # As on a SQLite built without SECURE_DELETE (Debian's has it on): deleted rows stay in
    # the file's free space until overwritten.
    with closing(sqlite3.connect(database, isolation_level=None)) as conn:
        conn.execute("PRAGMA secure_delete=OFF")
        for key in ("rk-1111", "rk-gone", "rk-2222"):
            conn.execute(
                "INSERT INTO resident_drafts (resident_key, sealed, updated_at) VALUES (?, ?, ?)",
                (key, f"sealed draft of {key}".encode() + b" " * 500, "2026-11-21T00:00Z"),
            )
        conn.execute("DELETE FROM resident_drafts WHERE resident_key = 'rk-gone'")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"sealed draft of rk-gone" in database.read_bytes()  # the residue is there

    backup_file = tmp_path / "backup.sqlite3"
    result = storage_cli(tmp_path, "backup", str(backup_file), DATABASE_PATH=str(database))
    assert result.returncode == 0, result.stderr
    raw = backup_file.read_bytes()
    assert b"rk-gone" not in raw
    assert query(backup_file, "SELECT resident_key FROM resident_drafts ORDER BY 1") == [
        ("rk-1111",),
        ("rk-2222",),
    ]


def test_restore_keeps_the_previous_database_and_the_bot_can_open_the_result(
    tmp_path: Path,
) -> None:
    database = make_database(tmp_path / "data" / "homthu.sqlite3", "kp1", "kp2")
    backup_file = tmp_path / "backup.sqlite3"
    assert storage_cli(tmp_path, "backup", str(backup_file), DATABASE_PATH=str(database)).stdout

    async def change() -> None:
        async with open_database(database) as db:
            await db.areas.add("kp3", "Khu phố 3")

    asyncio.run(change())
    assert area_codes(database) == ["kp1", "kp2", "kp3"]

    result = storage_cli(tmp_path, "restore", str(backup_file), DATABASE_PATH=str(database))
    assert result.returncode == 0, result.stderr
    assert area_codes(database) == ["kp1", "kp2"]
    (kept,) = database.parent.glob("homthu.sqlite3.before-restore-*")
    assert str(kept) in result.stdout
    assert area_codes(kept) == ["kp1", "kp2", "kp3"]
    assert query(kept, "PRAGMA integrity_check") == [("ok",)]
    # No stale WAL of the replaced database is left to be replayed over the restored one.
    assert not Path(f"{database}-wal").exists()

    async def reopen() -> list[str]:
        async with open_database(database) as db:
            return [area.code for area in await db.areas.list()]

    assert asyncio.run(reopen()) == ["kp1", "kp2"]


def test_restore_refuses_while_the_bot_has_the_database_open(tmp_path: Path) -> None:
    database = make_database(tmp_path / "data" / "homthu.sqlite3", "kp1")
    backup_file = tmp_path / "backup.sqlite3"
    storage_cli(tmp_path, "backup", str(backup_file), DATABASE_PATH=str(database))

    async def restore_while_open() -> subprocess.CompletedProcess[str]:
        async with open_database(database) as db:
            await db.areas.add("kp2", "Khu phố 2")  # the bot, idle after a write
            return await asyncio.to_thread(
                storage_cli, tmp_path, "restore", str(backup_file), DATABASE_PATH=str(database)
            )

    result = asyncio.run(restore_while_open())
    assert_one_error_line(result, "bot")
    assert area_codes(database) == ["kp1", "kp2"]
    assert not list(database.parent.glob("*before-restore*"))


def test_restore_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    database = make_database(tmp_path / "homthu.sqlite3", "kp1")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database " * 100)
    result = storage_cli(tmp_path, "restore", str(junk), DATABASE_PATH=str(database))
    assert_one_error_line(result, "SQLite")
    assert area_codes(database) == ["kp1"]


def test_restore_refuses_another_sqlite_database(tmp_path: Path) -> None:
    database = make_database(tmp_path / "homthu.sqlite3", "kp1")
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as conn, conn:
        conn.execute("CREATE TABLE areas (code TEXT)")
    result = storage_cli(tmp_path, "restore", str(other), DATABASE_PATH=str(database))
    assert_one_error_line(result, "schema_migrations")
    assert area_codes(database) == ["kp1"]


def test_restore_refuses_a_backup_from_a_newer_bot(tmp_path: Path) -> None:
    database = make_database(tmp_path / "homthu.sqlite3", "kp1")
    newer = make_database(tmp_path / "newer.sqlite3", "kp9")
    with closing(sqlite3.connect(newer)) as conn, conn:
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?, 'future.sql', '2030-01-01T00:00:00Z')",
            (latest_version() + 1,),
        )
    result = storage_cli(tmp_path, "restore", str(newer), DATABASE_PATH=str(database))
    assert_one_error_line(result, "upgrade the bot", str(latest_version() + 1))
    assert area_codes(database) == ["kp1"]


def test_restore_into_a_new_place_keeps_no_copy(tmp_path: Path) -> None:
    source = make_database(tmp_path / "a.sqlite3", "kp1")
    target = tmp_path / "new" / "homthu.sqlite3"
    done = restore(source, target, now=datetime(2026, 11, 21, 8, 30))
    assert done.kept_copy is None
    assert area_codes(target) == ["kp1"]


def test_two_restores_in_one_second_keep_both_copies(tmp_path: Path) -> None:
    database = make_database(tmp_path / "homthu.sqlite3", "kp1")
    first = make_database(tmp_path / "first.sqlite3", "kp2")
    second = make_database(tmp_path / "second.sqlite3", "kp3")
    moment = datetime(2026, 11, 21, 8, 30, 0)
    one = restore(first, database, now=moment)
    two = restore(second, database, now=moment)
    assert one.kept_copy == tmp_path / "homthu.sqlite3.before-restore-20261121-083000"
    assert two.kept_copy == tmp_path / "homthu.sqlite3.before-restore-20261121-083000-1"
    assert [area_codes(p) for p in (one.kept_copy, two.kept_copy, database)] == [
        ["kp1"],
        ["kp2"],
        ["kp3"],
    ]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database with one area."""
    return make_database(tmp_path / "data" / "homthu.sqlite3", "kp1")


def test_backup_refuses_to_overwrite_unless_asked(tmp_path: Path, database: Path) -> None:
    target = tmp_path / "b.sqlite3"
    target.write_bytes(b"precious")
    result = storage_cli(tmp_path, "backup", str(target), DATABASE_PATH=str(database))
    assert_one_error_line(result, "--overwrite")
    assert target.read_bytes() == b"precious"
    result = storage_cli(
        tmp_path, "backup", "--overwrite", str(target), DATABASE_PATH=str(database)
    )
    assert result.returncode == 0, result.stderr
    assert area_codes(target) == ["kp1"]


def test_backup_refuses_the_database_itself(tmp_path: Path, database: Path) -> None:
    result = storage_cli(tmp_path, "backup", str(database), "--overwrite")
    assert_one_error_line(result, "database itself")
    assert area_codes(database) == ["kp1"]


def test_backup_without_a_database_says_so(tmp_path: Path) -> None:
    result = storage_cli(tmp_path, "backup", "b.sqlite3")
    assert_one_error_line(result, "data/homthu.sqlite3")
    assert not (tmp_path / "data").exists()


def test_database_path_comes_from_dotenv_in_the_working_folder(
    tmp_path: Path, database: Path
) -> None:
    (tmp_path / ".env").write_text(f"DATABASE_PATH={database}\n", encoding="utf-8")
    key = database.parent / "homthu.key"
    key.write_text("00" * 32 + "\n", encoding="ascii")
    result = storage_cli(tmp_path, "backup", "copy.sqlite3")
    assert result.returncode == 0, result.stderr
    assert area_codes(tmp_path / "copy.sqlite3") == ["kp1"]
    # The key is named: a backup without it cannot open reply channels.
    assert str(key) in result.stdout


def test_usage_mistakes_are_one_line(tmp_path: Path) -> None:
    assert_one_error_line(storage_cli(tmp_path, "copy"), "--help")
    assert_one_error_line(storage_cli(tmp_path, "backup"), "file")


def test_help_is_in_vietnamese_and_english(tmp_path: Path) -> None:
    result = storage_cli(tmp_path, "--help")
    assert result.returncode == 0
    assert "Sao lưu và khôi phục" in result.stdout
    assert "Back up and restore" in result.stdout
    restore_help = " ".join(storage_cli(tmp_path, "restore", "--help").stdout.split())
    assert "Bot phải dừng" in restore_help
    assert "must be stopped" in restore_help


def test_inspect_names_the_schema_version(tmp_path: Path, database: Path) -> None:
    checked = inspect(database)
    assert checked.schema_version == latest_version()
    assert checked.feedback_count == 0
    with pytest.raises(BackupError):
        inspect(tmp_path / "missing.sqlite3")


def test_storage_and_bot_agree_on_the_default_database_and_key(tmp_path: Path) -> None:
    assert Path(DEFAULT_DATABASE_PATH) == STORAGE_DEFAULT_PATH
    settings = make_settings(tmp_path)
    assert key_file_beside(settings.database_path) == settings.key_file
