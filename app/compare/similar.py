"""Similar clauses: for a provision or a pasted text, the most alike clauses of other regulations.

How (``similar``):

1. the query is read as region-neutral stems (``app.text.neutral``); its ``CANDIDATE_TERMS``
   rarest stems the index knows pick the candidates: the ``CANDIDATES`` clauses with the best
   BM25F for any of them (``app.index.docsets``), among those the filters allow; a provision's
   own regulation is left out;
2. a query that is a whole Pasal with ayat (a Pasal's id, or pasted text numbered (1), (2) ...)
   is compared with whole Pasal: the candidates are grouped by their Pasal, read with all its ayat;
3. each candidate is scored on region-neutral stems, its region and the query's set aside (a
   provision's region is its regulation's; a pasted text's, the regions it names; a
   candidate's stems are stored in the index, read with its own region):
   ``cosine`` of TF-IDF vectors (idf from the whole index) and ``ratio``, rapidfuzz's token-sort
   ratio; ``score`` is their mean;
4. the best clause of each regulation is kept, best first, labelled ``identical`` (the same
   region-neutral words, as in ``app.compare.align``), ``adapted`` (score at least
   ``ADAPTED_MIN``) or ``related``. A clause whose cosine is under ``RELATED_MIN`` shares too
   few weighted words to be shown, however alike its letters (two texts of one length always
   have a ratio near 0.5).

Texts shown are the originals; the diff runs from the query to the clause.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from sqlmodel import Session
from whoosh import query as wq

from app.compare.align import PAIR_MIN, same_words
from app.compare.diff import word_diff
from app.errors import InvalidInput
from app.index.docsets import Docsets, best_first
from app.index.query import MAX_QUERY_CHARS, rarest_terms
from app.index.schema import IndexHandle, get_handle
from app.index.search import SearchFilters, filter_query, hit_regulation
from app.index.units import clause_units, printed
from app.kb.store import provision_subtree
from app.logs import timed
from app.models import Regulation, SimilarHit, SimilarResult
from app.structure.regions import mentioned
from app.text.neutral import Neutraliser, neutraliser

#: query stems (rarest first) that pick the candidates
CANDIDATE_TERMS = 24
#: candidates scored
CANDIDATES = 100
ADAPTED_MIN = PAIR_MIN
RELATED_MIN = 0.20
_NUMBERED_AYAT = re.compile(r"^\(1\)\s.*\s\(2\)\s", re.DOTALL)


@dataclass(frozen=True)
class SimilarQuery:
    """What to find clauses like: a text, whether it is a whole Pasal, and where it comes from."""

    text: str
    whole_pasal: bool = False
    provision_id: str | None = None
    regulation_id: str | None = None
    regions: tuple[str, ...] = ()   # the query's own region names, read as "daerah"


@dataclass
class _Candidate:
    fields: dict[str, Any]   # stored fields of its best clause
    id: str
    ayat: str | None
    text: str
    stems: list[str] | None  # region-neutral stems as indexed; None from an index that has none


def _clause(fields: dict[str, Any]) -> _Candidate:
    """One indexed clause as a candidate."""
    stems = fields.get("neutral")
    return _Candidate(fields, fields["id"], fields.get("ayat") or None, fields.get("text", ""),
                      None if stems is None else stems.split())


def text_query(text: str) -> SimilarQuery:
    """A pasted text as a query; numbered ayat (1), (2) ... make it a whole Pasal, and the regions
    it names ("Bupati Batang") are its own."""
    text = " ".join(text.split())
    if not text:
        raise InvalidInput("Teks kosong (the text to compare is empty).")
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidInput(f"Teks terlalu panjang: paling banyak {MAX_QUERY_CHARS} karakter (text too long).")
    return SimilarQuery(text=text, whole_pasal=bool(_NUMBERED_AYAT.match(text)),
                        regions=tuple(region.nama for region in mentioned(text)))


def provision_query(session: Session, provision_id: str) -> SimilarQuery:
    """A provision of the knowledge base as a query: its text with everything under it."""
    provision, rows = provision_subtree(session=session, provision_id=provision_id)
    units = clause_units([provision, *rows])
    if units:
        text = " ".join(printed(unit.text, unit.ayat) for unit in units)
    else:  # a huruf or angka inside a clause
        text = " ".join(" ".join((row.text or "").split()) for row in (provision, *rows) if row.text)
    if not text.strip():
        raise InvalidInput(f"Ketentuan '{provision_id}' tidak berisi teks (the provision has no text to compare).")
    regulation = session.get(Regulation, provision.regulation_id)
    return SimilarQuery(
        text=text[:MAX_QUERY_CHARS], whole_pasal=provision.kind == "pasal" and any(u.kind == "ayat" for u in units),
        provision_id=provision.id, regulation_id=provision.regulation_id,
        regions=(regulation.daerah,) if regulation is not None and regulation.daerah else (),
    )


class _Idf:
    """Inverse document frequencies of stems in the index's ``text`` field."""

    def __init__(self, docsets: Docsets) -> None:
        self.df = docsets.doc_frequency
        self._documents = max(1, docsets.searcher.doc_count())

    def __call__(self, term: str) -> float:
        return math.log((self._documents + 1) / (self.df(term) + 1)) + 1


def _vector(stems: list[str], idf: _Idf) -> dict[str, float]:
    weights = {term: (1 + math.log(count)) * idf(term) for term, count in Counter(stems).items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {term: w / norm for term, w in weights.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def _candidate_docs(docsets: Docsets, q: wq.Query, query: SimilarQuery, filter_q: wq.Query | None) -> np.ndarray:
    """The ``CANDIDATES`` clauses matching ``filter_q`` with the best BM25F for ``q``, best first."""
    docs = docsets.docs(q)
    if filter_q is not None:
        docs = np.intersect1d(docs, docsets.filter_docs(filter_q), assume_unique=True)
    if query.regulation_id:
        docs = np.setdiff1d(docs, docsets.docs(wq.Term("regulation_id", query.regulation_id)), assume_unique=True)
    if not len(docs):
        return docs
    return docs[best_first(docs, docsets.scores(q, docs), CANDIDATES)]


def _whole_pasal(docsets: Docsets, doc: int, fields: dict[str, Any]) -> _Candidate:
    """The Pasal a clause stands in, read with all its ayat: its live neighbours under the same
    Pasal id (a regulation's clauses are consecutive documents, ``app.index.sync``)."""
    if fields.get("kind") != "ayat":
        return _clause(fields)
    pasal_id = fields["id"].split("/ayat-")[0]
    reader = docsets.searcher.reader()

    def run(step: int) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        neighbour = doc + step
        while 0 <= neighbour < reader.doc_count_all() and not reader.is_deleted(neighbour):
            stored = reader.stored_fields(neighbour)
            if not stored["id"].startswith(f"{pasal_id}/"):
                break
            found.append(stored)
            neighbour += step
        return found

    clauses = [_clause(f) for f in (*reversed(run(-1)), fields, *run(1))]
    text = " ".join(printed(clause.text, clause.ayat) for clause in clauses)
    stems: list[str] | None = []
    for clause in clauses:  # the stems of the printed Pasal: each ayat's number, then its words
        if clause.stems is None or stems is None:
            stems = None
            continue
        stems += [clause.ayat.lower(), *clause.stems] if clause.ayat else clause.stems
    return _Candidate(fields, pasal_id, None, text, stems)


def _candidates(docsets: Docsets, docs: np.ndarray, whole_pasal: bool) -> list[_Candidate]:
    found: dict[str, _Candidate] = {}
    for doc in docs:
        fields = docsets.searcher.stored_fields(int(doc))
        if not whole_pasal:
            found[fields["id"]] = _clause(fields)
            continue
        pasal_id = fields["id"].split("/ayat-")[0]
        if pasal_id not in found:
            found[pasal_id] = _whole_pasal(docsets, int(doc), fields)
    return list(found.values())


@dataclass(frozen=True)
class _Scored:
    score: float
    cosine: float
    ratio: float
    candidate: _Candidate
    query_stems: list[str]
    stems: list[str]


def _best_of_each_regulation(scored: list[_Scored], limit: int) -> list[_Scored]:
    best: dict[str, _Scored] = {}
    for item in scored:
        best.setdefault(item.candidate.fields["regulation_id"], item)
        if len(best) == limit:
            break
    return list(best.values())


def _hit(query: SimilarQuery, item: _Scored) -> SimilarHit:
    candidate = item.candidate
    label = ("identical" if same_words(item.query_stems, item.stems)
             else "adapted" if item.score >= ADAPTED_MIN else "related")
    return SimilarHit(
        provision_id=candidate.id, pasal=candidate.fields.get("pasal") or None, ayat=candidate.ayat,
        bab=candidate.fields.get("bab"), text=candidate.text, score=round(item.score, 4), label=label,
        cosine=round(item.cosine, 4), ratio=round(item.ratio, 4), diff=word_diff(query.text, candidate.text),
        regulation=hit_regulation(candidate.fields),
    )


@timed("similar")
def similar(query: SimilarQuery, *, filters: SearchFilters | None = None, limit: int = 10,
            handle: IndexHandle | None = None) -> SimilarResult:
    """The clauses of other regulations most like ``query`` (see the module docstring).

    Only clauses of the body are looked at unless ``filters.bagian`` says otherwise."""
    if limit < 1:
        raise InvalidInput(f"limit minimal 1 (limit must be >= 1): {limit}")
    filters = filters or SearchFilters()
    if not filters.bagian:
        filters = replace(filters, bagian="body")
    filter_q = filter_query(filters)  # a wrong filter is an error even when nothing could match
    docsets = (handle or get_handle()).docsets()
    idf = _Idf(docsets)
    neutrals: dict[str | None, Neutraliser] = {}

    def neutral(daerah: str | None) -> Neutraliser:
        if daerah not in neutrals:
            neutrals[daerah] = neutraliser([*query.regions, daerah])
        return neutrals[daerah]

    pick = rarest_terms(neutral(None).stems(query.text), idf.df, CANDIDATE_TERMS)
    level = "pasal" if query.whole_pasal else "clause"
    if pick is None:
        return SimilarResult(text=query.text, provision_id=query.provision_id, level=level, candidates=0, hits=[])
    candidates = _candidates(docsets, _candidate_docs(docsets, pick, query, filter_q), query.whole_pasal)

    scored: list[_Scored] = []
    query_vectors: dict[str | None, tuple[list[str], dict[str, float]]] = {}
    for candidate in candidates:
        daerah = candidate.fields.get("daerah") or None
        if daerah not in query_vectors:
            stems = neutral(daerah).stems(query.text)
            query_vectors[daerah] = (stems, _vector(stems, idf))
        query_stems, query_vector = query_vectors[daerah]
        stems = candidate.stems if candidate.stems is not None else neutral(daerah).stems(candidate.text)
        cosine = _cosine(query_vector, _vector(stems, idf))
        if cosine >= RELATED_MIN:
            ratio = fuzz.token_sort_ratio(" ".join(query_stems), " ".join(stems)) / 100
            scored.append(_Scored((cosine + ratio) / 2, cosine, ratio, candidate, query_stems, stems))
    scored.sort(key=lambda item: (-item.score, item.candidate.id))
    hits = [_hit(query, item) for item in _best_of_each_regulation(scored, limit)]
    return SimilarResult(text=query.text, provision_id=query.provision_id, level=level,
                         candidates=len(candidates), hits=hits)
