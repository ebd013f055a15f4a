"""Admin commands: areas, topics, QR codes and posters (SPEC §6).

Every command runs for the users in ``ADMIN_IDS`` only, in a private chat or in the staff
group (the handlers' filters keep other chats out). Anyone else gets a short refusal and
nothing changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import logging
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InputFile, Message, Update
from telegram.constants import ChatAction, MessageLimit
from telegram.error import BadRequest

import qr
from bot import keyboards
from bot.answers import answer_quietly
from bot.context import HomThuContext
from bot.texts import Texts
from bot.views import visible_length
from storage import (
    Area,
    AreaNotFound,
    AreaSummary,
    DuplicateArea,
    InvalidAreaCode,
    InvalidName,
    Topic,
    TopicNotFound,
)
from storage.models import MAX_NAME_LENGTH, validate_area_code
from storage.outbox import Undelivered

log = logging.getLogger(__name__)

Step = Callable[[Message, HomThuContext, Texts], Coroutine[Any, Any, None]]
Callback = Callable[[Update, HomThuContext], Coroutine[Any, Any, None]]

# Topic numbers are SQLite row ids; anything past this is not one (and would not bind).
_LARGEST_TOPIC_NUMBER = 2**31
# How much of a mistyped argument is echoed back.
_ECHO = 40


def admin_only(command: str, step: Step) -> Callback:
    """Run ``step`` for admins; refuse everyone else without changing anything."""

    @functools.wraps(step)
    async def run(update: Update, context: HomThuContext) -> None:
        message = update.effective_message
        assert message is not None
        t = await context.texts(update)
        user = update.effective_user
        if user is None or user.id not in context.settings.admin_ids:
            log.info("admin command refused command=%s", command)
            await message.reply_text(t("admin_only"))
            return
        await step(message, context, t)

    return run


def _args(context: HomThuContext) -> list[str]:
    return list(context.args or [])


def _name(words: Sequence[str]) -> str:
    # Telegram splits the arguments on white space; storage would collapse it anyway.
    return " ".join(words)


async def _code_is_valid(message: Message, t: Texts, code: str) -> bool:
    if validate_area_code(code):
        return True
    await message.reply_text(t("area_code_invalid", code=code[:_ECHO]))
    return False


async def _name_invalid(message: Message, t: Texts, name: str) -> None:
    await message.reply_text(
        t("name_invalid", max_chars=MAX_NAME_LENGTH, length=len(" ".join(name.split())))
    )


async def _reply_lines(message: Message, header: str, lines: Sequence[str]) -> None:
    """The header and the lines in as few messages as Telegram's length limit allows."""
    for chunk in _chunks(header, lines):
        await message.reply_text(chunk)


def _chunks(header: str, lines: Sequence[str]) -> list[str]:
    chunks: list[str] = [header]
    for line in lines:
        joined = f"{chunks[-1]}\n{line}"
        if visible_length(joined) <= MessageLimit.MAX_TEXT_LENGTH:
            chunks[-1] = joined
        else:
            chunks.append(line)
    return chunks


def _state(t: Texts, is_open: bool) -> str:
    return t("state_open") if is_open else t("state_closed")


# --- Areas ---------------------------------------------------------------------------


async def add_area(message: Message, context: HomThuContext, t: Texts) -> None:
    """/addarea <code> <name…>: a new open area."""
    args = _args(context)
    if len(args) < 2:
        await message.reply_text(t("usage_addarea"))
        return
    code, name = args[0], _name(args[1:])
    if not await _code_is_valid(message, t, code):
        return
    try:
        area = await context.db.areas.add(code, name)
    except InvalidAreaCode:
        await message.reply_text(t("area_code_invalid", code=code[:_ECHO]))
        return
    except InvalidName:
        await _name_invalid(message, t, name)
        return
    except DuplicateArea:
        existing = await context.db.areas.get(code)
        await message.reply_text(t("area_duplicate", code=code, name=existing.name))
        return
    log.info("area added area=%s", area.code)
    await message.reply_text(t("area_added", code=area.code, name=area.name))


async def list_areas(message: Message, context: HomThuContext, t: Texts) -> None:
    """/areas: every area with its code, state and feedback count."""
    if _args(context):
        await message.reply_text(t("usage_areas"))
        return
    summaries = await context.db.areas.summaries()
    if not summaries:
        await message.reply_text(t("areas_empty"))
        return
    lines = [_area_line(t, summary) for summary in summaries]
    await _reply_lines(message, t("areas_header", count=len(summaries)), lines)


def _area_line(t: Texts, summary: AreaSummary) -> str:
    area = summary.area
    return t.with_html(
        "areas_line",
        code=html.escape(area.code),
        name=html.escape(area.name),
        state=_state(t, area.is_open),
        count=str(summary.feedback_count),
    )


async def rename_area(message: Message, context: HomThuContext, t: Texts) -> None:
    """/renamearea <code> <name…>: give an area a new name."""
    args = _args(context)
    if len(args) < 2:
        await message.reply_text(t("usage_renamearea"))
        return
    code, name = args[0], _name(args[1:])
    if not await _code_is_valid(message, t, code):
        return
    try:
        before = await context.db.areas.get(code)
        area = await context.db.areas.rename(code, name)
    except AreaNotFound:
        await message.reply_text(t("area_not_found", code=code))
        return
    except InvalidName:
        await _name_invalid(message, t, name)
        return
    log.info("area renamed area=%s", area.code)
    await message.reply_text(t("area_renamed", code=area.code, old=before.name, name=area.name))


async def close_area(message: Message, context: HomThuContext, t: Texts) -> None:
    """/closearea <code>: stop taking feedback from the area's QR code."""
    area = await _set_area_open(message, context, t, is_open=False)
    if area is not None:
        await message.reply_text(t("area_closed", code=area.code, name=area.name))


async def open_area(message: Message, context: HomThuContext, t: Texts) -> None:
    """/openarea <code>: take feedback from the area's QR code again."""
    area = await _set_area_open(message, context, t, is_open=True)
    if area is not None:
        await message.reply_text(t("area_opened", code=area.code, name=area.name))


async def _set_area_open(
    message: Message, context: HomThuContext, t: Texts, *, is_open: bool
) -> Area | None:
    args = _args(context)
    if len(args) != 1:
        await message.reply_text(t("usage_openarea") if is_open else t("usage_closearea"))
        return None
    code = args[0]
    if not await _code_is_valid(message, t, code):
        return None
    try:
        area = await context.db.areas.set_open(code, is_open)
    except AreaNotFound:
        await message.reply_text(t("area_not_found", code=code))
        return None
    log.info("area %s area=%s", "opened" if is_open else "closed", area.code)
    return area


# --- QR codes and posters ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QrFiles:
    """What ``/qr`` sends: the deep link, the labelled PNG and the A4 poster."""

    link: str
    png: bytes
    pdf: bytes


def render_qr_files(bot_username: str, area: Area, unit_name: str) -> QrFiles:
    """Draw the PNG and the poster of one area; CPU work, run it off the event loop."""
    poster = qr.PosterInput.for_area(bot_username, area.code, area.name, unit_name)
    png = qr.render_png(poster.link, area.name, unit_name)
    return QrFiles(poster.link, png, qr.render_poster_pdf([poster]))


async def area_qr(message: Message, context: HomThuContext, t: Texts) -> None:
    """/qr <code>: the area's QR code as a PNG and its printable A4 poster as a PDF."""
    args = _args(context)
    if len(args) != 1:
        await message.reply_text(t("usage_qr"))
        return
    code = args[0]
    if not await _code_is_valid(message, t, code):
        return
    try:
        area = await context.db.areas.get(code)
    except AreaNotFound:
        await message.reply_text(t("area_not_found", code=code))
        return
    await message.reply_chat_action(ChatAction.UPLOAD_DOCUMENT)
    try:
        files = await asyncio.to_thread(
            render_qr_files, context.bot.username, area, context.settings.unit_name
        )
    except qr.QrError as exc:
        log.warning("qr not rendered area=%s error=%s", area.code, type(exc).__name__)
        await message.reply_text(t("qr_failed", reason=str(exc)))
        return
    caption = t("qr_caption", area=area.name, code=area.code, link=files.link)
    if not area.is_open:
        note = t("qr_closed_note", code=area.code)
        caption = f"{caption}\n\n{note}"
    await message.reply_photo(
        InputFile(files.png, filename=f"hom-thu-{area.code}.png"), caption=caption
    )
    await message.reply_document(
        InputFile(files.pdf, filename=f"hom-thu-{area.code}.pdf"),
        caption=t("qr_poster_caption", area=area.name),
    )
    log.info("qr sent area=%s open=%s", area.code, area.is_open)


# --- Topics --------------------------------------------------------------------------


async def list_topics(message: Message, context: HomThuContext, t: Texts) -> None:
    """/topics: every topic with its number and state."""
    if _args(context):
        await message.reply_text(t("usage_topics"))
        return
    topics = await context.db.topics.list(include_closed=True)
    if not topics:
        await message.reply_text(t("topics_empty"))
        return
    lines = [
        t(
            "topics_line",
            number=topic.id,
            name=topic.name(t.language),
            state=_state(t, topic.is_open),
        )
        for topic in topics
    ]
    await _reply_lines(message, t("topics_header", count=len(topics)), lines)


async def add_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/addtopic <name…>: a new open topic."""
    args = _args(context)
    if not args:
        await message.reply_text(t("usage_addtopic"))
        return
    name = _name(args)
    try:
        topic = await context.db.topics.add(name)
    except InvalidName:
        await _name_invalid(message, t, name)
        return
    log.info("topic added topic=%s", topic.id)
    await message.reply_text(t("topic_added", number=topic.id, name=topic.name_vi))


async def rename_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/renametopic <n> <name…>: give a topic a new (Vietnamese) name."""
    args = _args(context)
    if len(args) < 2:
        await message.reply_text(t("usage_renametopic"))
        return
    name = _name(args[1:])
    before = await _topic(message, context, t, args[0])
    if before is None:
        return
    try:
        topic = await context.db.topics.rename(before.id, name)
    except InvalidName:
        await _name_invalid(message, t, name)
        return
    except TopicNotFound:
        await message.reply_text(t("topic_not_found", number=before.id))
        return
    log.info("topic renamed topic=%s", topic.id)
    await message.reply_text(
        t("topic_renamed", number=topic.id, old=before.name_vi, name=topic.name_vi)
    )


async def close_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/closetopic <n>: stop offering the topic to residents."""
    topic = await _set_topic_open(message, context, t, is_open=False)
    if topic is not None:
        await message.reply_text(t("topic_closed", number=topic.id, name=topic.name(t.language)))


async def open_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/opentopic <n>: offer the topic to residents again."""
    topic = await _set_topic_open(message, context, t, is_open=True)
    if topic is not None:
        await message.reply_text(t("topic_opened", number=topic.id, name=topic.name(t.language)))


async def _set_topic_open(
    message: Message, context: HomThuContext, t: Texts, *, is_open: bool
) -> Topic | None:
    args = _args(context)
    if len(args) != 1:
        await message.reply_text(t("usage_opentopic") if is_open else t("usage_closetopic"))
        return None
    topic = await _topic(message, context, t, args[0])
    if topic is None:
        return None
    try:
        topic = await context.db.topics.set_open(topic.id, is_open)
    except TopicNotFound:
        await message.reply_text(t("topic_not_found", number=topic.id))
        return None
    log.info("topic %s topic=%s", "opened" if is_open else "closed", topic.id)
    return topic


async def _topic(message: Message, context: HomThuContext, t: Texts, typed: str) -> Topic | None:
    """The topic whose number the admin typed, or None once they are told what is wrong."""
    try:
        number = int(typed)
    except ValueError:
        await message.reply_text(t("topic_number_invalid", value=typed[:_ECHO]))
        return None
    if not 0 < number <= _LARGEST_TOPIC_NUMBER:
        await message.reply_text(t("topic_not_found", number=number))
        return None
    try:
        return await context.db.topics.get(number)
    except TopicNotFound:
        await message.reply_text(t("topic_not_found", number=number))
        return None


# --- Messages Telegram refused ----------------------------------------------------------

# How many undelivered messages /resend lists (and sends again) at a time.
RESEND_LIMIT = 50


async def resend(message: Message, context: HomThuContext, t: Texts) -> None:
    """/resend: the messages Telegram refused, with a button to send them again."""
    if _args(context):
        await message.reply_text(t("usage_resend"))
        return
    undelivered = await context.db.outbox.undelivered(RESEND_LIMIT)
    if not undelivered:
        await message.reply_text(t("resend_none"))
        return
    lines = [_undelivered_line(t, item) for item in undelivered]
    header = t("resend_header", count=len(undelivered))
    chunks = _chunks(header, lines)
    for chunk in chunks[:-1]:
        await message.reply_text(chunk)
    await message.reply_text(chunks[-1], reply_markup=keyboards.resend_keyboard(t))


def _undelivered_line(t: Texts, item: Undelivered) -> str:
    return t(
        "resend_line",
        number=item.message.id,
        what=t(f"outbox_kind_{item.message.kind}")
        if f"outbox_kind_{item.message.kind}" in t
        else item.message.kind,
        code=item.code or "—",
        state=t("resend_failed") if item.failed else t("resend_waiting"),
        error=item.error[: _ECHO * 3],
    )


async def resend_button(update: Update, context: HomThuContext) -> None:
    """The "send again" button under /resend: queue every listed message again."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    user, chat = update.effective_user, update.effective_chat
    allowed = user is not None and user.id in context.settings.admin_ids
    in_place = chat is not None and (
        chat.type == chat.PRIVATE or chat.id == context.settings.staff_chat_id
    )
    if not (allowed and in_place):
        await answer_quietly(query, t("admin_only"), show_alert=True)
        return
    undelivered = await context.db.outbox.undelivered(RESEND_LIMIT)
    count = await context.db.outbox.resend([item.message.id for item in undelivered])
    outbox = context.runtime.outbox
    if outbox is not None:
        await outbox.release_staff()
    await answer_quietly(query, t("resend_done", count=count))
    if isinstance(query.message, Message):
        with contextlib.suppress(BadRequest):
            await query.message.edit_reply_markup(reply_markup=None)
        await query.message.reply_text(t("resend_done", count=count))
    log.info("undelivered messages queued again count=%d", count)


# The admin commands in menu order; bot/app.py registers them, bot/menus.py lists them.
COMMANDS: dict[str, Callback] = {
    name: admin_only(name, step)
    for name, step in (
        ("areas", list_areas),
        ("addarea", add_area),
        ("renamearea", rename_area),
        ("closearea", close_area),
        ("openarea", open_area),
        ("qr", area_qr),
        ("topics", list_topics),
        ("addtopic", add_topic),
        ("renametopic", rename_topic),
        ("closetopic", close_topic),
        ("opentopic", open_topic),
        ("resend", resend),
    )
}
