"""The order people expect names in: Vietnamese alphabetical order, numbers by value.

«Khu phố 2» comes before «Khu phố 10», and «Ấp», «Bình», «Đông» follow the Vietnamese
alphabet (a ă â b c d đ e ê … o ô ơ … u ư …), where a letter's marks count before its tone
and tones only break ties (ngang, huyền, hỏi, ngã, sắc, nặng), as in a dictionary. SQLite's
NOCASE compares bytes: «Đông» after «Xóm», «10» before «2».
"""

from __future__ import annotations

import unicodedata

# Letters in Vietnamese order, the Latin letters Vietnamese does not use in their usual place.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Combining marks that make another letter of a vowel: circumflex, horn, breve (below).
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_HORN = {"o": "ơ", "u": "ư"}
# Tones, in dictionary order after the level tone (0).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_DIGITS = "0123456789"

# What a piece of a name sorts as: spaces and signs first, then numbers, then letters.
_SIGN, _NUMBER, _LETTER = 0, 1, 2

Key = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[bool, ...], str]


def _letters(text: str) -> list[tuple[str, int, bool]]:
    """Each base character of ``text`` (a run of ASCII digits as one) with its tone and
    whether it was upper case."""
    found: list[tuple[str, int, bool]] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and found:
            base, tone, upper = found[-1]
            if char in _TONES:
                found[-1] = (base, _TONES[char], upper)
            elif char == "\u0302" and base in _CIRCUMFLEX:
                found[-1] = (_CIRCUMFLEX[base], tone, upper)
            elif char == "\u031b" and base in _HORN:
                found[-1] = (_HORN[base], tone, upper)
            elif char == "\u0306" and base == "a":
                found[-1] = ("ă", tone, upper)
            continue
        if char in _DIGITS and found and found[-1][0][-1] in _DIGITS:
            found[-1] = (found[-1][0] + char, 0, False)
            continue
        found.append((char.lower(), 0, char != char.lower()))
    return found


def name_key(name: str) -> Key:
    """A sort key putting names in Vietnamese dictionary order, numbers by their value."""
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    cases: list[bool] = []
    for base, tone, upper in _letters(name):
        if base[0] in _DIGITS:
            primary.append((_NUMBER, int(base)))
        elif base in _RANK:
            primary.append((_LETTER, _RANK[base]))
        elif base.isalpha():
            primary.append((_LETTER, len(_ALPHABET) + ord(base)))
        else:
            primary.append((_SIGN, 0 if base.isspace() else ord(base)))
        tones.append(tone)
        cases.append(upper)
    return tuple(primary), tuple(tones), tuple(cases), name
