"""The dialogue about a feedback (SPEC §3.6, §3.10, §5 Answer): what staff propose and send,
what the resident adds, how they rate the outcome, and the answer templates.

Nothing reaches a resident from here without a decision: a proposal becomes a response
only with ``decide(..., SEND)``, and even then goes out only once its undo window is over
(its outbox rows wait until ``published_at``); ``withdraw`` within the window deletes them.
"""

from __future__ import annotations

import builtins
import json
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import aiosqlite

from core.clock import from_db, to_db
from core.errors import (
    AnsweredMeanwhile,
    ClosedMeanwhile,
    FeedbackNotFound,
    InvalidName,
    NotResolved,
    ProposalChanged,
    ProposalDecided,
    ProposalExpired,
    TooLate,
)
from core.models import (
    DISSATISFIED_NOTICE,
    MAX_TEMPLATE_LENGTH,
    PROPOSAL_LIFETIME,
    RESIDENT_REPLY,
    STAFF_ADDITION,
    STAFF_NOTICE,
    STAFF_PUBLISHED,
    AdditionKind,
    AnswerTemplate,
    Choice,
    Decision,
    EarlierAnswer,
    Feedback,
    FeedbackStatus,
    Proposal,
    ProposalKind,
    ProposalState,
    Rated,
    ResponseKind,
    StatusChange,
    StoredAddition,
    Withdrawn,
)
from storage.sqlite.connection import fetch_all, fetch_one
from storage.sqlite.feedback import change_status, channels_of, load_feedback, status_and_channels
from storage.sqlite.outbox import enqueue

if TYPE_CHECKING:
    from storage.sqlite.connection import Connector

log = logging.getLogger(__name__)

# Said in the staff group when a resident is not satisfied (the bot renders it).


_PROPOSAL = (
    "p.id, p.feedback_id, f.code, p.kind, p.body, p.author, p.state, p.created_at, p.source,"
    " p.corrects, p.response_id, p.prompt_chat_id, p.prompt_message_id, p.decided_by,"
    " p.version"
)
_PROPOSAL_WIDTH = 15


def _proposal(row: tuple[object, ...]) -> Proposal:
    return Proposal(
        id=int(str(row[0])),
        feedback_id=int(str(row[1])),
        code=str(row[2]),
        kind=ProposalKind(str(row[3])),
        body=str(row[4]),
        author=str(row[5]),
        state=ProposalState(str(row[6])),
        created_at=from_db(str(row[7])),
        source=None if row[8] is None else str(row[8]),
        corrects=None if row[9] is None else int(str(row[9])),
        response_id=None if row[10] is None else int(str(row[10])),
        prompt_chat_id=None if row[11] is None else int(str(row[11])),
        prompt_message_id=None if row[12] is None else int(str(row[12])),
        decided_by=None if row[13] is None else str(row[13]),
        version=int(str(row[14])),
    )


async def _get_proposal(conn: aiosqlite.Connection, proposal_id: int) -> Proposal:
    row = await fetch_one(
        conn,
        f"SELECT {_PROPOSAL} FROM proposals p JOIN feedback f ON f.id = p.feedback_id"
        " WHERE p.id = ?",
        (proposal_id,),
    )
    if row is None:
        raise FeedbackNotFound(f"proposal {proposal_id}")
    return _proposal(tuple(row))


class DialogueRepository:
    """Proposals, sent answers and questions, additions, ratings and templates."""

    def __init__(self, database: Connector) -> None:
        self._db = database

    # --- proposals ----------------------------------------------------------------------------

    async def propose(
        self,
        feedback_id: int,
        kind: ProposalKind,
        body: str,
        author: str,
        *,
        source: str | None = None,
        corrects: int | None = None,
        reply: tuple[int, int] | None = None,
    ) -> Proposal:
        """Keep what a staff member wrote for the resident until someone decides.

        ``reply``: the chat and message id of the officer's reply it came from, so that an
        edit of that message reaches the proposal.
        """
        chat_id, message_id = reply if reply is not None else (None, None)
        async with self._db.transaction() as conn:
            await status_and_channels(conn, feedback_id)
            cursor = await conn.execute(
                "INSERT INTO proposals (feedback_id, kind, body, author, source, corrects,"
                " created_at, reply_chat_id, reply_message_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    feedback_id,
                    kind,
                    body,
                    author,
                    source,
                    corrects,
                    to_db(self._db.clock()),
                    chat_id,
                    message_id,
                ),
            )
            assert cursor.lastrowid is not None
            return await _get_proposal(conn, cursor.lastrowid)

    async def proposal(self, proposal_id: int) -> Proposal:
        """One proposal; FeedbackNotFound when there is none."""
        async with self._db.reading() as conn:
            return await _get_proposal(conn, proposal_id)

    async def set_prompt(self, proposal_id: int, chat_id: int, message_id: int) -> None:
        """Remember the group message that asks what to do with the proposal."""
        async with self._db.transaction() as conn:
            proposal = await _get_proposal(conn, proposal_id)
            await conn.execute(
                "UPDATE proposals SET prompt_chat_id = ?, prompt_message_id = ? WHERE id = ?",
                (chat_id, message_id, proposal_id),
            )
            await conn.execute(
                "INSERT OR REPLACE INTO staff_messages (chat_id, message_id, feedback_id, role,"
                " ref_id) VALUES (?, ?, ?, 'proposal', ?)",
                (chat_id, message_id, proposal.feedback_id, proposal_id),
            )

    async def proposal_from_reply(self, chat_id: int, message_id: int) -> Proposal | None:
        """The proposal an officer's reply made, if that message made one."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                f"SELECT {_PROPOSAL} FROM proposals p JOIN feedback f ON f.id = p.feedback_id"
                " WHERE p.reply_chat_id = ? AND p.reply_message_id = ? ORDER BY p.id DESC",
                (chat_id, message_id),
            )
        return None if row is None else _proposal(tuple(row))

    async def use_template(self, proposal_id: int, body: str) -> Proposal:
        """Put a standard answer in place of what was proposed (while undecided)."""
        return await self.revise(proposal_id, body)

    async def revise(self, proposal_id: int, body: str) -> Proposal:
        """New words for a proposal still undecided (a template, an edited reply): a new
        version, so that a press on the old words sends nothing."""
        async with self._db.transaction() as conn:
            proposal = await _get_proposal(conn, proposal_id)
            if proposal.state is not ProposalState.OPEN:
                raise ProposalDecided(proposal)
            await conn.execute(
                "UPDATE proposals SET body = ?, version = version + 1 WHERE id = ?",
                (body, proposal_id),
            )
            return await _get_proposal(conn, proposal_id)

    async def decide(
        self,
        proposal_id: int,
        choice: Choice,
        by: str,
        *,
        delay: timedelta,
        version: int | None = None,
        confirmed: bool = False,
    ) -> Decision:
        """Send, keep as a note, or drop a proposal, once.

        Sent, it becomes a reply (or a question) public from now + ``delay``; its deliveries
        to the resident's chats, and the group's confirmation, wait until then. A send goes
        only with the words pressed on (``version``), only while the proposal is fresh, and,
        when the feedback was answered after the proposal was written, only ``confirmed``.
        """
        moment = self._db.clock()
        async with self._db.transaction() as conn:
            proposal = await _get_proposal(conn, proposal_id)
            if proposal.state is not ProposalState.OPEN:
                raise ProposalDecided(proposal)
            if choice is Choice.SEND:
                if version is not None and version != proposal.version:
                    raise ProposalChanged(proposal)
                if moment - proposal.created_at > PROPOSAL_LIFETIME:
                    raise ProposalExpired(proposal)
                await _require_not_rejected_since(conn, proposal)
                if not confirmed:
                    await _require_not_answered_since(conn, proposal)
            response_id, published, channels = None, None, 0
            state = {
                Choice.SEND: ProposalState.SENT,
                Choice.NOTE: ProposalState.NOTED,
                Choice.DROP: ProposalState.DROPPED,
            }[choice]
            if choice is Choice.NOTE:
                response_id = await _respond(conn, proposal, ResponseKind.NOTE, moment, None)
            elif choice is Choice.SEND:
                published = moment + delay
                kind = (
                    ResponseKind.QUESTION
                    if proposal.kind is ProposalKind.QUESTION
                    else ResponseKind.REPLY
                )
                response_id = await _respond(conn, proposal, kind, moment, published)
                targets = await channels_of(conn, proposal.feedback_id)
                channels = len(targets)
                for channel in targets:
                    await enqueue(
                        conn,
                        RESIDENT_REPLY,
                        published,
                        feedback_id=proposal.feedback_id,
                        payload={
                            "response_id": response_id,
                            "proposal_id": proposal.id,
                            "channel": channel,
                        },
                    )
                await enqueue(
                    conn,
                    STAFF_PUBLISHED,
                    published,
                    feedback_id=proposal.feedback_id,
                    payload={
                        "response_id": response_id,
                        "proposal_id": proposal.id,
                        "channels": channels,
                    },
                )
                if channels:
                    await conn.execute(
                        "UPDATE responses SET delivery = 'pending' WHERE id = ?", (response_id,)
                    )
            await conn.execute(
                "UPDATE proposals SET state = ?, decided_by = ?, decided_at = ?,"
                " response_id = ? WHERE id = ?",
                (state, by, to_db(moment), response_id, proposal_id),
            )
            decided = await _get_proposal(conn, proposal_id)
            feedback = await load_feedback(conn, "f.id = ?", proposal.feedback_id, moment)
        log.info("proposal decided code=%s choice=%s", feedback.code, choice.value)
        return Decision(decided, feedback, response_id, published, channels)

    async def withdraw(
        self,
        proposal_id: int,
        by: str,
        *,
        pressed_at: datetime | None = None,
        wait: float | None = None,
    ) -> Withdrawn:
        """Take back a sent answer while its window lasts: nothing of it goes out.

        ``pressed_at``: when «Thu hồi» was pressed (a take-back retried while the database
        was busy counts from the press). ``wait``: seconds to wait for the write lock;
        StorageBusy when another connection holds it longer.
        """
        moment = pressed_at or self._db.clock()
        # The database raises StorageBusy itself when the write lock is not had in time.
        return await self._withdraw(proposal_id, by, moment, wait)

    async def _withdraw(
        self, proposal_id: int, by: str, moment: datetime, wait: float | None
    ) -> Withdrawn:
        async with self._db.transaction(wait=wait) as conn:
            proposal = await _get_proposal(conn, proposal_id)
            if proposal.state is not ProposalState.SENT or proposal.response_id is None:
                raise ProposalDecided(proposal)
            row = await fetch_one(
                conn,
                "SELECT published_at, withdrawn_at FROM responses WHERE id = ?",
                (proposal.response_id,),
            )
            if row is None or row[1] is not None or from_db(str(row[0])) <= moment:
                raise TooLate(str(proposal_id))
            await _take_back(conn, proposal, by, moment)
            # A correction of an answer nobody will receive would correct nothing: proposed,
            # it is dropped; sent, it is still within its window (it was sent after the
            # answer) and is taken back with it.
            corrections = []
            for row in await fetch_all(
                conn,
                f"SELECT {_PROPOSAL} FROM proposals p JOIN feedback f ON f.id = p.feedback_id"
                " WHERE p.corrects = ? AND p.state IN ('open', 'sent') ORDER BY p.id",
                (proposal.response_id,),
            ):
                correction = _proposal(tuple(row))
                await _take_back(conn, correction, by, moment)
                corrections.append(await _get_proposal(conn, correction.id))
            withdrawn = await _get_proposal(conn, proposal_id)
            feedback = await load_feedback(conn, "f.id = ?", proposal.feedback_id, moment)
        log.info(
            "answer withdrawn within its window code=%s corrections=%d",
            feedback.code,
            len(corrections),
        )
        return Withdrawn(withdrawn, feedback, tuple(corrections))

    async def published(self, response_id: int) -> tuple[Proposal | None, datetime | None]:
        """The proposal a response came from, and when the response became public."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                f"SELECT {_PROPOSAL}, r.published_at FROM proposals p"
                " JOIN feedback f ON f.id = p.feedback_id"
                " JOIN responses r ON r.id = p.response_id WHERE p.response_id = ?",
                (response_id,),
            )
        if row is None:
            return None, None
        published = row[_PROPOSAL_WIDTH]
        return _proposal(tuple(row[:_PROPOSAL_WIDTH])), None if published is None else from_db(
            str(published)
        )

    # --- what the resident adds -----------------------------------------------------------------

    async def add(
        self,
        feedback_id: int,
        kind: AdditionKind,
        body: str,
        photo_file_ids: Sequence[str] = (),
        *,
        submission: str | None = None,
    ) -> tuple[Feedback, int]:
        """Store what the resident added and queue it for the staff group, together.

        ``submission``, when given, makes it idempotent: an addition already stored with
        that token is returned, and nothing more is stored or queued.
        """
        moment = self._db.clock()
        photos = list(photo_file_ids)
        async with self._db.transaction() as conn:
            await status_and_channels(conn, feedback_id)
            if submission is not None:
                row = await fetch_one(
                    conn, "SELECT id FROM additions WHERE submission = ?", (submission,)
                )
                if row is not None:
                    feedback = await load_feedback(conn, "f.id = ?", feedback_id, moment)
                    return feedback, int(row[0])
            cursor = await conn.execute(
                "INSERT INTO additions (feedback_id, kind, body, photo_file_id, photo_file_ids,"
                " submission, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    feedback_id,
                    kind,
                    body,
                    photos[0] if photos else None,
                    json.dumps(photos) if len(photos) > 1 else None,
                    submission,
                    to_db(moment),
                ),
            )
            addition_id = cursor.lastrowid
            assert addition_id is not None
            await enqueue(
                conn,
                STAFF_ADDITION,
                moment,
                feedback_id=feedback_id,
                payload={"addition_id": addition_id},
            )
            feedback = await load_feedback(conn, "f.id = ?", feedback_id, moment)
        log.info(
            "addition stored code=%s kind=%s photos=%d", feedback.code, kind.value, len(photos)
        )
        return feedback, addition_id

    async def addition(self, addition_id: int) -> StoredAddition:
        """One addition: its feedback's code, kind, text and photos."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                "SELECT f.code, a.kind, a.body, a.photo_file_id, a.photo_file_ids FROM additions a"
                " JOIN feedback f ON f.id = a.feedback_id WHERE a.id = ?",
                (addition_id,),
            )
        if row is None:
            raise FeedbackNotFound(f"addition {addition_id}")
        if row[4] is not None:
            photos = tuple(str(p) for p in json.loads(row[4]))
        else:
            photos = () if row[3] is None else (str(row[3]),)
        return StoredAddition(str(row[0]), AdditionKind(row[1]), str(row[2]), photos)

    # --- ratings ------------------------------------------------------------------------------

    async def rate(self, feedback_id: int, satisfied: bool) -> Rated:
        """Store a rating (a later one replaces it); "not satisfied" reopens the feedback.

        Reopened, it is back in progress, by the resident (no officer's name), and the
        staff group is told under its card.
        """
        moment = self._db.clock()
        async with self._db.transaction() as conn:
            status, _ = await status_and_channels(conn, feedback_id)
            if status is not FeedbackStatus.RESOLVED:
                raise NotResolved(str(feedback_id))
            await conn.execute(
                "INSERT INTO ratings (feedback_id, satisfied, rated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (feedback_id) DO UPDATE SET satisfied = excluded.satisfied,"
                " rated_at = excluded.rated_at",
                (feedback_id, int(satisfied), to_db(moment)),
            )
            if not satisfied:
                reopening = StatusChange(
                    FeedbackStatus.IN_PROGRESS, None, moment, DISSATISFIED_NOTICE, None
                )
                await change_status(conn, feedback_id, reopening, timedelta(0))
                await enqueue(
                    conn,
                    STAFF_NOTICE,
                    moment,
                    feedback_id=feedback_id,
                    payload={"notice": DISSATISFIED_NOTICE},
                )
            feedback = await load_feedback(conn, "f.id = ?", feedback_id, moment)
        log.info("rating stored code=%s satisfied=%s", feedback.code, satisfied)
        return Rated(feedback, reopened=not satisfied)

    # --- templates ----------------------------------------------------------------------------

    async def templates(self) -> builtins.list[AnswerTemplate]:
        """The standard answers in use, oldest first, numbered by their id."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn, "SELECT id, body FROM answer_templates WHERE is_active = 1 ORDER BY id"
            )
        return [AnswerTemplate(int(r[0]), str(r[1])) for r in rows]

    async def add_template(self, body: str) -> AnswerTemplate:
        """Keep a new standard answer."""
        text = body.strip()
        if not text or len(text) > MAX_TEMPLATE_LENGTH:
            raise InvalidName(body[:40])
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO answer_templates (body, created_at) VALUES (?, ?)",
                (text, to_db(self._db.clock())),
            )
            assert cursor.lastrowid is not None
            return AnswerTemplate(cursor.lastrowid, text)

    async def remove_template(self, number: int) -> AnswerTemplate:
        """Stop offering a standard answer; FeedbackNotFound for an unknown number."""
        async with self._db.transaction() as conn:
            row = await fetch_one(
                conn, "SELECT body FROM answer_templates WHERE id = ? AND is_active = 1", (number,)
            )
            if row is None:
                raise FeedbackNotFound(f"template {number}")
            await conn.execute("UPDATE answer_templates SET is_active = 0 WHERE id = ?", (number,))
        return AnswerTemplate(number, str(row[0]))


async def _take_back(
    conn: aiosqlite.Connection, proposal: Proposal, by: str, moment: datetime
) -> None:
    """Drop a proposal; if it was sent, withdraw its response and what waits to carry it."""
    if proposal.response_id is not None:
        await conn.execute(
            "UPDATE responses SET withdrawn_at = ?, delivery = NULL WHERE id = ?",
            (to_db(moment), proposal.response_id),
        )
        await conn.execute(
            "DELETE FROM outbox WHERE feedback_id = ? AND delivered_at IS NULL"
            " AND json_extract(payload, '$.response_id') = ?",
            (proposal.feedback_id, proposal.response_id),
        )
    await conn.execute(
        "UPDATE proposals SET state = 'dropped', decided_by = ?, decided_at = ? WHERE id = ?",
        (by, to_db(moment), proposal.id),
    )


async def _respond(
    conn: aiosqlite.Connection,
    proposal: Proposal,
    kind: ResponseKind,
    moment: datetime,
    published: datetime | None,
) -> int:
    cursor = await conn.execute(
        "INSERT INTO responses (feedback_id, kind, body, author, created_at, published_at,"
        " corrects, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            proposal.feedback_id,
            kind,
            proposal.body,
            proposal.author,
            to_db(moment),
            None if published is None else to_db(published),
            proposal.corrects,
            proposal.source,
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def _require_not_answered_since(conn: aiosqlite.Connection, proposal: Proposal) -> None:
    """Ask before a second answer: one sent (or on its way) after this proposal was written
    means its writer may not have known, and the words may no longer be meant (or were never
    meant for the resident). A correction follows an answer on purpose; a question is no
    answer."""
    if proposal.kind is not ProposalKind.ANSWER or proposal.corrects is not None:
        return
    row = await fetch_one(
        conn,
        "SELECT r.body, COALESCE(p.decided_by, r.author),"
        " COALESCE(r.published_at, r.created_at) FROM responses r"
        " LEFT JOIN proposals p ON p.response_id = r.id"
        " WHERE r.feedback_id = ? AND r.kind = 'reply' AND r.withdrawn_at IS NULL"
        " AND r.created_at >= ? ORDER BY r.id DESC LIMIT 1",
        (proposal.feedback_id, to_db(proposal.created_at)),
    )
    if row is not None:
        raise AnsweredMeanwhile(
            proposal, EarlierAnswer(str(row[0]), str(row[1]), from_db(str(row[2])))
        )


async def _require_not_rejected_since(conn: aiosqlite.Connection, proposal: Proposal) -> None:
    """Refuse to answer a feedback set to "not handled" after the answer was written: the
    officer proposing did not know, and the answer may now say the wrong thing."""
    row = await fetch_one(
        conn,
        "SELECT status, status_changed_at FROM feedback WHERE id = ?",
        (proposal.feedback_id,),
    )
    if row is None:
        raise FeedbackNotFound(str(proposal.feedback_id))
    # At the same instant counts as after: the proposer cannot have seen it (a coarse
    # clock stamps both alike).
    if row[0] == FeedbackStatus.REJECTED and from_db(str(row[1])) >= proposal.created_at:
        raise ClosedMeanwhile(proposal.code)
