"""What in a feedback's text looks like personal data, so the preview can warn (SPEC §3.4).

Pure and without I/O. A warning is cheap and a resident may send anyway, but a false alarm
on ordinary feedback (dates, money, house numbers) teaches people to ignore the warning,
so every pattern here is bounded to the way Vietnamese people actually write these things.
"""

from __future__ import annotations

import re
from enum import StrEnum

from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType, number_type


class PersonalData(StrEnum):
    """A kind of personal data a feedback's text may carry."""

    PHONE = "phone"
    ID_NUMBER = "id_number"
    PASSPORT = "passport"
    EMAIL = "email"
    PLATE = "plate"


# Numbers of a person or a household. Hotlines (1800 toll-free, 1900 shared-cost and
# premium) belong to businesses and offices, and residents name them in complaints.
_PERSONAL_PHONE_TYPES = frozenset(
    {
        PhoneNumberType.MOBILE,
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
        PhoneNumberType.VOIP,
        PhoneNumberType.PERSONAL_NUMBER,
    }
)

# A digit run must stand alone: not glued to another digit, nor to a digit across a
# thousands separator or a date's slash ("1.123456789", "123456789/2").
_ALONE_BEFORE = r"(?<!\d)(?<!\d[.,/-])"
_ALONE_AFTER = r"(?!\d)(?![.,/-]\d)"

# Old identity card (CMND): 9 digits. Amounts of money written without separators
# ("150000000 đồng") are 9 digits too, and end in thousands; a CMND rarely does.
_CMND = re.compile(_ALONE_BEFORE + r"\d{6}(?!000)\d{3}" + _ALONE_AFTER)

# Citizen identity card (CCCD): 12 digits, the first three the province of birth, 001-096.
# Written in one run or in even groups of 3 or 4 ("001 098 012 345", "0010 9801 2345").
# No amount of money starts with 0, so a dot between groups is safe here.
_CCCD = re.compile(
    _ALONE_BEFORE
    + r"(?P<province>0\d\d)(?:\d{9}"
    + r"|(?P<s3>[ .-])\d{3}(?P=s3)\d{3}(?P=s3)\d{3}"
    + r"|\d(?P<s4>[ .-])\d{4}(?P=s4)\d{4})"
    + _ALONE_AFTER
)
_PROVINCE_CODES = range(1, 97)

# Vietnamese passport: one letter and seven digits ("C1234567"), alone. A letter glued to
# more letters or digits before it, or a hyphen, is part of another code (a customer code,
# a plate, a reference code); a slash or separator with digits after it, a date or an
# amount.
_PASSPORT = re.compile(r"(?<![\w./-])[A-Z]\d{7}" + _ALONE_AFTER + r"(?!\w)", re.IGNORECASE)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", re.ASCII)

# Licence plates: a two-digit province code (11-99), a series, then 4 digits (old) or 5
# (as 123.45 or 12345). Cars have a one-letter series or one of the two-letter series of
# special owners (LD, KT, NG…); motorbikes a letter and a digit ("29-B1", "59X1", "29MĐ1"
# for electric ones). A hyphen or letter before the plate means it is part of some other
# code, such as a reference code.
_PLATE_START = r"(?<![\w./-])[1-9]\d"
_FIVE_DIGITS = r"\d{3}\.?\d{2}"
_PLATE_END = r"(?!\w|[.,]\d)"
_CAR_SERIES = r"(?:[A-Z]|LD|KT|NG|NN|QT|CV|DA|MK|HC|TĐ)"
_MOTORBIKE_SERIES = r"(?:[A-Z]\d|MĐ\d)"
_PLATE = re.compile(
    _PLATE_START
    + r"(?:"
    + rf"{_CAR_SERIES}(?:[- ]?{_FIVE_DIGITS}|-\d{{4}})"
    + rf"|[- ]?{_MOTORBIKE_SERIES}(?:[- ]?{_FIVE_DIGITS}|[- ]\d{{4}})"
    + r")"
    + _PLATE_END,
    re.IGNORECASE,
)


def _phone_spans(text: str) -> list[tuple[int, int]]:
    """Where the text holds a personal phone number, as (start, end) spans."""
    return [
        (match.start, match.end)
        for match in PhoneNumberMatcher(text, "VN", leniency=Leniency.VALID)
        if number_type(match.number) in _PERSONAL_PHONE_TYPES
    ]


def _holds_id_number(text: str, phones: list[tuple[int, int]]) -> bool:
    """True when a CMND or CCCD number stands in the text outside every phone number."""

    def outside_phones(match: re.Match[str]) -> bool:
        return all(match.end() <= start or end <= match.start() for start, end in phones)

    for match in _CMND.finditer(text):
        if outside_phones(match):
            return True
    for match in _CCCD.finditer(text):
        if int(match.group("province")) in _PROVINCE_CODES and outside_phones(match):
            return True
    return False


def find_personal_data(text: str) -> frozenset[PersonalData]:
    """The kinds of personal data the text seems to carry; empty when none."""
    found: set[PersonalData] = set()
    phones = _phone_spans(text)
    if phones:
        found.add(PersonalData.PHONE)
    if _holds_id_number(text, phones):
        found.add(PersonalData.ID_NUMBER)
    if _PASSPORT.search(text):
        found.add(PersonalData.PASSPORT)
    if _EMAIL.search(text):
        found.add(PersonalData.EMAIL)
    if _PLATE.search(text):
        found.add(PersonalData.PLATE)
    return frozenset(found)
