"""Bandingkan: two regulations side by side (``/bandingkan?a=...&b=...``, the same ``compare`` as
``GET /api/v1/compare``), a draft file against a regulation (``POST /bandingkan``, as
``POST /api/v1/compare``), and the coverage matrix of several regulations
(``/bandingkan/cakupan?ids=...``, as ``GET /api/v1/coverage``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from app.api.deps import SessionDep, UploadDep
from app.compare.coverage import Selection, coverage_of
from app.compare.regulations import compare, draft_comparison, regulation_side
from app.kb import store
from app.models import Comparison
from app.web.templating import page

router = APIRouter()

#: regulations offered in the lists to choose from
CHOICES = 1000
RegulationId = Annotated[str | None, Query(max_length=200)]


def _page(request: Request, session: Session, comparison: Comparison | None, **context: Any) -> HTMLResponse:
    choices, _total = store.list_regulations(session=session, limit=CHOICES)
    return page(request, "compare.html", {"choices": choices, "comparison": comparison, **context})


@router.get("/bandingkan", response_class=HTMLResponse)
def compare_page(request: Request, session: SessionDep, a: RegulationId = None, b: RegulationId = None) -> HTMLResponse:
    """The choice of two regulations; with both, their comparison."""
    comparison = compare(regulation_side(session, a), regulation_side(session, b)) if a and b else None
    return _page(request, session, comparison, a=a, b=b, draft=False)


@router.post("/bandingkan", response_class=HTMLResponse)
def compare_draft_page(
    request: Request,
    session: SessionDep,
    upload: UploadDep,
    peraturan: Annotated[str, Form(min_length=1, max_length=200)],
    rancangan: Annotated[Literal["b", "a"], Form()] = "b",
) -> HTMLResponse:
    """A draft file against regulation ``peraturan``: the draft is B (it adapts the regulation) or A."""
    ingested = {"a": peraturan} if rancangan == "b" else {"b": peraturan}
    comparison = draft_comparison(session, data=upload.data, filename=upload.filename, **ingested)
    return _page(request, session, comparison, a=ingested.get("a"), b=ingested.get("b"), draft=True)


@router.get("/bandingkan/cakupan", response_class=HTMLResponse)
def coverage_page(
    request: Request, session: SessionDep, ids: Annotated[list[str] | None, Query()] = None,
) -> HTMLResponse:
    """The choice of regulations; with some, which of their Pasal cover which topic."""
    chosen = tuple(dict.fromkeys(reg_id for reg_id in ids or [] if reg_id))
    matrix = coverage_of(session, Selection(ids=chosen)) if chosen else None
    choices, _total = store.list_regulations(session=session, limit=CHOICES)
    return page(request, "coverage.html", {"choices": choices, "chosen": chosen, "matrix": matrix})
