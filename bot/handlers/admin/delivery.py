"""/resend: the messages Telegram refused, and sending them again (SPEC §6)."""

from __future__ import annotations

import contextlib
import logging

from telegram import Message, Update
from telegram.error import BadRequest

from bot.handlers.admin.common import ECHO, args_of, chunks
from bot.ptb.answers import answer_quietly
from bot.ptb.context import HomThuContext
from bot.render import keyboards
from storage.outbox import Undelivered
from texts import Texts

log = logging.getLogger(__name__)


# --- Messages Telegram refused ----------------------------------------------------------

# How many undelivered messages /resend lists (and sends again) at a time.
RESEND_LIMIT = 50


async def resend(message: Message, context: HomThuContext, t: Texts) -> None:
    """/resend: the messages Telegram refused, with a button to send them again."""
    if args_of(context):
        await message.reply_text(t("usage_resend"))
        return
    undelivered = await context.db.outbox.undelivered(RESEND_LIMIT)
    if not undelivered:
        await message.reply_text(t("resend_none"))
        return
    lines = [_undelivered_line(t, item) for item in undelivered]
    header = t("resend_header", count=len(undelivered))
    parts = chunks(header, lines)
    for part in parts[:-1]:
        await message.reply_text(part)
    await message.reply_text(parts[-1], reply_markup=keyboards.resend_keyboard(t))


def _undelivered_line(t: Texts, item: Undelivered) -> str:
    return t(
        "resend_line",
        number=item.message.id,
        what=t(f"outbox_kind_{item.message.kind}")
        if f"outbox_kind_{item.message.kind}" in t
        else item.message.kind,
        code=item.code or "—",
        state=t("resend_failed") if item.failed else t("resend_waiting"),
        error=item.error[: ECHO * 3],
    )


async def resend_button(update: Update, context: HomThuContext) -> None:
    """The "send again" button under /resend: queue every listed message again."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    user, chat = update.effective_user, update.effective_chat
    allowed = user is not None and context.committee.is_admin(user.id)
    in_place = chat is not None and (
        chat.type == chat.PRIVATE or context.committee.is_staff_chat(chat.id)
    )
    if not (allowed and in_place):
        await answer_quietly(query, t("admin_only"), show_alert=True)
        return
    undelivered = await context.db.outbox.undelivered(RESEND_LIMIT)
    count = await context.db.outbox.resend([item.message.id for item in undelivered])
    outbox = context.runtime.outbox
    if outbox is not None:
        await outbox.release_staff()
    await answer_quietly(query, t("resend_done", count=count))
    if isinstance(query.message, Message):
        with contextlib.suppress(BadRequest):
            await query.message.edit_reply_markup(reply_markup=None)
        await query.message.reply_text(t("resend_done", count=count))
    log.info("undelivered messages queued again count=%d", count)
