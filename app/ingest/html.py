"""HTML pages (as JDIH sites publish regulations) -> str, one line per block.

Read with the standard library's ``html.parser``: it never refuses a page, however broken,
decodes every entity, and needs no dependency for what is wanted here (text in order, block
structure as line breaks), which a tree-building library would not do better.

- The page's text is kept in order; ``script``, ``style``, ``noscript``, ``template``,
  ``title`` and the navigation (``nav``, or any element with ``role="navigation"``) are dropped.
- A block (``p``, ``div``, ``li``, ``tr``, ``h1``-``h6``, ``table``, ``section`` ...) starts
  and ends a line, ``br`` ends one, cells of a row are separated by a space; inside a block, runs
  of white space are one space (as a browser shows them), except in ``pre``. Lines are stripped
  and blank ones left out.
- An item of an ordered list gets the number a browser prints before it: ``<ol type="a">`` items
  read ``a.``, ``b.`` (``type`` 1, a, A, i, I; ``start``; ``<li value>``).
- The charset: a byte-order mark, else the one the page declares (``<meta charset>``,
  ``<meta http-equiv="Content-Type" content="...; charset=...">``, ``<?xml encoding=...?>``,
  with ISO-8859-1 and ASCII read as windows-1252 as browsers do), else the rule of
  ``app.ingest.text`` (UTF-8, else cp1252). Bytes that contradict the declared charset are
  read by that rule too, so no character is lost to a wrong declaration.

>>> html_text('<nav><a href="/">Beranda</a></nav><h1>BAB&nbsp;I</h1><p>Pasal 1<br>Daerah &amp; Kota</p>')
'BAB\\xa0I\\nPasal 1\\nDaerah & Kota'
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from app.errors import UnreadableFile
from app.ingest.numbering import format_number
from app.ingest.text import decode_bytes, read_bytes

logger = logging.getLogger(__name__)

_SKIPPED = {"script", "style", "noscript", "template", "title", "nav"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "table", "tbody", "tfoot",
    "thead", "tr", "ul",
}
_CELLS = {"td", "th"}
#: ``<ol type>`` -> number format
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
#: where a page names its charset, in its first bytes
_CHARSET_RE = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*(?P<meta>[\w.:-]+)     # <meta charset=...> or content="...; charset=..."
       | <\?xml[^>]*?encoding\s*=\s*["'](?P<xml>[\w.:-]+)         # <?xml version="1.0" encoding="..."?>""",
    re.X | re.I,
)
_CHARSET_SCAN = 4096
#: codecs whose labels browsers read as windows-1252 (WHATWG Encoding: ISO-8859-1, ASCII ...)
_AS_CP1252 = {"ascii", "latin-1", "iso8859-1"}


def extract(path: Path) -> str:
    """The text of the HTML page at ``path``; UnreadableFile when it holds no text."""
    text = html_text(decode_html(read_bytes(path), name=str(path)))
    if not text.strip():
        raise UnreadableFile(f"Halaman HTML tanpa teks (HTML page without text): {path}")
    return text


def decode_html(data: bytes, *, name: str) -> str:
    """The bytes of a page -> str, by its byte-order mark, its declared charset or the text rule."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, name=name)
    charset = declared_charset(data[:_CHARSET_SCAN])
    if charset is not None:
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            logger.info("%s is not %s as it declares; read by the text rule", name, charset)
    return decode_bytes(data, name=name)


def declared_charset(head: bytes) -> str | None:
    """The Python codec of the charset the page declares, None when it declares none we know.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    'cp1252'
    >>> declared_charset(b'<meta charset="utf-8">'), declared_charset(b"<p>x</p>")
    ('utf-8', None)
    """
    match = _CHARSET_RE.search(head)
    if match is None:
        return None
    label = (match["meta"] or match["xml"]).decode("ascii").lower()
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    if codec in _AS_CP1252:
        return "cp1252"
    return "utf-8" if codec.startswith("utf-16") else codec  # UTF-16 without a BOM: browsers read UTF-8


def html_text(markup: str) -> str:
    """The text of an HTML page: one line per block or ``br``, no blank line."""
    reader = _TextReader()
    reader.feed(markup)
    reader.close()
    return "\n".join(line.strip() for line in "".join(reader.chunks).split("\n") if line.strip())


@dataclass
class _List:
    """An open ``ol`` (``fmt``: its number format) or ``ul`` (``fmt`` None)."""

    fmt: str | None
    next: int


class _TextReader(HTMLParser):
    """Collects the text chunks of a page, with a line break for every block boundary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skipping: str | None = None  # the tag of the dropped element we are inside
        self._skip_depth = 0
        self._pre_depth = 0
        self._lists: list[_List] = []  # the ol and ul we are inside, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping is not None:
            self._skip_depth += tag == self._skipping
            return
        if tag in _SKIPPED or ("role", "navigation") in attrs:
            self._skipping, self._skip_depth = tag, 1
            return
        if tag == "pre":
            self._pre_depth += 1
        if tag in _BLOCKS or tag == "br":
            self.chunks.append("\n")
        elif tag in _CELLS:
            self.chunks.append(" ")
        if tag in ("ol", "ul"):
            values = dict(attrs)
            fmt = _OL_TYPES.get(values.get("type") or "1", "decimal") if tag == "ol" else None
            self._lists.append(_List(fmt=fmt, next=_number(values.get("start"), 1)))
        elif tag == "li" and self._lists and self._lists[-1].fmt is not None:
            current = self._lists[-1]
            number = _number(dict(attrs).get("value"), current.next)
            self.chunks.append(f"{format_number(number, current.fmt)}. ")
            current.next = number + 1

    def handle_endtag(self, tag: str) -> None:
        if self._skipping is not None:
            if tag == self._skipping:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skipping = None
            return
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        if tag in _BLOCKS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skipping is None:
            self.chunks.append(data if self._pre_depth else _HTML_SPACE_RE.sub(" ", data))


def _number(value: str | None, default: int) -> int:
    try:
        return default if value is None else int(value)
    except ValueError:
        return default
