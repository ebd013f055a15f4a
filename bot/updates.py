"""Updates the bot cannot read are skipped: never logged raw, never retried forever (SPEC §4).

Telegram (or a self-hosted Bot API server of another version than the installed
python-telegram-bot expects) may send an update PTB cannot parse: a poll without the
fields PTB now requires, a malformed photo. PTB would log the whole batch it came in
(every resident's id, name and text) and, in polling mode, fetch the same batch again and
again, answering no one. Here each update is read on its own; one that cannot be read is
replaced by an empty update with the same id, which confirms it to Telegram and which the
gate then ignores, and a line naming only its id and the kind of error is logged.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Bot, Update
from telegram._utils.types import JSONDict, ODVInput
from telegram.ext import ExtBot
from telegram.request import BaseRequest

log = logging.getLogger(__name__)


def read_update(raw: object, bot: Bot | None) -> Update | None:
    """The update in ``raw``: an empty one (its id only) when unreadable, None without an id."""
    update_id = _update_id(raw)
    if update_id is None:
        return None
    try:
        return Update.de_json(raw, bot)  # type: ignore[arg-type]
    except Exception as error:  # whatever PTB raises on data it cannot read
        _skipped(update_id, error)
        return Update(update_id=update_id)


def screened(batch: list[Any], bot: Bot | None) -> list[JSONDict]:
    """A ``getUpdates`` result in which PTB can read every update.

    An unreadable update keeps its place as ``{"update_id": n}``, so that polling confirms
    it and moves past it; an item without an update id is dropped.
    """
    readable: list[JSONDict] = []
    for raw in batch:
        update_id = _update_id(raw)
        if update_id is None:
            continue
        try:
            Update.de_json(raw, bot)
        except Exception as error:  # whatever PTB raises on data it cannot read
            _skipped(update_id, error)
            raw = {"update_id": update_id}
        readable.append(raw)
    return readable


def _update_id(raw: object) -> int | None:
    value = raw.get("update_id") if isinstance(raw, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        log.warning("update without a valid id skipped")
        return None
    return value


def _skipped(update_id: int, error: Exception) -> None:
    log.warning("unreadable update skipped update_id=%d error=%s", update_id, type(error).__name__)


class HomThuBot(ExtBot[Any]):
    """PTB's ExtBot, whose ``getUpdates`` results are screened before PTB reads them."""

    async def _do_post(
        self,
        endpoint: str,
        data: JSONDict,
        *,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> bool | JSONDict | list[JSONDict]:
        result = await super()._do_post(
            endpoint,
            data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        if endpoint == "getUpdates" and isinstance(result, list):
            return screened(result, self)
        return result
