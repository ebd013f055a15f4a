"""Liberation Serif, shipped in ``documents/fonts/``: Times New Roman's metrics, every
Vietnamese letter, and a free licence (SIL OFL 1.1, beside the files)."""

from pathlib import Path

_FONTS = Path(__file__).resolve().parent / "fonts"

# The name a PDF document gives the family; a DOCX names Times New Roman, which Word has.
FAMILY = "LiberationSerif"
DOCX_FAMILY = "Times New Roman"
# fpdf2's style letters and the file of each.
STYLES = {
    "": _FONTS / "LiberationSerif-Regular.ttf",
    "B": _FONTS / "LiberationSerif-Bold.ttf",
    "I": _FONTS / "LiberationSerif-Italic.ttf",
    "BI": _FONTS / "LiberationSerif-BoldItalic.ttf",
}
