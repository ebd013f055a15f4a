"""The feedback card in the staff group: status buttons, opening a card, /show (SPEC §5)."""

from __future__ import annotations

import contextlib
import html
import logging
import re
from datetime import timedelta, tzinfo

from telegram import CallbackQuery, InputMediaPhoto, Message, Update
from telegram.error import BadRequest

from bot import keyboards
from bot.answers import answer_quietly
from bot.context import HomThuContext
from bot.handlers.staff.access import officer_name, staff_group_button, staff_only
from bot.texts import Texts
from bot.views import escaped_lines, local_time, pack_lines, staff_card
from storage import Feedback, FeedbackNotFound, FeedbackStatus, Response, ResponseKind
from storage.codes import normalize_reference_code

log = logging.getLogger(__name__)


# SPEC §4: a reply channel is deleted when its feedback is resolved plus 30 days.
REPLY_CHANNEL_KEPT = timedelta(days=30)

_STATUSES = frozenset(status.value for status in FeedbackStatus)
_STATUS_DATA = re.compile(rf"^{keyboards.STATUS_PREFIX}(\d{{1,15}}):([a-z_]+)$")


@staff_group_button
async def status_button(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """A status button under a notification: record the change and show it on the card."""
    match = _STATUS_DATA.match(data)
    if match is None or match.group(2) not in _STATUSES:
        await answer_quietly(query, t("stale_button"))
        return
    status = FeedbackStatus(match.group(2))
    try:
        update_ = await context.db.feedback.set_status(
            int(match.group(1)), status, officer_name(update)
        )
    except FeedbackNotFound:
        await answer_quietly(query, t("staff_feedback_gone"), show_alert=True)
        return
    await answer_quietly(query, t("staff_status_set", status=t(f"status_{status.value}")))
    if update_.resident_told:
        context.runtime.wake_outbox()
    feedback = update_.feedback
    parts = staff_card(t, feedback, context.settings.timezone)
    # Two officers pressing at once: both changes are recorded, the last edit shows.
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(
            parts[0], reply_markup=keyboards.status_keyboard(t, feedback.id, feedback.status)
        )


@staff_group_button
async def open_card(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """A "📂 code" button under a surge batch: post that feedback's full, answerable card."""
    feedback_id = keyboards.id_after(keyboards.OPEN_CARD_PREFIX, data)
    try:
        if feedback_id is None:
            raise FeedbackNotFound(data)
        feedback = await context.db.feedback.get(feedback_id)
    except FeedbackNotFound:
        await answer_quietly(query, t("staff_feedback_gone"), show_alert=True)
        return
    await answer_quietly(query)
    chat = context.settings.staff_chat_id
    parts = staff_card(t, feedback, context.settings.timezone)
    card = await context.bot.send_message(
        chat, parts[0], reply_markup=keyboards.status_keyboard(t, feedback.id, feedback.status)
    )
    await context.db.feedback.record_staff_message(chat, [card.message_id], feedback.id, "card")
    for part in parts[1:]:
        sent = await card.reply_text(part)
        await context.db.feedback.record_staff_message(
            chat, [sent.message_id], feedback.id, "part"
        )
    if feedback.photo_file_ids:
        photos = await _send_photos(card, feedback)
        await context.db.feedback.record_staff_message(chat, photos, feedback.id, "photo")
    log.info("card opened from a batch code=%s", feedback.code)


@staff_only
async def show_command(update: Update, context: HomThuContext) -> None:
    """/show <code>: the whole feedback, its history, answers, notes and photos."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    code = normalize_reference_code(" ".join(context.args or []))
    if code is None:
        await message.reply_text(t("show_usage"))
        return
    try:
        feedback = await context.db.feedback.get_by_code(code)
    except FeedbackNotFound:
        await message.reply_text(t("status_not_found", code=code))
        return
    zone = context.settings.timezone
    for part in staff_card(t, feedback, zone):
        await message.reply_text(part)
    if feedback.photo_file_ids:
        await _send_photos(message, feedback)
    history = await context.db.feedback.history(feedback.id)
    lines = [t("show_history")]
    for change in history:
        status = t(f"status_{change.status.value}")
        when = local_time(change.changed_at, zone)
        if change.changed_by:
            lines.append(
                t("show_history_line_by", time=when, status=status, who=change.changed_by)
            )
        else:
            lines.append(t("show_history_line", time=when, status=status))
    lines += ["", t("show_responses")]
    if not feedback.responses:
        lines.append(t("show_no_responses"))
    for response in feedback.responses:
        lines += ["", _response_heading(t, response, zone)]
        lines += escaped_lines(response.body)
    for text in pack_lines(lines, t("report_continued")):
        await message.reply_text(text)


def _response_heading(t: Texts, response: Response, zone: tzinfo) -> str:
    when = local_time(response.created_at, zone)
    if response.kind is ResponseKind.NOTE:
        return t("show_note", time=when, author=response.author)
    delivery = t(f"delivery_{response.delivery.value}") if response.delivery else ""
    return t.with_html(
        "show_reply",
        time=html.escape(when),
        author=html.escape(response.author),
        delivery=delivery,
    )


async def _send_photos(message: Message, feedback: Feedback) -> list[int]:
    photos = feedback.photo_file_ids
    if len(photos) == 1:
        return [(await message.reply_photo(photos[0])).message_id]
    sent = await message.reply_media_group([InputMediaPhoto(p) for p in photos])
    return [m.message_id for m in sent]


async def forget_old_reply_channels(context: HomThuContext) -> None:
    """Delete the sealed chats of feedback closed more than 30 days ago (a periodic job)."""
    cutoff = context.runtime.now() - REPLY_CHANNEL_KEPT
    await context.db.feedback.forget_reply_channels(cutoff)
