"""/find on SQLite: the FTS5 match expression and the SQLite search's count limit."""

from __future__ import annotations

import pytest

import storage.sqlite.search
import tests.storage.test_search as contract
from core.models import AdditionKind
from storage import Database
from storage.sqlite.search import (
    COUNT_LIMIT,
    SearchWords,
    find,
    match_expression,
    search_words,
)
from tests.storage.test_search import answer, send

db = contract.db


async def test_the_count_stops_at_its_limit(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage.sqlite.search, "COUNT_LIMIT", 3)
    for n in range(5):
        await send(db, f"Ổ gà số {n}")

    found = await find(db, "ổ gà", limit=2)

    assert (found.total, found.total_is_exact, len(found.items)) == (3, False, 2)
    assert COUNT_LIMIT == 1000


@pytest.mark.parametrize("count_limit", [2, 1000])
async def test_an_answer_puts_a_newer_feedback_first_whatever_the_ids(
    db: Database, monkeypatch: pytest.MonkeyPatch, count_limit: int
) -> None:
    # Answers and additions are indexed under their own ids, which say nothing of their
    # feedback's age: the oldest feedback's answer is written first (answer 1), the
    # newest's last.
    monkeypatch.setattr(storage.sqlite.search, "COUNT_LIMIT", count_limit)
    oldest = await send(db, "Hỏi về giấy tờ")
    await db.feedback.note(oldest, "Gom rác chưa đúng giờ", "Hoa")
    with_word = [await send(db, f"Rác ở ngõ {n}") for n in range(5)]
    newest = await send(db, "Mùi hôi ở chợ")
    await answer(db, newest, "Đã nhắc đội thu gom rác")
    await db.dialogue.add(newest, AdditionKind.ADDITION, "rác vẫn còn")

    found = await find(db, "rac", limit=3)
    rest = await find(db, "rac", limit=10, offset=3)

    assert [i.id for i in found.items] == [newest, with_word[4], with_word[3]]
    assert [i.found_in for i in found.items] == ["reply", "feedback", "feedback"]
    if count_limit == 2:
        assert (found.total, found.total_is_exact) == (2, False)
    else:
        assert (found.total, found.total_is_exact) == (7, True)
        assert [i.id for i in rest.items] == [*reversed(with_word[:3]), oldest]
        assert rest.items[-1].found_in == "note"


def test_words_are_letters_and_digits_quoted_one_by_one() -> None:
    words = search_words('Điện  lực, "ngõ 5"* NEAR(x) đ_d Điện')

    assert words == SearchWords(("điện", "lực", "ngõ", "5", "near", "x", "đ", "d"), 0)
    assert match_expression(SearchWords(("điện", "lực"), 0)) == ('("diện" OR "điện") AND ("lực")')


def test_each_d_is_spelled_both_ways() -> None:
    assert match_expression(SearchWords(("dien",), 0)) == '("dien" OR "đien")'
    assert match_expression(SearchWords(("đđ",), 0)) == '("dd" OR "dđ" OR "đd" OR "đđ")'
    # Past three d's, the all-d and all-đ spellings only.
    assert match_expression(SearchWords(("dddd",), 0)) == '("dddd" OR "đđđđ")'
