"""The committee's desk through the application (SPEC §5): deadlines where people read them,
taking a feedback on, forwarding to an agency with a group or with a slip, what an agency's
group does, and the forum thread of the staff group."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

import pytest

from bot.context import HomThuApplication
from bot.texts import Texts
from storage.models import Agency
from tests.support import ADMIN_ID, STAFF_CHAT_ID, Call, FrozenClock, Person, RecordingBotAPI
from tests.test_intake import CODE, only_message, rows, sent
from tests.test_staff import WINDOW, card_of, deliver, send_feedback

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


@pytest.fixture
def officer(app: HomThuApplication, api: RecordingBotAPI) -> Person:
    """A staff member in the staff group (not an admin)."""
    return Person(
        app,
        api,
        user_id=5001,
        first_name="Hoa",
        last_name="Lê Thị",
        username="hoa_mttq",
        chat_id=STAFF_CHAT_ID,
    )


@pytest.fixture
def colleague(app: HomThuApplication, api: RecordingBotAPI) -> Person:
    """Another staff member in the staff group."""
    return Person(
        app,
        api,
        user_id=5002,
        first_name="Nam",
        last_name="Trần Văn",
        username="nam_mttq",
        chat_id=STAFF_CHAT_ID,
    )


@pytest.fixture
def admin(app: HomThuApplication, api: RecordingBotAPI) -> Person:
    """The admin, in a private chat with the bot."""
    return Person(app, api, user_id=ADMIN_ID, first_name="Quản", last_name="Trị", username=None)


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
    before = await send_on_topic(resident, "Xây dựng đô thị", "Cống ngõ 7 bị tắc")
    cards = [card_of(await deliver(app))]
    answer = only_message(await admin.send("/topicsla 8 10"))
    assert answer.text == VI("topicsla_set", number=8, name=TOPIC_8, days=10)
    after = await send_on_topic(resident, "Xây dựng đô thị", "Vỉa hè ngõ 9 bị vỡ")
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

    # The agency's group gets the card, then the photos under it; nothing else goes yet.
    delivered = await deliver(app)
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
    clock.advance(WINDOW)
    told = only_message(await deliver(app))
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
    agency_card = only_message(await deliver(app))
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
    clock.advance(WINDOW)
    told = only_message(await deliver(app))
    assert told.text == VI("resident_forwarded", code=code, agency="Điện lực Cam Lộ")

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
    assert to_resident.text == "\n".join([VI("resident_reply", code=code, unit=UNIT), "", reply])
    for hidden in ("Tuấn", "Phạm", "Hoa"):
        assert hidden not in to_resident.text
    assert rows(app, "SELECT kind, delivery FROM responses") == [("reply", "delivered")]
    assert reply in only_message(await resident.send(f"/status {code}")).text


def only_message_to(calls: list[Call], chat_id: int) -> Call:
    """The one message sent to that chat."""
    messages = [c for c in sent(calls) if int(c.params["chat_id"]) == chat_id]
    assert len(messages) == 1, [(c.method, c.params.get("chat_id")) for c in calls]
    return messages[0]
