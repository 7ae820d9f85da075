"""Typed dependencies of the routes: the database session, the settings, the page asked for, an
uploaded file within the size limit with the form fields over its metadata, the API key that
allows a change, and the background worker. The web pages (``app.web``) use the same ones."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, File, Form, Query, Request, Security, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyHeader
from sqlmodel import Session

from app.config import Settings, get_settings
from app.db import get_session
from app.errors import Forbidden, TooLarge, Unauthorized
from app.index.search import SearchFilters
from app.kb.worker import Worker

SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_worker(request: Request) -> Worker:
    """The application's background worker, started and stopped with it (``app.main``)."""
    worker: Worker = request.app.state.worker
    return worker


WorkerDep = Annotated[Worker, Depends(get_worker)]


@dataclass(frozen=True)
class Upload:
    """An uploaded file's name (as the client gave it) and its bytes."""

    filename: str | None
    data: bytes


_FILE_FORMATS = "A regulation's text in any format `selaras parse` reads: text, PDF (scanned too), page image, DOCX, HTML."


def _within_limit(settings: Settings, file: UploadFile) -> Upload:
    """An uploaded file read whole; TooLarge (413) above ``Settings.upload_max_mb``."""
    limit = settings.upload_max_mb * 1024 * 1024
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"Berkas lebih dari {settings.upload_max_mb} MB (file too large): {file.filename}")
    return Upload(filename=file.filename, data=data)


def read_upload(settings: SettingsDep, file: Annotated[UploadFile, File(description=_FILE_FORMATS)]) -> Upload:
    """The multipart field ``file``; TooLarge (413) above ``Settings.upload_max_mb``."""
    return _within_limit(settings, file)


def read_optional_upload(
    settings: SettingsDep,
    file: Annotated[UploadFile | None, File(description=_FILE_FORMATS)] = None,
) -> Upload | None:
    """The multipart field ``file`` when it is sent (within ``Settings.upload_max_mb``), else None."""
    return _within_limit(settings, file) if file is not None else None


UploadDep = Annotated[Upload, Depends(read_upload)]
OptionalUploadDep = Annotated[Upload | None, Depends(read_optional_upload)]


def upload_fields(
    jenis: Annotated[str | None, Form(description="Kind: `Peraturan Bupati`, `Undang-Undang` ...")] = None,
    nomor: Annotated[str | None, Form(description="Number: `23`.")] = None,
    tahun: Annotated[str | None, Form(description="Year: `2019`.")] = None,
    judul: Annotated[str | None, Form(description="Title.")] = None,
    daerah: Annotated[str | None, Form(description="Region: `Kabupaten Batang`, `Nasional`.")] = None,
    tingkat: Annotated[str | None, Form(description="Level: nasional, provinsi, kabupaten or kota.")] = None,
    provinsi: Annotated[str | None, Form(description="Province of a regional regulation: `Provinsi Jawa Tengah`.")] = None,
    status: Annotated[str | None, Form(description="Legal status: `berlaku` (the default), `dicabut` ...")] = None,
    sumber: Annotated[str | None, Form(description="Where the text came from: `JDIH Kabupaten Batang`.")] = None,
    keaslian: Annotated[str | None, Form(description="How authentic it is: `resmi (teks OCR)`.")] = None,
    spesimen: Annotated[str | None, Form(description="`true` for a specimen written for testing, not an official text.")] = None,
) -> dict[str, str]:
    """The form fields given (an empty one is not given): the upload's sidecar, over what the parser read."""
    given = {"jenis": jenis, "nomor": nomor, "tahun": tahun, "judul": judul, "daerah": daerah, "tingkat": tingkat,
             "provinsi": provinsi, "status": status, "sumber": sumber, "keaslian": keaslian, "spesimen": spesimen}
    return {name: value for name, value in given.items() if value is not None and value.strip()}


UploadFieldsDep = Annotated[dict[str, str], Depends(upload_fields)]

_API_KEY_HEADER = APIKeyHeader(
    name="X-API-Key", auto_error=False, scheme_name="APIKey",
    description="One of the keys in `SELARAS_API_KEYS`. Needed by the routes that change what is stored.",
)


def require_api_key(settings: SettingsDep, key: Annotated[str | None, Security(_API_KEY_HEADER)]) -> None:
    """Let the request through only with a key of ``Settings.api_keys`` in header ``X-API-Key``:
    Forbidden (403) when no key is set (changes are disabled), Unauthorized (401) without a key or
    with an unknown one. Keys are compared by their sha256, in constant time, each of them."""
    if not settings.api_keys:
        raise Forbidden(
            "Unggahan dinonaktifkan: belum ada kunci API (uploads are disabled until API keys are set "
            "in SELARAS_API_KEYS)."
        )
    if not key:
        raise Unauthorized("Kunci API diperlukan di header X-API-Key (an API key is required in header X-API-Key).")
    given = hashlib.sha256(key.encode()).digest()
    known = False
    for secret in settings.api_keys:
        known |= hmac.compare_digest(given, hashlib.sha256(secret.get_secret_value().encode()).digest())
    if not known:
        raise Unauthorized("Kunci API tidak dikenal (unknown API key in header X-API-Key).")


def require_form_key(settings: SettingsDep, kunci: Annotated[str, Form(max_length=1000)] = "") -> None:
    """The web pages' ``require_api_key``: the key typed in a form's field ``kunci``, refused with
    the same statuses and messages that name the form's field rather than a header."""
    try:
        require_api_key(settings, kunci.strip() or None)
    except Forbidden as error:
        raise Forbidden("Perubahan dinonaktifkan di server ini: belum ada kunci API (SELARAS_API_KEYS kosong).") from error
    except Unauthorized as error:
        message = "Isian 'Kunci API' kosong." if not kunci.strip() else "Kunci API tidak dikenal."
        raise Unauthorized(message) from error


DEFAULT_PAGE_SIZE = 50


@dataclass(frozen=True)
class Page:
    """Which slice of a list to answer: ``offset`` items skipped, at most ``limit`` returned."""

    offset: int
    limit: int


def _invalid(field: str, message: str, value: object, error_type: str = "value_error", **ctx: object) -> RequestValidationError:
    """The same 422 body FastAPI gives for its own validation errors."""
    return RequestValidationError([
        {"type": error_type, "loc": ("query", field), "msg": message, "input": value, "ctx": ctx},
    ])


def pagination(
    settings: SettingsDep,
    page: Annotated[int | None, Query(ge=1, description="Page number, from 1 (with `per_page`).")] = None,
    per_page: Annotated[int | None, Query(ge=1, description="Items per page (at most `page_size_max`, 200 by default).")] = None,
    offset: Annotated[int | None, Query(ge=0, description="Items to skip (alternative to `page`).")] = None,
    limit: Annotated[int | None, Query(ge=1, description="Items to return (alternative to `per_page`).")] = None,
) -> Page:
    """``page``/``per_page`` or ``offset``/``limit``; 50 items by default, ``Settings.page_size_max`` at most."""
    if page is not None and offset is not None:
        raise _invalid("offset", "Use either page or offset, not both", offset)
    size_field, size = ("limit", limit) if limit is not None else ("per_page", per_page)
    if size is None:
        size = min(DEFAULT_PAGE_SIZE, settings.page_size_max)
    elif size > settings.page_size_max:
        raise _invalid(
            size_field, f"Input should be less than or equal to {settings.page_size_max}", size,
            error_type="less_than_equal", le=settings.page_size_max,
        )
    if offset is None:
        offset = (page - 1) * size if page else 0
    return Page(offset=offset, limit=size)


PageDep = Annotated[Page, Depends(pagination)]


def search_filters(
    jenis: Annotated[str | None, Query(description="Kind: `Perbup`, `Peraturan Daerah` (every Perda), `UU` ...")] = None,
    daerah: Annotated[str | None, Query(description="Region: `Batang` or `Kabupaten Batang`; `Nasional`.")] = None,
    provinsi: Annotated[str | None, Query(description="Province: `Jawa Tengah`: its own and its regions' regulations.")] = None,
    tingkat: Annotated[str | None, Query(description="Level: nasional, provinsi, kabupaten or kota.")] = None,
    tahun_min: Annotated[int | None, Query(ge=1800, le=2200, description="From this year.")] = None,
    tahun_max: Annotated[int | None, Query(ge=1800, le=2200, description="Up to this year.")] = None,
    status: Annotated[str | None, Query(description="Status of the regulation: `berlaku`.")] = None,
    bagian: Annotated[Literal["body", "penjelasan", "lampiran"] | None, Query(description="Only clauses of this part.")] = None,
    spesimen: Annotated[bool | None, Query(description="`false` leaves specimens out; `true` shows only them.")] = None,
) -> SearchFilters:
    """The clause filters of search and similar-clause look-ups; every one given must hold."""
    return SearchFilters(
        jenis=jenis, daerah=daerah, provinsi=provinsi, tingkat=tingkat, tahun_min=tahun_min,
        tahun_max=tahun_max, status=status, bagian=bagian, spesimen=spesimen,
    )


FiltersDep = Annotated[SearchFilters, Depends(search_filters)]


@dataclass(frozen=True)
class RegulationFilters:
    """Which regulations a list is narrowed to; every filter given must hold (case-insensitive)."""

    jenis: str | None = None
    daerah: str | None = None
    provinsi: str | None = None
    tingkat: str | None = None
    tahun: int | None = None


def regulation_filters(
    jenis: Annotated[str | None, Query(description="Kind, full or short name: `Peraturan Bupati`, `Perbup`, `UU`.")] = None,
    daerah: Annotated[str | None, Query(description="Region, with or without its level: `Kabupaten Batang` or `Batang`; `Nasional`.")] = None,
    provinsi: Annotated[str | None, Query(description="Province of a regional regulation: `Jawa Tengah`.")] = None,
    tingkat: Annotated[str | None, Query(description="Level: nasional, provinsi, kabupaten or kota.")] = None,
    tahun: Annotated[int | None, Query(ge=1800, le=2200, description="Year of enactment.")] = None,
) -> RegulationFilters:
    """The regulation filters of the regulation list and the coverage matrix."""
    return RegulationFilters(jenis=jenis, daerah=daerah, provinsi=provinsi, tingkat=tingkat, tahun=tahun)


RegulationFiltersDep = Annotated[RegulationFilters, Depends(regulation_filters)]
