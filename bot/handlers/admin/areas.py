"""Admin commands for areas and their QR codes and posters (SPEC §6, §7)."""

from __future__ import annotations

import asyncio
import html
import logging
from dataclasses import dataclass

from telegram import InputFile, Message
from telegram.constants import ChatAction

import qr
from bot.context import HomThuContext
from bot.handlers.admin.common import (
    ECHO,
    args_of,
    code_is_valid,
    joined,
    name_invalid,
    reply_lines,
    state_word,
)
from bot.texts import Texts
from storage import Area, AreaNotFound, AreaSummary, DuplicateArea, InvalidAreaCode, InvalidName

log = logging.getLogger(__name__)


async def add_area(message: Message, context: HomThuContext, t: Texts) -> None:
    """/addarea <code> <name…>: a new open area."""
    args = args_of(context)
    if len(args) < 2:
        await message.reply_text(t("usage_addarea"))
        return
    code, name = args[0], joined(args[1:])
    if not await code_is_valid(message, t, code):
        return
    try:
        area = await context.db.areas.add(code, name)
    except InvalidAreaCode:
        await message.reply_text(t("area_code_invalid", code=code[:ECHO]))
        return
    except InvalidName:
        await name_invalid(message, t, name)
        return
    except DuplicateArea:
        existing = await context.db.areas.get(code)
        await message.reply_text(t("area_duplicate", code=code, name=existing.name))
        return
    log.info("area added area=%s", area.code)
    await message.reply_text(t("area_added", code=area.code, name=area.name))


async def list_areas(message: Message, context: HomThuContext, t: Texts) -> None:
    """/areas: every area with its code, state and feedback count."""
    if args_of(context):
        await message.reply_text(t("usage_areas"))
        return
    summaries = await context.db.areas.summaries()
    if not summaries:
        await message.reply_text(t("areas_empty"))
        return
    lines = [_area_line(t, summary) for summary in summaries]
    await reply_lines(message, t("areas_header", count=len(summaries)), lines)


def _area_line(t: Texts, summary: AreaSummary) -> str:
    area = summary.area
    return t.with_html(
        "areas_line",
        code=html.escape(area.code),
        name=html.escape(area.name),
        state=state_word(t, area.is_open),
        count=str(summary.feedback_count),
    )


async def rename_area(message: Message, context: HomThuContext, t: Texts) -> None:
    """/renamearea <code> <name…>: give an area a new name."""
    args = args_of(context)
    if len(args) < 2:
        await message.reply_text(t("usage_renamearea"))
        return
    code, name = args[0], joined(args[1:])
    if not await code_is_valid(message, t, code):
        return
    try:
        before = await context.db.areas.get(code)
        area = await context.db.areas.rename(code, name)
    except AreaNotFound:
        await message.reply_text(t("area_not_found", code=code))
        return
    except InvalidName:
        await name_invalid(message, t, name)
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
    args = args_of(context)
    if len(args) != 1:
        await message.reply_text(t("usage_openarea") if is_open else t("usage_closearea"))
        return None
    code = args[0]
    if not await code_is_valid(message, t, code):
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
    args = args_of(context)
    if len(args) != 1:
        await message.reply_text(t("usage_qr"))
        return
    code = args[0]
    if not await code_is_valid(message, t, code):
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
