"""Admin commands for agencies, the bodies feedback is forwarded to (SPEC §6)."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

from telegram import ChatMember, Message
from telegram.error import TelegramError

from bot.handlers.admin.area_input import FirstWord, first_word
from bot.handlers.admin.common import (
    ECHO,
    add_by_code,
    args_of,
    joined,
    reply_lines,
    state_word,
    suggest_code,
)
from bot.ptb.context import HomThuContext
from core.models import Agency, validate_area_code
from storage import AgencyNotFound, DuplicateAgency
from texts import Texts

log = logging.getLogger(__name__)

_MEMBER = (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)
# Typed in place of a chat id: the agency has no group (forwarding makes a slip).
NO_GROUP = ("none", "không", "khong", "-")


async def list_agencies(message: Message, context: HomThuContext, t: Texts) -> None:
    """/agencies: every agency, its code, state and group."""
    if args_of(context):
        await message.reply_text(t("usage_agencies"))
        return
    agencies = await context.db.agencies.list()
    if not agencies:
        await message.reply_text(t("agencies_empty"))
        return
    lines = [_line(t, agency) for agency in agencies]
    await reply_lines(message, t("agencies_header", count=len(agencies)), lines)


def _line(t: Texts, agency: Agency) -> str:
    group = (
        t("agency_group", chat_id=agency.chat_id)
        if agency.chat_id is not None
        else t("agency_no_group")
    )
    return t.with_html(
        "agencies_line",
        code=html.escape(agency.code),
        name=html.escape(agency.name),
        state=state_word(t, agency.is_open),
        group=group,
    )


async def add_agency(message: Message, context: HomThuContext, t: Texts) -> None:
    """/addagency <code> <name…>: a new open agency, without a group yet."""
    args = args_of(context)
    if args and first_word(args) is FirstWord.NAME:
        await _code_for_name(message, context, t, args)
        return
    if len(args) < 2:
        await message.reply_text(t("usage_addagency"))
        return
    code, name = args[0], joined(args[1:])
    if not validate_area_code(code):
        await message.reply_text(t("agency_code_invalid", code=code[:ECHO]))
        return
    agencies = context.db.agencies
    agency = await add_by_code(
        message,
        t,
        code,
        name,
        add=agencies.add,
        get=agencies.get,
        duplicate=DuplicateAgency,
        duplicate_key="agency_duplicate",
    )
    if agency is None:
        return
    log.info("agency added agency=%s", agency.code)
    await message.reply_text(t("agency_added", code=agency.code, name=agency.name))


async def _code_for_name(
    message: Message, context: HomThuContext, t: Texts, words: Sequence[str]
) -> None:
    """/addagency given a name alone: the command with a code made from it, to copy."""

    async def holder(code: str) -> str | None:
        try:
            return (await context.db.agencies.get(code)).name
        except AgencyNotFound:
            return None

    await suggest_code(message, t, words, "agency", holder)


async def agency_group(message: Message, context: HomThuContext, t: Texts) -> None:
    """/agencygroup <code> <chat_id|none>: the agency's Telegram group (the bot must be in
    it), or none."""
    args = args_of(context)
    if len(args) != 2:
        await message.reply_text(t("usage_agencygroup"))
        return
    code, typed = args[0], args[1].lower()
    try:
        agency = await context.db.agencies.get(code)
    except AgencyNotFound:
        await message.reply_text(t("agency_not_found", code=code[:ECHO]))
        return
    if typed in NO_GROUP:
        agency = await context.db.agencies.set_group(code, None)
        await context.runtime.refresh_agency_chats()
        await message.reply_text(t("agency_group_removed", code=agency.code, name=agency.name))
        return
    chat_id = _chat_id(typed)
    if chat_id is None or context.committee.is_staff_chat(chat_id):
        await message.reply_text(t("agency_group_invalid", value=args[1][:ECHO]))
        return
    try:
        member = await context.bot.get_chat_member(chat_id, context.bot.id)
        title = (await context.bot.get_chat(chat_id)).title or ""
    except TelegramError:
        member, title = None, ""
    if member is None or member.status not in _MEMBER:
        # Kept as it was: the group can be set once the bot is in it.
        await message.reply_text(
            t("agency_group_not_in", chat_id=chat_id, code=agency.code, name=agency.name)
        )
        return
    agency = await context.db.agencies.set_group(code, chat_id)
    await context.runtime.refresh_agency_chats()
    log.info("agency group set agency=%s", agency.code)
    await message.reply_text(
        t("agency_group_set", code=agency.code, name=agency.name, title=title, chat_id=chat_id)
    )


def _chat_id(typed: str) -> int | None:
    digits = typed.removeprefix("-")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 15:
        return None
    value = int(typed)
    return value if value < 0 else None


async def close_agency(message: Message, context: HomThuContext, t: Texts) -> None:
    """/closeagency <code>: no longer offered for forwarding; past forwards are kept."""
    await _set_open(message, context, t, is_open=False)


async def open_agency(message: Message, context: HomThuContext, t: Texts) -> None:
    """/openagency <code>: offered for forwarding again."""
    await _set_open(message, context, t, is_open=True)


async def _set_open(message: Message, context: HomThuContext, t: Texts, *, is_open: bool) -> None:
    args = args_of(context)
    if len(args) != 1:
        await message.reply_text(t("usage_openagency" if is_open else "usage_closeagency"))
        return
    try:
        agency = await context.db.agencies.set_open(args[0], is_open)
    except AgencyNotFound:
        await message.reply_text(t("agency_not_found", code=args[0][:ECHO]))
        return
    await context.runtime.refresh_agency_chats()
    log.info("agency %s agency=%s", "opened" if is_open else "closed", agency.code)
    key = "agency_opened" if is_open else "agency_closed"
    await message.reply_text(t(key, code=agency.code, name=agency.name))
