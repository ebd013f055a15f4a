"""Topics a resident picks from."""

from __future__ import annotations

import builtins
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.clock import to_db
from core.errors import InvalidLabel, InvalidName, TopicNotFound, TopicOrderInvalid
from core.models import Topic, clean_name
from core.rules.labels import clean_label, is_emoji
from storage.sqlite.connection import fetch_all, fetch_one

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector

# What other modules select to build a Topic with topic_from_row (what staff see).
TOPIC_COLUMNS = "t.id, t.name_vi, t.name_en, t.is_open, t.sla_days"
# And what residents see of it, read here.
_COLUMNS = f"{TOPIC_COLUMNS}, t.emoji, t.label_vi, t.label_en, t.position"


def topic_from_row(row: tuple[object, ...]) -> Topic:
    """A Topic from the columns of ``TOPIC_COLUMNS`` (the first four are enough), and of
    ``_COLUMNS`` when the row has them."""
    labels: dict[str, object] = {}
    if len(row) > 8:
        labels = {
            "emoji": str(row[5]),
            "label_vi": None if row[6] is None else str(row[6]),
            "label_en": None if row[7] is None else str(row[7]),
            "position": int(str(row[8])),
        }
    return Topic(
        id=int(str(row[0])),
        name_vi=str(row[1]),
        name_en=str(row[2]),
        is_open=bool(row[3]),
        sla_days=int(str(row[4])) if len(row) > 4 and row[4] is not None else None,
        **labels,  # type: ignore[arg-type]
    )


def display_order(topic: Topic) -> tuple[bool, int, int]:
    """Admins' order, the catch-all last."""
    return (topic.is_other, topic.position, topic.id)


class TopicRepository:
    """Queries on the ``topics`` table."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    async def list(self, *, include_closed: bool = False) -> builtins.list[Topic]:
        """Topics in their number order, open ones only unless ``include_closed``."""
        where = "" if include_closed else "WHERE t.is_open = 1"
        async with self._db.reading() as conn:
            rows = await fetch_all(conn, f"SELECT {_COLUMNS} FROM topics t {where} ORDER BY t.id")
        return [topic_from_row(tuple(row)) for row in rows]

    async def for_residents(self) -> builtins.list[Topic]:
        """The open topics in the order residents see them: admins' order, "Khác" last."""
        return sorted(await self.list(), key=display_order)

    async def get(self, topic_id: int) -> Topic:
        """The topic with that number, open or closed."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn, f"SELECT {_COLUMNS} FROM topics t WHERE t.id = ?", (topic_id,)
            )
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
                "INSERT INTO topics (name_vi, name_en, created_at, position)"
                " SELECT ?, ?, ?, COALESCE(MAX(position), 0) + 1 FROM topics",
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
        await self._update(topic_id, "sla_days = ?", (days,))
        return await self.get(topic_id)

    async def set_open(self, topic_id: int, is_open: bool) -> Topic:
        """Close or reopen a topic; feedback already filed under it keeps it."""
        await self._update(topic_id, "is_open = ?", (int(is_open),))
        return await self.get(topic_id)

    async def set_label(self, topic_id: int, emoji: str, label_vi: str) -> Topic:
        """The emoji ("" for none) and Vietnamese short label residents see on the button."""
        cleaned = clean_label(label_vi)
        emoji = emoji.strip()
        if cleaned is None or (emoji and not is_emoji(emoji)):
            raise InvalidLabel(label_vi)
        await self._update(topic_id, "emoji = ?, label_vi = ?", (emoji, cleaned))
        return await self.get(topic_id)

    async def set_label_en(self, topic_id: int, label_en: str) -> Topic:
        """The English short label residents who read English see on the button."""
        cleaned = clean_label(label_en)
        if cleaned is None:
            raise InvalidLabel(label_en)
        await self._update(topic_id, "label_en = ?", (cleaned,))
        return await self.get(topic_id)

    async def set_name_en(self, topic_id: int, name_en: str) -> Topic:
        """The English full name; renaming in Vietnamese no longer changes it."""
        cleaned = clean_name(name_en)
        if cleaned is None:
            raise InvalidName(name_en)
        await self._update(topic_id, "name_en = ?", (cleaned,))
        return await self.get(topic_id)

    async def set_order(self, topic_ids: Sequence[int]) -> builtins.list[Topic]:
        """Put the open topics in this order (each exactly once); closed ones follow in
        their old order. Returns the open topics as residents now see them ("Khác" last,
        wherever it was put).

        TopicOrderInvalid, and nothing changes, when the numbers are not every open topic
        once.
        """
        async with self._db.transaction() as conn:
            rows = [
                (int(row[0]), bool(row[1]))
                for row in await fetch_all(
                    conn, "SELECT id, is_open FROM topics ORDER BY position, id"
                )
            ]
            is_open = dict(rows)
            counts = Counter(topic_ids)
            problem = TopicOrderInvalid(
                missing=tuple(sorted(n for n, o in is_open.items() if o and n not in counts)),
                repeated=tuple(n for n, count in counts.items() if count > 1),
                unknown=tuple(n for n in counts if n not in is_open),
                closed=tuple(n for n in counts if n in is_open and not is_open[n]),
            )
            if problem.missing or problem.repeated or problem.unknown or problem.closed:
                raise problem
            closed = [n for n, o in rows if not o]
            await conn.executemany(
                "UPDATE topics SET position = ? WHERE id = ?",
                [(place, n) for place, n in enumerate([*topic_ids, *closed], start=1)],
            )
        return await self.for_residents()

    async def _update(self, topic_id: int, assignment: str, values: tuple[object, ...]) -> None:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                f"UPDATE topics SET {assignment} WHERE id = ?", (*values, topic_id)
            )
            if cursor.rowcount == 0:
                raise TopicNotFound(str(topic_id))
