"""Areas: each residential area with its QR code."""

from __future__ import annotations

import builtins
import sqlite3
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.clock import from_db, to_db
from core.errors import AreaClosed, AreaNotFound, DuplicateArea, InvalidAreaCode, InvalidName
from core.models import (
    Area,
    AreaSummary,
    area_code_from_name,
    clean_name,
    validate_area_code,
)
from core.rules.collation import name_key
from storage.sqlite.connection import fetch_all, fetch_one

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector

_COLUMNS = "a.id, a.code, a.name, a.is_open, a.created_at"


def area_from_row(row: sqlite3.Row | tuple[object, ...]) -> Area:
    """An Area from the first five columns of ``_COLUMNS``."""
    return Area(
        id=int(str(row[0])),
        code=str(row[1]),
        name=str(row[2]),
        is_open=bool(row[3]),
        created_at=from_db(str(row[4])),
    )


def _area_order(area: Area) -> tuple[object, ...]:
    """Areas by name as people read them; two of one name by code."""
    return (name_key(area.name), area.code)


class AreaRepository:
    """Queries on the ``areas`` table."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    async def list(self, *, include_closed: bool = True) -> builtins.list[Area]:
        """Areas in the order people look for them (Vietnamese alphabetical order, numbers
        by value: «Khu phố 2» before «Khu phố 10»), open ones only unless ``include_closed``."""
        where = "" if include_closed else "WHERE a.is_open = 1"
        async with self._db.reading() as conn:
            rows = await fetch_all(conn, f"SELECT {_COLUMNS} FROM areas a {where}")
        return sorted(map(area_from_row, rows), key=_area_order)

    async def summaries(self) -> builtins.list[AreaSummary]:
        """Every area with its feedback count (from the per-day counts of migration 0011)."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                f"SELECT {_COLUMNS}, COALESCE(d.feedbacks, 0) FROM areas a"
                " LEFT JOIN (SELECT area_id, SUM(feedbacks) AS feedbacks FROM report_area_days"
                " GROUP BY area_id) d ON d.area_id = a.id",
            )
        summaries = [AreaSummary(area_from_row(row), int(row[5])) for row in rows]
        return sorted(summaries, key=lambda summary: _area_order(summary.area))

    async def get(self, code: str) -> Area:
        """The area with that code, open or closed; AreaNotFound otherwise."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn, f"SELECT {_COLUMNS} FROM areas a WHERE a.code = ?", (code,)
            )
        if row is None:
            raise AreaNotFound(code)
        return area_from_row(row)

    async def get_open(self, code: str) -> Area:
        """The area if it takes feedback now; AreaNotFound or AreaClosed otherwise."""
        area = await self.get(code)
        if not area.is_open:
            raise AreaClosed(code)
        return area

    async def add(self, code: str, name: str) -> Area:
        """Create an open area; validates the code and the name."""
        if not validate_area_code(code):
            raise InvalidAreaCode(code)
        cleaned = clean_name(name)
        if cleaned is None:
            raise InvalidName(name)
        try:
            async with self._db.transaction() as conn:
                cursor = await conn.execute(
                    "INSERT INTO areas (code, name, created_at) VALUES (?, ?, ?)",
                    (code, cleaned, to_db(self._db.clock())),
                )
                area_id = cursor.lastrowid
        except sqlite3.IntegrityError as exc:
            raise DuplicateArea(code) from exc
        assert area_id is not None
        return await self.get(code)

    async def add_many(self, areas: Sequence[tuple[str, str]]) -> builtins.list[Area]:
        """Create every (code, name) as an open area, all in one transaction or none.

        InvalidAreaCode or InvalidName for the first bad one, DuplicateArea for the first
        code that exists already or comes twice; nothing is stored then.
        """
        rows: builtins.list[tuple[str, str]] = []
        for code, name in areas:
            if not validate_area_code(code):
                raise InvalidAreaCode(code)
            cleaned = clean_name(name)
            if cleaned is None:
                raise InvalidName(name)
            rows.append((code, cleaned))
        codes = [code for code, _ in rows]
        repeated = [code for index, code in enumerate(codes) if code in codes[:index]]
        if repeated:
            raise DuplicateArea(repeated[0])
        if not rows:
            return []
        now = to_db(self._db.clock())
        async with self._db.transaction() as conn:
            marks = ", ".join("?" * len(codes))
            taken = await fetch_one(
                conn, f"SELECT code FROM areas WHERE code IN ({marks}) ORDER BY code", codes
            )
            if taken is not None:
                raise DuplicateArea(str(taken[0]))
            await conn.executemany(
                "INSERT INTO areas (code, name, created_at) VALUES (?, ?, ?)",
                [(code, name, now) for code, name in rows],
            )
        by_code = {area.code: area for area in await self.list()}
        return [by_code[code] for code in codes]

    async def named(self, name: str) -> builtins.list[Area]:
        """The areas called ``name`` (several may share one), ignoring case and spacing;
        failing that, ignoring accents and signs too ("khu pho 3" finds "Khu phố 3")."""
        areas = await self.list()
        wanted = _comparable(name)
        exact = [area for area in areas if _comparable(area.name) == wanted]
        if exact:
            return exact
        loose = area_code_from_name(name)
        if loose is None:
            return []
        return [area for area in areas if area_code_from_name(area.name) == loose]

    async def rename(self, code: str, name: str) -> Area:
        """Give an area a new name."""
        cleaned = clean_name(name)
        if cleaned is None:
            raise InvalidName(name)
        await self._update(code, "name = ?", (cleaned,))
        return await self.get(code)

    async def set_open(self, code: str, is_open: bool) -> Area:
        """Stop or resume taking feedback from the area; its history stays."""
        await self._update(code, "is_open = ?", (int(is_open),))
        return await self.get(code)

    async def _update(self, code: str, assignment: str, values: tuple[object, ...]) -> None:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                f"UPDATE areas SET {assignment} WHERE code = ?", (*values, code)
            )
            if cursor.rowcount == 0:
                raise AreaNotFound(code)


def _comparable(name: str) -> str:
    """A name as admins mean it: composed, single-spaced, case left out."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()
