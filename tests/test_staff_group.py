"""The staff group as a place of people (issue 19, items 11, 13, 14, 25): every copy of a card
shows the feedback as it stands; only members of the group act on its buttons; officers are
told apart by their Telegram account (kept under a keyed hash), not by their names; and the
group's upgrade to a supergroup is followed by itself."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.ptb.context import HomThuApplication
from tests.support import (
    ADMIN_ID,
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
    make_settings,
    running_bot,
)
from tests.test_dialogue import ANSWER, proposed, to_resident, toast
from tests.test_intake import only_message, rows, sent
from tests.test_staff import WINDOW, card_of, deliver, send_feedback
from tests.test_trust import sqlite_encodings
from texts import Texts

VI = Texts("vi")


def card_text(api: RecordingBotAPI, message_id: int) -> str:
    """A card in the staff group as it now stands."""
    return api.messages[(STAFF_CHAT_ID, message_id)].text


def card_buttons(api: RecordingBotAPI, message_id: int) -> list[str]:
    """The labels of a card's buttons as they now stand."""
    markup: dict[str, Any] = api.messages[(STAFF_CHAT_ID, message_id)].reply_markup or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


def edited(calls: list[Call]) -> list[int]:
    """The ids of the messages edited."""
    return sorted(int(c.params["message_id"]) for c in sent(calls, "editMessageText"))


# --- item 14: every copy of a card shows the current state ----------------------------------


async def test_a_press_on_the_first_card_edits_the_show_copy_too(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident)
    first = card_of(await deliver(app)).result["message_id"]
    shown = sent(await officer.send(f"/show {code}"))[0].result["message_id"]

    # The first card, not the /show copy (the newest one).
    message = api.messages[(STAFF_CHAT_ID, first)]
    data = next(
        b["callback_data"]
        for row in (message.reply_markup or {})["inline_keyboard"]
        for b in row
        if b["text"] == "Đã tiếp nhận"
    )
    calls = await officer.press_data(data, first)
    assert edited(calls) == sorted([first, shown])
    for card in (first, shown):
        assert "Trạng thái: <b>Đã tiếp nhận</b> — Hoa Lê Thị" in card_text(api, card)
        assert "✅ Đã tiếp nhận" in card_buttons(api, card)
        assert "✅ Đang xử lý" not in card_buttons(api, card)


async def test_not_satisfied_turns_the_resolved_card_back_to_in_progress(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app)).result["message_id"]
    shown = sent(await officer.send(f"/show {code}"))[0].result["message_id"]
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    await deliver(app)
    for message_id in (card, shown):
        assert "✅ Đã giải quyết" in card_buttons(api, message_id)

    await resident.press("Chưa hài lòng")
    await deliver(app)
    for message_id in (card, shown):
        text = card_text(api, message_id)
        assert f"<b>{VI('status_in_progress')}</b>" in text
        assert VI("staff_rated_unsatisfied") in text
        assert "✅ Đang xử lý" in card_buttons(api, message_id)
        assert "✅ Đã giải quyết" not in card_buttons(api, message_id)


async def test_satisfied_is_shown_on_the_card(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await send_feedback(resident, replies=True)
    card = card_of(await deliver(app)).result["message_id"]
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    await deliver(app)
    await resident.press("Hài lòng")
    assert VI("staff_rated_satisfied") in card_text(api, card)


async def test_an_addition_counts_on_every_card(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident)
    card = card_of(await deliver(app)).result["message_id"]
    shown = sent(await officer.send(f"/show {code}"))[0].result["message_id"]
    await resident.send(f"/status {code}")
    await resident.press("Bổ sung")
    await resident.send("Đèn ở cột số 12")
    await resident.press(VI("btn_send_addition"))
    await deliver(app)
    for message_id in (card, shown):
        assert VI("staff_additions", count=1) in card_text(api, message_id)


# --- item 25: only members of the staff group act on its buttons ----------------------------


async def test_someone_who_left_the_group_cannot_press_its_buttons(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await send_feedback(resident)
    card = card_of(await deliver(app)).result["message_id"]
    outsider = Person(app, api, 5099, "Khách", "Ngoài", "khach", chat_id=STAFF_CHAT_ID)
    api.members[(STAFF_CHAT_ID, outsider.user_id)] = "left"

    calls = await outsider.press("Đã giải quyết")
    assert toast(calls) == VI("staff_not_member")
    assert sent(calls, "answerCallbackQuery")[0].params["show_alert"] is True
    assert sent(calls, "editMessageText") == []
    assert rows(app, "SELECT status FROM feedback") == [("new",)]
    calls = await outsider.press("Nhận xử lý")
    assert toast(calls) == VI("staff_not_member")
    assert rows(app, "SELECT COUNT(*) FROM assignments") == [(0,)]
    assert "Khách" not in card_text(api, card)
    # A member of the group still can.
    assert toast(await officer.press("Đang xử lý")) == VI("staff_status_set", status="Đang xử lý")


async def test_membership_is_asked_once_and_asked_again_after_ten_minutes(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await send_feedback(resident)
    await deliver(app)
    first = await officer.press("Đã tiếp nhận")
    assert [c.params["user_id"] for c in sent(first, "getChatMember")] == [officer.user_id]
    again = await officer.press("Đang xử lý")
    assert sent(again, "getChatMember") == []

    # Hoa leaves the group; within ten minutes the cache still knows her, then not.
    api.members[(STAFF_CHAT_ID, officer.user_id)] = "left"
    clock.advance(timedelta(minutes=11))
    calls = await officer.press("Đã tiếp nhận")
    assert toast(calls) == VI("staff_not_member")
    assert rows(app, "SELECT status FROM feedback") == [("in_progress",)]


async def test_a_restricted_member_and_an_admin_may_press(
    resident: Person,
    officer: Person,
    colleague: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
) -> None:
    await send_feedback(resident)
    await deliver(app)
    api.members[(STAFF_CHAT_ID, officer.user_id)] = "restricted"
    api.members[(STAFF_CHAT_ID, colleague.user_id)] = "administrator"
    assert toast(await officer.press("Đã tiếp nhận")) == VI(
        "staff_status_set", status="Đã tiếp nhận"
    )
    assert toast(await colleague.press("Đang xử lý")) == VI(
        "staff_status_set", status="Đang xử lý"
    )


async def test_when_membership_cannot_be_checked_nothing_changes_and_the_presser_is_told(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await send_feedback(resident)
    await deliver(app)
    api.fail_next("getChatMember", 502, "Bad Gateway")
    calls = await officer.press("Đã tiếp nhận")
    assert toast(calls) == VI("staff_member_unknown")
    assert rows(app, "SELECT status FROM feedback") == [("new",)]
    # Not remembered: the next press asks again and works.
    calls = await officer.press("Đã tiếp nhận")
    assert toast(calls) == VI("staff_status_set", status="Đã tiếp nhận")


# --- item 13: officers are told apart by their account, kept under a keyed hash ------------

GROUP_ANONYMOUS_BOT = 1087968824
CHANNEL_BOT = 136817688


def namesake(app: HomThuApplication, api: RecordingBotAPI, user_id: int) -> Person:
    """An officer named «An Nguyễn Văn», like another one in the group."""
    return Person(app, api, user_id, "An", "Nguyễn Văn", None, chat_id=STAFF_CHAT_ID)


async def test_two_officers_of_one_name_each_see_their_own_work(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    first, second = namesake(app, api, 5011), namesake(app, api, 5012)
    mine = await send_feedback(resident, "Rác ở chợ chưa được thu gom")
    await deliver(app)
    assert toast(await first.press("Nhận xử lý")) == VI("toast_taken_on")
    theirs = await send_feedback(resident, "Cây đổ chắn đường ngõ 3")
    await deliver(app)
    assert toast(await second.press("Nhận xử lý")) == VI("toast_taken_on")

    listing = only_message(await first.send("/mine")).text
    assert mine in listing
    assert theirs not in listing
    listing = only_message(await second.send("/mine")).text
    assert theirs in listing
    assert mine not in listing
    # Taking over from a namesake is a takeover, named as such.
    calls = await first.press("Nhận xử lý")
    assert toast(calls) == VI("toast_taken_over", previous="An Nguyễn Văn")
    assert theirs not in only_message(await second.send("/mine")).text


async def test_a_renamed_officer_keeps_their_list(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    await officer.press("Nhận xử lý")
    officer.first_name, officer.last_name = "Hoa", "Lê Thị Thu"
    listing = only_message(await officer.send("/mine")).text
    assert code in listing
    assert VI("backlog_header_mine", officer="Hoa Lê Thị Thu", total=1) in listing
    # Pressing again under the new name is not a takeover from oneself.
    assert toast(await officer.press("Nhận xử lý")) == VI("toast_taken_on")


async def test_officers_ids_are_kept_under_their_own_keyed_hash_only(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    # An id long enough that its digits, or SQLite's encodings of it, cannot turn up by
    # chance in a hex key or a timestamp (the officers of the fixtures have four digits).
    officer_id = 7_301_456_789_123
    officer = Person(app, api, officer_id, "Hoa", "Lê Thị", "hoa_mttq", chat_id=STAFF_CHAT_ID)
    await send_feedback(resident)
    await deliver(app)
    await officer.press("Nhận xử lý")
    anonymizer = app.bot_data.anonymizer
    key = anonymizer.officer_key(officer_id)
    assert rows(app, "SELECT handler, handler_key FROM feedback") == [("Hoa Lê Thị", key)]
    assert rows(app, "SELECT officer, officer_key FROM assignments") == [("Hoa Lê Thị", key)]
    # Not the key residents are filed under: an officer who also writes as a resident is
    # not linked to it.
    assert key != anonymizer.resident_key(officer_id)
    database = app.bot_data.database.path
    for path in database.parent.iterdir():
        stored = path.read_bytes()
        for form in (str(officer_id).encode(), *sqlite_encodings(officer_id)):
            assert form not in stored, path.name


async def test_a_handler_recorded_by_name_before_the_keys_is_still_shown(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident)
    card = card_of(await deliver(app)).result["message_id"]
    import sqlite3

    with sqlite3.connect(app.bot_data.database.path) as conn:
        conn.execute("UPDATE feedback SET handler = 'Cán bộ cũ', handler_key = NULL")
    await officer.press("Đã tiếp nhận")
    assert "🙋 Người xử lý: Cán bộ cũ" in card_text(api, card)
    shown = sent(await officer.send(f"/show {code}"))[0].text
    assert "Cán bộ cũ" in shown
    assert toast(await officer.press("Nhận xử lý")) == VI("toast_taken_over", previous="Cán bộ cũ")


async def test_an_anonymous_admin_cannot_propose_or_list_mine_and_is_told_why(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await send_feedback(resident)
    card = card_of(await deliver(app)).result["message_id"]
    group = {"id": STAFF_CHAT_ID, "type": "supergroup", "title": "Nhóm"}
    anonymous = Person(
        app, api, GROUP_ANONYMOUS_BOT, "Group", None, "GroupAnonymousBot", chat_id=STAFF_CHAT_ID
    )
    calls = await anonymous.reply_to(card, "Đã báo điện lực", sender_chat=group)
    assert only_message(calls).text == VI("staff_unsigned_reply")
    assert only_message(calls).params["reply_parameters"]["message_id"] is not None
    assert rows(app, "SELECT COUNT(*) FROM proposals") == [(0,)]
    calls = await anonymous.send_content(
        text="/mine",
        entities=[{"type": "bot_command", "offset": 0, "length": 5}],
        sender_chat=group,
    )
    assert only_message(calls).text == VI("staff_mine_unsigned")


async def test_a_post_as_a_channel_cannot_propose(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await send_feedback(resident)
    card = card_of(await deliver(app)).result["message_id"]
    channel = {"id": -1009990001111, "type": "channel", "title": "Kênh phường"}
    poster = Person(app, api, CHANNEL_BOT, "Channel", None, "Channel_Bot", chat_id=STAFF_CHAT_ID)
    calls = await poster.reply_to(card, "Đã xử lý xong", sender_chat=channel)
    assert only_message(calls).text == VI("staff_unsigned_reply")
    assert rows(app, "SELECT COUNT(*) FROM proposals") == [(0,)]


async def test_an_anonymous_admin_pressing_take_on_is_told_why(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await send_feedback(resident)
    card = card_of(await deliver(app)).result["message_id"]
    api.members[(STAFF_CHAT_ID, officer.user_id)] = "anonymous administrator"
    calls = await officer.press("Nhận xử lý")
    assert toast(calls) == VI("staff_anonymous_press")
    assert sent(calls, "answerCallbackQuery")[0].params["show_alert"] is True
    assert rows(app, "SELECT COUNT(*) FROM assignments") == [(0,)]
    assert "Hoa" not in card_text(api, card)


# --- item 11: the staff group upgraded to a supergroup --------------------------------------

SUPERGROUP = -1009876543210
OLD_GROUP = STAFF_CHAT_ID


def texts_to(calls: list[Call], chat_id: int) -> list[str]:
    """What was sent to one chat."""
    return [c.text for c in sent(calls) if int(c.params["chat_id"]) == chat_id]


async def test_an_upgrade_while_feedback_arrived_is_followed_once_by_itself(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    codes = [await send_feedback(resident, f"Góp ý số {n}") for n in range(3)]
    api.migrated[OLD_GROUP] = SUPERGROUP
    calls = await deliver(app)

    # The three cards reach the new supergroup, once each.
    posted = "\n".join(texts_to(calls, SUPERGROUP))
    assert all(posted.count(code) == 1 for code in codes), posted
    # Admins are told once which id to put in .env.
    alerts = texts_to(calls, ADMIN_ID)
    assert alerts == [VI("admin_staff_moved", old_id=OLD_GROUP, new_id=SUPERGROUP)]
    assert f"STAFF_CHAT_ID={SUPERGROUP}" in alerts[0]
    assert rows(app, "SELECT from_chat_id, to_chat_id FROM staff_chat_moves") == [
        (OLD_GROUP, SUPERGROUP)
    ]
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL") == [(0,)]
    assert await deliver(app) == []

    # The new group is the staff group now: its officers' replies are answers.
    officer = Person(app, api, 5001, "Hoa", "Lê Thị", "hoa_mttq", chat_id=SUPERGROUP)
    shown = sent(await officer.send(f"/show {codes[0]}"))[0]
    assert int(shown.params["chat_id"]) == SUPERGROUP
    proposal = only_message(await officer.reply_to(shown.result["message_id"], "Đang xử lý"))
    assert proposal.buttons[0] == ["📤 Gửi trả lời"]


async def test_the_upgrades_service_messages_are_followed_and_admins_told_once(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    old = Person(app, api, 5001, "Hoa", "Lê Thị", "hoa_mttq", chat_id=OLD_GROUP)
    calls = await old.send_content(migrate_to_chat_id=SUPERGROUP)
    assert texts_to(calls, ADMIN_ID) == []  # queued, sent by the outbox
    new = Person(app, api, 5001, "Hoa", "Lê Thị", "hoa_mttq", chat_id=SUPERGROUP)
    await new.send_content(migrate_from_chat_id=OLD_GROUP)
    assert app.bot_data.committee.staff_chat_id == SUPERGROUP

    code = await send_feedback(resident)
    calls = await deliver(app)
    assert texts_to(calls, ADMIN_ID) == [
        VI("admin_staff_moved", old_id=OLD_GROUP, new_id=SUPERGROUP)
    ]
    assert any(code in text for text in texts_to(calls, SUPERGROUP))
    assert texts_to(calls, OLD_GROUP) == []


async def test_after_a_restart_with_the_old_id_the_recorded_one_is_used(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(tmp_path)
    async with running_bot(settings, api, clock) as first:
        old = Person(first, api, 5001, "Hoa", "Lê Thị", "hoa_mttq", chat_id=OLD_GROUP)
        await old.send_content(migrate_to_chat_id=SUPERGROUP)
        told = texts_to(await deliver(first), ADMIN_ID)
        assert told == [VI("admin_staff_moved", old_id=OLD_GROUP, new_id=SUPERGROUP)]
    api.migrated[OLD_GROUP] = SUPERGROUP
    caplog.set_level(logging.WARNING)
    async with running_bot(settings, api, clock) as second:
        assert second.bot_data.committee.staff_chat_id == SUPERGROUP
        assert f"STAFF_CHAT_ID={SUPERGROUP}" in caplog.text
        await second.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(second, api, 987654321, "Thịnh", "Trần", "thinh")
        code = await send_feedback(resident)
        calls = await deliver(second)
        assert any(code in text for text in texts_to(calls, SUPERGROUP))
        # The admins were told once, in the first run: not again.
        assert [t for t in texts_to(calls, ADMIN_ID) if str(SUPERGROUP) in t] == []


# --- after the move: what was posted in the old group cannot be edited any more -------------


def posted_to(calls: list[Call], chat_id: int) -> list[Call]:
    """Every call addressed to one chat: messages, photos, edits."""
    return [c for c in calls if int(c.params.get("chat_id") or 0) == chat_id]


async def answer_sent_in_the_old_group(
    app: HomThuApplication, resident: Person, officer: Person
) -> tuple[str, int]:
    """An answer proposed and sent in the staff group before it moved, its undo window still
    running: the code, and the id of its prompt in the old group."""
    code, prompt = await proposed(app, resident, officer, ANSWER)
    assert toast(await officer.press("Gửi trả lời")) == VI("toast_sending", seconds=60)
    return code, int(prompt.result["message_id"])


def assert_confirmed_in_the_new_group(calls: list[Call], code: str, resident: Person) -> Call:
    """The answer reached the resident once, and the new group was told so once, as a new
    message naming the code (the prompt it would have edited stayed in the old group)."""
    assert len(to_resident(calls, resident)) == 1
    # At most the edit of the prompt was tried in the old group; nothing was sent there.
    assert {c.method for c in posted_to(calls, OLD_GROUP)} <= {"editMessageText"}
    confirmations = [c for c in posted_to(calls, SUPERGROUP) if c.method == "sendMessage"]
    assert len(confirmations) == 1, [c.text for c in confirmations]
    confirmation = confirmations[0]
    heading = VI("staff_answer_sent", code=code, who="Hoa Lê Thị", time="08:01 21/11/2026")
    assert confirmation.text.startswith(heading)
    assert ANSWER in confirmation.text
    assert VI("staff_answer_correct_hint") in confirmation.text
    return confirmation


async def test_an_answer_sent_before_a_recorded_move_is_confirmed_in_the_new_group(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code, _ = await answer_sent_in_the_old_group(app, resident, officer)
    # Within the undo window the group is upgraded, and the bot hears of it.
    await officer.send_content(migrate_to_chat_id=SUPERGROUP)
    api.migrated[OLD_GROUP] = SUPERGROUP
    clock.advance(WINDOW)
    calls = await deliver(app)

    confirmation = assert_confirmed_in_the_new_group(calls, code, resident)
    # Nothing is tried in the old group: its messages are not in the new one.
    assert posted_to(calls, OLD_GROUP) == []
    # Admins hear of the move, once, and of no failure.
    assert texts_to(calls, ADMIN_ID) == [
        VI("admin_staff_moved", old_id=OLD_GROUP, new_id=SUPERGROUP)
    ]
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL") == [(0,)]
    assert await deliver(app) == []
    # A reply to the new message corrects that answer, as a reply to the prompt did.
    officer = Person(app, api, 5001, "Hoa", "Lê Thị", "hoa_mttq", chat_id=SUPERGROUP)
    calls = await officer.reply_to(confirmation.result["message_id"], "/correct Thứ Sáu.")
    correction = only_message(calls)
    assert correction.text.startswith(VI("proposal_correction", code=code, who="Hoa Lê Thị"))


async def test_an_answer_confirmed_when_the_edit_finds_the_group_moved_goes_to_the_new_one(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code, prompt = await answer_sent_in_the_old_group(app, resident, officer)
    # Upgraded within the undo window; the bot learns it from the edit's refusal.
    api.migrated[OLD_GROUP] = SUPERGROUP
    clock.advance(WINDOW)
    calls = await deliver(app)

    assert_confirmed_in_the_new_group(calls, code, resident)
    tried = posted_to(calls, OLD_GROUP)
    assert [(c.method, c.params["message_id"]) for c in tried] == [("editMessageText", prompt)]
    assert texts_to(calls, ADMIN_ID) == [
        VI("admin_staff_moved", old_id=OLD_GROUP, new_id=SUPERGROUP)
    ]
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL") == [(0,)]
    assert rows(app, "SELECT from_chat_id, to_chat_id FROM staff_chat_moves") == [
        (OLD_GROUP, SUPERGROUP)
    ]
    assert await deliver(app) == []


async def test_an_answer_whose_prompt_is_in_an_older_group_is_confirmed_in_todays(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code, prompt = await answer_sent_in_the_old_group(app, resident, officer)
    # The group moved without the bot seeing it, and STAFF_CHAT_ID was set to the new id by
    # hand: the prompt's group is not today's staff group, and no move is recorded.
    api.migrated[OLD_GROUP] = SUPERGROUP
    app.bot_data.use_committee(app.bot_data.committee.with_staff_chat(SUPERGROUP))
    clock.advance(WINDOW)
    calls = await deliver(app)

    assert_confirmed_in_the_new_group(calls, code, resident)
    tried = posted_to(calls, OLD_GROUP)
    assert [(c.method, c.params["message_id"]) for c in tried] == [("editMessageText", prompt)]
    assert texts_to(calls, ADMIN_ID) == []
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL") == [(0,)]
    assert await deliver(app) == []


async def test_cards_left_in_the_old_group_are_skipped_quietly(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    code = await send_feedback(resident, replies=True)
    card_of(await deliver(app))
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    await deliver(app)
    # The group is upgraded; the resident's rating is the first to touch its card.
    api.migrated[OLD_GROUP] = SUPERGROUP
    caplog.set_level(logging.INFO)
    calls = await resident.press("Hài lòng")

    assert [c.method for c in posted_to(calls, OLD_GROUP)] == ["editMessageText"]
    assert any(
        r.levelno == logging.INFO and r.name == "bot.delivery.cards" and code in r.getMessage()
        for r in caplog.records
    ), caplog.text
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    # The refusal says where the group went: it is followed from then on.
    assert app.bot_data.committee.staff_chat_id == SUPERGROUP
    calls = await deliver(app)
    assert texts_to(calls, ADMIN_ID) == [
        VI("admin_staff_moved", old_id=OLD_GROUP, new_id=SUPERGROUP)
    ]
    assert posted_to(calls, OLD_GROUP) == []
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL") == [(0,)]

    # What the resident adds later reaches the new group, and the old cards are not tried.
    await resident.send(f"/status {code}")
    await resident.press("Bổ sung")
    await resident.send("Đèn ở cột số 12")
    await resident.press(VI("btn_send_addition"))
    calls = await deliver(app)
    assert any(code in text for text in texts_to(calls, SUPERGROUP))
    assert posted_to(calls, OLD_GROUP) == []
    assert texts_to(calls, ADMIN_ID) == []
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL") == [(0,)]
