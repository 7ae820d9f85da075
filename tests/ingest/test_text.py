"""Tests for app.ingest.text (encodings, refusals) and the app.ingest.extract dispatcher."""

from __future__ import annotations

import doctest

import pytest

import app.ingest
from app.errors import NotFound, UnreadableFile
from app.ingest import extract, sniff
from app.ingest.text import decode_text, read_text

SAMPLE = "Pasal 1\nDalam Peraturan Bupati ini yang dimaksud dengan \u201cDaerah\u201d \u2013 Kabupaten Batang; caf\u00e9 \u00e0 la carte.\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16", b"")],
)
def test_reads_every_usual_encoding_without_mangling(tmp_path, encoding, prefix):
    path = tmp_path / "perbup.txt"
    path.write_bytes(prefix + SAMPLE.encode(encoding))
    assert read_text(path) == SAMPLE


def test_a_cp1252_file_keeps_its_curly_quotes_and_dashes(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(b"\x93Daerah\x94 adalah Kabupaten Batang \x96 Jawa Tengah; Caf\xe9")
    assert read_text(path) == "\u201cDaerah\u201d adalah Kabupaten Batang \u2013 Jawa Tengah; Caf\u00e9"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    assert decode_text(b"Bagian Kesatu \x81 Umum \xe9t\xe9", name="x") == "Bagian Kesatu \x81 Umum \u00e9t\u00e9"


def test_line_ends_are_normalised_and_ocr_controls_kept():
    assert decode_text(b"BAB I\r\nKETENTUAN UMUM\rPasal 1 \x01 (1) Teks.", name="x") == (
        "BAB I\nKETENTUAN UMUM\nPasal 1 \x01 (1) Teks.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"BAB I\x00\x00\x00\x01\x02", "binary"),
        (bytes(range(1, 32)) * 20 + b"Pasal 1", "binary"),
        (b"\xef\xbb\xbfBAB \xff\xfe rusak", "invalid utf-8"),
    ],
)
def test_empty_binary_and_broken_files_are_refused_clearly(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message) as caught:
        read_text(path)
    assert str(path) in caught.value.message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(NotFound, match="not found"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(UnreadableFile, match="not a regular file"):
        read_text(tmp_path)


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"%PDF-1.7\n", "pdf"), (b"PK\x03\x04\x14\x00", "docx"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
     (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff\xe0", "jpeg"), (b"GIF89a", "gif"), (b"II*\x00", "tiff"),
     (b"MM\x00*", "tiff"), (b"  <!DOCTYPE HTML>", "html"),
     (b"<html><body>", "html"), (b"\xef\xbb\xbf<head><meta charset=utf-8>", "html"),
     (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
     (b"<!-- disimpan dari JDIH --><html>", "html"), (b"<p>Pasal 1</p>", "text"),
     (b"PERATURAN BUPATI BATANG", "text"), (b"# Judul\n", "text")],
)
def test_sniff_by_content(head, kind):
    assert sniff(head) == kind


def test_extract_reads_text_whatever_the_name(tmp_path):
    path = tmp_path / "perbup.dat"
    path.write_text(SAMPLE, encoding="utf-8")
    assert extract(path) == SAMPLE


@pytest.mark.parametrize(("content", "name"), [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 ...", "DOC"), (b"{\\rtf1 ...", "RTF")])
def test_extract_refuses_other_formats_by_name(tmp_path, content, name):
    path = tmp_path / "perbup.txt"  # the name lies; the content decides
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match="format not supported") as caught:
        extract(path)
    assert name in caught.value.message and str(path) in caught.value.message


@pytest.mark.parametrize(("content", "message"), [(b"%PDF-1.4 ...", "damaged or truncated PDF"),
                                                  (b"PK\x03\x04 ...", "damaged ZIP/DOCX"),
                                                  (b"\x89PNG\r\n\x1a\n ...", "damaged or unknown image"),
                                                  (b"<!doctype html><script>x</script>", "HTML page without text")])
def test_extract_hands_each_format_to_its_reader_whatever_the_name(tmp_path, content, message):
    path = tmp_path / "perbup.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        extract(path)


@pytest.mark.parametrize("name", ["kosong.pdf", "kosong.docx", "kosong.html"])
def test_an_empty_file_is_refused_whatever_its_name(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(UnreadableFile, match="empty file") as caught:
        extract(path)
    assert str(path) in caught.value.message


def test_docstring_examples():
    result = doctest.testmod(app.ingest)
    assert result.attempted and not result.failed
