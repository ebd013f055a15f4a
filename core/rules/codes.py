"""Reference codes: a resident's receipt, e.g. ``GY-7Q2K9M4T`` (SPEC §3.5).

Two letters, a dash and eight characters of Crockford base32, all drawn from ``secrets``:
eight base32 characters carry 40 bits, the two letters about 8.9 more.
"""

from __future__ import annotations

import re
import secrets

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX_LETTERS = "ABCDEFGHJKMNPQRSTVWXYZ"
BODY_LENGTH = 8
CODE_PATTERN = re.compile(rf"[{PREFIX_LETTERS}]{{2}}-[{CROCKFORD}]{{{BODY_LENGTH}}}")

# Crockford decoding tolerates the look-alikes a person may type or read.
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_reference_code() -> str:
    """A fresh random code; uniqueness is enforced by the database."""
    prefix = "".join(secrets.choice(PREFIX_LETTERS) for _ in range(2))
    body = "".join(secrets.choice(CROCKFORD) for _ in range(BODY_LENGTH))
    return f"{prefix}-{body}"


def normalize_reference_code(text: str) -> str | None:
    """The canonical form of a code as a person typed it, or None if it cannot be one.

    Case, spaces, a missing dash and the look-alikes O/0 and I/L/1 are forgiven.
    """
    compact = re.sub(r"[\s\-–—_.]", "", text).upper()
    if len(compact) != 2 + BODY_LENGTH:
        return None
    candidate = f"{compact[:2]}-{compact[2:].translate(_LOOKALIKES)}"
    return candidate if CODE_PATTERN.fullmatch(candidate) else None
