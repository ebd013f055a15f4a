"""Answering a button press: without letting a refused answer undo the press, and saying
plainly when the button no longer does anything."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Message
from telegram.error import BadRequest

from texts import Texts

log = logging.getLogger(__name__)


async def answer_quietly(
    query: CallbackQuery, text: str | None = None, *, show_alert: bool = False
) -> None:
    """Answer a callback query; if Telegram refuses (the press is too old, e.g. made while
    the bot was restarting), carry on: the press still takes effect."""
    try:
        await query.answer(text, show_alert=show_alert)
    except BadRequest as error:
        log.info("callback answer refused error=%s", error.message)


async def stale(query: CallbackQuery, t: Texts, message: Message | None) -> None:
    """A button that no longer does anything: a toast, and in a resident's chat a message
    too (a toast is easily missed, and nothing else would happen)."""
    await answer_quietly(query, t("stale_button"))
    if message is not None and message.chat.type == message.chat.PRIVATE:
        await message.chat.send_message(t("stale_button_message"))
