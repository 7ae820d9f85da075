"""Unggah (``/unggah``): upload a regulation's file with an API key, as ``POST /api/v1/regulations``
does (the same key check, form fields and ``accept_upload``), and land on the new regulation.

A file read at once (text, DOCX, HTML, a PDF with its text layer) is stored while the page waits,
which then links to it. A scan or a page image is left to a background job, as the API leaves it:
the answer is 303 to the job's page, ``/unggah/tugas/{id}``, which shows its progress and reloads
itself (a few lines of script ask ``GET /api/v1/jobs/{id}``; without script, a meta refresh) until
the job ends: done, it answers 303 to the new regulation; failed, it says why in Indonesian.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.api.deps import SessionDep, SettingsDep, UploadDep, UploadFieldsDep, WorkerDep, require_form_key
from app.kb import jobs
from app.models import IngestResult, Job, JobRead
from app.web.errors import TITLES
from app.web.templating import page

router = APIRouter()

#: seconds between two looks at a job that has not ended
REFRESH = 3


@router.get("/unggah", response_class=HTMLResponse)
def upload_form(request: Request, settings: SettingsDep) -> HTMLResponse:
    return page(request, "upload.html", {"enabled": bool(settings.api_keys), "result": None})


@router.post("/unggah", response_class=HTMLResponse, dependencies=[Depends(require_form_key)])
def upload(request: Request, session: SessionDep, worker: WorkerDep, file: UploadDep, fields: UploadFieldsDep) -> Response:
    """Store the file and say what happened, or follow its background job on the job's page."""
    outcome = jobs.accept_upload(session=session, worker=worker, data=file.data, filename=file.filename, overrides=fields)
    if isinstance(outcome, Job):
        return RedirectResponse(f"/unggah/tugas/{outcome.id}", status_code=303)
    regulation, status = outcome
    return page(request, "upload.html", {"enabled": True, "result": IngestResult.of(regulation, status)},
                status_code=201 if status == "added" else 200)


@router.get("/unggah/tugas/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, session: SessionDep, job_id: Annotated[str, Path(max_length=100)]) -> Response:
    """A job waiting or running: its progress; done: 303 to the regulation; failed: why."""
    job = JobRead.model_validate(jobs.get_job(session=session, job_id=job_id))
    if job.status == "done":
        return RedirectResponse(f"/peraturan/{job.regulation_id}", status_code=303)
    failure = TITLES.get(job.error_status or 500, TITLES[500]) if job.status == "failed" else None
    return page(request, "job.html", {"job": job, "failure": failure, "refresh": REFRESH})
