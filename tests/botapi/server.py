"""A local Bot API server that speaks HTTP the way Telegram does, for end-to-end tests.

The bot under test is pointed at it with ``TELEGRAM_API_BASE_URL``; the test drives people
through Python methods (``server.resident(...).say("/start kp3")``) and reads what the bot
sent (``await server.wait_for(chat_id, predicate)``). Every request is recorded with what
it carried, uploads included, and faults can be injected per method and chat.

Telegram's behaviour that matters to a bot is kept: ``/bot<token>/<method>`` URLs;
query-string, form-encoded, JSON and multipart requests; ``{"ok": ...}`` answers with
Telegram's error descriptions; ``getUpdates`` with ``offset`` confirmation, ``limit``,
``allowed_updates`` and a long poll that returns as soon as an update is queued (and a
409 for the older of two pollers); message ids per chat; HTML parse mode validated; file
ids issued for uploads and checked when reused; ``getFile`` and the download of a file
at ``/file/bot<token>/<file_path>``; privacy mode in groups.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import io
import itertools
import json
import math
import re
import socket
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from aiohttp import web

from tests.botapi.entities import EntityError, parse_html
from tests.botapi.model import (
    ApiError,
    BotMessage,
    Fault,
    FaultRule,
    Request,
    StoredFile,
    Upload,
    bad_request,
)

if TYPE_CHECKING:
    from tests.botapi.people import Person

T = TypeVar("T")
Handler = Callable[[dict[str, Any], list[Upload]], Awaitable[Any]]

# Parameters that arrive JSON-serialised in form and multipart requests.
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "media",
        "entities",
        "caption_entities",
        "commands",
        "scope",
        "allowed_updates",
        "link_preview_options",
        "reply_parameters",
        "menu_button",
        "message_ids",
    }
)
_INT_PARAMS = frozenset(
    {
        "chat_id",
        "from_chat_id",
        "message_id",
        "user_id",
        "offset",
        "limit",
        "timeout",
        "reply_to_message_id",
        "message_thread_id",
        "cache_time",
        "max_connections",
    }
)
_BOOL_PARAMS = frozenset(
    {
        "show_alert",
        "disable_notification",
        "protect_content",
        "drop_pending_updates",
        "allow_sending_without_reply",
        "disable_web_page_preview",
        "disable_content_type_detection",
        "has_spoiler",
        "show_caption_above_media",
        "revoke_messages",
    }
)
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_TEXT = 200
# The largest file getFile hands over to a bot (Telegram's cloud Bot API: 20 MB).
MAX_DOWNLOAD = 20 * 1024 * 1024
_FOLDERS = {"photo": "photos", "document": "documents", "voice": "voice", "sticker": "stickers"}
_RECHECK = 0.02  # seconds between looks at conditions outside the server
# Methods that put (or change) a message in a chat: what Telegram's flood limits count.
FLOOD_COUNTED = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "senddocument",
        "sendmediagroup",
        "copymessage",
        "forwardmessage",
        "editmessagetext",
        "editmessagecaption",
        "editmessagereplymarkup",
    }
)


class FloodControl:
    """Telegram's flood limits, optionally sped up: a 429 with ``retry_after`` when exceeded.

    At most ``overall_rate`` messages per ``overall_period`` seconds from the bot, and
    ``group_rate`` per ``group_period`` seconds into any one group (Telegram: 30 a second,
    20 a minute). Each limit is a leaky bucket of that capacity draining at that rate, the
    model aiolimiter (under PTB's AIORateLimiter) uses, so a bot throttled by an
    AIORateLimiter with the same numbers never sees a 429. Benchmarks divide the periods by
    a scale factor to play simulated minutes in real seconds.

    ``jitter`` forgives a message that arrives that many seconds early by the server's clock:
    the sender's limiter admits it at one moment and it is counted here a little later, after
    a message admitted later may have overtaken it (0: strict).
    """

    def __init__(
        self,
        *,
        overall_rate: float = 30,
        overall_period: float = 1.0,
        group_rate: float = 20,
        group_period: float = 60.0,
        jitter: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.overall_rate = overall_rate
        self.overall_period = overall_period
        self.group_rate = group_rate
        self.group_period = group_period
        self.jitter = jitter
        self.refused = 0  # 429s answered
        self.counted = 0  # messages let through
        self._clock = clock
        self._levels: dict[object, tuple[float, float]] = {}  # bucket → (level, at)

    def _drained(self, key: object, rate: float, period: float, now: float) -> float:
        """The bucket's level now (messages still counted against the limit)."""
        level, at = self._levels.get(key, (0.0, now))
        return max(0.0, level - (now - at) * rate / period)

    def check(self, chat_id: object) -> int | None:
        """Count one message to ``chat_id``; the ``retry_after`` of a 429 when over a limit."""
        now = self._clock()
        buckets: list[tuple[object, float, float]] = [
            ("overall", self.overall_rate, self.overall_period)
        ]
        if isinstance(chat_id, int) and chat_id < 0:
            buckets.append((chat_id, self.group_rate, self.group_period))
        levels = [self._drained(key, rate, period, now) for key, rate, period in buckets]
        wait = max(
            (level + 1 - rate) * period / rate - self.jitter
            for level, (_, rate, period) in zip(levels, buckets, strict=True)
        )
        for level, (key, _, _) in zip(levels, buckets, strict=True):
            self._levels[key] = (level + (1 if wait <= 0 else 0), now)
        if wait > 0:
            self.refused += 1
            return max(1, math.ceil(wait))
        self.counted += 1
        return None


class BotAPIServer:
    """Telegram's Bot API on a loopback port, with people to drive and requests to read."""

    def __init__(
        self,
        token: str,
        *,
        bot_id: int = 7000000001,
        bot_username: str = "homthu_e2e_bot",
        bot_name: str = "Hòm thư góp ý",
        privacy_mode: bool = True,
    ) -> None:
        self.token = token
        self.bot_user: dict[str, Any] = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
        }
        self.privacy_mode = privacy_mode
        self.requests: list[Request] = []
        self.unknown_methods: list[Request] = []
        self.faults: list[FaultRule] = []
        self.files: dict[str, StoredFile] = {}
        # The file_path getFile gave each file, and the paths the bot downloaded, in order.
        self.file_paths: dict[str, StoredFile] = {}
        self.downloads: list[str] = []
        self.allowed_updates: list[str] | None = None
        self.webhook_url = ""
        self.command_menus: dict[tuple[str, str], list[dict[str, str]]] = {}
        # The bot's description and short description, by language code ("" for none).
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.updates: list[dict[str, Any]] = []  # every update ever queued, for the record
        # Seconds every method but getUpdates takes to answer (a simulated network).
        self.latency = 0.0
        # Telegram's flood limits, when set (off by default: tests send what they like).
        self.flood: FloodControl | None = None
        # Called with every message the bot sends or changes (benchmarks wait on it).
        self.listeners: list[Callable[[BotMessage], None]] = []
        self._pending: list[dict[str, Any]] = []
        self._chats: dict[int, dict[str, Any]] = {}
        self._members: dict[int, set[int]] = {}
        self._users: dict[int, dict[str, Any]] = {}
        self._blocked: set[int] = set()
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._bot_messages: dict[tuple[int, int], BotMessage] = {}
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._queries: dict[str, bool] = {}  # callback query id → answered
        self._update_ids = itertools.count(400_000_001)
        self._file_ids = itertools.count(1)
        self._query_ids = itertools.count(8_100_000_000_001)
        self._seq = 0
        self._tick = asyncio.Event()
        self._poller = 0
        self._polls_held = 0
        self._closing = False
        self._socket: socket.socket | None = None
        self._runner: web.AppRunner | None = None
        self._methods: dict[str, Handler] = {
            name.lower(): handler
            for name, handler in {
                "getMe": self._get_me,
                "getUpdates": self._get_updates,
                "setWebhook": self._set_webhook,
                "deleteWebhook": self._delete_webhook,
                "getWebhookInfo": self._get_webhook_info,
                "sendMessage": self._send_message,
                "sendPhoto": self._send_photo,
                "sendDocument": self._send_document,
                "sendLocation": self._send_location,
                "sendMediaGroup": self._send_media_group,
                "copyMessage": self._copy_message,
                "forwardMessage": self._forward_message,
                "editMessageText": self._edit_message_text,
                "editMessageCaption": self._edit_message_caption,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "deleteMessage": self._delete_message,
                "answerCallbackQuery": self._answer_callback_query,
                "sendChatAction": self._send_chat_action,
                "setMyCommands": self._set_my_commands,
                "setMyDescription": self._set_my_description,
                "setMyShortDescription": self._set_my_short_description,
                "getMyCommands": self._get_my_commands,
                "deleteMyCommands": self._delete_my_commands,
                "setChatMenuButton": self._always_true,
                "getChat": self._get_chat,
                "getFile": self._get_file,
                "getChatMember": self._get_chat_member,
                "pinChatMessage": self._pin_chat_message,
                "unpinChatMessage": self._pin_chat_message,
            }.items()
        }

    # --- Lifecycle -----------------------------------------------------------------------

    def bind(self) -> int:
        """Reserve a loopback port without listening yet (connections are refused)."""
        if self._socket is None:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            self._socket = sock
        return self.port

    @property
    def port(self) -> int:
        """The loopback port (reserved by ``bind``)."""
        assert self._socket is not None, "bind() or start() first"
        return int(self._socket.getsockname()[1])

    @property
    def base_url(self) -> str:
        """``TELEGRAM_API_BASE_URL`` for the bot: everything before the token."""
        return f"http://127.0.0.1:{self.bind()}/bot"

    async def start(self) -> None:
        """Listen on the reserved port (binding one first if needed)."""
        self.bind()
        assert self._socket is not None
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=0.5
        )
        await self._runner.setup()
        await web.SockSite(self._runner, self._socket).start()

    async def close(self) -> None:
        """Answer the held long polls and stop listening."""
        self._closing = True
        self._touch()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    async def __aenter__(self) -> BotAPIServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- People and chats ---------------------------------------------------------------

    def group(self, chat_id: int, title: str = "Nhóm cán bộ") -> dict[str, Any]:
        """A supergroup the bot is a member of."""
        chat = {"id": chat_id, "type": "supergroup", "title": title}
        self._chats[chat_id] = chat
        self._members.setdefault(chat_id, set()).add(int(self.bot_user["id"]))
        return chat

    def person(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        *,
        group: int | None = None,
        language_code: str = "vi",
    ) -> Person:
        """Someone who talks to the bot in a private chat, or in ``group``."""
        from tests.botapi.people import Person

        user: dict[str, Any] = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        self._users[user_id] = user
        if group is None:
            chat: dict[str, Any] = {"id": user_id, "type": "private", "first_name": first_name}
            if last_name:
                chat["last_name"] = last_name
            if username:
                chat["username"] = username
        else:
            chat = self._chats.get(group) or self.group(group)
            self._members.setdefault(group, set()).add(user_id)
        return Person(self, user, chat)

    def resident(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
    ) -> Person:
        """A resident in a private chat with the bot."""
        return self.person(user_id, first_name, last_name, username)

    def officer(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        *,
        group: int,
    ) -> Person:
        """A staff member, speaking in the staff group."""
        return self.person(user_id, first_name, last_name, username, group=group)

    def admin(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        *,
        group: int | None = None,
    ) -> Person:
        """An admin, in a private chat with the bot (or in ``group``)."""
        return self.person(user_id, first_name, last_name, username, group=group)

    def block(self, user_id: int) -> None:
        """The user blocks the bot: sending to them is 403 from now on."""
        self._blocked.add(user_id)

    # --- Carrying a world over (the upgrade test) ------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """What Telegram knows, as JSON-able data: people, chats, every message as it stands
        (the bot's with their inline keyboards and callback data), files, and the counters
        of ids, so that ``restore`` on another server continues where this one stopped.

        The upgrade test plays a story against one installation, stops it, and seeds a new
        server with this so that the next installation finds the same chats and buttons.
        Requests, updates and uploads made by the bot are not carried over.
        """

        def peek(counter: itertools.count[int]) -> int:
            # A count cannot be read without taking a number: take it, the caller puts a
            # count starting there back.
            return next(counter)

        message_ids = {chat: peek(counter) for chat, counter in self._message_ids.items()}
        self._message_ids = {chat: itertools.count(n) for chat, n in message_ids.items()}
        counters = {
            "update_id": peek(self._update_ids),
            "file": peek(self._file_ids),
            "query_id": peek(self._query_ids),
        }
        self._update_ids = itertools.count(counters["update_id"])
        self._file_ids = itertools.count(counters["file"])
        self._query_ids = itertools.count(counters["query_id"])
        return {
            "bot_user": self.bot_user,
            "chats": list(self._chats.values()),
            "members": {str(chat): sorted(ids) for chat, ids in self._members.items()},
            "users": list(self._users.values()),
            "messages": [self._messages[key] for key in sorted(self._messages)],
            "bot_messages": [
                {
                    "chat_id": m.chat_id,
                    "message_id": m.message_id,
                    "data": m.data,
                    "method": m.method,
                    "html": m.html,
                    "edits": m.edits,
                    "deleted": m.deleted,
                }
                for _, m in sorted(self._bot_messages.items())
            ],
            "files": [
                {
                    "file_id": f.file_id,
                    "file_unique_id": f.file_unique_id,
                    "kind": f.kind,
                    "content": base64.b64encode(f.content).decode("ascii"),
                    "file_name": f.file_name,
                    "mime_type": f.mime_type,
                    "width": f.width,
                    "height": f.height,
                }
                for f in self.files.values()
            ],
            "next_message_ids": {str(chat): n for chat, n in message_ids.items()},
            "next": counters,
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Know what ``snapshot`` recorded (on a new server, before the bot starts)."""
        self.bot_user = dict(state["bot_user"])
        for chat in state["chats"]:
            self._chats[int(chat["id"])] = dict(chat)
        for chat, ids in state["members"].items():
            self._members.setdefault(int(chat), set()).update(int(i) for i in ids)
        for user in state["users"]:
            self._users[int(user["id"])] = dict(user)
        for message in state["messages"]:
            self._messages[(int(message["chat"]["id"]), int(message["message_id"]))] = message
        for raw in state["bot_messages"]:
            key = (int(raw["chat_id"]), int(raw["message_id"]))
            if not raw["deleted"]:
                # The same object as in _messages, as when the bot sent it: edits show in both.
                raw["data"] = self._messages.get(key, raw["data"])
            self._bot_messages[key] = BotMessage(
                key[0],
                key[1],
                raw["data"],
                raw["method"],
                raw["html"],
                seq=self._touch(),
                edits=int(raw["edits"]),
                deleted=bool(raw["deleted"]),
            )
        for raw in state["files"]:
            stored = StoredFile(**{**raw, "content": base64.b64decode(raw["content"])})
            self.files[stored.file_id] = stored
        for chat, n in state["next_message_ids"].items():
            self._message_ids[int(chat)] = itertools.count(int(n))
        self._update_ids = itertools.count(int(state["next"]["update_id"]))
        self._file_ids = itertools.count(int(state["next"]["file"]))
        self._query_ids = itertools.count(int(state["next"]["query_id"]))

    # --- Updates -----------------------------------------------------------------------

    def push(self, kind: str, payload: dict[str, Any], update_id: int | None = None) -> int:
        """Queue an update of ``kind`` (message, callback_query...); returns its id.

        An explicit ``update_id`` lets a test queue duplicates or go out of order.
        """
        number = next(self._update_ids) if update_id is None else update_id
        update = {"update_id": number, kind: payload}
        self.updates.append(update)
        self._pending.append(update)
        self._touch()
        return number

    def deliver_message(self, message: dict[str, Any], kind: str = "message") -> int | None:
        """Store a user's message and queue it, unless privacy mode keeps it from the bot."""
        chat = message["chat"]
        self._messages[(chat["id"], message["message_id"])] = message
        if chat["type"] == "private":
            self._chats[chat["id"]] = chat
        elif self.privacy_mode and not self._visible_in_group(message):
            self._touch()
            return None
        return self.push(kind, message)

    def _visible_in_group(self, message: dict[str, Any]) -> bool:
        """What a bot in privacy mode receives from a group: commands, replies, mentions."""
        text = str(message.get("text") or message.get("caption") or "")
        replied = message.get("reply_to_message") or {}
        mention = f"@{self.bot_user['username']}".lower()
        return (
            text.startswith("/")
            or (replied.get("from") or {}).get("id") == self.bot_user["id"]
            or mention in text.lower()
        )

    def next_message_id(self, chat_id: int) -> int:
        """The next message id in a chat (ids are per chat, from 1)."""
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def new_query_id(self) -> str:
        """A fresh callback query id."""
        query_id = str(next(self._query_ids))
        self._queries[query_id] = False
        return query_id

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """Any message in a chat (the bot's or a user's), as it stands."""
        return self._messages.get((chat_id, message_id))

    def register_file(
        self,
        kind: str,
        content: bytes,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> StoredFile:
        """Give a file an id, as Telegram does for every upload."""
        number = next(self._file_ids)
        width, height = _image_size(content) if kind == "photo" else (0, 0)
        stored = StoredFile(
            file_id=f"AgAC{kind[:3].upper()}{number:06d}",
            file_unique_id=f"AQAD{number:06d}",
            kind=kind,
            content=content,
            file_name=file_name,
            mime_type=mime_type,
            width=width,
            height=height,
        )
        self.files[stored.file_id] = stored
        return stored

    def photo_sizes(self, content: bytes) -> list[dict[str, Any]]:
        """A photo as Telegram lists it: a thumbnail and the full size, each with an id."""
        full = self.register_file("photo", content)
        thumb = self.register_file("photo", content)
        thumb.width, thumb.height = max(1, full.width // 4), max(1, full.height // 4)
        return [_photo_size(thumb), _photo_size(full)]

    # --- Readers -----------------------------------------------------------------------

    @property
    def seq(self) -> int:
        """A counter that moves on every request, message change and update."""
        return self._seq

    @property
    def polling(self) -> bool:
        """True while a getUpdates long poll is held."""
        return self._polls_held > 0

    def calls(self, method: str | None = None, chat_id: int | None = None) -> list[Request]:
        """Requests of ``method`` (any when None), about ``chat_id`` (any when None)."""
        return [
            r
            for r in self.requests
            if (method is None or r.method.lower() == method.lower())
            and (chat_id is None or r.chat_id == chat_id)
        ]

    def messages(self, chat_id: int, *, include_deleted: bool = False) -> list[BotMessage]:
        """What the bot has in a chat, oldest first."""
        return [
            m
            for (chat, _), m in sorted(self._bot_messages.items())
            if chat == chat_id and (include_deleted or not m.deleted)
        ]

    def newest_button(self, chat_id: int, label: str) -> tuple[BotMessage, str]:
        """The newest bot message in the chat with a button whose label contains ``label``."""
        for message in reversed(self.messages(chat_id)):
            data = message.button_data(label)
            if data is not None:
                return message, data
        raise AssertionError(
            f"no button containing {label!r} in chat {chat_id}; the bot has there:\n"
            + self.transcript(chat_id)
        )

    def transcript(self, chat_id: int, last: int = 8) -> str:
        """The last messages of a chat, for assertion messages."""
        lines = [repr(m) for m in self.messages(chat_id, include_deleted=True)[-last:]]
        return "\n".join(lines) or "(nothing)"

    async def wait_until(
        self,
        condition: Callable[[], T | None],
        *,
        timeout: float = 10.0,  # noqa: ASYNC109 - the tests' own deadline, in seconds
        describe: Callable[[], str] | str = "condition",
    ) -> T:
        """Wait until ``condition()`` is truthy and return it; fail after ``timeout`` s."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = condition()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                what = describe() if callable(describe) else describe
                raise AssertionError(f"waited {timeout:g} s for {what}")
            # Woken by the server's own events; conditions on the outside world (a database
            # file, a log) are looked at again every few milliseconds.
            tick = self._tick
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(tick.wait(), min(remaining, _RECHECK))

    async def wait_for(
        self,
        chat_id: int,
        predicate: Callable[[BotMessage], object],
        *,
        timeout: float = 10.0,  # noqa: ASYNC109 - the tests' own deadline, in seconds
        after: int = 0,
    ) -> BotMessage:
        """The first bot message in the chat, sent or changed after ``after``, that matches."""

        def found() -> BotMessage | None:
            for message in self.messages(chat_id):
                if message.seq > after and predicate(message):
                    return message
            return None

        def describe() -> str:
            return f"a matching message in chat {chat_id}; it has:\n{self.transcript(chat_id)}"

        return await self.wait_until(found, timeout=timeout, describe=describe)

    async def wait_request(
        self,
        predicate: Callable[[Request], object],
        *,
        timeout: float = 10.0,  # noqa: ASYNC109 - the tests' own deadline, in seconds
        after: int = 0,
    ) -> Request:
        """The first answered request after ``after`` that matches."""

        def found() -> Request | None:
            for request in self.requests:
                if request.seq > after and request.status and predicate(request):
                    return request
            return None

        def describe() -> str:
            recent = [f"{r.method} {r.status}" for r in self.requests[-10:]]
            return f"a matching request; the last ones were {recent}"

        return await self.wait_until(found, timeout=timeout, describe=describe)

    # --- Faults ------------------------------------------------------------------------

    def inject(
        self, method: str, fault: Fault, *, times: int | None = 1, chat_id: int | None = None
    ) -> FaultRule:
        """Apply ``fault`` to the next ``times`` calls of ``method`` (None: until cleared)."""
        rule = FaultRule(method, fault, times, chat_id)
        self.faults.append(rule)
        return rule

    def clear_faults(self) -> None:
        """No more injected faults."""
        self.faults.clear()

    def _take_fault(self, method: str, chat_id: object) -> Fault | None:
        for rule in self.faults:
            if rule.matches(method, chat_id):
                rule.hits += 1
                if rule.remaining is not None:
                    rule.remaining -= 1
                return rule.fault
        return None

    # --- HTTP --------------------------------------------------------------------------

    def _touch(self) -> int:
        self._seq += 1
        tick, self._tick = self._tick, asyncio.Event()
        tick.set()
        return self._seq

    async def _handle(self, http: web.Request) -> web.StreamResponse:
        if http.path.startswith("/file/bot"):
            return self._download(http.path.removeprefix("/file/bot"))
        match = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)", http.path)
        if match is None:
            return _json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, method = match.groups()
        try:
            params, uploads = await _read_params(http)
        except ApiError as error:
            return _json(error.code, error.body())
        except ConnectionError:
            # The client went away mid-request (a bot killed while sending): no one to answer.
            return web.Response(status=499)
        request = Request(self._touch(), method, params, uploads)
        self.requests.append(request)
        if token != self.token:
            return self._finish(request, ApiError(401, "Unauthorized").body(), 401)
        fault = self._take_fault(method, params.get("chat_id"))
        if fault is not None:
            request.fault = fault.kind
            if fault.kind == "drop":
                if http.transport is not None:
                    http.transport.close()
                self._touch()
                return web.Response()
            if fault.kind == "status":
                injected = fault.api_error()
                return self._finish(request, injected.body(), injected.code)
            await asyncio.sleep(fault.seconds)
        if self.latency > 0 and method.lower() != "getupdates":
            await asyncio.sleep(self.latency)
        if self.flood is not None and method.lower() in FLOOD_COUNTED:
            retry_after = self.flood.check(params.get("chat_id"))
            if retry_after is not None:
                request.fault = "flood"
                flooded = ApiError(
                    429,
                    f"Too Many Requests: retry after {retry_after}",
                    {"retry_after": retry_after},
                )
                return self._finish(request, flooded.body(), 429)
        handler = self._methods.get(method.lower())
        if handler is None:
            self.unknown_methods.append(request)
            return self._finish(request, ApiError(400, "Not Found: method not found").body(), 400)
        try:
            result = await handler(params, uploads)
        except ApiError as error:
            return self._finish(request, error.body(), error.code)
        except EntityError as error:
            return self._finish(request, bad_request(str(error)).body(), 400)
        return self._finish(request, {"ok": True, "result": result}, 200)

    def _download(self, rest: str) -> web.Response:
        """A file's bytes, at the path getFile gave it (as Telegram serves them)."""
        token, _, file_path = rest.partition("/")
        if token != self.token:
            return _json(401, ApiError(401, "Unauthorized").body())
        stored = self.file_paths.get(file_path)
        if stored is None:
            return _json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        self.downloads.append(file_path)
        self._touch()
        return web.Response(body=stored.content, content_type="application/octet-stream")

    def _finish(self, request: Request, body: dict[str, Any], status: int) -> web.Response:
        request.status, request.answer = status, body
        self._touch()
        return _json(status, body)

    # --- Methods: the bot, updates, webhooks ---------------------------------------------

    async def _get_me(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": not self.privacy_mode,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = max(int(params.get("timeout") or 0), 0)
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self.allowed_updates = [str(kind) for kind in allowed] or None
        if offset > 0:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
        elif offset < 0:
            self._pending = self._pending[offset:]
        self._poller += 1
        me = self._poller
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        self._polls_held += 1
        self._touch()
        try:
            while True:
                if self._poller != me:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that "
                        "only one bot instance is running",
                    )
                ready = self._deliverable(limit)
                remaining = deadline - loop.time()
                if ready or self._closing or remaining <= 0:
                    return ready
                tick = self._tick
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(tick.wait(), remaining)
        finally:
            self._polls_held -= 1

    def _deliverable(self, limit: int) -> list[dict[str, Any]]:
        if self.allowed_updates:
            allowed = set(self.allowed_updates)
            self._pending = [u for u in self._pending if _update_kind(u) in allowed]
        return self._pending[:limit]

    async def _set_webhook(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        url = str(params.get("url") or "")
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook_url = url
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _delete_webhook(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _get_webhook_info(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }

    async def _always_true(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        return True

    # --- Methods: sending --------------------------------------------------------------

    def _target_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if not isinstance(chat_id, int) or chat_id not in self._chats:
            raise bad_request("chat not found")
        if chat_id in self._blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id < 0 and int(self.bot_user["id"]) not in self._members.get(chat_id, set()):
            raise ApiError(403, "Forbidden: bot is not a member of the supergroup chat")
        return self._chats[chat_id]

    def _reply_to(self, chat_id: int, params: dict[str, Any]) -> dict[str, Any] | None:
        reply = params.get("reply_parameters")
        target = None
        allow_missing = bool(params.get("allow_sending_without_reply"))
        if isinstance(reply, dict):
            target = reply.get("message_id")
            allow_missing = allow_missing or bool(reply.get("allow_sending_without_reply"))
        elif params.get("reply_to_message_id"):
            target = params["reply_to_message_id"]
        if target is None:
            return None
        message = self._messages.get((chat_id, int(target)))
        if message is None:
            if allow_missing:
                return None
            raise bad_request("message to be replied not found")
        return {k: v for k, v in message.items() if k != "reply_to_message"}

    def _formatted(
        self, params: dict[str, Any], key: str, limit: int, *, required: bool
    ) -> tuple[dict[str, Any], str | None]:
        """The text (or caption) as Telegram stores it, and the markup as sent."""
        raw = params.get(key)
        if raw is None or raw == "":
            if required:
                raise bad_request("message text is empty")
            return {}, None
        raw = str(raw)
        mode = str(params.get("parse_mode") or "").lower()
        if mode == "html":
            parsed = parse_html(raw)
            plain, entities = parsed.text, parsed.entities
        else:
            plain = raw
            given = params.get("caption_entities" if key == "caption" else "entities")
            entities = list(given) if isinstance(given, list) else []
        if required and not plain.strip():
            raise bad_request("message text is empty")
        if len(plain) > limit:
            raise bad_request(
                "message is too long" if key == "text" else "message caption is too long"
            )
        content: dict[str, Any] = {key: plain}
        if entities:
            content["entities" if key == "text" else "caption_entities"] = entities
        return content, raw if mode == "html" else None

    def _new_message(
        self,
        params: dict[str, Any],
        method: str,
        content: dict[str, Any],
        html: str | None,
        uploads: list[Upload],
        *,
        markup: bool = True,
    ) -> dict[str, Any]:
        chat = self._target_chat(params)
        chat_id = int(chat["id"])
        reply_to = self._reply_to(chat_id, params)
        keyboard = _inline_keyboard(params.get("reply_markup")) if markup else None
        data: dict[str, Any] = {
            "message_id": self.next_message_id(chat_id),
            "from": dict(self.bot_user),
            "chat": dict(chat),
            "date": int(time.time()),
            **content,
        }
        if reply_to is not None:
            data["reply_to_message"] = reply_to
        if keyboard is not None:
            data["reply_markup"] = keyboard
        key = (chat_id, int(data["message_id"]))
        self._messages[key] = data
        sent = BotMessage(chat_id, key[1], data, method, html, list(uploads), seq=self._touch())
        self._bot_messages[key] = sent
        for listener in self.listeners:
            listener(sent)
        return data

    async def _send_message(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        self._target_chat(params)
        content, html = self._formatted(params, "text", MAX_TEXT, required=True)
        return self._new_message(params, "sendMessage", content, html, uploads)

    def _input_file(
        self, value: object, field: str, uploads: list[Upload], kind: str
    ) -> tuple[StoredFile | None, list[dict[str, Any]] | None, list[Upload]]:
        """Resolve an upload, an ``attach://`` reference or a file id to a stored file."""
        if value is None or value == "":
            value = f"attach://{field}"
        if not isinstance(value, str):
            raise bad_request(f"wrong file identifier/HTTP URL specified ({field})")
        if value.startswith("attach://"):
            name = value.removeprefix("attach://")
            found = [u for u in uploads if u.field == name]
            if not found:
                raise bad_request(f"there is no {field} in the request")
            upload = found[0]
            if kind == "photo":
                return None, self.photo_sizes(upload.content), [upload]
            stored = self.register_file(
                kind, upload.content, file_name=upload.file_name, mime_type=upload.mime_type
            )
            return stored, None, [upload]
        if value.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content")
        known = self.files.get(value)
        if known is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if (known.kind == "photo") != (kind == "photo"):
            raise bad_request("type of file mismatch")
        if kind == "photo":
            return None, [_photo_size(known)], []
        return known, None, []

    async def _send_photo(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        self._target_chat(params)
        _, sizes, used = self._input_file(params.get("photo"), "photo", uploads, "photo")
        content, html = self._formatted(params, "caption", MAX_CAPTION, required=False)
        return self._new_message(params, "sendPhoto", {"photo": sizes, **content}, html, used)

    async def _send_location(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        self._target_chat(params)
        try:
            latitude, longitude = float(params["latitude"]), float(params["longitude"])
        except (KeyError, TypeError, ValueError):
            raise bad_request("latitude and longitude must be numbers") from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise bad_request("wrong latitude or longitude")
        location = {"latitude": latitude, "longitude": longitude}
        return self._new_message(params, "sendLocation", {"location": location}, None, [])

    async def _send_document(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        self._target_chat(params)
        stored, _, used = self._input_file(params.get("document"), "document", uploads, "document")
        assert stored is not None
        content, html = self._formatted(params, "caption", MAX_CAPTION, required=False)
        document = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": stored.file_name or "document",
            "mime_type": stored.mime_type or "application/octet-stream",
            "file_size": len(stored.content),
        }
        return self._new_message(
            params, "sendDocument", {"document": document, **content}, html, used
        )

    async def _send_media_group(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        self._target_chat(params)
        media = params.get("media")
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise bad_request("media group must contain from 2 to 10 items")
        group_id = f"1{next(self._file_ids):017d}"
        prepared: list[tuple[dict[str, Any], str | None, list[Upload]]] = []
        for item in media:
            if not isinstance(item, dict) or item.get("type") not in ("photo", "document"):
                raise bad_request("wrong media type in the media group")
            kind = str(item["type"])
            stored, sizes, used = self._input_file(item.get("media"), "media", uploads, kind)
            content, html = self._formatted(
                {**item, "parse_mode": item.get("parse_mode") or params.get("parse_mode")},
                "caption",
                MAX_CAPTION,
                required=False,
            )
            if kind == "photo":
                content["photo"] = sizes
            else:
                assert stored is not None
                content["document"] = {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "file_name": stored.file_name or "document",
                }
            prepared.append(({**content, "media_group_id": group_id}, html, used))
        return [
            self._new_message(params, "sendMediaGroup", content, html, used, markup=False)
            for content, html, used in prepared
        ]

    def _source(self, params: dict[str, Any]) -> dict[str, Any]:
        from_chat = params.get("from_chat_id")
        message_id = params.get("message_id")
        if not isinstance(from_chat, int) or from_chat not in self._chats:
            raise bad_request("chat not found")
        source = self._messages.get((from_chat, int(message_id or 0)))
        if source is None:
            raise bad_request("message to copy not found")
        return source

    async def _copy_message(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        source = self._source(params)
        self._target_chat(params)
        content = {
            k: v
            for k, v in source.items()
            if k in ("text", "entities", "photo", "document", "caption", "caption_entities")
        }
        if "caption" in params:
            content.pop("caption", None)
            content.pop("caption_entities", None)
            caption, _ = self._formatted(params, "caption", MAX_CAPTION, required=False)
            content.update(caption)
        if not content:
            raise bad_request("message can't be copied")
        sent = self._new_message(params, "copyMessage", content, None, [])
        return {"message_id": sent["message_id"]}

    async def _forward_message(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        source = self._source(params)
        self._target_chat(params)
        content = {
            k: v
            for k, v in source.items()
            if k in ("text", "entities", "photo", "document", "caption", "caption_entities")
        }
        content["forward_origin"] = {
            "type": "user",
            "sender_user": source.get("from"),
            "date": source.get("date"),
        }
        return self._new_message(params, "forwardMessage", content, None, [], markup=False)

    # --- Methods: editing --------------------------------------------------------------

    def _own_message(self, params: dict[str, Any], action: str = "edit") -> BotMessage:
        if params.get("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        if not isinstance(chat_id, int) or chat_id not in self._chats:
            raise bad_request("chat not found")
        key = (chat_id, int(message_id or 0))
        message = self._bot_messages.get(key)
        if message is None or message.deleted:
            if key in self._messages and action == "edit":
                raise bad_request("message can't be edited")
            raise bad_request(f"message to {action} not found")
        return message

    def _changed(self, message: BotMessage, html: str | None) -> None:
        message.html = html
        message.edits += 1
        message.data["edit_date"] = int(time.time())
        message.seq = self._touch()
        for listener in self.listeners:
            listener(message)

    async def _edit_message_text(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        message = self._own_message(params)
        if "text" not in message.data:
            raise bad_request("there is no text in the message to edit")
        content, html = self._formatted(params, "text", MAX_TEXT, required=True)
        keyboard = _inline_keyboard(params.get("reply_markup"))
        before = (message.data.get("text"), message.data.get("entities"))
        if before == (content["text"], content.get("entities")) and keyboard == message.data.get(
            "reply_markup"
        ):
            raise bad_request(NOT_MODIFIED)
        message.data.pop("entities", None)
        message.data.update(content)
        _set_keyboard(message.data, keyboard)
        self._changed(message, html)
        return message.data

    async def _edit_message_caption(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        message = self._own_message(params)
        if "text" in message.data:
            raise bad_request("there is no caption in the message to edit")
        content, html = self._formatted(params, "caption", MAX_CAPTION, required=False)
        keyboard = _inline_keyboard(params.get("reply_markup"))
        before = (message.data.get("caption"), message.data.get("caption_entities"))
        after = (content.get("caption"), content.get("caption_entities"))
        if before == after and keyboard == message.data.get("reply_markup"):
            raise bad_request(NOT_MODIFIED)
        message.data.pop("caption", None)
        message.data.pop("caption_entities", None)
        message.data.update(content)
        _set_keyboard(message.data, keyboard)
        self._changed(message, html)
        return message.data

    async def _edit_message_reply_markup(
        self, params: dict[str, Any], uploads: list[Upload]
    ) -> Any:
        message = self._own_message(params)
        keyboard = _inline_keyboard(params.get("reply_markup"))
        if keyboard == message.data.get("reply_markup"):
            raise bad_request(NOT_MODIFIED)
        _set_keyboard(message.data, keyboard)
        self._changed(message, message.html)
        return message.data

    async def _delete_message(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        message = self._own_message(params, "delete")
        message.deleted = True
        message.seq = self._touch()
        self._messages.pop((message.chat_id, message.message_id), None)
        return True

    async def _pin_chat_message(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        self._target_chat(params)
        return True

    # --- Methods: buttons, menus, chats --------------------------------------------------

    async def _answer_callback_query(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        query_id = str(params.get("callback_query_id") or "")
        if self._queries.get(query_id, True):
            raise bad_request(QUERY_INVALID)
        text = str(params.get("text") or "")
        if len(text) > MAX_CALLBACK_TEXT:
            raise bad_request("MESSAGE_TOO_LONG")
        self._queries[query_id] = True
        self.callback_answers[query_id] = params
        return True

    async def _send_chat_action(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        self._target_chat(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def _scope_key(self, params: dict[str, Any]) -> str:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict):
            raise bad_request("can't parse BotCommandScope JSON object")
        kind = scope.get("type")
        if kind in ("chat", "chat_administrators", "chat_member"):
            chat_id = scope.get("chat_id")
            if not isinstance(chat_id, int) or chat_id not in self._chats:
                raise bad_request("chat not found")
            if kind == "chat_member" and scope.get("user_id") not in self._members.get(
                chat_id, set()
            ):
                raise bad_request("user not found")
        elif kind not in (
            "default",
            "all_private_chats",
            "all_group_chats",
            "all_chat_administrators",
        ):
            raise bad_request("unsupported bot command scope type")
        return json.dumps(scope, sort_keys=True)

    async def _set_my_commands(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("commands must be a list of up to 100 commands")
        for command in commands:
            name = str(command.get("command", ""))
            description = str(command.get("description", ""))
            if not _COMMAND.fullmatch(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = (self._scope_key(params), str(params.get("language_code") or ""))
        self.command_menus[key] = list(commands)
        return True

    async def _set_my_description(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        description = str(params.get("description") or "")
        if len(description) > 512:
            raise bad_request("BOT_DESCRIPTION_INVALID")
        self.descriptions[str(params.get("language_code") or "")] = description
        return True

    async def _set_my_short_description(
        self, params: dict[str, Any], uploads: list[Upload]
    ) -> Any:
        short = str(params.get("short_description") or "")
        if len(short) > 120:
            raise bad_request("BOT_SHORT_DESCRIPTION_INVALID")
        self.short_descriptions[str(params.get("language_code") or "")] = short
        return True

    async def _get_my_commands(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        key = (self._scope_key(params), str(params.get("language_code") or ""))
        return self.command_menus.get(key, [])

    async def _delete_my_commands(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        key = (self._scope_key(params), str(params.get("language_code") or ""))
        self.command_menus.pop(key, None)
        return True

    async def _get_chat(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        chat = self._target_chat(params)
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def _get_file(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        stored = self.files.get(str(params.get("file_id") or ""))
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.content) > MAX_DOWNLOAD:
            raise bad_request("file is too big")
        path = next((p for p, f in self.file_paths.items() if f is stored), None)
        if path is None:
            folder = _FOLDERS.get(stored.kind, stored.kind)
            name = stored.file_name or ""
            extension = name.rpartition(".")[2] if "." in name else "jpg"
            path = f"{folder}/file_{len(self.file_paths)}.{extension}"
            self.file_paths[path] = stored
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": path,
        }

    async def _get_chat_member(self, params: dict[str, Any], uploads: list[Upload]) -> Any:
        chat = self._target_chat(params)
        user_id = params.get("user_id")
        if not isinstance(user_id, int):
            raise bad_request("user not found")
        user = self.bot_user if user_id == self.bot_user["id"] else self._users.get(user_id)
        if user is None:
            raise bad_request("user not found")
        members = self._members.get(int(chat["id"]), set())
        is_member = chat["type"] == "private" or user_id in members
        return {"status": "member" if is_member else "left", "user": user}


def _json(status: int, body: dict[str, Any]) -> web.Response:
    return web.json_response(
        body, status=status, dumps=lambda data: json.dumps(data, ensure_ascii=False)
    )


async def _read_params(http: web.Request) -> tuple[dict[str, Any], list[Upload]]:
    """The parameters of a request however they were sent, and the uploaded files."""
    raw: dict[str, Any] = dict(http.query)
    uploads: list[Upload] = []
    if http.can_read_body:
        if http.content_type == "application/json":
            try:
                body = await http.json()
            except json.JSONDecodeError:
                raise bad_request("can't parse JSON request body") from None
            if not isinstance(body, dict):
                raise bad_request("request body must be a JSON object")
            raw.update(body)
        elif http.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            fields, uploads = await read_form(http)
            raw.update(fields)
    return {key: _decode(key, value) for key, value in raw.items()}, uploads


async def read_form(http: web.Request) -> tuple[dict[str, str], list[Upload]]:
    """A form's fields, and the files uploaded with it."""
    fields: dict[str, str] = {}
    uploads: list[Upload] = []
    for key, value in (await http.post()).items():
        if isinstance(value, web.FileField):
            content = value.file.read()
            uploads.append(Upload(key, value.filename, content, value.content_type))
        else:
            fields[key] = str(value)
    return fields, uploads


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in _JSON_PARAMS:
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise bad_request(f"can't parse {key} JSON object") from None
    if key in _INT_PARAMS and re.fullmatch(r"-?[0-9]{1,20}", value):
        return int(value)
    if key in _BOOL_PARAMS and value in ("true", "false", "True", "False"):
        return value.lower() == "true"
    return value


def _inline_keyboard(raw: Any) -> dict[str, Any] | None:
    """An inline keyboard as Telegram keeps it (other keyboards are not part of messages)."""
    if raw is None or raw == "":
        return None
    if not isinstance(raw, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = raw.get("inline_keyboard")
    if rows is None:
        return None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not str(button.get("text") or "").strip():
                raise bad_request("BUTTON_TEXT_INVALID")
            actions = [k for k in button if k != "text"]
            if len(actions) != 1:
                raise bad_request(
                    "can't parse inline keyboard button: exactly one field must be set"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
    if not any(rows):
        return None
    return {"inline_keyboard": rows}


def _set_keyboard(data: dict[str, Any], keyboard: dict[str, Any] | None) -> None:
    if keyboard is None:
        data.pop("reply_markup", None)
    else:
        data["reply_markup"] = keyboard


def _update_kind(update: dict[str, Any]) -> str:
    return next(k for k in update if k != "update_id")


def _photo_size(stored: StoredFile) -> dict[str, Any]:
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "width": stored.width,
        "height": stored.height,
        "file_size": len(stored.content),
    }


def _image_size(content: bytes) -> tuple[int, int]:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            return int(image.width), int(image.height)
    except (UnidentifiedImageError, OSError):
        return 1280, 960


__all__ = ["BotAPIServer", "FloodControl"]
