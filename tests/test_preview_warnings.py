"""What the review warns of, and how a resident acts on it (issue 19, items 17, 20, 26)."""

from __future__ import annotations

import unicodedata

import pytest

from bot.handlers.resident.writing import warnings
from bot.ptb.context import HomThuApplication
from core.rules.draft import MAX_CHARS, Draft
from tests.support import Person, RecordingBotAPI, drafts_on_disk
from tests.test_intake import CODE, only_message, rows, sent, write_feedback
from texts import Texts

VI = Texts("vi")
EN = Texts("en")
PREVIEW_BUTTONS = [[VI("btn_send")], [VI("btn_edit"), VI("btn_cancel")]]


# --- Item 17: how to take out just the line with personal data -----------------------------


async def test_the_warning_says_how_to_remove_just_that_line(resident: Person) -> None:
    await write_feedback(resident, "Đèn đường ngõ 5 hỏng.")
    await resident.send("Có gì gọi tôi 0912 345 678")
    review = sent(await resident.press("Xem lại"))[-1]
    warning = VI("preview_personal_data", kinds="số điện thoại")
    assert warning in review.text
    # Not «bấm Sửa để sửa» (which offers only «Viết thêm» or «Viết lại từ đầu»): the way
    # to take out one line, and the way to write again.
    assert "nhấn giữ" in warning
    assert "«Sửa» (Edit)" in warning
    assert "Viết lại từ đầu" in warning


async def test_editing_the_line_at_the_review_shows_the_review_again(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Đèn đường ngõ 5 hỏng.")
    await resident.send("Có gì gọi tôi 0912 345 678")
    old_review = sent(await resident.press("Xem lại"))[-1]
    # Long-press, «Sửa»: message 3 («/start kp3» is 1, the first line 2) loses the number.
    calls = await resident.edit(3, "Xin sửa sớm.")
    texts = [c.text for c in sent(calls)]
    assert texts[0] == VI("edited_updated")
    review = sent(calls)[-1]
    assert "Xin sửa sớm." in review.text
    assert "0912" not in review.text
    assert "thông tin cá nhân" not in review.text
    assert review.buttons == PREVIEW_BUTTONS
    # The old review's buttons are gone: only the new one can send.
    stripped = [
        c
        for c in calls
        if c.method == "editMessageReplyMarkup"
        and c.params["message_id"] == old_review.result["message_id"]
    ]
    assert stripped
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Đèn đường ngõ 5 hỏng.", "Xin sửa sớm."]
    receipt = only_message(await resident.press("Gửi"))
    assert CODE.search(receipt.text)
    assert rows(app, "SELECT body FROM feedback") == [("Đèn đường ngõ 5 hỏng.\n\nXin sửa sớm.",)]


# --- Item 26: text in decomposed Unicode (NFD) ----------------------------------------------


def nfd(text: str) -> str:
    """The text as some keyboards send it: letters and their marks apart."""
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


async def test_a_denunciation_typed_in_nfd_gets_the_note(resident: Person) -> None:
    await write_feedback(resident, nfd("Tôi muốn tố cáo cán bộ địa chính nhận tiền"))
    review = sent(await resident.press("Xem lại"))[-1]
    assert VI("preview_complaint") in review.text


async def test_a_complaint_in_an_nfd_caption_gets_the_note(resident: Person) -> None:
    await write_feedback(resident, "Đường ngõ 5")
    await resident.send_photo("PH-26", caption=nfd("Đơn khiếu nại về việc này"))
    review = sent(await resident.press("Xem lại"))[-1]
    assert VI("preview_complaint") in review.text


async def test_nfd_text_counts_as_what_the_reader_sees_and_is_stored_nfc(
    resident: Person, app: HomThuApplication
) -> None:
    composed = ("Đường ộp ẹp, ổ gà, nước đọng. " * 40).strip()  # 1,199 characters read
    body = "\n\n".join([composed] * 3)
    assert len(body) <= MAX_CHARS < len(nfd(body))
    await resident.send("/start kp3")
    await resident.press("Khác")
    for _ in range(3):
        assert only_message(await resident.send(nfd(composed))).text.startswith(VI("received"))
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == [composed] * 3
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    assert CODE.search(receipt.text)
    assert rows(app, "SELECT body FROM feedback") == [(body,)]


async def test_an_nfd_edit_is_stored_nfc(resident: Person, app: HomThuApplication) -> None:
    await write_feedback(resident, "Bản gốc")
    await resident.edit(2, nfd("Bản đã sửa: tố cáo"))
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Bản đã sửa: tố cáo"]


# --- Item 20: English words for a complaint, and a passport number --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I want to make a complaint about the land officer",
        "Complaints about the market fees",
        "I denounce the ward official who took money",
        "This is a denunciation of the headman",
        "He was denounced last year",
        # Vietnamese, with and without marks, as before.
        "Tôi muốn tố cáo cán bộ",
        "don khieu nai ve dat dai",
    ],
)
def test_complaint_words_get_the_note(text: str) -> None:
    draft = Draft(1, "kp3", "Khu phố 3", touched_at=0.0, parts=[text])
    assert EN("preview_complaint") in warnings(EN, draft)


@pytest.mark.parametrize(
    "text", ["The street light is broken", "I complained to nobody", "announce", "Tố Hữu"]
)
def test_ordinary_words_get_no_complaint_note(text: str) -> None:
    draft = Draft(1, "kp3", "Khu phố 3", touched_at=0.0, parts=[text])
    assert EN("preview_complaint") not in warnings(EN, draft)


async def test_an_english_complaint_gets_the_note_in_english(
    app: HomThuApplication, api: RecordingBotAPI
) -> None:
    visitor = Person(app, api, user_id=700_020, language_code="en")
    await visitor.send("/start kp3")
    await visitor.press("Other")
    await visitor.send("I want to denounce the official who took bribes")
    review = sent(await visitor.press("Review"))[-1]
    assert EN("preview_complaint") in review.text


async def test_a_passport_number_is_flagged_at_the_review(resident: Person) -> None:
    await write_feedback(resident, "Tôi là người nước ngoài, hộ chiếu C1234567, xin hỏi thủ tục.")
    review = sent(await resident.press("Xem lại"))[-1]
    assert VI("preview_personal_data", kinds="số hộ chiếu") in review.text
