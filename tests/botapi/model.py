"""What the local Bot API keeps: requests, the bot's messages, files, and injected faults."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal


class ApiError(Exception):
    """A Bot API error answer: ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(
        self, code: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(f"{code} {description}")
        self.code = code
        self.description = description
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        """The JSON answer Telegram gives."""
        data: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            data["parameters"] = self.parameters
        return data


def bad_request(reason: str) -> ApiError:
    """A 400 the way Telegram words it."""
    return ApiError(400, f"Bad Request: {reason}")


@dataclass(frozen=True)
class Upload:
    """A file the bot uploaded in a multipart request."""

    field: str
    file_name: str
    content: bytes
    mime_type: str


@dataclass
class Request:
    """One request the bot made, with what the server answered."""

    seq: int
    method: str
    params: dict[str, Any]
    uploads: list[Upload] = field(default_factory=list)
    status: int = 0  # 0 while unanswered, or when the connection was dropped
    answer: dict[str, Any] | None = None
    fault: str | None = None

    @property
    def chat_id(self) -> int | str | None:
        """The chat the request is about, if any."""
        value = self.params.get("chat_id")
        return value if isinstance(value, int | str) else None

    @property
    def text(self) -> str:
        """The text or caption the request carried."""
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def ok(self) -> bool:
        """True when the server answered ``ok``."""
        return bool(self.answer and self.answer.get("ok"))

    def dump(self) -> bytes:
        """Everything the request carried, as bytes: parameters as JSON, then uploads."""
        text = json.dumps(self.params, ensure_ascii=False, default=str).encode()
        return text + b"".join(u.file_name.encode() + u.content for u in self.uploads)


@dataclass
class StoredFile:
    """A file Telegram knows by file id: uploaded by the bot or sent by a user."""

    file_id: str
    file_unique_id: str
    kind: str  # photo, document, sticker, voice...
    content: bytes
    file_name: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0


@dataclass
class BotMessage:
    """A message the bot has in a chat, as it stands after edits and deletions."""

    chat_id: int
    message_id: int
    data: dict[str, Any]  # the Message object, as Telegram returns it
    method: str
    html: str | None  # the text or caption as sent, before parsing
    uploads: list[Upload] = field(default_factory=list)
    seq: int = 0  # when it was last sent, edited or deleted
    edits: int = 0
    deleted: bool = False

    @property
    def text(self) -> str:
        """The text or caption as the user reads it (markup parsed)."""
        return str(self.data.get("text") or self.data.get("caption") or "")

    @property
    def markup(self) -> str:
        """The text or caption as the bot sent it (HTML), or the plain text."""
        return self.html if self.html is not None else self.text

    @property
    def buttons(self) -> list[list[str]]:
        """Inline keyboard labels, row by row."""
        keyboard = (self.data.get("reply_markup") or {}).get("inline_keyboard", [])
        return [[button["text"] for button in row] for row in keyboard]

    @property
    def labels(self) -> list[str]:
        """Every inline button label."""
        return [label for row in self.buttons for label in row]

    def button_data(self, label: str) -> str | None:
        """The callback data of the first button whose label contains ``label``."""
        keyboard = (self.data.get("reply_markup") or {}).get("inline_keyboard", [])
        for row in keyboard:
            for button in row:
                if label in button["text"] and "callback_data" in button:
                    return str(button["callback_data"])
        return None

    @property
    def photo_file_id(self) -> str | None:
        """The largest size's file id when the message is a photo."""
        sizes = self.data.get("photo") or []
        return str(sizes[-1]["file_id"]) if sizes else None

    @property
    def document(self) -> dict[str, Any] | None:
        """The document of the message, if any."""
        document = self.data.get("document")
        return dict(document) if document else None

    def upload(self, field_name: str | None = None) -> Upload:
        """The one upload of this message (or the one in ``field_name``)."""
        matching = [u for u in self.uploads if field_name in (None, u.field)]
        assert len(matching) == 1, [u.field for u in self.uploads]
        return matching[0]

    def __repr__(self) -> str:
        kind = self.method.removeprefix("send")
        return f"<{kind} #{self.message_id} in {self.chat_id}: {self.text[:80]!r} {self.buttons}>"


FaultKind = Literal["status", "delay", "drop"]


@dataclass(frozen=True)
class Fault:
    """What to do instead of (or before) answering a request."""

    kind: FaultKind
    status: int = 500
    description: str = ""
    retry_after: int | None = None
    seconds: float = 0.0

    @classmethod
    def server_error(cls, status: int = 502, description: str = "Bad Gateway") -> Fault:
        """A 5xx answer, as when Telegram's front end cannot reach its back end."""
        return cls("status", status=status, description=description)

    @classmethod
    def flood(cls, retry_after: int = 1) -> Fault:
        """429 Too Many Requests with ``parameters.retry_after``."""
        return cls(
            "status",
            status=429,
            description=f"Too Many Requests: retry after {retry_after}",
            retry_after=retry_after,
        )

    @classmethod
    def error(cls, status: int, description: str) -> Fault:
        """Any other error answer, e.g. 403 "Forbidden: bot was blocked by the user"."""
        return cls("status", status=status, description=description)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Answer normally, ``seconds`` late."""
        return cls("delay", seconds=seconds)

    @classmethod
    def drop(cls) -> Fault:
        """Close the connection without answering."""
        return cls("drop")

    def api_error(self) -> ApiError:
        """The error answer of a status fault."""
        parameters = {"retry_after": self.retry_after} if self.retry_after is not None else None
        return ApiError(self.status, self.description, parameters)


@dataclass
class FaultRule:
    """A fault for the next ``remaining`` calls of a method (in one chat, or in any)."""

    method: str
    fault: Fault
    remaining: int | None  # None: until cleared
    chat_id: int | None = None
    hits: int = 0

    def matches(self, method: str, chat_id: object) -> bool:
        """True when this rule applies to a call of ``method`` about ``chat_id``."""
        if self.remaining == 0 or self.method.lower() != method.lower():
            return False
        return self.chat_id is None or self.chat_id == chat_id
