"""The feedback a resident is writing, kept in the conversation's persisted user data."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

MAX_CHARS = 4000
MAX_PHOTOS = 5
IDLE_LIMIT = timedelta(minutes=30)
PART_SEPARATOR = "\n\n"
_KEY = "draft"


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
    """Area, topic, texts in the order sent, photo file ids and the reply choice."""

    area_id: int
    area_code: str
    area_name: str
    touched_at: float
    topic_id: int | None = None
    topic_name: str = ""
    parts: list[str] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)
    # Set while asking whether to drop this draft for a new /start.
    resume_state: int | None = None
    pending_area_code: str | None = None
    # The last "received" message, edited in place for the photos of one album.
    ack_message_id: int | None = None
    ack_media_group: str | None = None
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
        """True when there is nothing to send."""
        return not self.parts and not self.photos

    def add_text(self, text: str) -> None:
        """Append a text; raise TooLong and keep the draft unchanged if it does not fit."""
        if not text.strip():
            return
        joined = len(text) + (len(PART_SEPARATOR) if self.parts else 0)
        if self.char_count + joined > MAX_CHARS:
            raise TooLong(self.char_count, len(text))
        self.parts.append(text)

    def add_photo(self, file_id: str, caption: str | None) -> None:
        """Append a photo and its caption; all or nothing."""
        if len(self.photos) >= MAX_PHOTOS:
            raise TooManyPhotos()
        if caption:
            self.add_text(caption)
        self.photos.append(file_id)

    def clear_content(self) -> None:
        """Forget texts and photos, keep area, topic and reply choice."""
        self.parts.clear()
        self.photos.clear()
        self.ack_message_id = None
        self.ack_media_group = None

    def is_idle(self, now: datetime) -> bool:
        """True when untouched for longer than ``IDLE_LIMIT``."""
        return now.timestamp() - self.touched_at > IDLE_LIMIT.total_seconds()


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
