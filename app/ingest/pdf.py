"""PDF files -> str, page after page, as the layout clean-up expects them: the text layer, and OCR
for the pages that have none (scans).

The text layer is read with PDFium (``pypdfium2``), the engine of Chrome's PDF viewer: it is
fast, keeps the reading order of each line, and repairs damaged cross-reference tables itself.
There is no second engine: on files PDFium refuses (truncated, garbled) the pure-Python
``pypdf`` fails too, and two engines would give one file two texts (spacing, line order).

- Pages are joined by a line break and a form feed (``\\f``), as ``pdftotext`` writes them, so
  each page's number and running header stay lines of their own for ``app.text.cleanup``.
- PDFium joins a word hyphenated at a line end and marks the joint with U+FFFE; the hyphen and
  the line break are put back (``membe-`` / ``rikan``), so the clean-up mends the word and
  records it, as it does for any text.
- A page without any text in its text layer is a scan: PDFium renders it in grayscale and
  ``app.ingest.ocr`` reads it, whether every page is a scan or only one of many. ``scanned_pages`` counts them
  beforehand (the upload API decides on it whether to run a background job).
- A scan in which OCR finds no text, a PDF that needs a password to open and a damaged one are
  refused (``UnreadableFile``), each with its message. A PDF protected only against copying
  (an owner password) is read.

>>> page_text("Pasal 1\\r\\nDaerah membe\\ufffe" "rikan")
'Pasal 1\\nDaerah membe-\\nrikan'
"""

from __future__ import annotations

import math
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from app.errors import UnreadableFile
from app.ingest import ocr
from app.ingest.ocr import PAGE_BREAK

_HYPHEN_JOINT = "\ufffe"  # PDFium's mark for a hyphen that ended a line
#: PDFium is not thread-safe (the API parses uploads in worker threads): one call at a time
_PDFIUM_LOCK = threading.Lock()
#: the most pixels a page is rendered with for OCR (A3 at 300 dpi has 17 million): a page of
#: huge dimensions is rendered at less than ``ocr.DPI`` rather than filling the memory
MAX_PIXELS = 40_000_000
#: the resolutions (dpi) of a scan rendered at its own resolution for OCR; others at ``ocr.DPI``
SCAN_DPI = (200, 600)


def extract(path: Path, *, progress: ocr.OcrProgress | None = None) -> str:
    """The text of the PDF at ``path``, pages joined by ``PAGE_BREAK``: each page's text layer,
    or its OCR when it has none (``progress`` is told of each page OCR'd). UnreadableFile for a
    scan in which OCR finds no text, a password-protected or a damaged file; TooLarge for more
    pages to OCR than ``SELARAS_OCR_MAX_PAGES``."""
    with _opened(path) as document:
        pages = _text_layer(document, path)
        scanned = [index for index, page in enumerate(pages) if not page.strip()]
        if scanned:
            read = ocr.read_pages(_rendered(document, scanned, path), total=len(scanned), name=path, progress=progress)
            for index, text in zip(scanned, read):
                pages[index] = text
    if not any(page.strip() for page in pages):
        raise UnreadableFile(
            f"PDF hasil pindai tanpa teks yang terbaca (scanned PDF in which OCR found no text): {path}"
        )
    return PAGE_BREAK.join(pages)


def scanned_pages(path: Path) -> int:
    """How many pages of the PDF at ``path`` have no text layer (and so would be read by OCR);
    UnreadableFile for a password-protected or a damaged file."""
    with _opened(path) as document:
        return sum(1 for page in _text_layer(document, path) if not page.strip())


def page_text(raw: str) -> str:
    """One page's text as PDFium gives it -> lines ended by ``\\n``, hyphenation as printed."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace(_HYPHEN_JOINT, "-\n")


@contextmanager
def _opened(path: Path) -> Iterator[pdfium.PdfDocument]:
    """The PDF at ``path`` opened by PDFium (closed after), or UnreadableFile saying why not."""
    try:
        with _PDFIUM_LOCK:
            document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableFile(
                f"PDF terkunci kata sandi (password-protected PDF; remove the password first): {path}"
            ) from None
        raise _damaged(path) from None
    try:
        yield document
    finally:
        with _PDFIUM_LOCK:
            document.close()


def _damaged(path: Path) -> UnreadableFile:
    return UnreadableFile(f"PDF rusak atau terpotong (damaged or truncated PDF): {path}")


def _text_layer(document: pdfium.PdfDocument, path: Path) -> list[str]:
    """Every page's text layer, as ``page_text`` gives it ('' for a page without one)."""
    try:
        with _PDFIUM_LOCK:
            return [page_text(_read_page(document, index)) for index in range(len(document))]
    except pdfium.PdfiumError:
        raise _damaged(path) from None


def _rendered(document: pdfium.PdfDocument, indexes: list[int], path: Path) -> Iterator[Image.Image]:
    """The pages at ``indexes`` as grayscale images for OCR, one at a time, their resolution in
    ``info["dpi"]``. The lock is held while a page is rendered, not while it is read."""
    for index in indexes:
        try:
            with _PDFIUM_LOCK:
                page = document[index]
                try:
                    scale, native = _scale(page)
                    # a scan drawn pixel for pixel is not smoothed: the smoothing blurs what OCR reads
                    image = page.render(scale=scale, grayscale=True, no_smoothimage=native).to_pil()
                finally:
                    page.close()
        except pdfium.PdfiumError:
            raise _damaged(path) from None
        image.info["dpi"] = (round(scale * 72), round(scale * 72))
        yield image


def _scale(page: pdfium.PdfPage) -> tuple[float, bool]:
    """Pixels per point to render a page for OCR with, and whether that is its scan's own
    resolution: it is when the page is one image of ``SCAN_DPI``, else ``ocr.DPI`` / 72; always
    within ``MAX_PIXELS``."""
    width, height = page.get_size()  # in points, 72 to the inch
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    scale, native = ocr.DPI / 72, False
    if len(images) == 1:
        dpi = max(images[0].get_px_size()) / max(width, height) * 72
        if SCAN_DPI[0] <= dpi <= SCAN_DPI[1]:
            scale, native = dpi / 72, True
    largest = math.sqrt(MAX_PIXELS / max(width * height, 1.0))
    return (scale, native) if scale <= largest else (largest, False)


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
