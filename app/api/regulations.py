"""Regulations and their provisions: list with filters, one regulation's tree, its original file,
one provision; and the upload of a regulation (with an API key), left to a background job when it
needs OCR."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Response
from fastapi.responses import FileResponse

from app.api.deps import PageDep, RegulationFiltersDep, SessionDep, UploadDep, UploadFieldsDep, WorkerDep, require_api_key
from app.kb import store
from app.kb.jobs import accept_upload
from app.kb.originals import FORMATS, kept_original
from app.models import (
    ErrorMessage, IngestResult, Job, JobAccepted, JobRead, ProvisionDetail, RegulationDetail, RegulationPage, RegulationRead,
    UnreadableOrInvalid,
)

router = APIRouter(prefix="/api/v1", tags=["regulations"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorMessage, "description": "No such id."}}

UPLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": IngestResult, "description": "Nothing new: the same bytes with the same fields (`unchanged`), "
                                                 "or a new version of a stored regulation (`updated`, same id)."},
    202: {"model": JobAccepted, "description": "A scan or a page image, read by OCR in a background job: follow it at "
                                               "the `Location`, `GET /api/v1/jobs/{id}`."},
    400: {"model": ErrorMessage, "description": "A form field has a wrong value (`tahun` not a year, an unknown `tingkat` ...)."},
    401: {"model": ErrorMessage, "description": "No key in header `X-API-Key`, or an unknown one."},
    403: {"model": ErrorMessage, "description": "Uploads are disabled: `SELARAS_API_KEYS` is not set."},
    413: {"model": ErrorMessage, "description": "The file is larger than `SELARAS_UPLOAD_MAX_MB`, or has more pages to "
                                                 "read by OCR than `SELARAS_OCR_MAX_PAGES`."},
    422: {"model": UnreadableOrInvalid, "description": "The file cannot be read as a regulation's text (empty, binary, "
                                                        "damaged, no text found by OCR ...); without the field `file`, "
                                                        "FastAPI's list of the invalid fields."},
    503: {"model": ErrorMessage, "description": "Stored, but the search index could not be written (locked)."},
}


@router.get("/regulations", response_model=RegulationPage, summary="List regulations")
def list_regulations(session: SessionDep, page: PageDep, filters: RegulationFiltersDep) -> RegulationPage:
    """Regulations matching every filter given (case-insensitive), newest year first, one page at a time.
    `total` counts all matches."""
    items, total = store.list_regulations(session=session, **asdict(filters), offset=page.offset, limit=page.limit)
    return RegulationPage(
        total=total, offset=page.offset, limit=page.limit,
        items=[RegulationRead.model_validate(item) for item in items],
    )


@router.get("/regulations/{reg_id}", response_model=RegulationDetail, responses=NOT_FOUND, summary="One regulation")
def get_regulation(
    session: SessionDep,
    reg_id: Annotated[str, Path(description="Regulation id, e.g. `perbup-batang-2019-23`.")],
) -> RegulationDetail:
    """A regulation's metadata and provenance, its Menimbang and Mengingat, and its whole tree:
    body, Penjelasan and Lampiran, each node with its provision id."""
    return store.regulation_tree(session=session, reg_id=reg_id)


@router.post(
    "/regulations", response_model=IngestResult | JobAccepted, status_code=201, summary="Upload a regulation",
    response_description="A new regulation (`added`).",
    dependencies=[Depends(require_api_key)], responses=UPLOAD_RESPONSES,
)
def upload_regulation(
    session: SessionDep,
    upload: UploadDep,
    fields: UploadFieldsDep,
    response: Response,
    worker: WorkerDep,
) -> IngestResult | JobAccepted:
    """Parse an uploaded file and store it as `selaras ingest` stores one, the form fields over what
    the parser read (as a sidecar's); its original is kept and its clauses are indexed at once.
    201 when it is new; 200 when the same bytes were stored already (`unchanged`) or it replaced a
    stored version of the same regulation (`updated`). A scan or a page image is read by OCR in a
    background job: 202 with the job, whose address is the `Location`. Needs a key of
    `SELARAS_API_KEYS` in header `X-API-Key`. A file that cannot be read stores nothing."""
    outcome = accept_upload(session=session, worker=worker, data=upload.data, filename=upload.filename, overrides=fields)
    if isinstance(outcome, Job):
        response.status_code = 202
        response.headers["Location"] = f"{router.prefix}/jobs/{outcome.id}"
        return JobAccepted(job=JobRead.model_validate(outcome))
    regulation, status = outcome
    response.status_code = 201 if status == "added" else 200
    response.headers["Location"] = f"{router.prefix}/regulations/{regulation.id}"
    return IngestResult.of(regulation, status)


@router.get(
    "/regulations/{reg_id}/original", response_class=FileResponse, summary="A regulation's original file",
    responses={
        200: {"description": "The file exactly as ingested, named `<id><suffix>`.",
              "content": {media_type: {} for _suffix, media_type in FORMATS.values()}},
        404: {"model": ErrorMessage, "description": "No such id, or no original kept (ingested before originals were kept)."},
    },
)
def download_original(
    session: SessionDep,
    reg_id: Annotated[str, Path(description="Regulation id, e.g. `perbup-batang-2019-23`.")],
) -> FileResponse:
    """The file the regulation was parsed from, byte for byte, as an attachment. Text and HTML are
    sent without a charset: the bytes are the file's, in whatever encoding it had."""
    kept = kept_original(store.get_regulation(session=session, reg_id=reg_id))
    return FileResponse(kept.path, filename=kept.filename, headers={"Content-Type": kept.media_type})


@router.get("/provisions/{provision_id:path}", response_model=ProvisionDetail, responses=NOT_FOUND, summary="One provision")
def get_provision(
    session: SessionDep,
    provision_id: Annotated[str, Path(description="Provision id, e.g. `perbup-batang-2019-23/pasal-5/ayat-2`.")],
) -> ProvisionDetail:
    """A provision (BAB, Pasal, ayat, huruf ...) with everything under it, its parent's id and its
    regulation's metadata."""
    return store.get_provision(session=session, provision_id=provision_id)
