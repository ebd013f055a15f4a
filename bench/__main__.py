"""``python -m bench``: the performance benchmarks (docs/performance.md), same options.

The benchmarks drive the real bot against the fake Bot API server of the tests, so they
live beside it in ``tests/bench/``; nothing outside ``tests/`` imports ``tests/``. This
launcher imports nothing of either: it replaces itself with ``python -m tests.bench`` in
the same interpreter, with the project's root on the module path, and the arguments as
given (``--help`` included), so the command, its output and its exit status are the
benchmark's own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = "tests.bench"


def command(arguments: list[str]) -> list[str]:
    """The command line that runs the benchmarks with ``arguments``."""
    return [sys.executable, "-m", BENCHMARKS, *arguments]


def environment() -> dict[str, str]:
    """This process's environment, with the project's root first on ``PYTHONPATH`` (so the
    benchmarks are found wherever ``python -m bench`` was started from)."""
    paths = [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def main() -> None:
    """Become ``python -m tests.bench`` with this command's arguments."""
    sys.stdout.flush()
    sys.stderr.flush()
    arguments = command(sys.argv[1:])
    os.execve(sys.executable, arguments, environment())


if __name__ == "__main__":
    main()
