"""Logging: one line per event, our own events only below WARNING, secrets scrubbed.

Libraries log request parameters and SQL arguments at DEBUG/INFO (chat ids, user ids, and
in httpx's case the URL with the bot token), so they are held at WARNING whatever
``LOG_LEVEL`` says. PTB also puts the token in the message of InvalidToken, which it logs
at ERROR with the traceback, so every formatted line is scrubbed of the token as well.
Our own modules log domain fields (area, topic, code, status) only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

OWN_LOGGERS = ("bot", "storage", "qr")
LIBRARY_LOGGERS = ("telegram", "httpx", "httpcore", "aiosqlite", "apscheduler", "asyncio")
LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
REDACTED = "***"


class RedactingFormatter(logging.Formatter):
    """A formatter that replaces each secret in the finished line, traceback included."""

    def __init__(self, secrets: Iterable[str], fmt: str = LINE_FORMAT) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line (plus traceback), with every secret replaced."""
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def quiet_libraries() -> None:
    """Hold third-party loggers at WARNING so identities and the token never reach a log."""
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def configure_logging(level: str = "INFO", secrets: Iterable[str] = ()) -> None:
    """Set up the process's logging; ``level`` applies to our own modules."""
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level.upper())
    quiet_libraries()
