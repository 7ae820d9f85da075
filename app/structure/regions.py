"""Indonesian regions (provinsi, kabupaten, kota) and tolerant name lookup.

The data is ``app/data/wilayah.csv``: one row per region with its Kemendagri code, its name as
Indonesians write it, its level (``tingkat``), its province's name and ``;``-separated aliases
(old names, other spellings, short forms). ``app/data/WILAYAH-SUMBER.md`` says where it comes
from. The file is read once, on first use, and indexed by normalised name.

How a name is matched (``lookup``):

1. Normalise: case-fold, every run of non-letters/digits becomes one space
   (``"Kab.  BATANG,"`` -> ``"kab batang"``).
2. Strip one leading level word, which also fixes the level when the caller did not:
   ``provinsi propinsi prov gubernur`` -> provinsi; ``kabupaten kab bupati`` (+ ``administrasi``
   / ``adm``) -> kabupaten; ``kota kotamadya kodya walikota wali kota`` (+ ``administrasi``)
   -> kota.
3. Look the rest up among names and aliases, then among the same with all spaces removed (so
   OCR splits like ``"Ba tang"`` and spellings like ``"Pangkal Pinang"`` still match), keeping
   only the regions of the wanted level. Exactly one region must remain, else ``None``.
4. If nothing matched, try the whole input as a name (``"Kota Baru"`` is Kabupaten Kotabaru),
   then a level word glued to the name by OCR (``"KABUPATENBATANG"``).

>>> lookup("Kab. Batang").nama
'Kabupaten Batang'
>>> lookup("Bandung") is None          # Kabupaten Bandung or Kota Bandung?
True
>>> lookup("Bandung", tingkat="kota").kode
'32.73'
>>> from_office("WALIKOTA SEMARANG,").nama
'Kota Semarang'
>>> from_title("PERATURAN DAERAH PROVINSI JAWA TENGAH").kode
'33'
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = [
    "TINGKAT",
    "Region",
    "all_regions",
    "from_office",
    "from_title",
    "lookup",
    "province_of",
]

TINGKAT = ("provinsi", "kabupaten", "kota")
"""The three levels of region, in order from the top."""


@dataclass(frozen=True)
class Region:
    """One province, regency (kabupaten) or city (kota).

    ``kode`` is the Kemendagri code (``"33"`` for a province, ``"33.25"`` below it), ``nama``
    the full name with its level word (``"Kabupaten Batang"``), ``tingkat`` one of
    ``TINGKAT`` and ``provinsi`` the province's ``nama`` (``None`` for a province).

    >>> r = lookup("Kabupaten Administrasi Kepulauan Seribu")
    >>> r.kode, r.tingkat, r.provinsi, r.administrative
    ('31.01', 'kabupaten', 'Provinsi DKI Jakarta', True)
    """

    kode: str
    nama: str
    tingkat: str
    provinsi: str | None
    aliases: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def administrative(self) -> bool:
        """True for DKI Jakarta's kota/kabupaten administrasi, which are not autonomous."""
        return " Administrasi " in self.nama


# --- Normalisation and level words --------------------------------------------------------

_NON_WORD = re.compile(r"[^0-9a-z]+")

# Leading words that name a level (as normalised by ``_words``).
_LEVEL_FORMS = {
    "provinsi": ["provinsi", "propinsi", "prov", "gubernur"],
    "kabupaten": [
        "kabupaten administrasi", "kabupaten adm", "kab administrasi", "kab adm",
        "kabupaten", "kab", "bupati",
    ],
    "kota": [
        "kota administrasi", "kota adm", "kotamadya", "kota madya", "kodya",
        "kota", "wali kota", "walikota",
    ],
}
# The same as (words, tingkat) pairs, longest first so "kota administrasi" beats "kota".
_LEVEL_WORDS = sorted(
    ((tuple(form.split()), tingkat) for tingkat, forms in _LEVEL_FORMS.items() for form in forms),
    key=lambda pair: -len(pair[0]),
)

# Words before an office that do not change it: acting, interim, deputy heads.
_ACTING = re.compile(
    r"^(?:(?:pj|pjs|plt|plh|penjabat|wakil|pelaksana (?:tugas|harian)|sementara)\s+)+"
)
_OFFICE = re.compile(r"^(gubernur|bupati|wali ?kota)\b")
_OFFICE_TINGKAT = {"gubernur": "provinsi", "bupati": "kabupaten", "walikota": "kota"}

# A title line: the kind of act, then who or which level makes it, then the region.
_TITLE = re.compile(
    r"""
    \b(?:peraturan|keputusan|instruksi|qanun)\s+    # the kind of act
    (?P<rest>.+)                                     # [daerah] office or level word + region
    """,
    re.X,
)
# "daerah", "daerah khusus" (Perdasus), "daerah istimewa" (Perdais) before the level word.
_PERDA = re.compile(r"^daerah\s+(?:(?:khusus|istimewa)\s+)?")
# Where the region name in a title line ends.
_TITLE_END = re.compile(r"\s+(?:nomor|no|tentang|tahun)\b.*$|\s+\d.*$")


def _words(text: str) -> str:
    """Case-fold and keep only letters and digits, one space between words.

    >>> _words("  Kab.  BATANG ,")
    'kab batang'
    """
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _split_level(words: str) -> tuple[str | None, str]:
    """Split a leading level word off a normalised name.

    >>> _split_level("kota administrasi jakarta pusat")
    ('kota', 'jakarta pusat')
    >>> _split_level("wali kota semarang")
    ('kota', 'semarang')
    >>> _split_level("batang")
    (None, 'batang')
    """
    parts = words.split()
    for prefix, tingkat in _LEVEL_WORDS:
        n = len(prefix)
        if len(parts) > n and tuple(parts[:n]) == prefix:
            return tingkat, " ".join(parts[n:])
    return None, words


# --- Data, loaded once ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Index:
    regions: tuple[Region, ...]
    by_kode: dict[str, Region]
    by_name: dict[str, tuple[Region, ...]]
    by_compact: dict[str, tuple[Region, ...]]


def _bare_names(region: Region) -> Iterable[str]:
    """The normalised names a region answers to, without level words."""
    yield _split_level(_words(region.nama))[1]
    for alias in region.aliases:
        yield _words(alias)


@cache
def _index() -> _Index:
    text = resources.files("app").joinpath("data/wilayah.csv").read_text(encoding="utf-8")
    regions = tuple(
        Region(
            kode=row["kode"],
            nama=row["nama"],
            tingkat=row["tingkat"],
            provinsi=row["provinsi"] or None,
            aliases=tuple(a for a in row["alias"].split(";") if a),
        )
        for row in csv.DictReader(io.StringIO(text))
    )
    by_name: dict[str, list[Region]] = {}
    by_compact: dict[str, list[Region]] = {}
    for region in regions:
        for name in _bare_names(region):
            for table, key in ((by_name, name), (by_compact, name.replace(" ", ""))):
                bucket = table.setdefault(key, [])
                if region not in bucket:
                    bucket.append(region)
    return _Index(
        regions=regions,
        by_kode={r.kode: r for r in regions},
        by_name={k: tuple(v) for k, v in by_name.items()},
        by_compact={k: tuple(v) for k, v in by_compact.items()},
    )


def _unique(candidates: Iterable[Region], tingkat: str | None) -> Region | None:
    found = [r for r in candidates if tingkat is None or r.tingkat == tingkat]
    return found[0] if len(found) == 1 else None


def _find(bare: str, tingkat: str | None) -> Region | None:
    index = _index()
    return _unique(index.by_name.get(bare, ()), tingkat) or _unique(
        index.by_compact.get(bare.replace(" ", ""), ()), tingkat
    )


# --- Public functions ---------------------------------------------------------------------


def all_regions() -> tuple[Region, ...]:
    """Every region, provinces and their kabupaten/kota, in code order.

    >>> regions = all_regions()
    >>> regions[0].nama, len(regions)
    ('Provinsi Aceh', 552)
    """
    return _index().regions


def lookup(name: str, tingkat: str | None = None) -> Region | None:
    """The one region called ``name`` (at level ``tingkat`` when given), else ``None``.

    A level word in ``name`` ("Kab.", "Kota", "Propinsi", "Wali Kota"...) sets the level;
    if it contradicts ``tingkat`` nothing is found (unless the word is part of the name).

    >>> lookup("  kabupaten   batang ").kode
    '33.25'
    >>> lookup("Propinsi Jawa Tengah").nama
    'Provinsi Jawa Tengah'
    >>> lookup("Jateng").nama
    'Provinsi Jawa Tengah'
    >>> lookup("Kota Jakarta Selatan").nama
    'Kota Administrasi Jakarta Selatan'
    >>> lookup("Toba Samosir").nama
    'Kabupaten Toba'
    >>> print(lookup("Kota Batang"))
    None
    """
    if tingkat is not None and tingkat not in TINGKAT:
        raise ValueError(f"tingkat must be one of {TINGKAT}, not {tingkat!r}")
    words = _words(name)
    if not words:
        return None
    level, bare = _split_level(words)
    found = None
    if level is None or tingkat is None or level == tingkat:
        found = _find(bare, level or tingkat)
    if found is None and level is not None:
        found = _find(words, tingkat)  # the level word belongs to the name: "Kota Baru"
    if found is None:
        found = _find_glued(words.replace(" ", ""), tingkat)
    return found


def _find_glued(compact: str, tingkat: str | None) -> Region | None:
    """Last resort for OCR that glued the level word on: ``"kabupatenbatang"``.

    >>> _find_glued("bupatibatang", None).nama
    'Kabupaten Batang'
    """
    for prefix, level in _LEVEL_WORDS:
        glued = "".join(prefix)
        if compact.startswith(glued) and len(compact) > len(glued):
            if tingkat is None or tingkat == level:
                found = _find(compact[len(glued):], level)
                if found is not None:
                    return found
    return None


def from_office(office: str) -> Region | None:
    """The region whose head holds ``office``, as printed above a regulation's Menimbang.

    Gubernur -> provinsi, Bupati -> kabupaten, Wali Kota / Walikota -> kota; acting titles
    (``PJ.``, ``Penjabat``, ``Plt.``, ``Wakil``) and punctuation are ignored.

    >>> from_office("BUPATI BATANG,").nama
    'Kabupaten Batang'
    >>> from_office("BUPATI BANDUNG").nama
    'Kabupaten Bandung'
    >>> from_office("PENJABAT GUBERNUR JAWA TENGAH,").nama
    'Provinsi Jawa Tengah'
    >>> from_office("WALI KOTA SEMARANG").nama
    'Kota Semarang'
    >>> print(from_office("MENTERI DALAM NEGERI"))
    None
    """
    words = _ACTING.sub("", _words(office))
    match = _OFFICE.match(words)
    if match is None:
        return None
    tingkat = _OFFICE_TINGKAT[match.group(1).replace(" ", "")]
    return lookup(words[match.end():], tingkat=tingkat)


def from_title(title_line: str) -> Region | None:
    """The region named in a regulation's title line; ``None`` for national acts.

    >>> from_title("PERATURAN BUPATI BATANG").nama
    'Kabupaten Batang'
    >>> from_title("PERATURAN WALI KOTA SURABAYA NOMOR 5 TAHUN 2020").nama
    'Kota Surabaya'
    >>> from_title("PERATURAN GUBERNUR DAERAH KHUSUS IBUKOTA JAKARTA").nama
    'Provinsi DKI Jakarta'
    >>> print(from_title("UNDANG-UNDANG REPUBLIK INDONESIA"))
    None
    """
    match = _TITLE.search(_words(title_line))
    if match is None:
        return None
    rest = _TITLE_END.sub("", match.group("rest"))
    if rest.startswith(("republik indonesia", "pemerintah", "presiden", "menteri")):
        return None
    # "daerah" usually only says Perda, but it also starts "Daerah Istimewa Yogyakarta".
    for candidate in (_PERDA.sub("", rest), rest):
        if _OFFICE.match(candidate):
            found = from_office(candidate)
        else:
            found = lookup(candidate)
        if found is not None:
            return found
    return None


def province_of(region: Region) -> Region:
    """The province a region lies in; a province is its own.

    >>> province_of(lookup("Kota Semarang")).nama
    'Provinsi Jawa Tengah'
    """
    return _index().by_kode[region.kode.split(".")[0]]


_MENTION = re.compile(
    r"\b(?:Kabupaten|Kab\.|Kota|Provinsi|Propinsi|Bupati|Gubernur|Wali\s?[Kk]ota)\s+"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})",
    re.IGNORECASE,
)


def mentioned(text: str) -> list[Region]:
    """The regions a text names with their level or their head's office ("Kabupaten Batang",
    "Bupati Batang", "Gubernur Jawa Tengah"), each once, in the order first named. The name is
    the longest run of capitalised words after the level word that is a region.

    >>> [r.nama for r in mentioned("Bupati Batang membentuk Dewan; Provinsi Jawa Tengah Cerdas; Kabupaten/Kota")]
    ['Kabupaten Batang', 'Provinsi Jawa Tengah']
    """
    found: dict[str, Region] = {}
    for match in _MENTION.finditer(text):
        level = match.group(0)[: match.start(1) - match.start(0)]
        names = match.group(1).split()
        if not names[0][0].isupper():
            continue
        for size in range(len(names), 0, -1):
            region = lookup(f"{level}{' '.join(names[:size])}")
            if region is not None:
                found.setdefault(region.kode, region)
                break
    return list(found.values())
