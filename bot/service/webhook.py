"""Webhook mode: the HTTP endpoint Telegram posts updates to (``python -m bot --webhook``).

PTB's own webhook server logs the body of an update it cannot read at CRITICAL and answers
400, which makes Telegram deliver the same update again and again. This endpoint reads
each update as polling does (``bot.ptb.updates.read_update``): an unreadable one is logged by
its id only and answered 200, so Telegram moves on. Requests without the secret header
are refused (403) before anything is read; other paths are 404.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.web import Application, RequestHandler

from bot.ptb.context import HomThuApplication
from bot.ptb.updates import read_update
from bot.service.config import WebhookSettings

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's largest update is far below this; anything bigger is not from Telegram.
MAX_BODY = 16 * 1024 * 1024


class UpdateEndpoint(RequestHandler):
    """Takes one update per POST and queues it for the application."""

    def initialize(self, updates_for: HomThuApplication, secret: str) -> None:
        """Tornado's hook: what every request needs."""
        self._application = updates_for
        self._secret = secret.encode()

    async def post(self) -> None:
        """Check the secret, read the update, queue it; 200 even when it is unreadable."""
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            log.warning("webhook request refused: wrong or missing secret")
            self.set_status(403)
            return
        try:
            raw = json.loads(self.request.body)
        except ValueError:
            log.warning("webhook request refused: the body is not JSON")
            self.set_status(400)
            return
        update = read_update(raw, self._application.bot)
        if update is not None:
            await self._application.update_queue.put(update)
        self.set_status(200)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Errors carry no body (tornado's default page would echo nothing useful)."""
        self.finish()

    def log_exception(self, *args: Any) -> None:
        """Tornado's own error logging would print the request; ours names no one."""
        log.error("webhook request failed")


class WebhookServer:
    """The listening HTTP server; started once the application is ready."""

    def __init__(self, application: HomThuApplication, settings: WebhookSettings) -> None:
        routes = [
            (
                rf"/{settings.url_path}/?" if settings.url_path else r"/?",
                UpdateEndpoint,
                {"updates_for": application, "secret": settings.secret},
            )
        ]
        self._settings = settings
        self._server = HTTPServer(Application(routes), max_body_size=MAX_BODY, xheaders=True)

    def start(self) -> None:
        """Listen on ``WEBHOOK_LISTEN:WEBHOOK_PORT``; OSError when the port is taken."""
        self._server.listen(self._settings.port, address=self._settings.listen)
        log.info("webhook listening port=%d", self._settings.port)

    async def stop(self) -> None:
        """Stop listening and close open connections."""
        self._server.stop()
        await self._server.close_all_connections()
