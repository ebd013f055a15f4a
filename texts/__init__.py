"""The text catalogue: every word a resident or officer reads, per language, by key."""

from __future__ import annotations

import html
import string
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from texts.en import operator as en_operator
from texts.vi import operator as vi_operator

# Who reads a text decides its module: a resident in a private chat, staff in the staff
# group or an agency in its group, an admin setting up, a file the bot makes, or the
# printed poster.
READERS = ("resident", "staff", "admin", "documents", "poster")

if TYPE_CHECKING:
    BY_READER: Mapping[str, Mapping[str, Mapping[str, str]]]
    # Each language is its readers' sections merged; tests check that no key is defined
    # twice.
    SECTIONS: Mapping[str, tuple[Mapping[str, str], ...]]
    CATALOGUES: Mapping[str, Mapping[str, str]]


@cache
def _catalogues() -> dict[str, Any]:
    """The readers' catalogues, loaded when a text is first asked for: an operator's line
    (``python -m bot --version``, ``--help``) needs none of them."""
    from texts.en import admin as en_admin
    from texts.en import documents as en_documents
    from texts.en import poster as en_poster
    from texts.en import resident as en_resident
    from texts.en import staff as en_staff
    from texts.vi import admin as vi_admin
    from texts.vi import documents as vi_documents
    from texts.vi import poster as vi_poster
    from texts.vi import resident as vi_resident
    from texts.vi import staff as vi_staff

    by_reader: dict[str, dict[str, Mapping[str, str]]] = {
        "vi": {
            "resident": vi_resident.TEXTS,
            "staff": vi_staff.TEXTS,
            "admin": vi_admin.TEXTS,
            "documents": vi_documents.TEXTS,
            "poster": vi_poster.TEXTS,
        },
        "en": {
            "resident": en_resident.TEXTS,
            "staff": en_staff.TEXTS,
            "admin": en_admin.TEXTS,
            "documents": en_documents.TEXTS,
            "poster": en_poster.TEXTS,
        },
    }
    sections = {
        language: tuple(readers[reader] for reader in READERS)
        for language, readers in by_reader.items()
    }
    catalogues = {
        language: {key: text for section in parts for key, text in section.items()}
        for language, parts in sections.items()
    }
    return {"BY_READER": by_reader, "SECTIONS": sections, "CATALOGUES": catalogues}


def __getattr__(name: str) -> Any:
    """``BY_READER``, ``SECTIONS`` and ``CATALOGUES``, made on first use."""
    made = _catalogues()
    if name not in made:
        raise AttributeError(f"module 'texts' has no attribute {name!r}")
    return made[name]


# The operator's console (python -m bot --check, the configuration's errors) says each line
# in Vietnamese and in English at once, whatever language the bot speaks: not a ``Texts``
# of one language, and plain text, not HTML. A value is said once, where its half needs
# it, so the two halves of a key may have different placeholders.
OPERATOR: Mapping[str, Mapping[str, str]] = {"vi": vi_operator.TEXTS, "en": en_operator.TEXTS}


def operator_text(language: str, key: str, /, **values: object) -> str:
    """One half of an operator's line, filled as it is (a console is not HTML)."""
    return OPERATOR[language][key].format(**values)


def bilingual(key: str, /, **values: object) -> str:
    """An operator's text as the console says it: ``Vietnamese / English``."""
    return f"{operator_text('vi', key, **values)} / {operator_text('en', key, **values)}"


def placeholders(template: str) -> set[str]:
    """The named fields a template expects."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Texts:
    """The catalogue of one language; values given to it are HTML-escaped unless marked."""

    def __init__(self, language: str) -> None:
        catalogues = _catalogues()["CATALOGUES"]
        self.language = language if language in catalogues else "vi"
        self._texts = catalogues[self.language]

    def __call__(self, key: str, **values: object) -> str:
        """The text for ``key`` with every value escaped for Telegram's HTML."""
        escaped = {k: html.escape(str(v), quote=False) for k, v in values.items()}
        return self._texts[key].format(**escaped)

    def __contains__(self, key: str) -> bool:
        return key in self._texts

    def with_html(self, key: str, **fragments: str) -> str:
        """The text for ``key`` filled with fragments that are HTML already (built by us)."""
        return self._texts[key].format(**fragments)
