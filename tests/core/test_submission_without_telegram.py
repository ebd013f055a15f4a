"""A whole submission through the core, played by a channel that is not Telegram (issue 20).

``FormChannel`` is what a web form would be, reduced to its bones: it keeps one resident's
draft between requests, calls ``core.intake`` for every step and records what it would show.
It imports nothing of the bot, and the test runs against a real SQLite database, so what
it proves is that the intake's decisions need neither PTB nor the bot's handlers.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core import intake
from core.intake import Intake
from core.rules.draft import Draft
from core.rules.personal_data import PersonalData
from core.rules.ratelimit import SlidingWindowLimit
from storage import Database, Topic, open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SESSION = "web-session-7a41c9"  # what a form knows its visitor by; never stored


class FormChannel:
    """A second way in: one visitor's draft kept between requests, the core called for
    each step, and each result recorded as what the page would show."""

    def __init__(self, core: Intake, session: str) -> None:
        self.core = core
        # The keyed hash a channel makes of its own id for a resident (the bot uses the
        # Anonymizer); the core only ever sees this.
        self.resident = hashlib.blake2b(session.encode(), key=b"form-secret").hexdigest()
        self.draft: Draft | None = None
        self.shown: list[object] = []

    async def open_link(self, area_code: str) -> None:
        started = await self.core.start(area_code)
        self.shown.append(started)
        if isinstance(started, intake.Started):
            self.draft = started.draft

    async def choose_topic(self, topic_id: int) -> None:
        assert self.draft is not None
        self.shown.append(await self.core.choose_topic(self.draft, topic_id, "vi"))

    def write(self, text: str) -> None:
        assert self.draft is not None
        self.shown.append(self.core.add_text(self.draft, text))

    def attach_photo(self, reference: str) -> None:
        assert self.draft is not None
        self.shown.append(self.core.add_photo(self.draft, reference, None))

    def pin_location(self, latitude: float, longitude: float) -> None:
        assert self.draft is not None
        self.shown.append(self.core.set_location(self.draft, latitude, longitude))

    def review(self) -> None:
        assert self.draft is not None
        self.shown.append(self.core.preview(self.draft))

    async def send(self) -> None:
        assert self.draft is not None
        sending = await self.core.submit(self.draft, self.resident, self.draft.submission)
        self.shown.append(sending)
        if isinstance(sending, intake.Sent):
            self.draft = None  # the form starts afresh; the receipt stays on the page


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    async with open_database(tmp_path / "homthu.sqlite3", clock=lambda: NOW) as db:
        await db.areas.add("kp3", "Khu phố 3")
        yield db


def form_on(database: Database) -> FormChannel:
    """A form over a core on ``database``: both tests send through the same limits."""
    core = Intake(
        database,
        feedback_limit=SlidingWindowLimit(10, clock=NOW.timestamp),
        idle_limit=timedelta(hours=24),
        clock=lambda: NOW,
    )
    return FormChannel(core, SESSION)


async def test_a_whole_submission_through_the_core_without_telegram(
    database: Database, tmp_path: Path
) -> None:
    form = form_on(database)

    await form.open_link("kp3")
    await form.choose_topic(8)
    form.write("Đèn đường ngõ 5 hỏng ba hôm nay.")
    form.write("Có gì gọi tôi 0912 345 678")
    form.attach_photo("photo-ref-1")
    form.pin_location(10.7769, 106.7009)
    form.review()
    await form.send()

    started, topic, text, phone, photo, location, review, sent = form.shown
    assert isinstance(started, intake.Started)
    assert started.area.name == "Khu phố 3"
    assert isinstance(topic, Topic)
    assert topic.id == 8
    assert text == intake.Accepted()
    assert phone == intake.Accepted()
    assert photo == intake.Accepted()  # four photos still fit: no count worth showing
    assert location == intake.LocationKept(replaced=False)
    assert isinstance(review, intake.Preview)
    assert review.personal_data == (PersonalData.PHONE,)
    assert not review.complaint
    assert isinstance(sent, intake.Sent)
    assert sent.created

    # What the database holds: the feedback, as written, under its area and topic.
    rows = await _rows(database, "SELECT code, body, area_id, topic_id, latitude FROM feedback")
    assert len(rows) == 1
    code, body, area_id, topic_id, latitude = rows[0]
    assert code == sent.code  # the receipt's code is the stored one
    assert body == "Đèn đường ngõ 5 hỏng ba hôm nay.\n\nCó gì gọi tôi 0912 345 678"
    assert (area_id, topic_id, latitude) == (started.area.id, 8, 10.7769)
    photos = await _rows(database, "SELECT file_id FROM feedback_photos")
    assert photos == [("photo-ref-1",)]
    # The staff group is told through the outbox, as for a feedback sent from Telegram.
    assert await _rows(database, "SELECT kind FROM outbox") == [("notify_staff",)]

    # Nothing that knows the resident reached a file: neither the form's id for them nor
    # the key the core was given.
    await database.close()
    assert files_holding(tmp_path, SESSION) == []
    assert files_holding(tmp_path, form.resident) == []


async def test_sending_the_same_draft_again_gives_the_same_code(database: Database) -> None:
    form = form_on(database)
    await form.open_link("kp3")
    await form.choose_topic(2)
    form.write("Rác chưa được thu gom.")
    draft = form.draft
    await form.send()
    assert draft is not None
    again = await form.core.submit(draft, form.resident, draft.submission)  # a double submit
    first = form.shown[-1]
    assert isinstance(first, intake.Sent)
    assert isinstance(again, intake.Sent)
    assert (again.code, again.created) == (first.code, False)
    assert await _rows(database, "SELECT COUNT(*) FROM feedback") == [(1,)]


def test_this_test_imports_no_channel_library() -> None:
    """The adapter above is honest: this file imports nothing of Telegram nor of the bot."""
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    }
    assert not imported & {"telegram", "bot", "aiohttp"}, imported


async def _rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    """Rows of ``sql``, read as any other reader of the database would."""
    async with database.reading() as conn:
        cursor = await conn.execute(sql)
        return [tuple(row) for row in await cursor.fetchall()]


def files_holding(folder: Path, needle: str) -> list[str]:
    """The files in ``folder`` (database, WAL...) whose bytes contain ``needle``."""
    return [f.name for f in folder.iterdir() if needle.encode() in f.read_bytes()]
