"""Files -> text: one module per input format, and ``extract(path)`` that picks by content.

``extract`` sniffs the first bytes (not the file name): a PDF, an Office/ZIP file (DOCX), an
image, an HTML page or other binary content is named and refused clearly until its module
exists; anything else is read as text by ``app.ingest.text``. To add a format, write
``app/ingest/<format>.py`` with ``extract(path) -> str`` and register it in ``EXTRACTORS``.

>>> sniff(b"%PDF-1.7 ..."), sniff(b"PK\\x03\\x04..."), sniff(b"<!DOCTYPE html><html>"), sniff(b"BAB I")
('pdf', 'docx', 'html', 'text')
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from app.errors import UnreadableFile
from app.ingest import text as text_format
from app.ingest.text import read_bytes

#: leading bytes -> format name
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "docx"),              # ZIP container: DOCX, ODT, XLSX ...
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),  # OLE2: legacy Word
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),         # JPEG
    (b"GIF8", "image"),
    (b"II*\x00", "image"),              # TIFF
    (b"MM\x00*", "image"),
)

#: formats that can be read today; the rest are refused by name
EXTRACTORS: dict[str, Callable[[Path], str]] = {"text": text_format.read_text}

_FORMAT_NAMES = {
    "pdf": "PDF", "docx": "DOCX/ZIP", "doc": "DOC (Word lama)", "rtf": "RTF",
    "image": "gambar (image)", "html": "HTML",
}


def sniff(head: bytes) -> str:
    """The format the first bytes of a file announce: pdf, docx, doc, rtf, image, html or text."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def extract(path: str | Path) -> str:
    """The text of the file at ``path``, whatever its format, or UnreadableFile saying why not."""
    path = Path(path)
    kind = sniff(read_bytes(path)[:64])
    extractor = EXTRACTORS.get(kind)
    if extractor is None:
        raise UnreadableFile(
            f"Format {_FORMAT_NAMES.get(kind, kind)} belum didukung; simpan sebagai teks .txt "
            f"(format not supported yet, save it as plain text): {path}"
        )
    return extractor(path)
