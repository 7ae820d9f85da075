"""Tests for app.ingest.pdf: the text layer page by page, and every bad PDF refused clearly."""

from __future__ import annotations

import doctest
import logging

import pytest
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

import app.ingest.pdf
from app.errors import UnreadableFile
from app.ingest.pdf import extract
from app.kb.ingest import parse_file
from tests.ingest.files import SPECIMEN_NAMES, assert_same_tree, specimen_text, write_pdf


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


def _image_pages(path, pages, *, text_first=False):
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


def test_a_scan_without_a_text_layer_is_refused_until_ocr(tmp_path):
    path = _image_pages(tmp_path / "pindaian.pdf", 2)
    with pytest.raises(UnreadableFile, match="OCR is not supported yet") as caught:
        extract(path)
    assert str(path) in caught.value.message and "OCR belum didukung" in caught.value.message


def test_scanned_pages_in_a_pdf_with_text_are_logged(tmp_path, caplog):
    path = _image_pages(tmp_path / "campuran.pdf", 2, text_first=True)
    with caplog.at_level(logging.WARNING, logger="app.ingest.pdf"):
        assert extract(path).startswith("Pasal 1 Daerah adalah Kabupaten Batang.")
    assert "page(s) 2, 3 have no text layer" in caplog.text


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
