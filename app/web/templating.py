"""The Jinja2 environment of the pages (autoescaped: a regulation's text is never markup), the
helpers templates call, and ``page``, which renders one.

Templates get ``request`` and these helpers:

* ``url_with(request, **changes)``: this page's address with some parameters changed (None
  removes one); any change but ``page`` goes back to page 1;
* ``provision_url(provision_id, draft_id)``: where a provision is read, ``/peraturan/<id>#<node id>``;
* ``pasal_anchor(num)``: the node id of a body Pasal by its number (``5A`` -> ``pasal-5a``);
* ``add_url(provision_id, draft_id)``: where "Tambahkan ke rancangan" leads;
* filters ``judul`` (a regulation as it names itself), ``hubungan`` and ``hubungan_arti`` (a
  relation label of a comparison or a similar clause, in Indonesian, and what it means),
  ``tanggal`` (``2019-04-08`` -> ``8 April 2019``), ``penanda`` (a node's printed marker:
  ``BAB IV``, ``Pasal 5``, ``(2)``), ``tempat`` (a node id as a place: ``Pasal 17 ayat (1)``),
  ``pasal_of`` (the id of the Pasal a provision is in).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.responses import HTMLResponse

from app.kb.outline import label, regulation_title
from app.structure.ids import segment
from app.web.draft_sheet import printed_place
from app.web.glossary import defining_pasal

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

#: relation labels of app.compare (Pasal pairs) and app.compare.similar: (Indonesian, meaning)
RELATIONS: dict[str, tuple[str, str]] = {
    "identical": ("identik", "kata-katanya sama, selain nama daerah dan jabatan"),
    "adapted": ("diadaptasi", "isinya sama, dengan kata yang diubah, ditambah atau dihapus"),
    "merged": ("digabung", "dua Pasal atau lebih menjadi satu"),
    "split": ("dipecah", "satu Pasal menjadi dua atau lebih"),
    "related": ("terkait", "membahas hal yang sama dengan rumusan lain"),
}

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def url_with(request: Request, **changes: Any) -> str:
    """This page's path and query with ``changes``: None removes a parameter, a list repeats it;
    empty parameters are dropped, and ``page`` too unless it is among the changes.

    >>> from starlette.requests import Request
    >>> here = Request({"type": "http", "path": "/cari", "query_string": b"q=data&jenis=&page=3", "headers": []})
    >>> url_with(here, jenis="Perbup"), url_with(here, page=4), url_with(here, q=None)
    ('/cari?q=data&jenis=Perbup', '/cari?q=data&page=4', '/cari')
    """
    kept = [(key, value) for key, value in request.query_params.multi_items()
            if key not in changes and value != "" and (key != "page" or "page" in changes)]
    for key, value in changes.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        kept += [(key, str(item)) for item in values if item is not None and item != ""]
    return request.url.path + (f"?{urlencode(kept)}" if kept else "")


def provision_url(provision_id: str, draft_id: int | None = None) -> str:
    """Where a provision is read; with ``draft_id``, the reader adds to that draft (``add_url``).

    >>> provision_url("perbup-batang-2019-23/pasal-5/ayat-1"), provision_url("perbup-batang-2019-23/pasal-5", 3)
    ('/peraturan/perbup-batang-2019-23#pasal-5/ayat-1', '/peraturan/perbup-batang-2019-23?rancangan=3#pasal-5')
    """
    reg_id, _, node_id = provision_id.partition("/")
    query = f"?rancangan={draft_id}" if draft_id else ""
    return f"/peraturan/{reg_id}{query}#{node_id}" if node_id else f"/peraturan/{reg_id}{query}"


def pasal_anchor(num: str) -> str:
    """The node id of the body Pasal numbered ``num``, as the parser gives it.

    >>> pasal_anchor("5A")
    'pasal-5a'
    """
    return segment("pasal", num)


def add_url(provision_id: str, draft_id: int | None = None) -> str:
    """Where "Tambahkan ke rancangan" leads: the page of draft ``draft_id`` with the provision filled
    in to add, or (no draft chosen yet) the drafts to choose from.

    >>> add_url("perda-x-2019-11/pasal-14", 3), add_url("perda-x-2019-11/pasal-14")
    ('/rancangan/3?tambah=perda-x-2019-11%2Fpasal-14#tambah', '/rancangan?tambah=perda-x-2019-11%2Fpasal-14')
    """
    query = urlencode({"tambah": provision_id})
    return f"/rancangan/{draft_id}?{query}#tambah" if draft_id else f"/rancangan?{query}"


def relation(name: str) -> str:
    """``adapted`` -> ``diadaptasi`` (an unknown label is shown as it is)."""
    return RELATIONS.get(name, (name, ""))[0]


def relation_meaning(name: str) -> str:
    return RELATIONS.get(name, (name, ""))[1]


def long_date(value: str | None) -> str:
    """``2019-04-08`` -> ``8 April 2019``; anything else as it is.

    >>> long_date("2019-04-08"), long_date("8 April 2019"), long_date(None)
    ('8 April 2019', '8 April 2019', '')
    """
    parts = (value or "").split("-")
    if len(parts) == 3 and all(part.isdigit() for part in parts) and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value or ""


templates = Jinja2Templates(env=Environment(
    loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, trim_blocks=True, lstrip_blocks=True,
))
templates.env.globals.update(url_with=url_with, provision_url=provision_url, pasal_anchor=pasal_anchor, add_url=add_url)
templates.env.filters.update(judul=regulation_title, hubungan=relation, hubungan_arti=relation_meaning, tanggal=long_date,
                             penanda=label, tempat=printed_place, pasal_of=defining_pasal)


def page(request: Request, template: str, context: Mapping[str, Any] | None = None, *,
         status_code: int = 200, headers: Mapping[str, str] | None = None) -> HTMLResponse:
    """``template`` rendered with ``context`` (and ``request``)."""
    return templates.TemplateResponse(request, template, dict(context or {}), status_code=status_code,
                                      headers=dict(headers or {}))
