"""Tests for app.ingest.ocr with the real Tesseract (installed by scripts/system-packages): printed
specimens scanned by pdftoppm and read back, page images, and every way OCR can fail, clearly.

OCR takes seconds a page, so each test reads as few pages as it can; the specimen round trip reads
the six pages of the smallest specimen with ayat (about 20 s on two cores).
"""

from __future__ import annotations

import doctest
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

import app.ingest.ocr
from app.config import get_settings
from app.errors import TooLarge, UnreadableFile
from app.ingest import extract, ocr_pages
from app.kb.ingest import parse_file
from tests.conftest import regulation_text
from tests.ingest.files import ayat_per_pasal, pasal_numbers, recovered, scan, specimen_text, write_scanned_pdf

#: the smallest specimen that has ayat: an amending Perbup, 7 Pasal and 13 ayat on 6 pages
SPECIMEN = "perbup-batang-2021-8-perubahan-smart-city"


def test_a_scanned_specimen_is_recovered_by_ocr(tmp_path):
    pages = scan(specimen_text(SPECIMEN).split("\n"), tmp_path)
    scanned = write_scanned_pdf(tmp_path / "pindaian.pdf", pages)
    progress: list[tuple[int, int]] = []

    start = time.perf_counter()
    document = parse_file(scanned, progress=lambda done, total: progress.append((done, total)))
    seconds = time.perf_counter() - start

    pasal, ayat = recovered(document, SPECIMEN)
    print(f"OCR of {len(pages)} pages: {pasal:.1%} of Pasal, {ayat:.1%} of ayat, {seconds / len(pages):.1f} s a page")
    assert pasal >= 0.98 and ayat >= 0.95
    assert progress == [(done, len(pages)) for done in range(len(pages) + 1)]


@pytest.fixture
def regulation_pages(tmp_path) -> list[Path]:
    """A small Perbup (Pasal 1 to 3, ayat in Pasal 2) scanned onto two pages."""
    return scan(regulation_text().split("\n"), tmp_path / "perbup", lines_per_page=30)


def test_a_multi_page_tiff_is_read_page_by_page(tmp_path, regulation_pages):
    frames = [Image.open(page) for page in regulation_pages]
    tiff = tmp_path / "perbup.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="tiff_deflate", dpi=(300, 300))
    progress: list[tuple[int, int]] = []

    text = extract(tiff, progress=lambda done, total: progress.append((done, total)))

    assert progress == [(0, 2), (1, 2), (2, 2)]
    assert text.count("\f") == 1 and "Pasal 3" in text.split("\f")[1]
    document = parse_file(tiff)
    assert pasal_numbers(document) == ["1", "2", "3"]
    assert ayat_per_pasal(document)["pasal-2"] == ["1", "2"]


def test_a_png_with_transparency_is_read_on_white(tmp_path, regulation_pages):
    """The transparent background of a PNG reads as white paper, not as the black of its empty colour."""
    with Image.open(regulation_pages[0]) as page:
        ink = page.crop((0, 0, page.width, 500)).point(lambda value: 255 - value)  # its first lines; dark is opaque
        transparent = Image.new("RGBA", ink.size, (0, 0, 0, 0))
        transparent.putalpha(ink)
    path = tmp_path / "transparan.png"
    transparent.save(path, dpi=(300, 300))

    assert "PERATURAN BUPATI BATANG" in extract(path)


def test_ocr_pages_counts_what_ocr_would_read(tmp_path, regulation_pages):
    mixed = write_scanned_pdf(tmp_path / "campuran.pdf", regulation_pages, text_first=["Pasal 1", "Teks."])
    text = tmp_path / "perbup.txt"
    text.write_text(regulation_text(), encoding="utf-8")
    png = tmp_path / "halaman.png"
    Image.open(regulation_pages[0]).save(png)

    assert (ocr_pages(mixed), ocr_pages(png), ocr_pages(text)) == (2, 1, 0)


# --- refused, each with its reason -----------------------------------------------------------


def _drawing(path: Path) -> Path:
    """A page with ink but no letters: boxes and lines."""
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 200, 1000, 600), outline=0, width=8)
    draw.line((200, 900, 1000, 1500), fill=0, width=12)
    image.save(path, dpi=(150, 150))
    return path


@pytest.mark.parametrize("image", ["kosong", "gambar"])
def test_an_image_without_text_is_refused(tmp_path, image):
    path = tmp_path / f"{image}.png"
    if image == "kosong":
        Image.new("L", (1240, 1754), 255).save(path)  # blank: not even given to tesseract
    else:
        _drawing(path)
    with pytest.raises(UnreadableFile, match="OCR found no text in the image") as caught:
        extract(path)
    assert str(path) in caught.value.message and "Tidak ada teks yang terbaca" in caught.value.message


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(200), b"\xff\xd8\xff\xe0" + b"rusak" * 50])
def test_a_damaged_image_is_refused(tmp_path, data):
    path = tmp_path / "rusak.img"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile, match="damaged or unknown image") as caught:
        extract(path)
    assert str(path) in caught.value.message


def test_a_truncated_image_is_refused(tmp_path, regulation_pages):
    whole = tmp_path / "utuh.png"
    Image.open(regulation_pages[0]).save(whole)
    path = tmp_path / "terpotong.png"
    path.write_bytes(whole.read_bytes()[:20_000])
    with pytest.raises(UnreadableFile, match="damaged or truncated image"):
        extract(path)


def test_more_pages_than_the_limit_are_refused_before_any_is_read(tmp_path, regulation_pages, monkeypatch):
    monkeypatch.setenv("SELARAS_OCR_MAX_PAGES", "1")
    get_settings.cache_clear()
    pdf = write_scanned_pdf(tmp_path / "pindaian.pdf", regulation_pages)
    progress: list[tuple[int, int]] = []

    for check in (lambda: ocr_pages(pdf), lambda: extract(pdf, progress=lambda *page: progress.append(page))):
        with pytest.raises(TooLarge, match="SELARAS_OCR_MAX_PAGES") as caught:
            check()
        assert "2 pages to read by OCR, more than the limit of 1" in caught.value.message
        assert str(pdf) in caught.value.message
    assert progress == []


def test_without_tesseract_ocr_says_what_to_install(tmp_path, regulation_pages, monkeypatch):
    png = tmp_path / "halaman.png"
    Image.open(regulation_pages[0]).save(png)
    pdf = write_scanned_pdf(tmp_path / "pindaian.pdf", regulation_pages)
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))  # no tesseract on it

    for check in (lambda: extract(png), lambda: extract(pdf), lambda: ocr_pages(png)):
        with pytest.raises(UnreadableFile, match="OCR needs tesseract, which is not installed") as caught:
            check()
        assert "apt-get install tesseract-ocr tesseract-ocr-ind" in caught.value.message


def test_a_missing_language_says_what_to_install(tmp_path, regulation_pages, monkeypatch):
    png = tmp_path / "halaman.png"
    Image.open(regulation_pages[0]).save(png)
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # a tessdata folder without ind.traineddata

    with pytest.raises(UnreadableFile, match="Indonesian data is missing") as caught:
        extract(png)
    assert "tesseract-ocr-ind" in caught.value.message


def test_docstring_examples():
    result = doctest.testmod(app.ingest.ocr)
    assert result.attempted and not result.failed
