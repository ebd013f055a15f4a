"""What every document of the committee shares: the letterhead, and how it writes dates,
counts and rates (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Words come from a mapping of ``doc_`` keys (the catalogue sections ``texts.vi.documents``
and ``texts.en.documents``); values are plain text, never HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

Words = Mapping[str, str]

# Control characters a page cannot show; line breaks are kept, tabs become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Letterhead:
    """Who issues a document, where and when, and who signs it.

    ``superior`` is the body the committee answers to (regular capitals, may be empty);
    ``issuer`` the committee itself (bold capitals), each a line as printed. ``committee``
    is how the running text names the issuer ("Ban Thường trực Ủy ban MTTQ Việt Nam thị
    trấn Cam Lộ"). An empty ``number`` or ``signer`` leaves room to write them by hand.
    """

    superior: tuple[str, ...]
    issuer: tuple[str, ...]
    committee: str
    place: str
    issued_on: date
    number: str = ""
    signer: str = ""


def say(words: Words, key: str, **values: object) -> str:
    """The words for ``key`` with its placeholders filled."""
    return words[key].format(**values)


def printable(text: str) -> str:
    """Text as a page can show it: composed Vietnamese letters, no control characters."""
    # A letter typed as a base and combining marks (NFD) would be set mark by mark.
    text = _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text))
    return _CONTROL.sub("", text.replace("\t", "    "))


def date_line(words: Words, place: str, day: date) -> str:
    """ "Cam Lộ, ngày 01 tháng 12 năm 2026": days below 10 and the months 1 and 2 take a
    leading zero, as the decree asks (so that nothing can be written in front of them)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return say(
        words, "doc_date_line", place=place, day=f"{day.day:02d}", month=month, year=day.year
    )


def numeric_date(day: date) -> str:
    """A date in a table: 01/12/2026."""
    return day.strftime("%d/%m/%Y")


def count(words: Words, number: int) -> str:
    """A whole number with the language's thousands mark (1.234 in Vietnamese)."""
    return f"{number:,}".replace(",", words["doc_thousands_mark"])


def rate(words: Words, share: float | None) -> str:
    """A share from 0 to 1 as a percentage with at most one decimal; "no data" for None."""
    if share is None:
        return words["doc_no_data"]
    tenths = round(share * 1000)
    whole, fraction = divmod(tenths, 10)
    text = count(words, whole)
    if fraction:
        text += f"{words['doc_decimal_mark']}{fraction}"
    return say(words, "doc_percent", value=text)


def document_number(words: Words, key: str, number: str) -> str:
    """ "Số: 12/BC-MTTQ", or with the number left blank for the clerk."""
    return say(words, key, number=number or " " * 8)
