"""Area and unit names as they are printed: NFC-normalised, single-spaced, bounded."""

import unicodedata

from qr.errors import InvalidPosterText

# SPEC section 6 caps area names at 100 characters; the poster is laid out to fit that.
MAX_AREA_NAME = 100
# UNIT_NAME has no cap in the spec; this is what the poster can still fit on one page.
MAX_UNIT_NAME = 150


def _printable(raw: str) -> str:
    # Decomposed diacritics (NFD, as some keyboards send them) would be drawn as loose
    # combining marks; DejaVu has every precomposed Vietnamese letter, so compose first.
    return " ".join(unicodedata.normalize("NFC", raw).split())


def checked_area_name(raw: str) -> str:
    """Return the area name ready to print, or raise InvalidPosterText."""
    name = _printable(raw)
    if not name:
        raise InvalidPosterText("Tên khu vực trống / The area name is empty")
    if len(name) > MAX_AREA_NAME:
        raise InvalidPosterText(
            f"Tên khu vực dài quá {MAX_AREA_NAME} ký tự / "
            f"The area name is longer than {MAX_AREA_NAME} characters"
        )
    return name


def checked_unit_name(raw: str) -> str:
    """Return the unit (committee) name ready to print, or raise InvalidPosterText."""
    name = _printable(raw)
    if not name:
        raise InvalidPosterText("Tên đơn vị trống / The unit name is empty")
    if len(name) > MAX_UNIT_NAME:
        raise InvalidPosterText(
            f"Tên đơn vị dài quá {MAX_UNIT_NAME} ký tự / "
            f"The unit name is longer than {MAX_UNIT_NAME} characters"
        )
    return name
