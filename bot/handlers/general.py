"""Handlers for everyone: help, language, status look-ups, fallbacks, errors, upkeep."""

from __future__ import annotations

import contextlib
import logging

from telegram import Message, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.handlers.admin.common import ECHO
from bot.handlers.resident.additions import cancel_adding
from bot.handlers.resident.intake import EXPIRED_AREA, expired_draft, offer_areas
from bot.handlers.resident.writing import committee, is_content, is_image_file, refusal
from bot.ptb.answers import answer_quietly, stale
from bot.ptb.context import HomThuContext
from bot.render import keyboards
from core.rules.additions import ADDING
from core.rules.draft import MAX_PHOTOS
from texts import Texts

log = logging.getLogger(__name__)


async def gate(update: Update, context: HomThuContext) -> None:
    """Let through private chats, the staff group and agencies' groups only; tell a
    resident whose idle draft was discarded (SPEC §3.7)."""
    chat = update.effective_chat
    if chat is None:
        raise ApplicationHandlerStop
    listened = context.committee.is_staff_chat(chat.id) or chat.id in context.runtime.agency_chats
    if chat.type != chat.PRIVATE and not listened:
        raise ApplicationHandlerStop
    user = update.effective_user
    if chat.type != chat.PRIVATE or user is None:
        return
    runtime = context.runtime
    resident = runtime.anonymizer.resident_key(user.id)
    if resident not in runtime.expiry_notices:
        return
    runtime.expiry_notices.discard(resident)
    notice = await context.db.residents.take_expiry_notice(resident)
    message = update.effective_message
    if notice is None or message is None:
        return
    area = runtime.persistence.expired_area(resident, notice.sealed_area)
    t = await context.texts(update)
    hours = context.settings.draft_idle_hours
    swept = runtime.persistence.expired_additions(resident, notice.sealed_area)
    for code in swept:
        await message.reply_text(t("addition_swept", code=code, hours=hours))
    if swept and area is None:
        return  # only additions were swept: no draft to tell of
    if area is not None and is_content(update.message) and context.user_data is not None:
        # The conversation takes this message as the start of a new draft for the area.
        context.user_data[EXPIRED_AREA] = area
        return
    if area is not None and not (message.text or "").startswith("/start"):
        if update.callback_query is not None:
            await answer_quietly(update.callback_query)
        await expired_draft(update, context, t, area)
        raise ApplicationHandlerStop
    await message.reply_text(t("draft_expired", hours=context.settings.draft_idle_hours))


async def persist_now(update: Update, context: HomThuContext) -> None:
    """Write the draft and conversation state after every update, so a crash loses none.

    What this update changed is written in one transaction; what it did not change, and
    what other updates changed, is not written here.
    """
    chat, user = update.effective_chat, update.effective_user
    if context.user_data:
        # The gate's hand-off to a new draft lasts this update: if no step took it (a code
        # was sent, say), it must not turn a later message into a new draft.
        context.user_data.pop(EXPIRED_AREA, None)
    if chat is not None and user is not None:
        await context.runtime.persistence.flush_update(context.application, chat.id, user.id)


async def help_command(update: Update, context: HomThuContext) -> None:
    """/help: how to send feedback and look it up."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    await message.reply_text(help_text(context, t))


def help_text(context: HomThuContext, t: Texts) -> str:
    """/help for residents: how it works, and how else to reach the committee."""
    text = t("help", committee=committee(context, t), max_photos=MAX_PHOTOS)
    contact = context.committee.contact_text
    return f"{text}\n\n{t('contact_line', contact=contact)}" if contact else text


async def language_command(update: Update, context: HomThuContext) -> None:
    """/language [vi|en]: switch the resident's language."""
    message = update.effective_message
    assert message is not None
    assert update.effective_user is not None
    choice = (context.args[0].lower() if context.args else "").strip()
    if choice in ("vi", "en"):
        await _set_language(update, context, message, choice)
        return
    t = await context.texts(update)
    await message.reply_text(t("language_prompt"), reply_markup=keyboards.language_keyboard(t))


async def language_button(update: Update, context: HomThuContext) -> None:
    """A language button."""
    query = update.callback_query
    assert query is not None
    assert query.data is not None
    choice = query.data.removeprefix(keyboards.LANGUAGE_PREFIX)
    await answer_quietly(query)
    if choice in ("vi", "en") and isinstance(query.message, Message):
        await _set_language(update, context, query.message, choice)


async def _set_language(
    update: Update, context: HomThuContext, message: Message, language: str
) -> None:
    assert update.effective_user is not None
    await context.runtime.set_language(update.effective_user.id, language)
    t = await context.texts(update)
    await message.reply_text(t("language_set"))


async def cancel_outside(update: Update, context: HomThuContext) -> None:
    """/cancel with no draft open: ends a wait for an addition, if there is one."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    if await cancel_adding(context, message, t):
        return
    if context.user_data is not None and context.user_data.pop(ADDING, None) is not None:
        await message.reply_text(t("adding_cancelled"))
        return
    await message.reply_text(t("nothing_to_cancel"))


async def private_fallback(update: Update, context: HomThuContext) -> None:
    """Any other private message: explain, and offer the areas (never a dead end)."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    if message.text and message.text.startswith("/"):
        user = update.effective_user
        if user is not None and context.committee.is_admin(user.id):
            # An admin who mistyped a command wants the commands, not the residents' guide.
            command = message.text.split(maxsplit=1)[0].split("@", 1)[0][:ECHO]
            unknown = t("admin_unknown_command", command=command)
            await message.reply_text(f"{unknown}\n\n{t('admin_help')}")
            return
        await message.reply_text(help_text(context, t))
        return
    if not (message.text or message.photo or message.location or is_image_file(message)):
        await message.reply_text(refusal(t, message))
        await offer_areas(message, context, t, t("outside_draft"))
        return
    # Words or photos (an image sent as a file too, left unread) with no draft to take
    # them, often about feedback already sent (a resident who just got an answer): said
    # plainly that they went nowhere, and how to add them to that feedback or start a new
    # one. Nothing of them is kept: keeping them would tie this chat to a feedback the
    # resident did not name.
    await offer_areas(message, context, t, t("outside_draft_unsent"))


async def stale_button(update: Update, context: HomThuContext) -> None:
    """A button from an old message, or with data we do not know."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    await stale(query, t, query.message if isinstance(query.message, Message) else None)


async def on_error(update: object, context: HomThuContext) -> None:
    """Log the failure without identity, and answer a resident politely."""
    update_id = update.update_id if isinstance(update, Update) else None
    if context.runtime.stopping:
        # The bot is stopping and did not wait for this handler: nothing is broken.
        log.warning(
            "handler stopped before it finished update_id=%s error=%s",
            update_id,
            type(context.error).__name__,
        )
        return
    log.error(
        "handler failed update_id=%s error=%s",
        update_id,
        type(context.error).__name__,
        exc_info=context.error,
    )
    if not isinstance(update, Update):
        return
    if update.callback_query:
        # Every press is answered, wherever it was made, or its button keeps spinning.
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()
    chat = update.effective_chat
    if chat is None or chat.type != chat.PRIVATE:
        return
    try:
        t = await context.texts(update)
        await chat.send_message(t("error"))
    except TelegramError:
        log.warning("could not tell the resident about the error update_id=%s", update_id)


async def sweep_idle_drafts(context: HomThuContext) -> None:
    """Delete drafts idle past the limit (leaving a notice under the resident key)."""
    runtime = context.runtime
    cutoff = runtime.now() - runtime.intake.idle_limit
    expired = await runtime.database.conversations.expire_idle(cutoff)
    application = context.application
    for user_id in runtime.persistence.forget_expired(application, expired):
        application.drop_user_data(user_id)
        runtime.draft_buttons.pop(user_id)
    runtime.expiry_notices.update(expired)
    for user_id, data in list(application.user_data.items()):
        if not data:
            application.drop_user_data(user_id)
    runtime.prune_limits()
    runtime.forget_idle()
    if expired:
        log.info("idle drafts discarded count=%d", len(expired))
