"""Two regulations lined up Pasal by Pasal, and ayat by ayat inside each pair.

How (``align``):

1. each Pasal (and each ayat) is read as region-neutral stems (``app.text.neutral``) and
   weighted by TF-IDF over the Pasal of both regulations, so words every Pasal has count little;
2. one-to-one pairs are taken best first by cosine similarity, each Pasal at most once, while
   the similarity reaches ``PAIR_MIN``: chapters moved elsewhere still pair, whatever the order;
3. a Pasal whose words are mostly inside another Pasal already paired (``CONTAIN_MIN`` of its
   weight), make a real part of it (``PART_MIN`` of that Pasal's weight) and are like it
   (cosine at least ``PIECE_MIN``), was merged into
   it (two Pasal of A became one of B) or split off from it (one Pasal of A became two of B),
   when it was left over or is more like that Pasal than like its own partner;
4. what is still left is ``only_a`` / ``only_b``.

A one-to-one pair is ``identical`` when its region-neutral words are the same (or nearly, see
``same_words``: a renumbered reference or an OCR slip is forgiven, a new sentence is not) and
``adapted`` otherwise. Ayat inside a pair are aligned the same way.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz


PAIR_MIN = 0.50
CONTAIN_MIN = 0.60
PART_MIN = 0.20
PIECE_MIN = 0.40
IDENTICAL_MIN = 95.0
IDENTICAL_RUN = 2


@dataclass
class Unit:
    """A Pasal or an ayat to align: its number as printed, provision id, original text and stems."""

    num: str
    id: str
    text: str
    stems: list[str]
    bab: str | None = None
    children: list[Unit] = field(default_factory=list)


@dataclass(frozen=True)
class Pair:
    a: int          # index into the A units
    b: int
    relation: str   # identical | adapted | merged | split
    score: float


@dataclass(frozen=True)
class Alignment:
    pairs: list[Pair]
    only_a: list[int]
    only_b: list[int]


def _weights(a: Sequence[Unit], b: Sequence[Unit]) -> tuple[np.ndarray, np.ndarray]:
    """TF-IDF rows (L2-normalised) of both sides over their joint vocabulary."""
    vocabulary: dict[str, int] = {}
    for unit in (*a, *b):
        for term in unit.stems:
            vocabulary.setdefault(term, len(vocabulary))
    counts = np.zeros((len(a) + len(b), max(1, len(vocabulary))))
    for row, unit in enumerate((*a, *b)):
        for term, count in Counter(unit.stems).items():
            counts[row, vocabulary[term]] = 1 + math.log(count)
    documents = len(a) + len(b)
    idf = np.log((1 + documents) / (1 + (counts > 0).sum(axis=0))) + 1
    weighted = counts * idf
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    weighted = np.divide(weighted, norms, out=np.zeros_like(weighted), where=norms > 0)
    return weighted[: len(a)], weighted[len(a):]


def _containment(inner: np.ndarray, outer: np.ndarray) -> np.ndarray:
    """[i, j]: the share of unit i's weight whose terms unit j also has."""
    totals = inner.sum(axis=1, keepdims=True)
    shared = inner @ (outer > 0).T.astype(float)
    return np.divide(shared, totals, out=np.zeros_like(shared), where=totals > 0)


def same_words(a: list[str], b: list[str]) -> bool:
    """True when two texts' region-neutral stems say the same thing: equal, or nearly (a rapidfuzz
    ratio of ``IDENTICAL_MIN``) with no run of more than ``IDENTICAL_RUN`` stems on one side only,
    so an OCR slip is forgiven but a definition added to a long Pasal is not.

    >>> same_words("dewan bentuk kepala".split(), "dewan bentuk kepala".split())
    True
    >>> long = [f"kata{i}" for i in range(100)]
    >>> same_words(long, long[:40] + ["x"] + long[41:]), same_words(long, long[:40] + "x y z".split() + long[40:])
    (True, False)
    """
    if a == b:
        return True
    if fuzz.ratio(" ".join(a), " ".join(b)) < IDENTICAL_MIN:
        return False
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return all(max(i2 - i1, j2 - j1) <= IDENTICAL_RUN
               for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")


def _pieces(inner_in_outer: np.ndarray, outer_in_inner: np.ndarray, similarity: np.ndarray,
            partner_inner: dict[int, int], partner_outer: dict[int, int]) -> dict[int, int]:
    """Inner units that are a piece of an outer unit paired with another inner unit (step 3 of
    the module docstring): inner -> outer. Their own one-to-one pairs are dropped from the partner maps."""
    pieces: dict[int, int] = {}
    for i in range(inner_in_outer.shape[0]):
        own = partner_inner.get(i)
        for j in np.argsort(-inner_in_outer[i], kind="stable"):
            j = int(j)
            if inner_in_outer[i, j] < CONTAIN_MIN:
                break
            if (j != own and j in partner_outer and outer_in_inner[j, i] >= PART_MIN and similarity[i, j] >= PIECE_MIN
                    and (own is None or similarity[i, j] > similarity[i, own])):
                pieces[i] = j
                break
    for i in pieces:
        partner_outer.pop(partner_inner.pop(i, -1), None)
    return pieces


def align(a: Sequence[Unit], b: Sequence[Unit]) -> Alignment:
    """The alignment of units ``a`` with units ``b`` (see the module docstring)."""
    if not a or not b:
        return Alignment([], list(range(len(a))), list(range(len(b))))
    wa, wb = _weights(a, b)
    similarity = wa @ wb.T
    partner_a: dict[int, int] = {}
    partner_b: dict[int, int] = {}
    order = np.argsort(-similarity, axis=None, kind="stable")
    for flat in order:
        i, j = divmod(int(flat), len(b))
        if similarity[i, j] < PAIR_MIN:
            break
        if i not in partner_a and j not in partner_b:
            partner_a[i], partner_b[j] = j, i

    a_in_b, b_in_a = _containment(wa, wb), _containment(wb, wa)
    merged = _pieces(a_in_b, b_in_a, similarity, partner_a, partner_b)     # A unit -> the B unit it went into
    split = _pieces(b_in_a, a_in_b, similarity.T, partner_b, partner_a)    # B unit -> the A unit it came from

    merged_into = set(merged.values())
    split_from = set(split.values())
    pairs: list[Pair] = []
    for i, j in partner_a.items():
        relation = ("merged" if j in merged_into else "split" if i in split_from
                    else "identical" if same_words(a[i].stems, b[j].stems) else "adapted")
        pairs.append(Pair(i, j, relation, float(similarity[i, j])))
    pairs += [Pair(i, j, "merged", float(similarity[i, j])) for i, j in merged.items()]
    pairs += [Pair(i, j, "split", float(similarity[i, j])) for j, i in split.items()]
    pairs.sort(key=lambda pair: (pair.a, pair.b))
    paired_a = {pair.a for pair in pairs}
    paired_b = {pair.b for pair in pairs}
    return Alignment(
        pairs=pairs,
        only_a=[i for i in range(len(a)) if i not in paired_a],
        only_b=[j for j in range(len(b)) if j not in paired_b],
    )

