"""How the bot's requests reach the Bot API: JSON bodies over one pooled httpx client.

PTB's own ``HTTPXRequest`` sends every call as an HTML form: each parameter is
JSON-encoded on its own, then the whole form is percent-encoded character by character in
Python. Our calls carry inline keyboards and Vietnamese text, so that encoding was a
visible share of the CPU each call costs (docs/performance.md, issue 14). The Bot API
takes the same parameters as one JSON body, which the standard library encodes in C.
Calls that upload a file (posters, exports, reports) are still sent as multipart forms.
"""

from __future__ import annotations

import functools
import json

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.ptb.private import DefaultValue, ODVInput

# PTB's own defaults, so nothing about waiting changes with the encoding.
CONNECT_SECONDS = 5.0
READ_SECONDS = 5.0
WRITE_SECONDS = 5.0
POOL_SECONDS = 1.0
UPLOAD_WRITE_SECONDS = 20.0
JSON_HEADERS = {"Content-Type": "application/json"}


class JsonRequest(BaseRequest):
    """A ``BaseRequest`` that sends file-less calls as ``application/json``."""

    def __init__(self, connections: int) -> None:
        self._limits = httpx.Limits(
            max_connections=connections, max_keepalive_connections=connections
        )
        self._timeout = httpx.Timeout(
            connect=CONNECT_SECONDS, read=READ_SECONDS, write=WRITE_SECONDS, pool=POOL_SECONDS
        )
        self._client = self._new_client()

    def _new_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            limits=self._limits,
            timeout=self._timeout,
            headers={"User-Agent": self.USER_AGENT},
        )

    @property
    def read_timeout(self) -> float | None:
        """The read timeout when a call names none (seconds)."""
        return self._timeout.read

    async def initialize(self) -> None:
        """Open the client again after a shutdown (an application can be started twice)."""
        if self._client.is_closed:
            self._client = self._new_client()

    async def shutdown(self) -> None:
        """Close the pooled connections."""
        if not self._client.is_closed:
            await self._client.aclose()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one call; its HTTP status and body, for PTB to read."""
        if self._client.is_closed:
            raise RuntimeError("JsonRequest is not initialized")
        uploads = request_data is not None and request_data.contains_files
        timeout = httpx.Timeout(
            connect=_given(connect_timeout, self._timeout.connect),
            read=_given(read_timeout, self._timeout.read),
            write=_given(write_timeout, UPLOAD_WRITE_SECONDS if uploads else self._timeout.write),
            pool=_given(pool_timeout, self._timeout.pool),
        )
        try:
            if request_data is None:
                response = await self._client.request(method, _parsed(url), timeout=timeout)
            elif uploads:
                response = await self._client.request(
                    method,
                    _parsed(url),
                    data=request_data.json_parameters,
                    files=request_data.multipart_data,
                    timeout=timeout,
                )
            else:
                body = json.dumps(request_data.parameters, ensure_ascii=False).encode()
                response = await self._client.request(
                    method, _parsed(url), content=body, headers=JSON_HEADERS, timeout=timeout
                )
        except httpx.PoolTimeout as error:
            raise TimedOut(
                "Every connection to the Bot API is busy; the request was not sent."
            ) from error
        except httpx.TimeoutException as error:
            raise TimedOut from error
        except httpx.HTTPError as error:
            raise NetworkError(f"httpx.{type(error).__name__}: {error}") from error
        return response.status_code, response.content


@functools.lru_cache(maxsize=64)
def _parsed(url: str) -> httpx.URL:
    """The URL of a Bot API method, parsed once: httpx checked every character of the same
    few URLs again on every call. (Downloads name many files: the cache keeps the last 64.)"""
    return httpx.URL(url)


def _given(value: ODVInput[float], default: float | None) -> float | None:
    """A timeout the caller named, or ours."""
    return default if isinstance(value, DefaultValue) else value
