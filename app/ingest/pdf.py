"""PDF files with a text layer -> str, page after page, as the layout clean-up expects them.

The text layer is read with PDFium (``pypdfium2``), the engine of Chrome's PDF viewer: it is
fast, keeps the reading order of each line, and repairs damaged cross-reference tables itself.
There is no second engine: on files PDFium refuses (truncated, garbled) the pure-Python
``pypdf`` fails too, and two engines would give one file two texts (spacing, line order).

- Pages are joined by a line break and a form feed (``\\f``), as ``pdftotext`` writes them, so
  each page's number and running header stay lines of their own for ``app.text.cleanup``.
- PDFium joins a word hyphenated at a line end and marks the joint with U+FFFE; the hyphen and
  the line break are put back (``membe-`` / ``rikan``), so the clean-up mends the word and
  records it, as it does for any text.
- A PDF with no text on any page is a scan: refused (``UnreadableFile``) until OCR is
  supported. Pages without text in an otherwise readable PDF are logged.
- A PDF that needs a password to open, and one that is damaged, are refused with a message each.
  A PDF protected only against copying (an owner password) is read.

>>> page_text("Pasal 1\\r\\nDaerah membe\\ufffe" "rikan")
'Pasal 1\\nDaerah membe-\\nrikan'
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.errors import UnreadableFile

logger = logging.getLogger(__name__)

PAGE_BREAK = "\n\f"
_HYPHEN_JOINT = "\ufffe"  # PDFium's mark for a hyphen that ended a line
#: PDFium is not thread-safe (the API parses uploads in worker threads): one document at a time
_PDFIUM_LOCK = threading.Lock()


def extract(path: Path) -> str:
    """The text layer of the PDF at ``path``, pages joined by ``PAGE_BREAK``; UnreadableFile
    for a scan (no text on any page), a password-protected or a damaged file."""
    with _PDFIUM_LOCK:
        pages = [page_text(text) for text in _page_texts(path)]
    if not any(page.strip() for page in pages):
        raise UnreadableFile(
            f"PDF tanpa lapisan teks (hasil pindai); OCR belum didukung "
            f"(scanned PDF without a text layer; OCR is not supported yet): {path}"
        )
    blank = [str(number) for number, page in enumerate(pages, start=1) if not page.strip()]
    if blank:
        logger.warning("%s: page(s) %s have no text layer (scanned?) and are not read", path, ", ".join(blank))
    return PAGE_BREAK.join(pages)


def page_text(raw: str) -> str:
    """One page's text as PDFium gives it -> lines ended by ``\\n``, hyphenation as printed."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace(_HYPHEN_JOINT, "-\n")


def _page_texts(path: Path) -> list[str]:
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableFile(
                f"PDF terkunci kata sandi (password-protected PDF; remove the password first): {path}"
            ) from None
        raise UnreadableFile(f"PDF rusak atau terpotong (damaged or truncated PDF): {path}") from None
    try:
        return [_read_page(document, index) for index in range(len(document))]
    except pdfium.PdfiumError:
        raise UnreadableFile(f"PDF rusak atau terpotong (damaged or truncated PDF): {path}") from None
    finally:
        document.close()


def _read_page(document: pdfium.PdfDocument, index: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
