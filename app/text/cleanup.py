"""Layout clean-up before parsing: page furniture out, broken words mended, nothing lost.

Everything taken out or rewritten is recorded as a ``Removed`` entry (line number, the original
text, the reason), so that every word of the input is either in the parsed tree or in that record.

Reasons: ``page-number`` (``- 5 -``), ``running-header`` (a short capitalised line repeated on
many pages, ``SALINAN``, ``PRESIDEN REPUBLIK INDONESIA -3-`` inside a joined line; and a line of any
case at the head or foot of three pages or more, such as a footer in two columns,
``Bupati Batang     Paraf``), ``catchword``
(the first words of the next page printed at the foot of a page: ``BAB I…``), ``link`` (the
target of a markdown link: ``[UU 5/1974](/uu/1974/5)`` keeps its text), ``hyphenation``
(``membe-`` + ``rikan`` -> ``memberikan``; the record holds ``membe-rikan``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from app.structure.tree import Removed


@dataclass
class Line:
    no: int      # 1-based line number in the input
    text: str    # stripped of surrounding white space
    indent: int  # leading spaces in the input


_PAGE_NUMBER_RE = re.compile(
    r"""^(?:
        [-–—]\s*\d{1,3}\s*[-–—]              # - 5 -
      | (?:halaman|hal\.?)\s*\d{1,3}(?:\s*dari\s*\d{1,3})?   # Halaman 5 dari 19
      | \d{1,3}                              # a lone page number
    )$""",
    re.X | re.I,
)

_STAMP_RE = re.compile(
    r"""^(?:
        SALINA\s?N                          # the "SALINAN" stamp of certified copies
      | SPESIMEN\b.*                        # never: the specimen notice is kept (see KEEP)
      | www\.\S+ | \S+\.go\.id\S*            # a site name in the footer
      | SK\s+No\.?\s*\d+\s*[A-Z]?              # the print-run code at the foot of State Gazette pages
    )$""",
    re.X | re.I,
)

_INLINE_HEADER_RE = re.compile(
    r"""(?:
        (?:\bPRES\s?I\s?DEN\s+REPUBLIK\s+INDONESIA\s*)   # the running header of national texts
        (?:[-–—]\s*\d{1,3}\s*[-–—])?                   #   with its page number
      | \bSALINA\s?N\b(?=\s+PRES)                       # the stamp glued before it
      | (?<=\s)[-–—]\s?\d{1,3}\s?[-–—](?=\s|$)          # - 3 - inside a joined line
      | (?<!\S)\S*?(?:kumham|djpp|jdih)\.go(?:\.id)?\S*      # a watermark site name: www.djpp.depkumham.go.id
      | (?<!\S)_{2,}(?!\S)                                 # "__" left by a blank form field or markup
    )""",
    re.X,
)

_LINK_RE = re.compile(r"\[(?P<text>[^\[\]]+)\]\((?P<target>/[^()\s]*)\)")  # the text may span a line break

_ELLIPSIS_END_RE = re.compile(r"\s?(?:…|\.\.\.)\s*$")


def _squeeze(text: str) -> str:
    """Text without white space, to compare a catchword with OCR spacing (``( 3)``) to its page."""
    return re.sub(r"\s+", "", text)

_HYPHEN_END_RE = re.compile(r"(?P<head>\b[^\W\d_]{2,})-$")
_LOWER_START_RE = re.compile(r"^(?P<tail>[a-z][^\W\d_]*)(?P<punct>[^\w\s]*)")

_MARKER_LINE_RE = re.compile(r"^(?:BAB|Bagian|Paragraf|Pasal|PASAL)\b")
# What may start a page and yet be text: a marker, an explained part of a Penjelasan, a list item.
_EDGE_TEXT_RE = re.compile(r"""^(?:
    (?:BAB|Bagian|Paragraf|Pasal|PASAL|Ayat|Huruf|Angka)\b   # a marker; "Ayat (1)" in a Penjelasan
  | \(?[0-9a-zA-Z]{1,3}[.)]                                  # 1.  a.  (1)  a)
)""", re.X)

NEVER_HEADERS = {"TENTANG", "MEMUTUSKAN:", "DAN", "TTD", "CUKUP JELAS.", "ATAS", "PENJELASAN"}


def _record(removed: list[Removed], no: int, text: str, reason: str) -> None:
    if text.strip():
        removed.append(Removed(line=no, text=text.strip(), reason=reason))


def _normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).replace("\t", "    ")
    return text.replace("\u00a0", " ").replace("\u200b", "").rstrip()


def _running_headers(lines: list[Line]) -> set[str]:
    """Short capitalised lines repeated on three or more pages, which are page furniture."""
    counts = Counter(line.text for line in lines)
    headers = set()
    for text, count in counts.items():
        if count < 3 or len(text) > 60 or text.upper() in NEVER_HEADERS:
            continue
        letters = [c for c in text if c.isalpha()]
        if letters and text.upper() == text and not text.endswith(",") and not _MARKER_LINE_RE.match(text):
            headers.add(text)
    return headers


def _page_furniture(lines: list[Line], page_breaks: set[int]) -> set[str]:
    """Lines at the head or foot of three pages or more, whatever their case: a footer in two
    columns (``Bupati Batang     Paraf``, the box an official initials on every page), a running
    title in small letters. Markers, list items and ``NEVER_HEADERS`` are text wherever they stand.

    >>> page = ["Pasal {}", "Isi pasal {}.", "Bupati Batang     Paraf"]
    >>> lines = [Line(n, text.format(n), 0) for n in range(1, 4) for text in page]
    >>> _page_furniture(lines, {2, 5})
    {'Bupati Batang     Paraf'}
    """
    at_edges = Counter(
        line.text for i, line in enumerate(lines)
        if i in (0, len(lines) - 1) or i in page_breaks or i - 1 in page_breaks
    )
    return {
        text for text, count in at_edges.items()
        if count >= 3 and len(text) <= 80 and text.upper() not in NEVER_HEADERS and not _EDGE_TEXT_RE.match(text)
    }


_INLINE_HINTS = ("PRES", "SALINA", "-", "–", "—", "kumham", "djpp", "jdih", "__")


def _unlink(text: str, removed: list[Removed]) -> str:
    """Markdown links read as their text; each target recorded with the line it starts on."""
    if "](" not in text:
        return text

    def keep_text(match: re.Match[str]) -> str:
        _record(removed, text.count("\n", 0, match.start()) + 1, match["target"], "link")
        return match["text"]

    return _LINK_RE.sub(keep_text, text)


def _strip_inline(line: Line, removed: list[Removed]) -> Line:
    text = line.text
    if not any(hint in text for hint in _INLINE_HINTS):
        return line
    pieces: list[str] = []
    pos = 0
    for match in _INLINE_HEADER_RE.finditer(text):
        before = text[pos:match.start()]
        after = text[match.end():].lstrip()
        bare = _ELLIPSIS_END_RE.sub("", before)
        words = bare.split()
        for k in (4, 3, 2, 1):
            tail = " ".join(words[-k:])
            if len(words) >= k and len(tail) >= 3 and _squeeze(after).startswith(_squeeze(tail)):
                _record(removed, line.no, before[len(bare.rstrip()) - len(tail):], "catchword")
                before = bare[: bare.rstrip().rfind(words[-k])]
                break
        _record(removed, line.no, match.group(0), "running-header")
        pieces.append(before)
        pos = match.end()
    if pieces:
        pieces.append(text[pos:])
        text = re.sub(r"\s{2,}", " ", " ".join(p.strip() for p in pieces if p.strip()))
    return Line(line.no, text.strip(), line.indent)


def _join_hyphenation(lines: list[Line], removed: list[Removed]) -> list[Line]:
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        while i + 1 < len(lines):
            head = _HYPHEN_END_RE.search(line.text)
            tail = _LOWER_START_RE.match(lines[i + 1].text)
            if not head or not tail:
                break
            _record(removed, line.no, f"{head['head']}-{tail['tail']}", "hyphenation")
            rest = lines[i + 1].text[tail.end("tail"):]
            line = Line(line.no, line.text[:-1] + tail["tail"] + rest, line.indent)
            i += 1
        out.append(line)
        i += 1
    return out


def clean_lines(text: str) -> tuple[list[Line], list[Removed]]:
    """Split ``text`` into cleaned, non-empty lines, recording everything taken out.

    >>> lines, removed = clean_lines("Pasal 1\\n   - 2 -\\nmembe-\\nrikan manfaat")
    >>> [l.text for l in lines], [(r.text, r.reason) for r in removed]
    (['Pasal 1', 'memberikan manfaat'], [('- 2 -', 'page-number'), ('membe-rikan', 'hyphenation')])
    """
    removed: list[Removed] = []
    lines: list[Line] = []
    page_breaks: set[int] = set()  # indexes in ``lines`` after which page furniture was removed
    text = _unlink(text.replace("\r\n", "\n").replace("\r", "\n"), removed)
    for no, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw and lines:  # a new page (PDF and OCR pages are joined by a form feed)
            page_breaks.add(len(lines) - 1)
        norm = _normalise(raw)
        stripped = norm.strip()
        if not stripped:
            continue
        line = _strip_inline(Line(no, stripped, len(norm) - len(norm.lstrip())), removed)
        if not line.text:
            continue
        if _PAGE_NUMBER_RE.match(line.text):
            _record(removed, no, line.text, "page-number")
            page_breaks.add(len(lines) - 1)
            continue
        if _STAMP_RE.match(line.text) and not line.text.upper().startswith("SPESIMEN"):
            _record(removed, no, line.text, "running-header")
            page_breaks.add(len(lines) - 1)
            continue
        lines.append(line)
    headers = _running_headers(lines) | _page_furniture(lines, page_breaks)
    if headers:
        kept: list[Line] = []
        breaks: set[int] = set()
        for i, line in enumerate(lines):
            if line.text in headers:
                _record(removed, line.no, line.text, "running-header")
                if kept:
                    breaks.add(len(kept) - 1)
            else:
                kept.append(line)
                if i in page_breaks:
                    breaks.add(len(kept) - 1)
        lines, page_breaks = kept, breaks
    lines = _drop_catchwords(lines, page_breaks, removed)
    return _join_hyphenation(lines, removed), removed


def _drop_catchwords(lines: list[Line], page_breaks: set[int], removed: list[Removed]) -> list[Line]:
    """A short line at the foot of a page repeating the first line of the next page (``Pasal 2``)."""
    out = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        word = _squeeze(_ELLIPSIS_END_RE.sub("", line.text))
        if i in page_breaks and len(line.text) <= 40 and word and _squeeze(nxt).startswith(word):
            _record(removed, line.no, line.text, "catchword")
            continue
        out.append(line)
    return out
