"""Names and the contact text as they are printed: NFC-normalised, single-spaced, bounded."""

import unicodedata

from qr.errors import InvalidPosterText
from texts import bilingual, operator_text

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
    return _checked(raw, MAX_AREA_NAME, "qr_error_area_name")


def checked_unit_name(raw: str) -> str:
    """Return the unit (committee) name ready to print, or raise InvalidPosterText."""
    return _checked(raw, MAX_UNIT_NAME, "qr_error_unit_name")


def checked_contact_text(raw: str) -> str:
    """Return the contact text ready to print, line breaks kept ("" for none), or raise."""
    lines = [_printable(line) for line in raw.splitlines()]
    text = "\n".join(line for line in lines if line)
    if len(text) > MAX_CONTACT_TEXT:
        raise InvalidPosterText(bilingual("qr_error_contact_too_long", limit=MAX_CONTACT_TEXT))
    if text.count("\n") >= MAX_CONTACT_LINES:
        raise InvalidPosterText(bilingual("qr_error_contact_lines", limit=MAX_CONTACT_LINES))
    return text


def _checked(raw: str, limit: int, what_key: str) -> str:
    name = _printable(raw)
    if not name:
        raise InvalidPosterText(_said("qr_error_empty", what_key))
    if len(name) > limit:
        raise InvalidPosterText(_said("qr_error_too_long", what_key, limit=limit))
    return name


def _said(key: str, what_key: str, **values: object) -> str:
    """``Vietnamese / English``, each half naming what is wrong in its own language."""
    vi, en = (
        operator_text(language, key, what=operator_text(language, what_key), **values)
        for language in ("vi", "en")
    )
    return f"{vi} / {en}"
