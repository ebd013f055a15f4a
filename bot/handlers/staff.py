"""The staff group: status buttons, replies and notes, and the staff commands (SPEC §5)."""

from __future__ import annotations

import contextlib
import functools
import html
import logging
import re
import tempfile
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import timedelta, tzinfo
from pathlib import Path
from typing import Any

from telegram import CallbackQuery, InputMediaPhoto, Message, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest

from bot import keyboards
from bot.answers import answer_quietly
from bot.context import HomThuContext
from bot.digest import build_digest
from bot.reports import (
    days_usage,
    export_caption,
    export_stem,
    open_messages,
    parse_days,
    stats_messages,
    write_export,
)
from bot.texts import Texts
from bot.views import escaped_lines, local_time, pack_lines, staff_card
from storage import Feedback, FeedbackNotFound, FeedbackStatus, Response, ResponseKind
from storage.codes import normalize_reference_code
from storage.reports import ExportRow, count_by, export_rows, open_feedback

log = logging.getLogger(__name__)

# SPEC §4: a reply channel is deleted when its feedback is resolved plus 30 days.
REPLY_CHANNEL_KEPT = timedelta(days=30)
# /open lists this many; the rest are counted.
OPEN_LIST_LIMIT = 100

_NOTE = re.compile(r"^\s*(?:/note(?:@\w+)?|#note)\b\s*", re.IGNORECASE)
_STATUSES = frozenset(status.value for status in FeedbackStatus)
_STATUS_DATA = re.compile(rf"^{keyboards.STATUS_PREFIX}(\d{{1,15}}):([a-z_]+)$")

Command = Callable[[Update, HomThuContext], Coroutine[Any, Any, None]]
ButtonStep = Callable[
    [Update, HomThuContext, Texts, CallbackQuery, str], Coroutine[Any, Any, None]
]


def is_staff_place(update: Update, context: HomThuContext) -> bool:
    """The staff group, or an admin's private chat."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return False
    if chat.id == context.settings.staff_chat_id:
        return True
    return chat.type == chat.PRIVATE and user is not None and user.id in context.settings.admin_ids


def in_staff_group(update: Update, context: HomThuContext) -> bool:
    """True for an update from the staff group itself."""
    chat = update.effective_chat
    return chat is not None and chat.id == context.settings.staff_chat_id


def staff_only(command: Command) -> Command:
    """Run a staff command in the staff group or for an admin; refuse it anywhere else."""

    @functools.wraps(command)
    async def run(update: Update, context: HomThuContext) -> None:
        if is_staff_place(update, context):
            await command(update, context)
            return
        message = update.effective_message
        if message is not None:
            t = await context.texts(update)
            await message.reply_text(t("staff_only"))
        log.info("staff command refused command=%s", command.__name__)

    return run


def officer_name(update: Update) -> str:
    """How a staff member is recorded: staff are not anonymous."""
    user = update.effective_user
    return user.full_name if user is not None else "?"


def staff_group_button(step: ButtonStep) -> Command:
    """Run a staff button only when pressed in the staff group.

    Anywhere else the callback data was forged or copied: nothing changes, and nothing is
    recorded under the presser's name.
    """

    @functools.wraps(step)
    async def run(update: Update, context: HomThuContext) -> None:
        query = update.callback_query
        assert query is not None
        assert query.data is not None
        t = await context.texts(update)
        if not in_staff_group(update, context):
            log.info("staff button refused outside the staff group button=%s", step.__name__)
            await answer_quietly(query, t("staff_only"), show_alert=True)
            return
        await step(update, context, t, query, query.data)

    return run


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


async def staff_reply(update: Update, context: HomThuContext) -> None:
    """A reply to a notification: a public answer, or with /note or #note an internal note."""
    message = update.effective_message
    assert message is not None
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != context.bot.id:
        return  # officers talking among themselves
    feedback_id = await context.db.feedback.for_staff_message(message.chat_id, replied.message_id)
    if feedback_id is None:
        return  # a reply to some other message of the bot (a report, a confirmation)
    t = await context.texts(update)
    if feedback_id == 0:
        await message.reply_text(t("batch_reply"))  # a surge batch: which feedback is meant?
        return
    text = message.text or message.caption or ""
    note = _NOTE.match(text)
    body = text[note.end() :].strip() if note else text.strip()
    if not body:
        await message.reply_text(t("staff_reply_empty"))
        return
    kind = ResponseKind.NOTE if note else ResponseKind.REPLY
    try:
        stored = await context.db.feedback.respond(feedback_id, kind, body, officer_name(update))
    except FeedbackNotFound:
        await message.reply_text(t("staff_feedback_gone"))
        return
    code = stored.feedback.code
    if kind is ResponseKind.NOTE:
        await message.reply_text(t("staff_note_saved", code=code))
    elif stored.to_resident:
        context.runtime.wake_outbox()
        await message.reply_text(t("staff_reply_sent", code=code))
    else:
        await message.reply_text(t("staff_reply_public_only", code=code))


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


@staff_only
async def digest_command(update: Update, context: HomThuContext) -> None:
    """/digest: the digest since the last one, now (the schedule is not moved)."""
    message = update.effective_message
    assert message is not None
    digest = await build_digest(context.runtime, context.runtime.now())
    for text in digest.messages:
        await message.reply_text(text)
    if digest.chart_png is not None:
        await message.reply_photo(digest.chart_png)


async def _days_or_usage(
    message: Message, context: HomThuContext, t: Texts, command: str
) -> int | None:
    """The ``[days]`` argument of a report command, or None after answering with its usage."""
    days = parse_days(context.args or [])
    if days is None:
        await message.reply_text(days_usage(t, command))
    return days


@staff_only
async def stats_command(update: Update, context: HomThuContext) -> None:
    """/stats [days]: counts by area, topic and status."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    days = await _days_or_usage(message, context, t, "stats")
    if days is None:
        return
    counts = await count_by(context.db, context.runtime.now() - timedelta(days=days))
    for text in stats_messages(t, counts, days, context.settings.timezone):
        await message.reply_text(text)


@staff_only
async def open_command(update: Update, context: HomThuContext) -> None:
    """/open: unresolved feedback, oldest first, overdue marked."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    backlog = await open_feedback(context.db, OPEN_LIST_LIMIT)
    settings = context.settings
    for text in open_messages(
        t,
        backlog.items,
        backlog.total,
        settings.sla_days,
        context.runtime.now(),
        settings.timezone,
    ):
        await message.reply_text(text)


@staff_only
async def export_command(update: Update, context: HomThuContext) -> None:
    """/export [days]: a CSV (UTF-8 with BOM) and an XLSX of the period's feedback."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    days = await _days_or_usage(message, context, t, "export")
    if days is None:
        return
    now = context.runtime.now()
    since = now - timedelta(days=days)
    zone = context.settings.timezone
    await message.reply_chat_action(ChatAction.UPLOAD_DOCUMENT)
    counted = 0

    async def rows() -> AsyncIterator[ExportRow]:
        nonlocal counted
        async for row in export_rows(context.db, since):
            counted += 1
            yield row

    with tempfile.TemporaryDirectory(prefix="homthu-export-") as folder:
        csv_path, xlsx_path = await write_export(
            rows(), Path(folder), export_stem(now, zone), zone, t
        )
        caption = export_caption(t, counted, days, since, zone)
        if counted == 0:
            await message.reply_text(caption)
            return
        for path in (csv_path, xlsx_path):
            with path.open("rb") as handle:
                await message.reply_document(handle, filename=path.name, caption=caption)
    log.info("export sent rows=%d days=%d", counted, days)
