"""Every copy of a feedback's card in the staff group shows the feedback as it now stands.

A feedback may have several cards: the first one, and each one ``/show`` or a surge's "📂"
button posted later. All are live (their buttons work), so all are brought up to date
after every change, whoever made it: staff, the resident (a rating that reopens it, an
addition) or an agency.
"""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError

from bot.delivery.staff_chat import follow_move
from bot.ptb.context import BotRuntime
from bot.render import keyboards
from bot.render.views import staff_card
from storage import Feedback, FeedbackNotFound
from texts import Texts

log = logging.getLogger(__name__)


async def refresh_cards(bot: Bot, runtime: BotRuntime, feedback: Feedback) -> int:
    """Edit every card of ``feedback`` in the staff group; return how many were edited.

    A card that cannot be edited (unchanged, deleted, too old) stays as it was: the record
    is right, and the next change tries again. Cards left in a group that Telegram upgraded
    to a supergroup are not looked for (only those in today's staff group are).
    """
    committee = runtime.committee
    chat = committee.staff_chat_id
    cards = await runtime.database.feedback.card_messages(feedback.id, chat)
    if not cards:
        return 0
    t = Texts(committee.default_language)
    text = staff_card(t, feedback, committee.timezone)[0]
    markup = keyboards.status_keyboard(t, feedback.id, feedback.status)
    edited = 0
    for message_id in cards:
        try:
            await bot.edit_message_text(
                text, chat_id=chat, message_id=message_id, reply_markup=markup
            )
            edited += 1
        except ChatMigrated as error:
            # The group was upgraded to a supergroup: its cards stay behind (message ids do
            # not carry over), and the staff group is followed to where it went.
            log.info(
                "cards left in a group that moved, not brought up to date code=%s new=%d",
                feedback.code,
                error.new_chat_id,
            )
            await follow_move(runtime, chat, error.new_chat_id)
            break
        except (BadRequest, Forbidden):
            continue
        except TelegramError as error:
            # A network error or a 429: the other cards get their turn at the next change.
            log.warning("card not brought up to date code=%s error=%s", feedback.code, error)
            break
    return edited


async def refresh_cards_of(bot: Bot, runtime: BotRuntime, feedback_id: int) -> None:
    """``refresh_cards`` for a feedback known by id (one deleted meanwhile has no card)."""
    try:
        feedback = await runtime.database.feedback.get(feedback_id)
    except FeedbackNotFound:
        return
    await refresh_cards(bot, runtime, feedback)
