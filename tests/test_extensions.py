"""Issue 19, item 22: staff extend one feedback's deadline («gia hạn») with a reason,
recorded with who and when, shown on the card, /show and /status."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from bot.ptb.context import HomThuApplication
from tests.support import STAFF_CHAT_ID, FrozenClock, Person
from tests.test_dialogue import status_of
from tests.test_intake import only_message, sent
from tests.test_staff import card_of, deliver, send_feedback
from texts import Texts

VI = Texts("vi")
REASON = "Chờ điện lực khảo sát tuyến dây"


async def test_an_officer_extends_a_deadline_with_a_reason_the_resident_reads(
    app: HomThuApplication, resident: Person, officer: Person, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    card = card_of(await deliver(app))
    # Sent Sat 21 Nov 2026: due 7 working days later (Culture Day off), Wed 2 Dec.
    assert VI("staff_due", due="02/12/2026") in card.text
    calls = await officer.send(f"/extend {code} 5 {REASON}")
    preview = only_message(calls)
    assert preview.text == VI("extend_preview", code=code, days=5, due="09/12/2026", reason=REASON)
    assert preview.buttons == [[VI("btn_extend_confirm")], [VI("btn_drop")]]
    calls = await officer.press(VI("btn_extend_confirm"))
    edited = [c for c in calls if c.method == "editMessageText"]
    # The preview says what was done; the card shows the new deadline and why.
    assert [c.params["message_id"] for c in edited] == [
        preview.result["message_id"],
        card.result["message_id"],
    ]
    assert edited[0].text == VI(
        "extended", code=code, days=5, due="09/12/2026", reason=REASON, who="Hoa Lê Thị"
    )
    assert VI("staff_due", due="09/12/2026") in edited[1].text
    assert VI("staff_due_extended", reason=REASON) in edited[1].text
    # The resident sees the new deadline and the reason.
    status = await status_of(resident, code)
    assert VI("status_due", due="09/12/2026") in status
    assert VI("status_due_extended", reason=REASON) in status
    # /show: who extended it, when, by how much, to when.
    shown = "\n".join(c.text for c in sent(await officer.send(f"/show {code}")))
    assert "Hoa Lê Thị gia hạn thêm 5 ngày làm việc, hạn mới 09/12/2026" in shown
    # Stored with who and when; the feedback's deadline moved (reports count against it).
    db = app.bot_data.database
    feedback = await db.feedback.get_by_code(code)
    [extension] = await db.extensions.of(feedback.id)
    assert (extension.days, extension.reason, extension.extended_by) == (5, REASON, "Hoa Lê Thị")
    assert extension.extended_at == clock.now
    assert extension.due_at == feedback.due_at
    assert extension.previous_due_at is not None
    assert extension.previous_due_at < extension.due_at
    # The export carries the reason.
    documents = sent(await officer.send("/export 7"), "sendDocument")
    table = next(d for d in documents if d.file_names["document"].endswith(".csv"))
    reader = csv.DictReader(io.StringIO(table.files["document"].decode("utf-8-sig")))
    [row] = list(reader)
    assert row[VI("doc_export_extension")] == REASON
    assert row[VI("doc_export_due")] == "2026-12-09"


async def test_an_overdue_feedback_is_extended_from_today(
    app: HomThuApplication, resident: Person, officer: Person, clock: FrozenClock
) -> None:
    code = await send_feedback(resident)
    clock.advance(timedelta(days=30))  # Mon 21 Dec 2026: 13 working days late
    preview = only_message(await officer.send(f"/giahan {code} 2 {REASON}")).text
    assert "hạn mới 23/12/2026" in preview
    calls = await officer.press(VI("btn_extend_confirm"))
    assert "hạn mới 23/12/2026" in sent(calls, "editMessageText")[0].text


async def test_wrong_extensions_are_explained_and_change_nothing(
    app: HomThuApplication, resident: Person, officer: Person
) -> None:
    code = await send_feedback(resident)
    db = app.bot_data.database
    before = (await db.feedback.get_by_code(code)).due_at
    for command, expected in (
        ("/extend", VI("usage_extend", most=365)),
        (f"/extend {code}", VI("usage_extend", most=365)),
        (f"/extend {code} 0 {REASON}", VI("extend_days_invalid", value="0", most=365)),
        (f"/extend {code} 366 {REASON}", VI("extend_days_invalid", value="366", most=365)),
        (f"/extend {code} 3000000 {REASON}", VI("extend_days_invalid", value="3000000", most=365)),
        (f"/extend {code} 5", VI("extend_reason_missing", most=500)),
        ("/extend GY-AAAAAAAA 5 lý do", VI("status_not_found", code="GY-AAAAAAAA")),
    ):
        assert only_message(await officer.send(command)).text == expected, command
    feedback = await db.feedback.get_by_code(code)
    assert feedback.due_at == before
    assert await db.extensions.of(feedback.id) == []
    await db.feedback.set_status(feedback.id, feedback.status.RESOLVED, "Hoa")
    closed = only_message(await officer.send(f"/extend {code} 5 {REASON}")).text
    assert closed == VI("extend_closed", code=code)


async def test_a_resident_cannot_extend(app: HomThuApplication, resident: Person) -> None:
    code = await send_feedback(resident)
    await resident.send(f"/extend {code} 5 {REASON}")
    feedback = await app.bot_data.database.feedback.get_by_code(code)
    assert await app.bot_data.database.extensions.of(feedback.id) == []


# --- review of issue 19, S7: the reason is public at once, so it is confirmed first ------------


async def test_nothing_is_extended_until_the_preview_is_confirmed(
    app: HomThuApplication, resident: Person, officer: Person
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    db = app.bot_data.database
    feedback = await db.feedback.get_by_code(code)
    preview = only_message(await officer.send(f"/extend {code} 5 gọi anh Tuấn 0905 111 222"))
    assert VI("status_due", due="02/12/2026") in await status_of(resident, code)
    assert "0905" not in await status_of(resident, code)
    assert await db.extensions.of(feedback.id) == []
    assert (await db.feedback.get(feedback.id)).due_at == feedback.due_at

    calls = await officer.press(VI("btn_drop"))
    assert sent(calls, "editMessageText")[0].text == VI("prompt_cancelled", who="Hoa Lê Thị")
    assert await db.extensions.of(feedback.id) == []
    # The cancelled preview's button, pressed from another phone, does nothing.
    confirm = preview.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    calls = await officer.press_data(confirm, preview.result["message_id"])
    assert sent(calls, "answerCallbackQuery")[0].params["text"] == VI("extend_preview_gone")
    assert await db.extensions.of(feedback.id) == []
    assert "0905" not in await status_of(resident, code)


async def test_the_extension_takes_the_words_its_preview_showed(
    app: HomThuApplication, resident: Person, officer: Person
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    await officer.send(f"/extend {code} 5 Lý do thứ nhất")
    first, confirm = officer.api.button(officer.chat, VI("btn_extend_confirm"))
    await officer.send(f"/extend {code} 3 {REASON}")  # a second preview, left alone
    await officer.press_data(confirm, first.message_id)
    feedback = await app.bot_data.database.feedback.get_by_code(code)
    [extension] = await app.bot_data.database.extensions.of(feedback.id)
    assert (extension.days, extension.reason) == (5, "Lý do thứ nhất")


async def test_an_admin_extending_in_private_tells_the_group(
    app: HomThuApplication, resident: Person, admin: Person
) -> None:
    code = await send_feedback(resident)
    await deliver(app)
    await admin.send(f"/extend {code} 5 {REASON}")
    calls = await admin.press(VI("btn_extend_confirm"))
    notices = [c for c in sent(calls) if c.params["chat_id"] == STAFF_CHAT_ID]
    assert [c.text for c in notices] == [
        VI("staff_notice_extended", code=code, due="09/12/2026", who="Quản Trị")
    ]


async def test_a_reason_with_html_characters_reads_as_typed(
    app: HomThuApplication, resident: Person, officer: Person
) -> None:
    """The officer's words are escaped once, by the catalogue: «<» and «&» read as typed in
    the preview, the group's confirmation and the resident's /status, never as «&amp;lt;»."""
    code = await send_feedback(resident)
    await deliver(app)
    reason = "Chờ Điện lực & Cấp nước khảo sát (tuyến <35kV)"
    preview = only_message(await officer.send(f"/extend {code} 2 {reason}")).text
    assert "Điện lực &amp; Cấp nước" in preview
    assert "&lt;35kV" in preview
    assert "&amp;amp;" not in preview
    assert "&amp;lt;" not in preview
    confirmed = sent(await officer.press(VI("btn_extend_confirm")), "editMessageText")[0].text
    assert "&lt;35kV" in confirmed
    assert "&amp;lt;" not in confirmed
    status = await status_of(resident, code)
    assert "&lt;35kV" in status
    assert "&amp;lt;" not in status
