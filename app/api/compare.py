"""Two regulations lined up Pasal by Pasal: ``GET /api/v1/compare`` (both ingested) and
``POST /api/v1/compare`` (an uploaded draft against an ingested regulation)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import SessionDep, UploadDep
from app.compare.regulations import Side, compare, regulation_side
from app.errors import InvalidInput
from app.kb.ingest import parse_upload
from app.models import Comparison, ErrorMessage, UnreadableOrInvalid

router = APIRouter(prefix="/api/v1", tags=["compare"])


@router.get(
    "/compare", response_model=Comparison, summary="Compare two regulations",
    responses={404: {"model": ErrorMessage, "description": "A regulation id is unknown."}},
)
def compare_regulations(
    session: SessionDep,
    a: Annotated[str, Query(min_length=1, max_length=200, description="Id of regulation A: `perbup-batang-2019-23`.")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="Id of regulation B: `perda-jateng-2019-11`.")],
) -> Comparison:
    """Pasal pairs (`identical`, `adapted`, `merged`, `split`) with a score, a word diff and their ayat
    aligned; the Pasal only in A or only in B; the share of A carried into B, by BAB; and how the
    definitions of Pasal 1 differ. Region and level words (Bupati/Gubernur, Kabupaten X/Provinsi Y,
    Berita/Lembaran Daerah ...) do not count as changes; the texts shown are the originals."""
    return compare(regulation_side(session, a), regulation_side(session, b))


@router.post(
    "/compare", response_model=Comparison, summary="Compare a draft with a regulation",
    responses={400: {"model": ErrorMessage, "description": "Neither or both of `a` and `b` given."},
               404: {"model": ErrorMessage, "description": "The regulation id is unknown."},
               413: {"model": ErrorMessage, "description": "The file is larger than `SELARAS_UPLOAD_MAX_MB`."},
               422: {"model": UnreadableOrInvalid,
                     "description": "The file cannot be read as a regulation, or a parameter is invalid (FastAPI's list)."}},
)
def compare_draft(
    session: SessionDep,
    upload: UploadDep,
    a: Annotated[str | None, Query(max_length=200, description="The ingested regulation is A (the draft is B): `perbup-batang-2019-23`.")] = None,
    b: Annotated[str | None, Query(max_length=200, description="The ingested regulation is B (the draft is A).")] = None,
) -> Comparison:
    """An uploaded draft (parsed, not stored) lined up with an ingested regulation: give `a` when the
    draft adapts that regulation (the draft is B), `b` when the draft is to be read against it (the
    draft is A). The answer is the same as `GET /api/v1/compare`, the draft's side named by its file."""
    if (a is None) == (b is None):
        raise InvalidInput("Beri salah satu: a atau b, id peraturan pembanding (give the regulation id as a or as b).")
    draft = Side(ref=upload.filename or "draft", document=parse_upload(upload.data, upload.filename))
    ingested = regulation_side(session, a or b or "")
    return compare(ingested, draft) if a is not None else compare(draft, ingested)
