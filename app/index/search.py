"""Clause search: a query and filters in, one page of highlighted hits with facet counts out.

What happens to a query (``search``):

1. it is parsed (``app.index.query``); pasted text (more than ``MAX_TERMS`` words) becomes its
   rarest words, any of which may match;
2. the hits are the clauses matching the query and every filter, ranked by BM25F (or newest
   year first), with facet counts over all of them: matches, counts, facets and BM25F scores
   come from numpy over Whoosh's postings (``app.index.docsets``);
3. when fewer than ``FEW_HITS`` clauses match, misspelt words are corrected from the corpus's
   vocabulary (``suggestion``, "maksud Anda"); when the query found nothing, the hits are those
   of the corrected query (``corrected``);
4. when still no clause has every word, clauses with any of them are returned (``relaxed``).

Snippets are HTML: the text is escaped and the matched words are wrapped in ``<mark>``
(``app.index.snippets``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher

from app.errors import InvalidInput
from app.index.query import Parsed, long_query, parse_query, to_whoosh
from app.index.docsets import Docsets, best_first
from app.index.schema import FACETS, IndexHandle, get_handle
from app.index.snippets import marked_terms, snippet
from app.index.spelling import suggest
from app.kb.naming import jenis_info
from app.kb.store import TINGKAT, region_names
from app.models import SearchHit, SearchRegulation, SearchResult

logger = logging.getLogger(__name__)

Sort = Literal["relevance", "tahun"]
SORTS: tuple[str, ...] = ("relevance", "tahun")
PARTS: tuple[str, ...] = ("body", "penjelasan", "lampiran")
FEW_HITS = 3


@dataclass(frozen=True)
class SearchFilters:
    """What a search is narrowed to; every filter given must hold. Text filters ignore case."""

    jenis: str | None = None        # "Perbup", "Peraturan Bupati", "perda" (every Perda)
    daerah: str | None = None       # "Batang" or "Kabupaten Batang"
    provinsi: str | None = None     # "Jawa Tengah": the province's own and its regions' regulations
    tingkat: str | None = None      # nasional | provinsi | kabupaten | kota
    tahun_min: int | None = None
    tahun_max: int | None = None
    status: str | None = None       # "berlaku"
    bagian: str | None = None       # body | penjelasan | lampiran
    spesimen: bool | None = None    # False: leave specimens out


def _any(terms: list[wq.Query]) -> wq.Query:
    return terms[0] if len(terms) == 1 else wq.Or(terms)


def filter_query(filters: SearchFilters) -> wq.Query | None:
    """The Whoosh query every hit must also match; None when no filter is set."""
    parts: list[wq.Query] = []
    if filters.jenis and filters.jenis.strip():
        wanted = {filters.jenis.strip().lower()}
        info = jenis_info(filters.jenis)
        if info:
            wanted |= {name.lower() for name in (info.kode, info.nama, info.singkat) if name}
        parts.append(_any([wq.Term("jenis_key", name) for name in sorted(wanted)]))
    if filters.daerah and filters.daerah.strip():
        parts.append(_any([wq.Term("daerah_key", name) for name in sorted(region_names(filters.daerah))]))
    if filters.provinsi and filters.provinsi.strip():
        names = sorted(region_names(filters.provinsi, prefixes=("provinsi", "propinsi")))
        parts.append(_any([wq.Term(fieldname, name) for fieldname in ("provinsi_key", "daerah_key") for name in names]))
    if filters.tingkat and filters.tingkat.strip():
        tingkat = filters.tingkat.strip().lower()
        if tingkat not in TINGKAT:
            raise InvalidInput(f"'tingkat' harus salah satu dari {', '.join(TINGKAT)} (unknown level): {filters.tingkat!r}")
        parts.append(wq.Term("tingkat", tingkat))
    if filters.tahun_min is not None or filters.tahun_max is not None:
        if filters.tahun_min is not None and filters.tahun_max is not None and filters.tahun_min > filters.tahun_max:
            raise InvalidInput(
                f"tahun_min ({filters.tahun_min}) lebih besar dari tahun_max ({filters.tahun_max}) (empty year range)."
            )
        parts.append(wq.NumericRange("tahun", filters.tahun_min, filters.tahun_max))
    if filters.status and filters.status.strip():
        parts.append(wq.Term("status", filters.status.strip().lower()))
    if filters.bagian and filters.bagian.strip():
        bagian = filters.bagian.strip().lower()
        if bagian not in PARTS:
            raise InvalidInput(f"'bagian' harus salah satu dari {', '.join(PARTS)} (unknown part): {filters.bagian!r}")
        parts.append(wq.Term("part", bagian))
    if filters.spesimen is not None:
        parts.append(wq.Term("spesimen", filters.spesimen))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


def hit_regulation(fields: dict[str, Any]) -> SearchRegulation:
    """The regulation of a clause, from the clause's stored fields."""
    return SearchRegulation(
        id=fields["regulation_id"], jenis=fields.get("jenis") or None,
        jenis_singkat=fields.get("jenis_singkat") or None, nomor=fields.get("nomor"), tahun=fields.get("tahun"),
        daerah=fields.get("daerah") or None, provinsi=fields.get("provinsi") or None,
        tingkat=fields.get("tingkat") or None, judul=fields.get("judul"), status=fields.get("status") or None,
        spesimen=bool(fields.get("spesimen")),
    )


def _hit(fields: dict[str, Any], score: float | None, *, terms: frozenset[str]) -> SearchHit:
    return SearchHit(
        provision_id=fields["id"], regulation_id=fields["regulation_id"],
        pasal=fields.get("pasal") or None, ayat=fields.get("ayat") or None,
        part=fields.get("part", "body"), penjelasan=fields.get("part") == "penjelasan", bab=fields.get("bab"),
        score=None if score is None else round(float(score), 4),
        snippet=snippet(fields.get("text", ""), terms), text=fields.get("text", ""),
        regulation=hit_regulation(fields),
    )


@dataclass(frozen=True)
class _Found:
    """What one query found: how many clauses, which (``docs``), and the ranked hits up to the
    page's end as (stored fields, score)."""

    total: int
    docs: np.ndarray
    hits: list[tuple[dict[str, Any], float | None]]


def _facets(docsets: Docsets, docs: np.ndarray) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for name in FACETS:
        counts = docsets.counts(docs, name)
        items = [(str(value), count) for value, count in counts.items() if value not in (None, "")]
        items.sort(key=lambda item: (-item[1], item[0]))
        out[name] = dict(items)
    return out


def _ranked(docsets: Docsets, q: wq.Query, docs: np.ndarray, *, limit: int, sort: str) -> list[tuple[int, float]]:
    """The first ``limit`` of ``docs`` by BM25F (or year, then BM25F), as (docnum, score); scores
    come from ``Docsets.scores`` (Whoosh's BM25F in numpy)."""
    scores = docsets.scores(q, docs)
    if sort == "tahun":
        years = np.array([-1 if year is None else year for year in docsets.values(docs, "tahun")])
        order = np.lexsort((docs, -scores, -years))[:limit]
    else:
        order = best_first(docs, scores, limit)
    return [(int(docs[i]), float(scores[i])) for i in order]


def _run(docsets: Docsets, q: wq.Query, *, limit: int, sort: str, allowed: np.ndarray | None) -> _Found:
    """Every clause matching ``q`` among the ``allowed`` ones (None: all), and the first ``limit``
    ranked (``_ranked``)."""
    if isinstance(q, wq.Not):
        q = wq.And([wq.Every(), q])
    docs = docsets.docs(q)
    if allowed is not None:
        docs = np.intersect1d(docs, allowed, assume_unique=True)
    if not len(docs):
        return _Found(0, docs, [])
    stored = docsets.searcher.stored_fields
    hits = [(stored(docnum), score) for docnum, score in _ranked(docsets, q, docs, limit=limit, sort=sort)]
    return _Found(len(docs), docs, hits)


def _build(parsed: Parsed, text: str, searcher: Searcher, *, any_word: bool = False) -> wq.Query | None:
    if parsed.long:
        return long_query(text, lambda term: searcher.doc_frequency("text", term))
    return to_whoosh(parsed.tree, any_word=any_word)


def search(
    *,
    query: str,
    filters: SearchFilters | None = None,
    page: int = 1,
    per_page: int = 20,
    sort: str = "relevance",
    facets: bool = True,
    handle: IndexHandle | None = None,
) -> SearchResult:
    """One page of the clauses matching ``query`` and ``filters`` (see the module docstring)."""
    if page < 1 or per_page < 1:
        raise InvalidInput(f"page dan per_page minimal 1 (page and per_page must be >= 1): {page}, {per_page}")
    if sort not in SORTS:
        raise InvalidInput(f"'sort' harus salah satu dari {', '.join(SORTS)} (unknown sort): {sort!r}")
    filters = filters or SearchFilters()
    filter_q = filter_query(filters)
    started = time.perf_counter()
    docsets = (handle or get_handle()).docsets()
    searcher = docsets.searcher
    allowed = docsets.filter_docs(filter_q) if filter_q is not None else None
    parsed = parse_query(query)
    limit = page * per_page

    def run(q: wq.Query) -> _Found:
        return _run(docsets, q, limit=limit, sort=sort, allowed=allowed)

    q = _build(parsed, query, searcher)
    found = run(q) if q is not None else _Found(0, np.empty(0, dtype=np.int64), [])
    relaxed = corrected = False
    shown_q = q
    suggestion = suggest(query, parsed.words, searcher) if found.total < FEW_HITS and not parsed.long else None
    if not found.total and suggestion:
        fixed_q = _build(parse_query(suggestion), suggestion, searcher)
        fixed = run(fixed_q) if fixed_q is not None else None
        if fixed is not None and fixed.total:
            found, corrected, shown_q = fixed, True, fixed_q
    if not found.total and q is not None and not parsed.long:
        loose_q = _build(parsed, query, searcher, any_word=True)
        loose = run(loose_q) if loose_q is not None and loose_q != q else None
        if loose is not None and loose.total:
            found, relaxed, shown_q = loose, True, loose_q

    terms = marked_terms(shown_q)
    hits = [_hit(fields, score if sort == "relevance" else None, terms=terms)
            for fields, score in found.hits[(page - 1) * per_page:limit]]
    facet_counts = _facets(docsets, found.docs) if facets else {name: {} for name in FACETS}
    duration = (time.perf_counter() - started) * 1000
    logger.info("search %r: %d hits in %.1f ms", query[:80], found.total, duration,
                extra={"operation": "search", "hits": found.total, "duration_ms": round(duration, 1)})
    return SearchResult(
        query=query, total=found.total, page=page, per_page=per_page, sort=sort, hits=hits, facets=facet_counts,
        suggestion=suggestion, corrected=corrected, relaxed=relaxed, plain=parsed.plain,
    )
