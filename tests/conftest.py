"""Fixtures shared by the tests: a temporary database, a recorded Bot API, a running bot, and
the people who talk to it (a resident, two officers in the staff group, the admin)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.ptb.context import HomThuApplication
from bot.service.config import Settings
from tests.support import (
    ADMIN_ID,
    STAFF_CHAT_ID,
    FrozenClock,
    Person,
    RecordingBotAPI,
    make_settings,
    running_bot,
)


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


@pytest.fixture
def officer(app: HomThuApplication, api: RecordingBotAPI) -> Person:
    """A staff member in the staff group (not an admin)."""
    return Person(app, api, 5001, "Hoa", "Lê Thị", "hoa_mttq", chat_id=STAFF_CHAT_ID)


@pytest.fixture
def colleague(app: HomThuApplication, api: RecordingBotAPI) -> Person:
    """Another staff member in the staff group."""
    return Person(app, api, 5002, "Nam", "Trần Văn", "nam_mttq", chat_id=STAFF_CHAT_ID)


@pytest.fixture
def admin(app: HomThuApplication, api: RecordingBotAPI) -> Person:
    """The admin, in a private chat with the bot."""
    return Person(app, api, user_id=ADMIN_ID, first_name="Quản", last_name="Trị", username=None)
