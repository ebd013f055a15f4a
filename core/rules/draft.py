"""The feedback a resident is writing, kept in the conversation's persisted user data.

Each text keeps the id of the message it came from, so that editing that message in
Telegram changes its part of the draft (SPEC §3.3). Message ids are numbers within the
resident's own chat and say nothing of who they are.
"""

from __future__ import annotations

import bisect
import secrets
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

MAX_CHARS = 4000
MAX_PHOTOS = 5
PART_SEPARATOR = "\n\n"
# Acknowledgements show counts only this close to a limit (SPEC §3.3: short answers).
CHARS_NEAR_LIMIT = 1000
PHOTOS_NEAR_LIMIT = 1
_KEY = "draft"


def composed(text: str) -> str:
    """The text in Unicode NFC (SPEC §3.3): some keyboards send a letter and its marks
    apart (NFD), which counts each Vietnamese letter up to three times against the limit
    and hides words from the checks made on the text."""
    return unicodedata.normalize("NFC", text)


class TooLong(Exception):
    """Adding the text would take the feedback over ``MAX_CHARS``."""

    def __init__(self, current: int, incoming: int) -> None:
        super().__init__(f"{current} + {incoming} > {MAX_CHARS}")
        self.current = current
        self.incoming = incoming


class TooManyPhotos(Exception):
    """The feedback has ``MAX_PHOTOS`` photos already."""


@dataclass
class Draft:
    """Area, topic, texts and photos in the order sent, and a location."""

    area_id: int
    area_code: str
    area_name: str
    touched_at: float
    topic_id: int | None = None
    topic_name: str = ""
    parts: list[str] = field(default_factory=list)
    # The message each part came from (0: not known, from an older version of the bot).
    part_ids: list[int] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)
    # Latitude and longitude of the matter, when the resident sent a location.
    location: list[float] | None = None
    # Set while asking whether to drop this draft for a new /start.
    resume_state: int | None = None
    pending_area_code: str | None = None
    # A random token sent with the feedback: sending this draft again (a double tap, or a
    # tap after a crash before the receipt) finds the feedback stored the first time.
    submission: str = field(default_factory=lambda: secrets.token_urlsafe(12))

    @property
    def body(self) -> str:
        """The texts joined in the order they were sent."""
        return PART_SEPARATOR.join(self.parts)

    @property
    def char_count(self) -> int:
        """Characters of the joined body, as counted against ``MAX_CHARS``."""
        return len(self.body)

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to send (a location alone says too little)."""
        return not self.parts and not self.photos

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """The location as (latitude, longitude)."""
        return None if self.location is None else (self.location[0], self.location[1])

    def add_text(self, text: str, message_id: int = 0) -> None:
        """Append a text (in NFC); raise TooLong and keep the draft unchanged if it does not
        fit."""
        text = composed(text)
        if not text.strip():
            return
        joined = len(text) + (len(PART_SEPARATOR) if self.parts else 0)
        if self.char_count + joined > MAX_CHARS:
            raise TooLong(self.char_count, len(text))
        self._align_ids()
        position = len(self.parts)
        if message_id:
            # A caption edited in later sits where its photo's message was.
            position = bisect.bisect_right(self.part_ids, message_id)
        self.parts.insert(position, text)
        self.part_ids.insert(position, message_id)

    def add_photo(self, file_id: str, caption: str | None, message_id: int = 0) -> None:
        """Append a photo and its caption; all or nothing."""
        if len(self.photos) >= MAX_PHOTOS:
            raise TooManyPhotos()
        if caption:
            self.add_text(caption, message_id)
        self.photos.append(file_id)

    def replace_text(self, message_id: int, text: str, *, may_add: bool = False) -> bool:
        """The message ``message_id`` was edited to ``text``: change its part (drop it when
        the text is gone). False when no part came from that message, unless ``may_add``
        (a photo of the draft given a caption later), which adds one. Raise TooLong and
        keep the draft unchanged when the new text does not fit."""
        text = composed(text)
        self._align_ids()
        if not message_id or message_id not in self.part_ids:
            if not may_add:
                return False
            self.add_text(text, message_id)
            return True
        index = self.part_ids.index(message_id)
        if not text.strip():
            del self.parts[index], self.part_ids[index]
            return True
        new_count = self.char_count - len(self.parts[index]) + len(text)
        if new_count > MAX_CHARS:
            raise TooLong(self.char_count - len(self.parts[index]), len(text))
        self.parts[index] = text
        return True

    def set_location(self, latitude: float, longitude: float) -> bool:
        """Keep the location (one per feedback); True when it replaced an earlier one."""
        replaced = self.location is not None
        self.location = [latitude, longitude]
        return replaced

    def clear_content(self) -> None:
        """Forget texts, photos and the location; keep area and topic."""
        self.parts.clear()
        self.part_ids.clear()
        self.photos.clear()
        self.location = None

    def is_idle(self, now: datetime, limit: timedelta) -> bool:
        """True when untouched for longer than ``limit``."""
        return now.timestamp() - self.touched_at > limit.total_seconds()

    def _align_ids(self) -> None:
        # A draft from an older version has parts without ids.
        if len(self.part_ids) != len(self.parts):
            self.part_ids = [0] * len(self.parts)


def load_draft(user_data: dict[Any, Any]) -> Draft | None:
    """The draft kept in a conversation's user data, if any."""
    raw = user_data.get(_KEY)
    if not isinstance(raw, dict):
        return None
    # A field an older version kept and this one does not know is left out.
    known = {k: v for k, v in raw.items() if k in Draft.__dataclass_fields__}
    try:
        return Draft(**known)
    except TypeError:
        # A draft written by an older version of the bot, missing what this one needs.
        return None


def store_draft(user_data: dict[Any, Any], draft: Draft, now: datetime) -> None:
    """Keep the draft (touched now) in the conversation's user data."""
    draft.touched_at = now.timestamp()
    keep_draft(user_data, draft)


def keep_draft(user_data: dict[Any, Any], draft: Draft) -> None:
    """Keep the draft in the conversation's user data as it is (touched_at unchanged)."""
    user_data[_KEY] = asdict(draft)


def forget_draft(user_data: dict[Any, Any]) -> None:
    """Remove the draft from the conversation's user data."""
    user_data.pop(_KEY, None)
