"""Posting a live feedback card in the staff group, bringing a card up to date, and finding
the feedback a card's button is about.

A live card is one whose buttons work and to which replies are proposals: every message of
it (the card, the rest of a long text, the photos, the location) is remembered as being
about its feedback.
"""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InputMediaPhoto, Message

from bot.delivery.cards import refresh_cards
from bot.ptb.answers import answer_quietly
from bot.ptb.context import HomThuContext
from bot.render import keyboards
from bot.render.views import staff_card
from storage import Feedback, FeedbackNotFound
from texts import Texts

log = logging.getLogger(__name__)


async def post_card(
    context: HomThuContext, t: Texts, feedback: Feedback, *, reply_to: Message | None = None
) -> Message:
    """Post the feedback's card (answerable, with its buttons) and everything after it."""
    committee = context.committee
    chat, thread = committee.staff_chat_id, committee.staff_thread_id
    parts = staff_card(t, feedback, committee.timezone)
    markup = keyboards.status_keyboard(t, feedback.id, feedback.status)
    if reply_to is not None and reply_to.chat_id == chat:
        card = await reply_to.reply_text(parts[0], reply_markup=markup)
    else:
        card = await context.bot.send_message(
            chat, parts[0], reply_markup=markup, message_thread_id=thread
        )
    record = context.db.feedback.record_staff_message
    await record(card.chat_id, [card.message_id], feedback.id, "card")
    for part in parts[1:]:
        sent = await card.reply_text(part)
        await record(card.chat_id, [sent.message_id], feedback.id, "part")
    photos = feedback.photo_file_ids
    if len(photos) == 1:
        sent_photos = [await card.reply_photo(photos[0])]
    elif photos:
        sent_photos = list(await card.reply_media_group([InputMediaPhoto(p) for p in photos]))
    else:
        sent_photos = []
    if feedback.location is not None:
        latitude, longitude = feedback.location
        sent_photos.append(await card.reply_location(latitude=latitude, longitude=longitude))
    if sent_photos:
        await record(card.chat_id, [m.message_id for m in sent_photos], feedback.id, "photo")
    return card


async def refresh_card(context: HomThuContext, t: Texts, feedback: Feedback) -> None:
    """Show the feedback as it now stands on every card of it in the staff group (the
    first, and each one /show posted): whichever was pressed, all of them change."""
    await refresh_cards(context.bot, context.runtime, feedback)


async def pressed_feedback(
    context: HomThuContext, t: Texts, query: CallbackQuery, feedback_id: int | None
) -> Feedback | None:
    """The feedback a staff button is about (``feedback_id``, None when its data was not
    one), or None once the presser is told it is gone."""
    try:
        if feedback_id is None:
            raise FeedbackNotFound(str(query.data))
        return await context.db.feedback.get(feedback_id)
    except FeedbackNotFound:
        await answer_quietly(query, t("staff_feedback_gone"), show_alert=True)
        return None
