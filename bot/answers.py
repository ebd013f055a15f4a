"""Answering a button press without letting a refused answer undo the press."""

from __future__ import annotations

import logging

from telegram import CallbackQuery
from telegram.error import BadRequest

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
