"""People who talk to the bot through the local Bot API: residents, officers, admins.

Each action queues the update Telegram would send and returns at once; what the bot
answers is read with ``wait_for``, which looks only at what the bot sent or changed in
this person's chat since their last action.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tests.botapi.model import BotMessage

if TYPE_CHECKING:
    from tests.botapi.server import BotAPIServer

_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?=\s|$)")
Predicate = Callable[[BotMessage], object]


def png(width: int = 64, height: int = 48, color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small real PNG, for photos people send."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


class Person:
    """A Telegram user speaking in one chat: their private chat with the bot, or a group."""

    def __init__(self, server: BotAPIServer, user: dict[str, Any], chat: dict[str, Any]) -> None:
        self.server = server
        self.user = user
        self.chat = chat
        self.mark = server.seq
        self.last_query_id: str | None = None

    @property
    def id(self) -> int:
        """The Telegram user id."""
        return int(self.user["id"])

    @property
    def chat_id(self) -> int:
        """Where this person speaks."""
        return int(self.chat["id"])

    @property
    def identity(self) -> list[str]:
        """Everything that identifies this person: id, username, first and last name."""
        values = [str(self.id), str(self.user["first_name"])]
        for key in ("last_name", "username"):
            if self.user.get(key):
                values.append(str(self.user[key]))
        return values

    # --- Acting ---------------------------------------------------------------------------

    def _message(self, **content: Any) -> dict[str, Any]:
        return {
            "message_id": self.server.next_message_id(self.chat_id),
            "from": dict(self.user),
            "chat": dict(self.chat),
            "date": int(time.time()),
            **content,
        }

    def _send(self, message: dict[str, Any], kind: str = "message") -> dict[str, Any]:
        self.mark = self.server.seq
        self.server.deliver_message(message, kind)
        return message

    def say(self, text: str, **extra: Any) -> dict[str, Any]:
        """Send a text; a leading ``/command`` carries a bot_command entity, as in Telegram."""
        content: dict[str, Any] = {"text": text, **extra}
        command = _COMMAND.match(text)
        if command:
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": command.end()}]
        return self._send(self._message(**content))

    def send_photo(
        self, content: bytes | None = None, caption: str | None = None, album: str | None = None
    ) -> dict[str, Any]:
        """Send a photo (a real PNG unless given), with a caption or as part of an album."""
        message: dict[str, Any] = {"photo": self.server.photo_sizes(content or png())}
        if caption is not None:
            message["caption"] = caption
        if album is not None:
            message["media_group_id"] = album
        return self._send(self._message(**message))

    def send(self, **content: Any) -> dict[str, Any]:
        """Send any other kind of message: ``send(location={...})``."""
        return self._send(self._message(**content))

    def send_sticker(self) -> dict[str, Any]:
        """Send a sticker."""
        stored = self.server.register_file("sticker", b"RIFF....WEBP")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return self.send(sticker=sticker)

    def send_voice(self, seconds: int = 3) -> dict[str, Any]:
        """Send a voice message."""
        stored = self.server.register_file("voice", b"OggS....")
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": seconds,
        }
        return self.send(voice=voice)

    def send_document(
        self,
        content: bytes = b"%PDF-1.4",
        name: str = "don.pdf",
        *,
        mime_type: str | None = None,
        caption: str | None = None,
    ) -> dict[str, Any]:
        """Send a file (an image sent as a file: with its ``image/...`` mime type), byte for
        byte, as Telegram passes a document on; the bot may fetch it with getFile."""
        stored = self.server.register_file(
            "document", content, file_name=name, mime_type=mime_type
        )
        document: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": name,
            "file_size": len(content),
        }
        if mime_type is not None:
            document["mime_type"] = mime_type
        message: dict[str, Any] = {"document": document}
        if caption is not None:
            message["caption"] = caption
        return self.send(**message)

    def send_location(self, latitude: float = 16.80, longitude: float = 107.00) -> dict[str, Any]:
        """Share a location."""
        return self.send(location={"latitude": latitude, "longitude": longitude})

    def send_contact(self, phone: str = "+84900000000") -> dict[str, Any]:
        """Share a contact."""
        return self.send(contact={"phone_number": phone, "first_name": self.user["first_name"]})

    def reply_to(self, message: BotMessage | dict[str, Any], text: str) -> dict[str, Any]:
        """Answer a message with Telegram's "reply"."""
        data = message.data if isinstance(message, BotMessage) else message
        replied = {k: v for k, v in data.items() if k != "reply_to_message"}
        content: dict[str, Any] = {"text": text, "reply_to_message": replied}
        command = _COMMAND.match(text)
        if command:
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": command.end()}]
        return self._send(self._message(**content))

    def edit(self, message: dict[str, Any], text: str) -> dict[str, Any]:
        """Edit one of this person's earlier messages."""
        edited = {**message, "text": text, "edit_date": int(time.time())}
        return self._send(edited, "edited_message")

    def press(self, label: str) -> str:
        """Press the newest button in this chat whose label contains ``label``."""
        message, data = self.server.newest_button(self.chat_id, label)
        return self.press_data(data, message)

    def press_data(self, data: str, message: BotMessage) -> str:
        """Press a button with this callback data on ``message``; returns the query id."""
        self.mark = self.server.seq
        query_id = self.server.new_query_id()
        query = {
            "id": query_id,
            "from": dict(self.user),
            "message": dict(message.data),
            "chat_instance": str((self.chat_id * 2654435761) % 2**63),
            "data": data,
        }
        self.server.push("callback_query", query)
        self.last_query_id = query_id
        return query_id

    # --- Reading ----------------------------------------------------------------------------

    def messages(self) -> list[BotMessage]:
        """What the bot has in this person's chat, oldest first."""
        return self.server.messages(self.chat_id)

    async def wait_for(
        self,
        expected: str | Predicate,
        *,
        timeout: float = 10.0,  # noqa: ASYNC109 - the tests' own deadline, in seconds
    ) -> BotMessage:
        """The first message the bot sent or changed here since this person's last action
        that contains ``expected`` (or matches it, when it is a predicate)."""
        predicate: Predicate = (
            (lambda message: expected in message.text) if isinstance(expected, str) else expected
        )
        return await self.server.wait_for(
            self.chat_id, predicate, timeout=timeout, after=self.mark
        )

    async def answer_to(
        self,
        query_id: str | None = None,
        *,
        timeout: float = 10.0,  # noqa: ASYNC109 - the tests' own deadline, in seconds
    ) -> dict[str, Any]:
        """The bot's answerCallbackQuery for a press (the last one by default)."""
        wanted = query_id or self.last_query_id
        assert wanted is not None, "nothing was pressed"

        def answered() -> dict[str, Any] | None:
            return self.server.callback_answers.get(wanted)

        return await self.server.wait_until(
            answered, timeout=timeout, describe=f"an answer to callback query {wanted}"
        )
