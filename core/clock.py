"""Time as storage writes and reads it: aware UTC datetimes, stored as sortable text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def to_db(moment: datetime) -> str:
    """Fixed-width UTC text, so that text order is time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db(text: str) -> datetime:
    """The aware UTC datetime that ``to_db`` (or SQLite's strftime) wrote."""
    return datetime.fromisoformat(text).astimezone(UTC)
