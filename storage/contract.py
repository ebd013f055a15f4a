"""The storage contract: what the rest of the product may ask of a storage backend.

``bot/``, ``qr/``, ``documents/`` and the benchmark are typed against these protocols; the
SQLite backend (``storage/sqlite/``) satisfies them structurally, and the contract test
suite (``tests/storage/``) checks what they promise against every backend it names.

A second backend (PostgreSQL is the next) must provide, besides these methods:

- **Transactions.** Every repository method is atomic: it applies whole or not at all, and
  a message it queues in the outbox is queued in the same transaction as the change behind
  it (nothing a resident sent is lost or duplicated, whatever crashes). Writes from
  concurrent coroutines serialise; a writer kept waiting longer than the backend's patience
  raises ``StorageBusy``, a store that cannot be opened, read or written
  ``StorageUnavailable`` (never a driver's own exception), a broken expectation the domain
  error its method names (``AreaNotFound``, ``DuplicateArea``, ``RewordTooLate``...).
- **The clock.** Every time a method records is ``Storage.clock()`` (tests freeze it), stored
  to the microsecond in UTC and read back aware; order by time is order of recording.
- **Deadlines.** ``Storage.deadlines`` (working days in the committee's zone, its SLA) fixes
  each feedback's due moment when it is submitted; extensions move it, and a report of a
  past period reads each deadline as it stood at that period's end.
- **Natural Vietnamese sort.** Lists of areas, topics and agencies come in the order of
  ``core.rules.collation.name_key`` (diacritics after their base letter, numbers by value),
  not by code point.
- **Full-text search** (``ReportStore.find``): the words are ``search_words`` of what staff
  typed, and every word must match (AND), diacritics and case folded (``đ`` matches
  ``d``), across a feedback's text, its public answers, staff notes and residents'
  additions; newest first, with snippets whose matched words are marked.
- **Who is told.** Status notices follow ``core.notices.status_notices``: the backend only
  enacts the decision (withdraw, recall, queue) inside the change's transaction.
- **Declared once.** The methods the resident core calls are declared in ``core.ports``
  (``AreaReader``, ``TopicReader``, ``SubmissionStore``, ``FeedbackReader``,
  ``DialogueWriter``); the stores here extend those protocols with the rest.
- **No plain identity.** Residents appear only as keyed hashes and sealed channels
  (``SealedChannel``); a backend stores nothing it could turn back into a Telegram id.
"""

from __future__ import annotations

import builtins
import re
import unicodedata
from collections.abc import AsyncIterator, Callable, Collection, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from core.clock import Clock
from core.errors import EmptySearch
from core.models import (
    Agency,
    AnswerTemplate,
    Area,
    AreaSummary,
    BotGroup,
    Choice,
    Counts,
    Decision,
    ExpiryNotice,
    ExportRow,
    Extension,
    Feedback,
    FeedbackStatus,
    FollowUpMessage,
    Forward,
    Forwarded,
    FoundPage,
    GroupMessage,
    LegacyRows,
    OpenCursor,
    OpenFilter,
    OpenPage,
    OutboxMessage,
    PeriodCounts,
    Proposal,
    ProposalKind,
    ReportFacts,
    Response,
    SearchWords,
    SessionWrite,
    StatusChange,
    StatusUpdate,
    StoredAddition,
    StoredDraft,
    StoredResponse,
    StoredState,
    Topic,
    Undelivered,
    Withdrawn,
)
from core.ports import (
    AreaReader,
    DialogueWriter,
    FeedbackReader,
    FollowUpStorage,
    IntakeStorage,
    SubmissionStore,
    TopicReader,
)
from core.rules.workdays import Deadlines

# More words than this narrow nothing down that the first ones did not; the rest of a
# pasted paragraph is left out rather than making the query long.
MAX_WORDS = 12
# A word is a run of letters and digits (Python's \w without the underscore).
_SEARCH_WORD = re.compile(r"[^\W_]+")


def search_words(text: str) -> SearchWords:
    """The distinct words of ``text`` (letters and digits, case folded), the first
    ``MAX_WORDS`` of them; EmptySearch when there is none."""
    # Composed first: a letter typed as a base and combining marks would split a word.
    words: list[str] = []
    left_out = 0
    for match in _SEARCH_WORD.finditer(unicodedata.normalize("NFC", text)):
        word = match.group().casefold()
        if word in words:
            continue
        if len(words) < MAX_WORDS:
            words.append(word)
        else:
            left_out += 1
    if not words:
        raise EmptySearch(text[:40])
    return SearchWords(tuple(words), left_out)


class AreaStore(AreaReader, Protocol):
    """Areas where residents live: made, renamed, opened and closed by admins."""

    async def summaries(self) -> builtins.list[AreaSummary]:
        """Every area with its feedback count (from the per-day counts of migration 0011)."""
        ...

    async def add(self, code: str, name: str) -> Area:
        """Create an open area; validates the code and the name."""
        ...

    async def add_many(self, areas: Sequence[tuple[str, str]]) -> builtins.list[Area]:
        """Create every (code, name) as an open area, all in one transaction or none."""
        ...

    async def named(self, name: str) -> builtins.list[Area]:
        """The areas called ``name`` (several may share one), ignoring case and spacing;
        failing that, ignoring accents and signs too ("khu pho 3" finds "Khu phố 3")."""
        ...

    async def rename(self, code: str, name: str) -> Area:
        """Give an area a new name."""
        ...

    async def set_open(self, code: str, is_open: bool) -> Area:
        """Stop or resume taking feedback from the area; its history stays."""
        ...


class TopicStore(TopicReader, Protocol):
    """The topics residents choose from, their order, labels and deadlines."""

    async def list(self, *, include_closed: bool = False) -> builtins.list[Topic]:
        """Topics in their number order, open ones only unless ``include_closed``."""
        ...

    async def get(self, topic_id: int) -> Topic:
        """The topic with that number, open or closed."""
        ...

    async def add(self, name_vi: str, name_en: str | None = None) -> Topic:
        """A new open topic; the English name defaults to the Vietnamese one."""
        ...

    async def rename(self, topic_id: int, name_vi: str) -> Topic:
        """Rename a topic in Vietnamese; the English name follows unless it was distinct."""
        ...

    async def set_sla(self, topic_id: int, days: int | None) -> Topic:
        """Working days allowed for feedback on this topic from now on (None: SLA_DAYS)."""
        ...

    async def set_open(self, topic_id: int, is_open: bool) -> Topic:
        """Close or reopen a topic; feedback already filed under it keeps it."""
        ...

    async def set_label(self, topic_id: int, emoji: str, label_vi: str) -> Topic:
        """The emoji ("" for none) and Vietnamese short label residents see on the button."""
        ...

    async def set_label_en(self, topic_id: int, label_en: str) -> Topic:
        """The English short label residents who read English see on the button."""
        ...

    async def set_name_en(self, topic_id: int, name_en: str) -> Topic:
        """The English full name; renaming in Vietnamese no longer changes it."""
        ...

    async def set_order(self, topic_ids: Sequence[int]) -> builtins.list[Topic]:
        """Put the open topics in this order (each exactly once); closed ones follow in
        their old order. Returns the open topics as residents now see them ("Khác" last,
        wherever it was put)."""
        ...


class FeedbackStore(SubmissionStore, FeedbackReader, Protocol):
    """Feedback, its status, its reply channels, its cards and prompts in the staff group."""

    async def get(self, feedback_id: int) -> Feedback:
        """The feedback with that id."""
        ...

    async def history(self, feedback_id: int) -> list[StatusChange]:
        """Every status the feedback has had, oldest first."""
        ...

    async def assignments(self, feedback_id: int) -> list[tuple[str, datetime]]:
        """Who took the feedback on, and when, oldest first."""
        ...

    async def response(self, response_id: int) -> Response:
        """One stored reply, question or note."""
        ...

    async def for_staff_message(self, chat_id: int, message_id: int) -> int | None:
        """The feedback a group message of the bot belongs to, if it is one."""
        ...

    async def staff_message(
        self, chat_id: int, message_id: int
    ) -> tuple[int, str, int | None] | None:
        """The feedback id, role and reference of a bot's message in a group, if known."""
        ...

    async def record_staff_message(
        self,
        chat_id: int,
        message_ids: list[int],
        feedback_id: int,
        role: str,
        ref_id: int | None = None,
    ) -> None:
        """Remember messages posted in a group outside the outbox (an opened card, a prompt)."""
        ...

    async def open_prompt(
        self, chat_id: int, message_id: int, feedback_id: int, role: str
    ) -> None:
        """Record a prompt asking for a reason, a result, a place or an agency: a reply to
        it acts while it is neither answered nor cancelled, and the feedback's status has
        not changed since (the newest status change is kept with it)."""
        ...

    async def check_prompt(self, chat_id: int, message_id: int) -> None:
        """PromptClosed or PromptOutdated when a reply to the prompt must not act."""
        ...

    async def close_prompt(self, chat_id: int, message_id: int) -> None:
        """The prompt was answered or cancelled: a reply to it no longer acts."""
        ...

    async def card_message(self, feedback_id: int, chat_id: int) -> int | None:
        """The id of the feedback's newest card in a group, once delivered."""
        ...

    async def card_messages(self, feedback_id: int, chat_id: int) -> list[int]:
        """Every card of the feedback in a group (the first, those /show and the surge's
        "📂" posted), oldest first: each shows the feedback as it now stands."""
        ...

    async def set_status(
        self,
        feedback_id: int,
        status: FeedbackStatus,
        changed_by: str | None,
        *,
        reason: str | None = None,
        reason_preset: int | None = None,
        agency: str | None = None,
        notice_delay: timedelta = timedelta(0),
        prompt: tuple[int, int] | None = None,
        reply: tuple[int, int, str] | None = None,
    ) -> StatusUpdate:
        """Record a status change (every press counts: the last one wins)."""
        ...

    async def reworded_by(self, chat_id: int, message_id: int) -> int | None:
        """The feedback whose status the officer's message gave words to, if it did."""
        ...

    async def reword(
        self, chat_id: int, message_id: int, words: str, window: timedelta
    ) -> StatusUpdate | None:
        """An officer edited the reply that gave a reason, a result or a place: the status
        change it made is made again with the new words (its notice, still waiting, is
        replaced and waits ``window`` anew). None when the message gave no such words;
        RewordTooLate when the change is ``window`` old, or another status came after it."""
        ...

    async def take_on(
        self, feedback_id: int, officer_key: str, officer: str
    ) -> tuple[Feedback, str | None]:
        """Make the officer (``officer_key``: the keyed hash of their Telegram account;
        ``officer``: their name, as shown) the feedback's handler. Returns the feedback and
        the name of the officer it was taken from: None when it had no handler or was the
        same officer's (told apart by their key, whatever their names; a handler recorded
        before the keys by their name)."""
        ...

    async def note(self, feedback_id: int, body: str, author: str) -> StoredResponse:
        """An internal note, kept at once (staff only; the resident never sees it)."""
        ...

    async def reply_channel(self, channel_id: int) -> tuple[str, bytes] | None:
        """The reference code and sealed chat of one reply channel, while it is kept."""
        ...

    async def reseal_reply_channels(self, reseal: Callable[[str, bytes], bytes | None]) -> int:
        """Seal again, once, the channels sealed before channels were bound to a feedback."""
        ...

    async def forget_reply_channels(self, closed_before: datetime) -> int:
        """Delete reply channels of feedback resolved or rejected before ``closed_before``."""
        ...

    async def fill_missing_deadlines(self, batch: int = 2000) -> int:
        """Give feedback stored before migration 0007 its deadline; how many were given."""
        ...


class ResidentStore(Protocol):
    """What is kept of a resident under their keyed hash: a language, an expiry notice."""

    async def language(self, resident_key: str) -> str | None:
        """The language the resident chose, if they ever did."""
        ...

    async def set_language(self, resident_key: str, language: str) -> None:
        """Remember the resident's language."""
        ...

    async def pending_notices(self) -> set[str]:
        """Resident keys that have an idle-draft notice waiting."""
        ...

    async def take_expiry_notice(self, resident_key: str) -> ExpiryNotice | None:
        """The notice (once) that a draft of this resident was discarded for idleness."""
        ...


class SessionStore(Protocol):
    """Residents' conversation states and drafts, sealed, for the bot's persistence."""

    async def load_states(self, name: str) -> list[StoredState]:
        """Every open conversation of the handler ``name``."""
        ...

    async def load_drafts(self) -> list[StoredDraft]:
        """Every draft being written."""
        ...

    async def write(self, changes: list[SessionWrite]) -> None:
        """Apply drafts and states written or ended by one update, in one transaction (a
        single change is one statement, atomic by itself)."""
        ...

    async def expire_idle(self, idle_since: datetime) -> list[str]:
        """Delete drafts and states untouched since ``idle_since``; their resident keys."""
        ...

    async def legacy_rows(self) -> LegacyRows | None:
        """The rows still keyed by plain ids, or None once they have been moved."""
        ...

    async def replace_legacy(self, changes: list[SessionWrite]) -> None:
        """Store the moved rows and drop the old tables, together; then rewrite the file."""
        ...


class OutboxStore(Protocol):
    """Messages queued in the transaction of the change behind them, until delivered."""

    async def add(
        self, kind: str, *, feedback_id: int | None = None, payload: dict[str, Any] | None = None
    ) -> int:
        """Queue a message on its own (no other change goes with it)."""
        ...

    async def due(
        self, limit: int = 20, *, only: Collection[str] = (), skip: Collection[str] = ()
    ) -> list[OutboxMessage]:
        """Messages whose time has come, oldest first; of the kinds in ``only`` if given,
        none of the kinds in ``skip``."""
        ...

    async def release(self, kinds: Collection[str]) -> int:
        """Make every message of these kinds that waits after a refusal due now; how many
        there were."""
        ...

    async def undelivered(self, limit: int = 50) -> list[Undelivered]:
        """Messages Telegram refused for good, and those waiting after a refusal, oldest
        first (what ``/resend`` lists)."""
        ...

    async def resend(self, message_ids: Collection[int]) -> int:
        """Queue these undelivered messages again, due now; how many were."""
        ...

    async def next_attempt_at(self, *, skip: Collection[str] = ()) -> datetime | None:
        """When the earliest waiting message (none of the kinds in ``skip``) is due, or None
        when nothing waits."""
        ...

    async def delivered(
        self,
        message: OutboxMessage,
        telegram_message_ids: list[int],
        *,
        record: GroupMessage | None = None,
        follow_ups: list[FollowUpMessage] | tuple[FollowUpMessage, ...] = (),
        response_delivery: str | None = None,
    ) -> None:
        """Record a delivery, the staff messages it made, and queue what follows it."""
        ...

    async def delivered_together(
        self, messages: list[OutboxMessage], telegram_message_id: int, staff_chat_id: int
    ) -> None:
        """Record several notifications delivered as one packed message (a surge batch)."""
        ...

    async def retry_later(
        self, message: OutboxMessage | list[OutboxMessage], at: datetime, error: str
    ) -> None:
        """Count a failed attempt and wait until ``at``."""
        ...

    async def failed(
        self,
        message: OutboxMessage,
        error: str,
        *,
        follow_ups: list[FollowUpMessage] | tuple[FollowUpMessage, ...] = (),
        response_delivery: str | None = None,
    ) -> None:
        """Give up on a message that can never be delivered; it stays, marked, for admins."""
        ...

    async def pending_count(self) -> int:
        """How many messages wait for delivery."""
        ...


class GroupStore(Protocol):
    """The Telegram groups the bot is in, and where upgraded ones moved."""

    async def record(
        self, chat_id: int, title: str, type_: str, status: str, *, added_by_admin: bool | None
    ) -> None:
        """Remember a change of the bot's membership; ``added_by_admin`` None keeps the
        earlier answer (a change that was not an addition)."""
        ...

    async def list(self) -> builtins.list[BotGroup]:
        """Every group recorded, the most recently changed first."""
        ...

    async def record_move(self, from_chat_id: int, to_chat_id: int) -> bool:
        """Remember that ``from_chat_id`` became ``to_chat_id``; True the first time (an
        error answer and both service messages all say it)."""
        ...

    async def moved_to(self, chat_id: int) -> int | None:
        """Where the group ``chat_id`` moved to, following every recorded move; None when it
        did not move."""
        ...


class DialogueStore(DialogueWriter, Protocol):
    """Proposed answers, take-backs, additions, ratings and standard answers."""

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
        """Keep what a staff member wrote for the resident until someone decides."""
        ...

    async def proposal(self, proposal_id: int) -> Proposal:
        """One proposal; FeedbackNotFound when there is none."""
        ...

    async def set_prompt(self, proposal_id: int, chat_id: int, message_id: int) -> None:
        """Remember the group message that asks what to do with the proposal."""
        ...

    async def proposal_from_reply(self, chat_id: int, message_id: int) -> Proposal | None:
        """The proposal an officer's reply made, if that message made one."""
        ...

    async def use_template(self, proposal_id: int, body: str) -> Proposal:
        """Put a standard answer in place of what was proposed (while undecided)."""
        ...

    async def revise(self, proposal_id: int, body: str) -> Proposal:
        """New words for a proposal still undecided (a template, an edited reply): a new
        version, so that a press on the old words sends nothing."""
        ...

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
        """Send, keep as a note, or drop a proposal, once."""
        ...

    async def withdraw(
        self,
        proposal_id: int,
        by: str,
        *,
        pressed_at: datetime | None = None,
        wait: float | None = None,
    ) -> Withdrawn:
        """Take back a sent answer while its window lasts: nothing of it goes out."""
        ...

    async def published(self, response_id: int) -> tuple[Proposal | None, datetime | None]:
        """The proposal a response came from, and when the response became public."""
        ...

    async def addition(self, addition_id: int) -> StoredAddition:
        """One addition: its feedback's code, kind, text and photos."""
        ...

    async def templates(self) -> builtins.list[AnswerTemplate]:
        """The standard answers in use, oldest first, numbered by their id."""
        ...

    async def add_template(self, body: str) -> AnswerTemplate:
        """Keep a new standard answer."""
        ...

    async def remove_template(self, number: int) -> AnswerTemplate:
        """Stop offering a standard answer; FeedbackNotFound for an unknown number."""
        ...


class AgencyStore(Protocol):
    """Agencies feedback is forwarded to, the forwards and the agencies' answers."""

    async def list(self, *, include_closed: bool = True) -> builtins.list[Agency]:
        """Agencies by name in Vietnamese order, open ones only unless ``include_closed``."""
        ...

    async def get(self, code: str) -> Agency:
        """The agency with that code, open or closed; AgencyNotFound otherwise."""
        ...

    async def by_id(self, agency_id: int) -> Agency:
        """The agency with that id."""
        ...

    async def by_chat(self, chat_id: int) -> Agency | None:
        """The agency whose group this is, if any."""
        ...

    async def add(self, code: str, name: str) -> Agency:
        """A new open agency; code ``[a-z0-9_-]{1,32}``, name up to 100 characters."""
        ...

    async def set_group(self, code: str, chat_id: int | None) -> Agency:
        """The agency's Telegram group (None: no group; forwarding then makes a slip)."""
        ...

    async def set_open(self, code: str, is_open: bool) -> Agency:
        """Stop or resume offering the agency for forwarding; past forwards are kept."""
        ...

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
        """Forward a feedback to an open agency of the list, or to a body named by staff."""
        ...

    async def forward_record(self, forward_id: int) -> Forward:
        """One forward."""
        ...

    async def forwards_of(self, feedback_id: int) -> builtins.list[Forward]:
        """Every forward of a feedback, oldest first."""
        ...

    async def agency_says(
        self, forward_id: int, what: str, *, agency_name: str
    ) -> tuple[Forward, bool]:
        """The agency's group pressed "received" or "done"; tell the staff group once."""
        ...


class ExtensionStore(Protocol):
    """Deadline extensions of a feedback."""

    async def extend(self, feedback_id: int, days: int, reason: str, by: str) -> Feedback:
        """Give the feedback ``days`` more working days, counted from its deadline (from
        today when that is past); FeedbackNotFound, FeedbackClosed, or ValueError for a
        number of days or a reason out of bounds."""
        ...

    async def new_due(self, feedback_id: int, days: int) -> datetime:
        """The deadline ``extend`` would give now, changing nothing (the preview staff
        confirm); FeedbackNotFound or FeedbackClosed as ``extend``."""
        ...

    async def of(self, feedback_id: int) -> builtins.list[Extension]:
        """The feedback's extensions, oldest first."""
        ...


class ReportStore(Protocol):
    """What staff read across many feedback: counts, open list, digest, /report, export, /find."""

    async def count_by(self, since: datetime) -> Counts:
        """Feedback created from ``since`` until now, by area, topic and status."""
        ...

    async def open_page(
        self, where: OpenFilter | None = None, *, limit: int, after: OpenCursor | None = None
    ) -> OpenPage:
        """Unresolved feedback matching ``where``, oldest first, ``limit`` from ``after`` on."""
        ...

    def export_rows(self, since: datetime, *, batch_size: int = 200) -> AsyncIterator[ExportRow]:
        """Every feedback created since ``since``, in submission order, a batch at a time."""
        ...

    async def report_facts(self, start: datetime, end: datetime) -> ReportFacts:
        """The numbers of a /report over ``[start, end)``, each status as it stood at end."""
        ...

    async def new_since(
        self, since: datetime | None, until: datetime, *, overdue_limit: int = 100
    ) -> PeriodCounts:
        """The digest of ``[since, until)`` and the backlog at ``until``."""
        ...

    async def last_digest_at(self) -> datetime | None:
        """The end of the period the last digest covered, None before the first digest."""
        ...

    async def queue_digest(
        self, at: datetime, messages: Sequence[tuple[str, dict[str, Any]]]
    ) -> None:
        """Queue the digest's messages (kind, payload) for the staff group and mark its
        period as reported up to ``at``, in one transaction: the period counts as reported
        exactly when its digest is sure to go out."""
        ...

    async def find(self, words: str, *, limit: int, offset: int = 0) -> FoundPage:
        """Feedback whose words match, newest first (``search.find``); EmptySearch."""
        ...


class Storage(IntakeStorage, FollowUpStorage, Protocol):
    """One committee's store: the repositories, the clock and the deadlines they use.

    Read-only members, so that a backend's own repository classes satisfy them. A
    ``Storage`` is what both resident cores take (``IntakeStorage``, ``FollowUpStorage``):
    each of its repositories extends the port the core reads it through.
    """

    @property
    def clock(self) -> Clock:
        """The time every method records (tests freeze it)."""
        ...

    @property
    def deadlines(self) -> Deadlines:
        """When feedback falls due: the committee's working days and SLA."""
        ...

    @property
    def areas(self) -> AreaStore:
        """Areas."""
        ...

    @property
    def topics(self) -> TopicStore:
        """Topics."""
        ...

    @property
    def feedback(self) -> FeedbackStore:
        """Feedback."""
        ...

    @property
    def residents(self) -> ResidentStore:
        """What is kept of residents."""
        ...

    @property
    def conversations(self) -> SessionStore:
        """Conversation states and drafts."""
        ...

    @property
    def outbox(self) -> OutboxStore:
        """Messages waiting to go out."""
        ...

    @property
    def groups(self) -> GroupStore:
        """The bot's groups."""
        ...

    @property
    def dialogue(self) -> DialogueStore:
        """Answers, additions, ratings, templates."""
        ...

    @property
    def agencies(self) -> AgencyStore:
        """Agencies and forwards."""
        ...

    @property
    def extensions(self) -> ExtensionStore:
        """Deadline extensions."""
        ...

    @property
    def reports(self) -> ReportStore:
        """Reports and search."""
        ...

    @property
    def is_open(self) -> bool:
        """True once ``open`` has connected and brought the schema up to date."""
        ...

    async def open(self) -> None:
        """Connect and migrate; calling it again does nothing. DatabaseUnusable for a store
        that exists but cannot be used as it is, SchemaTooNew for one a newer bot wrote."""
        ...

    async def close(self) -> None:
        """Close; the store can be opened again later."""
        ...
