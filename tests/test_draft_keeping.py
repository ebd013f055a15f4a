"""A draft is never lost: not to an earlier conversation's queued deletion, a second /start,
nor a «Hủy» pressed by mistake (issue 19, items 8, 10 and 15)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.handlers.general import sweep_idle_drafts
from bot.ptb.context import HomThuApplication, HomThuContext
from bot.service.config import Settings
from tests.support import (
    DEFAULT_TOPIC_ROWS_VI,
    FrozenClock,
    Person,
    RecordingBotAPI,
    drafts_on_disk,
    running_bot,
)
from tests.test_intake import (
    CODE,
    WRITING_BUTTONS,
    only_message,
    rows,
    sent,
    submit,
    write_feedback,
)
from texts import Texts

VI = Texts("vi")


async def _write_second_draft(resident: Person, text: str) -> None:
    await resident.send("/start kp2")
    await resident.press("Khác")
    assert only_message(await resident.send(text)).text == VI("received")


@pytest.mark.parametrize("ending", ["sent", "/cancel"])
async def test_a_draft_after_an_ended_one_outlives_the_periodic_flush_and_a_restart(
    ending: str, settings: Settings, clock: FrozenClock
) -> None:
    """Item 8: the first conversation's end queued a deletion of the resident's data in
    PTB; its periodic persistence run must not replay it over the next draft."""
    api = RecordingBotAPI()
    async with running_bot(settings, api, clock) as app:
        await app.bot_data.database.areas.add("kp3", "Khu phố 3")
        await app.bot_data.database.areas.add("kp2", "Khu phố 2")
        resident = Person(app, api, user_id=61_000_008)
        if ending == "sent":
            await submit(resident, "Góp ý thứ nhất")
        else:
            await resident.send("/start kp3")
            await resident.press("Đời sống")
            await resident.send("Viết rồi bỏ")
            await resident.send("/cancel")
            await resident.press("Bỏ góp ý")
        await _write_second_draft(resident, "Góp ý thứ hai, đang viết")
        # PTB's own run, every update_interval (60 s) while the bot runs.
        await app.update_persistence()
        (draft,) = drafts_on_disk(app).values()
        assert draft["draft"]["parts"] == ["Góp ý thứ hai, đang viết"]
    # A new process on the same database: the draft goes on where it was.
    api2 = RecordingBotAPI()
    api2.messages = api.messages
    async with running_bot(settings, api2, clock) as app2:
        again = Person(app2, api2, user_id=61_000_008, _message_ids=resident._message_ids)
        assert only_message(await again.send("và viết tiếp")).text == VI("received")
        await again.press("Xem lại")
        receipt = only_message(await again.press("Gửi"))
        code = CODE.search(receipt.text)
        assert code
        assert rows(app2, f"SELECT body FROM feedback WHERE code = '{code.group(1)}'") == [
            ("Góp ý thứ hai, đang viết\n\nvà viết tiếp",)
        ]


async def test_a_draft_after_an_idle_sweep_outlives_the_periodic_flush(
    app: HomThuApplication, resident: Person, clock: FrozenClock
) -> None:
    """The sweep of empty user data queues the same deletion (item 8's second path)."""
    await submit(resident, "Góp ý thứ nhất")
    await resident.send("/status")  # leaves an empty dict behind, as any update does
    clock.advance(timedelta(minutes=1))
    await sweep_idle_drafts(HomThuContext(app))  # type: ignore[arg-type]
    await resident.send("/start kp3")
    await resident.press("Khác")
    await resident.send("Sau lần quét")
    await app.update_persistence()
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Sau lần quét"]


# --- Item 10: a second /start while writing -------------------------------------------------


async def test_text_typed_while_the_restart_question_is_open_joins_the_draft(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await write_feedback(resident, "Đang viết dở")
    question = only_message(await resident.send("/start thon-tan-dinh"))
    assert question.text == VI("restart_confirm")
    # The resident does not answer the question and goes on writing.
    calls = await resident.send("Viết tiếp câu thứ hai")
    ack = only_message(calls)
    assert ack.text == VI("received_kept_writing")
    assert ack.buttons == WRITING_BUTTONS
    # The question's buttons are gone: the new start was let go.
    stripped = [
        c
        for c in calls
        if c.method == "editMessageReplyMarkup"
        and int(c.params["message_id"]) == question.result["message_id"]
    ]
    assert stripped
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Đang viết dở", "Viết tiếp câu thứ hai"]
    assert draft["draft"]["pending_area_code"] is None
    # And a photo after that is kept as well, in the same draft.
    assert only_message(await resident.send_photo("PH-10")).text == VI("received")
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    code = CODE.search(receipt.text)
    assert code
    assert rows(app, "SELECT body, area_id FROM feedback") == [
        ("Đang viết dở\n\nViết tiếp câu thứ hai", 1)
    ]


async def test_text_typed_at_the_restart_question_before_a_topic_is_kept(
    resident: Person, app: HomThuApplication
) -> None:
    await resident.send("/start kp3")
    await resident.send("Viết trước khi chọn lĩnh vực")
    question = only_message(await resident.send("/start thon-tan-dinh"))
    assert question.text == VI("restart_confirm")
    ask = only_message(await resident.send("và thêm một câu"))
    assert ask.text == VI("kept_before_topic")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Viết trước khi chọn lĩnh vực", "và thêm một câu"]
    assert draft["draft"]["area_code"] == "kp3"
    await resident.press("Khác")
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    assert CODE.search(receipt.text)


async def test_a_sticker_at_the_restart_question_repeats_it(resident: Person) -> None:
    await write_feedback(resident, "Đang viết dở")
    await resident.send("/start thon-tan-dinh")
    sticker = {
        "file_id": "S",
        "file_unique_id": "s",
        "width": 1,
        "height": 1,
        "type": "regular",
        "is_animated": False,
        "is_video": False,
    }
    calls = await resident.send_content(sticker=sticker)
    texts = [c.text for c in calls if c.method == "sendMessage"]
    assert texts[-1] == VI("restart_confirm")


# --- Item 15: «Hủy» asks before anything written is thrown away -----------------------------

CANCEL_QUESTION_BUTTONS = [["🗑 Bỏ góp ý"], ["↩️ Không, giữ lại"]]


async def test_cancel_at_the_review_asks_first_and_no_keeps_everything(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Nội dung quý")
    await resident.send_photo("PH-15")
    await resident.send_content(location={"latitude": 16.8, "longitude": 107.0})
    await resident.press("Xem lại")
    question = only_message(await resident.press("Hủy"))
    assert question.text == VI("cancel_confirm")
    assert question.buttons == CANCEL_QUESTION_BUTTONS
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Nội dung quý"]
    assert draft["draft"]["photos"] == ["PH-15"]
    assert draft["draft"]["location"] == [16.8, 107.0]
    # «Không, giữ lại»: the review again, everything in it.
    calls = await resident.press("Không, giữ lại")
    review = sent(calls)[-1]
    assert "Nội dung quý" in review.text
    assert review.buttons == [["✅ Gửi"], ["✏️ Sửa", "❌ Hủy"]]
    receipt = only_message(await resident.press("Gửi"))
    assert CODE.search(receipt.text)
    assert rows(app, "SELECT body FROM feedback") == [("Nội dung quý",)]


async def test_cancel_while_writing_asks_first_and_no_goes_on_writing(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Đang viết")
    question = only_message(await resident.press("Hủy"))
    assert question.text == VI("cancel_confirm")
    calls = await resident.press("Không, giữ lại")
    # The question turns into the prompt to write on.
    (prompt,) = sent(calls, "editMessageText")
    assert prompt.params["message_id"] == question.result["message_id"]
    assert prompt.text == VI("edit_more_prompt")
    assert prompt.buttons == WRITING_BUTTONS
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Đang viết"]


async def test_cancel_confirmed_discards_the_draft(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Sẽ bỏ")
    await resident.press("Xem lại")
    await resident.press("Hủy")
    message = only_message(await resident.press("Bỏ góp ý"))
    assert message.text == VI("cancelled")
    assert rows(app, "SELECT COUNT(*) FROM feedback") == [(0,)]
    assert rows(app, "SELECT COUNT(*) FROM resident_drafts") == [(0,)]
    assert rows(app, "SELECT COUNT(*) FROM conversation_states") == [(0,)]


async def test_text_sent_while_the_cancel_question_is_open_is_kept(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Câu đầu")
    await resident.press("Hủy")
    ack = only_message(await resident.send("Câu sau"))
    assert ack.text == VI("received")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Câu đầu", "Câu sau"]


async def test_cancel_command_asks_first_when_something_was_written(
    resident: Person, app: HomThuApplication
) -> None:
    """SPEC §3.7: /cancel, like «Hủy», asks when the draft holds anything written."""
    await write_feedback(resident, "Gõ /cancel nhầm")
    question = only_message(await resident.send("/cancel"))
    assert question.text == VI("cancel_confirm")
    assert question.buttons == CANCEL_QUESTION_BUTTONS
    await resident.press("Không, giữ lại")
    assert only_message(await resident.send("vẫn viết tiếp")).text == VI("received")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Gõ /cancel nhầm", "vẫn viết tiếp"]
    await resident.send("/cancel")
    assert only_message(await resident.press("Bỏ góp ý")).text == VI("cancelled")
    assert drafts_on_disk(app) == {}
    assert rows(app, "SELECT COUNT(*) FROM conversation_states") == [(0,)]


async def test_cancel_command_before_a_topic_asks_and_no_asks_the_topic_again(
    resident: Person, app: HomThuApplication
) -> None:
    await resident.send("/start kp3")
    await resident.send("Viết trước khi chọn lĩnh vực")
    assert only_message(await resident.send("/cancel")).text == VI("cancel_confirm")
    again = only_message(await resident.press("Không, giữ lại"))
    assert again.text == VI("choose_topic_again")
    assert again.buttons == DEFAULT_TOPIC_ROWS_VI
    await resident.press("Khác")
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    assert CODE.search(receipt.text)


async def test_cancel_command_with_nothing_written_cancels_at_once(resident: Person) -> None:
    await resident.send("/start kp3")
    await resident.press("Khác")
    assert only_message(await resident.send("/cancel")).text == VI("cancelled")


async def test_cancel_command_at_the_restart_question_and_no_asks_it_again(
    resident: Person, app: HomThuApplication
) -> None:
    await write_feedback(resident, "Đang viết dở")
    await resident.send("/start thon-tan-dinh")
    assert only_message(await resident.send("/cancel")).text == VI("cancel_confirm")
    again = only_message(await resident.press("Không, giữ lại"))
    assert again.text == VI("restart_confirm")
    await resident.press("Viết tiếp")
    assert only_message(await resident.send("câu nữa")).text == VI("received")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["parts"] == ["Đang viết dở", "câu nữa"]
