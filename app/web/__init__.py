"""The web pages, in Indonesian, server-rendered from Jinja2 templates (``templates/``, autoescaped)
with one stylesheet and one small script (``static/``, served at ``/static``): thin views over the
same domain functions as the API.

* ``/`` Beranda (``home``); ``/cari`` search (``search``);
* ``/peraturan`` the list, ``/peraturan/{id}`` the reader, ``/peraturan/{id}/mirip`` similar
  clauses (``regulations``);
* ``/bandingkan`` and ``/bandingkan/cakupan`` compare and coverage (``compare``);
* ``/rancangan...`` drafts: the pages (``drafts``, what they show of a draft: ``draft_sheet``) and
  the forms changing them (``draft_edits``);
* ``/unggah`` upload, and ``/unggah/tugas/{id}`` the progress of an upload read by OCR (``upload``).

Errors on pages are pages too (``errors``). The pages stay out of the OpenAPI schema.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter

from app.web import compare, draft_edits, drafts, home, regulations, search, upload

STATIC_DIR = Path(__file__).resolve().parent / "static"

router = APIRouter(include_in_schema=False)
for pages in (home, search, regulations, compare, drafts, draft_edits, upload):
    router.include_router(pages.router)
