"""The committee as a value (issue 20): built from today's environment, swapped whole when
its staff group moves, and read by the bot at the moment it acts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from telegram import Chat, Message, User

from bot.app import Admins, StaffChat
from bot.ptb.context import BotRuntime
from bot.service.config import ConfigError, load_settings
from core.committee import Committee
from tests.fresh_process import loaded_in_fresh_process

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
ENV = {
    "TELEGRAM_BOT_TOKEN": TOKEN,
    "STAFF_CHAT_ID": "-1001234567890",
    "ADMIN_IDS": "111111111, 222222222",
    "STAFF_THREAD_ID": "12",
    "UNIT_NAME": "Thị trấn Cam Lộ",
    "UNIT_NAME_EN": "Cam Lo Town",
    "TIMEZONE": "Asia/Bangkok",
    "DIGEST_CRON": "0 17 * * 1-5",
    "SLA_DAYS": "10",
    "DEFAULT_LANGUAGE": "en",
    "CONTACT_TEXT": "Điện thoại 0233 3861 234\\nTrụ sở UBND thị trấn",
    "UNDO_SECONDS": "30",
}
STAFF = -1001234567890
SUPERGROUP = -1009876543210


def test_the_environment_builds_the_one_committee() -> None:
    settings = load_settings(ENV)
    assert settings.committee == Committee(
        staff_chat_id=STAFF,
        admin_ids=frozenset({111111111, 222222222}),
        unit_name="Thị trấn Cam Lộ",
        unit_name_en="Cam Lo Town",
        staff_thread_id=12,
        timezone=ZoneInfo("Asia/Bangkok"),
        sla_days=10,
        digest_cron="0 17 * * 1-5",
        default_language="en",
        contact_text="Điện thoại 0233 3861 234\nTrụ sở UBND thị trấn",
    )
    # What is the process's own stays in Settings.
    assert settings.undo_seconds == 30
    assert not hasattr(settings, "staff_chat_id")


def test_the_committee_defaults_are_the_environment_defaults() -> None:
    required = {name: ENV[name] for name in ("TELEGRAM_BOT_TOKEN", "STAFF_CHAT_ID", "ADMIN_IDS")}
    assert load_settings(required).committee == Committee(
        staff_chat_id=STAFF, admin_ids=frozenset({111111111, 222222222})
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [("STAFF_CHAT_ID", "42"), ("ADMIN_IDS", "x"), ("TIMEZONE", "Mars/Olympus"), ("SLA_DAYS", "0")],
)
def test_a_bad_committee_variable_is_named(variable: str, value: str) -> None:
    with pytest.raises(ConfigError) as refused:
        load_settings({**ENV, variable: value})
    assert refused.value.variable == variable


def test_moving_the_staff_group_makes_a_new_value() -> None:
    committee = load_settings(ENV).committee
    calendar, deadlines = committee.calendar, committee.deadlines
    moved = committee.with_staff_chat(SUPERGROUP)
    assert moved.staff_chat_id == SUPERGROUP
    assert committee.staff_chat_id == STAFF  # the old value is left as it was
    assert _fields(moved) == {**_fields(committee), "staff_chat_id": SUPERGROUP}
    # The calendar (its holidays already looked up) goes along with the move.
    assert moved.calendar is calendar
    assert moved.deadlines is deadlines


def test_admins_and_the_staff_group() -> None:
    committee = Committee(staff_chat_id=STAFF, admin_ids=frozenset({7, 8}))
    assert committee.is_admin(7)
    assert not committee.is_admin(9)
    assert not committee.is_admin(None)
    assert committee.is_staff_chat(STAFF)
    assert not committee.is_staff_chat(SUPERGROUP)
    assert not committee.is_staff_chat(None)


def test_the_name_english_readers_see() -> None:
    plain = Committee(staff_chat_id=STAFF, admin_ids=frozenset({7}), unit_name="Xã Cam Thành")
    assert plain.unit_name_for("en") == "Xã Cam Thành"
    named = Committee(
        staff_chat_id=STAFF, admin_ids=frozenset({7}), unit_name="Xã A", unit_name_en="A Commune"
    )
    assert (named.unit_name_for("vi"), named.unit_name_for("en")) == ("Xã A", "A Commune")


def test_deadlines_count_the_committees_working_days_in_its_zone() -> None:
    committee = Committee(
        staff_chat_id=STAFF,
        admin_ids=frozenset({7}),
        sla_days=2,
        timezone=ZoneInfo("Asia/Bangkok"),
    )
    # Friday 2026-12-04, 23:30 in Bangkok (16:30 UTC): two working days are Mon and Tue.
    due = committee.deadlines.due_at(datetime(2026, 12, 4, 16, 30, tzinfo=UTC), None)
    assert committee.deadlines.due_day(due) == date(2026, 12, 8)
    assert committee.deadlines.due_at(datetime(2026, 12, 4, 16, 30, tzinfo=UTC), 1) < due
    assert committee.calendar.zone == ZoneInfo("Asia/Bangkok")


def test_the_bot_reads_the_committee_when_a_message_comes() -> None:
    """The handler filters are built once; the committee they consult is the runtime's as it
    stands when each message comes (a moved group, another committee's admins)."""
    runtime = BotRuntime()
    runtime.use_committee(Committee(staff_chat_id=STAFF, admin_ids=frozenset({7})))
    in_staff, in_supergroup = _message(STAFF, 7), _message(SUPERGROUP, 8)
    staff_chat, admins = StaffChat(runtime), Admins(runtime)
    assert staff_chat.filter(in_staff)
    assert not staff_chat.filter(in_supergroup)
    assert admins.filter(in_staff)
    assert not admins.filter(in_supergroup)

    runtime.use_committee(Committee(staff_chat_id=SUPERGROUP, admin_ids=frozenset({8})))
    assert staff_chat.filter(in_supergroup)
    assert not staff_chat.filter(in_staff)
    assert admins.filter(in_supergroup)
    assert not admins.filter(in_staff)


def test_core_imports_nothing_of_the_bot() -> None:
    # Any module of the bot or of Telegram loads its package ("bot", "telegram") first.
    loaded = loaded_in_fresh_process("import core.committee, core.anonymity", ("bot", "telegram"))
    assert loaded == []


def _fields(committee: Committee) -> dict[str, object]:
    return {name: getattr(committee, name) for name in Committee.__dataclass_fields__}


def _message(chat_id: int, user_id: int) -> Message:
    return Message(
        message_id=1,
        date=datetime(2026, 12, 1, tzinfo=UTC),
        chat=Chat(chat_id, Chat.SUPERGROUP),
        from_user=User(user_id, "Hoa", is_bot=False),
    )
