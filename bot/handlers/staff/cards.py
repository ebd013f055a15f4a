"""The feedback card in the staff group (SPEC §5): its buttons, opening it, /show.

Status buttons record the change at once, except the three that need a word more:
«Không xử lý» asks for the reason, «Đã giải quyết» for the result and «Đã chuyển cấp có
thẩm quyền» for the agency
(``bot.handlers.staff.forwarding``). «Nhận xử lý» makes the presser the handler; «Hỏi thêm»
asks the group for a question to the resident; «Trả lời mẫu» starts an answer from a
standard one.
"""

from __future__ import annotations

import html
import logging
import re
from datetime import timedelta, tzinfo

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update

from bot.handlers.lookup import feedback_by_code
from bot.handlers.staff.access import (
    anonymous_presser,
    officer_name,
    signed_officer,
    staff_group_button,
    staff_only,
)
from bot.handlers.staff.answers import propose
from bot.handlers.staff.forwarding import ask_agency, ask_reason, ask_result
from bot.handlers.staff.posting import post_card, pressed_feedback, refresh_card
from bot.ptb.answers import answer_quietly
from bot.ptb.context import HomThuContext
from bot.render import keyboards
from bot.render.views import due_date, escaped_lines, local_time, pack_lines, staff_card
from core.models import ProposalKind
from core.rules.codes import normalize_reference_code
from storage import FeedbackNotFound, FeedbackStatus, Response, ResponseKind
from texts import Texts

log = logging.getLogger(__name__)

# SPEC §4: a reply channel is deleted when its feedback is resolved plus 30 days.
REPLY_CHANNEL_KEPT = timedelta(days=30)

_STATUSES = frozenset(status.value for status in FeedbackStatus)
_STATUS_DATA = re.compile(rf"^{keyboards.STATUS_PREFIX}(\d{{1,15}}):([a-z_]+)$")
_TEMPLATE_DATA = re.compile(rf"^{keyboards.TEMPLATES_PREFIX}(\d{{1,15}})(?::(\d{{1,15}}))?$")


@staff_group_button
async def status_button(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """A status button on a card: record the change (or ask what it needs) and show it."""
    match = _STATUS_DATA.match(data)
    if match is None or match.group(2) not in _STATUSES:
        await answer_quietly(query, t("stale_button"))
        return
    feedback_id, status = int(match.group(1)), FeedbackStatus(match.group(2))
    if status is FeedbackStatus.REJECTED:
        await ask_reason(update, context, t, query, feedback_id)
        return
    if status is FeedbackStatus.FORWARDED:
        await ask_agency(update, context, t, query, feedback_id)
        return
    if status is FeedbackStatus.RESOLVED:
        await ask_result(update, context, t, query, feedback_id)
        return
    try:
        changed = await context.db.feedback.set_status(
            feedback_id,
            status,
            officer_name(update),
            notice_delay=timedelta(seconds=context.settings.undo_seconds),
        )
    except FeedbackNotFound:
        await answer_quietly(query, t("staff_feedback_gone"), show_alert=True)
        return
    key = "staff_status_set_told" if changed.resident_told else "staff_status_set"
    seconds = context.settings.undo_seconds
    await answer_quietly(query, t(key, status=t(f"status_{status.value}"), seconds=seconds))
    if changed.resident_told:
        context.runtime.wake_outbox()
    await refresh_card(context, t, changed.feedback)


@staff_group_button
async def take_on_button(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """«Nhận xử lý»: the presser becomes the feedback's handler (a takeover is recorded).

    Officers are told apart by their Telegram account (two of one name are two officers,
    and a new name keeps one's list), kept under a keyed hash of its own."""
    feedback_id = keyboards.id_after(keyboards.TAKE_ON_PREFIX, data)
    who = signed_officer(update, context)
    if who is None or await anonymous_presser(update, context):
        await answer_quietly(query, t("staff_anonymous_press"), show_alert=True)
        return
    try:
        if feedback_id is None:
            raise FeedbackNotFound(data)
        feedback, previous = await context.db.feedback.take_on(feedback_id, who.key, who.name)
    except FeedbackNotFound:
        await answer_quietly(query, t("staff_feedback_gone"), show_alert=True)
        return
    if previous is not None:
        await answer_quietly(query, t("toast_taken_over", previous=previous))
    else:
        await answer_quietly(query, t("toast_taken_on"))
    await refresh_card(context, t, feedback)


@staff_group_button
async def ask_button(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """«Hỏi thêm»: ask the group for the question, as a reply to a prompt."""
    feedback_id = keyboards.id_after(keyboards.ASK_PREFIX, data)
    feedback = await pressed_feedback(context, t, query, feedback_id)
    if feedback is None:
        return
    await answer_quietly(query)
    key = "ask_question_prompt" if feedback.wants_replies else "ask_question_prompt_public"
    prompt = await _reply_under(query, context, t(key, code=feedback.code))
    await context.db.feedback.record_staff_message(
        prompt.chat_id, [prompt.message_id], feedback.id, "ask_question"
    )


@staff_group_button
async def templates_button(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """«Trả lời mẫu»: the standard answers; choosing one proposes it."""
    match = _TEMPLATE_DATA.match(data)
    if match is None:
        await answer_quietly(query, t("stale_button"))
        return
    feedback_id = int(match.group(1))
    templates = await context.db.dialogue.templates()
    feedback = await pressed_feedback(context, t, query, feedback_id)
    if feedback is None:
        return
    if not templates:
        await answer_quietly(query, t("templates_none_yet"), show_alert=True)
        return
    await answer_quietly(query)
    if match.group(2) is None:
        lines = [t("templates_choose", code=feedback.code)]
        lines += [t("templates_line", number=x.number, body=x.body[:200]) for x in templates]
        markup = keyboards.template_choice_keyboard(t, feedback.id, [x.number for x in templates])
        await _reply_under(query, context, pack_lines(lines, "")[0], markup)
        return
    chosen = {x.number: x.body for x in templates}.get(int(match.group(2)))
    if await anonymous_presser(update, context):
        await answer_quietly(query, t("staff_anonymous_press"), show_alert=True)
        return
    if chosen is None or not isinstance(query.message, Message):
        await answer_quietly(query, t("template_gone"), show_alert=True)
        return
    await propose(
        query.message, context, t, feedback.id, ProposalKind.ANSWER, chosen, officer_name(update)
    )


async def _reply_under(
    query: CallbackQuery,
    context: HomThuContext,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Message:
    if isinstance(query.message, Message):
        return await query.message.reply_text(text, reply_markup=markup)
    committee = context.committee
    return await context.bot.send_message(
        committee.staff_chat_id,
        text,
        reply_markup=markup,
        message_thread_id=committee.staff_thread_id,
    )


@staff_group_button
async def open_card(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """A "📂 code" button under a surge batch: post that feedback's full, answerable card."""
    feedback_id = keyboards.id_after(keyboards.OPEN_CARD_PREFIX, data)
    feedback = await pressed_feedback(context, t, query, feedback_id)
    if feedback is None:
        return
    await answer_quietly(query)
    await post_card(context, t, feedback)
    log.info("card opened from a batch code=%s", feedback.code)


@staff_only
async def show_command(update: Update, context: HomThuContext) -> None:
    """/show <code>: a live card (its buttons work, replies to it are answers), then its
    history, answers, notes and the resident's additions."""
    message = update.effective_message
    assert message is not None
    t = await context.texts(update)
    code = normalize_reference_code(" ".join(context.args or []))
    if code is None:
        await message.reply_text(t("show_usage"))
        return
    feedback = await feedback_by_code(context, t, message, code)
    if feedback is None:
        return
    zone = context.committee.timezone
    if context.committee.is_staff_chat(message.chat_id):
        await post_card(context, t, feedback, reply_to=message)
    else:
        # In an admin's private chat the card is for reading: its buttons work in the group.
        for part in staff_card(t, feedback, zone):
            await message.reply_text(part)
    lines = [t("show_history")]
    for change in await context.db.feedback.history(feedback.id):
        status = t(f"status_{change.status.value}")
        when = local_time(change.changed_at, zone)
        who = change.changed_by or t("show_by_resident")
        lines.append(t("show_history_line_by", time=when, status=status, who=who))
        if change.reason and change.reason != "dissatisfied":
            lines.append(t("show_history_reason", reason=change.reason))
        if change.agency:
            key = (
                "show_history_elsewhere"
                if change.status is FeedbackStatus.REJECTED
                else "show_history_agency"
            )
            lines.append(t(key, agency=change.agency))
    for officer, when_taken in await context.db.feedback.assignments(feedback.id):
        lines.append(t("show_assignment", time=local_time(when_taken, zone), who=officer))
    for extension in await context.db.extensions.of(feedback.id):
        lines.append(
            t(
                "show_extension",
                time=local_time(extension.extended_at, zone),
                who=extension.extended_by,
                days=extension.days,
                due=due_date(extension.due_at, zone),
                reason=extension.reason,
            )
        )
    lines += ["", t("show_responses")]
    if not feedback.responses:
        lines.append(t("show_no_responses"))
    for response in feedback.responses:
        lines += ["", _response_heading(t, response, zone)]
        lines += escaped_lines(response.body)
    if feedback.additions:
        lines += ["", t("show_additions")]
        for addition in feedback.additions:
            lines += ["", t("show_addition", time=local_time(addition.created_at, zone))]
            lines += escaped_lines(addition.body or t("show_addition_photo"))
    for text in pack_lines(lines, t("report_continued")):
        await message.reply_text(text)


def _response_heading(t: Texts, response: Response, zone: tzinfo) -> str:
    when = local_time(response.created_at, zone)
    if response.kind is ResponseKind.NOTE:
        return t("show_note", time=when, author=response.author)
    if response.withdrawn_at is not None:
        return t("show_withdrawn", time=when, author=response.author)
    delivery = t(f"delivery_{response.delivery.value}") if response.delivery else ""
    key = "show_question" if response.kind is ResponseKind.QUESTION else "show_reply"
    if response.corrects is not None:
        key = "show_correction"
    return t.with_html(
        key,
        time=html.escape(when),
        author=html.escape(response.author),
        delivery=delivery,
    )


async def forget_old_reply_channels(context: HomThuContext) -> None:
    """Delete the sealed chats of feedback closed more than 30 days ago (a periodic job)."""
    cutoff = context.runtime.now() - REPLY_CHANNEL_KEPT
    await context.db.feedback.forget_reply_channels(cutoff)
