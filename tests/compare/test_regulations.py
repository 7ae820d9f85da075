"""Comparing regulations: sides, definitions, reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session

from app.compare.regulations import compare, load_side
from app.compare.report import to_csv, to_html
from app.errors import NotFound

SPECIMENS = Path(__file__).resolve().parents[3] / "shared" / "specimens"
BATANG = SPECIMENS / "perbup-batang-2019-23-smart-city.txt"
JATENG = SPECIMENS / "perda-jateng-2019-11-jateng-cerdas.txt"


def test_a_file_against_itself_is_identical_throughout(session: Session) -> None:
    side = load_side(str(BATANG), session)
    result = compare(side, side)
    assert result.carried == 1.0 and not result.only_a and not result.only_b
    assert {p.relation for p in result.pairs} == {"identical"} and all(p.a == p.b for p in result.pairs)
    assert not result.definitions.changed and not result.definitions.only_a


def test_summary_definitions_and_reports(session: Session) -> None:
    result = compare(load_side(str(BATANG), session), load_side(str(JATENG), session))
    assert 0.8 <= result.carried < 1.0
    assert sum(row.pasal for row in result.by_bab) == result.a.pasal
    assert result.definitions.only_b  # the Perda defines terms the Perbup has not
    assert sum(result.relations.values()) == len(result.pairs)
    pair = next(p for p in result.pairs if p.relation == "adapted" and p.ayat)
    assert pair.ayat[0].a_id.startswith(pair.a_id)
    csv_text = to_csv(result)
    assert csv_text.splitlines()[0].startswith("pasal_a,pasal_b,relation") and len(csv_text.splitlines()) == len(result.pairs) + 1
    page = to_html(result)
    assert page.startswith("<!DOCTYPE html>") and "SPESIMEN" in page and "<del>" in page and "<ins>" in page


def test_unknown_side_is_a_clear_error(session: Session) -> None:
    with pytest.raises(NotFound, match="bukan berkas maupun id"):
        load_side("tidak-ada-2020-1", session)


def test_an_amendment_lines_up_with_the_pasal_it_changes(session: Session) -> None:
    """The amending Perbup's new versions of Pasal 1, 17, 23 and 25 pair with the originals; the
    definitions it added make Pasal 1 adapted, not identical; the inserted Pasal 14A is new."""
    amendment = SPECIMENS / "perbup-batang-2021-8-perubahan-smart-city.txt"
    result = compare(load_side(str(BATANG), session), load_side(str(amendment), session))
    pairs = {(p.a, p.b): p.relation for p in result.pairs}
    assert pairs[("1", "1")] == "adapted"
    assert {("23", "23"), ("25", "25")} <= pairs.keys() and ("17", "17") in pairs
    assert "14A" in result.only_b
