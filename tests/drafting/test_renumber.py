"""Tests for app.drafting.renumber: new numbers for BAB, Bagian, Paragraf and Pasal, and
cross-references printed with them."""

from __future__ import annotations

import doctest

import pytest

import app.drafting.renumber
from app.drafting.renumber import ordinal, renumber, rewrite_references
from app.structure.tree import Node, walk_all


def test_doctests() -> None:
    assert doctest.testmod(app.drafting.renumber).failed == 0


@pytest.mark.parametrize(("value", "word"), [(1, "Kesatu"), (2, "Kedua"), (11, "Kesebelas"), (12, "Kedua Belas"),
                                             (20, "Kedua Puluh")])
def test_ordinal_words_of_bagian(value: int, word: str) -> None:
    assert ordinal(value) == word


def test_bagian_start_again_in_each_bab_paragraf_in_each_bagian_pasal_run_through() -> None:
    body = [
        Node("pasal", "9"),
        Node("bab", "III", "SATU", children=[
            Node("bagian", "Ketiga", "A", children=[Node("paragraf", "4", children=[Node("pasal", "2")]),
                                                    Node("paragraf", "7", children=[Node("pasal", "5A")])]),
            Node("bagian", "Kesatu", "B", children=[Node("paragraf", "1", children=[Node("pasal", "1")])]),
        ]),
        Node("bab", "IIA", "DUA", children=[Node("bagian", "Kelima", "C", children=[Node("pasal", "30")])]),
    ]
    renumber(body)
    assert [(n.kind, n.num) for n in walk_all(body)] == [
        ("pasal", "1"), ("bab", "I"), ("bagian", "Kesatu"), ("paragraf", "1"), ("pasal", "2"), ("paragraf", "2"),
        ("pasal", "3"), ("bagian", "Kedua"), ("paragraf", "1"), ("pasal", "4"), ("bab", "II"), ("bagian", "Kesatu"),
        ("pasal", "5"),
    ]


NEW = {"pasal-5": "3", "pasal-10": "7", "pasal-11": "8", "pasal-12": "9", "pasal-16": "14", "pasal-17": "15",
       "pasal-25": "20", "bab-3": "II"}


@pytest.mark.parametrize(("text", "source_id", "expected"), [
    ("sebagaimana dimaksud dalam Pasal 5 ayat (1) huruf a", "pasal-16/ayat-1",
     "sebagaimana dimaksud dalam Pasal 3 ayat (1) huruf a"),
    ("dalam Pasal 16 ayat (1) huruf a dan huruf b", "pasal-17/ayat-1", "dalam Pasal 14 ayat (1) huruf a dan huruf b"),
    ("Ketentuan ayat (2) Pasal 25 berlaku", "pasal-17", "Ketentuan ayat (2) Pasal 20 berlaku"),
    ("dalam Pasal 10 sampai dengan Pasal 12", "pasal-17", "dalam Pasal 7 sampai dengan Pasal 9"),
    ("sebagaimana dimaksud pada ayat (1) huruf d angka 5, angka 6 dan angka 7", "pasal-17/ayat-2",
     "sebagaimana dimaksud pada ayat (1) huruf d angka 5, angka 6 dan angka 7"),
    ("sebagaimana dimaksud dalam Pasal 238 Undang-Undang Nomor 23 Tahun 2014", "pasal-17",
     "sebagaimana dimaksud dalam Pasal 238 Undang-Undang Nomor 23 Tahun 2014"),
    ("sebagaimana dimaksud dalam BAB III", "pasal-17", "sebagaimana dimaksud dalam BAB II"),
    ("dalam Pasa1 l6 ayat (1)", "pasal-17", "dalam Pasa1 14 ayat (1)"),  # OCR'd in the source
])
def test_references_are_printed_with_the_new_numbers(text: str, source_id: str, expected: str) -> None:
    rewritten = rewrite_references(text, source_id=source_id, new_number=NEW.get)
    assert rewritten.text == expected
    assert rewritten.dangling == []
    assert bool(rewritten.rewrites) == (expected != text)


def test_each_rewrite_names_the_reference_before_and_after() -> None:
    rewritten = rewrite_references("dalam Pasal 5 dan Pasal 16 ayat (2)", source_id="pasal-17", new_number=NEW.get)
    assert [(r.before, r.after) for r in rewritten.rewrites] == [("Pasal 5", "Pasal 3"),
                                                                 ("Pasal 16 ayat (2)", "Pasal 14 ayat (2)")]


@pytest.mark.parametrize(("text", "source_id", "dangling"), [
    ("sebagaimana dimaksud dalam Pasal 20 ayat (3)", "pasal-17", ["Pasal 20 ayat (3)"]),
    ("sebagaimana dimaksud pada ayat (1)", "pasal-43/ayat-2", ["ayat (1)"]),  # its own Pasal is not in the draft
    ("dalam Pasal 10 sampai dengan Pasal 12", "pasal-17", ["Pasal 10 sampai dengan Pasal 12"]),
])
def test_a_reference_to_what_the_draft_lacks_is_left_as_printed(text: str, source_id: str, dangling: list[str]) -> None:
    new = {**NEW, "pasal-11": "40"}  # the middle of the range moved away
    rewritten = rewrite_references(text, source_id=source_id, new_number=new.get)
    assert rewritten.dangling == dangling
