"""Tests for app.structure.regions: the data file and the name lookups."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from app.structure.regions import (
    TINGKAT,
    Region,
    all_regions,
    from_office,
    from_title,
    lookup,
    province_of,
)

# --- The data ------------------------------------------------------------------------------


def test_counts_per_tingkat() -> None:
    counts = Counter(r.tingkat for r in all_regions())
    assert counts == {"provinsi": 38, "kabupaten": 416, "kota": 98}


def test_codes_are_unique_and_well_formed() -> None:
    codes = [r.kode for r in all_regions()]
    assert len(codes) == len(set(codes))
    for r in all_regions():
        parts = r.kode.split(".")
        assert all(len(p) == 2 and p.isdigit() for p in parts), r
        assert len(parts) == (1 if r.tingkat == "provinsi" else 2), r
        if r.tingkat == "kota":
            assert int(parts[1]) >= 71, r  # Kemendagri numbers kota from 71
        if r.tingkat == "kabupaten":
            assert int(parts[1]) < 71, r


def test_names_are_unique_and_carry_their_level_word() -> None:
    names = [r.nama for r in all_regions()]
    assert len(names) == len(set(names))
    prefix = {"provinsi": "Provinsi ", "kabupaten": "Kabupaten ", "kota": "Kota "}
    for r in all_regions():
        assert r.tingkat in TINGKAT
        assert r.nama.startswith(prefix[r.tingkat]), r
        assert r.nama == r.nama.strip() and "  " not in r.nama, r
        assert not r.nama.isupper(), r  # Title Case, not the source's capitals


def test_every_kabupaten_and_kota_has_an_existing_province() -> None:
    provinces = {r.nama: r for r in all_regions() if r.tingkat == "provinsi"}
    for r in all_regions():
        if r.tingkat == "provinsi":
            assert r.provinsi is None
            continue
        assert r.provinsi in provinces, r
        assert provinces[r.provinsi].kode == r.kode.split(".")[0], r


@pytest.mark.parametrize(
    "nama",
    ["Provinsi Papua Selatan", "Provinsi Papua Tengah", "Provinsi Papua Pegunungan",
     "Provinsi Papua Barat Daya", "Provinsi Kalimantan Utara"],
)
def test_new_provinces_are_present(nama: str) -> None:
    assert lookup(nama) is not None


@pytest.mark.parametrize(
    ("kode", "nama"),
    [
        ("33", "Provinsi Jawa Tengah"),
        ("33.25", "Kabupaten Batang"),
        ("33.74", "Kota Semarang"),
        ("31", "Provinsi DKI Jakarta"),
        ("31.01", "Kabupaten Administrasi Kepulauan Seribu"),
        ("31.71", "Kota Administrasi Jakarta Pusat"),
        ("19.71", "Kota Pangkalpinang"),
        ("12.12", "Kabupaten Toba"),
        ("96.71", "Kota Sorong"),
    ],
)
def test_known_codes(kode: str, nama: str) -> None:
    assert {r.kode: r.nama for r in all_regions()}[kode] == nama


def test_administrative_regions_are_only_dki_jakarta() -> None:
    admin = {r.kode for r in all_regions() if r.administrative}
    assert admin == {"31.01", "31.71", "31.72", "31.73", "31.74", "31.75"}


def test_random_sample_round_trips_through_lookup() -> None:
    sample = random.Random(20190513).sample(all_regions(), 30)
    for r in sample:
        assert lookup(r.nama) == r
        assert lookup(r.nama.upper()) == r


def test_every_name_and_alias_finds_its_region() -> None:
    for r in all_regions():
        assert lookup(r.nama) == r
        for alias in r.aliases:
            assert lookup(alias, tingkat=r.tingkat) == r, alias


# --- lookup ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tingkat", "kode"),
    [
        ("Kabupaten Batang", None, "33.25"),
        ("kabupaten   batang ", None, "33.25"),
        ("KAB. BATANG", None, "33.25"),
        ("Kab Batang", None, "33.25"),
        ("Kab.Batang", None, "33.25"),
        ("Batang", None, "33.25"),
        ("Batang", "kabupaten", "33.25"),
        ("Bupati Batang", None, "33.25"),
        ("KABUPATENBATANG", None, "33.25"),
        ("Ba tang", None, "33.25"),
        ("Provinsi Jawa Tengah", None, "33"),
        ("Propinsi Jawa Tengah", None, "33"),
        ("Prov. Jawa Tengah", None, "33"),
        ("Jawa Tengah", None, "33"),
        ("Jateng", None, "33"),
        ("Jatim", None, "35"),
        ("Jabar", None, "32"),
        ("DIY", None, "34"),
        ("DKI", None, "31"),
        ("DKI Jakarta", None, "31"),
        ("NTB", None, "52"),
        ("NTT", None, "53"),
        ("Kota Semarang", None, "33.74"),
        ("Walikota Semarang", None, "33.74"),
        ("Wali Kota Semarang", None, "33.74"),
        ("Kotamadya Semarang", None, "33.74"),
        ("Semarang", "kota", "33.74"),
        ("Semarang", "kabupaten", "33.22"),
        ("Bandung", "kota", "32.73"),
        ("Bandung", "kabupaten", "32.04"),
        ("Kota Administrasi Jakarta Pusat", None, "31.71"),
        ("Kota Jakarta Pusat", None, "31.71"),
        ("Jakarta Pusat", None, "31.71"),
        ("Kabupaten Kepulauan Seribu", None, "31.01"),
        ("Kota Pangkal Pinang", None, "19.71"),
        ("Kota Pangkalpinang", None, "19.71"),
        ("Kabupaten Toba Samosir", None, "12.12"),
        ("Kabupaten Mamuju Utara", None, "76.01"),
        ("Kabupaten Gunung Kidul", None, "34.03"),
        ("Kota Baru", None, "63.02"),  # Kabupaten Kotabaru, not a kota
        ("Yogyakarta", "kota", "34.71"),
        ("Yogyakarta", "provinsi", "34"),
    ],
)
def test_lookup(name: str, tingkat: str | None, kode: str) -> None:
    found = lookup(name, tingkat)
    assert found is not None
    assert found.kode == kode


@pytest.mark.parametrize(
    ("name", "tingkat"),
    [
        ("Bandung", None),  # Kabupaten Bandung and Kota Bandung
        ("Semarang", None),
        ("Yogyakarta", None),  # the province and the kota
        ("Gorontalo", None),  # province, kabupaten and kota
        ("Jambi", None),
        ("Kota Batang", None),  # no such kota
        ("Kota Bandung", "kabupaten"),  # the level word contradicts tingkat
        ("Batang", "kota"),
        ("Atlantis", None),
        ("", None),
        ("  ,. ", None),
    ],
)
def test_lookup_finds_nothing(name: str, tingkat: str | None) -> None:
    assert lookup(name, tingkat) is None


def test_lookup_rejects_an_unknown_tingkat() -> None:
    with pytest.raises(ValueError, match="tingkat"):
        lookup("Batang", tingkat="desa")


# --- from_office ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("office", "kode"),
    [
        ("BUPATI BATANG", "33.25"),
        ("BUPATI BATANG,", "33.25"),
        ("PJ. BUPATI BATANG,", "33.25"),
        ("Plt. Bupati Batang", "33.25"),
        ("GUBERNUR JAWA TENGAH", "33"),
        ("GUBERNUR JAWA TENGAH,", "33"),
        ("PENJABAT GUBERNUR JAWA TENGAH,", "33"),
        ("GUBERNUR DAERAH KHUSUS IBUKOTA JAKARTA,", "31"),
        ("GUBERNUR DAERAH ISTIMEWA YOGYAKARTA,", "34"),
        ("WALI KOTA SEMARANG", "33.74"),
        ("WALIKOTA SEMARANG", "33.74"),
        ("WALIKOTA  SEMARANG ,", "33.74"),
        ("WALI KOTA YOGYAKARTA,", "34.71"),
        ("BUPATI BANDUNG", "32.04"),
        ("WALI KOTA BANDUNG", "32.73"),
        ("BUPATI KEPULAUAN SERIBU", "31.01"),
        ("WALI KOTA JAKARTA PUSAT", "31.71"),
    ],
)
def test_from_office(office: str, kode: str) -> None:
    found = from_office(office)
    assert found is not None
    assert found.kode == kode


@pytest.mark.parametrize(
    "office",
    ["BUPATI", "MENTERI DALAM NEGERI", "PRESIDEN REPUBLIK INDONESIA", "BUPATI SEMARANG KOTA",
     "WALI KOTA BATANG", "GUBERNUR BATANG", ""],
)
def test_from_office_finds_nothing(office: str) -> None:
    assert from_office(office) is None


# --- from_title -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kode"),
    [
        ("PERATURAN DAERAH PROVINSI JAWA TENGAH", "33"),
        ("PERATURAN DAERAH KABUPATEN BATANG", "33.25"),
        ("PERATURAN BUPATI BATANG", "33.25"),
        ("PERATURAN BUPATI BATANG NOMOR 23 TAHUN 2019", "33.25"),
        ("PERATURAN WALI KOTA SURABAYA", "35.78"),
        ("PERATURAN WALIKOTA SURABAYA", "35.78"),
        ("PERATURAN GUBERNUR JAWA TENGAH", "33"),
        ("PERATURAN GUBERNUR DAERAH KHUSUS IBUKOTA JAKARTA", "31"),
        ("PERATURAN DAERAH KHUSUS IBUKOTA JAKARTA", "31"),
        ("PERATURAN DAERAH DAERAH ISTIMEWA YOGYAKARTA", "34"),
        ("PERATURAN DAERAH KOTA BANDUNG", "32.73"),
        ("PERATURAN BUPATI BANDUNG", "32.04"),
        ("PENJELASAN ATAS PERATURAN DAERAH KABUPATEN BATANG", "33.25"),
        ("QANUN ACEH", "11"),
        ("Peraturan Bupati Batang", "33.25"),
    ],
)
def test_from_title(title: str, kode: str) -> None:
    found = from_title(title)
    assert found is not None
    assert found.kode == kode


@pytest.mark.parametrize(
    "title",
    [
        "UNDANG-UNDANG REPUBLIK INDONESIA",
        "PERATURAN PEMERINTAH REPUBLIK INDONESIA",
        "PERATURAN PRESIDEN REPUBLIK INDONESIA",
        "PERATURAN MENTERI DALAM NEGERI REPUBLIK INDONESIA",
        "PERATURAN DAERAH BANDUNG",  # no level: Kabupaten or Kota?
        "NOMOR 23 TAHUN 2019",
        "",
    ],
)
def test_from_title_finds_nothing(title: str) -> None:
    assert from_title(title) is None


# --- province_of ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("Kabupaten Batang", "Provinsi Jawa Tengah"),
        ("Kota Semarang", "Provinsi Jawa Tengah"),
        ("Kota Administrasi Jakarta Timur", "Provinsi DKI Jakarta"),
        ("Kabupaten Merauke", "Provinsi Papua Selatan"),
        ("Kota Sorong", "Provinsi Papua Barat Daya"),
        ("Provinsi Jawa Tengah", "Provinsi Jawa Tengah"),
    ],
)
def test_province_of(name: str, province: str) -> None:
    region = lookup(name)
    assert region is not None
    assert province_of(region).nama == province


def test_province_of_every_region_matches_its_provinsi_column() -> None:
    for r in all_regions():
        p = province_of(r)
        assert p.tingkat == "provinsi"
        assert p.nama == (r.provinsi or r.nama)


def test_region_is_frozen_and_comparable() -> None:
    r = lookup("Kabupaten Batang")
    assert r == Region("33.25", "Kabupaten Batang", "kabupaten", "Provinsi Jawa Tengah")
    with pytest.raises(AttributeError):
        r.nama = "x"  # type: ignore[misc]
    assert all_regions() is all_regions()  # loaded once
