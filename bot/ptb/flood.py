"""Telegram's flood limits: PTB's AIORateLimiter, with a group's slot granted before the
message for it is composed.

The outbox packs the new-feedback notifications waiting for the staff group into one
message. Packed before waiting for the group's slot (20 messages a minute), a message
carries only what was waiting when it was packed, and what arrives during the wait waits
for the next slot too. ``slot`` waits first; the message is composed once it may be sent,
and its sending does not wait (nor count) a second time. It also tells whether another slot
is free at once: when none is, the group's minute is used up (a surge has begun) and the
outbox packs even two waiting notifications rather than keep one back a whole slot.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import AsyncIterator
from typing import Any

from telegram.ext import BaseRateLimiter

from bot.ptb.private import GroupLimiterHooks

# The group whose slot the current task holds, if any: its next request is not limited again.
_granted: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "granted_group", default=None
)


class SlotRateLimiter(GroupLimiterHooks):
    """AIORateLimiter whose group slots can be taken before the request is made."""

    @contextlib.asynccontextmanager
    async def slot(self, chat_id: int) -> AsyncIterator[bool]:
        """Wait until a message may go to the group ``chat_id``; inside, the first request
        to it does not wait for (or use) another slot of that group. Yields whether a
        further message could follow at once (False: the group's slots are used up)."""
        limiter = self.group_limiter(chat_id) if chat_id < 0 else None
        if limiter is None:
            yield True
            return
        await limiter.acquire()
        token = _granted.set(chat_id)
        try:
            yield limiter.has_capacity()
        finally:
            _granted.reset(token)

    def limited_group(self, group: str | int | bool) -> str | int | bool:
        """No group when the current task holds ``group``'s slot already (taken by
        ``slot``): only the overall limit is left to wait for."""
        granted = _granted.get()
        if granted is not None and group == granted:
            _granted.set(None)
            return False
        return group


@contextlib.asynccontextmanager
async def group_slot(limiter: BaseRateLimiter[Any] | None, chat_id: int) -> AsyncIterator[bool]:
    """``limiter.slot(chat_id)`` when the limiter grants slots; otherwise nothing to wait for
    and always room for more."""
    if isinstance(limiter, SlotRateLimiter):
        async with limiter.slot(chat_id) as spare:
            yield spare
    else:
        yield True
