"""One normalised vocabulary of the kinds (jenis) of Indonesian regulation, national and regional.

Every kind is one frozen ``Jenis(nama, singkat, kode, tingkat, regional)`` in ``JENIS``; the way
titles and citations print a kind ("UNDANG-UNDANG REPUBLIK INDONESIA", "Undang-undang",
"Peraturan Walikota", "Perbup", "PERATURAN PEMEzuNTAH") maps onto it through
``normalise_jenis``. ``tingkat`` is ``nasional``, ``provinsi``, ``kabupaten``, ``kota`` or ``desa``,
and ``daerah`` for a Perda whose level the text does not tell.

The issuer of a Peraturan Menteri or of a Peraturan Lembaga ("Menteri Dalam Negeri",
"Badan Siber dan Sandi Negara") and the region of a regional kind ("Batang", "Jawa Tengah")
are not part of the kind: ``find_jenis`` stops the kind where they begin, so a caller can read
them from the words that follow (``app.structure.citations`` does).

>>> normalise_jenis("PERATURAN BUPATI BATANG").nama
'Peraturan Bupati'
>>> normalise_jenis("PERATURAN DAERAH", tingkat="kabupaten").kode
'perda-kab'
>>> normalise_jenis("UNDANG.UNDANG NOMOR 11 TAHUN 2OO8").singkat
'UU'
>>> normalise_jenis("PERATURAN PEMEzuNTAH REPUBLIK INDONESIA").nama   # OCR: fuzzy fallback
'Peraturan Pemerintah'
>>> by_kode("perda-prov")
Jenis(nama='Peraturan Daerah Provinsi', singkat='Perda Provinsi', kode='perda-prov', tingkat='provinsi', regional=True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from rapidfuzz import fuzz

from app.errors import InvalidInput

__all__ = [
    "JENIS", "Jenis", "JenisMatch", "KIND_RE", "TINGKAT", "all_jenis", "by_kode", "find_jenis",
    "fuzzy_jenis", "normalise_jenis", "read_markdown_links",
]

TINGKAT = ("nasional", "provinsi", "kabupaten", "kota", "desa", "daerah")


@dataclass(frozen=True)
class Jenis:
    """A kind of regulation. ``nama`` is the normalised name stored in ``Metadata.jenis`` and
    ``Citation.jenis``; ``singkat`` its usual short form; ``kode`` a stable slug."""

    nama: str
    singkat: str
    kode: str
    tingkat: str   # one of TINGKAT
    regional: bool


JENIS: tuple[Jenis, ...] = (
    # national, in the hierarchy of UU 12/2011 Pasal 7 and 8
    Jenis("Undang-Undang Dasar", "UUD 1945", "uud", "nasional", False),
    Jenis("Ketetapan MPR", "Tap MPR", "tap-mpr", "nasional", False),
    Jenis("Undang-Undang", "UU", "uu", "nasional", False),
    Jenis("Undang-Undang Darurat", "UU Darurat", "uu-darurat", "nasional", False),  # 1950-1959
    Jenis("Peraturan Pemerintah Pengganti Undang-Undang", "Perppu", "perppu", "nasional", False),
    Jenis("Peraturan Pemerintah", "PP", "pp", "nasional", False),
    Jenis("Peraturan Presiden", "Perpres", "perpres", "nasional", False),
    Jenis("Penetapan Presiden", "Penpres", "penpres", "nasional", False),  # 1959-1966
    Jenis("Keputusan Presiden", "Keppres", "keppres", "nasional", False),
    Jenis("Instruksi Presiden", "Inpres", "inpres", "nasional", False),
    Jenis("Peraturan Menteri", "Permen", "permen", "nasional", False),
    Jenis("Keputusan Menteri", "Kepmen", "kepmen", "nasional", False),
    Jenis("Peraturan Lembaga", "Peraturan Lembaga", "per-lembaga", "nasional", False),
    # regional
    Jenis("Peraturan Daerah Provinsi", "Perda Provinsi", "perda-prov", "provinsi", True),
    Jenis("Peraturan Daerah Kabupaten", "Perda Kabupaten", "perda-kab", "kabupaten", True),
    Jenis("Peraturan Daerah Kota", "Perda Kota", "perda-kota", "kota", True),
    Jenis("Peraturan Daerah", "Perda", "perda", "daerah", True),  # level not printed
    Jenis("Peraturan Gubernur", "Pergub", "pergub", "provinsi", True),
    Jenis("Peraturan Bupati", "Perbup", "perbup", "kabupaten", True),
    Jenis("Peraturan Wali Kota", "Perwal", "perwal", "kota", True),
    Jenis("Keputusan Gubernur", "Kepgub", "kepgub", "provinsi", True),
    Jenis("Keputusan Bupati", "Kepbup", "kepbup", "kabupaten", True),
    Jenis("Keputusan Wali Kota", "Kepwal", "kepwal", "kota", True),
    Jenis("Peraturan Desa", "Perdes", "perdes", "desa", True),
)

_BY_KODE = {jenis.kode: jenis for jenis in JENIS}

# A Perda of unknown level, refined by the level the caller knows.
_PERDA_BY_TINGKAT = {"provinsi": "perda-prov", "kabupaten": "perda-kab", "kota": "perda-kota"}

# ---------------------------------------------------------------------------------------------
# How each kind is printed. One verbose fragment per kode, tried in this order at each position
# (so "Undang-Undang Dasar" before "Undang-Undang", "... Pengganti Undang-Undang" before
# "Peraturan Pemerintah"). Case-insensitive; whitespace in the pattern is ignored (re.X).

_UU = r"undang \s* [-‐–—.,]? \s* undang"          # Undang-Undang, UNDANG UNDANG, Undang- Undang, UNDANG.UNDANG
_WALI_KOTA = r"wali \s* kota (?:madya)?"            # Wali Kota, Walikota, Walikotamadya
_PROVINSI = r"(?: pro[vp]insi | propinsi | prov\. )"  # Provinsi, Propinsi (old spelling), Prov.

_KIND_PATTERNS: tuple[tuple[str, str], ...] = (
    ("uud", rf"""
        {_UU} \s+ dasar                                   # Undang-Undang Dasar (Negara Republik Indonesia Tahun 1945)
      | UUD (?: \s* NRI )?                                # UUD 1945, UUD NRI 1945
      | konstitusi (?: \s+ sementara )? \s+ republik \s+ indonesia \s+ serikat  # the 1949 constitution
    """),
    ("uu-darurat", rf"""
        {_UU} \s+ darurat                                 # Undang-Undang Darurat Nomor 7 Tahun 1956
    """),
    ("perppu", rf"""
        peraturan \s+ pemerintah \s+ pengganti \s+ {_UU}  # Peraturan Pemerintah Pengganti Undang-Undang
      | perp{{1,2}}u                                      # Perpu, Perppu
    """),
    ("uu", rf"""
        (?<! kitab \s ) {_UU}                             # Undang-Undang (Republik Indonesia), not "Kitab Undang-Undang"
      | UU                                                # UU Nomor 23 Tahun 2014
    """),
    ("tap-mpr", r"""
        ketetapan \s+
        (?: majelis \s+ permusyawaratan \s+ rakyat (?: \s+ sementara )?   # ... Majelis Permusyawaratan Rakyat
          | m \.? \s? p \.? \s? r \.? (?: \s? s \.? )?    # MPR, MPRS, M.P.R.S.
        )
      | tap \.? \s+ mprs?                                 # Tap MPR
    """),
    ("pp", r"""
        peraturan \s+ pemerintah                          # Peraturan Pemerintah (not "... Pengganti", tried above)
      | PP
    """),
    ("perpres", r"""
        peraturan \s+ presiden | perpres
    """),
    ("penpres", r"""
        penetapan \s+ presiden | penpres
    """),
    ("keppres", r"""
        keputusan \s+ presiden | kepp?res
    """),
    ("inpres", r"""
        instruksi \s+ presiden | inpres
    """),
    ("permen", r"""
        peraturan (?= \s+ men[dt]e?ri \b )                # "Peraturan" of "Peraturan Menteri Dalam Negeri":
                                                          # the issuer ("Menteri Dalam Negeri") follows the kind
      | permen [a-z]* (?: -? rb )?                        # Permen, Permendagri, Permenkominfo, PermenPAN-RB
    """),
    ("kepmen", r"""
        keputusan (?= \s+ men[dt]e?ri \b )                # "Keputusan" of "Keputusan Menteri ..."
      | kepmen [a-z]*
    """),
    ("per-lembaga", r"""
        peraturan (?= \s+                                 # "Peraturan" followed by the issuing body:
            (?: kepala \s+ (?! daerah | desa ) \w+        #   Peraturan Kepala Badan/Arsip/Kepolisian ...
              | badan | lembaga | komisi | otoritas       #   Peraturan Badan Siber dan Sandi Negara, Peraturan Komisi Informasi
              | bank \s+ indonesia | mahkamah             #   Peraturan Bank Indonesia, Peraturan Mahkamah Agung
              | arsip \s+ nasional | jaksa \s+ agung | ombudsman
            ) \b )
    """),
    ("perda-prov", rf"""
        peraturan \s+ daerah \s+ {_PROVINSI}              # Peraturan Daerah Provinsi (Jawa Tengah)
      | peraturan \s+ daerah (?= \s+ daerah \s+           # Peraturan Daerah Daerah Tingkat I / Khusus / Istimewa ...
            (?: tingkat \s+ I (?! I ) | khusus | istimewa ) )
      | perda \s* {_PROVINSI} | perdaprov                 # Perda Provinsi
    """),
    ("perda-kab", r"""
        peraturan \s+ daerah \s+ (?: kabupaten | kab\. )  # Peraturan Daerah Kabupaten (Batang)
      | perda \s* (?: kabupaten | kab\. ) | perdakab
    """),
    ("perda-kota", r"""
        peraturan \s+ daerah \s+ kota (?: madya )?        # Peraturan Daerah Kota(madya) (Semarang)
      | perda \s* kota
    """),
    ("perda", r"""
        peraturan \s+ daerah | perda                      # level not printed: refined by the caller's tingkat
    """),
    ("pergub", r"""
        peraturan \s+ gubernur | pergub
    """),
    ("perbup", r"""
        peraturan \s+ bupati | perbup
    """),
    ("perwal", rf"""
        peraturan \s+ {_WALI_KOTA}                        # Peraturan Wali Kota, Peraturan Walikota
      | perwa (?: l | li | ko | lkot )                    # Perwal, Perwali, Perwako
    """),
    ("kepgub", r"""
        keputusan \s+ gubernur | kepgub
    """),
    ("kepbup", r"""
        keputusan \s+ bupati | kepbup
    """),
    ("kepwal", rf"""
        keputusan \s+ {_WALI_KOTA} | kepwal
    """),
    ("perdes", r"""
        peraturan \s+ desa | perdes
    """),
)


def _group(kode: str) -> str:
    return "k_" + kode.replace("-", "_")


# Any kind, as a whole word: (?<!\w) and (?!\w) keep "Perundang-undangan" and "UUPA" out.
KIND_RE = re.compile(
    "|".join(
        rf"(?P<{_group(kode)}> (?<![\w]) (?: {pattern} ) (?![\w]) )" for kode, pattern in _KIND_PATTERNS
    ),
    re.X | re.I,
)

_GROUP_TO_KODE = {_group(kode): kode for kode, _ in _KIND_PATTERNS}

# The title of a regulation ends its kind words: "PERATURAN BUPATI BATANG NOMOR 8 TAHUN 2021
# TENTANG PERUBAHAN ATAS PERATURAN BUPATI ..." names one kind, the first.
_TENTANG_RE = re.compile(r"\b tentang \b", re.X | re.I)

# Markdown links of the mblonyox dataset: "[Undang-undang Nomor 5 Tahun 1974 ...](/uu/1974/5)".
_MD_LINK_RE = re.compile(r"\[ ([^\]]*) \] \( [^)\s]* \)", re.X)

# ---------------------------------------------------------------------------------------------
# Fuzzy fallback for OCR'd kinds the patterns miss ("PERATURAN PEMEzuNTAH"): the first words of
# the text against each kind's name, spaces ignored. Only kinds with a name of two words or more,
# so a stray word never passes for a kind.
_FUZZY_MIN = 86.0
_FUZZY_NAMES: tuple[tuple[str, str, int], ...] = tuple(  # (name without spaces, kode, its word count)
    ("".join(words).lower(), kode, len(words))
    for words, kode in (
        *((re.findall(r"[A-Za-z]+", jenis.nama), jenis.kode) for jenis in JENIS),
        (["Peraturan", "Walikota"], "perwal"),
        (["Ketetapan", "Majelis", "Permusyawaratan", "Rakyat"], "tap-mpr"),
    )
    if len(words) >= 2 and kode != "per-lembaga"
)
_WORD_RE = re.compile(r"[A-Za-z]+|[^\sA-Za-z]+")


@dataclass(frozen=True)
class JenisMatch:
    """Where a kind is printed in a text: ``text[start:end]`` are its words, the issuer or region
    (if any) follow at ``end``. ``fuzzy`` when only the fuzzy fallback recognised it."""

    jenis: Jenis
    start: int
    end: int
    fuzzy: bool = False


def all_jenis() -> tuple[Jenis, ...]:
    """Every kind, national first, in the order of the hierarchy.

    >>> [j.kode for j in all_jenis()][:3]
    ['uud', 'tap-mpr', 'uu']
    """
    return JENIS


def by_kode(kode: str) -> Jenis:
    """The kind with this ``kode``; raises ``InvalidInput`` for an unknown one.

    >>> by_kode("perbup").nama
    'Peraturan Bupati'
    """
    try:
        return _BY_KODE[kode]
    except KeyError:
        raise InvalidInput(f"unknown jenis kode {kode!r}; known: {', '.join(_BY_KODE)}") from None


def read_markdown_links(text: str) -> str:
    """``[text](/uu/1974/5)`` -> ``text``.

    >>> read_markdown_links("[Undang-undang Nomor 5 Tahun 1974](/uu/1974/5) (Lembaran")
    'Undang-undang Nomor 5 Tahun 1974 (Lembaran'
    """
    return _MD_LINK_RE.sub(r"\1", text)


def find_jenis(text: str, pos: int = 0, endpos: int | None = None, *, fuzzy: bool = True) -> JenisMatch | None:
    """The first kind printed in ``text[pos:endpos]``; when none, and ``fuzzy``, a kind whose name
    the first words at ``pos`` resemble closely (OCR noise). None when neither.

    >>> m = find_jenis("Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945")
    >>> m.jenis.kode, m.start, m.end
    ('uud', 18, 37)
    >>> m = find_jenis("Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015")
    >>> m.jenis.nama, "Peraturan Menteri Dalam Negeri Nomor 80"[m.end:].strip()
    ('Peraturan Menteri', 'Menteri Dalam Negeri Nomor 80')
    >>> find_jenis("Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244") is None
    True
    """
    endpos = len(text) if endpos is None else endpos
    match = KIND_RE.search(text, pos, endpos)
    if match is not None:
        assert match.lastgroup is not None
        kode = _GROUP_TO_KODE[match.lastgroup]
        return JenisMatch(_BY_KODE[kode], match.start(), match.end())
    if fuzzy:
        return fuzzy_jenis(text, pos, endpos)
    return None


def fuzzy_jenis(text: str, pos: int = 0, endpos: int | None = None) -> JenisMatch | None:
    """The kind whose name the words at ``pos`` resemble closely (OCR noise): spaces ignored,
    rapidfuzz ratio >= 86, the longer name on ties. None when no name is that close.

    >>> fuzzy_jenis("PERATURAN PEMEzuNTAH REPUBLIK INDONESIA").jenis.kode
    'pp'
    >>> fuzzy_jenis("PERATURAN BERSAMA MENTERI") is None
    True
    """
    endpos = len(text) if endpos is None else endpos
    words = [(m.start(), m.end(), m.group()) for m in islice(_WORD_RE.finditer(text, pos, endpos), 8)]
    if not words or not words[0][2].isalpha():
        return None
    best: tuple[float, int, str, int] | None = None  # score, name length, kode, end offset
    for name, kode, n_words in _FUZZY_NAMES:
        for n in (n_words - 1, n_words, n_words + 1):  # OCR splits and glues words
            if n < 2 or n > len(words) or not all(w[2].isalpha() for w in words[:n]):
                continue
            candidate = "".join(w[2] for w in words[:n]).lower()
            score = fuzz.ratio(candidate, name)
            key = (score, len(name), kode, words[n - 1][1])
            if score >= _FUZZY_MIN and (best is None or key[:2] > best[:2]):
                best = key
    if best is None:
        return None
    return JenisMatch(_BY_KODE[best[2]], words[0][0], best[3], fuzzy=True)


def normalise_jenis(text: str, tingkat: str | None = None) -> Jenis | None:
    """The kind a title or citation names, as printed; None when it names none.

    Exact patterns first, over the words before "tentang"; a fuzzy match of the first words
    after that. ``tingkat`` (provinsi, kabupaten, kota) refines a bare "Peraturan Daerah".

    >>> normalise_jenis("PERATURAN DAERAH PROVINSI JAWA TENGAH").nama
    'Peraturan Daerah Provinsi'
    >>> normalise_jenis("Peraturan Walikota").nama, normalise_jenis("PERATURAN WALI KOTA").kode
    ('Peraturan Wali Kota', 'perwal')
    >>> normalise_jenis("Perpu").singkat, normalise_jenis("Perppu").singkat
    ('Perppu', 'Perppu')
    >>> normalise_jenis("Peraturan Menteri Dalam Negeri").nama
    'Peraturan Menteri'
    >>> normalise_jenis("PERATURAN DAERAH").kode
    'perda'
    >>> normalise_jenis("Lembaran Daerah Kabupaten Batang") is None
    True
    """
    text = read_markdown_links(text or "").replace("^", "")
    tentang = _TENTANG_RE.search(text)
    endpos = tentang.start() if tentang else len(text)
    match = find_jenis(text, 0, endpos, fuzzy=False)
    if match is None:
        start = len(text) - len(text.lstrip(" \t\r\n\"'*_#.:-"))
        match = fuzzy_jenis(text, start, endpos)
    if match is None:
        return None
    jenis = match.jenis
    if jenis.kode == "perda" and tingkat:
        refined = _PERDA_BY_TINGKAT.get(_tingkat(tingkat))
        if refined:
            jenis = _BY_KODE[refined]
    return jenis


def _tingkat(tingkat: str) -> str:
    """"Kabupaten", "kab", "KOTA", "propinsi" -> the TINGKAT word (by its first three letters)."""
    word = tingkat.strip().lower()
    return next((full for full in TINGKAT if word[:3] == full[:3]), word)
