"""Admin commands for the standard answers offered when an answer is proposed (SPEC §5)."""

from __future__ import annotations

import logging

from telegram import Message

from bot.handlers.admin.common import ECHO, args_of, joined, reply_lines
from bot.ptb.context import HomThuContext
from storage import MAX_TEMPLATE_LENGTH, FeedbackNotFound, InvalidName
from texts import Texts

log = logging.getLogger(__name__)


async def list_templates(message: Message, context: HomThuContext, t: Texts) -> None:
    """/templates: the standard answers, numbered."""
    if args_of(context):
        await message.reply_text(t("usage_templates"))
        return
    templates = await context.db.dialogue.templates()
    if not templates:
        await message.reply_text(t("templates_empty"))
        return
    lines = [t("templates_line", number=x.number, body=x.body) for x in templates]
    await reply_lines(message, t("templates_header", count=len(templates)), lines)


async def add_template(message: Message, context: HomThuContext, t: Texts) -> None:
    """/addtemplate <text…>: keep a new standard answer."""
    args = args_of(context)
    # Line breaks matter in an answer: take the text as typed, after the command.
    typed = (message.text or "").split(maxsplit=1)
    body = typed[1].strip() if len(typed) > 1 else joined(args)
    if not body:
        await message.reply_text(t("usage_addtemplate"))
        return
    try:
        template = await context.db.dialogue.add_template(body)
    except InvalidName:
        await message.reply_text(t("template_too_long", most=MAX_TEMPLATE_LENGTH))
        return
    log.info("answer template added number=%d", template.number)
    await message.reply_text(t("template_added", number=template.number))


async def remove_template(message: Message, context: HomThuContext, t: Texts) -> None:
    """/removetemplate <n>: stop offering a standard answer."""
    args = args_of(context)
    if len(args) != 1:
        await message.reply_text(t("usage_removetemplate"))
        return
    typed = args[0]
    if not (typed.isascii() and typed.isdigit() and len(typed) <= 9):
        await message.reply_text(t("template_number_invalid", value=typed[:ECHO]))
        return
    try:
        template = await context.db.dialogue.remove_template(int(typed))
    except FeedbackNotFound:
        await message.reply_text(t("template_not_found", number=int(typed)))
        return
    log.info("answer template removed number=%d", template.number)
    await message.reply_text(t("template_removed", number=template.number))
