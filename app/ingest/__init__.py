"""Files -> text: one module per input format, and ``extract(path)`` that picks by content.

``extract`` sniffs the first bytes, not the file name, and hands the file to its format's module:

- ``pdf``: a PDF's text layer, and OCR for its pages without one (``app.ingest.pdf``);
  password-protected and damaged PDFs are refused;
- ``png``, ``jpeg``, ``gif``, ``tiff``: a page image (a TIFF may hold many), read by OCR
  (``app.ingest.ocr``);
- ``docx``: a ZIP, read as a Word document with its automatic numbering (``app.ingest.docx``);
  another ZIP (XLSX, ODT ...) and a ZIP bomb are refused;
- ``html``: an HTML page, without its scripts, styles and navigation (``app.ingest.html``);
- ``text``: anything else, read as plain text whatever its encoding (``app.ingest.text``).

Legacy Word (.doc) and RTF are named and refused. ``SUFFIXES`` are the file names a folder is
scanned for (``app.kb.ingest``), images not among them (one image is one regulation: a folder of
page images would make one of each page); a file named otherwise is read all the same when given
by name.
The formats that may need OCR are ``PAGED``: they take an ``OcrProgress`` callback, and
``ocr_pages(path)`` tells beforehand how many pages OCR would read. To add a format, write
``app/ingest/<format>.py`` with ``extract(path) -> str``, register it in ``EXTRACTORS`` (or in
``PAGED``) and add its suffixes.

>>> sniff(b"%PDF-1.7 ..."), sniff(b"PK\\x03\\x04..."), sniff(b"<!DOCTYPE html><html>"), sniff(b"BAB I")
('pdf', 'docx', 'html', 'text')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from app.errors import UnreadableFile
from app.ingest import docx, html, ocr, pdf
from app.ingest import text as text_format
from app.ingest.ocr import OcrProgress
from app.ingest.text import read_bytes

#: what a folder is scanned for
SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")

#: leading bytes -> format name
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "docx"),              # ZIP container: DOCX, ODT, XLSX ...
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),  # OLE2: legacy Word, or an encrypted Office file
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"II*\x00", "tiff"),               # little-endian
    (b"MM\x00*", "tiff"),               # big-endian
)
#: the formats of page images, read by OCR
IMAGE_FORMATS = ("png", "jpeg", "gif", "tiff")
#: how much of a file ``sniff`` sees
HEAD_SIZE = 512
#: how an HTML page may start (after a byte-order mark and white space), lower case
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")

#: formats read whole
EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "text": text_format.read_text,
    "docx": docx.extract,
    "html": html.extract,
}


@dataclass(frozen=True)
class PagedFormat:
    """A format read page by page, where OCR may read some pages."""

    extract: Callable[..., str]        # (path, *, progress: OcrProgress | None) -> text
    ocr_pages: Callable[[Path], int]   # (path) -> how many pages OCR would read


#: formats that may need OCR; with EXTRACTORS, what can be read (the rest are refused by name)
PAGED: dict[str, PagedFormat] = {
    "pdf": PagedFormat(pdf.extract, pdf.scanned_pages),
    **{image: PagedFormat(ocr.extract, ocr.page_count) for image in IMAGE_FORMATS},
}

_REFUSED = {
    "doc": "DOC (Word 97-2003, atau berkas Office terenkripsi / or an encrypted Office file); "
           "simpan sebagai .docx atau .pdf (save it as .docx or .pdf)",
    "rtf": "RTF; simpan sebagai .docx atau .pdf (save it as .docx or .pdf)",
}


def sniff(head: bytes) -> str:
    """The format the first bytes of a file announce: pdf, docx, doc, rtf, png, jpeg, gif, tiff,
    html or text.

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


def extract(path: str | Path, *, progress: OcrProgress | None = None) -> str:
    """The text of the file at ``path``, whatever its format, or UnreadableFile saying why not;
    ``progress(done, total)`` follows the pages read by OCR, if any."""
    path = Path(path)
    kind = sniff(read_bytes(path, HEAD_SIZE))
    if kind in PAGED:
        return PAGED[kind].extract(path, progress=progress)
    extractor = EXTRACTORS.get(kind)
    if extractor is None:
        raise UnreadableFile(f"Format belum didukung (format not supported): {_REFUSED.get(kind, kind)}: {path}")
    return extractor(path)


def ocr_pages(path: str | Path) -> int:
    """How many pages of the file at ``path`` ``extract`` would read by OCR: an image's pages, a
    PDF's pages without a text layer, 0 for the other formats. Raises as ``extract`` would before
    any page is read: TooLarge above ``SELARAS_OCR_MAX_PAGES``, UnreadableFile for a damaged file
    and, when there are pages to read, without tesseract."""
    path = Path(path)
    paged = PAGED.get(sniff(read_bytes(path, HEAD_SIZE)))
    pages = paged.ocr_pages(path) if paged else 0
    if pages:
        ocr.check_page_limit(pages, path)
        ocr.tesseract_command()
    return pages
