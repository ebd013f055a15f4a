"""Messages on their way to Telegram: the outbox, what became of a delivery, and the groups
the bot sits in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

# Kinds of message queued by storage itself, with the change that causes them; the
# worker in bot/delivery/outbox.py has one sender for each.
NOTIFY_STAFF = "notify_staff"  # a new feedback's card, to the staff group
RESIDENT_REPLY = "resident_reply"  # an answer or question, to one reply channel
RESIDENT_STATUS = "resident_status"  # forwarded / resolved / rejected, to one channel
STAFF_PUBLISHED = "staff_published"  # a sent answer's window is over: say so in the group
STAFF_ADDITION = "staff_addition"  # what a resident added, under the card
STAFF_NOTICE = "staff_notice"  # a line for the group about a feedback, under its card
AGENCY_CARD = "agency_card"  # a forwarded feedback's card, to the agency's group


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
class FollowUpMessage:
    """A message to queue once another one is delivered."""

    kind: str
    payload: dict[str, Any]
