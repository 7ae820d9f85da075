"""Builds the FastAPI application: the API's routers, the web pages with their static files, the
background worker (``app.kb.worker``, started and stopped with it), the middleware, and the error
handlers: a SelarasError becomes JSON for the API and an error page for a page
(``app.web.errors``).

Run it with ``selaras serve`` (or ``uvicorn app.main:app``); the pages start at ``/``, the OpenAPI
documentation is at ``/docs``.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlmodel import Session
from starlette.exceptions import HTTPException

from app import __version__
from app.api import compare, coverage, drafts, health, jobs, regulations, search, similar
from app.api.middleware import HEADER, RequestContext, SizeLimits
from app.config import get_settings
from app.db import get_engine
from app.errors import SelarasError
from app.kb.jobs import fail_interrupted
from app.kb.worker import Worker
from app.web import STATIC_DIR
from app.web import router as web_router
from app.web.errors import error_page, handle_http_error, handle_server_error, handle_validation_error, is_page

logger = logging.getLogger(__name__)

DESCRIPTION = """
Selaras keeps Indonesian regulations (UU, PP, Perpres, Perda, Pergub, Perbup, Perwal) parsed into
their legal structure: BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka, with the Penjelasan.

Every regulation has a readable id (`perbup-batang-2019-23`, `perda-prov-jawa-tengah-2019-11`,
`uu-2014-23`) and every provision an id below it (`perbup-batang-2019-23/pasal-5/ayat-2`).
Errors answer `{"detail": "<message>"}`; messages are in Indonesian with English in brackets.
"""


async def handle_selaras_error(request: Request, error: Exception) -> Response:
    """Every SelarasError -> its HTTP status, its headers and ``{"detail": message}`` (for a page:
    the error page with the message)."""
    assert isinstance(error, SelarasError)
    if error.status_code >= 500:
        logger.error("%s", error.message)
    if is_page(request):
        return error_page(request, error.status_code, error.message, headers=error.headers)
    return JSONResponse(status_code=error.status_code, content={"detail": error.message}, headers=dict(error.headers))


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the database (creating missing tables) before the first request, mark failed the jobs
    a previous stop interrupted, and run the background worker until the application stops."""
    with Session(get_engine()) as session:
        if interrupted := fail_interrupted(session=session):
            logger.warning("%d background job(s) interrupted by the last stop marked failed", interrupted)
    app.state.worker = Worker()
    try:
        yield
    finally:
        await asyncio.to_thread(app.state.worker.stop)


def create_app() -> FastAPI:
    """The application: its routers, the pages and their static files, the error handlers, and
    its middleware (outermost first): request id and log line, CORS when
    ``SELARAS_CORS_ORIGINS`` is set, size limits."""
    app = FastAPI(title="Selaras", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.add_middleware(SizeLimits)
    origins = get_settings().cors_origins
    if origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(origins), allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Content-Type", "X-API-Key", HEADER], expose_headers=[HEADER],
        )
    app.add_middleware(RequestContext)
    app.include_router(health.router)
    app.include_router(similar.router)  # before regulations: /provisions/{id:path} would take /similar
    app.include_router(regulations.router)
    app.include_router(search.router)
    app.include_router(compare.router)
    app.include_router(jobs.router)
    app.include_router(coverage.router)
    app.include_router(drafts.router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_exception_handler(SelarasError, handle_selaras_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(HTTPException, handle_http_error)
    app.add_exception_handler(Exception, handle_server_error)
    return app


app = create_app()
