"""Topics a resident picks from."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from storage.clock import to_db
from storage.errors import InvalidName, TopicNotFound
from storage.models import Topic, clean_name

if TYPE_CHECKING:
    from storage.database import Database

_COLUMNS = "t.id, t.name_vi, t.name_en, t.is_open, t.sla_days"
# What other modules select to build a Topic with topic_from_row.
TOPIC_COLUMNS = _COLUMNS


def topic_from_row(row: tuple[object, ...]) -> Topic:
    """A Topic from the columns of ``TOPIC_COLUMNS`` (the first four are enough)."""
    return Topic(
        id=int(str(row[0])),
        name_vi=str(row[1]),
        name_en=str(row[2]),
        is_open=bool(row[3]),
        sla_days=int(str(row[4])) if len(row) > 4 and row[4] is not None else None,
    )


class TopicRepository:
    """Queries on the ``topics`` table."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def list(self, *, include_closed: bool = False) -> builtins.list[Topic]:
        """Topics in their number order, open ones only unless ``include_closed``."""
        where = "" if include_closed else "WHERE t.is_open = 1"
        async with self._db.reading() as conn:
            cursor = await conn.execute(f"SELECT {_COLUMNS} FROM topics t {where} ORDER BY t.id")
            rows = await cursor.fetchall()
        return [topic_from_row(tuple(row)) for row in rows]

    async def get(self, topic_id: int) -> Topic:
        """The topic with that number, open or closed."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                f"SELECT {_COLUMNS} FROM topics t WHERE t.id = ?", (topic_id,)
            )
            row = await cursor.fetchone()
        if row is None:
            raise TopicNotFound(str(topic_id))
        return topic_from_row(tuple(row))

    async def get_open(self, topic_id: int) -> Topic:
        """The topic if residents may choose it now."""
        topic = await self.get(topic_id)
        if not topic.is_open:
            raise TopicNotFound(str(topic_id))
        return topic

    async def add(self, name_vi: str, name_en: str | None = None) -> Topic:
        """A new open topic; the English name defaults to the Vietnamese one."""
        cleaned = clean_name(name_vi)
        cleaned_en = clean_name(name_en) if name_en else cleaned
        if cleaned is None or cleaned_en is None:
            raise InvalidName(name_vi)
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO topics (name_vi, name_en, created_at) VALUES (?, ?, ?)",
                (cleaned, cleaned_en, to_db(self._db.clock())),
            )
            topic_id = cursor.lastrowid
        assert topic_id is not None
        return await self.get(topic_id)

    async def rename(self, topic_id: int, name_vi: str) -> Topic:
        """Rename a topic in Vietnamese; the English name follows unless it was distinct."""
        cleaned = clean_name(name_vi)
        if cleaned is None:
            raise InvalidName(name_vi)
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE topics SET name_en = CASE WHEN name_en = name_vi THEN ? ELSE name_en END,"
                " name_vi = ? WHERE id = ?",
                (cleaned, cleaned, topic_id),
            )
            if cursor.rowcount == 0:
                raise TopicNotFound(str(topic_id))
        return await self.get(topic_id)

    async def set_sla(self, topic_id: int, days: int | None) -> Topic:
        """Working days allowed for feedback on this topic from now on (None: SLA_DAYS).

        Feedback already received keeps the deadline it was given.
        """
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE topics SET sla_days = ? WHERE id = ?", (days, topic_id)
            )
            if cursor.rowcount == 0:
                raise TopicNotFound(str(topic_id))
        return await self.get(topic_id)

    async def set_open(self, topic_id: int, is_open: bool) -> Topic:
        """Close or reopen a topic; feedback already filed under it keeps it."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE topics SET is_open = ? WHERE id = ?", (int(is_open), topic_id)
            )
            if cursor.rowcount == 0:
                raise TopicNotFound(str(topic_id))
        return await self.get(topic_id)
