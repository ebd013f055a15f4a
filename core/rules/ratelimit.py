"""Per-resident rate limits, in memory only, keyed by the resident's keyed hash (SPEC §4).

A key's events are forgotten once they leave the window: on its next event, and for every
key at least once per ``window / PRUNES_PER_WINDOW`` of the clock (from ``allow`` itself, and
from the sweep job), so memory follows the residents active within the window, not all
residents ever seen.
"""

from __future__ import annotations

import time
from collections.abc import Callable

PRUNES_PER_WINDOW = 12


class SlidingWindowLimit:
    """At most ``limit`` events per ``window`` seconds for each key."""

    def __init__(
        self, limit: int, window: float = 3600.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        # Times of each key's events in the window, oldest first (a list: a few floats
        # cost less than a deque's block).
        self._events: dict[str, list[float]] = {}
        self._next_prune = clock() + window / PRUNES_PER_WINDOW

    def allow(self, key: str) -> bool:
        """Count one event for ``key`` and say whether it is within the limit."""
        now = self._clock()
        if now >= self._next_prune:
            self.prune()
        events = self._events.get(key)
        if events is None:
            self._events[key] = [now]
            return True
        expired = 0
        while expired < len(events) and now - events[expired] >= self.window:
            expired += 1
        del events[:expired]
        if len(events) >= self.limit:
            return False
        events.append(now)
        return True

    def prune(self) -> None:
        """Forget keys with no event left in the window, so memory stays bounded."""
        now = self._clock()
        stale = [k for k, ev in self._events.items() if not ev or now - ev[-1] >= self.window]
        for key in stale:
            del self._events[key]
        self._next_prune = now + self.window / PRUNES_PER_WINDOW

    def __len__(self) -> int:
        return len(self._events)
