"""Names and the contact text as they are printed: NFC-normalised, single-spaced, bounded."""

import unicodedata

from qr.errors import InvalidPosterText

# SPEC section 6 caps area names at 100 characters; the poster is laid out to fit that.
MAX_AREA_NAME = 100
# UNIT_NAME has no cap in the spec; this is what the poster can still fit on one page.
MAX_UNIT_NAME = 150
# CONTACT_TEXT (phone, address, office hours) in a few short lines; more than this would
# push the QR code below the size a phone reads from a step away.
MAX_CONTACT_TEXT = 300
MAX_CONTACT_LINES = 6


def _printable(raw: str) -> str:
    # Decomposed diacritics (NFD, as some keyboards send them) would be drawn as loose
    # combining marks; DejaVu has every precomposed Vietnamese letter, so compose first.
    return " ".join(unicodedata.normalize("NFC", raw).split())


def checked_area_name(raw: str) -> str:
    """Return the area name ready to print, or raise InvalidPosterText."""
    return _checked(raw, MAX_AREA_NAME, ("Tên khu vực", "area name"))


def checked_unit_name(raw: str) -> str:
    """Return the unit (committee) name ready to print, or raise InvalidPosterText."""
    return _checked(raw, MAX_UNIT_NAME, ("Tên đơn vị", "unit name"))


def checked_contact_text(raw: str) -> str:
    """Return the contact text ready to print, line breaks kept ("" for none), or raise."""
    lines = [_printable(line) for line in raw.splitlines()]
    text = "\n".join(line for line in lines if line)
    if len(text) > MAX_CONTACT_TEXT:
        raise InvalidPosterText(
            f"Thông tin liên hệ (CONTACT_TEXT) dài quá {MAX_CONTACT_TEXT} ký tự / The contact "
            f"text (CONTACT_TEXT) is longer than {MAX_CONTACT_TEXT} characters"
        )
    if text.count("\n") >= MAX_CONTACT_LINES:
        raise InvalidPosterText(
            f"Thông tin liên hệ (CONTACT_TEXT) có quá {MAX_CONTACT_LINES} dòng / The contact "
            f"text (CONTACT_TEXT) has more than {MAX_CONTACT_LINES} lines"
        )
    return text


def _checked(raw: str, limit: int, what: tuple[str, str]) -> str:
    name = _printable(raw)
    what_vi, what_en = what
    if not name:
        raise InvalidPosterText(f"{what_vi} trống / The {what_en} is empty")
    if len(name) > limit:
        raise InvalidPosterText(
            f"{what_vi} dài quá {limit} ký tự / The {what_en} is longer than {limit} characters"
        )
    return name
