"""Clause units: what one search hit is, cut from a regulation's provisions.

A unit is an ayat, or a Pasal without ayat, with the huruf and angka (and their sub-lists) under
it folded into its text, so a hit reads as the clause a drafter would quote. Units are also
made for a numbered change of an amending act (its instruction), for the Penjelasan (its Umum
part, and each Pasal or ayat explained) and for each Lampiran. A Penjelasan unit that says only
"Cukup jelas." is left out: it explains nothing and would be found by every search for "jelas".

A unit also knows the headings of the BAB, Bagian and Paragraf it stands in: a clause under
"BAB VIII PENDANAAN" is about pendanaan even when its words are "dibebankan pada APBD".

Units are cut from provision rows in document order (``app.kb.store.provision_rows`` or
``Provision`` rows from the database), so a unit's id is its provision id.

>>> rows = [
...     {"id": "r/bab-1", "parent_id": None, "part": "body", "kind": "bab", "num": "I", "heading": "KETENTUAN UMUM", "text": ""},
...     {"id": "r/pasal-2", "parent_id": "r/bab-1", "part": "body", "kind": "pasal", "num": "2", "heading": None, "text": "Ruang lingkup:"},
...     {"id": "r/pasal-2/huruf-a", "parent_id": "r/pasal-2", "part": "body", "kind": "huruf", "num": "a", "heading": None, "text": "SPBE; dan"},
... ]
>>> [(u.id, u.pasal, u.ayat, u.bab, u.text) for u in clause_units(rows)]
[('r/pasal-2', '2', None, 'BAB I KETENTUAN UMUM', 'Ruang lingkup: a. SPBE; dan')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping

#: kinds that start a unit of their own
UNIT_KINDS = frozenset({"pasal", "ayat", "perubahan", "umum", "lampiran", "teks"})
#: kinds folded into the unit above them, printed with their number
INNER_KINDS = frozenset({"huruf", "angka", "subhuruf", "subangka"})
_LONG_WORD_RE = re.compile(r"[^\W\d_]{4,}")
_NOTHING_SAID = frozenset({"cukup", "jelas", "huruf", "angka", "ayat", "pasal"})


@dataclass
class ClauseUnit:
    """One searchable clause: its provision id, where it stands and its text (children folded in)."""

    id: str
    part: str                 # body | penjelasan | lampiran
    kind: str                 # pasal | ayat | perubahan | umum | lampiran | teks
    pasal: str | None         # "5", "5A"; for a Penjelasan unit, the Pasal it explains
    ayat: str | None
    bab: str | None           # "BAB II TATA KELOLA"
    position: int
    text: str
    headings: str = ""        # headings of the BAB, Bagian and Paragraf it stands in (searched, not shown)


def _get(row: Any, name: str) -> Any:
    return row[name] if isinstance(row, Mapping) else getattr(row, name)


def _label(kind: str, num: str | None) -> str:
    if not num:
        return ""
    return f"{num})" if kind in ("subhuruf", "subangka") else f"{num}."


def clause_units(rows: Iterable[Any]) -> list[ClauseUnit]:
    """The clause units of one regulation's provision rows (dicts or ``Provision``s) in document order."""
    rows = list(rows)
    by_id = {_get(row, "id"): row for row in rows}
    has_ayat = {_get(row, "parent_id") for row in rows if _get(row, "kind") == "ayat"}
    units: list[ClauseUnit] = []
    current: dict[str, ClauseUnit] = {}  # unit root id -> unit, for folding children in

    for position, row in enumerate(rows):
        row_id, kind = _get(row, "id"), _get(row, "kind")
        text = " ".join((_get(row, "text") or "").split())
        if kind in INNER_KINDS:
            owner = _owner(row, by_id)
            if owner is not None and owner in current:
                label = _label(kind, _get(row, "num"))
                current[owner].text = " ".join(filter(None, (current[owner].text, label, text)))
            continue
        if kind not in UNIT_KINDS or (kind == "pasal" and row_id in has_ayat and not text):
            continue
        pasal_row = row if kind == "pasal" else _ancestor(row, by_id, "pasal")
        unit = ClauseUnit(
            id=row_id, part=_get(row, "part"), kind=kind,
            pasal=_get(pasal_row, "num") if pasal_row is not None else None,
            ayat=_get(row, "num") if kind == "ayat" else None,
            bab=_bab(row, by_id), position=position, text=text, headings=_headings(row, by_id),
        )
        units.append(unit)
        current[row_id] = unit
    return [u for u in units if u.text and not (u.part == "penjelasan" and says_only_cukup_jelas(u.text))]


def printed(text: str, ayat: str | None) -> str:
    """A clause's text as its Pasal prints it: an ayat with its number in brackets.

    >>> printed("SPBE diselenggarakan.", "1"), printed("Ruang lingkup: a. SPBE.", None)
    ('(1) SPBE diselenggarakan.', 'Ruang lingkup: a. SPBE.')
    """
    return f"({ayat}) {text}" if ayat else text


def says_only_cukup_jelas(text: str) -> bool:
    """Whether a Penjelasan text only says "Cukup jelas" (for each of its huruf, too).

    >>> says_only_cukup_jelas("Cukup jelas."), says_only_cukup_jelas("Huruf a Cukup jelas. Huruf b Cukup jelas.")
    (True, True)
    >>> says_only_cukup_jelas("Yang dimaksud dengan pusat data adalah ... Huruf b Cukup jelas.")
    False
    """
    found = set(_LONG_WORD_RE.findall(text.lower()))
    return "jelas" in found and found <= _NOTHING_SAID


def _ancestors(row: Any, by_id: Mapping[str, Any]) -> Iterator[Any]:
    """The rows above ``row``, nearest first."""
    parent = _get(row, "parent_id")
    while parent is not None and (found := by_id.get(parent)) is not None:
        yield found
        parent = _get(found, "parent_id")


def _owner(row: Any, by_id: Mapping[str, Any]) -> str | None:
    """The id of the nearest row above that starts a unit."""
    return next((_get(a, "id") for a in _ancestors(row, by_id) if _get(a, "kind") in UNIT_KINDS), None)


def _ancestor(row: Any, by_id: Mapping[str, Any], kind: str) -> Any | None:
    return next((a for a in _ancestors(row, by_id) if _get(a, "kind") == kind), None)


def _headings(row: Any, by_id: Mapping[str, Any]) -> str:
    found = [_get(a, "heading") for a in _ancestors(row, by_id)
             if _get(a, "kind") in ("bab", "bagian", "paragraf") and _get(a, "heading")]
    return " ".join(reversed(found))


def _bab(row: Any, by_id: Mapping[str, Any]) -> str | None:
    bab = _ancestor(row, by_id, "bab")
    if bab is None:
        return None
    return " ".join(filter(None, ("BAB", _get(bab, "num"), _get(bab, "heading")))) or None
