"""What a resident's messages add to a draft, and what the bot says back (SPEC §3.3, §3.4).

Texts, photos and one location join the draft; an edited message changes its part; the
newest acknowledgement carries the draft's buttons and the older one loses them; the
preview shows exactly what staff will see, warning of personal data and explaining
denunciations and complaints.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging

from telegram import InputFile, InputMediaPhoto, Message, Update
from telegram.error import BadRequest

from bot.ptb.context import HomThuContext
from bot.render import keyboards, paperwork
from bot.render.views import card_messages, visible_length
from core.intake import (
    Accepted,
    Intake,
    LocationKept,
    NotInDraft,
    Preview,
    TooLong,
    TooManyPhotos,
    review_of,
)
from core.rules.draft import MAX_PHOTOS, Draft, keep_draft
from documents.image_files import UnreadableImage, clean_photo
from texts import Texts

log = logging.getLogger(__name__)

# The Bot API hands over files up to 20 MB.
MAX_DOWNLOAD = 20 * 1024 * 1024


async def take_content(message: Message, t: Texts, draft: Draft) -> Accepted | LocationKept | None:
    """Add the message's text, photo (or image sent as a file) or location; None, and the
    resident told why, when it does not fit."""
    kept: Accepted | LocationKept | TooLong | TooManyPhotos
    if message.photo:
        file_id = message.photo[-1].file_id
        kept = Intake.add_photo(draft, file_id, message.caption, message.message_id)
    elif is_image_file(message):
        full = Intake.photo_room(draft)
        if full is None:
            converted = await photo_from_file(message, t)
            if converted is None:
                return None
            kept = Intake.add_photo(draft, converted, message.caption, message.message_id)
        else:
            kept = full
    elif message.location is not None:
        location = message.location
        kept = Intake.set_location(draft, location.latitude, location.longitude)
        log.info("location kept area=%s replaced=%s", draft.area_code, kept.replaced)
    else:
        kept = Intake.add_text(draft, message.text or "", message.message_id)
    if isinstance(kept, TooLong):
        await message.reply_text(
            t("too_long", max_chars=kept.limit, current=kept.current, incoming=kept.incoming)
        )
        return None
    if isinstance(kept, TooManyPhotos):
        await message.reply_text(t("too_many_photos", max_photos=kept.limit))
        return None
    return kept


def is_image_file(message: Message | None) -> bool:
    """True for an image sent as a file (a document with an image type)."""
    document = message.document if message is not None else None
    return document is not None and (document.mime_type or "").startswith("image/")


async def photo_from_file(message: Message, t: Texts) -> str | None:
    """The image of a file, re-encoded without EXIF and uploaded as a photo into the
    resident's own chat: the file id of that photo (None, and the resident asked to send
    it as a photo, when it cannot be read).

    Uploaded there, not to the staff group: staff see a draft's photos only once it is
    sent, and the resident sees the very photo staff will see. The original file's id is
    never kept; its name is never read.
    """
    document = message.document
    assert document is not None
    if document.file_size is not None and document.file_size > MAX_DOWNLOAD:
        await message.reply_text(t("image_file_unreadable"))
        return None
    try:
        data = await (await document.get_file()).download_as_bytearray()
        cleaned = await asyncio.to_thread(clean_photo, bytes(data))
        shown = await message.reply_photo(
            InputFile(cleaned, filename="photo.jpg"), caption=t("image_file_cleaned")
        )
    except (UnreadableImage, BadRequest) as exc:
        log.info("image file not taken reason=%s", type(exc).__name__)
        await message.reply_text(t("image_file_unreadable"))
        return None
    log.info("image file taken as a photo, re-encoded")
    return shown.photo[-1].file_id if shown.photo else None


async def keep(update: Update, context: HomThuContext, draft: Draft) -> None:
    """Write the draft to disk now, before telling the resident it is kept.

    The flush after every update would come a moment later; a crash in that moment would
    lose a message the resident had been told was received.
    """
    assert update.effective_user is not None
    assert update.effective_chat is not None
    assert context.user_data is not None
    keep_draft(context.user_data, draft)
    await context.runtime.persistence.flush_update(
        context.application, update.effective_chat.id, update.effective_user.id
    )


def acknowledgement(t: Texts, kept: Accepted | LocationKept) -> str:
    """A short "received"; counts only near a limit (the core says when)."""
    if isinstance(kept, LocationKept):
        return t("received_location_replaced" if kept.replaced else "received_location")
    lines = [t("received")]
    if kept.chars_left is not None:
        lines.append(t("received_chars_left", left=kept.chars_left))
    if kept.photos_left == 0:
        lines.append(t("received_photos_full", max_photos=MAX_PHOTOS))
    elif kept.photos_left is not None:
        lines.append(t("received_photos_left", left=kept.photos_left))
    return "\n".join(lines)


async def acknowledge(
    context: HomThuContext,
    message: Message,
    t: Texts,
    kept: Accepted | LocationKept,
    *,
    text: str | None = None,
) -> None:
    """Confirm what is kept (``text`` if given), with the draft's buttons; the photos of
    one album share one, edited, confirmation; the previous confirmation loses its
    buttons."""
    if text is None:
        text = acknowledgement(t, kept)
    markup = keyboards.writing_keyboard(t)
    buttons = context.runtime.draft_buttons
    previous = buttons.get(message.chat_id)
    album = message.media_group_id
    if album and previous is not None and previous[1] == album:
        with contextlib.suppress(BadRequest):
            await message.get_bot().edit_message_text(
                text, chat_id=message.chat_id, message_id=previous[0], reply_markup=markup
            )
            return
    sent = await message.reply_text(text, reply_markup=markup)
    await moved_buttons(context, sent, album)


async def moved_buttons(
    context: HomThuContext, message: Message, album: str | None = None
) -> None:
    """The draft's buttons are now under ``message``: take them off the older message."""
    buttons = context.runtime.draft_buttons
    previous = buttons.get(message.chat_id)
    buttons.put(message.chat_id, message.message_id, album)
    if previous is not None and previous[0] != message.message_id:
        await drop_buttons_of(message, previous[0])


async def drop_buttons_of(message: Message, message_id: int) -> None:
    """Take the buttons off an earlier message of the bot in the same chat."""
    # Already without buttons, or too old to edit: nothing to clean up then.
    with contextlib.suppress(BadRequest):
        await message.get_bot().edit_message_reply_markup(
            chat_id=message.chat_id, message_id=message_id, reply_markup=None
        )


async def drop_buttons(message: Message) -> None:
    """Take the buttons off the message whose button was pressed."""
    with contextlib.suppress(BadRequest):
        await message.edit_reply_markup(reply_markup=None)


def forget_buttons(context: HomThuContext, chat_id: int) -> None:
    """The draft ended: its buttons are nobody's to move any more."""
    context.runtime.draft_buttons.pop(chat_id)


# --- Edited messages -----------------------------------------------------------------------


async def take_edit(message: Message, t: Texts, draft: Draft) -> bool:
    """An edited message of the draft changes its part; say what happened. True when the
    draft changed."""
    text = message.text if message.text is not None else message.caption or ""
    photo = message.photo[-1].file_id if message.photo else None
    edited = Intake.edit(draft, message.message_id, text, photo)
    if isinstance(edited, TooLong):
        await message.reply_text(t("edited_too_long", max_chars=edited.limit))
        return False
    if isinstance(edited, NotInDraft):
        await message.reply_text(t("edited_not_in_draft"))
        return False
    await message.reply_text(t("edited_updated"))
    return True


# --- Refusals ------------------------------------------------------------------------------


# What a refused message is called in the refusal, by the attribute Telegram fills.
_REFUSED_KINDS = (
    ("sticker", "kind_sticker"),
    ("animation", "kind_animation"),
    ("video", "kind_video"),
    ("audio", "kind_audio"),
    ("contact", "kind_contact"),
    ("document", "kind_document"),
    ("poll", "kind_poll"),
)


def is_content(message: Message | None) -> bool:
    """True for what a draft takes: a text that is not a command, a photo, a location."""
    if message is None:
        return False
    text = message.text or ""
    return bool(
        (text and not text.startswith("/"))
        or message.photo
        or message.location
        or is_image_file(message)
    )


def refusal(t: Texts, message: Message) -> str:
    """Why this kind of message is not accepted."""
    if message.voice or message.video_note:
        return t("voice_refused")
    kind = next(
        (key for attribute, key in _REFUSED_KINDS if getattr(message, attribute)), "kind_other"
    )
    return t("content_refused", kind=t(kind), max_photos=MAX_PHOTOS)


# --- The preview -----------------------------------------------------------------------------


def warnings(t: Texts, draft: Draft) -> list[str]:
    """What the preview warns of: personal data staff would see, and that a denunciation
    or complaint needs the sender's name."""
    return warning_lines(t, review_of(draft))


def warning_lines(t: Texts, review: Preview) -> list[str]:
    """The review's warnings in ``t``'s words."""
    lines = []
    if review.personal_data:
        kinds = ", ".join(
            html.unescape(t(f"personal_{kind.value}")) for kind in review.personal_data
        )
        lines.append(t("preview_personal_data", kinds=kinds))
    if review.complaint:
        lines.append(t("preview_complaint"))
    return lines


async def send_preview(
    context: HomThuContext, message: Message, t: Texts, review: Preview | Draft
) -> None:
    """The photos, the location, then the card and the warnings; the buttons sit under the
    last message."""
    if isinstance(review, Draft):
        review = review_of(review)
    draft = review.draft
    chat = message.chat
    if len(draft.photos) == 1:
        await chat.send_photo(draft.photos[0])
    elif draft.photos:
        await chat.send_media_group([InputMediaPhoto(file_id) for file_id in draft.photos])
    if draft.coordinates is not None:
        latitude, longitude = draft.coordinates
        await chat.send_location(latitude=latitude, longitude=longitude)
    extra = warning_lines(t, review)
    contact = context.committee.contact_text
    if extra and contact and review.complaint:
        extra.append(t("contact_line", contact=contact))
    wrapper = visible_length(t.with_html("preview", card="")) + sum(
        visible_length(line) + 2 for line in extra
    )
    cards = card_messages(
        t,
        code=t("card_code_pending"),
        area=draft.area_name,
        topic=draft.topic_name,
        time=t("card_time_pending"),
        body=draft.body,
        photos=len(draft.photos),
        location=draft.location is not None,
        reserve=wrapper,
    )
    markup = keyboards.preview_keyboard(t, draft.submission)
    if len(cards) == 1:
        text = "\n\n".join([t.with_html("preview", card=cards[0]), *extra])
        sent = await chat.send_message(text, reply_markup=markup)
    else:
        intro, outro = t.with_html("preview", card="\n").split("\n\n", 1)
        await chat.send_message(intro)
        for card in cards:
            await chat.send_message(card)
        sent = await chat.send_message("\n\n".join([outro.strip(), *extra]), reply_markup=markup)
    await moved_buttons(context, sent)


def closed_area_intro(t: Texts, area: str, contact: str | None) -> str:
    """A closed area: said plainly, another way to reach the committee, and the others."""
    lines = [t("closed_area", area=area)]
    if contact:
        lines.append(t("contact_line", contact=contact))
    lines.append(t("closed_area_others"))
    return "\n\n".join(lines)


def committee(context: HomThuContext, t: Texts) -> str:
    """Who runs the box, in ``t``'s language (plain text)."""
    return paperwork.committee_name(t, context.committee.unit_name_for(t.language))
