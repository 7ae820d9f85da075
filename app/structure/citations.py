"""Mengingat items -> the regulations they cite; an amending act's title -> the act it amends.

A Mengingat item names one regulation, sometimes the Pasal of it relied on, its publication in
brackets, and the acts that amended it::

    Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara ...)
    |-- kind --| |nomor|  |tahun|       |------ judul ------| |-- publication, skipped --|
    sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 9 Tahun 2015 ...
                                                            |--- one entry of diubah ---...

The kind is read with ``app.structure.jenis``; the words between the kind and "Nomor" are the
region of a regional kind (``daerah``: "Batang", "Jawa Tengah", raw, for the caller to resolve)
or the issuer of a Peraturan Menteri/Lembaga (not kept in a Citation: see ``parse_reference``).
OCR noise in numbers and years is repaired (``2OL4`` -> 2014, ``Nomor l2`` -> ``12``); a
multi-line item is joined with single spaces and page numbers (``- 2 -``) between its lines are
dropped; markdown links ``[text](/uu/1974/5)`` read as their text. Parsing never raises: an
item that cites nothing returns a Citation with only ``num`` and ``text``.

>>> c = parse_citation("5.", "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah "
...     "(Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara "
...     "Republik Indonesia Nomor 5587) sebagaimana telah beberapa kali diubah, terakhir dengan "
...     "Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 "
...     "Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 "
...     "Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 5679);")
>>> c.num, c.jenis, c.nomor, c.tahun, c.judul
('5', 'Undang-Undang', '23', 2014, 'Pemerintahan Daerah')
>>> c.diubah
[{'jenis': 'Undang-Undang', 'nomor': '9', 'tahun': 2015, 'judul': 'Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah'}]
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from typing import Any

from app.structure.jenis import JenisMatch, find_jenis, fuzzy_jenis, read_markdown_links
from app.structure.tree import Citation
from app.text.ocr import DIGIT_LOOKALIKES

__all__ = ["parse_citation", "parse_reference", "parse_reference_title", "repair_number", "repair_year"]

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------
# OCR repair of numbers and years

_LOOKALIKE_CHARS = "OoDQIlLi|!]ZzSsGbBgq+"

_FIRST_YEAR = 1800  # Staatsblad citations go back to the 1800s


def _last_year() -> int:
    return _dt.date.today().year + 1


def repair_number(raw: str) -> str:
    """An Arabic number as OCR printed it -> digits; anything else (Roman numerals, letters,
    "X/MPR/1998", "10/PMK.02/2020") as printed, each ``/``-part on its own.

    >>> repair_number("l2"), repair_number("l l"), repair_number("2O"), repair_number("23")
    ('12', '11', '20', '23')
    >>> repair_number("X/MPR/1998"), repair_number("5A"), repair_number("10/PMK.02/2020")
    ('X/MPR/1998', '5A', '10/PMK.02/2020')
    >>> repair_number("I"), repair_number("10 Prp")
    ('I', '10 Prp')
    """
    raw = raw.strip().rstrip(".,:")
    if re.fullmatch(r"[0-9l ]+|[0-9OoDIlLi|!]*[0-9][0-9OoDIlLi|!]*", raw) and any(c != " " for c in raw):
        # digits and look-alikes only, with one real digit or lowercase "l" (never a Roman numeral)
        return raw.replace(" ", "").translate(DIGIT_LOOKALIKES)
    return raw


def repair_year(raw: str) -> int | None:
    """A four-digit year as OCR printed it -> int; None when it cannot be a year.

    A year past next year is read once more with ``7`` as ``1`` (``2074`` -> 2014), the
    commonest confusion of this corpus.

    >>> repair_year("2OL4"), repair_year("2OO4"), repair_year("2O19"), repair_year("L945")
    (2014, 2004, 2019, 1945)
    >>> repair_year("201 I"), repair_year("200g"), repair_year("2OO+"), repair_year("2074")
    (2011, 2008, 2004, 2014)
    >>> repair_year("12"), repair_year("3000") is None
    (None, True)
    """
    digits = raw.replace(" ", "").translate(DIGIT_LOOKALIKES)
    if not re.fullmatch(r"\d{4}", digits):
        return None
    year = int(digits)
    if _FIRST_YEAR <= year <= _last_year():
        return year
    for i, ch in enumerate(digits):
        if ch == "7":
            fixed = int(digits[:i] + "1" + digits[i + 1:])
            if _FIRST_YEAR <= fixed <= _last_year():
                return fixed
    return None


# ---------------------------------------------------------------------------------------------
# The parts of a citation, each matched where the previous one ended.

# A year as printed: four digits or look-alikes ("2OL4", "L945", "2OO+"), or three and a
# detached last one ("201 I").
_YEAR = rf"""
    (?: [0-9{re.escape(_LOOKALIKE_CHARS)}] {{4}} (?! [\w+] )
      | [0-9OoIlL] {{3}} \s [Il1] (?! \w )
    )
"""

# The words between the kind and its number: a region ("Batang", "Provinsi Jawa Tengah"), an
# issuer ("Menteri Dalam Negeri"), or "Republik Indonesia".
ISSUER_RE = re.compile(r"""
    (?P<issuer>
      (?: \s+                                             # each word after a space,
          (?! (?: nomor | nornor | nomer | no\.? | tahun | tentang | sebagaimana ) (?! \w ) )
          [^\s;,()]+                                      # and no number, year or title keyword
      ){0,15}
    )
    \s* ,?                                                # "Peraturan Bupati Batang, Nomor ..."
""", re.X | re.I)

# "Nomor 23", "No. 5", "NOMOR : 8", "Nomor l l", "Nomor X/MPR/1998", "No. 10 Prp", "Nomor 22TAHUN".
NOMOR_RE = re.compile(r"""
    \s* (?: nomor | nornor | nomer | no \. | no (?= \s+ \d ) ) \s* :? \s*  # the keyword, OCR misreadings, "No."
    (?P<nomor>
      (?: (?! tahun ) (?: [\w.\-] | / \s? ) )+              # the number as printed ("II/ MPRS/1960"), stopping at a glued "TAHUN"
      (?: \s (?: [0-9lIO] (?= \s+ tahun )                 # OCR split digit: "Nomor l l Tahun"
              | prps? \.? | drt \.? ) (?! \w ) )*         # old suffixes: "Nomor 10 Prp Tahun 1960", "No. 1 Drt."
    )
""", re.X | re.I)

# ", Tahun 2014", "tahun 1960", "Th. 1999".
TAHUN_RE = re.compile(rf"""
    \s* ,? \s* (?: tahun | th\. ) \s*                     # the keyword
    (?P<tahun> {_YEAR} )                                  # the year, repaired by repair_year
""", re.X | re.I)

# Where the title starts: "tentang", after an old-style publication or a date if any.
TENTANG_RE = re.compile(r"""
    (?: \s* \( [^()]{0,120} \) )?                         # "(Lembaran-Negara 1958 No. 162) tentang ..."
    (?: \s* ,? \s* tanggal \s+ \d{1,2} \s+ \w+ \s+ \d{4} )?  # "Nomor 225 tahun 1957 tanggal 17 Desember 1957 tentang"
    \s* ,? \s*
    (?: tentang | tenlang | tentaug | t \s e \s n \s t \s a \s n \s g ) \s+   # the keyword
""", re.X | re.I)

# Where the title ends: the publication in brackets, the amendments, the end of the item.
JUDUL_END_RE = re.compile(r"""
      \s* [({] \s* (?: lembaran | berita | himpunan | tambahan | staatsblad | stbl | LN \b | TLN \b | BN \b )
                                                          # "(Lembaran Negara ...", "(Berita Daerah ...", "(Himpunan ..."
    | \s* ,? \s+ (?: sebagaimana | yang \s+ telah \s+ (?: beberapa \s+ kali \s+ )? diubah ) \b
                                                          # "sebagaimana telah diubah ...", "yang telah diubah ..."
    | \s+ jo \. \s                                        # "jo." (juncto) joins another act
    | \s* ; | \s* \.? \s* $                               # the end of the item: ";" or a final "."
""", re.X | re.I)

# The Undang-Undang Dasar after its kind words: "Negara Republik Indonesia Tahun 1945",
# "1945", "Sementara Republik Indonesia", "Republik Indonesia Serikat".
UUD_TAIL_RE = re.compile(rf"""
    (?P<words> (?: \s+ (?: negara | republik | indonesia | sementara | serikat | NRI | RI ) (?! \w ) )* )
    \s* ,? \s* (?: (?: tahun | th\. ) \s* )?              # "Tahun" (often missing: "Undang-Undang Dasar 1945")
    (?P<tahun> {_YEAR} )?
""", re.X | re.I)

# An amending act's title: "PERUBAHAN ATAS ...", "PERUBAHAN KEDUA ATAS ...".
AMENDS_RE = re.compile(r"""
    \b perubahan
    (?: \s+ (?: pertama | kedua | ketiga | keempat | kelima | keenam | ketujuh | kedelapan
              | kesembilan | kesepuluh | ke \s* -? \s* \d+ ) )?   # which amendment
    \s+ atas \s+                                          # "ATAS", then the act amended
""", re.X | re.I)

# The words that introduce the acts which amended the one cited.
AMENDED_BY_RE = re.compile(r"""
    \b (?: diubah | ditetapkan \s+ menjadi | diganti | ditambah )   # "sebagaimana telah diubah dengan",
    \b                                                              # "ditetapkan menjadi Undang-Undang dengan"
""", re.X | re.I)

# A Pasal of the act cited, before or (UUD) after it: "Pasal 18 ayat (6)", "Pasal-pasal 5 ayat (1), 18".
PASAL_RE = re.compile(r"""
    ^ \s* (?P<pasal> pasal .*? ) \s* ,? \s* $
""", re.X | re.I | re.S)

# An item marker the caller left in the text: "1.", "a.", "(2)".
_ITEM_MARK_RE = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[a-z][.)])\s+")
_PASAL_TAIL_RE = re.compile(r"(?:[\s,]+(?:dari|jo\.?|juncto|dan))*[\s,]*$", re.I)  # "Pasal 5 ayat (2) dari" -> "Pasal 5 ayat (2)"
_PAGE_NUMBER_LINE_RE = re.compile(r"^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$")
_TRAILING_RI_RE = re.compile(r"\s+(?:negara\s+)?republik\s+indonesia\s*$", re.I)
_YEAR_IN_NOMOR_RE = re.compile(r"(?:^|/|\.)(\d{4})$")


# ---------------------------------------------------------------------------------------------

def _join_lines(text: str) -> str:
    """The lines of an item joined with single spaces; page-number lines dropped; a line ending in
    a hyphen joined without a space ("Undang-\\nUndang"); markdown links read as their text."""
    lines = [line.strip() for line in read_markdown_links(text).splitlines()]
    out = ""
    for line in lines:
        if not line or _PAGE_NUMBER_LINE_RE.match(line):
            continue
        if out.endswith("-") and not out.endswith(" -"):
            out += line
        else:
            out = f"{out} {line}" if out else line
    return re.sub(r"\s+", " ", out).strip()


def _for_parsing(text: str) -> str:
    """Markup and stray OCR marks out: "^Tahun", "_International Covenant_", "**"."""
    text = re.sub(r"[\^*]", "", text)
    text = re.sub(r"(?<!\w)_+|_+(?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()


_KEEP_CAPS = re.compile(r"^(?:[IVX]+|DKI|DIY|RI|NRI)$")


def _title_case(words: str) -> str:
    """Region or issuer words printed in capitals -> title case ("JAWA TENGAH" -> "Jawa Tengah",
    "TINGKAT II" -> "Tingkat II"); other words as printed."""
    if not words.isupper():
        return words
    return " ".join(w if _KEEP_CAPS.match(w) else w.capitalize() for w in words.split())


def _clean_judul(judul: str) -> str | None:
    judul = judul.strip(" ,;:")
    return judul or None


def parse_reference(text: str, pos: int = 0) -> dict[str, Any] | None:
    """The first regulation cited with a number or year in ``text`` from ``pos``: a dict with
    ``jenis``, ``daerah`` (region words of a regional kind), ``pembuat`` (issuer of a
    Permen/Kepmen/Peraturan Lembaga), ``nomor``, ``tahun``, ``judul``, and ``start``/``end``
    (the span read, up to the end of the title). None when there is none.

    >>> r = parse_reference("Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah (Berita Negara ...)")
    >>> r["jenis"], r["pembuat"], r["nomor"], r["tahun"], r["judul"]
    ('Peraturan Menteri', 'Menteri Dalam Negeri', '80', 2015, 'Pembentukan Produk Hukum Daerah')
    >>> r = parse_reference("Ketetapan MPR Nomor X/MPR/1998 tentang Pokok-Pokok Reformasi")
    >>> r["jenis"], r["nomor"], r["tahun"]
    ('Ketetapan MPR', 'X/MPR/1998', 1998)
    """
    while True:
        match = find_jenis(text, pos, fuzzy=False)
        if match is None:
            return None
        ref = _read_after_kind(text, match)
        if ref["nomor"] or ref["tahun"]:
            return ref
        pos = match.end


def _read_after_kind(text: str, match: JenisMatch) -> dict[str, Any]:
    """Nomor, tahun, judul and the issuer or region words that follow a kind."""
    jenis = match.jenis
    ref: dict[str, Any] = {
        "jenis": jenis.nama, "daerah": None, "pembuat": None, "nomor": None, "tahun": None,
        "judul": None, "start": match.start, "end": match.end,
    }
    if jenis.kode == "uud":
        tail = UUD_TAIL_RE.match(text, match.end)
        assert tail is not None  # every part is optional
        words = tail.group("words").lower()
        year = repair_year(tail.group("tahun")) if tail.group("tahun") else None
        if year is None:
            kind = text[match.start:match.end].lower()
            # Konstitusi RIS 1949, UUD Sementara 1950, else the UUD 1945
            year = 1949 if ("konstitusi" in kind or "serikat" in words) else 1950 if "sementara" in words else 1945
        ref["tahun"] = year
        ref["end"] = tail.end() if tail.group("tahun") else match.end + len(tail.group("words"))
        return ref

    pos = match.end
    issuer = ISSUER_RE.match(text, pos)
    assert issuer is not None  # every part is optional
    words = issuer.group("issuer").strip()
    nomor = NOMOR_RE.match(text, issuer.end())
    tahun = TAHUN_RE.match(text, nomor.end() if nomor else issuer.end())
    last = tahun or nomor
    if last is None:
        words, nomor_end = "", match.end  # no number: the words after the kind are no issuer
    else:
        nomor_end = last.end()
    if nomor:
        printed = re.sub(r"\s*/\s*", "/", nomor.group("nomor"))  # "IV/MPR/ 1978" -> "IV/MPR/1978"
        ref["nomor"] = printed.rstrip(".,") if jenis.kode == "tap-mpr" else repair_number(printed)
    if tahun:
        ref["tahun"] = repair_year(tahun.group("tahun"))
    if ref["tahun"] is None and ref["nomor"]:
        in_nomor = _YEAR_IN_NOMOR_RE.search(ref["nomor"])  # "X/MPR/1998", "10/PMK.02/2020"
        if in_nomor:
            ref["tahun"] = repair_year(in_nomor.group(1))
    if words:
        if jenis.regional:
            ref["daerah"] = _title_case(words.strip(" ,"))
        elif jenis.kode in ("permen", "kepmen", "per-lembaga"):
            ref["pembuat"] = _title_case(_TRAILING_RI_RE.sub("", words).strip(" ,"))
        # other national kinds: "Republik Indonesia", or a name ("Undang-undang Pokok Agraria"), dropped
    ref["end"] = nomor_end
    tentang = TENTANG_RE.match(text, nomor_end)
    if tentang:
        end = JUDUL_END_RE.search(text, tentang.end())
        assert end is not None  # "$" always matches
        ref["judul"] = _clean_judul(text[tentang.end():end.start()])
        ref["end"] = end.start()
    return ref


def parse_citation(num: str, text: str) -> Citation:
    """One Mengingat item -> Citation; never raises.

    ``num`` is cleaned of dots and brackets ("1." -> "1"); ``text`` is kept joined into one line.

    >>> c = parse_citation("1.", "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia\\n   Tahun 1945;")
    >>> c.jenis, c.nomor, c.tahun, c.pasal, c.text
    ('Undang-Undang Dasar', None, 1945, 'Pasal 18 ayat (6)', 'Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;')
    >>> c = parse_citation("9", "Peraturan Bupati Batang Nomor 23 Tahun 2019 tentang Penyelenggaraan Smart City "
    ...                    "Kabupaten Batang (Berita Daerah Kabupaten Batang Tahun 2019 Nomor 23);")
    >>> c.jenis, c.daerah, c.nomor, c.tahun, c.judul
    ('Peraturan Bupati', 'Batang', '23', 2019, 'Penyelenggaraan Smart City Kabupaten Batang')
    >>> c = parse_citation("2", "Undang-Undang Nomor l2 Tahun 2OL4 tentang Pemerintahan Daerah;")
    >>> c.nomor, c.tahun
    ('12', 2014)
    >>> c = parse_citation("3", "[Undang-undang Nomor 5 Tahun 1974 tentang Pokok-pokok Pemerintahan di Daerah](/uu/1974/5) (Lembaran Negara Tahun 1974 Nomor 38);")
    >>> c.jenis, c.nomor, c.tahun, c.judul
    ('Undang-Undang', '5', 1974, 'Pokok-pokok Pemerintahan di Daerah')
    >>> parse_citation("4", "Mendengar: Dewan Menteri dalam sidangnya")
    Citation(num='4', text='Mendengar: Dewan Menteri dalam sidangnya', jenis=None, nomor=None, tahun=None, judul=None, pasal=None, daerah=None, diubah=[])
    """
    num = (num or "").strip().strip("().").strip()
    joined = _join_lines(text or "")
    citation = Citation(num=num, text=joined)
    try:
        _fill(citation, _for_parsing(_ITEM_MARK_RE.sub("", joined, count=1)))
    except Exception:  # never raise: a citation we cannot read keeps its text
        logger.exception("cannot parse Mengingat item %r", joined[:200])
    return citation


def _fill(citation: Citation, text: str) -> None:
    """Read ``text`` into ``citation``. The cited act is named before its title: the first kind
    before the first "tentang" with a number or year, else a kind at the start (after a Pasal),
    else an OCR'd kind at the start."""
    first_tentang = re.search(r"\btentang\b", text, re.I)
    head_end = first_tentang.start() if first_tentang else len(text)
    ref: dict[str, Any] | None = None
    fallback: dict[str, Any] | None = None
    pos = 0
    while ref is None:
        match = find_jenis(text, pos, head_end, fuzzy=False)
        if match is None:
            break
        candidate = _read_after_kind(text, match)
        if candidate["nomor"] or candidate["tahun"]:
            ref = candidate
        elif fallback is None:
            # a kind without a number counts only at the start ("Undang-undang Perbendaharaan
            # Indonesia (Indische Comptabiliteitswet ...)"), and only when no numbered act follows
            before = text[:match.start].strip()
            if not before or PASAL_RE.match(before):
                fallback = candidate
        pos = match.end
    ref = ref or fallback
    if ref is None:
        ocr_kind = fuzzy_jenis(text, 0, head_end)  # "PERATURAN PEMEzuNTAH NOMOR 12 ..."
        if ocr_kind is not None:
            ref = _read_after_kind(text, ocr_kind)
    if ref is None:
        return

    citation.jenis = ref["jenis"]
    citation.nomor = ref["nomor"]
    citation.tahun = ref["tahun"]
    citation.judul = ref["judul"]
    citation.daerah = ref["daerah"]
    before = text[:ref["start"]].strip()
    pasal = PASAL_RE.match(before)
    if pasal:
        citation.pasal = _PASAL_TAIL_RE.sub("", pasal.group("pasal"))
    elif ref["jenis"] == "Undang-Undang Dasar":  # "Undang-undang Dasar 1945 pasal 5 ayat (1) jo. pasal 20 ayat (1)"
        after = PASAL_RE.match(text[ref["end"]:].split(";")[0].rstrip(". "))
        if after:
            citation.pasal = _PASAL_TAIL_RE.sub("", after.group("pasal"))

    # The acts that amended it: every act named after "diubah" outside the titles of the others.
    anchor = AMENDED_BY_RE.search(text, ref["end"])
    pos = anchor.end() if anchor else len(text)
    while pos < len(text):
        amendment = parse_reference(text, pos)
        if amendment is None:
            break
        citation.diubah.append({key: amendment[key] for key in ("jenis", "nomor", "tahun", "judul")})
        pos = max(amendment["end"], pos + 1)


def parse_reference_title(text: str) -> dict[str, Any] | None:
    """An amending act's title -> the act it amends, as ``{"jenis", "daerah", "nomor", "tahun",
    "judul"}`` (judul as printed); None when the title amends nothing.

    >>> parse_reference_title("PERUBAHAN ATAS PERATURAN BUPATI BATANG NOMOR 23 TAHUN 2019 "
    ...                       "TENTANG PENYELENGGARAAN SMART CITY KABUPATEN BATANG")
    {'jenis': 'Peraturan Bupati', 'daerah': 'Batang', 'nomor': '23', 'tahun': 2019, 'judul': 'PENYELENGGARAAN SMART CITY KABUPATEN BATANG'}
    >>> parse_reference_title("PERUBAHAN KEDUA ATAS UNDANG-UNDANG NOMOR 12 TAHUN 2011 TENTANG\\n"
    ...                       "PEMBENTUKAN PERATURAN PERUNDANG-UNDANGAN")["judul"]
    'PEMBENTUKAN PERATURAN PERUNDANG-UNDANGAN'
    >>> parse_reference_title("PENYELENGGARAAN SMART CITY KABUPATEN BATANG") is None
    True
    """
    try:
        joined = _for_parsing(_join_lines(text or ""))
        amends = AMENDS_RE.search(joined)
        if amends is None:
            return None
        ref = parse_reference(joined, amends.end())
        if ref is None:
            return None
        return {key: ref[key] for key in ("jenis", "daerah", "nomor", "tahun", "judul")}
    except Exception:  # never raise on a title
        logger.exception("cannot parse title %r", (text or "")[:200])
        return None
