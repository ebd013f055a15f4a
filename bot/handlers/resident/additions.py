"""Additions (SPEC §3.6): after «Bổ sung», or a Telegram reply to any message of the bot
that names a code, the resident's texts and photos are collected like a draft (kept with it,
sealed under the keyed hash, so they survive a restart) until «Gửi phần bổ sung» sends them
to staff as one message under the card.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
from typing import Any

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest
from telegram.ext import Application, MessageHandler, filters

from bot.handlers.resident.writing import (
    drop_buttons_of,
    is_image_file,
    photo_from_file,
    refusal,
)
from bot.ptb.answers import answer_quietly, stale
from bot.ptb.context import HomThuContext
from bot.render import keyboards
from core.follow_up import (
    AdditionPhotosFull,
    AdditionTooLong,
    NotFound,
    NothingToSend,
    RateLimited,
    addition_full,
    addition_room,
    edit_fits,
)
from core.models import AdditionKind
from core.rules.additions import ADDING, HELD, held, parts
from core.rules.codes import CODE_PATTERN, normalize_reference_code
from core.rules.draft import MAX_CHARS, MAX_PHOTOS
from storage import Feedback
from texts import Texts

log = logging.getLogger(__name__)

# A resident who pressed «Bổ sung» and went away: the next message is theirs again after.
ADDING_LASTS = 60 * 60
_CODE_IN_TEXT = re.compile(CODE_PATTERN.pattern)


class AddingHandler(MessageHandler[Any, Any]):
    """Messages of a resident the bot waits for an addition from (after «Bổ sung»)."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & ~filters.COMMAND
        super().__init__(private, take_addition)
        self._application = application

    def check_update(self, update: object) -> Any:
        """Only for a resident in adding mode."""
        result = super().check_update(update)
        if not result or not isinstance(update, Update) or update.effective_user is None:
            return False
        data = self._application.user_data.get(update.effective_user.id)
        return result if data and isinstance(data.get(ADDING), dict) else False


# --- Additions -----------------------------------------------------------------------------
#
# One addition is collected at a time (ADDING); none holding unsent parts is ever replaced or
# dropped without the resident's word: another feedback's «Bổ sung» (or a reply naming its
# code) waits in HELD until that one is sent or dropped, a new /start sets it aside with
# its own buttons, «Thôi» and /cancel ask first, and the idle sweep leaves a notice.


def _collection(code: str, kind: AdditionKind, now: float) -> dict[str, Any]:
    return {
        "code": code,
        "kind": kind.value,
        "since": now,
        "texts": [],
        "photos": [],
        # Sending twice (a double press, or again after a crash) stores it once; the
        # buttons about this addition carry it, so they act on no other.
        "submission": secrets.token_hex(8),
    }


def _token(collection: dict[str, Any]) -> str:
    return str(collection.get("submission") or "")


def _find(user_data: dict[Any, Any], token: str) -> dict[str, Any] | None:
    """The collection whose buttons carry ``token`` ("" for buttons from before tokens: the
    addition being collected)."""
    active = user_data.get(ADDING)
    if not token:
        return active if isinstance(active, dict) else None
    for collection in [active, *(user_data.get(HELD) or [])]:
        if isinstance(collection, dict) and _token(collection) == token:
            return collection
    return None


def _remove(user_data: dict[Any, Any], collection: dict[str, Any]) -> bool:
    """Forget ``collection``; True when it was the one being collected."""
    if user_data.get(ADDING) is collection:
        user_data.pop(ADDING, None)
        return True
    waiting = held(user_data)
    if collection in waiting:
        waiting.remove(collection)
    if not waiting:
        user_data.pop(HELD, None)
    return False


def _queued_for(
    user_data: dict[Any, Any], code: str, kind: AdditionKind, now: float
) -> dict[str, Any]:
    """The addition to ``code`` waiting for the one being collected (made if missing)."""
    for collection in held(user_data):
        if collection.get("code") == code and collection.get("resume"):
            return collection
    collection = {**_collection(code, kind, now), "resume": True}
    held(user_data).append(collection)
    return collection


def _blocking(user_data: dict[Any, Any], code: str) -> dict[str, Any] | None:
    """The addition being collected for another code that holds unsent parts."""
    active = user_data.get(ADDING)
    if isinstance(active, dict) and active.get("code") != code and parts(active):
        return active
    return None


async def _ask_about_unsent(
    message: Message, t: Texts, blocking: dict[str, Any], new_code: str
) -> None:
    """Say that ``blocking`` is not sent, with the buttons that send or drop it."""
    code = str(blocking["code"])
    await message.reply_text(
        t("addition_unsent_other", code=code, new_code=new_code),
        reply_markup=keyboards.unsent_addition_keyboard(t, code, _token(blocking)),
    )


async def start_adding(
    context: HomThuContext, message: Message, t: Texts, feedback: Feedback, kind: AdditionKind
) -> None:
    """Collect the resident's next texts and photos as an addition to ``feedback``; while
    an addition to another feedback holds unsent parts, ask about that one first (this one
    begins once it is sent or dropped)."""
    user_data = context.user_data
    if user_data is None:
        return
    blocking = _blocking(user_data, feedback.code)
    if blocking is not None:
        _queued_for(user_data, feedback.code, kind, context.runtime.clock_seconds())
        await _ask_about_unsent(message, t, blocking, feedback.code)
        return
    waiting = _begin(context, feedback.code, kind)
    if waiting is not None:
        await _prompt(message, t, waiting)


async def _prompt(message: Message, t: Texts, waiting: dict[str, Any]) -> None:
    """Ask for the addition (or, when it holds parts already, say so with its buttons)."""
    if parts(waiting):
        waiting.pop("ack", None)
        await _acknowledge(message, t, waiting)
        return
    key = {
        AdditionKind.ADDITION.value: "adding_prompt",
        AdditionKind.ANSWER.value: "adding_prompt_answer",
        AdditionKind.DISSATISFIED.value: "adding_prompt_dissatisfied",
    }[str(waiting.get("kind", AdditionKind.ADDITION.value))]
    await message.reply_text(
        t(key, code=str(waiting["code"])),
        reply_markup=keyboards.stop_adding_keyboard(t, _token(waiting)),
    )


def _begin(context: HomThuContext, code: str, kind: AdditionKind) -> dict[str, Any] | None:
    """The addition being collected for ``code``: the one already begun (nothing of it is
    dropped by a second «Bổ sung»), one set aside or waiting for it, or a new one. The
    caller has made sure no other addition with unsent parts is being collected."""
    user_data = context.user_data
    if user_data is None:
        return None
    waiting = user_data.get(ADDING)
    now = context.runtime.clock_seconds()
    if isinstance(waiting, dict) and waiting.get("code") == code and parts(waiting):
        waiting["since"] = now
        return waiting
    for collection in list(held(user_data)):
        if collection.get("code") == code and parts(collection):
            _remove(user_data, collection)
            collection.pop("resume", None)
            collection["since"] = now
            user_data[ADDING] = collection
            return collection
    _tidy(user_data)
    waiting = _collection(code, kind, now)
    user_data[ADDING] = waiting
    return waiting


def _tidy(user_data: dict[Any, Any]) -> None:
    if not user_data.get(HELD):
        user_data.pop(HELD, None)


async def _resume_next(context: HomThuContext, message: Message, t: Texts) -> None:
    """After the addition being collected was sent or dropped: the one asked for meanwhile
    begins (its prompt, or its acknowledgement when a reply already gave it parts)."""
    user_data = context.user_data
    if user_data is None or isinstance(user_data.get(ADDING), dict):
        return
    for collection in held(user_data):
        if collection.get("resume"):
            _remove(user_data, collection)
            collection.pop("resume", None)
            collection["since"] = context.runtime.clock_seconds()
            user_data[ADDING] = collection
            await _prompt(message, t, collection)
            break
    _tidy(user_data)


async def take_addition(update: Update, context: HomThuContext) -> None:
    """The resident's text or photo after «Bổ sung»: kept with the addition (sealed, like
    a draft), acknowledged with the button that sends it. A reply to a message naming
    another code goes to that code."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    user_data = context.user_data or {}
    waiting = user_data.get(ADDING)
    replied = replied_code(message)
    if isinstance(waiting, dict) and replied is not None and replied != waiting.get("code"):
        if _blocking(user_data, replied) is not None:
            await _take_reply(update, context, t, replied)
            return
        waiting = _begin(context, replied, AdditionKind.ADDITION)
    now = context.runtime.clock_seconds()
    if not isinstance(waiting, dict) or (
        not parts(waiting) and now - float(waiting.get("since", 0)) > ADDING_LASTS
    ):
        # Nothing was collected and the resident went away: the message is theirs again.
        user_data.pop(ADDING, None)
        await message.reply_text(t("adding_expired"))
        return
    if not await _take_into(message, t, waiting):
        return
    waiting["since"] = now
    await _flush(update, context, message)
    await _acknowledge(message, t, waiting)


async def _take_into(message: Message, t: Texts, waiting: dict[str, Any]) -> bool:
    """Add the message's text and photo (or image sent as a file, re-encoded as in a
    draft) to ``waiting``; False (and the resident told why) when it does not fit."""
    image_file = is_image_file(message)
    if not (message.text or message.photo or image_file):
        refused = refusal(t, message)
        if parts(waiting):
            refused = f"{refused}\n\n{t('addition_refused_kept')}"
        await message.reply_text(refused)
        return False
    text = (message.text or message.caption or "").strip()
    texts: list[str] = waiting.setdefault("texts", [])
    photos: list[str] = waiting.setdefault("photos", [])
    room = addition_room(texts, photos, text, photo=bool(message.photo or image_file))
    if isinstance(room, AdditionTooLong):
        await message.reply_text(t("addition_message_too_long", max_chars=room.limit))
        return False
    if isinstance(room, AdditionPhotosFull):
        await message.reply_text(t("addition_too_many_photos", max_photos=room.limit))
        return False
    photo = message.photo[-1].file_id if message.photo else None
    if image_file:
        # Checked above first: a file past the limit or too long a caption is not fetched.
        photo = await photo_from_file(message, t)
        if photo is None:
            return False
    # Which text each message gave, so that an edit of it changes that text.
    ids: dict[str, int | None] = waiting.setdefault("ids", {})
    ids[str(message.message_id)] = len(texts) if text else None
    if text:
        texts.append(text)
    if photo is not None:
        photos.append(photo)
    return True


async def _flush(update: Update, context: HomThuContext, message: Message) -> None:
    """On disk before the resident is told it is kept: a crash in between loses nothing."""
    assert update.effective_user is not None
    await context.runtime.persistence.flush_update(
        context.application, message.chat_id, update.effective_user.id
    )


async def _take_reply(update: Update, context: HomThuContext, t: Texts, code: str) -> None:
    """A reply naming ``code`` while an addition to another code holds unsent parts: kept
    for ``code``, to be sent once that one is sent or dropped, which the resident is
    asked about."""
    message = update.effective_message
    user_data = context.user_data
    assert message is not None
    assert user_data is not None
    blocking = _blocking(user_data, code)
    assert blocking is not None
    now = context.runtime.clock_seconds()
    queued = _queued_for(user_data, code, AdditionKind.ADDITION, now)
    if not await _take_into(message, t, queued):
        _tidy_empty(user_data, queued)
        return
    queued["since"] = now
    await _flush(update, context, message)
    album = message.media_group_id
    if album and queued.get("album") == album:
        return  # the photos of one album are told of once
    queued["album"] = album
    await message.reply_text(t("addition_held_for", code=code))
    await _ask_about_unsent(message, t, blocking, code)


def _tidy_empty(user_data: dict[Any, Any], collection: dict[str, Any]) -> None:
    if not parts(collection) and collection is not user_data.get(ADDING):
        _remove(user_data, collection)


async def _acknowledge(message: Message, t: Texts, waiting: dict[str, Any]) -> None:
    """Say it is kept, with the buttons, which leave the older acknowledgement; the
    photos of one album share one."""
    album = message.media_group_id
    previous = waiting.get("ack")
    if album and previous is not None and waiting.get("album") == album:
        return
    text = t("addition_kept", code=str(waiting["code"]))
    if addition_full(waiting.get("photos") or []):
        text += "\n" + t("addition_kept_photos_full", max_photos=MAX_PHOTOS)
    sent = await message.reply_text(
        text, reply_markup=keyboards.adding_keyboard(t, _token(waiting))
    )
    waiting["ack"], waiting["album"] = sent.message_id, album
    if isinstance(previous, int):
        await drop_buttons_of(message, previous)


def _token_of(query: CallbackQuery, prefix: str) -> str:
    return (query.data or "").removeprefix(prefix).removeprefix(":")


async def send_addition(update: Update, context: HomThuContext) -> None:
    """«Gửi phần bổ sung»: what was collected goes to staff, as one addition, once. The
    button sends only the addition it was made for."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    message = query.message if isinstance(query.message, Message) else None
    user_data = context.user_data
    token = _token_of(query, keyboards.SEND_ADDITION)
    waiting = _find(user_data, token) if user_data is not None else None
    if message is None or user_data is None or waiting is None:
        # Sent already (a second press), given up, or swept.
        await stale(query, t, message)
        return
    assert update.effective_user is not None
    resident = context.runtime.anonymizer.resident_key(update.effective_user.id)
    code = str(waiting["code"])
    kind = AdditionKind(str(waiting.get("kind", AdditionKind.ADDITION.value)))
    sending = await context.runtime.follow_up.send_addition(
        resident,
        code,
        kind,
        waiting.get("texts") or [],
        waiting.get("photos") or [],
        submission=str(waiting.get("submission") or secrets.token_hex(8)),
    )
    if isinstance(sending, NothingToSend):
        await answer_quietly(query, t("toast_addition_empty"), show_alert=True)
        return
    await answer_quietly(query)
    if isinstance(sending, RateLimited):
        await message.reply_text(t("addition_send_rate_limited"))
        return
    if isinstance(sending, NotFound):
        await message.reply_text(t("status_not_found", code=code))
        _remove(user_data, waiting)
        return
    context.runtime.wake_outbox()
    # Stored first, forgotten then: a crash in between finds it stored on the next press.
    _remove(user_data, waiting)
    await _flush(update, context, message)
    with contextlib.suppress(BadRequest):
        await message.edit_reply_markup(reply_markup=None)
    await message.reply_text(
        t("addition_received", code=code),
        reply_markup=keyboards.about_feedback_keyboard(t, code, add=True),
    )
    log.info("addition received code=%s kind=%s", code, kind.value)
    await _resume_next(context, message, t)


async def stop_adding(update: Update, context: HomThuContext) -> None:
    """«Thôi»: stop collecting; when something was collected, ask before dropping it."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    message = query.message if isinstance(query.message, Message) else None
    user_data = context.user_data
    token = _token_of(query, keyboards.STOP_ADDING)
    waiting = _find(user_data, token) if user_data is not None else None
    if user_data is None or waiting is None:
        await stale(query, t, message)
        return
    if parts(waiting):
        await answer_quietly(query)
        if message is not None:
            await ask_before_dropping(message, t, waiting)
        return
    _remove(user_data, waiting)
    await answer_quietly(query, t("toast_adding_stopped"))
    if message is not None:
        with contextlib.suppress(BadRequest):
            await message.edit_reply_markup(reply_markup=None)
        await _resume_next(context, message, t)


async def ask_before_dropping(message: Message, t: Texts, waiting: dict[str, Any]) -> None:
    """Whether to drop an addition holding unsent parts (or keep collecting it)."""
    code = str(waiting["code"])
    await message.reply_text(
        t("adding_drop_confirm", code=code),
        reply_markup=keyboards.unsent_addition_keyboard(
            t, code, _token(waiting), send=False, keep=True
        ),
    )


async def cancel_adding(context: HomThuContext, message: Message, t: Texts) -> bool:
    """/cancel while an addition holding parts is collected: ask before dropping it (True);
    an empty one is simply ended (False: the caller goes on with the draft, if any)."""
    user_data = context.user_data
    waiting = user_data.get(ADDING) if user_data is not None else None
    if not isinstance(waiting, dict):
        return False
    if parts(waiting):
        await ask_before_dropping(message, t, waiting)
        return True
    return False


async def _pressed_addition(
    update: Update, context: HomThuContext, prefix: str
) -> tuple[CallbackQuery, Texts, Message, dict[Any, Any], dict[str, Any]] | None:
    """The addition a button under it names by its token, with what the handler needs; None
    (the resident told the button is stale) when that addition is gone."""
    query = update.callback_query
    assert query is not None
    t = await context.texts(update)
    message = query.message if isinstance(query.message, Message) else None
    user_data = context.user_data
    waiting = _find(user_data, _token_of(query, prefix)) if user_data is not None else None
    if user_data is None or waiting is None or message is None:
        await stale(query, t, message)
        return None
    return query, t, message, user_data, waiting


async def drop_addition(update: Update, context: HomThuContext) -> None:
    """«Bỏ phần bổ sung cho …»: that addition is dropped, and the resident told so."""
    pressed = await _pressed_addition(update, context, keyboards.DROP_ADDITION)
    if pressed is None:
        return
    query, t, message, user_data, waiting = pressed
    _remove(user_data, waiting)
    await answer_quietly(query, t("toast_adding_stopped"))
    with contextlib.suppress(BadRequest):
        await message.edit_reply_markup(reply_markup=None)
    await message.reply_text(t("adding_dropped_of", code=str(waiting["code"])))
    log.info("unsent addition dropped by the resident")
    await _resume_next(context, message, t)


async def keep_addition(update: Update, context: HomThuContext) -> None:
    """«Không, giữ lại»: nothing is dropped; the addition's buttons again."""
    pressed = await _pressed_addition(update, context, keyboards.KEEP_ADDITION)
    if pressed is None:
        return
    query, t, message, user_data, waiting = pressed
    await answer_quietly(query)
    with contextlib.suppress(BadRequest):
        await message.edit_reply_markup(reply_markup=None)
    collecting = waiting is user_data.get(ADDING)
    if collecting:
        waiting.pop("ack", None)
        await _acknowledge(message, t, waiting)
        return
    await _say_set_aside(message, t, waiting)


async def set_aside(context: HomThuContext, message: Message, t: Texts) -> None:
    """A new /start (or an area pressed) ends collecting: an addition holding parts is set
    aside, kept, with the buttons that send or drop it, and the resident told so; one
    holding nothing, and those only asked for, are let go."""
    user_data = context.user_data
    if user_data is None:
        return
    waiting = user_data.pop(ADDING, None)
    kept = [c for c in user_data.get(HELD) or [] if parts(c)]
    # Those set aside before were told then; the one being collected and those waiting
    # for it are told now.
    newly = [c for c in kept if c.get("resume")]
    if isinstance(waiting, dict) and parts(waiting):
        newly.insert(0, waiting)
        kept.insert(0, waiting)
    for collection in newly:
        collection.pop("resume", None)
        await _say_set_aside(message, t, collection)
    if kept:
        user_data[HELD] = kept
    else:
        user_data.pop(HELD, None)


async def _say_set_aside(message: Message, t: Texts, collection: dict[str, Any]) -> None:
    code = str(collection["code"])
    await message.reply_text(
        t("addition_set_aside", code=code),
        reply_markup=keyboards.unsent_addition_keyboard(t, code, _token(collection)),
    )


class CollectedEditHandler(MessageHandler[Any, Any]):
    """An edit of a message the bot collected for an addition not sent yet."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        edits = filters.ChatType.PRIVATE & filters.UpdateType.EDITED_MESSAGE
        super().__init__(edits, edited_addition)
        self._application = application

    def check_update(self, update: object) -> Any:
        """Only for an edit of a collected message."""
        result = super().check_update(update)
        if not result or not isinstance(update, Update) or update.effective_user is None:
            return False
        message = update.effective_message
        data = self._application.user_data.get(update.effective_user.id)
        if not data or message is None:
            return False
        return result if _holding(data, message.message_id) is not None else False


def _holding(user_data: dict[Any, Any], message_id: int) -> dict[str, Any] | None:
    for collection in [user_data.get(ADDING), *(user_data.get(HELD) or [])]:
        if isinstance(collection, dict) and str(message_id) in (collection.get("ids") or {}):
            return collection
    return None


async def edited_addition(update: Update, context: HomThuContext) -> None:
    """A collected message edited: its text in the addition becomes the new one (as in a
    draft), so that what staff get is what the resident last wrote."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    user_data = context.user_data or {}
    waiting = _holding(user_data, message.message_id)
    assert waiting is not None
    texts: list[str] = waiting.setdefault("texts", [])
    ids: dict[str, int | None] = waiting.setdefault("ids", {})
    index = ids.get(str(message.message_id))
    text = (message.text or message.caption or "").strip()
    if not edit_fits(texts, index, text):
        await message.reply_text(t("addition_edit_too_long", max_chars=MAX_CHARS))
        return
    if index is not None:
        texts[index] = text
    elif text:
        ids[str(message.message_id)] = len(texts)
        texts.append(text)
    await _flush(update, context, message)
    await message.reply_text(t("addition_part_edited", code=str(waiting["code"])))
    log.info("collected addition part edited")


def replied_code(message: Message) -> str | None:
    """The code named by the bot's message this one replies to, if any."""
    replied = message.reply_to_message
    if replied is None or replied.from_user is None:
        return None
    if replied.from_user.id != message.get_bot().id:
        return None
    found = _CODE_IN_TEXT.search(replied.text or replied.caption or "")
    if found is None:
        return None
    return normalize_reference_code(found.group(0)) or found.group(0)


async def reply_to_bot(update: Update, context: HomThuContext) -> None:
    """A resident's Telegram reply to a message of the bot that names a code: the start of
    an addition to it, collected like one begun with «Bổ sung»."""
    message = update.effective_message
    assert message is not None
    code = replied_code(message)
    assert code is not None
    user_data = context.user_data
    if user_data is None:
        return
    if _blocking(user_data, code) is not None:
        await _take_reply(update, context, await context.texts(update), code)
        return
    if _begin(context, code, AdditionKind.ADDITION) is None:
        return
    await take_addition(update, context)


class RepliesNamingACode(filters.MessageFilter):
    """A private reply to one of the bot's messages whose text names a reference code."""

    def filter(self, message: Message) -> bool:
        """True for a reply to the bot naming a code."""
        return replied_code(message) is not None
