"""Working days in Vietnam: deadlines skip weekends and public holidays (SPEC §5, Deadlines).

The holidays come from the ``holidays`` package's Vietnam calendar: Tết and the Hùng Kings'
day follow the lunar calendar, and the government moves days off (and names Saturdays as
working days to make up for them) by decision each year, so a hand-written table would be
wrong within a year. Keep the package up to date for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

COUNTRY = "VN"


@dataclass(frozen=True, slots=True)
class _Year:
    """What one calendar year holds: its days off and its Saturdays or Sundays worked."""

    days_off: frozenset[date]
    weekend_workdays: frozenset[date]
    weekend: frozenset[int]


class WorkingCalendar:
    """Vietnam's working days, seen from the committee's time zone.

    Each year's holidays are looked up once, the first time a date in it is asked about.
    """

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self._years: dict[int, _Year] = {}

    def is_working_day(self, day: date) -> bool:
        """A weekday that is not a holiday, or a weekend day the government made a workday."""
        year = self._year(day.year)
        if day.weekday() in year.weekend:
            return day in year.weekend_workdays
        return day not in year.days_off

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day strictly after ``day``; ``day`` itself when ``n`` is 0."""
        if n < 0:
            raise ValueError(f"a number of working days cannot be negative: {n}")
        while n > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day

    def local_date(self, moment: datetime) -> date:
        """The date it is in the committee's zone at an aware instant."""
        if moment.tzinfo is None:
            raise ValueError("a moment must be timezone-aware")
        return moment.astimezone(self.zone).date()

    def due_date(self, sent_at: datetime, days: int) -> date:
        """The last day to resolve a feedback sent at ``sent_at`` (aware) within ``days``
        working days: the count starts on the working day after the local date it was sent."""
        return self.add_working_days(self.local_date(sent_at), days)

    def end_of_day(self, day: date) -> datetime:
        """The aware UTC instant at which ``day`` ends locally: from then on, it is past due."""
        midnight = datetime.combine(day + timedelta(days=1), time(), tzinfo=self.zone)
        return midnight.astimezone(UTC)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``; negative when ``end`` is
        before ``start``. How many working days late a feedback due on ``start`` is on ``end``."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def _year(self, number: int) -> _Year:
        found = self._years.get(number)
        if found is None:
            import holidays

            calendar = holidays.country_holidays(COUNTRY, years=number)
            found = _Year(
                days_off=frozenset(calendar),
                weekend_workdays=frozenset(
                    day for day in calendar.weekend_workdays if day.year == number
                ),
                weekend=frozenset(calendar.weekend),
            )
            # Two threads may build the same year at once; both results are equal.
            self._years[number] = found
        return found


@dataclass(frozen=True, slots=True)
class Deadlines:
    """When feedback is due: ``default_days`` working days (SLA_DAYS) unless its topic has
    its own number, counted in ``calendar``."""

    calendar: WorkingCalendar
    default_days: int

    def due_at(self, sent_at: datetime, topic_days: int | None) -> datetime:
        """The instant a feedback sent at ``sent_at`` becomes overdue (UTC)."""
        days = topic_days or self.default_days
        return self.calendar.end_of_day(self.calendar.due_date(sent_at, days))

    def due_day(self, due_at: datetime) -> date:
        """The last day allowed, as a person reads a deadline (the day before ``due_at``)."""
        return self.calendar.local_date(due_at - timedelta(microseconds=1))
