"""The committee's desk through the application (SPEC §5): deadlines where people read them,
taking a feedback on, forwarding to an agency with a group or with a slip, what an agency's
group does, and the forum thread of the staff group."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.ptb.context import HomThuApplication
from core.models import Agency
from tests.support import (
    COMMITTEE_VI,
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
    make_settings,
    running_bot,
)
from tests.test_documents import pdf_pages
from tests.test_intake import CODE, only_message, rows, sent
from tests.test_staff import WINDOW, card_of, deliver, send_feedback
from texts import Texts

VI = Texts("vi")
UNIT = "Thị trấn Cam Lộ"
# Wed 3 Feb 2027, 10:00 in Vietnam: the last working day before Tết (Thu 4 – Wed 10 Feb off).
BEFORE_TET = datetime(2027, 2, 3, 3, 0, tzinfo=UTC)
# SLA_DAYS is 7: Thu 11 (1), Fri 12 (2), Mon 15 (3), Tue 16 (4), Wed 17 (5), Thu 18 (6),
# Fri 19 (7).
DUE_7 = "19/02/2027"
# Ten working days for topic 8: the seven above, then Mon 22 (8), Tue 23 (9), Wed 24 (10).
DUE_10 = "24/02/2027"
TOPIC_8 = "Xây dựng đô thị văn minh, hạ tầng"
AGENCY_CHAT = -1002000000001
OTHER_AGENCY_CHAT = -1002000000002
BODY = "Đèn đường ngõ 5 hỏng hai tuần nay, tối đi lại rất nguy hiểm."


# --- people and places ---------------------------------------------------------------------


def agency_member(app: HomThuApplication, api: RecordingBotAPI, chat_id: int) -> Person:
    """Someone of an agency, in the agency's group."""
    return Person(
        app,
        api,
        user_id=8001,
        first_name="Tuấn",
        last_name="Phạm Văn",
        username="tuan_dienluc",
        chat_id=chat_id,
    )


async def add_agency(
    app: HomThuApplication, api: RecordingBotAPI, code: str, name: str, chat_id: int | None
) -> Agency:
    """An agency of the list, with its Telegram group (the bot is in it) when given one."""
    database = app.bot_data.database
    agency = await database.agencies.add(code, name)
    if chat_id is not None:
        api.groups[chat_id] = f"Nhóm {name}"
        agency = await database.agencies.set_group(code, chat_id)
    await app.bot_data.refresh_agency_chats()
    return agency


async def feedback_id(app: HomThuApplication, code: str) -> int:
    """The database id of the feedback with that code."""
    return (await app.bot_data.database.feedback.get_by_code(code)).id


async def send_on_topic(resident: Person, topic: str, text: str) -> str:
    """A resident sends one feedback on the topic whose button contains ``topic``."""
    await resident.send("/start kp3")
    await resident.press(topic)
    await resident.send(text)
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    match = CODE.search(receipt.text)
    assert match, receipt.text
    return match.group(1)


def resident_identity(resident: Person) -> list[str]:
    """What would identify the resident, were it shown."""
    return [
        str(resident.user_id),
        resident.first_name,
        str(resident.last_name),
        str(resident.username),
    ]


async def press_on(person: Person, text: str, label: str) -> list[Call]:
    """Press the button ``label`` on the newest message in the person's chat that contains
    ``text`` (a card other than the newest one)."""
    for (chat, message_id), message in sorted(person.api.messages.items(), reverse=True):
        if chat != person.chat or text not in message.text or not message.reply_markup:
            continue
        for row in message.reply_markup["inline_keyboard"]:
            for button in row:
                if label in button["text"]:
                    return await person.press_data(button["callback_data"], message_id)
    raise AssertionError(f"no message with {text!r} and a button {label!r}")


def to_chat(calls: list[Call], chat_id: int) -> list[Call]:
    """The messages sent to one chat."""
    posted = ("sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup", "sendLocation")
    return [c for c in calls if c.method in posted and int(c.params["chat_id"]) == chat_id]


def toast(calls: list[Call]) -> str:
    """What the one answer to a button press said."""
    answers = sent(calls, "answerCallbackQuery")
    assert len(answers) == 1, [c.method for c in calls]
    return str(answers[0].params.get("text") or "")


# --- 1. deadlines -------------------------------------------------------------------------


async def export_rows(officer: Person) -> dict[str, dict[str, str]]:
    """/export 30 in the group: the CSV's rows by reference code."""
    documents = sent(await officer.send("/export 30"), "sendDocument")
    table = next(d for d in documents if d.file_names["document"].endswith(".csv"))
    reader = csv.DictReader(io.StringIO(table.files["document"].decode("utf-8-sig")))
    return {row["Mã tra cứu"]: row for row in reader}


async def test_the_due_date_in_working_days_is_on_the_card_show_status_and_export(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    clock.now = BEFORE_TET
    code = await send_feedback(resident, BODY)
    card = card_of(await deliver(app))
    assert f"⏳ Hạn: {DUE_7}" in card.text

    shown = sent(await officer.send(f"/show {code}"))
    assert f"Góp ý {code}" in shown[0].text
    assert f"⏳ Hạn: {DUE_7}" in shown[0].text

    status = only_message(await resident.send(f"/status {code}"))
    assert VI("status_due", due=DUE_7) in status.text

    row = (await export_rows(officer))[code]
    assert row["Hạn giải quyết"] == "2027-02-19"
    assert row["Quá hạn"] == "Không"


async def test_topicsla_changes_the_due_date_of_feedback_sent_afterwards(
    resident: Person, officer: Person, admin: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    clock.now = BEFORE_TET
    before = await send_on_topic(resident, "Đường, điện nước", "Cống ngõ 7 bị tắc")
    cards = [card_of(await deliver(app))]
    answer = only_message(await admin.send("/topicsla 8 10"))
    assert answer.text == VI("topicsla_set", number=8, name=TOPIC_8, days=10)
    after = await send_on_topic(resident, "Đường, điện nước", "Vỉa hè ngõ 9 bị vỡ")
    cards.append(card_of(await deliver(app)))
    other_topic = await send_feedback(resident, "Chợ tạm lấn chiếm lòng đường")
    cards.append(card_of(await deliver(app)))
    due_on_card = {
        code: re.search(r"⏳ Hạn: (\S+)", card.text).group(1)  # type: ignore[union-attr]
        for code, card in zip((before, after, other_topic), cards, strict=True)
        if f"Góp ý {code}" in card.text
    }
    assert due_on_card == {before: DUE_7, after: DUE_10, other_topic: DUE_7}

    shown = sent(await officer.send(f"/show {after}"))
    assert f"⏳ Hạn: {DUE_10}" in shown[0].text
    status = only_message(await resident.send(f"/status {after}"))
    assert VI("status_due", due=DUE_10) in status.text
    assert (
        VI("status_due", due=DUE_7) in only_message(await resident.send(f"/status {before}")).text
    )
    exported = await export_rows(officer)
    assert exported[after]["Hạn giải quyết"] == "2027-02-24"
    assert exported[before]["Hạn giải quyết"] == "2027-02-19"
    assert exported[other_topic]["Hạn giải quyết"] == "2027-02-19"


# --- 2. taking a feedback on -------------------------------------------------------------


async def test_taking_on_and_taking_over_are_shown_and_recorded(
    resident: Person, officer: Person, colleague: Person, app: HomThuApplication
) -> None:
    code = await send_feedback(resident, BODY)
    card = card_of(await deliver(app))
    assert VI("staff_no_handler") in card.text

    calls = await officer.press("Nhận xử lý")
    assert toast(calls) == VI("toast_taken_on")
    edit = only_edit(calls)
    assert edit.params["message_id"] == card.result["message_id"]
    assert "🙋 Người xử lý: Hoa Lê Thị" in edit.text

    calls = await colleague.press("Nhận xử lý")
    assert toast(calls) == VI("toast_taken_over", previous="Hoa Lê Thị")
    edit = only_edit(calls)
    assert edit.params["message_id"] == card.result["message_id"]
    assert "🙋 Người xử lý: Nam Trần Văn" in edit.text
    assert "Hoa" not in edit.text

    assert rows(app, "SELECT officer FROM assignments ORDER BY id") == [
        ("Hoa Lê Thị",),
        ("Nam Trần Văn",),
    ]
    assert rows(app, "SELECT handler FROM feedback") == [("Nam Trần Văn",)]
    history = sent(await officer.send(f"/show {code}"))[-1].text
    assert "nhận xử lý: Hoa Lê Thị" in history
    assert "nhận xử lý: Nam Trần Văn" in history
    # The resident never learns who handles it.
    status = only_message(await resident.send(f"/status {code}"))
    assert "Hoa" not in status.text
    assert "Nam" not in status.text


def only_edit(calls: list[Call]) -> Call:
    """The one message edited."""
    edits = sent(calls, "editMessageText")
    assert len(edits) == 1, [c.method for c in calls]
    return edits[0]


async def test_mine_and_open_mine_list_what_the_officer_took_on(
    resident: Person, officer: Person, colleague: Person, app: HomThuApplication
) -> None:
    taken = await send_feedback(resident, "Rác ở chợ chưa được thu gom")
    await deliver(app)
    await officer.press("Nhận xử lý")
    untaken = await send_feedback(resident, "Cây đổ chắn đường ngõ 3")
    await deliver(app)

    for command in ("/mine", "/open mine"):
        listing = only_message(await officer.send(command)).text
        assert VI("backlog_header_mine", officer="Hoa Lê Thị", total=1) in listing
        assert taken in listing
        assert untaken not in listing
        empty = only_message(await colleague.send(command)).text
        assert empty == VI("backlog_empty_mine", officer="Nam Trần Văn")

    # Taken over: it leaves the first officer's list for the second's.
    await press_on(colleague, f"Góp ý {taken}", "Nhận xử lý")
    assert taken in only_message(await colleague.send("/mine")).text
    assert only_message(await officer.send("/mine")).text == VI(
        "backlog_empty_mine", officer="Hoa Lê Thị"
    )

    # Resolved: off the list.
    await press_on(colleague, f"Góp ý {taken}", "Đã giải quyết")
    await colleague.press(VI("resolution_result_1"))
    assert only_message(await colleague.send("/open mine")).text == VI(
        "backlog_empty_mine", officer="Nam Trần Văn"
    )


# --- 3. forwarding to an agency with a Telegram group ---------------------------------------


async def forward(officer: Person, agency_name: str) -> list[Call]:
    """«Đã chuyển cấp có thẩm quyền» on the newest card, then the agency's button."""
    await officer.press("Đã chuyển cấp có thẩm quyền")
    return await officer.press(agency_name)


async def test_the_forward_button_offers_the_open_agencies_only(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await add_agency(app, api, "dienluc", "Điện lực Cam Lộ", AGENCY_CHAT)
    await add_agency(app, api, "congan", "Công an thị trấn", None)
    await add_agency(app, api, "capnuoc", "Cấp nước Quảng Trị", OTHER_AGENCY_CHAT)
    await app.bot_data.database.agencies.set_open("capnuoc", False)
    code = await send_feedback(resident, BODY)
    await deliver(app)

    calls = await officer.press("Đã chuyển cấp có thẩm quyền")
    assert toast(calls) == VI("toast_agency_needed")
    prompt = only_message(calls)
    assert prompt.text == VI("ask_agency_prompt", code=code)
    assert prompt.buttons == [["Công an thị trấn"], ["Điện lực Cam Lộ"], [VI("btn_drop")]]
    # Nothing changed yet.
    assert rows(app, "SELECT status FROM feedback") == [("new",)]
    assert rows(app, "SELECT COUNT(*) FROM forwards") == [(0,)]


async def test_forwarding_to_an_agency_with_a_group_posts_the_content_only(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await add_agency(app, api, "dienluc", "Điện lực Cam Lộ", AGENCY_CHAT)
    code = await send_feedback(resident, BODY, photos=2, replies=True)
    card = card_of(await deliver(app))

    calls = await forward(officer, "Điện lực Cam Lộ")
    decided = only_edit_of(calls, STAFF_CHAT_ID, prompt=True)
    assert decided.text == VI(
        "forwarded_to_group", code=code, agency="Điện lực Cam Lộ", who="Hoa Lê Thị", seconds=60
    )
    assert decided.buttons == []
    edited_card = next(c for c in sent(calls, "editMessageText") if c is not decided)
    assert edited_card.params["message_id"] == card.result["message_id"]
    assert "Đã chuyển tới: Điện lực Cam Lộ" in edited_card.text
    assert rows(
        app,
        "SELECT f.status, s.agency FROM feedback f"
        " JOIN status_changes s ON s.feedback_id = f.id AND s.status = 'forwarded'",
    ) == [("forwarded", "Điện lực Cam Lộ")]
    assert rows(app, "SELECT agency_name, forwarded_by FROM forwards") == [
        ("Điện lực Cam Lộ", "Hoa Lê Thị")
    ]

    # Nothing reaches the agency's group within the undo window (issue 19, item 7); then
    # it gets the card, then the photos under it, as the resident is told where it went.
    assert await deliver(app) == []
    clock.advance(WINDOW)
    delivered = await deliver(app)
    told = delivered.pop(0)
    assert [(c.method, int(c.params["chat_id"])) for c in delivered] == [
        ("sendMessage", AGENCY_CHAT),
        ("sendMediaGroup", AGENCY_CHAT),
    ]
    agency_card = delivered[0]
    assert agency_card.buttons == [["📥 Đã tiếp nhận", "✅ Đã xử lý"]]
    for expected in (
        VI("agency_card_header", unit=UNIT),
        f"Góp ý {code}",
        "Khu vực: Khu phố 3",
        "Lĩnh vực: Kinh tế, đời sống",
        BODY,
        "⏳ Hạn:",
    ):
        assert expected in agency_card.text, expected
    album = delivered[1]
    assert [m["media"] for m in album.params["media"]] == ["PHOTO-0", "PHOTO-1"]
    assert album.params["reply_parameters"]["message_id"] == agency_card.result["message_id"]
    # Nothing about the sender, and no staff: not the officer who forwarded it, no status.
    for calls_to_agency in delivered:
        for hidden in [*resident_identity(resident), "Hoa", "Lê Thị", "Trạng thái"]:
            assert hidden not in calls_to_agency.text, hidden
            assert hidden not in str(calls_to_agency.params), hidden

    # The resident is told where it went once the undo window has passed.
    assert told.params["chat_id"] == resident.chat
    assert told.text == VI("resident_forwarded", code=code, agency="Điện lực Cam Lộ")
    status = only_message(await resident.send(f"/status {code}"))
    assert VI("status_agency", agency="Điện lực Cam Lộ") in status.text
    assert VI("resident_status_forwarded") in status.text


def only_edit_of(calls: list[Call], chat_id: int, *, prompt: bool) -> Call:
    """The edit of the forwarding prompt (the first edit), or of the card (the second)."""
    edits = [c for c in sent(calls, "editMessageText") if int(c.params["chat_id"]) == chat_id]
    assert len(edits) == 2, [c.method for c in calls]
    return edits[0] if prompt else edits[1]


async def test_the_agencys_presses_and_reply_come_back_to_the_staff_group(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await add_agency(app, api, "dienluc", "Điện lực Cam Lộ", AGENCY_CHAT)
    code = await send_feedback(resident, BODY, replies=True)
    card = card_of(await deliver(app))
    await forward(officer, "Điện lực Cam Lộ")
    clock.advance(WINDOW)
    told, agency_card = sent(await deliver(app))
    assert told.text == VI("resident_forwarded", code=code, agency="Điện lực Cam Lộ")
    member = agency_member(app, api, AGENCY_CHAT)

    # «Đã tiếp nhận»: the member is thanked; the staff group is told, under the card, once,
    # at once (not after the resident's notice, which waits out its undo window).
    calls = await member.press("Đã tiếp nhận")
    assert toast(calls) == VI("agency_pressed_received")
    assert to_chat(calls, STAFF_CHAT_ID) == []
    notice = only_message(await deliver(app))
    assert notice.params["chat_id"] == STAFF_CHAT_ID
    assert notice.text == VI("staff_notice_agency_received", agency="Điện lực Cam Lộ", code=code)
    assert notice.params["reply_parameters"]["message_id"] == card.result["message_id"]
    assert toast(await member.press("Đã tiếp nhận")) == VI("agency_pressed_again")
    assert await deliver(app) == []

    # «Đã xử lý» likewise.
    assert toast(await member.press("Đã xử lý")) == VI("agency_pressed_done")
    notice = only_message(await deliver(app))
    assert notice.text == VI("staff_notice_agency_done", agency="Điện lực Cam Lộ", code=code)
    assert rows(app, "SELECT received_at IS NOT NULL, done_at IS NOT NULL FROM forwards") == [
        (1, 1)
    ]
    # The agency's word does not change the status: staff decide that.
    assert rows(app, "SELECT status FROM feedback") == [("forwarded",)]

    # A reply to the card: back to the staff group as a proposal naming the agency.
    reply = "Đã thay bóng đèn ngõ 5 sáng 12/02."
    calls = await member.reply_to(agency_card.result["message_id"], reply)
    thanks = only_message_to(calls, AGENCY_CHAT)
    assert thanks.text == VI("agency_reply_forwarded")
    proposal = only_message_to(calls, STAFF_CHAT_ID)
    assert proposal.text.startswith(
        VI("proposal_from_agency", agency="Điện lực Cam Lộ", code=code)
    )
    assert reply in proposal.text
    assert proposal.buttons[0] == ["📤 Gửi trả lời"]
    assert rows(app, "SELECT COUNT(*) FROM responses") == [(0,)]
    assert await deliver(app) == []  # nothing reaches the resident without «Gửi trả lời»

    # Published by an officer, it reaches the resident after the window, in the
    # committee's name; not the agency member's name, not the officer's.
    await officer.press("Gửi trả lời")
    assert await deliver(app) == []
    clock.advance(WINDOW)
    delivered = await deliver(app)
    to_resident = only_message_to(delivered, resident.chat)
    assert to_resident.text == "\n".join(
        [VI("resident_reply", code=code, committee=COMMITTEE_VI), "", reply]
    )
    for hidden in ("Tuấn", "Phạm", "Hoa"):
        assert hidden not in to_resident.text
    assert rows(app, "SELECT kind, delivery FROM responses") == [("reply", "delivered")]
    assert reply in only_message(await resident.send(f"/status {code}")).text


def only_message_to(calls: list[Call], chat_id: int) -> Call:
    """The one message sent to that chat."""
    messages = [c for c in sent(calls) if int(c.params["chat_id"]) == chat_id]
    assert len(messages) == 1, [(c.method, c.params.get("chat_id")) for c in calls]
    return messages[0]


# --- 4. agencies: bad input, closing, leaving, and the slip ---------------------------------


async def test_topicsla_refuses_what_is_not_a_number_of_working_days(
    admin: Person, app: HomThuApplication
) -> None:
    for typed in ("0", "-3", "366", "mười", "1.5"):
        answer = only_message(await admin.send(f"/topicsla 8 {typed}")).text
        assert answer == VI("topicsla_invalid", value=typed, most=365), typed
    assert only_message(await admin.send("/topicsla 8")).text == VI("usage_topicsla")
    assert only_message(await admin.send("/topicsla 99 5")).text == VI(
        "topic_not_found", number=99
    )
    assert rows(app, "SELECT COUNT(*) FROM topics WHERE sla_days IS NOT NULL") == [(0,)]
    assert only_message(await admin.send("/topicsla 8 365")).text == VI(
        "topicsla_set", number=8, name=TOPIC_8, days=365
    )
    assert only_message(await admin.send("/topicsla 8 default")).text == VI(
        "topicsla_default", number=8, name=TOPIC_8, days=7
    )
    assert rows(app, "SELECT COUNT(*) FROM topics WHERE sla_days IS NOT NULL") == [(0,)]


async def test_agency_commands_refuse_a_duplicate_a_long_name_and_a_group_without_the_bot(
    admin: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    added = only_message(await admin.send("/addagency dienluc Điện lực Cam Lộ")).text
    assert added == VI("agency_added", code="dienluc", name="Điện lực Cam Lộ")
    again = only_message(await admin.send("/addagency dienluc Điện lực khác")).text
    assert again == VI("agency_duplicate", code="dienluc", name="Điện lực Cam Lộ")
    long_name = "Công ty " + "x" * 100
    refused = only_message(await admin.send(f"/addagency capnuoc {long_name}")).text
    assert "100" in refused
    assert rows(app, "SELECT code, name FROM agencies") == [("dienluc", "Điện lực Cam Lộ")]

    # A group the bot is not in: said so, the agency kept as it was (no group).
    answer = only_message(await admin.send(f"/agencygroup dienluc {AGENCY_CHAT}")).text
    assert answer == VI(
        "agency_group_not_in", chat_id=AGENCY_CHAT, code="dienluc", name="Điện lực Cam Lộ"
    )
    assert rows(app, "SELECT chat_id, is_open FROM agencies") == [(None, 1)]
    # Once the bot is in it, the group is set.
    api.groups[AGENCY_CHAT] = "Nhóm Điện lực"
    answer = only_message(await admin.send(f"/agencygroup dienluc {AGENCY_CHAT}")).text
    assert answer == VI(
        "agency_group_set",
        code="dienluc",
        name="Điện lực Cam Lộ",
        title="Nhóm Điện lực",
        chat_id=AGENCY_CHAT,
    )
    assert rows(app, "SELECT chat_id FROM agencies") == [(AGENCY_CHAT,)]
    # Another group the bot is not in keeps the one set.
    await admin.send(f"/agencygroup dienluc {OTHER_AGENCY_CHAT}")
    assert rows(app, "SELECT chat_id FROM agencies") == [(AGENCY_CHAT,)]
    for typed in ("/agencygroup dienluc abc", f"/agencygroup dienluc {STAFF_CHAT_ID}"):
        assert (
            VI("agency_group_invalid", value=typed.split()[-1])
            == only_message(await admin.send(typed)).text
        )
    assert only_message(await admin.send("/agencygroup nope -100")).text == VI(
        "agency_not_found", code="nope"
    )


async def test_forwarding_to_an_agency_closed_meanwhile_is_refused(
    resident: Person, officer: Person, admin: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await add_agency(app, api, "dienluc", "Điện lực Cam Lộ", AGENCY_CHAT)
    await send_feedback(resident, BODY, replies=True)
    await deliver(app)
    await officer.press("Đã chuyển cấp có thẩm quyền")
    await admin.send("/closeagency dienluc")
    calls = await officer.press("Điện lực Cam Lộ")
    said = sent(calls, "editMessageText")
    assert [c.text for c in said] == [VI("agency_closed_meanwhile")]
    assert rows(app, "SELECT status FROM feedback") == [("new",)]
    assert rows(app, "SELECT COUNT(*) FROM forwards") == [(0,)]
    assert await deliver(app) == []
    # And it is no longer offered.
    calls = await officer.press("Đã chuyển cấp có thẩm quyền")
    assert "Điện lực Cam Lộ" not in flat_buttons(only_message(calls))


def flat_buttons(call: Call) -> list[str]:
    """Every button label of a message."""
    return [label for row in call.buttons for label in row]


async def test_an_agency_group_removing_the_bot_keeps_the_forward_and_tells_staff(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await add_agency(app, api, "dienluc", "Điện lực Cam Lộ", AGENCY_CHAT)
    code = await send_feedback(resident, BODY)
    await deliver(app)
    await forward(officer, "Điện lực Cam Lộ")
    clock.advance(WINDOW)
    await deliver(app)

    member = agency_member(app, api, AGENCY_CHAT)
    bot_user = {"id": app.bot.id, "is_bot": True, "first_name": "Hòm thư góp ý"}
    await member.push(
        {
            "my_chat_member": {
                "chat": {"id": AGENCY_CHAT, "type": "supergroup", "title": "Nhóm Điện lực"},
                "from": member.user(),
                "date": int(BEFORE_TET.timestamp()),
                "old_chat_member": {"status": "member", "user": bot_user},
                "new_chat_member": {"status": "left", "user": bot_user},
            }
        }
    )
    told = only_message(await deliver(app))
    assert told.params["chat_id"] == STAFF_CHAT_ID
    assert told.text == VI("staff_agency_left", agency="Điện lực Cam Lộ", code="dienluc")
    assert rows(app, "SELECT agency_name FROM forwards") == [("Điện lực Cam Lộ",)]
    assert rows(app, "SELECT status FROM feedback") == [("forwarded",)]
    shown = "\n".join(c.text for c in sent(await officer.send(f"/show {code}")))
    assert "Điện lực Cam Lộ" in shown


async def test_an_agency_without_a_group_gets_an_a4_slip_with_the_content_only(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await add_agency(app, api, "congan", "Công an thị trấn", None)
    code = await send_feedback(resident, BODY, photos=1)
    await deliver(app)
    calls = await forward(officer, "Công an thị trấn")
    decided = sent(calls, "editMessageText")[0]
    assert decided.text == VI(
        "forwarded_with_slip", code=code, agency="Công an thị trấn", who="Hoa Lê Thị", seconds=60
    )
    slips = sent(calls, "sendDocument")
    assert len(slips) == 1
    slip = slips[0]
    assert slip.params["chat_id"] == STAFF_CHAT_ID
    assert slip.file_names["document"] == f"phieu-chuyen-{code}.pdf"
    assert slip.text == VI("slip_caption", code=code, agency="Công an thị trấn")
    content = slip.files["document"]
    text = " ".join(" ".join(pdf_pages(content)).split())
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Công an thị trấn",
        code,
        "Khu phố 3",
        "Kinh tế, đời sống",
        " ".join(BODY.split()),
        "CAM LỘ",
    ):
        assert expected.lower() in text.lower(), expected
    for hidden in resident_identity(resident):
        assert hidden not in text
    assert "Hoa" not in text
    width, height = pdf_size(content)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    # Nothing goes to any agency group.
    assert [c for c in await deliver(app) if int(c.params.get("chat_id", 0)) < 0] == []


def pdf_size(content: bytes) -> tuple[float, float]:
    """The first page's size in points."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(content)
    try:
        return tuple(document[0].get_size())  # type: ignore[return-value]
    finally:
        document.close()


async def test_without_an_agency_list_the_agency_is_named_by_reply(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    code = await send_feedback(resident, BODY, replies=True)
    await deliver(app)
    calls = await officer.press("Đã chuyển cấp có thẩm quyền")
    prompt = only_message(calls)
    assert prompt.text == VI("ask_agency_prompt_none", code=code)
    calls = await officer.reply_to(prompt.result["message_id"], "x" * 101)
    assert sent(calls, "editMessageText")[0].text == VI("agency_name_invalid", max_chars=100)
    assert rows(app, "SELECT COUNT(*) FROM forwards") == [(0,)]

    calls = await officer.reply_to(prompt.result["message_id"], "Phòng Tài nguyên huyện")
    assert sent(calls, "editMessageText")[0].text == VI(
        "forwarded_with_slip",
        code=code,
        agency="Phòng Tài nguyên huyện",
        who="Hoa Lê Thị",
        seconds=60,
    )
    assert sent(calls, "sendDocument")[0].file_names["document"] == f"phieu-chuyen-{code}.pdf"
    clock.advance(WINDOW)
    told = only_message(await deliver(app))
    assert told.text == VI("resident_forwarded", code=code, agency="Phòng Tài nguyên huyện")


# --- 5. finding things -------------------------------------------------------------------


async def test_find_ignores_case_and_marks_over_texts_answers_and_notes(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    in_text = await send_feedback(resident, "ĐIỆN LỰC cắt điện cả ngày không báo trước")
    await deliver(app)
    in_answer = await send_feedback(resident, "Đèn đường ngõ 7 hỏng")
    card = card_of(await deliver(app))
    await officer.reply_to(card.result["message_id"], "Đã báo Điện lực Cam Lộ")
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    await deliver(app)
    in_note = await send_feedback(resident, "Cột điện nghiêng ở ngõ 9")
    card = card_of(await deliver(app))
    await officer.reply_to(card.result["message_id"], "/note hỏi lại điện lực xem")
    elsewhere = await send_feedback(resident, "Rác ở chợ chưa được thu gom")
    await deliver(app)

    found = "\n".join(c.text for c in sent(await officer.send("/find dien luc")))
    assert found.startswith(VI("find_header", words="dien luc", total=3))
    for code in (in_text, in_answer, in_note):
        assert code in found
    assert elsewhere not in found
    assert VI("find_in_reply") in found
    assert VI("find_in_note") in found
    # Upper case, marks, one word only where it is: the same.
    assert in_note in "\n".join(c.text for c in sent(await officer.send("/find NGHIÊNG")))


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("", None),
        ('"', None),
        ("*", None),
        ("-", None),
        ("(", None),
        ("NEAR", "near"),
        ('" * NEAR -', "near"),
        ("NEAR(a b)", "near a b"),
        ('"đèn* -chợ', "đèn chợ"),
    ],
)
async def test_find_with_no_word_or_fts_syntax_is_answered_clearly(
    resident: Person, officer: Person, app: HomThuApplication, query: str, words: str | None
) -> None:
    code = await send_feedback(resident, "Đèn đường hỏng gần chợ")
    await deliver(app)
    answer = only_message(await officer.send(f"/find {query}".rstrip())).text
    if words is None:
        assert answer == VI("find_usage"), query
    elif "near" in words:
        # Operators are words here: looked for as such, not found.
        assert answer == VI("find_none", words=words)
    else:
        assert answer.startswith(VI("find_header", words=words, total=1))
        assert code in answer


async def test_find_with_4000_characters_is_answered(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    code = await send_feedback(resident, "Đèn đường hỏng gần chợ")
    await deliver(app)
    query = ("đèn " * 1000)[:4000]
    answers = sent(await officer.send(f"/find {query}"))
    assert answers
    assert code in "\n".join(c.text for c in answers)
    assert all(len(c.text) <= 4096 for c in answers)


async def test_open_filters_pages_and_filters_that_match_nothing(
    resident: Person, officer: Person, app: HomThuApplication
) -> None:
    codes = []
    for n in range(23):
        # Ten feedbacks an hour per resident: several residents.
        sender = Person(app, resident.api, user_id=900 + n // 8, first_name=f"Dân {n // 8}")
        codes.append(await send_feedback(sender, f"Góp ý thứ {n}"))
    await deliver(app)
    first = sent(await officer.send("/open"))
    listing = "\n".join(c.text for c in first)
    assert codes[0] in listing
    assert codes[19] in listing
    assert codes[20] not in listing
    assert first[-1].buttons == [[VI("btn_backlog_next", page=2)]]
    calls = await officer.press(VI("btn_backlog_next", page=2))
    second = "\n".join(c.text for c in sent(calls))
    assert [code for code in codes if code in second] == codes[20:]

    kp3 = "\n".join(c.text for c in sent(await officer.send("/open kp3")))
    assert codes[0] in kp3
    for command, expected in (
        ("/open thon-tan-dinh", VI("backlog_empty_area", area="Thôn Tân Định")),
        ("/open overdue", VI("backlog_empty_overdue")),
        ("/open xyz", VI("backlog_unknown_area", code="xyz")),
        ("/open kp3 overdue", VI("backlog_usage")),
        ("/open Đ@!", VI("backlog_usage")),
    ):
        assert only_message(await officer.send(command)).text == expected, command


async def test_show_posts_a_live_card_whose_buttons_work(
    resident: Person, officer: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code = await send_feedback(resident, BODY)
    card = card_of(await deliver(app))
    shown = sent(await officer.send(f"/show {code}"))[0]
    assert shown.buttons[0] == ["Đã tiếp nhận", "Đang xử lý"]
    calls = await officer.press_data(
        api.messages[(STAFF_CHAT_ID, shown.result["message_id"])].reply_markup[  # type: ignore[index]
            "inline_keyboard"
        ][0][1]["callback_data"],
        shown.result["message_id"],
    )
    assert toast(calls) == VI("staff_status_set", status="Đang xử lý")
    # Both copies of the card show it (issue 19, item 14), the pressed one among them.
    edits = sent(calls, "editMessageText")
    assert sorted(e.params["message_id"] for e in edits) == [
        card.result["message_id"],
        shown.result["message_id"],
    ]
    assert all("Trạng thái: <b>Đang xử lý</b>" in e.text for e in edits)
    assert rows(app, "SELECT status FROM feedback") == [("in_progress",)]
    proposal = only_message(await officer.reply_to(shown.result["message_id"], "Đang sửa"))
    assert proposal.buttons[0] == ["📤 Gửi trả lời"]


# --- 6. reports and exports ----------------------------------------------------------------


async def test_report_of_a_seeded_quarter_says_what_the_database_holds(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await add_agency(app, api, "congan", "Công an thị trấn", None)
    clock.now = datetime(2026, 8, 3, 2, 0, tzinfo=UTC)
    codes = []
    for n in range(4):
        codes.append(await send_feedback(resident, f"Góp ý quý III số {n}"))
        await deliver(app)  # one card each (several at once come as one batch)
    ids = [await feedback_id(app, code) for code in codes]
    await officer.press_data(f"st:{ids[0]}:resolved")
    await officer.press(VI("resolution_result_1"))
    await officer.press_data(f"st:{ids[1]}:rejected")
    await officer.press(VI("rejection_reason_2"))
    await press_on(officer, f"Góp ý {codes[2]}", "Đã chuyển cấp có thẩm quyền")
    await officer.press("Công an thị trấn")
    clock.now = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)

    calls = await officer.send("/report 2026-Q3")
    documents = sent(calls, "sendDocument")
    assert [d.file_names["document"] for d in documents] == [
        "bao-cao-2026-Q3.docx",
        "bao-cao-2026-Q3.pdf",
    ]
    received, resolved, rejected = rows(
        app,
        "SELECT COUNT(*), SUM(status = 'resolved'), SUM(status = 'rejected') FROM feedback"
        " WHERE created_at >= '2026-06-30T17:00' AND created_at < '2026-09-30T17:00'",
    )[0]
    assert (received, resolved, rejected) == (4, 1, 1)
    open_now = int(str(received)) - int(str(resolved)) - int(str(rejected))
    assert documents[0].text == VI(
        "period_report_caption",
        period="quý III năm 2026",
        received=received,
        resolved=resolved,
        rejected=rejected,
        open=open_now,
    )
    pdf = " ".join(" ".join(pdf_pages(documents[1].files["document"])).split())
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập",
        "Cam Lộ",
        "quý III năm 2026",
        "Công an thị trấn",
        codes[2],
    ):
        assert expected in pdf, expected
    from tests.test_documents import docx_lines

    docx = " ".join(" ".join(docx_lines(documents[0].files["document"])).split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in docx
    assert "Công an thị trấn" in docx

    month = sent(await officer.send("/report 2026-08"), "sendDocument")
    assert [d.file_names["document"] for d in month] == [
        "bao-cao-2026-08.docx",
        "bao-cao-2026-08.pdf",
    ]


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("2026-13", "period_report_usage"),
        ("2026-Q5", "period_report_usage"),
        ("2026-00", "period_report_usage"),
        ("2027-Q1", "period_report_future"),
        ("2026-12", "period_report_future"),
    ],
)
async def test_report_refuses_what_is_no_period_or_not_begun(
    officer: Person, typed: str, key: str
) -> None:
    calls = await officer.send(f"/report {typed}")
    assert only_message(calls).text == VI(key, period=typed)
    assert sent(calls, "sendDocument") == []


async def test_report_of_an_empty_period_is_a_report_that_says_so(officer: Person) -> None:
    documents = sent(await officer.send("/report 2026-02"), "sendDocument")
    assert [d.file_names["document"] for d in documents] == [
        "bao-cao-2026-02.docx",
        "bao-cao-2026-02.pdf",
    ]
    assert documents[0].text == VI("period_report_caption_empty", period="tháng 2 năm 2026")
    pdf = " ".join(" ".join(pdf_pages(documents[1].files["document"])).split())
    assert "không tiếp nhận góp ý nào" in pdf


async def test_exports_have_the_desks_columns_and_the_xlsx_filters_and_prints_landscape(
    resident: Person, officer: Person, app: HomThuApplication, clock: FrozenClock
) -> None:
    import openpyxl

    code = await send_feedback(resident, BODY, replies=True)
    card = card_of(await deliver(app))
    await officer.press("Nhận xử lý")
    await officer.reply_to(card.result["message_id"], "Đã thay bóng đèn")
    await officer.press("Gửi trả lời")
    await officer.reply_to(card.result["message_id"], "/note gọi tổ trưởng")
    clock.advance(WINDOW)
    await deliver(app)
    await officer.press("Đã giải quyết")
    await officer.press(VI("resolution_result_1"))
    clock.advance(WINDOW)
    await deliver(app)
    await resident.press("Hài lòng")

    documents = sent(await officer.send("/export 30"), "sendDocument")
    table = next(d for d in documents if d.file_names["document"].endswith(".csv"))
    reader = csv.DictReader(io.StringIO(table.files["document"].decode("utf-8-sig")))
    row = next(r for r in reader if r["Mã tra cứu"] == code)
    assert "Đã thay bóng đèn" in row["Trả lời công khai"]
    assert "gọi tổ trưởng" in row["Ghi chú nội bộ"]
    assert row["Người xử lý"] == "Hoa Lê Thị"
    assert row["Hạn giải quyết"] == "2026-12-02"
    assert row["Ngày giải quyết"]
    assert row["Quá hạn"] == "Không"
    assert row["Đánh giá"] == VI("export_satisfied")
    for hidden in resident_identity(resident):
        assert hidden not in table.files["document"].decode("utf-8-sig")

    workbook_file = next(d for d in documents if d.file_names["document"].endswith(".xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_file.files["document"])).active
    assert sheet is not None
    assert sheet.auto_filter.ref is not None
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.page_setup.orientation == "landscape"
    headers = [cell.value for cell in sheet[1]]
    for column in ("Người xử lý", "Hạn giải quyết", "Trả lời công khai", "Đánh giá", "Quá hạn"):
        assert column in headers


# --- 7. a forum staff group ------------------------------------------------------------------


async def test_staff_thread_id_puts_the_bots_messages_in_the_forum_thread(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    settings = make_settings(tmp_path, staff_thread_id=77)
    async with running_bot(settings, api, clock) as application:
        await application.bot_data.database.areas.add("kp3", "Khu phố 3")
        await add_agency(application, api, "congan", "Công an thị trấn", None)
        resident = Person(application, api, user_id=987654321)
        officer = Person(application, api, user_id=5001, first_name="Hoa", chat_id=STAFF_CHAT_ID)
        code = await send_feedback(resident, BODY, photos=2, replies=True)
        delivered = await deliver(application)
        await resident.send(code)
        await resident.press("Bổ sung")
        await resident.send("Thêm thông tin")
        delivered += await deliver(application)
        # The slip when forwarding without a group, from a button (no message to reply to
        # is needed: it goes in the thread too).
        calls = await forward(officer, "Công an thị trấn")
        clock.advance(WINDOW)
        delivered += await deliver(application)
    to_group = [
        c
        for c in delivered + calls
        if c.method in ("sendMessage", "sendMediaGroup", "sendPhoto", "sendDocument")
        and int(c.params["chat_id"]) == STAFF_CHAT_ID
        and "reply_parameters" not in c.params
    ]
    assert to_group, [c.method for c in delivered]
    for call in to_group:
        assert call.params.get("message_thread_id") == 77, (call.method, call.text[:40])
    card = next(c for c in delivered if c.buttons and int(c.params["chat_id"]) == STAFF_CHAT_ID)
    assert card.params["message_thread_id"] == 77
