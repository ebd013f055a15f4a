"""/extend (/giahan): staff give one feedback more working days, with a reason («gia hạn»).

The reason reaches the resident through /status, beside the new deadline; the card shows
both, /show lists every extension with who gave it and when, the exports carry the reason.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot.context import HomThuContext
from bot.handlers.lookup import feedback_by_code
from bot.handlers.staff.access import officer_name, staff_only
from bot.handlers.staff.posting import refresh_card
from bot.views import due_date
from storage.codes import normalize_reference_code
from storage.extensions import MAX_EXTENSION_REASON, MOST_EXTENSION_DAYS, FeedbackClosed

log = logging.getLogger(__name__)

# How much of a mistyped number is echoed back.
_ECHO = 20


@staff_only
async def extend_command(update: Update, context: HomThuContext) -> None:
    """/extend <code> <working days> <reason…>: a new deadline for one feedback."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    args = list(context.args or [])
    code = normalize_reference_code(args[0]) if args else None
    if code is None or len(args) < 2:
        await message.reply_text(t("usage_extend", most=MOST_EXTENSION_DAYS))
        return
    typed = args[1]
    if not (typed.isascii() and typed.isdigit() and 1 <= int(typed) <= MOST_EXTENSION_DAYS):
        await message.reply_text(
            t("extend_days_invalid", value=typed[:_ECHO], most=MOST_EXTENSION_DAYS)
        )
        return
    reason = " ".join(args[2:])
    if not reason or len(reason) > MAX_EXTENSION_REASON:
        await message.reply_text(t("extend_reason_missing", most=MAX_EXTENSION_REASON))
        return
    feedback = await feedback_by_code(context, t, message, code)
    if feedback is None:
        return
    who = officer_name(update)
    try:
        feedback = await context.db.extensions.extend(feedback.id, int(typed), reason, who)
    except FeedbackClosed:
        await message.reply_text(t("extend_closed", code=feedback.code))
        return
    assert feedback.due_at is not None
    due = due_date(feedback.due_at, context.settings.timezone)
    await message.reply_text(
        t("extended", code=feedback.code, days=int(typed), due=due, reason=reason, who=who)
    )
    await refresh_card(context, t, feedback)
