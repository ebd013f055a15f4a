"""The local Bot API itself speaks HTTP the way Telegram does (no bot process here)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from tests.botapi import BotAPIServer, Fault

TOKEN = "123456789:LocalBotApiLocalBotApiLocalBotApi12"


@pytest.fixture
async def api() -> AsyncIterator[BotAPIServer]:
    """A server with the staff group and nobody else."""
    async with BotAPIServer(TOKEN) as server:
        server.group(-100123, "Nhóm")
        yield server


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A plain HTTP client."""
    async with aiohttp.ClientSession() as session:
        yield session


async def call(
    http: aiohttp.ClientSession,
    api: BotAPIServer,
    method: str,
    *,
    token: str = TOKEN,
    **params: Any,
) -> tuple[int, dict[str, Any]]:
    """POST a form-encoded request, as python-telegram-bot does."""
    form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    async with http.post(f"{api.base_url}{token}/{method}", data=form) as response:
        return response.status, await response.json()


async def test_every_way_of_sending_parameters_is_understood(
    api: BotAPIServer, http: aiohttp.ClientSession
) -> None:
    api.resident(11, "An").say("hi")
    url = f"{api.base_url}{TOKEN}/sendMessage"
    async with http.get(url, params={"chat_id": "11", "text": "query"}) as response:
        assert (await response.json())["result"]["text"] == "query"
    async with http.post(url, json={"chat_id": 11, "text": "json"}) as response:
        assert (await response.json())["result"]["text"] == "json"
    async with http.post(url, data={"chat_id": "11", "text": "form"}) as response:
        assert (await response.json())["result"]["text"] == "form"
    upload = aiohttp.FormData()
    upload.add_field("chat_id", "11")
    upload.add_field("caption", "tệp")
    upload.add_field("document", b"%PDF-1.4 x", filename="a.pdf", content_type="application/pdf")
    async with http.post(f"{api.base_url}{TOKEN}/sendDocument", data=upload) as response:
        result = (await response.json())["result"]
    assert result["document"]["file_name"] == "a.pdf"
    assert api.messages(11)[-1].upload("document").content == b"%PDF-1.4 x"
    assert [m.message_id for m in api.messages(11)] == [2, 3, 4, 5]  # 1 is the user's


async def test_errors_are_answered_as_telegram_words_them(
    api: BotAPIServer, http: aiohttp.ClientSession
) -> None:
    assert await call(http, api, "getMe", token="1:wrong") == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    status, body = await call(http, api, "sendTelepathy", chat_id=11)
    assert (status, body["description"]) == (400, "Not Found: method not found")
    assert [r.method for r in api.unknown_methods] == ["sendTelepathy"]
    status, body = await call(http, api, "sendMessage", chat_id=11, text="x")
    assert body["description"] == "Bad Request: chat not found"
    api.resident(11, "An").say("hi")
    for text, error in (
        ("<b>đậm", 'can\'t find end tag corresponding to start tag "b"'),
        ("a <b", "unclosed start tag"),
        ("<x>y</x>", 'unsupported start tag "x"'),
        (" ", "message text is empty"),
        ("ư" * 4097, "message is too long"),
    ):
        status, body = await call(
            http, api, "sendMessage", chat_id=11, text=text, parse_mode="HTML"
        )
        assert status == 400
        assert error in body["description"], body
    status, body = await call(
        http, api, "sendMessage", chat_id=11, text="<b>a &lt; b</b>", parse_mode="HTML"
    )
    assert body["result"]["text"] == "a < b"
    assert body["result"]["entities"] == [{"type": "bold", "offset": 0, "length": 5}]
    message_id = body["result"]["message_id"]
    status, body = await call(
        http,
        api,
        "editMessageText",
        chat_id=11,
        message_id=message_id,
        text="<b>a &lt; b</b>",
        parse_mode="HTML",
    )
    assert body["description"].startswith("Bad Request: message is not modified")
    status, body = await call(http, api, "editMessageText", chat_id=11, message_id=999, text="z")
    assert body["description"] == "Bad Request: message to edit not found"


async def test_a_long_poll_returns_as_soon_as_an_update_is_queued(
    api: BotAPIServer, http: aiohttp.ClientSession
) -> None:
    person = api.resident(11, "An")
    started = time.monotonic()
    poll = asyncio.create_task(call(http, api, "getUpdates", timeout=10))
    await api.wait_until(lambda: api.polling)
    person.say("/start kp3")
    status, body = await poll
    assert status == 200
    assert time.monotonic() - started < 2
    [update] = body["result"]
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    # Not confirmed yet: delivered again; confirmed by a higher offset: gone.
    again = await call(http, api, "getUpdates")
    assert again[1]["result"] == [update]
    confirmed = await call(http, api, "getUpdates", offset=update["update_id"] + 1, timeout=1)
    assert confirmed[1]["result"] == []


async def test_the_older_of_two_pollers_gets_a_conflict(
    api: BotAPIServer, http: aiohttp.ClientSession
) -> None:
    first = asyncio.create_task(call(http, api, "getUpdates", timeout=10))
    await api.wait_until(lambda: api.polling)
    second = asyncio.create_task(call(http, api, "getUpdates", timeout=1))
    status, body = await first
    assert status == 409
    assert body["description"].startswith("Conflict: terminated by other getUpdates request")
    assert (await second)[0] == 200


async def test_callback_queries_are_answered_once(
    api: BotAPIServer, http: aiohttp.ClientSession
) -> None:
    person = api.resident(11, "An")
    person.say("hi")
    keyboard = {"inline_keyboard": [[{"text": "Gửi", "callback_data": "draft:send"}]]}
    await call(http, api, "sendMessage", chat_id=11, text="?", reply_markup=keyboard)
    query_id = person.press("Gửi")
    update = (await call(http, api, "getUpdates"))[1]["result"][-1]
    assert update["callback_query"]["data"] == "draft:send"
    assert update["callback_query"]["chat_instance"]
    assert (await call(http, api, "answerCallbackQuery", callback_query_id=query_id))[0] == 200
    status, body = await call(http, api, "answerCallbackQuery", callback_query_id=query_id)
    assert status == 400
    assert "query is too old" in body["description"]


async def test_faults_are_injected_per_method_and_chat(
    api: BotAPIServer, http: aiohttp.ClientSession
) -> None:
    api.resident(11, "An").say("hi")
    api.resident(12, "Bình").say("hi")
    api.inject("sendMessage", Fault.server_error(502), times=2, chat_id=11)
    api.inject("sendMessage", Fault.flood(retry_after=3), chat_id=12)
    assert (await call(http, api, "sendMessage", chat_id=11, text="a"))[0] == 502
    status, body = await call(http, api, "sendMessage", chat_id=12, text="b")
    assert (status, body["parameters"]) == (429, {"retry_after": 3})
    assert (await call(http, api, "sendMessage", chat_id=11, text="a"))[0] == 502
    assert (await call(http, api, "sendMessage", chat_id=11, text="a"))[0] == 200
    api.inject("getMe", Fault.delay(0.3))
    started = time.monotonic()
    assert (await call(http, api, "getMe"))[0] == 200
    assert time.monotonic() - started >= 0.3
    api.inject("getMe", Fault.drop())
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await call(http, api, "getMe")


async def test_a_file_a_person_sent_is_fetched_with_get_file_then_downloaded(
    api: BotAPIServer, http: aiohttp.ClientSession
) -> None:
    """As Telegram: getFile gives a file_path, served at /file/bot<token>/<file_path>."""
    sent = api.resident(11, "An").send_document(b"\xff\xd8 bytes", "a.jpg", mime_type="image/jpeg")
    assert sent["document"]["mime_type"] == "image/jpeg"
    file_id = sent["document"]["file_id"]
    status, body = await call(http, api, "getFile", file_id=file_id)
    assert status == 200
    path = body["result"]["file_path"]
    assert path.startswith("documents/")
    assert body["result"]["file_size"] == len(b"\xff\xd8 bytes")
    # Asked again, the same path.
    assert (await call(http, api, "getFile", file_id=file_id))[1]["result"]["file_path"] == path
    files = api.base_url.removesuffix("/bot") + "/file/bot"
    async with http.get(f"{files}{TOKEN}/{path}") as response:
        assert (response.status, await response.read()) == (200, b"\xff\xd8 bytes")
    assert api.downloads == [path]
    async with http.get(f"{files}1:wrong/{path}") as response:
        assert response.status == 401
    async with http.get(f"{files}{TOKEN}/documents/file_99.jpg") as response:
        assert response.status == 404
    status, body = await call(http, api, "getFile", file_id="AgACNOPE")
    assert (status, body["description"]) == (400, "Bad Request: invalid file_id")
    big = api.register_file("document", b"x" * (20 * 1024 * 1024 + 1))
    status, body = await call(http, api, "getFile", file_id=big.file_id)
    assert (status, body["description"]) == (400, "Bad Request: file is too big")
    assert api.downloads == [path]
