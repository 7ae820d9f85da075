"""A search result as plain wrapped text for a terminal: one block a hit, matches in «guillemets»;
and how a regulation and a clause are named there.

>>> from app.models import SearchHit, SearchRegulation, SearchResult
>>> hit = SearchHit(provision_id="perbup-batang-2019-23/pasal-16/ayat-1", regulation_id="perbup-batang-2019-23",
...     pasal="16", ayat="1", part="body", score=7.5, snippet="Dibentuk <mark>Dewan</mark> Smart City &amp; Tim.",
...     text="", regulation=SearchRegulation(id="perbup-batang-2019-23", jenis_singkat="Perbup", nomor="23",
...     tahun=2019, daerah="Kabupaten Batang", spesimen=True))
>>> print("\\n".join(search_lines(SearchResult(query="dewan", total=1, page=1, per_page=10, sort="relevance",
...     hits=[hit], facets={}), width=60)))
1 klausul (clauses) untuk "dewan"
<BLANKLINE>
1. Perbup Kabupaten Batang No. 23 Tahun 2019 [SPESIMEN], Pasal 16 ayat (1)
   Dibentuk «Dewan» Smart City & Tim.
   perbup-batang-2019-23/pasal-16/ayat-1  (skor 7.50)
"""

from __future__ import annotations

import html
import re
import textwrap

from app.models import CoverageRegulation, SearchRegulation, SearchResult

_MARK_RE = re.compile(r"</?mark>")


def _plain(snippet: str) -> str:
    return html.unescape(_MARK_RE.sub(lambda m: "»" if m.group() == "</mark>" else "«", snippet))


def regulation_label(reg: SearchRegulation | CoverageRegulation) -> str:
    """``Perbup Kabupaten Batang No. 23 Tahun 2019 [SPESIMEN]``."""
    jenis = reg.jenis_singkat or reg.jenis or ""
    daerah = reg.daerah if reg.daerah != "Nasional" else None
    if daerah and jenis.split() and daerah.split()[0] == jenis.split()[-1]:  # "Perda Provinsi" + "Provinsi Jawa Tengah"
        daerah = daerah.split(" ", 1)[1]
    name = " ".join(filter(None, (jenis, daerah)))
    name += f" No. {reg.nomor}" if reg.nomor else ""
    name += f" Tahun {reg.tahun}" if reg.tahun else ""
    if reg.spesimen:
        name += " [SPESIMEN]"
    return name


def clause_label(reg: SearchRegulation, pasal: str | None, ayat: str | None, *, penjelasan: bool = False) -> str:
    """``Perbup Kabupaten Batang No. 23 Tahun 2019, Pasal 16 ayat (1)``."""
    place = ["Penjelasan"] if penjelasan else []
    if pasal:
        place.append(f"Pasal {pasal}")
    if ayat:
        place.append(f"ayat ({ayat})")
    name = regulation_label(reg)
    return f"{name}, {' '.join(place)}" if place else name


def search_lines(result: SearchResult, *, width: int = 100) -> list[str]:
    """The lines to print for a search result."""
    lines = [f'{result.total} klausul (clauses) untuk "{result.query}"']
    if result.plain:
        lines.append("Sintaks kueri tidak lengkap; dicari sebagai kata biasa (malformed syntax, searched as plain words).")
    if result.corrected:
        lines.append(f'Tidak ada hasil; ditampilkan hasil untuk "{result.suggestion}" (showing results for the correction).')
    elif result.suggestion:
        lines.append(f'Maksud Anda: "{result.suggestion}"?')
    if result.relaxed:
        lines.append("Tidak ada klausul dengan semua kata; ditampilkan yang memuat sebagian (any word matched).")
    first = (result.page - 1) * result.per_page
    for number, hit in enumerate(result.hits, start=first + 1):
        lines += ["", f"{number}. {clause_label(hit.regulation, hit.pasal, hit.ayat, penjelasan=hit.penjelasan)}"]
        lines += textwrap.wrap(_plain(hit.snippet), width=width, initial_indent="   ", subsequent_indent="   ")
        score = f"  (skor {hit.score:.2f})" if hit.score is not None else ""
        lines.append(f"   {hit.provision_id}{score}")
    if result.total > first + len(result.hits):
        lines += ["", f"Halaman {result.page}; lanjut dengan --page {result.page + 1} (more: --page {result.page + 1})."]
    return lines
