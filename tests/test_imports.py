"""What a process imports: the document and drawing libraries only when a document is made,
and nothing of the bot for ``--version`` and ``--help`` (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("matplotlib", "openpyxl", "fpdf", "docx", "numpy", "PIL", "qrcode")


def loaded_after(code: str) -> list[str]:
    """The modules of ``HEAVY`` (and the bot's) a fresh interpreter holds after ``code``."""
    probe = (
        "import json, sys\n"
        f"{code}\n"
        f"names = {[*HEAVY, 'telegram', 'bot.app']!r}\n"
        "print(json.dumps([n for n in names if n in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_version_and_help_import_neither_the_bot_nor_telegram() -> None:
    for option in ("--version", "--help"):
        code = (
            "import contextlib, io, runpy\n"
            f"sys.argv = ['bot', {option!r}]\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            "    runpy.run_module('bot', run_name='__main__')"
        )
        assert loaded_after(code) == [], option


def test_the_application_starts_without_document_or_drawing_libraries() -> None:
    assert loaded_after("import bot.app") == ["telegram", "bot.app"]


def test_a_poster_brings_in_the_drawing_libraries_when_asked_for() -> None:
    loaded = loaded_after("import qr\nqr.render_poster_pdf")
    assert "fpdf" in loaded
    assert "matplotlib" not in loaded
