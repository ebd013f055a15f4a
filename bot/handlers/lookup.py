"""Looking a feedback up by the reference code someone typed: a resident asking its status
or adding to it, or staff asking for its card."""

from __future__ import annotations

from telegram import Message

from bot.ptb.context import HomThuContext
from storage import Feedback, FeedbackNotFound
from texts import Texts


async def feedback_by_code(
    context: HomThuContext, t: Texts, message: Message, code: str
) -> Feedback | None:
    """The feedback with reference code ``code``, or None once ``message`` is answered that
    there is none."""
    try:
        return await context.db.feedback.get_by_code(code)
    except FeedbackNotFound:
        await message.reply_text(t("status_not_found", code=code))
        return None
