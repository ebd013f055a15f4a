"""What SPEC §3.1–§3.4 and §3.9 promise a resident while writing, beyond the bare flow:
a location, voice typing, warnings at the preview, who runs the box, the language their
Telegram speaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ptb.context import HomThuApplication
from bot.render import paperwork
from tests.support import (
    COMMITTEE_EN,
    COMMITTEE_VI,
    STAFF_CHAT_ID,
    FrozenClock,
    Person,
    RecordingBotAPI,
    make_settings,
    running_bot,
)
from tests.test_dialogue import past_the_undo_window, propose
from tests.test_intake import CODE, only_message, rows, sent, write_feedback
from tests.test_staff import card_of, deliver
from texts import Texts

VI = Texts("vi")
EN = Texts("en")
CONTACT = "Văn phòng UBMTTQ thị trấn, 0233 3871 234"


async def test_one_location_is_kept_shown_at_preview_and_to_staff(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Cột điện nghiêng sắp đổ")
    first = only_message(
        await resident.send_content(location={"latitude": 16.8, "longitude": 107.1})
    )
    assert first.text == VI("received_location")
    second = only_message(
        await resident.send_content(location={"latitude": 16.7923, "longitude": 107.0128})
    )
    assert second.text == VI("received_location_replaced")
    calls = await resident.press("Xem lại")
    (shown,) = [c for c in calls if c.method == "sendLocation"]
    assert (shown.params["latitude"], shown.params["longitude"]) == (16.7923, 107.0128)
    receipt = only_message(await resident.press("Gửi"))
    code = CODE.search(receipt.text)
    assert code
    assert rows(app, "SELECT latitude, longitude FROM feedback") == [(16.7923, 107.0128)]
    delivered = await deliver(app)
    card = card_of(delivered)
    assert "16.79230" in card.text
    assert "107.01280" in card.text
    (pin,) = [c for c in delivered if c.method == "sendLocation"]
    assert pin.params["chat_id"] == STAFF_CHAT_ID
    assert (pin.params["latitude"], pin.params["longitude"]) == (16.7923, 107.0128)
    # The pin hangs under its card, so staff see which feedback it belongs to.
    assert pin.params["reply_parameters"]["message_id"] == card.result["message_id"]


async def test_a_location_alone_is_not_enough_to_send(resident: Person) -> None:
    await resident.send("/start kp3")
    await resident.press("Đời sống")
    await resident.send_content(location={"latitude": 16.8, "longitude": 107.1})
    calls = await resident.press("Xem lại")
    assert sent(calls) == []
    (alert,) = sent(calls, "answerCallbackQuery")
    assert alert.params["text"] == VI("empty_draft")


async def test_voice_is_refused_with_voice_typing_suggested(resident: Person) -> None:
    await write_feedback(resident)
    voice = {"file_id": "V1", "file_unique_id": "v1", "duration": 3}
    refusal = only_message(await resident.send_content(voice=voice))
    assert refusal.text == VI("voice_refused")
    assert "micro" in refusal.text
    assert "giọng nói" in refusal.text


async def test_preview_warns_of_personal_data_in_a_fixed_order(resident: Person) -> None:
    await write_feedback(
        resident,
        "Gọi tôi 0912 345 678 hoặc lan@example.com; xe 75A-123.45 đỗ chắn lối; CCCD 012345678901",
    )
    preview = sent(await resident.press("Xem lại"))[-1]
    kinds = "số điện thoại, số căn cước hoặc chứng minh nhân dân, địa chỉ email, biển số xe"
    assert VI("preview_personal_data", kinds=kinds) in preview.text
    assert "thông tin cá nhân" in preview.text
    # The preview's buttons stay: the resident may still send it as it is, or change it.
    assert preview.buttons == [[VI("btn_send")], [VI("btn_edit"), VI("btn_cancel")]]


async def test_preview_of_plain_text_has_no_warning(resident: Person) -> None:
    await write_feedback(resident, "Đèn đường ngõ 5 hỏng, số nhà 12 tổ 3")
    preview = sent(await resident.press("Xem lại"))[-1]
    assert "thông tin cá nhân" not in preview.text
    assert VI("preview_complaint") not in preview.text


async def test_a_complaint_is_told_where_to_go_and_may_still_be_sent(tmp_path: Path) -> None:
    api = RecordingBotAPI()
    settings = make_settings(tmp_path, contact_text=CONTACT)
    async with running_bot(settings, api, FrozenClock()) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(app, api, user_id=700001)
        await write_feedback(resident, "Tôi muốn tố cáo cán bộ địa chính nhận tiền")
        preview = sent(await resident.press("Xem lại"))[-1]
        assert VI("preview_complaint") in preview.text
        assert VI("contact_line", contact=CONTACT) in preview.text
        receipt = only_message(await resident.press("Gửi"))
        assert CODE.search(receipt.text)


async def test_contact_on_help_and_on_a_closed_area(tmp_path: Path) -> None:
    api = RecordingBotAPI()
    settings = make_settings(tmp_path, contact_text=CONTACT)
    async with running_bot(settings, api, FrozenClock()) as app:
        db = app.bot_data.database
        await db.areas.add("kp3", "Khu phố 3")
        await db.areas.add("kp9", "Khu phố 9")
        await db.areas.set_open("kp9", False)
        resident = Person(app, api, user_id=700002)
        help_text = only_message(await resident.send("/help")).text
        assert help_text.startswith(VI("help", committee=COMMITTEE_VI, max_photos=5))
        assert VI("contact_line", contact=CONTACT) in help_text
        closed = sent(await resident.send("/start kp9"))
        text = "\n".join(c.text for c in closed)
        assert VI("closed_area", area="Khu phố 9") in text
        assert VI("contact_line", contact=CONTACT) in text
        # No dead end: the open areas are there to choose.
        assert [["Khu phố 3"]] in [c.buttons for c in closed]


async def test_a_resident_whose_telegram_speaks_english_is_answered_in_english(
    app: HomThuApplication, api: RecordingBotAPI
) -> None:
    visitor = Person(app, api, user_id=700003, language_code="en-GB")
    greeting = only_message(await visitor.send("/start kp3"))
    assert greeting.text == EN("greeting", committee=COMMITTEE_EN, area="Khu phố 3")
    await visitor.press("Daily life")
    ack = only_message(await visitor.send("The street light on lane 5 is broken"))
    assert ack.text == EN("received")
    preview = sent(await visitor.press("Review"))[-1]
    assert preview.buttons == [[EN("btn_send")], [EN("btn_edit"), EN("btn_cancel")]]
    # A language the bot does not speak falls back to Vietnamese; a choice made with
    # /language wins over what Telegram says.
    other = Person(app, api, user_id=700004, language_code="fr")
    assert only_message(await other.send("/help")).text.startswith("<b>Hòm thư góp ý")
    await visitor.send("/language vi")
    assert only_message(await visitor.send("/help")).text.startswith("<b>Hòm thư góp ý")


async def test_descriptions_name_the_committee_in_both_languages(
    app: HomThuApplication, api: RecordingBotAPI
) -> None:
    described = {
        (c.method, c.params.get("language_code")): c.params
        for c in api.calls
        if c.method in {"setMyDescription", "setMyShortDescription"}
    }
    assert set(described) == {
        ("setMyDescription", None),
        ("setMyDescription", "en"),
        ("setMyShortDescription", None),
        ("setMyShortDescription", "en"),
    }
    assert COMMITTEE_VI in described["setMyDescription", None]["description"]
    assert COMMITTEE_EN in described["setMyDescription", "en"]["description"]
    assert len(described["setMyDescription", None]["description"]) <= 512
    for key in (None, "en"):
        assert len(described["setMyShortDescription", key]["short_description"]) <= 120


# --- issue 19, item 20: the committee's name as English readers see it ----------------------


@pytest.mark.parametrize(
    ("unit", "unit_en", "expected"),
    [
        # Without UNIT_NAME_EN, the locality's own word is put in English.
        ("Thị trấn Cam Lộ", None, "Vietnam Fatherland Front Committee of Cam Lộ Town"),
        ("Xã Cam Hiếu", None, "Vietnam Fatherland Front Committee of Cam Hiếu Commune"),
        ("Phường Đông Lễ", None, "Vietnam Fatherland Front Committee of Đông Lễ Ward"),
        ("Đặc khu Cồn Cỏ", None, "Vietnam Fatherland Front Committee of Cồn Cỏ Special Zone"),
        ("Cam Lộ", None, "Vietnam Fatherland Front Committee of Cam Lộ"),
        # UNIT_NAME_EN as the committee wrote it.
        ("Thị trấn Cam Lộ", "Cam Lo Town", "Vietnam Fatherland Front Committee of Cam Lo Town"),
        (
            "Thị trấn Cam Lộ",
            "Fatherland Front Committee of Cam Lo",
            "Fatherland Front Committee of Cam Lo",
        ),
    ],
)
def test_the_committee_in_english(unit: str, unit_en: str | None, expected: str) -> None:
    settings = make_settings(Path("unused"), unit_name=unit, unit_name_en=unit_en)
    assert paperwork.committee_name(EN, settings.committee.unit_name_for("en")) == expected
    # Vietnamese readers keep UNIT_NAME whatever UNIT_NAME_EN says.
    assert settings.committee.unit_name_for("vi") == unit


async def test_english_readers_see_unit_name_en_everywhere(
    tmp_path: Path, clock: FrozenClock
) -> None:
    # Issue 19, item 20: English residents read «… Committee of Thị trấn Cam Lộ».
    api = RecordingBotAPI()
    committee = "Vietnam Fatherland Front Committee of Cam Lo Town"
    settings = make_settings(tmp_path, unit_name_en="Cam Lo Town")
    async with running_bot(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        described = {
            (c.method, c.params.get("language_code")): c.params
            for c in api.calls
            if c.method == "setMyDescription"
        }
        assert committee in described["setMyDescription", "en"]["description"]
        assert COMMITTEE_VI in described["setMyDescription", None]["description"]
        visitor = Person(app, api, user_id=700005, language_code="en")
        greeting = only_message(await visitor.send("/start kp3"))
        assert greeting.text == EN("greeting", committee=committee, area="Khu phố 3")
        help_text = only_message(await visitor.send("/help")).text
        assert help_text.startswith(EN("help", committee=committee, max_photos=5))
        neighbour = Person(app, api, user_id=700006, language_code="vi")
        greeting = only_message(await neighbour.send("/start kp3"))
        assert greeting.text == VI("greeting", committee=COMMITTEE_VI, area="Khu phố 3")
        # An answer reaches the English resident in the committee's English name.
        await visitor.press("Daily life")
        await visitor.send("The street light on lane 5 is broken")
        await visitor.press("Review")
        code = CODE.search(only_message(await visitor.press(EN("btn_send"))).text)
        assert code is not None
        await visitor.press(EN("btn_receive"))
        card = card_of(await deliver(app))
        officer = Person(app, api, 5001, "Hoa", "Lê Thị", "hoa_mttq", chat_id=STAFF_CHAT_ID)
        await propose(officer, card.result["message_id"], "Fixed this morning.")
        await officer.press("Gửi trả lời")
        reached = await past_the_undo_window(app, clock, visitor)
        assert [c.text for c in reached] == [
            "\n".join(
                [
                    EN("resident_reply", code=code.group(1), committee=committee),
                    "",
                    "Fixed this morning.",
                ]
            )
        ]
