"""Staff commands: /digest, /stats, /open (in pages), /find, /export (SPEC §5)."""

from __future__ import annotations

import contextlib
import logging
import re
import string
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest

from bot.delivery.digest import build_digest
from bot.handlers.staff.access import (
    in_staff_group,
    is_staff_place,
    may_press,
    signed_officer,
    staff_only,
)
from bot.ptb.answers import answer_quietly
from bot.ptb.context import HomThuContext
from bot.render.reports import (
    BacklogKind,
    BacklogView,
    backlog_messages,
    days_usage,
    export_caption,
    export_stem,
    find_messages,
    parse_days,
    stats_messages,
    write_export,
)
from core.models import validate_area_code
from storage import (
    AreaNotFound,
    EmptySearch,
    ExportRow,
    OpenCursor,
    OpenFilter,
)
from texts import Texts

log = logging.getLogger(__name__)


# /open shows this many feedbacks a page; the next page is a button away.
OPEN_PAGE_SIZE = 20
# /find shows this many feedbacks, newest first; more words narrow it down.
FIND_PAGE_SIZE = 20
# Callback data of the "next page" button under /open. Not "open:", which opens cards.
BACKLOG_PREFIX = "backlog:"
_BACKLOG_DATA = re.compile(
    rf"^{BACKLOG_PREFIX}(all|overdue|mine|a([0-9]{{1,9}})):([0-9a-z]{{1,12}})\."
    r"([0-9a-z]{1,12}):([0-9]{1,6})$"
)
_DIGITS36 = string.digits + string.ascii_lowercase
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_KEYWORDS = {"overdue": BacklogKind.OVERDUE, "mine": BacklogKind.MINE}


@staff_only
async def digest_command(update: Update, context: HomThuContext) -> None:
    """/digest: the digest since the last one, now (the schedule is not moved)."""
    message = update.effective_message
    assert message is not None
    digest = await build_digest(context.runtime, context.committee, context.runtime.now())
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
    """/stats [days]: counts by area, topic and status, on-time and satisfaction rates."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    days = await _days_or_usage(message, context, t, "stats")
    if days is None:
        return
    counts = await context.db.reports.count_by(context.runtime.now() - timedelta(days=days))
    for text in stats_messages(t, counts, days, context.committee.timezone):
        await message.reply_text(text)


# --- /open in pages -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BacklogPage:
    """Which page of which /open list a "next page" button asks for."""

    kind: BacklogKind
    area_id: int | None
    after: OpenCursor
    number: int


def backlog_data(page: BacklogPage) -> str:
    """The callback data of a "next page" button (well under Telegram's 64 bytes)."""
    where = f"a{page.area_id}" if page.kind is BacklogKind.AREA else page.kind.value
    micros = (page.after.created_at - _EPOCH) // timedelta(microseconds=1)
    cursor = f"{_base36(micros)}.{_base36(page.after.id)}"
    return f"{BACKLOG_PREFIX}{where}:{cursor}:{page.number}"


def parse_backlog_data(data: str | None) -> BacklogPage | None:
    """The page a "next page" button asks for; None for data the bot did not make."""
    match = _BACKLOG_DATA.fullmatch(data or "")
    if match is None:
        return None
    where, area, micros, feedback_id, number = match.groups()
    # A "next page" is the second page or later.
    if int(number) < 2:
        return None
    kind = BacklogKind.AREA if area is not None else BacklogKind(where)
    try:
        created_at = _EPOCH + timedelta(microseconds=int(micros, 36))
    except OverflowError:
        return None
    after = OpenCursor(created_at, int(feedback_id, 36))
    return BacklogPage(kind, None if area is None else int(area), after, int(number))


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = _DIGITS36[digit] + digits
        if number == 0:
            return digits


@staff_only
async def open_command(update: Update, context: HomThuContext) -> None:
    """/open [area_code | overdue | mine]: unresolved feedback, oldest first, in pages."""
    args = context.args or []
    await _open(update, context, args[0].lower() if args else "", len(args) > 1)


@staff_only
async def mine_command(update: Update, context: HomThuContext) -> None:
    """/mine: the unresolved feedback the officer took on (``/open mine``)."""
    await _open(update, context, "mine", bool(context.args))


async def _open(update: Update, context: HomThuContext, word: str, too_many: bool) -> None:
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    if too_many or (word and word not in _KEYWORDS and not validate_area_code(word)):
        await message.reply_text(t("backlog_usage"))
        return
    area_id = None
    officer = signed_officer(update, context)
    if word == "mine" and officer is None:
        await message.reply_text(t("staff_mine_unsigned"))
        return
    if not word:
        view = BacklogView(BacklogKind.ALL)
    elif word in _KEYWORDS:
        kind = _KEYWORDS[word]
        view = BacklogView(kind, officer.name if officer and kind is BacklogKind.MINE else "")
    else:
        try:
            area = await context.db.areas.get(word)
        except AreaNotFound:
            await message.reply_text(t("backlog_unknown_area", code=word))
            return
        view, area_id = BacklogView(BacklogKind.AREA, area.name), area.id
    key = officer.key if officer else None
    await _send_backlog(message, context, t, view, area_id, None, 1, key)


async def backlog_button(update: Update, context: HomThuContext) -> None:
    """The "next page" button under a /open list: the next page, below it.

    Taken where /open is (the staff group, an admin's private chat); the button leaves the
    page it was under, so that each page has one way on.
    """
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    if not is_staff_place(update, context):
        log.info("backlog button refused outside the staff places")
        await answer_quietly(query, t("staff_only"), show_alert=True)
        return
    if in_staff_group(update, context) and not await may_press(
        update, context, t, query, "backlog_button"
    ):
        return  # someone who can read the group but is not in it
    page = parse_backlog_data(query.data)
    message = query.message
    if page is None or not isinstance(message, Message):
        await answer_quietly(query, t("stale_button"))
        return
    view = BacklogView(page.kind)
    officer = signed_officer(update, context)
    if page.kind is BacklogKind.MINE and officer is not None:
        view = BacklogView(page.kind, officer.name)
    elif page.kind is BacklogKind.AREA:
        areas = {area.id: area for area in await context.db.areas.list()}
        if page.area_id not in areas:
            await answer_quietly(query, t("stale_button"))
            return
        view = BacklogView(page.kind, areas[page.area_id].name)
    await answer_quietly(query)
    with contextlib.suppress(BadRequest):
        await message.edit_reply_markup(None)
    key = officer.key if officer else None
    await _send_backlog(message, context, t, view, page.area_id, page.after, page.number, key)


async def _send_backlog(
    message: Message,
    context: HomThuContext,
    t: Texts,
    view: BacklogView,
    area_id: int | None,
    after: OpenCursor | None,
    number: int,
    officer_key: str | None = None,
) -> None:
    """Page ``number`` of a /open list, with a "next page" button under it when it goes on.

    "Mine" is the officer's by their account (``officer_key``), whatever their name."""
    mine = view.kind is BacklogKind.MINE
    where = OpenFilter(
        area_id=area_id,
        overdue=view.kind is BacklogKind.OVERDUE,
        handler_key=(officer_key or "-") if mine else None,
    )
    page = await context.db.reports.open_page(where, limit=OPEN_PAGE_SIZE, after=after)
    first = (number - 1) * OPEN_PAGE_SIZE + 1
    texts = backlog_messages(t, view, page, number, first, context.committee.timezone)
    markup = None
    if page.next is not None:
        data = backlog_data(BacklogPage(view.kind, area_id, page.next, number + 1))
        button = InlineKeyboardButton(t("btn_backlog_next", page=number + 1), callback_data=data)
        markup = InlineKeyboardMarkup([[button]])
    for index, text in enumerate(texts):
        last = index == len(texts) - 1
        await message.reply_text(text, reply_markup=markup if last else None)


# --- /find --------------------------------------------------------------------------------


@staff_only
async def find_command(update: Update, context: HomThuContext) -> None:
    """/find <words>: feedback whose text, answers, notes or additions hold every word."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    try:
        page = await context.db.reports.find(" ".join(context.args or []), limit=FIND_PAGE_SIZE)
    except EmptySearch:
        await message.reply_text(t("find_usage"))
        return
    for text in find_messages(t, page, context.committee.timezone):
        await message.reply_text(text)
    log.info("search words=%d found=%d", len(page.words.words), page.total)


# --- /export ------------------------------------------------------------------------------


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
    zone = context.committee.timezone
    await message.reply_chat_action(ChatAction.UPLOAD_DOCUMENT)
    counted = 0

    async def rows() -> AsyncIterator[ExportRow]:
        nonlocal counted
        async for row in context.db.reports.export_rows(since):
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
