"""Rancangan, the pages that read drafts (the changes are ``app.web.draft_edits``), over the same
``app.drafting.store`` functions as ``/api/v1/drafts``:

* ``/rancangan``: every draft; with ``?tambah=<provision id>`` (the "Tambahkan ke rancangan" of a
  search hit or a similar clause) the drafts to add that provision to;
* ``/rancangan/baru?sumber=<regulation id>``: the form that starts a draft, its BAB and Pasal to
  choose from once the source is chosen;
* ``/rancangan/{id}``: the draft assembled (``app.web.draft_sheet``), every change and flag, the
  form adding a provision (``?tambah=`` fills it in), the downloads; ``?periksa=1`` adds what the
  checks find;
* ``/rancangan/{id}/ketentuan/{provision id}``: the form editing or removing one provision;
* ``/rancangan/{id}/ubah``: the forms changing the draft's kind, region, title, year, Menimbang and
  Mengingat, and deleting the draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Iterable

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from app.api.deps import SessionDep, SettingsDep
from app.drafting import store
from app.drafting.opening import is_closing
from app.kb import store as kb
from app.models import ProvisionDetail, ProvisionNode
from app.structure import regions
from app.web.draft_sheet import placed, sheet
from app.web.templating import page

router = APIRouter()

#: regulations offered as a draft's source
CHOICES = 1000
#: the kinds a draft can be, as the form offers them (a Perda is the region's: provinsi, kabupaten or kota)
JENIS = ("Peraturan Daerah", "Peraturan Gubernur", "Peraturan Bupati", "Peraturan Wali Kota")
#: the regions a draft can be for, offered as the region field's suggestions
REGIONS = tuple(region.nama for region in regions.all_regions() if not region.administrative)

DraftId = Annotated[int, Path(ge=1, le=2**31 - 1)]
ProvisionId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Adding = Annotated[str | None, Query(max_length=400, description="A provision id to add to a draft.")]
#: the draft the "Tambahkan ke rancangan" of search hits and similar clauses add to (none: the drafts to choose from)
DraftChoice = Annotated[int | None, Query(ge=1, le=2**31 - 1)]


@dataclass(frozen=True)
class Pick:
    """A BAB, Bagian, Paragraf or Pasal of a draft's source, to tick; a Pasal with its first words."""

    node: ProvisionNode
    opening: str
    children: list[Pick]


def picks(nodes: Iterable[ProvisionNode]) -> list[Pick]:
    """The groups and Pasal of a regulation's body, nested as they stand."""
    out = []
    for node in nodes:
        if node.kind in ("bab", "bagian", "paragraf"):
            out.append(Pick(node, "", picks(node.children)))
        elif node.kind == "pasal":
            first = node.text or next((child.text for child in node.children if child.text), "")
            out.append(Pick(node, first, []))
    return out


def _adding(session: Session, provision_id: str | None) -> ProvisionDetail | None:
    return kb.get_provision(session=session, provision_id=provision_id) if provision_id else None


def reasons(menimbang: list[str]) -> tuple[list[str], str | None]:
    """A draft's Menimbang as its form edits it: the items, and apart the closing one ("bahwa
    berdasarkan pertimbangan ..."), which the draft writes anew from its title and item count."""
    if menimbang and is_closing(menimbang[-1]):
        return menimbang[:-1], menimbang[-1]
    return menimbang, None


@router.get("/rancangan", response_class=HTMLResponse)
def draft_list(request: Request, session: SessionDep, tambah: Adding = None) -> HTMLResponse:
    return page(request, "drafts.html", {"drafts": store.list_drafts(session=session),
                                         "adding": _adding(session, tambah)})


@router.get("/rancangan/baru", response_class=HTMLResponse)
def new_draft(
    request: Request, session: SessionDep, settings: SettingsDep,
    sumber: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    """The source to choose; once chosen, the draft's kind, region, title and Pasal."""
    source = kb.regulation_tree(session=session, reg_id=sumber) if sumber else None
    choices, _total = kb.list_regulations(session=session, limit=CHOICES)
    return page(request, "draft_new.html", {
        "choices": choices, "source": source, "picks": picks(source.body) if source else [],
        "jenis": JENIS, "regions": REGIONS, "enabled": bool(settings.api_keys),
    })


@router.get("/rancangan/{draft_id}", response_class=HTMLResponse)
def draft_page(
    request: Request, session: SessionDep, draft_id: DraftId,
    tambah: Adding = None, periksa: bool = False,
) -> HTMLResponse:
    """The draft; ``tambah`` fills in the provision to add, ``periksa`` adds what the checks find."""
    drafted = sheet(store.draft_view(session=session, draft_id=draft_id))
    findings = store.check_draft(session=session, draft_id=draft_id).findings if periksa else None
    return page(request, "draft.html", {
        "sheet": drafted, "adding": _adding(session, tambah), "tambah": tambah or "",
        "check": placed(findings, drafted.parts) if findings is not None else None,
    })


@router.get("/rancangan/{draft_id}/ketentuan/{provision_id}", response_class=HTMLResponse)
def provision_page(request: Request, session: SessionDep, draft_id: DraftId, provision_id: ProvisionId) -> HTMLResponse:
    """A provision's text (a Pasal) or heading (a group) to edit, and the removal of it."""
    drafted = sheet(store.draft_view(session=session, draft_id=draft_id))
    return page(request, "draft_provision.html", {"sheet": drafted, "part": drafted.part(provision_id)})


@router.get("/rancangan/{draft_id}/ubah", response_class=HTMLResponse)
def settings_page(request: Request, session: SessionDep, draft_id: DraftId) -> HTMLResponse:
    """The draft's kind, region, title, year and opening to change, and the deletion of the draft."""
    drafted = sheet(store.draft_view(session=session, draft_id=draft_id))
    items, closing = reasons(drafted.draft.menimbang)
    return page(request, "draft_settings.html", {"sheet": drafted, "jenis": JENIS, "regions": REGIONS,
                                                 "menimbang": items, "closing": closing})
