"""Cari (``/cari``): clause search with highlighted snippets, facet filters as links, the "maksud
Anda" suggestion and pages of 20 hits; the same ``search`` and filters as ``GET /api/v1/search``.
Each clause of a body can be added to a draft; ``?rancangan=<draft id>`` (the draft page's "Cari
klausul") names the draft, kept through the pages, filters and the reader."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app.api.deps import FiltersDep
from app.index.search import search
from app.web.drafts import DraftChoice
from app.web.paging import paging
from app.web.templating import page

router = APIRouter()

PER_PAGE = 20
#: facets offered as filters, in the order shown, with their names on the page
FACETS = {"jenis": "Jenis", "tingkat": "Tingkat", "provinsi": "Provinsi", "daerah": "Daerah", "tahun": "Tahun"}


@router.get("/cari", response_class=HTMLResponse)
def search_page(
    request: Request,
    filters: FiltersDep,
    q: Annotated[str, Query(max_length=10_000)] = "",
    sort: Literal["relevance", "tahun"] = "relevance",
    page_number: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
    rancangan: DraftChoice = None,
) -> HTMLResponse:
    """The search form; with a query, one page of hits, each body clause with "Tambahkan ke
    rancangan" (to draft ``rancangan``, or to a draft to choose)."""
    result = search(query=q, filters=filters, page=page_number, per_page=PER_PAGE, sort=sort) if q.strip() else None
    return page(request, "search.html", {
        "q": q, "sort": sort, "filters": filters, "result": result, "facets": FACETS,
        "paging": paging(result.total, page_number, PER_PAGE) if result else None, "rancangan": rancangan,
    })
