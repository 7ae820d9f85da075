"""Relevance over the bundled corpus: recall@10 and MRR of a hand-written query set.

The thresholds are the figures measured when the set was written, kept as a floor: a change
to analysis, synonyms or ranking that lowers them fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.index.schema import IndexHandle
from app.index.search import SearchFilters, search

CASES: list[dict[str, Any]] = json.loads((Path(__file__).parent / "relevance.json").read_text(encoding="utf-8"))["queries"]
KINDS = {"plain", "phrase", "typo", "synonym", "filtered", "operator"}
MIN_MRR = 0.85
MIN_RECALL_AT_10 = 0.95


def rank_of_first_relevant(case: dict[str, Any], handle: IndexHandle) -> int | None:
    result = search(query=case["q"], filters=SearchFilters(**case.get("filters", {})), per_page=10, handle=handle)
    for rank, hit in enumerate(result.hits, start=1):
        if hit.provision_id in case["relevant"]:
            return rank
    return None


def test_the_set_is_large_and_varied() -> None:
    assert len(CASES) >= 40
    assert {case["kind"] for case in CASES} == KINDS


def test_recall_at_10_and_mrr(corpus: IndexHandle) -> None:
    ranks = {case["q"] + json.dumps(case.get("filters", {})): rank_of_first_relevant(case, corpus) for case in CASES}
    missed = [query for query, rank in ranks.items() if rank is None]
    recall = 1 - len(missed) / len(ranks)
    mrr = sum(1 / rank for rank in ranks.values() if rank) / len(ranks)
    print(f"recall@10 {recall:.3f}  MRR {mrr:.3f}  missed {missed}")
    assert recall >= MIN_RECALL_AT_10, missed
    assert mrr >= MIN_MRR, ranks


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "typo"], ids=lambda c: c["q"])
def test_every_typo_is_corrected_into_a_hit(case: dict[str, Any], corpus: IndexHandle) -> None:
    assert rank_of_first_relevant(case, corpus) is not None
