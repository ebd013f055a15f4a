"""Who may do what in the staff group: the staff place, staff buttons, officers' names."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram import CallbackQuery, Update
from telegram.error import TelegramError

from bot.delivery.membership import Membership
from bot.ptb.answers import answer_quietly
from bot.ptb.context import HomThuContext
from texts import Texts

log = logging.getLogger(__name__)


Command = Callable[[Update, HomThuContext], Coroutine[Any, Any, None]]
ButtonStep = Callable[
    [Update, HomThuContext, Texts, CallbackQuery, str], Coroutine[Any, Any, None]
]


def is_staff_place(update: Update, context: HomThuContext) -> bool:
    """The staff group, or an admin's private chat."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return False
    if context.committee.is_staff_chat(chat.id):
        return True
    return chat.type == chat.PRIVATE and user is not None and context.committee.is_admin(user.id)


def in_staff_group(update: Update, context: HomThuContext) -> bool:
    """True for an update from the staff group itself."""
    chat = update.effective_chat
    return chat is not None and context.committee.is_staff_chat(chat.id)


def staff_only(command: Command) -> Command:
    """Run a staff command in the staff group or for an admin; refuse it anywhere else."""

    @functools.wraps(command)
    async def run(update: Update, context: HomThuContext) -> None:
        if is_staff_place(update, context):
            await command(update, context)
            return
        message = update.effective_message
        if message is not None:
            t = await context.texts(update)
            await message.reply_text(t("staff_only"))
        log.info("staff command refused command=%s", command.__name__)

    return run


def officer_name(update: Update) -> str:
    """How a staff member is recorded: staff are not anonymous."""
    user = update.effective_user
    return user.full_name if user is not None else "?"


@dataclass(frozen=True, slots=True)
class Officer:
    """An officer as the bot tells them apart: by their Telegram account, kept only as a
    keyed hash of its own (``key``), and shown by ``name``."""

    key: str
    name: str


def signed_officer(update: Update, context: HomThuContext) -> Officer | None:
    """The officer behind a message or a press; None for a message sent as the group (an
    anonymous admin: Telegram shows it from «GroupAnonymousBot») or as a channel, whose
    writer the bot cannot know. A press always comes from the presser's own account."""
    message = update.message
    if message is not None and message.sender_chat is not None:
        return None
    user = update.effective_user
    if user is None or user.is_bot:
        return None
    return Officer(context.runtime.anonymizer.officer_key(user.id), user.full_name)


async def anonymous_presser(update: Update, context: HomThuContext) -> bool:
    """True for an administrator who is anonymous in the staff group: what records their
    name on a card would show the group who they are."""
    member = await presser_membership(update, context)
    return member is not None and member.anonymous


async def presser_membership(update: Update, context: HomThuContext) -> Membership | None:
    """The presser's membership of the staff group; None when Telegram cannot say now."""
    user = update.effective_user
    if user is None:
        return Membership(False)
    try:
        return await context.runtime.staff_members.of(
            context.bot, context.committee.staff_chat_id, user.id
        )
    except TelegramError as error:
        log.warning("staff membership not checked error=%s", type(error).__name__)
        return None


def staff_group_button(step: ButtonStep) -> Command:
    """Run a staff button only when pressed in the staff group, by one of its members.

    Anywhere else the callback data was forged or copied; someone who is not (or no longer)
    in the group may still see a public group's messages: nothing changes for them, and
    nothing is recorded under the presser's name.
    """

    @functools.wraps(step)
    async def run(update: Update, context: HomThuContext) -> None:
        query = update.callback_query
        assert query is not None
        assert query.data is not None
        t = await context.texts(update)
        if await may_press(update, context, t, query, step.__name__):
            await step(update, context, t, query, query.data)

    return run


async def may_press(
    update: Update,
    context: HomThuContext,
    t: Texts,
    query: CallbackQuery,
    button: str,
    *,
    unknown_may: bool = False,
) -> bool:
    """True when a staff button may act: pressed in the staff group, by one of its members.
    Otherwise the presser is told, and False. ``unknown_may``: when Telegram cannot say
    whether the presser is a member, the press acts (for what never harms a resident, a
    take-back); someone known not to be a member is still refused."""
    if not in_staff_group(update, context):
        log.info("staff button refused outside the staff group button=%s", button)
        await answer_quietly(query, t("staff_only"), show_alert=True)
        return False
    member = await presser_membership(update, context)
    if member is None and unknown_may:
        log.info("staff button taken unchecked: membership unknown button=%s", button)
        return True
    if member is None or not member.member:
        key = "staff_member_unknown" if member is None else "staff_not_member"
        log.info("staff button refused: %s button=%s", key, button)
        await answer_quietly(query, t(key), show_alert=True)
        return False
    return True
