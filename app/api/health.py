"""Liveness and readiness: ``/healthz`` (the process answers, its database can be read) and
``/readyz`` (the database and the search index both answer: the service can take traffic)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.api.deps import SessionDep
from app.errors import SelarasError
from app.index.schema import get_handle
from app.kb.store import count_regulations

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    regulations: int


class Readiness(BaseModel):
    status: str  # ready | not ready
    database: str  # ok, or what went wrong
    index: str
    clauses: int | None = None


@router.get("/healthz", summary="Health check", response_model=Health)
def healthz(session: SessionDep) -> Health:
    """`ok` and how many regulations the knowledge base holds (so the database was reached)."""
    return Health(status="ok", regulations=count_regulations(session=session))


@router.get(
    "/readyz", summary="Readiness check", response_model=Readiness,
    responses={503: {"model": Readiness, "description": "The database or the search index cannot be read."}},
)
def readyz(session: SessionDep, response: Response) -> Readiness:
    """`ready` when the database answers a query and the search index can be searched (with how
    many clauses it holds); else 503 and, for each, what went wrong."""
    try:
        session.exec(text("SELECT 1"))  # type: ignore[call-overload]
        database = "ok"
    except SQLAlchemyError as error:
        database = f"error: {type(error).__name__}"
    clauses = None
    try:
        clauses = get_handle().searcher().doc_count()
        index = "ok"
    except (SelarasError, OSError) as error:
        index = f"error: {getattr(error, 'message', None) or type(error).__name__}"
    ready = database == "ok" and index == "ok"
    if not ready:
        response.status_code = 503
    return Readiness(status="ready" if ready else "not ready", database=database, index=index, clauses=clauses)
