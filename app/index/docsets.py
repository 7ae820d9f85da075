"""Every clause a query matches, as a sorted numpy array of document numbers, and facet counts.

Totals and facet counts need every match, not just the first page. Whoosh gets them by walking
each match through Python generators and grouping collectors, which over the whole dataset costs
a few hundred milliseconds for a common word. Here a query's boolean structure is evaluated with
numpy set operations instead:

- a term's posting list is read block by block (the W3 codec stores each block's ids as
  deltas: one ``cumsum``);
- ``And`` intersects, ``Or`` unites, ``Not`` and ``AndNot`` subtract, ``Every`` is every document;
- a ``NumericRange`` over a sortable field is read from its column;
- a ``Phrase`` intersects the posting lists of its adjacent word pairs (field ``<field>_pairs``):
  exact for two words; a longer phrase's few candidates are then checked by Whoosh's positions;
- anything else asks Whoosh for its documents;

and deleted documents are taken out at the end. Facet values are read once per segment (a
segment never changes; its deletions do), coded as small integers, and counted with
``numpy.bincount``. ``Docsets`` holds these per searcher, with the documents of recent filters:
the same filter (a province, Perbup only) is asked for again and again.

``tests/index/test_docsets.py`` checks every result against ``Searcher.docs_for_query``.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import Iterator

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.fields import NUMERIC
from whoosh.util.numeric import byte_to_length
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

#: filters whose documents are kept per searcher
FILTER_CACHE_SIZE = 64
#: memory the most recently read posting lists may take (a list over a quarter of it is not kept)
POSTINGS_CACHE_BYTES = 256 * 1024 * 1024
#: term frequencies kept per searcher
FREQUENCY_CACHE_SIZE = 200_000
_EMPTY = np.empty(0, dtype=np.int64)
_NO_WEIGHTS = np.empty(0, dtype=float)
#: Whoosh's BM25F parameters (its defaults, which the index is searched with)
BM25_B, BM25_K1 = 0.75, 1.2
_BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=float)


@dataclass(frozen=True)
class FacetColumn:
    """One segment's values of one field: ``labels[codes[docnum]]``."""

    labels: tuple[object, ...]
    codes: np.ndarray


def _segment_id(reader: IndexReader) -> str:
    return str(reader.segment().segment_id())


class SegmentColumns:
    """Facet columns and field lengths of an index's segments, read once per segment and field,
    and the posting lists read most recently.

    A segment's stored values and postings never change (deletions are kept apart), so all of
    these survive commits; ``keep_only`` forgets the segments merged away.
    """

    def __init__(self) -> None:
        self._columns: dict[tuple[str, str], FacetColumn] = {}
        self._lengths: dict[tuple[str, str], np.ndarray] = {}
        self._postings: OrderedDict[tuple[str, str, object], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._postings_bytes = 0
        self._lock = threading.Lock()

    def get(self, reader: IndexReader, fieldname: str) -> FacetColumn:
        key = (_segment_id(reader), fieldname)
        with self._lock:
            found = self._columns.get(key)
        if found is not None:
            return found
        fieldobj = reader.schema[fieldname]
        values = (reader.column_reader(fieldname, translate=False) if reader.has_column(fieldname)
                  else [None] * reader.doc_count_all())
        raw: dict[object, int] = {}
        codes = np.fromiter((raw.setdefault(value, len(raw)) for value in values), dtype=np.int32,
                            count=reader.doc_count_all())
        missing = fieldobj.default if isinstance(fieldobj, NUMERIC) else None  # a number left out
        labels = [None if value is None or value == missing else fieldobj.from_column_value(value) for value in raw]
        column = FacetColumn(labels=tuple(labels), codes=codes)
        with self._lock:
            self._columns[key] = column
        return column

    def lengths(self, reader: IndexReader, fieldname: str) -> np.ndarray:
        """Each document's length in ``fieldname`` as Whoosh scores it (1 when not recorded)."""
        key = (_segment_id(reader), f"_{fieldname}_len")
        with self._lock:
            found = self._lengths.get(key)
        if found is not None:
            return found
        count = reader.doc_count_all()
        perdoc = reader._perdoc  # lengths are a codec column, not a schema field's
        if perdoc.has_column(key[1]):
            column = perdoc.column_reader(key[1], LENGTHS_COLUMN)
            found = _BYTE_LENGTHS[np.fromiter(column, dtype=np.uint8, count=count)]
            found[found == 0] = 1.0
        else:
            found = np.ones(count)
        with self._lock:
            self._lengths[key] = found
        return found

    def postings(self, reader: IndexReader, fieldname: str, text: object) -> tuple[np.ndarray, np.ndarray]:
        """``term_postings``, remembered: the most recently used lists, up to ``POSTINGS_CACHE_BYTES``
        in all (a common word's list is read whole once, then reused by every query that has it)."""
        key = (_segment_id(reader), fieldname, text)
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
                return found
        found = term_postings(reader, fieldname, text)
        size = found[0].nbytes + found[1].nbytes
        if size <= POSTINGS_CACHE_BYTES // 4:
            with self._lock:
                if key not in self._postings:
                    self._postings[key] = found
                    self._postings_bytes += size
                while self._postings_bytes > POSTINGS_CACHE_BYTES:
                    _, (ids, weights) = self._postings.popitem(last=False)
                    self._postings_bytes -= ids.nbytes + weights.nbytes
        return found

    def keep_only(self, readers: list[IndexReader]) -> None:
        live = {_segment_id(reader) for reader in readers}
        with self._lock:
            for cache in (self._columns, self._lengths):
                for key in [key for key in cache if key[0] not in live]:
                    del cache[key]
            for key in [key for key in self._postings if key[0] not in live]:
                ids, weights = self._postings.pop(key)
                self._postings_bytes -= ids.nbytes + weights.nbytes


def term_postings(reader: IndexReader, fieldname: str, text: object) -> tuple[np.ndarray, np.ndarray]:
    """The segment's documents holding a term (deleted ones included), sorted, and the term's
    weight (frequency) in each."""
    if fieldname not in reader.schema:
        return _EMPTY, _NO_WEIGHTS
    try:
        btext = reader.schema[fieldname].to_bytes(text)
    except ValueError:
        return _EMPTY, _NO_WEIGHTS
    if (fieldname, btext) not in reader:
        return _EMPTY, _NO_WEIGHTS
    matcher = reader.postings(fieldname, btext)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if not isinstance(matcher, W3LeafMatcher) or matcher._byteids:
        ids, weights = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        return np.array(ids, dtype=np.int64), np.array(weights, dtype=float)
    id_blocks: list[np.ndarray] = []
    weight_blocks: list[np.ndarray] = []
    while not matcher._atend:
        matcher._read_data()
        deltas, weights = matcher._data[0], matcher._data[1]
        id_blocks.append(np.cumsum(np.asarray(deltas, dtype=np.int64)))
        weight_blocks.append(np.full(len(deltas), 1.0 if weights is None else weights, dtype=float)
                             if weights is None or isinstance(weights, float) else np.asarray(weights, dtype=float))
        matcher._next_block()
    if not id_blocks:
        return _EMPTY, _NO_WEIGHTS
    return np.concatenate(id_blocks), np.concatenate(weight_blocks)


def _range_docs(reader: IndexReader, q: wq.NumericRange, columns: SegmentColumns) -> np.ndarray | None:
    """A numeric range read from its column; None when the field has none."""
    if not reader.has_column(q.fieldname):
        return None
    column = columns.get(reader, q.fieldname)
    values = np.array([np.nan if value is None else value for value in column.labels], dtype=float)
    low = -np.inf if q.start is None else q.start
    high = np.inf if q.end is None else q.end
    inside = (values > low if q.startexcl else values >= low) & (values < high if q.endexcl else values <= high)
    return np.flatnonzero(inside[column.codes]).astype(np.int64)


def _every(reader: IndexReader) -> np.ndarray:
    return np.arange(reader.doc_count_all(), dtype=np.int64)


def pairs_field(fieldname: str) -> str:
    """The field holding each two adjacent words of ``fieldname`` as one term."""
    return f"{fieldname}_pairs"


def _phrase_docs(searcher: Searcher, q: wq.Phrase, columns: SegmentColumns) -> np.ndarray | None:
    """The documents of one segment holding the phrase, from its word pairs; None when the
    segment has no pairs field (an index built before it) or the phrase is not of adjacent words."""
    reader = searcher.reader()
    if pairs_field(q.fieldname) not in reader.schema or q.slop != 1 or len(q.words) < 2:
        return None
    pairs = dict.fromkeys(f"{first} {second}" for first, second in zip(q.words, q.words[1:]))
    found: np.ndarray | None = None
    for pair in pairs:
        docs = columns.postings(reader, pairs_field(q.fieldname), pair)[0]
        found = docs if found is None else np.intersect1d(found, docs, assume_unique=True)
        if not len(found):
            return _EMPTY
    assert found is not None
    if len(q.words) == 2:
        return found
    # every pair is there, but maybe not in a row: Whoosh's phrase matcher checks the positions,
    # skipping straight to each candidate
    matcher = q.matcher(searcher)
    kept: list[int] = []
    for docnum in found.tolist():
        if not matcher.is_active():
            break
        if matcher.id() < docnum:
            matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            kept.append(docnum)
    return np.array(kept, dtype=np.int64)


def segment_docs(searcher: Searcher, q: wq.Query, columns: SegmentColumns) -> np.ndarray:
    """The documents of one segment's ``searcher`` matching ``q`` (deleted ones may be included)."""
    reader = searcher.reader()
    if isinstance(q, wq.Term):
        return columns.postings(reader, q.fieldname, q.text)[0]
    if q is wq.NullQuery:
        return _EMPTY
    if isinstance(q, wq.Every) and not q.fieldname:
        return _every(reader)
    if isinstance(q, wq.AndNot):
        return np.setdiff1d(segment_docs(searcher, q.a, columns), segment_docs(searcher, q.b, columns),
                            assume_unique=True)
    if isinstance(q, wq.Not):
        return np.setdiff1d(_every(reader), segment_docs(searcher, q.query, columns), assume_unique=True)
    if isinstance(q, wq.And) and q.subqueries:
        wanted = [child for child in q.subqueries if not isinstance(child, wq.Not)]
        found = segment_docs(searcher, wanted[0], columns) if wanted else _every(reader)
        for child in wanted[1:]:
            if not len(found):
                return _EMPTY
            found = np.intersect1d(found, segment_docs(searcher, child, columns), assume_unique=True)
        for child in q.subqueries:
            if isinstance(child, wq.Not):
                found = np.setdiff1d(found, segment_docs(searcher, child.query, columns), assume_unique=True)
        return found
    if isinstance(q, wq.Or) and q.subqueries and not q.minmatch:
        found = np.zeros(reader.doc_count_all(), dtype=bool)  # a mask: faster than np.unique on long lists
        for child in q.subqueries:
            found[segment_docs(searcher, child, columns)] = True
        return np.flatnonzero(found).astype(np.int64)
    if isinstance(q, wq.NumericRange):
        found = _range_docs(reader, q, columns)
        if found is not None:
            return found
    if isinstance(q, wq.Phrase):
        found = _phrase_docs(searcher, q, columns)
        if found is not None:
            return found
    return np.fromiter(q.docs(searcher), dtype=np.int64)


def best_first(docs: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """Positions in ``docs`` of the ``limit`` best ``scores``, best first (ties: lower document
    number first), without sorting them all.

    >>> best_first(np.array([3, 5, 8, 9]), np.array([0.5, 2.0, 2.0, 1.0]), 3).tolist()
    [1, 2, 3]
    """
    candidates = np.argpartition(-scores, limit - 1)[:limit] if len(docs) > limit else np.arange(len(docs))
    return candidates[np.lexsort((docs[candidates], -scores[candidates]))]


def _add_scores(top: Searcher, leaf: Searcher, q: wq.Query, docs: np.ndarray, scores: np.ndarray,
                columns: SegmentColumns, *, all_match: bool = True) -> None:
    """Add to ``scores`` (aligned with the segment's sorted ``docs``) what ``q`` scores them, as
    Whoosh's BM25F does: a term's BM25, summed over the terms of And and Or, and over the words
    of a phrase; nothing for Not. ``all_match``: every one of ``docs`` matches ``q`` (else an And
    or a phrase counts only where it matches)."""
    if isinstance(q, wq.Term):
        ids, weights = columns.postings(leaf.reader(), q.fieldname, q.text)
        if not len(ids):
            return
        where = np.searchsorted(docs, ids)
        inside = where < len(docs)
        inside[inside] = docs[where[inside]] == ids[inside]
        if not inside.any():
            return
        ids, weights, where = ids[inside], weights[inside], where[inside]
        btext = top.schema[q.fieldname].to_bytes(q.text)
        idf = top.idf(q.fieldname, btext)
        average = top.avg_field_length(q.fieldname) or 1
        lengths = columns.lengths(leaf.reader(), q.fieldname)[ids]
        scores[where] += idf * (weights * (BM25_K1 + 1)) / (
            weights + BM25_K1 * ((1 - BM25_B) + BM25_B * lengths / average))
    elif isinstance(q, (wq.Not, wq.Every)) or q is wq.NullQuery:
        return
    elif isinstance(q, wq.AndNot):
        _add_scores(top, leaf, q.a, docs, scores, columns, all_match=all_match)
    elif isinstance(q, wq.Or) and not q.minmatch:
        for child in q.subqueries:
            _add_scores(top, leaf, child, docs, scores, columns, all_match=False)
    elif isinstance(q, (wq.And, wq.Phrase)) and all_match:
        children = q.subqueries if isinstance(q, wq.And) else [wq.Term(q.fieldname, word) for word in q.words]
        for child in children:
            _add_scores(top, leaf, child, docs, scores, columns)
    elif isinstance(q, (wq.And, wq.Phrase)):
        # Whoosh sums the children's scores of the documents matching all of them: an And inside
        # an Or ("(pusat data) OR arsip") scores nothing where one of its words is missing; a
        # phrase, nothing where its words are not in a row
        matching = np.isin(docs, segment_docs(leaf, q, columns), assume_unique=True)
        part = np.zeros(int(matching.sum()))
        _add_scores(top, leaf, q, docs[matching], part, columns)
        scores[matching] += part
    else:
        raise TypeError(f"no BM25F in numpy for a {type(q).__name__} query")


def _deleted(reader: IndexReader) -> np.ndarray:
    """The segment's deleted documents, sorted (a segment reader keeps them as a set)."""
    if not reader.has_deletions():
        return _EMPTY
    deleted = getattr(reader, "deleted_docs_set", None)
    if deleted is None:
        deleted = (docnum for docnum in range(reader.doc_count_all()) if reader.is_deleted(docnum))
    return np.array(sorted(deleted), dtype=np.int64)


class Docsets:
    """Document sets and facet counts over one searcher (see the module docstring)."""

    def __init__(self, searcher: Searcher, columns: SegmentColumns) -> None:
        self.searcher = searcher
        self.columns = columns
        self._leaves = [(leaf, offset, _deleted(leaf.reader())) for leaf, offset in searcher.leaf_searchers()
                        if leaf.reader().doc_count_all()]  # an empty index has one reader with no segment
        columns.keep_only([leaf.reader() for leaf, _, _ in self._leaves])
        self._filters: OrderedDict[str, np.ndarray] = OrderedDict()
        self._frequencies: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def docs(self, q: wq.Query) -> np.ndarray:
        """Every live document matching ``q``, as sorted global document numbers."""
        parts = []
        for leaf, offset, deleted in self._leaves:
            found = segment_docs(leaf, q, self.columns)
            if len(deleted):
                found = found[~np.isin(found, deleted, assume_unique=True)]
            parts.append(found + offset)
        return np.concatenate(parts) if parts else _EMPTY

    def doc_frequency(self, term: str, fieldname: str = "text") -> int:
        """How many documents hold ``term`` (deleted ones included, as Whoosh counts), remembered
        for the searcher's life (up to ``FREQUENCY_CACHE_SIZE`` terms)."""
        key = (fieldname, term)
        found = self._frequencies.get(key)
        if found is None:
            found = self.searcher.doc_frequency(fieldname, term)
            if len(self._frequencies) >= FREQUENCY_CACHE_SIZE:
                self._frequencies.clear()
            self._frequencies[key] = found
        return found

    def filter_docs(self, q: wq.Query) -> np.ndarray:
        """``docs(q)`` remembered for the next ``FILTER_CACHE_SIZE`` different filters."""
        key = repr(q)
        with self._lock:
            if key in self._filters:
                self._filters.move_to_end(key)
                return self._filters[key]
        found = self.docs(q)
        with self._lock:
            self._filters[key] = found
            while len(self._filters) > FILTER_CACHE_SIZE:
                self._filters.popitem(last=False)
        return found

    def _segments(self, docs: np.ndarray) -> Iterator[tuple[Searcher, int, np.ndarray, slice]]:
        """For each segment: its searcher, offset, its share of ``docs`` (local numbers) and where
        that share sits in ``docs``."""
        for leaf, offset, _ in self._leaves:
            start, end = np.searchsorted(docs, [offset, offset + leaf.reader().doc_count_all()])
            yield leaf, offset, docs[start:end] - offset, slice(int(start), int(end))

    def scores(self, q: wq.Query, docs: np.ndarray) -> np.ndarray:
        """BM25F scores of ``docs`` (sorted global numbers, each matching ``q``) for ``q``, equal
        to Whoosh's, for queries of terms and phrases joined by And, Or and Not."""
        scores = np.zeros(len(docs))
        for leaf, _, local, where in self._segments(docs):
            if len(local):
                part = np.zeros(len(local))
                _add_scores(self.searcher, leaf, q, local, part, self.columns)
                scores[where] = part
        return scores

    def values(self, docs: np.ndarray, fieldname: str) -> list[object]:
        """Each doc's value of a sortable field (None when it has none)."""
        out: list[object] = []
        for leaf, _, local, _ in self._segments(docs):
            column = self.columns.get(leaf.reader(), fieldname)
            out.extend(column.labels[code] for code in column.codes[local])
        return out

    def counts(self, docs: np.ndarray, fieldname: str) -> Counter[object]:
        """How many of ``docs`` (global numbers, sorted) have each value of ``fieldname``."""
        counts: Counter[object] = Counter()
        for leaf, _, local, _ in self._segments(docs):
            if not len(local):
                continue
            column = self.columns.get(leaf.reader(), fieldname)
            for code, count in enumerate(np.bincount(column.codes[local], minlength=len(column.labels))):
                if count:
                    counts[column.labels[code]] += int(count)
        return counts
