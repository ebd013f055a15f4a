"""A feedback: what a resident submits, how it is stored, answered and rated, its status
history, additions and deadline extensions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from core.models.places import Area, Topic

# More chats than this asking for one feedback's answers is not a resident any more.
MOST_CHANNELS = 5
# The notice under a card when a resident is not satisfied with a resolution.
DISSATISFIED_NOTICE = "dissatisfied"

# The range SLA_DAYS and /topicsla take: a day at least, a year at most.
MOST_EXTENSION_DAYS = 365
# A reason is a line or two for the resident, not a letter.
MAX_EXTENSION_REASON = 500


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


class AdditionKind(StrEnum):
    """Why a resident wrote again about their feedback."""

    ADDITION = "addition"
    ANSWER = "answer"
    DISSATISFIED = "dissatisfied"


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
class StoredResponse:
    """A reply or note just stored, and whether it is on its way to the resident."""

    feedback: Feedback
    response_id: int
    kind: ResponseKind
    to_resident: bool


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
class Extension:
    """One extension of a feedback's deadline, as staff see it."""

    days: int
    reason: str
    extended_by: str
    extended_at: datetime
    previous_due_at: datetime | None
    due_at: datetime
