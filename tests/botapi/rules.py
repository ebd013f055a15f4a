"""The in-process recording Bot API of tests/support.py, with Telegram's rules applied.

``RecordingBotAPI`` answers everything; Telegram does not. ``TelegramRulesAPI`` refuses what
Telegram refuses, in Telegram's words: HTML it cannot parse, texts and captions over the
limits, empty texts, bad button data, edits of messages that do not exist (or that would
not change), a second answer to a callback query, and methods it does not know. Handler
tests that run many updates use it with ``NoRateLimit`` so PTB's flood limiter does not
pace them.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from telegram.ext import BaseRateLimiter
from telegram.request import RequestData

from tests.botapi.entities import EntityError, parse_html
from tests.support import Call, RecordingBotAPI

# Methods the recording API answers; anything else the bot calls is reported.
KNOWN_METHODS = frozenset(
    {
        "getMe",
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendMediaGroup",
        "editMessageText",
        "editMessageReplyMarkup",
        "answerCallbackQuery",
        "sendChatAction",
        "setMyCommands",
        "setMyDescription",
        "setMyShortDescription",
        "sendLocation",
        "deleteMessage",
        "deleteWebhook",
        "setChatMenuButton",
        # Who may press the staff group's buttons; an image a resident sent as a file.
        "getChatMember",
        "getFile",
    }
)


class NoRateLimit(BaseRateLimiter[None]):
    """Sends at once: for tests of handlers, not of Telegram's flood limits."""

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Any,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> Any:
        """Send now."""
        return await callback(*args, **kwargs)


class TelegramRulesAPI(RecordingBotAPI):
    """The recording Bot API, refusing what Telegram would refuse, as Telegram words it."""

    def __init__(self) -> None:
        super().__init__()
        self.answered: set[str] = set()
        self.unknown: list[str] = []
        self.refused: list[tuple[str, str]] = []

    async def do_request(  # type: ignore[override]  # RecordingBotAPI's own signature
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: float | None = None,
        write_timeout: float | None = None,
        connect_timeout: float | None = None,
        pool_timeout: float | None = None,
    ) -> tuple[int, bytes]:
        """Check the request against Telegram's rules, then answer like the recording API."""
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        problem = (
            "Not Found: method not found"
            if api_method not in KNOWN_METHODS
            else self._problem(api_method, params)
        )
        if problem is not None:
            if api_method not in KNOWN_METHODS:
                self.unknown.append(api_method)
            self.refused.append((api_method, problem))
            self.calls.append(Call(api_method, params, None))
            body = {"ok": False, "error_code": 400, "description": problem}
            return HTTPStatus.BAD_REQUEST, json.dumps(body).encode()
        return await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )

    def _problem(self, method: str, params: dict[str, Any]) -> str | None:
        try:
            self._check(method, params)
        except EntityError as error:
            return f"Bad Request: {error}"
        except ValueError as error:
            return f"Bad Request: {error}"
        return None

    def _check(self, method: str, params: dict[str, Any]) -> None:
        for key, limit in (("text", 4096), ("caption", 1024)):
            if key not in params:
                continue
            raw = str(params[key])
            plain = parse_html(raw).text if params.get("parse_mode") == "HTML" else raw
            if key == "text" and not plain.strip():
                raise ValueError("message text is empty")
            if len(plain) > limit:
                raise ValueError("message is too long")
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                if not str(button.get("text") or "").strip():
                    raise ValueError("BUTTON_TEXT_INVALID")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= 64:
                    raise ValueError("BUTTON_DATA_INVALID")
        if method in ("editMessageText", "editMessageReplyMarkup"):
            where = (int(params["chat_id"]), int(params["message_id"]))
            message = self.messages.get(where)
            if message is None:
                raise ValueError("message to edit not found")
            new_markup = markup or None
            same_text = method == "editMessageReplyMarkup" or message.text == params["text"]
            if same_text and (message.reply_markup or None) == new_markup:
                raise ValueError(
                    "message is not modified: specified new message content and reply markup "
                    "are exactly the same as a current content and reply markup of the message"
                )
        if method == "answerCallbackQuery":
            query_id = str(params["callback_query_id"])
            if query_id in self.answered:
                raise ValueError(
                    "query is too old and response timeout expired or query ID is invalid"
                )
            if len(str(params.get("text") or "")) > 200:
                raise ValueError("MESSAGE_TOO_LONG")
            self.answered.add(query_id)
