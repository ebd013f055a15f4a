"""The resident's intake, for every way in: choose an area and a topic, write, review, send.

Every decision a channel would otherwise repeat lives here: which area a start opens, what
a draft accepts (the 4,000-character and 5-photo limits), when counts are worth showing,
when a draft has been idle too long, what the review warns of, the rate limit on sending,
and what storing the feedback answers. A channel (the Telegram bot, a web form) turns its
own input into these calls and each result into its own words: results are plain values,
never texts nor messages, so the wording stays in the texts catalogue and the markup with
the channel.

Nothing here knows Telegram, HTTP or the SQL driver: storage is reached through
``core.ports.IntakeStorage``, and the resident is a key string (the keyed hash a channel
makes of its own id for them), never an id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.errors import AreaClosed, AreaNotFound, FeedbackNotFound, TopicNotFound
from core.models import Area, Feedback, NewFeedback, Topic, validate_area_code
from core.ports import IntakeStorage
from core.rules import draft as drafts
from core.rules.complaint import names_a_complaint
from core.rules.draft import CHARS_NEAR_LIMIT, MAX_CHARS, MAX_PHOTOS, PHOTOS_NEAR_LIMIT, Draft
from core.rules.personal_data import PersonalData, find_personal_data
from core.rules.ratelimit import SlidingWindowLimit

# --- Results: starting -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChooseArea:
    """No area was named: the resident chooses one of the open areas."""


@dataclass(frozen=True, slots=True)
class MalformedArea:
    """The area code cannot be one (a mistyped or damaged link)."""

    code: str


@dataclass(frozen=True, slots=True)
class UnknownArea:
    """No area has that code."""

    code: str


@dataclass(frozen=True, slots=True)
class ClosedArea:
    """The area exists but takes no feedback now."""

    name: str


@dataclass(frozen=True, slots=True)
class NoOpenTopics:
    """The area is open, but no topic is: nothing can be written yet."""


@dataclass(frozen=True, slots=True)
class Started:
    """A new draft for ``area``; the resident chooses one of ``topics`` next."""

    draft: Draft
    area: Area
    topics: list[Topic]


Start = ChooseArea | MalformedArea | UnknownArea | ClosedArea | NoOpenTopics | Started

# --- Results: writing ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Accepted:
    """The text or photo joined the draft. ``chars_left`` / ``photos_left`` are set only
    near a limit (short answers, SPEC §3.3): 0 photos left means the draft is full."""

    chars_left: int | None = None
    photos_left: int | None = None


@dataclass(frozen=True, slots=True)
class LocationKept:
    """The location is the draft's (one per feedback); ``replaced`` an earlier one."""

    replaced: bool


@dataclass(frozen=True, slots=True)
class TooLong:
    """The text would take the draft past ``limit`` characters; nothing was added."""

    limit: int
    current: int
    incoming: int


@dataclass(frozen=True, slots=True)
class TooManyPhotos:
    """The draft holds ``limit`` photos already; nothing was added."""

    limit: int


Added = Accepted | LocationKept | TooLong | TooManyPhotos


@dataclass(frozen=True, slots=True)
class PartEdited:
    """An edited message changed its part of the draft."""


@dataclass(frozen=True, slots=True)
class NotInDraft:
    """The edited message gave nothing to the draft."""


Edited = PartEdited | NotInDraft | TooLong

# --- Results: reviewing and sending ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class EmptyDraft:
    """Nothing to review or send yet (a location alone says too little)."""


@dataclass(frozen=True, slots=True)
class Preview:
    """What the review shows besides the card: the personal data staff would see (in the
    catalogue's order) and whether the text calls itself a denunciation or complaint."""

    draft: Draft
    personal_data: tuple[PersonalData, ...] = ()
    complaint: bool = False

    @property
    def warns(self) -> bool:
        """True when the review carries a warning."""
        return bool(self.personal_data) or self.complaint


@dataclass(frozen=True, slots=True)
class NotCurrent:
    """The send came from an earlier review: that draft was sent or replaced since."""


@dataclass(frozen=True, slots=True)
class RateLimited:
    """The resident sent ``limit`` feedbacks within the hour already."""

    limit: int


@dataclass(frozen=True, slots=True)
class TopicNeeded:
    """The draft has no topic (one from an older version): choose it again."""


@dataclass(frozen=True, slots=True)
class AreaClosedMeanwhile:
    """The area closed while the draft was written; the draft's topic is cleared."""


@dataclass(frozen=True, slots=True)
class TopicClosedMeanwhile:
    """The topic closed while the draft was written; the draft's topic is cleared."""


@dataclass(frozen=True, slots=True)
class Sent:
    """The feedback is stored; ``created`` False when an earlier send of the same draft
    stored it (its receipt was lost): the same code, nothing stored twice."""

    feedback: Feedback
    created: bool

    @property
    def code(self) -> str:
        """The reference code for the receipt."""
        return self.feedback.code


Sending = (
    Sent | NotCurrent | RateLimited | TopicNeeded | AreaClosedMeanwhile | TopicClosedMeanwhile
)


# --- The intake ------------------------------------------------------------------------


class Intake:
    """The intake decisions over one storage, one send limit and one idle limit.

    Cheap to make: a channel may build one per request around the limits it keeps for the
    life of the process (a limit counts in memory, so it must outlive the request).
    """

    def __init__(
        self,
        storage: IntakeStorage,
        *,
        feedback_limit: SlidingWindowLimit,
        idle_limit: timedelta,
        clock: Callable[[], datetime],
    ) -> None:
        self._storage = storage
        self._feedback_limit = feedback_limit
        self.idle_limit = idle_limit
        self._clock = clock

    # --- areas and topics --------------------------------------------------------------

    async def open_areas(self) -> list[Area]:
        """The areas a resident may choose, in the order people look for them."""
        return await self._storage.areas.list(include_closed=False)

    async def open_area(self, code: str) -> Area | None:
        """The open area with that code (None: unknown or closed)."""
        try:
            return await self._storage.areas.get_open(code)
        except (AreaNotFound, AreaClosed):
            return None

    async def topics(self) -> list[Topic]:
        """The topics a resident may choose."""
        return await self._storage.topics.for_residents()

    async def start(self, code: str | None) -> Start:
        """A start (a QR code's link, or an area chosen): a new draft for an open area with
        open topics, or why not."""
        if code is None:
            return ChooseArea()
        if not validate_area_code(code):
            return MalformedArea(code)
        try:
            area = await self._storage.areas.get(code)
        except AreaNotFound:
            return UnknownArea(code)
        if not area.is_open:
            return ClosedArea(area.name)
        topics = await self.topics()
        if not topics:
            return NoOpenTopics()
        return Started(self.new_draft(area), area, topics)

    def new_draft(self, area: Area) -> Draft:
        """An empty draft for ``area``, touched now."""
        return Draft(area.id, area.code, area.name, touched_at=self._clock().timestamp())

    @staticmethod
    def move(draft: Draft, area: Area) -> None:
        """The draft is now about ``area`` (its topic and content stay)."""
        draft.area_id, draft.area_code, draft.area_name = area.id, area.code, area.name

    async def choose_topic(
        self, draft: Draft, topic_id: int | None, language: str
    ) -> Topic | None:
        """Set the draft's topic, named in the resident's ``language`` (None: that topic is
        not open, or the choice named none)."""
        if topic_id is None:
            return None
        try:
            topic = await self._storage.topics.get_open(topic_id)
        except TopicNotFound:
            return None
        draft.topic_id, draft.topic_name = topic.id, topic.name(language)
        return topic

    # --- the draft's life ----------------------------------------------------------------

    def is_live(self, draft: Draft | None) -> bool:
        """True for a draft that exists and was touched within the idle limit."""
        return draft is not None and not draft.is_idle(self._clock(), self.idle_limit)

    def live(self, draft: Draft | None) -> Draft | None:
        """The draft while live; None when missing or idle past the limit (it is gone)."""
        return draft if self.is_live(draft) else None

    def asks_before_dropping(self, draft: Draft | None) -> bool:
        """True when dropping the draft (a /cancel, a new start) should be asked first: it
        is live and holds something the resident wrote or sent."""
        return draft is not None and self.is_live(draft) and holds_writing(draft)

    def asks_before_restart(self, draft: Draft | None) -> bool:
        """True when a new start should ask before replacing the draft: it is live and has
        text or photos (a location alone is let go)."""
        return draft is not None and self.is_live(draft) and not draft.is_empty

    # --- writing -------------------------------------------------------------------------

    @staticmethod
    def add_text(draft: Draft, text: str, message_id: int = 0) -> Accepted | TooLong:
        """Join a text (a blank one adds nothing, and is still accepted)."""
        try:
            draft.add_text(text, message_id)
        except drafts.TooLong as exc:
            return TooLong(MAX_CHARS, exc.current, exc.incoming)
        left = MAX_CHARS - draft.char_count
        return Accepted(chars_left=left if left <= CHARS_NEAR_LIMIT else None)

    @staticmethod
    def photo_room(draft: Draft) -> TooManyPhotos | None:
        """Whether one more photo fits, asked before fetching one (a file to re-encode)."""
        return TooManyPhotos(MAX_PHOTOS) if len(draft.photos) >= MAX_PHOTOS else None

    @staticmethod
    def add_photo(
        draft: Draft, file_id: str, caption: str | None, message_id: int = 0
    ) -> Accepted | TooLong | TooManyPhotos:
        """Join a photo and its caption, all or nothing."""
        try:
            draft.add_photo(file_id, caption, message_id)
        except drafts.TooManyPhotos:
            return TooManyPhotos(MAX_PHOTOS)
        except drafts.TooLong as exc:
            return TooLong(MAX_CHARS, exc.current, exc.incoming)
        left = MAX_PHOTOS - len(draft.photos)
        return Accepted(photos_left=left if left <= PHOTOS_NEAR_LIMIT else None)

    @staticmethod
    def set_location(draft: Draft, latitude: float, longitude: float) -> LocationKept:
        """Keep the location of the matter (a second one replaces the first)."""
        return LocationKept(replaced=draft.set_location(latitude, longitude))

    @staticmethod
    def edit(draft: Draft, message_id: int, text: str, photo_file_id: str | None = None) -> Edited:
        """A message of the draft was edited to ``text``: its part changes (a photo of the
        draft, ``photo_file_id``, given a caption later gains one)."""
        may_add = photo_file_id is not None and photo_file_id in draft.photos
        try:
            changed = draft.replace_text(message_id, text, may_add=may_add)
        except drafts.TooLong as exc:
            return TooLong(MAX_CHARS, exc.current, exc.incoming)
        return PartEdited() if changed else NotInDraft()

    @staticmethod
    def start_over(draft: Draft) -> None:
        """Drop the texts, photos and location; area and topic stay."""
        draft.clear_content()

    # --- reviewing and sending -----------------------------------------------------------

    @staticmethod
    def preview(draft: Draft) -> Preview | EmptyDraft:
        """What the review shows: the draft, and what it warns of."""
        if draft.is_empty:
            return EmptyDraft()
        return review_of(draft)

    async def submit(self, draft: Draft, resident: str, token: str | None = None) -> Sending:
        """Send the draft as ``resident`` (a key, never an id): counted against the hourly
        limit, stored in one transaction, answered with its reference code.

        ``token``: the submission token the send came with (a button, a form field); a
        token other than the draft's is a send from an earlier review. Sending is
        idempotent: the draft's token finds a feedback an earlier send stored.
        """
        if token is not None and token != draft.submission:
            return NotCurrent()
        if not self._feedback_limit.allow(resident):
            return RateLimited(self._feedback_limit.limit)
        if draft.topic_id is None:
            return TopicNeeded()
        new = NewFeedback(
            draft.area_id,
            draft.topic_id,
            draft.body,
            tuple(draft.photos),
            submission=draft.submission,
            location=draft.coordinates,
        )
        try:
            submitted = await self._storage.feedback.submit(new)
        except AreaClosed:
            draft.topic_id = None
            return AreaClosedMeanwhile()
        except TopicNotFound:
            draft.topic_id = None
            return TopicClosedMeanwhile()
        return Sent(submitted.feedback, submitted.created)

    async def sent_with(self, token: str) -> Feedback | None:
        """The feedback an earlier send with that token stored, for its receipt again
        (None: nothing was sent with it)."""
        if not token:
            return None
        try:
            return await self._storage.feedback.get_by_submission(token)
        except FeedbackNotFound:
            return None


def holds_writing(draft: Draft) -> bool:
    """True when the draft holds something the resident wrote or sent."""
    return not draft.is_empty or draft.location is not None


def review_of(draft: Draft) -> Preview:
    """The draft's warnings: personal data staff would see, and that a denunciation or
    complaint needs the sender's name."""
    body = drafts.composed(draft.body)  # a draft kept by a version that did not compose it
    found = find_personal_data(body)
    # In the catalogue's order, not the set's (which changes from run to run).
    ordered = tuple(kind for kind in PersonalData if kind in found)
    return Preview(draft, ordered, names_a_complaint(body))
