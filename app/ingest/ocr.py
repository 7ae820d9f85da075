"""Page images -> text, with Tesseract OCR (Debian ``tesseract-ocr`` and ``tesseract-ocr-ind``).

Scanned regulations come as PDFs without a text layer, whose pages ``app.ingest.pdf`` renders and
hands to ``read_pages``, and as image files (PNG, JPEG, GIF, TIFF; each frame of a TIFF is a page),
which ``extract`` reads. Every page is read by one ``tesseract`` process, called directly:

- language ``ind`` (Indonesian) and page segmentation mode 4, "a single column of text": a
  regulation is one column, and the automatic mode reads an indented column of list numbers
  (``1.`` ``2.`` ``3.``) as a block of its own, away from the items they number;
- ``OMP_THREAD_LIMIT=1``: Tesseract's own threads make it several times slower on a small machine
  (1.8 s a page with one thread, 9-11 s with the default, measured on two cores);
- the page goes in on stdin, grayscale, with its resolution (``--dpi``: the image's own, else
  ``DPI``); the text comes out on stdout. A page without ink (no pixel darker than ``INK``) is
  blank and not read at all.

Pages are read one at a time (a page of A4 at 300 dpi is 9 MB in memory), at most
``SELARAS_OCR_MAX_PAGES`` of one file (``TooLarge`` beyond, before any is read), and each one done
is reported to an ``OcrProgress`` callback as ``progress(done, total)``, first ``(0, total)``.
A missing ``tesseract``, or its Indonesian data missing, is an ``UnreadableFile`` naming the
package to install. Pages are joined by ``PAGE_BREAK``, as ``pdftotext`` and ``app.ingest.pdf`` do.

>>> from PIL import Image
>>> read_page(Image.new("L", (850, 1100), 255))  # a blank page: no tesseract run
''
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from PIL import Image, ImageSequence

from app.config import get_settings
from app.errors import TooLarge, UnreadableFile

logger = logging.getLogger(__name__)

#: (pages read so far, pages to read), called before the first page and after each one
OcrProgress = Callable[[int, int], None]

PAGE_BREAK = "\n\f"
LANGUAGE = "ind"
#: tesseract's page segmentation mode 4: "a single column of text of variable sizes"
SEGMENTATION = "4"
#: the resolution PDF pages are rendered at, and assumed for an image that does not say its own
DPI = 300
#: a page whose darkest pixel is lighter than this (0 black .. 255 white) has no ink: it is blank
INK = 128
#: seconds one page may take before tesseract is stopped
PAGE_TIMEOUT = 600
_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-ind"


def extract(path: Path, *, progress: OcrProgress | None = None) -> str:
    """The text of the image file at ``path`` (PNG, JPEG, GIF, TIFF), each frame a page;
    UnreadableFile for a damaged image and for one in which OCR finds no text."""
    with _opened(path) as image:
        pages = read_pages(_frames(image, path), total=getattr(image, "n_frames", 1), name=path, progress=progress)
    if not any(page.strip() for page in pages):
        raise UnreadableFile(f"Tidak ada teks yang terbaca pada gambar (OCR found no text in the image): {path}")
    return PAGE_BREAK.join(pages)


def page_count(path: Path) -> int:
    """How many pages (frames) the image file at ``path`` has, read from its header; UnreadableFile
    for a damaged image."""
    with _opened(path) as image:
        return getattr(image, "n_frames", 1)


def check_page_limit(pages: int, name: str | Path) -> None:
    """TooLarge when ``pages`` to OCR are more than ``SELARAS_OCR_MAX_PAGES``."""
    limit = get_settings().ocr_max_pages
    if pages > limit:
        raise TooLarge(
            f"{pages} halaman perlu OCR, paling banyak {limit} (SELARAS_OCR_MAX_PAGES) "
            f"({pages} pages to read by OCR, more than the limit of {limit}): {name}"
        )


def read_pages(pages: Iterable[Image.Image], *, total: int, name: str | Path,
               progress: OcrProgress | None = None) -> list[str]:
    """The text of each page image (taken one at a time from ``pages``, ``total`` of them).

    TooLarge above the page limit and UnreadableFile without tesseract, both before any page is
    taken; ``progress(done, total)`` before the first page and after each one."""
    check_page_limit(total, name)
    tesseract = tesseract_command()
    texts: list[str] = []
    if progress:
        progress(0, total)
    for done, image in enumerate(pages, start=1):
        texts.append(read_page(image, tesseract=tesseract, name=name))
        if progress:
            progress(done, total)
    return texts


def tesseract_command() -> str:
    """The path of the ``tesseract`` program; UnreadableFile saying what to install when there is none."""
    found = shutil.which("tesseract")
    if found is None:
        raise UnreadableFile(
            f"OCR memerlukan tesseract, yang belum terpasang (OCR needs tesseract, which is not installed: {_INSTALL})."
        )
    return found


def read_page(image: Image.Image, *, tesseract: str | None = None, name: str | Path = "") -> str:
    """The text of one page image ('' for a page without ink), lines ended by ``\\n``."""
    gray = _grayscale(image)
    darkest, _lightest = gray.getextrema()
    if darkest >= INK:  # type: ignore[operator]
        return ""
    page = io.BytesIO()
    gray.save(page, format="PPM")  # uncompressed: nothing to encode or decode
    command = [tesseract or tesseract_command(), "stdin", "stdout", "-l", LANGUAGE, "--psm", SEGMENTATION,
               "--dpi", str(_dpi(image))]
    try:
        done = subprocess.run(
            command, input=page.getvalue(), capture_output=True, timeout=PAGE_TIMEOUT, check=False,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except subprocess.TimeoutExpired:
        raise UnreadableFile(
            f"OCR satu halaman melebihi {PAGE_TIMEOUT} detik (OCR of one page took longer than {PAGE_TIMEOUT} s): {name}"
        ) from None
    except OSError as error:
        raise UnreadableFile(f"tesseract tidak dapat dijalankan (cannot run tesseract: {error.strerror}): {name}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        if f"'{LANGUAGE}'" in message:
            raise UnreadableFile(
                "Data bahasa Indonesia untuk tesseract belum terpasang (Tesseract's Indonesian data is missing: "
                "apt-get install tesseract-ocr-ind)."
            )
        logger.debug("tesseract failed on %s: %s", name, message)
        last = message.splitlines()[-1] if message else f"exit code {done.returncode}"
        raise UnreadableFile(f"OCR gagal (tesseract failed: {last}): {name}")
    return done.stdout.decode("utf-8", "replace").replace("\f", "").strip()


def _grayscale(image: Image.Image) -> Image.Image:
    """The image in 8-bit gray, transparent parts white (not the black of their empty colour)."""
    if image.mode == "L":
        return image
    if "A" in image.getbands() or "transparency" in image.info:
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba)
    return image.convert("L")


def _dpi(image: Image.Image) -> int:
    """The resolution the image says it has, when plausible for a scan; else ``DPI``."""
    dpi = image.info.get("dpi")
    resolution = round(float(dpi[0])) if isinstance(dpi, tuple) and dpi else 0
    return resolution if 70 <= resolution <= 2400 else DPI


@contextmanager
def _opened(path: Path) -> Iterator[Image.Image]:
    """The image file at ``path`` opened by Pillow (its header read), or UnreadableFile."""
    try:
        image = Image.open(path)
    except Image.DecompressionBombError:
        raise UnreadableFile(f"Gambar terlalu besar (image too large, too many pixels): {path}") from None
    except (OSError, ValueError):
        raise UnreadableFile(f"Gambar rusak atau tidak dikenali (damaged or unknown image): {path}") from None
    with image:
        yield image


def _frames(image: Image.Image, path: Path) -> Iterator[Image.Image]:
    """Each frame of ``image``, decoded; UnreadableFile when one is damaged."""
    try:
        for frame in ImageSequence.Iterator(image):
            frame.load()
            yield frame
    except Image.DecompressionBombError:
        raise UnreadableFile(f"Gambar terlalu besar (image too large, too many pixels): {path}") from None
    except (OSError, ValueError, EOFError):
        raise UnreadableFile(f"Gambar rusak atau terpotong (damaged or truncated image): {path}") from None
