"""Two ingested regulations lined up Pasal by Pasal: ``GET /api/v1/compare``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import SessionDep
from app.compare.regulations import compare, regulation_side
from app.models import Comparison, ErrorMessage

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
