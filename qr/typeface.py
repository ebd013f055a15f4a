"""The DejaVu Sans fonts shipped in `qr/fonts/`: they cover every Vietnamese letter."""

from pathlib import Path

_FONTS = Path(__file__).resolve().parent / "fonts"

REGULAR = _FONTS / "DejaVuSans.ttf"
BOLD = _FONTS / "DejaVuSans-Bold.ttf"
