"""The text catalogue: every word a resident or officer reads, per language, by key."""

from __future__ import annotations

import html
import string
from collections.abc import Mapping

from texts import (
    desk_en,
    desk_vi,
    dialogue_en,
    dialogue_vi,
    documents_en,
    documents_vi,
    en,
    reports_en,
    reports_vi,
    resident_en,
    resident_vi,
    setup_en,
    setup_vi,
    staff_group_en,
    staff_group_vi,
    vi,
)

# Each language is its sections merged; tests check that no key is defined twice.
SECTIONS: Mapping[str, tuple[Mapping[str, str], ...]] = {
    "vi": (
        vi.TEXTS,
        resident_vi.TEXTS,
        reports_vi.TEXTS,
        documents_vi.TEXTS,
        dialogue_vi.TEXTS,
        desk_vi.TEXTS,
        staff_group_vi.TEXTS,
        setup_vi.TEXTS,
    ),
    "en": (
        en.TEXTS,
        resident_en.TEXTS,
        reports_en.TEXTS,
        documents_en.TEXTS,
        dialogue_en.TEXTS,
        desk_en.TEXTS,
        staff_group_en.TEXTS,
        setup_en.TEXTS,
    ),
}
CATALOGUES: Mapping[str, Mapping[str, str]] = {
    language: {key: text for section in sections for key, text in section.items()}
    for language, sections in SECTIONS.items()
}


def placeholders(template: str) -> set[str]:
    """The named fields a template expects."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Texts:
    """The catalogue of one language; values given to it are HTML-escaped unless marked."""

    def __init__(self, language: str) -> None:
        self.language = language if language in CATALOGUES else "vi"
        self._texts = CATALOGUES[self.language]

    def __call__(self, key: str, **values: object) -> str:
        """The text for ``key`` with every value escaped for Telegram's HTML."""
        escaped = {k: html.escape(str(v), quote=False) for k, v in values.items()}
        return self._texts[key].format(**escaped)

    def __contains__(self, key: str) -> bool:
        return key in self._texts

    def with_html(self, key: str, **fragments: str) -> str:
        """The text for ``key`` filled with fragments that are HTML already (built by us)."""
        return self._texts[key].format(**fragments)
