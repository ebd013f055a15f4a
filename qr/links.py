"""Deep links that open the bot with an area already chosen."""

import re

from qr.errors import InvalidAreaCode, InvalidBotUsername
from texts import bilingual

# Telegram: 5-32 characters of [A-Za-z0-9_]; a bot's username ends in "bot".
_BOT_USERNAME = re.compile(r"[A-Za-z0-9_]{5,32}")
# Telegram's rule for the parameter of t.me/<bot>?start=<parameter>.
_START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")
# Our rule for area codes (SPEC sections 3 and 6); stricter than Telegram's.
_AREA_CODE = re.compile(r"[a-z0-9_-]{1,32}")


def checked_bot_username(raw: str) -> str:
    """Return the bot's username without a leading "@", or raise InvalidBotUsername."""
    username = raw.strip().removeprefix("@")
    if not _BOT_USERNAME.fullmatch(username) or not username.lower().endswith("bot"):
        raise InvalidBotUsername(bilingual("qr_error_username", raw=raw))
    return username


def checked_area_code(raw: str) -> str:
    """Return the area code unchanged if it is valid, or raise InvalidAreaCode."""
    if not _AREA_CODE.fullmatch(raw) or not _START_PARAMETER.fullmatch(raw):
        raise InvalidAreaCode(bilingual("qr_error_area_code", raw=raw))
    return raw


def deep_link(bot_username: str, area_code: str) -> str:
    """Return `https://t.me/<bot>?start=<area>`, the link every area's QR code encodes."""
    username = checked_bot_username(bot_username)
    return f"https://t.me/{username}?start={checked_area_code(area_code)}"
