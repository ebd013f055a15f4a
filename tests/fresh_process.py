"""What a fresh interpreter has loaded after some code: the import tests' one probe.

The test process has imported the bot, Telegram and every library already, so a promise
that some import stays light can only be checked in a process of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def loaded_in_fresh_process(code: str, names: Sequence[str]) -> list[str]:
    """The modules of ``names`` (exact module names) a new interpreter, started in the
    project's folder, holds in ``sys.modules`` once it has run ``code``; in their order."""
    probe = (
        "import json, sys\n"
        f"{code}\n"
        f"names = {list(names)!r}\n"
        "print(json.dumps([n for n in names if n in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))
