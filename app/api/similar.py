"""Clauses of other regulations like a provision or a pasted text: ``GET /api/v1/provisions/{id}/similar``
and ``POST /api/v1/similar``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from app.api.deps import FiltersDep, SessionDep
from app.compare.similar import provision_query, similar, text_query
from app.index.search import SearchFilters
from app.models import ErrorMessage, SimilarRequest, SimilarResult

router = APIRouter(prefix="/api/v1", tags=["compare"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorMessage, "description": "A filter value is not allowed, or there is no text to compare."},
    503: {"model": ErrorMessage, "description": "The search index cannot be read."},
}
HOW = """Candidates come from the clause index (BM25F over the query's rarest region-neutral stems),
each is scored by the mean of the cosine of region-neutral TF-IDF vectors and rapidfuzz's token-sort
ratio, and labelled `identical`, `adapted` or `related`, with a word diff from the query. The best
clause of each regulation is kept, best first. Only the body is looked at unless `bagian` says
otherwise. A whole Pasal with ayat is compared with whole Pasal."""


@router.get(
    "/provisions/{provision_id:path}/similar", response_model=SimilarResult, summary="Clauses like a provision",
    responses={**ERRORS, 404: {"model": ErrorMessage, "description": "No such provision."}},
    description=f"The clauses of other regulations most like this provision (with everything under it).\n\n{HOW}",
)
def similar_to_provision(
    session: SessionDep,
    filters: FiltersDep,
    provision_id: Annotated[str, Path(description="Provision id, e.g. `perbup-batang-2019-23/pasal-16`.")],
    limit: Annotated[int, Query(ge=1, le=50, description="How many clauses (one per regulation).")] = 10,
) -> SimilarResult:
    return similar(provision_query(session, provision_id), filters=filters, limit=limit)


@router.post(
    "/similar", response_model=SimilarResult, summary="Clauses like a pasted text", responses=ERRORS,
    description=f"The clauses most like a pasted text; numbered ayat (1), (2) ... make it a whole Pasal.\n\n{HOW}",
)
def similar_to_text(request: SimilarRequest) -> SimilarResult:
    filters = SearchFilters(**request.model_dump(exclude={"text", "limit"}))
    return similar(text_query(request.text), filters=filters, limit=request.limit)
