"""What the resident core needs from storage: the few reads and writes it calls, no more.

These are ``typing.Protocol`` classes, so ``storage.Database`` satisfies them by shape
alone and a second backend (or a fake in a test) only has to offer these methods. They are
named for the core's needs (``IntakeStorage``, ``FollowUpStorage``), not for tables: the
full storage contract lives with storage, and this module only says which part of it the
resident's way in depends on. ``storage.contract`` builds on these protocols (its
``AreaStore`` is an ``AreaReader`` and more), so each method is declared, and documented,
once: here when the resident core calls it, in the contract otherwise.

The values crossing this seam (``Area``, ``Topic``, ``Feedback``, ``NewFeedback``...) are
plain frozen dataclasses of ``core.models``; the errors are ``core.errors``. Neither
module speaks SQL.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from core.models import (
        AdditionKind,
        Area,
        Feedback,
        NewFeedback,
        Rated,
        SealedChannel,
        Submitted,
        Topic,
    )


class AreaReader(Protocol):
    """The areas a resident may write about."""

    async def list(self, *, include_closed: bool = True) -> builtins.list[Area]:
        """Areas in the order people look for them (Vietnamese alphabetical order, numbers
        by value: «Khu phố 2» before «Khu phố 10»), open ones only unless ``include_closed``."""
        ...

    async def get(self, code: str) -> Area:
        """The area with that code, open or closed; ``AreaNotFound`` otherwise."""
        ...

    async def get_open(self, code: str) -> Area:
        """The area if it takes feedback now; ``AreaNotFound`` or ``AreaClosed`` otherwise."""
        ...


class TopicReader(Protocol):
    """The topics a resident may choose."""

    async def for_residents(self) -> list[Topic]:
        """The open topics in the order residents see them: admins' order, "Khác" last."""
        ...

    async def get_open(self, topic_id: int) -> Topic:
        """The topic if residents may choose it now; ``TopicNotFound`` otherwise (a closed
        topic as well)."""
        ...


class SubmissionStore(Protocol):
    """Where a sent feedback is kept, and found again by its draft's token."""

    async def submit(self, new: NewFeedback) -> Submitted:
        """Store a resident's feedback and queue the staff notification, all or nothing,
        once per submission token; ``AreaNotFound``, ``AreaClosed`` or ``TopicNotFound``
        (a closed topic too) when the area or topic takes no feedback now."""
        ...

    async def get_by_submission(self, submission: str) -> Feedback:
        """The feedback sent from the draft with this token; ``FeedbackNotFound`` if none."""
        ...


class FeedbackReader(Protocol):
    """A feedback found by its reference code, and the chats its answers go to."""

    async def get_by_code(self, code: str) -> Feedback:
        """The feedback with that reference code, with its replies, notes and additions;
        ``FeedbackNotFound`` if none."""
        ...

    async def add_reply_channel(
        self, feedback_id: int, channel: SealedChannel, *, sender: bool = False
    ) -> bool:
        """Deliver this feedback's answers to one more chat; False if it had it already;
        ``TooManyChannels`` past ``MOST_CHANNELS`` unless ``sender``."""
        ...

    async def remove_reply_channel(self, feedback_id: int, chat_key: str) -> bool:
        """Stop delivering this feedback's answers to the chat with this key; False when
        they did not go there. What was waiting to go to that chat goes nowhere."""
        ...

    async def has_reply_channel(self, feedback_id: int, chat_key: str) -> bool:
        """True when the chat with this key (for this feedback) receives its answers."""
        ...


class DialogueWriter(Protocol):
    """What a resident says about a sent feedback: additions and ratings."""

    async def add(
        self,
        feedback_id: int,
        kind: AdditionKind,
        body: str,
        photo_file_ids: Sequence[str] = (),
        *,
        submission: str | None = None,
    ) -> tuple[Feedback, int]:
        """Store what the resident added and queue it for the staff group, together (once
        per submission token)."""
        ...

    async def rate(self, feedback_id: int, satisfied: bool) -> Rated:
        """Store a rating (a later one replaces it); "not satisfied" reopens the feedback;
        ``NotResolved`` for a feedback not resolved."""
        ...


class IntakeStorage(Protocol):
    """What ``core.intake`` reads and writes: areas, topics, and the submission."""

    @property
    def areas(self) -> AreaReader:
        """The areas."""
        ...

    @property
    def topics(self) -> TopicReader:
        """The topics."""
        ...

    @property
    def feedback(self) -> SubmissionStore:
        """Sent feedback."""
        ...


class FollowUpStorage(Protocol):
    """What ``core.follow_up`` reads and writes: feedback by code, additions, ratings."""

    @property
    def feedback(self) -> FeedbackReader:
        """Sent feedback and its reply channels."""
        ...

    @property
    def dialogue(self) -> DialogueWriter:
        """Additions and ratings."""
        ...
