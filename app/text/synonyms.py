"""Synonyms and abbreviations kept as data (``app/data/sinonim.txt``), found inside a word sequence.

A drafter types ``SPBE`` where the regulation prints "Sistem Pemerintahan Berbasis Elektronik",
or ``OPD`` for "Perangkat Daerah". ``find_synonyms`` walks a query's words and reports each run
of words that is a form of a group, with the other forms of that group; the query builder turns
the run into "any of these forms". Longer forms win over shorter ones starting at the same word.

>>> [(m.start, m.end, m.forms[:2]) for m in find_synonyms(["tim", "koordinasi", "spbe"])]
[(2, 3, (('spbe',), ('sistem', 'pemerintahan', 'berbasis', 'elektronik')))]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from app.text.analysis import words

Form = tuple[str, ...]


@dataclass(frozen=True)
class SynonymMatch:
    """Words ``start:end`` of the sequence are one form of a group whose forms are ``forms``."""

    start: int
    end: int
    forms: tuple[Form, ...]


def parse_groups(text: str) -> list[tuple[Form, ...]]:
    """Groups from the data format: one group a line, forms separated by ``|``, ``#`` comments.

    Each form is read with the exact analyzer, so ``e-government`` is the words ``e government``.

    >>> parse_groups("# c\\nopd | perangkat daerah\\n")
    [(('opd',), ('perangkat', 'daerah'))]
    """
    groups: list[tuple[Form, ...]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        forms: list[Form] = []
        for raw in line.split("|"):
            form = tuple(words(raw))
            if form and form not in forms:
                forms.append(form)
        if len(forms) > 1:
            groups.append(tuple(forms))
    return groups


@lru_cache(maxsize=1)
def _table() -> dict[Form, tuple[Form, ...]]:
    """Every form -> all forms of its group(s), the form itself first."""
    text = resources.files("app").joinpath("data/sinonim.txt").read_text(encoding="utf-8")
    table: dict[Form, list[Form]] = {}
    for group in parse_groups(text):
        for form in group:
            known = table.setdefault(form, [form])
            known.extend(other for other in group if other not in known)
    return {form: tuple(forms) for form, forms in table.items()}


@lru_cache(maxsize=1)
def _longest() -> int:
    return max((len(form) for form in _table()), default=1)


def find_synonyms(sequence: list[str]) -> list[SynonymMatch]:
    """The runs of ``sequence`` (lower-case words) that are forms of a group, left to right,
    never overlapping; at each word the longest form wins."""
    table = _table()
    matches: list[SynonymMatch] = []
    i = 0
    while i < len(sequence):
        for length in range(min(_longest(), len(sequence) - i), 0, -1):
            forms = table.get(tuple(sequence[i:i + length]))
            if forms:
                matches.append(SynonymMatch(start=i, end=i + length, forms=forms))
                i += length
                break
        else:
            i += 1
    return matches


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` is a one-word form of some group (``spbe``, ``opd``): kept out of spelling hints.

    >>> is_abbreviation("spbe"), is_abbreviation("daerah")
    (True, False)
    """
    return (word,) in _table()
