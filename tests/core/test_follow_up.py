"""The follow-up's decisions, asked of the core directly (issue 20): what each ask of a code
is counted against, reply channels, ratings, and additions. Storage is a real SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core import follow_up
from core.follow_up import Ask, FollowUp, addition_room, edit_fits
from core.intake import Intake, Sent
from core.models import AdditionKind, SealedChannel
from core.ports import FollowUpStorage
from core.rules.codes import normalize_reference_code
from core.rules.draft import MAX_CHARS, MAX_PHOTOS
from core.rules.ratelimit import SlidingWindowLimit
from storage import MOST_CHANNELS, Database, Feedback, FeedbackStatus, open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def limit(per_hour: int) -> SlidingWindowLimit:
    return SlidingWindowLimit(per_hour, clock=NOW.timestamp)


def make_follow_up(storage: FollowUpStorage, per_hour: int = 10) -> FollowUp:
    return FollowUp(
        storage,
        status_limit=limit(per_hour),
        rating_limit=limit(per_hour),
        channel_limit=limit(per_hour),
        addition_limit=limit(per_hour),
    )


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    async with open_database(tmp_path / "homthu.sqlite3", clock=lambda: NOW) as db:
        await db.areas.add("kp3", "Khu phố 3")
        yield db


@pytest.fixture
async def feedback(database: Database) -> Feedback:
    intake = Intake(
        database, feedback_limit=limit(10), idle_limit=timedelta(hours=24), clock=lambda: NOW
    )
    draft = intake.new_draft(await database.areas.get("kp3"))
    await intake.choose_topic(draft, 8, "vi")
    intake.add_text(draft, "Cống ngõ 7 tắc.")
    sent = await intake.submit(draft, "resident-key")
    assert isinstance(sent, Sent)
    return sent.feedback


def test_a_code_is_read_as_a_person_types_it() -> None:
    assert normalize_reference_code("not a code") is None
    typed = normalize_reference_code("gy 3k7m 9x2p")
    assert typed is not None
    assert normalize_reference_code(typed) == typed


async def test_a_status_is_counted_per_resident_and_not_where_none_is_known(
    database: Database, feedback: Feedback
) -> None:
    core = make_follow_up(database, per_hour=2)
    assert await core.status(feedback.code, "a") == follow_up.Found(feedback)
    assert await core.status("GY-00000000", "a") == follow_up.NotFound("GY-00000000")
    assert await core.status(feedback.code, "a") == follow_up.RateLimited(Ask.STATUS, 2)
    assert await core.status(feedback.code, None) == follow_up.Found(feedback)
    assert await core.status(feedback.code, "b", known=feedback) == follow_up.Found(feedback)


async def test_a_press_on_a_forged_code_costs_the_presser(
    database: Database, feedback: Feedback
) -> None:
    core = make_follow_up(database, per_hour=1)
    assert await core.press(Ask.RATE, "GY-00000000", "a") == follow_up.NotFound("GY-00000000")
    assert await core.press(Ask.RATE, feedback.code, "a") == follow_up.RateLimited(Ask.RATE, 1)
    # Each ask has its own count; the status is counted when shown, not when pressed.
    assert await core.press(Ask.RECEIVE, feedback.code, "a") == follow_up.Found(feedback)
    for _ in range(3):
        assert await core.press(Ask.STATUS, feedback.code, "a") == follow_up.Found(feedback)
    # Stopping answers and asking to add count as look-ups.
    assert await core.press(Ask.STOP_RECEIVING, feedback.code, "a") == follow_up.Found(feedback)
    refused = await core.press(Ask.ADD, feedback.code, "a")
    assert refused == follow_up.RateLimited(Ask.ADD, 1)


async def test_answers_go_to_a_chat_until_it_stops_them(
    database: Database, feedback: Feedback
) -> None:
    core = make_follow_up(database)
    channel = SealedChannel("chat-key-1", b"sealed elsewhere")
    assert not await core.receives_answers(feedback, "chat-key-1")
    assert await core.attach_channel(feedback, channel, sender=False) == (
        follow_up.ChannelAttached(added=True)
    )
    assert await core.attach_channel(feedback, channel, sender=False) == (
        follow_up.ChannelAttached(added=False)
    )
    assert await core.receives_answers(feedback, "chat-key-1")
    assert await core.stop_channel(feedback, "chat-key-1")
    assert not await core.stop_channel(feedback, "chat-key-1")
    assert not await core.receives_answers(feedback, "chat-key-1")


async def test_the_sender_gets_answers_however_many_others_asked(
    database: Database, feedback: Feedback
) -> None:
    core = make_follow_up(database)
    for n in range(MOST_CHANNELS):
        channel = SealedChannel(f"other-{n}", b"sealed")
        attached = await core.attach_channel(feedback, channel, sender=False)
        assert attached == follow_up.ChannelAttached(added=True)
    extra = SealedChannel("one-too-many", b"sealed")
    assert await core.attach_channel(feedback, extra, sender=False) == follow_up.ChannelsFull()
    sender = SealedChannel("the-sender", b"sealed")
    assert await core.attach_channel(feedback, sender, sender=True) == (
        follow_up.ChannelAttached(added=True)
    )


async def test_only_a_resolved_feedback_is_rated_and_not_satisfied_reopens_it(
    database: Database, feedback: Feedback
) -> None:
    core = make_follow_up(database)
    assert await core.rate(feedback, satisfied=True) == follow_up.NotResolvedYet()
    await database.feedback.set_status(feedback.id, FeedbackStatus.RESOLVED, "officer-key")
    kept = await core.rate(feedback, satisfied=True)
    assert isinstance(kept, follow_up.RatingKept)
    assert not kept.reopened
    assert kept.feedback.satisfied is True
    kept = await core.rate(feedback, satisfied=False)
    assert isinstance(kept, follow_up.RatingKept)
    assert kept.reopened
    assert kept.feedback.status is FeedbackStatus.IN_PROGRESS


async def test_an_addition_is_sent_once_and_counted(
    database: Database, feedback: Feedback
) -> None:
    core = make_follow_up(database, per_hour=2)
    nothing = await core.send_addition("a", feedback.code, AdditionKind.ADDITION, [""], [], "t0")
    assert nothing == follow_up.NothingToSend()
    missing = await core.send_addition("a", "GY-00000000", AdditionKind.ADDITION, ["x"], [], "t1")
    assert missing == follow_up.NotFound("GY-00000000")
    texts, photos = ["Đã tắc ba ngày.", "", "Nước tràn ra đường."], ["photo-1"]
    sent = await core.send_addition("a", feedback.code, AdditionKind.ADDITION, texts, photos, "t2")
    assert isinstance(sent, follow_up.AdditionSent)
    (addition,) = sent.feedback.additions
    assert addition.body == "Đã tắc ba ngày.\nNước tràn ra đường."
    again = await core.send_addition(
        "b", feedback.code, AdditionKind.ADDITION, texts, photos, "t2"
    )
    assert isinstance(again, follow_up.AdditionSent)
    assert len(again.feedback.additions) == 1  # the same token: stored once
    refused = await core.send_addition("a", feedback.code, AdditionKind.ADDITION, ["y"], [], "t3")
    assert refused == follow_up.RateLimited(Ask.SEND_ADDITION, 2)


def test_what_an_addition_holds_at_most() -> None:
    texts = ["a" * (MAX_CHARS - 10)]
    assert addition_room(texts, [], "b" * 10, photo=False) is None
    assert addition_room(texts, [], "b" * 11, photo=False) == follow_up.AdditionTooLong(MAX_CHARS)
    photos = [f"p{n}" for n in range(MAX_PHOTOS)]
    assert addition_room([], photos, "", photo=False) is None
    assert addition_room([], photos, "", photo=True) == follow_up.AdditionPhotosFull(MAX_PHOTOS)
    assert follow_up.addition_full(photos)
    assert edit_fits(texts, 0, "c" * MAX_CHARS)
    assert not edit_fits(texts, None, "c" * 11)
