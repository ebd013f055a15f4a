"""Issue 13 through ``python -m bot``: a resident whose Telegram speaks English, with a
location, gets an English answer; a draft left past DRAFT_IDLE_HOURS gives way to a new
one for the same area."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta

from tests.botapi import BotAPIServer
from tests.e2e import story
from tests.e2e.harness import REFERENCE_CODE, STAFF_CHAT_ID, BotProcess, draft_texts, query
from tests.e2e.story import VI, has_button, shown
from tests.e2e.test_staff import an_officer, the_card
from tests.support import COMMITTEE_EN
from texts import Texts

EN = Texts("en")
ANSWER = "Điện lực sẽ thay bóng đèn ngõ 5 vào sáng thứ Năm."


async def test_an_english_resident_with_a_location_gets_an_english_answer(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    await story.add_area(story.the_admin(server), "kp3", "Khu phố 3")
    visitor = server.person(6_440_100_200, "Sam", "Hidden", "sam_e2e", language_code="en-GB")
    visitor.say("/start kp3")
    greeting = await visitor.wait_for("Area: Khu phố 3")
    assert shown(EN("greeting", committee=COMMITTEE_EN, area="Khu phố 3")) == greeting.text
    assert "💼 Daily life" in greeting.labels
    visitor.press("Daily life")
    await visitor.wait_for(lambda m: "✍️" in m.text and m.edits > 0)
    visitor.say("The street light on lane 5 has been broken for two weeks.")
    await visitor.wait_for(shown(EN("received")))
    visitor.send_location(16.7923, 107.0128)
    await visitor.wait_for(shown(EN("received_location")))
    visitor.press("Review and send")
    preview = await visitor.wait_for(has_button("Send"))
    assert "Review your feedback" in preview.text
    visitor.press("Send")
    receipt = await visitor.wait_for("Reference code")
    code = REFERENCE_CODE.search(receipt.text)
    assert code is not None
    visitor.press("Receive answers here")
    await visitor.wait_for("will be delivered to this chat")

    # Staff see the location as a location, under the card, and nothing of who sent it.
    card = await the_card(server, code.group(0))
    pin = await server.wait_for(STAFF_CHAT_ID, lambda m: m.method == "sendLocation")
    assert pin.data["location"]["latitude"] == 16.7923
    officer = an_officer(server)
    await story.answer(officer, card, ANSWER, code.group(0))
    delivered = await visitor.wait_for(f"about feedback {code.group(0)}:", timeout=15)
    # The frame is English; the officer's own words are not translated.
    assert delivered.text.startswith(f"📬 Answer from {COMMITTEE_EN}")
    assert ANSWER in delivered.text
    assert "See the status" in " ".join(delivered.labels)
    for hidden in ("Sam", "Hidden", "sam_e2e", "6440100200"):
        assert all(hidden not in m.text for m in server.messages(STAFF_CHAT_ID))


async def test_a_draft_idle_past_the_limit_gives_way_to_one_for_the_same_area(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    bot = running_bot
    await story.add_area(story.the_admin(server), "to-7", "Tổ dân phố 7")
    resident = server.resident(7_720_113_906, "Hạnh", "Vũ Kín", "hanh_idle_e2e")
    resident.say("/start to-7")
    await resident.wait_for("Tổ dân phố 7")
    await story.choose_topic(resident, "Tài nguyên, môi trường")
    await story.write(resident, "Bãi rác đầu ngõ bốc mùi")
    await server.wait_until(
        lambda: any("Bãi rác" in text for text in draft_texts(bot.database)),
        describe="the draft on disk",
    )
    # The resident steps out for a day: the bot stops, and on the clock the draft was last
    # touched 25 hours ago.
    await bot.stop()
    long_ago = (datetime.now(UTC) - timedelta(hours=25)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    with closing(sqlite3.connect(bot.database)) as conn, conn:
        conn.execute("UPDATE resident_drafts SET updated_at = ?", (long_ago,))
        conn.execute("UPDATE conversation_states SET updated_at = ?", (long_ago,))
    await bot.start_and_wait(server)
    # Swept soon after the start, leaving only a notice under the resident's key.
    await server.wait_until(
        lambda: (
            query(bot.database, "SELECT COUNT(*) FROM resident_drafts") == [(0,)]
            and query(bot.database, "SELECT COUNT(*) FROM draft_expiry_notices") == [(1,)]
        ),
        describe="the idle draft swept",
    )

    resident.say("Đã chụp được ảnh bãi rác")
    told = await resident.wait_for(shown(VI("draft_expired", hours=24)))
    topics = await resident.wait_for(shown(VI("draft_expired_kept", area="Tổ dân phố 7")))
    assert told.message_id < topics.message_id
    assert "💬 Khác" in topics.labels
    resident.press("Môi trường, rác")
    # The text is kept: the prompt says so and offers the review straight away.
    prompt = await resident.wait_for(
        lambda m: m.message_id == topics.message_id and "Tài nguyên, môi trường" in m.text
    )
    assert shown(VI("write_prompt_with_content", topic="Tài nguyên, môi trường")) == prompt.text
    card = await story.preview(resident)
    assert "Đã chụp được ảnh bãi rác" in card.text
    assert "Bãi rác đầu ngõ" not in card.text
    assert "Tổ dân phố 7" in card.text
    code = await story.send(resident)
    assert query(bot.database, "SELECT body FROM feedback WHERE code = ?", code) == [
        ("Đã chụp được ảnh bãi rác",)
    ]
