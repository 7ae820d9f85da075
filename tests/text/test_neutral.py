"""Region-neutral words."""

from app.text.neutral import neutraliser


def test_offices_regions_and_programme_names_are_read_alike() -> None:
    n = neutraliser(["Kabupaten Batang", "Provinsi Jawa Tengah"])
    assert n.stems("Bupati Batang menetapkan Masterplan Smart City Kabupaten Batang") == \
        n.stems("Gubernur menetapkan Rencana Induk Jawa Tengah Cerdas")
    assert n.stems("dimuat dalam Berita Daerah Kabupaten Batang") == n.stems("dimuat dalam Lembaran Daerah Provinsi Jawa Tengah")


def test_reference_numbers_are_dropped_but_words_are_kept() -> None:
    n = neutraliser()
    assert n.stems("sebagaimana dimaksud dalam Pasal 5 ayat (1) huruf a") == n.stems("sebagaimana dimaksud dalam Pasal 7 ayat (2) huruf c")
    assert n.stems("paling lama 3 (tiga) bulan") != n.stems("paling lama 1 (satu) tahun")


def test_other_regions_names_are_content() -> None:
    assert "semarang" in neutraliser(["Kabupaten Batang"]).stems("kerja sama dengan Kota Semarang")
