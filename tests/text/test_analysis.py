"""The search analyzers: legal-text tokens, OCR'd numbers, compounds, stop words, stems."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.text.analysis import STOP_LIST, exact_analyzer, stem, stemmed_analyzer, term_spans, words


def tokens(text: str, *, exact: bool = False) -> list[tuple[str, int]]:
    analyzer = exact_analyzer() if exact else stemmed_analyzer()
    return [(t.text, t.pos) for t in analyzer(text, positions=True)]


@pytest.mark.parametrize("text, expected", [
    ("dan/atau", ["dan", "atau"]),
    ("e-Government", ["e", "government"]),
    ("Kabupaten/Kota", ["kabupaten", "kota"]),
    ("Nomor 12/2011", ["nomor", "12/2011"]),
    ("Rp1.000.000,00.", ["rp1.000.000,00"]),
    ("Pasal 5A", ["pasal", "5a"]),
    ("tahun 2O19", ["tahun", "2019"]),      # OCR'd O in a number
    ("Nomor l0", ["nomor", "10"]),           # l for 1
    ("huruf 19a", ["huruf", "19a"]),        # an insertion letter is kept
    ("Pasai", ["pasai"]),                    # running text is never rewritten
])
def test_exact_tokens(text: str, expected: list[str]) -> None:
    assert words(text) == expected


LEGAL_TEXT = st.lists(st.sampled_from([
    "Pasal", "5A", "ayat", "(2)", "dan/atau", "e-Government", "2O19", "l0", "Rp1.000.000,00.", "Kabupaten/Kota",
    "Penyelenggaraan", "SPBE;", "Bupati", "Nomor", "12/2011", "-", "’s", "İstimewa", "KEMENTERIAN", "huruf", "a.",
]), max_size=30).map(" ".join) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(LEGAL_TEXT)
def test_fast_words_and_spans_read_as_the_analyzers_do(text: str) -> None:
    exact = [(t.text, t.startchar, t.endchar) for t in exact_analyzer()(text, chars=True)]
    assert words(text) == [word for word, _, _ in exact]
    spans = list(term_spans(text))
    assert [(start, end) for start, end, _ in spans] == [(start, end) for _, start, end in exact]
    assert [term for *_, term in spans] == [stem(word) for word, _, _ in exact]
    indexed = [t.text for t in stemmed_analyzer()(text)]
    assert indexed == [stem(word) for word, _, _ in exact if word not in STOP_LIST]


def test_compound_parts_take_consecutive_positions_and_shift_the_rest() -> None:
    assert tokens("Pemerintah Kabupaten/Kota cerdas", exact=True) == [
        ("pemerintah", 0), ("kabupaten", 1), ("kota", 2), ("cerdas", 3),
    ]


def test_compound_parts_keep_their_characters_for_highlighting() -> None:
    text = "layanan e-government"
    found = [(t.text, text[t.startchar:t.endchar]) for t in exact_analyzer()(text, chars=True)]
    assert found == [("layanan", "layanan"), ("e", "e"), ("government", "government")]


def test_stemmed_field_drops_stop_words_but_keeps_norm_words() -> None:
    stems = [text for text, _pos in tokens("yang wajib dan tidak paling lama untuk kebijakan")]
    assert stems == ["wajib", "tidak", "paling", "lama", "bijak"]


@pytest.mark.parametrize("word, expected", [
    ("penyelenggaraan", "selenggara"),
    ("diselenggarakan", "selenggara"),
    ("pengelolaan", "kelola"),
    ("dikelola", "kelola"),
    ("kearsipan", "arsip"),
    ("perlindungan", "lindung"),
    ("pelindungan", "lindung"),
    ("spbe", "spbe"),      # short or unknown: kept
    ("opd", "opd"),
    ("2019", "2019"),
])
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_inflected_forms_share_one_indexed_term() -> None:
    assert tokens("pengelolaan")[0][0] == tokens("dikelola")[0][0] == tokens("mengelola")[0][0]
