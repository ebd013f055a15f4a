"""The storage contract: what a store holds and refuses, through the contract alone
(run on every backend in tests/storage/conftest.py)."""

from __future__ import annotations

import unicodedata
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from core.rules.collation import name_key
from storage import (
    ExpiryNotice,
    Feedback,
    FeedbackNotFound,
    NewFeedback,
    SessionWrite,
    Storage,
    StoredState,
    TopicNotFound,
)
from tests.storage.conftest import OpenStorage
from tests.support import DEFAULT_TOPICS_VI

START = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)


DEFAULT_TOPICS = DEFAULT_TOPICS_VI


class ManualClock:
    """A clock that moves only when the test moves it."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        """Move time forward."""
        self.now += delta


@pytest.fixture
def db_clock() -> ManualClock:
    """The clock of the test database."""
    return ManualClock()


@pytest.fixture
async def db(open_storage: OpenStorage, db_clock: ManualClock) -> AsyncIterator[Storage]:
    """An open, migrated store of the backend under test, fresh and empty."""
    async with open_storage(clock=db_clock) as database:
        yield database


async def test_default_topics_are_the_committee_list(db: Storage) -> None:
    topics = await db.topics.list(include_closed=True)
    assert [t.name_vi for t in topics] == DEFAULT_TOPICS
    assert [t.name_vi.encode() for t in topics] == [name.encode() for name in DEFAULT_TOPICS]
    assert [t.id for t in topics] == list(range(1, 12))
    assert all(t.is_open for t in topics)
    assert all(unicodedata.is_normalized("NFC", t.name_vi) for t in topics)


async def test_default_topics_have_english_names(db: Storage) -> None:
    topics = await db.topics.list()
    english = [t.name_en for t in topics]
    assert len(english) == len(DEFAULT_TOPICS)
    assert all(name.strip() and name.isascii() for name in english)
    assert len(set(english)) == len(english)
    assert english[-1] == "Other"
    assert topics[1].name("en") == "Jobs, incomes and daily life"
    assert topics[1].name("vi") == "Kinh tế, đời sống"


# Issue 19, item 20: «Roads, utilities» led to «Civilised urban living, infrastructure».
# The committee's categories in words an English-speaking resident reads at a glance.
PLAIN_ENGLISH_TOPICS = [
    "Local government and the Party",
    "Jobs, incomes and daily life",
    "Health, schools, culture and community",
    "Safety, security and public order",
    "Paperwork and public services",
    "Corruption and waste of public money",
    "Environment, rubbish, land and water",
    "Roads, electricity, water and public spaces",
    "About officials and Party members",
    "Good deeds and good examples",
    "Other",
]


async def test_default_topics_have_plain_english_names(db: Storage) -> None:
    topics = await db.topics.list()
    assert [t.name_en for t in topics] == PLAIN_ENGLISH_TOPICS
    # Each short label leads to a full name that says the same thing, and more.
    labels = {t.label_en: t.name_en for t in topics}
    assert labels["Roads, utilities"] == "Roads, electricity, water and public spaces"
    assert labels["Paperwork"] == "Paperwork and public services"
    assert labels["About officials"] == "About officials and Party members"


async def test_list_areas_with_and_without_closed(db: Storage) -> None:
    await db.areas.add("kp3", "Khu phố 3")
    await db.areas.add("thon", "Thôn Tân Định")
    await db.areas.add("kp9", "Khu phố 9")
    await db.areas.set_open("kp9", False)
    everything = await db.areas.list(include_closed=True)
    assert [a.code for a in everything] == ["kp3", "kp9", "thon"]
    assert [a.code for a in await db.areas.list()] == ["kp3", "kp9", "thon"]
    assert [a.code for a in await db.areas.list(include_closed=False)] == ["kp3", "thon"]
    assert [a.is_open for a in everything] == [True, False, True]


async def test_area_summaries_count_feedback(db: Storage) -> None:
    kp3 = await db.areas.add("kp3", "Khu phố 3")
    await db.areas.add("kp4", "Khu phố 4")
    kp5 = await db.areas.add("kp5", "Khu phố 5")
    for _ in range(3):
        await db.feedback.submit(NewFeedback(kp3.id, 1, "Đèn đường hỏng"))
    await db.feedback.submit(NewFeedback(kp5.id, 2, "Rác chưa thu gom"))
    await db.areas.set_open("kp5", False)
    summaries = await db.areas.summaries()
    assert [(s.area.code, s.area.is_open, s.feedback_count) for s in summaries] == [
        ("kp3", True, 3),
        ("kp4", True, 0),
        ("kp5", False, 1),
    ]


async def test_add_topic(db: Storage) -> None:
    added = await db.topics.add("  Trật tự   đô thị ")
    assert (added.id, added.name_vi, added.name_en, added.is_open) == (
        12,
        "Trật tự đô thị",
        "Trật tự đô thị",
        True,
    )
    with_english = await db.topics.add("Nước sạch", "Clean water")
    assert (with_english.name_vi, with_english.name_en) == ("Nước sạch", "Clean water")
    assert [t.id for t in await db.topics.list()] == list(range(1, 14))
    assert await db.topics.get(13) == with_english


async def test_rename_topic_without_translation_renames_both(db: Storage) -> None:
    added = await db.topics.add("Nước sạch")
    renamed = await db.topics.rename(added.id, "Nước sạch sinh hoạt")
    assert (renamed.name_vi, renamed.name_en) == ("Nước sạch sinh hoạt", "Nước sạch sinh hoạt")


async def test_close_and_reopen_topic(db: Storage) -> None:
    closed = await db.topics.set_open(3, False)
    assert not closed.is_open
    assert 3 not in [t.id for t in await db.topics.list()]
    assert 3 in [t.id for t in await db.topics.list(include_closed=True)]
    with pytest.raises(TopicNotFound):
        await db.topics.get_open(3)
    assert (await db.topics.get(3)).name_vi == DEFAULT_TOPICS[2]
    await db.topics.set_open(3, True)
    assert (await db.topics.get_open(3)).id == 3
    assert len(await db.topics.list()) == len(DEFAULT_TOPICS)


async def _submit(db: Storage, new: NewFeedback) -> Feedback:
    submitted = await db.feedback.submit(new)
    assert submitted.created
    return submitted.feedback


async def test_feedback_codes_differ_and_unknown_code_is_not_found(db: Storage) -> None:
    area = await db.areas.add("kp3", "Khu phố 3")
    first = await _submit(db, NewFeedback(area.id, 1, "Một"))
    second = await _submit(db, NewFeedback(area.id, 1, "Hai"))
    assert first.code != second.code
    assert (await db.feedback.get_by_code(second.code)).body == "Hai"
    with pytest.raises(FeedbackNotFound):
        await db.feedback.get_by_code("ZZ-00000000")


async def test_decomposed_and_precomposed_text_stay_distinct(db: Storage) -> None:
    area = await db.areas.add("kp3", "Khu phố 3")
    decomposed = await _submit(db, NewFeedback(area.id, 1, "Hu\u0300ng"))
    precomposed = await _submit(db, NewFeedback(area.id, 1, "Hùng"))
    assert (await db.feedback.get_by_code(decomposed.code)).body == "Hu\u0300ng"
    assert (await db.feedback.get_by_code(precomposed.code)).body == "H\u00f9ng"
    assert len((await db.feedback.get_by_code(decomposed.code)).body) == 5


def state_write(key: str, conversation: str, state: object | None) -> SessionWrite:
    sealed = None if state is None else f"ids of {conversation}".encode()
    return SessionWrite(key, sealed, name="intake", conversation_key=conversation, state=state)


async def test_conversation_states_save_load_delete(db: Storage) -> None:
    store = db.conversations
    await store.write([state_write("r1", "c1", 1)])
    await store.write([state_write("r1", "c1", 2), state_write("r2", "c2", 3)])
    await store.write([SessionWrite("r1", b"x", name="other", conversation_key="c1", state=9)])
    assert await store.load_states("intake") == [
        StoredState("c1", "r1", b"ids of c1", 2),
        StoredState("c2", "r2", b"ids of c2", 3),
    ]
    assert await store.load_states("other") == [StoredState("c1", "r1", b"x", 9)]
    await store.write([state_write("r1", "c1", None)])
    assert await store.load_states("intake") == [StoredState("c2", "r2", b"ids of c2", 3)]
    assert [s.state for s in await store.load_states("other")] == [9]
    assert await store.load_states("nobody") == []


async def test_an_expired_drafts_sealed_area_moves_to_its_notice(
    db: Storage, db_clock: ManualClock
) -> None:
    store = db.conversations
    await store.write([SessionWrite("idle", b"d", sealed_area=b"sealed kp3")])
    db_clock.advance(timedelta(hours=25))
    assert await store.expire_idle(db_clock() - timedelta(hours=24)) == ["idle"]
    assert await store.load_drafts() == []
    assert await db.residents.take_expiry_notice("idle") == ExpiryNotice(b"sealed kp3")
    assert await db.residents.take_expiry_notice("idle") is None


def test_names_sort_in_vietnamese_order_and_numbers_by_value() -> None:
    names = [
        "Khu phố 10",
        "Đông Hà",
        "Xóm Mới",
        "Ấp 12",
        "Khu phố 2",
        "Ấp 3",
        "Dương Lễ",
        "Bình An",
        "An Lạc",
        "Âu Cơ",
        "Ăn Ở",
        "Ha",
        "Hạ",
        "Há",
        "Hà",
        "Hả",
        "khu phố 1",
    ]
    assert sorted(names, key=name_key) == [
        "An Lạc", "Ăn Ở", "Ấp 3", "Ấp 12", "Âu Cơ", "Bình An", "Dương Lễ", "Đông Hà",
        # Marks on a letter count first; tones break ties: ngang, huyền, hỏi, sắc, nặng.
        "Ha", "Hà", "Hả", "Há", "Hạ",
        "khu phố 1", "Khu phố 2", "Khu phố 10", "Xóm Mới",
    ]  # fmt: skip
    # However a keyboard composed the letters.
    decomposed = unicodedata.normalize("NFD", "Đông Hà")
    assert name_key(decomposed)[:3] == name_key("Đông Hà")[:3]


async def test_areas_and_agencies_are_listed_in_that_order(db: Storage) -> None:
    for code, name in (
        ("kp10", "Khu phố 10"),
        ("dong", "Đông Hà"),
        ("kp2", "Khu phố 2"),
        ("ap", "Ấp 3"),
        ("xom", "Xóm Mới"),
        ("an", "An Lạc"),
    ):
        await db.areas.add(code, name)
    await db.areas.set_open("xom", False)
    expected = ["An Lạc", "Ấp 3", "Đông Hà", "Khu phố 2", "Khu phố 10", "Xóm Mới"]
    assert [a.name for a in await db.areas.list()] == expected
    assert [a.name for a in await db.areas.list(include_closed=False)] == expected[:-1]
    assert [s.area.name for s in await db.areas.summaries()] == expected
    for code, name in (
        ("ubnd", "UBND thị trấn"),
        ("dien", "Điện lực Cam Lộ"),
        ("cong-an", "Công an thị trấn"),
        ("cap-nuoc", "Cấp nước Quảng Trị"),
    ):
        await db.agencies.add(code, name)
    assert [a.name for a in await db.agencies.list()] == [
        "Cấp nước Quảng Trị",
        "Công an thị trấn",
        "Điện lực Cam Lộ",
        "UBND thị trấn",
    ]
