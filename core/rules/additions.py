"""Where a resident's additions being collected live in their user data (SPEC §3.6).

The addition the bot collects messages for is under ``ADDING``; others wait under ``HELD``:
one asked for while another still held unsent parts (``resume``: it begins when that one
is sent or dropped), or one set aside by a new /start (sent or dropped by its buttons).
Both are stored with the draft, sealed under the keyed hash (``bot.ptb.persistence``).
"""

from __future__ import annotations

from typing import Any

# The key, in a resident's persisted user data, of the addition the bot waits for.
ADDING = "adding"
# The key of the additions that wait: a list of collections like the one under ADDING.
HELD = "additions_held"


def parts(collection: dict[str, Any]) -> int:
    """How many texts and photos a collection holds."""
    texts = [text for text in collection.get("texts") or [] if text]
    return len(texts) + len(collection.get("photos") or [])


def held(user_data: dict[Any, Any]) -> list[dict[str, Any]]:
    """The additions that wait (the list in the user data, created when missing)."""
    waiting = user_data.get(HELD)
    if not isinstance(waiting, list):
        waiting = []
        user_data[HELD] = waiting
    return waiting


def unsent_codes(user_data: dict[Any, Any]) -> list[str]:
    """The codes of every collected addition holding parts not sent yet."""
    collections = [user_data.get(ADDING), *(user_data.get(HELD) or [])]
    codes = [str(c["code"]) for c in collections if isinstance(c, dict) and parts(c)]
    return list(dict.fromkeys(codes))
