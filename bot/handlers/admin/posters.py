"""/qr: an area's QR code and A4 poster; /qr all: every open area's poster in one PDF
(SPEC §7). The posters carry CONTACT_TEXT, and English lines under the Vietnamese ones when
DEFAULT_LANGUAGE is en or the admin adds ``en`` (``/qr kp3 en``, ``/qr all vi``)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from telegram import InputFile, Message
from telegram.constants import ChatAction

import qr
from bot.handlers.admin.area_input import ALL_AREAS, FirstWord, first_word
from bot.handlers.admin.areas import name_instead_of_code
from bot.handlers.admin.common import args_of, code_is_valid
from bot.ptb.context import HomThuContext
from core.committee import Committee
from storage import Area, AreaNotFound
from texts import Texts

log = logging.getLogger(__name__)

ALL_POSTERS_FILE = "hom-thu-tat-ca.pdf"
# Past this many posters the PDF takes a few seconds: the admin is told it is coming.
_SAY_WAIT_ABOVE = 10
# Telegram shows a chat action for five seconds; it is sent again while the work goes on.
_CHAT_ACTION_SECONDS = 4.0

_Arguments = ParamSpec("_Arguments")
_Result = TypeVar("_Result")


@dataclass(frozen=True, slots=True)
class QrFiles:
    """What ``/qr`` sends: the deep link, the labelled PNG and the A4 poster."""

    link: str
    png: bytes
    pdf: bytes


def render_qr_files(bot_username: str, area: Area, committee: Committee, language: str) -> QrFiles:
    """Draw the PNG and the poster of one area, in ``committee``'s name; CPU work, run it
    off the event loop."""
    poster = qr.PosterInput.for_area(
        bot_username,
        area.code,
        area.name,
        committee.unit_name,
        contact_text=committee.contact_text or "",
        language=language,
    )
    png = qr.render_png(poster.link, area.name, committee.unit_name)
    return QrFiles(poster.link, png, qr.render_poster_pdf([poster]))


def render_all_posters(
    bot_username: str, areas: Sequence[Area], committee: Committee, language: str
) -> bytes:
    """One PDF with a poster page per area, in the order given, in ``committee``'s name;
    CPU work, off the loop."""
    return qr.render_area_posters_pdf(
        bot_username,
        [(area.code, area.name) for area in areas],
        committee.unit_name,
        contact_text=committee.contact_text or "",
        language=language,
    )


async def area_qr(message: Message, context: HomThuContext, t: Texts) -> None:
    """/qr <code> [vi|en]: the area's QR code as a PNG and its printable A4 poster as a PDF;
    /qr all [vi|en]: every open area's poster in one PDF."""
    args = args_of(context)
    language = context.committee.default_language
    if len(args) == 2 and args[1].lower() in qr.LANGUAGES:
        language = args.pop().lower()
    if len(args) == 1 and args[0].lower() == ALL_AREAS:
        await _all_posters(message, context, t, language)
        return
    if args and first_word(args) is FirstWord.NAME:
        await name_instead_of_code(message, context, t, "qr", args)
        return
    if len(args) != 1:
        await message.reply_text(t("usage_qr", default=language))
        return
    code = args[0]
    if not await code_is_valid(message, t, code):
        return
    try:
        area = await context.db.areas.get(code)
    except AreaNotFound:
        await message.reply_text(t("area_not_found", code=code))
        return
    try:
        files = await _with_chat_action(
            message, render_qr_files, context.bot.username, area, context.committee, language
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
    log.info("qr sent area=%s open=%s language=%s", area.code, area.is_open, language)


async def _all_posters(message: Message, context: HomThuContext, t: Texts, language: str) -> None:
    """Every open area's poster, one page each, in one PDF to print at once."""
    areas = await context.db.areas.list(include_closed=False)
    if not areas:
        await message.reply_text(t("qr_all_none"))
        return
    if len(areas) > _SAY_WAIT_ABOVE:
        await message.reply_text(t("qr_all_wait", count=len(areas)))
    try:
        pdf = await _with_chat_action(
            message, render_all_posters, context.bot.username, areas, context.committee, language
        )
    except qr.QrError as exc:
        log.warning("posters not rendered areas=%d error=%s", len(areas), type(exc).__name__)
        await message.reply_text(t("qr_failed", reason=str(exc)))
        return
    await message.reply_document(
        InputFile(pdf, filename=ALL_POSTERS_FILE),
        caption=t("qr_all_caption", count=len(areas)),
    )
    log.info("posters sent areas=%d language=%s", len(areas), language)


async def _with_chat_action(
    message: Message,
    render: Callable[_Arguments, _Result],
    *args: _Arguments.args,
    **kwargs: _Arguments.kwargs,
) -> _Result:
    """``render(*args)`` in a worker thread, the chat showing "sending a file…" meanwhile."""
    work = asyncio.ensure_future(asyncio.to_thread(render, *args, **kwargs))
    try:
        while True:
            await message.reply_chat_action(ChatAction.UPLOAD_DOCUMENT)
            done, _ = await asyncio.wait({work}, timeout=_CHAT_ACTION_SECONDS)
            if done:
                return work.result()
    finally:
        work.cancel()  # a no-op once done; otherwise nobody waits for the result any more
