"""Test support: a Bot API that records requests, and people who send real updates."""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import BaseRateLimiter
from telegram.request import BaseRequest, RequestData

from bot.app import build_application
from bot.ptb.context import HomThuApplication
from bot.service.config import BotToken, Settings
from core.committee import Committee

BOT_ID = 7000000001
BOT_USERNAME = "homthu_test_bot"
STAFF_CHAT_ID = -1001234567890
ADMIN_ID = 4242
_update_ids = itertools.count(1)

# The committee's default topics (SPEC §6), in order, byte for byte.
DEFAULT_TOPICS_VI = [
    "Chính trị, xây dựng Đảng và chính quyền",
    "Kinh tế, đời sống",
    "Văn hóa – xã hội, y tế, giáo dục",
    "Quốc phòng, an ninh, trật tự",
    "Cải cách hành chính, dịch vụ công",
    "Phòng chống tham nhũng, lãng phí",
    "Tài nguyên, môi trường",
    "Xây dựng đô thị văn minh, hạ tầng",
    "Góp ý cán bộ, đảng viên",
    "Gương điển hình, mô hình tiêu biểu",
    "Khác",
]
# What residents see of them (migration 0008): emoji and short label, two to a row where
# they fit, "Khác" last.
DEFAULT_TOPIC_LABELS_VI = {
    "Chính trị, xây dựng Đảng và chính quyền": "🏛️ Chính quyền",
    "Kinh tế, đời sống": "💼 Đời sống",
    "Văn hóa – xã hội, y tế, giáo dục": "🏥 Y tế, trường học",
    "Quốc phòng, an ninh, trật tự": "🚓 An ninh, trật tự",
    "Cải cách hành chính, dịch vụ công": "📄 Thủ tục, giấy tờ",
    "Phòng chống tham nhũng, lãng phí": "⚖️ Tham nhũng",
    "Tài nguyên, môi trường": "🌳 Môi trường, rác",
    "Xây dựng đô thị văn minh, hạ tầng": "🚧 Đường, điện nước",
    "Góp ý cán bộ, đảng viên": "👤 Về cán bộ",
    "Gương điển hình, mô hình tiêu biểu": "🌟 Gương tốt",
    "Khác": "💬 Khác",
}
_LABELS = list(DEFAULT_TOPIC_LABELS_VI.values())
DEFAULT_TOPIC_ROWS_VI = [_LABELS[i : i + 2] for i in range(0, 10, 2)] + [["💬 Khác"]]


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    result: Any = None
    files: dict[str, bytes] = field(default_factory=dict)
    file_names: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The text or caption the request carried."""
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[list[str]]:
        """Button labels of the request's inline keyboard, row by row."""
        markup = self.params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        return [[b["text"] for b in row] for row in markup.get("inline_keyboard", [])]


@dataclass
class Failure:
    """How the next call of a method fails."""

    status: int
    description: str
    parameters: dict[str, Any] | None = None
    raise_error: Exception | None = None
    chat_id: int | None = None


@dataclass
class SentMessage:
    """A message the bot has in a chat, as it stands after edits."""

    message_id: int
    chat_id: int
    text: str
    reply_markup: dict[str, Any] | None


class RecordingBotAPI(BaseRequest):
    """A Bot API that answers like Telegram and records every request; nothing leaves."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.messages: dict[tuple[int, int], SentMessage] = {}
        self._message_ids = itertools.count(100)
        self._failures: dict[str, list[Failure]] = {}
        # Called with each call Telegram accepted, before its answer reaches the bot.
        self.on_accept: list[Callable[[Call], None]] = []
        # Groups the bot is in, beside the staff group: chat id → title (getChat,
        # getChatMember); any other chat is "not found", as Telegram says.
        self.groups: dict[int, str] = {}
        # What getChatMember says of someone in a group (chat id, user id) → status;
        # anyone not named is a member, as the officers of the tests are.
        self.members: dict[tuple[int, int], str] = {}
        # Groups Telegram upgraded to a supergroup: old chat id → new one. Anything sent to
        # the old id is refused as Telegram does (400, parameters.migrate_to_chat_id).
        self.migrated: dict[int, int] = {}
        # Files people sent, by file id: what getFile and a download of it return.
        self.files: dict[str, bytes] = {}

    def fail_next(
        self,
        method: str,
        status: int = 400,
        description: str = "Bad Request",
        *,
        parameters: dict[str, Any] | None = None,
        raise_error: Exception | None = None,
        chat_id: int | None = None,
    ) -> None:
        """Make the next call of ``method`` (to ``chat_id`` if given) fail like Telegram.

        ``raise_error`` fails the request below HTTP instead (a timeout, a dropped
        connection): the exception is raised from the transport.
        """
        failure = Failure(status, description, parameters, raise_error, chat_id)
        self._failures.setdefault(method, []).append(failure)

    def _take_failure(self, method: str, params: dict[str, Any]) -> Failure | None:
        for failure in self._failures.get(method, []):
            if failure.chat_id is None or str(failure.chat_id) == str(params.get("chat_id")):
                self._failures[method].remove(failure)
                return failure
        return None

    def _unknown_chat(self, method: str, params: dict[str, Any]) -> Failure | None:
        chat_id = int(params.get("chat_id") or 0)
        if chat_id in self.migrated:
            return Failure(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated[chat_id]},
            )
        if method in ("getChat", "getChatMember") and chat_id not in self.groups:
            if method == "getChatMember" and chat_id == STAFF_CHAT_ID:
                return None
            return Failure(400, "Bad Request: chat not found", None, None, None)
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    @property
    def read_timeout(self) -> float:
        """Telegram's default read timeout."""
        return 5.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: float | None = None,
        write_timeout: float | None = None,
        connect_timeout: float | None = None,
        pool_timeout: float | None = None,
    ) -> tuple[int, bytes]:
        """Answer one Bot API request."""
        if "/file/bot" in url:
            return self._download(url)
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        failure = self._take_failure(api_method, params) or self._unknown_chat(api_method, params)
        if failure is not None:
            self.calls.append(Call(api_method, params, None))
            if failure.raise_error is not None:
                raise failure.raise_error
            body: dict[str, Any] = {
                "ok": False,
                "error_code": failure.status,
                "description": failure.description,
            }
            if failure.parameters:
                body["parameters"] = failure.parameters
            return failure.status, json.dumps(body).encode()
        result = self._answer(api_method, params)
        if api_method != "getMe":
            call = Call(api_method, params, result)
            _record_uploads(call, request_data)
            self.calls.append(call)
            for hook in self.on_accept:
                hook(call)
        return HTTPStatus.OK, json.dumps({"ok": True, "result": result}).encode()

    def _download(self, url: str) -> tuple[int, bytes]:
        file_id = url.rsplit("/", 1)[-1]
        self.calls.append(Call("download", {"file_id": file_id}))
        if file_id not in self.files:
            return HTTPStatus.NOT_FOUND, b""
        return HTTPStatus.OK, self.files[file_id]

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getFile":
            file_id = str(params["file_id"])
            if file_id not in self.files:
                raise AssertionError(f"the test Bot API has no file {file_id}")
            return {
                "file_id": file_id,
                "file_unique_id": f"{file_id}-u",
                "file_size": len(self.files[file_id]),
                "file_path": f"documents/{file_id}",
            }
        if method == "sendPhoto":
            # An uploaded photo gets a file id of its own, as Telegram gives one.
            message = self._new_message(params)
            uploaded = f"uploaded-photo-{message['message_id']}"
            message["photo"] = [
                {"file_id": uploaded, "file_unique_id": f"{uploaded}-u", "width": 1, "height": 1}
            ]
            return message
        if method == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "Hòm thư góp ý",
                "username": BOT_USERNAME,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if method in ("sendMessage", "sendPhoto", "sendDocument", "sendLocation"):
            return self._new_message(params)
        if method == "sendMediaGroup":
            media = params["media"]
            if isinstance(media, str):
                media = json.loads(media)
            return [self._new_message({**params, "caption": m.get("caption")}) for m in media]
        if method in ("editMessageText", "editMessageReplyMarkup"):
            key = (int(params["chat_id"]), int(params["message_id"]))
            message = self.messages[key]
            if method == "editMessageText":
                message.text = params["text"]
            message.reply_markup = _markup(params.get("reply_markup"))
            return self._as_dict(message)
        if method in (
            "answerCallbackQuery",
            "sendChatAction",
            "setMyCommands",
            "setMyDescription",
            "setMyShortDescription",
            "deleteMessage",
            "deleteWebhook",
            "setChatMenuButton",
        ):
            return True
        if method == "getUpdates":
            return []
        if method == "getChatMemberCount":
            return 7
        if method == "getChat":
            chat_id = int(params["chat_id"])
            title = self.groups[chat_id]
            return {
                "id": chat_id,
                "type": "supergroup",
                "title": title,
                "accent_color_id": 0,
                "max_reaction_count": 11,
            }
        if method == "getChatMember":
            return self._member(int(params["chat_id"]), int(params["user_id"]))
        raise AssertionError(f"the test Bot API does not know {method}")

    def _member(self, chat_id: int, user_id: int) -> dict[str, Any]:
        user = {"id": user_id, "is_bot": user_id == BOT_ID, "first_name": "Thành viên"}
        status = self.members.get((chat_id, user_id), "member")
        member: dict[str, Any] = {"status": status, "user": user}
        if status in ("administrator", "anonymous administrator"):
            rights = (
                "can_manage_chat can_delete_messages can_manage_video_chats can_restrict_members"
                " can_promote_members can_change_info can_invite_users can_post_stories"
                " can_edit_stories can_delete_stories"
            )
            member.update({right: True for right in rights.split()})
            anonymous = status == "anonymous administrator"
            member.update(status="administrator", can_be_edited=False, is_anonymous=anonymous)
        elif status in ("restricted", "restricted left"):
            rights = (
                "can_send_messages can_send_audios can_send_documents can_send_photos"
                " can_send_videos can_send_video_notes can_send_voice_notes can_send_polls"
                " can_send_other_messages can_add_web_page_previews can_change_info"
                " can_invite_users can_pin_messages can_manage_topics can_edit_tag"
                " can_react_to_messages"
            )
            member.update({right: False for right in rights.split()})
            member.update(status="restricted", is_member=status == "restricted", until_date=0)
        return member

    def _new_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message = SentMessage(
            next(self._message_ids),
            chat_id,
            str(params.get("text") or params.get("caption") or ""),
            _markup(params.get("reply_markup")),
        )
        self.messages[(chat_id, message.message_id)] = message
        return self._as_dict(message)

    @staticmethod
    def _as_dict(message: SentMessage) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(datetime.now(UTC).timestamp()),
            "chat": _chat(message.chat_id),
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Hòm thư góp ý"},
            "text": message.text,
        }
        if message.reply_markup:
            data["reply_markup"] = message.reply_markup
        return data

    def button(self, chat_id: int, label: str) -> tuple[SentMessage, str]:
        """The newest message in the chat with a button whose label contains ``label``."""
        for (chat, _), message in sorted(self.messages.items(), reverse=True):
            if chat != chat_id or not message.reply_markup:
                continue
            for row in message.reply_markup.get("inline_keyboard", []):
                for button in row:
                    if label in button["text"]:
                        return message, button["callback_data"]
        raise AssertionError(f"no button containing {label!r} in chat {chat_id}")

    def take(self) -> list[Call]:
        """The calls recorded since the last take."""
        calls, self.calls = self.calls, []
        return calls


def _record_uploads(call: Call, request_data: RequestData | None) -> None:
    """Keep the bytes and file names of files uploaded with the request."""
    if request_data is None or not request_data.contains_files:
        return
    for name, (file_name, content, _mimetype) in request_data.multipart_data.items():
        call.files[name] = content if isinstance(content, bytes) else content.read()
        call.file_names[name] = file_name


def _markup(raw: Any) -> dict[str, Any] | None:
    if raw is None:
        return None
    return json.loads(raw) if isinstance(raw, str) else dict(raw)


def _chat(chat_id: int) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "x"}
    return {"id": chat_id, "type": "supergroup", "title": "Nhóm"}


class FrozenClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 21, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        """Move time forward."""
        self.now += delta


@dataclass
class Person:
    """Someone who talks to the bot: a resident in private, or an officer in a group."""

    app: HomThuApplication
    api: RecordingBotAPI
    user_id: int
    first_name: str = "Lan"
    last_name: str | None = "Nguyễn"
    username: str | None = "lan_nguyen"
    chat_id: int | None = None
    # The language of the person's Telegram app, as Telegram reports it.
    language_code: str | None = "vi"
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def chat(self) -> int:
        """Where this person speaks: their private chat unless given a group."""
        return self.chat_id if self.chat_id is not None else self.user_id

    def user(self) -> dict[str, Any]:
        """The Telegram user object of this person."""
        data: dict[str, Any] = {
            "id": self.user_id,
            "is_bot": False,
            "first_name": self.first_name,
        }
        if self.language_code:
            data["language_code"] = self.language_code
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        return data

    def _message(self, **content: Any) -> dict[str, Any]:
        chat = (
            {"id": self.chat, "type": "private", "first_name": self.first_name}
            if self.chat > 0
            else {"id": self.chat, "type": "supergroup", "title": "Nhóm"}
        )
        return {
            "message_id": next(self._message_ids),
            "date": int(datetime.now(UTC).timestamp()),
            "chat": chat,
            "from": self.user(),
            **content,
        }

    async def push(self, update: dict[str, Any]) -> list[Call]:
        """Process one update through the application; return the requests it caused."""
        self.api.take()
        data = {"update_id": next(_update_ids), **update}
        await self.app.process_update(Update.de_json(data, self.app.bot))
        return self.api.take()

    async def send(self, text: str) -> list[Call]:
        """Send a text message (a command when it starts with /)."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0])
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return await self.push({"message": self._message(**content)})

    async def send_photo(
        self, file_id: str, caption: str | None = None, album: str | None = None
    ) -> list[Call]:
        """Send a photo, with a caption or as part of an album."""
        sizes = [
            {
                "file_id": f"{file_id}-small",
                "file_unique_id": f"{file_id}s",
                "width": 90,
                "height": 90,
            },
            {"file_id": file_id, "file_unique_id": f"{file_id}u", "width": 1280, "height": 960},
        ]
        content: dict[str, Any] = {"photo": sizes}
        if caption is not None:
            content["caption"] = caption
        if album is not None:
            content["media_group_id"] = album
        return await self.push({"message": self._message(**content)})

    async def send_content(self, **content: Any) -> list[Call]:
        """Send any other kind of message (voice, sticker, location...)."""
        return await self.push({"message": self._message(**content)})

    async def edit(self, message_id: int, text: str) -> list[Call]:
        """Edit one of this person's earlier messages."""
        message = self._message(text=text)
        message["message_id"] = message_id
        message["edit_date"] = message["date"]
        return await self.push({"edited_message": message})

    async def edit_content(self, message_id: int, **content: Any) -> list[Call]:
        """Edit one of this person's earlier messages that was not a text (a caption)."""
        message = self._message(**content)
        message["message_id"] = message_id
        message["edit_date"] = message["date"]
        return await self.push({"edited_message": message})

    async def reply_to(
        self, message_id: int, text: str | None = None, **content: Any
    ) -> list[Call]:
        """Reply (Telegram's "reply") to a message of the bot in this chat."""
        original = self.api.messages.get((self.chat, message_id))
        replied: dict[str, Any] = {
            "message_id": message_id,
            "date": int(datetime.now(UTC).timestamp()),
            "chat": _chat(self.chat),
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Hòm thư góp ý"},
            "text": original.text if original else "…",
        }
        if text is not None:
            content["text"] = text
            if text.startswith("/"):
                length = len(text.split()[0])
                content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        message = self._message(**content)
        message["reply_to_message"] = replied
        return await self.push({"message": message})

    async def press(self, label: str) -> list[Call]:
        """Press the newest button whose label contains ``label``."""
        message, data = self.api.button(self.chat, label)
        return await self.press_data(data, message.message_id)

    async def press_data(self, data: str, message_id: int = 1) -> list[Call]:
        """Press a button with this exact callback data on message ``message_id``."""
        message = self.api.messages.get((self.chat, message_id))
        return await self.push(
            {
                "callback_query": {
                    "id": str(next(_update_ids)),
                    "from": self.user(),
                    "chat_instance": f"ci{self.chat}",
                    "data": data,
                    "message": {
                        "message_id": message_id,
                        "date": int(datetime.now(UTC).timestamp()),
                        "chat": _chat(self.chat),
                        "from": {"id": BOT_ID, "is_bot": True, "first_name": "Hòm thư góp ý"},
                        "text": message.text if message else "…",
                    },
                }
            }
        )


UNIT_NAME = "Thị trấn Cam Lộ"
# Who runs the box, as residents read it in each language (bot.render.paperwork.committee_name).
COMMITTEE_VI = "Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn Cam Lộ"
COMMITTEE_EN = "Vietnam Fatherland Front Committee of Cam Lộ Town"


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for a test: a temporary database and a fixed secret.

    ``overrides`` name fields of Settings or of its Committee alike (``staff_thread_id=77``,
    ``undo_seconds=5``), as the environment names them all alike.
    """
    committee_fields = {f.name for f in dataclasses.fields(Committee)}
    committee: dict[str, Any] = {
        "staff_chat_id": STAFF_CHAT_ID,
        "admin_ids": frozenset({ADMIN_ID}),
        "unit_name": UNIT_NAME,
    }
    values: dict[str, Any] = {
        "token": BotToken("123456789:" + "A" * 35),
        "database_path": tmp_path / "data" / "homthu.sqlite3",
        "secret_key": "s" * 40,
    }
    for name, value in overrides.items():
        (committee if name in committee_fields else values)[name] = value
    return Settings(committee=Committee(**committee), **values)


@asynccontextmanager
async def running_bot(
    settings: Settings,
    api: RecordingBotAPI,
    clock: FrozenClock,
    rate_limiter: BaseRateLimiter[Any] | None = None,
) -> AsyncIterator[HomThuApplication]:
    """The application as ``python -m bot`` runs it, minus polling; shut down on exit.

    ``rate_limiter`` replaces PTB's AIORateLimiter, for tests that push many updates.
    """
    application = build_application(
        settings,
        request=api,
        clock=clock,
        deliver_in_background=False,
        rate_limiter=rate_limiter,
    )
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)
    try:
        yield application
    finally:
        await application.shutdown()
        assert application.post_shutdown is not None
        await application.post_shutdown(application)


def drafts_on_disk(app: HomThuApplication) -> dict[int, dict[str, Any]]:
    """The drafts in the database file, opened with the bot's key: user id → draft data.

    Read as another process would; a row that does not open under the key fails the test.
    """
    import sqlite3

    anonymizer = app.bot_data.anonymizer
    with sqlite3.connect(app.bot_data.database.path) as conn:
        rows = list(conn.execute("SELECT resident_key, sealed FROM resident_drafts"))
    drafts = {}
    for key, sealed in rows:
        record = anonymizer.open_record(f"draft {key}", bytes(sealed))
        assert record is not None, f"draft {key} does not open under the bot's key"
        assert anonymizer.resident_key(record["user_id"]) == key
        drafts[int(record["user_id"])] = record["data"]
    return drafts
