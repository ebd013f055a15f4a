"""Working days: every due date below was worked out by hand from the calendar in its comment."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.rules.workdays import WorkingCalendar

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def calendar() -> WorkingCalendar:
    """A fresh calendar: no year looked up yet."""
    return WorkingCalendar(ZONE)


def sent(year: int, month: int, day: int, hour: int = 9) -> datetime:
    """An aware UTC instant at ``hour`` o'clock in Vietnam (UTC+7) on that day."""
    return datetime(year, month, day, hour, tzinfo=ZONE).astimezone(UTC)


def test_weekdays_work_and_weekends_rest(calendar: WorkingCalendar) -> None:
    # Mon 16 – Fri 20 November 2026 work; Sat 21 and Sun 22 do not.
    days = [date(2026, 11, d) for d in range(16, 23)]
    assert [calendar.is_working_day(d) for d in days] == [True] * 5 + [False] * 2


def test_across_tet_2027(calendar: WorkingCalendar) -> None:
    # Tết 2027: Thu 4 – Wed 10 Feb are days off (Sat 6 and Sun 7 among them).
    # Sent Wed 3 Feb, 7 working days: Thu 11 (1), Fri 12 (2), Mon 15 (3), Tue 16 (4),
    # Wed 17 (5), Thu 18 (6), Fri 19 (7).
    assert calendar.due_date(sent(2027, 2, 3), 7) == date(2027, 2, 19)
    assert not any(calendar.is_working_day(date(2027, 2, d)) for d in range(4, 11))
    assert calendar.is_working_day(date(2027, 2, 11))


def test_across_30_april_and_1_may_2026(calendar: WorkingCalendar) -> None:
    # 2026: Hùng Kings' day falls on Sun 26 Apr and is observed Mon 27 Apr; Thu 30 Apr and
    # Fri 1 May are days off. Sent Fri 24 Apr, 5 working days: Tue 28 (1), Wed 29 (2),
    # Mon 4 May (3), Tue 5 (4), Wed 6 (5).
    assert calendar.due_date(sent(2026, 4, 24), 5) == date(2026, 5, 6)


def test_across_30_april_and_1_may_2027_with_the_observed_monday(
    calendar: WorkingCalendar,
) -> None:
    # 2027: Fri 30 Apr is a day off; 1 May is a Saturday, so Mon 3 May is taken instead.
    # Sent Thu 29 Apr, 2 working days: Tue 4 May (1), Wed 5 May (2).
    assert calendar.due_date(sent(2027, 4, 29), 2) == date(2027, 5, 5)
    assert not calendar.is_working_day(date(2027, 5, 3))


def test_sent_on_a_saturday(calendar: WorkingCalendar) -> None:
    # Sat 7 Nov 2026: the count starts on Mon 9 Nov. 1 day: Mon 9. 7 days: Mon 9 (1) …
    # Fri 13 (5), Mon 16 (6), Tue 17 (7).
    assert calendar.due_date(sent(2026, 11, 7), 1) == date(2026, 11, 9)
    assert calendar.due_date(sent(2026, 11, 7), 7) == date(2026, 11, 17)


def test_sent_on_a_holiday(calendar: WorkingCalendar) -> None:
    # Sent on Thu 30 Apr 2026 (a day off): Fri 1 May is off too, then the weekend;
    # 1 working day is Mon 4 May.
    assert calendar.due_date(sent(2026, 4, 30), 1) == date(2026, 5, 4)


def test_sent_late_at_night_utc_is_already_the_next_day_in_vietnam(
    calendar: WorkingCalendar,
) -> None:
    # 18:30 UTC on Thu 19 Nov 2026 is 01:30 on Fri 20 Nov in Vietnam: the count starts after
    # Friday, so 1 working day is Mon 23 Nov (counting from the UTC date would give Fri 20).
    late = datetime(2026, 11, 19, 18, 30, tzinfo=UTC)
    assert calendar.due_date(late, 1) == date(2026, 11, 23)
    # 16:59 UTC is still 23:59 on Thursday: 1 working day is Fri 20.
    assert calendar.due_date(datetime(2026, 11, 19, 16, 59, tzinfo=UTC), 1) == date(2026, 11, 20)


def test_zero_days_is_the_day_it_was_sent(calendar: WorkingCalendar) -> None:
    # Even on a day off: 0 working days adds nothing.
    assert calendar.due_date(sent(2027, 2, 6), 0) == date(2027, 2, 6)
    assert calendar.add_working_days(date(2026, 11, 21), 0) == date(2026, 11, 21)


def test_negative_days_are_refused(calendar: WorkingCalendar) -> None:
    with pytest.raises(ValueError, match="negative"):
        calendar.add_working_days(date(2026, 11, 20), -1)


def test_a_naive_moment_is_refused(calendar: WorkingCalendar) -> None:
    with pytest.raises(ValueError, match="aware"):
        calendar.due_date(datetime(2026, 11, 20, 9), 1)


def test_a_saturday_made_a_workday_counts(calendar: WorkingCalendar) -> None:
    # 2026: Sat 22 Aug is worked to make Mon 31 Aug a day off, next to 1–2 September.
    # Sent Fri 21 Aug, 1 working day: Sat 22. Sent Fri 28 Aug, 2 working days: Mon 31,
    # Tue 1 and Wed 2 Sep are off, so Thu 3 Sep (1), Fri 4 Sep (2).
    assert calendar.is_working_day(date(2026, 8, 22))
    assert not calendar.is_working_day(date(2026, 8, 31))
    assert calendar.due_date(sent(2026, 8, 21), 1) == date(2026, 8, 22)
    assert calendar.due_date(sent(2026, 8, 28), 2) == date(2026, 9, 4)


def test_across_new_year(calendar: WorkingCalendar) -> None:
    # Sent Wed 30 Dec 2026, 2 working days: Thu 31 Dec (1); Fri 1 Jan 2027 is a day off,
    # then the weekend; Mon 4 Jan (2). The 2027 holidays are looked up only now.
    assert calendar.due_date(sent(2026, 12, 30), 2) == date(2027, 1, 4)


def test_end_of_day_is_local_midnight_in_utc(calendar: WorkingCalendar) -> None:
    # Midnight ending Fri 20 Nov in Vietnam (UTC+7) is 17:00 UTC on Fri 20 Nov.
    end = calendar.end_of_day(date(2026, 11, 20))
    assert end == datetime(2026, 11, 20, 17, 0, tzinfo=UTC)
    assert end.utcoffset() == timedelta(0)
    assert end.astimezone(ZONE) == datetime(2026, 11, 21, 0, 0, tzinfo=ZONE)


def test_working_days_between(calendar: WorkingCalendar) -> None:
    # Due Wed 6 May 2026; on Mon 11 May: Thu 7 (1), Fri 8 (2), Mon 11 (3) working days late.
    assert calendar.working_days_between(date(2026, 5, 6), date(2026, 5, 11)) == 3
    assert calendar.working_days_between(date(2026, 5, 11), date(2026, 5, 6)) == -3
    assert calendar.working_days_between(date(2026, 5, 6), date(2026, 5, 6)) == 0
    # (Wed 29 Apr, Mon 4 May]: 30 Apr and 1 May off, the weekend, then Mon 4 May: 1.
    assert calendar.working_days_between(date(2026, 4, 29), date(2026, 5, 4)) == 1


def test_adding_and_counting_agree(calendar: WorkingCalendar) -> None:
    start = date(2026, 12, 15)
    for n in (1, 7, 30, 120):
        due = calendar.add_working_days(start, n)
        assert calendar.working_days_between(start, due) == n
        assert calendar.is_working_day(due)


def test_a_year_of_working_days_is_fast(calendar: WorkingCalendar) -> None:
    calendar.add_working_days(date(2026, 1, 1), 365)  # holidays of 2026–2027 looked up
    started = time.perf_counter()
    for _ in range(100):
        calendar.add_working_days(date(2026, 1, 1), 365)
    assert (time.perf_counter() - started) / 100 < 0.005
