"""How the bot's requests travel (issue 14): JSON bodies, uploads as forms, PTB's errors,
and each update of a ``getUpdates`` batch read once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.error import NetworkError, TimedOut

from bot.ptb.transport import JsonRequest
from bot.ptb.updates import HomThuBot
from tests.botapi.model import Upload
from tests.botapi.server import read_form
from tests.support import BOT_ID

TOKEN = f"{BOT_ID}:transport-test"
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Hòm thư", "username": "homthu_bot"}
RESIDENT = {"id": 6_200_300_400, "is_bot": False, "first_name": "Lan"}
CHAT = {"id": 6_200_300_400, "type": "private", "first_name": "Lan"}


@dataclass
class Seen:
    """A request as it arrived: method, content type, raw body and any uploads."""

    method: str
    content_type: str
    body: bytes
    uploads: list[Upload] = field(default_factory=list)


@dataclass
class Endpoint:
    """A Bot API that records requests and answers from ``answers`` (by method)."""

    seen: list[Seen] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    hold: float = 0.0
    url: str = ""

    async def handle(self, http: web.Request) -> web.Response:
        method = http.match_info["method"]
        uploads: list[Upload] = []
        body = b""
        if http.content_type == "multipart/form-data":
            _, uploads = await read_form(http)
        else:
            body = await http.read()
        self.seen.append(Seen(method, http.content_type, body, uploads))
        await asyncio.sleep(self.hold)
        return web.json_response({"ok": True, "result": self.answers.get(method, True)})


@pytest.fixture
async def endpoint() -> AsyncIterator[Endpoint]:
    served = Endpoint()
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", served.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    served.url = f"http://127.0.0.1:{port}/bot"
    served.answers["getMe"] = BOT_USER
    try:
        yield served
    finally:
        await runner.cleanup()


def message(text: str, markup: dict[str, Any] | None = None) -> dict[str, Any]:
    """A message as Telegram returns it."""
    sent = {"message_id": 7, "date": 1_764_000_000, "chat": CHAT, "from": BOT_USER, "text": text}
    return sent if markup is None else {**sent, "reply_markup": markup}


async def test_a_call_goes_as_one_json_body_and_its_answer_is_read(endpoint: Endpoint) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("✍️ Góp ý", callback_data="a:kp3")]])
    endpoint.answers["sendMessage"] = message("Xin chào bà con", keyboard.to_dict())
    bot = Bot(TOKEN, base_url=endpoint.url, request=JsonRequest(2))
    async with bot:
        sent = await bot.send_message(CHAT["id"], "Xin chào bà con", reply_markup=keyboard)
    call = next(s for s in endpoint.seen if s.method == "sendMessage")
    assert call.content_type == "application/json"
    assert json.loads(call.body) == {
        "chat_id": CHAT["id"],
        "text": "Xin chào bà con",
        "reply_markup": {"inline_keyboard": [[{"text": "✍️ Góp ý", "callback_data": "a:kp3"}]]},
    }
    # Vietnamese travels as UTF-8, not escaped.
    assert "Xin chào bà con".encode() in call.body
    assert sent.text == "Xin chào bà con"
    assert sent.reply_markup == keyboard


async def test_an_upload_goes_as_a_form_with_the_file(endpoint: Endpoint) -> None:
    endpoint.answers["sendDocument"] = {
        **message(""),
        "document": {"file_id": "d", "file_unique_id": "u"},
    }
    bot = Bot(TOKEN, base_url=endpoint.url, request=JsonRequest(2))
    async with bot:
        await bot.send_document(
            -1001, InputFile(b"%PDF-1.4 poster", filename="kp3.pdf"), caption="Áp phích"
        )
    call = next(s for s in endpoint.seen if s.method == "sendDocument")
    assert call.content_type == "multipart/form-data"
    assert [(u.file_name, u.content) for u in call.uploads] == [("kp3.pdf", b"%PDF-1.4 poster")]


async def test_a_slow_answer_is_a_timeout_and_a_closed_port_a_network_error(
    endpoint: Endpoint,
) -> None:
    bot = Bot(TOKEN, base_url=endpoint.url, request=JsonRequest(2))
    async with bot:
        endpoint.hold = 1.0
        with pytest.raises(TimedOut):
            await bot.send_message(CHAT["id"], "Chậm", read_timeout=0.1)
    closed = Bot(TOKEN, base_url="http://127.0.0.1:9/bot", request=JsonRequest(1))
    with pytest.raises(NetworkError):
        await closed.get_me()


async def test_the_request_works_again_after_a_shutdown(endpoint: Endpoint) -> None:
    request = JsonRequest(1)
    bot = Bot(TOKEN, base_url=endpoint.url, request=request)
    async with bot:
        await bot.get_me()
    with pytest.raises(RuntimeError):
        await request.do_request(f"{endpoint.url}{TOKEN}/getMe", "POST")
    async with bot:
        assert (await bot.get_me()).username == "homthu_bot"


async def test_each_update_of_a_batch_is_read_once(
    endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch is read update by update, once: the unreadable one becomes an empty update
    with its id, the others arrive whole."""
    readable = {"update_id": 901, "message": {**message("Xin chào"), "from": RESIDENT}}
    unreadable = {"update_id": 902, "message": {**message(""), "photo": [{"file_id": "x"}]}}
    endpoint.answers["getUpdates"] = [readable, unreadable, {"no": "id"}]
    reads: list[object] = []
    original = Update.de_json

    def counted(data: Any, bot: Any = None) -> Any:
        reads.append(data.get("update_id") if isinstance(data, dict) else data)
        return original(data, bot)

    monkeypatch.setattr(Update, "de_json", counted)
    bot = HomThuBot(TOKEN, base_url=endpoint.url, request=JsonRequest(1))
    async with bot:
        updates = await bot.get_updates(timeout=0)
    assert [u.update_id for u in updates] == [901, 902]
    assert updates[0].effective_message is not None
    assert updates[0].effective_message.text == "Xin chào"
    assert updates[1].effective_message is None
    assert sorted(reads, key=str) == [901, 902]
