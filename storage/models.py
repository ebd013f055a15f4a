"""Plain data returned by storage. Nothing here identifies a resident."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from slugify import slugify

AREA_CODE_PATTERN = re.compile(r"[a-z0-9_-]{1,32}")
MAX_AREA_CODE_LENGTH = 32
MAX_NAME_LENGTH = 100


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
