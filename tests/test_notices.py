"""Who is told of a change of status, and when (core/notices.py): the policy alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.notices import NOTIFIED, StatusNotices, status_notices
from storage import FeedbackStatus

AT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=5)
S = FeedbackStatus


def decide(
    previous: FeedbackStatus,
    status: FeedbackStatus,
    *,
    waiting: bool = False,
    channels: tuple[int, ...] = (7, 9),
) -> StatusNotices:
    return status_notices(
        previous, status, waiting=waiting, channels=channels, changed_at=AT, delay=WINDOW
    )


def test_residents_are_told_of_forwarded_resolved_and_rejected_only() -> None:
    assert {S.FORWARDED, S.RESOLVED, S.REJECTED} == NOTIFIED
    for status in S:
        told = decide(S.RECEIVED, status)
        assert told.tell is (status in NOTIFIED)
        assert told.channels == ((7, 9) if status in NOTIFIED else ())


def test_every_channel_is_told_after_the_window() -> None:
    told = decide(S.IN_PROGRESS, S.RESOLVED, channels=(3, 4, 5))
    assert told.channels == (3, 4, 5)
    assert told.send_at == AT + WINDOW


def test_the_same_status_again_is_not_told_twice() -> None:
    assert decide(S.RESOLVED, S.RESOLVED).channels == ()
    assert not decide(S.FORWARDED, S.FORWARDED).tell


def test_the_same_status_replacing_a_waiting_notice_is_told() -> None:
    told = decide(S.FORWARDED, S.FORWARDED, waiting=True)
    assert told.channels == (7, 9)


def test_a_status_nobody_is_told_of_tells_nobody_though_a_notice_waited() -> None:
    # An officer who undoes «Đã giải quyết» within the window: the resident reads nothing
    # (the waiting notice is withdrawn by storage: test_dialogue.py, the notice replaced).
    told = decide(S.RESOLVED, S.IN_PROGRESS, waiting=True)
    assert not told.tell


def test_no_channel_means_nobody_is_told() -> None:
    told = decide(S.NEW, S.REJECTED, waiting=True, channels=())
    assert not told.tell
    assert told.channels == ()
