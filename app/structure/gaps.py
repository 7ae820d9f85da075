"""A gap in the chosen Pasal run filled by a heading the first pass left in running text.

The first pass (``body.choose_pasal``) takes ``Pasal N`` only where a line starts, and ``unglue``
splits a line before ``Pasal N`` only where the context says "heading" for sure. Between the chosen
Pasal 6 and Pasal 8, a ``Pasal 7`` left inside a line is a weak candidate: OCR printed its word
badly (``Pasa] 7``, ``Pasa-l 7``, ``Psal 7``, ``Pasal,7``, ``Pasa77`` for ``Pasal7``), spaced its
digits (``Pasal 1 5.`` for 15), or a scrambled column or an old print put it after a citing word or
a comma (``... Anak. dalam Pasal 7 (1) Dalam rangka``, ``Ketentuan Umum, Pasal 7 (1) PN ...``).
It is taken only there, only for the number missing, and only when what follows opens an article,
never a citation: ``dalam Pasal 7 ayat (1)``, ``Pasal 7 dan Pasal 9`` are left as they are.

>>> lines = [Line(1, "Pasal 6", 0), Line(2, "Ketentuan. dalam Pasal 7 (1) Dalam rangka", 0), Line(3, "Pasal 8", 0)]
>>> new, at = fill_gaps(lines, {0: ("6", ""), 2: ("8", "")})
>>> [l.text for l in new], sorted(at.items())
(['Pasal 6', 'Ketentuan. dalam', 'Pasal 7 (1) Dalam rangka', 'Pasal 8'], [(0, ('6', '')), (2, ('7', '(1) Dalam rangka')), (3, ('8', ''))])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from app.structure.patterns import (
    BAB_RE, BAGIAN_RE, CITING_WORDS_RE, DITETAPKAN_RE, DIUNDANGKAN_RE, LAMPIRAN_RE, MEMUTUSKAN_RE, MENETAPKAN_RE,
    MENGINGAT_RE, PARAGRAF_RE, PASAL_RE, PENJELASAN_PART_RE, PENJELASAN_RE, THIS_ACT, is_heading_line,
)
from app.structure.tree import Removed
from app.text.cleanup import Line
from app.text.ocr import repair_number

# A word that may be "Pasal" as OCR printed it, then its number: "Pasa] 46", "Pasal. 22", "Pasal,72",
# "Pasal . 19", "Pasa727" (the "l" read as "7"), "Pasal 1 5." (15 spaced out), "asal 8" (the "P" lost),
# "Pasal T2", "Pasal 4T" (the "7" read as "T").
_WEAK_RE = re.compile(
    r"""(?<![\w])
    (?P<word>[PpFf][^\s\d]{1,5}|asal|ASAL)      # the word, checked by _looks_like_pasal
    \s?[.,'`]?\s?                                  # "Pasal. 22", "Pasal,72", "Pasal'22", "Pasal . 19"
    (?P<num>[0-9lIOiT]{1,4}(?:\s[0-9lIOi]{1,2}(?=[\s.,]|$))?)  # 7, l2, 727 (glued l), "1 5" (spaced), T2
    (?![\w])""",
    re.X,
)
_PASAL = "pasal"
_NOT_PASAL = ("pasca", "pasti", "pusat", "pajak")  # real words as close to "pasal" as its misreadings

# After the number: a citation goes on ("ayat (1)", "dan Pasal 9", "Undang-Undang Nomor ...") ...
_CITATION_GOES_ON_RE = re.compile(
    r"""^\s?[.,]?\s*(?:
        (?:ayat|huruf|angka|butir|dan|atau|sampai|s\.?\s?d|hingga|jo|juncto|sebagaimana|yang|tentang|dari|pada|di|ke
          |ini|tersebut|Undang|UUD|KUHP|Kitab|Pasal)\b
      | Peraturan\b(?![-\s]+(?:peraturan|pelaksanaan)\b)  # not "Peraturan pelaksanaan dari ...", "Peraturan-peraturan"
      | \.{2,} | …                                  # "Pasal 29 ..." the catchword at a page's foot
      | [-–/] | \d(?!\s?[.)])                          # "Pasal 5-7", a number going on; not "Pasal 20 1)Jika"
    )""",
    re.X | re.I,
)
# ... or an article opens: "(1) Text", "1. Text", "1)Text", a capitalised word, a quote, the text's end;
# after a sentence also behind a dot ("Pasal 9. Yang dimaksud"), after a citing word only straight on.
_FIRST_AYAT = r"[({]\s*[1lIiftr]\s*[)}]|[({][1l]t\s"  # "(1)" and OCR's "(l)", "(f)", "(t)", "(r)", "(lt"
_OPENS_RE = re.compile(rf"""^\s?[.,]?\s*(?:{_FIRST_AYAT}|[1l][.)]|["“'‘]?[A-Z]|$)""")
_OPENS_STRAIGHT_RE = re.compile(rf"""^(?:\s+(?:{_FIRST_AYAT}|["“]?[A-Z])|\s*$)""")
_THIS_ACT_RE = re.compile(rf"^\s?[.,]?\s*{THIS_ACT}")
_SENTENCE_END_RE = re.compile(r"(?:[.;:,]|\b[A-Z]{2,}|^)$")  # before: a sentence, a heading in capitals, nothing


@dataclass(frozen=True)
class Weak:
    line: int    # index of the line holding it
    start: int   # where the printed heading starts in the line's text
    end: int     # where it ends: the article's text follows
    num: str     # the number it stands for


def _looks_like_pasal(word: str) -> bool:
    """``Pasa]``, ``Pasa-l``, ``Psal``, ``PaseJ``, ``Pasar``, ``Fasal`` yes; ``pada``, ``pusat`` no.

    >>> [w for w in ("Pasa]", "Pasa-l", "PaseJ", "asal", "pada", "pusat", "Pihak") if _looks_like_pasal(w)]
    ['Pasa]', 'Pasa-l', 'PaseJ', 'asal']
    """
    letters = re.sub(r"[^a-z]", "", word.lower())
    return "s" in letters and letters not in _NOT_PASAL and Levenshtein.distance(letters, _PASAL) <= 2


def _number(word: str, printed: str, wanted: int) -> bool:
    """Whether ``printed`` after ``word`` reads as ``wanted``: ``l2`` 12, ``1 5`` 15, ``Pasa727`` 27, ``4T`` 47."""
    readings = {printed.split()[0], printed.replace(" ", "")}
    if word.lower().endswith("pasa") and printed[:1] in "17lI|" and " " not in printed:
        readings.add(printed[1:])  # "Pasa727", "Pasa15": the word's "l" read as a digit
    return any(repair_number(r.replace("T", "7")) == str(wanted) for r in readings if r)  # "T2": the 7 read as T


def _sureness(before: str, after: str) -> int:
    """How surely a weak ``Pasal N`` between ``before`` and ``after`` opens an article: 2 after a
    sentence and before ``(1)`` or a capital, 1 when one of the two holds, 0 when a citation goes on.

    >>> _sureness("Anak. dalam", " (1) Dalam rangka"), _sureness("Umum,", " (1) PN"), _sureness("dalam", " ayat (1)")
    (1, 2, 0)
    """
    if _CITATION_GOES_ON_RE.match(after) and not _THIS_ACT_RE.match(after):
        return 0
    cited = bool(CITING_WORDS_RE.search(before)) and before[-1:] not in ",.;:" \
        and not before.split()[-1].isupper()  # "dalam", "atau"; not a title in capitals: "KETENTUAN"
    after_sentence = not cited and bool(_SENTENCE_END_RE.search(before))
    opens = bool((_OPENS_RE if after_sentence else _OPENS_STRAIGHT_RE).match(after) or _THIS_ACT_RE.match(after))
    return 2 if opens and after_sentence else int(opens or after_sentence)


def _find(lines: list[Line], first: int, last: int, offset: int, wanted: int) -> Weak | None:
    """The surest weak heading for Pasal ``wanted`` in lines ``first`` .. ``last`` (the first line from ``offset``)."""
    best: tuple[int, Weak] | None = None
    for k in range(first, last):
        text = lines[k].text
        for match in _WEAK_RE.finditer(text, offset if k == first else 0):
            glued_letter = match.end("word") == match.start("num") and not match["num"][0].isdigit()  # "Pasal" as "Pasa" + "l"
            if glued_letter or not (_looks_like_pasal(match["word"]) and _number(match["word"], match["num"], wanted)):
                continue
            after = text[match.end():] or (" " + lines[k + 1].text if k + 1 < len(lines) else "")
            sureness = _sureness(text[: match.start()].rstrip(), after)
            if sureness and (best is None or sureness > best[0]):
                best = (sureness, Weak(k, match.start(), match.end(), str(wanted)))
    return best[1] if best else None


def find_weak(lines: list[Line], pasal_at: dict[int, tuple[str, str]]) -> list[Weak]:
    """The weak headings that fill gaps of the chosen run, in order (Pasal 1 too, before the first one)."""
    heads = [(-1, 0, 0)] + sorted((i, int(num), len(lines[i].text) - len(rest))
                                  for i, (num, rest) in pasal_at.items() if num.isdigit())
    found: list[Weak] = []
    for (start, num, head_len), (end, nxt, _) in zip(heads, heads[1:]):
        first, offset = max(start, 0), head_len if start >= 0 else 0
        for wanted in range(num + 1, nxt):
            weak = _find(lines, first, end, offset, wanted)
            if weak is None:
                continue
            found.append(weak)
            first, offset = weak.line, weak.end
    return found


def fill_gaps(lines: list[Line], pasal_at: dict[int, tuple[str, str]],
              notes: list[Removed] | None = None) -> tuple[list[Line], dict[int, tuple[str, str]]]:
    """``lines`` with each weak heading split onto a line of its own, and ``pasal_at`` with it added.

    A heading printed otherwise than ``Pasal N`` is recorded in ``notes`` (``ocr-repair``).
    """
    cuts: dict[int, list[Weak]] = {}
    for weak in find_weak(lines, pasal_at):
        cuts.setdefault(weak.line, []).append(weak)
    if not cuts:
        return lines, pasal_at
    out: list[Line] = []
    at: dict[int, tuple[str, str]] = {}
    for i, line in enumerate(lines):
        text = line.text
        head = pasal_at.get(i)
        pieces = [Weak(i, 0, len(text) - len(head[1]) if head else 0, head[0] if head else "")] + cuts.get(i, [])
        for n, (piece, nxt) in enumerate(zip(pieces, [p.start for p in pieces[1:]] + [len(text)])):
            if not text[piece.start:nxt].strip():
                continue
            if piece.num:
                at[len(out)] = (piece.num, text[piece.end:nxt].strip())
            printed = text[piece.start:piece.end].strip()
            if n and printed != f"Pasal {piece.num}" and notes is not None:  # the line's own heading is choose_pasal's
                notes.append(Removed(line=line.no, text=printed, reason="ocr-repair"))
            out.append(Line(line.no, text[piece.start:nxt].strip(), line.indent))
    return out, at


def _opens_at_two(body: list[Line]) -> bool:
    """Whether the body's first Pasal heading is ``Pasal 2``: its Pasal 1 was left behind."""
    first = next((m for m in map(PASAL_RE.match, (l.text for l in body)) if m), None)
    return bool(first and repair_number(first["num"]) == "2")


def _title_line(diktum: list[Line]) -> int | None:
    """The diktum's ``Menetapkan : ...`` line, or the title after ``MEMUTUSKAN:`` when the word was lost;
    None when the diktum is out of order (``MEMUTUSKAN:`` after ``Menetapkan``)."""
    found = None
    for k, line in enumerate(diktum):
        if MENETAPKAN_RE.match(line.text):
            found = k
        elif MEMUTUSKAN_RE.match(line.text):
            found = k + 1 if k + 1 < len(diktum) and found is None else None
    return found


# Lines that are no article's text: a scrambled extraction put the penutup or the Penjelasan in the diktum.
_NOT_ARTICLE_RES = (DITETAPKAN_RE, DIUNDANGKAN_RE, PENJELASAN_RE, PENJELASAN_PART_RE, LAMPIRAN_RE, MENGINGAT_RE)


def _is_group_heading(text: str) -> bool:
    return bool(BAB_RE.match(text) or BAGIAN_RE.match(text) or PARAGRAF_RE.match(text))


def infer_first_pasal(lines: list[Line], pasal_at: dict[int, tuple[str, str]],
                      notes: list[Removed] | None = None) -> dict[int, tuple[str, str]]:
    """``pasal_at`` with a ``Pasal 1`` put back on the first article text before a run that opens at Pasal 2.

    An article's text (not a BAB, Bagian or Paragraf heading nor its title) before ``Pasal 2`` can
    only be Pasal 1's: extraction lost its heading (``BAB I KETENTUAN UMUM`` then the definitions,
    then ``Pasal 2``; ``Menetapkan : PERATURAN ...`` then Pasal 1's text). It is recorded in ``notes``
    (``inferred-heading``, the first word it stands on).
    """
    first = min(pasal_at, default=None)
    if first is None or pasal_at[first][0] != "2":
        return pasal_at
    for k in range(first):
        text = lines[k].text
        title = k and _is_group_heading(lines[k - 1].text) and (is_heading_line(text) or not BAB_RE.match(lines[k - 1].text))
        if _is_group_heading(text) or title or is_heading_line(text):
            continue
        if notes is not None:
            notes.append(Removed(line=lines[k].no, text=text.split()[0], reason="inferred-heading"))
        return {k: ("1", text), **pasal_at}
    return pasal_at


def reclaim_first_pasal(diktum: list[Line], body: list[Line]) -> tuple[list[Line], list[Line]]:
    """The diktum and the body with a ``Pasal 1`` printed at the diktum's end moved into the body.

    When the body opens at ``Pasal 2``, its ``Pasal 1`` may have stayed glued to the diktum
    (``Menetapkan : PERATURAN ... 1952, Pasal 1 Memperpanjang waktu ...``); a weak heading for
    Pasal 1 after the Menetapkan line's start is where the body begins. With no heading printed,
    the lines after the Menetapkan line are moved (``infer_first_pasal`` then puts Pasal 1 back).
    """
    title = _title_line(diktum) if body and _opens_at_two(body) else None
    if title is None:
        return diktum, body
    tail = diktum[title:]
    start = MENETAPKAN_RE.match(tail[0].text)
    weak = _find(tail + body[:1], 0, len(tail), start.end() if start else 0, 1)
    if weak is None:  # no heading printed: the lines after the Menetapkan line are Pasal 1's text
        moved = tail[1:]
        if not moved or any(p.match(l.text) for l in moved for p in _NOT_ARTICLE_RES):
            return diktum, body
        return diktum[:title + 1], moved + body
    line = tail[weak.line]
    before, after = line.text[:weak.start].strip(), line.text[weak.start:].strip()
    kept = diktum[:title + weak.line] + ([Line(line.no, before, line.indent)] if before else [])
    return kept, [Line(line.no, after, line.indent)] + tail[weak.line + 1:] + body
