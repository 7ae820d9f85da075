"""Two regulations lined up Pasal by Pasal: ``GET /api/v1/compare`` (both ingested), its printable
report and CSV twins ``GET /api/v1/compare.html`` and ``GET /api/v1/compare.csv``, and
``POST /api/v1/compare`` (an uploaded draft against an ingested regulation)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response

from app.api.deps import SessionDep, UploadDep
from app.compare.regulations import compare, draft_comparison, regulation_side
from app.compare.report import to_csv, to_html
from app.models import Comparison, ErrorMessage, UnreadableOrInvalid

router = APIRouter(prefix="/api/v1", tags=["compare"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorMessage, "description": "A regulation id is unknown."}}
#: the same for the HTML report, whose errors are JSON all the same (FastAPI would document them
#: as text/html, the route's media type)
HTML_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {
    "description": "A regulation id is unknown.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorMessage"}}},
}}


def compare_ingested(
    session: SessionDep,
    a: Annotated[str, Query(min_length=1, max_length=200, description="Id of regulation A: `perbup-batang-2019-23`.")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="Id of regulation B: `perda-jateng-2019-11`.")],
) -> Comparison:
    """Regulations ``a`` and ``b`` of the knowledge base, compared (NotFound for an unknown id)."""
    return compare(regulation_side(session, a), regulation_side(session, b))


ComparisonDep = Annotated[Comparison, Depends(compare_ingested)]


def _attachment(comparison: Comparison, suffix: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="perbandingan-{comparison.a.ref}-{comparison.b.ref}.{suffix}"'}


@router.get("/compare", response_model=Comparison, summary="Compare two regulations", responses=NOT_FOUND)
def compare_regulations(comparison: ComparisonDep) -> Comparison:
    """Pasal pairs (`identical`, `adapted`, `merged`, `split`) with a score, a word diff and their ayat
    aligned; the Pasal only in A or only in B; the share of A carried into B, by BAB; and how the
    definitions of Pasal 1 differ. Region and level words (Bupati/Gubernur, Kabupaten X/Provinsi Y,
    Berita/Lembaran Daerah ...) do not count as changes; the texts shown are the originals."""
    return comparison


@router.get(
    "/compare.html", response_class=HTMLResponse, summary="Compare two regulations: printable report",
    responses={200: {"content": {"text/html": {}}}, **HTML_NOT_FOUND},
)
def compare_report(comparison: ComparisonDep) -> HTMLResponse:
    """The comparison of `GET /api/v1/compare` as one self-contained HTML page to print (words only
    in A struck through, words only in B underlined), as an attachment."""
    return HTMLResponse(to_html(comparison), headers=_attachment(comparison, "html"))


@router.get(
    "/compare.csv", response_class=Response, summary="Compare two regulations: CSV of the pairs",
    responses={200: {"content": {"text/csv": {}}}, **NOT_FOUND},
)
def compare_csv(comparison: ComparisonDep) -> Response:
    """One row per Pasal pair (`pasal_a`, `pasal_b`, `relation`, `score`, `provision_a`,
    `provision_b`), as an attachment."""
    return Response(to_csv(comparison), media_type="text/csv; charset=utf-8", headers=_attachment(comparison, "csv"))


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
    return draft_comparison(session, data=upload.data, filename=upload.filename, a=a, b=b)
