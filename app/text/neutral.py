"""Region-neutral words: what two clauses are compared on, once region and level are set aside.

Batang's "Bupati menetapkan Peraturan Bupati" and Jawa Tengah's "Gubernur menetapkan Peraturan
Daerah" say the same thing. Before scoring, a clause's words are read through:

1. the equivalents of ``app/data/padanan.txt`` (Bupati / Gubernur / Wali Kota -> kepala daerah,
   Berita / Lembaran Daerah, Perbup / Perda / Pergub, agency names and abbreviations, the smart
   city programme and its dimensions), each form read as its group's first form;
2. the compared regulations' own region names, with or without their level word
   (``Kabupaten Batang``, ``Batang``, ``Provinsi Jawa Tengah``) -> ``daerah``;
3. the numbers of cross-references (``Pasal 5 ayat (1) huruf a``), which renumbering changes,
   dropped;
4. the search analysis: stop words out, Sastrawi stems; OCR'd digits were already repaired by
   the exact analyzer.

Only the scores see these words: every text shown is the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from app.text.analysis import STOP_LIST, stem, words
from app.text.synonyms import Form, parse_groups

#: words after which a number or a letter is a reference, not content
REFERENCE_WORDS = frozenset({"pasal", "ayat", "huruf", "angka", "bab", "bagian", "paragraf"})
LEVEL_WORDS = frozenset({"kabupaten", "kota", "provinsi", "propinsi", "administrasi", "daerah"})
REGION = ("daerah",)


@lru_cache(maxsize=1)
def _equivalents() -> Replacements:
    text = resources.files("app").joinpath("data/padanan.txt").read_text(encoding="utf-8")
    return Replacements({form: group[0] for group in parse_groups(text) for form in group[1:]})


def _region_forms(daerah: str) -> list[Form]:
    """``Kabupaten Batang`` -> the forms ``kabupaten batang`` and ``batang``."""
    full = tuple(words(daerah))
    bare = tuple(word for word in full if word not in LEVEL_WORDS)
    return [form for form in (full, bare) if form and form != ("nasional",)]


class Replacements:
    """Word sequences replaced by others, the longest match first."""

    def __init__(self, table: dict[Form, Form]) -> None:
        self.table = table
        self._longest = max((len(form) for form in table), default=1)
        self._first = frozenset(form[0] for form in table)

    def _match(self, source: list[str], start: int) -> int:
        """The length of the longest form of the table at ``source[start:]``; 0 when none is."""
        if source[start] not in self._first:
            return 0
        for size in range(min(self._longest, len(source) - start), 0, -1):
            if tuple(source[start:start + size]) in self.table:
                return size
        return 0

    def replace(self, source: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(source):
            size = self._match(source, i)
            if size:
                out.extend(self.table[tuple(source[i:i + size])])
                i += size
            else:
                out.append(source[i])
                i += 1
        return out


@dataclass(frozen=True)
class Neutraliser:
    """Reads texts as region-neutral stems (see the module docstring)."""

    regions: Replacements
    table: Replacements

    def words(self, text: str) -> list[str]:
        """The text's words with region names, then equivalents, replaced; references unnumbered."""
        out: list[str] = []
        for word in self.table.replace(self.regions.replace(words(text))):
            if out and out[-1] in REFERENCE_WORDS and (word.isdigit() or len(word) == 1 or word[:-1].isdigit()):
                continue
            out.append(word)
        return out

    def stems(self, text: str) -> list[str]:
        """``words`` without stop words and ``daerah`` (in every regional text, and where a region
        name was), stemmed: what similarity is computed on."""
        return [stem(word) for word in self.words(text) if word not in STOP_LIST and word not in REGION]


def neutraliser(regions: Iterable[str | None] = ()) -> Neutraliser:
    """A neutraliser knowing the equivalents and the compared regulations' ``regions``.

    >>> n = neutraliser(["Kabupaten Batang", "Provinsi Jawa Tengah"])
    >>> n.words("Bupati Batang menetapkan Peraturan Bupati sesuai Pasal 5 ayat (2)")
    ['kepala', 'daerah', 'daerah', 'menetapkan', 'peraturan', 'daerah', 'sesuai', 'pasal', 'ayat']
    >>> n.words("Gubernur menetapkan Peraturan Daerah Provinsi Jawa Tengah")
    ['kepala', 'daerah', 'menetapkan', 'peraturan', 'daerah', 'daerah']
    """
    regions_table = {form: REGION for daerah in regions for form in _region_forms(daerah or "")}
    return Neutraliser(regions=Replacements(regions_table), table=_equivalents())
