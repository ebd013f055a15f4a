"""PTB persistence on the bot's own SQLite database (conversation states and drafts only).

Only user data (the draft) and conversation states are stored; chat data, bot data and
callback data are not, so nothing else keyed by a Telegram id reaches the database.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from bot.context import BotRuntime
from storage import Database


class SQLitePersistence(BasePersistence[dict[Any, Any], dict[Any, Any], BotRuntime]):
    """Reads and writes through ``storage.conversations``; every write commits at once."""

    def __init__(self, database: Database, update_interval: float = 60) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=update_interval,
        )
        self._database = database

    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        """Drafts of residents who were writing when the bot stopped."""
        return await self._database.conversations.load_drafts()

    async def get_chat_data(self) -> dict[int, dict[Any, Any]]:
        """Chat data is never stored."""
        return {}

    async def get_bot_data(self) -> BotRuntime:
        """Bot data is never stored."""
        return BotRuntime()

    async def get_callback_data(self) -> CDCData | None:
        """Callback data is never stored."""
        return None

    async def get_conversations(self, name: str) -> ConversationDict:
        """Open conversations of the handler ``name``."""
        states = await self._database.conversations.load_states(name)
        return {tuple(key): state for key, state in states.items()}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        """Store a state; None means the conversation ended and the row goes."""
        chat_id, user_id = (int(part) for part in key)
        await self._database.conversations.save_state(name, (chat_id, user_id), new_state)

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        """Store a resident's draft; an empty one deletes the row."""
        await self._database.conversations.save_draft(user_id, data)

    async def drop_user_data(self, user_id: int) -> None:
        """Delete a resident's draft."""
        await self._database.conversations.save_draft(user_id, None)

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
        """Every write is committed when made; nothing is buffered."""
