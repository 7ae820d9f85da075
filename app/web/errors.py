"""Errors on the pages: a page in plain Indonesian with the status, never a traceback.

``app.main`` asks ``is_page`` which kind of request failed: the API's routes (``/api/...``,
``/healthz``, the OpenAPI documentation) keep their JSON errors, every other address is a page.
A page's bad input (FastAPI's validation, 422 in the API) is a 400 here, with each invalid field
named.
"""

from __future__ import annotations

from typing import Mapping

from fastapi import Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from app.web.templating import page

#: addresses answered by the API (JSON errors), not by pages
API_PREFIXES = ("/api/", "/healthz", "/docs", "/redoc", "/openapi.json")

#: status -> (title, what the reader can do)
TITLES: dict[int, tuple[str, str]] = {
    400: ("Isian tidak sah", "Periksa isian formulir atau alamat halaman, lalu coba lagi."),
    401: ("Kunci API diperlukan", "Masukkan kunci API yang diberikan pengelola Selaras."),
    403: ("Tidak diizinkan", "Server ini tidak mengizinkan tindakan tersebut. Hubungi pengelola Selaras."),
    404: ("Tidak ditemukan", "Alamat ini tidak ada, atau peraturan yang dicari belum dimuat ke Selaras."),
    405: ("Cara akses tidak didukung", "Buka halaman ini dari menu di atas."),
    413: ("Berkas terlalu besar", "Kecilkan berkas atau pisahkan menjadi beberapa berkas."),
    422: ("Berkas tidak dapat dibaca", "Selaras membaca teks, PDF (dengan lapisan teks atau hasil pindaian), gambar "
                                        "halaman, DOCX dan HTML; pindaian perlu cukup tajam agar hurufnya terbaca."),
    500: ("Terjadi kesalahan", "Kesalahan di server. Coba lagi nanti atau hubungi pengelola Selaras."),
    503: ("Layanan belum siap", "Indeks pencarian sedang tidak dapat dibaca. Coba lagi nanti."),
}

#: pydantic error types -> what is wrong with the field, in Indonesian
PROBLEMS: dict[str, str] = {
    "missing": "wajib diisi",
    "int_parsing": "harus berupa angka",
    "bool_parsing": "harus ya atau tidak",
    "greater_than_equal": "terlalu kecil",
    "less_than_equal": "terlalu besar",
    "string_too_short": "tidak boleh kosong",
    "string_too_long": "terlalu panjang",
    "literal_error": "bukan salah satu pilihan",
    "string_pattern_mismatch": "bentuknya tidak dikenal",
}


#: what Starlette's own errors say (in English) on a page
HTTP_MESSAGES: dict[int, str] = {
    404: "Halaman tidak ditemukan.",
    405: "Halaman ini tidak menerima permintaan seperti itu.",
}


def is_page(request: Request) -> bool:
    """Whether ``request`` is for a page (not for the API)."""
    return not request.url.path.startswith(API_PREFIXES)


def error_page(request: Request, status_code: int, message: str, *, headers: Mapping[str, str] | None = None,
               problems: list[str] | None = None) -> HTMLResponse:
    """The error page: a title and advice for ``status_code``, and the ``message``."""
    title, advice = TITLES.get(status_code, TITLES[500 if status_code >= 500 else 400])
    return page(request, "error.html", {"status": status_code, "title": title, "advice": advice,
                                        "message": message, "problems": problems or []},
                status_code=status_code, headers=headers)


def field_problems(error: RequestValidationError) -> list[str]:
    """``Isian 'tahun_min' harus berupa angka.`` for each invalid field."""
    problems = []
    for item in error.errors():
        field = str(item.get("loc", ("", ""))[-1])
        problems.append(f"Isian '{field}' {PROBLEMS.get(str(item.get('type')), 'tidak sah')}.")
    return problems


async def handle_validation_error(request: Request, error: Exception) -> Response:
    """A page: 400 naming the invalid fields; the API: FastAPI's own 422."""
    assert isinstance(error, RequestValidationError)
    if not is_page(request):
        return await request_validation_exception_handler(request, error)
    return error_page(request, 400, "Ada isian yang tidak dapat dipakai.", problems=field_problems(error))


async def handle_http_error(request: Request, error: Exception) -> Response:
    """A page: the error page for the status (404 for an unknown address); the API: FastAPI's own."""
    assert isinstance(error, HTTPException)
    if not is_page(request):
        return await http_exception_handler(request, error)
    return error_page(request, error.status_code, HTTP_MESSAGES.get(error.status_code, str(error.detail)),
                      headers=error.headers)


async def handle_server_error(request: Request, error: Exception) -> Response:
    """An unexpected error: a page says so in Indonesian, the API answers as Starlette does. (Starlette
    raises the error again after this answer, so the server logs it with its traceback.)"""
    if not is_page(request):
        return PlainTextResponse("Internal Server Error", status_code=500)
    return error_page(request, 500, "Permintaan ini tidak dapat diselesaikan.")
