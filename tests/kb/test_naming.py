"""Tests for app.kb.naming: the regulation id rule and the kind names."""

from __future__ import annotations

import pytest

from app.kb.naming import jenis_info, regulation_slug, slugify, tingkat_of, unique_slug


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (dict(jenis="Peraturan Bupati", daerah="Kabupaten Batang", tahun=2019, nomor="23"), "perbup-batang-2019-23"),
        (dict(jenis="Peraturan Daerah Provinsi", daerah="Provinsi Jawa Tengah", tahun=2019, nomor="11"),
         "perda-prov-jawa-tengah-2019-11"),
        (dict(jenis="Peraturan Daerah", daerah="Kota Semarang", tahun=2021, nomor="3"), "perda-kota-semarang-2021-3"),
        (dict(jenis="Peraturan Daerah", daerah="Kabupaten Semarang", tahun=2021, nomor="3"), "perda-kab-semarang-2021-3"),
        (dict(jenis_singkat="Perda Provinsi", daerah="Jawa Tengah", tahun=2019, nomor="11"), "perda-prov-jawa-tengah-2019-11"),
        (dict(jenis="Peraturan Gubernur", daerah="Provinsi Jawa Tengah", tahun=2020, nomor="4"), "pergub-jawa-tengah-2020-4"),
        (dict(jenis="Peraturan Walikota", daerah="Kota Semarang", tahun=2021, nomor="7"), "perwal-semarang-2021-7"),
        (dict(jenis="Undang-Undang", daerah="Nasional", tahun=2014, nomor="23"), "uu-2014-23"),
        (dict(jenis="Peraturan Pemerintah", tahun=2016, nomor="18"), "pp-2016-18"),
        (dict(jenis="Peraturan Presiden", daerah="Nasional", tahun=2018, nomor="95"), "perpres-2018-95"),
        (dict(jenis="Peraturan Menteri", tahun=2021, nomor="8/PER/2021"), "permen-2021-8-per-2021"),
        (dict(jenis="Peraturan Bupati", daerah="Kabupaten Batang", nomor="23"), "perbup-batang-tanpa-tahun-23"),
        (dict(), "peraturan-tanpa-tahun-tanpa-nomor"),
    ],
)
def test_regulation_slug(fields, expected):
    assert regulation_slug(**fields) == expected


def test_unique_slug_counts_up():
    assert unique_slug("uu-2014-23", set()) == "uu-2014-23"
    assert unique_slug("uu-2014-23", {"uu-2014-23"}) == "uu-2014-23-2"
    assert unique_slug("uu-2014-23", lambda s: s in {"uu-2014-23", "uu-2014-23-2"}) == "uu-2014-23-3"


@pytest.mark.parametrize(
    ("daerah", "tingkat"),
    [("Kabupaten Batang", "kabupaten"), ("Kab. Batang", "kabupaten"), ("Kota Semarang", "kota"),
     ("Provinsi Jawa Tengah", "provinsi"), ("Propinsi Jawa Tengah", "provinsi"), ("Nasional", "nasional"),
     ("Batang", None), (None, None)],
)
def test_tingkat_of(daerah, tingkat):
    assert tingkat_of(daerah) == tingkat


def test_jenis_info_names():
    info = jenis_info("PERATURAN BUPATI")
    assert (info.kode, info.nama, info.singkat) == ("perbup", "Peraturan Bupati", "Perbup")
    assert jenis_info(None) is None
    assert jenis_info("Peraturan Kepala Desa Adat Aneh").kode  # unknown kinds still get a code


def test_slugify_drops_accents_and_punctuation():
    assert slugify("Désa  Ngadirejo / II") == "desa-ngadirejo-ii"
