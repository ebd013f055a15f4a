"""A local Telegram Bot API server and the people who talk through it, for tests."""

from tests.botapi.entities import EntityError, parse_html
from tests.botapi.model import ApiError, BotMessage, Fault, FaultRule, Request, Upload
from tests.botapi.people import Person, png
from tests.botapi.server import BotAPIServer

__all__ = [
    "ApiError",
    "BotAPIServer",
    "BotMessage",
    "EntityError",
    "Fault",
    "FaultRule",
    "Person",
    "Request",
    "Upload",
    "parse_html",
    "png",
]
