"""Clause search: a query and filters in, one page of highlighted hits with facet counts out.

What happens to a query (``search``):

1. it is parsed (``app.index.query``); pasted text (more than ``MAX_TERMS`` words) becomes its
   rarest words, any of which may match;
2. the hits are the clauses matching the query and every filter, ranked by BM25F (or newest
   year first), with facet counts over all of them;
3. when fewer than ``FEW_HITS`` clauses match, misspelt words are corrected from the corpus's
   vocabulary (``suggestion``, "maksud Anda"); when the query found nothing, the hits are those
   of the corrected query (``corrected``);
4. when still no clause has every word, clauses with any of them are returned (``relaxed``).

Snippets are HTML: the text is escaped and the matched words are wrapped in ``<mark>``.
"""

from __future__ import annotations

import html
import logging
import time
from dataclasses import dataclass
from typing import Literal

from whoosh import highlight, sorting
from whoosh import query as wq
from whoosh.searching import Hit, Results, Searcher

from app.errors import InvalidInput
from app.index.query import Parsed, long_query, parse_query, to_whoosh
from app.index.schema import FACETS, IndexHandle, get_handle
from app.index.spelling import suggest
from app.kb.naming import jenis_info
from app.kb.store import TINGKAT, region_names
from app.models import SearchHit, SearchRegulation, SearchResult
from app.text.analysis import stem, stemmed_analyzer

logger = logging.getLogger(__name__)

Sort = Literal["relevance", "tahun"]
SORTS: tuple[str, ...] = ("relevance", "tahun")
PARTS: tuple[str, ...] = ("body", "penjelasan", "lampiran")
FEW_HITS = 3
SNIPPET_CHARS = 240


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


class _MarkFormatter(highlight.Formatter):
    """Escaped text with each match in ``<mark>``; fragments joined by an ellipsis."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text: str, token: object, replace: bool = False) -> str:
        return f"<mark>{html.escape(highlight.get_text(text, token, replace), quote=False)}</mark>"


_FORMATTER = _MarkFormatter()
_FRAGMENTER = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70)
_ANALYZER = stemmed_analyzer()


def marked_terms(q: wq.Query | None) -> frozenset[str]:
    """The stems a hit's snippet marks: the query's words and phrase words, not those under NOT.

    >>> sorted(marked_terms(wq.And([wq.Term("text", "dewan"), wq.Phrase("exact", ["pusat", "data"]),
    ...                              wq.Not(wq.Term("text", "pidana"))])))
    ['data', 'dewan', 'pusat']
    """
    if q is None or isinstance(q, wq.Not):
        return frozenset()
    if isinstance(q, wq.Term):
        return frozenset({q.text if q.fieldname == "text" else stem(str(q.text))})
    if isinstance(q, wq.Phrase):
        return frozenset(stem(word) for word in q.words)
    found: set[str] = set()
    for child in q.children():
        found |= marked_terms(child)
    return frozenset(found)


def snippet(text: str, terms: frozenset[str]) -> str:
    """The clause's best passages (HTML) with the ``terms`` marked; its opening when none is found."""
    found = highlight.highlight(text, terms, _ANALYZER, _FRAGMENTER, _FORMATTER, top=2) if terms else ""
    if found:
        return found
    shown = text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(shown, quote=False)


def _hit(hit: Hit, *, scored: bool, terms: frozenset[str]) -> SearchHit:
    return SearchHit(
        provision_id=hit["id"], regulation_id=hit["regulation_id"],
        pasal=hit.get("pasal") or None, ayat=hit.get("ayat") or None,
        part=hit.get("part", "body"), penjelasan=hit.get("part") == "penjelasan", bab=hit.get("bab"),
        score=round(float(hit.score), 4) if scored and hit.score is not None else None,
        snippet=snippet(hit.get("text", ""), terms), text=hit.get("text", ""),
        regulation=SearchRegulation(
            id=hit["regulation_id"], jenis=hit.get("jenis") or None, jenis_singkat=hit.get("jenis_singkat") or None,
            nomor=hit.get("nomor"), tahun=hit.get("tahun"), daerah=hit.get("daerah") or None,
            provinsi=hit.get("provinsi") or None, tingkat=hit.get("tingkat") or None, judul=hit.get("judul"),
            status=hit.get("status") or None, spesimen=bool(hit.get("spesimen")),
        ),
    )


def _facets(results: Results) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for name in FACETS:
        counts = results.groups(name)
        items = [(str(value), count) for value, count in counts.items() if value not in (None, "")]
        items.sort(key=lambda item: (-item[1], item[0]))
        out[name] = dict(items)
    return out


def _run(searcher: Searcher, q: wq.Query, *, limit: int, sort: str, filter_q: wq.Query | None, facets: bool) -> Results:
    if isinstance(q, wq.Not):
        q = wq.And([wq.Every(), q])
    options: dict[str, object] = {"limit": limit, "filter": filter_q}
    if sort == "tahun":
        options["sortedby"] = [sorting.FieldFacet("tahun", reverse=True), sorting.ScoreFacet()]
    if facets:
        options["groupedby"] = {name: sorting.FieldFacet(name) for name in FACETS}
        options["maptype"] = sorting.Count
    results = searcher.search(q, **options)
    return results


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
    searcher = (handle or get_handle()).searcher()
    parsed = parse_query(query)
    limit = page * per_page

    q = _build(parsed, query, searcher)
    results = _run(searcher, q, limit=limit, sort=sort, filter_q=filter_q, facets=facets) if q is not None else None
    total = len(results) if results is not None else 0
    relaxed = corrected = False
    shown_q = q
    suggestion = suggest(query, parsed.words, searcher) if total < FEW_HITS and not parsed.long else None
    if total == 0 and suggestion:
        fixed_q = _build(parse_query(suggestion), suggestion, searcher)
        if fixed_q is not None:
            fixed = _run(searcher, fixed_q, limit=limit, sort=sort, filter_q=filter_q, facets=facets)
            if len(fixed):
                results, total, corrected, shown_q = fixed, len(fixed), True, fixed_q
    if total == 0 and q is not None and not parsed.long:
        loose_q = _build(parsed, query, searcher, any_word=True)
        if loose_q is not None and loose_q != q:
            loose = _run(searcher, loose_q, limit=limit, sort=sort, filter_q=filter_q, facets=facets)
            if len(loose):
                results, total, relaxed, shown_q = loose, len(loose), True, loose_q

    hits: list[SearchHit] = []
    facet_counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    if results is not None:
        scored = sort == "relevance"
        terms = marked_terms(shown_q)
        hits = [_hit(hit, scored=scored, terms=terms) for hit in results[(page - 1) * per_page:limit]]
        if facets:
            facet_counts = _facets(results)
    logger.info("search %r: %d hits in %.1f ms", query[:80], total, (time.perf_counter() - started) * 1000)
    return SearchResult(
        query=query, total=total, page=page, per_page=per_page, sort=sort, hits=hits, facets=facet_counts,
        suggestion=suggestion, corrected=corrected, relaxed=relaxed, plain=parsed.plain,
    )
