"""Updates the bot cannot read are skipped: never logged raw, never retried forever (SPEC §4).

Telegram (or a self-hosted Bot API server of another version than the installed
python-telegram-bot expects) may send an update PTB cannot parse: a poll without the
fields PTB now requires, a malformed photo. PTB would log the whole batch it came in
(every resident's id, name and text) and, in polling mode, fetch the same batch again and
again, answering no one. Here each update is read on its own; one that cannot be read is
replaced by an empty update with the same id, which confirms it to Telegram and which the
gate then ignores, and a line naming only its id and the kind of error is logged.

Each update is read once: ``HomThuBot.get_updates`` takes the updates read here and hands
PTB an empty batch to read (reading every update twice cost a tenth of a step's CPU).
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any

from telegram import Bot, Update

from bot.ptb.private import BotAPIResult, ResultHook

log = logging.getLogger(__name__)


def read_update(raw: object, bot: Bot | None) -> Update | None:
    """The update in ``raw``: an empty one (its id only) when unreadable, None without an id."""
    read = _read(raw, bot)
    return None if read is None else read[1]


def screened(batch: list[Any], bot: Bot | None) -> list[dict[str, Any]]:
    """A ``getUpdates`` result in which PTB can read every update.

    An unreadable update keeps its place as ``{"update_id": n}``, so that polling confirms
    it and moves past it; an item without an update id is dropped.
    """
    return [read[0] for read in (_read(raw, bot) for raw in batch) if read is not None]


def read_batch(batch: list[Any], bot: Bot | None) -> list[Update]:
    """Every update of a ``getUpdates`` result, each read once, as ``screened`` keeps them."""
    return [read[1] for read in (_read(raw, bot) for raw in batch) if read is not None]


def _read(raw: object, bot: Bot | None) -> tuple[dict[str, Any], Update] | None:
    """The update in ``raw`` with what stands for it in the batch; None without an id."""
    update_id = _update_id(raw)
    if update_id is None:
        return None
    try:
        return raw, Update.de_json(raw, bot)  # type: ignore[arg-type,return-value]
    except Exception as error:  # whatever PTB raises on data it cannot read
        _skipped(update_id, error)
        return {"update_id": update_id}, Update(update_id=update_id)


def _update_id(raw: object) -> int | None:
    value = raw.get("update_id") if isinstance(raw, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        log.warning("update without a valid id skipped")
        return None
    return value


def _skipped(update_id: int, error: Exception) -> None:
    log.warning("unreadable update skipped update_id=%d error=%s", update_id, type(error).__name__)


# The updates ``HomThuBot.get_updates`` is waiting for, read by ``read_result``.
_BATCH: ContextVar[list[Update] | None] = ContextVar("homthu_batch", default=None)


class HomThuBot(ResultHook):
    """PTB's ExtBot, which reads each ``getUpdates`` result itself, update by update."""

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        """PTB's ``get_updates``; the updates are those ``read_result`` read, each once."""
        batch: list[Update] = []
        waiting = _BATCH.set(batch)
        try:
            # PTB is handed an empty result to read; the batch is filled meanwhile.
            await super().get_updates(*args, **kwargs)
        finally:
            _BATCH.reset(waiting)
        for update in batch:
            self.insert_callback_data(update)
        return tuple(batch)

    def read_result(self, endpoint: str, result: BotAPIResult) -> BotAPIResult:
        """A ``getUpdates`` result read here, update by update: PTB reads an empty one."""
        if endpoint != "getUpdates" or not isinstance(result, list):
            return result
        batch = _BATCH.get()
        if batch is None:  # getUpdates called some other way: the raw result, screened
            return screened(result, self)
        batch.extend(read_batch(result, self))
        return []
