"""Counts and reports: /stats, the digest, the export and /report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from core.models.feedback import FeedbackStatus
from core.models.places import Topic


@dataclass(frozen=True, slots=True)
class AreaCount:
    """How many feedbacks came from one area."""

    code: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class TopicCount:
    """How many feedbacks are about one topic."""

    topic: Topic
    count: int


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many feedbacks are in one status now."""

    status: FeedbackStatus
    count: int


@dataclass(frozen=True, slots=True)
class Outcomes:
    """How the feedback of a period turned out: how many are resolved, how many of those
    by their due date, and how residents rated them (one rating per feedback at most)."""

    resolved: int
    on_time: int
    ratings: int
    satisfied: int

    @property
    def on_time_rate(self) -> float | None:
        """Resolved on time ÷ resolved, from 0 to 1; None when none is resolved."""
        return self.on_time / self.resolved if self.resolved else None

    @property
    def satisfaction_rate(self) -> float | None:
        """Satisfied ratings ÷ ratings, from 0 to 1; None when nobody rated."""
        return self.satisfied / self.ratings if self.ratings else None


@dataclass(frozen=True, slots=True)
class Counts:
    """Feedback created from ``since`` to ``until``, by area, topic and current status, and
    how it turned out.

    Areas and topics are most frequent first; every status is listed, in workflow order.
    """

    since: datetime
    until: datetime
    total: int
    by_area: tuple[AreaCount, ...]
    by_topic: tuple[TopicCount, ...]
    by_status: tuple[StatusCount, ...]
    outcomes: Outcomes


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """What a digest reports: the period's new feedback and ratings, and the backlog at its
    end: unresolved, overdue, and due within ``DUE_SOON_WORKING_DAYS`` working days.

    ``since`` is None for the first digest ever, which covers everything until ``until``.
    ``overdue`` and ``due_soon`` hold codes, most urgent first (at most the limit asked
    for); ``overdue_total`` and ``due_soon_total`` how many there are. ``due_soon_day`` is
    the last day "due soon" reaches. ``dissatisfied`` holds the codes of the period's "not
    satisfied" ratings (at most the limit), ``dissatisfied_total`` their number.
    """

    since: datetime | None
    until: datetime
    new: int
    by_area: tuple[AreaCount, ...]
    by_topic: tuple[TopicCount, ...]
    unresolved: int
    overdue: tuple[str, ...]
    overdue_total: int
    due_soon: tuple[str, ...]
    due_soon_total: int
    due_soon_day: date
    satisfied_total: int
    dissatisfied: tuple[str, ...]
    dissatisfied_total: int


@dataclass(frozen=True, slots=True)
class ExportText:
    """A public answer, an internal note or a resident's addition, as the export lists it.

    ``at`` is when it became public (an answer) or was written; ``author`` the officer (an
    answer or a note; None for a resident); ``photo`` True for an addition with a photo.
    """

    at: datetime
    body: str
    author: str | None = None
    photo: bool = False


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One feedback as the export writes it; the columns are the whole of it.

    ``reply_count`` counts the public answers (those in ``answers``); ``overdue`` is as of
    the start of the export; ``agency`` is where it was last forwarded; ``satisfied`` is
    its rating (None: not rated); ``location`` the latitude and longitude of the matter.
    """

    code: str
    area: str
    topic: Topic
    status: FeedbackStatus
    created_at: datetime
    status_changed_at: datetime
    body: str
    reply_count: int
    due_at: datetime | None = None
    resolved_at: datetime | None = None
    overdue: bool = False
    handler: str | None = None
    agency: str | None = None
    answers: tuple[ExportText, ...] = ()
    notes: tuple[ExportText, ...] = ()
    additions: tuple[ExportText, ...] = ()
    satisfied: bool | None = None
    location: tuple[float, float] | None = None
    # Why the deadline was last extended, when it was.
    extension_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Tally:
    """Feedback received in a period, by where it stands now: resolved (``on_time`` of
    them by their due date), not handled, or open (``overdue`` of them past it now).
    ``resolved + rejected + open == received``."""

    received: int = 0
    resolved: int = 0
    on_time: int = 0
    rejected: int = 0
    open: int = 0
    overdue: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.received + other.received,
            self.resolved + other.resolved,
            self.on_time + other.on_time,
            self.rejected + other.rejected,
            self.open + other.open,
            self.overdue + other.overdue,
        )


@dataclass(frozen=True, slots=True)
class TopicTally:
    """One topic's line of the report."""

    topic: Topic
    tally: Tally


@dataclass(frozen=True, slots=True)
class AreaTally:
    """One area's line of the report."""

    code: str
    name: str
    tally: Tally


@dataclass(frozen=True, slots=True)
class ForwardedItem:
    """A feedback of the period forwarded to an agency: the last agency it went to, when,
    and its status now. ``agency`` is None for a feedback marked forwarded, before 0007,
    without naming one."""

    code: str
    area: str
    topic: Topic
    agency: str | None
    forwarded_at: datetime
    status: FeedbackStatus


@dataclass(frozen=True, slots=True)
class OverdueItem:
    """A feedback past its due date and not resolved or rejected at the end of a period:
    its last day allowed, how many working days after it the period ended, and when it
    was received (in the period, so also in the tables' «Quá hạn», or before it)."""

    code: str
    area: str
    topic: Topic
    due_at: datetime
    due_day: date
    working_days_late: int
    handler: str | None
    received_at: datetime


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What /report says of the feedback received in ``[start, end)``, as it stood at the
    end of the period (or at ``made_at`` if that came first): totals, rates, lines by topic
    and by area, the forwarded feedback, and the feedback overdue at the end of the period
    (received in it or before).

    Topics are in the committee's order, areas by name; forwarded feedback by date, overdue
    feedback the longest overdue first.
    """

    start: datetime
    end: datetime
    made_at: datetime
    totals: Tally
    ratings: int
    satisfied: int
    by_topic: tuple[TopicTally, ...]
    by_area: tuple[AreaTally, ...]
    forwarded: tuple[ForwardedItem, ...]
    overdue: tuple[OverdueItem, ...]

    @property
    def on_time_basis(self) -> int:
        """The feedback the on-time rate is computed over: those received in the period
        whose result was due by its end, that is resolved, or unresolved past their deadline
        (an unresolved one not yet due, or one not handled, is neither on time nor late)."""
        return self.totals.resolved + self.totals.overdue

    @property
    def on_time_rate(self) -> float | None:
        """Resolved by the due date ÷ ``on_time_basis``; None when that is none."""
        basis = self.on_time_basis
        return self.totals.on_time / basis if basis else None

    @property
    def satisfaction_rate(self) -> float | None:
        """Satisfied ratings ÷ ratings; None when nobody rated."""
        return self.satisfied / self.ratings if self.ratings else None
