"""After sending (SPEC §3.5, §3.6, §3.10): the status, answers here, additions, ratings.

Whoever holds a reference code can see its status (``/status``, a message that is only
the code, or the button under every message about it), ask for its answers in their chat
(and stop them there), add information, and say whether the matter was settled. An
addition is collected like a draft: after «Bổ sung», or a Telegram reply to any message of
the bot that names a code, the resident's texts and photos are kept (with the draft, sealed
under the keyed hash, so they survive a restart) until «Gửi phần bổ sung» sends them to
staff as one message under the card.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
from typing import Any

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import Application, MessageHandler, filters

from bot import keyboards
from bot.answers import answer_quietly
from bot.cards import refresh_cards
from bot.context import HomThuContext
from bot.draft import MAX_CHARS, MAX_PHOTOS
from bot.handlers.lookup import feedback_by_code
from bot.handlers.resident.writing import committee, drop_buttons_of, refusal
from bot.ratelimit import SlidingWindowLimit
from bot.texts import Texts
from bot.views import status_messages
from storage import Feedback, FeedbackNotFound
from storage.codes import CODE_PATTERN, normalize_reference_code
from storage.dialogue import NotResolved
from storage.feedback import TooManyChannels
from storage.models import AdditionKind

log = logging.getLogger(__name__)

# The key, in a resident's persisted user data, of the addition the bot waits for.
ADDING = "adding"
# A resident who pressed «Bổ sung» and went away: the next message is theirs again after.
ADDING_LASTS = 60 * 60
_FOLLOW_UP = re.compile(
    rf"^{keyboards.FOLLOW_UP_PREFIX}([a-z]+):([^:]{{1,20}})(?::([0-9a-f]{{16}}))?$"
)
_CODE_IN_TEXT = re.compile(CODE_PATTERN.pattern)
# A message that is nothing but a code (as a person may type it: spaces, no dash).
_LONE_CODE = re.compile(r"^\s*[A-Za-z]{2}[\s\-–—_.]?[0-9A-Za-z]{8}\s*$")


class AddingHandler(MessageHandler[Any, Any]):
    """Messages of a resident the bot waits for an addition from (after «Bổ sung»)."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & ~filters.COMMAND
        super().__init__(private, take_addition)
        self._application = application

    def check_update(self, update: object) -> Any:
        """Only for a resident in adding mode."""
        result = super().check_update(update)
        if not result or not isinstance(update, Update) or update.effective_user is None:
            return False
        data = self._application.user_data.get(update.effective_user.id)
        return result if data and isinstance(data.get(ADDING), dict) else False


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
    if private and user is not None:
        resident = context.runtime.anonymizer.resident_key(user.id)
        if not context.runtime.status_limit.allow(resident):
            await message.reply_text(t("status_rate_limited"))
            return
    if feedback is None:
        feedback = await feedback_by_code(context, t, message, code)
    if feedback is None:
        return
    log.info("status looked up code=%s status=%s", feedback.code, feedback.status.value)
    texts = status_messages(t, feedback, committee(context, t), context.settings.timezone)
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
    return await context.db.feedback.has_reply_channel(feedback.id, key)


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
    if action not in _ACTIONS:
        await stale(query, t, message)
        return
    # Every press looks a code up: a forged one counts against the presser's limit, so
    # that codes cannot be guessed by pressing (SPEC §4).
    limited = _limit_of(context, action)
    if limited is not None:
        limit, refusal_key = limited
        assert update.effective_user is not None
        resident = context.runtime.anonymizer.resident_key(update.effective_user.id)
        if not limit.allow(resident):
            await answer_quietly(query, t(refusal_key), show_alert=True)
            return
    try:
        feedback = await context.db.feedback.get_by_code(code)
    except FeedbackNotFound:
        await answer_quietly(query, t("status_not_found_short"), show_alert=True)
        return
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


_ACTIONS = frozenset(
    {
        keyboards.SEE_STATUS,
        keyboards.RECEIVE,
        keyboards.RECEIPT_YES,
        keyboards.NO_RECEIVE,
        keyboards.RECEIPT_NO,
        keyboards.ADD_MORE,
        keyboards.ANSWER_QUESTION,
        keyboards.SATISFIED,
        keyboards.NOT_SATISFIED,
    }
)


def _limit_of(context: HomThuContext, action: str) -> tuple[SlidingWindowLimit, str] | None:
    """The limit a press counts against, and what a refused press is told (None: the
    status, which ``show_status`` counts itself)."""
    runtime = context.runtime
    if action in (keyboards.RECEIVE, keyboards.RECEIPT_YES):
        return runtime.channel_limit, "receive_rate_limited"
    if action in (keyboards.SATISFIED, keyboards.NOT_SATISFIED):
        return runtime.rating_limit, "rating_rate_limited"
    if action == keyboards.SEE_STATUS:
        return None
    return runtime.status_limit, "status_rate_limited"


async def stale(query: CallbackQuery, t: Texts, message: Message | None) -> None:
    """A button that no longer does anything: a toast, and in a resident's chat a message
    too (a toast is easily missed, and nothing else would happen)."""
    await answer_quietly(query, t("stale_button"))
    if message is not None and message.chat.type == message.chat.PRIVATE:
        await message.chat.send_message(t("stale_button_message"))


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
    try:
        added = await context.db.feedback.add_reply_channel(feedback.id, channel, sender=receipt)
    except TooManyChannels:
        await answer_quietly(query, t("receive_too_many"), show_alert=True)
        return
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
    removed = await context.db.feedback.remove_reply_channel(feedback.id, key)
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
    try:
        rated = await context.db.dialogue.rate(feedback.id, satisfied)
    except NotResolved:
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


# --- Additions -----------------------------------------------------------------------------


async def start_adding(
    context: HomThuContext, message: Message, t: Texts, feedback: Feedback, kind: AdditionKind
) -> None:
    """Collect the resident's next texts and photos as an addition to ``feedback``."""
    _begin(context, feedback.code, kind)
    key = {
        AdditionKind.ADDITION: "adding_prompt",
        AdditionKind.ANSWER: "adding_prompt_answer",
        AdditionKind.DISSATISFIED: "adding_prompt_dissatisfied",
    }[kind]
    await message.reply_text(
        t(key, code=feedback.code), reply_markup=keyboards.stop_adding_keyboard(t)
    )


def _begin(context: HomThuContext, code: str, kind: AdditionKind) -> dict[str, Any] | None:
    """The addition being collected for ``code``: the one already begun (nothing of it is
    dropped by a second «Bổ sung»), or a new one."""
    user_data = context.user_data
    if user_data is None:
        return None
    waiting = user_data.get(ADDING)
    now = context.runtime.clock_seconds()
    if isinstance(waiting, dict) and waiting.get("code") == code and _parts(waiting):
        waiting["since"] = now
        return waiting
    waiting = {
        "code": code,
        "kind": kind.value,
        "since": now,
        "texts": [],
        "photos": [],
        # Sending twice (a double press, or again after a crash) stores it once.
        "submission": secrets.token_hex(8),
    }
    user_data[ADDING] = waiting
    return waiting


def _parts(waiting: dict[str, Any]) -> int:
    return len(waiting.get("texts") or []) + len(waiting.get("photos") or [])


async def take_addition(update: Update, context: HomThuContext) -> None:
    """The resident's text or photo after «Bổ sung»: kept with the addition (sealed, like
    a draft), acknowledged with the button that sends it."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    user_data = context.user_data or {}
    waiting = user_data.get(ADDING)
    now = context.runtime.clock_seconds()
    if not isinstance(waiting, dict) or (
        not _parts(waiting) and now - float(waiting.get("since", 0)) > ADDING_LASTS
    ):
        # Nothing was collected and the resident went away: the message is theirs again.
        user_data.pop(ADDING, None)
        await message.reply_text(t("adding_expired"))
        return
    if not (message.text or message.photo):
        refused = refusal(t, message)
        if _parts(waiting):
            refused = f"{refused}\n\n{t('addition_refused_kept')}"
        await message.reply_text(refused)
        return
    text = (message.text or message.caption or "").strip()
    texts: list[str] = waiting.setdefault("texts", [])
    photos: list[str] = waiting.setdefault("photos", [])
    if sum(len(x) for x in texts) + len(text) > MAX_CHARS:
        await message.reply_text(t("addition_message_too_long", max_chars=MAX_CHARS))
        return
    if message.photo and len(photos) >= MAX_PHOTOS:
        await message.reply_text(t("addition_too_many_photos", max_photos=MAX_PHOTOS))
        return
    if text:
        texts.append(text)
    if message.photo:
        photos.append(message.photo[-1].file_id)
    waiting["since"] = now
    # On disk before the resident is told it is kept: a crash in between loses nothing.
    assert update.effective_user is not None
    await context.runtime.persistence.flush_update(
        context.application, message.chat_id, update.effective_user.id
    )
    await _acknowledge(message, t, waiting)


async def _acknowledge(message: Message, t: Texts, waiting: dict[str, Any]) -> None:
    """Say it is kept, with the buttons, which leave the older acknowledgement; the
    photos of one album share one."""
    album = message.media_group_id
    previous = waiting.get("ack")
    if album and previous is not None and waiting.get("album") == album:
        return
    text = t("addition_kept", code=str(waiting["code"]))
    if len(waiting.get("photos") or []) >= MAX_PHOTOS:
        text += "\n" + t("addition_kept_photos_full", max_photos=MAX_PHOTOS)
    sent = await message.reply_text(text, reply_markup=keyboards.adding_keyboard(t))
    waiting["ack"], waiting["album"] = sent.message_id, album
    if isinstance(previous, int):
        await drop_buttons_of(message, previous)


async def send_addition(update: Update, context: HomThuContext) -> None:
    """«Gửi phần bổ sung»: what was collected goes to staff, as one addition, once."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    message = query.message if isinstance(query.message, Message) else None
    user_data = context.user_data
    waiting = user_data.get(ADDING) if user_data is not None else None
    if message is None or user_data is None or not isinstance(waiting, dict):
        # Sent already (a second press), or given up.
        await stale(query, t, message)
        return
    if not _parts(waiting):
        await answer_quietly(query, t("toast_addition_empty"), show_alert=True)
        return
    assert update.effective_user is not None
    resident = context.runtime.anonymizer.resident_key(update.effective_user.id)
    if not context.runtime.addition_limit.allow(resident):
        await answer_quietly(query)
        await message.reply_text(t("addition_send_rate_limited"))
        return
    await answer_quietly(query)
    code = str(waiting["code"])
    feedback = await feedback_by_code(context, t, message, code)
    if feedback is None:
        user_data.pop(ADDING, None)
        return
    kind = AdditionKind(str(waiting.get("kind", AdditionKind.ADDITION.value)))
    await context.db.dialogue.add(
        feedback.id,
        kind,
        "\n".join(waiting.get("texts") or []),
        waiting.get("photos") or [],
        submission=str(waiting.get("submission") or secrets.token_hex(8)),
    )
    context.runtime.wake_outbox()
    # Stored first, forgotten then: a crash in between finds it stored on the next press.
    user_data.pop(ADDING, None)
    await context.runtime.persistence.flush_update(
        context.application, message.chat_id, update.effective_user.id
    )
    with contextlib.suppress(BadRequest):
        await message.edit_reply_markup(reply_markup=None)
    await message.reply_text(
        t("addition_received", code=code),
        reply_markup=keyboards.about_feedback_keyboard(t, code, add=True),
    )
    log.info("addition received code=%s kind=%s", code, kind.value)


async def stop_adding(update: Update, context: HomThuContext) -> None:
    """«Thôi»: stop collecting; what was collected is dropped, and the resident told so."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    waiting = context.user_data.pop(ADDING, None) if context.user_data is not None else None
    await answer_quietly(query, t("toast_adding_stopped"))
    if isinstance(query.message, Message):
        with contextlib.suppress(BadRequest):
            await query.message.edit_reply_markup(reply_markup=None)
        if isinstance(waiting, dict) and _parts(waiting):
            await query.message.reply_text(t("adding_dropped"))


async def reply_to_bot(update: Update, context: HomThuContext) -> None:
    """A resident's Telegram reply to a message of the bot that names a code: the start of
    an addition to it, collected like one begun with «Bổ sung»."""
    message = update.effective_message
    assert message is not None
    replied = message.reply_to_message
    assert replied is not None
    found = _CODE_IN_TEXT.search(replied.text or replied.caption or "")
    assert found is not None
    code = normalize_reference_code(found.group(0)) or found.group(0)
    if _begin(context, code, AdditionKind.ADDITION) is None:
        return
    await take_addition(update, context)


class RepliesNamingACode(filters.MessageFilter):
    """A private reply to one of the bot's messages whose text names a reference code."""

    def filter(self, message: Message) -> bool:
        """True for a reply to the bot naming a code."""
        replied = message.reply_to_message
        if replied is None or replied.from_user is None:
            return False
        if replied.from_user.id != message.get_bot().id:
            return False
        return _CODE_IN_TEXT.search(replied.text or replied.caption or "") is not None


class LoneCode(filters.MessageFilter):
    """A text that is nothing but a reference code."""

    def filter(self, message: Message) -> bool:
        """True when the text is one code."""
        return lone_code(message.text) is not None
