"""Builds the FastAPI application: the API's routers, the web pages with their static files, and
the error handlers: a SelarasError becomes JSON for the API and an error page for a page
(``app.web.errors``).

Run it with ``selaras serve`` (or ``uvicorn app.main:app``); the pages start at ``/``, the OpenAPI
documentation is at ``/docs``.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from app import __version__
from app.api import compare, coverage, health, regulations, search, similar
from app.db import get_engine
from app.errors import SelarasError
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
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    get_engine()  # opens the database and creates missing tables before the first request
    yield


def create_app() -> FastAPI:
    """The application: its routers, the pages and their static files, and the error handlers."""
    app = FastAPI(title="Selaras", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.include_router(health.router)
    app.include_router(similar.router)  # before regulations: /provisions/{id:path} would take /similar
    app.include_router(regulations.router)
    app.include_router(search.router)
    app.include_router(compare.router)
    app.include_router(coverage.router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_exception_handler(SelarasError, handle_selaras_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(HTTPException, handle_http_error)
    app.add_exception_handler(Exception, handle_server_error)
    return app


app = create_app()
