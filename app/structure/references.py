"""Cross-references inside provision text, resolved to provision ids.

A regulation cites its own provisions (``sebagaimana dimaksud dalam Pasal 5 ayat (1) huruf a``,
``sebagaimana dimaksud pada ayat (2)``) and, now and then, another regulation's
(``Pasal 238 Undang-Undang Nomor 23 Tahun 2014``). :func:`find_references` finds each cited
provision and resolves it to the id scheme of :mod:`app.structure.ids`; the id of the provision
whose text is searched (``source_id``) fills in what a relative reference leaves out.

How a citation is read (a *chain* of *elements*):

- an element is a run of levels with only spaces between them: ``Pasal 5 ayat (1) huruf a``;
  the levels may come in reverse order (``ayat (2) Pasal 25``, amendments) and are put in order
  of rank (Bab, Pasal, ayat, huruf, angka);
- elements are chained by ``,`` ``dan`` ``atau`` ``dan/atau`` ``serta`` (a list) or by
  ``sampai dengan`` / ``s.d.`` (a range, expanded: ``Pasal 10 sampai dengan Pasal 12`` gives
  Pasal 10, 11 and 12; ``huruf a sampai dengan huruf f`` gives a to f);
- an element without a Pasal takes the levels above its own from the element before it in the
  chain (``Pasal 14 ayat (2) huruf a dan huruf c`` -> ``huruf c`` of ``pasal-14/ayat-2``), or,
  first in its chain, from ``source_id`` (``pada ayat (1)`` inside ``pasal-6/ayat-2`` ->
  ``pasal-6/ayat-1``); a later reverse element lends its Pasal to the relative ones before it
  (``Di antara angka 19 dan angka 20 Pasal 1`` -> ``pasal-1/angka-19``, ``pasal-1/angka-20``);
- inside an amending act the source id holds the quoted Pasal
  (``pasal-i/perubahan-2/pasal-14a/ayat-1``): only the part from the last Pasal on is used,
  so ids point into the amended regulation (``pasal-14a/ayat-2``); ``~2`` repeat marks are
  dropped;
- a chain followed by another regulation's name (``Undang-Undang Nomor 23 Tahun 2014``,
  ``Undang-Undang Dasar Negara Republik Indonesia Tahun 1945``) is external: ``external`` holds
  that name (spaces collapsed, OCR digits and ``Undang- Undang`` mended) and ``target_id`` the
  provision inside it. ``Pasal 5 Undang-Undang ini`` stays internal.

OCR forms are read as meant: ``Pasal l`` and ``Pasa1 lO7`` (1 and 107), ``ayat (21`` (the ``)``
read as ``1``: ayat 2), ``ayat (l)``, ``ayat ( 2 )``, ``Pdsal 72``. A BAB is cited rarely; a
``Bab III`` or ``BAB III`` counts only after ``dalam``/``pada``/``dimaksud``/``ketentuan``, so a
heading that slipped into body text is not taken for a citation.

Spans: ``start``/``end`` cover the element as printed, without the other regulation's name.
Members a range implies without printing them (Pasal 11 of ``Pasal 10 sampai dengan Pasal 12``)
carry the span of the whole range.

>>> [r.target_id for r in find_references(
...     "sebagaimana dimaksud dalam Pasal 5 ayat (1) huruf a", source_id="pasal-6/ayat-1")]
['pasal-5/ayat-1/huruf-a']
>>> [r.target_id for r in find_references(
...     "sebagaimana dimaksud pada ayat (1) huruf d angka 5, angka 6 dan angka 7",
...     source_id="pasal-17/ayat-2")]
['pasal-17/ayat-1/huruf-d/angka-5', 'pasal-17/ayat-1/huruf-d/angka-6', 'pasal-17/ayat-1/huruf-d/angka-7']
>>> find_references("Pasal 238 Undang-Undang Nomor 23 Tahun 2014", source_id="pasal-3")
[FoundReference(start=0, end=9, text='Pasal 238', target_id='pasal-238', external='Undang-Undang Nomor 23 Tahun 2014')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.structure.ids import segment
from app.text.ocr import DIGIT_LOOKALIKES

__all__ = ["FoundReference", "count_reference_phrases", "find_references"]

# Rank of each kind in the hierarchy a reference can name (lower = higher up).
_RANK = {
    "bab": 0, "bagian": 1, "paragraf": 2, "pasal": 3, "ayat": 4,
    "huruf": 5, "angka": 6, "subhuruf": 7, "subangka": 8,
}

# Largest range expanded member by member; a longer one (an OCR slip) keeps its two ends only.
MAX_RANGE = 200



@dataclass(frozen=True)
class FoundReference:
    """One provision cited in a text.

    ``external`` names the other regulation when the reference points outside the one being
    read; ``target_id`` is then the provision's id inside that regulation.

    >>> find_references("pada ayat (1)", source_id="pasal-6/ayat-2")
    [FoundReference(start=5, end=13, text='ayat (1)', target_id='pasal-6/ayat-1', external=None)]
    """

    start: int  # span in the text searched
    end: int
    text: str  # as printed, e.g. "Pasal 5 ayat (1) huruf a"
    target_id: str  # e.g. "pasal-5/ayat-1/huruf-a"
    external: str | None = None  # "Undang-Undang Nomor 23 Tahun 2014"


# One level of a citation: a keyword and its number.
_LEVEL_RE = re.compile(
    r"""
    (?<![\w/-])                                   # starts a word
    (?:
        (?i:p[ad]sa[l1it])                        # "Pasal"; OCR: Pdsal, Pasa1, PasaI, Pasai, Pasat
        [\s^]+                                    # space; OCR marks doubtful words with ^
        (?:
            (?P<pasal_digits>[0-9l](?:[0-9lLO]|I(?=[0-9lLO]))*)  # 5, 170; OCR: l (1), lO7, 2O2, 1I2, 7L
            (?P<pasal_suffix>[A-KM-Z])?           # letter of an inserted Pasal: 5A, 28I
          | (?P<pasal_roman>[IVX]+)               # Pasal I, Pasal II of an amending act
        )
        (?![A-Za-z0-9])                           # and nothing glued after it
      | (?i:ayat)
        \s*\(\s*                                  # bracket, spaces allowed: "ayat ( 2 )", "ayat(2)"
        (?P<ayat>[0-9lIOL]{1,3}[a-z]?)            # 2, 1a; OCR: l, 2L
        (?:\s*(?P<ayat_close>\)))?                # ")" ; OCR reads it as 1 or l: "(21" = (2)
      | (?i:huruf)
        \s+(?P<huruf>[a-z])                       # one letter: a
        (?![A-Za-z0-9])
      | (?i:angka)
        \s+(?P<angka>[0-9][0-9lO]*[a-z]?)         # 7, 19a; OCR: 1O
        (?![A-Za-z0-9])
      | (?:Bab|BAB)
        \s+(?P<bab>[IVXL]+[A-Z]?)                 # Roman, inserted: IIA
        (?![A-Za-z0-9])
    )
    """,
    re.X,
)

# A level with its keyword left out after a list word: "ayat (4) dan (5)", "huruf a dan b".
_BARE_RE = re.compile(
    r"""
    \(\s*(?P<ayat>[0-9lIOL]{1,3}[a-z]?)(?:\s*(?P<ayat_close>\)))?  # (5): after an ayat
    | (?P<huruf>[a-z])(?![A-Za-z0-9/-])                         # b: a huruf when huruf came before
    """,
    re.X,
)

# Spaces between the levels of one element: "Pasal 5 ayat (1)"; OCR marks doubtful words with ^.
_GAP_RE = re.compile(r"[\s^]*")

# "Pasal ini" closing a reverse element: "ayat (1) Pasal ini" (the Pasal being read).
_PASAL_INI_RE = re.compile(
    r"""
    \s+(?i:pasal)     # the keyword
    \s+ini\b          # "this"
    """,
    re.X,
)

# What joins two elements of one chain.
_JOIN_RE = re.compile(
    r"""
    (?:
        [\s^]*,?[\s^]*
        (?P<range>sampai\s+dengan|s\.\s?d\.?|s/d)   # a range: "Pasal 10 sampai dengan Pasal 12"
        [\s^]*
      | [\s^]*,[\s^]*                               # a comma, maybe with a list word after it:
        (?:(?:dan/atau|danjatau|dan|atau|serta)[\s^]+)?  # "Pasal 5, Pasal 6, dan Pasal 7"
      | [\s^]+(?:dan/atau|danjatau|dan|atau|serta)[\s^]+  # a list word alone: "huruf a dan huruf c"
    )
    """,
    re.X,
)

# Another regulation named right after a chain: the chain points outside.
_EXTERNAL_RE = re.compile(
    r"""
    \s*(?:dari\s+)?                                         # "Pasal 5 (dari) Undang-Undang ..."
    (?P<name>
        Undang-\s?Undang\s+Dasar                            # the Constitution
        (?:\s+Negara\s+Republik\s+Indonesia)?               #   full name
        (?:\s+Tahun)?\s+1945
      | UUD(?:\s+NRI)?(?:\s+Tahun)?\s+1945                  # its short form
      | (?:Undang-\s?Undang|Peraturan|Keputusan|Instruksi)  # a kind word,
        (?:\s+(?!Nomor\b|ini\b|tentang\b)                   #   the rest of the kind and region
            (?:[A-Z][\w/-]*|dan)){0,10}?                    #   (capitalised words): Daerah Provinsi Jawa Tengah
        \s+Nomor\s+\^?(?P<nomor>[\w.]+(?:/[\w.]+)*)         # its number
        \s+\^?Tahun\s+\^?(?P<tahun>[0-9OlI]{4})             # and year
    )
    (?![\w])
    """,
    re.X,
)

# The citing formula whose count the gold files give.
_PHRASE_RE = re.compile(
    r"""
    \bsebagaimana\s+dimaksud          # "as meant"
    \s+(?:di\s*dalam|dalam|pada)      # "in" (another Pasal) or "at" (the same Pasal)
    (?:\s+ket[ec]ntuan)?              # "(in the) provision of"; OCR: ketcntuan
    [\s_^]*                           # OCR noise before the reference
    """,
    re.X | re.I,
)

# A heading that slipped in is not cited: a BAB needs one of these words just before it.
_BAB_CUE_RE = re.compile(
    r"""
    (?i:dalam|pada|dimaksud|ketentuan)  # "dalam Bab III", "ketentuan BAB IV"
    \s+$                                # right before the BAB
    """,
    re.X,
)


@dataclass
class _Element:
    """One element of a chain: its levels as printed and, once resolved, its path."""

    start: int
    end: int
    levels: dict[str, str]  # kind -> cleaned number, in printed order
    reverse: bool = False  # a higher level printed after a lower one: "ayat (2) Pasal 25"
    this_pasal: bool = False  # closed by "Pasal ini"
    range_from_prev: bool = False  # joined to the element before by "sampai dengan"
    path: list[tuple[str, str]] = field(default_factory=list)
    relative: bool = False  # resolved from source_id, not from a Pasal printed in the chain

    @property
    def top(self) -> int:
        return min(_RANK[kind] for kind in self.levels)


def _clean_ayat(num: str, closed: bool) -> str:
    """``"21"`` without its ``)`` is ``(2)`` whose bracket OCR read as ``1``.

    >>> _clean_ayat("21", False), _clean_ayat("21", True), _clean_ayat("2ll", False), _clean_ayat("l", True)
    ('2', '21', '21', '1')
    """
    if not closed and len(num) > 1 and num[-1] in "1lIL":
        num = num[:-1]
    return _mend_digits(num)


def _mend_digits(num: str) -> str:
    """OCR letters of the leading number read as digits, a letter suffix kept.

    >>> _mend_digits("lO7"), _mend_digits("19a")
    ('107', '19a')
    """
    digits = num[: len(num) - len(num.lstrip("0123456789lIOL"))]
    return digits.translate(DIGIT_LOOKALIKES) + num[len(digits):]


def _level(match: re.Match[str]) -> tuple[str, str]:
    """(kind, number in id form) of a _LEVEL_RE or _BARE_RE match."""
    groups = match.groupdict()
    if groups.get("pasal_digits"):
        return "pasal", groups["pasal_digits"].translate(DIGIT_LOOKALIKES) + (groups["pasal_suffix"] or "").lower()
    if groups.get("pasal_roman"):
        return "pasal", groups["pasal_roman"].lower()
    if groups.get("ayat"):
        return "ayat", _clean_ayat(groups["ayat"], bool(groups["ayat_close"]))
    if groups.get("huruf"):
        return "huruf", groups["huruf"]
    if groups.get("angka"):
        return "angka", _mend_digits(groups["angka"])
    return "bab", segment("bab", groups["bab"]).removeprefix("bab-")


def _source_path(source_id: str) -> list[tuple[str, str]]:
    """The source id as (kind, number) pairs, from its last Pasal on, without repeat marks.

    >>> _source_path("pasal-i/perubahan-2/pasal-14a/ayat-1~2")
    [('pasal', '14a'), ('ayat', '1')]
    """
    pairs: list[tuple[str, str]] = []
    for part in source_id.split("/"):
        kind, _, num = part.split("~", 1)[0].partition("-")
        pairs.append((kind, num))
    last_pasal = max((i for i, (kind, _) in enumerate(pairs) if kind == "pasal"), default=0)
    return [(kind, num) for kind, num in pairs[last_pasal:] if kind in _RANK and num]


def _parse_element(text: str, first: re.Match[str]) -> _Element:
    """Read levels from ``first`` on while only spaces separate them and no kind repeats."""
    kind, num = _level(first)
    element = _Element(first.start(), first.end(), {kind: num})
    pos = first.end()
    while kind != "bab":
        gap = _GAP_RE.match(text, pos)
        nxt = _LEVEL_RE.match(text, gap.end()) if gap else None
        if nxt is None:
            break
        new_kind, new_num = _level(nxt)
        if new_kind in element.levels or new_kind == "bab":
            break
        if _RANK[new_kind] < max(_RANK[k] for k in element.levels):
            element.reverse = True
        element.levels[new_kind] = new_num
        element.end = pos = nxt.end()
    if "pasal" not in element.levels and "bab" not in element.levels:
        ini = _PASAL_INI_RE.match(text, pos)
        if ini:
            element.this_pasal = element.reverse = True
            element.end = ini.end()
    return element


def _parse_chain(text: str, first: re.Match[str]) -> list[_Element]:
    """Elements joined by list words or ranges, starting at ``first``."""
    chain = [_parse_element(text, first)]
    while True:
        join = _JOIN_RE.match(text, chain[-1].end)
        if join is None:
            break
        nxt = _LEVEL_RE.match(text, join.end())
        if nxt is not None:
            element = _parse_element(text, nxt)
            if ("bab" in element.levels) != ("bab" in chain[-1].levels):
                break  # a BAB is listed only with BABs: "Bab II dan Bab III"
        else:
            bare = _BARE_RE.match(text, join.end())
            if bare is None:
                break
            kind, num = _level(bare)
            if kind not in chain[-1].levels or max(chain[-1].levels, key=_RANK.__getitem__) != kind:
                break
            element = _Element(bare.start(), bare.end(), {kind: num})
        element.range_from_prev = join["range"] is not None
        chain.append(element)
    return chain


def _ordered(levels: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(levels.items(), key=lambda item: _RANK[item[0]])


def _above(path: list[tuple[str, str]], rank: int) -> list[tuple[str, str]]:
    return [(kind, num) for kind, num in path if _RANK[kind] < rank]


def _resolve(chain: list[_Element], source: list[tuple[str, str]]) -> None:
    """Fill in each element's path: forward from the chain and source, back from a reverse Pasal."""
    previous: _Element | None = None
    for element in chain:
        own = _ordered(element.levels)
        if "pasal" in element.levels or "bab" in element.levels:
            element.path, element.relative = own, False
        elif element.this_pasal:
            element.path = _above(source, _RANK["ayat"]) + own
            element.relative = True
        elif previous is not None:
            element.path = _above(previous.path, element.top) + own
            element.relative = previous.relative
        else:
            element.path, element.relative = _above(source, element.top) + own, True
        previous = element
    lender: _Element | None = None
    for element in reversed(chain):
        if element.reverse and not element.relative:
            lender = element
        elif element.relative and not element.this_pasal and lender is not None:
            element.path = _above(lender.path, element.top) + _ordered(element.levels)
            element.relative = False
        else:
            lender = None


def _span_members(first: list[tuple[str, str]], last: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The paths strictly between two range ends, when both end in the same kind under one parent.

    >>> [p[-1][1] for p in _span_members([("pasal", "10")], [("pasal", "13")])]
    ['11', '12']
    >>> [p[-1][1] for p in _span_members([("huruf", "a")], [("huruf", "d")])]
    ['b', 'c']
    """
    if len(first) != len(last) or first[:-1] != last[:-1] or first[-1][0] != last[-1][0]:
        return []
    kind, low, high = first[-1][0], first[-1][1], last[-1][1]
    if low.isdigit() and high.isdigit():
        values = [str(n) for n in range(int(low) + 1, int(high))]
    elif len(low) == len(high) == 1 and low.isalpha() and high.isalpha():
        values = [chr(c) for c in range(ord(low) + 1, ord(high))]
    else:
        return []
    if len(values) > MAX_RANGE:
        return []
    return [first[:-1] + [(kind, value)] for value in values]


def _path_id(path: list[tuple[str, str]]) -> str:
    return "/".join(segment(kind, num) for kind, num in path)


def _external_name(match: re.Match[str]) -> str:
    """The other regulation's name, spaces collapsed, OCR mended in ``Undang- Undang`` and numbers."""
    name = " ".join(match["name"].replace("^", " ").split())
    name = re.sub(r"Undang-\s+Undang", "Undang-Undang", name)
    if match["tahun"]:
        nomor = match["nomor"]
        if re.fullmatch(r"[0-9lIO]*[0-9][0-9lIO]*", nomor):
            nomor = nomor.translate(DIGIT_LOOKALIKES)
        name = name[: name.rindex("Nomor")] + f"Nomor {nomor} Tahun " + match["tahun"].translate(DIGIT_LOOKALIKES)
    return name


def find_references(text: str, *, source_id: str) -> list[FoundReference]:
    """Every provision cited in ``text``, the body text of the provision ``source_id``.

    >>> [r.target_id for r in find_references("sebagaimana dimaksud pada huruf a", source_id="pasal-17/ayat-2/huruf-d")]
    ['pasal-17/ayat-2/huruf-a']
    >>> [r.target_id for r in find_references("Ketentuan ayat (2) Pasal 25 diubah", source_id="pasal-i/perubahan-5")]
    ['pasal-25/ayat-2']
    >>> [r.target_id for r in find_references("Pasal 10 sampai dengan Pasal 12", source_id="pasal-1")]
    ['pasal-10', 'pasal-11', 'pasal-12']
    >>> [r.text for r in find_references("dalam Pasal 14 ayat (2) huruf a dan huruf c.", source_id="pasal-14a/ayat-1")]
    ['Pasal 14 ayat (2) huruf a', 'huruf c']
    >>> [r.target_id for r in find_references("ayat (21 Pasal l dan Pasa1 lO7", source_id="pasal-2")]
    ['pasal-1/ayat-2', 'pasal-107']
    """
    source = _source_path(source_id)
    found: list[FoundReference] = []
    pos = 0
    while (first := _LEVEL_RE.search(text, pos)) is not None:
        if first["bab"] and not _BAB_CUE_RE.search(text[max(0, first.start() - 40):first.start()]):
            pos = first.end()
            continue
        chain = _parse_chain(text, first)
        pos = chain[-1].end
        _resolve(chain, source)
        ext = _EXTERNAL_RE.match(text, pos)
        external = _external_name(ext) if ext else None
        for i, element in enumerate(chain):
            outside = None if element.relative else external
            if element.range_from_prev:
                start, end = chain[i - 1].start, element.end
                for path in _span_members(chain[i - 1].path, element.path):
                    found.append(FoundReference(start, end, text[start:end], _path_id(path), outside))
            found.append(FoundReference(
                element.start, element.end, text[element.start:element.end], _path_id(element.path), outside,
            ))
    return found


def count_reference_phrases(text: str) -> int:
    """How many ``sebagaimana dimaksud dalam/pada`` formulas in ``text`` cite a provision.

    This is what the gold files count as ``cross_references``: one per formula, however many
    provisions it names (``pada ayat (1) huruf d angka 5, angka 6 dan angka 7`` is one).
    A formula citing a whole regulation (``sebagaimana dimaksud dalam Undang-Undang ...``) is
    not counted.

    >>> count_reference_phrases("sebagaimana dimaksud pada ayat (1) huruf d angka 5, angka 6 dan angka 7")
    1
    >>> count_reference_phrases("sebagaimana dimaksud dalam Undang-Undang Nomor 23 Tahun 2014")
    0
    """
    count = 0
    for phrase in _PHRASE_RE.finditer(text):
        level = _LEVEL_RE.match(text, phrase.end())
        if level is not None:
            count += 1
    return count
