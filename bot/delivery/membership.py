"""Who is in the staff group: getChatMember's answer, kept for a few minutes.

The bot checks the chat a button was pressed in; this checks the presser (SPEC §5, issue 19
item 25): a public group's messages can be read, and their buttons pressed, by people who
never joined it or who left. Staff groups are small and officers press often, so each
officer is asked about once in ``KEPT`` seconds, in memory only (never on disk).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from telegram import Bot, ChatMember, ChatMemberAdministrator, ChatMemberRestricted

# How long an answer is trusted: someone removed from the group can press for this long.
KEPT = 10 * 60.0
_SIZE = 1_000
_IN_GROUP = (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)


@dataclass(frozen=True, slots=True)
class Membership:
    """What the bot knows of a presser in a group."""

    member: bool
    # An administrator who writes as the group (Telegram's «anonymous admin»): what they
    # do must not put their name in the group.
    anonymous: bool = False


def membership(member: ChatMember) -> Membership:
    """A ChatMember as the bot needs it: in the group (a restricted member too), anonymous."""
    if isinstance(member, ChatMemberRestricted):
        return Membership(member.is_member)
    anonymous = isinstance(member, ChatMemberAdministrator) and member.is_anonymous
    return Membership(member.status in _IN_GROUP, anonymous)


class StaffMembers:
    """getChatMember's answers for (group, user), each kept ``kept`` seconds."""

    def __init__(
        self, kept: float = KEPT, size: int = _SIZE, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._kept = kept
        self._size = size
        self._clock = clock
        self._known: OrderedDict[tuple[int, int], tuple[Membership, float]] = OrderedDict()

    async def of(self, bot: Bot, chat_id: int, user_id: int) -> Membership:
        """The user's membership of the group; raises TelegramError when Telegram cannot
        say (nothing is remembered then: the next press asks again)."""
        key = (chat_id, user_id)
        now = self._clock()
        found = self._known.get(key)
        if found is not None and now - found[1] < self._kept:
            return found[0]
        answer = membership(await bot.get_chat_member(chat_id, user_id))
        self._known[key] = (answer, now)
        self._known.move_to_end(key)
        while len(self._known) > self._size:
            self._known.popitem(last=False)
        return answer

    def forget(self, chat_id: int, user_id: int) -> None:
        """Ask again next time (the user joined or left the group)."""
        self._known.pop((chat_id, user_id), None)

    def __len__(self) -> int:
        return len(self._known)
