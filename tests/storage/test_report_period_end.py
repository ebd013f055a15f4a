"""The report counts every section as things stood at the end of its period (issue 19,
item 21): what happened after the last day (a feedback resolved, reopened, rejected,
forwarded or rated in the next month) does not change the report of the month before, and
the on-time rate says what it is computed over."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.models import SealedChannel
from storage import (
    FeedbackStatus,
    NewFeedback,
    Storage,
    Tally,
)
from tests.storage.conftest import OpenStorage

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


# November 2026 as /report 2026-11 takes it, made on 10 December.
NOV_START = datetime(2026, 11, 1, tzinfo=ZONE).astimezone(UTC)


NOV_END = datetime(2026, 12, 1, tzinfo=ZONE).astimezone(UTC)


MADE = datetime(2026, 12, 10, 2, tzinfo=UTC)


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = NOV_START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def november(open_storage: OpenStorage) -> AsyncIterator[tuple[Storage, dict[str, int]]]:
    """Five feedbacks received in November whose fate changed in December."""
    clock = Clock()
    async with open_storage(clock=clock, name="november") as db:
        area = await db.areas.add("kp3", "Khu phố 3")
        ids: dict[str, int] = {}

        async def receive(name: str, day: int) -> int:
            clock.now = datetime(2026, 11, day, 9, tzinfo=ZONE).astimezone(UTC)
            seal = lambda _: SealedChannel("k", b"x")  # noqa: E731
            stored = await db.feedback.submit(NewFeedback(area.id, 2, name, seal_reply_chat=seal))
            ids[name] = stored.feedback.id
            return stored.feedback.id

        async def at(month: int, day: int) -> None:
            clock.now = datetime(2026, month, day, 10, tzinfo=ZONE).astimezone(UTC)

        # On time in November, and still resolved.
        kept = await receive("kept", 2)
        await at(11, 3)
        await db.feedback.set_status(kept, FeedbackStatus.RESOLVED, "Hoa")
        # Resolved only in December: open (and overdue) at the end of November.
        late = await receive("late", 3)
        await at(12, 2)
        await db.feedback.set_status(late, FeedbackStatus.RESOLVED, "Hoa")
        # Resolved on time in November, reopened by the resident in December.
        reopened = await receive("reopened", 4)
        await at(11, 5)
        await db.feedback.set_status(reopened, FeedbackStatus.RESOLVED, "Hoa")
        await at(12, 3)
        await db.dialogue.rate(reopened, satisfied=False)
        # Not handled only in December: open (and overdue) at the end of November.
        rejected = await receive("rejected", 5)
        await at(12, 4)
        await db.feedback.set_status(rejected, FeedbackStatus.REJECTED, "Hoa", reason="x")
        # Forwarded only in December: not in November's forwarded list.
        forwarded = await receive("forwarded", 27)
        await at(12, 5)
        await db.agencies.forward(
            forwarded, "Hoa", name="Điện lực Cam Lộ", notice_delay=timedelta(0)
        )
        clock.now = MADE
        yield db, ids


async def test_every_section_counts_as_things_stood_at_the_end_of_the_period(
    november: tuple[Storage, dict[str, int]],
) -> None:
    db, _ = november
    facts = await db.reports.report_facts(NOV_START, NOV_END)

    # Resolved by 30 November: «kept» and «reopened», both on time; «late», «rejected»
    # and «forwarded» were open then, the first two past their deadline.
    assert facts.totals == Tally(received=5, resolved=2, on_time=2, rejected=0, open=3, overdue=2)
    assert [t.tally for t in facts.by_topic] == [facts.totals]
    assert [a.tally for a in facts.by_area] == [facts.totals]
    assert facts.forwarded == ()
    assert sorted(item.code for item in facts.overdue) == sorted(
        [
            (await db.feedback.get(i)).code
            for i in (_id(november, "late"), _id(november, "rejected"))
        ]
    )
    # The December rating of «reopened» is not November's.
    assert (facts.ratings, facts.satisfied) == (0, 0)
    # On time over those whose result was due: resolved, or past their deadline unresolved.
    assert facts.on_time_basis == 4
    assert facts.on_time_rate == 2 / 4


async def test_a_report_of_the_current_month_counts_as_of_now(
    november: tuple[Storage, dict[str, int]],
) -> None:
    db, _ = november
    december_start = NOV_END
    facts = await db.reports.report_facts(december_start, MADE + timedelta(days=30))
    assert facts.totals == Tally()
    # The forward made in December is December's, for a feedback received in November: it
    # is not in a report of feedback received in December.
    assert facts.forwarded == ()


def _id(november: tuple[Storage, dict[str, int]], name: str) -> int:
    return november[1][name]


# The third quarter of 2026 as /report q3 takes it, made on 20 October.
Q3_START = datetime(2026, 7, 1, tzinfo=ZONE).astimezone(UTC)


Q3_END = datetime(2026, 10, 1, tzinfo=ZONE).astimezone(UTC)


Q3_MADE = datetime(2026, 10, 20, 2, tzinfo=UTC)


@dataclass
class Quarter:
    """Feedback received in the third quarter whose deadlines were extended, and the
    deadlines they had at its end."""

    db: Storage
    codes: dict[str, str]
    due_then: dict[str, datetime]


@pytest.fixture
async def third_quarter(open_storage: OpenStorage) -> AsyncIterator[Quarter]:
    clock = Clock()
    async with open_storage(clock=clock, name="q3") as db:
        area = await db.areas.add("kp3", "Khu phố 3")
        quarter = Quarter(db, {}, {})

        async def at(month: int, day: int) -> None:
            clock.now = datetime(2026, month, day, 10, tzinfo=ZONE).astimezone(UTC)

        async def receive(name: str, day: int) -> int:
            clock.now = datetime(2026, 9, day, 9, tzinfo=ZONE).astimezone(UTC)
            seal = lambda _: SealedChannel("k", b"x")  # noqa: E731
            stored = await db.feedback.submit(NewFeedback(area.id, 2, name, seal_reply_chat=seal))
            quarter.codes[name] = stored.feedback.code
            assert stored.feedback.due_at is not None
            quarter.due_then[name] = stored.feedback.due_at
            return stored.feedback.id

        async def extend(feedback_id: int, days: int) -> datetime:
            feedback = await db.extensions.extend(feedback_id, days, "Chờ khảo sát", "Hoa")
            assert feedback.due_at is not None
            return feedback.due_at

        # Overdue on 30 September, extended in October and resolved by its new deadline.
        after = await receive("after", 14)
        await at(10, 5)
        assert await extend(after, 10) > Q3_END
        await at(10, 7)
        await db.feedback.set_status(after, FeedbackStatus.RESOLVED, "Hoa")
        # Extended in September past the end of the quarter: not due at its end.
        inside = await receive("inside", 10)
        await at(9, 18)
        quarter.due_then["inside"] = await extend(inside, 15)
        assert quarter.due_then["inside"] > Q3_END
        # Extended in September, overdue all the same on the 30th, then twice in October:
        # its deadline then is the one September's extension gave.
        twice = await receive("twice", 3)
        await at(9, 11)
        quarter.due_then["twice"] = await extend(twice, 3)
        assert quarter.due_then["twice"] < Q3_END
        await at(10, 2)
        await extend(twice, 5)
        await at(10, 6)
        await extend(twice, 5)
        # Resolved late in September; reopened by the resident, extended and resolved
        # again in October by the new deadline: late in the third quarter.
        reopened = await receive("reopened", 7)
        await at(9, 25)
        assert clock.now > quarter.due_then["reopened"]
        await db.feedback.set_status(reopened, FeedbackStatus.RESOLVED, "Hoa")
        await at(10, 2)
        await db.dialogue.rate(reopened, satisfied=False)
        await at(10, 3)
        await extend(reopened, 5)
        await at(10, 5)
        await db.feedback.set_status(reopened, FeedbackStatus.RESOLVED, "Hoa")
        clock.now = Q3_MADE
        yield quarter


async def test_a_past_period_reads_each_deadline_as_it_stood_at_its_end(
    third_quarter: Quarter,
) -> None:
    quarter = third_quarter
    facts = await quarter.db.reports.report_facts(Q3_START, Q3_END)

    # «reopened» was resolved after its deadline of then; «after» and «twice» were open
    # past theirs on 30 September; «inside» was open and not yet due.
    assert facts.totals == Tally(received=4, resolved=1, on_time=0, rejected=0, open=3, overdue=2)
    assert [t.tally for t in facts.by_topic] == [facts.totals]
    assert [a.tally for a in facts.by_area] == [facts.totals]
    assert facts.on_time_basis == 3
    assert facts.on_time_rate == 0
    # Section V lists them with the deadline they had then, late from it.
    overdue = {item.code: item for item in facts.overdue}
    assert set(overdue) == {quarter.codes["after"], quarter.codes["twice"]}
    deadlines = quarter.db.deadlines
    calendar = deadlines.calendar
    last_day = date(2026, 9, 30)
    for name in ("after", "twice"):
        item = overdue[quarter.codes[name]]
        assert item.due_at == quarter.due_then[name]
        assert item.due_day == deadlines.due_day(quarter.due_then[name])
        assert item.working_days_late == calendar.working_days_between(item.due_day, last_day)


async def test_stats_and_the_digest_count_as_of_now_with_the_deadlines_of_now(
    third_quarter: Quarter,
) -> None:
    """/stats and the digest count until now, never at a past instant: the deadline each
    feedback has now is the one of their moment, and they agree with a report made now."""
    quarter = third_quarter
    db = quarter.db
    now = db.clock()
    stats = await db.reports.count_by(Q3_START)
    report = await db.reports.report_facts(Q3_START, now + timedelta(days=1))
    # «after» and «reopened» were resolved in October by their extended deadlines.
    assert (stats.outcomes.resolved, stats.outcomes.on_time) == (2, 2)
    assert (report.totals.resolved, report.totals.on_time) == (2, 2)
    # On 20 October «inside» (due 12 October) and «twice» (due 16 October, after its
    # October extensions) are past the deadlines they have now.
    digest = await db.reports.new_since(Q3_END, now)
    codes = {quarter.codes["inside"], quarter.codes["twice"]}
    assert set(digest.overdue) == codes
    assert {item.code for item in report.overdue} == codes
    for code in codes:
        feedback = await db.feedback.get_by_code(code)
        assert feedback.due_at is not None
        assert feedback.due_at <= now
