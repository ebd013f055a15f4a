"""Agencies, the bodies that resolve matters, and feedback forwarded to them (SPEC §5, §6)."""

from __future__ import annotations

import builtins
import logging
import sqlite3
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import aiosqlite

from core.clock import from_db, to_db
from core.errors import (
    AgencyNotFound,
    DuplicateAgency,
    InvalidAreaCode,
    InvalidName,
)
from core.models import (
    AGENCY_CARD,
    DONE,
    RECEIVED,
    STAFF_NOTICE,
    Agency,
    FeedbackStatus,
    Forward,
    Forwarded,
    StatusChange,
    clean_name,
    validate_area_code,
)
from core.rules.collation import name_key
from storage.sqlite.connection import fetch_all, fetch_one
from storage.sqlite.feedback import change_status, end_prompt, load_feedback, prompt_must_act
from storage.sqlite.outbox import enqueue

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector

log = logging.getLogger(__name__)


_AGENCY = "id, code, name, chat_id, is_open"
_FORWARD = (
    "id, feedback_id, agency_id, agency_name, forwarded_by, forwarded_at, received_at, done_at"
)


def _agency(row: tuple[object, ...]) -> Agency:
    return Agency(
        id=int(str(row[0])),
        code=str(row[1]),
        name=str(row[2]),
        chat_id=None if row[3] is None else int(str(row[3])),
        is_open=bool(row[4]),
    )


def _forward(row: tuple[object, ...]) -> Forward:
    def moment(value: object) -> datetime | None:
        return None if value is None else from_db(str(value))

    return Forward(
        id=int(str(row[0])),
        feedback_id=int(str(row[1])),
        agency_id=None if row[2] is None else int(str(row[2])),
        agency_name=str(row[3]),
        forwarded_by=str(row[4]),
        forwarded_at=from_db(str(row[5])),
        received_at=moment(row[6]),
        done_at=moment(row[7]),
    )


class AgencyRepository:
    """Queries on ``agencies`` and ``forwards``."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    async def list(self, *, include_closed: bool = True) -> builtins.list[Agency]:
        """Agencies by name in Vietnamese order, open ones only unless ``include_closed``."""
        where = "" if include_closed else "WHERE is_open = 1"
        async with self._db.reading() as conn:
            rows = await fetch_all(conn, f"SELECT {_AGENCY} FROM agencies {where}")
        agencies = [_agency(tuple(r)) for r in rows]
        return sorted(agencies, key=lambda agency: (name_key(agency.name), agency.code))

    async def get(self, code: str) -> Agency:
        """The agency with that code, open or closed; AgencyNotFound otherwise."""
        async with self._db.reading() as conn:
            return await _get(conn, "code = ?", code)

    async def by_id(self, agency_id: int) -> Agency:
        """The agency with that id."""
        async with self._db.reading() as conn:
            return await _get(conn, "id = ?", agency_id)

    async def by_chat(self, chat_id: int) -> Agency | None:
        """The agency whose group this is, if any."""
        async with self._db.reading() as conn:
            try:
                return await _get(conn, "chat_id = ?", chat_id)
            except AgencyNotFound:
                return None

    async def add(self, code: str, name: str) -> Agency:
        """A new open agency; code ``[a-z0-9_-]{1,32}``, name up to 100 characters."""
        if not validate_area_code(code):
            raise InvalidAreaCode(code)
        cleaned = clean_name(name)
        if cleaned is None:
            raise InvalidName(name)
        async with self._db.transaction() as conn:
            try:
                cursor = await conn.execute(
                    "INSERT INTO agencies (code, name, created_at) VALUES (?, ?, ?)",
                    (code, cleaned, to_db(self._db.clock())),
                )
            except sqlite3.IntegrityError:
                raise DuplicateAgency(code) from None
            assert cursor.lastrowid is not None
            return await _get(conn, "id = ?", cursor.lastrowid)

    async def set_group(self, code: str, chat_id: int | None) -> Agency:
        """The agency's Telegram group (None: no group; forwarding then makes a slip)."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE agencies SET chat_id = ? WHERE code = ?", (chat_id, code)
            )
            if cursor.rowcount == 0:
                raise AgencyNotFound(code)
            return await _get(conn, "code = ?", code)

    async def set_open(self, code: str, is_open: bool) -> Agency:
        """Stop or resume offering the agency for forwarding; past forwards are kept."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE agencies SET is_open = ? WHERE code = ?", (int(is_open), code)
            )
            if cursor.rowcount == 0:
                raise AgencyNotFound(code)
            return await _get(conn, "code = ?", code)

    # --- forwarding ---------------------------------------------------------------------------

    async def forward(
        self,
        feedback_id: int,
        by: str,
        *,
        agency_id: int | None = None,
        name: str | None = None,
        notice_delay: timedelta,
        prompt: tuple[int, int] | None = None,
    ) -> Forwarded:
        """Forward a feedback to an open agency of the list, or to a body named by staff.

        In one transaction: the status (forwarded, naming the agency; the resident's notice
        waits ``notice_delay``), the forward, and the card for the agency's group if it has
        one, which waits ``notice_delay`` too. ``prompt``: the (chat, message) of the
        prompt this answers: PromptClosed or PromptOutdated when it no longer acts; it is
        closed with the forward.
        """
        moment = self._db.clock()
        async with self._db.transaction() as conn:
            if prompt is not None:
                await prompt_must_act(conn, prompt)
            agency = None
            if agency_id is not None:
                agency = await _get(conn, "id = ?", agency_id)
                if not agency.is_open:
                    raise AgencyNotFound(agency.code)
                name = agency.name
            cleaned = clean_name(name or "")
            if cleaned is None:
                raise InvalidName(name or "")
            change = StatusChange(FeedbackStatus.FORWARDED, by, moment, None, cleaned)
            await change_status(conn, feedback_id, change, notice_delay)
            if prompt is not None:
                await end_prompt(conn, prompt)
            cursor = await conn.execute(
                "INSERT INTO forwards (feedback_id, agency_id, agency_name, forwarded_by,"
                " forwarded_at) VALUES (?, ?, ?, ?, ?)",
                (feedback_id, agency_id, cleaned, by, to_db(moment)),
            )
            forward_id = cursor.lastrowid
            assert forward_id is not None
            if agency is not None and agency.chat_id is not None:
                # Posted once the undo window is over; a status change before recalls it.
                await enqueue(
                    conn,
                    AGENCY_CARD,
                    moment + notice_delay,
                    feedback_id=feedback_id,
                    payload={"forward_id": forward_id, "chat_id": agency.chat_id},
                )
            forward = await _get_forward(conn, forward_id)
            feedback = await load_feedback(conn, "f.id = ?", feedback_id, moment)
        log.info("feedback forwarded code=%s agency=%s", feedback.code, agency_id)
        return Forwarded(feedback, forward, agency)

    async def forward_record(self, forward_id: int) -> Forward:
        """One forward."""
        async with self._db.reading() as conn:
            return await _get_forward(conn, forward_id)

    async def forwards_of(self, feedback_id: int) -> builtins.list[Forward]:
        """Every forward of a feedback, oldest first."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                f"SELECT {_FORWARD} FROM forwards WHERE feedback_id = ? ORDER BY id",
                (feedback_id,),
            )
        return [_forward(tuple(r)) for r in rows]

    async def agency_says(
        self, forward_id: int, what: str, *, agency_name: str
    ) -> tuple[Forward, bool]:
        """The agency's group pressed "received" or "done"; tell the staff group once.

        Returns the forward and whether this was news (a second press changes nothing).
        """
        column = {RECEIVED: "received_at", DONE: "done_at"}[what]
        moment = self._db.clock()
        async with self._db.transaction() as conn:
            forward = await _get_forward(conn, forward_id)
            cursor = await conn.execute(
                f"UPDATE forwards SET {column} = ? WHERE id = ? AND {column} IS NULL",
                (to_db(moment), forward_id),
            )
            news = cursor.rowcount > 0
            if news:
                await enqueue(
                    conn,
                    STAFF_NOTICE,
                    moment,
                    feedback_id=forward.feedback_id,
                    payload={"notice": f"agency_{what}", "agency": agency_name},
                )
            forward = await _get_forward(conn, forward_id)
        return forward, news


async def _get(conn: aiosqlite.Connection, where: str, value: object) -> Agency:
    row = await fetch_one(conn, f"SELECT {_AGENCY} FROM agencies WHERE {where}", (value,))
    if row is None:
        raise AgencyNotFound(str(value))
    return _agency(tuple(row))


async def _get_forward(conn: aiosqlite.Connection, forward_id: int) -> Forward:
    row = await fetch_one(conn, f"SELECT {_FORWARD} FROM forwards WHERE id = ?", (forward_id,))
    if row is None:
        raise AgencyNotFound(f"forward {forward_id}")
    return _forward(tuple(row))
