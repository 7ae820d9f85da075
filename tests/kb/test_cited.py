"""Tests for app.kb.cited: Mengingat items linked to the regulations the knowledge base holds."""

from __future__ import annotations

from app.kb.cited import Cited, cited, cited_id

UU_23 = {"jenis": "Undang-Undang", "nomor": "23", "tahun": 2014, "daerah": None}


def test_a_stored_regulation_is_found_by_its_citation(session, save, make_document):
    save(make_document(jenis="Undang-Undang", jenis_singkat="UU", daerah="Nasional", tingkat="nasional", provinsi=None,
                       nomor="23", tahun=2014), "a" * 64)
    item = {**UU_23, "diubah": [{"jenis": "Undang-Undang", "nomor": "9", "tahun": 2015}]}
    assert cited(session, item) == [
        Cited(name="Undang-Undang Nomor 23 Tahun 2014", regulation_id="uu-2014-23"),
        Cited(name="Undang-Undang Nomor 9 Tahun 2015", regulation_id=None),
    ]


def test_no_link_without_number_or_year_or_when_absent(session):
    assert cited_id(session, UU_23) is None
    assert cited_id(session, {"jenis": "Undang-Undang Dasar", "tahun": 1945}) is None
    assert cited(session, {"text": "Pasal 18 ayat (6) Undang-Undang Dasar ...", "jenis": None}) == []
