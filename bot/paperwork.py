"""What the committee's documents need from the bot's configuration: the letterhead and
the words, in the language the staff read (``DEFAULT_LANGUAGE``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from bot.config import Settings
from bot.texts import CATALOGUES
from documents.letterhead import Letterhead

# A locality's administrative word, dropped to name the place in the date line.
_LOCALITY = re.compile(r"^(thị trấn|phường|xã|thành phố|quận|huyện|thị xã)\s+", re.IGNORECASE)
# A UNIT_NAME that names a committee already, rather than a locality.
_COMMITTEE = re.compile(r"^(ủy ban|uỷ ban|ubnd|ban thường trực)\b", re.IGNORECASE)
FRONT = "Ủy ban MTTQ Việt Nam"


def words(settings: Settings) -> Mapping[str, str]:
    """The documents' words (the ``doc_`` keys of the catalogue), plain text."""
    catalogue = CATALOGUES[settings.default_language]
    return {key: text for key, text in catalogue.items() if key.startswith("doc_")}


def letterhead(settings: Settings, issued_on: date) -> Letterhead:
    """The committee as its documents name it, from ``UNIT_NAME``.

    "Thị trấn Cam Lộ" gives the issuer lines "ỦY BAN MTTQ VIỆT NAM" / "THỊ TRẤN CAM LỘ",
    the running name "Ban Thường trực Ủy ban MTTQ Việt Nam thị trấn Cam Lộ" and the
    place "Cam Lộ"; a UNIT_NAME that is a committee's name is used as it is.
    """
    unit = " ".join(settings.unit_name.split())
    if _COMMITTEE.match(unit):
        issuer: tuple[str, ...] = (unit.upper(),)
        committee = unit
    else:
        issuer = (FRONT.upper(), unit.upper())
        committee = f"Ban Thường trực {FRONT} {unit[:1].lower()}{unit[1:]}"
    place = _LOCALITY.sub("", unit) or unit
    return Letterhead(
        superior=(), issuer=issuer, committee=committee, place=place, issued_on=issued_on
    )
