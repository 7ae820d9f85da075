"""Beranda (``/``): a search box, what the knowledge base holds, the latest additions, and a short
guide to the four tasks (search, read, compare, draft)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.api.deps import SessionDep
from app.kb.summary import NASIONAL, summary
from app.web.templating import page

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep) -> HTMLResponse:
    return page(request, "home.html", {"summary": summary(session=session), "nasional": NASIONAL})
