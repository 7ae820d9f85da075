"""Document sets agree with Whoosh's own matching, over several segments with deletions."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest
from sqlmodel import Session, select
from whoosh import query as wq
from whoosh.index import create_in

from app.db import get_engine
from app.index.docsets import Docsets, SegmentColumns
from app.index.query import parse_query, to_whoosh
from app.index.schema import FACETS, INDEX_NAME, IndexHandle, make_schema, recreate
from app.index.search import SearchFilters, filter_query
from app.index.sync import clause_documents, units_of
from app.models import Regulation

QUERIES = [case["q"] for case in json.loads((Path(__file__).parent / "relevance.json").read_text(encoding="utf-8"))["queries"]]
PHRASES = ['"peraturan pemerintah"', '"pemerintah daerah provinsi"', '"sebagaimana dimaksud dalam pasal"',
           '"daerah pemerintah"', '"dan/atau"', '"pusat data" OR arsip', 'sanksi "tidak ada di indeks"']
QUERIES += ["pemerintah", "NOT pemerintah", "pajak -daerah", "(sanksi OR denda) BUKAN pidana", *PHRASES,
            *(NESTED := ["(pusat data) OR (ruang kendali)", "arsip OR (sanksi denda)"]),
            "tidakadakatainidiindeks"]
FILTERS = [
    SearchFilters(jenis="perbup"), SearchFilters(provinsi="Jawa Tengah"), SearchFilters(tingkat="nasional"),
    SearchFilters(tahun_min=2010), SearchFilters(tahun_max=2008), SearchFilters(tahun_min=2004, tahun_max=2016),
    SearchFilters(jenis="uu", tahun_min=2000, bagian="penjelasan"), SearchFilters(spesimen=False),
]


@pytest.fixture(scope="module")
def segmented(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[IndexHandle]:
    """The corpus written in three commits (three segments), one regulation then updated: its
    first clauses are deleted from an old segment and written again in a fourth."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SELARAS_DATA_DIR", str(corpus_dir))
        from app.config import get_settings

        get_settings.cache_clear()
        with Session(get_engine()) as session:
            regulations = session.exec(select(Regulation).order_by(Regulation.id)).all()
            documents = {reg.id: list(clause_documents(reg, units_of(session=session, reg_id=reg.id)))
                         for reg in regulations}
        get_settings.cache_clear()
    path = tmp_path_factory.mktemp("segmented")
    index = recreate(path)
    ids = list(documents)
    for part in (ids[0::3], ids[1::3], ids[2::3]):
        with index.writer() as writer:
            for reg_id in part:
                for document in documents[reg_id]:
                    writer.add_document(**document)
    updated = ids[0]
    with index.writer() as writer:
        writer.delete_by_term("regulation_id", updated)
        for document in documents[updated]:
            writer.add_document(**document)
    handle = IndexHandle(path)
    assert len(handle.searcher().reader().leaf_readers()) == 4 and handle.searcher().reader().has_deletions()
    yield handle
    handle.reset()


def whoosh_docs(handle: IndexHandle, q: wq.Query) -> np.ndarray:
    return np.array(sorted(handle.searcher().docs_for_query(q)), dtype=np.int64)


@pytest.mark.parametrize("text", QUERIES)
def test_query_documents_are_whooshs(segmented: IndexHandle, text: str) -> None:
    q = to_whoosh(parse_query(text).tree)
    assert q is not None
    q = wq.And([wq.Every(), q]) if isinstance(q, wq.Not) else q
    assert np.array_equal(segmented.docsets().docs(q), whoosh_docs(segmented, q))


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_filter_documents_are_whooshs_and_are_remembered(segmented: IndexHandle, filters: SearchFilters) -> None:
    q = filter_query(filters)
    assert q is not None
    docsets = segmented.docsets()
    found = docsets.filter_docs(q)
    assert len(found) and np.array_equal(found, whoosh_docs(segmented, q))
    assert docsets.filter_docs(q) is found


def test_counts_are_those_of_the_stored_fields(segmented: IndexHandle) -> None:
    docsets = segmented.docsets()
    docs = docsets.docs(wq.Every())
    assert len(docs) == segmented.searcher().doc_count()
    for name in FACETS:
        stored = Counter(segmented.searcher().stored_fields(int(doc)).get(name) for doc in docs)
        assert {k: v for k, v in docsets.counts(docs, name).items() if k not in (None, "")} == \
            {k: v for k, v in stored.items() if k not in (None, "")}, name


def test_a_year_left_out_is_no_year(tmp_path: Path) -> None:
    index = recreate(tmp_path)
    with index.writer() as writer:
        writer.add_document(id="a", text="arsip", exact="arsip", tahun=2019)
        writer.add_document(id="b", text="arsip", exact="arsip")
    handle = IndexHandle(tmp_path)
    docsets = Docsets(handle.searcher(), SegmentColumns())
    everything = docsets.docs(wq.Every())
    assert docsets.counts(everything, "tahun") == Counter({2019: 1, None: 1})
    assert list(docsets.docs(wq.NumericRange("tahun", 2000, None))) == [0]
    handle.reset()


@pytest.mark.parametrize("text", QUERIES[:30] + NESTED + PHRASES)  # NESTED: an And inside an Or
def test_scores_are_whooshs_bm25f(segmented: IndexHandle, text: str) -> None:
    q = to_whoosh(parse_query(text).tree)
    assert q is not None
    q = wq.And([wq.Every(), q]) if isinstance(q, wq.Not) else q
    docsets = segmented.docsets()
    docs = docsets.docs(q)
    scores = dict(zip(docs.tolist(), docsets.scores(q, docs).tolist()))
    for hit in segmented.searcher().search(q, limit=None):
        assert scores[hit.docnum] == pytest.approx(hit.score, rel=1e-5, abs=1e-9)


def test_posting_lists_are_remembered_within_their_budget(segmented: IndexHandle, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.index import docsets as module
    from app.index.docsets import term_postings

    reader = segmented.searcher().reader().leaf_readers()[0][0]
    columns = SegmentColumns()
    first = columns.postings(reader, "text", "daerah")
    assert columns.postings(reader, "text", "daerah") is first  # read once
    assert all(np.array_equal(a, b) for a, b in zip(first, term_postings(reader, "text", "daerah")))
    size = first[0].nbytes + first[1].nbytes
    monkeypatch.setattr(module, "POSTINGS_CACHE_BYTES", 4 * size)  # room for this list, not for many
    columns = SegmentColumns()
    kept = columns.postings(reader, "text", "daerah")
    key = next(iter(columns._postings))
    for term in (t.decode("utf-8") for t in reader.lexicon("text")):  # other lists, until the oldest must go
        if term != "daerah":
            columns.postings(reader, "text", term)
            assert columns._postings_bytes <= 4 * size
        if key not in columns._postings:
            break
    assert key not in columns._postings and columns.postings(reader, "text", "daerah") is not kept  # read again
    columns.keep_only([])
    assert columns._postings_bytes == 0 and not columns._postings


def test_an_empty_index_matches_nothing(tmp_path: Path) -> None:
    """A fresh install searches an index with no segment yet: nothing found, no error."""
    from app.compare.similar import similar, text_query
    from app.index.search import search

    recreate(tmp_path)
    handle = IndexHandle(tmp_path)
    docsets = handle.docsets()
    assert len(docsets.docs(wq.Every())) == 0 and docsets.counts(docsets.docs(wq.Every()), "tahun") == Counter()
    assert search(query="dewan smart city", handle=handle).total == 0
    assert similar(text_query("Bupati membentuk Dewan Smart City"), handle=handle).hits == []
    handle.reset()


def test_phrases_come_from_word_pairs(segmented: IndexHandle, monkeypatch: pytest.MonkeyPatch) -> None:
    """A two-word phrase is one posting list per segment; a longer one has only its candidates
    (documents with every pair) checked by Whoosh's positions."""
    two, three = (to_whoosh(parse_query(text).tree) for text in ('"peraturan pemerintah"', '"pemerintah daerah provinsi"'))
    expected = [whoosh_docs(segmented, q) for q in (two, three)]
    checked: list[wq.Query] = []
    matcher = wq.Phrase.matcher
    monkeypatch.setattr(wq.Phrase, "docs", lambda *args, **kwargs: pytest.fail("a phrase walked by Whoosh"))
    monkeypatch.setattr(wq.Phrase, "matcher",
                        lambda self, searcher, context=None: checked.append(self) or matcher(self, searcher, context))
    docsets = Docsets(segmented.searcher(), SegmentColumns())
    assert len(expected[0]) and np.array_equal(docsets.docs(two), expected[0]) and not checked
    assert len(expected[1]) and np.array_equal(docsets.docs(three), expected[1]) and checked


def test_an_index_without_word_pairs_finds_phrases_through_whoosh(tmp_path: Path) -> None:
    schema = make_schema()
    schema.remove("exact_pairs")
    index = create_in(str(tmp_path), schema, indexname=INDEX_NAME)
    with index.writer() as writer:
        writer.add_document(id="a", text="pusat data daerah", exact="pusat data daerah")
        writer.add_document(id="b", text="data pusat", exact="data pusat")
    handle = IndexHandle(tmp_path)
    q = wq.Phrase("exact", ["pusat", "data"])
    assert list(handle.docsets().docs(q)) == [0]
    assert handle.docsets().scores(q, np.array([0]))[0] == pytest.approx(handle.searcher().search(q)[0].score)
    handle.reset()
