"""Logging: one line per event, our own events only below WARNING.

Libraries log request parameters and SQL arguments at DEBUG/INFO (chat ids, user ids, and
in httpx's case the URL with the bot token), so they are held at WARNING whatever
``LOG_LEVEL`` says. Our own modules log domain fields (area, topic, code, status) only.
"""

from __future__ import annotations

import logging

OWN_LOGGERS = ("bot", "storage", "qr")
LIBRARY_LOGGERS = ("telegram", "httpx", "httpcore", "aiosqlite", "apscheduler", "asyncio")


def quiet_libraries() -> None:
    """Hold third-party loggers at WARNING so identities and the token never reach a log."""
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def configure_logging(level: str = "INFO") -> None:
    """Set up the process's logging; ``level`` applies to our own modules."""
    logging.basicConfig(
        level=logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level.upper())
    quiet_libraries()
