"""The groups the bot is in: who added it where, the staff group's rights, ``/groupid``.

These run before the gate, which ignores every group but the staff group: an admin must be
able to ask a new group for its id, and the bot must notice being added to or removed from
any group.
"""

from __future__ import annotations

import logging

from telegram import ChatMember, ChatMemberRestricted, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.delivery.deliveries import STAFF_TEXT
from bot.delivery.staff_chat import follow_move
from bot.ptb.context import HomThuContext
from texts import Texts

log = logging.getLogger(__name__)

_IN_GROUP = (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)


async def bot_membership(update: Update, context: HomThuContext) -> None:
    """The bot was added to a group, removed, or had its rights changed there."""
    change = update.my_chat_member
    assert change is not None
    chat = change.chat
    if chat.type not in (chat.GROUP, chat.SUPERGROUP):
        raise ApplicationHandlerStop
    new, old = change.new_chat_member, change.old_chat_member
    joined = new.status in _IN_GROUP and old.status not in _IN_GROUP
    added_by_admin = context.committee.is_admin(change.from_user.id) if joined else None
    await context.db.groups.record(
        chat.id, chat.title or "", chat.type, new.status, added_by_admin=added_by_admin
    )
    log.info(
        "bot membership changed chat=%d status=%s added_by_admin=%s",
        chat.id,
        new.status,
        added_by_admin,
    )
    if context.committee.is_staff_chat(chat.id) and _can_post(new):
        outbox = context.runtime.outbox
        if outbox is not None:
            await outbox.release_staff()
    if chat.id in context.runtime.agency_chats and not _can_post(new):
        # Forwards already made are kept; staff are told to set the group again.
        agency = await context.db.agencies.by_chat(chat.id)
        if agency is not None:
            t = Texts(context.committee.default_language)
            text = t("staff_agency_left", agency=agency.name, code=agency.code)
            await context.db.outbox.add(STAFF_TEXT, payload={"html": text})
            context.runtime.wake_outbox()
    raise ApplicationHandlerStop


def _can_post(member: ChatMember) -> bool:
    if isinstance(member, ChatMemberRestricted):
        return member.is_member and member.can_send_messages
    return member.status in _IN_GROUP


async def group_migrated(update: Update, context: HomThuContext) -> None:
    """Telegram upgraded a group to a supergroup: the old group's service message names the
    new id, the new one's names the old id. The staff group is followed there."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id is not None:
        old, new = message.chat_id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id is not None:
        old, new = message.migrate_from_chat_id, message.chat_id
    else:
        return
    moved = await follow_move(context.runtime, old, new)
    log.info("group upgraded to a supergroup old=%d new=%d staff=%s", old, new, moved)
    raise ApplicationHandlerStop


async def group_id(update: Update, context: HomThuContext) -> None:
    """/groupid in a group, by an admin: the group's id, to set STAFF_CHAT_ID with."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or chat.type == chat.PRIVATE:
        return  # in private the command means nothing: the gate and fallback handle it
    if user is None or not context.committee.is_admin(user.id):
        log.info("groupid refused: not an admin")
        raise ApplicationHandlerStop
    t = await context.texts(update)
    try:
        members = str(await chat.get_member_count())
    except TelegramError:
        members = "?"
    key = "group_id_staff" if context.committee.is_staff_chat(chat.id) else "group_id"
    await message.reply_text(
        t(key, title=chat.title or "", chat_id=chat.id, type=chat.type, members=members)
    )
    log.info("groupid answered chat=%d", chat.id)
    raise ApplicationHandlerStop
