"""/help from an admin: after the help everyone gets there, the admin commands in one
short guide, grouped by what they manage."""

from __future__ import annotations

from telegram import Update

from bot.ptb.context import HomThuContext


async def admin_help(update: Update, context: HomThuContext) -> None:
    """/help from an admin, in a private chat or the staff group: the admin guide."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    await message.reply_text(t("admin_help"))
