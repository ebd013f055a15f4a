"""Admin commands for the topics residents choose from (SPEC §6)."""

from __future__ import annotations

import logging

from telegram import Message

from bot.context import HomThuContext
from bot.handlers.admin.common import (
    ECHO,
    args_of,
    joined,
    name_invalid,
    reply_lines,
    state_word,
)
from bot.texts import Texts
from storage import InvalidName, Topic, TopicNotFound

log = logging.getLogger(__name__)

# Topic numbers are SQLite row ids; anything past this is not one (and would not bind).
_LARGEST_TOPIC_NUMBER = 2**31


async def list_topics(message: Message, context: HomThuContext, t: Texts) -> None:
    """/topics: every topic with its number and state."""
    if args_of(context):
        await message.reply_text(t("usage_topics"))
        return
    topics = await context.db.topics.list(include_closed=True)
    if not topics:
        await message.reply_text(t("topics_empty"))
        return
    lines = [
        t(
            "topics_line",
            number=topic.id,
            name=topic.name(t.language),
            state=state_word(t, topic.is_open),
        )
        for topic in topics
    ]
    await reply_lines(message, t("topics_header", count=len(topics)), lines)


async def add_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/addtopic <name…>: a new open topic."""
    args = args_of(context)
    if not args:
        await message.reply_text(t("usage_addtopic"))
        return
    name = joined(args)
    try:
        topic = await context.db.topics.add(name)
    except InvalidName:
        await name_invalid(message, t, name)
        return
    log.info("topic added topic=%s", topic.id)
    await message.reply_text(t("topic_added", number=topic.id, name=topic.name_vi))


async def rename_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/renametopic <n> <name…>: give a topic a new (Vietnamese) name."""
    args = args_of(context)
    if len(args) < 2:
        await message.reply_text(t("usage_renametopic"))
        return
    name = joined(args[1:])
    before = await _topic(message, context, t, args[0])
    if before is None:
        return
    try:
        topic = await context.db.topics.rename(before.id, name)
    except InvalidName:
        await name_invalid(message, t, name)
        return
    except TopicNotFound:
        await message.reply_text(t("topic_not_found", number=before.id))
        return
    log.info("topic renamed topic=%s", topic.id)
    await message.reply_text(
        t("topic_renamed", number=topic.id, old=before.name_vi, name=topic.name_vi)
    )


async def close_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/closetopic <n>: stop offering the topic to residents."""
    topic = await _set_topic_open(message, context, t, is_open=False)
    if topic is not None:
        await message.reply_text(t("topic_closed", number=topic.id, name=topic.name(t.language)))


async def open_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/opentopic <n>: offer the topic to residents again."""
    topic = await _set_topic_open(message, context, t, is_open=True)
    if topic is not None:
        await message.reply_text(t("topic_opened", number=topic.id, name=topic.name(t.language)))


async def _set_topic_open(
    message: Message, context: HomThuContext, t: Texts, *, is_open: bool
) -> Topic | None:
    args = args_of(context)
    if len(args) != 1:
        await message.reply_text(t("usage_opentopic") if is_open else t("usage_closetopic"))
        return None
    topic = await _topic(message, context, t, args[0])
    if topic is None:
        return None
    try:
        topic = await context.db.topics.set_open(topic.id, is_open)
    except TopicNotFound:
        await message.reply_text(t("topic_not_found", number=topic.id))
        return None
    log.info("topic %s topic=%s", "opened" if is_open else "closed", topic.id)
    return topic


async def _topic(message: Message, context: HomThuContext, t: Texts, typed: str) -> Topic | None:
    """The topic whose number the admin typed, or None once they are told what is wrong."""
    try:
        number = int(typed)
    except ValueError:
        await message.reply_text(t("topic_number_invalid", value=typed[:ECHO]))
        return None
    if not 0 < number <= _LARGEST_TOPIC_NUMBER:
        await message.reply_text(t("topic_not_found", number=number))
        return None
    try:
        return await context.db.topics.get(number)
    except TopicNotFound:
        await message.reply_text(t("topic_not_found", number=number))
        return None


# Working days a topic may be given: a day at least, a year at most.
_MOST_SLA_DAYS = 365


async def topic_sla(message: Message, context: HomThuContext, t: Texts) -> None:
    """/topicsla <n> <days>: the working days allowed for feedback on topic ``n``
    (``default`` goes back to SLA_DAYS)."""
    args = args_of(context)
    if len(args) != 2:
        await message.reply_text(t("usage_topicsla"))
        return
    topic = await _topic(message, context, t, args[0])
    if topic is None:
        return
    typed = args[1].lower()
    days: int | None
    if typed in ("default", "mặc-định", "macdinh"):
        days = None
    elif typed.isascii() and typed.isdigit() and 1 <= int(typed) <= _MOST_SLA_DAYS:
        days = int(typed)
    else:
        await message.reply_text(t("topicsla_invalid", value=args[1][:ECHO], most=_MOST_SLA_DAYS))
        return
    topic = await context.db.topics.set_sla(topic.id, days)
    log.info("topic deadline set topic=%s days=%s", topic.id, days)
    if days is None:
        await message.reply_text(
            t(
                "topicsla_default",
                number=topic.id,
                name=topic.name(t.language),
                days=context.settings.sla_days,
            )
        )
    else:
        await message.reply_text(
            t("topicsla_set", number=topic.id, name=topic.name(t.language), days=days)
        )
