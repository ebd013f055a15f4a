"""The dialogue with a resident: what staff propose to send, what they decide about it,
answers taken back, and the standard answers admins keep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from core.models.feedback import Feedback

# A template is a standard answer, not an essay.
MAX_TEMPLATE_LENGTH = 1000
# A proposal nobody sent within this long is stale: its words were meant for that moment
# (or for a colleague), and «Gửi trả lời» on it is refused.
PROPOSAL_LIFETIME = timedelta(hours=48)

# The roles of the prompts that ask staff for words (a reason, a result, a place, an agency).
PROMPT_ROLES = ("ask_reason", "ask_elsewhere", "ask_result", "ask_agency")


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
class AnswerTemplate:
    """A standard answer admins keep."""

    number: int
    body: str
