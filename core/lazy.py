"""Names a package offers at its top but imports only when first asked for (PEP 562).

``storage`` keeps its SQLite backend, and ``qr`` its drawing libraries, out of a plain
import this way: the core reads storage's models without a database driver, and the bot
starts without Pillow and fpdf. One loader serves both, so they fail alike for a name
they do not have.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def lazy_names(
    package: str, modules: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: a name of ``modules`` is imported from the
    module it maps to on first use and kept in ``namespace`` (the package's globals), so
    later uses are plain lookups; any other name raises AttributeError, as for any module."""

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
