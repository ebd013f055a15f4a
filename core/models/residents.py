"""A resident's session as storage keeps it: drafts and open conversations, sealed, and the
rows of older versions waiting to be sealed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StoredDraft:
    """A resident's draft as stored: opaque to storage."""

    resident_key: str
    sealed: bytes


@dataclass(frozen=True, slots=True)
class StoredState:
    """An open conversation as stored: its state, and its sealed key."""

    conversation_key: str
    resident_key: str
    sealed_key: bytes
    state: object


@dataclass(frozen=True, slots=True)
class LegacyRows:
    """Rows written by versions before 0005, keyed by plain ids, waiting to be moved."""

    states: list[tuple[str, int, int, object]]  # name, chat id, user id, state
    drafts: list[tuple[int, dict[str, object]]]  # user id, draft data


@dataclass(frozen=True, slots=True)
class SessionWrite:
    """One change to a resident's session, as the persistence flush hands it over.

    ``sealed`` None deletes the row.
    """

    resident_key: str
    sealed: bytes | None
    # For a draft: its area sealed on its own, kept when an idle draft is discarded.
    sealed_area: bytes | None = None
    # For a conversation state: its name and key; None for a draft.
    name: str | None = None
    conversation_key: str | None = None
    state: object | None = None


@dataclass(frozen=True, slots=True)
class ExpiryNotice:
    """A draft was discarded for idleness: the area it was for, sealed by the bot (None
    when it was written before the area was kept)."""

    sealed_area: bytes | None
