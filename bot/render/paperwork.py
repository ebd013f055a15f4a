"""How the committee names itself, from ``UNIT_NAME``: to residents, and on its documents
(the letterhead and the words, in the language of the staff who asked for them)."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import date

from documents.letterhead import Letterhead
from texts import CATALOGUES, Texts

# A locality's administrative word: lower-cased in running text, dropped in the date line.
_LOCALITY = re.compile(
    r"^(thị trấn|thị xã|thành phố|phường|xã|đặc khu|quận|huyện)\s+(?=\S)", re.IGNORECASE
)
# A UNIT_NAME that names a committee already, rather than a locality.
_COMMITTEE = re.compile(r"^(ủy ban|uỷ ban|ubnd|ban thường trực|mttq)\b", re.IGNORECASE)
# A UNIT_NAME_EN that names the committee already ("Fatherland Front Committee of Cam Lo").
_COMMITTEE_EN = re.compile(r"\b(committee|fatherland front)\b", re.IGNORECASE)
# A locality's administrative word as English readers know it, put after the name:
# "Thị trấn Cam Lộ" → "Cam Lộ Town".
_LOCALITY_EN = {
    "thị trấn": "Town",
    "thị xã": "Town",
    "thành phố": "City",
    "phường": "Ward",
    "xã": "Commune",
    "đặc khu": "Special Zone",
    "quận": "District",
    "huyện": "District",
}
# A UNIT_NAME that names the Standing Board itself (the issuer).
_BOARD = re.compile(r"^ban thường trực\b", re.IGNORECASE)


def words(t: Texts) -> Mapping[str, str]:
    """The documents' words (the ``doc_`` keys of the catalogue), plain text."""
    catalogue = CATALOGUES[t.language]
    return {key: text for key, text in catalogue.items() if key.startswith("doc_")}


def unit_in_text(unit: str) -> str:
    """The unit as running text writes it: "Thị trấn Cam Lộ" → "thị trấn Cam Lộ"."""
    if _LOCALITY.match(unit):
        return unit[0].lower() + unit[1:]
    return unit


def unit_in_english(unit: str) -> str:
    """The unit as English running text writes it: "Thị trấn Cam Lộ" → "Cam Lộ Town"; a
    name without a locality word (UNIT_NAME_EN "Cam Lo Town", say) is kept as it is."""
    found = _LOCALITY.match(unit)
    if found is None:
        return unit
    return f"{unit[found.end() :]} {_LOCALITY_EN[found.group(1).lower()]}"


def committee_name(t: Texts, unit_name: str) -> str:
    """Who runs the box, as residents read it (plain text): "Ủy ban Mặt trận Tổ quốc Việt
    Nam thị trấn Cam Lộ" from ``UNIT_NAME`` "Thị trấn Cam Lộ", "Vietnam Fatherland Front
    Committee of Cam Lộ Town" in English (give English readers ``Committee.unit_name_for``);
    a name that names a committee already is used as it is."""
    unit = " ".join(unit_name.split())
    if _COMMITTEE.match(unit) or (t.language == "en" and _COMMITTEE_EN.search(unit)):
        return unit
    in_text = unit_in_text(unit) if t.language == "vi" else unit_in_english(unit)
    return _plain(t, "committee_of", unit=in_text)


def letterhead(t: Texts, unit_name: str, issued_on: date) -> Letterhead:
    """The committee as its documents name it, from ``UNIT_NAME``.

    The issuer of the committee's papers is its Standing Board: "Thị trấn Cam Lộ" gives the
    lines "ỦY BAN MTTQ VIỆT NAM" / "THỊ TRẤN CAM LỘ" with "BAN THƯỜNG TRỰC" in bold under
    them, the running name "Ban Thường trực Ủy ban MTTQ Việt Nam thị trấn Cam Lộ" and the
    place of the date line "Cam Lộ"; a UNIT_NAME that is a committee's name is the line
    above the board, one that names the board already is used as it is. The signer is left
    for the clerk who signs.
    """
    unit = " ".join(unit_name.split())
    board = (_plain(t, "letterhead_board"),)
    if _BOARD.match(unit):
        superior: tuple[str, ...] = ()
        issuer: tuple[str, ...] = (unit.upper(),)
        committee = unit
    elif _COMMITTEE.match(unit):
        superior, issuer, committee = (unit.upper(),), board, unit
    else:
        superior = (_plain(t, "letterhead_front"), unit.upper())
        issuer = board
        committee = _plain(t, "letterhead_committee", unit=unit_in_text(unit))
    place = _LOCALITY.sub("", unit) or unit
    return Letterhead(
        superior=superior, issuer=issuer, committee=committee, place=place, issued_on=issued_on
    )


def _plain(t: Texts, key: str, **values: object) -> str:
    """A catalogue text as plain text (documents are not HTML): escaped values restored."""
    return html.unescape(t(key, **values))
