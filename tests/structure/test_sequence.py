from app.structure.sequence import Candidate, pick_sequence


def _pick(values, scores=None):
    scores = scores or [3.0] * len(values)
    cands = [Candidate(i, (int(v.rstrip("AB")), v[-1] if v[-1].isalpha() else ""), s)
             for i, (v, s) in enumerate(zip(values, scores))]
    return [values[i] for i in pick_sequence(cands)]


def test_citations_out_of_order_are_dropped():
    assert _pick(["1", "2", "9", "3", "4", "2", "5"], [3, 3, 0.5, 3, 3, 0.5, 3]) == ["1", "2", "3", "4", "5"]


def test_inserted_pasal_follow_their_base():
    assert _pick(["4", "5", "5A", "5B", "6"]) == ["4", "5", "5A", "5B", "6"]


def test_a_gap_is_kept_when_nothing_fills_it():
    assert _pick(["1", "2", "4", "5"]) == ["1", "2", "4", "5"]


def test_a_weak_repeat_loses_to_the_run():
    assert _pick(["1", "2", "2", "3"], [3, 3, -2, 3]) == ["1", "2", "3"]


def test_nothing_to_pick():
    assert pick_sequence([]) == []
