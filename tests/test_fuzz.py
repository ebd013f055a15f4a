"""Bad input at scale: thousands of random updates through the application, in process.

Random texts in any Unicode, random commands and arguments, random callback data, every
kind of content, from residents, the staff group and strangers' groups, with duplicate and
out-of-order update ids, and time jumping forward. Telegram's own rules are applied to
what the bot sends (HTML that Telegram can parse, lengths, button data, one answer per
callback query, edits of messages that exist), as Telegram would refuse the rest.

The properties: no update makes a handler fail (nothing reaches PTB's error handlers and
nothing is logged at ERROR), every private message and button press gets an answer, and
nothing at all is sent to a stranger's group.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import sqlite3
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update

from bot.handlers.general import sweep_idle_drafts
from bot.ptb.context import HomThuApplication, HomThuContext
from tests.botapi.rules import NoRateLimit, TelegramRulesAPI
from tests.support import (
    ADMIN_ID,
    STAFF_CHAT_ID,
    FrozenClock,
    Person,
    make_settings,
    running_bot,
)

RESIDENTS = [987654321, 123456789, 5550001, ADMIN_ID]
OFFICERS = [5001, 5002, ADMIN_ID]
STRANGER_GROUPS = [-100999000111, -1002223334444]
# What counts as answering a person: a message, an edit, a toast, or the file asked for (/export).
ANSWERS = frozenset({"sendMessage", "editMessageText", "answerCallbackQuery", "sendDocument"})
COMMON_COMMANDS = [
    "start",
    "help",
    "status",
    "language",
    "cancel",
    "areas",
    "addarea",
    "renamearea",
    "closearea",
    "openarea",
    "topics",
    "addtopic",
    "renametopic",
    "closetopic",
    "opentopic",
    "show",
    "stats",
    "open",
    "note",
    "whatever",
    "Start",
    "start@homthu_test_bot",
    "start@some_other_bot",
]
SLOW_COMMANDS = ["qr", "digest", "export"]  # they draw images and files: rarely
ARGUMENTS = [
    "kp3",
    "thon-tan-dinh",
    "kp9",
    "kp404",
    "KP3",
    "a" * 33,
    "<b>x</b>",
    "vi",
    "en",
    "1",
    "2",
    "11",
    "0",
    "-1",
    "99999999999999999999",
    "AB-12345678",
    "ab12345678",
    "7",
    "30",
    "Khu phố 3",
    "&amp;",
]
CALLBACK_DATA = [
    "area:kp3",
    "area:thon-tan-dinh",
    "area:kp9",
    "area:",
    "topic:1",
    "topic:2",
    "topic:11",
    "topic:999",
    "topic:abc",
    "draft:preview",
    "draft:send",
    "draft:edit",
    "draft:cancel",
    "draft:cancel:yes",
    "draft:cancel:no",
    "draft:replies",
    "restart:yes",
    "restart:no",
    "lang:vi",
    "lang:en",
    "lang:xx",
    "st:1:resolved",
    "st:1:in_progress",
    "st:2:rejected",
    "st:999999:received",
    "st:1:bogus",
]
# What Telegram refused during the run (and the bot took in its stride), for the record.
REFUSED: Counter[str] = Counter()
STATUSES = ["new", "received", "in_progress", "forwarded", "resolved", "rejected"]


# --- What a random update is ----------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """One thing that happens: someone sends something somewhere, or time passes."""

    where: str  # private, staff, stranger, clock
    who: int
    kind: str
    content: Any
    id_mode: str  # next, duplicate, earlier
    pick: int  # chooses an existing message (to press a button on, to reply to)


def _no_blank(text: str) -> bool:
    return bool(text.strip())


commands = st.builds(
    lambda name, args: " ".join([f"/{name}", *args]),
    st.sampled_from(COMMON_COMMANDS * 6 + SLOW_COMMANDS),
    st.lists(
        st.one_of(
            st.sampled_from(ARGUMENTS),
            st.text(st.characters(blacklist_categories=("Z", "C")), min_size=1, max_size=24),
        ),
        max_size=4,
    ),
)
texts = st.one_of(
    st.text(min_size=1, max_size=300).filter(_no_blank),
    st.sampled_from(["<b>", "</i>", "&", "a < b > c", "#note x", "/note y", "@homthu_test_bot"]),
    st.builds(lambda char, n: char * n, st.characters(min_codepoint=33), st.integers(3990, 4096)),
)
callback_data = st.one_of(
    st.sampled_from(CALLBACK_DATA),
    st.builds(lambda n, status: f"st:{n}:{status}", st.integers(0, 12), st.sampled_from(STATUSES)),
    st.text(min_size=1, max_size=64).filter(lambda d: 1 <= len(d.encode()) <= 64),
)
contents = st.one_of(
    st.tuples(st.just("text"), texts),
    st.tuples(st.just("command"), commands),
    st.tuples(st.just("callback"), callback_data),
    st.tuples(
        st.just("photo"),
        st.tuples(
            st.one_of(st.none(), texts), st.sampled_from([None, None, "album-1", "album-2"])
        ),
    ),
    st.tuples(
        st.sampled_from(
            [
                "sticker",
                "voice",
                "location",
                "contact",
                "document",
                "video",
                "video_note",
                "animation",
                "audio",
                "venue",
                "dice",
            ]
        ),
        st.none(),
    ),
    st.tuples(st.just("edit"), texts),
    st.tuples(st.just("reply"), st.one_of(texts, commands)),
    st.tuples(st.just("story"), st.tuples(texts, st.booleans(), st.booleans())),
)
events = st.one_of(
    st.builds(
        Event,
        where=st.sampled_from(["private"] * 6 + ["staff"] * 2 + ["stranger"]),
        who=st.integers(0, 3),
        kind=st.just(""),
        content=contents,
        id_mode=st.sampled_from(["next"] * 8 + ["duplicate", "earlier"]),
        pick=st.integers(0, 1000),
    ),
    st.builds(
        Event,
        where=st.just("clock"),
        who=st.just(0),
        kind=st.sampled_from(["advance", "sweep"]),
        content=st.integers(1, 45),
        id_mode=st.just("next"),
        pick=st.just(0),
    ),
)


# --- Turning an event into a Telegram update ------------------------------------------


def _sizes(file_id: str) -> list[dict[str, Any]]:
    return [
        {"file_id": f"{file_id}-s", "file_unique_id": f"{file_id}s", "width": 90, "height": 90},
        {"file_id": file_id, "file_unique_id": f"{file_id}u", "width": 1280, "height": 960},
    ]


def _file(kind: str, n: int) -> dict[str, Any]:
    return {"file_id": f"{kind}-{n}", "file_unique_id": f"{kind}u{n}"}


OTHER_CONTENT: dict[str, Any] = {
    "sticker": lambda n: {
        **_file("sticker", n),
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    },
    "voice": lambda n: {**_file("voice", n), "duration": 2},
    "location": lambda n: {"latitude": 16.8, "longitude": 107.0},
    "contact": lambda n: {"phone_number": "+84900000000", "first_name": "Ai đó"},
    "document": lambda n: {**_file("doc", n), "file_name": "ho so.pdf"},
    "video": lambda n: {**_file("video", n), "width": 1, "height": 1, "duration": 1},
    "video_note": lambda n: {**_file("vnote", n), "length": 1, "duration": 1},
    "animation": lambda n: {**_file("gif", n), "width": 1, "height": 1, "duration": 1},
    "audio": lambda n: {**_file("audio", n), "duration": 1},
    "venue": lambda n: {
        "location": {"latitude": 16.8, "longitude": 107.0},
        "title": "UBND",
        "address": "Cam Lộ",
    },
    "dice": lambda n: {"emoji": "🎲", "value": 3},
}


class Fuzzer:
    """Pushes events through one running application and checks each answer."""

    def __init__(self, app: HomThuApplication, api: TelegramRulesAPI, clock: FrozenClock) -> None:
        self.app = app
        self.api = api
        self.clock = clock
        self.errors: list[tuple[object, BaseException | None]] = []
        self.update_ids = itertools.count(1)
        self.last_update_id = 0
        self.message_ids: dict[int, itertools.count[int]] = {}
        self.sent_by_people: dict[int, list[dict[str, Any]]] = {}
        self.files = itertools.count(1)
        self.pushed = 0
        app.add_error_handler(self._record_error)

    async def _record_error(self, update: object, context: HomThuContext) -> None:
        self.errors.append((update, context.error))

    def person(self, event: Event) -> Person:
        """Who acts, and where."""
        if event.where == "private":
            user, chat = RESIDENTS[event.who], None
        elif event.where == "staff":
            user, chat = OFFICERS[event.who % len(OFFICERS)], STAFF_CHAT_ID
        else:
            user, chat = 7000 + event.who, STRANGER_GROUPS[event.who % len(STRANGER_GROUPS)]
        return Person(self.app, self.api, user, "Tên", "Họ", f"user{user}", chat_id=chat)

    def _message(self, person: Person, **content: Any) -> dict[str, Any]:
        counter = self.message_ids.setdefault(person.chat, itertools.count(1))
        message = {
            "message_id": next(counter),
            "date": int(datetime.now(UTC).timestamp()),
            "chat": (
                {"id": person.chat, "type": "private", "first_name": person.first_name}
                if person.chat > 0
                else {"id": person.chat, "type": "supergroup", "title": "Nhóm"}
            ),
            "from": person.user(),
            **content,
        }
        self.sent_by_people.setdefault(person.chat, []).append(message)
        return message

    def _bot_message(self, person: Person, pick: int) -> dict[str, Any]:
        """One of the bot's messages in this chat (or one that does not exist)."""
        own = sorted(m for (chat, m) in self.api.messages if chat == person.chat)
        message_id = own[pick % len(own)] if own and pick % 5 else 1 + pick
        known = self.api.messages.get((person.chat, message_id))
        return {
            "message_id": message_id,
            "date": int(datetime.now(UTC).timestamp()),
            "chat": self._message(person)["chat"],
            "from": {"id": 7000000001, "is_bot": True, "first_name": "Hòm thư góp ý"},
            "text": known.text if known else "…",
        }

    def update_for(self, event: Event, person: Person) -> dict[str, Any]:
        """The update Telegram would send for the event."""
        kind, value = event.content
        if kind == "text":
            return {"message": self._message(person, text=value)}
        if kind in ("command", "reply"):
            content: dict[str, Any] = {"text": value}
            first = value.split(maxsplit=1)[0] if value.strip() else ""
            if first.startswith("/") and first[1:].replace("@", "").replace("_", "").isalnum():
                length = len(first.encode("utf-16-le")) // 2
                content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
            if kind == "reply":
                content["reply_to_message"] = self._bot_message(person, event.pick)
            return {"message": self._message(person, **content)}
        if kind == "photo":
            caption, album = value
            content = {"photo": _sizes(f"photo-{next(self.files)}")}
            if caption is not None:
                content["caption"] = caption
            if album is not None:
                content["media_group_id"] = album
            return {"message": self._message(person, **content)}
        if kind == "edit":
            earlier = self.sent_by_people.get(person.chat) or [self._message(person, text="x")]
            original = earlier[event.pick % len(earlier)]
            edited = {**original, "text": value, "edit_date": original["date"] + 1}
            edited.pop("photo", None)
            return {"edited_message": edited}
        if kind == "callback":
            return {
                "callback_query": {
                    "id": f"q{next(self.files)}",
                    "from": person.user(),
                    "chat_instance": f"ci{person.chat}",
                    "data": value,
                    "message": self._bot_message(person, event.pick),
                }
            }
        return {"message": self._message(person, **{kind: OTHER_CONTENT[kind](next(self.files))})}

    def _update_id(self, mode: str) -> int:
        if mode == "duplicate" and self.last_update_id:
            return self.last_update_id
        if mode == "earlier" and self.last_update_id > 1:
            return self.last_update_id // 2
        self.last_update_id = next(self.update_ids)
        return self.last_update_id

    async def run(self, event: Event) -> None:
        """Push one event (a story is several) and check what came back."""
        if event.where == "clock":
            self.clock.advance(timedelta(minutes=int(event.content)))
            if event.kind == "sweep":
                await sweep_idle_drafts(HomThuContext(self.app))
            return
        kind, value = event.content
        if kind != "story":
            await self._push(event)
            return
        # The way a real resident goes, so that random events meet drafts at every step.
        text, photo, replies = value
        steps: list[tuple[str, Any]] = [
            ("command", "/start kp3"),
            ("callback", "topic:2"),
            ("text", text),
            ("photo", (None, None)) if photo else ("text", "thêm"),
            ("callback", "draft:preview"),
        ]
        steps += [("callback", "draft:replies")] if replies else []
        for step in steps:
            await self._push(replace(event, content=step, pick=event.pick * 2 + 1))
        # Send with the preview's own button: it carries the draft's submission token.
        person = self.person(event)
        try:
            preview, send = self.api.button(person.chat, "Gửi")
        except AssertionError:
            return  # no preview came (a random event ended the draft on the way)
        own = sorted(m for (chat, m) in self.api.messages if chat == person.chat)
        # A pick that makes _bot_message choose the preview (and not a made-up message).
        pick = next(
            p for p in range(own.index(preview.message_id), 10 * len(own) + 5, len(own)) if p % 5
        )
        await self._push(replace(event, content=("callback", send), pick=pick))

    async def _push(self, event: Event) -> None:
        person = self.person(event)
        update = {"update_id": self._update_id(event.id_mode), **self.update_for(event, person)}
        self.api.take()
        await self.app.process_update(Update.de_json(update, self.app.bot))
        calls = self.api.take()
        self.pushed += 1
        assert not self.errors, f"a handler failed on {update}: {self.errors!r}"
        assert not self.api.unknown, f"the bot called unknown methods: {self.api.unknown}"
        if event.where == "private":
            answered = [c.method for c in calls if c.method in ANSWERS]
            assert answered, f"no answer to {update}; the bot called {[c.method for c in calls]}"
        if event.where == "stranger":
            assert calls == [], f"the bot spoke in a stranger's group: {calls}"


class ErrorLog(logging.Handler):
    """Every record at ERROR or above, from any logger."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep it."""
        self.records.append(record)


def test_random_updates_never_break_the_bot_and_residents_always_get_an_answer(
    tmp_path: Path,
) -> None:
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    examples = itertools.count(1)
    pushed = stored = 0

    # A fresh bot and database for every example, so a failure replays (and shrinks).
    @settings(
        max_examples=200,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(events, min_size=12, max_size=40))
    def updates_in_a_row(batch: list[Event]) -> None:
        nonlocal pushed, stored
        errors.records.clear()
        folder = tmp_path / f"example-{next(examples)}"
        updates, feedback = asyncio.run(_play(folder, batch))
        pushed, stored = pushed + updates, stored + feedback
        assert [r.getMessage() for r in errors.records] == []

    try:
        updates_in_a_row()
    finally:
        logging.getLogger().removeHandler(errors)
    print(f"fuzzed updates: {pushed}, feedback stored on the way: {stored}")
    print(f"refused by the Telegram rules and handled: {dict(REFUSED)}")
    assert pushed >= 2000
    assert stored >= 20  # the random walks reached the end of the resident's flow


async def _play(folder: Path, batch: list[Event]) -> tuple[int, int]:
    """Run the events through a new bot; return the updates pushed and feedback stored."""
    api, clock = TelegramRulesAPI(), FrozenClock()
    settings_ = make_settings(folder)
    async with running_bot(settings_, api, clock, rate_limiter=NoRateLimit()) as app:
        db = app.bot_data.database
        await db.areas.add("kp3", "Khu phố 3")
        await db.areas.add("thon-tan-dinh", "Thôn Tân Định")
        await db.areas.add("kp9", "Khu phố 9")
        await db.areas.set_open("kp9", False)
        fuzzer = Fuzzer(app, api, clock)
        for event in batch:
            await fuzzer.run(event)
    REFUSED.update(problem.split(":")[1].strip() for _, problem in api.refused)
    with sqlite3.connect(settings_.database_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (sent,) = conn.execute("SELECT COUNT(*) FROM feedback").fetchone()
    return fuzzer.pushed, int(sent)
