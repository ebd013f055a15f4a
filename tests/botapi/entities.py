"""Telegram's HTML parse mode: what a message looks like once Telegram has parsed it.

Telegram refuses a text whose markup it cannot parse ("can't parse entities"), so a bot
that puts a resident's ``<`` into an HTML message unescaped fails in production. This
parser accepts exactly the tags the Bot API documents and reports the rest the way
Telegram does; it is lenient where Telegram is (a bare ``&`` or ``>`` is kept as text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Tag → entity type; None for tags that only make sense with an attribute.
_TAGS: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_START = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?)*)\s*>"
)
_END = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
_ATTRIBUTE = re.compile(r"([a-zA-Z-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]*))?")


class EntityError(ValueError):
    """The markup cannot be parsed; the message is Telegram's description."""


@dataclass(frozen=True)
class Parsed:
    """The text as Telegram shows it, and its entities (offsets in UTF-16 code units)."""

    text: str
    entities: list[dict[str, Any]]


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit of entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(markup: str, index: int) -> int:
    return len(markup[:index].encode())


def parse_html(markup: str) -> Parsed:
    """Parse ``markup`` as Telegram does with ``parse_mode=HTML``; raise EntityError."""
    plain: list[str] = []
    length = 0  # UTF-16 length of the plain text so far
    open_tags: list[tuple[str, int, dict[str, str]]] = []
    entities: list[dict[str, Any]] = []
    index = 0
    while index < len(markup):
        char = markup[index]
        if char == "<":
            end = _END.match(markup, index)
            if end:
                name = end.group(1).lower()
                if not open_tags:
                    raise EntityError(
                        f"Can't parse entities: unexpected end tag at byte offset "
                        f"{_byte_offset(markup, index)}"
                    )
                open_name, start, attributes = open_tags.pop()
                if open_name != name:
                    raise EntityError(
                        f"Can't parse entities: unmatched end tag at byte offset "
                        f'{_byte_offset(markup, index)}, expected "</{open_name}>", '
                        f'found "</{name}>"'
                    )
                entity = _entity(open_name, start, length - start, attributes)
                if entity is not None:
                    entities.append(entity)
                index = end.end()
                continue
            start_tag = _START.match(markup, index)
            if start_tag is None:
                raise EntityError(
                    f"Can't parse entities: unclosed start tag at byte offset "
                    f"{_byte_offset(markup, index)}"
                )
            name = start_tag.group(1).lower()
            if name not in _TAGS:
                raise EntityError(
                    f'Can\'t parse entities: unsupported start tag "{name}" at byte offset '
                    f"{_byte_offset(markup, index)}"
                )
            attributes = {
                key.lower(): (value or "").strip("\"'")
                for key, value in _ATTRIBUTE.findall(start_tag.group(2))
            }
            open_tags.append((name, length, attributes))
            index = start_tag.end()
            continue
        if char == "&":
            entity_match = _ENTITY.match(markup, index)
            if entity_match:
                named, decimal, hexadecimal = entity_match.groups()
                if named:
                    decoded = _NAMED[named]
                else:
                    code_point = int(decimal) if decimal else int(hexadecimal, 16)
                    if code_point > 0x10FFFF or 0xD800 <= code_point <= 0xDFFF:
                        raise EntityError(
                            "Can't parse entities: invalid character reference at byte offset "
                            f"{_byte_offset(markup, index)}"
                        )
                    decoded = chr(code_point)
                plain.append(decoded)
                length += utf16_length(decoded)
                index = entity_match.end()
                continue
        plain.append(char)
        length += utf16_length(char)
        index += 1
    if open_tags:
        raise EntityError(
            f"Can't parse entities: can't find end tag corresponding to start tag \""
            f'{open_tags[-1][0]}"'
        )
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return Parsed("".join(plain), entities)


def _entity(
    name: str, offset: int, length: int, attributes: dict[str, str]
) -> dict[str, Any] | None:
    if length <= 0:
        return None
    kind = _TAGS[name]
    if name == "span" and attributes.get("class") != "tg-spoiler":
        return None
    entity: dict[str, Any] = {"type": kind, "offset": offset, "length": length}
    if kind == "text_link":
        entity["url"] = attributes.get("href", "")
    if kind == "blockquote" and "expandable" in attributes:
        entity["type"] = "expandable_blockquote"
    if kind == "custom_emoji":
        entity["custom_emoji_id"] = attributes.get("emoji-id", "")
    return entity
