"""What residents see of a topic (SPEC §3.1): one emoji and a short label that fits a button.

Pure rules, no I/O: the admin commands check with them before they store, and the topic
repository checks again so that nothing else can store what a button cannot show.
"""

from __future__ import annotations

import unicodedata

# Two buttons share a row of a phone's screen when each label, after its emoji, has at most
# this many characters; a longer one is cut off or needs a row of its own.
MAX_LABEL_LENGTH = 18

_VARIATION_SELECTORS = frozenset("\ufe0e\ufe0f")
_ZERO_WIDTH_JOINER = "\u200d"
_KEYCAP = "\u20e3"
_KEYCAP_BASES = frozenset("0123456789#*")


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _is_modifier(char: str) -> bool:
    """A skin tone, a variation selector, a keycap or a tag (subdivision flags)."""
    point = ord(char)
    return (
        char in _VARIATION_SELECTORS
        or char == _KEYCAP
        or 0x1F3FB <= point <= 0x1F3FF
        or 0xE0020 <= point <= 0xE007F
    )


def _is_pictograph(char: str) -> bool:
    """A symbol that stands alone as a picture: 🏛, ⚖, ☎, ★ (never a letter or a digit)."""
    point = ord(char)
    if _is_regional_indicator(char):
        return False
    # The emoji planes, assigned or not: this Python's Unicode tables may be older than
    # the emoji a phone offers.
    if 0x1F000 <= point <= 0x1FAFF:
        return True
    return unicodedata.category(char) == "So" or char in "\u203c\u2049"


def leading_emoji(text: str) -> str:
    """The emoji at the start of ``text`` with all that makes it one picture (skin tone,
    variation selector, joined sequence, flag pair, keycap), or "" when it starts otherwise."""
    if not text:
        return ""
    first = text[0]
    if first in _KEYCAP_BASES:
        end = 2 if text[1:2] in _VARIATION_SELECTORS else 1
        return text[: end + 1] if text[end : end + 1] == _KEYCAP else ""
    if _is_regional_indicator(first):
        return text[:2] if len(text) > 1 and _is_regional_indicator(text[1]) else ""
    if not _is_pictograph(first):
        return ""
    end = 1
    while True:
        while end < len(text) and _is_modifier(text[end]):
            end += 1
        joined = end + 1 < len(text) and text[end] == _ZERO_WIDTH_JOINER
        if joined and _is_pictograph(text[end + 1]):
            end += 2
            continue
        return text[:end]


def is_emoji(text: str) -> bool:
    """True when ``text`` is exactly one emoji (one picture on screen)."""
    text = unicodedata.normalize("NFC", text.strip())
    return bool(text) and leading_emoji(text) == text


def clean_label(label: str) -> str | None:
    """The short label single-spaced, or None when it is empty or too long for a button."""
    cleaned = " ".join(unicodedata.normalize("NFC", label).split())
    if not cleaned or len(cleaned) > MAX_LABEL_LENGTH:
        return None
    return cleaned
