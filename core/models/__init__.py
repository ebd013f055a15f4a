"""The product's plain data: what the core decides on and every storage backend returns.

Frozen values with no I/O; nothing here identifies a resident."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from slugify import slugify

AREA_CODE_PATTERN = re.compile(r"[a-z0-9_-]{1,32}")
MAX_AREA_CODE_LENGTH = 32
MAX_NAME_LENGTH = 100

# What an agency's group said: received the feedback, or dealt with it.
RECEIVED = "received"
DONE = "done"
# More chats than this asking for one feedback's answers is not a resident any more.
MOST_CHANNELS = 5
# The notice under a card when a resident is not satisfied with a resolution.
DISSATISFIED_NOTICE = "dissatisfied"

# A template is a standard answer, not an essay.
MAX_TEMPLATE_LENGTH = 1000
# A proposal nobody sent within this long is stale: its words were meant for that moment
# (or for a colleague), and «Gửi trả lời» on it is refused.
PROPOSAL_LIFETIME = timedelta(hours=48)

# The range SLA_DAYS and /topicsla take: a day at least, a year at most.
MOST_EXTENSION_DAYS = 365
# A reason is a line or two for the resident, not a letter.
MAX_EXTENSION_REASON = 500

# The roles of the prompts that ask staff for words (a reason, a result, a place, an agency).
PROMPT_ROLES = ("ask_reason", "ask_elsewhere", "ask_result", "ask_agency")

# Kinds of message queued by storage itself, with the change that causes them; the
# worker in bot/delivery/outbox.py has one sender for each.
NOTIFY_STAFF = "notify_staff"  # a new feedback's card, to the staff group
RESIDENT_REPLY = "resident_reply"  # an answer or question, to one reply channel
RESIDENT_STATUS = "resident_status"  # forwarded / resolved / rejected, to one channel
STAFF_PUBLISHED = "staff_published"  # a sent answer's window is over: say so in the group
STAFF_ADDITION = "staff_addition"  # what a resident added, under the card
STAFF_NOTICE = "staff_notice"  # a line for the group about a feedback, under its card
AGENCY_CARD = "agency_card"  # a forwarded feedback's card, to the agency's group


class FeedbackStatus(StrEnum):
    """Where a feedback is in the committee's workflow (SPEC §5)."""

    NEW = "new"
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    FORWARDED = "forwarded"
    RESOLVED = "resolved"
    REJECTED = "rejected"

    @property
    def is_closed(self) -> bool:
        """True when nothing more is expected to happen to the feedback."""
        return self in (FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED)


class ResponseKind(StrEnum):
    """A public answer, a question to the resident, or a note for staff only."""

    REPLY = "reply"
    NOTE = "note"
    QUESTION = "question"


class ProposalKind(StrEnum):
    """What a staff member's proposal would become once sent."""

    ANSWER = "answer"
    QUESTION = "question"


class ProposalState(StrEnum):
    """Where a proposal stands: waiting for a decision, or decided."""

    OPEN = "open"
    SENT = "sent"
    NOTED = "noted"
    DROPPED = "dropped"


class AdditionKind(StrEnum):
    """Why a resident wrote again about their feedback."""

    ADDITION = "addition"
    ANSWER = "answer"
    DISSATISFIED = "dissatisfied"


@dataclass(frozen=True, slots=True)
class Area:
    """A residential area with its own QR code."""

    id: int
    code: str
    name: str
    is_open: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AreaSummary:
    """An area with the number of feedbacks it has received."""

    area: Area
    feedback_count: int


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject a resident can write about."""

    id: int
    name_vi: str
    name_en: str
    is_open: bool
    # Working days allowed for feedback on this topic; None: SLA_DAYS.
    sla_days: int | None = None
    # What residents see (SPEC §3.1): an emoji and a short label; None: the full name.
    emoji: str = ""
    label_vi: str | None = None
    label_en: str | None = None
    # Where admins placed it among the topics (``Khác`` is shown last whatever it is).
    position: int = 0

    def name(self, language: str) -> str:
        """The topic's name in ``language``, Vietnamese when no translation exists."""
        return self.name_en if language == "en" and self.name_en else self.name_vi

    def label(self, language: str) -> str:
        """The topic as a resident's button shows it: emoji and short label in
        ``language`` (the full name where no short label was set)."""
        short = self.label_en if language == "en" else self.label_vi
        if language == "en" and not short:
            # An English reader gets the English name before a Vietnamese short label.
            short = self.name_en if self.name_en != self.name_vi else self.label_vi
        text = short or self.name(language)
        return f"{self.emoji} {text}" if self.emoji else text

    @property
    def is_other(self) -> bool:
        """The catch-all topic ("Khác" / "Other"), always offered last."""
        return self.name_vi.casefold() == "khác" or self.name_en.casefold() == "other"


@dataclass(frozen=True, slots=True)
class NewFeedback:
    """What a resident submits.

    ``submission`` is the random token of the draft: submitting it again finds the feedback
    stored the first time. ``seal_reply_chat``, given when the resident wants answers,
    seals their chat for the reference code the feedback receives (storage never sees it).
    """

    area_id: int
    topic_id: int
    body: str
    photo_file_ids: tuple[str, ...] = ()
    submission: str | None = None
    seal_reply_chat: Callable[[str], SealedChannel] | None = None
    location: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class SealedChannel:
    """A chat sealed for one feedback, and its keyed hash for that feedback alone."""

    chat_key: str
    sealed: bytes


@dataclass(frozen=True, slots=True)
class Submitted:
    """A feedback as stored, and whether this submission stored it (False: stored before)."""

    feedback: Feedback
    created: bool


class Delivery(StrEnum):
    """What became of delivering a public reply to the resident who asked for replies."""

    PENDING = "pending"
    DELIVERED = "delivered"
    BLOCKED = "blocked"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Response:
    """A reply, question or internal note written by staff.

    A reply or question is public (shown by /status, delivered) from ``published_at``,
    the end of its undo window, unless it was withdrawn before.
    """

    kind: ResponseKind
    body: str
    author: str
    created_at: datetime
    delivery: Delivery | None = None
    id: int = 0
    published_at: datetime | None = None
    withdrawn_at: datetime | None = None
    corrects: int | None = None
    source: str | None = None

    def is_public(self, now: datetime) -> bool:
        """True once the undo window is over, if it was not taken back."""
        return (
            self.kind is not ResponseKind.NOTE
            and self.withdrawn_at is None
            and self.published_at is not None
            and self.published_at <= now
        )


@dataclass(frozen=True, slots=True)
class Addition:
    """What the resident added after sending: text, or a photo with a caption."""

    id: int
    kind: AdditionKind
    body: str
    photo_file_id: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One step of a feedback's status history."""

    status: FeedbackStatus
    changed_by: str | None
    changed_at: datetime
    # «Không xử lý»: the reason; «Đã giải quyết»: the result the resident is given.
    reason: str | None = None
    # «Đã chuyển»: where to; «Không xử lý»: where the resident may go instead, if known.
    agency: str | None = None
    # The number of a preset reason (rejection_reason_<n>) or result (resolution_result_<n>)
    # whose words are ``reason``: residents read it in their own language. None: own words.
    reason_preset: int | None = None


@dataclass(frozen=True, slots=True)
class Feedback:
    """A stored feedback with everything staff may see."""

    id: int
    code: str
    area: Area
    topic: Topic
    body: str
    photo_file_ids: tuple[str, ...]
    status: FeedbackStatus
    created_at: datetime
    status_changed_at: datetime
    wants_replies: bool
    responses: tuple[Response, ...] = ()
    status_changed_by: str | None = None
    # When this was read: what counts as public depends on it.
    loaded_at: datetime | None = None
    due_at: datetime | None = None
    handler: str | None = None
    resolved_at: datetime | None = None
    location: tuple[float, float] | None = None
    # The reason of the last "not handled", and the agency of the last forwarding.
    reason: str | None = None
    agency: str | None = None
    # True satisfied, False not satisfied, None not rated.
    satisfied: bool | None = None
    additions: tuple[Addition, ...] = ()
    channels: int = 0
    # The number of the last "not handled" reason when it was a preset one (see
    # StatusChange): residents read that preset in their own language.
    reason_preset: int | None = None
    # Why the deadline was last extended («gia hạn»), None when it never was.
    extension_reason: str | None = None
    # Where the resident may take a feedback not within the committee's competence (the
    # last «Không xử lý»), when staff named it.
    elsewhere: str | None = None
    # The result of the last «Đã giải quyết», as staff gave it (None: none given), and its
    # preset number when it was one of the standard lines.
    result: str | None = None
    result_preset: int | None = None

    @property
    def public_replies(self) -> tuple[Response, ...]:
        """Answers and questions the resident may read, as of when this was read."""
        moment = self.loaded_at or self.created_at
        return tuple(r for r in self.responses if r.is_public(moment))

    def overdue(self, now: datetime) -> bool:
        """Past its deadline and not resolved or rejected."""
        return self.due_at is not None and not self.status.is_closed and now >= self.due_at


@dataclass(frozen=True, slots=True)
class FeedbackListing:
    """A feedback as a line of a staff list shows it (the open list, a search): what the
    list adds to these fields is in its own item type."""

    id: int
    code: str
    area: str
    topic: Topic
    status: FeedbackStatus
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """A status change as recorded, with the status it replaced."""

    feedback: Feedback
    previous: FeedbackStatus
    resident_told: bool


@dataclass(frozen=True, slots=True)
class Proposal:
    """Something a staff member wrote for the resident, waiting for a decision."""

    id: int
    feedback_id: int
    code: str
    kind: ProposalKind
    body: str
    author: str
    state: ProposalState
    created_at: datetime
    source: str | None = None
    corrects: int | None = None
    response_id: int | None = None
    prompt_chat_id: int | None = None
    prompt_message_id: int | None = None
    decided_by: str | None = None
    # Counts the changes of ``body``; a send names the version it was pressed on.
    version: int = 0


@dataclass(frozen=True, slots=True)
class Decision:
    """What became of a proposal: the response it made, and when that goes out."""

    proposal: Proposal
    feedback: Feedback
    response_id: int | None
    published_at: datetime | None
    # How many chats receive it (0: public only, read with /status).
    channels: int


@dataclass(frozen=True, slots=True)
class Agency:
    """A body feedback can be forwarded to, with its Telegram group if it has one."""

    id: int
    code: str
    name: str
    chat_id: int | None
    is_open: bool


@dataclass(frozen=True, slots=True)
class Forward:
    """A feedback forwarded to an agency."""

    id: int
    feedback_id: int
    agency_id: int | None
    agency_name: str
    forwarded_by: str
    forwarded_at: datetime
    received_at: datetime | None = None
    done_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A reply or note just stored, and whether it is on its way to the resident."""

    feedback: Feedback
    response_id: int
    kind: ResponseKind
    to_resident: bool


def validate_area_code(code: str) -> bool:
    """True when ``code`` may name an area (and be a Telegram start parameter)."""
    return AREA_CODE_PATTERN.fullmatch(code) is not None


def clean_name(name: str) -> str | None:
    """The name with surrounding and repeated white space removed, or None if not allowed."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > MAX_NAME_LENGTH:
        return None
    return cleaned


def area_code_from_name(name: str) -> str | None:
    """An area code made from the area's name ("Khu phố 3" → "khu-pho-3"), or None."""
    # save_order stops at the first word that no longer fits: skipping it and taking a
    # shorter word after it would make a code that reads like another area's name.
    code = slugify(name, max_length=MAX_AREA_CODE_LENGTH, word_boundary=True, save_order=True)
    return code if validate_area_code(code) else None


@dataclass(frozen=True, slots=True)
class Forwarded:
    """A feedback forwarded: the feedback as it now stands, and the forward."""

    feedback: Feedback
    forward: Forward
    agency: Agency | None


@dataclass(frozen=True, slots=True)
class StoredDraft:
    """A resident's draft as stored: opaque to storage."""

    resident_key: str
    sealed: bytes


@dataclass(frozen=True, slots=True)
class StoredState:
    """An open conversation as stored: its state, and its sealed key."""

    conversation_key: str
    resident_key: str
    sealed_key: bytes
    state: object


@dataclass(frozen=True, slots=True)
class LegacyRows:
    """Rows written by versions before 0005, keyed by plain ids, waiting to be moved."""

    states: list[tuple[str, int, int, object]]  # name, chat id, user id, state
    drafts: list[tuple[int, dict[str, object]]]  # user id, draft data


@dataclass(frozen=True, slots=True)
class SessionWrite:
    """One change to a resident's session, as the persistence flush hands it over.

    ``sealed`` None deletes the row.
    """

    resident_key: str
    sealed: bytes | None
    # For a draft: its area sealed on its own, kept when an idle draft is discarded.
    sealed_area: bytes | None = None
    # For a conversation state: its name and key; None for a draft.
    name: str | None = None
    conversation_key: str | None = None
    state: object | None = None


class Choice(StrEnum):
    """What staff decide about a proposal."""

    SEND = "send"
    NOTE = "note"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class EarlierAnswer:
    """An answer sent for the feedback after the proposal was written, and when it went
    (or goes) out."""

    body: str
    sent_by: str
    sent_at: datetime


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """An answer taken back within its window."""

    proposal: Proposal
    feedback: Feedback
    # Corrections of the answer, proposed or sent within their window: gone with it.
    corrections: tuple[Proposal, ...] = ()


@dataclass(frozen=True, slots=True)
class Rated:
    """A rating stored; ``reopened`` when "not satisfied" sent the feedback back to work."""

    feedback: Feedback
    reopened: bool


@dataclass(frozen=True, slots=True)
class StoredAddition:
    """What a resident added, as staff are shown it."""

    code: str
    kind: AdditionKind
    body: str
    photos: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnswerTemplate:
    """A standard answer admins keep."""

    number: int
    body: str


@dataclass(frozen=True, slots=True)
class Extension:
    """One extension of a feedback's deadline, as staff see it."""

    days: int
    reason: str
    extended_by: str
    extended_at: datetime
    previous_due_at: datetime | None
    due_at: datetime


@dataclass(frozen=True, slots=True)
class BotGroup:
    """A group the bot was added to (or removed from)."""

    chat_id: int
    title: str
    type: str
    # The bot's membership as Telegram last reported it: member, administrator, left...
    status: str
    # Whether one of ADMIN_IDS added the bot (as far as the bot saw it happen).
    added_by_admin: bool


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """One message waiting for delivery."""

    id: int
    kind: str
    feedback_id: int | None
    payload: dict[str, Any]
    attempts: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Undelivered:
    """A message Telegram refused: for good (``failed``), or waiting to be tried again."""

    message: OutboxMessage
    error: str
    failed: bool
    code: str | None


@dataclass(frozen=True, slots=True)
class GroupMessage:
    """How a message delivered to a group is remembered: replies to it are about its
    feedback, and ``role`` / ``ref_id`` say what it shows."""

    chat_id: int
    role: str
    ref_id: int | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A message to queue once another one is delivered."""

    kind: str
    payload: dict[str, Any]


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
class OpenFilter:
    """Which unresolved feedback /open lists: all, one area's, the overdue, or one
    officer's (``handler_key``, the keyed hash of the officer's Telegram account;
    ``handler``, the name recorded when they took it on, for rows from before the keys)."""

    area_id: int | None = None
    overdue: bool = False
    handler: str | None = None
    handler_key: str | None = None


@dataclass(frozen=True, slots=True)
class OpenCursor:
    """Where a page of the backlog ended: the next page starts after this feedback."""

    created_at: datetime
    id: int


@dataclass(frozen=True, slots=True)
class OpenItem(FeedbackListing):
    """An unresolved feedback as the open list shows it.

    ``excerpt`` is the start of its text, cut at a word (with "…" when cut).
    ``working_days_late`` is None unless it is overdue: then how many working days have
    passed since its due date (0 on the first days off after it).
    """

    due_at: datetime | None
    handler: str | None
    excerpt: str
    working_days_late: int | None

    @property
    def cursor(self) -> OpenCursor:
        """Where a page that ends with this feedback ends."""
        return OpenCursor(self.created_at, self.id)


@dataclass(frozen=True, slots=True)
class OpenPage:
    """A page of the backlog, oldest first; ``total`` counts the whole of the filter, and
    ``next`` is where the next page starts (None: this is the last)."""

    items: tuple[OpenItem, ...]
    total: int
    next: OpenCursor | None


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


@dataclass(frozen=True, slots=True)
class ExpiryNotice:
    """A draft was discarded for idleness: the area it was for, sealed by the bot (None
    when it was written before the area was kept)."""

    sealed_area: bytes | None


@dataclass(frozen=True, slots=True)
class SearchWords:
    """The words of a search as staff typed them, and how many past ``MAX_WORDS`` were
    left out."""

    words: tuple[str, ...]
    left_out: int


@dataclass(frozen=True, slots=True)
class FoundItem(FeedbackListing):
    """A feedback that matched, and the matching text it is shown by.

    ``found_in`` says whose text matched: ``feedback`` (the resident's), ``reply``,
    ``question`` or ``note`` (staff's), or ``addition`` (the resident's, later).
    ``snippet`` is that text around the match as pieces, each with whether it is a matched
    word, so that the reader can mark them in its own way.
    """

    found_in: str
    snippet: tuple[tuple[str, bool], ...]


@dataclass(frozen=True, slots=True)
class FoundPage:
    """One page of a search, newest feedback first.

    ``total`` is how many feedbacks match, counted up to ``COUNT_LIMIT``; ``total_is_exact``
    is False when there are more than that.
    """

    words: SearchWords
    items: tuple[FoundItem, ...]
    total: int
    total_is_exact: bool
    offset: int
