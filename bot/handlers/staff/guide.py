"""/help in the staff group: a short guide to the card, its buttons and the commands."""

from __future__ import annotations

from telegram import Update

from bot.ptb.context import HomThuContext


async def staff_help(update: Update, context: HomThuContext) -> None:
    """/help in the staff group."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    await message.reply_text(t("staff_help", seconds=context.settings.undo_seconds))
