"""Logging: one line per event, our own events only below WARNING, secrets scrubbed.

Libraries log request parameters and SQL arguments at DEBUG/INFO (chat ids, user ids, and
in httpx's case the URL with the bot token), so they are held at WARNING whatever
``LOG_LEVEL`` says. PTB also puts the token in the message of InvalidToken, which it logs
at ERROR with the traceback, so every formatted line is scrubbed of the token as well.
Our own modules log domain fields (area, topic, code, status) only.

Two formats (``LOG_FORMAT``): ``text``, a line of time, level, logger and message; and
``json``, one JSON object per line for a log collector, scrubbed the same way.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from datetime import UTC, datetime

# Every first-party package: their lines keep their values (and follow LOG_LEVEL).
OWN_LOGGERS = ("bot", "core", "storage", "qr", "documents", "texts")
LIBRARY_LOGGERS = (
    "telegram",
    "httpx",
    "httpcore",
    "aiosqlite",
    "apscheduler",
    "asyncio",
    "tornado",
)
LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
REDACTED = "***"
# What stands for a value a library wanted to log (an update, a request's parameters).
WITHHELD = "…"
_FORMAT_FIELD = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa]"
)


class LibraryValues(logging.Filter):
    """Withhold the values in the lines libraries log: only their own words get through.

    PTB logs whole updates and request parameters (at DEBUG, held back anyway), and, at
    ERROR and CRITICAL, a batch of updates it could not read or a response that is not JSON:
    every resident's id, name and text in it. Whatever the level, a library's line keeps
    its message and its exception, and every value it would have filled in becomes "…".
    Numbers of seconds (retry_after, a delay) are kept.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Withhold the values of a record from outside the bot's own modules."""
        if record.name.split(".", 1)[0] in OWN_LOGGERS or not record.args:
            return True
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        kept = tuple(a if isinstance(a, float) else WITHHELD for a in args)
        try:
            record.msg = str(record.msg) % kept
        except (TypeError, ValueError, KeyError):
            record.msg = _FORMAT_FIELD.sub(WITHHELD, str(record.msg))
        record.args = None
        return True


class _Scrubber:
    """Replaces each secret in a text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        self._secrets = tuple(s for s in secrets if s)

    def scrub(self, text: str) -> str:
        """``text`` with every secret replaced by ``REDACTED``."""
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class RedactingFormatter(logging.Formatter):
    """A formatter that replaces each secret in the finished line, traceback included."""

    def __init__(self, secrets: Iterable[str], fmt: str = LINE_FORMAT) -> None:
        super().__init__(fmt)
        self._scrubber = _Scrubber(secrets)

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line (plus traceback), with every secret replaced."""
        return self._scrubber.scrub(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, and exception if any."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._scrubber = _Scrubber(secrets)

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON, every field scrubbed of secrets."""
        moment = datetime.fromtimestamp(record.created, UTC)
        entry = {
            "time": moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        scrubbed = {key: self._scrubber.scrub(value) for key, value in entry.items()}
        return json.dumps(scrubbed, ensure_ascii=False)


def quiet_libraries() -> None:
    """Hold third-party loggers at WARNING so identities and the token never reach a log."""
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def make_formatter(log_format: str, secrets: Iterable[str]) -> logging.Formatter:
    """The formatter for ``LOG_FORMAT`` (``text`` or ``json``)."""
    if log_format == "json":
        return JsonFormatter(secrets)
    return RedactingFormatter(secrets)


def configure_logging(
    level: str = "INFO", secrets: Iterable[str] = (), log_format: str = "text"
) -> None:
    """Set up the process's logging; ``level`` applies to our own modules."""
    handler = logging.StreamHandler()
    handler.setFormatter(make_formatter(log_format, secrets))
    handler.addFilter(LibraryValues())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level.upper())
    quiet_libraries()
