"""QR codes and printable posters for each area's deep link.

Knows nothing of Telegram's API nor of the database: it is given a bot username, area
codes and names, and returns bytes (PNG, SVG, PDF). `python -m qr` is its command line.

Drawing needs qrcode, Pillow and fpdf (with numpy and fontTools behind it): they are
imported the first time an image or a poster is asked for, not with this package, so the
bot starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.lazy import lazy_names
from qr.errors import InvalidAreaCode, InvalidBotUsername, InvalidPosterText, QrError
from qr.links import checked_area_code, checked_bot_username, deep_link

if TYPE_CHECKING:
    from qr.images import render_code_png, render_png, render_svg
    from qr.poster import (
        LANGUAGES,
        PosterInput,
        area_posters,
        render_area_posters_pdf,
        render_poster_pdf,
    )

# Names whose module pulls in the drawing libraries, and that module.
_DRAWING = {
    "render_code_png": "qr.images",
    "render_png": "qr.images",
    "render_svg": "qr.images",
    "LANGUAGES": "qr.poster",
    "PosterInput": "qr.poster",
    "area_posters": "qr.poster",
    "render_area_posters_pdf": "qr.poster",
    "render_poster_pdf": "qr.poster",
}


__getattr__ = lazy_names(__name__, _DRAWING, globals())


__all__ = [
    "LANGUAGES",
    "InvalidAreaCode",
    "InvalidBotUsername",
    "InvalidPosterText",
    "PosterInput",
    "QrError",
    "area_posters",
    "checked_area_code",
    "checked_bot_username",
    "deep_link",
    "render_area_posters_pdf",
    "render_code_png",
    "render_png",
    "render_poster_pdf",
    "render_svg",
]
