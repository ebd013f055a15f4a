"""Who may do what: every privileged command and button, from everyone who may not.

One table of actions (admin commands, staff commands, the status buttons of a notification)
and one table of people; the matrix of the two says, for each pair, whether the bot must
refuse (a short message, nothing changed), stay silent (a stranger's group: the bot does not
speak there at all), or let it through (tested elsewhere). SPEC §1, §5, §6.

To add a command: one ``Action`` line. To add a kind of person: one ``Requester`` line.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pytest

from bot.handlers import admin
from bot.ptb.context import HomThuApplication
from storage import NewFeedback
from tests.botapi.rules import TelegramRulesAPI
from tests.support import ADMIN_ID, STAFF_CHAT_ID, Call, Person, RecordingBotAPI
from texts import Texts

VI = Texts("vi")
STRANGERS_GROUP = -1009998887776


class Audience(Enum):
    """Who an action is for."""

    ADMINS = "admins"  # ADMIN_IDS, in a private chat or in the staff group
    STAFF = "staff"  # anyone in the staff group, and admins in a private chat
    STAFF_GROUP = "staff group"  # the buttons under a notification, in the staff group
    AGENCY_GROUP = "agency group"  # the buttons under a forwarded feedback, in its group


class Outcome(Enum):
    """What the bot must do when someone outside the audience tries."""

    REFUSED = "refused"
    SILENT = "silent"
    ALLOWED = "allowed"


@dataclass(frozen=True)
class Action:
    """A command (or a button press, ``/`` left out) that needs a permission."""

    text: str  # with ``{code}`` / ``{id}`` for the feedback in the database
    audience: Audience
    button: bool = False

    @property
    def name(self) -> str:
        """A short name for the test id."""
        return self.text.split()[0].lstrip("/").split(":")[0] + ("-button" if self.button else "")


ACTIONS = [
    # Admin commands (bot/handlers/admin.py COMMANDS), each with arguments that would work.
    Action("/areas", Audience.ADMINS),
    Action("/addarea kp10 Khu phố 10", Audience.ADMINS),
    Action("/addareas\nkp10 Khu phố 10\nĐường Lê Lợi", Audience.ADMINS),
    Action("/renamearea kp3 Tổ dân phố 3", Audience.ADMINS),
    Action("/closearea kp3", Audience.ADMINS),
    Action("/openarea kp9", Audience.ADMINS),
    Action("/qr kp3", Audience.ADMINS),
    Action("/qr all en", Audience.ADMINS),
    Action("/topics", Audience.ADMINS),
    Action("/addtopic Giao thông", Audience.ADMINS),
    Action("/renametopic 2 Kinh tế, việc làm", Audience.ADMINS),
    Action("/closetopic 11", Audience.ADMINS),
    Action("/opentopic 11", Audience.ADMINS),
    Action("/topicsla 2 5", Audience.ADMINS),
    Action("/topiclabel 2 🛒 Chợ, giá cả", Audience.ADMINS),
    Action("/topicname_en 2 Economy, jobs and prices", Audience.ADMINS),
    Action("/topicorder 8 4 1 2 3 5 6 7 9 10", Audience.ADMINS),
    Action("/agencies", Audience.ADMINS),
    Action("/addagency dienluc Điện lực", Audience.ADMINS),
    Action("/agencygroup dienluc none", Audience.ADMINS),
    Action("/closeagency dienluc", Audience.ADMINS),
    Action("/openagency dienluc", Audience.ADMINS),
    Action("/templates", Audience.ADMINS),
    Action("/addtemplate Ban đã tiếp nhận.", Audience.ADMINS),
    Action("/removetemplate 1", Audience.ADMINS),
    Action("/resend", Audience.ADMINS),
    Action("resend:all", Audience.ADMINS, button=True),
    # Staff commands (SPEC §5): the staff group, or an admin in a private chat.
    Action("/show {code}", Audience.STAFF),
    Action("/digest", Audience.STAFF),
    Action("/stats 30", Audience.STAFF),
    Action("/open", Audience.STAFF),
    Action("/export 30", Audience.STAFF),
    Action("/mine", Audience.STAFF),
    Action("/find đèn đường", Audience.STAFF),
    Action("/report 2026-10", Audience.STAFF),
    Action("backlog:all:kf12.1:2", Audience.STAFF, button=True),
    # The status buttons under a notification; callback data can be forged by a client.
    Action("st:{id}:resolved", Audience.STAFF_GROUP, button=True),
    Action("st:{id}:rejected", Audience.STAFF_GROUP, button=True),
    Action("st:{id}:forwarded", Audience.STAFF_GROUP, button=True),
    Action("take:{id}", Audience.STAFF_GROUP, button=True),
    Action("ask:{id}", Audience.STAFF_GROUP, button=True),
    Action("tpl:{id}", Audience.STAFF_GROUP, button=True),
    Action("tpl:{id}:1", Audience.STAFF_GROUP, button=True),
    Action("rj:{id}:1", Audience.STAFF_GROUP, button=True),
    Action("fw:{id}:1", Audience.STAFF_GROUP, button=True),
    Action("rs:{id}:1", Audience.STAFF_GROUP, button=True),
    Action("rw:{id}:n", Audience.STAFF_GROUP, button=True),
    Action("pr:send:1", Audience.STAFF_GROUP, button=True),
    Action("pr:undo:1", Audience.STAFF_GROUP, button=True),
    Action("pr:tpl:1:1", Audience.STAFF_GROUP, button=True),
    Action("open:{id}", Audience.STAFF_GROUP, button=True),
    # The buttons under a feedback forwarded to an agency's group: only there.
    Action("ag:rcv:1", Audience.AGENCY_GROUP, button=True),
    Action("ag:done:1", Audience.AGENCY_GROUP, button=True),
]
STAFF_COMMANDS = {"show", "digest", "stats", "open", "mine", "find", "export", "report"}


@dataclass(frozen=True)
class Requester:
    """Someone who may not do (some of) the actions, and where they try."""

    name: str
    user_id: int
    chat_id: int | None  # None: their private chat with the bot
    is_admin: bool = False

    def outcome(self, audience: Audience) -> Outcome:
        """What the bot must do when this person tries an action for ``audience``."""
        in_staff_group = self.chat_id == STAFF_CHAT_ID
        in_private = self.chat_id is None
        if not (in_staff_group or in_private):
            return Outcome.SILENT  # the bot does not speak in other groups at all
        allowed = {
            Audience.ADMINS: self.is_admin,
            Audience.STAFF: in_staff_group or self.is_admin,
            Audience.STAFF_GROUP: in_staff_group,
            Audience.AGENCY_GROUP: False,  # no requester here is in an agency's group
        }[audience]
        return Outcome.ALLOWED if allowed else Outcome.REFUSED

    def person(self, app: HomThuApplication, api: RecordingBotAPI) -> Person:
        """The Telegram user, speaking where they try."""
        return Person(
            app,
            api,
            self.user_id,
            "Người",
            "Thử Quyền",
            f"probe_{self.user_id}",
            chat_id=self.chat_id,
        )


REQUESTERS = [
    Requester("resident", 987654321, None),
    Requester("officer-not-admin-in-staff-group", 5555, STAFF_CHAT_ID),
    Requester("stranger-in-another-group", 6666, STRANGERS_GROUP),
    Requester("admin-in-another-group", ADMIN_ID, STRANGERS_GROUP, is_admin=True),
    Requester("admin-pressing-a-status-button-in-private", ADMIN_ID, None, is_admin=True),
]
CASES = [
    (requester, action)
    for requester in REQUESTERS
    for action in ACTIONS
    if requester.outcome(action.audience) is not Outcome.ALLOWED
]


def refusal_text(audience: Audience) -> str:
    """What the bot says to someone outside the audience of a command."""
    return VI("admin_only") if audience is Audience.ADMINS else VI("staff_only")


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read as another process would."""
    with sqlite3.connect(path) as conn:
        tables = [
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: sorted(conn.execute(f"SELECT * FROM {table}"), key=repr) for table in tables
        }


@pytest.fixture
def api() -> TelegramRulesAPI:
    """The recorded Bot API, refusing what Telegram refuses (edits of unknown messages...)."""
    return TelegramRulesAPI()


@pytest.fixture
async def feedback(app: HomThuApplication) -> tuple[str, int]:
    """One feedback in the database: its code and id."""
    db = app.bot_data.database
    area = await db.areas.get("kp3")
    stored = (await db.feedback.submit(NewFeedback(area.id, 2, "Đèn đường hỏng ở ngõ 5"))).feedback
    return stored.code, stored.id


def test_the_table_covers_every_privileged_command() -> None:
    names = {action.name for action in ACTIONS if not action.button}
    assert names == set(admin.COMMANDS) | STAFF_COMMANDS


def test_every_requester_is_refused_something() -> None:
    for requester in REQUESTERS:
        assert any(r is requester for r, _ in CASES), requester.name


@pytest.mark.parametrize(
    ("requester", "action"),
    CASES,
    ids=[f"{requester.name}:{action.name}" for requester, action in CASES],
)
async def test_refused_or_ignored_and_nothing_changes(
    requester: Requester,
    action: Action,
    app: HomThuApplication,
    api: RecordingBotAPI,
    feedback: tuple[str, int],
) -> None:
    code, feedback_id = feedback
    await app.bot_data.database.topics.set_open(11, False)  # so that /opentopic would act
    path = app.bot_data.database.path
    before = snapshot(path)
    person = requester.person(app, api)
    text = action.text.format(code=code, id=feedback_id)
    calls: list[Call] = await (person.press_data(text) if action.button else person.send(text))
    after = snapshot(path)
    changed = {t: [r for r in rows if r not in before[t]] for t, rows in after.items()}
    changed = {t: rows for t, rows in changed.items() if rows}
    assert changed == {}, changed
    expected = requester.outcome(action.audience)
    if expected is Outcome.SILENT:
        assert calls == [], [c.method for c in calls]
    elif action.button:
        assert [c.method for c in calls] == ["answerCallbackQuery"], [c.method for c in calls]
    else:
        assert [(c.method, c.text) for c in calls] == [
            ("sendMessage", refusal_text(action.audience))
        ]
        assert {int(c.params["chat_id"]) for c in calls} == {person.chat}
