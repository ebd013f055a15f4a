"""Updates of different chats processed at once, each chat's strictly in arrival order.

PTB runs updates one at a time by default, so one slow Bot API round trip would make every
resident wait. With this processor, each chat is a lane: a lane's updates wait for each
other (so a conversation never sees its updates reordered), lanes run side by side up to
a global limit.

PTB's own semaphore (which it takes before calling ``do_process_update``, in a method we
may not override) is given a ceiling high enough never to block in practice, so updates
reach the lane locks synchronously, in the order PTB hands them over. asyncio's Lock wakes
waiters first-in first-out and lets no newcomer overtake a waiter, so arrival order is
kept within a lane. Only then is one of our ``max_running`` slots taken: updates waiting
for their lane hold no slot, so one busy chat cannot starve the others.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

DEFAULT_CONCURRENCY = 64
# Updates accepted (running or waiting for their lane) before PTB itself makes new ones wait.
MAX_PENDING = 100_000


def lane_of(update: object) -> int:
    """The chat an update belongs to (its user when it has no chat; 0 for neither)."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return update.effective_user.id
    return 0


class ChatOrderedUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, sequential within a chat."""

    def __init__(self, max_running: int = DEFAULT_CONCURRENCY) -> None:
        super().__init__(MAX_PENDING)
        self._slots = asyncio.Semaphore(max_running)
        self._lanes: dict[int, asyncio.Lock] = {}
        self._queued: dict[int, int] = {}

    @property
    def busy_lanes(self) -> int:
        """How many chats have an update waiting or running (for tests and metrics)."""
        return len(self._lanes)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's earlier updates, then for a free slot, then run."""
        lane = lane_of(update)
        lock = self._lanes.setdefault(lane, asyncio.Lock())
        self._queued[lane] = self._queued.get(lane, 0) + 1
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            self._queued[lane] -= 1
            if self._queued[lane] == 0:
                # No one else is queued in this lane: forget it, so memory stays bounded.
                del self._queued[lane]
                del self._lanes[lane]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
