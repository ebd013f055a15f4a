"""The fake Bot API carried over to another server (``snapshot`` / ``restore``): what the
upgrade test relies on to seed the new bot's Telegram with the old bot's chats and buttons."""

from __future__ import annotations

import json
from typing import Any

import aiohttp

from tests.botapi import BotAPIServer
from tests.botapi.people import png
from tests.e2e.harness import STAFF_CHAT_ID, TOKEN

KEYBOARD = {"inline_keyboard": [[{"text": "✅ Gửi", "callback_data": "draft:send:abc"}]]}


async def call(server: BotAPIServer, method: str, **params: Any) -> dict[str, Any]:
    """One Bot API call, as a bot makes it; the ``result`` of an ``ok`` answer."""
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{server.base_url}{TOKEN}/{method}", json=params) as answer,
    ):
        body = await answer.json()
    assert body["ok"], body
    return dict(body["result"]) if isinstance(body["result"], dict) else {}


async def test_a_restored_server_has_the_chats_messages_buttons_and_files() -> None:
    first = BotAPIServer(TOKEN)
    first.group(STAFF_CHAT_ID, "Cán bộ")
    await first.start()
    try:
        resident = first.resident(6_550_009_001, "Ngân", "Hồ", "ngan_snapshot")
        resident.say("/start kp3")
        sent_photo = resident.send_photo(png())
        file_id = sent_photo["photo"][-1]["file_id"]
        sent = await call(
            first,
            "sendMessage",
            chat_id=resident.chat_id,
            text="<b>Xem lại</b> góp ý",
            parse_mode="HTML",
            reply_markup=KEYBOARD,
        )
        await call(first, "sendPhoto", chat_id=STAFF_CHAT_ID, photo=file_id)
        # Through JSON, as the fixture keeps it.
        state = json.loads(json.dumps(first.snapshot(), ensure_ascii=False))
    finally:
        await first.close()

    second = BotAPIServer(TOKEN)
    second.restore(state)
    await second.start()
    try:
        before = second.messages(resident.chat_id)
        assert [m.message_id for m in before] == [sent["message_id"]]
        assert before[0].text == "Xem lại góp ý"
        assert before[0].markup == "<b>Xem lại</b> góp ý"
        assert before[0].button_data("Gửi") == "draft:send:abc"
        assert second.messages(STAFF_CHAT_ID)[0].photo_file_id == file_id
        assert second.message(resident.chat_id, 1) is not None  # the resident's /start

        # The same person presses the old button: the update carries its data and message.
        again = second.resident(6_550_009_001, "Ngân", "Hồ", "ngan_snapshot")
        again.press("Gửi")
        update = second.updates[-1]
        assert update["callback_query"]["data"] == "draft:send:abc"
        assert update["callback_query"]["message"]["message_id"] == sent["message_id"]
        assert update["update_id"] > max(u["update_id"] for u in first.updates)

        # The old message can be edited; new ones take the next ids; the file id is known.
        await call(
            second,
            "editMessageText",
            chat_id=resident.chat_id,
            message_id=sent["message_id"],
            text="Đã gửi",
        )
        assert second.messages(resident.chat_id)[0].text == "Đã gửi"
        assert second.message(resident.chat_id, sent["message_id"])["text"] == "Đã gửi"  # type: ignore[index]
        reply = await call(second, "sendMessage", chat_id=resident.chat_id, text="Mã tra cứu")
        assert reply["message_id"] == sent["message_id"] + 1
        await call(second, "sendPhoto", chat_id=resident.chat_id, photo=file_id)
        assert not second.unknown_methods
    finally:
        await second.close()
