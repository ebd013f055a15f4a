"""PTB persistence on the bot's own SQLite database: conversation states and drafts only.

PTB hands this class Telegram user and chat ids; none reaches the database in plain form.
Each row is filed under a keyed hash of the ids and holds them sealed under the key, bound
to that row (SPEC §4): a copy of the database (a backup) without the key shows only hashes
and ciphertext. Ids are mapped back in memory only.

Chat data, bot data and callback data are not stored at all. Writes made while one update
is flushed (``batch``) go to the database together, in one transaction; a write whose
content has not changed since it was last written is skipped.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
from collections.abc import AsyncIterator, MutableMapping
from contextlib import asynccontextmanager
from typing import Any, TypeAlias

from telegram.ext import Application, BasePersistence, PersistenceInput

from bot.ptb.context import BotRuntime
from bot.ptb.private import is_pending, live_conversations
from core.anonymity import Anonymizer
from core.rules.additions import unsent_codes
from storage import Database
from storage.conversations import SessionWrite

log = logging.getLogger(__name__)

# PTB's types for what ``BasePersistence`` reads and writes, spelled in public terms (PTB
# keeps its own names for them in a private module).
ConversationKey: TypeAlias = tuple[int | str, ...]
ConversationDict: TypeAlias = MutableMapping[ConversationKey, object]
CDCData: TypeAlias = tuple[list[tuple[str, float, dict[str, Any]]], dict[str, str]]

# The writes of the flush in progress, if one is: committed together when it ends.
_pending: contextvars.ContextVar[list[SessionWrite] | None] = contextvars.ContextVar(
    "pending_session_writes", default=None
)


class SQLitePersistence(BasePersistence[dict[Any, Any], dict[Any, Any], BotRuntime]):
    """Reads and writes through ``storage.conversations``, sealed and under keyed hashes."""

    def __init__(
        self, database: Database, anonymizer: Anonymizer, update_interval: float = 60
    ) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=update_interval,
        )
        self._database = database
        self._anonymizer = anonymizer
        # What was last written, to skip writes that change nothing (in memory only); a
        # user id maps to None when its last write may not have reached the database.
        self._drafts: dict[int, str | None] = {}
        self._states: dict[tuple[str, tuple[int, int]], object] = {}
        self._legacy_moved = asyncio.Lock()
        self._legacy_checked = False
        # The application whose drafts these are: PTB's periodic run is checked against it.
        self._application: Application[Any, Any, Any, Any, Any, Any] | None = None

    def attach(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Know the application whose user data this persistence stores."""
        self._application = application

    # --- the flush of one update --------------------------------------------------------

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        """Collect the writes made inside, and commit them in one transaction at the end."""
        if _pending.get() is not None:
            yield  # already inside a batch: its owner commits
            return
        writes: list[SessionWrite] = []
        token = _pending.set(writes)
        try:
            yield
        finally:
            _pending.reset(token)
        try:
            await self._database.conversations.write(writes)
        except BaseException:
            self._forget_fingerprints()
            raise

    async def flush_update(
        self, application: Application[Any, Any, Any, Any, Any, Any], chat_id: int, user_id: int
    ) -> None:
        """Write what one update may have changed, in one transaction: its resident's draft
        and the state of its conversation, and nothing else.

        PTB's ``update_persistence`` writes every user and conversation marked since it last
        ran, each deep-copied first; PTB marks an update's user after the last handler
        group, that is after this flush, so each flush handed the previous update's user
        over again, and with concurrent updates another resident's draft in mid-step.
        PTB's own periodic run still comes every ``update_interval`` and at shutdown; by
        then what it hands over has been written, and is skipped.
        """
        async with self.batch():
            data = application.user_data.get(user_id)
            if data:
                await self.update_user_data(user_id, data)
            else:
                await self._drop_draft(user_id)
                if data is not None:
                    # An empty draft: PTB forgets the dict. It also queues a deletion for its
                    # next periodic run, which drop_user_data ignores once the resident has
                    # begun writing again (a draft, an addition being collected).
                    application.drop_user_data(user_id)
            key = (chat_id, user_id)
            # The conversations of the application's ConversationHandlers, by name (PTB
            # keeps them there for its own persistence runs).
            for name, states in live_conversations(application).items():
                state = states.get(key)
                if is_pending(state):
                    continue  # a non-blocking step still running: PTB's run writes it
                await self.update_conversation(name, key, state)

    def _forget_fingerprints(self) -> None:
        """After a failed write: whatever was meant to be written is written again."""
        self._drafts = dict.fromkeys(self._drafts)
        self._states = dict.fromkeys(self._states, _UNKNOWN)

    async def _write(self, change: SessionWrite) -> None:
        pending = _pending.get()
        if pending is not None:
            pending.append(change)
            return
        try:
            await self._database.conversations.write([change])
        except BaseException:
            self._forget_fingerprints()
            raise

    def forget_expired(self, application: Application, resident_keys: list[str]) -> list[int]:
        """Forget what storage deleted for idleness, in this object and in the conversations
        the application holds in memory (else a swept resident's conversation would stay at
        its step, and a button of a new start would be refused as stale); the user ids of
        those residents."""
        expired = set(resident_keys)
        users = [u for u in self._drafts if self._anonymizer.resident_key(u) in expired]
        for user_id in users:
            del self._drafts[user_id]  # the row is gone: nothing of it was written since
        for name, ids in list(self._states):
            if self._anonymizer.resident_key(ids[1]) in expired:
                del self._states[(name, ids)]
        for states in live_conversations(application).values():
            for key in [k for k in states if self._anonymizer.resident_key(int(k[1])) in expired]:
                del states[key]
        return users

    # --- loading ------------------------------------------------------------------------

    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        """Drafts of residents who were writing when the bot stopped."""
        await self._move_legacy_rows()
        drafts: dict[int, dict[Any, Any]] = {}
        unreadable = 0
        for stored in await self._database.conversations.load_drafts():
            record = self._anonymizer.open_record(
                _draft_context(stored.resident_key), stored.sealed
            )
            if not isinstance(record, dict) or not isinstance(record.get("data"), dict):
                unreadable += 1
                continue
            user_id = int(record["user_id"])
            drafts[user_id] = record["data"]
            self._drafts[user_id] = _fingerprint(record["data"])
        if unreadable:
            log.warning("drafts sealed under another key ignored count=%d", unreadable)
        return drafts

    async def get_conversations(self, name: str) -> ConversationDict:
        """Open conversations of the handler ``name``."""
        await self._move_legacy_rows()
        conversations: ConversationDict = {}
        for stored in await self._database.conversations.load_states(name):
            ids = self._anonymizer.open_record(
                _conversation_context(name, stored.conversation_key), stored.sealed_key
            )
            if not isinstance(ids, list) or len(ids) != 2:
                log.warning("conversation sealed under another key ignored name=%s", name)
                continue
            key = (int(ids[0]), int(ids[1]))
            conversations[key] = stored.state
            self._states[(name, key)] = stored.state
        return conversations

    async def _move_legacy_rows(self) -> None:
        """Seal and re-file the rows of versions before migration 0005, once."""
        async with self._legacy_moved:
            if self._legacy_checked:
                return
            legacy = await self._database.conversations.legacy_rows()
            if legacy is not None:
                changes = [self._draft_write(user_id, data) for user_id, data in legacy.drafts]
                changes += [
                    self._state_write(name, (chat_id, user_id), state)
                    for name, chat_id, user_id, state in legacy.states
                ]
                await self._database.conversations.replace_legacy(changes)
                log.info(
                    "drafts and conversations sealed and re-filed drafts=%d conversations=%d",
                    len(legacy.drafts),
                    len(legacy.states),
                )
            self._legacy_checked = True

    # --- writing ------------------------------------------------------------------------

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        """Store a resident's draft; an empty one deletes the row."""
        if not data:
            await self._drop_draft(user_id)
            return
        fingerprint = _fingerprint(data)
        if self._drafts.get(user_id) == fingerprint:
            return
        self._drafts[user_id] = fingerprint
        await self._write(self._draft_write(user_id, data))

    async def drop_user_data(self, user_id: int) -> None:
        """PTB's periodic run: delete a resident's draft, unless they are writing one now.

        PTB queues the deletion when the user data is dropped (a conversation ended, an idle
        draft was swept) and runs it up to ``update_interval`` later, after the draft that
        a new /start began is already written: that draft must stay.
        """
        application = self._application
        if application is not None and application.user_data.get(user_id):
            log.debug("a queued deletion of user data older than the current draft ignored")
            return
        await self._drop_draft(user_id)

    async def _drop_draft(self, user_id: int) -> None:
        """Delete a resident's draft."""
        if self._drafts.pop(user_id, None) is None:
            return
        await self._write(SessionWrite(self._anonymizer.resident_key(user_id), None))

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        """Store a state; None means the conversation ended and the row goes."""
        chat_id, user_id = (int(part) for part in key)
        ids = (chat_id, user_id)
        if new_state is None:
            if self._states.pop((name, ids), None) is None:
                return
        elif self._states.get((name, ids), _UNKNOWN) == new_state:
            return
        else:
            self._states[(name, ids)] = new_state
        await self._write(self._state_write(name, ids, new_state))

    def _draft_write(self, user_id: int, data: dict[Any, Any]) -> SessionWrite:
        resident = self._anonymizer.resident_key(user_id)
        sealed = self._anonymizer.seal_record(
            _draft_context(resident), {"user_id": user_id, "data": data}
        )
        draft = data.get("draft")
        area = draft.get("area_code") if isinstance(draft, dict) else None
        # What an idle sweep tells the resident of: the draft's area, and the codes of
        # additions collected and not sent (sealed: the row's key links to nothing plain).
        codes = unsent_codes(data)
        record: object = area if isinstance(area, str) else None
        if codes:
            record = {"area": record, "additions": codes}
        sealed_area = (
            self._anonymizer.seal_record(expired_area_context(resident), record)
            if record is not None
            else None
        )
        return SessionWrite(resident, sealed, sealed_area=sealed_area)

    def expired_area(self, resident_key: str, sealed_area: bytes | None) -> str | None:
        """The area code of a draft discarded for idleness (None if it cannot be read)."""
        record = self._expired(resident_key, sealed_area)
        if isinstance(record, dict):
            record = record.get("area")
        return record if isinstance(record, str) else None

    def expired_additions(self, resident_key: str, sealed_area: bytes | None) -> list[str]:
        """The codes of unsent additions discarded for idleness with the row."""
        record = self._expired(resident_key, sealed_area)
        codes = record.get("additions") if isinstance(record, dict) else None
        return [str(code) for code in codes] if isinstance(codes, list) else []

    def _expired(self, resident_key: str, sealed_area: bytes | None) -> object:
        if sealed_area is None:
            return None
        return self._anonymizer.open_record(expired_area_context(resident_key), sealed_area)

    def _state_write(self, name: str, ids: tuple[int, int], state: object | None) -> SessionWrite:
        chat_id, user_id = ids
        conversation = self._anonymizer.conversation_key(chat_id, user_id)
        sealed = None
        if state is not None:
            sealed = self._anonymizer.seal_record(
                _conversation_context(name, conversation), [chat_id, user_id]
            )
        return SessionWrite(
            self._anonymizer.resident_key(user_id),
            sealed,
            name=name,
            conversation_key=conversation,
            state=state,
        )

    # --- what is never stored -------------------------------------------------------------

    async def get_chat_data(self) -> dict[int, dict[Any, Any]]:
        """Chat data is never stored."""
        return {}

    async def get_bot_data(self) -> BotRuntime:
        """Bot data is never stored."""
        return BotRuntime()

    async def get_callback_data(self) -> CDCData | None:
        """Callback data is never stored."""
        return None

    async def update_chat_data(self, chat_id: int, data: dict[Any, Any]) -> None:
        """Chat data is never stored."""

    async def update_bot_data(self, data: BotRuntime) -> None:
        """Bot data is never stored."""

    async def update_callback_data(self, data: CDCData) -> None:
        """Callback data is never stored."""

    async def drop_chat_data(self, chat_id: int) -> None:
        """Chat data is never stored."""

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        """The in-memory draft is the newest; nothing to reload."""

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[Any, Any]) -> None:
        """Chat data is never stored."""

    async def refresh_bot_data(self, bot_data: BotRuntime) -> None:
        """Bot data is never stored."""

    async def flush(self) -> None:
        """Every write is committed by the end of the flush that made it; nothing waits."""


# A state that may not have reached the database: written again whatever it is.
_UNKNOWN = object()


def _fingerprint(data: dict[Any, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


def expired_area_context(resident_key: str) -> str:
    """What the area of a resident's draft is sealed for."""
    return f"draft area {resident_key}"


def _draft_context(resident_key: str) -> str:
    return f"draft {resident_key}"


def _conversation_context(name: str, conversation_key: str) -> str:
    return f"conversation {name} {conversation_key}"
