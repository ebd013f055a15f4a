"""Admin commands for areas (SPEC §6): one at a time, and what a name typed where the
code belongs gets (the command with the code, ready to copy)."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

from telegram import Message

from bot.handlers.admin.area_input import ALL_AREAS, FirstWord, first_word
from bot.handlers.admin.common import (
    add_by_code,
    args_of,
    code_is_valid,
    joined,
    name_invalid,
    reply_lines,
    state_word,
    suggest_code,
)
from bot.ptb.context import HomThuContext
from core.models import MAX_NAME_LENGTH
from storage import Area, AreaNotFound, AreaSummary, DuplicateArea, InvalidName
from texts import Texts

log = logging.getLogger(__name__)


async def add_area(message: Message, context: HomThuContext, t: Texts) -> None:
    """/addarea <code> <name…>: a new open area."""
    args = args_of(context)
    if args and first_word(args) is FirstWord.NAME:
        await _code_for_name(message, context, t, args)
        return
    if len(args) < 2:
        await message.reply_text(t("usage_addarea"))
        return
    code, name = args[0], joined(args[1:])
    if not await code_is_valid(message, t, code):
        return
    if code == ALL_AREAS:
        await message.reply_text(t("area_code_reserved"))
        return
    areas = context.db.areas
    area = await add_by_code(
        message,
        t,
        code,
        name,
        add=areas.add,
        get=areas.get,
        duplicate=DuplicateArea,
        duplicate_key="area_duplicate",
    )
    if area is None:
        return
    log.info("area added area=%s", area.code)
    await message.reply_text(t("area_added", code=area.code, name=area.name))


async def _code_for_name(
    message: Message, context: HomThuContext, t: Texts, words: Sequence[str]
) -> None:
    """/addarea given a name alone: the command with a code made from it, to copy."""

    async def holder(code: str) -> str | None:
        try:
            return (await context.db.areas.get(code)).name
        except AreaNotFound:
            return None

    await suggest_code(message, t, words, "area", holder)


async def name_instead_of_code(
    message: Message,
    context: HomThuContext,
    t: Texts,
    command: str,
    words: Sequence[str],
    *,
    renaming: bool = False,
) -> None:
    """A command that takes a code was given an area's name: the command with its code.

    When ``renaming``, the name is the longest run of first words that names an area and
    the words after it are the new name.
    """
    ends = range(len(words), 0, -1) if renaming else (len(words),)
    for end in ends:
        name = joined(words[:end])
        areas = await context.db.areas.named(name)
        if not areas:
            continue
        after = html.escape(joined(words[end:])) if end < len(words) else ""
        if renaming and not after:
            after = t("area_new_name")
        tail = f" {after}" if after else ""
        commands = "\n".join(
            f"<code>/{command} {html.escape(area.code)}{tail}</code>" for area in areas
        )
        await message.reply_text(
            t.with_html("area_name_given", name=html.escape(name), commands=commands)
        )
        return
    await message.reply_text(t("area_name_unknown", name=joined(words)[:MAX_NAME_LENGTH]))


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
    if args and first_word(args) is FirstWord.NAME:
        await name_instead_of_code(message, context, t, "renamearea", args, renaming=True)
        return
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
    if args and first_word(args) is FirstWord.NAME:
        command = "openarea" if is_open else "closearea"
        await name_instead_of_code(message, context, t, command, args)
        return None
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
