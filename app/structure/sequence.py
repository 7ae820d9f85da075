"""Choosing which ``Pasal N`` lines are headings: the longest consistent run 1, 2, 3 ... N.

Real texts cite Pasal everywhere (``sebagaimana dimaksud dalam Pasal 5``), and joined or OCR'd
lines put citations at line starts. Each candidate gets a score from its context; the chosen
headings are the increasing chain that maximises the sum of scores plus bonuses for the step
to the next number (``5`` -> ``6``, ``5`` -> ``5A``) and penalties for gaps. A dynamic programme
over a window of recent candidates finds it in linear time.

>>> pick_sequence([Candidate(0, (1, ""), 3.0), Candidate(1, (5, ""), 1.0), Candidate(2, (2, ""), 3.0)])
[0, 2]
"""

from __future__ import annotations

from dataclasses import dataclass

WINDOW = 80  # how many earlier candidates a candidate may follow


@dataclass(frozen=True)
class Candidate:
    index: int               # position (e.g. line index) in the text
    value: tuple[int, str]   # (number, insertion suffix): Pasal 5A -> (5, "A")
    score: float             # how much the context says "heading"


def _step(prev: tuple[int, str], cur: tuple[int, str]) -> float | None:
    """Bonus for going from prev to cur; None when cur cannot follow prev."""
    if cur <= prev:
        return None
    (pn, ps), (cn, cs) = prev, cur
    if cn == pn:                       # 5 -> 5A, 5A -> 5B
        return 1.5 if ord(cs) - (ord(ps) if ps else ord("A") - 1) == 1 else 0.5
    if cn == pn + 1:
        return 2.0 if not cs else 0.5  # 5 -> 6; 5 -> 6A (6 missing)
    return -0.5 - min(cn - pn - 1, 12)  # a gap


def _start(value: tuple[int, str], first: int) -> float:
    number = value[0]
    return 1.0 if number == first else -0.5 - min(abs(number - first), 12) * 0.5


def pick_sequence(candidates: list[Candidate], *, first: int = 1) -> list[int]:
    """Indexes (``Candidate.index``) of the chosen headings, in order."""
    if not candidates:
        return []
    best: list[float] = []
    back: list[int] = []
    for i, cand in enumerate(candidates):
        score, prev = cand.score + _start(cand.value, first), -1
        for j in range(max(0, i - WINDOW), i):
            if candidates[j].index == cand.index:  # two readings of one line: only one may be chosen
                continue
            step = _step(candidates[j].value, cand.value)
            if step is not None and best[j] + step + cand.score > score:
                score, prev = best[j] + step + cand.score, j
        best.append(score)
        back.append(prev)
    i = max(range(len(candidates)), key=best.__getitem__)
    chosen = []
    while i >= 0:
        chosen.append(candidates[i].index)
        i = back[i]
    return chosen[::-1]
