"""A committee: who runs a suggestion box, where its staff read, and by which clock.

Everything that belongs to one committee rather than to the process lives here: its name,
its staff group (and topic thread), its admins, its time zone, its working-day limit, when
its digest is posted, how else residents reach it, and the language its staff read. Code
that acts for a committee is handed this value (by argument, or from the bot's runtime)
and never reads the process settings for these facts, so that one deployment can later
serve several committees, each its own value.

Today's environment builds the one committee (``bot.service.config``); this module checks
nothing of the environment and knows nothing of Telegram or storage.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from zoneinfo import ZoneInfo

from core.rules.workdays import Deadlines, WorkingCalendar

DEFAULT_UNIT_NAME = "Ủy ban MTTQ"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_DIGEST_CRON = "30 7 * * *"
DEFAULT_SLA_DAYS = 7
DEFAULT_LANGUAGE = "vi"


@dataclass(frozen=True)
class Committee:
    """One committee's facts (SPEC §2: STAFF_CHAT_ID, STAFF_THREAD_ID, ADMIN_IDS, UNIT_NAME,
    UNIT_NAME_EN, TIMEZONE, SLA_DAYS, DIGEST_CRON, DEFAULT_LANGUAGE, CONTACT_TEXT).

    Frozen: a change (Telegram moving the staff group) makes a new value, which the bot
    swaps in whole, so no reader ever sees half of one committee and half of another.
    """

    # The staff group the bot posts cards to and listens in (a negative chat id).
    staff_chat_id: int
    # Telegram user ids of the committee's admins.
    admin_ids: frozenset[int]
    unit_name: str = DEFAULT_UNIT_NAME
    # The committee's name as English readers see it; None: made from ``unit_name``.
    unit_name_en: str | None = None
    # In a staff group that is a forum: the topic thread the bot posts in.
    staff_thread_id: int | None = None
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_TIMEZONE))
    # Working days a feedback may take, unless its topic has its own number.
    sla_days: int = DEFAULT_SLA_DAYS
    # When the daily digest is posted to the staff group (crontab, in ``timezone``).
    digest_cron: str = DEFAULT_DIGEST_CRON
    # What the staff group reads, and residents who never chose a language and whose app
    # reports none the bot speaks.
    default_language: str = DEFAULT_LANGUAGE
    # How else to reach the committee (phone, address, hours): /help, closed areas, posters.
    contact_text: str | None = None

    def unit_name_for(self, language: str) -> str:
        """UNIT_NAME as readers of ``language`` see it: UNIT_NAME_EN for English, when set."""
        if language == "en" and self.unit_name_en:
            return self.unit_name_en
        return self.unit_name

    def is_admin(self, user_id: int | None) -> bool:
        """Whether the Telegram user ``user_id`` is one of the committee's admins (None, an
        update with no sender, never is)."""
        return user_id is not None and user_id in self.admin_ids

    def is_staff_chat(self, chat_id: int | None) -> bool:
        """Whether ``chat_id`` is the committee's staff group."""
        return chat_id is not None and chat_id == self.staff_chat_id

    def with_staff_chat(self, chat_id: int) -> Committee:
        """The same committee with its staff group at ``chat_id`` (Telegram moved the group
        when it became a supergroup); this value is left as it was.

        The working calendar and deadlines go along (the same objects storage was built
        with): the years of holidays already looked up are not looked up again.
        """
        moved = dataclasses.replace(self, staff_chat_id=chat_id)
        for made in ("calendar", "deadlines"):
            if made in self.__dict__:
                # cached_property keeps its value in the instance's __dict__, which the
                # frozen dataclass's __setattr__ does not guard.
                moved.__dict__[made] = self.__dict__[made]
        return moved

    @cached_property
    def calendar(self) -> WorkingCalendar:
        """Working days as the committee counts them: Vietnam's, in its time zone.

        Made once per value (it caches each year's holidays as they are asked about)."""
        return WorkingCalendar(self.timezone)

    @cached_property
    def deadlines(self) -> Deadlines:
        """When the committee's feedback is due: ``sla_days`` working days by default."""
        return Deadlines(self.calendar, self.sla_days)
