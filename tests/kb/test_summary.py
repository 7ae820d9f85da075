"""Tests for app.kb.summary: counts by jenis, province and year, and the latest additions."""

from __future__ import annotations

from app.kb.summary import NASIONAL, summary


def test_counts_and_latest(session, save, make_document):
    save(make_document(nomor="23", tahun=2019), "a" * 64)
    save(make_document(nomor="8", tahun=2021), "b" * 64)
    save(make_document(jenis="Undang-Undang", jenis_singkat="UU", daerah="Nasional", tingkat="nasional", provinsi=None,
                       nomor="23", tahun=2014), "c" * 64)
    found = summary(session=session, latest=2)
    assert found.total == 3
    assert found.by_jenis == [("Peraturan Bupati", 2), ("Undang-Undang", 1)]
    assert found.by_provinsi == [("Provinsi Jawa Tengah", 2), (NASIONAL, 1)]
    assert found.by_tahun == [(2021, 1), (2019, 1), (2014, 1)]
    assert [regulation.id for regulation in found.latest] == ["uu-2014-23", "perbup-batang-2021-8"]


def test_an_empty_knowledge_base(session):
    found = summary(session=session)
    assert (found.total, found.by_jenis, found.by_provinsi, found.by_tahun, found.latest) == (0, [], [], [], [])
