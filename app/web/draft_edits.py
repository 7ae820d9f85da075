"""Rancangan, the forms that change drafts (the pages reading them are ``app.web.drafts``): each
checks the API key typed in its field ``kunci`` (``require_form_key``, as the upload page does),
calls one ``app.drafting.store`` function, as ``/api/v1/drafts`` does, and answers 303 to the
draft page at the provision it changed (POST, then redirect: a reload never sends it again).

* ``POST /rancangan``: a new draft from a stored regulation;
* ``POST /rancangan/berkas``: a new draft from an uploaded file (read, not stored as a regulation);
* ``POST /rancangan/{id}/ketentuan``: a provision added from any stored regulation;
* ``POST /rancangan/{id}/ketentuan/baru``: a new Pasal, BAB, Bagian or Paragraf written in the form;
* ``POST /rancangan/{id}/ketentuan/{provision id}``: a Pasal's text or a group's heading replaced;
* ``POST /rancangan/{id}/ketentuan/{provision id}/naik`` or ``/turun``: moved one step;
* ``POST /rancangan/{id}/ketentuan/{provision id}/hapus``: removed;
* ``POST /rancangan/{id}/ubah``: the kind, region, title, year, Menimbang or Mengingat changed
  (only what differs from the draft as it reads: an untouched field stays adapted);
* ``POST /rancangan/{id}/hapus``: the draft deleted (303 to the list of drafts).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse

from app.api.deps import SessionDep, UploadDep, require_form_key
from app.drafting import store
from app.kb.ingest import parse_upload
from app.web.drafts import DraftId, ProvisionId, reasons

router = APIRouter(dependencies=[Depends(require_form_key)])

Text = Annotated[str | None, Form(max_length=20_000)]
Value = TypeVar("Value")


def _changed(new: Value | None, old: Value) -> Value | None:
    """``new`` when the form says something else than the draft does (``None``: leave it)."""
    return new if new is not None and new != old else None


def _lines(text: str | None) -> list[str] | None:
    """A textarea's items, one per line (a browser sends its lines with CRLF)."""
    return None if text is None else [line.strip() for line in text.splitlines() if line.strip()]


def _to(draft_id: int, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/rancangan/{draft_id}{f'#{anchor}' if anchor else ''}", status_code=303)


@dataclass(frozen=True)
class Target:
    """What a new draft is for, as the form gives it: kind, region, and optionally title and year."""

    jenis: str
    daerah: str
    judul: str | None
    tahun: int | None


def target_form(
    jenis: Annotated[str, Form(min_length=1, max_length=100)],
    daerah: Annotated[str, Form(min_length=1, max_length=200)],
    judul: Annotated[str | None, Form(max_length=1000)] = None,
    tahun: Annotated[int | None, Form(ge=1945, le=2200)] = None,
) -> Target:
    return Target(jenis=jenis, daerah=daerah, judul=(judul or "").strip() or None, tahun=tahun)


TargetDep = Annotated[Target, Depends(target_form)]


@router.post("/rancangan")
def create_draft(
    session: SessionDep,
    target: TargetDep,
    sumber: Annotated[str, Form(min_length=1, max_length=200)],
    pasal: Annotated[list[str] | None, Form(max_length=2000)] = None,
) -> RedirectResponse:
    """A draft of regulation ``sumber`` (all its body, or the BAB and Pasal ticked) for ``target``."""
    draft = store.create_draft(session=session, regulation_id=sumber, picks=pasal or [], **asdict(target))
    return _to(draft.id or 0)


@router.post("/rancangan/berkas")
def create_draft_from_file(session: SessionDep, upload: UploadDep, target: TargetDep) -> RedirectResponse:
    """A draft of the whole body of the regulation in the file ``file`` (PDF, DOCX, HTML or text)."""
    document = parse_upload(upload.data, upload.filename)
    draft = store.create_draft(session=session, document=document, source_name=upload.filename, **asdict(target))
    return _to(draft.id or 0)


@router.post("/rancangan/{draft_id}/ketentuan")
def add_provision(
    session: SessionDep,
    draft_id: DraftId,
    sumber: Annotated[str, Form(min_length=1, max_length=400)],
    posisi: Annotated[int | None, Form(ge=0, le=1_000_000)] = None,
) -> RedirectResponse:
    """The stored provision ``sumber`` added at ``posisi`` (the end when left out)."""
    added = store.add_provision(session=session, draft_id=draft_id, source=sumber.strip(), position=posisi)
    return _to(draft_id, f"ketentuan-{added[0].id}")


@router.post("/rancangan/{draft_id}/ketentuan/baru")
def write_provision(
    session: SessionDep,
    draft_id: DraftId,
    jenis: Annotated[Literal["pasal", "bab", "bagian", "paragraf"], Form()],
    isi: Annotated[str, Form(min_length=1, max_length=20_000)],
    posisi: Annotated[int | None, Form(ge=0, le=1_000_000)] = None,
) -> RedirectResponse:
    """A new provision written in the form: a Pasal (``isi`` its text) or a group (``isi`` its heading)."""
    content = isi.replace("\r\n", "\n").strip()
    added = store.add_provision(session=session, draft_id=draft_id, kind=jenis, position=posisi,
                                **({"text": content} if jenis == "pasal" else {"heading": content}))
    return _to(draft_id, f"ketentuan-{added[0].id}")


@router.post("/rancangan/{draft_id}/ketentuan/{provision_id}")
def edit_provision(session: SessionDep, draft_id: DraftId, provision_id: ProvisionId, teks: Text = None,
                   judul: Annotated[str | None, Form(max_length=500)] = None) -> RedirectResponse:
    """A Pasal's content (``teks``) or a group's heading (``judul``) replaced."""
    text = teks.replace("\r\n", "\n") if teks is not None else None  # a browser sends a textarea's lines with CRLF
    store.edit_provision(session=session, draft_id=draft_id, provision_id=provision_id, text=text, heading=judul)
    return _to(draft_id, f"ketentuan-{provision_id}")


@router.post("/rancangan/{draft_id}/ketentuan/{provision_id}/hapus")
def remove_provision(session: SessionDep, draft_id: DraftId, provision_id: ProvisionId) -> RedirectResponse:
    store.remove_provision(session=session, draft_id=draft_id, provision_id=provision_id)
    return _to(draft_id, "batang-tubuh")


@router.post("/rancangan/{draft_id}/ketentuan/{provision_id}/{arah}")
def move_provision(session: SessionDep, draft_id: DraftId, provision_id: ProvisionId,
                   arah: Literal["naik", "turun"]) -> RedirectResponse:
    """One step up (``naik``) or down (``turun``)."""
    store.step_provision(session=session, draft_id=draft_id, provision_id=provision_id, step=-1 if arah == "naik" else 1)
    return _to(draft_id, f"ketentuan-{provision_id}")


@router.post("/rancangan/{draft_id}/ubah")
def change_draft(
    session: SessionDep,
    draft_id: DraftId,
    jenis: Annotated[str | None, Form(max_length=100)] = None,
    daerah: Annotated[str | None, Form(max_length=200)] = None,
    judul: Annotated[str | None, Form(max_length=1000)] = None,
    tahun: Annotated[int | None, Form(ge=1945, le=2200)] = None,
    menimbang: Text = None,
    mengingat: Text = None,
) -> RedirectResponse:
    """What the form changes; a field left as the draft reads (or empty) changes nothing."""
    now = store.draft_view(session=session, draft_id=draft_id)
    daerah = (daerah or "").strip() or None
    # the form offers "Peraturan Daerah" for "Peraturan Daerah Provinsi": a kind and a region are resolved together
    retarget = bool(jenis and not now.jenis.startswith(jenis)) or _changed(daerah, now.daerah) is not None
    store.update_draft(
        session=session, draft_id=draft_id,
        jenis=jenis if retarget else None, daerah=daerah if retarget else None,
        judul=_changed((judul or "").strip() or None, now.judul), tahun=_changed(tahun, now.tahun),
        menimbang=_changed(_lines(menimbang), reasons(now.menimbang)[0]), mengingat=_changed(_lines(mengingat), now.mengingat),
    )
    return _to(draft_id, "pembukaan")


@router.post("/rancangan/{draft_id}/hapus")
def delete_draft(session: SessionDep, draft_id: DraftId) -> RedirectResponse:
    store.delete_draft(session=session, draft_id=draft_id)
    return RedirectResponse("/rancangan", status_code=303)
