"""How the area commands read what an admin typed: a code or a name, one line or many.

Pure: no Telegram, no database. A problem is a catalogue key with its values; the
handlers write it out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from core.models import (
    MAX_AREA_CODE_LENGTH,
    MAX_NAME_LENGTH,
    area_code_from_name,
    clean_name,
    validate_area_code,
)

# `/qr all` prints every open area; an area with this code could not be printed alone.
ALL_AREAS = "all"
# What one /addareas takes: a commune's hamlets and groups fit several times over, and the
# answer (a line per area) stays a few messages long.
MAX_BATCH_LINES = 200

# Words that begin an area's name ("khu phố 3", "to dan pho 5", "ap 2"), typed in lower
# case without accents they look like a code; followed by more words they are a name.
AREA_KIND_WORDS = frozenset(
    {
        "ap",
        "ban",
        "buon",
        "cum",
        "doi",
        "hem",
        "khom",
        "khu",
        "lang",
        "ngo",
        "pho",
        "phuong",
        "soc",
        "thon",
        "to",
        "xa",
        "xom",
    }
)
# Characters a code is made of, at any length (a long run of them is a code too long).
_CODE_CHARACTERS = re.compile(r"[a-z0-9_-]+")
_CODE_LIKE = re.compile(r"[A-Za-z0-9_]")


class FirstWord(Enum):
    """What the first word an admin typed after an area command is."""

    CODE = "code"  # a valid area code
    NAME = "name"  # the start of an area's name: the whole text is a name
    BAD_CODE = "bad code"  # meant as a code (digits, signs, capitals) but not a valid one


def first_word(words: Sequence[str]) -> FirstWord:
    """Whether ``words`` start with an area code, a name, or a code typed wrong."""
    word = words[0]
    if validate_area_code(word):
        is_kind = word in AREA_KIND_WORDS and len(words) > 1
        return FirstWord.NAME if is_kind else FirstWord.CODE
    if word.isalpha() and not _CODE_CHARACTERS.fullmatch(word):
        return FirstWord.NAME
    if not _CODE_LIKE.search(word):
        return FirstWord.NAME  # an emoji or a sign: nothing in it reads as a code
    return FirstWord.BAD_CODE


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a line cannot be stored: a catalogue key and its values."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AreaLine:
    """One line of /addareas: its number in the list, as typed, and what it adds."""

    number: int
    typed: str
    code: str | None
    name: str
    code_from_name: bool
    problems: tuple[Problem, ...] = ()


def another_code(code: str) -> str:
    """A code like ``code`` but not it, to show where one is taken: ``kp3`` → ``kp3-2``."""
    return f"{code[: MAX_AREA_CODE_LENGTH - 2]}-2"


def batch_lines(text: str) -> list[str]:
    """The non-blank lines of a list, each single-spaced."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def read_area_lines(lines: Sequence[str], taken: Mapping[str, str]) -> list[AreaLine]:
    """Each line as a (code, name) with every problem found; ``taken`` maps the codes of
    existing areas to their names."""
    read: list[AreaLine] = []
    first_with: dict[str, AreaLine] = {}
    for number, typed in enumerate(lines, start=1):
        line = _read_line(number, typed)
        problems = list(line.problems)
        code = line.code
        if code is not None:
            earlier = first_with.get(code)
            if code == ALL_AREAS:
                problems.append(Problem("batch_code_reserved", {"code": code}))
            elif code in taken:
                problems.append(Problem("batch_code_taken", {"code": code, "name": taken[code]}))
            elif earlier is not None and earlier.code_from_name and line.code_from_name:
                values = {
                    "code": code,
                    "line": earlier.number,
                    "name": line.name,
                    "other": another_code(code),
                }
                problems.append(Problem("batch_same_code", values))
            elif earlier is not None:
                values = {"code": code, "line": earlier.number}
                problems.append(Problem("batch_code_repeated", values))
            first_with.setdefault(code, line)
        read.append(AreaLine(number, typed, code, line.name, line.code_from_name, tuple(problems)))
    return read


def _read_line(number: int, typed: str) -> AreaLine:
    """A line on its own: a code then a name, or a name alone."""
    words = typed.split()
    kind = first_word(words)
    if len(words) == 1 and kind is FirstWord.CODE:
        return AreaLine(number, typed, None, "", False, (Problem("batch_no_name"),))
    if kind is FirstWord.CODE or (kind is FirstWord.BAD_CODE and len(words) > 1):
        name = " ".join(words[1:])
        if kind is FirstWord.CODE:
            return AreaLine(number, typed, words[0], name, False, tuple(_name_problems(name)))
        bad_code = Problem("batch_code_invalid", {"code": words[0]})
        return AreaLine(number, typed, None, name, False, (bad_code, *_name_problems(name)))
    name = typed
    code = area_code_from_name(name)
    problems = _name_problems(name)
    if code is None:
        problems.append(Problem("batch_no_code", {"name": name}))
    return AreaLine(number, typed, code, name, True, tuple(problems))


def _name_problems(name: str) -> list[Problem]:
    if clean_name(name) is None:
        length = len(" ".join(name.split()))
        return [Problem("batch_name_too_long", {"length": length, "max_chars": MAX_NAME_LENGTH})]
    return []
