"""The channel-neutral cores the resident's handlers call, made over the bot's services.

The limits and storage live in the bot's runtime for the life of the process; a core made
around them per update is cheap and holds nothing of its own.
"""

from __future__ import annotations

from datetime import timedelta

from bot.ptb.context import HomThuContext
from core.follow_up import FollowUp
from core.intake import Intake


def intake_of(context: HomThuContext) -> Intake:
    """The intake decisions over the bot's storage, send limit and idle limit."""
    runtime = context.runtime
    return Intake(
        context.db,
        feedback_limit=runtime.feedback_limit,
        idle_limit=timedelta(hours=context.settings.draft_idle_hours),
        clock=runtime.now,
    )


def follow_up_of(context: HomThuContext) -> FollowUp:
    """The follow-up decisions over the bot's storage and per-resident limits."""
    runtime = context.runtime
    return FollowUp(
        context.db,
        status_limit=runtime.status_limit,
        rating_limit=runtime.rating_limit,
        channel_limit=runtime.channel_limit,
        addition_limit=runtime.addition_limit,
    )
