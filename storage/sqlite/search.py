"""/find (SPEC §5): search what was written about feedback, without case or diacritics.

The index is the FTS5 table ``search`` of migration 0007: one row per text, its rowid made
from the key of the row it indexes: 4·id for a feedback's own text, 4·id + 1 for a
response (the response's id, not its feedback's), 4·id + 2 for an addition. Feedback,
responses and additions are each numbered in the order they were written, and a response
or an addition is always written after its feedback.

So the newest feedbacks that match are found a slice of time at a time, newest first: the
feedbacks of the slice by their own rowids, and the answers, notes and additions about
them from the first one written about any of them onwards. The slice grows until it holds
the page (and enough to tell whether there are more than ``COUNT_LIMIT``): the work
follows the page and the matches, not the years of history.

What staff type is never FTS syntax: the words (letters and digits) are taken out and each
is quoted as an FTS5 string, so ``"``, ``*``, ``NEAR``, ``-`` or brackets mean nothing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import aiosqlite

from core.clock import from_db
from core.models import (
    FeedbackStatus,
    FoundItem,
    FoundPage,
    SearchWords,
    Topic,
)
from storage.contract import search_words
from storage.sqlite.topics import TOPIC_COLUMNS, topic_from_row

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector

# Matches are counted up to this many feedbacks; past it, a word that common needs another
# word beside it, and counting every match of it would cost time for nothing.
COUNT_LIMIT = 1000
# Tokens of text around the match in a snippet.
SNIPPET_TOKENS = 16
# Where FTS5 marks a match in a snippet: private-use characters no keyboard types.
_OPEN, _CLOSE, _ELLIPSIS = "\ue000", "\ue001", "…"
# The tokenizer removes diacritics but keeps đ apart from d (đ has no decomposition in
# Unicode), so a word with d or đ is looked up both ways: "dien" finds "Điện" too.
_D_LETTERS = frozenset("dđ")
# At most 2 ** _MOST_D_SPELLINGS spellings of one word; a longer run of d's is rare enough
# that its all-d and all-đ spellings do.
_MOST_D_SPELLINGS = 3


def match_expression(words: SearchWords) -> str:
    """The FTS5 query for ``words``: each word (in its d and đ spellings) must appear."""
    return " AND ".join(
        "(" + " OR ".join(f'"{spelling}"' for spelling in _spellings(word)) + ")"
        for word in words.words
    )


def _spellings(word: str) -> list[str]:
    """``word`` with each d or đ written both ways ("dien" → "dien", "đien")."""
    places = [i for i, letter in enumerate(word) if letter in _D_LETTERS]
    if not places:
        return [word]
    if len(places) > _MOST_D_SPELLINGS:
        choices: list[tuple[str, ...]] = [("d",) * len(places), ("đ",) * len(places)]
    else:
        choices = list(itertools.product("dđ", repeat=len(places)))
    spellings = []
    for choice in choices:
        letters = list(word)
        for place, letter in zip(places, choice, strict=True):
            letters[place] = letter
        spellings.append("".join(letters))
    return spellings


async def find(db: Connector, words: str, *, limit: int, offset: int = 0) -> FoundPage:
    """Feedback whose text, answers, notes or additions hold every word of ``words``,
    newest first, one row per feedback; EmptySearch when ``words`` has no word."""
    chosen = search_words(words)
    query = match_expression(chosen)
    # Enough to fill the page and to tell whether there are more than COUNT_LIMIT.
    wanted = max(offset + limit, COUNT_LIMIT + 1)
    async with db.reading() as conn:
        matches = await _newest(conn, query, wanted)
        ids = matches.ids[offset : offset + limit]
        texts = await _snippets(conn, query, [matches.rowid_of(i) for i in ids])
        snippets = {i: texts.get(matches.rowid_of(i), ("feedback", ())) for i in ids}
        feedback = await _feedback(conn, ids) if ids else {}
    items = []
    for feedback_id in ids:
        row = feedback.get(feedback_id)
        # A text whose feedback is gone (the index has no delete trigger for feedback).
        if row is None:
            continue
        kind, snippet = snippets[feedback_id]
        items.append(
            FoundItem(
                id=feedback_id,
                code=row[0],
                area=row[1],
                topic=row[2],
                status=row[3],
                created_at=row[4],
                found_in=kind,
                snippet=snippet,
            )
        )
    return FoundPage(
        words=chosen,
        items=tuple(items),
        total=min(len(matches.ids), COUNT_LIMIT),
        total_is_exact=matches.complete and len(matches.ids) <= COUNT_LIMIT,
        offset=offset,
    )


@dataclass(slots=True)
class _Matches:
    """The newest matching feedbacks found so far, and which text of each matched."""

    # Feedbacks whose own text matches.
    own: set[int]
    # The first answer, note or addition that matches, by feedback (a response before an
    # addition, the earliest of each).
    later: dict[int, int]
    ids: list[int]
    # True when every matching feedback is in ``ids``.
    complete: bool

    def add(self, rowid: int, feedback_id: int) -> None:
        """A matching text, by its rowid, about a feedback."""
        if rowid % 4 == 0:
            self.own.add(feedback_id)
            return
        known = self.later.get(feedback_id)
        if known is None or (rowid % 4, rowid) < (known % 4, known):
            self.later[feedback_id] = rowid

    def rowid_of(self, feedback_id: int) -> int:
        """The text a feedback is shown by: its own, else its first matching other."""
        return 4 * feedback_id if feedback_id in self.own else self.later[feedback_id]


# The tables whose texts are indexed besides feedback's own: name, index by feedback, and
# rowid offset (migration 0007).
_OTHERS = (("responses", "responses_feedback", 1), ("additions", "additions_feedback", 2))


async def _newest(conn: aiosqlite.Connection, query: str, wanted: int) -> _Matches:
    """At least the ``wanted`` newest feedbacks that match (all, if fewer), newest first."""
    matches = _Matches(set(), {}, [], complete=False)
    # A handful of texts in all: read them all at once rather than slice by slice.
    async with conn.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)",
        (query, 2 * wanted + 1),
    ) as cursor:
        row = await cursor.fetchone()
    if row is not None and int(row[0]) <= 2 * wanted:
        async with conn.execute(
            "SELECT rowid, CASE WHEN rowid % 4 = 0 THEN rowid / 4 ELSE feedback_id END"
            " FROM search WHERE search MATCH ? ORDER BY rowid",
            (query,),
        ) as cursor:
            for rowid, feedback_id in await cursor.fetchall():
                matches.add(int(rowid), int(feedback_id))
        matches.ids = sorted(matches.own | matches.later.keys(), reverse=True)
        matches.complete = True
        return matches
    async with conn.execute("SELECT MAX(id) FROM feedback") as cursor:
        row = await cursor.fetchone()
    high = int(row[0]) if row and row[0] is not None else 0
    # For responses and additions: the ids read so far start at ``read_from`` (up to the
    # last one); each table's ids are its own, so each is read in its own range.
    read_from = {table: await _after_last(conn, table) for table, _, _ in _OTHERS}
    size = 2 * wanted
    while high > 0:
        low = max(high - size + 1, 1)
        async with conn.execute(
            "SELECT rowid / 4 FROM search WHERE search MATCH ? AND rowid >= ? AND rowid <= ?"
            " AND rowid % 4 = 0",
            (query, 4 * low, 4 * high),
        ) as cursor:
            matches.own.update(int(r[0]) for r in await cursor.fetchall())
        for table, index, offset in _OTHERS:
            first = await _first_about(conn, table, index, low)
            if first >= read_from[table]:
                continue
            async with conn.execute(
                "SELECT feedback_id, rowid FROM search WHERE search MATCH ? AND rowid >= ?"
                " AND rowid < ? AND rowid % 4 = ?",
                (query, 4 * first + offset, 4 * read_from[table] + offset, offset),
            ) as cursor:
                for feedback_id, rowid in await cursor.fetchall():
                    matches.add(int(rowid), int(feedback_id))
            read_from[table] = first
        # Every match about feedback from ``low`` up is known; older ones only in part.
        found = {i for i in matches.own | matches.later.keys() if i >= low}
        if len(found) >= wanted or low == 1:
            matches.ids = sorted(found, reverse=True)
            matches.complete = low == 1
            return matches
        high, size = low - 1, 4 * size
    matches.complete = True
    return matches


async def _after_last(conn: aiosqlite.Connection, table: str) -> int:
    """An id past the last of ``table``."""
    async with conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 1


async def _first_about(conn: aiosqlite.Connection, table: str, index: str, low: int) -> int:
    """The id of the first row of ``table`` written about a feedback from ``low`` up: none
    about them is older. A large number when there is none."""
    if low == 1:
        return 0
    async with conn.execute(
        # Left to itself, SQLite answers MIN(id) by walking the table in id order until a
        # row is about such a feedback: nearly all of it, for the newest feedback.
        f"SELECT MIN(id) FROM {table} INDEXED BY {index} WHERE feedback_id >= ?",
        (low,),
    ) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row is not None and row[0] is not None else 2**62


async def _snippets(
    conn: aiosqlite.Connection, query: str, rowids: list[int]
) -> dict[int, tuple[str, tuple[tuple[str, bool], ...]]]:
    """Whose text each row is, and the text around the match, by rowid."""
    if not rowids:
        return {}
    async with conn.execute(
        "SELECT rowid, kind, snippet(search, 0, ?, ?, ?, ?) FROM search"
        f" WHERE search MATCH ? AND rowid IN ({', '.join('?' * len(rowids))})",
        (_OPEN, _CLOSE, _ELLIPSIS, SNIPPET_TOKENS, query, *rowids),
    ) as cursor:
        rows = await cursor.fetchall()
    return {int(r[0]): (str(r[1]), _pieces(str(r[2]))) for r in rows}


async def _feedback(
    conn: aiosqlite.Connection, ids: list[int]
) -> dict[int, tuple[str, str, Topic, FeedbackStatus, datetime]]:
    """Code, area name, topic, status and time of each feedback of the page."""
    marks = ", ".join("?" * len(ids))
    async with conn.execute(
        f"SELECT f.id, f.code, a.name, {TOPIC_COLUMNS}, f.status, f.created_at"
        " FROM feedback f JOIN areas a ON a.id = f.area_id JOIN topics t ON t.id = f.topic_id"
        f" WHERE f.id IN ({marks})",
        ids,
    ) as cursor:
        rows = await cursor.fetchall()
    return {
        int(r[0]): (
            str(r[1]),
            str(r[2]),
            topic_from_row(tuple(r[3:8])),
            FeedbackStatus(r[8]),
            from_db(str(r[9])),
        )
        for r in rows
    }


def _pieces(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A snippet marked by FTS5 as (text, matched) pieces, empty pieces left out."""
    pieces: list[tuple[str, bool]] = []
    matched = False
    for part in re.split(f"([{_OPEN}{_CLOSE}])", snippet):
        if part in (_OPEN, _CLOSE):
            matched = part == _OPEN
        elif part:
            pieces.append((part, matched))
    return tuple(pieces)
