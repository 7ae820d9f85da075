"""Files -> text: one module per input format, and ``extract(path)`` that picks by content.

``extract`` sniffs the first bytes, not the file name, and hands the file to its format's module:

- ``pdf``: a PDF's text layer (``app.ingest.pdf``); a scan without one is refused until OCR is
  supported, and so are password-protected and damaged PDFs;
- ``docx``: a ZIP, read as a Word document with its automatic numbering (``app.ingest.docx``);
  another ZIP (XLSX, ODT ...) and a ZIP bomb are refused;
- ``html``: an HTML page, without its scripts, styles and navigation (``app.ingest.html``);
- ``text``: anything else, read as plain text whatever its encoding (``app.ingest.text``).

Legacy Word (.doc), RTF and images are named and refused. ``SUFFIXES`` are the file names a
folder is scanned for (``app.kb.ingest``); a file named otherwise is read all the same when
given by name. To add a format, write ``app/ingest/<format>.py`` with ``extract(path) -> str``,
register it in ``EXTRACTORS`` and add its suffixes.

>>> sniff(b"%PDF-1.7 ..."), sniff(b"PK\\x03\\x04..."), sniff(b"<!DOCTYPE html><html>"), sniff(b"BAB I")
('pdf', 'docx', 'html', 'text')
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from app.errors import UnreadableFile
from app.ingest import docx, html, pdf
from app.ingest import text as text_format
from app.ingest.text import read_bytes

#: what a folder is scanned for
SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")

#: leading bytes -> format name
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "docx"),              # ZIP container: DOCX, ODT, XLSX ...
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),  # OLE2: legacy Word, or an encrypted Office file
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),         # JPEG
    (b"GIF8", "image"),
    (b"II*\x00", "image"),              # TIFF
    (b"MM\x00*", "image"),
)
#: how much of a file ``sniff`` sees
HEAD_SIZE = 512
#: how an HTML page may start (after a byte-order mark and white space), lower case
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")

#: formats that can be read; the rest are refused by name
EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "text": text_format.read_text,
    "pdf": pdf.extract,
    "docx": docx.extract,
    "html": html.extract,
}

_REFUSED = {
    "doc": "DOC (Word 97-2003, atau berkas Office terenkripsi / or an encrypted Office file); "
           "simpan sebagai .docx atau .pdf (save it as .docx or .pdf)",
    "rtf": "RTF; simpan sebagai .docx atau .pdf (save it as .docx or .pdf)",
    "image": "gambar; OCR belum didukung (an image; OCR is not supported yet)",
}


def sniff(head: bytes) -> str:
    """The format the first bytes of a file announce: pdf, docx, doc, rtf, image, html or text.

    >>> sniff(b'<?xml version="1.0"?>\\n<html xmlns="http://www.w3.org/1999/xhtml">'), sniff(b"<p>Pasal 1</p>")
    ('html', 'text')
    """
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_STARTS) or (start.startswith((b"<?xml", b"<!--")) and b"<html" in start):
        return "html"
    return "text"


def extract(path: str | Path) -> str:
    """The text of the file at ``path``, whatever its format, or UnreadableFile saying why not."""
    path = Path(path)
    kind = sniff(read_bytes(path, HEAD_SIZE))
    extractor = EXTRACTORS.get(kind)
    if extractor is None:
        raise UnreadableFile(f"Format belum didukung (format not supported): {_REFUSED.get(kind, kind)}: {path}")
    return extractor(path)
