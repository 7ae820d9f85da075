"""Drafts (rancangan): made from a stored regulation or an uploaded file for another region and
kind, extended, edited, moved, checked. Reads are open; every change needs an API key, as uploads do."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Path, Query, Response

from app.api.deps import OptionalUploadDep, SessionDep, require_api_key
from app.drafting import store
from app.drafting.export import FORMATS, write
from app.errors import InvalidInput
from app.kb.ingest import parse_upload
from app.models import (
    DraftCheck, DraftPatch, DraftProvisionCreate, DraftProvisionEdit, DraftProvisionMove, DraftRead, DraftSummary,
    ErrorMessage,
)

router = APIRouter(prefix="/api/v1", tags=["drafts"])

#: ids are database integers: beyond 2**31 - 1 none exists (and PostgreSQL cannot even compare one)
DraftId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The draft's id.")]
ProvisionId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The provision's id in the draft (`provisions[].id`).")]
KEY = [Depends(require_api_key)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorMessage, "description": "No such draft or provision."}}
CHANGE: dict[int | str, dict[str, Any]] = {
    **NOT_FOUND,
    400: {"model": ErrorMessage, "description": "A value the draft cannot take: an unknown kind or region, a kind "
                                                "of another level, a position out of range, a text that is no Pasal."},
    401: {"model": ErrorMessage, "description": "No key in header `X-API-Key`, or an unknown one."},
    403: {"model": ErrorMessage, "description": "Changes are disabled: `SELARAS_API_KEYS` is not set."},
}


@router.get("/drafts", response_model=list[DraftSummary], summary="List drafts")
def list_drafts(session: SessionDep) -> list[DraftSummary]:
    """Every draft, the most recently changed first."""
    return store.list_drafts(session=session)


@router.post(
    "/drafts", response_model=DraftRead, status_code=201, summary="Make a draft", dependencies=KEY,
    responses={**CHANGE, 404: {"model": ErrorMessage, "description": "An unknown regulation, or a BAB/Pasal it lacks."},
               413: {"model": ErrorMessage, "description": "The file is larger than `SELARAS_UPLOAD_MAX_MB`."},
               422: {"model": ErrorMessage, "description": "The file cannot be read as a regulation."}},
)
def create_draft(
    session: SessionDep,
    upload: OptionalUploadDep,
    response: Response,
    jenis: Annotated[str, Form(description="The draft's kind: `Perda Provinsi`, `Peraturan Daerah`, `Pergub`, `Perbup`, `Perwal`.")],
    daerah: Annotated[str, Form(description="The draft's region: `Provinsi Jawa Tengah`, `Kabupaten Kendal`.")],
    source: Annotated[str | None, Form(description="The stored regulation to start from: `perbup-batang-2019-23` (or send `file`).")] = None,
    pasal: Annotated[str | None, Form(description="Only these BAB, Bagian, Paragraf and Pasal of it, comma-separated node ids: `bab-1,pasal-16`.")] = None,
    judul: Annotated[str | None, Form(description="The title (else the source's, adapted).")] = None,
    tahun: Annotated[int | None, Form(ge=1945, le=2200, description="The year (else this year).")] = None,
) -> DraftRead:
    """A new draft of kind `jenis` for region `daerah`, made from a stored regulation (`source`) or
    an uploaded file (`file`, parsed, not stored as a regulation): its whole body, or the BAB and
    Pasal `pasal` names with the groups above them. The answer is the draft assembled (as `GET`
    gives it): every provision adapted and numbered, every change made and every flag raised."""
    if (source is None) == (upload is None):
        raise InvalidInput("Beri salah satu: 'source' (id peraturan) atau 'file' (give a regulation id or a file).")
    picks = [item.strip() for item in (pasal or "").split(",") if item.strip()]
    document = parse_upload(upload.data, upload.filename) if upload is not None else None
    draft = store.create_draft(session=session, jenis=jenis, daerah=daerah, regulation_id=source, document=document,
                               source_name=upload.filename if upload else None, picks=picks, judul=judul, tahun=tahun)
    response.headers["Location"] = f"{router.prefix}/drafts/{draft.id}"
    return store.draft_view(session=session, draft_id=draft.id or 0)


@router.get("/drafts/{draft_id}", response_model=DraftRead, responses=NOT_FOUND, summary="One draft, assembled")
def get_draft(session: SessionDep, draft_id: DraftId) -> DraftRead:
    """The draft as it reads now: title, Menimbang and Mengingat as printed, its provisions in order
    with their numbers and adapted text and where each came from, every change made (`changes`:
    provision, before, after, rule) and every flag that needs a human decision (`flags`)."""
    return store.draft_view(session=session, draft_id=draft_id)


@router.patch("/drafts/{draft_id}", response_model=DraftRead, responses=CHANGE, dependencies=KEY, summary="Change a draft")
def patch_draft(session: SessionDep, draft_id: DraftId, patch: DraftPatch) -> DraftRead:
    """Change the title, year, target kind and region (adaptation follows), or the whole Menimbang
    or Mengingat."""
    store.update_draft(session=session, draft_id=draft_id, **patch.model_dump(exclude_unset=True))
    return store.draft_view(session=session, draft_id=draft_id)


@router.delete("/drafts/{draft_id}", status_code=204, responses=CHANGE, dependencies=KEY, summary="Delete a draft")
def delete_draft(session: SessionDep, draft_id: DraftId) -> Response:
    store.delete_draft(session=session, draft_id=draft_id)
    return Response(status_code=204)


@router.post("/drafts/{draft_id}/provisions", response_model=DraftRead, status_code=201, responses=CHANGE,
             dependencies=KEY, summary="Add a provision")
def add_provision(session: SessionDep, draft_id: DraftId, provision: DraftProvisionCreate) -> DraftRead:
    """Add a provision picked from any stored regulation (`source`: a provision id from search or
    similar-clause results; a BAB comes with what it holds, an ayat becomes a Pasal), or a new one
    (`kind` with `text` or `heading`), at `position` (the end when left out)."""
    store.add_provision(session=session, draft_id=draft_id, **provision.model_dump(exclude_unset=True))
    return store.draft_view(session=session, draft_id=draft_id)


@router.patch("/drafts/{draft_id}/provisions/{provision_id}", response_model=DraftRead, responses=CHANGE,
              dependencies=KEY, summary="Edit a provision")
def edit_provision(session: SessionDep, draft_id: DraftId, provision_id: ProvisionId, edit: DraftProvisionEdit) -> DraftRead:
    """Replace a Pasal's content or a group's heading; the provision is the drafter's own from then on."""
    store.edit_provision(session=session, draft_id=draft_id, provision_id=provision_id, **edit.model_dump(exclude_unset=True))
    return store.draft_view(session=session, draft_id=draft_id)


@router.delete("/drafts/{draft_id}/provisions/{provision_id}", response_model=DraftRead, responses=CHANGE,
               dependencies=KEY, summary="Remove a provision")
def remove_provision(session: SessionDep, draft_id: DraftId, provision_id: ProvisionId) -> DraftRead:
    """Remove a provision (a BAB, Bagian or Paragraf with what it holds)."""
    store.remove_provision(session=session, draft_id=draft_id, provision_id=provision_id)
    return store.draft_view(session=session, draft_id=draft_id)


@router.post("/drafts/{draft_id}/provisions/{provision_id}/move", response_model=DraftRead, responses=CHANGE,
             dependencies=KEY, summary="Move a provision")
def move_provision(session: SessionDep, draft_id: DraftId, provision_id: ProvisionId, move: DraftProvisionMove) -> DraftRead:
    """Move a provision (a group with what it holds) to `position` among the provisions that remain."""
    store.move_provision(session=session, draft_id=draft_id, provision_id=provision_id, position=move.position)
    return store.draft_view(session=session, draft_id=draft_id)


@router.get("/drafts/{draft_id}/check", response_model=DraftCheck, responses=NOT_FOUND, summary="Check a draft")
def check_draft(session: SessionDep, draft_id: DraftId) -> DraftCheck:
    """Numbering continuity, unresolved cross-references, terms defined and never used or used and
    never defined, source region names left over, and Mengingat items citing an act a stored
    regulation revokes."""
    return store.check_draft(session=session, draft_id=draft_id)


@router.get(
    "/drafts/{draft_id}/export", response_class=Response, summary="Export a draft",
    responses={**NOT_FOUND, 200: {"description": "The file, as an attachment.",
                                  "content": {media: {} for _writer, media, _suffix in FORMATS.values()}}},
)
def export_draft(
    session: SessionDep,
    draft_id: DraftId,
    output_format: Annotated[Literal["docx", "txt", "html", "matrix", "matrix-docx"], Query(
        alias="format", description="`docx` or `html` (as printed), `txt` (plain text that `selaras parse` reads back), "
                                    "`matrix` (the comparison matrix as HTML) or `matrix-docx` (the same as a Word table).")] = "docx",
) -> Response:
    """The draft assembled, as a file: `rancangan-<id>.docx`, `.txt`, `.html`, or its comparison matrix (draft
    provision | source provision | change) `rancangan-<id>-matriks.html` / `.docx`."""
    _draft, done = store.assembled(session=session, draft_id=draft_id)
    _writer, media, suffix = FORMATS[output_format]
    name = f"rancangan-{draft_id}{'-matriks' if output_format.startswith('matrix') else ''}{suffix}"
    return Response(content=write(done, output_format), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
