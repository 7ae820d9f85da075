"""Unggah (``/unggah``): upload a regulation's file with an API key, as ``POST /api/v1/regulations``
does (the same key check, form fields and ``ingest_upload``), and land on the new regulation.

The upload is read, parsed and indexed while the page waits; a file that needs OCR will be a
background job with its progress shown here once the jobs API exists."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from app.api.deps import SessionDep, SettingsDep, UploadDep, UploadFieldsDep, require_api_key
from app.kb.ingest import ingest_upload
from app.models import IngestResult
from app.web.templating import page

router = APIRouter()


@router.get("/unggah", response_class=HTMLResponse)
def upload_form(request: Request, settings: SettingsDep) -> HTMLResponse:
    return page(request, "upload.html", {"enabled": bool(settings.api_keys), "result": None})


@router.post("/unggah", response_class=HTMLResponse)
def upload(
    request: Request,
    settings: SettingsDep,
    session: SessionDep,
    file: UploadDep,
    fields: UploadFieldsDep,
    kunci: Annotated[str, Form(max_length=1000)] = "",
) -> HTMLResponse:
    """Check the key, store the file; the page says what happened and links to the regulation."""
    require_api_key(settings, kunci.strip() or None)
    regulation, status = ingest_upload(session=session, data=file.data, filename=file.filename, overrides=fields)
    return page(request, "upload.html", {"enabled": True, "result": IngestResult.of(regulation, status)},
                status_code=201 if status == "added" else 200)
