"""What the runtime needs of the outbox worker and of the persistence, and no more.

``BotRuntime`` (``bot.ptb.context``) carries both services, and both services take the
runtime: typed by their classes, the runtime's module and theirs would import each other.
The runtime types them by these protocols instead; ``bot.delivery.outbox.OutboxWorker`` and
``bot.ptb.persistence.SQLitePersistence`` implement them (mypy checks it where the
application factory hands them over), and this module imports neither.
"""

from __future__ import annotations

from typing import Any, Protocol

from telegram.ext import Application


class DeliveryWorker(Protocol):
    """The worker that sends what the outbox holds (``bot.delivery.outbox.OutboxWorker``)."""

    def wake(self) -> None:
        """Something was queued: look at the outbox now."""

    def start(self) -> None:
        """Begin delivering in the background."""

    async def stop(self) -> None:
        """Stop between messages; what is left waits in the database."""

    async def release_staff(self) -> int:
        """Try again what the staff group refused; how many messages were released."""


class SessionKeeper(Protocol):
    """Drafts and conversation states on disk, sealed (``bot.ptb.persistence``).

    It keeps residents' sessions through storage's ``SessionStore`` (``storage.contract``),
    which only stores the sealed rows: a different thing, so a different name."""

    async def flush_update(
        self, application: Application[Any, Any, Any, Any, Any, Any], chat_id: int, user_id: int
    ) -> None:
        """Write what one update changed: its resident's draft and conversation state."""

    def forget_expired(
        self, application: Application[Any, Any, Any, Any, Any, Any], resident_keys: list[str]
    ) -> list[int]:
        """Forget the residents whose drafts storage deleted for idleness; their user ids."""

    def expired_area(self, resident_key: str, sealed_area: bytes | None) -> str | None:
        """The area code of a draft discarded for idleness (None if it cannot be read)."""

    def expired_additions(self, resident_key: str, sealed_area: bytes | None) -> list[str]:
        """The codes of unsent additions discarded for idleness."""
