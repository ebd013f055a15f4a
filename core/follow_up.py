"""After sending, for every way in: a code's status, its answers in a chat, additions,
ratings (SPEC §3.5, §3.6, §3.10).

Whoever holds a reference code may look it up, ask for its answers in their chat (and stop
them), add information and say whether the matter was settled. What each of these is
counted against (a code must not be guessable by pressing or typing, SPEC §4), what an
addition holds at most, and what storing answers, are decided here; a channel turns its
input into these calls and the plain results into its own words and buttons.

The resident is a key string (the channel's keyed hash of its id for them), never an id;
a chat that receives answers is given sealed (``SealedChannel``) or as its keyed hash, so
nothing here can name it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from core.errors import FeedbackNotFound, NotResolved, TooManyChannels
from core.models import AdditionKind, Feedback, SealedChannel
from core.ports import FollowUpStorage
from core.rules.draft import MAX_CHARS, MAX_PHOTOS
from core.rules.ratelimit import SlidingWindowLimit


class Ask(StrEnum):
    """What a resident asks of a code; each is counted against one limit."""

    STATUS = "status"
    RECEIVE = "receive"
    STOP_RECEIVING = "stop_receiving"
    ADD = "add"
    RATE = "rate"
    SEND_ADDITION = "send_addition"


# --- Results -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """The feedback the code names."""

    feedback: Feedback


@dataclass(frozen=True, slots=True)
class NotFound:
    """No feedback has that code."""

    code: str


@dataclass(frozen=True, slots=True)
class RateLimited:
    """The resident asked ``ask`` of codes more than ``limit`` times within the hour."""

    ask: Ask
    limit: int


Looked = Found | NotFound | RateLimited


@dataclass(frozen=True, slots=True)
class ChannelAttached:
    """The chat receives the feedback's answers; ``added`` False when it did already."""

    added: bool


@dataclass(frozen=True, slots=True)
class ChannelsFull:
    """The feedback's answers go to as many chats as they may already."""


@dataclass(frozen=True, slots=True)
class RatingKept:
    """The rating is stored; ``reopened`` when "not satisfied" put it back in progress
    (the resident is then asked what is still wrong, as an addition)."""

    feedback: Feedback
    reopened: bool


@dataclass(frozen=True, slots=True)
class NotResolvedYet:
    """Only a resolved feedback can be rated."""


@dataclass(frozen=True, slots=True)
class AdditionTooLong:
    """The addition's texts would pass ``limit`` characters; the message is not kept."""

    limit: int


@dataclass(frozen=True, slots=True)
class AdditionPhotosFull:
    """The addition holds ``limit`` photos already; the photo is not kept."""

    limit: int


@dataclass(frozen=True, slots=True)
class NothingToSend:
    """The addition holds no text nor photo yet."""


@dataclass(frozen=True, slots=True)
class AdditionSent:
    """The addition is stored and queued for staff (once, whatever the presses)."""

    feedback: Feedback
    kind: AdditionKind


AdditionSending = AdditionSent | NothingToSend | RateLimited | NotFound


def addition_room(
    texts: Sequence[str], photos: Sequence[str], text: str, *, photo: bool
) -> AdditionTooLong | AdditionPhotosFull | None:
    """Whether a message with ``text`` (and a photo, if ``photo``) fits an addition holding
    ``texts`` and ``photos``; None when it does. Asked before a file is fetched."""
    if sum(len(x) for x in texts) + len(text) > MAX_CHARS:
        return AdditionTooLong(MAX_CHARS)
    if photo and len(photos) >= MAX_PHOTOS:
        return AdditionPhotosFull(MAX_PHOTOS)
    return None


def edit_fits(texts: Sequence[str], index: int | None, text: str) -> bool:
    """Whether the addition's part ``index`` (None: a new part) may become ``text``."""
    before = texts[index] if index is not None else ""
    return sum(len(x) for x in texts) - len(before) + len(text) <= MAX_CHARS


def addition_full(photos: Sequence[str]) -> bool:
    """True when the addition holds all the photos it may."""
    return len(photos) >= MAX_PHOTOS


class FollowUp:
    """The follow-up decisions over one storage and the per-resident limits.

    The limits count in memory, so a channel keeps them for the life of the process and
    may make a ``FollowUp`` around them per request.
    """

    def __init__(
        self,
        storage: FollowUpStorage,
        *,
        status_limit: SlidingWindowLimit,
        rating_limit: SlidingWindowLimit,
        channel_limit: SlidingWindowLimit,
        addition_limit: SlidingWindowLimit,
    ) -> None:
        self._storage = storage
        self._limits = {
            Ask.STATUS: status_limit,
            Ask.RECEIVE: channel_limit,
            Ask.STOP_RECEIVING: status_limit,
            Ask.ADD: status_limit,
            Ask.RATE: rating_limit,
            # Additions sent are limited like feedback; asking to add, like look-ups.
            Ask.SEND_ADDITION: addition_limit,
        }

    def allow(self, ask: Ask, resident: str) -> RateLimited | None:
        """Count one ``ask`` for ``resident``; RateLimited when past its limit."""
        limit = self._limits[ask]
        return None if limit.allow(resident) else RateLimited(ask, limit.limit)

    async def find(self, code: str) -> Found | NotFound:
        """The feedback with that code (normalised already)."""
        try:
            return Found(await self._storage.feedback.get_by_code(code))
        except FeedbackNotFound:
            return NotFound(code)

    async def status(
        self, code: str, resident: str | None, known: Feedback | None = None
    ) -> Looked:
        """A code's status asked for: counted for ``resident`` (None: asked where no
        resident can be told apart, which is not counted), then the feedback (``known``:
        found already by the caller)."""
        if resident is not None:
            refused = self.allow(Ask.STATUS, resident)
            if refused is not None:
                return refused
        if known is not None:
            return Found(known)
        return await self.find(code)

    async def press(self, ask: Ask, code: str, resident: str) -> Looked:
        """Something asked of a code by a button (or a form): counted first, so that a
        forged code costs the presser too, then the feedback. The status is counted when
        it is shown (``status``), not here."""
        if ask is not Ask.STATUS:
            refused = self.allow(ask, resident)
            if refused is not None:
                return refused
        return await self.find(code)

    # --- reply channels ----------------------------------------------------------------

    async def receives_answers(self, feedback: Feedback, chat_key: str) -> bool:
        """True when the chat with that keyed hash receives the feedback's answers."""
        return await self._storage.feedback.has_reply_channel(feedback.id, chat_key)

    async def attach_channel(
        self, feedback: Feedback, channel: SealedChannel, *, sender: bool
    ) -> ChannelAttached | ChannelsFull:
        """Answers to one more chat; ``sender``: the chat the feedback was sent from (its
        receipt proves it), which always gets them however many others asked first."""
        try:
            added = await self._storage.feedback.add_reply_channel(
                feedback.id, channel, sender=sender
            )
        except TooManyChannels:
            return ChannelsFull()
        return ChannelAttached(added)

    async def stop_channel(self, feedback: Feedback, chat_key: str) -> bool:
        """No more answers to the chat with that keyed hash; False when none went there.
        Only the chat itself can: no other holds its key."""
        return await self._storage.feedback.remove_reply_channel(feedback.id, chat_key)

    # --- ratings ---------------------------------------------------------------------

    async def rate(self, feedback: Feedback, satisfied: bool) -> RatingKept | NotResolvedYet:
        """Keep the resident's word on the outcome; "not satisfied" reopens it."""
        try:
            rated = await self._storage.dialogue.rate(feedback.id, satisfied)
        except NotResolved:
            return NotResolvedYet()
        return RatingKept(rated.feedback, rated.reopened)

    # --- additions -------------------------------------------------------------------

    async def send_addition(
        self,
        resident: str,
        code: str,
        kind: AdditionKind,
        texts: Sequence[str],
        photos: Sequence[str],
        submission: str,
    ) -> AdditionSending:
        """Send what was collected for ``code`` to staff as one addition: counted against
        the resident's limit, stored and queued together, once per ``submission``."""
        kept = [text for text in texts if text]
        if not kept and not photos:
            return NothingToSend()
        refused = self.allow(Ask.SEND_ADDITION, resident)
        if refused is not None:
            return refused
        found = await self.find(code)
        if isinstance(found, NotFound):
            return found
        feedback, _ = await self._storage.dialogue.add(
            found.feedback.id, kind, "\n".join(kept), list(photos), submission=submission
        )
        return AdditionSent(feedback, kind)
