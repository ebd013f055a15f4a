"""Not handled, resolved and forwarded (SPEC §5): the statuses that need a word more.

«Không xử lý» asks for the reason: a common one as a button, or the officer's own words
in reply to the prompt; the resident's notice and /status give it. «Không thuộc thẩm quyền»
then asks where the resident may go instead (an agency of the list, words, or not known).
«Đã giải quyết» asks for the result in one line the same way (a standard line or the
officer's words; «Không cần, đã trả lời» once an answer was published): the officer sees it
before it goes, and the notice waits out the undo window. «Đã chuyển cấp có
thẩm quyền» asks where to: an agency of the list (SPEC §6) as a button, or a name in reply.
An agency with a Telegram group gets the card there, with «Đã tiếp nhận» and «Đã xử lý»;
for one without, the staff group gets a printable forwarding slip.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from datetime import timedelta

from telegram import CallbackQuery, InlineKeyboardMarkup, InputFile, Message, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest

from bot.handlers.staff.access import officer_name, staff_group_button
from bot.handlers.staff.posting import pressed_feedback, refresh_card
from bot.ptb.answers import answer_quietly
from bot.ptb.context import HomThuContext
from bot.render import keyboards, paperwork
from core.errors import PromptClosed, PromptOutdated, StorageError
from core.models import MAX_NAME_LENGTH
from documents.slip import SlipData, render_slip_pdf
from storage import (
    DONE,
    RECEIVED,
    AgencyNotFound,
    Feedback,
    FeedbackStatus,
    Forwarded,
    InvalidName,
    ResponseKind,
)
from texts import Texts

log = logging.getLogger(__name__)

_CHOICE = re.compile(r"^(rj:|fw:)(\d{1,15}):(x|\d{1,15})$")
_ELSEWHERE = re.compile(rf"^{keyboards.ELSEWHERE_PREFIX}(\d{{1,15}}):(x|n|\d{{1,15}})$")
_RESULT = re.compile(rf"^{keyboards.RESULT_PREFIX}(\d{{1,15}}):(x|a|\d{{1,15}})$")
_AGENCY_PRESS = re.compile(rf"^{keyboards.AGENCY_GROUP_PREFIX}(rcv|done):(\d{{1,15}})$")


async def _prompt(
    query: CallbackQuery,
    context: HomThuContext,
    feedback_id: int,
    role: str,
    text: str,
    markup: InlineKeyboardMarkup,
) -> None:
    """Ask under the card, and record the question as a live prompt of ``role``: a reply to
    it gives the words, until it is answered, cancelled or outdated."""
    if not isinstance(query.message, Message):
        return
    prompt = await query.message.reply_text(text, reply_markup=markup)
    await context.db.feedback.open_prompt(prompt.chat_id, prompt.message_id, feedback_id, role)


async def ask_reason(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, feedback_id: int
) -> None:
    """«Không xử lý» on a card: ask why (nothing changes until a reason is given)."""
    feedback = await pressed_feedback(context, t, query, feedback_id)
    if feedback is None:
        return
    await answer_quietly(query, t("toast_reason_needed"))
    await _prompt(
        query,
        context,
        feedback.id,
        "ask_reason",
        t("ask_reason_prompt", code=feedback.code),
        keyboards.reasons_keyboard(t, feedback.id),
    )


async def ask_agency(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, feedback_id: int
) -> None:
    """«Đã chuyển cấp có thẩm quyền» on a card: ask where to."""
    feedback = await pressed_feedback(context, t, query, feedback_id)
    if feedback is None:
        return
    agencies = await context.db.agencies.list(include_closed=False)
    await answer_quietly(query, t("toast_agency_needed"))
    key = "ask_agency_prompt" if agencies else "ask_agency_prompt_none"
    await _prompt(
        query,
        context,
        feedback.id,
        "ask_agency",
        t(key, code=feedback.code),
        keyboards.agencies_keyboard(t, feedback.id, [(a.id, a.name) for a in agencies]),
    )


@staff_group_button
async def choice_button(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """A reason, an agency, or cancel, under one of the two prompts."""
    match = _CHOICE.match(data)
    if match is None:
        await answer_quietly(query, t("stale_button"))
        return
    prefix, feedback_id, choice = match.group(1), int(match.group(2)), match.group(3)
    if choice == keyboards.CANCEL_CHOICE:
        await _cancel(update, context, t, query)
        return
    if not await _prompt_acts(context, t, query):
        return
    if prefix == keyboards.REASON_PREFIX:
        number = int(choice)
        if number not in keyboards.REASONS:
            await answer_quietly(query, t("stale_button"))
            return
        if number == keyboards.NOT_OURS:
            await _ask_elsewhere(context, t, query, feedback_id)
            return
        await answer_quietly(query)
        prompt = query.message if isinstance(query.message, Message) else None
        await reject_with_reason(
            update,
            context,
            feedback_id,
            t(f"rejection_reason_{number}"),
            prompt=prompt,
            preset=number,
        )
        return
    await answer_quietly(query)
    prompt = query.message if isinstance(query.message, Message) else None
    await forward_to(update, context, feedback_id, agency_id=int(choice), prompt=prompt)


async def _ask_elsewhere(
    context: HomThuContext, t: Texts, query: CallbackQuery, feedback_id: int
) -> None:
    """«Không thuộc thẩm quyền»: the prompt now asks where the resident may go instead (an
    agency of the list, the officer's words in reply, or «not known»)."""
    feedback = await pressed_feedback(context, t, query, feedback_id)
    if feedback is None:
        return
    agencies = await context.db.agencies.list(include_closed=False)
    await answer_quietly(query)
    markup = keyboards.elsewhere_keyboard(t, feedback.id, [(a.id, a.name) for a in agencies])
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(
            t("ask_elsewhere_prompt", code=feedback.code), reply_markup=markup
        )
    if isinstance(query.message, Message):
        # A reply to the prompt now names the place, not the reason.
        await context.db.feedback.open_prompt(
            query.message.chat_id, query.message.message_id, feedback.id, "ask_elsewhere"
        )


@staff_group_button
async def elsewhere_button(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """Where to go instead, under the prompt of «Không thuộc thẩm quyền»: an agency, «not
    known» (the reason alone), or cancel."""
    match = _ELSEWHERE.match(data)
    if match is None:
        await answer_quietly(query, t("stale_button"))
        return
    feedback_id, choice = int(match.group(1)), match.group(2)
    if choice == keyboards.CANCEL_CHOICE:
        await _cancel(update, context, t, query)
        return
    if not await _prompt_acts(context, t, query):
        return
    elsewhere = None
    if choice != keyboards.UNKNOWN_CHOICE:
        agencies = {a.id: a.name for a in await context.db.agencies.list(include_closed=False)}
        elsewhere = agencies.get(int(choice))
        if elsewhere is None:
            await answer_quietly(query, t("agency_closed_meanwhile"), show_alert=True)
            return
    await answer_quietly(query)
    await reject_with_reason(
        update,
        context,
        feedback_id,
        t(f"rejection_reason_{keyboards.NOT_OURS}"),
        prompt=query.message if isinstance(query.message, Message) else None,
        preset=keyboards.NOT_OURS,
        elsewhere=elsewhere,
    )


# The longest reason (or place to go instead) a resident is given for «Không xử lý».
MAX_REASON = 300


async def reject_with_reason(
    update: Update,
    context: HomThuContext,
    feedback_id: int,
    reason: str,
    *,
    prompt: Message | None,
    preset: int | None = None,
    elsewhere: str | None = None,
    words: str | None = None,
) -> None:
    """Set «Không xử lý» with its reason; the resident is told after the undo window. A
    reason longer than ``MAX_REASON`` is refused, not cut: the resident reads only what the
    officer wrote. ``preset``: the number of the preset reason chosen, which residents
    read in their own language. ``elsewhere``: where the resident may go instead.
    ``words``: which of the two the officer's reply gave ('reason' or 'agency'; None for a
    button), so that an edit of the reply can reword it. Nothing changes when the prompt
    was answered or cancelled meanwhile, or the status changed since it was asked."""
    t = Texts(context.committee.default_language)
    if len(reason) > MAX_REASON or len(elsewhere or "") > MAX_REASON:
        message = update.effective_message
        if message is not None:
            await message.reply_text(t("reason_too_long", max_chars=MAX_REASON))
        return
    who = officer_name(update)
    try:
        changed = await context.db.feedback.set_status(
            feedback_id,
            FeedbackStatus.REJECTED,
            who,
            reason=reason,
            reason_preset=preset,
            agency=elsewhere,
            notice_delay=timedelta(seconds=context.settings.undo_seconds),
            prompt=_key(prompt),
            reply=_reply(update, words),
        )
    except (PromptClosed, PromptOutdated) as dead:
        await prompt_not_used(update, context, feedback_id, dead)
        return
    if changed.resident_told:
        context.runtime.wake_outbox()
    key = "rejected_elsewhere" if elsewhere else "rejected_done"
    text = t(
        f"{key}_told" if changed.resident_told else key,
        code=changed.feedback.code,
        reason=reason,
        agency=elsewhere or "",
        who=who,
        seconds=context.settings.undo_seconds,
    )
    await _answer_prompt(update, prompt, text)
    await refresh_card(context, t, changed.feedback)


async def forward_to(
    update: Update,
    context: HomThuContext,
    feedback_id: int,
    *,
    agency_id: int | None = None,
    name: str | None = None,
    prompt: Message | None,
) -> None:
    """Forward the feedback: to the agency's group, or with a slip for the staff to send."""
    t = Texts(context.committee.default_language)
    who = officer_name(update)
    try:
        forwarded = await context.db.agencies.forward(
            feedback_id,
            who,
            agency_id=agency_id,
            name=name,
            notice_delay=timedelta(seconds=context.settings.undo_seconds),
            prompt=_key(prompt),
        )
    except (PromptClosed, PromptOutdated) as dead:
        await prompt_not_used(update, context, feedback_id, dead)
        return
    except AgencyNotFound:
        await _answer_prompt(update, prompt, t("agency_closed_meanwhile"))
        return
    except InvalidName:
        await _answer_prompt(update, prompt, t("agency_name_invalid", max_chars=MAX_NAME_LENGTH))
        return
    context.runtime.wake_outbox()
    feedback, agency = forwarded.feedback, forwarded.agency
    in_group = agency is not None and agency.chat_id is not None
    key = "forwarded_to_group" if in_group else "forwarded_with_slip"
    text = t(
        key,
        code=feedback.code,
        agency=forwarded.forward.agency_name,
        who=who,
        seconds=context.settings.undo_seconds,
    )
    await _answer_prompt(update, prompt, text)
    await refresh_card(context, t, feedback)
    if not in_group:
        await _send_slip(context, t, feedback, forwarded, prompt)


async def _send_slip(
    context: HomThuContext,
    t: Texts,
    feedback: Feedback,
    forwarded: Forwarded,
    prompt: Message | None,
) -> None:
    committee = context.committee
    zone = committee.timezone
    due = committee.deadlines.due_day(feedback.due_at) if feedback.due_at else None
    now = context.runtime.now()
    # The slip is the committee's paper to the agency: in the committee's own language.
    paper = Texts(committee.default_language)
    data = SlipData(
        letterhead=paperwork.letterhead(paper, committee.unit_name, now.astimezone(zone).date()),
        agency=forwarded.forward.agency_name,
        code=feedback.code,
        area=feedback.area.name,
        topic=feedback.topic.name_vi,
        received_at=feedback.created_at.astimezone(zone),
        due=due or now.astimezone(zone).date(),
        text=feedback.body,
        photos=len(feedback.photo_file_ids),
        location=feedback.location,
    )
    chat = committee.staff_chat_id
    with contextlib.suppress(BadRequest):
        await context.bot.send_chat_action(chat, ChatAction.UPLOAD_DOCUMENT)
    pdf = await asyncio.to_thread(render_slip_pdf, data, paperwork.words(paper))
    caption = t("slip_caption", code=feedback.code, agency=forwarded.forward.agency_name)
    document = InputFile(pdf, filename=f"phieu-chuyen-{feedback.code}.pdf")
    if prompt is not None:
        await prompt.reply_document(document, caption=caption)
    else:
        await context.bot.send_document(
            chat, document, caption=caption, message_thread_id=committee.staff_thread_id
        )
    log.info("forwarding slip made code=%s", feedback.code)


async def _answer_prompt(update: Update, prompt: Message | None, text: str) -> None:
    """Turn the prompt into what was decided (its buttons go), or say it under it."""
    if prompt is not None and prompt.from_user is not None and prompt.from_user.is_bot:
        with contextlib.suppress(BadRequest):
            await prompt.edit_text(text, reply_markup=None)
            return
    message = update.effective_message
    if message is not None:
        await message.reply_text(text)


async def _close_prompt(query: CallbackQuery, text: str) -> None:
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(text, reply_markup=None)


async def _cancel(update: Update, context: HomThuContext, t: Texts, query: CallbackQuery) -> None:
    """«Hủy» under a prompt: nothing changes, and a later reply to it is not used."""
    if isinstance(query.message, Message):
        await context.db.feedback.close_prompt(query.message.chat_id, query.message.message_id)
    await answer_quietly(query, t("toast_dropped"))
    await _close_prompt(query, t("prompt_cancelled", who=officer_name(update)))


async def _prompt_acts(context: HomThuContext, t: Texts, query: CallbackQuery) -> bool:
    """True when the prompt pressed under still acts; otherwise the presser is told, and
    its buttons go."""
    if not isinstance(query.message, Message):
        return True
    try:
        await context.db.feedback.check_prompt(query.message.chat_id, query.message.message_id)
    except (PromptClosed, PromptOutdated) as dead:
        key = "toast_prompt_closed" if isinstance(dead, PromptClosed) else "toast_prompt_outdated"
        await answer_quietly(query, t(key), show_alert=True)
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(None)
        return False
    return True


async def prompt_not_used(
    update: Update, context: HomThuContext, feedback_id: int, dead: StorageError
) -> None:
    """Say in the group that a reply (or a press) under a prompt that no longer acts was
    not used: the prompt was answered or cancelled, or the status changed since."""
    t = Texts(context.committee.default_language)
    feedback = await context.db.feedback.get(feedback_id)
    key = "prompt_reply_closed" if isinstance(dead, PromptClosed) else "prompt_reply_outdated"
    log.info("reply to a dead prompt not used code=%s why=%s", feedback.code, key)
    message = update.effective_message
    if message is not None:
        await message.reply_text(t(key, code=feedback.code))


def _key(prompt: Message | None) -> tuple[int, int] | None:
    return None if prompt is None else (prompt.chat_id, prompt.message_id)


def _reply(update: Update, words: str | None) -> tuple[int, int, str] | None:
    """The officer's reply that gave the words, and which words, to be kept."""
    message = update.message
    if words is None or message is None:
        return None
    return (message.chat_id, message.message_id, words)


# --- «Đã giải quyết»: the result ---------------------------------------------------------


def _answered(feedback: Feedback) -> bool:
    """True when the resident can already read an answer (published, not withdrawn)."""
    return any(reply.kind is ResponseKind.REPLY for reply in feedback.public_replies)


async def ask_result(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, feedback_id: int
) -> None:
    """«Đã giải quyết» on a card: ask what came of it (nothing changes until it is said)."""
    feedback = await pressed_feedback(context, t, query, feedback_id)
    if feedback is None:
        return
    await answer_quietly(query, t("toast_result_needed"))
    await _prompt(
        query,
        context,
        feedback.id,
        "ask_result",
        t("ask_result_prompt", code=feedback.code),
        keyboards.results_keyboard(t, feedback.id, answered=_answered(feedback)),
    )


@staff_group_button
async def result_button(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """A standard result, «already answered», or cancel, under the prompt."""
    match = _RESULT.match(data)
    if match is None:
        await answer_quietly(query, t("stale_button"))
        return
    feedback_id, choice = int(match.group(1)), match.group(2)
    prompt = query.message if isinstance(query.message, Message) else None
    if choice == keyboards.CANCEL_CHOICE:
        await _cancel(update, context, t, query)
        return
    if not await _prompt_acts(context, t, query):
        return
    if choice == keyboards.ANSWERED_CHOICE:
        await answer_quietly(query)
        await resolve_with_result(update, context, feedback_id, None, prompt=prompt)
        return
    number = int(choice)
    if number not in keyboards.RESULTS:
        await answer_quietly(query, t("stale_button"))
        return
    await answer_quietly(query)
    await resolve_with_result(
        update,
        context,
        feedback_id,
        t(f"resolution_result_{number}"),
        prompt=prompt,
        preset=number,
    )


async def resolve_with_result(
    update: Update,
    context: HomThuContext,
    feedback_id: int,
    result: str | None,
    *,
    prompt: Message | None,
    preset: int | None = None,
    replied: bool = False,
) -> None:
    """Set «Đã giải quyết» with its result (None: it was answered); the resident is told
    after the undo window. A result longer than ``MAX_REASON`` is refused, not cut.
    ``replied``: the result is the words of the officer's reply (an edit of it rewords it).
    Nothing changes when the prompt was answered or cancelled meanwhile, or the status
    changed since it was asked."""
    t = Texts(context.committee.default_language)
    if result is not None and len(result) > MAX_REASON:
        message = update.effective_message
        if message is not None:
            await message.reply_text(t("result_too_long", max_chars=MAX_REASON))
        return
    who = officer_name(update)
    try:
        changed = await context.db.feedback.set_status(
            feedback_id,
            FeedbackStatus.RESOLVED,
            who,
            reason=result,
            reason_preset=preset,
            notice_delay=timedelta(seconds=context.settings.undo_seconds),
            prompt=_key(prompt),
            reply=_reply(update, "reason" if replied else None),
        )
    except (PromptClosed, PromptOutdated) as dead:
        await prompt_not_used(update, context, feedback_id, dead)
        return
    if changed.resident_told:
        context.runtime.wake_outbox()
    if result is not None:
        key = "resolved_done_told" if changed.resident_told else "resolved_done"
    else:
        key = "resolved_done_answered" if changed.resident_told else "resolved_done_answered_quiet"
    text = t(
        key,
        code=changed.feedback.code,
        result=result or "",
        who=who,
        seconds=context.settings.undo_seconds,
    )
    await _answer_prompt(update, prompt, text)
    await refresh_card(context, t, changed.feedback)
    log.info("resolved with a result code=%s given=%s", changed.feedback.code, result is not None)


async def agency_button(update: Update, context: HomThuContext) -> None:
    """«Đã tiếp nhận» / «Đã xử lý» in an agency's group: tell the staff group, once."""
    query = update.callback_query
    assert query is not None
    t = Texts(context.committee.default_language)
    match = _AGENCY_PRESS.match(query.data or "")
    chat = update.effective_chat
    agency = await context.db.agencies.by_chat(chat.id) if chat is not None else None
    if match is None or agency is None:
        await answer_quietly(query, t("stale_button"))
        return
    what = RECEIVED if match.group(1) == keyboards.AGENCY_RECEIVED else DONE
    try:
        forward = await context.db.agencies.forward_record(int(match.group(2)))
        if forward.agency_id != agency.id:
            raise AgencyNotFound(match.group(2))
        forward, news = await context.db.agencies.agency_says(
            forward.id, what, agency_name=agency.name
        )
    except AgencyNotFound:
        await answer_quietly(query, t("stale_button"))
        return
    if news:
        context.runtime.wake_outbox()
    key = f"agency_pressed_{what}" if news else "agency_pressed_again"
    await answer_quietly(query, t(key))
    log.info("agency answered forward=%d what=%s news=%s", forward.id, what, news)
