"""Whether a text is a denunciation or a complaint, which the law wants signed (SPEC §3.4).

The preview explains that an anonymous box cannot take one as such; the words are matched
typed with or without diacritics, or in English, on the text in NFC.
"""

from __future__ import annotations

import re

_COMPLAINT = re.compile(
    r"\b(tố\s+cáo|khiếu\s+nại|to\s+cao|khieu\s+nai"
    r"|complaints?|denounc(?:e|es|ed|ing)|denunciations?)\b",
    re.IGNORECASE,
)


def names_a_complaint(text: str) -> bool:
    """True when ``text`` (in NFC) calls itself a denunciation or a complaint."""
    return _COMPLAINT.search(text) is not None
