"""What the review warns of, and how a resident acts on it (issue 19, items 17, 20, 26)."""

from __future__ import annotations

from bot.context import HomThuApplication
from bot.texts import Texts
from tests.support import Person, drafts_on_disk
from tests.test_intake import CODE, only_message, rows, sent, write_feedback

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
