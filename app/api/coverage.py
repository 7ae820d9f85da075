"""Topics by regulations, each cell naming the Pasal that cover the topic: ``GET /api/v1/coverage``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import RegulationFiltersDep, SessionDep
from app.compare.coverage import Selection, coverage_of
from app.models import Coverage, ErrorMessage

router = APIRouter(prefix="/api/v1", tags=["compare"])


def _listed(value: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (value or "").split(",") if item.strip())


@router.get(
    "/coverage", response_model=Coverage, summary="Coverage of topics by regulations",
    responses={400: {"model": ErrorMessage, "description": "An unknown topic key."},
               404: {"model": ErrorMessage, "description": "An unknown regulation id."}},
)
def coverage_matrix(
    session: SessionDep,
    filters: RegulationFiltersDep,
    ids: Annotated[str | None, Query(max_length=4000, description="Regulation ids, comma-separated: `perbup-batang-2019-23,perda-prov-jawa-tengah-2019-11`. Without them, the filters choose.")] = None,
    topik: Annotated[str | None, Query(max_length=2000, description="Topic keys, comma-separated (all when left out): `dewan-smart-city,pendanaan`.")] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many regulations (filters only), newest first.")] = 20,
) -> Coverage:
    """A matrix of topics (the six smart-city dimensions, SPBE domains and elements, Dewan Smart City,
    Tim Koordinasi SPBE, command center, masterplan, pendanaan, evaluasi ...) by regulations: each
    cell names the Pasal that cover the topic, found by the phrases of the topic lexicon
    (`app/data/topik.toml`) in the Pasal's text or its headings, read region-neutrally."""
    selection = Selection(ids=_listed(ids), **asdict(filters), limit=limit)
    return coverage_of(session, selection, topic_keys=_listed(topik))
