"""Agencies: the bodies a feedback is forwarded to, and what their groups said about it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.models.feedback import Feedback

# What an agency's group said: received the feedback, or dealt with it.
RECEIVED = "received"
DONE = "done"


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
class Forwarded:
    """A feedback forwarded: the feedback as it now stands, and the forward."""

    feedback: Feedback
    forward: Forward
    agency: Agency | None
