"""The A4 poster pinned up in each area: title, names, QR code, three steps and the promise.

Every Vietnamese line has its English line under it, smaller and grey. Names can be long
(an area name has up to 100 characters), so the layout is measured before it is drawn:
names shrink a little and the QR code gives up some size until everything fits one page.
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
from qr.names import checked_area_name, checked_unit_name
from qr.wrapping import balanced_lines

TITLE = ("HÒM THƯ GÓP Ý", "SUGGESTION BOX")
SUBTITLE = ("Mặt trận lắng nghe ý kiến Nhân dân", "The Fatherland Front listens to the people")
STEPS = (
    (
        "Mở camera hoặc Zalo/Telegram, quét mã QR",
        "Open your phone camera, Zalo or Telegram and scan the QR code",
    ),
    (
        "Chọn lĩnh vực, viết góp ý, có thể kèm ảnh",
        "Choose a topic and write your feedback; you may add photos",
    ),
    (
        "Bấm Gửi và giữ mã tra cứu để theo dõi",
        "Press Gửi (Send) and keep the reference code to follow it up",
    ),
)
CANNOT_SCAN = (
    "Không quét được mã? Tìm trên Telegram:",
    "Cannot scan the code? Search Telegram for:",
)
PROMISE = (
    "Góp ý được gửi ẩn danh: cán bộ chỉ thấy nội dung, lĩnh vực và khu vực, "
    "không thấy tên hay tài khoản của bạn.",
    "Sent anonymously: staff see only the text, topic and area, never your name or account.",
)

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
# How much names may shrink before the QR code does.
NAME_SCALES = (1.0, 0.92, 0.84, 0.76, 0.68, 0.6)

_MM_PER_PT = 25.4 / 72
_FONT = "DejaVu"


def _line_height(size_pt: float) -> float:
    # DejaVu's ascender plus descender is 1.17 em; 1.25 keeps stacked diacritics (Ễ, Ặ)
    # clear of the line above.
    return size_pt * _MM_PER_PT * 1.25


@dataclass(frozen=True, slots=True)
class PosterInput:
    """What one area's poster shows."""

    link: str
    bot_username: str
    area_name: str
    unit_name: str

    @classmethod
    def for_area(
        cls, bot_username: str, area_code: str, area_name: str, unit_name: str
    ) -> "PosterInput":
        """The poster of the area with this code, linking to this bot."""
        return cls(deep_link(bot_username, area_code), bot_username, area_name, unit_name)


class _Block(Protocol):
    def height(self, pdf: FPDF) -> float: ...

    def draw(self, pdf: FPDF, y: float) -> None: ...


@dataclass(frozen=True, slots=True)
class _Text:
    """Centred lines of one size, wrapped evenly within the content width."""

    text: str
    size: float
    bold: bool = False
    colour: Colour = INK
    link: str = ""

    def _lines(self, pdf: FPDF) -> list[str]:
        pdf.set_font(_FONT, "B" if self.bold else "", self.size)
        return balanced_lines(self.text, pdf.get_string_width, CONTENT_WIDTH - 2 * pdf.c_margin)

    def height(self, pdf: FPDF) -> float:
        return len(self._lines(pdf)) * _line_height(self.size)

    def draw(self, pdf: FPDF, y: float) -> None:
        lines = self._lines(pdf)
        pdf.set_text_color(*self.colour)
        for line in lines:
            pdf.set_xy(MARGIN_X, y)
            pdf.cell(CONTENT_WIDTH, _line_height(self.size), line, align="C", link=self.link)
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

    steps: tuple[tuple[str, str], ...] = STEPS
    size: float = 14.0
    english_size: float = 9.5
    badge: float = 8.5  # diameter of the number's circle
    indent: float = 4.0  # between the circle and the text
    row_gap: float = 2.5

    def _text_width(self, pdf: FPDF) -> float:
        widest = 0.0
        for vietnamese, english in self.steps:
            pdf.set_font(_FONT, "B", self.size)
            widest = max(widest, pdf.get_string_width(vietnamese))
            pdf.set_font(_FONT, "", self.english_size)
            widest = max(widest, pdf.get_string_width(english))
        return min(widest + 2 * pdf.c_margin, CONTENT_WIDTH - self.badge - self.indent)

    def _rows(self, pdf: FPDF) -> list[tuple[list[str], list[str]]]:
        width = self._text_width(pdf) - 2 * pdf.c_margin
        rows = []
        for vietnamese, english in self.steps:
            pdf.set_font(_FONT, "B", self.size)
            vi_lines = balanced_lines(vietnamese, pdf.get_string_width, width)
            pdf.set_font(_FONT, "", self.english_size)
            en_lines = balanced_lines(english, pdf.get_string_width, width)
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


@dataclass(frozen=True, slots=True)
class _Promise:
    """The anonymity promise in a tinted box at the foot of the page."""

    vietnamese: _Text = _Text(PROMISE[0], 12.0, bold=True)
    english: _Text = _Text(PROMISE[1], 9.0, colour=GREY)
    padding: float = 3.5

    def height(self, pdf: FPDF) -> float:
        return self.vietnamese.height(pdf) + self.english.height(pdf) + 2 * self.padding + 1

    def draw(self, pdf: FPDF, y: float) -> None:
        pdf.set_fill_color(*PAPER_TINT)
        pdf.set_draw_color(*RED)
        pdf.set_line_width(0.4)
        pdf.rect(
            MARGIN_X - 3,
            y,
            CONTENT_WIDTH + 6,
            self.height(pdf),
            style="DF",
            round_corners=True,
            corner_radius=3,
        )
        self.vietnamese.draw(pdf, y + self.padding)
        self.english.draw(pdf, y + self.padding + self.vietnamese.height(pdf) + 1)


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
    code_png: bytes

    @classmethod
    def of(cls, poster: PosterInput) -> "_Checked":
        return cls(
            link=poster.link,
            username=checked_bot_username(poster.bot_username),
            area_name=checked_area_name(poster.area_name),
            unit_name=checked_unit_name(poster.unit_name),
            code_png=render_code_png(poster.link),
        )


def _blocks(poster: _Checked, name_scale: float, qr_size: float) -> list[_Block | _Gap]:
    return [
        _Text(TITLE[0], 36, bold=True, colour=RED),
        _Text(TITLE[1], 11, colour=GREY),
        _Gap(1.5, stretchy=True),
        _Text(SUBTITLE[0], 16),
        _Text(SUBTITLE[1], 10, colour=GREY),
        _Gap(2, stretchy=True),
        _Rule(),
        _Gap(3, stretchy=True),
        _Text(poster.unit_name, 15 * name_scale, bold=True, colour=BLUE),
        _Gap(1),
        _Text(poster.area_name, 24 * name_scale, bold=True),
        # No gap around the code: its own white quiet zone separates it from the text.
        _Code(poster.code_png, qr_size),
        _Text(CANNOT_SCAN[0], 12),
        _Text(CANNOT_SCAN[1], 9, colour=GREY),
        _Text(f"@{poster.username}", 20, bold=True, colour=BLUE),
        _Text(poster.link, 11, link=poster.link),
        _Gap(4, stretchy=True),
        _Steps(),
        _Gap(4, stretchy=True),
        _Promise(),
    ]


def _height(pdf: FPDF, items: Sequence[_Block | _Gap]) -> float:
    return sum(item.size if isinstance(item, _Gap) else item.height(pdf) for item in items)


def _fitted_blocks(pdf: FPDF, poster: _Checked) -> tuple[list[_Block | _Gap], float]:
    """The blocks with the largest names and code that fit, and the space left over."""
    room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    for scale in NAME_SCALES:
        without_code = _height(pdf, _blocks(poster, scale, 0.0))
        qr_size = min(QR_LARGEST, room - without_code)
        if qr_size >= QR_SMALLEST:
            items = _blocks(poster, scale, qr_size)
            return items, room - _height(pdf, items)
    raise QrError(  # unreachable within the name limits; kept so a poster is never cut
        "Tên khu vực và tên đơn vị quá dài để in vừa một trang / "
        "The area and unit names are too long to fit on one page"
    )


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
        raise QrError("Không có khu vực nào để in / There is no area to print")
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
