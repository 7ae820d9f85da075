"""Clause search over every regulation: ``GET /api/v1/search``."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from app.api.deps import FiltersDep, SettingsDep
from app.index.search import search
from app.models import ErrorMessage, SearchResult

router = APIRouter(prefix="/api/v1", tags=["search"])


@router.get(
    "/search", response_model=SearchResult, summary="Search clauses",
    responses={400: {"model": ErrorMessage, "description": "A filter value is not allowed."},
               503: {"model": ErrorMessage, "description": "The search index cannot be read."}},
)
def search_clauses(
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, max_length=10_000, description='Words, "exact phrases", AND/OR/NOT (DAN/ATAU/BUKAN), -word, (brackets). Malformed syntax is searched as plain words.')],
    filters: FiltersDep,
    sort: Annotated[Literal["relevance", "tahun"], Query(description="`relevance` (BM25F) or `tahun` (newest first).")] = "relevance",
    page: Annotated[int, Query(ge=1, le=10_000, description="Page number, from 1.")] = 1,
    per_page: Annotated[int | None, Query(ge=1, description="Hits per page (20 by default, at most `page_size_max`).")] = None,
) -> SearchResult:
    """Clauses (ayat, or Pasal without ayat; Penjelasan and Lampiran too) matching the query and every
    filter, ranked, with highlighted snippets (HTML, matches in `<mark>`), facet counts over all hits,
    and a "maksud Anda" suggestion when the query finds little."""
    size = min(per_page or 20, settings.page_size_max)
    return search(query=q, filters=filters, page=page, per_page=size, sort=sort)
