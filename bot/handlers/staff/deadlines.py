"""/extend (/giahan): staff give one feedback more working days, with a reason («gia hạn»).

The reason reaches the resident through /status, beside the new deadline, at once: so the
command first shows what the resident will read and the new deadline, and nothing is
stored until «Gia hạn» under that preview is pressed (it extends with exactly the words
shown). The card shows both, /show lists every extension with who gave it and when, the
exports carry the reason.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets

from telegram import CallbackQuery, Update
from telegram.error import BadRequest, TelegramError

from bot.handlers.lookup import feedback_by_code
from bot.handlers.staff.access import (
    in_staff_group,
    is_staff_place,
    may_press,
    officer_name,
    staff_only,
)
from bot.handlers.staff.posting import refresh_card
from bot.ptb.answers import answer_quietly
from bot.ptb.context import HomThuContext
from bot.render import keyboards
from bot.render.views import due_date
from core.rules.codes import normalize_reference_code
from storage import FeedbackNotFound
from storage.extensions import MAX_EXTENSION_REASON, MOST_EXTENSION_DAYS, FeedbackClosed

log = logging.getLogger(__name__)

# How much of a mistyped number is echoed back.
_ECHO = 20
# Previews kept waiting for «Gia hạn» (the oldest go first).
_PREVIEWS_KEPT = 100
_EXTEND = re.compile(rf"^{keyboards.EXTEND_PREFIX}(ok|x):([A-Za-z0-9_-]{{1,20}})$")


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
    days = int(typed)
    try:
        due_at = await context.db.extensions.new_due(feedback.id, days)
    except FeedbackClosed:
        await message.reply_text(t("extend_closed", code=feedback.code))
        return
    previews = context.runtime.extension_previews
    token = secrets.token_urlsafe(9)
    previews[token] = (feedback.id, days, reason)
    while len(previews) > _PREVIEWS_KEPT:
        previews.popitem(last=False)
    due = due_date(due_at, context.committee.timezone)
    await message.reply_text(
        t("extend_preview", code=feedback.code, days=days, due=due, reason=reason),
        reply_markup=keyboards.extend_keyboard(t, token),
    )


async def extend_button(update: Update, context: HomThuContext) -> None:
    """«Gia hạn» or «Hủy» under an /extend preview: the extension, with the words shown."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    if not is_staff_place(update, context):
        await answer_quietly(query, t("staff_only"), show_alert=True)
        return
    if in_staff_group(update, context) and not await may_press(
        update, context, t, query, "extend_button"
    ):
        return
    match = _EXTEND.match(query.data or "")
    preview = context.runtime.extension_previews.pop(match.group(2), None) if match else None
    if match is None or preview is None:
        await answer_quietly(query, t("extend_preview_gone"), show_alert=True)
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(None)
        return
    who = officer_name(update)
    if match.group(1) != keyboards.EXTEND_CONFIRM:
        await answer_quietly(query, t("toast_dropped"))
        await _edit(query, t("prompt_cancelled", who=who))
        return
    feedback_id, days, reason = preview
    try:
        feedback = await context.db.extensions.extend(feedback_id, days, reason, who)
    except FeedbackClosed:
        code = (await context.db.feedback.get(feedback_id)).code
        await answer_quietly(query, t("toast_dropped"))
        await _edit(query, t("extend_closed", code=code))
        return
    except FeedbackNotFound:
        await answer_quietly(query, t("staff_feedback_gone"), show_alert=True)
        return
    assert feedback.due_at is not None
    due = due_date(feedback.due_at, context.committee.timezone)
    await answer_quietly(query, t("toast_extended"))
    await _edit(
        query,
        t("extended", code=feedback.code, days=days, due=due, reason=reason, who=who),
    )
    if not in_staff_group(update, context):
        # Extended from an admin's private chat: the group learns of it too.
        committee = context.committee
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(
                committee.staff_chat_id,
                t("staff_notice_extended", code=feedback.code, due=due, who=who),
                message_thread_id=committee.staff_thread_id,
            )
    await refresh_card(context, t, feedback)
    log.info("deadline extension confirmed code=%s days=%d", feedback.code, days)


async def _edit(query: CallbackQuery, text: str) -> None:
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(text, reply_markup=None)
