"""The resident's conversation: area → topic → writing → preview → sent (SPEC §3)."""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import InlineKeyboardMarkup, InputMediaPhoto, Message, Update
from telegram.error import BadRequest
from telegram.ext import ConversationHandler

from bot import keyboards
from bot.answers import answer_quietly
from bot.context import HomThuContext
from bot.draft import (
    IDLE_LIMIT,
    MAX_CHARS,
    MAX_PHOTOS,
    Draft,
    TooLong,
    TooManyPhotos,
    forget_draft,
    keep_draft,
    load_draft,
    store_draft,
)
from bot.texts import Texts
from bot.views import card_messages, visible_length
from storage import AreaClosed, AreaNotFound, FeedbackNotFound, NewFeedback, TopicNotFound
from storage.models import validate_area_code

log = logging.getLogger(__name__)

CONVERSATION_NAME = "intake"
CHOOSING_TOPIC, WRITING, PREVIEW, CONFIRM_RESTART = range(1, 5)
END = ConversationHandler.END

Step = Callable[[Update, HomThuContext, Draft], Coroutine[Any, Any, int]]
Callback = Callable[[Update, HomThuContext], Coroutine[Any, Any, int]]


def with_draft(step: Step) -> Callback:
    """Run a step on the resident's live draft, then keep it (or drop it when the step ends).

    A draft that is missing (swept away) or idle past the limit ends the conversation with
    a message and the list of areas, so an old button or message never dead-ends.
    """

    @functools.wraps(step)
    async def run(update: Update, context: HomThuContext) -> int:
        draft = load_draft(context.user_data or {})
        now = context.runtime.now()
        if draft is None or draft.is_idle(now):
            return await _draft_gone(update, context, expired=draft is not None)
        # Touched once per update: a step that keeps the draft early (_keep) and the store
        # below write the same thing, so the flush has nothing left to write.
        draft.touched_at = now.timestamp()
        state = await step(update, context, draft)
        if state == END:
            discard_draft(context)
        else:
            store_draft(_user_data(context), draft, now)
        return state

    return run


def _user_data(context: HomThuContext) -> dict[object, object]:
    data = context.user_data
    if data is None:
        raise RuntimeError("conversation update without a user")
    return data


def discard_draft(context: HomThuContext) -> None:
    """Forget the draft; the persistence flush then deletes its row."""
    forget_draft(_user_data(context))


async def _draft_gone(update: Update, context: HomThuContext, *, expired: bool) -> int:
    t = await context.texts(update)
    if update.callback_query:
        await answer_quietly(update.callback_query)
    discard_draft(context)
    message = update.effective_message
    if message is None:
        return END
    if expired:
        log.info("draft expired on next message")
        await message.reply_text(t("draft_expired", minutes=int(IDLE_LIMIT.total_seconds() // 60)))
    await offer_areas(message, context, t, t("outside_draft"))
    return END


async def offer_areas(message: Message, context: HomThuContext, t: Texts, intro: str) -> None:
    """Say ``intro`` with the open areas as buttons, or that none is open."""
    areas = await context.db.areas.list(include_closed=False)
    if not areas:
        await message.reply_text(t("no_open_areas"))
        return
    await message.reply_text(intro, reply_markup=keyboards.areas_keyboard(areas))


# --- Arrival -------------------------------------------------------------------------


async def start(update: Update, context: HomThuContext) -> int:
    """/start [area_code]: greet for the area of the QR code, or list the areas."""
    code = context.args[0] if context.args else None
    return await _begin(update, context, code)


async def pick_area(update: Update, context: HomThuContext) -> int:
    """An area button, pressed outside a draft: start one for that area."""
    query = update.callback_query
    assert query is not None
    assert query.data is not None
    await answer_quietly(query)
    return await _begin(update, context, query.data.removeprefix(keyboards.AREA_PREFIX))


async def _begin(update: Update, context: HomThuContext, code: str | None) -> int:
    message = update.effective_message
    assert message is not None
    # Starting anew ends any wait for an addition (follow_up.ADDING).
    _user_data(context).pop("adding", None)
    t = await context.texts(update)
    unit = context.settings.unit_name
    if code is None:
        await offer_areas(message, context, t, t("choose_area", unit=unit))
        return END
    if not validate_area_code(code):
        log.info("start with malformed area code")
        await offer_areas(message, context, t, t("malformed_area"))
        return END
    try:
        area = await context.db.areas.get_open(code)
    except AreaNotFound:
        log.info("start with unknown area=%s", code)
        await offer_areas(message, context, t, t("unknown_area", code=code))
        return END
    except AreaClosed:
        closed = await context.db.areas.get(code)
        log.info("start with closed area=%s", code)
        await offer_areas(message, context, t, t("closed_area", area=closed.name))
        return END
    topics = await context.db.topics.list()
    if not topics:
        await message.reply_text(t("no_open_topics"))
        return END
    draft = Draft(area.id, area.code, area.name, touched_at=0.0)
    store_draft(_user_data(context), draft, context.runtime.now())
    log.info("draft started area=%s", area.code)
    await message.reply_text(
        t("greeting", unit=unit, area=area.name),
        reply_markup=keyboards.topics_keyboard(topics, t.language),
    )
    return CHOOSING_TOPIC


# --- Topic ---------------------------------------------------------------------------


@with_draft
async def switch_area(update: Update, context: HomThuContext, draft: Draft) -> int:
    """An area button pressed while choosing a topic: move the draft to that area."""
    query = update.callback_query
    assert query is not None
    assert query.data is not None
    t = await context.texts(update)
    code = query.data.removeprefix(keyboards.AREA_PREFIX)
    try:
        area = await context.db.areas.get_open(code)
    except (AreaNotFound, AreaClosed):
        await answer_quietly(query, t("stale_button"))
        return CHOOSING_TOPIC
    await answer_quietly(query)
    draft.area_id, draft.area_code, draft.area_name = area.id, area.code, area.name
    greeting = t("greeting", unit=context.settings.unit_name, area=area.name)
    return await _ask_topic(query.message, context, t, greeting)


async def _ask_topic(message: object, context: HomThuContext, t: Texts, text: str) -> int:
    topics = await context.db.topics.list()
    if isinstance(message, Message):
        await message.reply_text(text, reply_markup=keyboards.topics_keyboard(topics, t.language))
    return CHOOSING_TOPIC


@with_draft
async def pick_topic(update: Update, context: HomThuContext, draft: Draft) -> int:
    """A topic button: remember it and ask for the text."""
    query = update.callback_query
    assert query is not None
    assert query.data is not None
    t = await context.texts(update)
    number = keyboards.id_after(keyboards.TOPIC_PREFIX, query.data)
    try:
        if number is None:
            raise TopicNotFound(str(query.data))
        topic = await context.db.topics.get_open(number)
    except TopicNotFound:
        await answer_quietly(query, t("stale_button"))
        return CHOOSING_TOPIC
    await answer_quietly(query)
    draft.topic_id, draft.topic_name = topic.id, topic.name(t.language)
    log.info("topic chosen area=%s topic=%s", draft.area_code, topic.id)
    markup = None if draft.is_empty else keyboards.writing_keyboard(t)
    await _edit_or_reply(query.message, _writing_prompt(t, draft), markup)
    return WRITING


def _writing_prompt(t: Texts, draft: Draft) -> str:
    if draft.is_empty:
        return t("write_prompt", topic=draft.topic_name, max_photos=MAX_PHOTOS)
    return t(
        "write_prompt_with_content",
        topic=draft.topic_name,
        chars=draft.char_count,
        max_chars=MAX_CHARS,
        photos=len(draft.photos),
        max_photos=MAX_PHOTOS,
    )


async def _edit_or_reply(message: object, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Turn the message whose button was pressed into the next prompt (its buttons go)."""
    if not isinstance(message, Message):
        return
    try:
        await message.edit_text(text, reply_markup=markup)
    except BadRequest:
        await message.reply_text(text, reply_markup=markup)


@with_draft
async def content_before_topic(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Text or a photo before a topic was chosen: keep it, and ask for the topic again."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    if not await _take_content(message, t, draft):
        return CHOOSING_TOPIC
    await _keep(update, context, draft)
    return await _ask_topic(message, context, t, t("kept_before_topic"))


# --- Writing -------------------------------------------------------------------------


@with_draft
async def add_content(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Text or a photo while writing (or after the preview): join it to the draft."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    if await _take_content(message, t, draft):
        await _keep(update, context, draft)
        await _acknowledge(message, t, draft)
    return WRITING


async def _keep(update: Update, context: HomThuContext, draft: Draft) -> None:
    """Write the draft to disk now, before telling the resident it is kept.

    The flush after every update would come a moment later; a crash in that moment would
    lose a message the resident had been told was received.
    """
    assert update.effective_user is not None
    keep_draft(_user_data(context), draft)
    context.application.mark_data_for_update_persistence(user_ids=update.effective_user.id)
    await context.application.update_persistence()


async def _take_content(message: Message, t: Texts, draft: Draft) -> bool:
    """Add the message's text or photo; say why not when it does not fit."""
    try:
        if message.photo:
            draft.add_photo(message.photo[-1].file_id, message.caption)
        else:
            draft.add_text(message.text or "")
    except TooLong as exc:
        await message.reply_text(
            t("too_long", max_chars=MAX_CHARS, current=exc.current, incoming=exc.incoming)
        )
        return False
    except TooManyPhotos:
        await message.reply_text(t("too_many_photos", max_photos=MAX_PHOTOS))
        return False
    return True


async def _acknowledge(message: Message, t: Texts, draft: Draft) -> None:
    """Confirm what is kept; the photos of one album share one, edited, confirmation."""
    text = t(
        "received",
        chars=draft.char_count,
        max_chars=MAX_CHARS,
        photos=len(draft.photos),
        max_photos=MAX_PHOTOS,
    )
    markup = keyboards.writing_keyboard(t)
    album = message.media_group_id
    if album and album == draft.ack_media_group and draft.ack_message_id:
        try:
            await message.get_bot().edit_message_text(
                text, chat_id=message.chat_id, message_id=draft.ack_message_id, reply_markup=markup
            )
            return
        except BadRequest:
            pass
    sent = await message.reply_text(text, reply_markup=markup)
    if album:
        # Only an album's later photos edit this confirmation; for a lone message nothing is
        # remembered, so the draft kept before the answer is the draft at the end.
        draft.ack_message_id, draft.ack_media_group = sent.message_id, album


async def refuse_content(update: Update, context: HomThuContext) -> None:
    """Voice, stickers, video, location, contacts, files: say what is accepted (state kept)."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    await message.reply_text(refusal(t, message))


def refusal(t: Texts, message: Message) -> str:
    """Why this kind of message is not accepted."""
    if message.voice or message.video_note:
        return t("voice_refused")
    if message.sticker:
        kind = "kind_sticker"
    elif message.animation:
        kind = "kind_animation"
    elif message.video:
        kind = "kind_video"
    elif message.audio:
        kind = "kind_audio"
    elif message.location or message.venue:
        kind = "kind_location"
    elif message.contact:
        kind = "kind_contact"
    elif message.document:
        kind = "kind_document"
    elif message.poll:
        kind = "kind_poll"
    else:
        kind = "kind_other"
    return t("content_refused", kind=t(kind), max_photos=MAX_PHOTOS)


# --- Preview -------------------------------------------------------------------------


@with_draft
async def show_preview(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Show exactly what staff will see, with send / rewrite / cancel / replies."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    if draft.is_empty:
        await answer_quietly(query, t("empty_draft"), show_alert=True)
        return WRITING
    await answer_quietly(query)
    message = query.message
    if isinstance(message, Message):
        await _drop_buttons(message)
        await send_preview(message, t, draft)
    return PREVIEW


async def send_preview(message: Message, t: Texts, draft: Draft) -> None:
    """The photos, then the card; the buttons sit under the last message."""
    chat = message.chat
    if len(draft.photos) == 1:
        await chat.send_photo(draft.photos[0])
    elif draft.photos:
        await chat.send_media_group([InputMediaPhoto(file_id) for file_id in draft.photos])
    wrapper = visible_length(t.with_html("preview", card=""))
    cards = card_messages(
        t,
        code=t("card_code_pending"),
        area=draft.area_name,
        topic=draft.topic_name,
        time=t("card_time_pending"),
        body=draft.body,
        photos=len(draft.photos),
        reserve=wrapper,
    )
    markup = keyboards.preview_keyboard(t, draft.submission)
    if len(cards) == 1:
        await chat.send_message(t.with_html("preview", card=cards[0]), reply_markup=markup)
        return
    intro, outro = t.with_html("preview", card="\n").split("\n\n", 1)
    await chat.send_message(intro)
    for card in cards:
        await chat.send_message(card)
    await chat.send_message(outro.strip(), reply_markup=markup)


async def _drop_buttons(message: Message) -> None:
    # Already without buttons, or too old to edit: nothing to clean up then.
    with contextlib.suppress(BadRequest):
        await message.edit_reply_markup(reply_markup=None)


@with_draft
async def rewrite(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Drop the texts and photos, keep area and topic, and ask for the text again."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    await answer_quietly(query)
    draft.clear_content()
    if isinstance(query.message, Message):
        await _drop_buttons(query.message)
        await query.message.reply_text(t("edit_prompt", topic=draft.topic_name))
    return WRITING


@with_draft
async def send_feedback(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Store the feedback in one transaction and give the resident the reference code.

    Sending is idempotent: the draft's submission token finds a feedback stored by an
    earlier press (one whose receipt a crash kept from the resident), which is answered
    with the same code and stores nothing more.
    """
    query = update.callback_query
    assert query is not None
    assert update.effective_user is not None
    t = await context.texts(update)
    if submission_of(query.data) != draft.submission:
        # The button of an earlier preview: that draft was sent or replaced.
        await sent_before(update, context)
        return PREVIEW
    runtime = context.runtime
    resident = runtime.anonymizer.resident_key(update.effective_user.id)
    if not runtime.feedback_limit.allow(resident):
        log.info("feedback rate limited area=%s", draft.area_code)
        await answer_quietly(
            query, t("feedback_rate_limited", limit=runtime.feedback_limit.limit), show_alert=True
        )
        return PREVIEW
    if draft.topic_id is None:
        await answer_quietly(query)
        return await _ask_topic(query.message, context, t, t("choose_topic_again"))
    new = NewFeedback(
        draft.area_id,
        draft.topic_id,
        draft.body,
        tuple(draft.photos),
        submission=draft.submission,
    )
    try:
        submitted = await context.db.feedback.submit(new)
    except AreaClosed:
        await answer_quietly(query)
        if isinstance(query.message, Message):
            await offer_areas(query.message, context, t, t("send_failed_area_closed"))
        draft.topic_id = None
        return CHOOSING_TOPIC
    except TopicNotFound:
        await answer_quietly(query)
        draft.topic_id = None
        return await _ask_topic(query.message, context, t, t("send_failed_topic_closed"))
    feedback = submitted.feedback
    if submitted.created:
        runtime.wake_outbox()
    await answer_quietly(query)
    if isinstance(query.message, Message):
        await _drop_buttons(query.message)
        await _receipt(query.message, t, feedback.code)
    log.info(
        "feedback sent code=%s area=%s topic=%s photos=%d again=%s",
        feedback.code,
        feedback.area.code,
        feedback.topic.id,
        len(feedback.photo_file_ids),
        not submitted.created,
    )
    return END


def submission_of(data: str | None) -> str:
    """The submission token in the data of a send button ("" for none)."""
    return (data or "").removeprefix(keyboards.SEND).removeprefix(":")


async def _receipt(message: Message, t: Texts, code: str) -> None:
    """The reference code, and whether to deliver staff's answers here (no, until asked)."""
    await message.reply_text(
        t.with_html("sent", code=code), reply_markup=keyboards.receipt_keyboard(t, code)
    )


async def sent_before(update: Update, context: HomThuContext) -> None:
    """A send button whose draft is no longer being written: the receipt if it was sent."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    submission = submission_of(query.data)
    try:
        feedback = await context.db.feedback.get_by_submission(submission) if submission else None
    except FeedbackNotFound:
        feedback = None
    if feedback is None:
        await answer_quietly(query, t("stale_button"))
        return
    await answer_quietly(query)
    if isinstance(query.message, Message):
        await _drop_buttons(query.message)
        await _receipt(query.message, t, feedback.code)
    log.info("send pressed again code=%s: kept once", feedback.code)


@with_draft
async def cancel_button(update: Update, context: HomThuContext, draft: Draft) -> int:
    """The Hủy button: drop the draft."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    await answer_quietly(query)
    if isinstance(query.message, Message):
        await _drop_buttons(query.message)
        await query.message.reply_text(t("cancelled"))
    log.info("draft cancelled area=%s", draft.area_code)
    return END


async def cancel_command(update: Update, context: HomThuContext) -> int:
    """/cancel at any step: drop the draft (and any wait for an addition)."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    discard_draft(context)
    _user_data(context).pop("adding", None)
    await message.reply_text(t("cancelled"))
    log.info("draft cancelled by command")
    return END


# --- A new /start in the middle of a draft ---------------------------------------------


async def restart(update: Update, context: HomThuContext) -> int:
    """/start while writing: ask before dropping a draft that has anything in it."""
    message = update.effective_message
    assert message is not None
    code = context.args[0] if context.args else None
    draft = load_draft(context.user_data or {})
    if draft is None or draft.is_idle(context.runtime.now()) or draft.is_empty:
        discard_draft(context)
        return await _begin(update, context, code)
    t = await context.texts(update)
    draft.resume_state = CHOOSING_TOPIC if draft.topic_id is None else WRITING
    draft.pending_area_code = code or ""
    store_draft(_user_data(context), draft, context.runtime.now())
    await message.reply_text(t("restart_confirm"), reply_markup=keyboards.restart_keyboard(t))
    return CONFIRM_RESTART


async def restart_confirmed(update: Update, context: HomThuContext) -> int:
    """Drop the draft and start again with the code of the new /start."""
    query = update.callback_query
    assert query is not None
    await answer_quietly(query)
    draft = load_draft(context.user_data or {})
    code = draft.pending_area_code if draft else None
    discard_draft(context)
    if isinstance(query.message, Message):
        await _drop_buttons(query.message)
    return await _begin(update, context, code or None)


@with_draft
async def restart_declined(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Keep writing where the resident was."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    await answer_quietly(query)
    state = draft.resume_state or WRITING
    draft.resume_state, draft.pending_area_code = None, None
    message = query.message
    if isinstance(message, Message):
        await _drop_buttons(message)
        if state == CHOOSING_TOPIC:
            return await _ask_topic(message, context, t, t("choose_topic_again"))
        markup = None if draft.is_empty else keyboards.writing_keyboard(t)
        await message.reply_text(_writing_prompt(t, draft), reply_markup=markup)
    return state


async def repeat_restart_question(update: Update, context: HomThuContext) -> int:
    """Anything else while the restart question is open: ask it again."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    await message.reply_text(t("restart_confirm"), reply_markup=keyboards.restart_keyboard(t))
    return CONFIRM_RESTART
