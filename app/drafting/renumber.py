"""Numbering a draft's body anew, and rewriting cross-references to the new numbers.

Lampiran II UU 12/2011: BAB are numbered in Roman numerals (``BAB I``, ``BAB II`` ...), Bagian
with ordinal words starting again in each BAB (``Bagian Kesatu``), Paragraf with Arabic numerals
starting again in each Bagian (``Paragraf 1``), and Pasal in Arabic numerals through the whole
regulation (``Pasal 1`` .. ``Pasal N``). Ayat and the lists inside a Pasal keep their numbers.

>>> from app.structure.tree import Node, walk_all
>>> body = [Node("bab", "IV", "KELEMBAGAAN", children=[Node("bagian", "Ketiga", "Tim", children=[
...     Node("paragraf", "2", "Tugas", children=[Node("pasal", "20")])]), Node("pasal", "21")])]
>>> renumber(body)
>>> [(n.kind, n.num) for n in walk_all(body)]
[('bab', 'I'), ('bagian', 'Kesatu'), ('paragraf', '1'), ('pasal', '1'), ('pasal', '2')]

A cross-reference names the Pasal in the numbering of the text it stands in (its *frame*): a
clause copied from Perbup Batang says "Pasal 16" meaning Batang's Pasal 16. ``rewrite_references``
asks ``new_number`` for the Pasal each reference points at and prints the new number in place:

>>> rewritten = rewrite_references("sebagaimana dimaksud dalam Pasal 16 ayat (1) huruf a", source_id="pasal-17/ayat-1",
...                                new_number={"pasal-16": "14", "pasal-17": "15"}.get)
>>> rewritten.text, [(r.before, r.after) for r in rewritten.rewrites], rewritten.dangling
('sebagaimana dimaksud dalam Pasal 14 ayat (1) huruf a', [('Pasal 16 ayat (1) huruf a', 'Pasal 14 ayat (1) huruf a')], [])

A reference to a Pasal the draft does not hold is marked, ``Pasal ?12``, so that it can never
point at whatever the draft's own Pasal 12 is (``MISSING_RE`` finds the marks):

>>> rewritten = rewrite_references("sebagaimana dimaksud dalam Pasal 12 dan pada ayat (2)", source_id="pasal-17/ayat-3",
...                                new_number={"pasal-17": "15"}.get)
>>> rewritten.text, rewritten.dangling
('sebagaimana dimaksud dalam Pasal ?12 dan pada ayat (2)', ['Pasal 12'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from app.structure.ids import ORDINALS, int_to_roman
from app.structure.references import find_references
from app.structure.tree import Node

__all__ = ["MISSING", "MISSING_RE", "Rewrite", "Rewritten", "ordinal", "renumber", "rewrite_references"]

#: 1 -> "Kesatu", 12 -> "Kedua Belas": the words of Bagian numbers (``Pertama`` is never printed)
_ORDINAL_WORDS = {value: word.title() for word, value in ORDINALS.items() if word != "pertama"}

# The number a reference prints for each kind it may rewrite: "Pasal 16", OCR "Pasa1 l6"; "BAB III".
_PRINTED_NUMBER = {
    "pasal": re.compile(r"(?i:p[ad]sa[l1it])[\s^]+(?P<num>[0-9lIO]+[A-Z]?)(?![A-Za-z0-9])"),
    "bab": re.compile(r"(?:Bab|BAB)\s+(?P<num>[IVXL]+[A-Z]?)(?![A-Za-z0-9])"),
}
#: what marks the number of a reference to a provision the draft lacks: "Pasal ?20 ayat (3)"
MISSING = "?"
MISSING_RE = re.compile(r"\b(?:[Pp]asal|BAB|Bab)\s+\?[0-9IVXLC]+[A-Z]?(?:\s+ayat\s+\(\d+[a-z]?\))?")
_RANGE_RE = re.compile(r"\bsampai\s+dengan\b|\bs\.\s?d\.?|\bs/d\b", re.I)
_RANGE_JOIN_RE = re.compile(r"[\s^]*,?[\s^]*(?:sampai\s+dengan|s\.\s?d\.?|s/d)[\s^]*", re.I)


def ordinal(value: int) -> str:
    """The ordinal word of a Bagian: ``ordinal(1)`` -> ``"Kesatu"``, ``ordinal(12)`` -> ``"Kedua Belas"``."""
    if value not in _ORDINAL_WORDS:
        raise ValueError(f"no ordinal word for {value}")
    return _ORDINAL_WORDS[value]


def renumber(body: list[Node]) -> None:
    """Number the groups and Pasal of ``body`` anew, in place (see the module docstring)."""
    counts = {"bab": 0, "pasal": 0}

    def walk(nodes: list[Node], bagian: list[int], paragraf: list[int]) -> None:
        for node in nodes:
            if node.kind == "bab":
                counts["bab"] += 1
                node.num = int_to_roman(counts["bab"])
                walk(node.children, [0], [0])
            elif node.kind == "bagian":
                bagian[0] += 1
                node.num = ordinal(bagian[0])
                walk(node.children, bagian, [0])
            elif node.kind == "paragraf":
                paragraf[0] += 1
                node.num = str(paragraf[0])
                walk(node.children, bagian, paragraf)
            elif node.kind == "pasal":
                counts["pasal"] += 1
                node.num = str(counts["pasal"])

    walk(body, [0], [0])


@dataclass(frozen=True)
class Rewrite:
    """A reference printed anew: ``Pasal 16 ayat (1)`` -> ``Pasal 14 ayat (1)``."""

    before: str
    after: str


@dataclass
class Rewritten:
    text: str
    rewrites: list[Rewrite] = field(default_factory=list)
    dangling: list[str] = field(default_factory=list)  # references, as printed, to what the draft lacks


def _top(target_id: str) -> str:
    """The Pasal (or BAB) a target id lies in: ``pasal-16/ayat-1`` -> ``pasal-16``."""
    return target_id.split("/", 1)[0]


def rewrite_references(text: str, *, source_id: str, new_number: Callable[[str], str | None]) -> Rewritten:
    """``text`` (of the provision ``source_id`` in its frame) with every Pasal or BAB it cites
    printed with the number ``new_number`` gives for that Pasal's (BAB's) id in the frame.

    A reference whose Pasal ``new_number`` does not know (``None``) is marked (``Pasal ?20``) and
    listed in ``dangling``; a relative one is listed (``pada ayat (2)``) when the provision's own Pasal is
    unknown. A range of Pasal (``Pasal 10 sampai dengan Pasal 12``) keeps its meaning only if its
    members stay consecutive: otherwise the range is listed too. References to other regulations
    are left alone.

    >>> rewrite_references("Pasal 10 sampai dengan Pasal 12", source_id="pasal-1",
    ...                    new_number={"pasal-10": "4", "pasal-11": "9", "pasal-12": "6"}.get).dangling
    ['Pasal 10 sampai dengan Pasal 12']
    """
    own = _top(source_id)
    out = Rewritten(text=text)
    edits: dict[tuple[int, int], str] = {}
    implied: dict[tuple[int, int], list[str | None]] = {}  # a range's span -> its unprinted members
    printed_refs: list[tuple[int, int, str | None]] = []   # (start, end, new number) of those printing a number
    for found in find_references(text, source_id=source_id):
        if found.external:
            continue
        top = _top(found.target_id)
        new = new_number(top)
        if _RANGE_RE.search(found.text):  # a member a range implies without printing it
            implied.setdefault((found.start, found.end), []).append(new)
            continue
        printed = _PRINTED_NUMBER.get(top.split("-", 1)[0], _PRINTED_NUMBER["pasal"]).search(found.text)
        if printed is None:  # "pada ayat (2)": in the own Pasal; "huruf c" after "Pasal 14 ... huruf a dan"
            if top == own and new is None:
                out.dangling.append(found.text)
            continue
        printed_refs.append((found.start, found.end, new))
        if new is None:
            out.dangling.append(found.text)
        shown = new if new is not None else f"{MISSING}{printed['num']}"
        if printed["num"] != shown:
            edits[(found.start, found.end)] = found.text[: printed.start("num")] + shown + found.text[printed.end("num"):]
    for (start, end, first), (next_start, next_end, last) in zip(printed_refs, printed_refs[1:]):
        if not _RANGE_JOIN_RE.fullmatch(text[end:next_start]):
            continue
        numbers = [first, *implied.get((start, next_end), []), last]
        values = [int(n) if n is not None and n.isdigit() else None for n in numbers]
        if None not in values and values != list(range(values[0], values[0] + len(values))):  # type: ignore[arg-type]
            out.dangling.append(text[start:next_end])
        elif None in values[1:-1]:
            out.dangling.append(text[start:next_end])
    for (start, end), new_text in sorted(edits.items(), reverse=True):
        out.rewrites.insert(0, Rewrite(before=text[start:end], after=new_text))
        out.text = out.text[:start] + new_text + out.text[end:]
    return out
