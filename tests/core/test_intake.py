"""The intake's decisions, asked of the core directly (issue 20): what a start opens, what a
draft takes and when counts are worth saying, idle drafts, the review's warnings, and what
sending answers. Storage is a real SQLite file in the test's folder."""

from __future__ import annotations

import unicodedata
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core import intake
from core.intake import Intake
from core.ports import IntakeStorage
from core.rules.draft import CHARS_NEAR_LIMIT, MAX_CHARS, MAX_PHOTOS, Draft
from core.rules.personal_data import PersonalData
from core.rules.ratelimit import SlidingWindowLimit
from storage import Area, Database, open_database


class Clock:
    """A clock the test moves, for the intake and the rate limit alike."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def seconds(self) -> float:
        return self.now.timestamp()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def database(tmp_path: Path, clock: Clock) -> AsyncIterator[Database]:
    async with open_database(tmp_path / "homthu.sqlite3", clock=clock) as db:
        await db.areas.add("kp3", "Khu phố 3")
        await db.areas.add("kp9", "Khu phố 9")
        await db.areas.set_open("kp9", False)
        yield db


def make_intake(storage: IntakeStorage, clock: Clock, per_hour: int = 10) -> Intake:
    return Intake(
        storage,
        feedback_limit=SlidingWindowLimit(per_hour, clock=clock.seconds),
        idle_limit=timedelta(hours=24),
        clock=clock,
    )


@pytest.fixture
def core(database: Database, clock: Clock) -> Intake:
    return make_intake(database, clock)


def draft_in(area: Area, topic_id: int | None = 8) -> Draft:
    draft = Draft(area.id, area.code, area.name, touched_at=0.0, topic_id=topic_id)
    draft.topic_name = "Hạ tầng" if topic_id else ""
    return draft


def test_the_bots_database_is_the_intakes_storage(database: Database) -> None:
    # Database fits the port by shape (mypy checks it where the bot passes context.db).
    storage: IntakeStorage = database
    assert storage.areas is database.areas


# --- Starting ------------------------------------------------------------------------------


async def test_a_start_names_what_it_opens_or_why_not(core: Intake, database: Database) -> None:
    assert await core.start(None) == intake.ChooseArea()
    assert await core.start("KP 3!") == intake.MalformedArea("KP 3!")
    assert await core.start("kp77") == intake.UnknownArea("kp77")
    assert await core.start("kp9") == intake.ClosedArea("Khu phố 9")
    started = await core.start("kp3")
    assert isinstance(started, intake.Started)
    assert (started.draft.area_code, started.draft.area_name) == ("kp3", "Khu phố 3")
    assert started.draft.is_empty
    assert started.draft.topic_id is None
    assert [topic.id for topic in started.topics] == [t.id for t in await core.topics()]
    assert [area.code for area in await core.open_areas()] == ["kp3"]


async def test_no_open_topic_means_nothing_can_be_written(
    core: Intake, database: Database
) -> None:
    for topic in await database.topics.list():
        await database.topics.set_open(topic.id, False)
    assert await core.start("kp3") == intake.NoOpenTopics()


async def test_a_topic_is_named_in_the_residents_language(
    core: Intake, database: Database
) -> None:
    draft = draft_in(await database.areas.get("kp3"), topic_id=None)
    assert await core.choose_topic(draft, None, "en") is None
    assert await core.choose_topic(draft, 9999, "en") is None
    assert draft.topic_id is None
    topic = await core.choose_topic(draft, 7, "en")
    assert topic is not None
    assert topic.name_en
    assert (draft.topic_id, draft.topic_name) == (7, topic.name_en)
    await core.choose_topic(draft, 7, "vi")
    assert draft.topic_name == topic.name_vi


async def test_moving_a_draft_keeps_what_was_written(core: Intake, database: Database) -> None:
    draft = draft_in(await database.areas.get("kp3"))
    core.add_text(draft, "Ngõ 5 ngập.")
    assert await core.open_area("kp9") is None  # closed
    other = await database.areas.add("kp4", "Khu phố 4")
    Intake.move(draft, other)
    assert (draft.area_id, draft.area_code, draft.body) == (other.id, "kp4", "Ngõ 5 ngập.")


# --- Writing -------------------------------------------------------------------------------


async def test_counts_are_said_only_near_the_limits(database: Database, core: Intake) -> None:
    draft = draft_in(await database.areas.get("kp3"))
    assert core.add_text(draft, "a" * 100) == intake.Accepted()
    near = MAX_CHARS - CHARS_NEAR_LIMIT - 102  # the separator counts too
    assert core.add_text(draft, "b" * near) == intake.Accepted(chars_left=CHARS_NEAR_LIMIT)
    for n in range(1, MAX_PHOTOS - 1):
        assert core.add_photo(draft, f"p{n}", None) == intake.Accepted()
    assert core.add_photo(draft, "p4", None) == intake.Accepted(photos_left=1)
    assert core.photo_room(draft) is None
    assert core.add_photo(draft, "p5", None) == intake.Accepted(photos_left=0)
    assert core.photo_room(draft) == intake.TooManyPhotos(MAX_PHOTOS)
    assert core.add_photo(draft, "p6", "chú thích") == intake.TooManyPhotos(MAX_PHOTOS)
    assert "chú thích" not in draft.body  # all or nothing


async def test_a_text_past_the_limit_is_refused_whole(database: Database, core: Intake) -> None:
    draft = draft_in(await database.areas.get("kp3"))
    core.add_text(draft, "a" * 3990)
    assert core.add_text(draft, "b" * 20) == intake.TooLong(MAX_CHARS, 3990, 20)
    assert draft.body == "a" * 3990
    # A caption too long for the draft keeps its photo out as well.
    assert core.add_photo(draft, "p1", "c" * 20) == intake.TooLong(MAX_CHARS, 3990, 20)
    assert draft.photos == []


async def test_a_second_location_replaces_the_first(database: Database, core: Intake) -> None:
    draft = draft_in(await database.areas.get("kp3"))
    assert core.set_location(draft, 10.0, 106.0) == intake.LocationKept(replaced=False)
    assert core.set_location(draft, 10.5, 106.5) == intake.LocationKept(replaced=True)
    assert draft.coordinates == (10.5, 106.5)


async def test_an_edit_changes_its_own_part_only(database: Database, core: Intake) -> None:
    draft = draft_in(await database.areas.get("kp3"))
    core.add_text(draft, "Đèn hỏng.", message_id=3)
    core.add_photo(draft, "photo-a", None, message_id=4)
    assert core.edit(draft, 3, "Đèn ngõ 5 hỏng.") == intake.PartEdited()
    assert core.edit(draft, 99, "khác") == intake.NotInDraft()
    # A photo of the draft given a caption later gains one; another photo does not.
    assert core.edit(draft, 4, "Ảnh cột đèn", "photo-a") == intake.PartEdited()
    assert core.edit(draft, 5, "Ảnh khác", "photo-b") == intake.NotInDraft()
    assert draft.parts == ["Đèn ngõ 5 hỏng.", "Ảnh cột đèn"]
    assert core.edit(draft, 3, "x" * MAX_CHARS) == intake.TooLong(MAX_CHARS, 13, MAX_CHARS)


# --- Idle drafts and what is asked before dropping one ---------------------------------


async def test_a_draft_untouched_past_the_limit_is_gone(
    database: Database, core: Intake, clock: Clock
) -> None:
    draft = core.new_draft(await database.areas.get("kp3"))
    assert core.live(draft) is draft
    assert not core.asks_before_dropping(draft)  # nothing written: nothing to lose
    core.set_location(draft, 10.0, 106.0)
    assert core.asks_before_dropping(draft)
    assert not core.asks_before_restart(draft)  # a location alone is let go by a new start
    core.add_text(draft, "Ngõ 5 ngập.")
    assert core.asks_before_restart(draft)
    clock.now += timedelta(hours=24, seconds=1)
    assert core.live(draft) is None
    assert not core.asks_before_dropping(draft)
    assert not core.asks_before_restart(draft)
    assert core.live(None) is None


# --- The review ----------------------------------------------------------------------------


async def test_the_review_warns_of_personal_data_and_complaints(
    database: Database, core: Intake
) -> None:
    draft = draft_in(await database.areas.get("kp3"))
    assert core.preview(draft) == intake.EmptyDraft()
    core.add_text(draft, "Đèn đường ngõ 5 hỏng.")
    review = core.preview(draft)
    assert isinstance(review, intake.Preview)
    assert not review.warns
    core.add_text(draft, "Email tôi: an@example.com, gọi 0912 345 678. Tôi muốn tố cáo.")
    review = core.preview(draft)
    assert isinstance(review, intake.Preview)
    assert review.personal_data == (PersonalData.PHONE, PersonalData.EMAIL)
    assert review.complaint
    assert review.warns


async def test_a_complaint_is_seen_in_a_draft_kept_undecomposed(database: Database) -> None:
    draft = draft_in(await database.areas.get("kp3"))
    # Kept by a version that did not compose texts: the marks sit apart from their letters.
    draft.parts = [unicodedata.normalize("NFD", "Tôi khiếu nại việc này.")]
    review = Intake.preview(draft)
    assert isinstance(review, intake.Preview)
    assert review.complaint


# --- Sending -------------------------------------------------------------------------------


async def test_a_send_from_an_earlier_review_stores_nothing(
    database: Database, core: Intake
) -> None:
    draft = draft_in(await database.areas.get("kp3"))
    core.add_text(draft, "Rác chưa thu gom.")
    assert await core.submit(draft, "resident-key", "another-token") == intake.NotCurrent()
    assert await core.sent_with("another-token") is None
    assert await core.sent_with("") is None
    sent = await core.submit(draft, "resident-key", draft.submission)
    assert isinstance(sent, intake.Sent)
    found = await core.sent_with(draft.submission)
    assert found is not None
    assert found.code == sent.code


async def test_sending_is_limited_per_resident_per_hour(database: Database, clock: Clock) -> None:
    core = make_intake(database, clock, per_hour=2)
    area = await database.areas.get("kp3")
    results = []
    for n in range(3):
        draft = draft_in(area)
        core.add_text(draft, f"Góp ý số {n}.")
        results.append(await core.submit(draft, "resident-a"))
    assert [type(r) for r in results] == [intake.Sent, intake.Sent, intake.RateLimited]
    assert results[2] == intake.RateLimited(2)
    # Another resident has their own count; and the hour passes.
    other = draft_in(area)
    core.add_text(other, "Góp ý khác.")
    assert isinstance(await core.submit(other, "resident-b"), intake.Sent)
    clock.now += timedelta(hours=1)
    again = draft_in(area)
    core.add_text(again, "Một giờ sau.")
    assert isinstance(await core.submit(again, "resident-a"), intake.Sent)


async def test_a_draft_without_a_topic_asks_for_one(database: Database, core: Intake) -> None:
    draft = draft_in(await database.areas.get("kp3"), topic_id=None)
    core.add_text(draft, "Ngõ 5 ngập.")
    assert await core.submit(draft, "resident-key") == intake.TopicNeeded()


async def test_an_area_or_topic_closed_meanwhile_clears_the_topic(
    database: Database, core: Intake
) -> None:
    area = await database.areas.get("kp3")
    draft = draft_in(area, topic_id=3)
    core.add_text(draft, "Trạm y tế đóng cửa sớm.")
    await database.topics.set_open(3, False)
    assert await core.submit(draft, "resident-key") == intake.TopicClosedMeanwhile()
    assert draft.topic_id is None
    draft.topic_id = 4
    await database.areas.set_open("kp3", False)
    assert await core.submit(draft, "resident-key") == intake.AreaClosedMeanwhile()
    assert draft.topic_id is None
    assert draft.body == "Trạm y tế đóng cửa sớm."  # nothing written is lost
