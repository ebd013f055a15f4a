"""The resident's conversation: area → topic → writing → preview → sent (SPEC §3).

What a message adds to the draft and what the bot says back are in ``writing``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ConversationHandler

from bot.handlers.resident.additions import cancel_adding, set_aside
from bot.handlers.resident.writing import (
    acknowledge,
    closed_area_intro,
    committee,
    drop_buttons,
    drop_buttons_of,
    forget_buttons,
    is_content,
    keep,
    moved_buttons,
    refusal,
    send_preview,
    take_content,
    take_edit,
)
from bot.ptb.answers import answer_quietly, stale
from bot.ptb.context import HomThuContext
from bot.render import keyboards
from core.intake import (
    AreaClosedMeanwhile,
    ChooseArea,
    ClosedArea,
    EmptyDraft,
    Intake,
    LocationKept,
    MalformedArea,
    NoOpenTopics,
    NotCurrent,
    RateLimited,
    Sent,
    Started,
    TopicClosedMeanwhile,
    TopicNeeded,
    UnknownArea,
    holds_writing,
)
from core.rules.additions import ADDING
from core.rules.draft import MAX_PHOTOS, Draft, forget_draft, load_draft, store_draft
from storage import Area
from texts import Texts

log = logging.getLogger(__name__)

__all__ = ["CONVERSATION_NAME", "WRITING", "offer_areas", "refusal"]

CONVERSATION_NAME = "intake"
CHOOSING_TOPIC, WRITING, PREVIEW, CONFIRM_RESTART = range(1, 5)
END = ConversationHandler.END
# Where a resident's area waits, between the notice that their idle draft was discarded
# and their next message (which starts a new draft for that area).
EXPIRED_AREA = "expired_area"

Step = Callable[[Update, HomThuContext, Draft], Coroutine[Any, Any, int]]
Callback = Callable[[Update, HomThuContext], Coroutine[Any, Any, int]]


def with_draft(step: Step) -> Callback:
    """Run a step on the resident's live draft, then keep it (or drop it when the step ends).

    A draft that is missing (swept away) or idle past the limit ends the conversation with
    a message and the areas (its own first), so an old button or message never dead-ends;
    a message that arrives after the limit starts a new draft for the same area.
    """

    @functools.wraps(step)
    async def run(update: Update, context: HomThuContext) -> int:
        draft = load_draft(context.user_data or {})
        now = context.runtime.now()
        if draft is None or not context.runtime.intake.is_live(draft):
            return await _draft_gone(update, context, draft)
        # Touched once per update: a step that keeps the draft early (writing.keep) and the
        # store below write the same thing, so the flush has nothing left to write.
        draft.touched_at = now.timestamp()
        state = await step(update, context, draft)
        if state == END:
            discard_draft(context)
            if update.effective_chat is not None:
                forget_buttons(context, update.effective_chat.id)
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


async def _draft_gone(update: Update, context: HomThuContext, expired: Draft | None) -> int:
    t = await context.texts(update)
    if update.callback_query:
        await answer_quietly(update.callback_query)
    discard_draft(context)
    message = update.effective_message
    if message is None:
        return END
    forget_buttons(context, message.chat_id)
    swept = _user_data(context).pop(EXPIRED_AREA, None)
    if expired is None and isinstance(swept, str):
        # Swept away while the conversation still stood at a step: the gate left its area.
        return await expired_draft(update, context, t, swept)
    if expired is None:
        await offer_areas(message, context, t, t("outside_draft"))
        return END
    log.info("draft expired on next message")
    return await expired_draft(update, context, t, expired.area_code)


async def expired_draft(update: Update, context: HomThuContext, t: Texts, area_code: str) -> int:
    """Say the idle draft is gone; what the resident just sent (text, photo, location)
    starts a new one for the same area, else that area is offered first."""
    message = update.effective_message
    assert message is not None
    await message.reply_text(t("draft_expired", hours=context.settings.draft_idle_hours))
    intake = context.runtime.intake
    area = await intake.open_area(area_code)
    # Only a new message starts a draft: not a button, not an edit of an old message.
    if area is not None and is_content(update.message):
        draft = intake.new_draft(area)
        if await take_content(message, t, draft) is not None:
            await keep(update, context, draft)
            return await _ask_topic(message, context, t, t("draft_expired_kept", area=area.name))
    if area is not None:
        intro = t("draft_expired_same_area", area=area.name)
        await offer_areas(message, context, t, intro, first=area)
        return END
    await offer_areas(message, context, t, t("outside_draft"))
    return END


async def resume_expired(update: Update, context: HomThuContext) -> int:
    """The first message after an idle draft was swept away (the gate left its area)."""
    area_code = _user_data(context).pop(EXPIRED_AREA, None)
    t = await context.texts(update)
    if not isinstance(area_code, str):
        message = update.effective_message
        assert message is not None
        await offer_areas(message, context, t, t("outside_draft"))
        return END
    return await expired_draft(update, context, t, area_code)


async def offer_areas(
    message: Message, context: HomThuContext, t: Texts, intro: str, first: Area | None = None
) -> None:
    """Say ``intro`` with the open areas as buttons (``first`` on top), or that none is
    open."""
    areas = await context.runtime.intake.open_areas()
    if not areas:
        await message.reply_text(t("no_open_areas"))
        return
    await message.reply_text(intro, reply_markup=keyboards.areas_keyboard(areas, t, first))


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
    t = await context.texts(update)
    # Starting anew ends any wait for an addition; one holding unsent parts is kept aside,
    # with its own buttons, and the resident told so.
    await set_aside(context, message, t)
    _user_data(context).pop(EXPIRED_AREA, None)
    who = committee(context, t)
    started = await context.runtime.intake.start(code)
    match started:
        case ChooseArea():
            await offer_areas(message, context, t, t("choose_area", committee=who))
            return END
        case MalformedArea():
            log.info("start with malformed area code")
            await offer_areas(message, context, t, t("malformed_area"))
            return END
        case UnknownArea(code=unknown):
            log.info("start with unknown area=%s", unknown)
            await offer_areas(message, context, t, t("unknown_area", code=unknown))
            return END
        case ClosedArea(name=name):
            log.info("start with closed area=%s", code)
            intro = closed_area_intro(t, name, context.committee.contact_text)
            await offer_areas(message, context, t, intro)
            return END
        case NoOpenTopics():
            await message.reply_text(t("no_open_topics"))
            return END
        case Started(draft=draft, area=area, topics=topics):
            store_draft(_user_data(context), draft, context.runtime.now())
            log.info("draft started area=%s", area.code)
            await message.reply_text(
                t("greeting", committee=who, area=area.name),
                reply_markup=keyboards.topics_keyboard(topics, t.language),
            )
            return CHOOSING_TOPIC


def _message_of(query: CallbackQuery) -> Message | None:
    return query.message if isinstance(query.message, Message) else None


async def _press(update: Update, context: HomThuContext) -> tuple[CallbackQuery, str, Texts]:
    """A button press, its data and the presser's texts; not answered yet, as the answer
    may be that the button is stale."""
    query = update.callback_query
    assert query is not None
    assert query.data is not None
    return query, query.data, await context.texts(update)


async def _pressed(update: Update, context: HomThuContext) -> tuple[CallbackQuery, Texts]:
    """A button press, answered, and the presser's texts."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    await answer_quietly(query)
    return query, t


# --- Topic ---------------------------------------------------------------------------


@with_draft
async def switch_area(update: Update, context: HomThuContext, draft: Draft) -> int:
    """An area button pressed while choosing a topic: move the draft to that area."""
    query, data, t = await _press(update, context)
    area = await context.runtime.intake.open_area(data.removeprefix(keyboards.AREA_PREFIX))
    if area is None:
        await stale(query, t, _message_of(query))
        return CHOOSING_TOPIC
    await answer_quietly(query)
    Intake.move(draft, area)
    greeting = t("greeting", committee=committee(context, t), area=area.name)
    return await _ask_topic(query.message, context, t, greeting)


async def _ask_topic(message: object, context: HomThuContext, t: Texts, text: str) -> int:
    topics = await context.runtime.intake.topics()
    if isinstance(message, Message):
        await message.reply_text(text, reply_markup=keyboards.topics_keyboard(topics, t.language))
    return CHOOSING_TOPIC


@with_draft
async def pick_topic(update: Update, context: HomThuContext, draft: Draft) -> int:
    """A topic button: remember it and ask for the text."""
    query, data, t = await _press(update, context)
    number = keyboards.id_after(keyboards.TOPIC_PREFIX, data)
    topic = await context.runtime.intake.choose_topic(draft, number, t.language)
    if topic is None:
        await stale(query, t, _message_of(query))
        return CHOOSING_TOPIC
    await answer_quietly(query)
    log.info("topic chosen area=%s topic=%s", draft.area_code, topic.id)
    markup = None if draft.is_empty else keyboards.writing_keyboard(t)
    await _edit_or_reply(context, query.message, _writing_prompt(t, draft), markup)
    return WRITING


def _writing_prompt(t: Texts, draft: Draft) -> str:
    if draft.is_empty:
        return t("write_prompt", topic=draft.topic_name, max_photos=MAX_PHOTOS)
    return t("write_prompt_with_content", topic=draft.topic_name)


async def _edit_or_reply(
    context: HomThuContext, message: object, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Turn the message whose button was pressed into the next prompt (its buttons go)."""
    if not isinstance(message, Message):
        return
    try:
        edited = await message.edit_text(text, reply_markup=markup)
    except BadRequest:
        edited = await message.reply_text(text, reply_markup=markup)
    if markup is not None and isinstance(edited, Message):
        await moved_buttons(context, edited)


@with_draft
async def content_before_topic(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Text, a photo or a location before a topic was chosen: keep it, ask for the topic."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    if await take_content(message, t, draft) is None:
        return CHOOSING_TOPIC
    await keep(update, context, draft)
    return await _ask_topic(message, context, t, t("kept_before_topic"))


# --- Writing -------------------------------------------------------------------------


@with_draft
async def add_content(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Text, a photo or a location while writing (or after the preview): join it."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    kept = await take_content(message, t, draft)
    if kept is not None:
        await keep(update, context, draft)
        await acknowledge(context, message, t, kept)
    return WRITING


async def refuse_content(update: Update, context: HomThuContext) -> None:
    """Voice, stickers, video, contacts, files: say what is accepted (state kept)."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    await message.reply_text(refusal(t, message))


async def edited_message(update: Update, context: HomThuContext) -> None:
    """An edited private message: a part of the draft is changed to its new text; an edit
    of anything else is explained (a sent feedback cannot be edited)."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    draft = context.runtime.intake.live(load_draft(context.user_data or {}))
    if draft is None:
        await message.reply_text(t("edited_not_in_draft"))
        return
    if await take_edit(message, t, draft):
        await keep(update, context, draft)
        log.info("draft part edited area=%s", draft.area_code)


# --- Preview -------------------------------------------------------------------------


@with_draft
async def show_preview(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Show exactly what staff will see, with send / change / cancel."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    review = Intake.preview(draft)
    if isinstance(review, EmptyDraft):
        await answer_quietly(query, t("empty_draft"), show_alert=True)
        return WRITING
    await answer_quietly(query)
    message = query.message
    if isinstance(message, Message):
        await drop_buttons(message)
        await send_preview(context, message, t, review)
    return PREVIEW


@with_draft
async def change(update: Update, context: HomThuContext, draft: Draft) -> int:
    """«Sửa»: ask how — write more (everything kept) or start over (asked again)."""
    query, t = await _pressed(update, context)
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
        sent = await query.message.reply_text(
            t("edit_choice"), reply_markup=keyboards.edit_keyboard(t)
        )
        await moved_buttons(context, sent)
    return PREVIEW


@with_draft
async def write_more(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Keep everything and go on writing."""
    query, t = await _pressed(update, context)
    await _edit_or_reply(
        context, query.message, t("edit_more_prompt"), keyboards.writing_keyboard(t)
    )
    return WRITING


@with_draft
async def start_over(update: Update, context: HomThuContext, draft: Draft) -> int:
    """«Viết lại từ đầu»: ask before deleting what was written."""
    query, t = await _pressed(update, context)
    await _edit_or_reply(
        context, query.message, t("edit_over_confirm"), keyboards.edit_over_keyboard(t)
    )
    return PREVIEW


@with_draft
async def start_over_confirmed(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Drop the texts, photos and location; keep area and topic; ask for the text again."""
    query, t = await _pressed(update, context)
    Intake.start_over(draft)
    await _edit_or_reply(context, query.message, t("edit_prompt", topic=draft.topic_name), None)
    log.info("draft started over area=%s", draft.area_code)
    return WRITING


@with_draft
async def back_to_preview(update: Update, context: HomThuContext, draft: Draft) -> int:
    """«Quay lại» / «Không, giữ lại»: nothing changes; the preview again."""
    query, t = await _pressed(update, context)
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
        review = Intake.preview(draft)
        if isinstance(review, EmptyDraft):
            await query.message.reply_text(_writing_prompt(t, draft))
            return WRITING
        await send_preview(context, query.message, t, review)
    return PREVIEW


@with_draft
async def edited_at_review(update: Update, context: HomThuContext, draft: Draft) -> int:
    """A message of the draft edited while the review is open (to take out a line the
    warning pointed at, say): its part changes and the review is shown again, warnings
    and all, so that what is sent is what the resident last saw."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    if not await take_edit(message, t, draft):
        return PREVIEW
    await keep(update, context, draft)
    log.info("draft part edited at the review area=%s", draft.area_code)
    # Never empty here: Telegram keeps no empty text, and a caption's photo stays.
    await send_preview(context, message, t, draft)
    return PREVIEW


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
    runtime = context.runtime
    resident = runtime.anonymizer.resident_key(update.effective_user.id)
    sending = await context.runtime.intake.submit(draft, resident, submission_of(query.data))
    match sending:
        case NotCurrent():
            # The button of an earlier preview: that draft was sent or replaced.
            await sent_before(update, context)
            return PREVIEW
        case RateLimited(limit=limit):
            log.info("feedback rate limited area=%s", draft.area_code)
            await answer_quietly(query, t("feedback_rate_limited", limit=limit), show_alert=True)
            return PREVIEW
        case TopicNeeded():
            await answer_quietly(query)
            return await _ask_topic(query.message, context, t, t("choose_topic_again"))
        case AreaClosedMeanwhile():
            await answer_quietly(query)
            if isinstance(query.message, Message):
                await offer_areas(query.message, context, t, t("send_failed_area_closed"))
            return CHOOSING_TOPIC
        case TopicClosedMeanwhile():
            await answer_quietly(query)
            return await _ask_topic(query.message, context, t, t("send_failed_topic_closed"))
        case Sent(feedback=feedback, created=created):
            if created:
                runtime.wake_outbox()
            await answer_quietly(query)
            if isinstance(query.message, Message):
                await drop_buttons(query.message)
                await _receipt(context, query.message, t, feedback.code)
            log.info(
                "feedback sent code=%s area=%s topic=%s photos=%d again=%s",
                feedback.code,
                feedback.area.code,
                feedback.topic.id,
                len(feedback.photo_file_ids),
                not created,
            )
            return END


def submission_of(data: str | None) -> str:
    """The submission token in the data of a send button ("" for none)."""
    return (data or "").removeprefix(keyboards.SEND).removeprefix(":")


async def _receipt(context: HomThuContext, message: Message, t: Texts, code: str) -> None:
    """The reference code, and whether to deliver staff's answers here (no, until asked)."""
    tag = context.runtime.anonymizer.receipt_tag(message.chat_id, code)
    await message.reply_text(
        t.with_html("sent", code=code), reply_markup=keyboards.receipt_keyboard(t, code, tag)
    )


async def sent_before(update: Update, context: HomThuContext) -> None:
    """A send button whose draft is no longer being written: the receipt if it was sent."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    feedback = await context.runtime.intake.sent_with(submission_of(query.data))
    if feedback is None:
        await stale(query, t, _message_of(query))
        return
    await answer_quietly(query)
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
        await _receipt(context, query.message, t, feedback.code)
    log.info("send pressed again code=%s: kept once", feedback.code)


@with_draft
async def cancel_while_writing(update: Update, context: HomThuContext, draft: Draft) -> int:
    """«Hủy» under an acknowledgement: ask before deleting what was written."""
    return await _ask_cancel(update, context, draft, WRITING)


@with_draft
async def cancel_at_review(update: Update, context: HomThuContext, draft: Draft) -> int:
    """«Hủy» under the review: ask before deleting what was written (as «Sửa» does)."""
    return await _ask_cancel(update, context, draft, PREVIEW)


async def _ask_cancel(update: Update, context: HomThuContext, draft: Draft, state: int) -> int:
    query, t = await _pressed(update, context)
    if not holds_writing(draft):
        return await _cancelled(query, t, draft)  # nothing written: nothing to lose
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
        await _ask_cancel_question(context, query.message, t)
    return state


async def _ask_cancel_question(context: HomThuContext, message: Message, t: Texts) -> None:
    """Whether to delete what was written; the draft's buttons move under the question."""
    sent = await message.reply_text(
        t("cancel_confirm"), reply_markup=keyboards.cancel_draft_keyboard(t)
    )
    await moved_buttons(context, sent)


@with_draft
async def cancel_declined(update: Update, context: HomThuContext, draft: Draft) -> int:
    """«Không, giữ lại» to a /cancel given before a topic, or at the restart question:
    nothing changes; that step's question again (writing and the review have their own)."""
    query, t = await _pressed(update, context)
    message = query.message
    if not isinstance(message, Message):
        return CHOOSING_TOPIC if draft.topic_id is None else WRITING
    await drop_buttons(message)
    if draft.resume_state is not None:
        await _ask_restart(context, message, t)
        return CONFIRM_RESTART
    if draft.topic_id is None:
        return await _ask_topic(message, context, t, t("choose_topic_again"))
    prompt = await message.reply_text(
        _writing_prompt(t, draft), reply_markup=keyboards.writing_keyboard(t)
    )
    await moved_buttons(context, prompt)
    return WRITING


@with_draft
async def cancel_confirmed(update: Update, context: HomThuContext, draft: Draft) -> int:
    """«Bỏ góp ý»: drop the draft."""
    query, t = await _pressed(update, context)
    return await _cancelled(query, t, draft)


async def _cancelled(query: CallbackQuery, t: Texts, draft: Draft) -> int:
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
        await query.message.reply_text(t("cancelled"))
    log.info("draft cancelled area=%s", draft.area_code)
    return END


async def cancel_command(update: Update, context: HomThuContext) -> int | None:
    """/cancel at any step: drop the draft (and any wait for an addition), after asking
    when it holds anything the resident wrote (SPEC §3.7)."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    if await cancel_adding(context, message, t):
        return None  # asked about the addition; the draft, if any, stays as it is
    _user_data(context).pop(ADDING, None)
    if context.runtime.intake.asks_before_dropping(load_draft(context.user_data or {})):
        await _ask_cancel_question(context, message, t)
        return None  # the conversation stays at its step until the resident answers
    discard_draft(context)
    buttons = context.runtime.draft_buttons.pop(message.chat_id)
    if buttons is not None:
        await drop_buttons_of(message, buttons[0])
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
    if draft is None or not context.runtime.intake.asks_before_restart(draft):
        discard_draft(context)
        return await _begin(update, context, code)
    t = await context.texts(update)
    draft.resume_state = CHOOSING_TOPIC if draft.topic_id is None else WRITING
    draft.pending_area_code = code or ""
    store_draft(_user_data(context), draft, context.runtime.now())
    await _ask_restart(context, message, t)
    return CONFIRM_RESTART


async def _ask_restart(context: HomThuContext, message: Message, t: Texts) -> None:
    """Ask whether to drop the draft for the new start; the draft's buttons move under the
    question, so that they go from it whatever the answer."""
    sent = await message.reply_text(
        t("restart_confirm"), reply_markup=keyboards.restart_keyboard(t)
    )
    await moved_buttons(context, sent)


async def restart_confirmed(update: Update, context: HomThuContext) -> int:
    """Drop the draft and start again with the code of the new /start."""
    query = update.callback_query
    assert query is not None
    await answer_quietly(query)
    draft = load_draft(context.user_data or {})
    code = draft.pending_area_code if draft else None
    discard_draft(context)
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
    return await _begin(update, context, code or None)


@with_draft
async def restart_declined(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Keep writing where the resident was."""
    query, t = await _pressed(update, context)
    state = draft.resume_state or WRITING
    draft.resume_state, draft.pending_area_code = None, None
    message = query.message
    if isinstance(message, Message):
        await drop_buttons(message)
        if state == CHOOSING_TOPIC:
            return await _ask_topic(message, context, t, t("choose_topic_again"))
        markup = None if draft.is_empty else keyboards.writing_keyboard(t)
        prompt = await message.reply_text(_writing_prompt(t, draft), reply_markup=markup)
        if markup is not None:
            await moved_buttons(context, prompt)
    return state


@with_draft
async def content_at_restart_question(update: Update, context: HomThuContext, draft: Draft) -> int:
    """Text, a photo or a location while the restart question is open: the resident goes on
    writing, so it joins the draft being written and the new start is let go (nothing
    typed is swallowed waiting for a button)."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    kept = await take_content(message, t, draft)
    if kept is None:
        return CONFIRM_RESTART  # said why it did not fit; the question still stands
    state = draft.resume_state or WRITING
    draft.resume_state, draft.pending_area_code = None, None
    await keep(update, context, draft)
    log.info("draft went on at the restart question area=%s", draft.area_code)
    if state == CHOOSING_TOPIC:
        question = context.runtime.draft_buttons.pop(message.chat_id)
        if question is not None:
            await drop_buttons_of(message, question[0])
        return await _ask_topic(message, context, t, t("kept_before_topic"))
    replaced = isinstance(kept, LocationKept) and kept.replaced
    text = t("received_location_replaced") if replaced else t("received_kept_writing")
    await acknowledge(context, message, t, kept, text=text)
    return WRITING


async def repeat_restart_question(update: Update, context: HomThuContext) -> int:
    """Anything else while the restart question is open: ask it again."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    await _ask_restart(context, message, t)
    return CONFIRM_RESTART
