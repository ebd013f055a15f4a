"""Staff lists: the backlog of unresolved feedback (/open) and search results, page by page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.models.feedback import FeedbackListing


@dataclass(frozen=True, slots=True)
class OpenFilter:
    """Which unresolved feedback /open lists: all, one area's, the overdue, or one
    officer's (``handler_key``, the keyed hash of the officer's Telegram account;
    ``handler``, the name recorded when they took it on, for rows from before the keys)."""

    area_id: int | None = None
    overdue: bool = False
    handler: str | None = None
    handler_key: str | None = None


@dataclass(frozen=True, slots=True)
class OpenCursor:
    """Where a page of the backlog ended: the next page starts after this feedback."""

    created_at: datetime
    id: int


@dataclass(frozen=True, slots=True)
class OpenItem(FeedbackListing):
    """An unresolved feedback as the open list shows it.

    ``excerpt`` is the start of its text, cut at a word (with "…" when cut).
    ``working_days_late`` is None unless it is overdue: then how many working days have
    passed since its due date (0 on the first days off after it).
    """

    due_at: datetime | None
    handler: str | None
    excerpt: str
    working_days_late: int | None

    @property
    def cursor(self) -> OpenCursor:
        """Where a page that ends with this feedback ends."""
        return OpenCursor(self.created_at, self.id)


@dataclass(frozen=True, slots=True)
class OpenPage:
    """A page of the backlog, oldest first; ``total`` counts the whole of the filter, and
    ``next`` is where the next page starts (None: this is the last)."""

    items: tuple[OpenItem, ...]
    total: int
    next: OpenCursor | None


@dataclass(frozen=True, slots=True)
class SearchWords:
    """The words of a search as staff typed them, and how many past ``MAX_WORDS`` were
    left out."""

    words: tuple[str, ...]
    left_out: int


@dataclass(frozen=True, slots=True)
class FoundItem(FeedbackListing):
    """A feedback that matched, and the matching text it is shown by.

    ``found_in`` says whose text matched: ``feedback`` (the resident's), ``reply``,
    ``question`` or ``note`` (staff's), or ``addition`` (the resident's, later).
    ``snippet`` is that text around the match as pieces, each with whether it is a matched
    word, so that the reader can mark them in its own way.
    """

    found_in: str
    snippet: tuple[tuple[str, bool], ...]


@dataclass(frozen=True, slots=True)
class FoundPage:
    """One page of a search, newest feedback first.

    ``total`` is how many feedbacks match, counted up to ``COUNT_LIMIT``; ``total_is_exact``
    is False when there are more than that.
    """

    words: SearchWords
    items: tuple[FoundItem, ...]
    total: int
    total_is_exact: bool
    offset: int
