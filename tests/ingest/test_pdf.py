"""Tests for app.ingest.pdf: the text layer page by page, OCR for the pages without one, and every
bad PDF refused clearly."""

from __future__ import annotations

import doctest

import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

import app.ingest.ocr
import app.ingest.pdf
from app.errors import UnreadableFile
from app.ingest.pdf import MAX_PIXELS, _scale, extract, scanned_pages
from app.kb.ingest import parse_file
from tests.conftest import regulation_text
from tests.ingest.files import (
    SPECIMEN_NAMES, assert_same_tree, ayat_per_pasal, pasal_numbers, scan, specimen_text, write_pdf, write_scanned_pdf,
)


@pytest.mark.parametrize("name", SPECIMEN_NAMES)
def test_a_specimen_printed_to_pdf_parses_as_its_text(tmp_path, name):
    path = write_pdf(tmp_path / f"{name}.pdf", specimen_text(name).split("\n"))
    assert_same_tree(parse_file(path), name)


def test_pages_are_lines_ended_by_a_form_feed(tmp_path):
    path = write_pdf(tmp_path / "p.pdf", ["Pasal 1", "- 1 -", "Pasal 2", "- 2 -", "Pasal 3"], lines_per_page=2)
    assert extract(path) == "Pasal 1\n- 1 -\n\fPasal 2\n- 2 -\n\fPasal 3"


def test_a_word_hyphenated_at_a_line_end_keeps_its_hyphen_and_line_break(tmp_path):
    path = write_pdf(tmp_path / "h.pdf", ["Pemerintah Daerah membe-", "rikan layanan Undang-", "Undang"])
    assert extract(path) == "Pemerintah Daerah membe-\nrikan layanan Undang-\nUndang"


def test_a_pdf_protected_only_against_copying_is_read(tmp_path):
    owner_only = pdfencrypt.StandardEncryption("", ownerPassword="pemilik", canCopy=0)
    path = write_pdf(tmp_path / "salin.pdf", ["Pasal 1", "Daerah adalah Kabupaten Batang."], encrypt=owner_only)
    assert extract(path) == "Pasal 1\nDaerah adalah Kabupaten Batang."


def _blank_pages(path, pages, *, text_first=False):
    pdf = canvas.Canvas(str(path))
    if text_first:
        pdf.drawString(72, 700, "Pasal 1 Daerah adalah Kabupaten Batang.")
        pdf.showPage()
    scan = ImageReader(Image.new("L", (300, 400), 255))
    for _ in range(pages):
        pdf.drawImage(scan, 72, 300, 300, 400)
        pdf.showPage()
    pdf.save()
    return path


def test_a_scan_in_which_ocr_finds_no_text_is_refused(tmp_path):
    path = _blank_pages(tmp_path / "pindaian.pdf", 2)
    assert scanned_pages(path) == 2
    with pytest.raises(UnreadableFile, match="scanned PDF in which OCR found no text") as caught:
        extract(path)
    assert str(path) in caught.value.message and "PDF hasil pindai" in caught.value.message


def test_blank_scanned_pages_in_a_pdf_with_text_are_empty_pages(tmp_path):
    path = _blank_pages(tmp_path / "campuran.pdf", 2, text_first=True)
    assert extract(path) == "Pasal 1 Daerah adalah Kabupaten Batang.\n\f\n\f"


def test_a_scanned_page_in_a_pdf_with_text_is_read_by_ocr(tmp_path):
    lines = regulation_text().split("\n")
    cut = lines.index("BAB II")
    [page] = scan(lines[cut:], tmp_path, lines_per_page=len(lines))
    path = write_scanned_pdf(tmp_path / "campuran.pdf", [page], text_first=lines[:cut])
    progress = []

    text = extract(path, progress=lambda done, total: progress.append((done, total)))

    first, second = text.split("\f")
    assert first.startswith("PERATURAN BUPATI BATANG") and "Pasal 2" not in first
    assert "Pasal 2" in second and "Pasal 3" in second
    assert progress == [(0, 1), (1, 1)]
    document = parse_file(path)
    assert pasal_numbers(document) == ["1", "2", "3"] and ayat_per_pasal(document)["pasal-2"] == ["1", "2"]


def test_a_page_is_rendered_for_ocr_at_its_scan_resolution_without_smoothing(tmp_path):
    """A 300 dpi scan is rendered pixel for pixel, without smoothing: at 595.44 points its page is
    no whole number of pixels wide, and the smoothing would resample every stroke. A scan too
    coarse (100 dpi) is rendered at ocr.DPI, and a huge page at less, within MAX_PIXELS."""
    image, small = tmp_path / "a4-300dpi.png", tmp_path / "a4-100dpi.png"
    Image.new("L", (2481, 3508), 255).save(image)
    Image.new("L", (827, 1169), 255).save(small)
    fine = write_scanned_pdf(tmp_path / "300dpi.pdf", [image])
    coarse = write_scanned_pdf(tmp_path / "100dpi.pdf", [small], dpi=100)
    poster = canvas.Canvas(str(tmp_path / "poster.pdf"), pagesize=(3000, 3000))
    poster.drawString(72, 72, "Pasal 1")
    poster.save()

    scales = []
    for path in (fine, coarse, tmp_path / "poster.pdf"):
        document = pdfium.PdfDocument(path)
        try:
            scales.append(_scale(document[0]))
        finally:
            document.close()

    assert scales[0] == (pytest.approx(300 / 72), True)
    assert scales[1] == (pytest.approx(app.ingest.ocr.DPI / 72), False)
    assert scales[2] == (pytest.approx((MAX_PIXELS / 3000 ** 2) ** 0.5), False)


def test_a_password_protected_pdf_is_refused(tmp_path):
    path = write_pdf(tmp_path / "rahasia.pdf", ["Pasal 1"], encrypt="rahasia")
    with pytest.raises(UnreadableFile, match="password-protected PDF") as caught:
        extract(path)
    assert str(path) in caught.value.message


@pytest.mark.parametrize("damage", ["truncated", "garbled", "header only"])
def test_a_damaged_pdf_is_refused(tmp_path, damage):
    whole = write_pdf(tmp_path / "utuh.pdf", specimen_text(SPECIMEN_NAMES[0]).split("\n")).read_bytes()
    path = tmp_path / "rusak.pdf"
    path.write_bytes({
        "truncated": whole[: len(whole) // 2],
        "garbled": whole[:9] + bytes(reversed(whole[9:])),
        "header only": b"%PDF-1.7\n",
    }[damage])
    with pytest.raises(UnreadableFile, match="damaged or truncated PDF") as caught:
        extract(path)
    assert str(path) in caught.value.message


def test_docstring_examples():
    result = doctest.testmod(app.ingest.pdf)
    assert result.attempted and not result.failed
