"""Fixtures of the end-to-end tests: the local Bot API server and the bot as a process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.botapi import BotAPIServer
from tests.e2e.harness import BOT_USERNAME, STAFF_CHAT_ID, TOKEN, BotProcess, bot_environment


@pytest.fixture
async def server() -> AsyncIterator[BotAPIServer]:
    """The local Bot API on a loopback port, with the staff group in it."""
    api = BotAPIServer(TOKEN, bot_username=BOT_USERNAME)
    api.group(STAFF_CHAT_ID, "Cán bộ MTTQ Cam Lộ")
    await api.start()
    try:
        yield api
    finally:
        await api.close()
    unknown = sorted({r.method for r in api.unknown_methods})
    assert not unknown, f"the bot called methods the local Bot API does not know: {unknown}"


@pytest.fixture
async def bot(tmp_path: Path, server: BotAPIServer) -> AsyncIterator[BotProcess]:
    """The bot, installed in an empty folder, not started yet."""
    process = BotProcess(tmp_path, bot_environment(tmp_path, server.base_url))
    try:
        yield process
    finally:
        await process.close()
        print(process.log)  # shown by pytest when the test fails


@pytest.fixture
async def running_bot(bot: BotProcess, server: BotAPIServer) -> BotProcess:
    """The bot, started and polling."""
    await bot.start_and_wait(server)
    return bot
