"""Every use of python-telegram-bot's private API, in one place, each with why.

PTB's private modules (``telegram._utils``, ``telegram.ext._handlers``…) and underscored
attributes may change in any release, even a patch. Everything else in the bot uses PTB's
public API; what has no public counterpart in PTB 22 is reached only through this module,
and ``tests/test_ptb_private.py`` checks each name here against the installed PTB (that it
exists, has the shape used here and behaves as relied on), so that an upgrade that changes
one fails there, loudly and by name, not somewhere in a resident's conversation.

What is used, and why there is no public route:

- ``DefaultValue`` and ``ODVInput``: the type of the ``*_timeout`` parameters PTB passes to
  a ``BaseRequest`` and to ``Bot._do_post``; a timeout nobody named arrives as a
  ``DefaultValue``, which a request must tell apart from a number. PTB exports the
  sentinel (``BaseRequest.DEFAULT_NONE``) but not its class.
- ``Application._conversation_handler_conversations``: the states of each persistent
  conversation handler, by its name, which PTB writes to persistence on its periodic run.
  The bot writes one update's state at the end of that update (``flush_update``) and
  forgets the states of residents swept for idleness; PTB offers neither.
- ``PendingState``: the state a conversation holds while a non-blocking step runs. It is
  never written (PTB's own periodic run writes the state once the step ends).
- ``Application._user_ids_to_be_updated_in_persistence``: read by the soak benchmark only,
  to show that the bot keeps nothing per resident after an idle hour.
- ``ExtBot._do_post``: the one place every Bot API call's decoded result passes before PTB
  reads it; the bot reads each ``getUpdates`` update there, one by one (``bot.ptb.updates``).
- ``AIORateLimiter._group_max_rate``, ``_get_group_limiter`` and ``_run_request``: a
  group's slot is taken before the outbox composes the message for it, and that message
  then does not wait a second time (``bot.ptb.flood``).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any, TypeAlias

import telegram
from telegram.ext import AIORateLimiter, Application, ExtBot
from telegram.request import BaseRequest

try:
    from telegram._utils.defaultvalue import DefaultValue
    from telegram._utils.types import ODVInput
    from telegram.ext._handlers.conversationhandler import PendingState
except ImportError as error:  # pragma: no cover - only with a PTB this module does not know
    raise ImportError(
        f"python-telegram-bot {telegram.__version__} moved or removed {error.name or error}, "
        "which bot/ptb/private.py relies on: adapt that module to the new release, or "
        "install the release pyproject.toml pins"
    ) from error

if TYPE_CHECKING:
    from aiolimiter import AsyncLimiter

__all__ = [
    "BotAPIResult",
    "DefaultValue",
    "GroupLimiterHooks",
    "ODVInput",
    "ResultHook",
    "is_pending",
    "live_conversations",
    "users_to_persist",
]

# A Bot API call's decoded result, as PTB hands it around (PTB's private ``JSONDict`` is
# ``dict[str, Any]``).
BotAPIResult: TypeAlias = bool | dict[str, Any] | list[dict[str, Any]]


def live_conversations(
    application: Application[Any, Any, Any, Any, Any, Any],
) -> Mapping[str, MutableMapping[tuple[int | str, ...], object]]:
    """The states the application's persistent conversations hold in memory, by the
    conversation's name and then by its (chat id, user id) key; changes made to the inner
    mappings are the conversations' own."""
    return application._conversation_handler_conversations


def is_pending(state: object) -> bool:
    """Whether ``state`` stands for a non-blocking step still running (not a real state)."""
    return isinstance(state, PendingState)


def users_to_persist(application: Application[Any, Any, Any, Any, Any, Any]) -> int:
    """How many users PTB has marked for its next persistence run."""
    return len(application._user_ids_to_be_updated_in_persistence)


class ResultHook(ExtBot[Any]):
    """An ``ExtBot`` that shows each call's decoded result to ``read_result`` first."""

    def read_result(self, endpoint: str, result: BotAPIResult) -> BotAPIResult:
        """What PTB is handed for the result of ``endpoint``: the result itself here."""
        return result

    async def _do_post(
        self,
        endpoint: str,
        data: dict[str, Any],
        *,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> BotAPIResult:
        result = await super()._do_post(
            endpoint,
            data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        return self.read_result(endpoint, result)


class GroupLimiterHooks(AIORateLimiter):
    """An ``AIORateLimiter`` whose group limiters can be reached, and whose choice of the
    group a request waits for can be changed (``limited_group``)."""

    def group_limiter(self, chat_id: int) -> AsyncLimiter | None:
        """The limiter of the group ``chat_id``; None when groups are not limited."""
        if not self._group_max_rate:
            return None
        return self._get_group_limiter(chat_id)

    def limited_group(self, group: str | int | bool) -> str | int | bool:
        """The group a request to ``group`` waits for (False: none); ``group`` itself here."""
        return group

    async def _run_request(
        self,
        chat: bool,
        group: str | int | bool,
        allow_paid_broadcast: bool,
        callback: Callable[..., Coroutine[Any, Any, BotAPIResult]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> BotAPIResult:
        return await super()._run_request(
            chat, self.limited_group(group), allow_paid_broadcast, callback, args, kwargs
        )
