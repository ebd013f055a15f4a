"""After sending (SPEC §3.5, §3.10): the status, answers here, ratings.

Whoever holds a reference code can see its status (``/status``, a message that is only
the code, or the button under every message about it), ask for its answers in their chat
(and stop them there), add information (``additions``), and say whether the matter was
settled.
"""

from __future__ import annotations

import contextlib
import logging
import re

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import filters

from bot.delivery.cards import refresh_cards
from bot.handlers.resident.additions import start_adding
from bot.handlers.resident.writing import (
    committee,
)
from bot.ptb.answers import answer_quietly, stale
from bot.ptb.context import HomThuContext
from bot.render import keyboards
from bot.render.views import status_messages
from core.follow_up import (
    Ask,
    ChannelsFull,
    NotFound,
    NotResolvedYet,
    RateLimited,
)
from core.models import AdditionKind
from core.rules.codes import normalize_reference_code
from storage import Feedback
from texts import Texts

log = logging.getLogger(__name__)

_FOLLOW_UP = re.compile(
    rf"^{keyboards.FOLLOW_UP_PREFIX}([a-z]+):([^:]{{1,20}})(?::([0-9a-f]{{16}}))?$"
)
# A message that is nothing but a code (as a person may type it: spaces, no dash).
_LONE_CODE = re.compile(r"^\s*[A-Za-z]{2}[\s\-–—_.]?[0-9A-Za-z]{8}\s*$")


def lone_code(text: str | None) -> str | None:
    """The code, when a message is nothing but one."""
    if not text or not _LONE_CODE.match(text):
        return None
    return normalize_reference_code(text)


# --- Seeing the status -------------------------------------------------------------------


async def status_command(update: Update, context: HomThuContext) -> None:
    """/status <code>: status, deadline, answers and what the resident can do next."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    if not context.args:
        await message.reply_text(t("status_usage"))
        return
    typed = " ".join(context.args)
    code = normalize_reference_code(typed)
    if code is None:
        await message.reply_text(t("status_invalid", code=typed[:40]))
        return
    await show_status(update, context, t, message, code)


async def code_message(update: Update, context: HomThuContext) -> None:
    """A message that is only a reference code: its status, as /status would."""
    message = update.effective_message
    assert message is not None
    code = lone_code(message.text)
    assert code is not None
    t = await context.texts(update)
    await show_status(update, context, t, message, code)


async def show_status(
    update: Update,
    context: HomThuContext,
    t: Texts,
    message: Message,
    code: str,
    feedback: Feedback | None = None,
) -> None:
    """The status of ``code`` under ``message``, rate-limited per resident (``feedback``:
    already read by the caller)."""
    chat, user = update.effective_chat, update.effective_user
    private = chat is not None and chat.type == chat.PRIVATE and user is not None
    resident = None
    if private and user is not None:
        resident = context.runtime.anonymizer.resident_key(user.id)
    looked = await context.runtime.follow_up.status(code, resident, feedback)
    if isinstance(looked, RateLimited):
        await message.reply_text(t("status_rate_limited"))
        return
    if isinstance(looked, NotFound):
        await message.reply_text(t("status_not_found", code=code))
        return
    feedback = looked.feedback
    log.info("status looked up code=%s status=%s", feedback.code, feedback.status.value)
    texts = status_messages(t, feedback, committee(context, t), context.committee.timezone)
    markup = None
    if private:
        receives = await _receives_here(context, feedback, message.chat_id)
        # Only the chat answers go to is offered to stop them (anyone may hold the code).
        markup = keyboards.about_feedback_keyboard(
            t,
            feedback.code,
            status=False,
            add=True,
            receive=not receives,
            stop=receives,
            rate=feedback.status.value == "resolved",
        )
    for n, text in enumerate(texts):
        await message.reply_text(text, reply_markup=markup if n == len(texts) - 1 else None)


async def _receives_here(context: HomThuContext, feedback: Feedback, chat_id: int) -> bool:
    key = context.runtime.anonymizer.channel_key(chat_id, feedback.code)
    return await context.runtime.follow_up.receives_answers(feedback, key)


# --- The buttons under messages about a feedback ------------------------------------------


async def follow_up_button(update: Update, context: HomThuContext) -> None:
    """See the status, receive answers here (or not, or no more), add information, rate."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    match = _FOLLOW_UP.match(query.data or "")
    code = normalize_reference_code(match.group(2)) if match else None
    message = query.message if isinstance(query.message, Message) else None
    # These buttons are only ever under the bot's messages to a resident: pressed in a
    # group, the data was forged or copied, and a rating or addition from there would be
    # taken as the resident's.
    private = message is not None and message.chat.type == message.chat.PRIVATE
    if match is None or code is None or message is None or not private:
        await stale(query, t, message if private else None)
        return
    action = match.group(1)
    ask = _ASKS.get(action)
    if ask is None:
        await stale(query, t, message)
        return
    # Every press looks a code up: a forged one counts against the presser's limit, so
    # that codes cannot be guessed by pressing (SPEC §4).
    assert update.effective_user is not None
    resident = context.runtime.anonymizer.resident_key(update.effective_user.id)
    looked = await context.runtime.follow_up.press(ask, code, resident)
    if isinstance(looked, RateLimited):
        await answer_quietly(query, t(_REFUSALS.get(ask, "status_rate_limited")), show_alert=True)
        return
    if isinstance(looked, NotFound):
        await answer_quietly(query, t("status_not_found_short"), show_alert=True)
        return
    feedback = looked.feedback
    if action == keyboards.SEE_STATUS:
        await answer_quietly(query)
        await show_status(update, context, t, message, code, feedback)
    elif action in (keyboards.RECEIVE, keyboards.RECEIPT_YES):
        tag = context.runtime.anonymizer.receipt_tag(message.chat_id, feedback.code)
        sender = action == keyboards.RECEIPT_YES and match.group(3) == tag
        await _receive_here(update, context, t, feedback, message, receipt=sender)
    elif action in (keyboards.NO_RECEIVE, keyboards.RECEIPT_NO):
        await _no_answers_here(
            update, context, t, feedback, message, receipt=action == keyboards.RECEIPT_NO
        )
    elif action in (keyboards.ADD_MORE, keyboards.ANSWER_QUESTION):
        kind = (
            AdditionKind.ANSWER if action == keyboards.ANSWER_QUESTION else AdditionKind.ADDITION
        )
        await answer_quietly(query)
        await start_adding(context, message, t, feedback, kind)
    else:
        await _rate(update, context, t, feedback, message, action == keyboards.SATISFIED)


# What each button asks of the code (and so which limit a press counts against).
_ASKS = {
    keyboards.SEE_STATUS: Ask.STATUS,
    keyboards.RECEIVE: Ask.RECEIVE,
    keyboards.RECEIPT_YES: Ask.RECEIVE,
    keyboards.NO_RECEIVE: Ask.STOP_RECEIVING,
    keyboards.RECEIPT_NO: Ask.STOP_RECEIVING,
    keyboards.ADD_MORE: Ask.ADD,
    keyboards.ANSWER_QUESTION: Ask.ADD,
    keyboards.SATISFIED: Ask.RATE,
    keyboards.NOT_SATISFIED: Ask.RATE,
}
# What a refused press is told (the others: that look-ups are limited).
_REFUSALS = {Ask.RECEIVE: "receive_rate_limited", Ask.RATE: "rating_rate_limited"}


async def _receive_here(
    update: Update,
    context: HomThuContext,
    t: Texts,
    feedback: Feedback,
    message: Message,
    *,
    receipt: bool,
) -> None:
    """Answers to this chat; ``receipt``: pressed on the sender's own receipt, which then
    says so instead of asking."""
    query = update.callback_query
    assert query is not None
    runtime = context.runtime
    code = feedback.code
    channel = runtime.anonymizer.seal_channel(message.chat_id, code, t.language)
    attached = await context.runtime.follow_up.attach_channel(feedback, channel, sender=receipt)
    if isinstance(attached, ChannelsFull):
        await answer_quietly(query, t("receive_too_many"), show_alert=True)
        return
    added = attached.added
    await answer_quietly(query, t("toast_receive_on"))
    log.info("answers asked for in a chat code=%s new=%s", code, added)
    if receipt:
        text = "\n\n".join([t.with_html("sent_code", code=code), t("sent_receiving")])
        if await _edit_receipt(context, t, message, code, text, receiving=True) or not added:
            return
    else:
        with contextlib.suppress(BadRequest):
            await message.edit_reply_markup(
                keyboards.about_feedback_keyboard(t, code, add=True, stop=True)
            )
    if added:
        await message.reply_text(t("receive_confirmed", code=code))


async def _no_answers_here(
    update: Update,
    context: HomThuContext,
    t: Texts,
    feedback: Feedback,
    message: Message,
    *,
    receipt: bool,
) -> None:
    """«Không, cảm ơn» on the receipt, or «Ngừng nhận trả lời»: the chat's reply channel,
    if it has one, is deleted, and nothing more goes there. Only the chat itself can: its
    channel is found by the chat's own keyed hash, so the button pressed anywhere else
    finds nothing."""
    query = update.callback_query
    assert query is not None
    code = feedback.code
    key = context.runtime.anonymizer.channel_key(message.chat_id, code)
    removed = await context.runtime.follow_up.stop_channel(feedback, key)
    log.info("answers declined in a chat code=%s removed=%s", code, removed)
    if receipt:
        await answer_quietly(query, t("toast_no_receive"))
        text = "\n\n".join([t.with_html("sent_code", code=code), t("sent_not_receiving")])
        if not await _edit_receipt(context, t, message, code, text, receiving=False):
            await message.reply_text(t("no_receive_confirmed", code=code))
        return
    if not removed:
        await answer_quietly(query, t("not_receiving_here"), show_alert=True)
        return
    await answer_quietly(query, t("toast_receiving_stopped"))
    with contextlib.suppress(BadRequest):
        await message.edit_reply_markup(_without(message, query.data or ""))
    await message.reply_text(t("receiving_stopped", code=code))


async def _edit_receipt(
    context: HomThuContext, t: Texts, message: Message, code: str, text: str, *, receiving: bool
) -> bool:
    """Turn the receipt into what the resident chose; False when it cannot be edited."""
    tag = context.runtime.anonymizer.receipt_tag(message.chat_id, code)
    try:
        await message.edit_text(
            text, reply_markup=keyboards.receipt_keyboard(t, code, tag, receiving)
        )
    except BadRequest as error:
        # Pressed twice: the receipt already says so.
        return "not modified" in error.message
    return True


def _without(message: Message, data: str) -> InlineKeyboardMarkup | None:
    """The message's buttons without the one whose data is ``data``."""
    if message.reply_markup is None:
        return None
    rows = [
        [button for button in row if button.callback_data != data]
        for row in message.reply_markup.inline_keyboard
    ]
    return InlineKeyboardMarkup([row for row in rows if row])


async def _rate(
    update: Update,
    context: HomThuContext,
    t: Texts,
    feedback: Feedback,
    message: Message,
    satisfied: bool,
) -> None:
    query = update.callback_query
    assert query is not None
    rated = await context.runtime.follow_up.rate(feedback, satisfied)
    if isinstance(rated, NotResolvedYet):
        await answer_quietly(query, t("rating_not_resolved"), show_alert=True)
        return
    if not rated.reopened:
        await answer_quietly(query, t("toast_thanks"))
        await message.reply_text(t("rated_satisfied", code=feedback.code))
        await refresh_cards(context.bot, context.runtime, rated.feedback)
        return
    context.runtime.wake_outbox()
    await answer_quietly(query, t("toast_reopened"))
    await start_adding(context, message, t, rated.feedback, AdditionKind.DISSATISFIED)
    # Every card in the staff group shows the rating and the feedback back at work.
    await refresh_cards(context.bot, context.runtime, rated.feedback)


class LoneCode(filters.MessageFilter):
    """A text that is nothing but a reference code."""

    def filter(self, message: Message) -> bool:
        """True when the text is one code."""
        return lone_code(message.text) is not None
