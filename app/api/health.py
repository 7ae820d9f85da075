"""Liveness: the service answers and its database can be read."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from app.api.deps import SessionDep
from app.kb.store import count_regulations

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    regulations: int


@router.get("/healthz", summary="Health check", response_model=Health)
def healthz(session: SessionDep) -> Health:
    """`ok` and how many regulations the knowledge base holds (so the database was reached)."""
    return Health(status="ok", regulations=count_regulations(session=session))
