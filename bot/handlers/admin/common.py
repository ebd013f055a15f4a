"""What every admin command shares: the admin check, reading arguments, answering lists."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any, Protocol, TypeVar

from telegram import Message, Update
from telegram.constants import MessageLimit

from bot.handlers.admin.area_input import another_code
from bot.ptb.context import HomThuContext
from bot.render.views import visible_length
from core.models import MAX_NAME_LENGTH, area_code_from_name, clean_name, validate_area_code
from storage import InvalidAreaCode, InvalidName
from texts import Texts

log = logging.getLogger(__name__)

Step = Callable[[Message, HomThuContext, Texts], Coroutine[Any, Any, None]]
Callback = Callable[[Update, HomThuContext], Coroutine[Any, Any, None]]

# How much of a mistyped argument is echoed back.
ECHO = 40


class Named(Protocol):
    """An area or an agency: what an admin adds by code and name."""

    @property
    def name(self) -> str: ...


NamedT = TypeVar("NamedT", bound=Named)


def admin_only(command: str, step: Step) -> Callback:
    """Run ``step`` for admins; refuse everyone else without changing anything."""

    @functools.wraps(step)
    async def run(update: Update, context: HomThuContext) -> None:
        message = update.effective_message
        assert message is not None
        t = await context.texts(update)
        user = update.effective_user
        if user is None or not context.committee.is_admin(user.id):
            log.info("admin command refused command=%s", command)
            await message.reply_text(t("admin_only"))
            return
        await step(message, context, t)

    return run


def args_of(context: HomThuContext) -> list[str]:
    """The command's arguments."""
    return list(context.args or [])


def joined(words: Sequence[str]) -> str:
    """Arguments joined back into a name."""
    # Telegram splits the arguments on white space; storage would collapse it anyway.
    return " ".join(words)


async def code_is_valid(message: Message, t: Texts, code: str) -> bool:
    """True for a well-formed area code; otherwise say what a code looks like."""
    if validate_area_code(code):
        return True
    await message.reply_text(t("area_code_invalid", code=code[:ECHO]))
    return False


async def name_invalid(message: Message, t: Texts, name: str) -> None:
    """Say that a name is empty or too long."""
    await message.reply_text(
        t("name_invalid", max_chars=MAX_NAME_LENGTH, length=len(" ".join(name.split())))
    )


async def add_by_code(
    message: Message,
    t: Texts,
    code: str,
    name: str,
    *,
    add: Callable[[str, str], Awaitable[NamedT]],
    get: Callable[[str], Awaitable[NamedT]],
    duplicate: type[Exception],
    duplicate_key: str,
) -> NamedT | None:
    """What ``add`` made of ``code`` and ``name``, or None once the admin is told why it made
    nothing: a bad code or name, or ``duplicate`` (the code is taken: by what, said under
    ``duplicate_key``)."""
    try:
        return await add(code, name)
    except InvalidAreaCode:
        await message.reply_text(t("area_code_invalid", code=code[:ECHO]))
    except InvalidName:
        await name_invalid(message, t, name)
    except duplicate:
        existing = await get(code)
        await message.reply_text(t(duplicate_key, code=code, name=existing.name))
    return None


async def reply_lines(message: Message, header: str, lines: Sequence[str]) -> None:
    """The header and the lines in as few messages as Telegram's length limit allows."""
    for chunk in chunks(header, lines):
        await message.reply_text(chunk)


def chunks(header: str, lines: Sequence[str]) -> list[str]:
    """The header and lines packed into messages within Telegram's length limit."""
    chunks: list[str] = [header]
    for line in lines:
        joined = f"{chunks[-1]}\n{line}"
        if visible_length(joined) <= MessageLimit.MAX_TEXT_LENGTH:
            chunks[-1] = joined
        else:
            chunks.append(line)
    return chunks


def state_word(t: Texts, is_open: bool) -> str:
    """How an open or closed area or topic is shown."""
    return t("state_open") if is_open else t("state_closed")


async def suggest_code(
    message: Message,
    t: Texts,
    words: Sequence[str],
    kind: str,
    holder: Callable[[str], Awaitable[str | None]],
) -> None:
    """/addarea or /addagency given a name alone: the command with a code made from it, to
    copy. ``kind`` names the catalogue's texts (``area``, ``agency``); ``holder`` gives the
    name of what already has a code, None when it is free."""
    name = joined(words)
    cleaned = clean_name(name)
    code = area_code_from_name(name)
    if cleaned is None:
        await name_invalid(message, t, name)
        return
    if code is None:
        await message.reply_text(t(f"{kind}_name_no_code", name=cleaned))
        return
    existing = await holder(code)
    if existing is None:
        await message.reply_text(
            t(f"{kind}_name_for_code", word=words[0], code=code, name=cleaned)
        )
        return
    await message.reply_text(
        t(
            f"{kind}_name_for_code_taken",
            word=words[0],
            code=code,
            other=another_code(code),
            name=cleaned,
            existing=existing,
        )
    )
