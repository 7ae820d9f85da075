"""ASGI middleware around every request: its id and log line, and the size limits of what it sends.

- ``RequestContext`` gives each request an id (the client's ``X-Request-ID`` when it is a
  sane token, else a new one), answers it in ``X-Request-ID``, and logs one line when the
  response has started: method, path, status and milliseconds (logger ``app.access``).
- ``SizeLimits`` refuses a query string longer than ``Settings.query_max_kb`` (414) and a body
  larger than the upload limit plus a margin for the multipart framing (413), before the body
  is read when it declares its length, while it is read when it does not.

Both answer errors as every other route does: ``{"detail": message}``.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import get_settings
from app.logs import request_id

logger = logging.getLogger("app.access")

HEADER = "X-Request-ID"
_SANE_ID_RE = re.compile(r"[A-Za-z0-9._-]{1,64}")
#: what a multipart body may carry besides the file: boundaries, part headers, form fields
BODY_MARGIN_BYTES = 1024 * 1024


class _HttpMiddleware:
    """Passes anything but an HTTP request (lifespan events) straight through to ``http``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.http(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class RequestContext(_HttpMiddleware):
    """Request id, ``X-Request-ID`` header and one access log line per HTTP request."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        given = dict(scope["headers"]).get(HEADER.lower().encode(), b"").decode("latin-1")
        rid = given if _SANE_ID_RE.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500  # what the client gets when the app fails before answering

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            duration = (time.perf_counter() - started) * 1000
            logger.info(
                "%s %s %d %.1f ms", scope["method"], scope["path"], status, duration,
                extra={"method": scope["method"], "path": scope["path"], "status": status,
                       "duration_ms": round(duration, 1)},
            )
            request_id.reset(token)


class SizeLimits(_HttpMiddleware):
    """414 for a query string over ``Settings.query_max_kb``; 413 for a body over
    ``Settings.upload_max_mb`` plus ``BODY_MARGIN_BYTES``."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        settings = get_settings()
        if len(scope.get("query_string", b"")) > settings.query_max_kb * 1024:
            response = JSONResponse(status_code=414, content={"detail": (
                f"Query string lebih dari {settings.query_max_kb} KB (query string too long); "
                "kirim teks panjang dengan POST (send long text with POST)."
            )})
            await response(scope, receive, send)
            return
        limit = settings.upload_max_mb * 1024 * 1024 + BODY_MARGIN_BYTES
        message = f"Isi permintaan lebih dari {settings.upload_max_mb} MB (request body too large)."
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await JSONResponse(status_code=413, content={"detail": message})(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            incoming = await receive()
            if incoming["type"] == "http.request":
                received += len(incoming.get("body", b""))
                if received > limit:  # raised where a route reads its body: FastAPI answers it as it is
                    raise HTTPException(status_code=413, detail=message)
            return incoming

        await self.app(scope, counted, send)
