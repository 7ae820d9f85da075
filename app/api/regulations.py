"""Regulations and their provisions, read-only: list with filters, one regulation's tree, one provision."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from app.api.deps import PageDep, SessionDep
from app.kb import store
from app.models import ErrorMessage, ProvisionDetail, RegulationDetail, RegulationPage, RegulationRead

router = APIRouter(prefix="/api/v1", tags=["regulations"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorMessage, "description": "No such id."}}


@router.get("/regulations", response_model=RegulationPage, summary="List regulations")
def list_regulations(
    session: SessionDep,
    page: PageDep,
    jenis: Annotated[str | None, Query(description="Kind, full or short name: `Peraturan Bupati`, `Perbup`, `UU`.")] = None,
    daerah: Annotated[str | None, Query(description="Region, with or without its level: `Kabupaten Batang` or `Batang`; `Nasional`.")] = None,
    provinsi: Annotated[str | None, Query(description="Province of a regional regulation: `Jawa Tengah`.")] = None,
    tingkat: Annotated[str | None, Query(description="Level: nasional, provinsi, kabupaten or kota.")] = None,
    tahun: Annotated[int | None, Query(ge=1800, le=2200, description="Year of enactment.")] = None,
) -> RegulationPage:
    """Regulations matching every filter given (case-insensitive), newest year first, one page at a time.
    `total` counts all matches."""
    items, total = store.list_regulations(
        session=session, jenis=jenis, daerah=daerah, provinsi=provinsi, tingkat=tingkat, tahun=tahun,
        offset=page.offset, limit=page.limit,
    )
    return RegulationPage(
        total=total, offset=page.offset, limit=page.limit,
        items=[RegulationRead.model_validate(item) for item in items],
    )


@router.get("/regulations/{reg_id}", response_model=RegulationDetail, responses=NOT_FOUND, summary="One regulation")
def get_regulation(
    session: SessionDep,
    reg_id: Annotated[str, Path(description="Regulation id, e.g. `perbup-batang-2019-23`.")],
) -> RegulationDetail:
    """A regulation's metadata and provenance, its Menimbang and Mengingat, and its whole tree:
    body, Penjelasan and Lampiran, each node with its provision id."""
    return store.regulation_tree(session=session, reg_id=reg_id)


@router.get("/provisions/{provision_id:path}", response_model=ProvisionDetail, responses=NOT_FOUND, summary="One provision")
def get_provision(
    session: SessionDep,
    provision_id: Annotated[str, Path(description="Provision id, e.g. `perbup-batang-2019-23/pasal-5/ayat-2`.")],
) -> ProvisionDetail:
    """A provision (BAB, Pasal, ayat, huruf ...) with everything under it, its parent's id and its
    regulation's metadata."""
    return store.get_provision(session=session, provision_id=provision_id)
