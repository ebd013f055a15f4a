"""Admin commands through Application.process_update (SPEC §6), and the command menus."""

from __future__ import annotations

import dataclasses
import io
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image

from bot.handlers import admin
from bot.ptb.context import HomThuApplication
from bot.render.menus import admin_commands
from bot.render.views import visible_length
from storage import Database, NewFeedback
from tests.support import (
    ADMIN_ID,
    BOT_USERNAME,
    COMMITTEE_VI,
    DEFAULT_TOPIC_LABELS_VI,
    DEFAULT_TOPICS_VI,
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
    make_settings,
    running_bot,
)
from tests.test_intake import only_message, sent
from texts import Texts

VI = Texts("vi")
EN = Texts("en")
OFFICER_ID = 5555
UNIT = "Thị trấn Cam Lộ"


# --- What the database holds ------------------------------------------------------------


@dataclass(frozen=True)
class State:
    """Areas (code → name, open), topics (number → vi name, en name, open, working days),
    their buttons (number → emoji, vi label, en label), the topics' order, agencies (code →
    name, open, group) and the active answer templates, on disk."""

    areas: dict[str, tuple[str, bool]]
    topics: dict[int, tuple[str, str, bool, int | None]]
    agencies: dict[str, tuple[str, bool, int | None]]
    templates: tuple[str, ...]
    buttons: dict[int, tuple[str, str | None, str | None]]
    order: tuple[int, ...]

    def area(self, code: str, name: str | None = None, is_open: bool | None = None) -> State:
        """This state with one area added or changed."""
        old_name, old_open = self.areas.get(code, ("", True))
        new = (name or old_name, old_open if is_open is None else is_open)
        return dataclasses.replace(self, areas={**self.areas, code: new})

    def topic(
        self,
        number: int,
        name_vi: str | None = None,
        is_open: bool | None = None,
        sla: int | str | None = "kept",
    ) -> State:
        """This state with one topic added or changed (its English name kept, or the vi one)."""
        default = (name_vi or "", name_vi or "", True, None)
        vi, en, was_open, days = self.topics.get(number, default)
        new = (
            name_vi or vi,
            en,
            was_open if is_open is None else is_open,
            days if sla == "kept" else sla,  # type: ignore[assignment]
        )
        return dataclasses.replace(self, topics={**self.topics, number: new})

    def button(
        self, number: int, emoji: str | None = None, vi: str | None = None, en: str | None = None
    ) -> State:
        """This state with one topic's button changed (what is not given is kept)."""
        old_emoji, old_vi, old_en = self.buttons.get(number, ("", None, None))
        new = (old_emoji if emoji is None else emoji, vi or old_vi, en or old_en)
        return dataclasses.replace(self, buttons={**self.buttons, number: new})

    def english_name(self, number: int, name_en: str) -> State:
        """This state with one topic's English name changed."""
        vi, _, is_open, days = self.topics[number]
        return dataclasses.replace(
            self, topics={**self.topics, number: (vi, name_en, is_open, days)}
        )

    def agency(
        self,
        code: str,
        name: str | None = None,
        is_open: bool | None = None,
        chat_id: int | str | None = "kept",
    ) -> State:
        """This state with one agency added or changed."""
        old_name, old_open, old_chat = self.agencies.get(code, ("", True, None))
        new = (
            name or old_name,
            old_open if is_open is None else is_open,
            old_chat if chat_id == "kept" else chat_id,  # type: ignore[assignment]
        )
        return dataclasses.replace(self, agencies={**self.agencies, code: new})


def state(app: HomThuApplication) -> State:
    """Read the database file as another process would."""
    with sqlite3.connect(app.bot_data.database.path) as conn:
        areas = {
            str(code): (str(name), bool(is_open))
            for code, name, is_open in conn.execute("SELECT code, name, is_open FROM areas")
        }
        topics = {
            int(number): (str(vi), str(en), bool(is_open), sla)
            for number, vi, en, is_open, sla in conn.execute(
                "SELECT id, name_vi, name_en, is_open, sla_days FROM topics"
            )
        }
        agencies = {
            str(code): (str(name), bool(is_open), chat)
            for code, name, is_open, chat in conn.execute(
                "SELECT code, name, is_open, chat_id FROM agencies"
            )
        }
        templates = tuple(
            str(body)
            for (body,) in conn.execute(
                "SELECT body FROM answer_templates WHERE is_active ORDER BY id"
            )
        )
        buttons = {
            int(number): (str(emoji), label_vi, label_en)
            for number, emoji, label_vi, label_en in conn.execute(
                "SELECT id, emoji, label_vi, label_en FROM topics"
            )
        }
        order = tuple(
            int(number)
            for (number,) in conn.execute("SELECT id FROM topics ORDER BY position, id")
        )
    return State(areas, topics, agencies, templates, buttons, order)


# --- People ------------------------------------------------------------------------------


@pytest.fixture
async def app_with_feedback(app: HomThuApplication) -> HomThuApplication:
    """The bot of ``app`` with one feedback from Khu phố 3."""
    db = app.bot_data.database
    area = await db.areas.get("kp3")
    await db.feedback.submit(NewFeedback(area.id, 2, "Đèn đường hỏng ở ngõ 5"))
    return app


def admin_in(app: HomThuApplication, api: RecordingBotAPI, where: str) -> Person:
    """The admin, in a private chat or in the staff group."""
    chat = STAFF_CHAT_ID if where == "group" else None
    return Person(app, api, ADMIN_ID, "Hà", "Lê Thu", "ha_admin", chat_id=chat)


def non_admin_in(app: HomThuApplication, api: RecordingBotAPI, where: str) -> Person:
    """A resident in a private chat, or an officer (not an admin) in the staff group."""
    if where == "group":
        return Person(app, api, OFFICER_ID, "Minh", "Phạm", "minh_officer", STAFF_CHAT_ID)
    return Person(app, api, 987654321, "Thịnh", "Trần Bí Mật", "thinh_secret_user")


@pytest.fixture
def admin_person(app_with_feedback: HomThuApplication, api: RecordingBotAPI) -> Person:
    """The admin in a private chat with the bot."""
    return admin_in(app_with_feedback, api, "private")


def answer_text(calls: list[Call], method: str) -> str:
    """The text (or caption) of the one request of ``method``."""
    matching = sent(calls, method)
    assert len(matching) == 1, [c.method for c in calls]
    return matching[0].text


# --- One table: every admin command ------------------------------------------------------


TOPICS_VI = DEFAULT_TOPICS_VI


def areas_answer() -> str:
    lines = [
        VI.with_html("areas_line", code=code, name=name, state=VI(state), count=count)
        for code, name, state, count in (
            ("kp3", "Khu phố 3", "state_open", "1"),
            ("kp9", "Khu phố 9", "state_closed", "0"),
            ("thon-tan-dinh", "Thôn Tân Định", "state_open", "0"),
        )
    ]
    return "\n".join([VI("areas_header", count=3), *lines])


# The buttons migration 0008 gives the default topics: vi, en.
DEFAULT_BUTTONS = [
    ("🏛️ Chính quyền", "🏛️ Local council"),
    ("💼 Đời sống", "💼 Daily life"),
    ("🏥 Y tế, trường học", "🏥 Health, schools"),
    ("🚓 An ninh, trật tự", "🚓 Safety, order"),
    ("📄 Thủ tục, giấy tờ", "📄 Paperwork"),
    ("⚖️ Tham nhũng", "⚖️ Corruption"),
    ("🌳 Môi trường, rác", "🌳 Environment"),
    ("🚧 Đường, điện nước", "🚧 Roads, utilities"),
    ("👤 Về cán bộ", "👤 About officials"),
    ("🌟 Gương tốt", "🌟 Good examples"),
    ("💬 Khác", "💬 Other"),
]


def topics_answer(order: tuple[int, ...] = tuple(range(1, 12))) -> str:
    """/topics of the default topics, in ``order`` (their numbers), for a Vietnamese admin."""
    lines = [
        VI(
            "topics_line",
            place=place,
            button=DEFAULT_BUTTONS[number - 1][0],
            number=number,
            name=TOPICS_VI[number - 1],
            button_en=DEFAULT_BUTTONS[number - 1][1],
        )
        for place, number in enumerate(order, start=1)
    ]
    return "\n".join([VI("topics_header", count=11), *lines, VI("topics_footer")])


def unchanged(before: State) -> State:
    return before


async def close_topic_11(db: Database) -> None:
    await db.topics.set_open(11, False)


async def nothing(db: Database) -> None:
    return None


AGENCY_GROUP_ID = -1001234500099


async def an_agency_with_a_group(db: Database) -> None:
    await db.agencies.add("dienluc", "Điện lực Cam Lộ")
    await db.agencies.set_group("dienluc", AGENCY_GROUP_ID)


async def a_closed_agency(db: Database) -> None:
    await an_agency_with_a_group(db)
    await db.agencies.set_open("dienluc", False)


async def a_template(db: Database) -> None:
    await db.dialogue.add_template("Cảm ơn ông/bà đã góp ý; Ban sẽ kiểm tra và trả lời sớm.")


def agencies_answer() -> str:
    line = VI.with_html(
        "agencies_line",
        code="dienluc",
        name="Điện lực Cam Lộ",
        state=VI("state_open"),
        group=VI("agency_group", chat_id=AGENCY_GROUP_ID),
    )
    return "\n".join([VI("agencies_header", count=1), line])


def templates_answer() -> str:
    line = VI(
        "templates_line",
        number=1,
        body="Cảm ơn ông/bà đã góp ý; Ban sẽ kiểm tra và trả lời sớm.",
    )
    return "\n".join([VI("templates_header", count=1), line])


@dataclass(frozen=True)
class Case:
    """An admin command, what it answers and what it does to the database."""

    command: str
    answer: Callable[[], str]
    effect: Callable[[State], State] = unchanged
    method: str = "sendMessage"
    prepare: Callable[[Database], Awaitable[None]] = nothing
    extra: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.command.split()[0].lstrip("/")


CASES = [
    Case(
        "/addarea kp10 Khu phố 10 (Tổ 10 cũ)",
        lambda: VI("area_added", code="kp10", name="Khu phố 10 (Tổ 10 cũ)"),
        lambda s: s.area("kp10", "Khu phố 10 (Tổ 10 cũ)", True),
    ),
    Case("/areas", areas_answer),
    Case(
        "/renamearea kp3 Tổ dân phố 3",
        lambda: VI("area_renamed", code="kp3", old="Khu phố 3", name="Tổ dân phố 3"),
        lambda s: s.area("kp3", "Tổ dân phố 3"),
    ),
    Case(
        "/closearea kp3",
        lambda: VI("area_closed", code="kp3", name="Khu phố 3"),
        lambda s: s.area("kp3", is_open=False),
    ),
    Case(
        "/openarea kp9",
        lambda: VI("area_opened", code="kp9", name="Khu phố 9"),
        lambda s: s.area("kp9", is_open=True),
    ),
    Case(
        "/qr kp3",
        lambda: VI(
            "qr_caption",
            area="Khu phố 3",
            code="kp3",
            link=f"https://t.me/{BOT_USERNAME}?start=kp3",
        ),
        method="sendPhoto",
        extra=("sendChatAction", "sendDocument"),
    ),
    Case(
        "/addareas\nkp1 Khu phố 1\nĐường Lê Lợi",
        lambda: "\n".join(
            [
                VI("areas_batch_added_header", count=2),
                VI("areas_batch_added_line", number=1, code="kp1", name="Khu phố 1"),
                VI("areas_batch_added_line", number=2, code="duong-le-loi", name="Đường Lê Lợi"),
                VI("areas_batch_added_footer"),
            ]
        ),
        lambda s: s.area("kp1", "Khu phố 1", True).area("duong-le-loi", "Đường Lê Lợi", True),
    ),
    Case("/topics", topics_answer),
    Case(
        "/addtopic Giao thông, trật tự đô thị",
        lambda: "\n".join(
            [
                VI("topic_added", number=12, name="Giao thông, trật tự đô thị"),
                VI("topic_added_label_hint", number=12),
            ]
        ),
        lambda s: dataclasses.replace(
            s.topic(12, "Giao thông, trật tự đô thị").button(12), order=(*s.order, 12)
        ),
    ),
    Case(
        "/renametopic 2 Kinh tế, việc làm",
        lambda: VI("topic_renamed", number=2, old="Kinh tế, đời sống", name="Kinh tế, việc làm"),
        lambda s: s.topic(2, "Kinh tế, việc làm"),
    ),
    Case(
        "/closetopic 11",
        lambda: VI("topic_closed", number=11, name="Khác"),
        lambda s: s.topic(11, is_open=False),
    ),
    Case(
        "/opentopic 11",
        lambda: VI("topic_opened", number=11, name="Khác"),
        lambda s: s.topic(11, is_open=True),
        prepare=close_topic_11,
    ),
    Case(
        "/topicsla 2 5",
        lambda: VI("topicsla_set", number=2, name="Kinh tế, đời sống", days=5),
        lambda s: s.topic(2, sla=5),
    ),
    Case(
        "/topiclabel 2 🛒 Chợ, giá cả",
        lambda: VI("topic_label_set", number=2, name="Kinh tế, đời sống", button="🛒 Chợ, giá cả"),
        lambda s: s.button(2, "🛒", "Chợ, giá cả"),
    ),
    Case(
        "/topicname_en 2 Economy, jobs and prices",
        lambda: VI(
            "topic_name_en_set",
            number=2,
            old="Jobs, incomes and daily life",
            name="Economy, jobs and prices",
        ),
        lambda s: s.english_name(2, "Economy, jobs and prices"),
    ),
    Case(
        "/topicorder 8 4 1 2 3 5 6 7 9 10 11",
        lambda: "\n".join(
            [
                VI("topic_order_set"),
                *(
                    VI("topic_order_line", place=place, button=DEFAULT_BUTTONS[n - 1][0], number=n)
                    for place, n in enumerate((8, 4, 1, 2, 3, 5, 6, 7, 9, 10, 11), start=1)
                ),
            ]
        ),
        lambda s: dataclasses.replace(s, order=(8, 4, 1, 2, 3, 5, 6, 7, 9, 10, 11)),
    ),
    Case("/agencies", agencies_answer, prepare=an_agency_with_a_group),
    Case(
        "/addagency dienluc Điện lực Cam Lộ",
        lambda: VI("agency_added", code="dienluc", name="Điện lực Cam Lộ"),
        lambda s: s.agency("dienluc", "Điện lực Cam Lộ", True, None),
    ),
    Case(
        "/agencygroup dienluc none",
        lambda: VI("agency_group_removed", code="dienluc", name="Điện lực Cam Lộ"),
        lambda s: s.agency("dienluc", chat_id=None),
        prepare=an_agency_with_a_group,
    ),
    Case(
        "/closeagency dienluc",
        lambda: VI("agency_closed", code="dienluc", name="Điện lực Cam Lộ"),
        lambda s: s.agency("dienluc", is_open=False),
        prepare=an_agency_with_a_group,
    ),
    Case(
        "/openagency dienluc",
        lambda: VI("agency_opened", code="dienluc", name="Điện lực Cam Lộ"),
        lambda s: s.agency("dienluc", is_open=True),
        prepare=a_closed_agency,
    ),
    Case("/templates", templates_answer, prepare=a_template),
    Case(
        "/addtemplate Ban đã chuyển ý kiến tới cơ quan chức năng.",
        lambda: VI("template_added", number=1),
        lambda s: dataclasses.replace(
            s, templates=(*s.templates, "Ban đã chuyển ý kiến tới cơ quan chức năng.")
        ),
    ),
    Case(
        "/removetemplate 1",
        lambda: VI("template_removed", number=1),
        lambda s: dataclasses.replace(s, templates=()),
        prepare=a_template,
    ),
    Case("/resend", lambda: VI("resend_none")),
]
CASE_IDS = [case.name for case in CASES]


def test_the_table_covers_every_admin_command() -> None:
    assert sorted(case.name for case in CASES) == sorted(admin.COMMANDS)


@pytest.mark.parametrize("where", ["private", "group"])
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
async def test_admin_command(
    case: Case, where: str, app_with_feedback: HomThuApplication, api: RecordingBotAPI
) -> None:
    app = app_with_feedback
    await case.prepare(app.bot_data.database)
    before = state(app)
    calls = await admin_in(app, api, where).send(case.command)
    assert answer_text(calls, case.method) == case.answer()
    assert sorted(c.method for c in calls) == sorted((case.method, *case.extra))
    expected_chat = STAFF_CHAT_ID if where == "group" else ADMIN_ID
    assert {int(c.params["chat_id"]) for c in calls} == {expected_chat}
    assert state(app) == case.effect(before)
    if case.effect is not unchanged:
        assert state(app) != before


@pytest.mark.parametrize("where", ["private", "group"])
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
async def test_non_admin_is_refused(
    case: Case,
    where: str,
    app_with_feedback: HomThuApplication,
    api: RecordingBotAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = app_with_feedback
    await case.prepare(app.bot_data.database)
    before = state(app)
    person = non_admin_in(app, api, where)
    with caplog.at_level(logging.INFO):
        calls = await person.send(case.command)
    assert [c.method for c in calls] == ["sendMessage"]
    assert only_message(calls).text == VI("admin_only")
    assert state(app) == before
    assert f"admin command refused command={case.name}" in caplog.messages
    logged = "\n".join(caplog.messages)
    for secret in (str(person.user_id), person.first_name, person.username or ""):
        assert secret not in logged


# --- Wrong arguments and bad input ------------------------------------------------------

NAME_101 = "Khu phố " + "ă" * 93
BAD_INPUT = [
    ("/addarea", VI("usage_addarea")),
    ("/addarea kp10", VI("usage_addarea")),
    ("/areas kp3", VI("usage_areas")),
    ("/renamearea", VI("usage_renamearea")),
    ("/renamearea kp3", VI("usage_renamearea")),
    ("/closearea", VI("usage_closearea")),
    ("/closearea kp3 kp9", VI("usage_closearea")),
    ("/openarea", VI("usage_openarea")),
    ("/openarea kp9 ngay", VI("usage_openarea")),
    ("/qr", VI("usage_qr", default="vi")),
    ("/qr kp3 kp9", VI("usage_qr", default="vi")),
    ("/qr kp3 fr", VI("usage_qr", default="vi")),
    ("/qr all kp3", VI("usage_qr", default="vi")),
    ("/topics 2", VI("usage_topics")),
    ("/addtopic", VI("usage_addtopic")),
    ("/renametopic", VI("usage_renametopic")),
    ("/renametopic 2", VI("usage_renametopic")),
    ("/closetopic", VI("usage_closetopic")),
    ("/closetopic 1 2", VI("usage_closetopic")),
    ("/opentopic", VI("usage_opentopic")),
    ("/addarea KP10 Khu phố 10", VI("area_code_invalid", code="KP10")),
    ("/addarea khu_phố Khu phố", VI("area_code_invalid", code="khu_phố")),
    ("/addarea " + "a" * 33 + " Khu phố", VI("area_code_invalid", code="a" * 33)),
    ("/renamearea kp3'-- Tên", VI("area_code_invalid", code="kp3'--")),
    ("/closearea Kp3", VI("area_code_invalid", code="Kp3")),
    ("/openarea kp.9", VI("area_code_invalid", code="kp.9")),
    ("/qr <b>x</b>", VI("area_code_invalid", code="<b>x</b>")),
    ("/addarea kp3 Khu phố 3 mới", VI("area_duplicate", code="kp3", name="Khu phố 3")),
    ("/renamearea kp404 Khu phố 404", VI("area_not_found", code="kp404")),
    ("/closearea kp404", VI("area_not_found", code="kp404")),
    ("/openarea kp404", VI("area_not_found", code="kp404")),
    ("/qr kp404", VI("area_not_found", code="kp404")),
    (f"/addarea kp10 {NAME_101}", VI("name_invalid", max_chars=100, length=101)),
    (f"/renamearea kp3 {NAME_101}", VI("name_invalid", max_chars=100, length=101)),
    ("/addtopic " + "x" * 101, VI("name_invalid", max_chars=100, length=101)),
    ("/renametopic 2 " + "x" * 101, VI("name_invalid", max_chars=100, length=101)),
    ("/renametopic abc Kinh tế", VI("topic_number_invalid", value="abc")),
    ("/closetopic abc", VI("topic_number_invalid", value="abc")),
    ("/opentopic 2.5", VI("topic_number_invalid", value="2.5")),
    ("/closetopic 0", VI("topic_not_found", number=0)),
    ("/closetopic -1", VI("topic_not_found", number=-1)),
    ("/closetopic 999", VI("topic_not_found", number=999)),
    ("/opentopic 999", VI("topic_not_found", number=999)),
    ("/renametopic 0 Kinh tế", VI("topic_not_found", number=0)),
    ("/renametopic 999 Kinh tế", VI("topic_not_found", number=999)),
    ("/closetopic " + "9" * 30, VI("topic_not_found", number="9" * 30)),
    ("/topicsla", VI("usage_topicsla")),
    ("/topicsla 2", VI("usage_topicsla")),
    ("/topicsla 999 5", VI("topic_not_found", number=999)),
    ("/topicsla 2 0", VI("topicsla_invalid", value="0", most=365)),
    ("/topicsla 2 366", VI("topicsla_invalid", value="366", most=365)),
    ("/topicsla 2 -3", VI("topicsla_invalid", value="-3", most=365)),
    ("/topicsla 2 ba", VI("topicsla_invalid", value="ba", most=365)),
    ("/topicsla 2 ５", VI("topicsla_invalid", value="５", most=365)),
    ("/agencies all", VI("usage_agencies")),
    ("/addagency dienluc", VI("usage_addagency")),
    ("/addagency Dien! Điện lực", VI("agency_code_invalid", code="Dien!")),
    ("/addagency dienluc " + "x" * 101, VI("name_invalid", max_chars=100, length=101)),
    ("/agencygroup dienluc", VI("usage_agencygroup")),
    ("/agencygroup nope -100123", VI("agency_not_found", code="nope")),
    ("/closeagency", VI("usage_closeagency")),
    ("/closeagency nope", VI("agency_not_found", code="nope")),
    ("/openagency nope", VI("agency_not_found", code="nope")),
    ("/templates 1", VI("usage_templates")),
    ("/addtemplate", VI("usage_addtemplate")),
    ("/addtemplate " + "x" * 1001, VI("template_too_long", most=1000)),
    ("/removetemplate", VI("usage_removetemplate")),
    ("/removetemplate một", VI("template_number_invalid", value="một")),
    ("/removetemplate 7", VI("template_not_found", number=7)),
]


@pytest.mark.parametrize(("command", "expected"), BAD_INPUT)
async def test_bad_input_is_explained_and_changes_nothing(
    command: str, expected: str, admin_person: Person, app_with_feedback: HomThuApplication
) -> None:
    before = state(app_with_feedback)
    calls = await admin_person.send(command)
    assert [c.method for c in calls] == ["sendMessage"]
    assert only_message(calls).text == expected
    assert state(app_with_feedback) == before


AGENCY_BAD_INPUT = [
    (
        "/addagency dienluc Điện lực mới",
        VI("agency_duplicate", code="dienluc", name="Điện lực Cam Lộ"),
    ),
    ("/agencygroup dienluc 12345", VI("agency_group_invalid", value="12345")),
    ("/agencygroup dienluc nhóm", VI("agency_group_invalid", value="nhóm")),
    ("/agencygroup dienluc -1" + "0" * 20, VI("agency_group_invalid", value="-1" + "0" * 20)),
    (
        f"/agencygroup dienluc {STAFF_CHAT_ID}",
        VI("agency_group_invalid", value=str(STAFF_CHAT_ID)),
    ),
    (
        "/agencygroup dienluc -100777",
        VI("agency_group_not_in", chat_id=-100777, code="dienluc", name="Điện lực Cam Lộ"),
    ),
]


@pytest.mark.parametrize(("command", "expected"), AGENCY_BAD_INPUT)
async def test_bad_agency_input_is_explained_and_changes_nothing(
    command: str, expected: str, admin_person: Person, app_with_feedback: HomThuApplication
) -> None:
    await an_agency_with_a_group(app_with_feedback.bot_data.database)
    before = state(app_with_feedback)
    calls = await admin_person.send(command)
    assert [c.method for c in calls if c.method == "sendMessage"] == ["sendMessage"]
    assert only_message(calls).text == expected
    assert state(app_with_feedback) == before


async def test_an_agency_group_the_bot_is_in_is_kept_and_named(
    admin_person: Person, app_with_feedback: HomThuApplication, api: RecordingBotAPI
) -> None:
    await app_with_feedback.bot_data.database.agencies.add("dienluc", "Điện lực Cam Lộ")
    api.groups[-100555] = "Điện lực – tiếp nhận"
    calls = await admin_person.send("/agencygroup dienluc -100555")
    assert only_message(calls).text == VI(
        "agency_group_set",
        code="dienluc",
        name="Điện lực Cam Lộ",
        title="Điện lực – tiếp nhận",
        chat_id=-100555,
    )
    assert state(app_with_feedback).agencies["dienluc"] == ("Điện lực Cam Lộ", True, -100555)
    assert -100555 in app_with_feedback.bot_data.agency_chats


def test_invalid_code_message_states_the_pattern() -> None:
    assert "<code>[a-z0-9_-]</code>" in VI("area_code_invalid", code="x")
    assert "1–32" in VI("area_code_invalid", code="x")


async def test_names_keep_vietnamese_and_markup_as_typed(
    admin_person: Person, app_with_feedback: HomThuApplication
) -> None:
    calls = await admin_person.send("/addarea tdp-5  Tổ   dân phố <b>5</b> & Ấp Đông")
    name = "Tổ dân phố <b>5</b> & Ấp Đông"
    assert only_message(calls).text == VI("area_added", code="tdp-5", name=name)
    assert "&lt;b&gt;5&lt;/b&gt; &amp; Ấp Đông" in only_message(calls).text
    assert state(app_with_feedback).areas["tdp-5"] == (name, True)


async def test_a_name_of_exactly_100_characters_is_taken(
    admin_person: Person, app_with_feedback: HomThuApplication
) -> None:
    name = "Thôn " + "Đ" * 95
    await admin_person.send(f"/addarea thon-dai {name}")
    assert state(app_with_feedback).areas["thon-dai"] == (name, True)


async def test_command_addressed_to_the_bot_in_the_group(
    app_with_feedback: HomThuApplication, api: RecordingBotAPI
) -> None:
    calls = await admin_in(app_with_feedback, api, "group").send(f"/areas@{BOT_USERNAME}")
    assert only_message(calls).text == areas_answer()


# --- Effects residents see ---------------------------------------------------------------


async def test_closed_area_keeps_its_history_and_its_qr_says_closed(
    admin_person: Person, resident: Person
) -> None:
    await admin_person.send("/closearea kp3")
    areas = only_message(await admin_person.send("/areas")).text
    line = VI.with_html(
        "areas_line", code="kp3", name="Khu phố 3", state=VI("state_closed"), count="1"
    )
    assert line in areas.splitlines()
    closed = only_message(await resident.send("/start kp3")).text
    assert closed == VI("closed_area", area="Khu phố 3") + "\n\n" + VI("closed_area_others")
    await admin_person.send("/openarea kp3")
    greeting = only_message(await resident.send("/start kp3"))
    assert greeting.text == VI("greeting", committee=COMMITTEE_VI, area="Khu phố 3")


async def test_closed_topic_is_not_offered_and_a_new_one_is(
    admin_person: Person, resident: Person
) -> None:
    await admin_person.send("/closetopic 1")
    await admin_person.send("/addtopic Giao thông")
    greeting = only_message(await resident.send("/start kp3"))
    # The new topic comes after the others but before the catch-all, two to a row.
    labels = [*list(DEFAULT_TOPIC_LABELS_VI.values())[1:10], "Giao thông"]
    rows = [labels[i : i + 2] for i in range(0, len(labels), 2)]
    assert greeting.buttons == [*rows, ["💬 Khác"]]


async def test_admin_command_in_the_middle_of_a_draft_keeps_the_draft(
    admin_person: Person,
) -> None:
    await admin_person.send("/start kp3")
    await admin_person.press("Đời sống")
    await admin_person.send("Đèn đường hỏng")
    assert only_message(await admin_person.send("/areas")).text == areas_answer()
    await admin_person.send("thêm một câu")
    preview = sent(await admin_person.press("Xem lại"))[-1].text
    assert "Đèn đường hỏng" in preview
    assert "thêm một câu" in preview


async def test_an_agency_name_alone_gets_the_command_with_a_code(
    admin_person: Person, app_with_feedback: HomThuApplication
) -> None:
    # Issue 19, item 22: `/addagency Điện lực Cam Lộ` was told «Điện» is no area code.
    before = state(app_with_feedback)
    answer = only_message(await admin_person.send("/addagency Điện lực Cam Lộ")).text
    assert answer == VI(
        "agency_name_for_code", word="Điện", code="dien-luc-cam-lo", name="Điện lực Cam Lộ"
    )
    assert "<code>/addagency dien-luc-cam-lo Điện lực Cam Lộ</code>" in answer
    assert state(app_with_feedback) == before
    added = only_message(await admin_person.send("/addagency dien-luc-cam-lo Điện lực Cam Lộ"))
    assert added.text == VI("agency_added", code="dien-luc-cam-lo", name="Điện lực Cam Lộ")
    # The code made from the name is taken now: another one is offered.
    again = only_message(await admin_person.send("/addagency Điện lực Cam Lộ")).text
    assert again == VI(
        "agency_name_for_code_taken",
        word="Điện",
        code="dien-luc-cam-lo",
        other="dien-luc-cam-lo-2",
        name="Điện lực Cam Lộ",
        existing="Điện lực Cam Lộ",
    )
    # One word alone is a name too, not a usage error.
    single = only_message(await admin_person.send("/addagency UBND")).text
    assert single == VI("agency_name_for_code", word="UBND", code="ubnd", name="UBND")


async def test_an_unknown_command_in_an_admins_chat_gets_the_admin_help(
    admin_person: Person,
) -> None:
    message = only_message(await admin_person.send("/addagnecy dien Điện lực"))
    assert message.text == "\n\n".join(
        [VI("admin_unknown_command", command="/addagnecy"), VI("admin_help")]
    )


async def test_unknown_command_still_gets_help(resident: Person) -> None:
    message = only_message(await resident.send("/frobnicate"))
    assert message.text == VI("help", committee=COMMITTEE_VI, max_photos=5)


async def test_lists_in_the_admins_language(admin_person: Person) -> None:
    await admin_person.send("/language en")
    text = only_message(await admin_person.send("/topics")).text
    assert text.startswith(EN("topics_header", count=11))
    line = EN(
        "topics_line",
        place=2,
        button="💼 Đời sống",
        number=2,
        name="Jobs, incomes and daily life",
        button_en="💼 Daily life",
    )
    assert line in text


async def test_long_area_list_is_split_under_telegrams_limit(
    admin_person: Person, app_with_feedback: HomThuApplication
) -> None:
    db = app_with_feedback.bot_data.database
    for number in range(60):
        await db.areas.add(f"to-{number:02d}", f"Tổ dân phố {number:02d} " + "ư" * 80)
    messages = sent(await admin_person.send("/areas"))
    assert len(messages) > 1
    assert all(visible_length(m.text) <= 4096 for m in messages)
    assert messages[0].text.startswith(VI("areas_header", count=63))
    joined = "\n".join(m.text for m in messages)
    for number in range(60):
        assert joined.count(f"<code>to-{number:02d}</code>") == 1


# --- /qr -----------------------------------------------------------------------------------


async def test_qr_sends_a_decodable_png_and_an_a4_pdf(admin_person: Person) -> None:
    calls = await admin_person.send("/qr kp3")
    assert [c.method for c in calls] == ["sendChatAction", "sendPhoto", "sendDocument"]
    photo, document = calls[1], calls[2]
    image = Image.open(io.BytesIO(photo.files["photo"]))
    assert image.format == "PNG"
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [f"https://t.me/{BOT_USERNAME}?start=kp3"]
    assert document.file_names["document"] == "hom-thu-kp3.pdf"
    assert document.files["document"].startswith(b"%PDF")
    assert document.text == VI("qr_poster_caption", area="Khu phố 3")


async def test_qr_of_a_closed_area_says_it_is_closed(admin_person: Person) -> None:
    calls = await admin_person.send("/qr kp9")
    caption = answer_text(calls, "sendPhoto")
    link = f"https://t.me/{BOT_USERNAME}?start=kp9"
    assert caption == "\n\n".join(
        [
            VI("qr_caption", area="Khu phố 9", code="kp9", link=link),
            VI("qr_closed_note", code="kp9"),
        ]
    )
    assert sent(calls, "sendDocument")


async def test_qr_that_cannot_be_drawn_is_explained(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    settings = make_settings(tmp_path, unit_name="Ủy ban " + "M" * 150)
    async with running_bot(settings, api, clock) as application:
        await application.bot_data.database.areas.add("kp3", "Khu phố 3")
        calls = await admin_in(application, api, "private").send("/qr kp3")
    text = only_message(calls).text
    assert text.startswith(VI("qr_failed", reason="")), text
    assert not sent(calls, "sendPhoto")
    assert not sent(calls, "sendDocument")


# --- Command menus -------------------------------------------------------------------------


MenuKey = tuple[str, Any, Any, str | None]


def menu_calls(api: RecordingBotAPI) -> dict[MenuKey, list[str]]:
    """The menus set at start-up: (scope type, chat, user, language) → command names."""
    found: dict[MenuKey, list[str]] = {}
    for call in sent(api.calls, "setMyCommands"):
        scope = call.params.get("scope") or {"type": "default"}
        language = call.params.get("language_code")
        key = (scope["type"], scope.get("chat_id"), scope.get("user_id"), language)
        found[key] = [command["command"] for command in call.params["commands"]]
    return found


async def test_menus_are_set_per_scope_in_vietnamese_and_english(
    app: HomThuApplication, api: RecordingBotAPI
) -> None:
    menus = menu_calls(api)
    residents = ["start", "status", "help", "language", "cancel"]
    staff = [
        "open",
        "mine",
        "find",
        "show",
        "status",
        "stats",
        "digest",
        "export",
        "report",
        "extend",
    ]
    staff_not_resident = [c for c in staff if c not in residents]
    admin_in_group = ("chat_member", STAFF_CHAT_ID, ADMIN_ID)
    assert len(menus) == 2 * 4
    for language in (None, "en"):
        assert menus[("all_private_chats", None, None, language)] == residents
        assert menus[("chat", STAFF_CHAT_ID, None, language)] == staff
        admin_menu = menus[("chat", ADMIN_ID, None, language)]
        assert admin_menu == residents + staff_not_resident + list(admin.COMMANDS)
        assert menus[(*admin_in_group, language)] == [*staff, *admin.COMMANDS]
    assert "addarea" in menus[("chat", ADMIN_ID, None, None)]
    assert "addarea" not in menus[("all_private_chats", None, None, None)]
    assert "addarea" not in menus[("chat", STAFF_CHAT_ID, None, None)]
    assert "export" not in menus[("all_private_chats", None, None, None)]


async def test_menu_descriptions_come_from_the_catalogue(
    app: HomThuApplication, api: RecordingBotAPI
) -> None:
    descriptions = {
        (c.params.get("language_code"), command["command"]): command["description"]
        for c in sent(api.calls, "setMyCommands")
        for command in c.params["commands"]
    }
    assert descriptions[(None, "start")] == VI("cmd_start")
    assert descriptions[("en", "start")] == EN("cmd_start")
    assert descriptions[(None, "addarea")] == VI("cmd_addarea")
    assert descriptions[("en", "qr")] == EN("cmd_qr")


def test_admin_menu_lists_exactly_the_admin_handlers() -> None:
    assert [c.command for c in admin_commands(VI)] == list(admin.COMMANDS)


async def test_a_refused_menu_is_logged_and_start_up_goes_on(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(tmp_path, admin_ids=frozenset({ADMIN_ID, 777}))
    for _ in range(2):
        api.fail_next("setMyCommands", 400, "Bad Request: chat not found")
    with caplog.at_level(logging.WARNING):
        async with running_bot(settings, api, clock) as application:
            menus = menu_calls(api)
            calls = await admin_in(application, api, "private").send("/topics")
    assert only_message(calls).text.startswith(VI("topics_header", count=11))
    assert len(menus) == 2 * (2 + 2 * 2)
    assert ("chat", 777, None, "en") in menus
    refused = [m for m in caplog.messages if m.startswith("command menu not set")]
    assert len(refused) == 2
    assert "chat not found" in refused[0].lower()
    assert not any("777" in m or str(ADMIN_ID) in m for m in refused)
