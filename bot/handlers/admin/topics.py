"""Admin commands for the topics residents choose from (SPEC §6)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from telegram import Message

from bot.handlers.admin.common import (
    ECHO,
    args_of,
    joined,
    name_invalid,
    reply_lines,
)
from bot.ptb.context import HomThuContext
from bot.service.config import MOST_SLA_DAYS
from core.rules.labels import MAX_LABEL_LENGTH, clean_label, is_emoji, leading_emoji
from storage import InvalidLabel, InvalidName, Topic, TopicNotFound, TopicOrderInvalid
from texts import Texts

log = logging.getLogger(__name__)

# Topic numbers are SQLite row ids; anything past this is not one (and would not bind).
_LARGEST_TOPIC_NUMBER = 2**31


async def list_topics(message: Message, context: HomThuContext, t: Texts) -> None:
    """/topics: the open topics in the order residents see them, with their buttons and
    numbers, then the closed ones."""
    if args_of(context):
        await message.reply_text(t("usage_topics"))
        return
    shown = await context.db.topics.for_residents()
    every = await context.db.topics.list(include_closed=True)
    if not every:
        await message.reply_text(t("topics_empty"))
        return
    lines = [_topic_line(t, "topics_line", topic, place) for place, topic in _places(shown)]
    closed = [topic for topic in every if not topic.is_open]
    if closed:
        lines.append(t("topics_closed_header"))
        lines += [_topic_line(t, "topics_closed_line", topic) for topic in closed]
    lines.append(t("topics_footer"))
    await reply_lines(message, t("topics_header", count=len(every)), lines)


def _places(topics: Sequence[Topic]) -> list[tuple[int, Topic]]:
    """Each topic with its place on the residents' screen, from 1."""
    return list(enumerate(topics, start=1))


def _topic_line(t: Texts, key: str, topic: Topic, place: int = 0) -> str:
    return t(
        key,
        place=place,
        button=topic.label("vi"),
        number=topic.id,
        name=topic.name(t.language),
        button_en=topic.label("en"),
    )


async def add_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/addtopic <name…>: a new open topic, offered before "Khác"."""
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
    added = t("topic_added", number=topic.id, name=topic.name_vi)
    await message.reply_text(f"{added}\n{t('topic_added_label_hint', number=topic.id)}")


async def rename_topic(message: Message, context: HomThuContext, t: Texts) -> None:
    """/renametopic <n> <name…>: give a topic a new (Vietnamese) name."""
    await _name_topic(message, context, t, english=False)


async def _name_topic(
    message: Message, context: HomThuContext, t: Texts, *, english: bool
) -> None:
    """/renametopic and /topicname_en: the topic's Vietnamese or English name."""
    args = args_of(context)
    if len(args) < 2:
        await message.reply_text(t("usage_topicname_en" if english else "usage_renametopic"))
        return
    name = joined(args[1:])
    before = await _topic(message, context, t, args[0])
    if before is None:
        return
    topics = context.db.topics
    try:
        if english:
            topic = await topics.set_name_en(before.id, name)
        else:
            topic = await topics.rename(before.id, name)
    except InvalidName:
        await name_invalid(message, t, name)
        return
    except TopicNotFound:
        await message.reply_text(t("topic_not_found", number=before.id))
        return
    if english:
        log.info("topic English name set topic=%s", topic.id)
        done = t("topic_name_en_set", number=topic.id, old=before.name_en, name=topic.name_en)
    else:
        log.info("topic renamed topic=%s", topic.id)
        done = t("topic_renamed", number=topic.id, old=before.name_vi, name=topic.name_vi)
    await message.reply_text(done)


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
    elif typed.isascii() and typed.isdigit() and 1 <= int(typed) <= MOST_SLA_DAYS:
        days = int(typed)
    else:
        await message.reply_text(t("topicsla_invalid", value=args[1][:ECHO], most=MOST_SLA_DAYS))
        return
    topic = await context.db.topics.set_sla(topic.id, days)
    log.info("topic deadline set topic=%s days=%s", topic.id, days)
    if days is None:
        await message.reply_text(
            t(
                "topicsla_default",
                number=topic.id,
                name=topic.name(t.language),
                days=context.committee.sla_days,
            )
        )
    else:
        await message.reply_text(
            t("topicsla_set", number=topic.id, name=topic.name(t.language), days=days)
        )


# --- What residents see: buttons and their order -------------------------------------

# Typed instead of an emoji: the button shows the label alone.
_NO_EMOJI = "-"
_ENGLISH = "en"


async def topic_label(message: Message, context: HomThuContext, t: Texts) -> None:
    """/topiclabel <n> <emoji> <label…>: the button residents see in Vietnamese;
    /topiclabel <n> en <label…>: the button in English."""
    args = args_of(context)
    if len(args) < 3 and not (len(args) == 2 and _glued_label(args[1])):
        await message.reply_text(t("usage_topiclabel", most=MAX_LABEL_LENGTH))
        return
    topic = await _topic(message, context, t, args[0])
    if topic is None:
        return
    if args[1].lower() == _ENGLISH:
        await _set_label(message, context, t, topic, joined(args[2:]), emoji=None)
        return
    emoji, label = _emoji_and_label(args[1], joined(args[2:]))
    if emoji is None:
        value = args[1][:ECHO]
        await message.reply_text(t("topic_emoji_invalid", value=value, number=topic.id))
        return
    await _set_label(message, context, t, topic, label, emoji=emoji)


def _glued_label(word: str) -> bool:
    """An emoji with the label's first word typed against it: ``💼Việc``."""
    emoji = leading_emoji(word)
    return bool(emoji) and word[len(emoji) : len(emoji) + 1].isalnum()


def _emoji_and_label(typed: str, rest: str) -> tuple[str | None, str]:
    """The emoji ("" for none, None when what was typed is not one) and the label."""
    if typed == _NO_EMOJI:
        return "", rest
    if is_emoji(typed):
        return typed, rest
    if _glued_label(typed):
        emoji = leading_emoji(typed)
        return emoji, f"{typed[len(emoji) :]} {rest}"
    return None, rest


async def _set_label(
    message: Message,
    context: HomThuContext,
    t: Texts,
    topic: Topic,
    label: str,
    *,
    emoji: str | None,
) -> None:
    """The topic's Vietnamese button (``emoji`` and ``label``), or its English one (``emoji``
    None: the English button shows the Vietnamese emoji)."""
    if clean_label(label) is None:
        await _label_invalid(message, t, label)
        return
    language = "vi" if emoji is not None else _ENGLISH
    topics = context.db.topics
    try:
        if emoji is not None:
            topic = await topics.set_label(topic.id, emoji, label)
        else:
            topic = await topics.set_label_en(topic.id, label)
    except InvalidLabel:
        await _label_invalid(message, t, label)
        return
    except TopicNotFound:
        await message.reply_text(t("topic_not_found", number=topic.id))
        return
    log.info("topic label set topic=%s language=%s", topic.id, language)
    key = "topic_label_set" if emoji is not None else "topic_label_en_set"
    name = topic.name(t.language)
    await message.reply_text(t(key, number=topic.id, name=name, button=topic.label(language)))


async def _label_invalid(message: Message, t: Texts, label: str) -> None:
    length = len(" ".join(label.split()))
    await message.reply_text(t("topic_label_invalid", most=MAX_LABEL_LENGTH, length=length))


async def topic_name_en(message: Message, context: HomThuContext, t: Texts) -> None:
    """/topicname_en <n> <name…>: the topic's full name in English."""
    await _name_topic(message, context, t, english=True)


async def topic_order(message: Message, context: HomThuContext, t: Texts) -> None:
    """/topicorder <n> <n> …: the order residents see the open topics in."""
    typed = [word for word in re.split(r"[\s,;]+", joined(args_of(context))) if word]
    if not typed:
        current = await _current_order(context)
        await message.reply_text(t("usage_topicorder", numbers=current))
        return
    numbers: list[int] = []
    for word in typed:
        if not (word.isascii() and word.isdigit()):
            await message.reply_text(t("topic_number_invalid", value=word[:ECHO]))
            return
        numbers.append(int(word))
    try:
        shown = await context.db.topics.set_order(numbers)
    except TopicOrderInvalid as problem:
        await message.reply_text(await _order_problem(context, t, problem))
        return
    log.info("topic order set topics=%d", len(shown))
    lines = [
        t("topic_order_line", place=place, button=topic.label(t.language), number=topic.id)
        for place, topic in _places(shown)
    ]
    for place, number in enumerate(numbers, start=1):
        topic = next(topic for topic in shown if topic.id == number)
        if topic.is_other and place != len(numbers):
            name = topic.name(t.language)
            lines.append(t("topic_order_other_last", name=name, number=number, place=place))
    await reply_lines(message, t("topic_order_set"), lines)


async def _current_order(context: HomThuContext) -> str:
    """The open topics' numbers in the order residents see them, ready to copy."""
    return " ".join(str(topic.id) for topic in await context.db.topics.for_residents())


async def _order_problem(context: HomThuContext, t: Texts, problem: TopicOrderInvalid) -> str:
    """What is wrong with an order, each kind of mistake on its line, and the order now."""
    parts = [t("topic_order_invalid")]
    for key, numbers in (
        ("topic_order_missing", problem.missing),
        ("topic_order_repeated", problem.repeated),
        ("topic_order_unknown", problem.unknown),
        ("topic_order_closed", problem.closed),
    ):
        if numbers:
            parts.append(t(key, numbers=", ".join(str(number) for number in numbers)))
    parts.append(t("topic_order_current", numbers=await _current_order(context)))
    return "\n".join(parts)
