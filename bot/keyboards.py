"""Inline keyboards and their callback data. Big buttons: one or two a row."""

from __future__ import annotations

import re
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.texts import Texts
from storage import Area, FeedbackStatus, Topic

AREA_PREFIX = "area:"
TOPIC_PREFIX = "topic:"
LANGUAGE_PREFIX = "lang:"
PREVIEW = "draft:preview"
SEND = "draft:send"
EDIT = "draft:edit"
CANCEL = "draft:cancel"
TOGGLE_REPLIES = "draft:replies"
RESTART_YES = "restart:yes"
RESTART_NO = "restart:no"


# Ids in callback data are row ids: at most 15 digits, so they always bind in SQLite.
_ID = re.compile(r"[0-9]{1,15}")


def id_after(prefix: str, data: str | None) -> int | None:
    """The id that follows ``prefix`` in a button's data; None when there is none (forged,
    or from another version of the bot)."""
    if not data or not data.startswith(prefix):
        return None
    raw = data[len(prefix) :]
    return int(raw) if _ID.fullmatch(raw) else None


def _column(buttons: Sequence[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button] for button in buttons])


def areas_keyboard(areas: Sequence[Area]) -> InlineKeyboardMarkup:
    """One button per open area."""
    return _column(
        [InlineKeyboardButton(a.name, callback_data=AREA_PREFIX + a.code) for a in areas]
    )


def topics_keyboard(topics: Sequence[Topic], language: str) -> InlineKeyboardMarkup:
    """One button per open topic."""
    return _column(
        [
            InlineKeyboardButton(t.name(language), callback_data=f"{TOPIC_PREFIX}{t.id}")
            for t in topics
        ]
    )


def writing_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """Shown under each acknowledgement while the resident writes."""
    return _column(
        [
            InlineKeyboardButton(t("btn_preview"), callback_data=PREVIEW),
            InlineKeyboardButton(t("btn_cancel"), callback_data=CANCEL),
        ]
    )


def preview_keyboard(t: Texts, wants_replies: bool, submission: str) -> InlineKeyboardMarkup:
    """Send, rewrite, cancel, and the reply toggle.

    The send button carries the draft's submission token, so that a press that arrives
    after the draft was sent is answered with the feedback it stored.
    """
    toggle = t("btn_replies_on") if wants_replies else t("btn_replies_off")
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t("btn_send"), callback_data=f"{SEND}:{submission}")],
            [
                InlineKeyboardButton(t("btn_edit"), callback_data=EDIT),
                InlineKeyboardButton(t("btn_cancel"), callback_data=CANCEL),
            ],
            [InlineKeyboardButton(toggle, callback_data=TOGGLE_REPLIES)],
        ]
    )


def restart_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """Drop the draft for a new start, or keep writing."""
    return _column(
        [
            InlineKeyboardButton(t("btn_restart_yes"), callback_data=RESTART_YES),
            InlineKeyboardButton(t("btn_restart_no"), callback_data=RESTART_NO),
        ]
    )


def language_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """Vietnamese or English."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t("btn_lang_vi"), callback_data=LANGUAGE_PREFIX + "vi"),
                InlineKeyboardButton(t("btn_lang_en"), callback_data=LANGUAGE_PREFIX + "en"),
            ]
        ]
    )


STATUS_PREFIX = "st:"
# Staff buttons, two to a row, in the workflow's order.
STATUS_ROWS: tuple[tuple[FeedbackStatus, ...], ...] = (
    (FeedbackStatus.RECEIVED, FeedbackStatus.IN_PROGRESS),
    (FeedbackStatus.FORWARDED,),
    (FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED),
    (FeedbackStatus.NEW,),
)


def status_keyboard(t: Texts, feedback_id: int, current: FeedbackStatus) -> InlineKeyboardMarkup:
    """The six statuses under a notification; the current one is ticked."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    ("✅ " if status is current else "") + t(f"status_{status.value}"),
                    callback_data=f"{STATUS_PREFIX}{feedback_id}:{status.value}",
                )
                for status in row
            ]
            for row in STATUS_ROWS
        ]
    )


OPEN_CARD_PREFIX = "open:"


def open_cards_keyboard(t: Texts, cards: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    """A "📂 code" button per packed feedback (id, code), two to a row."""
    buttons = [
        InlineKeyboardButton(t("btn_open_card", code=code), callback_data=f"{OPEN_CARD_PREFIX}{i}")
        for i, code in cards
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


RESEND = "resend:all"


def resend_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """Send every message listed by /resend again."""
    return _column([InlineKeyboardButton(t("btn_resend"), callback_data=RESEND)])
