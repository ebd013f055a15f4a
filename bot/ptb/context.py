"""The typed context every handler receives, and the services it carries."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeAlias

from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.delivery.membership import StaffMembers
from bot.ptb.services import DeliveryWorker, SessionKeeper
from bot.service.config import Settings
from core.anonymity import Anonymizer
from core.committee import Committee
from core.follow_up import FollowUp
from core.intake import Intake
from core.rules.ratelimit import SlidingWindowLimit
from storage import Storage
from texts import Texts

_LANGUAGE_CACHE_SIZE = 10_000
_BUTTONS_SIZE = 10_000


class DraftButtons:
    """The message under which each resident's draft buttons sit («Xem lại và gửi», «Gửi»…),
    so that a newer one can take them off the older (SPEC §3.3).

    Kept in memory only, never on disk: after a restart an older message may keep its
    buttons, which still act on the current draft. Bounded in size (the least recently
    moved go first) and in time: an entry not moved for ``kept`` seconds (the drafts' idle
    limit, after which the draft they act on is gone) is forgotten, so the memory follows
    the residents writing now, not everyone who ever left a draft unfinished.
    """

    def __init__(
        self,
        size: int = _BUTTONS_SIZE,
        kept: float = float("inf"),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._size = size
        self._kept = kept
        self._clock = clock
        # user id → (message id, album, when the buttons moved there), oldest first.
        self._messages: OrderedDict[int, tuple[int, str | None, float]] = OrderedDict()

    def get(self, user_id: int) -> tuple[int, str | None] | None:
        """The message id (and the album it acknowledged, if any) of the buttons."""
        found = self._messages.get(user_id)
        if found is None or self._clock() - found[2] >= self._kept:
            return None
        return found[0], found[1]

    def put(self, user_id: int, message_id: int, album: str | None = None) -> None:
        """The buttons are now under ``message_id``."""
        now = self._clock()
        self._messages[user_id] = (message_id, album, now)
        self._messages.move_to_end(user_id)
        while len(self._messages) > self._size:
            self._messages.popitem(last=False)
        self.forget_idle(now)

    def pop(self, user_id: int) -> tuple[int, str | None] | None:
        """Forget the resident's buttons (the draft ended); where they were."""
        found = self._messages.pop(user_id, None)
        return None if found is None else (found[0], found[1])

    def forget_idle(self, now: float | None = None) -> None:
        """Forget the buttons not moved for ``kept`` seconds."""
        now = self._clock() if now is None else now
        while self._messages:
            _, (_, _, moved) = next(iter(self._messages.items()))
            if now - moved < self._kept:
                break
            self._messages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._messages)


def reported_language(language_code: str | None) -> str | None:
    """The bot's language for what a Telegram app reports ("vi", "vi-VN", "en-GB"…)."""
    primary = (language_code or "").split("-", 1)[0].split("_", 1)[0].lower()
    return primary if primary in ("vi", "en") else None


# A resident's language is read again from the database after this long unused, so the
# cache holds the residents of the last half hour, not everyone since the start.
LANGUAGE_KEPT = 30 * 60.0


class BotRuntime:
    """Services shared by all handlers: built once by ``build_application``.

    PTB creates this object (as ``bot_data``) before the factory fills it, so the fields
    start empty and are checked on use. It is never persisted.
    """

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._committee: Committee | None = None
        self._database: Storage | None = None
        self._anonymizer: Anonymizer | None = None
        self._intake: Intake | None = None
        self._follow_up: FollowUp | None = None
        self.feedback_limit = SlidingWindowLimit(10)
        self.status_limit = SlidingWindowLimit(30)
        # Additions are limited like feedback; ratings like look-ups (SPEC §3.6, §4).
        self.addition_limit = SlidingWindowLimit(10)
        self.rating_limit = SlidingWindowLimit(30)
        # Attaching reply channels: per resident, so that no one fills a code's slots.
        self.channel_limit = SlidingWindowLimit(10)
        self.outbox: DeliveryWorker | None = None
        self._persistence: SessionKeeper | None = None
        self.deliver_in_background = True
        # Set when the service stops and no longer waits for handlers still in hand.
        self.stopping = False
        # The agencies' groups: the only groups, with the staff group, the bot listens in.
        self.agency_chats: frozenset[int] = frozenset()
        # Resident keys with an idle-draft notice waiting in the database: checked here so
        # that an ordinary update costs no database write.
        self.expiry_notices: set[str] = set()
        # Languages of recent residents by resident key, with when each was last used
        # (bot clock, seconds), least recently used first; a bounded, expiring cache.
        self._languages: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self.draft_buttons = DraftButtons()
        # Who is in the staff group, asked of Telegram at most every ten minutes each.
        self.staff_members = StaffMembers()
        # Proposals whose «Thu hồi» is in hand: the outbox sends nothing of them meanwhile.
        self.withdrawing: set[int] = set()
        # /extend previews waiting for «Gia hạn», by the token on their buttons: (feedback
        # id, working days, the reason as shown). In memory only: nothing is stored, and
        # after a restart the preview's buttons say to type the command again.
        self.extension_previews: OrderedDict[str, tuple[int, int, str]] = OrderedDict()

    def configure(
        self,
        settings: Settings,
        committee: Committee,
        database: Storage,
        anonymizer: Anonymizer,
        persistence: SessionKeeper,
    ) -> None:
        """Fill in the services; called once by the application factory."""
        self._settings = settings
        self._committee = committee
        self._database = database
        self._anonymizer = anonymizer
        self._persistence = persistence
        # On the bot's clock, like every other time it keeps (frozen or played in tests).
        seconds = self.clock_seconds
        self.feedback_limit = SlidingWindowLimit(settings.feedback_per_hour, clock=seconds)
        self.status_limit = SlidingWindowLimit(settings.status_per_hour, clock=seconds)
        self.addition_limit = SlidingWindowLimit(settings.feedback_per_hour, clock=seconds)
        self.rating_limit = SlidingWindowLimit(settings.status_per_hour, clock=seconds)
        # Chats asked to receive a feedback's answers: as many as feedbacks may be sent.
        self.channel_limit = SlidingWindowLimit(settings.feedback_per_hour, clock=seconds)
        self.draft_buttons = DraftButtons(kept=settings.draft_idle_hours * 3600, clock=seconds)
        self.staff_members = StaffMembers(clock=seconds)
        # The resident's decisions, over the storage and the limits above: made once.
        self._intake = Intake(
            database,
            feedback_limit=self.feedback_limit,
            idle_limit=timedelta(hours=settings.draft_idle_hours),
            clock=self.now,
        )
        self._follow_up = FollowUp(
            database,
            status_limit=self.status_limit,
            rating_limit=self.rating_limit,
            channel_limit=self.channel_limit,
            addition_limit=self.addition_limit,
        )

    def clock_seconds(self) -> float:
        """The bot's clock as seconds since the epoch."""
        return self.now().timestamp()

    @property
    def settings(self) -> Settings:
        """The process's configuration (token, database, limits): never the committee's
        facts, which ``committee`` holds."""
        if self._settings is None:
            raise RuntimeError("runtime not configured")
        return self._settings

    @property
    def committee(self) -> Committee:
        """The committee the bot serves: its staff group, admins, name, time zone, deadlines.

        Read at each use, never kept: the value is swapped when the staff group moves."""
        if self._committee is None:
            raise RuntimeError("runtime not configured")
        return self._committee

    def use_committee(self, committee: Committee) -> None:
        """Act for ``committee`` from now on (Telegram moved its staff group:
        ``bot.delivery.staff_chat``); every handler reads the committee from here."""
        self._committee = committee

    @property
    def database(self) -> Storage:
        """The storage."""
        if self._database is None:
            raise RuntimeError("runtime not configured")
        return self._database

    @property
    def intake(self) -> Intake:
        """The intake's decisions (``core.intake``) over this bot's storage and limits."""
        if self._intake is None:
            raise RuntimeError("runtime not configured")
        return self._intake

    @property
    def follow_up(self) -> FollowUp:
        """The follow-up's decisions (``core.follow_up``) over this bot's storage and limits."""
        if self._follow_up is None:
            raise RuntimeError("runtime not configured")
        return self._follow_up

    @property
    def anonymizer(self) -> Anonymizer:
        """Resident keys and reply-channel sealing."""
        if self._anonymizer is None:
            raise RuntimeError("runtime not configured")
        return self._anonymizer

    @property
    def persistence(self) -> SessionKeeper:
        """Drafts and conversation states on disk, sealed."""
        if self._persistence is None:
            raise RuntimeError("runtime not configured")
        return self._persistence

    async def refresh_agency_chats(self) -> None:
        """Read again which groups belong to agencies (after an admin changed them)."""
        agencies = await self.database.agencies.list()
        self.agency_chats = frozenset(
            a.chat_id for a in agencies if a.chat_id is not None and a.is_open
        )

    def wake_outbox(self) -> None:
        """Tell the delivery worker that something was queued."""
        if self.outbox is not None:
            self.outbox.wake()

    def now(self) -> datetime:
        """The current time, from the same clock as storage (frozen in tests)."""
        return self.database.clock()

    async def language_of(self, user_id: int, reported: str | None = None) -> str:
        """The resident's language: the one they chose with /language; else the one their
        Telegram app reports (``language_code``) when the bot speaks it; else the default.
        What the app reports is used as it comes and never stored."""
        key = self.anonymizer.resident_key(user_id)
        cached = self._languages.get(key)
        now = self.clock_seconds()
        if cached is not None and now - cached[1] < LANGUAGE_KEPT:
            chosen = cached[0]
        else:
            # "" for a resident who never chose: the database is not asked again.
            chosen = await self.database.residents.language(key) or ""
        self._remember_language(key, chosen)
        return chosen or reported_language(reported) or self.committee.default_language

    async def chosen_language(self, user_id: int) -> str | None:
        """The language the resident chose with /language, if they ever did."""
        return await self.database.residents.language(self.anonymizer.resident_key(user_id))

    async def set_language(self, user_id: int, language: str) -> None:
        """Store the resident's language under their resident key."""
        key = self.anonymizer.resident_key(user_id)
        await self.database.residents.set_language(key, language)
        self._remember_language(key, language)

    def _remember_language(self, key: str, language: str) -> None:
        now = self.clock_seconds()
        self._languages[key] = (language, now)
        self._languages.move_to_end(key)
        while len(self._languages) > _LANGUAGE_CACHE_SIZE:
            self._languages.popitem(last=False)
        self.forget_idle(now)

    def forget_idle(self, now: float | None = None) -> None:
        """Drop what is kept per resident for those idle past its time: cached languages
        unused for ``LANGUAGE_KEPT``, draft buttons past the drafts' idle limit."""
        now = self.clock_seconds() if now is None else now
        self.draft_buttons.forget_idle(now)
        while self._languages:
            _, (_, used) = next(iter(self._languages.items()))
            if now - used < LANGUAGE_KEPT:
                break
            self._languages.popitem(last=False)

    def prune_limits(self) -> None:
        """Forget rate-limit windows with no event left in them."""
        for limit in (
            self.feedback_limit,
            self.status_limit,
            self.addition_limit,
            self.rating_limit,
            self.channel_limit,
        ):
            limit.prune()

    def resident_structures(self) -> dict[str, int]:
        """How many residents each in-memory structure holds (for the soak benchmark)."""
        return {
            "languages": len(self._languages),
            "feedback_limit": len(self.feedback_limit),
            "status_limit": len(self.status_limit),
            "addition_limit": len(self.addition_limit),
            "rating_limit": len(self.rating_limit),
            "channel_limit": len(self.channel_limit),
            "expiry_notices": len(self.expiry_notices),
            "draft_buttons": len(self.draft_buttons),
        }


class HomThuContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotRuntime]):
    """CallbackContext with typed access to the runtime services."""

    @property
    def runtime(self) -> BotRuntime:
        """The shared services."""
        return self.bot_data

    @property
    def settings(self) -> Settings:
        """The process's configuration (the committee's facts are in ``committee``)."""
        return self.bot_data.settings

    @property
    def committee(self) -> Committee:
        """The committee the bot acts for, as it stands now."""
        return self.bot_data.committee

    @property
    def db(self) -> Storage:
        """The storage."""
        return self.bot_data.database

    async def texts(self, update: Update) -> Texts:
        """The catalogue in the language of whoever sent ``update``.

        In groups (the staff chat) everyone reads the default language.
        """
        chat, user = update.effective_chat, update.effective_user
        if chat is not None and chat.type == chat.PRIVATE and user is not None:
            return Texts(await self.runtime.language_of(user.id, user.language_code))
        return Texts(self.committee.default_language)


HomThuApplication: TypeAlias = Application[
    ExtBot[None],
    HomThuContext,
    dict[Any, Any],
    dict[Any, Any],
    BotRuntime,
    JobQueue[HomThuContext],
]
