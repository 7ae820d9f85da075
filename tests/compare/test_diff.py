"""Word diffs."""

from __future__ import annotations

from app.compare.diff import word_diff


def test_word_diff_keeps_every_word_of_both_sides() -> None:
    parts = word_diff("Bupati menetapkan rencana induk", "Gubernur menetapkan rencana")
    assert " ".join(p.text for p in parts if p.op != "insert") == "Bupati menetapkan rencana induk"
    assert " ".join(p.text for p in parts if p.op != "delete") == "Gubernur menetapkan rencana"


def test_word_diff_of_equal_texts_is_one_equal_run() -> None:
    assert [(p.op, p.text) for p in word_diff("SPBE  diselenggarakan", "SPBE diselenggarakan")] == [
        ("equal", "SPBE diselenggarakan")]
