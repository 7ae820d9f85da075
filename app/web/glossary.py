"""The terms a regulation defines (Pasal 1: "Daerah adalah Kabupaten Batang."), shown where its
text uses them: the first use of each term in a Pasal becomes ``<abbr title="meaning">``, so a
reader sees the definition on hover or, with the keyboard, on focus.

A term is matched as printed (defined terms are capitalised: ``Daerah`` is the defined term,
``daerah`` is not), as a whole word, longest first (``Pemerintah Daerah`` before ``Daerah``), and
not after ``Peraturan`` (``Peraturan Bupati`` is a kind of regulation, not the defined ``Bupati``);
an abbreviation (``SPBE``) or a short name (``Dinas``) given with ``yang selanjutnya disingkat`` /
``disebut`` stands for its term. The Pasal holding the definitions is not marked. The text is
HTML-escaped; only the ``<abbr>`` tags are markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup, escape


def defining_pasal(provision_id: str) -> str:
    """The Pasal a definition (any provision) stands in.

    >>> defining_pasal("perbup-batang-2021-8/pasal-i/perubahan-1/pasal-1/angka-19a")
    'perbup-batang-2021-8/pasal-i/perubahan-1/pasal-1'
    """
    parts = provision_id.split("/")
    ends = [index for index, part in enumerate(parts) if part.startswith("pasal-")]
    return "/".join(parts[:ends[-1] + 1]) if ends else provision_id


@dataclass(frozen=True)
class Defined:
    """One definition: the term, what it means, its abbreviation or short name, and where it is defined."""

    term: str
    definition: str
    abbreviation: str | None = None
    provision_id: str | None = None


class Glossary:
    """The defined terms of one regulation, ready to mark in its text.

    >>> glossary = Glossary([Defined("Daerah", "Kabupaten Batang."), Defined("Pemerintah Daerah", "Bupati ..."),
    ...                      Defined("Sistem Pemerintahan Berbasis Elektronik", "penyelenggaraan ...", "SPBE")])
    >>> seen: set[str] = set()
    >>> print(glossary.mark("Pemerintah Daerah menerapkan SPBE di Daerah & <desa>.", seen))
    <abbr title="Pemerintah Daerah: Bupati ..." tabindex="0">Pemerintah Daerah</abbr> menerapkan <abbr title="Sistem Pemerintahan Berbasis Elektronik (SPBE): penyelenggaraan ..." tabindex="0">SPBE</abbr> di <abbr title="Daerah: Kabupaten Batang." tabindex="0">Daerah</abbr> &amp; &lt;desa&gt;.
    >>> print(glossary.mark("Daerah dan daerah lain.", seen))
    Daerah dan daerah lain.
    >>> print(glossary.mark("Peraturan Daerah ini", set()))
    Peraturan Daerah ini
    """

    def __init__(self, definitions: Iterable[Defined]) -> None:
        self.meanings: dict[str, str] = {}
        #: provision ids of the Pasal holding the definitions (their text is not marked)
        self.sources: set[str] = set()
        for item in definitions:
            name = f"{item.term} ({item.abbreviation})" if item.abbreviation else item.term
            meaning = f"{name}: {item.definition}"
            for word in (item.term, item.abbreviation):
                if word and word.strip():
                    self.meanings.setdefault(word.strip(), meaning)
            if item.provision_id:
                self.sources.add(defining_pasal(item.provision_id))
        words = sorted(self.meanings, key=lambda word: (-len(word), word))
        self._pattern = re.compile(
            r"(?<![\w-])(?<!Peraturan )(?:" + "|".join(re.escape(word) for word in words) + r")(?![\w-])"
        ) if words else None

    def mark(self, text: str, seen: set[str]) -> Markup:
        """``text`` escaped, with the first use of each term not in ``seen`` marked (and added to it)."""
        if self._pattern is None:
            return escape(text)
        parts: list[str] = []
        cursor = 0
        for match in self._pattern.finditer(text):
            word = match.group(0)
            if word in seen:
                continue
            seen.add(word)
            parts.append(escape(text[cursor:match.start()]))
            parts.append(Markup('<abbr title="{}" tabindex="0">{}</abbr>').format(self.meanings[word], word))
            cursor = match.end()
        parts.append(escape(text[cursor:]))
        return Markup("").join(parts)
