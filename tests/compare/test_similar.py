"""Similar clauses over the indexed corpus: gold partners found, own regulation left out, whole
Pasal read from the index, filters, labels and diffs."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
from sqlmodel import Session

from app.compare.similar import provision_query, similar, text_query
from app.errors import InvalidInput, NotFound
from app.index.schema import IndexHandle
from app.index.search import SearchFilters
from app.index.sync import update_index
from app.kb.ingest import ingest_paths

SPECIMENS = Path(__file__).resolve().parents[3] / "shared" / "specimens"
GOLD = json.loads((SPECIMENS / "alignment-perbup-batang-2019-23__perda-jateng-2019-11.gold.json").read_text())
BATANG, JATENG = "perbup-batang-2019-23", "perda-prov-jawa-tengah-2019-11"


def _gold_partners() -> dict[str, set[str]]:
    partners: defaultdict[str, set[str]] = defaultdict(set)
    for pair in GOLD["pairs"]:
        partners[pair["a"]].add(pair["b"])
    return partners


def test_every_batang_pasal_finds_its_gold_partner_first(corpus: IndexHandle, session: Session) -> None:
    """Asked among Jawa Tengah's clauses, each Pasal of the Perbup finds the Pasal of the Perda the
    gold alignment pairs it with (a Pasal without ayat may find one ayat of it)."""
    labels_agree = labelled = 0
    for pasal, partners in _gold_partners().items():
        result = similar(provision_query(session, f"{BATANG}/pasal-{pasal}"), filters=SearchFilters(daerah="Jawa Tengah"))
        assert len(result.hits) == 1 and result.hits[0].regulation.id == JATENG  # one hit per regulation
        top = result.hits[0]
        assert top.pasal in partners, (pasal, top.provision_id)
        gold = {p["relation"] for p in GOLD["pairs"] if p["a"] == pasal}
        if gold <= {"identical", "adapted"}:
            labelled += 1
            labels_agree += top.label in gold
    assert labels_agree >= 0.9 * labelled


def test_a_pasal_with_ayat_is_compared_with_whole_pasal(corpus: IndexHandle, session: Session) -> None:
    query = provision_query(session, f"{BATANG}/pasal-16")
    assert query.whole_pasal and query.text.startswith("(1) ") and " (2) " in query.text
    result = similar(query, filters=SearchFilters(daerah="Jawa Tengah"))
    assert result.level == "pasal"
    top = result.hits[0]
    assert top.provision_id == f"{JATENG}/pasal-27" and top.ayat is None
    assert top.text == provision_query(session, top.provision_id).text  # every ayat, in order, as stored


def test_own_regulation_is_left_out_and_one_hit_per_regulation(corpus: IndexHandle, session: Session) -> None:
    result = similar(provision_query(session, f"{BATANG}/pasal-20/ayat-1"), limit=10)
    regulations = [hit.regulation.id for hit in result.hits]
    assert BATANG not in regulations and len(set(regulations)) == len(regulations)
    assert [hit.score for hit in result.hits] == sorted((hit.score for hit in result.hits), reverse=True)
    assert result.hits[0].regulation.id == JATENG and result.hits[0].label == "identical"
    assert all(hit.cosine >= 0.2 and hit.label in ("identical", "adapted", "related") for hit in result.hits)


def test_pasted_text_finds_its_source_and_diff_keeps_both_texts(corpus: IndexHandle, session: Session) -> None:
    source = provision_query(session, f"{JATENG}/pasal-27/ayat-1").text
    pasted = source.replace("Gubernur", "Wali Kota").replace("Jawa Tengah Cerdas", "Kota Cerdas")
    result = similar(text_query(pasted), filters=SearchFilters(provinsi="Jawa Tengah"))
    top = result.hits[0]  # the Perbup's clause says the same once region is set aside: a tie
    assert top.provision_id in (f"{JATENG}/pasal-27/ayat-1", f"{BATANG}/pasal-16/ayat-1")
    assert top.label in ("identical", "adapted") and result.hits[1].score == top.score
    assert " ".join(p.text for p in top.diff if p.op != "insert") == " ".join(pasted.split())
    assert " ".join(p.text for p in top.diff if p.op != "delete") == top.text


def test_filters_hold_and_a_wrong_filter_is_an_error(corpus: IndexHandle, session: Session) -> None:
    query = text_query("Penyelenggara Sistem Elektronik wajib menyelenggarakan sistem elektronik secara andal dan aman")
    national = similar(query, filters=SearchFilters(tingkat="nasional"))
    assert national.hits and all(hit.regulation.tingkat == "nasional" for hit in national.hits)
    assert national.hits[0].regulation.id.startswith("uu-2008-11")
    assert not similar(query, filters=SearchFilters(tahun_max=1990)).hits
    with pytest.raises(InvalidInput, match="tingkat"):
        similar(text_query("zzzz qqqq"), filters=SearchFilters(tingkat="desa"))


def test_queries_from_text_and_from_provisions(corpus: IndexHandle, session: Session) -> None:
    assert text_query("(1) Dewan dibentuk. (2) Dewan bertugas.").whole_pasal
    assert not text_query("Dewan dibentuk oleh Bupati (1) kali.").whole_pasal
    for empty in ("", "   \n"):
        with pytest.raises(InvalidInput):
            text_query(empty)
    with pytest.raises(InvalidInput, match="panjang"):
        text_query("kata " * 5000)
    huruf = provision_query(session, f"{BATANG}/pasal-16/ayat-1/huruf-a")
    assert huruf.text and not huruf.whole_pasal and huruf.regulation_id == BATANG
    with pytest.raises(NotFound):
        provision_query(session, f"{BATANG}/pasal-999")
    assert similar(text_query("qwxz vbnm"), limit=5).hits == []


def test_whole_pasal_stays_right_after_a_regulation_is_indexed_again(session: Session) -> None:
    """Re-indexing a regulation deletes its old clauses; the whole Pasal read around a hit must
    stop at deleted neighbours and never mix an old version in."""
    report = ingest_paths(session=session, paths=[SPECIMENS / "perbup-batang-2019-23-smart-city.txt",
                                                  SPECIMENS / "perda-jateng-2019-11-jateng-cerdas.txt"])
    ids = [item.regulation_id for item in report.items if item.regulation_id]
    update_index(session=session, regulation_ids=ids)
    update_index(session=session, regulation_ids=[ids[1]])  # the Perda's clauses again, after the old ones
    update_index(session=session, regulation_ids=[ids[0]])
    result = similar(provision_query(session, f"{ids[0]}/pasal-16"))
    assert result.hits[0].provision_id == f"{ids[1]}/pasal-27"
    assert result.hits[0].text == provision_query(session, f"{ids[1]}/pasal-27").text


def test_a_pasted_text_reads_the_regions_it_names_as_its_own(corpus: IndexHandle) -> None:
    query = text_query("Gubernur Jawa Tengah membentuk Dewan Jawa Tengah Cerdas")
    assert query.regions == ("Provinsi Jawa Tengah",)
    top = similar(query, filters=SearchFilters(daerah="Batang")).hits[0]
    assert top.provision_id == f"{BATANG}/pasal-16/ayat-1" and top.label == "adapted"
    blind = similar(replace(query, regions=()), filters=SearchFilters(daerah="Batang")).hits[0]
    assert blind.cosine < top.cosine  # without its region, "Jawa Tengah" counts as a difference


def test_the_stems_stored_in_the_index_are_those_of_the_texts_shown(corpus: IndexHandle) -> None:
    """Candidates are scored on the stems the index stores; they must be the stems of the text
    shown, for a clause and for a whole Pasal put together from its ayat."""
    from whoosh import query as wq

    from app.compare.similar import _clause, _whole_pasal
    from app.text.neutral import neutraliser

    docsets = corpus.docsets()
    for doc in docsets.docs(wq.Term("regulation_id", JATENG)):
        fields = docsets.searcher.stored_fields(int(doc))
        neutral = neutraliser([fields["daerah"]])
        assert _clause(fields).stems == neutral.stems(fields["text"])
        whole = _whole_pasal(docsets, int(doc), fields)
        words = [stem for stem in whole.stems or [] if not stem.isdigit()]  # "ayat (1). (3)": numbers read apart
        assert words == [stem for stem in neutral.stems(whole.text) if not stem.isdigit()], whole.id
    older = {name: value for name, value in fields.items() if name != "neutral"}  # an index from before
    assert _clause(older).stems is None
