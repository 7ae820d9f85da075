"""Synonym and abbreviation groups: the data file's format and matching inside a query."""

from __future__ import annotations

from app.text.synonyms import find_synonyms, is_abbreviation, parse_groups


def test_groups_are_read_with_the_exact_analyzer() -> None:
    groups = parse_groups("# komentar\nspbe | Sistem Pemerintahan Berbasis Elektronik | e-government\n\nlone\n")
    assert groups == [(("spbe",), ("sistem", "pemerintahan", "berbasis", "elektronik"), ("e", "government"))]


def test_longest_form_wins_and_matches_do_not_overlap() -> None:
    found = find_synonyms(["rencana", "induk", "spbe", "dan", "opd"])
    assert [(m.start, m.end) for m in found] == [(0, 3), (4, 5)]
    assert ("masterplan", "spbe") in found[0].forms
    assert ("perangkat", "daerah") in found[1].forms


def test_a_long_form_is_found_inside_a_sentence() -> None:
    found = find_synonyms("tugas dinas komunikasi dan informatika".split())
    assert len(found) == 1 and ("diskominfo",) in found[0].forms


def test_shipped_groups_cover_the_issue_examples() -> None:
    for word in ("spbe", "tik", "opd", "diskominfo", "perbup"):
        assert is_abbreviation(word), word
    assert ("perangkat", "daerah") in find_synonyms(["opd"])[0].forms
    assert ("peraturan", "bupati") in find_synonyms(["perbup"])[0].forms
