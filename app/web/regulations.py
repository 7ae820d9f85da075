"""The regulations: the list (``/peraturan``, filtered as ``GET /api/v1/regulations``), the reader
(``/peraturan/{id}``, see ``app.web.reading``) and the clauses of other regions like one of its
Pasal (``/peraturan/{id}/mirip?pasal=pasal-5``: a page, or with header ``X-Fragment`` only its
list, which the reader loads under the Pasal), each of which can be added to a draft (the reader
passes its ``?rancangan=<draft id>`` on to them)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from app.api.deps import PageDep, RegulationFiltersDep, SessionDep
from app.compare.similar import provision_query, similar
from app.kb import store
from app.web.drafts import DraftChoice
from app.web.paging import paging
from app.web.reading import reading
from app.web.templating import page

router = APIRouter()

#: similar clauses shown for a Pasal (one per regulation)
SIMILAR = 8
RegulationId = Annotated[str, Path(max_length=200)]


@router.get("/peraturan", response_class=HTMLResponse)
def regulation_list(request: Request, session: SessionDep, filters: RegulationFiltersDep, window: PageDep) -> HTMLResponse:
    items, total = store.list_regulations(session=session, **asdict(filters), offset=window.offset, limit=window.limit)
    return page(request, "regulations.html", {
        "items": items, "total": total, "filters": filters,
        "paging": paging(total, window.offset // window.limit + 1, window.limit),
    })


@router.get("/peraturan/{reg_id}", response_class=HTMLResponse)
def regulation_page(request: Request, session: SessionDep, reg_id: RegulationId, rancangan: DraftChoice = None) -> HTMLResponse:
    return page(request, "regulation.html", {"reading": reading(session, reg_id), "rancangan": rancangan})


@router.get("/peraturan/{reg_id}/mirip", response_class=HTMLResponse)
def similar_page(
    request: Request,
    session: SessionDep,
    reg_id: RegulationId,
    pasal: Annotated[str, Query(min_length=1, max_length=300, description="Node id of the Pasal: `pasal-5`.")],
    rancangan: DraftChoice = None,
) -> HTMLResponse:
    provision_id = f"{reg_id}/{pasal}"
    provision = store.get_provision(session=session, provision_id=provision_id)
    result = similar(provision_query(session, provision_id), limit=SIMILAR)
    fragment = "x-fragment" in request.headers
    return page(request, "_similar.html" if fragment else "similar.html",
                {"provision": provision, "result": result, "rancangan": rancangan}, headers={"Vary": "X-Fragment"})
