"""What each kind of outbox message looks like when it goes out: one Bot API call each.

The worker (``bot/delivery/outbox.py``) decides when and how often; these senders decide what. A
message to a resident is written in the resident's language (chosen with /language, else
the one sealed with their reply channel), framed in the committee's name, with the buttons
to see the status and add information. Staff messages about a feedback reply to its card
and are remembered, so that a reply to them is about that feedback. What would edit a
message left in a group Telegram has since upgraded to a supergroup is sent to the staff
group as a new message instead: message ids do not carry over.
"""

from __future__ import annotations

import base64
import html
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from telegram import InputMediaPhoto, Message, ReplyParameters
from telegram.constants import MessageLimit
from telegram.error import ChatMigrated
from telegram.ext import ExtBot

from bot.ptb.context import BotRuntime
from bot.render import keyboards, paperwork
from bot.render.views import (
    PROMPT_BODY,
    agency_card,
    escaped_lines,
    excerpt,
    local_time,
    pack_lines,
    reason_for_resident,
    result_for_resident,
    staff_card,
    visible_length,
)
from core.models import Proposal
from storage import (
    AGENCY_CARD,
    NOTIFY_STAFF,
    RESIDENT_REPLY,
    RESIDENT_STATUS,
    STAFF_ADDITION,
    STAFF_NOTICE,
    STAFF_PUBLISHED,
    Delivery,
    FeedbackNotFound,
    FeedbackStatus,
    FollowUpMessage,
    GroupMessage,
    OutboxMessage,
    ResponseKind,
)
from texts import Texts

log = logging.getLogger(__name__)


STAFF_PART = "staff_part"
STAFF_PHOTOS = "staff_photos"
STAFF_LOCATION = "staff_location"
STAFF_TEXT = "staff_text"
STAFF_PHOTO = "staff_photo"
ADMIN_TEXT = "admin_text"
AGENCY_PART = "agency_part"
AGENCY_PHOTOS = "agency_photos"
# Kinds addressed to the staff group: held in order while the group refuses the bot, and
# admins are told when one fails for good.
STAFF_KINDS = frozenset(
    {
        NOTIFY_STAFF,
        STAFF_PART,
        STAFF_PHOTOS,
        STAFF_LOCATION,
        STAFF_TEXT,
        STAFF_PHOTO,
        STAFF_PUBLISHED,
        STAFF_ADDITION,
        STAFF_NOTICE,
    }
)
# Kinds addressed to an agency's group: when one fails, the staff group is told.
AGENCY_KINDS = frozenset({AGENCY_CARD, AGENCY_PART, AGENCY_PHOTOS})
# Kinds addressed to a resident's reply channel.
RESIDENT_KINDS = frozenset({RESIDENT_REPLY, RESIDENT_STATUS})


@dataclass
class Sent:
    """What one delivery produced."""

    message_ids: list[int]
    record: GroupMessage | None = None
    follow_ups: list[FollowUpMessage] = field(default_factory=list)
    response_delivery: str | None = None


class Undeliverable(Exception):
    """The message cannot be sent, and never will be (e.g. its reply channel is gone)."""


Sender = Callable[[OutboxMessage], Awaitable[Sent]]


class Deliveries:
    """The senders, one per kind of outbox message."""

    def __init__(self, bot: ExtBot[None], runtime: BotRuntime) -> None:
        self._bot = bot
        self._runtime = runtime
        self.senders: dict[str, Sender] = {
            NOTIFY_STAFF: self._notify_staff,
            STAFF_PART: self._staff_part,
            STAFF_PHOTOS: self._staff_photos,
            STAFF_LOCATION: self._staff_location,
            STAFF_TEXT: self._staff_text,
            STAFF_PHOTO: self._staff_photo,
            STAFF_PUBLISHED: self._staff_published,
            STAFF_ADDITION: self._staff_addition,
            STAFF_NOTICE: self._staff_notice,
            RESIDENT_REPLY: self._resident_reply,
            RESIDENT_STATUS: self._resident_status,
            ADMIN_TEXT: self._admin_text,
            AGENCY_CARD: self._agency_card,
            AGENCY_PART: self._agency_part,
            AGENCY_PHOTOS: self._agency_photos,
        }

    @property
    def _t(self) -> Texts:
        return Texts(self._runtime.committee.default_language)

    @property
    def _staff_chat(self) -> int:
        return self._runtime.committee.staff_chat_id

    @property
    def _thread(self) -> int | None:
        return self._runtime.committee.staff_thread_id

    async def _card_of(self, feedback_id: int) -> ReplyParameters | None:
        """Reply to the feedback's card in the staff group, when it has one."""
        card = await self._runtime.database.feedback.card_message(feedback_id, self._staff_chat)
        if card is None:
            return None
        return ReplyParameters(message_id=card, allow_sending_without_reply=True)

    # --- the staff group ------------------------------------------------------------------

    async def _notify_staff(self, message: OutboxMessage) -> Sent:
        assert message.feedback_id is not None
        feedback = await self._runtime.database.feedback.get(message.feedback_id)
        t = self._t
        parts = staff_card(t, feedback, self._runtime.committee.timezone)
        sent = await self._bot.send_message(
            self._staff_chat,
            parts[0],
            reply_markup=keyboards.status_keyboard(t, feedback.id, feedback.status),
            message_thread_id=self._thread,
        )
        follow_ups = [
            FollowUpMessage(STAFF_PART, {"index": index, "reply_to": sent.message_id})
            for index in range(1, len(parts))
        ]
        if feedback.photo_file_ids:
            follow_ups.append(FollowUpMessage(STAFF_PHOTOS, {"reply_to": sent.message_id}))
        if feedback.location is not None:
            follow_ups.append(FollowUpMessage(STAFF_LOCATION, {"reply_to": sent.message_id}))
        log.info("staff notified code=%s", feedback.code)
        return Sent([sent.message_id], GroupMessage(self._staff_chat, "card"), follow_ups)

    async def _staff_part(self, message: OutboxMessage) -> Sent:
        assert message.feedback_id is not None
        feedback = await self._runtime.database.feedback.get(message.feedback_id)
        parts = staff_card(self._t, feedback, self._runtime.committee.timezone)
        index = int(message.payload["index"])
        if index >= len(parts):
            raise Undeliverable(f"card has no part {index}")
        sent = await self._bot.send_message(
            self._staff_chat,
            parts[index],
            reply_parameters=_reply_to(message),
            message_thread_id=self._thread,
        )
        return Sent([sent.message_id], GroupMessage(self._staff_chat, "part"))

    async def _staff_photos(self, message: OutboxMessage) -> Sent:
        assert message.feedback_id is not None
        feedback = await self._runtime.database.feedback.get(message.feedback_id)
        sent = await self._photos(
            self._staff_chat, feedback.photo_file_ids, _reply_to(message), self._thread
        )
        return Sent([m.message_id for m in sent], GroupMessage(self._staff_chat, "photo"))

    async def _staff_location(self, message: OutboxMessage) -> Sent:
        assert message.feedback_id is not None
        feedback = await self._runtime.database.feedback.get(message.feedback_id)
        if feedback.location is None:
            raise Undeliverable("no location")
        latitude, longitude = feedback.location
        sent = await self._bot.send_location(
            self._staff_chat,
            latitude=latitude,
            longitude=longitude,
            reply_parameters=_reply_to(message),
            message_thread_id=self._thread,
        )
        return Sent([sent.message_id], GroupMessage(self._staff_chat, "photo"))

    async def _photos(
        self,
        chat_id: int,
        photos: tuple[str, ...],
        reply: ReplyParameters | None,
        thread: int | None,
    ) -> list[Message]:
        if len(photos) == 1:
            return [
                await self._bot.send_photo(
                    chat_id, photos[0], reply_parameters=reply, message_thread_id=thread
                )
            ]
        return list(
            await self._bot.send_media_group(
                chat_id,
                [InputMediaPhoto(photo) for photo in photos],
                reply_parameters=reply,
                message_thread_id=thread,
            )
        )

    async def _staff_text(self, message: OutboxMessage) -> Sent:
        sent = await self._bot.send_message(
            self._staff_chat,
            str(message.payload["html"]),
            reply_parameters=_reply_to(message) if "reply_to" in message.payload else None,
            message_thread_id=self._thread,
        )
        return Sent([sent.message_id])

    async def _staff_photo(self, message: OutboxMessage) -> Sent:
        picture = base64.b64decode(str(message.payload["png_base64"]))
        sent = await self._bot.send_photo(
            self._staff_chat,
            picture,
            caption=str(message.payload.get("caption_html") or "") or None,
            message_thread_id=self._thread,
        )
        return Sent([sent.message_id])

    async def _staff_published(self, message: OutboxMessage) -> Sent:
        """An answer's undo window is over: turn its prompt into the record of what went."""
        database = self._runtime.database
        response = await database.feedback.response(int(message.payload["response_id"]))
        proposal, published = await database.dialogue.published(response.id)
        if proposal is None or proposal.prompt_message_id is None:
            raise Undeliverable("no prompt to update")
        t = self._t
        zone = self._runtime.committee.timezone
        channels = int(message.payload.get("channels", 0))
        if response.kind is ResponseKind.QUESTION:
            key = "staff_question_sent" if channels else "staff_question_public_only"
        else:
            key = "staff_answer_sent" if channels else "staff_answer_public_only"
        heading = t(
            key,
            code=proposal.code,
            who=proposal.decided_by or proposal.author,
            time=local_time(published or response.created_at, zone),
        )
        body = html.escape(excerpt(response.body, PROMPT_BODY))
        text = f"{heading}\n\n{body}\n\n{t('staff_answer_correct_hint')}"
        chat = proposal.prompt_chat_id or self._staff_chat
        if chat != self._staff_chat and await database.groups.moved_to(chat) is not None:
            return await self._published_anew(proposal, text, chat)
        try:
            edited = await self._bot.edit_message_text(
                text, chat_id=chat, message_id=proposal.prompt_message_id, reply_markup=None
            )
        except ChatMigrated:
            if chat == self._staff_chat:
                # The staff group itself moved: the worker follows it and tries this again,
                # which then finds the move recorded.
                raise
            # A group the staff group used to be: its prompt cannot be edited any more.
            return await self._published_anew(proposal, text, chat)
        message_id = (
            edited.message_id if isinstance(edited, Message) else proposal.prompt_message_id
        )
        log.info("answer public code=%s channels=%d", proposal.code, channels)
        return Sent([message_id], GroupMessage(chat, "proposal", proposal.id))

    async def _published_anew(self, proposal: Proposal, text: str, old_chat: int) -> Sent:
        """The prompt is in a group Telegram upgraded to a supergroup: message ids do not
        carry over, so the record of what went is a new message in the staff group, replying
        to the feedback's card there if it has one. A reply to it corrects the answer, as a
        reply to the prompt did."""
        sent = await self._bot.send_message(
            self._staff_chat,
            text,
            reply_parameters=await self._card_of(proposal.feedback_id),
            message_thread_id=self._thread,
        )
        log.info(
            "answer public, said anew: its prompt is in a moved group code=%s old=%d new=%d",
            proposal.code,
            old_chat,
            self._staff_chat,
        )
        return Sent([sent.message_id], GroupMessage(self._staff_chat, "proposal", proposal.id))

    async def _staff_addition(self, message: OutboxMessage) -> Sent:
        """What a resident added, as one message replying to the card: the words under
        the photo or as the album's caption; words too long for a caption go first, on
        their own, and the photos follow (a follow-up of their own, so a retry sends
        neither twice)."""
        assert message.feedback_id is not None
        addition = await self._runtime.database.dialogue.addition(
            int(message.payload["addition_id"])
        )
        t = self._t
        code, kind, photos = addition.code, addition.kind, addition.photos
        heading = t(f"staff_addition_{kind.value}", code=code)
        reply = await self._card_of(message.feedback_id)
        body = addition.body
        text = pack_lines([heading, "", *escaped_lines(body)] if body else [heading], "")[0]
        record = GroupMessage(self._staff_chat, "addition")
        if message.payload.get("part") == "photos" and not photos:
            raise Undeliverable("no photos")
        if message.payload.get("part") == "photos" or (
            photos and visible_length(text) <= MessageLimit.CAPTION_LENGTH
        ):
            caption = heading if message.payload.get("part") == "photos" else text
            sent = await self._captioned(photos, caption, reply)
            log.info("addition shown to staff code=%s kind=%s", code, kind.value)
            return Sent([m.message_id for m in sent], record)
        if photos:
            text = f"{text}\n\n{t('staff_addition_photos', count=len(photos))}"
        sent_text = await self._bot.send_message(
            self._staff_chat, text, reply_parameters=reply, message_thread_id=self._thread
        )
        follow_ups = (
            [FollowUpMessage(STAFF_ADDITION, {**message.payload, "part": "photos"})]
            if photos
            else []
        )
        log.info("addition shown to staff code=%s kind=%s", code, kind.value)
        return Sent([sent_text.message_id], record, follow_ups)

    async def _captioned(
        self, photos: tuple[str, ...], caption: str, reply: ReplyParameters | None
    ) -> list[Message]:
        """Photos in the staff group with ``caption`` under the first (one album)."""
        if len(photos) == 1:
            return [
                await self._bot.send_photo(
                    self._staff_chat,
                    photos[0],
                    caption=caption,
                    reply_parameters=reply,
                    message_thread_id=self._thread,
                )
            ]
        media = [
            InputMediaPhoto(photo, caption=caption if n == 0 else None)
            for n, photo in enumerate(photos)
        ]
        return list(
            await self._bot.send_media_group(
                self._staff_chat, media, reply_parameters=reply, message_thread_id=self._thread
            )
        )

    async def _staff_notice(self, message: OutboxMessage) -> Sent:
        assert message.feedback_id is not None
        feedback = await self._runtime.database.feedback.get(message.feedback_id)
        notice = str(message.payload["notice"])
        text = self._t(
            f"staff_notice_{notice}",
            code=feedback.code,
            agency=str(message.payload.get("agency") or ""),
        )
        sent = await self._bot.send_message(
            self._staff_chat,
            text,
            reply_parameters=await self._card_of(feedback.id),
            message_thread_id=self._thread,
        )
        return Sent([sent.message_id], GroupMessage(self._staff_chat, "notice"))

    # --- an agency's group --------------------------------------------------------------------

    async def _agency_card(self, message: OutboxMessage) -> Sent:
        assert message.feedback_id is not None
        database = self._runtime.database
        feedback = await database.feedback.get(message.feedback_id)
        forward_id = int(message.payload["forward_id"])
        chat = int(message.payload["chat_id"])
        t = self._t
        committee = self._runtime.committee
        parts = agency_card(t, feedback, committee.unit_name, committee.timezone)
        sent = await self._bot.send_message(
            chat, parts[0], reply_markup=keyboards.agency_card_keyboard(t, forward_id)
        )
        follow_ups = [
            FollowUpMessage(
                AGENCY_PART,
                {
                    "index": index,
                    "reply_to": sent.message_id,
                    "chat_id": chat,
                    "forward": forward_id,
                },
            )
            for index in range(1, len(parts))
        ]
        if feedback.photo_file_ids:
            follow_ups.append(
                FollowUpMessage(
                    AGENCY_PHOTOS,
                    {"reply_to": sent.message_id, "chat_id": chat, "forward": forward_id},
                )
            )
        log.info("card sent to an agency code=%s", feedback.code)
        return Sent([sent.message_id], GroupMessage(chat, "agency_card", forward_id), follow_ups)

    async def _agency_part(self, message: OutboxMessage) -> Sent:
        assert message.feedback_id is not None
        feedback = await self._runtime.database.feedback.get(message.feedback_id)
        committee = self._runtime.committee
        parts = agency_card(self._t, feedback, committee.unit_name, committee.timezone)
        index, chat = int(message.payload["index"]), int(message.payload["chat_id"])
        if index >= len(parts):
            raise Undeliverable(f"card has no part {index}")
        sent = await self._bot.send_message(
            chat, parts[index], reply_parameters=_reply_to(message)
        )
        return Sent(
            [sent.message_id], GroupMessage(chat, "agency_card", int(message.payload["forward"]))
        )

    async def _agency_photos(self, message: OutboxMessage) -> Sent:
        assert message.feedback_id is not None
        feedback = await self._runtime.database.feedback.get(message.feedback_id)
        chat = int(message.payload["chat_id"])
        sent = await self._photos(chat, feedback.photo_file_ids, _reply_to(message), None)
        return Sent(
            [m.message_id for m in sent],
            GroupMessage(chat, "agency_card", int(message.payload["forward"])),
        )

    # --- residents ----------------------------------------------------------------------------

    async def _resident(self, message: OutboxMessage) -> tuple[int, Texts]:
        """The chat of the message's reply channel, and the texts in the resident's language."""
        channel = await self._runtime.database.feedback.reply_channel(
            int(message.payload["channel"])
        )
        opened = self._runtime.anonymizer.open_channel(channel[1], channel[0]) if channel else None
        if opened is None:
            raise Undeliverable("no reply channel")
        chat_id, sealed_language = opened
        chosen = await self._runtime.chosen_language(chat_id)
        return chat_id, Texts(
            chosen or sealed_language or self._runtime.committee.default_language
        )

    async def _resident_reply(self, message: OutboxMessage) -> Sent:
        """An answer or a question, in the committee's name; a long one in parts, each its
        own outbox row."""
        assert message.feedback_id is not None
        database = self._runtime.database
        feedback = await database.feedback.get(message.feedback_id)
        response = await database.feedback.response(int(message.payload["response_id"]))
        if response.withdrawn_at is not None:
            raise Undeliverable("answer withdrawn")
        chat_id, t = await self._resident(message)
        who = paperwork.committee_name(t, self._runtime.committee.unit_name_for(t.language))
        if response.kind is ResponseKind.QUESTION:
            heading, footer = (
                t("resident_question", code=feedback.code, committee=who),
                t("resident_question_footer"),
            )
        elif response.corrects is not None:
            heading, footer = t("resident_correction", code=feedback.code, committee=who), ""
        else:
            heading, footer = t("resident_reply", code=feedback.code, committee=who), ""
        lines = [heading, "", *escaped_lines(response.body)]
        if footer:
            lines += ["", footer]
        parts = pack_lines(lines, t("report_continued"))
        index = int(message.payload.get("part", 0))
        last = index + 1 >= len(parts)
        # Under a question, «Bổ sung» answers it: staff see the addition as its answer.
        question = response.kind is ResponseKind.QUESTION
        markup = (
            keyboards.about_feedback_keyboard(
                t, feedback.code, add=not question, answer=question, stop=True
            )
            if last
            else None
        )
        sent = await self._bot.send_message(chat_id, parts[index], reply_markup=markup)
        if not last:
            follow = FollowUpMessage(RESIDENT_REPLY, {**message.payload, "part": index + 1})
            return Sent([sent.message_id], follow_ups=[follow])
        log.info("answer delivered code=%s parts=%d", feedback.code, len(parts))
        return Sent([sent.message_id], response_delivery=Delivery.DELIVERED)

    async def _resident_status(self, message: OutboxMessage) -> Sent:
        assert message.feedback_id is not None
        feedback = await self._runtime.database.feedback.get(message.feedback_id)
        status = FeedbackStatus(str(message.payload["status"]))
        chat_id, t = await self._resident(message)
        code = feedback.code
        words, preset = (
            str(message.payload.get("reason") or ""),
            message.payload.get("reason_preset"),
        )
        if status is FeedbackStatus.RESOLVED:
            result = result_for_resident(t, words, preset)
            text = (
                t("resident_resolved_with", code=code, result=result)
                if result
                else t("resident_resolved", code=code)
            )
            markup = keyboards.about_feedback_keyboard(t, code, rate=True, stop=True)
        elif status is FeedbackStatus.REJECTED:
            reason = reason_for_resident(t, words, preset)
            elsewhere = str(message.payload.get("agency") or "")
            if reason and elsewhere:
                text = t("resident_rejected_elsewhere", code=code, reason=reason, agency=elsewhere)
            elif reason:
                text = t("resident_rejected_because", code=code, reason=reason)
            else:
                text = t("resident_rejected", code=code)
            markup = keyboards.about_feedback_keyboard(t, code, stop=True)
        else:
            agency = str(message.payload.get("agency") or "")
            text = t("resident_forwarded", code=code, agency=agency)
            markup = keyboards.about_feedback_keyboard(t, code, add=True, stop=True)
        sent = await self._bot.send_message(chat_id, text, reply_markup=markup)
        log.info("resident told status code=%s status=%s", code, status.value)
        return Sent([sent.message_id])

    async def _admin_text(self, message: OutboxMessage) -> Sent:
        sent = await self._bot.send_message(
            int(message.payload["chat_id"]), str(message.payload["html"])
        )
        return Sent([sent.message_id])

    async def feedback_code(self, message: OutboxMessage) -> str | None:
        """The reference code of the message's feedback, if it has one."""
        if message.feedback_id is None:
            return None
        try:
            return (await self._runtime.database.feedback.get(message.feedback_id)).code
        except FeedbackNotFound:
            return None


def _reply_to(message: OutboxMessage) -> ReplyParameters:
    return ReplyParameters(
        message_id=int(message.payload["reply_to"]), allow_sending_without_reply=True
    )
