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
    """A public answer shown to the resident, or a note for staff only."""

    REPLY = "reply"
    NOTE = "note"


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

    def name(self, language: str) -> str:
        """The topic's name in ``language``, Vietnamese when no translation exists."""
        return self.name_en if language == "en" and self.name_en else self.name_vi


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
    seal_reply_chat: Callable[[str], bytes] | None = None


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
    """A reply or internal note written by staff."""

    kind: ResponseKind
    body: str
    author: str
    created_at: datetime
    delivery: Delivery | None = None


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One step of a feedback's status history."""

    status: FeedbackStatus
    changed_by: str | None
    changed_at: datetime


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

    @property
    def public_replies(self) -> tuple[Response, ...]:
        """Replies the resident may read; internal notes are left out."""
        return tuple(r for r in self.responses if r.kind is ResponseKind.REPLY)


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
