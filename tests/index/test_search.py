"""Searching the indexed corpus: filters, facets, snippets, sorting, paging, typos, bad input."""

from __future__ import annotations

import pytest

from app.errors import InvalidInput
from app.index.schema import IndexHandle
from app.index.search import SearchFilters, search
from app.index.snippets import snippet


def test_hit_shape_and_metadata(corpus: IndexHandle) -> None:
    result = search(query="dewan smart city", handle=corpus)
    hit = result.hits[0]
    assert result.total >= 10 and not (result.relaxed or result.corrected or result.plain)
    assert hit.regulation_id == "perbup-batang-2019-23" and hit.provision_id.startswith(hit.regulation_id + "/")
    assert hit.pasal and hit.score and hit.score > 0
    assert hit.regulation.daerah == "Kabupaten Batang" and hit.regulation.spesimen
    assert hit.regulation.jenis == "Peraturan Bupati" and hit.regulation.tahun == 2019
    assert "<mark>" in hit.snippet


def test_ayat_numbers_and_bab_heading(corpus: IndexHandle) -> None:
    hit = next(h for h in search(query="command center dikelola dinas", handle=corpus).hits
               if h.provision_id == "perbup-batang-2019-23/pasal-23/ayat-3")
    assert (hit.pasal, hit.ayat) == ("23", "3")
    assert hit.bab and hit.bab.startswith("BAB ")


def test_huruf_are_searched_inside_their_ayat(corpus: IndexHandle) -> None:
    # "Wakil Bupati" is printed in huruf b of Pasal 17 ayat (1)
    ids = [h.provision_id for h in search(query='"wakil bupati"', filters=SearchFilters(daerah="Batang"), handle=corpus).hits]
    assert "perbup-batang-2019-23/pasal-17/ayat-1" in ids
    assert not any("/huruf-" in provision_id for provision_id in ids)


@pytest.mark.parametrize("filters, field, expected", [
    (SearchFilters(jenis="Perbup"), "jenis", {"Peraturan Bupati"}),
    (SearchFilters(jenis="peraturan daerah"), "jenis", {"Peraturan Daerah Provinsi"}),
    (SearchFilters(daerah="Batang"), "daerah", {"Kabupaten Batang"}),
    (SearchFilters(provinsi="jawa tengah"), "provinsi", {"Provinsi Jawa Tengah"}),
    (SearchFilters(tingkat="nasional"), "tingkat", {"nasional"}),
])
def test_filters_narrow_every_hit_and_facet(filters: SearchFilters, field: str, expected: set[str], corpus: IndexHandle) -> None:
    result = search(query="data", filters=filters, per_page=50, handle=corpus)
    assert result.total > 0
    assert set(result.facets[field]) == expected
    for hit in result.hits:
        value = getattr(hit.regulation, field)
        assert value in expected


def test_year_range_and_facet_counts_add_up(corpus: IndexHandle) -> None:
    everything = search(query="informasi", handle=corpus)
    assert sum(everything.facets["tingkat"].values()) == everything.total
    ranged = search(query="informasi", filters=SearchFilters(tahun_min=2010, tahun_max=2016), per_page=100, handle=corpus)
    assert ranged.total < everything.total
    assert all(2010 <= int(year) <= 2016 for year in ranged.facets["tahun"])
    assert sum(ranged.facets["tahun"].values()) == ranged.total


def test_penjelasan_is_searchable_and_marked(corpus: IndexHandle) -> None:
    result = search(query="maklumat pelayanan publik", filters=SearchFilters(bagian="penjelasan"), handle=corpus)
    assert result.hits and all(hit.penjelasan and hit.part == "penjelasan" for hit in result.hits)
    assert "uu-2014-23/penjelasan/pasal-347/ayat-2" in [hit.provision_id for hit in result.hits]


def test_cukup_jelas_is_not_indexed(corpus: IndexHandle) -> None:
    result = search(query='"cukup jelas"', filters=SearchFilters(bagian="penjelasan"), per_page=200, handle=corpus)
    assert all(hit.text.lower().strip(". ") != "cukup jelas" for hit in result.hits)


def test_specimens_can_be_left_out(corpus: IndexHandle) -> None:
    assert all(not hit.regulation.spesimen for hit in
               search(query="smart city", filters=SearchFilters(spesimen=False), handle=corpus).hits)


def test_sort_by_year_newest_first(corpus: IndexHandle) -> None:
    result = search(query="informasi", sort="tahun", per_page=50, handle=corpus)
    years = [hit.regulation.tahun for hit in result.hits]
    assert years == sorted(years, reverse=True) and all(hit.score is None for hit in result.hits)


def test_pages_do_not_overlap(corpus: IndexHandle) -> None:
    first = search(query="informasi", per_page=5, page=1, handle=corpus)
    second = search(query="informasi", per_page=5, page=2, handle=corpus)
    assert len(first.hits) == len(second.hits) == 5 and first.total == second.total
    assert not {h.provision_id for h in first.hits} & {h.provision_id for h in second.hits}
    assert search(query="informasi", per_page=5, page=10_000, handle=corpus).hits == []


def test_typo_found_nothing_so_the_correction_is_searched(corpus: IndexHandle) -> None:
    result = search(query="keterbukan informasi", handle=corpus)
    assert result.corrected and result.suggestion == "keterbukaan informasi" and result.total > 0


def test_typo_choice_follows_the_other_words(corpus: IndexHandle) -> None:
    assert search(query="dewan smrat city", handle=corpus).suggestion == "dewan smart city"


def test_no_clause_with_every_word_relaxes_to_any(corpus: IndexHandle) -> None:
    result = search(query="kearsipan quickwinzzz pemerintah", handle=corpus)
    assert result.relaxed and result.total > 0


def test_not_excludes(corpus: IndexHandle) -> None:
    result = search(query="command center NOT gubernur", per_page=100, handle=corpus)
    assert result.total > 0 and all("gubernur" not in hit.text.lower() for hit in result.hits)


@pytest.mark.parametrize("query", ['"tim koordinasi', "(pusat data", "AND", "OR", "NOT", "x" * 10_000,
                                   "kata " * 2_000, "<script>alert(1)</script>", "yang dan", "🙂", "\x00"])
def test_any_query_answers(query: str, corpus: IndexHandle) -> None:
    result = search(query=query, handle=corpus)
    assert result.total >= 0
    assert all("<script>" not in hit.snippet for hit in result.hits)


def test_pasted_clause_finds_itself(corpus: IndexHandle) -> None:
    text = ("Susunan keanggotaan Dewan Smart City sebagaimana dimaksud dalam Pasal 16 ayat (1) huruf a terdiri atas: "
            "Ketua: Bupati; Wakil Ketua: Wakil Bupati; Sekretaris: Sekretaris Daerah; dan Anggota: Kepala Kepolisian Resor")
    ids = [hit.provision_id for hit in search(query=text, handle=corpus).hits[:3]]
    assert "perbup-batang-2019-23/pasal-17/ayat-1" in ids


@pytest.mark.parametrize("kwargs, message", [
    ({"page": 0}, "page"),
    ({"sort": "acak"}, "sort"),
    ({"filters": SearchFilters(tingkat="desa")}, "tingkat"),
    ({"filters": SearchFilters(bagian="lampiran-x")}, "bagian"),
    ({"filters": SearchFilters(tahun_min=2020, tahun_max=2010)}, "tahun_min"),
])
def test_bad_arguments_are_invalid_input(kwargs: dict, message: str, corpus: IndexHandle) -> None:
    with pytest.raises(InvalidInput, match=message):
        search(query="data", handle=corpus, **kwargs)


def test_snippet_escapes_html_and_marks_stems() -> None:
    html = snippet("Pengelolaan <b>arsip</b> & dikelola", frozenset({"kelola"}))
    assert html.count("<mark>") == 2 and "&lt;b&gt;" in html and "&amp;" in html
