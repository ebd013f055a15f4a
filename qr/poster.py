"""The A4 poster pinned up in each area: title, names, QR code, three steps, the promise,
that Telegram is needed, and where else to go without it (CONTACT_TEXT).

In Vietnamese only by default; on an English poster (DEFAULT_LANGUAGE=en) every Vietnamese
line has its English line under it, smaller and grey. Names and the contact text can be
long, so the layout is measured before it is drawn: names shrink a little and the QR code
gives up some size until everything fits one page.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from fpdf import FPDF

from qr import typeface
from qr.errors import QrError
from qr.images import render_code_png
from qr.links import checked_bot_username, deep_link
from qr.names import checked_area_name, checked_contact_text, checked_unit_name
from qr.wrapping import balanced_lines
from texts import CATALOGUES, bilingual

LANGUAGES = ("vi", "en")


def _both(key: str) -> tuple[str, str]:
    """A line of the poster in Vietnamese, then in English (from ``texts/*/poster.py``)."""
    return CATALOGUES["vi"][key], CATALOGUES["en"][key]


TITLE = _both("poster_title")
SUBTITLE = _both("poster_subtitle")
CANNOT_SCAN = _both("poster_cannot_scan")
TELEGRAM_NEEDED = _both("poster_telegram_needed")
# Printed in Vietnamese only: the English line of TELEGRAM_NEEDED names the stores.
GET_TELEGRAM = _both("poster_get_telegram")[0]
STEPS = (_both("poster_step_scan"), _both("poster_step_write"), _both("poster_step_send"))
PROMISE = _both("poster_promise")
OTHER_CONTACT = _both("poster_other_contact")

Colour = tuple[int, int, int]
RED: Colour = (176, 18, 30)
BLUE: Colour = (16, 52, 120)
INK: Colour = (0, 0, 0)
GREY: Colour = (100, 100, 100)
WHITE: Colour = (255, 255, 255)
PAPER_TINT: Colour = (246, 242, 236)

PAGE_WIDTH = 210.0  # A4, millimetres
PAGE_HEIGHT = 297.0
FRAME_INSET = 8.0  # inside what office printers can reach
MARGIN_X = 17.0
MARGIN_TOP = 14.0
MARGIN_BOTTOM = 13.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
# The QR image includes its white quiet zone, so the printed code is about 18% smaller.
QR_LARGEST = 120.0
QR_SMALLEST = 100.0
# A crowded poster's code may give up more room before the page gives up (_FALLBACKS): at
# the floor its modules are still about 1.5 mm, read by any phone from an arm's length.
QR_SMALLER = 85.0
QR_FLOOR = 70.0
# How much names may shrink to make room.
NAME_SCALES = (1.0, 0.92, 0.84, 0.76, 0.68, 0.6)

_MM_PER_PT = 25.4 / 72
_FONT = "DejaVu"


def _line_height(size_pt: float) -> float:
    # DejaVu's ascender plus descender is 1.17 em; 1.25 keeps stacked diacritics (Ễ, Ặ)
    # clear of the line above.
    return size_pt * _MM_PER_PT * 1.25


@dataclass(frozen=True, slots=True)
class PosterInput:
    """What one area's poster shows, and in which language."""

    link: str
    bot_username: str
    area_name: str
    unit_name: str
    # CONTACT_TEXT: how to reach the committee without Telegram; nothing is shown when empty.
    contact_text: str = ""
    # DEFAULT_LANGUAGE: "en" adds an English line under each Vietnamese one.
    language: str = "vi"

    @classmethod
    def for_area(
        cls,
        bot_username: str,
        area_code: str,
        area_name: str,
        unit_name: str,
        *,
        contact_text: str = "",
        language: str = "vi",
    ) -> "PosterInput":
        """The poster of the area with this code, linking to this bot."""
        link = deep_link(bot_username, area_code)
        return cls(link, bot_username, area_name, unit_name, contact_text, language)


class _Block(Protocol):
    def height(self, pdf: FPDF) -> float: ...

    def draw(self, pdf: FPDF, y: float) -> None: ...


@dataclass(frozen=True, slots=True)
class _Text:
    """Centred lines of one size; each paragraph of the text wrapped evenly in the width."""

    text: str
    size: float
    bold: bool = False
    colour: Colour = INK
    link: str = ""
    width: float = CONTENT_WIDTH

    def _lines(self, pdf: FPDF) -> list[str]:
        pdf.set_font(_FONT, "B" if self.bold else "", self.size)
        room = self.width - 2 * pdf.c_margin
        return [
            line
            for paragraph in self.text.split("\n")
            for line in balanced_lines(paragraph, pdf.get_string_width, room)
        ]

    def height(self, pdf: FPDF) -> float:
        return len(self._lines(pdf)) * _line_height(self.size)

    def draw(self, pdf: FPDF, y: float) -> None:
        lines = self._lines(pdf)
        pdf.set_text_color(*self.colour)
        left = (PAGE_WIDTH - self.width) / 2
        for line in lines:
            pdf.set_xy(left, y)
            pdf.cell(self.width, _line_height(self.size), line, align="C", link=self.link)
            y += _line_height(self.size)


@dataclass(frozen=True, slots=True)
class _Rule:
    """A short red line under the heading."""

    width: float = 60.0

    def height(self, pdf: FPDF) -> float:
        return 1.0

    def draw(self, pdf: FPDF, y: float) -> None:
        pdf.set_draw_color(*RED)
        pdf.set_line_width(0.8)
        left = (PAGE_WIDTH - self.width) / 2
        pdf.line(left, y + 0.5, left + self.width, y + 0.5)


@dataclass(frozen=True, slots=True)
class _Code:
    """The QR code, centred; its quiet zone is part of the image."""

    png: bytes
    size: float

    def height(self, pdf: FPDF) -> float:
        return self.size

    def draw(self, pdf: FPDF, y: float) -> None:
        pdf.image(io.BytesIO(self.png), x=(PAGE_WIDTH - self.size) / 2, y=y, w=self.size)


@dataclass(frozen=True, slots=True)
class _Steps:
    """Three numbered steps; the group is centred, its lines start at the same place."""

    english: bool
    steps: tuple[tuple[str, str], ...] = STEPS
    size: float = 14.0
    english_size: float = 9.5
    badge: float = 8.5  # diameter of the number's circle
    indent: float = 4.0  # between the circle and the text
    row_gap: float = 2.5

    def _texts(self, english: str) -> tuple[str, ...]:
        return (english,) if self.english else ()

    def _text_width(self, pdf: FPDF) -> float:
        widest = 0.0
        for vietnamese, english in self.steps:
            pdf.set_font(_FONT, "B", self.size)
            widest = max(widest, pdf.get_string_width(vietnamese))
            pdf.set_font(_FONT, "", self.english_size)
            for text in self._texts(english):
                widest = max(widest, pdf.get_string_width(text))
        return min(widest + 2 * pdf.c_margin, CONTENT_WIDTH - self.badge - self.indent)

    def _rows(self, pdf: FPDF) -> list[tuple[list[str], list[str]]]:
        width = self._text_width(pdf) - 2 * pdf.c_margin
        rows = []
        for vietnamese, english in self.steps:
            pdf.set_font(_FONT, "B", self.size)
            vi_lines = balanced_lines(vietnamese, pdf.get_string_width, width)
            pdf.set_font(_FONT, "", self.english_size)
            en_lines = [
                line
                for text in self._texts(english)
                for line in balanced_lines(text, pdf.get_string_width, width)
            ]
            rows.append((vi_lines, en_lines))
        return rows

    def _row_height(self, vi_lines: list[str], en_lines: list[str]) -> float:
        text = len(vi_lines) * _line_height(self.size) + len(en_lines) * _line_height(
            self.english_size
        )
        return max(self.badge, text)

    def height(self, pdf: FPDF) -> float:
        rows = self._rows(pdf)
        return sum(self._row_height(*row) for row in rows) + self.row_gap * (len(rows) - 1)

    def draw(self, pdf: FPDF, y: float) -> None:
        text_width = self._text_width(pdf)
        left = (PAGE_WIDTH - (self.badge + self.indent + text_width)) / 2
        text_left = left + self.badge + self.indent
        for number, (vi_lines, en_lines) in enumerate(self._rows(pdf), start=1):
            # The circle sits on the first line of the Vietnamese text.
            badge_top = y + (_line_height(self.size) - self.badge) / 2
            pdf.set_fill_color(*RED)
            pdf.ellipse(left, badge_top, self.badge, self.badge, style="F")
            pdf.set_font(_FONT, "B", self.size)
            pdf.set_text_color(*WHITE)
            pdf.set_xy(left, badge_top)
            pdf.cell(self.badge, self.badge, str(number), align="C")
            line_y = y
            pdf.set_text_color(*INK)
            for line in vi_lines:
                pdf.set_xy(text_left, line_y)
                pdf.cell(text_width, _line_height(self.size), line)
                line_y += _line_height(self.size)
            pdf.set_font(_FONT, "", self.english_size)
            pdf.set_text_color(*GREY)
            for line in en_lines:
                pdf.set_xy(text_left, line_y)
                pdf.cell(text_width, _line_height(self.english_size), line)
                line_y += _line_height(self.english_size)
            y += self._row_height(vi_lines, en_lines) + self.row_gap


# Boxes are a little wider than the text column, and their text keeps off the border.
_BOX_WIDTH = CONTENT_WIDTH + 6
_BOX_TEXT_WIDTH = CONTENT_WIDTH - 4


@dataclass(frozen=True, slots=True)
class _Box:
    """Texts in a framed, rounded box that sets them apart from the rest of the page."""

    texts: tuple[_Text, ...]
    border: Colour
    fill: Colour
    padding: float = 3.5
    spacing: float = 1.0

    def height(self, pdf: FPDF) -> float:
        inner = sum(text.height(pdf) for text in self.texts)
        return inner + self.spacing * (len(self.texts) - 1) + 2 * self.padding

    def draw(self, pdf: FPDF, y: float) -> None:
        pdf.set_fill_color(*self.fill)
        pdf.set_draw_color(*self.border)
        pdf.set_line_width(0.4)
        pdf.rect(
            (PAGE_WIDTH - _BOX_WIDTH) / 2,
            y,
            _BOX_WIDTH,
            self.height(pdf),
            style="DF",
            round_corners=True,
            corner_radius=3,
        )
        y += self.padding
        for text in self.texts:
            text.draw(pdf, y)
            y += text.height(pdf) + self.spacing


@dataclass(frozen=True, slots=True)
class _Gap:
    """Space between blocks; a stretchy gap takes a share of what the page has spare."""

    size: float
    stretchy: bool = False


@dataclass(frozen=True, slots=True)
class _Checked:
    """A poster's input, validated and normalised once, with its QR code rendered."""

    link: str
    username: str
    area_name: str
    unit_name: str
    contact_text: str
    english: bool
    code_png: bytes

    @classmethod
    def of(cls, poster: PosterInput) -> "_Checked":
        if poster.language not in LANGUAGES:
            raise QrError(bilingual("qr_error_language", language=poster.language))
        return cls(
            link=poster.link,
            username=checked_bot_username(poster.bot_username),
            area_name=checked_area_name(poster.area_name),
            unit_name=checked_unit_name(poster.unit_name),
            contact_text=checked_contact_text(poster.contact_text),
            english=poster.language == "en",
            code_png=render_code_png(poster.link),
        )


@dataclass(frozen=True, slots=True)
class _Layout:
    """How much the names shrink, whether the fixed parts are set tight, the code's size."""

    names: float = 1.0
    tight: bool = False
    code: float = QR_LARGEST

    def gap(self, size: float, stretchy: bool = False) -> _Gap:
        """A gap, halved on a tight page."""
        return _Gap(size / 2 if self.tight else size, stretchy)


def _english(poster: _Checked, text: str, size: float) -> list[_Block | _Gap]:
    """The English line under a Vietnamese one, on an English poster only."""
    return [_Text(text, size, colour=GREY)] if poster.english else []


def _box(
    poster: _Checked, layout: _Layout, lines: tuple[_Text, ...], border: Colour, fill: Colour
) -> _Box:
    """A box of a Vietnamese line, its English line on an English poster, then the rest."""
    vietnamese, english, *rest = lines
    chosen = (vietnamese, english, *rest) if poster.english else (vietnamese, *rest)
    return _Box(chosen, border, fill, padding=2.5 if layout.tight else 3.5)


def _promise(poster: _Checked, layout: _Layout) -> list[_Block | _Gap]:
    """The anonymity promise in a tinted box."""
    vietnamese = _Text(PROMISE[0], 12, bold=True, width=_BOX_TEXT_WIDTH)
    english = _Text(PROMISE[1], 9, colour=GREY, width=_BOX_TEXT_WIDTH)
    return [_box(poster, layout, (vietnamese, english), border=RED, fill=PAPER_TINT)]


def _contact(poster: _Checked, layout: _Layout) -> list[_Block | _Gap]:
    """Where to go without Telegram, in a box of its own, when there is a contact text."""
    if not poster.contact_text:
        return []
    heading = _Text(OTHER_CONTACT[0], 12, bold=True, colour=BLUE, width=_BOX_TEXT_WIDTH)
    english = _Text(OTHER_CONTACT[1], 9, colour=GREY, width=_BOX_TEXT_WIDTH)
    # Not shrunk with the names: for someone without Telegram this is the whole poster.
    contact = _Text(poster.contact_text, 11.5, width=_BOX_TEXT_WIDTH)
    box = _box(poster, layout, (heading, english, contact), border=BLUE, fill=WHITE)
    return [layout.gap(3, stretchy=True), box]


def _steps(poster: _Checked, layout: _Layout) -> _Steps:
    """The three steps, a little smaller on a tight page."""
    if layout.tight:
        return _Steps(poster.english, size=13, english_size=9, row_gap=1.5)
    return _Steps(poster.english)


def _blocks(poster: _Checked, layout: _Layout) -> list[_Block | _Gap]:
    """Every block of the page from top to bottom."""
    return [
        _Text(TITLE[0], 30 if layout.tight else 36, bold=True, colour=RED),
        *_english(poster, TITLE[1], 11),
        layout.gap(1.5, stretchy=True),
        _Text(SUBTITLE[0], 16),
        *_english(poster, SUBTITLE[1], 10),
        # The rule keeps its space even on a tight page, or it reads as an underline.
        _Gap(2, stretchy=True),
        _Rule(),
        _Gap(3, stretchy=True),
        _Text(poster.unit_name, 15 * layout.names, bold=True, colour=BLUE),
        _Gap(1),
        _Text(poster.area_name, 24 * layout.names, bold=True),
        # No gap around the code: its own white quiet zone separates it from the text.
        _Code(poster.code_png, layout.code),
        _Text(CANNOT_SCAN[0], 12),
        *_english(poster, CANNOT_SCAN[1], 9),
        _Text(f"@{poster.username}", 20, bold=True, colour=BLUE),
        _Text(poster.link, 11, link=poster.link),
        layout.gap(4, stretchy=True),
        _Text(TELEGRAM_NEEDED[0], 13, bold=True, colour=BLUE),
        *_english(poster, TELEGRAM_NEEDED[1], 9),
        _Text(GET_TELEGRAM, 11),
        layout.gap(2.5),
        _steps(poster, layout),
        layout.gap(4, stretchy=True),
        *_promise(poster, layout),
        *_contact(poster, layout),
    ]


def _height(pdf: FPDF, items: Sequence[_Block | _Gap]) -> float:
    """The height of the blocks and gaps at their smallest."""
    return sum(item.size if isinstance(item, _Gap) else item.height(pdf) for item in items)


# In order of preference: the smallest code each step allows, whether the fixed parts are
# set tight, and how far names may shrink before the next step is tried. A big code and
# names that read from across the room come first; a crowded poster (long names, a long
# contact text, English lines) gives up the space around the fixed parts, then some size of
# the code, and only at last names below three quarters of their size.
_FALLBACKS = (
    (QR_SMALLEST, False, 0.84),
    (QR_SMALLEST, True, 0.84),
    (QR_SMALLER, True, 0.76),
    (QR_FLOOR, True, NAME_SCALES[-1]),
)


def _fitted_blocks(pdf: FPDF, poster: _Checked) -> tuple[list[_Block | _Gap], float]:
    """The blocks with the largest names and code that fit, and the space left over."""
    room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    for smallest_code, tight, smallest_names in _FALLBACKS:
        for scale in (scale for scale in NAME_SCALES if scale >= smallest_names):
            without_code = _height(pdf, _blocks(poster, _Layout(scale, tight, code=0.0)))
            code = min(QR_LARGEST, room - without_code)
            if code >= smallest_code:
                items = _blocks(poster, _Layout(scale, tight, code))
                return items, room - _height(pdf, items)
    # Unreachable within the limits on names and contact text.
    raise QrError(bilingual("qr_error_does_not_fit"))


def _draw_page(pdf: FPDF, poster: _Checked) -> None:
    pdf.add_page()
    pdf.set_draw_color(*RED)
    pdf.set_line_width(0.8)
    inner = PAGE_WIDTH - 2 * FRAME_INSET, PAGE_HEIGHT - 2 * FRAME_INSET
    pdf.rect(FRAME_INSET, FRAME_INSET, *inner)
    items, spare = _fitted_blocks(pdf, poster)
    stretchy = sum(item.size for item in items if isinstance(item, _Gap) and item.stretchy)
    # Spare room widens the stretchy gaps, up to three times their size; the rest of it
    # centres the content on the page.
    growth = min(2.0, spare / stretchy)
    y = MARGIN_TOP + (spare - growth * stretchy) / 2
    for item in items:
        if isinstance(item, _Gap):
            y += item.size * (1 + growth) if item.stretchy else item.size
        else:
            item.draw(pdf, y)
            y += item.height(pdf)


def render_poster_pdf(posters: Sequence[PosterInput]) -> bytes:
    """Return an A4 PDF with one poster page per area, in the order given."""
    if not posters:
        raise QrError(bilingual("qr_error_no_area"))
    pages = [_Checked.of(poster) for poster in posters]  # all errors before any drawing
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
    pdf.add_font(_FONT, "", typeface.REGULAR)
    pdf.add_font(_FONT, "B", typeface.BOLD)
    pdf.set_lang("vi")
    pdf.set_title(f"{TITLE[0]} – {pages[0].area_name}" if len(pages) == 1 else TITLE[0])
    pdf.set_creator("homthu qr")
    for page in pages:
        _draw_page(pdf, page)
    return bytes(pdf.output())


def area_posters(
    bot_username: str,
    areas: Sequence[tuple[str, str]],
    unit_name: str,
    *,
    contact_text: str = "",
    language: str = "vi",
) -> list[PosterInput]:
    """The poster of each (area code, area name), all for one bot, unit, contact, language."""
    return [
        PosterInput.for_area(
            bot_username, code, name, unit_name, contact_text=contact_text, language=language
        )
        for code, name in areas
    ]


def render_area_posters_pdf(
    bot_username: str,
    areas: Sequence[tuple[str, str]],
    unit_name: str,
    *,
    contact_text: str = "",
    language: str = "vi",
) -> bytes:
    """One A4 PDF to print at once: a poster page per (area code, area name), in order."""
    posters = area_posters(
        bot_username, areas, unit_name, contact_text=contact_text, language=language
    )
    return render_poster_pdf(posters)
