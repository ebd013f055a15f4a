"""How a feedback reads in Telegram: the card staff see (and the resident previews)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo

from telegram.constants import MessageLimit

from storage import Feedback, FeedbackStatus, ResponseKind
from texts import Texts

_TAG = re.compile(r"<[^>]+>")


def local_time(moment: datetime, zone: tzinfo) -> str:
    """A time as Vietnamese readers write it: 08:15 21/11/2026."""
    return moment.astimezone(zone).strftime("%H:%M %d/%m/%Y")


def visible_length(html_text: str) -> int:
    """Characters Telegram counts against its limit once the HTML is parsed."""
    return len(html.unescape(_TAG.sub("", html_text)))


def card_messages(
    t: Texts,
    *,
    code: str,
    area: str,
    topic: str,
    time: str,
    body: str,
    photos: int,
    location: bool = False,
    reserve: int = 0,
) -> list[str]:
    """The card as one message, or several when the body does not fit in one.

    ``reserve`` keeps room in the first message for text the caller wraps around it.
    """
    suffix = t("card_photos", photos=photos) if photos else ""
    if location:
        suffix += t("card_location")
    head = t.with_html(
        "card",
        code=html.escape(code),
        area=html.escape(area),
        topic=html.escape(topic),
        time=html.escape(time),
        body="",
    )
    room = MessageLimit.MAX_TEXT_LENGTH - visible_length(head) - visible_length(suffix) - reserve
    if len(body) <= room:
        return [head + html.escape(body) + suffix]
    messages = []
    first, rest = body[:room], body[room:]
    messages.append(head + html.escape(first))
    size = MessageLimit.MAX_TEXT_LENGTH - visible_length(suffix)
    while rest:
        chunk, rest = rest[:size], rest[size:]
        messages.append(html.escape(chunk))
    messages[-1] += suffix
    return messages


def short_date(moment: datetime, zone: tzinfo) -> str:
    """A date as Vietnamese readers write it: 21/11/2026."""
    return moment.astimezone(zone).strftime("%d/%m/%Y")


def due_date(due_at: datetime, zone: tzinfo) -> str:
    """The last day allowed, for a deadline stored as the instant that day ends."""
    return short_date(due_at - timedelta(microseconds=1), zone)


def status_messages(t: Texts, feedback: Feedback, committee: str, zone: tzinfo) -> list[str]:
    """What the resident reads about a feedback: its status written for them, the
    deadline, why it was not handled or where it went, and the public answers and questions
    (a correction marked as such), split to fit."""
    head = t.with_html(
        "status_view",
        code=html.escape(feedback.code),
        topic=html.escape(feedback.topic.name(t.language)),
        area=html.escape(feedback.area.name),
        created=local_time(feedback.created_at, zone),
        status=t(f"resident_status_{feedback.status.value}"),
        changed=local_time(feedback.status_changed_at, zone),
    )
    lines = [head]
    if feedback.due_at is not None and not feedback.status.is_closed:
        lines.append(t("status_due", due=due_date(feedback.due_at, zone)))
        if feedback.extension_reason:
            lines.append(t("status_due_extended", reason=feedback.extension_reason))
    if feedback.status is FeedbackStatus.REJECTED and feedback.reason:
        reason = reason_for_resident(t, feedback.reason, feedback.reason_preset)
        lines.append(t("status_reason", reason=reason))
        if feedback.elsewhere:
            lines.append(t("status_elsewhere", agency=feedback.elsewhere))
    if feedback.status is FeedbackStatus.RESOLVED and feedback.result:
        result = result_for_resident(t, feedback.result, feedback.result_preset)
        lines.append(t("status_result", result=result))
    if feedback.status is FeedbackStatus.FORWARDED and feedback.agency:
        lines.append(t("status_agency", agency=feedback.agency))
    lines.append("")
    public = feedback.public_replies
    if not public:
        lines.append(t("status_no_replies"))
    else:
        lines.append(t("status_replies_header", committee=committee))
        for reply in public:
            when = local_time(reply.published_at or reply.created_at, zone)
            if reply.kind is ResponseKind.QUESTION:
                heading = t("status_question", time=when)
            elif reply.corrects is not None:
                heading = t("status_correction", time=when)
            else:
                heading = t("status_reply", time=when)
            lines += ["", heading]
            lines += escaped_lines(reply.body)
    if feedback.additions:
        lines += ["", t("status_additions", count=len(feedback.additions))]
    if feedback.satisfied is not None:
        key = "status_rated_satisfied" if feedback.satisfied else "status_rated_unsatisfied"
        lines += ["", t(key)]
    return pack_lines(lines, t("report_continued"))


def staff_card(t: Texts, feedback: Feedback, zone: tzinfo) -> list[str]:
    """The notification staff get: the card, its deadline, handler, status, how to answer.

    Rendered the same way when first sent and when edited after a change, so the first
    message can be rebuilt from the database alone.
    """
    status_word = t(f"status_{feedback.status.value}")
    if feedback.status_changed_by:
        status = t(
            "staff_status_by",
            status=status_word,
            who=feedback.status_changed_by,
            time=local_time(feedback.status_changed_at, zone),
        )
    else:
        status = t("staff_status", status=status_word)
    facts = [status]
    if feedback.status is FeedbackStatus.REJECTED and feedback.reason:
        facts.append(t("staff_reason", reason=feedback.reason))
        if feedback.elsewhere:
            facts.append(t("staff_elsewhere", agency=feedback.elsewhere))
    if feedback.status is FeedbackStatus.RESOLVED and feedback.result:
        facts.append(t("staff_result", result=feedback.result))
    if feedback.status is FeedbackStatus.FORWARDED and feedback.agency:
        facts.append(t("staff_agency", agency=feedback.agency))
    if feedback.due_at is not None:
        due = due_date(feedback.due_at, zone)
        overdue = feedback.loaded_at is not None and feedback.overdue(feedback.loaded_at)
        facts.append(t("staff_due_overdue" if overdue else "staff_due", due=due))
        if feedback.extension_reason and not feedback.status.is_closed:
            facts.append(t("staff_due_extended", reason=feedback.extension_reason))
    facts.append(
        t("staff_handler", who=feedback.handler) if feedback.handler else t("staff_no_handler")
    )
    if feedback.location is not None:
        facts.append(
            t(
                "staff_location",
                lat=f"{feedback.location[0]:.5f}",
                lon=f"{feedback.location[1]:.5f}",
            )
        )
    if feedback.additions:
        facts.append(t("staff_additions", count=len(feedback.additions)))
    if feedback.satisfied is not None:
        facts.append(
            t("staff_rated_satisfied" if feedback.satisfied else "staff_rated_unsatisfied")
        )
    footer = "\n\n" + "\n".join(facts) + f"\n{t('staff_hint')}"
    parts = _feedback_card(t, feedback, zone, visible_length(footer))
    parts[0] += footer
    return parts


def _feedback_card(t: Texts, feedback: Feedback, zone: tzinfo, reserve: int) -> list[str]:
    """A stored feedback's card messages, with ``reserve`` characters kept free in the first."""
    return card_messages(
        t,
        code=feedback.code,
        area=feedback.area.name,
        topic=feedback.topic.name(t.language),
        time=local_time(feedback.created_at, zone),
        body=feedback.body,
        photos=len(feedback.photo_file_ids),
        reserve=reserve,
    )


def agency_card(t: Texts, feedback: Feedback, unit: str, zone: tzinfo) -> list[str]:
    """The card an agency's group gets: the content, code, area, topic and deadline; never
    anything about the sender (there is nothing about the sender to show)."""
    header = t("agency_card_header", unit=unit)
    due = t("staff_due", due=due_date(feedback.due_at, zone)) if feedback.due_at else ""
    footer = f"\n\n{due}\n{t('agency_hint')}".replace("\n\n\n", "\n\n")
    parts = _feedback_card(t, feedback, zone, visible_length(header) + visible_length(footer) + 1)
    parts[0] = f"{header}\n{parts[0]}{footer}"
    return parts


BATCH_EXCERPT = 280


def batch_message(t: Texts, feedbacks: list[Feedback], zone: tzinfo) -> tuple[str, int]:
    """Several new feedbacks in one message (a surge), and how many of them fit in it.

    Each shows its code, area, topic, time and the start of its text; the full feedback is
    one tap away (the "📂 code" buttons).
    """
    header = t("batch_header", count=len(feedbacks))
    footer = t("batch_footer")
    text, count = header, 0
    for feedback in feedbacks:
        body = feedback.body
        excerpt = body if len(body) <= BATCH_EXCERPT else body[: BATCH_EXCERPT - 1] + "…"
        item = "\n\n" + t(
            "batch_item",
            code=feedback.code,
            area=feedback.area.name,
            topic=feedback.topic.name(t.language),
            time=local_time(feedback.created_at, zone),
        )
        item += "\n" + html.escape(excerpt)
        if feedback.photo_file_ids:
            item += "\n" + t("batch_photos", photos=len(feedback.photo_file_ids))
        candidate = text + item
        if count and visible_length(candidate + "\n\n" + footer) > MessageLimit.MAX_TEXT_LENGTH:
            break
        text, count = candidate, count + 1
    if count < len(feedbacks):
        text = text.replace(header, t("batch_header", count=count), 1)
    return text + "\n\n" + footer, count


def pack_lines(lines: Sequence[str], continued: str) -> list[str]:
    """Lines joined into as few messages as Telegram's length limit allows.

    Each line is whole HTML (its tags closed on the line), so messages are cut only between
    lines; a message that continues a report starts with ``continued``. Blank lines
    separate sections and are dropped where a message begins or ends.
    """
    messages: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        length = visible_length(line)
        if current and size + 1 + length > MessageLimit.MAX_TEXT_LENGTH:
            messages.append(_join(current))
            current, size = [continued], visible_length(continued)
        if not line and (not current or current == [continued]):
            continue
        size = size + 1 + length if current else length
        current.append(line)
    if current and current != [continued]:
        messages.append(_join(current))
    return messages


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


# Room left in a message for the lines around a piece of long text.
PIECE = 3500


def split_plain(text: str, size: int = PIECE) -> list[str]:
    """Plain text in pieces of at most ``size`` characters.

    Cut where a reader would pause: at a line break, else after a sentence, else between
    words, else anywhere; the pause itself (the newline or space) is dropped.
    """
    pieces: list[str] = []
    rest = text
    while len(rest) > size:
        window = rest[:size]
        cut = max(window.rfind("\n"), -1)
        gap = 1
        if cut < size // 2:
            sentence = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut, gap = (sentence + 1, 1) if sentence >= size // 2 else (window.rfind(" "), 1)
        if cut < size // 2:
            cut, gap = size, 0
        pieces.append(rest[:cut])
        rest = rest[cut + gap :]
    pieces.append(rest)
    return pieces


# How much of an answer or proposal the group's prompt and record show: they stay one
# message (the answer itself is kept and delivered whole).
PROMPT_BODY = 3000


def excerpt(text: str, limit: int = PIECE) -> str:
    """``text`` cut to ``limit`` characters at a pause, with "…" when anything was cut."""
    if len(text) <= limit:
        return text
    return split_plain(text, limit - 1)[0].rstrip() + "…"


def escaped_lines(text: str) -> list[str]:
    """Plain text as escaped HTML lines, none too long for one message."""
    return [html.escape(piece) for piece in split_plain(text)]


def reason_for_resident(t: Texts, reason: str, preset: object) -> str:
    """A «Không xử lý» reason as a resident reads it: a preset one in their language (both
    catalogues hold the committee's standard phrases), an officer's own words as written."""
    if isinstance(preset, int) and f"rejection_reason_{preset}" in t:
        return t(f"rejection_reason_{preset}")
    return reason


def result_for_resident(t: Texts, result: str, preset: object) -> str:
    """The result of «Đã giải quyết» as a resident reads it: a standard line in their
    language, an officer's own words as written."""
    if isinstance(preset, int) and f"resolution_result_{preset}" in t:
        return t(f"resolution_result_{preset}")
    return result
