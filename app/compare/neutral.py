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
def _equivalents() -> dict[Form, Form]:
    text = resources.files("app").joinpath("data/padanan.txt").read_text(encoding="utf-8")
    return {form: group[0] for group in parse_groups(text) for form in group[1:]}


def _region_forms(daerah: str) -> list[Form]:
    """``Kabupaten Batang`` -> the forms ``kabupaten batang`` and ``batang``."""
    full = tuple(words(daerah))
    bare = tuple(word for word in full if word not in LEVEL_WORDS)
    return [form for form in (full, bare) if form and form != ("nasional",)]


@dataclass(frozen=True)
class Neutraliser:
    """Reads texts as region-neutral stems (see the module docstring)."""

    regions: dict[Form, Form]
    table: dict[Form, Form]

    @staticmethod
    def _replace(source: list[str], table: dict[Form, Form]) -> list[str]:
        longest = max((len(form) for form in table), default=1)
        out: list[str] = []
        i = 0
        while i < len(source):
            for size in range(min(longest, len(source) - i), 0, -1):
                form = tuple(source[i:i + size])
                if form in table:
                    out.extend(table[form])
                    i += size
                    break
            else:
                out.append(source[i])
                i += 1
        return out

    def words(self, text: str) -> list[str]:
        """The text's words with region names, then equivalents, replaced; references unnumbered."""
        out: list[str] = []
        for word in self._replace(self._replace(words(text), self.regions), self.table):
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
    return Neutraliser(regions=regions_table, table=_equivalents())
