"""Background jobs: the uploads that OCR reads after the answer (``POST /api/v1/regulations`` 202),
followed at ``GET /api/v1/jobs/{id}``; the list of them needs an API key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from app.api.deps import PageDep, SessionDep, require_api_key
from app.kb import jobs
from app.models import ErrorMessage, JobPage, JobRead

router = APIRouter(prefix="/api/v1", tags=["jobs"])


@router.get(
    "/jobs", response_model=JobPage, summary="List background jobs", dependencies=[Depends(require_api_key)],
    responses={401: {"model": ErrorMessage, "description": "No key in header `X-API-Key`, or an unknown one."},
               403: {"model": ErrorMessage, "description": "`SELARAS_API_KEYS` is not set."}},
)
def list_jobs(session: SessionDep, page: PageDep) -> JobPage:
    """Every upload left to a background job, newest first, one page at a time (`total` counts them
    all). Needs a key of `SELARAS_API_KEYS` in header `X-API-Key`: it names every uploader's files."""
    items, total = jobs.list_jobs(session=session, offset=page.offset, limit=page.limit)
    return JobPage(total=total, offset=page.offset, limit=page.limit, items=[JobRead.model_validate(job) for job in items])


@router.get(
    "/jobs/{job_id}", response_model=JobRead, summary="One background job",
    responses={404: {"model": ErrorMessage, "description": "No such job."}},
)
def get_job(
    session: SessionDep,
    job_id: Annotated[str, Path(description="The job's id, from the `Location` of the upload's 202 answer.")],
) -> JobRead:
    """Where an upload's job stands: `queued`, `running` (`pages_done` of `pages_total` read by OCR),
    `done` (`regulation_id`, `result`) or `failed` (`error`, `error_status`). Poll it every few
    seconds; its id, handed to the uploader only, is its key."""
    return JobRead.model_validate(jobs.get_job(session=session, job_id=job_id))
