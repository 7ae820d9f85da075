"""Clause units cut from provision rows: which nodes are units and what text they carry."""

from __future__ import annotations

from app.index.units import clause_units, says_only_cukup_jelas


def row(id_: str, kind: str, num: str | None = None, text: str = "", parent: str | None = None,
        part: str = "body", heading: str | None = None) -> dict:
    return {"id": id_, "kind": kind, "num": num, "text": text, "parent_id": parent, "part": part, "heading": heading}


ROWS = [
    row("r/bab-3", "bab", "III", heading="KELEMBAGAAN"),
    row("r/bab-3/bagian-1", "bagian", "Kesatu", heading="Dewan Smart City", parent="r/bab-3"),
    row("r/pasal-16", "pasal", "16", parent="r/bab-3/bagian-1"),
    row("r/pasal-16/ayat-1", "ayat", "1", "Bupati membentuk:", parent="r/pasal-16"),
    row("r/pasal-16/ayat-1/huruf-a", "huruf", "a", "Dewan Smart City; dan", parent="r/pasal-16/ayat-1"),
    row("r/pasal-16/ayat-1/huruf-a/angka-1", "angka", "1", "unsur ahli;", parent="r/pasal-16/ayat-1/huruf-a"),
    row("r/pasal-16/ayat-2", "ayat", "2", "Ditetapkan dengan Keputusan Bupati.", parent="r/pasal-16"),
    row("r/pasal-17", "pasal", "17", "Dewan bertugas memberi arahan.", parent="r/bab-3/bagian-1"),
    row("r/penjelasan/pasal-16", "pasal", "16", "Cukup jelas.", part="penjelasan"),
    row("r/penjelasan/pasal-17", "pasal", "17", "Yang dimaksud dengan arahan adalah pedoman.", part="penjelasan"),
]


def test_ayat_and_pasal_without_ayat_are_units_with_lists_folded_in() -> None:
    units = {unit.id: unit for unit in clause_units(ROWS)}
    assert list(units) == ["r/pasal-16/ayat-1", "r/pasal-16/ayat-2", "r/pasal-17", "r/penjelasan/pasal-17"]
    assert units["r/pasal-16/ayat-1"].text == "Bupati membentuk: a. Dewan Smart City; dan 1. unsur ahli;"
    assert (units["r/pasal-16/ayat-1"].pasal, units["r/pasal-16/ayat-1"].ayat) == ("16", "1")
    assert units["r/pasal-17"].ayat is None


def test_units_know_their_bab_and_headings() -> None:
    unit = clause_units(ROWS)[0]
    assert unit.bab == "BAB III KELEMBAGAAN"
    assert unit.headings == "KELEMBAGAAN Dewan Smart City"


def test_penjelasan_units_name_the_pasal_they_explain() -> None:
    unit = clause_units(ROWS)[-1]
    assert (unit.part, unit.pasal) == ("penjelasan", "17")


def test_cukup_jelas_says_nothing() -> None:
    assert says_only_cukup_jelas("Huruf a Cukup jelas. Huruf b Cukup jelas.")
    assert not says_only_cukup_jelas("Huruf a Yang dimaksud dengan data adalah fakta. Huruf b Cukup jelas.")
    assert not says_only_cukup_jelas("Pasal ini jelas mengatur sanksi.")
