"""What the resident core needs from storage: the few reads and writes it calls, no more.

These are ``typing.Protocol`` classes, so ``storage.Database`` satisfies them by shape
alone and a second backend (or a fake in a test) only has to offer these methods. They are
named for the core's needs (``IntakeStorage``, ``FollowUpStorage``), not for tables: the
full storage contract lives with storage, and this module only says which part of it the
resident's way in depends on.

The values crossing this seam (``Area``, ``Topic``, ``Feedback``, ``NewFeedback``...) are
plain frozen dataclasses of ``storage.models``; the errors are ``storage.errors``. Neither
module speaks SQL.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from storage.models import (
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
        """Every area (only the open ones unless ``include_closed``)."""
        ...

    async def get(self, code: str) -> Area:
        """The area with that code, open or not; raises ``AreaNotFound``."""
        ...

    async def get_open(self, code: str) -> Area:
        """The open area with that code; raises ``AreaNotFound`` or ``AreaClosed``."""
        ...


class TopicReader(Protocol):
    """The topics a resident may choose."""

    async def for_residents(self) -> list[Topic]:
        """The open topics, in the order residents see them."""
        ...

    async def get_open(self, topic_id: int) -> Topic:
        """The open topic with that id; raises ``TopicNotFound``."""
        ...


class SubmissionStore(Protocol):
    """Where a sent feedback is kept, and found again by its draft's token."""

    async def submit(self, new: NewFeedback) -> Submitted:
        """Store it (once per submission token); raises ``AreaClosed``/``TopicNotFound``."""
        ...

    async def get_by_submission(self, submission: str) -> Feedback:
        """The feedback stored with that token; raises ``FeedbackNotFound``."""
        ...


class FeedbackReader(Protocol):
    """A feedback found by its reference code, and the chats its answers go to."""

    async def get_by_code(self, code: str) -> Feedback:
        """The feedback with that code; raises ``FeedbackNotFound``."""
        ...

    async def add_reply_channel(
        self, feedback_id: int, channel: SealedChannel, *, sender: bool = False
    ) -> bool:
        """One more chat for its answers; False if it had it; raises ``TooManyChannels``."""
        ...

    async def remove_reply_channel(self, feedback_id: int, chat_key: str) -> bool:
        """No more answers to that chat; False when they did not go there."""
        ...

    async def has_reply_channel(self, feedback_id: int, chat_key: str) -> bool:
        """True when the chat with that key receives its answers."""
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
        """Store an addition (once per submission token) and queue it for staff."""
        ...

    async def rate(self, feedback_id: int, satisfied: bool) -> Rated:
        """Store a rating; raises ``NotResolved`` for a feedback not resolved."""
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
