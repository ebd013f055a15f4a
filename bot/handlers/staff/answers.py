"""Staff answers and notes: replies to the bot's messages about a feedback (SPEC §5)."""

from __future__ import annotations

import logging
import re

from telegram import Update

from bot.context import HomThuContext
from bot.handlers.staff.access import officer_name
from storage import FeedbackNotFound, ResponseKind

log = logging.getLogger(__name__)


_NOTE = re.compile(r"^\s*(?:/note(?:@\w+)?|#note)\b\s*", re.IGNORECASE)


async def staff_reply(update: Update, context: HomThuContext) -> None:
    """A reply to a notification: a public answer, or with /note or #note an internal note."""
    message = update.effective_message
    assert message is not None
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != context.bot.id:
        return  # officers talking among themselves
    feedback_id = await context.db.feedback.for_staff_message(message.chat_id, replied.message_id)
    if feedback_id is None:
        return  # a reply to some other message of the bot (a report, a confirmation)
    t = await context.texts(update)
    if feedback_id == 0:
        await message.reply_text(t("batch_reply"))  # a surge batch: which feedback is meant?
        return
    text = message.text or message.caption or ""
    note = _NOTE.match(text)
    body = text[note.end() :].strip() if note else text.strip()
    if not body:
        await message.reply_text(t("staff_reply_empty"))
        return
    kind = ResponseKind.NOTE if note else ResponseKind.REPLY
    try:
        stored = await context.db.feedback.respond(feedback_id, kind, body, officer_name(update))
    except FeedbackNotFound:
        await message.reply_text(t("staff_feedback_gone"))
        return
    code = stored.feedback.code
    if kind is ResponseKind.NOTE:
        await message.reply_text(t("staff_note_saved", code=code))
    elif stored.to_resident:
        context.runtime.wake_outbox()
        await message.reply_text(t("staff_reply_sent", code=code))
    else:
        await message.reply_text(t("staff_reply_public_only", code=code))
