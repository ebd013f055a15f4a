"""Issue 19, promise 3: nothing reaches a resident unless an officer meant it.

The undo window of an answer survives a restart, /resend's «Gửi lại» and a my_chat_member
update (item 1); «Thu hồi» wins or says it failed while the database is busy (item 2);
what goes out is the text shown on the pressed message, and an edit of the officer's
reply updates the proposal (item 3); an older proposal asks before a second answer goes,
and stale ones expire (item 4); a correction of a withdrawn answer never goes (item 6);
a forward to an agency's group waits the window and a status change within it recalls it
(item 7).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from bot.ptb.context import HomThuApplication
from bot.render.keyboards import RESEND
from bot.service.config import Settings
from storage import PROPOSAL_LIFETIME
from storage.sqlite.database import BUSY_TIMEOUT_MS
from tests.support import (
    BOT_ID,
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
    make_settings,
    running_bot,
)
from tests.test_desk import AGENCY_CHAT, BODY, OTHER_AGENCY_CHAT, add_agency, forward
from tests.test_dialogue import propose, to_resident, toast
from tests.test_intake import rows, sent
from tests.test_staff import WINDOW, card_of, deliver, send_feedback
from texts import Texts

VI = Texts("vi")
ANSWER = "Đã báo Điện lực thay bóng đèn ngõ 5 trong tuần này."
SENT_RECORD = "Đã gửi trả lời góp ý"


def _prompt_buttons(api: RecordingBotAPI, prompt_id: int) -> list[str]:
    """The labels now under the proposal's prompt in the staff group."""
    message = api.messages[(STAFF_CHAT_ID, prompt_id)]
    markup = message.reply_markup or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _answer_sent(
    app: HomThuApplication, resident: Person, officer: Person, clock: FrozenClock
) -> int:
    """A feedback with an answer just sent (its window open); the prompt's message id."""
    await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    prompt = await propose(officer, card.result["message_id"], ANSWER)
    await officer.press("Gửi trả lời")
    clock.advance(timedelta(seconds=4))
    return int(prompt.result["message_id"])


def _assert_window_still_open(
    calls: list[object], api: RecordingBotAPI, resident: Person, prompt_id: int
) -> None:
    assert not any(SENT_RECORD in getattr(c, "text", "") for c in calls)
    assert to_resident(calls, resident) == []  # type: ignore[arg-type]
    assert "↩️ Thu hồi" in _prompt_buttons(api, prompt_id)


# --- item 1: the undo window survives what releases the staff group's messages ----------


async def test_resend_keeps_an_answers_undo_window(
    resident: Person,
    officer: Person,
    admin: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    prompt_id = await _answer_sent(app, resident, officer, clock)
    # «Gửi lại» under a /resend listing (pressed on an earlier message of the admin's chat).
    shown = sent(await admin.send("/help"))[-1]
    assert toast(await admin.press_data(RESEND, shown.result["message_id"])) == VI(
        "resend_done", count=0
    )
    calls = await deliver(app)
    _assert_window_still_open(calls, api, resident, prompt_id)
    # The window is still the officer's: «Thu hồi» takes it back, nothing reaches anyone.
    assert toast(await officer.press("Thu hồi")) == VI("toast_withdrawn")
    clock.advance(WINDOW)
    assert to_resident(await deliver(app), resident) == []


async def test_a_my_chat_member_update_keeps_an_answers_undo_window(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    prompt_id = await _answer_sent(app, resident, officer, clock)
    bot_user = {"id": BOT_ID, "is_bot": True, "first_name": "Hòm thư góp ý"}
    await officer.push(
        {
            "my_chat_member": {
                "chat": {"id": STAFF_CHAT_ID, "type": "supergroup", "title": "Nhóm"},
                "from": officer.user(),
                "date": 1,
                "old_chat_member": {"status": "member", "user": bot_user},
                "new_chat_member": {
                    "status": "administrator",
                    "user": bot_user,
                    "can_be_edited": False,
                    "is_anonymous": False,
                    "can_manage_chat": True,
                    "can_delete_messages": True,
                    "can_manage_video_chats": False,
                    "can_restrict_members": False,
                    "can_promote_members": False,
                    "can_change_info": False,
                    "can_invite_users": True,
                    "can_post_stories": False,
                    "can_edit_stories": False,
                    "can_delete_stories": False,
                },
            }
        }
    )
    calls = await deliver(app)
    _assert_window_still_open(calls, api, resident, prompt_id)
    # Past the window, it goes as it should: once.
    clock.advance(WINDOW)
    calls = await deliver(app)
    assert len(to_resident(calls, resident)) == 1
    assert any(SENT_RECORD in c.text for c in sent(calls, "editMessageText"))


async def test_a_restart_keeps_an_answers_undo_window(
    settings: Settings, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    async with running_bot(settings, api, clock) as first:
        await first.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(first, api, user_id=987654321, first_name="Thịnh")
        officer = Person(first, api, 5001, "Hoa", "Lê Thị", "hoa_mttq", chat_id=STAFF_CHAT_ID)
        prompt_id = await _answer_sent(first, resident, officer, clock)
    api.take()
    async with running_bot(settings, api, clock) as second:
        resident.app = officer.app = second
        calls = [*api.take(), *await deliver(second)]
        _assert_window_still_open(calls, api, resident, prompt_id)
        assert toast(await officer.press("Thu hồi")) == VI("toast_withdrawn")
        clock.advance(WINDOW)
        assert to_resident(await deliver(second), resident) == []
        assert rows(second, "SELECT withdrawn_at IS NOT NULL FROM responses") == [(1,)]


# --- item 7: a forward to an agency's group waits the window; a change back recalls it ----


async def test_a_forward_to_an_agencys_group_waits_the_window_and_a_change_back_recalls_it(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await add_agency(app, api, "dienluc", "Điện lực Cam Lộ", AGENCY_CHAT)
    code = await send_feedback(resident, BODY, photos=1, replies=True)
    await deliver(app)

    # A mistaken «Chuyển»: the group is told when the card will go, and nothing is posted.
    calls = await forward(officer, "Điện lực Cam Lộ")
    decided = next(c for c in sent(calls, "editMessageText") if "Đã chuyển" in c.text)
    assert decided.text == VI(
        "forwarded_to_group", code=code, agency="Điện lực Cam Lộ", who="Hoa Lê Thị", seconds=60
    )
    assert _to_chat(await deliver(app), AGENCY_CHAT) == []
    clock.advance(WINDOW / 2)
    assert _to_chat(await deliver(app), AGENCY_CHAT) == []

    # Changed back within the window: recalled; nothing ever reaches the agency's group.
    await officer.press("Đang xử lý")
    clock.advance(WINDOW * 2)
    assert _to_chat(await deliver(app), AGENCY_CHAT) == []
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE kind LIKE 'agency%'") == [(0,)]

    # Forwarded and left: once the window is over, the card and its photo go.
    await forward(officer, "Điện lực Cam Lộ")
    assert _to_chat(await deliver(app), AGENCY_CHAT) == []
    clock.advance(WINDOW)
    posted = _to_chat(await deliver(app), AGENCY_CHAT)
    assert [c.method for c in posted] == ["sendMessage", "sendPhoto"]
    assert f"Góp ý {code}" in posted[0].text


async def test_a_forward_to_another_agency_within_the_window_replaces_the_first(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await add_agency(app, api, "dienluc", "Điện lực Cam Lộ", AGENCY_CHAT)
    await add_agency(app, api, "capnuoc", "Cấp nước Quảng Trị", OTHER_AGENCY_CHAT)
    await send_feedback(resident, BODY)
    await deliver(app)
    await forward(officer, "Điện lực Cam Lộ")
    clock.advance(WINDOW / 3)
    await forward(officer, "Cấp nước Quảng Trị")
    clock.advance(WINDOW)
    delivered = await deliver(app)
    assert _to_chat(delivered, AGENCY_CHAT) == []
    assert len(_to_chat(delivered, OTHER_AGENCY_CHAT)) == 1


def _to_chat(calls: list[Call], chat_id: int) -> list[Call]:
    """The messages sent to one chat."""
    return [c for c in calls if c.method.startswith("send") and c.params["chat_id"] == chat_id]


# --- item 6: a correction goes with the answer it corrects -----------------------------------


async def _answer_and_correction(
    app: HomThuApplication, resident: Person, officer: Person
) -> tuple[str, Call, Call]:
    """An answer sent (in its window) and a correction proposed under it: the code, the
    answer's prompt and the correction's prompt."""
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    prompt = await propose(officer, card.result["message_id"], ANSWER)
    await officer.press_data(
        f"pr:send:{rows(app, 'SELECT id FROM proposals')[0][0]}", prompt.result["message_id"]
    )
    correction = await propose(officer, prompt.result["message_id"], "/correct Thứ Sáu.")
    assert correction.text.startswith(VI("proposal_correction", code=code, who="Hoa Lê Thị"))
    return code, prompt, correction


async def test_withdrawing_an_answer_drops_its_pending_correction(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code, prompt, correction = await _answer_and_correction(app, resident, officer)
    answer_id, correction_id = (r[0] for r in rows(app, "SELECT id FROM proposals ORDER BY id"))
    calls = await officer.press_data(f"pr:undo:{answer_id}", prompt.result["message_id"])
    assert toast(calls) == VI("toast_withdrawn")
    # The group is told, on the correction's prompt: it is dropped with the answer.
    edits = {c.params["message_id"]: c.text for c in sent(calls, "editMessageText")}
    assert edits[correction.result["message_id"]] == VI(
        "correction_dropped_with_answer", code=code, who="Hoa Lê Thị"
    )
    assert _prompt_buttons(api, correction.result["message_id"]) == []
    # Its old «Gửi trả lời» sends nothing.
    calls = await officer.press_data(f"pr:send:{correction_id}", correction.result["message_id"])
    assert toast(calls) == VI("toast_already_dropped", who="Hoa Lê Thị")
    clock.advance(WINDOW * 2)
    assert to_resident(await deliver(app), resident) == []
    assert rows(app, "SELECT state FROM proposals ORDER BY id") == [("dropped",), ("dropped",)]


async def test_withdrawing_an_answer_withdraws_a_correction_sent_within_its_window(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    clock: FrozenClock,
) -> None:
    code, prompt, correction = await _answer_and_correction(app, resident, officer)
    answer_id, correction_id = (r[0] for r in rows(app, "SELECT id FROM proposals ORDER BY id"))
    await officer.press_data(f"pr:send:{correction_id}", correction.result["message_id"])
    clock.advance(WINDOW / 3)
    calls = await officer.press_data(f"pr:undo:{answer_id}", prompt.result["message_id"])
    assert toast(calls) == VI("toast_withdrawn")
    edits = {c.params["message_id"]: c.text for c in sent(calls, "editMessageText")}
    assert edits[correction.result["message_id"]] == VI(
        "correction_dropped_with_answer", code=code, who="Hoa Lê Thị"
    )
    clock.advance(WINDOW * 2)
    assert to_resident(await deliver(app), resident) == []
    assert rows(app, "SELECT withdrawn_at IS NOT NULL FROM responses ORDER BY id") == [
        (1,),
        (1,),
    ]
    assert rows(app, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL") == [(0,)]


# --- item 3: what goes out is what the sender saw ---------------------------------------------


async def test_send_pressed_on_a_text_a_colleague_just_replaced_sends_nothing_and_shows_it(
    resident: Person,
    officer: Person,
    colleague: Person,
    admin: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    template = "Ủy ban đã tiếp nhận và chuyển tới cơ quan chức năng."
    await admin.send(f"/addtemplate {template}")
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    prompt = await propose(officer, card.result["message_id"], ANSWER)
    prompt_id = prompt.result["message_id"]
    # Hoa reads her own words and presses «Gửi trả lời» on them ...
    send_as_seen = _data(prompt, "Gửi trả lời")
    # ... while Nam's tap on «Mẫu 1» reaches the bot first.
    await colleague.press_data(_data(prompt, "Mẫu 1"), prompt_id)
    calls = await officer.press_data(send_as_seen, prompt_id)
    assert toast(calls) == VI("toast_proposal_changed")
    assert sent(calls, "answerCallbackQuery")[0].params.get("show_alert")
    assert rows(app, "SELECT state FROM proposals") == [("open",)]
    # The prompt shows what would go now; nothing goes, however long.
    assert template in api.messages[(STAFF_CHAT_ID, prompt_id)].text
    clock.advance(WINDOW * 2)
    assert to_resident(await deliver(app), resident) == []

    # Pressed on what it now shows, that is what the resident gets: exactly that.
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    reached = to_resident(await deliver(app), resident)
    assert [c.text.split("\n", 2)[-1] for c in reached] == [template]
    assert code in reached[0].text


async def test_an_edited_reply_updates_its_proposal_and_what_goes_out(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    first = "Em gọi anh Tuấn (0905 111 222) rồi; đèn sẽ thay thứ Năm."
    prompt = await propose(officer, card.result["message_id"], first)
    reply_id = prompt.params["reply_parameters"]["message_id"]
    prompt_id = prompt.result["message_id"]

    edited = "Điện lực sẽ thay bóng đèn ngõ 5 vào thứ Năm."
    calls = await officer.edit(reply_id, edited)
    # The officer is told, and the prompt shows the new words.
    told = [c for c in sent(calls) if c.params["chat_id"] == STAFF_CHAT_ID]
    assert [c.text for c in told] == [VI("proposal_revised", code=_code(app))]
    shown = api.messages[(STAFF_CHAT_ID, prompt_id)].text
    assert edited in shown
    assert "0905" not in shown
    # A press on the prompt as it was before the edit sends nothing.
    assert toast(await officer.press_data(_data(prompt, "Gửi trả lời"), prompt_id)) == VI(
        "toast_proposal_changed"
    )

    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    reached = to_resident(await deliver(app), resident)
    assert len(reached) == 1
    assert edited in reached[0].text
    assert "0905" not in reached[0].text


async def test_an_edit_after_sending_is_refused_visibly(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    clock: FrozenClock,
) -> None:
    await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    prompt = await propose(officer, card.result["message_id"], ANSWER)
    reply_id = prompt.params["reply_parameters"]["message_id"]
    await officer.press("Gửi trả lời")
    calls = await officer.edit(reply_id, "Nội dung khác")
    refused = [c for c in sent(calls) if c.params["chat_id"] == STAFF_CHAT_ID]
    assert [c.text for c in refused] == [
        VI("proposal_edit_refused_sent", code=_code(app), seconds=60)
    ]
    assert refused[0].params["reply_parameters"]["message_id"] == reply_id
    clock.advance(WINDOW)
    reached = to_resident(await deliver(app), resident)
    assert [ANSWER in c.text for c in reached] == [True]
    assert rows(app, "SELECT body FROM responses") == [(ANSWER,)]


def _data(prompt: Call, label: str) -> str:
    """The callback data of the prompt's button whose label contains ``label``."""
    markup = prompt.params["reply_markup"]
    for row in markup["inline_keyboard"]:
        for button in row:
            if label in button["text"]:
                return str(button["callback_data"])
    raise AssertionError(f"no {label!r} under the prompt")


def _code(app: HomThuApplication) -> str:
    return str(rows(app, "SELECT code FROM feedback")[0][0])


# --- item 4: an older proposal asks before a second answer; stale ones expire ---------------


async def test_an_older_proposal_asks_before_sending_naming_the_answer_already_sent(
    resident: Person,
    officer: Person,
    colleague: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    chatter = "Chị ơi vụ này em gọi anh Tuấn điện lực (0905 111 222) được không?"
    nam_prompt = await propose(colleague, card.result["message_id"], chatter)
    clock.advance(timedelta(minutes=5))
    await propose(officer, card.result["message_id"], ANSWER)
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    assert len(to_resident(await deliver(app), resident)) == 1

    # Later, Nam's old proposal: a question naming the answer already sent, nothing sent.
    clock.advance(timedelta(hours=2))
    nam_prompt_id = nam_prompt.result["message_id"]
    calls = await colleague.press_data(_data(nam_prompt, "Gửi trả lời"), nam_prompt_id)
    assert toast(calls) == VI("toast_answered_meanwhile")
    asked = api.messages[(STAFF_CHAT_ID, nam_prompt_id)]
    assert asked.text.startswith(
        VI(
            "proposal_answered_meanwhile",
            code=code,
            who="Hoa Lê Thị",
            time="08:06 21/11/2026",
            answer=ANSWER,
        )
    )
    assert "0905 111 222" in asked.text  # what would go, shown under the question
    assert _prompt_buttons(api, nam_prompt_id) == ["📤 Vẫn gửi", "✖️ Hủy"]
    clock.advance(WINDOW * 2)
    assert to_resident(await deliver(app), resident) == []
    assert rows(app, "SELECT state FROM proposals ORDER BY id") == [("open",), ("sent",)]

    # «Hủy» drops it; the resident never reads the chatter.
    assert toast(await colleague.press("Hủy")) == VI("toast_dropped")
    clock.advance(WINDOW)
    assert to_resident(await deliver(app), resident) == []


async def test_van_gui_sends_the_second_answer_once_confirmed(
    resident: Person,
    officer: Person,
    colleague: Person,
    app: HomThuApplication,
    clock: FrozenClock,
) -> None:
    await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    later = "Điện lực đã thay xong bóng đèn sáng nay."
    nam_prompt = await propose(colleague, card.result["message_id"], later)
    await propose(officer, card.result["message_id"], ANSWER)
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    await deliver(app)
    await colleague.press_data(_data(nam_prompt, "Gửi trả lời"), nam_prompt.result["message_id"])
    calls = await colleague.press("Vẫn gửi")
    assert toast(calls) == VI("toast_sending", seconds=60)
    clock.advance(WINDOW)
    reached = to_resident(await deliver(app), resident)
    assert [later in c.text for c in reached] == [True]


async def test_a_proposal_older_than_its_lifetime_cannot_be_sent_and_says_so(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    code = await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    prompt = await propose(officer, card.result["message_id"], ANSWER)
    clock.advance(PROPOSAL_LIFETIME + timedelta(minutes=1))
    calls = await officer.press("Gửi trả lời")
    assert toast(calls) == VI("toast_proposal_expired", hours=48)
    assert sent(calls, "answerCallbackQuery")[0].params.get("show_alert")
    shown = api.messages[(STAFF_CHAT_ID, prompt.result["message_id"])]
    assert shown.text.startswith(VI("proposal_expired", code=code, who="Hoa Lê Thị", hours=48))
    # Its button says so, and says it again when pressed; it can still be a note.
    buttons = _prompt_buttons(api, prompt.result["message_id"])
    assert buttons == [VI("btn_proposal_expired", hours=48), "📝 Ghi chú", "✖️ Hủy"]
    assert toast(await officer.press("Quá 48 giờ")) == VI("toast_proposal_expired", hours=48)
    clock.advance(WINDOW)
    assert to_resident(await deliver(app), resident) == []
    assert rows(app, "SELECT COUNT(*) FROM responses") == [(0,)]
    assert toast(await officer.press("Ghi chú")) == VI("toast_noted")
    # Within its lifetime a proposal goes as before.
    prompt = await propose(officer, card.result["message_id"], "Trả lời mới")
    clock.advance(PROPOSAL_LIFETIME - timedelta(minutes=1))
    assert toast(await officer.press("Gửi trả lời")) == VI("toast_sending", seconds=60)


# --- item 2: «Thu hồi» while another process holds the database ------------------------------

# A short window, in real seconds: the take-back waits for a real lock, held longer than
# one statement waits for it (the case: a 9 s lock, an 8 s window).
SHORT_WINDOW = 9


class WriteLock:
    """Another process's connection holding the database's write lock."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._conn.execute("BEGIN IMMEDIATE")
        self._timer: threading.Timer | None = None

    def release(self) -> None:
        """Let go of the lock (from any thread)."""
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def release_after(self, seconds: float) -> None:
        """Let go of the lock a while from now."""
        self._timer = threading.Timer(seconds, self.release)
        self._timer.start()

    def close(self) -> None:
        """Let go and close."""
        if self._timer is not None:
            self._timer.join()
        self.release()
        self._conn.close()


@asynccontextmanager
async def _short_window_bot(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock
) -> AsyncIterator[tuple[HomThuApplication, Person, Person, int]]:
    """A bot with a short undo window and an answer just sent (0.5 s ago): the app, the
    resident, the officer and the proposal's id."""
    settings = make_settings(tmp_path / "short", undo_seconds=SHORT_WINDOW)
    async with running_bot(settings, api, clock) as application:
        await application.bot_data.database.areas.add("kp3", "Khu phố 3")
        resident = Person(application, api, user_id=987654321, first_name="Thịnh")
        officer = Person(
            application, api, 5001, "Hoa", "Lê Thị", "hoa_mttq", chat_id=STAFF_CHAT_ID
        )
        await send_feedback(resident, replies=True)
        card = card_of(await deliver(application))
        await propose(officer, card.result["message_id"], ANSWER)
        await officer.press("Gửi trả lời")
        clock.advance(timedelta(seconds=0.5))
        yield (
            application,
            resident,
            officer,
            int(rows(application, "SELECT id FROM proposals")[0][0]),
        )


async def test_thu_hoi_waits_out_a_busy_database_and_wins(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    async with _short_window_bot(tmp_path, api, clock) as (app, resident, officer, _):
        lock = WriteLock(app.bot_data.database.path)
        try:
            lock.release_after(BUSY_TIMEOUT_MS / 1000 + 0.5)  # longer than a statement waits
            calls = await officer.press("Thu hồi")
        finally:
            lock.close()
        assert toast(calls) == VI("toast_withdrawn")
        clock.advance(WINDOW)
        assert to_resident(await deliver(app), resident) == []
        assert rows(app, "SELECT withdrawn_at IS NOT NULL FROM responses") == [(1,)]


async def test_thu_hoi_that_cannot_win_says_so_before_the_window_ends(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    async with _short_window_bot(tmp_path, api, clock) as (app, resident, officer, _):
        lock = WriteLock(app.bot_data.database.path)
        started = time.monotonic()
        try:
            calls = await officer.press("Thu hồi")
            took = time.monotonic() - started
        finally:
            lock.close()
        # Told before the window (8.5 s from the press) ends, where the officer looks and
        # in the group, under the prompt: not withdrawn, and when the answer may go.
        assert took < SHORT_WINDOW - 0.5
        when = "08:00 21/11/2026"
        assert toast(calls) == VI("toast_withdraw_failed", time=when)
        assert sent(calls, "answerCallbackQuery")[0].params.get("show_alert")
        told = [c for c in sent(calls) if c.params["chat_id"] == STAFF_CHAT_ID]
        assert [c.text for c in told] == [
            VI("withdraw_failed", code=_code(app), who="Hoa Lê Thị", time=when)
        ]
        assert told[0].params["reply_parameters"]["message_id"]
        # As said: it may go, and it does, once.
        clock.advance(WINDOW)
        assert len(to_resident(await deliver(app), resident)) == 1


async def test_the_answer_does_not_go_while_its_take_back_is_in_doubt(
    resident: Person,
    officer: Person,
    app: HomThuApplication,
    clock: FrozenClock,
) -> None:
    """The send side never wins a race against a pending take-back: while «Thu hồi» waits
    for the database (its press was in time), the outbox sends nothing of that answer, even
    once the window is over on the clock."""
    await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    await propose(officer, card.result["message_id"], ANSWER)
    await officer.press("Gửi trả lời")
    proposal_id = int(rows(app, "SELECT id FROM proposals")[0][0])
    app.bot_data.withdrawing.add(proposal_id)  # as «Thu hồi» does, first thing on a press
    clock.advance(WINDOW)
    held = await deliver(app)
    assert to_resident(held, resident) == []
    assert not any(SENT_RECORD in c.text for c in held)
    app.bot_data.withdrawing.discard(proposal_id)
    # Had the take-back failed, the answer goes (as the officer was told it might).
    assert len(to_resident(await deliver(app), resident)) == 1


async def test_the_answer_already_sent_is_quoted_as_written(
    resident: Person,
    officer: Person,
    colleague: Person,
    app: HomThuApplication,
    api: RecordingBotAPI,
    clock: FrozenClock,
) -> None:
    """The answer named by the question reads as the officer wrote it: «&» and «<» escaped
    once, by the catalogue, not shown as «&amp;amp;»."""
    await send_feedback(resident, replies=True)
    card = card_of(await deliver(app))
    nam_prompt = await propose(colleague, card.result["message_id"], "Em gọi điện lực nhé?")
    clock.advance(timedelta(minutes=5))
    await propose(officer, card.result["message_id"], "Điện lực & Cấp nước: sửa <ngõ 5> xong.")
    await officer.press("Gửi trả lời")
    clock.advance(WINDOW)
    await deliver(app)
    nam_prompt_id = nam_prompt.result["message_id"]
    await colleague.press_data(_data(nam_prompt, "Gửi trả lời"), nam_prompt_id)
    asked = api.messages[(STAFF_CHAT_ID, nam_prompt_id)].text
    assert "Điện lực &amp; Cấp nước: sửa &lt;ngõ 5&gt; xong." in asked
    assert "&amp;amp;" not in asked
    assert "&amp;lt;" not in asked
