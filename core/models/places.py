"""Areas and topics: what a feedback is about and where it comes from, and the rules an
area's code and a name keep."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from slugify import slugify

AREA_CODE_PATTERN = re.compile(r"[a-z0-9_-]{1,32}")
MAX_AREA_CODE_LENGTH = 32
MAX_NAME_LENGTH = 100


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
    # Working days allowed for feedback on this topic; None: SLA_DAYS.
    sla_days: int | None = None
    # What residents see (SPEC §3.1): an emoji and a short label; None: the full name.
    emoji: str = ""
    label_vi: str | None = None
    label_en: str | None = None
    # Where admins placed it among the topics (``Khác`` is shown last whatever it is).
    position: int = 0

    def name(self, language: str) -> str:
        """The topic's name in ``language``, Vietnamese when no translation exists."""
        return self.name_en if language == "en" and self.name_en else self.name_vi

    def label(self, language: str) -> str:
        """The topic as a resident's button shows it: emoji and short label in
        ``language`` (the full name where no short label was set)."""
        short = self.label_en if language == "en" else self.label_vi
        if language == "en" and not short:
            # An English reader gets the English name before a Vietnamese short label.
            short = self.name_en if self.name_en != self.name_vi else self.label_vi
        text = short or self.name(language)
        return f"{self.emoji} {text}" if self.emoji else text

    @property
    def is_other(self) -> bool:
        """The catch-all topic ("Khác" / "Other"), always offered last."""
        return self.name_vi.casefold() == "khác" or self.name_en.casefold() == "other"


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
