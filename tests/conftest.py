"""Fixtures shared by the tests: a temporary database, a recorded Bot API, a running bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.context import HomThuApplication
from tests.support import FrozenClock, Person, RecordingBotAPI, make_settings, running_bot


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with a fresh database file."""
    return make_settings(tmp_path)


@pytest.fixture
def api() -> RecordingBotAPI:
    """The recorded Bot API."""
    return RecordingBotAPI()


@pytest.fixture
def clock() -> FrozenClock:
    """A clock the test moves."""
    return FrozenClock()


@pytest.fixture
async def app(
    settings: Settings, api: RecordingBotAPI, clock: FrozenClock
) -> AsyncIterator[HomThuApplication]:
    """A running bot with two open areas and one closed one."""
    async with running_bot(settings, api, clock) as application:
        db = application.bot_data.database
        await db.areas.add("kp3", "Khu phố 3")
        await db.areas.add("thon-tan-dinh", "Thôn Tân Định")
        await db.areas.add("kp9", "Khu phố 9")
        await db.areas.set_open("kp9", False)
        yield application


@pytest.fixture
def resident(app: HomThuApplication, api: RecordingBotAPI) -> Person:
    """A resident in a private chat with the bot."""
    return Person(
        app,
        api,
        user_id=987654321,
        first_name="Thịnh",
        last_name="Trần Bí Mật",
        username="thinh_secret_user",
    )
