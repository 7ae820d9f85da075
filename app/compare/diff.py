"""Word diffs of two clauses, as the reports and the API show them."""

from __future__ import annotations

import difflib

from app.models import DiffPart


def word_diff(a: str, b: str) -> list[DiffPart]:
    """The word runs of ``a`` and ``b``: equal, only in A (delete), only in B (insert).

    >>> [(p.op, p.text) for p in word_diff("Bupati menetapkan rencana", "Gubernur menetapkan rencana induk")]
    [('delete', 'Bupati'), ('insert', 'Gubernur'), ('equal', 'menetapkan rencana'), ('insert', 'induk')]
    """
    words_a, words_b = a.split(), b.split()
    parts: list[DiffPart] = []
    matcher = difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart(op="equal", text=" ".join(words_a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(DiffPart(op="delete", text=" ".join(words_a[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart(op="insert", text=" ".join(words_b[j1:j2])))
    return parts
