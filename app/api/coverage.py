"""Topics by regulations, each cell naming the Pasal that cover the topic: ``GET /api/v1/coverage``
and its CSV twin ``GET /api/v1/coverage.csv``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from app.api.deps import RegulationFiltersDep, SessionDep
from app.compare.coverage import Selection, coverage_of
from app.compare.report import coverage_csv
from app.models import Coverage, ErrorMessage

router = APIRouter(prefix="/api/v1", tags=["compare"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorMessage, "description": "An unknown topic key."},
    404: {"model": ErrorMessage, "description": "An unknown regulation id."},
}


def listed(value: str | None) -> tuple[str, ...]:
    """``"a, b,,c"`` -> ``("a", "b", "c")``."""
    return tuple(item.strip() for item in (value or "").split(",") if item.strip())


def coverage_matrix(
    session: SessionDep,
    filters: RegulationFiltersDep,
    ids: Annotated[str | None, Query(max_length=4000, description="Regulation ids, comma-separated: `perbup-batang-2019-23,perda-prov-jawa-tengah-2019-11`. Without them, the filters choose.")] = None,
    topik: Annotated[str | None, Query(max_length=2000, description="Topic keys, comma-separated (all when left out): `dewan-smart-city,pendanaan`.")] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many regulations (filters only), newest first.")] = 20,
) -> Coverage:
    """The matrix asked for by the query: ``ids`` or the filters choose the regulations, ``topik`` the topics."""
    selection = Selection(ids=listed(ids), **asdict(filters), limit=limit)
    return coverage_of(session, selection, topic_keys=listed(topik))


CoverageDep = Annotated[Coverage, Depends(coverage_matrix)]


@router.get("/coverage", response_model=Coverage, summary="Coverage of topics by regulations", responses=ERRORS)
def coverage_json(matrix: CoverageDep) -> Coverage:
    """A matrix of topics (the six smart-city dimensions, SPBE domains and elements, Dewan Smart City,
    Tim Koordinasi SPBE, command center, masterplan, pendanaan, evaluasi ...) by regulations: each
    cell names the Pasal that cover the topic, found by the phrases of the topic lexicon
    (`app/data/topik.toml`) in the Pasal's text or its headings, read region-neutrally."""
    return matrix


@router.get(
    "/coverage.csv", response_class=Response, summary="Coverage of topics by regulations: CSV",
    responses={200: {"content": {"text/csv": {}}}, **ERRORS},
)
def coverage_download(matrix: CoverageDep) -> Response:
    """The matrix of `GET /api/v1/coverage` (same parameters) as CSV: one row per topic (`kunci`,
    `nama`, `kelompok`), one column per regulation id, each cell the Pasal numbers; as an attachment."""
    return Response(coverage_csv(matrix), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="cakupan.csv"'})
