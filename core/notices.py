"""Who is told of a change of status, and when: the policy, with no storage in it.

Storage enacts what ``status_notices`` decides inside the transaction that records the
change; a second backend enacts the same decision, so residents read the same notices
whichever database holds them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.models import FeedbackStatus

# The statuses a resident is told of; the others (received, in progress) are the
# committee's own bookkeeping and reach nobody.
NOTIFIED = frozenset({FeedbackStatus.FORWARDED, FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED})


@dataclass(frozen=True, slots=True)
class StatusNotices:
    """Which residents one change of status tells, and when.

    Whatever it decides, a change first withdraws the status notice still waiting out its
    window (an officer who changes the status again, or undoes it, did not mean the earlier
    one to be read) and recalls a forward's card still waiting out its own: the backend does
    both in the change's transaction before asking, and says here whether a notice waited.
    """

    # The reply channels (their row ids) told of the new status; empty: nobody is told.
    channels: tuple[int, ...]
    # When the notice goes out: after the undo window, so a slip can still be taken back.
    send_at: datetime

    @property
    def tell(self) -> bool:
        """True when at least one resident's chat will be told."""
        return bool(self.channels)


def status_notices(
    previous: FeedbackStatus,
    status: FeedbackStatus,
    *,
    waiting: bool,
    channels: Sequence[int],
    changed_at: datetime,
    delay: timedelta,
) -> StatusNotices:
    """The notices a change from ``previous`` to ``status`` makes.

    ``waiting``: a status notice to the residents is still waiting out its window. A status
    they are told of is told again only when it differs from the one before, or when it
    replaces a notice that never went out (so the last word they read is the last status).
    """
    tell = status in NOTIFIED and (status != previous or waiting) and bool(channels)
    return StatusNotices(
        channels=tuple(channels) if tell else (),
        send_at=changed_at + delay,
    )
