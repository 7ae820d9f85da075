"""Query syntax: operators, phrases, brackets, synonyms; malformed input read as plain words."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from app.index.query import MAX_TERMS, Words, is_long, long_query, parse_query, to_whoosh


@pytest.mark.parametrize("text, tree", [
    ("dewan smart city", "Words(['dewan', 'smart', 'city'])"),
    ('"tim koordinasi" OR dewan', "Or(Phrase('tim koordinasi'), Words(['dewan']))"),
    ("sanksi NOT pidana", "And(Words(['sanksi']), Not(Words(['pidana'])))"),
    ("sanksi BUKAN pidana", "And(Words(['sanksi']), Not(Words(['pidana'])))"),
    ("sanksi -pidana", "And(Words(['sanksi']), Not(Words(['pidana'])))"),
    ("cctv ATAU kamera", "Or(Words(['cctv']), Words(['kamera']))"),
    ("(pusat OR ruang) AND kendali", "And(Or(Words(['pusat']), Words(['ruang'])), Words(['kendali']))"),
])
def test_syntax(text: str, tree: str) -> None:
    parsed = parse_query(text)
    assert repr(parsed.tree) == tree and not parsed.plain


@pytest.mark.parametrize("text", [
    '"tim koordinasi', "(pusat data", "pusat data)", "AND", "OR dewan", "dewan NOT", "dewan AND",
    '""', "()", "NOT", "a AND AND b", ")(",
])
def test_malformed_syntax_is_searched_as_plain_words(text: str) -> None:
    parsed = parse_query(text)
    assert parsed.plain
    assert parsed.tree is None or isinstance(parsed.tree, Words)


def test_plain_words_are_and_ed_and_stemmed() -> None:
    q = to_whoosh(parse_query("pengelolaan arsip").tree)
    assert q == wq.And([wq.Term("text", "kelola"), wq.Term("text", "arsip")])


def test_relaxed_query_ors_the_words() -> None:
    q = to_whoosh(parse_query("pengelolaan arsip").tree, any_word=True)
    assert q == wq.Or([wq.Term("text", "kelola"), wq.Term("text", "arsip")])


def test_phrases_go_to_the_exact_field_unstemmed() -> None:
    assert to_whoosh(parse_query('"pengelolaan arsip"').tree) == wq.Phrase("exact", ["pengelolaan", "arsip"])


def test_abbreviation_expands_to_its_long_form_and_back() -> None:
    short = to_whoosh(parse_query("SPBE").tree)
    long = to_whoosh(parse_query("sistem pemerintahan berbasis elektronik").tree)
    assert isinstance(short, wq.Or) and wq.Phrase("exact", ["sistem", "pemerintahan", "berbasis", "elektronik"]) in short.subqueries
    assert isinstance(long, wq.Or) and wq.Term("text", "spbe") in long.subqueries


def test_only_stop_words_leave_nothing_to_search() -> None:
    assert to_whoosh(parse_query("yang dan atau").tree) is None


def test_long_text_keeps_its_rarest_known_terms() -> None:
    text = " ".join(f"kata{i}" for i in range(40)) + " pemerintah daerah"
    parsed = parse_query(text)
    assert is_long(parsed)
    frequencies = {"perintah": 900, "daerah": 800, "kata3": 2, "kata7": 5}
    q = long_query(text, lambda term: frequencies.get(term, 0), limit=3)
    assert q == wq.Or([wq.Term("text", "kata3"), wq.Term("text", "kata7"), wq.Term("text", "daerah")])
    assert not is_long(parse_query(" ".join(["data"] * MAX_TERMS)))


@pytest.mark.parametrize("text", [('(("sanksi AND ' * 2000)[:10_000], "NOT " * 3000 + "x", "(" * 5000 + "x" + ")" * 5000])
def test_huge_or_deeply_nested_queries_parse_without_error(text: str) -> None:
    parsed = parse_query(text)
    assert parsed.plain and parsed.words
