"""Provision text adapted from the government that made it to the one a draft is for.

A ``Maker`` is a kind of regulation and its region: the Peraturan Bupati of Kabupaten Batang, the
Peraturan Daerah Provinsi of Provinsi Jawa Tengah. ``Adapter(source, target)`` rewrites a text in
one pass, left to right; at each place the first rule that matches wins, and what it wrote is
never rewritten again. The rules, for Perbup Batang -> Perda Provinsi Jawa Tengah:

=====================  =====================================================================
rule                   what it does
=====================  =====================================================================
``sitasi``             "Peraturan Bupati Batang Nomor 5 Tahun 2018": an act cited by its number
                       is left as printed (it is that act) and flagged
``jenis``              "Peraturan Bupati ini" -> "Peraturan Daerah ini": the act naming itself
``kepala-daerah``      "Bupati Batang" -> "Gubernur Jawa Tengah"; "Bupati" -> "Gubernur", so
                       "Keputusan Bupati" -> "Keputusan Gubernur" and an implementing
                       "Peraturan Bupati" -> "Peraturan Gubernur"; not in "bupati/wali kota"
``nama-daerah``        "Kabupaten Batang" -> "Provinsi Jawa Tengah", which also adapts
                       "Sekretaris Daerah Kabupaten Batang", "DPRD Kabupaten Batang" and
                       agency names ("Dinas Komunikasi dan Informatika Kabupaten Batang")
``pemerintah-daerah``  "Pemerintah Kabupaten" -> "Pemerintah Provinsi", "DPRD Kabupaten" ->
                       "DPRD Provinsi": the own government named by its level, never
                       "Kabupaten/Kota" nor "Kabupaten Kendal"
``publikasi``          "Berita Daerah" -> "Lembaran Daerah": a Perda is published in the
                       Lembaran Daerah, a Perkada (Pergub, Perbup, Perwal) in the Berita Daerah
=====================  =====================================================================

Capitalisation is kept (BUPATI -> GUBERNUR, Bupati -> Gubernur, bupati -> gubernur). Every
replacement is recorded as a ``Change`` (provision, before, after, rule, count).

Then the adapted text is read for what needs a human decision, each a ``Flag`` with its reason:

=========================  =================================================================
reason                     when
=========================  =================================================================
``sitasi``                 a regional act is cited by its number (it belongs to the source)
``daerah-sumber``          the source region's name is left over: "Kepolisian Resor Batang",
                           "Batang Heaven of Asia" (a bare name is not replaced: it often
                           names something else than the government)
``tingkat-sumber``         the source's head of region or level word is left over, outside
                           "Kabupaten/Kota": "Rencana Induk Provinsi Cerdas" in a regency's draft
``tingkat-lain``           a matter of another level of government: desa, kelurahan,
                           kecamatan in a provincial draft; kabupaten/kota, bupati/wali kota,
                           the governor as the central government's representative in a
                           regency's or city's; desa in a city's
``sanksi-perkada``         pidana, denda, kurungan, penjara or sanksi administratif in a
                           Perkada: criminal sanctions only a Perda may set (UU 12/2011
                           Pasal 15), administrative ones only when a Perda delegates them
=========================  =================================================================

>>> adapter = Adapter(maker(jenis="Peraturan Bupati", daerah="Kabupaten Batang"),
...                   target(jenis="Perda Provinsi", daerah="Provinsi Jawa Tengah"))
>>> adapter.adapt("Bupati adalah Bupati Batang.", provision="pasal-1/angka-3").text
'Gubernur adalah Gubernur Jawa Tengah.'
>>> done = adapter.adapt("Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati "
...                      "ini dengan penempatannya dalam Berita Daerah Kabupaten Batang.", provision="pasal-36")
>>> done.text
'Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Daerah ini dengan penempatannya dalam Lembaran Daerah Provinsi Jawa Tengah.'
>>> [(c.before, c.after, c.rule) for c in done.changes]
[('Peraturan Bupati ini', 'Peraturan Daerah ini', 'jenis'), ('Berita Daerah', 'Lembaran Daerah', 'publikasi'), ('Kabupaten Batang', 'Provinsi Jawa Tengah', 'nama-daerah')]
>>> [(f.reason, f.excerpt) for f in adapter.adapt("Ketua: Kepala Kepolisian Resor Batang;", provision="x").flags]
[('daerah-sumber', 'Batang')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from app.errors import InvalidInput
from app.structure import regions
from app.structure.jenis import Jenis, by_kode, normalise_jenis
from app.structure.regions import Region

__all__ = ["Adapted", "Adapter", "Change", "Flag", "Maker", "keep_case", "maker", "target"]

#: the head of each level's government, and the level word before a region's name
HEAD = {"provinsi": "Gubernur", "kabupaten": "Bupati", "kota": "Wali Kota"}
LEVEL_WORD = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}
# how they are printed (the text is matched ignoring case)
_HEAD_RE = {"provinsi": r"Gubernur", "kabupaten": r"Bupati", "kota": r"Wali\s?kota"}
_LEVEL_RE = {"provinsi": r"Pro[vp]insi", "kabupaten": r"(?:Kabupaten|Kab\.)", "kota": r"Kota"}
#: the Perda and the Perkada of each level (jenis kode)
PERDA = {"provinsi": "perda-prov", "kabupaten": "perda-kab", "kota": "perda-kota"}
PERKADA = {"provinsi": "pergub", "kabupaten": "perbup", "kota": "perwal"}


@dataclass(frozen=True)
class Maker:
    """Who makes a regulation: its kind and its region (either unknown for a source).

    >>> m = maker(jenis="Peraturan Daerah Provinsi", daerah="Provinsi Jawa Tengah")
    >>> m.head, m.office, m.title, m.publication, m.perda
    ('Gubernur', 'Gubernur Jawa Tengah', 'Peraturan Daerah', 'Lembaran Daerah', True)
    """

    jenis: Jenis | None
    region: Region | None

    @property
    def tingkat(self) -> str | None:
        """provinsi, kabupaten or kota; None when neither the region nor the kind tells."""
        if self.region is not None:
            return self.region.tingkat
        return self.jenis.tingkat if self.jenis is not None and self.jenis.tingkat in HEAD else None

    @property
    def perda(self) -> bool:
        return self.jenis is not None and self.jenis.kode.startswith("perda")

    @property
    def title(self) -> str | None:
        """How the act names itself in its text: "Peraturan Daerah ini", "Peraturan Bupati ini"."""
        if self.jenis is None:
            return None
        return "Peraturan Daerah" if self.perda else self.jenis.nama

    @property
    def publication(self) -> str | None:
        if self.jenis is None or not self.jenis.regional:
            return None
        return "Lembaran Daerah" if self.perda else "Berita Daerah"

    @property
    def head(self) -> str | None:
        return HEAD.get(self.tingkat or "")

    @property
    def name(self) -> str | None:
        """The region's name without its level word: "Batang", "Jawa Tengah"."""
        if self.region is None:
            return None
        return self.region.nama.split(" ", 1)[1]

    @property
    def office(self) -> str | None:
        """The head with the region: "Bupati Batang", "Gubernur Jawa Tengah"."""
        return f"{self.head} {self.name}" if self.head and self.name else None

    def names(self) -> list[str]:
        """The region's bare name and its aliases, longest first."""
        if self.region is None or self.name is None:
            return []
        return sorted({self.name, *self.region.aliases}, key=len, reverse=True)


def maker(*, jenis: str | None, daerah: str | None) -> Maker:
    """A source's maker from its metadata; what cannot be read is left unknown (None).

    >>> m = maker(jenis="Peraturan Bupati", daerah="Kabupaten Batang")
    >>> m.jenis.kode, m.region.kode, m.tingkat
    ('perbup', '33.25', 'kabupaten')
    >>> maker(jenis="Undang-Undang", daerah="Nasional").tingkat is None
    True
    """
    region = regions.lookup(daerah) if daerah and daerah != "Nasional" else None
    found = normalise_jenis(jenis or "", tingkat=region.tingkat if region else None) if jenis else None
    return Maker(jenis=found, region=region)


def target(*, jenis: str, daerah: str) -> Maker:
    """The maker a draft is for; InvalidInput when the kind is not a Perda or Perkada, the region
    is unknown or not autonomous, or the kind does not belong to the region's level.

    >>> target(jenis="Perda", daerah="Jawa Tengah").jenis.nama
    'Peraturan Daerah Provinsi'
    >>> target(jenis="Perbup", daerah="Kendal").region.nama
    'Kabupaten Kendal'
    >>> target(jenis="Perbup", daerah="Provinsi Jawa Tengah")
    Traceback (most recent call last):
    ...
    app.errors.InvalidInput: Peraturan Bupati dibuat oleh kabupaten, bukan oleh Provinsi Jawa Tengah (this kind belongs to another level of government).
    """
    region = regions.lookup(daerah or "")
    if region is None:
        raise InvalidInput(f"Daerah tidak dikenal (unknown region): {daerah!r}; tulis misalnya "
                           "'Provinsi Jawa Tengah' atau 'Kabupaten Kendal'.")
    if region.administrative:
        raise InvalidInput(f"{region.nama} bukan daerah otonom dan tidak membentuk peraturan daerah "
                           "(not an autonomous region).")
    found = normalise_jenis(jenis or "", tingkat=region.tingkat)
    allowed = {*PERDA.values(), *PERKADA.values()}
    if found is None or found.kode not in allowed:
        raise InvalidInput(
            f"Jenis rancangan harus Perda atau Perkada (a draft must be a Perda, Pergub, Perbup or Perwal): {jenis!r}."
        )
    if found.tingkat != region.tingkat:
        raise InvalidInput(f"{found.nama} dibuat oleh {found.tingkat}, bukan oleh {region.nama} "
                           "(this kind belongs to another level of government).")
    return Maker(jenis=by_kode(found.kode), region=region)


@dataclass(frozen=True)
class Change:
    """One replacement made in a provision (``count`` times)."""

    provision: str
    before: str
    after: str
    rule: str
    count: int = 1


@dataclass(frozen=True)
class Flag:
    """A place that needs a human decision, with the reason and the words that raised it."""

    provision: str
    reason: str
    message: str
    excerpt: str


@dataclass
class Adapted:
    text: str
    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def keep_case(before: str, after: str) -> str:
    """``after`` in the case of ``before``: all capitals, all small, or as written.

    >>> keep_case("BUPATI", "Gubernur"), keep_case("bupati", "Gubernur"), keep_case("Bupati", "Wali Kota")
    ('GUBERNUR', 'gubernur', 'Wali Kota')
    """
    if before.isupper():
        return after.upper()
    if before.islower():
        return after.lower()
    return after


def _words(text: str) -> str:
    """A phrase as a pattern: its words joined by any white space."""
    return r"\s+".join(re.escape(word) for word in text.split())


_CAPITAL_AHEAD = r"(?!\s+(?-i:[A-Z]))"  # no capitalised word (a region's name) follows
_NO_SLASH = r"(?!\s*/)"                 # not "Kabupaten/Kota", "Bupati/Wali Kota"
_OWN_GOVERNMENT = (r"Pemerintah(?:an)?(?:\s+Daerah)?|Sekretaris\s+Daerah|Sekretariat\s+Daerah|Perangkat\s+Daerah"
                   r"|Dewan\s+Perwakilan\s+Rakyat\s+Daerah|DPRD|Wilayah")

# An act of a region cited by its number: "Peraturan Bupati Batang Nomor 5 Tahun 2018".
_CITED_ACT = r"""
    \b(?:Peraturan|Keputusan|Instruksi)\s+
    (?:Daerah(?:\s+(?:Provinsi|Propinsi|Kabupaten|Kota))?|Bupati|Gubernur|Wali\s?kota)
    (?:\s+(?-i:[A-Z])[\w-]*){0,4}?            # the region's name, if printed
    \s+Nomor\s+\S+\s+Tahun\s+\d{4}
"""

_OTHER_LEVEL = {
    "provinsi": (r"\b(?:desa|kelurahan|kecamatan|camat|lurah)\b",
                 "Urusan desa, kelurahan atau kecamatan (a matter of another level of government): "
                 "periksa apakah termasuk kewenangan provinsi."),
    "kabupaten": (r"\bkabupaten\s*/\s*kota\b|\bbupati\s*/\s*wali\s?kota\b|\bwakil\s+Pemerintah\s+Pusat\b"
                  r"|\bantar-?\s*kabupaten\b|\blintas\s+kabupaten\b",
                  "Urusan tingkat provinsi (a matter of the provincial level): periksa kewenangan kabupaten."),
    "kota": (r"\bkabupaten\s*/\s*kota\b|\bbupati\s*/\s*wali\s?kota\b|\bwakil\s+Pemerintah\s+Pusat\b"
             r"|\bantar-?\s*kota\b|\blintas\s+kota\b|\bdesa\b",
             "Urusan tingkat lain (a matter of another level of government: the province, or desa, "
             "which a kota does not have): periksa kewenangan kota."),
}
_CRIMINAL_RE = re.compile(r"\b(?:pidana|denda|kurungan|penjara)\b", re.I)
_ADMINISTRATIVE_RE = re.compile(r"\bsanksi\s+administratif\b", re.I)

Rule = tuple[str, str, Callable[[re.Match[str]], str]]


class Adapter:
    """Rewrites provision text made by ``source`` for ``target`` (see the module docstring)."""

    def __init__(self, source: Maker, target: Maker) -> None:
        self.source = source
        self.target = target
        self._rules = self._build()
        self._pattern = re.compile("|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern, _) in enumerate(self._rules)),
                                   re.I | re.X) if self._rules else None
        self._leftover = self._leftover_pattern()
        level = source.tingkat if source.tingkat != target.tingkat else None
        self._source_level = re.compile(
            rf"(?<![/\w])(?:{_HEAD_RE[level]}|{_LEVEL_RE[level]})(?!\w){_NO_SLASH}", re.I) if level else None
        other = _OTHER_LEVEL.get(target.tingkat or "")
        self._other_level = (re.compile(other[0], re.I), other[1]) if other else None

    # --- the rules -------------------------------------------------------------------------

    def _build(self) -> list[Rule]:
        source, target = self.source, self.target
        rules: list[Rule] = [("sitasi", _CITED_ACT, lambda m: m.group(0))]
        if source.title and target.title and source.title != target.title:
            title = target.title
            rules.append(("jenis", rf"\b{_words(source.title)}\s+ini\b",
                          lambda m: keep_case(m.group(0), f"{title} ini")))
        names = source.names()
        changes_region = source.region is not None and target.region is not None and source.region != target.region
        if names and changes_region and source.tingkat and target.office and target.region:
            bare = "|".join(_words(name) for name in names)
            office, nama = target.office, target.region.nama
            rules.append(("kepala-daerah", rf"\b{_HEAD_RE[source.tingkat]}\s+(?:{bare})\b",
                          lambda m: keep_case(m.group(0), office)))
            rules.append(("nama-daerah", rf"\b{_LEVEL_RE[source.tingkat]}\s+(?:{bare})\b",
                          lambda m: keep_case(m.group(0), nama)))
        if source.tingkat and target.tingkat and source.tingkat != target.tingkat:
            head, level = HEAD[target.tingkat], LEVEL_WORD[target.tingkat]
            rules.append(("kepala-daerah", rf"(?<![/\w])\b{_HEAD_RE[source.tingkat]}\b{_NO_SLASH}",
                          lambda m: keep_case(m.group(0), head)))
            rules.append(("pemerintah-daerah",
                          rf"\b(?:{_OWN_GOVERNMENT})\s+{_LEVEL_RE[source.tingkat]}(?!\w){_NO_SLASH}{_CAPITAL_AHEAD}",
                          lambda m: _replace_last_word(m.group(0), level)))
        if source.publication and target.publication and source.publication != target.publication:
            publication = target.publication
            rules.append(("publikasi", rf"\b{_words(source.publication)}\b",
                          lambda m: keep_case(m.group(0), publication)))
        return rules

    def _leftover_pattern(self) -> re.Pattern[str] | None:
        """The source region's bare names as printed in text (capitalised or in capitals), and its
        head where the level changes; none when the region stays the same."""
        source, target = self.source, self.target
        if source.region is None or source.region == target.region:
            return None
        forms = [form for name in source.names() for form in (_words(name), _words(name.upper()))]
        return re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})(?![\w])") if forms else None

    # --- adapting ----------------------------------------------------------------------------

    def adapt(self, text: str, *, provision: str) -> Adapted:
        """``text`` adapted for the target, the changes made and the flags raised."""
        counts: Counter[tuple[str, str, str]] = Counter()
        protected: list[str] = []

        def replace(match: re.Match[str]) -> str:
            assert match.lastgroup is not None
            name, _pattern, make = self._rules[int(match.lastgroup[1:])]
            before = match.group(0)
            after = make(match)
            if name == "sitasi":
                protected.append(" ".join(before.split()))
            elif after != before:
                counts[(before, after, name)] += 1
            return after

        adapted = self._pattern.sub(replace, text) if self._pattern is not None else text
        changes = [Change(provision, before, after, rule, count) for (before, after, rule), count in counts.items()]
        return Adapted(text=adapted, changes=changes, flags=self.flags(adapted, provision=provision, cited=protected))

    def flags(self, text: str, *, provision: str, cited: Sequence[str] = ()) -> list[Flag]:
        """The flags an (adapted) text raises, one per reason with the words that raised it."""
        found: list[Flag] = []
        if cited:
            found.append(Flag(provision, "sitasi", "Menyebut peraturan daerah tertentu (cites a specific regional act): "
                                                   "periksa apakah tetap berlaku bagi daerah tujuan.", "; ".join(cited)))
        outside = _outside(text, cited)
        if self._leftover is not None and (hits := _hits(self._leftover, outside)):
            goal = self.target.region.nama if self.target.region else "daerah tujuan"
            found.append(Flag(provision, "daerah-sumber", "Nama daerah sumber tersisa (the source region's name is "
                                                          f"left over): sesuaikan dengan {goal}.", hits))
        if self._source_level is not None and (hits := _hits(self._source_level, outside)):
            found.append(Flag(provision, "tingkat-sumber", "Sebutan kepala daerah atau tingkat daerah sumber tersisa "
                                                           "(the source's head of region or level word is left over): "
                                                           "periksa apakah merujuk pemerintahan sendiri.", hits))
        if self._other_level is not None and (hits := _hits(self._other_level[0], outside)):
            found.append(Flag(provision, "tingkat-lain", self._other_level[1], hits))
        if self.target.jenis is not None and not self.target.perda:
            if hits := _hits(_CRIMINAL_RE, outside):
                found.append(Flag(provision, "sanksi-perkada", "Ketentuan pidana hanya dapat dimuat dalam Perda "
                                                               "(criminal sanctions: Perda only, UU 12/2011 Pasal 15).", hits))
            if hits := _hits(_ADMINISTRATIVE_RE, outside):
                found.append(Flag(provision, "sanksi-perkada", "Sanksi administratif dalam Perkada memerlukan "
                                                               "pendelegasian dari Perda (administrative sanctions need "
                                                               "a Perda delegating them).", hits))
        return found


def _replace_last_word(phrase: str, word: str) -> str:
    """``"Pemerintah Kabupaten"`` with its last word replaced, its case kept: ``"Pemerintah Provinsi"``."""
    head, last = phrase.rsplit(None, 1)
    return phrase[: len(phrase) - len(last)] + keep_case(last, word) if head else keep_case(phrase, word)


def _outside(text: str, cited: Sequence[str]) -> str:
    """The text without the cited acts (which are flagged on their own)."""
    for act in cited:
        text = re.sub(_words(act), " ", text)
    return text


def _hits(pattern: re.Pattern[str], text: str) -> str:
    """The distinct words ``pattern`` finds in ``text``, in order, joined by ``; ``."""
    seen: dict[str, None] = {}
    for match in pattern.finditer(text):
        seen.setdefault(" ".join(match.group(0).split()), None)
    return "; ".join(seen)
