"""Background jobs: an upload that needs OCR is stored by the worker while its client polls.

``accept_upload`` decides how an upload (``POST /api/v1/regulations``) is handled:

1. a file with no page to OCR (text, DOCX, HTML, a PDF with its text layer) is stored at once,
   as ``app.kb.ingest.ingest_upload`` stores it, and so is refused at once;
2. a file with pages to OCR (a scan, a page image) is checked first: a damaged file
   (UnreadableFile), more pages than ``SELARAS_OCR_MAX_PAGES`` (TooLarge) and a bad form field
   (InvalidInput) are refused at once, and the same bytes with the same fields stored already are
   ``unchanged`` at once;
3. else a ``Job`` row is written (``queued``) and the worker runs ``run_upload``: the job is
   ``running``, ``pages_done`` counts the pages OCR has read, then it is ``done`` with the
   regulation's id and what the upload did (``added``, ``updated``, ``unchanged``), or ``failed``
   with the message and the HTTP status its error would have had in a direct answer. A failed
   job stores nothing (``ingest_upload`` stores in one transaction).

Jobs are rows of the database, so they outlive the process; the uploaded bytes are held in memory
until the job ends. A job still ``queued`` or ``running`` when the API starts (the server stopped
or crashed meanwhile) is marked failed by ``fail_interrupted``, with the message ``INTERRUPTED``;
so is a job the worker is asked to stop (at its next page). Each job records the process that
runs it (``app.kb.worker.PROCESS``): the service's worker processes share the database, and one
starting marks failed only the jobs of processes of its host that are gone.
"""

from __future__ import annotations

import logging
import threading
import uuid
from typing import Any, Mapping

from sqlmodel import Session, col, func, select

from app.db import get_engine
from app.errors import Interrupted, NotFound, SelarasError
from app.kb.ingest import ingest_upload, stored_unchanged, upload_name, upload_ocr_pages
from app.kb.store import SaveStatus, clean_overrides
from app.kb.worker import PROCESS, Worker, gone
from app.models import Job, Regulation, utcnow

logger = logging.getLogger(__name__)

INTERRUPTED = (
    "Dihentikan sebelum selesai karena server berhenti; unggah berkasnya lagi "
    "(interrupted: the server stopped before the job ended; upload the file again)."
)
UNFINISHED = ("queued", "running")


def accept_upload(
    *, session: Session, worker: Worker, data: bytes, filename: str | None, overrides: Mapping[str, Any] | None,
) -> Job | tuple[Regulation, SaveStatus]:
    """Store an upload now, ``(regulation, status)``, or leave it to a background job when it needs
    OCR: the ``Job`` queued (see the module docstring). Raises what the upload is refused for."""
    pages = upload_ocr_pages(data, filename)
    if not pages:
        return ingest_upload(session=session, data=data, filename=filename, overrides=overrides)
    known = stored_unchanged(session=session, data=data, overrides=clean_overrides(overrides))
    if known is not None:
        return known, "unchanged"
    job = Job(id=uuid.uuid4().hex, filename=upload_name(filename), pages_total=pages, process=PROCESS)
    session.add(job)
    session.commit()
    session.refresh(job)
    worker.submit(run_upload, job.id, data=data, filename=filename, overrides=dict(overrides or {}),
                  stopping=worker.stopping)
    return job


def run_upload(job_id: str, *, data: bytes, filename: str | None, overrides: Mapping[str, Any],
               stopping: threading.Event) -> None:
    """Store an upload as job ``job_id`` does (in the worker's thread), recording on the job its
    pages as OCR reads them and how it ended; ``stopping`` set ends it at its next page."""

    def progress(done: int, total: int) -> None:
        if stopping.is_set():
            raise Interrupted(INTERRUPTED)
        _record(job_id, pages_done=done, pages_total=total)

    _record(job_id, status="running")
    with Session(get_engine()) as session:
        try:
            regulation, result = ingest_upload(
                session=session, data=data, filename=filename, overrides=overrides, progress=progress,
            )
        except SelarasError as error:
            session.rollback()
            _record(job_id, status="failed", error=error.message, error_status=error.status_code, finished_at=utcnow())
        except Exception as error:  # noqa: BLE001  (the job says what happened; the worker goes on)
            session.rollback()
            logger.exception("job %s failed", job_id)
            _record(job_id, status="failed", error=f"Kesalahan tak terduga (unexpected error): {type(error).__name__}: {error}",
                    error_status=500, finished_at=utcnow())
        else:
            _record(job_id, status="done", regulation_id=regulation.id, result=result, finished_at=utcnow())


def _record(job_id: str, **fields: Any) -> None:
    """Write ``fields`` on the job, in a transaction of their own (the upload's is still open)."""
    with Session(get_engine()) as session:
        job = session.get(Job, job_id)
        if job is None:
            return
        for name, value in fields.items():
            setattr(job, name, value)
        session.add(job)
        session.commit()


def get_job(*, session: Session, job_id: str) -> Job:
    """The job ``job_id``; NotFound when there is none."""
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound(f"Pekerjaan '{job_id}' tidak ditemukan (job not found).")
    return job


def list_jobs(*, session: Session, offset: int = 0, limit: int = 50) -> tuple[list[Job], int]:
    """A page of jobs, newest first, and how many there are in all."""
    total = session.exec(select(func.count()).select_from(Job)).one()
    jobs = session.exec(select(Job).order_by(col(Job.created_at).desc(), col(Job.id)).offset(offset).limit(limit))
    return list(jobs), total


def fail_interrupted(*, session: Session) -> int:
    """Mark failed, with ``INTERRUPTED``, every job left queued or running by a server process that
    has stopped (on this host; a job of no known process too); how many."""
    jobs = [job for job in session.exec(select(Job).where(col(Job.status).in_(UNFINISHED)))
            if job.process is None or gone(job.process)]
    for job in jobs:
        job.status, job.error, job.error_status, job.finished_at = "failed", INTERRUPTED, Interrupted.status_code, utcnow()
        session.add(job)
    session.commit()
    return len(jobs)
