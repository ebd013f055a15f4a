"""Answers with intent (SPEC §5, Answer): a reply by staff is a proposal, never a message.

An officer's Telegram reply to any of the bot's messages about a feedback is kept as a
proposal, and the bot asks in the group what to do with it: «Gửi trả lời» (the committee's
answer), «Ghi chú» (an internal note) or «Hủy». Sent, the answer waits ``UNDO_SECONDS``
with «Thu hồi» before it is public and delivered. A reply to the prompt of «Hỏi thêm»
proposes a question the same way; ``/correct`` in reply to a sent answer proposes its
correction. ``/note`` or ``#note`` is a note at once. Replies in an agency's group come
back to the staff group as proposals naming the agency.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
from datetime import datetime, timedelta

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.error import BadRequest, TelegramError

from bot.handlers.staff.access import may_press, officer_name, staff_group_button
from bot.handlers.staff.forwarding import (
    MAX_REASON,
    forward_to,
    prompt_not_used,
    reject_with_reason,
    resolve_with_result,
)
from bot.handlers.staff.posting import refresh_card
from bot.ptb.answers import answer_quietly
from bot.ptb.context import HomThuContext
from bot.render import keyboards
from bot.render.views import PROMPT_BODY, excerpt, local_time
from core.errors import PromptClosed, PromptOutdated, RewordTooLate, StorageBusy
from core.models import Proposal, ProposalKind, ProposalState
from storage import (
    PROMPT_ROLES,
    PROPOSAL_LIFETIME,
    AgencyNotFound,
    AnsweredMeanwhile,
    Choice,
    ClosedMeanwhile,
    FeedbackNotFound,
    InvalidName,
    ProposalChanged,
    ProposalDecided,
    ProposalExpired,
    TooLate,
)
from texts import Texts

log = logging.getLogger(__name__)

# A take-back that found the database busy is tried again this often (seconds) ...
RETRY_TAKE_BACK = 0.2
# ... until this long before the window ends at most (a quarter of a short window).
TELL_BEFORE = 2.0

_NOTE = re.compile(r"^\s*(?:/note(?:@\w+)?|#note)\b\s*", re.IGNORECASE)
_CORRECT = re.compile(r"^\s*/correct(?:@\w+)?\b\s*", re.IGNORECASE)
_PROPOSAL_DATA = re.compile(
    rf"^{keyboards.PROPOSAL_PREFIX}([a-z]+):(\d{{1,15}})(?::(\d{{1,15}}))?$"
)
# Roles of the bot's group messages whose replies are proposals about their feedback.
_ANSWERABLE = frozenset({"card", "part", "photo", "proposal", "addition", "notice"})


async def staff_reply(update: Update, context: HomThuContext) -> None:
    """A reply to one of the bot's messages about a feedback, in the staff group."""
    message = update.effective_message
    assert message is not None
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != context.bot.id:
        return  # officers talking among themselves
    found = await context.db.feedback.staff_message(message.chat_id, replied.message_id)
    if found is None:
        return  # a reply to some other message of the bot (a report, a confirmation)
    feedback_id, role, ref = found
    t = await context.texts(update)
    if feedback_id == 0:
        await message.reply_text(t("batch_reply"))  # a surge batch: which feedback is meant?
        return
    if message.sender_chat is not None:
        # Sent as the group (an anonymous admin) or as a channel: whose words are they?
        await message.reply_text(t("staff_unsigned_reply"))
        return
    text = message.text or message.caption or ""
    note, correction = _NOTE.match(text), _CORRECT.match(text)
    prefix = note or correction
    body = text[prefix.end() :].strip() if prefix else text.strip()
    if not body:
        await message.reply_text(t("staff_reply_empty"))
        return
    author = officer_name(update)
    if role in PROMPT_ROLES and not note:
        try:
            await context.db.feedback.check_prompt(message.chat_id, replied.message_id)
        except (PromptClosed, PromptOutdated) as dead:
            await prompt_not_used(update, context, feedback_id, dead)
            return
    try:
        if note:
            stored = await context.db.feedback.note(feedback_id, body, author)
            await message.reply_text(t("staff_note_saved", code=stored.feedback.code))
        elif role == "ask_reason":
            await reject_with_reason(
                update, context, feedback_id, body, prompt=replied, words="reason"
            )
        elif role == "ask_elsewhere":
            await reject_with_reason(
                update,
                context,
                feedback_id,
                t(f"rejection_reason_{keyboards.NOT_OURS}"),
                prompt=replied,
                preset=keyboards.NOT_OURS,
                elsewhere=body,
                words="agency",
            )
        elif role == "ask_result":
            await resolve_with_result(
                update, context, feedback_id, body, prompt=replied, replied=True
            )
        elif role == "ask_agency":
            await forward_to(update, context, feedback_id, name=body, prompt=replied)
        elif role == "ask_question":
            await propose(message, context, t, feedback_id, ProposalKind.QUESTION, body, author)
        elif correction:
            await _propose_correction(message, context, t, role, ref, body, author)
        elif role in _ANSWERABLE:
            await propose(message, context, t, feedback_id, ProposalKind.ANSWER, body, author)
    except FeedbackNotFound:
        await message.reply_text(t("staff_feedback_gone"))


async def agency_reply(update: Update, context: HomThuContext) -> None:
    """A reply in an agency's group to the card it was sent: back to the staff group as a
    proposal naming the agency (it can be published with «Gửi trả lời»)."""
    message = update.effective_message
    assert message is not None
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != context.bot.id:
        return
    found = await context.db.feedback.staff_message(message.chat_id, replied.message_id)
    agency = await context.db.agencies.by_chat(message.chat_id)
    if found is None or found[1] != "agency_card" or agency is None:
        return
    t = Texts(context.committee.default_language)
    body = (message.text or message.caption or "").strip()
    if not body:
        await message.reply_text(t("agency_reply_empty"))
        return
    author = f"{officer_name(update)} ({agency.name})"
    proposal = await context.db.dialogue.propose(
        found[0], ProposalKind.ANSWER, body, author, source=agency.name
    )
    await _send_prompt(context, t, proposal, reply_to=None)
    await message.reply_text(t("agency_reply_forwarded"))
    log.info("agency reply brought to staff code=%s", proposal.code)


async def propose(
    message: Message,
    context: HomThuContext,
    t: Texts,
    feedback_id: int,
    kind: ProposalKind,
    body: str,
    author: str,
    *,
    corrects: int | None = None,
) -> Proposal:
    """Keep what an officer wrote as a proposal and ask the group what to do with it."""
    proposal = await context.db.dialogue.propose(
        feedback_id,
        kind,
        body,
        author,
        corrects=corrects,
        reply=(message.chat_id, message.message_id),
    )
    await _send_prompt(context, t, proposal, reply_to=message)
    log.info("proposal made code=%s kind=%s", proposal.code, kind.value)
    return proposal


async def _propose_correction(
    message: Message,
    context: HomThuContext,
    t: Texts,
    role: str,
    ref: int | None,
    body: str,
    author: str,
) -> None:
    """/correct in reply to a sent answer: propose its correction."""
    proposal = await context.db.dialogue.proposal(ref) if role == "proposal" and ref else None
    if proposal is None or proposal.state is not ProposalState.SENT or not proposal.response_id:
        await message.reply_text(t("correct_usage"))
        return
    await propose(
        message,
        context,
        t,
        proposal.feedback_id,
        ProposalKind.ANSWER,
        body,
        author,
        corrects=proposal.response_id,
    )


async def staff_edit(update: Update, context: HomThuContext) -> None:
    """An officer edited a reply that made a proposal: undecided, the proposal takes the new
    words (its prompt shows them, and a press on the old ones sends nothing); decided, the
    edit is refused where the officer sees it."""
    message = update.edited_message
    if message is None:
        return
    dialogue = context.db.dialogue
    proposal = await dialogue.proposal_from_reply(message.chat_id, message.message_id)
    t = await context.texts(update)
    text = message.text or message.caption or ""
    if proposal is None:
        # A reply that gave a reason, a result or a place, or chatter (nothing to do).
        await _reword_status(message, context, t, text.strip())
        return
    prefix = _NOTE.match(text) or _CORRECT.match(text)
    body = text[prefix.end() :].strip() if prefix else text.strip()
    try:
        if not body:
            await message.reply_text(t("staff_reply_empty"))
            return
        if body == proposal.body and proposal.state is ProposalState.OPEN:
            return
        revised = await dialogue.revise(proposal.id, body)
    except ProposalDecided as decided:
        await message.reply_text(_edit_refused(t, context, decided.proposal))
        log.info("edit of a decided proposal refused code=%s", proposal.code)
        return
    except FeedbackNotFound:
        await message.reply_text(t("staff_feedback_gone"))
        return
    if revised.prompt_chat_id is not None and revised.prompt_message_id is not None:
        with contextlib.suppress(BadRequest):
            await context.bot.edit_message_text(
                _prompt_text(t, revised, context.settings.undo_seconds),
                chat_id=revised.prompt_chat_id,
                message_id=revised.prompt_message_id,
                reply_markup=await _proposal_markup(context, t, revised),
            )
    await message.reply_text(t("proposal_revised", code=revised.code))
    log.info("proposal revised by an edit code=%s version=%d", revised.code, revised.version)


async def _reword_status(message: Message, context: HomThuContext, t: Texts, words: str) -> None:
    """An edit of the reply that gave a status its reason, result or place: within the undo
    window the status is made again with the new words (the waiting notice is replaced),
    and the group is told; after it, the edit is refused where the officer sees it."""
    seconds = context.settings.undo_seconds
    feedback = context.db.feedback
    try:
        if not words or len(words) > MAX_REASON:
            if await feedback.reworded_by(message.chat_id, message.message_id) is None:
                return
            await message.reply_text(t("status_reword_invalid", max_chars=MAX_REASON))
            return
        changed = await feedback.reword(
            message.chat_id, message.message_id, words, timedelta(seconds=seconds)
        )
    except RewordTooLate as late:
        code = (await feedback.get(late.feedback_id)).code
        await message.reply_text(t("status_reword_refused", code=code, seconds=seconds))
        log.info("edit of a status reply refused code=%s", code)
        return
    if changed is None:
        return  # officers talking among themselves
    if changed.resident_told:
        context.runtime.wake_outbox()
    key = "status_reworded_told" if changed.resident_told else "status_reworded"
    code = changed.feedback.code
    await message.reply_text(t(key, code=code, words=words, seconds=seconds))
    await refresh_card(context, t, changed.feedback)
    log.info("status reworded by an edit code=%s", code)


def _edit_refused(t: Texts, context: HomThuContext, proposal: Proposal) -> str:
    if proposal.state is ProposalState.SENT:
        return t(
            "proposal_edit_refused_sent", code=proposal.code, seconds=context.settings.undo_seconds
        )
    return t("proposal_edit_refused", code=proposal.code)


async def _proposal_markup(
    context: HomThuContext, t: Texts, proposal: Proposal
) -> InlineKeyboardMarkup:
    """The buttons under an undecided proposal, bound to the words it shows."""
    templates = (
        [template.number for template in await context.db.dialogue.templates()]
        if proposal.kind is ProposalKind.ANSWER
        else []
    )
    return keyboards.proposal_keyboard(
        t,
        proposal.id,
        question=proposal.kind is ProposalKind.QUESTION,
        templates=templates,
        version=proposal.version,
    )


async def _send_prompt(
    context: HomThuContext, t: Texts, proposal: Proposal, *, reply_to: Message | None
) -> None:
    markup = await _proposal_markup(context, t, proposal)
    text = _prompt_text(t, proposal, context.settings.undo_seconds)
    if reply_to is not None:
        sent = await reply_to.reply_text(text, reply_markup=markup)
    else:
        sent = await context.bot.send_message(
            context.committee.staff_chat_id,
            text,
            reply_markup=markup,
            message_thread_id=context.committee.staff_thread_id,
        )
    await context.db.dialogue.set_prompt(proposal.id, sent.chat_id, sent.message_id)


def _shown_body(proposal: Proposal) -> str:
    """A proposal's words as a prompt shows them: cut to the prompt's length, escaped."""
    return html.escape(excerpt(proposal.body, PROMPT_BODY))


def _prompt_text(t: Texts, proposal: Proposal, undo_seconds: int) -> str:
    if proposal.kind is ProposalKind.QUESTION:
        heading = t("proposal_question", code=proposal.code, who=proposal.author)
        closing = t("proposal_question_choice", seconds=undo_seconds)
    elif proposal.corrects is not None:
        heading = t("proposal_correction", code=proposal.code, who=proposal.author)
        closing = t("proposal_choice", seconds=undo_seconds)
    elif proposal.source:
        heading = t("proposal_from_agency", code=proposal.code, agency=proposal.source)
        closing = t("proposal_choice", seconds=undo_seconds)
    else:
        heading = t("proposal_answer", code=proposal.code, who=proposal.author)
        closing = t("proposal_choice", seconds=undo_seconds)
    # One message: a long answer is shown cut (it is kept, and sent, whole).
    return "\n".join([heading, "", _shown_body(proposal), "", closing])


async def proposal_button(update: Update, context: HomThuContext) -> None:
    """Gửi trả lời / Ghi chú / Hủy / Thu hồi / a template, under a proposal.

    «Thu hồi» counts from the press, before the bot asks Telegram whether the presser is in
    the group (that question may wait behind the group's messages); when Telegram cannot
    say, the take-back still acts: it never harms a resident. Meanwhile the outbox holds
    the answer back.
    """
    query = update.callback_query
    assert query is not None
    pressed = context.runtime.now()
    match = _PROPOSAL_DATA.match(query.data or "")
    if match is None or match.group(1) != keyboards.PROPOSAL_UNDO:
        await _proposal_choice(update, context)
        return
    proposal_id = int(match.group(2))
    context.runtime.withdrawing.add(proposal_id)
    try:
        t = await context.texts(update)
        if not await may_press(update, context, t, query, "take_back", unknown_may=True):
            return
        try:
            await _take_back(context, t, query, proposal_id, officer_name(update), pressed)
        except ProposalDecided as decided:
            await answer_quietly(query, _already(t, decided.proposal), show_alert=True)
        except TooLate:
            seconds = context.settings.undo_seconds
            await answer_quietly(query, t("toast_too_late", seconds=seconds), show_alert=True)
        except FeedbackNotFound:
            await answer_quietly(query, t("staff_feedback_gone"), show_alert=True)
    finally:
        context.runtime.withdrawing.discard(proposal_id)
        context.runtime.wake_outbox()


@staff_group_button
async def _proposal_choice(
    update: Update, context: HomThuContext, t: Texts, query: CallbackQuery, data: str
) -> None:
    """Gửi trả lời / Ghi chú / Hủy / a template, under a proposal."""
    match = _PROPOSAL_DATA.match(data)
    if match is None:
        await answer_quietly(query, t("stale_button"))
        return
    action, proposal_id, extra = match.group(1), int(match.group(2)), match.group(3)
    who = officer_name(update)
    dialogue = context.db.dialogue
    undo = timedelta(seconds=context.settings.undo_seconds)
    try:
        if action == keyboards.PROPOSAL_TEMPLATE and extra:
            await _use_template(context, t, query, proposal_id, int(extra))
            return
        if action == keyboards.PROPOSAL_EXPIRED:
            await _expired(context, t, query, await dialogue.proposal(proposal_id))
            return
        choice = {
            keyboards.PROPOSAL_SEND: Choice.SEND,
            keyboards.PROPOSAL_CONFIRM: Choice.SEND,
            keyboards.PROPOSAL_NOTE: Choice.NOTE,
            keyboards.PROPOSAL_DROP: Choice.DROP,
        }.get(action)
        if choice is None:
            await answer_quietly(query, t("stale_button"))
            return
        # A send names the words its message showed (a button from before versions: 0).
        version = (int(extra) if extra else 0) if choice is Choice.SEND else None
        decision = await dialogue.decide(
            proposal_id,
            choice,
            who,
            delay=undo,
            version=version,
            confirmed=action == keyboards.PROPOSAL_CONFIRM,
        )
    except ProposalDecided as decided:
        await answer_quietly(query, _already(t, decided.proposal), show_alert=True)
        return
    except ProposalChanged as changed:
        # Show what would go now; the officer reads it and presses again if it should.
        await answer_quietly(query, t("toast_proposal_changed"), show_alert=True)
        current = changed.proposal
        await _edit(
            query,
            _prompt_text(t, current, context.settings.undo_seconds),
            await _proposal_markup(context, t, current),
        )
        return
    except ProposalExpired as expired:
        await _expired(context, t, query, expired.proposal)
        return
    except AnsweredMeanwhile as answered:
        await answer_quietly(query, t("toast_answered_meanwhile"), show_alert=True)
        await _edit(
            query,
            _answered_meanwhile_text(t, context, answered),
            keyboards.confirm_send_keyboard(t, answered.proposal.id, answered.proposal.version),
        )
        return
    except TooLate:
        await answer_quietly(
            query, t("toast_too_late", seconds=context.settings.undo_seconds), show_alert=True
        )
        return
    except ClosedMeanwhile as closed:
        await answer_quietly(
            query, t("toast_rejected_meanwhile", code=str(closed)), show_alert=True
        )
        return
    except (FeedbackNotFound, InvalidName, AgencyNotFound):
        await answer_quietly(query, t("staff_feedback_gone"), show_alert=True)
        return
    proposal = decision.proposal
    code = proposal.code
    if choice is Choice.NOTE:
        await answer_quietly(query, t("toast_noted"))
        await _edit(query, t("proposal_noted", code=code, who=who))
    elif choice is Choice.DROP:
        await answer_quietly(query, t("toast_dropped"))
        await _edit(query, t("proposal_dropped", code=code, who=who))
    else:
        assert decision.published_at is not None
        await answer_quietly(query, t("toast_sending", seconds=context.settings.undo_seconds))
        when = local_time(decision.published_at, context.committee.timezone)
        key = (
            "proposal_pending_question"
            if proposal.kind is ProposalKind.QUESTION
            else ("proposal_pending")
        )
        heading = t(key, code=code, who=who, time=when, seconds=context.settings.undo_seconds)
        body = _shown_body(proposal)
        await _edit(query, f"{heading}\n\n{body}", keyboards.undo_keyboard(t, proposal.id))
        context.runtime.wake_outbox()


async def _use_template(
    context: HomThuContext, t: Texts, query: CallbackQuery, proposal_id: int, number: int
) -> None:
    templates = {
        template.number: template.body for template in await context.db.dialogue.templates()
    }
    if number not in templates:
        await answer_quietly(query, t("template_gone"), show_alert=True)
        return
    proposal = await context.db.dialogue.use_template(proposal_id, templates[number])
    await answer_quietly(query, t("toast_template_used", number=number))
    markup = await _proposal_markup(context, t, proposal)
    await _edit(query, _prompt_text(t, proposal, context.settings.undo_seconds), markup)


def _answered_meanwhile_text(t: Texts, context: HomThuContext, answered: AnsweredMeanwhile) -> str:
    """The confirm step: the answer already sent, named, above the proposal's own words."""
    proposal, earlier = answered.proposal, answered.earlier
    heading = t(
        "proposal_answered_meanwhile",
        code=proposal.code,
        who=earlier.sent_by,
        time=local_time(earlier.sent_at, context.committee.timezone),
        answer=excerpt(earlier.body, PROMPT_BODY),
    )
    body = _shown_body(proposal)
    return "\n\n".join([heading, t("proposal_by", who=proposal.author), body])


async def _expired(
    context: HomThuContext, t: Texts, query: CallbackQuery, proposal: Proposal
) -> None:
    """A stale proposal: refused, and its message says so (it can still be kept or dropped)."""
    if proposal.state is not ProposalState.OPEN:
        await answer_quietly(query, _already(t, proposal), show_alert=True)
        return
    hours = int(PROPOSAL_LIFETIME.total_seconds() // 3600)
    await answer_quietly(query, t("toast_proposal_expired", hours=hours), show_alert=True)
    heading = t("proposal_expired", code=proposal.code, who=proposal.author, hours=hours)
    body = _shown_body(proposal)
    await _edit(
        query, f"{heading}\n\n{body}", keyboards.expired_proposal_keyboard(t, proposal.id, hours)
    )


def _tell_margin(window: float) -> float:
    """How long before the window ends an officer is told their take-back failed: time to
    read it, and to press again."""
    return min(TELL_BEFORE, window / 4)


async def _take_back(
    context: HomThuContext,
    t: Texts,
    query: CallbackQuery,
    proposal_id: int,
    who: str,
    pressed: datetime,
) -> None:
    """«Thu hồi», pressed at ``pressed``: withdraw the answer; while another process holds
    the database, try again until shortly before the window ends, then say plainly that it
    failed.

    Meanwhile the outbox sends nothing of the answer: the take-back, not the send, is
    decided first.
    """
    dialogue = context.db.dialogue
    loop = asyncio.get_running_loop()
    context.runtime.withdrawing.add(proposal_id)
    try:
        proposal = await dialogue.proposal(proposal_id)
        if proposal.state is not ProposalState.SENT or proposal.response_id is None:
            raise ProposalDecided(proposal)
        _, published = await dialogue.published(proposal.response_id)
        if published is None or published <= pressed:
            raise TooLate(str(proposal_id))
        left = (published - context.runtime.now()).total_seconds()
        deadline = loop.time() + left - _tell_margin((published - pressed).total_seconds())
        while True:
            try:
                withdrawn = await dialogue.withdraw(
                    proposal_id, who, pressed_at=pressed, wait=max(deadline - loop.time(), 0.01)
                )
                break
            except StorageBusy as busy:
                log.warning(
                    "take-back waits for the database code=%s error=%s", proposal.code, busy
                )
                if loop.time() >= deadline:
                    await _take_back_failed(context, t, query, proposal, published, who)
                    return
                await asyncio.sleep(min(RETRY_TAKE_BACK, max(deadline - loop.time(), 0)))
    finally:
        context.runtime.withdrawing.discard(proposal_id)
        context.runtime.wake_outbox()
    await answer_quietly(query, t("toast_withdrawn"))
    await _edit(query, t("proposal_withdrawn", code=withdrawn.proposal.code, who=who))
    await _close_corrections(context, t, withdrawn.corrections, who)


async def _take_back_failed(
    context: HomThuContext,
    t: Texts,
    query: CallbackQuery,
    proposal: Proposal,
    published: datetime,
    who: str,
) -> None:
    """Say where the officer looks, and in the group, that the answer may still go."""
    when = local_time(published, context.committee.timezone)
    log.error("take-back failed: the database stayed busy code=%s", proposal.code)
    await answer_quietly(query, t("toast_withdraw_failed", time=when), show_alert=True)
    chat = proposal.prompt_chat_id or context.committee.staff_chat_id
    reply = (
        ReplyParameters(message_id=proposal.prompt_message_id, allow_sending_without_reply=True)
        if proposal.prompt_message_id is not None
        else None
    )
    with contextlib.suppress(TelegramError):
        await context.bot.send_message(
            chat,
            t("withdraw_failed", code=proposal.code, who=who, time=when),
            reply_parameters=reply,
            message_thread_id=None if reply else context.committee.staff_thread_id,
        )


async def _close_corrections(
    context: HomThuContext, t: Texts, corrections: tuple[Proposal, ...], who: str
) -> None:
    """Say on each correction's prompt that it went with the answer it corrected."""
    for correction in corrections:
        if correction.prompt_chat_id is None or correction.prompt_message_id is None:
            continue
        with contextlib.suppress(BadRequest):
            await context.bot.edit_message_text(
                t("correction_dropped_with_answer", code=correction.code, who=who),
                chat_id=correction.prompt_chat_id,
                message_id=correction.prompt_message_id,
                reply_markup=None,
            )


def _already(t: Texts, proposal: Proposal) -> str:
    """What to say when a proposal was decided before this press."""
    return t(
        f"toast_already_{proposal.state.value}",
        who=proposal.decided_by or "?",
    )


async def _edit(
    query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    # Too old to edit, or unchanged: the decision stands, the prompt stays as it was.
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(text, reply_markup=markup)
