"""Delivery of the durable outbox: the staff group's notifications and residents' replies.

Rows are queued by storage in the same transaction as the change behind them. This worker
sends each with exactly one Bot API call and records the result in one transaction, so a
restart (even ``kill -9``) resumes where it stopped. The one window for a duplicate is a
crash after Telegram answered and before that transaction committed; it cannot be closed
from our side, since Telegram has no idempotency key.

Transient failures (network, timeouts, 5xx) are retried with exponential back-off and
jitter; a 429 is first waited out by PTB's limiter (three times), and one that persists
pauses the worker for ``retry_after``, durably. A refusal that can pass (the bot was removed
from the staff group, or may not post there for now) holds everything for the group, in
order: admins are told once, the group is tried again from time to time, and everything
goes out as soon as the bot can post again (it is added back or given its rights:
``release_staff``; or the bot restarts). A message Telegram will never accept (a malformed
one, a migrated group) is kept, marked failed, logged and reported; ``/resend`` sends it
again.

When Telegram has accepted a message but recording that fails (the database locked for a
while), the record is retried until it is written: the message is never sent twice for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import warnings
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from telegram import InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ExtBot
from telegram.warnings import PTBDeprecationWarning

from bot.delivery.cards import refresh_cards_of
from bot.delivery.deliveries import (
    ADMIN_TEXT,
    AGENCY_KINDS,
    RESIDENT_KINDS,
    STAFF_KINDS,
    STAFF_TEXT,
    Deliveries,
    Sent,
    Undeliverable,
)
from bot.delivery.staff_chat import follow_move
from bot.ptb.context import BotRuntime
from bot.ptb.flood import group_slot
from bot.render import keyboards
from bot.render.views import batch_message
from storage import (
    NOTIFY_STAFF,
    RESIDENT_REPLY,
    STAFF_ADDITION,
    STAFF_NOTICE,
    Delivery,
    FeedbackNotFound,
    FollowUpMessage,
    OutboxMessage,
    StorageUnavailable,
)
from texts import Texts

log = logging.getLogger(__name__)

# A surge: this many new-feedback notifications due at once are packed into fuller
# messages, so the group keeps up within Telegram's 20 messages a minute; two are packed
# too once the group's slots for the minute are used up.
SURGE_BACKLOG = 3
MOST_PER_BATCH = 10
FIRST_RETRY = 2.0
LONGEST_RETRY = 15 * 60.0
IDLE_WAIT = 30.0
# While a take-back holds messages that are due, the worker looks again this often.
HELD_WAIT = 0.25
# While the staff group refuses the bot, it is tried again this often (doubling).
FIRST_PROBE = 60.0
# Recording a delivery that failed is tried again after this (doubling up to 30 s).
FIRST_RECORD_RETRY = 0.5
LONGEST_RECORD_RETRY = 30.0
# Refusals that pass once the group is set right: the bot was removed, or may not post.
_PASSING = (
    "not enough rights",
    "have no rights",
    "need administrator rights",
    "chat_write_forbidden",
    "chat_restricted",
    "chat not found",
    "topic_closed",
    "not a member",
)

# News under a card that changes what the card says (an addition, an agency's press, a
# resident not satisfied): once it is delivered, the cards are brought up to date.
_CHANGES_A_CARD = frozenset({STAFF_ADDITION, STAFF_NOTICE})


def retry_delay(attempts: int) -> float:
    """Seconds before the next try: doubling from 2 s up to 15 min, with ±20 % jitter."""
    base = min(FIRST_RETRY * 2 ** min(attempts, 20), LONGEST_RETRY)
    return base * random.uniform(0.8, 1.2)


class OutboxWorker:
    """Sends what the outbox holds, in order, within Telegram's limits."""

    def __init__(self, bot: ExtBot[None], runtime: BotRuntime) -> None:
        self._bot = bot
        self._runtime = runtime
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._paused_until: datetime | None = None
        # While the staff group refuses the bot: when to try it again, and how often so far.
        self._staff_blocked_until: datetime | None = None
        self._probes = 0
        self._held_due = False
        self._deliveries = Deliveries(bot, runtime)
        self._senders = self._deliveries.senders

    @property
    def _t(self) -> Texts:
        return Texts(self._runtime.committee.default_language)

    def wake(self) -> None:
        """Look at the outbox now: something was just queued."""
        self._wake.set()

    def start(self) -> None:
        """Run in the background until ``stop``."""
        if self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self._run(), name="outbox")

    async def stop(self) -> None:
        """Finish the message being sent, then stop (the rest waits in the database).

        Cancelled while it waits (the stop has a deadline), it cancels the delivery in hand:
        that message is tried again at the next start.
        """
        self._stopping = True
        self._wake.set()
        task = self._task
        if task is None:
            return
        try:
            await asyncio.wait({task})
        except asyncio.CancelledError:
            task.cancel()
            raise
        finally:
            if task.done():
                self._task = None

    async def _run(self) -> None:
        log.info("outbox worker started")
        while not self._stopping:
            try:
                handled = await self.deliver_due()
            except Exception:
                log.exception("outbox worker error; retrying shortly")
                handled = 0
                await self._sleep(5.0)
                continue
            if handled == 0:
                idle = await self._idle_seconds()
                await self._sleep(max(idle, HELD_WAIT) if self._held_due else idle)
        log.info("outbox worker stopped")

    def _paused(self) -> bool:
        return self._paused_until is not None and self._paused_until > self._runtime.now()

    async def _idle_seconds(self) -> float:
        if self._paused_until is not None and self._paused():
            return (self._paused_until - self._runtime.now()).total_seconds()
        blocked = self._staff_blocked_until
        next_at = await self._runtime.database.outbox.next_attempt_at(
            skip=STAFF_KINDS if blocked is not None else ()
        )
        if blocked is not None and (next_at is None or blocked < next_at):
            next_at = blocked
        if next_at is None:
            return IDLE_WAIT
        wait = (next_at - self._runtime.now()).total_seconds()
        return min(max(wait, 0.05), IDLE_WAIT)

    @property
    def staff_blocked(self) -> bool:
        """True while the staff group refuses the bot's messages."""
        return self._staff_blocked_until is not None

    async def release_staff(self) -> int:
        """The bot can post to the staff group again: send what waits for it, in order."""
        was_blocked = self.staff_blocked
        self._staff_blocked_until, self._probes = None, 0
        released = await self._runtime.database.outbox.release(STAFF_KINDS)
        if was_blocked:
            log.info("staff group reachable again, messages released count=%d", released)
            for admin in sorted(self._runtime.committee.admin_ids):
                await self._runtime.database.outbox.add(
                    ADMIN_TEXT, payload={"chat_id": admin, "html": self._t("admin_staff_back")}
                )
        self.wake()
        return released

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)
        self._wake.clear()

    async def deliver_due(self) -> int:
        """Try every message that is due now, oldest first; return how many were tried.

        When several new-feedback notifications wait at once (a surge), they go out packed
        together, up to ``MOST_PER_BATCH`` a message.
        """
        outbox = self._runtime.database.outbox
        blocked = self._staff_blocked_until
        if blocked is None:
            due = await outbox.due(limit=50)
        else:
            due = await outbox.due(limit=50, skip=STAFF_KINDS)
            if blocked <= self._runtime.now():
                # Time to see whether the group takes the bot again: its oldest message.
                due = [*await outbox.due(limit=1, only=STAFF_KINDS), *due]
        tried = 0
        handled: set[int] = set()
        self._held_due = False
        for message in due:
            if self._stopping or self._paused():
                break
            if message.id in handled:
                continue
            if self._held(message):
                self._held_due = True
                continue
            if message.kind == NOTIFY_STAFF and blocked is None:
                carried = await self._notify_staff()
                handled.update(carried)
                tried += len(carried)
                # Not carried: paused or stopping meanwhile; the next round sends it.
                continue
            await self._deliver(message)
            tried += 1
        return tried

    def _held(self, message: OutboxMessage) -> bool:
        """True for what carries an answer whose «Thu hồi» is in hand: the take-back is
        decided first (it wins, or the officer is told it failed), never the send."""
        withdrawing = self._runtime.withdrawing
        return bool(withdrawing) and message.payload.get("proposal_id") in withdrawing

    async def _notify_staff(self) -> set[int]:
        """One message of new-feedback notifications, composed once the group's slot is
        granted: whatever waits by then goes in it (packed when several do, or when two do
        and the next slot is not free at once)."""
        staff_chat = self._runtime.committee.staff_chat_id
        async with group_slot(self._bot.rate_limiter, staff_chat) as spare:
            waiting = await self._runtime.database.outbox.due(
                limit=MOST_PER_BATCH, only=(NOTIFY_STAFF,)
            )
            if not waiting or self._stopping or self._paused():
                return set()
            if len(waiting) >= SURGE_BACKLOG or (len(waiting) > 1 and not spare):
                count = await self._deliver_batch(waiting)
                return {m.id for m in waiting[:count]}
            await self._deliver(waiting[0])
            return {waiting[0].id}

    async def _deliver(self, message: OutboxMessage) -> None:
        outbox = self._runtime.database.outbox
        sender = self._senders.get(message.kind)
        if sender is None:
            await outbox.failed(message, f"unknown kind {message.kind}")
            log.error("outbox message of unknown kind=%s id=%d", message.kind, message.id)
            return
        sent = await self._attempt([message], sender(message))
        if sent is not None:
            await self._record(
                lambda: outbox.delivered(
                    message,
                    sent.message_ids,
                    record=sent.record,
                    follow_ups=sent.follow_ups,
                    response_delivery=sent.response_delivery,
                ),
                message.kind,
            )
            await self._reached(message.kind)
            if message.kind in _CHANGES_A_CARD and message.feedback_id is not None:
                # What the resident added, or what an agency did, shows on every card.
                await refresh_cards_of(self._bot, self._runtime, message.feedback_id)

    async def _deliver_batch(self, messages: list[OutboxMessage]) -> int:
        """Send several notifications as one message; return how many it carried."""
        database = self._runtime.database
        feedbacks = []
        for message in messages:
            assert message.feedback_id is not None
            try:
                feedbacks.append(await database.feedback.get(message.feedback_id))
            except FeedbackNotFound as error:
                await self._give_up(message, "feedback deleted", error)
                return 1
        t = self._t
        text, count = batch_message(t, feedbacks, self._runtime.committee.timezone)
        carried, included = messages[:count], feedbacks[:count]
        markup = keyboards.open_cards_keyboard(t, [(f.id, f.code) for f in included])
        staff_chat = self._runtime.committee.staff_chat_id
        sent = await self._attempt(carried, self._send_text(staff_chat, text, markup))
        if sent is not None:
            first = sent.message_ids[0]
            await self._record(
                lambda: database.outbox.delivered_together(carried, first, staff_chat),
                NOTIFY_STAFF,
            )
            await self._reached(NOTIFY_STAFF)
            log.info("staff notified in a batch count=%d", count)
        return count

    async def _record(self, write: Callable[[], Awaitable[None]], kind: str) -> None:
        """Record a delivery Telegram accepted, however long the database refuses it.

        Should the process stop before it is written, the message is sent again after the
        restart: the one window for a duplicate, which no retry here can close.
        """
        delay = FIRST_RECORD_RETRY
        while True:
            try:
                await write()
                return
            except StorageUnavailable as error:  # busy, or the disk refused: try again
                if self._stopping:
                    raise
                log.warning(
                    "delivery not recorded yet, trying again kind=%s in=%.1fs error=%s",
                    kind,
                    delay,
                    error,
                )
            await asyncio.sleep(delay)
            delay = min(delay * 2, LONGEST_RECORD_RETRY)

    async def _reached(self, kind: str) -> None:
        """A message reached its chat; one for the staff group lifts a block on it."""
        if kind in STAFF_KINDS and self.staff_blocked:
            await self.release_staff()

    async def _send_text(
        self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> Sent:
        sent = await self._bot.send_message(
            chat_id,
            text,
            reply_markup=markup,
            message_thread_id=self._runtime.committee.staff_thread_id,
        )
        return Sent([sent.message_id])

    async def _attempt(
        self, messages: list[OutboxMessage], sending: Awaitable[Sent]
    ) -> Sent | None:
        """Make one Bot API call for ``messages``; on failure, schedule or give up on them."""
        outbox = self._runtime.database.outbox
        first = messages[0]
        try:
            return await sending
        except RetryAfter as error:
            seconds = _seconds(error)
            # A 429 is about the bot (or the group) as a whole: everything waits.
            self._paused_until = self._runtime.now() + timedelta(seconds=seconds)
            await outbox.retry_later(messages, self._paused_until, "429 retry_after")
            log.warning("telegram asked to slow down retry_after=%.0fs", seconds)
        except ChatMigrated as error:
            staff = self._runtime.committee.staff_chat_id
            if first.kind in STAFF_KINDS and await follow_move(
                self._runtime, staff, error.new_chat_id
            ):
                # The staff group moved: these go again at once, to where it is now.
                await outbox.retry_later(
                    messages, self._runtime.now(), f"chat migrated to {error.new_chat_id}"
                )
                return None
            for n, message in enumerate(messages):
                reason = f"chat migrated to {error.new_chat_id}"
                await self._give_up(message, reason, error, alert=n == 0)
        except (Forbidden, BadRequest) as error:
            if first.kind in STAFF_KINDS and _can_pass(error):
                await self._hold_staff(messages, error)
            else:
                for n, message in enumerate(messages):
                    reason = f"{type(error).__name__}: {error}"
                    await self._give_up(message, reason, error, alert=n == 0)
        except (Undeliverable, FeedbackNotFound) as error:
            for n, message in enumerate(messages):
                reason = f"{type(error).__name__}: {error}"
                await self._give_up(message, reason, error, alert=n == 0)
        except (TimedOut, NetworkError, TelegramError) as error:
            wait = retry_delay(first.attempts)
            await outbox.retry_later(
                messages, self._runtime.now() + timedelta(seconds=wait), str(error)
            )
            log.warning(
                "outbox delivery failed kind=%s attempt=%d retry_in=%.0fs error=%s",
                first.kind,
                first.attempts + 1,
                wait,
                type(error).__name__,
            )
        return None

    async def _hold_staff(self, messages: list[OutboxMessage], error: TelegramError) -> None:
        """The staff group refuses the bot for now: hold its messages, tell admins once."""
        first_refusal = not self.staff_blocked
        wait = min(FIRST_PROBE * 2 ** min(self._probes, 10), LONGEST_RETRY)
        self._probes += 1
        self._staff_blocked_until = self._runtime.now() + timedelta(seconds=wait)
        reason = f"{type(error).__name__}: {error.message}"
        await self._runtime.database.outbox.retry_later(
            messages, self._staff_blocked_until, reason
        )
        log.warning(
            "staff group refuses the bot, messages held kind=%s retry_in=%.0fs error=%s",
            messages[0].kind,
            wait,
            type(error).__name__,
        )
        if first_refusal:
            text = self._t("admin_staff_blocked", error=reason)
            for admin in sorted(self._runtime.committee.admin_ids):
                await self._runtime.database.outbox.add(
                    ADMIN_TEXT, payload={"chat_id": admin, "html": text}
                )

    async def _give_up(
        self, message: OutboxMessage, reason: str, error: Exception, *, alert: bool = True
    ) -> None:
        """Keep the message, marked failed, and tell whoever can act on it."""
        t = self._t
        follow_ups: list[FollowUpMessage] = []
        delivery: str | None = None
        if message.kind in STAFF_KINDS and alert:
            if isinstance(error, ChatMigrated):
                text = t("admin_chat_migrated", new_id=error.new_chat_id)
            else:
                text = t("admin_delivery_failed", error=reason)
            follow_ups = [
                FollowUpMessage(ADMIN_TEXT, {"chat_id": admin, "html": text})
                for admin in sorted(self._runtime.committee.admin_ids)
            ]
        elif message.kind in RESIDENT_KINDS and message.feedback_id is not None:
            blocked = isinstance(error, Forbidden)
            if message.kind == RESIDENT_REPLY:
                delivery = Delivery.BLOCKED if blocked else Delivery.FAILED
            code = await self._deliveries.feedback_code(message)
            if code is not None:
                text = (
                    t("staff_reply_blocked", code=code)
                    if blocked
                    else t("staff_reply_failed", code=code, error=type(error).__name__)
                )
                follow_ups = [FollowUpMessage(STAFF_TEXT, {"html": text})]
        elif message.kind in AGENCY_KINDS and alert:
            code = await self._deliveries.feedback_code(message)
            text = t("staff_agency_refused", code=code or "?", error=reason)
            follow_ups = [FollowUpMessage(STAFF_TEXT, {"html": text})]
        await self._runtime.database.outbox.failed(
            message, reason, follow_ups=follow_ups, response_delivery=delivery
        )
        log.error(
            "outbox message undeliverable kind=%s id=%d error=%s",
            message.kind,
            message.id,
            type(error).__name__,
        )


def _can_pass(error: TelegramError) -> bool:
    """True for a refusal that ends once the group is set right (not a malformed message)."""
    return isinstance(error, Forbidden) or any(
        words in error.message.lower() for words in _PASSING
    )


def _seconds(error: RetryAfter) -> float:
    """``retry_after`` in seconds; PTB is moving it from int to timedelta and warns on read."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        delay = error.retry_after
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
