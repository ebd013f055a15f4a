"""Errors raised by the QR and poster code; their messages are shown to admins as they are."""


class QrError(ValueError):
    """Something given to the QR code or poster makers cannot be used."""


class InvalidBotUsername(QrError):
    """The bot username breaks Telegram's rules for usernames of bots."""


class InvalidAreaCode(QrError):
    """The area code breaks the `[a-z0-9_-]{1,32}` rule (and so cannot be a start parameter)."""


class InvalidPosterText(QrError):
    """An area or unit name is empty or too long to print."""
