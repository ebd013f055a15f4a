"""QR codes and printable posters for each area's deep link.

Knows nothing of Telegram's API nor of the database: it is given a bot username, area
codes and names, and returns bytes (PNG, SVG, PDF). `python -m qr` is its command line.
"""

from qr.errors import InvalidAreaCode, InvalidBotUsername, InvalidPosterText, QrError
from qr.images import render_code_png, render_png, render_svg
from qr.links import checked_area_code, checked_bot_username, deep_link
from qr.poster import (
    LANGUAGES,
    PosterInput,
    area_posters,
    render_area_posters_pdf,
    render_poster_pdf,
)

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
