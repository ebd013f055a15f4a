"""Following the staff group when Telegram upgrades it to a supergroup (issue 19, item 11).

An upgrade gives the group a new id. Telegram says so three ways: an error answer to a
message sent to the old id (400 with ``parameters.migrate_to_chat_id``; PTB raises
ChatMigrated), a service message in the old group (``migrate_to_chat_id``) and one in the
new supergroup (``migrate_from_chat_id``). Whichever comes first, the bot records the move,
posts to and listens in the new group from then on (what waits in the outbox goes there,
once), and tells admins once which id to put in ``.env``; after a restart with the old id
still in ``.env``, the recorded one is used.
"""

from __future__ import annotations

import logging

from bot.delivery.deliveries import ADMIN_TEXT
from bot.ptb.context import BotRuntime
from texts import Texts

log = logging.getLogger(__name__)


async def follow_move(runtime: BotRuntime, old_chat_id: int, new_chat_id: int) -> bool:
    """The group ``old_chat_id`` became ``new_chat_id``: True when it was the staff group
    (now followed). Another group's move changes nothing here."""
    if runtime.committee.staff_chat_id != old_chat_id or old_chat_id == new_chat_id:
        return False
    first = await runtime.database.groups.record_move(old_chat_id, new_chat_id)
    runtime.use_committee(runtime.committee.with_staff_chat(new_chat_id))
    log.warning(
        "staff group upgraded to a supergroup old=%d new=%d: the bot posts there now; "
        "set STAFF_CHAT_ID=%d in .env",
        old_chat_id,
        new_chat_id,
        new_chat_id,
    )
    if first:
        t = Texts(runtime.committee.default_language)
        text = t("admin_staff_moved", old_id=old_chat_id, new_id=new_chat_id)
        for admin in sorted(runtime.committee.admin_ids):
            await runtime.database.outbox.add(ADMIN_TEXT, payload={"chat_id": admin, "html": text})
        runtime.wake_outbox()
    return True


async def recorded_staff_chat(runtime: BotRuntime) -> None:
    """At start: when the configured staff group is recorded as moved, use where it went."""
    configured = runtime.committee.staff_chat_id
    moved = await runtime.database.groups.moved_to(configured)
    if moved is None:
        return
    runtime.use_committee(runtime.committee.with_staff_chat(moved))
    log.warning(
        "STAFF_CHAT_ID=%d was upgraded to a supergroup; using the recorded id %d: "
        "set STAFF_CHAT_ID=%d in .env",
        configured,
        moved,
        moved,
    )
