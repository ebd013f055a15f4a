"""The command menus Telegram shows, per scope and language (SPEC §6), and the bot's
description (SPEC §3.11).

Residents see their commands in every private chat; the staff group sees the staff
commands; each admin sees the admin commands too, in their private chat and in the staff
group. Each menu is set in the default language (no language code) and in the other one for
Telegram clients in that language.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BotCommandScopeChatMember,
)
from telegram.error import TelegramError

from bot.render import paperwork
from bot.service.config import LANGUAGES
from core.committee import Committee
from texts import Texts

log = logging.getLogger(__name__)

Menu = Callable[[Texts], list[BotCommand]]


def resident_commands(t: Texts) -> list[BotCommand]:
    """What a resident can do in a private chat."""
    return [
        BotCommand("start", t("cmd_start")),
        BotCommand("status", t("cmd_status")),
        BotCommand("help", t("cmd_help")),
        BotCommand("language", t("cmd_language")),
        BotCommand("cancel", t("cmd_cancel")),
    ]


def staff_commands(t: Texts) -> list[BotCommand]:
    """What staff can do in their group; each new staff command is one more line here."""
    return [
        BotCommand("open", t("cmd_open")),
        BotCommand("mine", t("cmd_mine")),
        BotCommand("find", t("cmd_find")),
        BotCommand("show", t("cmd_show")),
        BotCommand("status", t("cmd_status")),
        BotCommand("stats", t("cmd_stats")),
        BotCommand("digest", t("cmd_digest")),
        BotCommand("export", t("cmd_export")),
        BotCommand("report", t("cmd_report")),
        BotCommand("extend", t("cmd_extend")),
    ]


def admin_commands(t: Texts) -> list[BotCommand]:
    """The admin commands of ``bot.handlers.admin``, in the same order."""
    return [
        BotCommand("areas", t("cmd_areas")),
        BotCommand("addarea", t("cmd_addarea")),
        BotCommand("addareas", t("cmd_addareas")),
        BotCommand("renamearea", t("cmd_renamearea")),
        BotCommand("closearea", t("cmd_closearea")),
        BotCommand("openarea", t("cmd_openarea")),
        BotCommand("qr", t("cmd_qr")),
        BotCommand("topics", t("cmd_topics")),
        BotCommand("addtopic", t("cmd_addtopic")),
        BotCommand("renametopic", t("cmd_renametopic")),
        BotCommand("closetopic", t("cmd_closetopic")),
        BotCommand("opentopic", t("cmd_opentopic")),
        BotCommand("topicsla", t("cmd_topicsla")),
        BotCommand("topiclabel", t("cmd_topiclabel")),
        BotCommand("topicname_en", t("cmd_topicname_en")),
        BotCommand("topicorder", t("cmd_topicorder")),
        BotCommand("agencies", t("cmd_agencies")),
        BotCommand("addagency", t("cmd_addagency")),
        BotCommand("agencygroup", t("cmd_agencygroup")),
        BotCommand("closeagency", t("cmd_closeagency")),
        BotCommand("openagency", t("cmd_openagency")),
        BotCommand("templates", t("cmd_templates")),
        BotCommand("addtemplate", t("cmd_addtemplate")),
        BotCommand("removetemplate", t("cmd_removetemplate")),
        BotCommand("resend", t("cmd_resend")),
    ]


def admin_private_commands(t: Texts) -> list[BotCommand]:
    """An admin's private chat: the resident commands, the staff ones, then the admin ones."""
    resident = resident_commands(t)
    names = {command.command for command in resident}
    staff = [command for command in staff_commands(t) if command.command not in names]
    return resident + staff + admin_commands(t)


def admin_staff_commands(t: Texts) -> list[BotCommand]:
    """An admin in the staff group: the staff commands, then the admin ones."""
    return staff_commands(t) + admin_commands(t)


def menus(committee: Committee) -> list[tuple[BotCommandScope, Menu]]:
    """Every scope the bot sets a menu for (``committee``'s staff group and admins), with
    the menu it gets."""
    staff = committee.staff_chat_id
    scopes: list[tuple[BotCommandScope, Menu]] = [
        (BotCommandScopeAllPrivateChats(), resident_commands),
        (BotCommandScopeChat(staff), staff_commands),
    ]
    for admin in sorted(committee.admin_ids):
        scopes.append((BotCommandScopeChat(admin), admin_private_commands))
        scopes.append((BotCommandScopeChatMember(staff, admin), admin_staff_commands))
    return scopes


def languages(committee: Committee) -> list[tuple[str | None, Texts]]:
    """The default language without a code, then every other language with its code."""
    default = committee.default_language
    others = [(code, Texts(code)) for code in LANGUAGES if code != default]
    return [(None, Texts(default)), *others]


async def set_command_menus(bot: Bot, committee: Committee) -> None:
    """Set every menu; a refused one is logged and the others still go out.

    Telegram refuses a chat scope for an admin who never opened the bot ("chat not found")
    or who is not in the staff group; that must not stop the bot from starting.
    """
    for scope, menu in menus(committee):
        for language_code, t in languages(committee):
            try:
                await bot.set_my_commands(menu(t), scope=scope, language_code=language_code)
            except TelegramError as exc:
                log.warning(
                    "command menu not set scope=%s language=%s error=%s",
                    scope.type,
                    language_code or "default",
                    exc.message,
                )


# Telegram's limits on the bot's description and short description.
DESCRIPTION_LIMIT = 512
SHORT_DESCRIPTION_LIMIT = 120


def descriptions(t: Texts, unit_name: str) -> tuple[str, str]:
    """The bot's description and short description (the screen before «Start», SPEC
    §3.11), naming the committee; plain text, within Telegram's limits."""
    who = paperwork.committee_name(t, unit_name)
    description = html.unescape(t("bot_description", committee=who))
    if len(description) > DESCRIPTION_LIMIT:
        description = description[: DESCRIPTION_LIMIT - 1] + "…"
    short = html.unescape(t("bot_short_description", committee=who))
    if len(short) > SHORT_DESCRIPTION_LIMIT:
        short = html.unescape(t("bot_short_description_plain"))
    return description, short


async def set_descriptions(bot: Bot, committee: Committee) -> None:
    """Set the description and short description in every language; a refusal is logged
    and start-up goes on."""
    for language_code, t in languages(committee):
        description, short = descriptions(t, committee.unit_name_for(t.language))
        try:
            await bot.set_my_description(description, language_code=language_code)
            await bot.set_my_short_description(short, language_code=language_code)
        except TelegramError as exc:
            log.warning(
                "description not set language=%s error=%s",
                language_code or "default",
                exc.message,
            )
