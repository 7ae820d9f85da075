"""The vocabulary of kinds and how printed kinds map onto it (app/structure/jenis.py)."""

from __future__ import annotations

import dataclasses

import pytest

from app.errors import InvalidInput
from app.structure.jenis import JENIS, TINGKAT, all_jenis, by_kode, find_jenis, normalise_jenis


@pytest.mark.parametrize(
    ("text", "tingkat", "kode"),
    [
        # regional, as titles and citations print them
        ("PERATURAN BUPATI BATANG", None, "perbup"),
        ("Peraturan Bupati Batang Nomor 23 Tahun 2019", None, "perbup"),
        ("Perbup", None, "perbup"),
        ("PERATURAN DAERAH PROVINSI JAWA TENGAH", None, "perda-prov"),
        ("Peraturan Daerah Propinsi Daerah Tingkat I Jawa Tengah", None, "perda-prov"),
        ("Peraturan Daerah Daerah Istimewa Yogyakarta", None, "perda-prov"),
        ("Perda Provinsi", None, "perda-prov"),
        ("Peraturan Daerah Kabupaten Batang", None, "perda-kab"),
        ("PERATURAN DAERAH KOTA SEMARANG", None, "perda-kota"),
        ("PERATURAN DAERAH", None, "perda"),
        ("Perda", None, "perda"),
        ("PERATURAN DAERAH", "kabupaten", "perda-kab"),
        ("Perda", "Kota", "perda-kota"),
        ("Peraturan Daerah", "provinsi", "perda-prov"),
        ("PERATURAN DAERAH PROVINSI JAWA TENGAH", "kabupaten", "perda-prov"),  # the text wins
        ("PERATURAN GUBERNUR JAWA TENGAH", None, "pergub"),
        ("Pergub", None, "pergub"),
        ("Peraturan Walikota Semarang", None, "perwal"),
        ("PERATURAN WALI KOTA", None, "perwal"),
        ("Perwal", None, "perwal"),
        ("Perwali", None, "perwal"),
        ("Keputusan Gubernur Jawa Tengah", None, "kepgub"),
        ("KEPUTUSAN BUPATI BATANG", None, "kepbup"),
        ("Keputusan Walikota Pekalongan", None, "kepwal"),
        ("Peraturan Desa Sukamaju", None, "perdes"),
        # national
        ("UNDANG-UNDANG REPUBLIK INDONESIA", None, "uu"),
        ("Undang-undang", None, "uu"),
        ("UNDANG UNDANG", None, "uu"),
        ("Undang- Undang Nomor 9 Tahun 2015", None, "uu"),
        ("UU Nomor 23 Tahun 2014", None, "uu"),
        ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", None, "uud"),
        ("UUD 1945", None, "uud"),
        ("Undang-undang Darurat Nomor 7 Tahun 1956", None, "uu-darurat"),
        ("Ketetapan Majelis Permusyawaratan Rakyat Republik Indonesia", None, "tap-mpr"),
        ("Ketetapan MPR Nomor X/MPR/1998", None, "tap-mpr"),
        ("Tap MPR", None, "tap-mpr"),
        ("Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2014", None, "perppu"),
        ("Perpu", None, "perppu"),
        ("Perppu", None, "perppu"),
        ("PERATURAN PEMERINTAH REPUBLIK INDONESIA", None, "pp"),
        ("PP Nomor 71 Tahun 2019", None, "pp"),
        ("PERATURAN PRESIDEN REPUBLIK INDONESIA", None, "perpres"),
        ("Perpres", None, "perpres"),
        ("Penetapan Presiden No. 27 tahun 1965", None, "penpres"),
        ("Keputusan Presiden Republik Indonesia", None, "keppres"),
        ("Instruksi Presiden Nomor 3 Tahun 2003", None, "inpres"),
        ("Peraturan Menteri Dalam Negeri", None, "permen"),
        ("Peraturan Mentri Keuangan", None, "permen"),
        ("Permendagri Nomor 80 Tahun 2015", None, "permen"),
        ("Keputusan Menteri Dalam Negeri", None, "kepmen"),
        ("Peraturan Badan Siber dan Sandi Negara", None, "per-lembaga"),
        ("Peraturan Kepala Arsip Nasional Republik Indonesia", None, "per-lembaga"),
        ("Peraturan Komisi Informasi", None, "per-lembaga"),
        # the first kind, before "tentang"; markdown links read as text
        ("PERATURAN BUPATI BATANG NOMOR 8 TAHUN 2021 TENTANG PERUBAHAN ATAS PERATURAN DAERAH", None, "perbup"),
        ("[Undang-undang Nomor 5 Tahun 1974](/uu/1974/5)", None, "uu"),
        # OCR: tolerant patterns, then the fuzzy fallback
        ("UNDANG.UNDANG", None, "uu"),
        ("UNDANG-UNDANG NOMOR 11 TAHUN 2OO8", None, "uu"),
        ("PERATURAN PEMEzuNTAH REPUBLIK INDONESIA NOMOR 12 TAHUN 2OL9", None, "pp"),
        ("PERATURAN PEMERIN TAH", None, "pp"),
        ("PERATURAN BUPAT1 BATANG", None, "perbup"),
        ("PERATURAN DAERHA", None, "perda"),
        ("PERATURAN DAERHA", "kota", "perda-kota"),
    ],
)
def test_normalise_jenis(text: str, tingkat: str | None, kode: str) -> None:
    jenis = normalise_jenis(text, tingkat=tingkat)
    assert jenis is not None, text
    assert jenis.kode == kode


@pytest.mark.parametrize(
    "text",
    [
        "", "PERATURAN BERSAMA", "KEPUTUSAN BERSAMA", "SURAT EDARAN", "PENJELASAN",
        "Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244", "Berita Daerah Kabupaten Batang",
        "Peraturan Perundang-undangan", "Kitab Undang-Undang Hukum Perdata tentang", "PEMERINTAH",
        "Peraturan Kepala Daerah", "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    ],
)
def test_normalise_jenis_none(text: str) -> None:
    assert normalise_jenis(text) is None


@pytest.mark.parametrize(
    ("nama", "singkat", "kode", "tingkat", "regional"),
    [
        ("Undang-Undang Dasar", "UUD 1945", "uud", "nasional", False),
        ("Undang-Undang", "UU", "uu", "nasional", False),
        ("Peraturan Pemerintah Pengganti Undang-Undang", "Perppu", "perppu", "nasional", False),
        ("Peraturan Daerah Provinsi", "Perda Provinsi", "perda-prov", "provinsi", True),
        ("Peraturan Daerah Kabupaten", "Perda Kabupaten", "perda-kab", "kabupaten", True),
        ("Peraturan Daerah Kota", "Perda Kota", "perda-kota", "kota", True),
        ("Peraturan Gubernur", "Pergub", "pergub", "provinsi", True),
        ("Peraturan Bupati", "Perbup", "perbup", "kabupaten", True),
        ("Peraturan Wali Kota", "Perwal", "perwal", "kota", True),
        ("Peraturan Desa", "Perdes", "perdes", "desa", True),
    ],
)
def test_by_kode(nama: str, singkat: str, kode: str, tingkat: str, regional: bool) -> None:
    jenis = by_kode(kode)
    assert (jenis.nama, jenis.singkat, jenis.tingkat, jenis.regional) == (nama, singkat, tingkat, regional)


def test_by_kode_unknown() -> None:
    with pytest.raises(InvalidInput, match="unknown jenis kode 'perkada'"):
        by_kode("perkada")


def test_vocabulary_is_consistent() -> None:
    assert all_jenis() == JENIS
    assert len({j.kode for j in JENIS}) == len({j.nama for j in JENIS}) == len({j.singkat for j in JENIS}) == len(JENIS)
    for jenis in JENIS:
        assert jenis.tingkat in TINGKAT
        assert jenis.regional == (jenis.tingkat != "nasional")
        assert by_kode(jenis.kode) is jenis
        assert normalise_jenis(jenis.nama) == jenis, jenis  # every name reads back as itself
        with pytest.raises(dataclasses.FrozenInstanceError):
            jenis.nama = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "kode", "after"),
    [
        # the issuer or region follows the kind's words
        ("Peraturan Menteri Dalam Negeri Nomor 80", "permen", "Menteri Dalam Negeri Nomor 80"),
        ("Peraturan Badan Siber dan Sandi Negara Nomor 4", "per-lembaga", "Badan Siber dan Sandi Negara Nomor 4"),
        ("Peraturan Bupati Batang Nomor 23", "perbup", "Batang Nomor 23"),
        ("Peraturan Daerah Provinsi Jawa Tengah Nomor 11", "perda-prov", "Jawa Tengah Nomor 11"),
        ("Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia", "uud", "Negara Republik Indonesia"),
    ],
)
def test_find_jenis_span(text: str, kode: str, after: str) -> None:
    match = find_jenis(text)
    assert match is not None and not match.fuzzy
    assert match.jenis.kode == kode
    assert text[match.end:].strip() == after
