"""Tests for app.ingest.docx: Word documents in order, with their automatic numbers and tables,
and every ZIP that is not one (or is a ZIP bomb) refused before it is unpacked."""

from __future__ import annotations

import doctest
import io
import re
import struct
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import app.ingest.docx
from app.errors import UnreadableFile
from app.ingest.docx import MAX_UNPACKED, extract
from app.kb.ingest import parse_file
from tests.ingest.files import SPECIMEN_NAMES, assert_same_tree, specimen_text, write_docx


@pytest.mark.parametrize("name", SPECIMEN_NAMES)
def test_a_specimen_typed_in_word_parses_as_its_text(tmp_path, name):
    path, _ = write_docx(tmp_path / f"{name}.docx", specimen_text(name).split("\n"))
    assert_same_tree(parse_file(path), name)


def test_ayat_numbered_by_word_parse_as_typed_ones(tmp_path):
    name = "perbup-batang-2019-23-smart-city"
    path, numbered = write_docx(tmp_path / "otomatis.docx", specimen_text(name).split("\n"), numbered_ayat=True)
    typed = [p.text for p in docx.Document(str(path)).paragraphs]
    assert numbered > 50 and not any(text.startswith("(1) Ruang lingkup") for text in typed)
    assert "\n(1) Ruang lingkup Peraturan Bupati ini meliputi:" in extract(path)
    assert_same_tree(parse_file(path), name)


def test_tables_read_row_by_row_in_reading_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("BUPATI BATANG,")
    layout = document.add_table(rows=2, cols=3)
    for cell, text in zip(layout.rows[0].cells, ["Menimbang", ":", "a. bahwa pertama;"]):
        cell.text = text
    layout.rows[0].cells[2].add_paragraph("b. bahwa kedua;")
    for cell, text in zip(layout.rows[1].cells, ["Mengingat", ":", "Undang-Undang Nomor 23 Tahun 2014;"]):
        cell.text = text
    data = document.add_table(rows=1, cols=2)
    data.rows[0].cells[0].text = "Kolom kiri baris satu"
    data.rows[0].cells[0].add_paragraph("kiri baris dua")
    data.rows[0].cells[1].text = "Kolom kanan"
    document.add_paragraph("MEMUTUSKAN:")
    path = tmp_path / "tabel.docx"
    document.save(str(path))
    assert extract(path).split("\n") == [
        "BUPATI BATANG,",
        "Menimbang : a. bahwa pertama;", "b. bahwa kedua;",
        "Mengingat : Undang-Undang Nomor 23 Tahun 2014;",
        "Kolom kiri baris satu", "kiri baris dua", "Kolom kanan",
        "MEMUTUSKAN:",
    ]


def test_tracked_changes_read_as_accepted_and_links_and_breaks_kept(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Pasal 1")
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> baru</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="A"><w:r><w:delText> lama</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="rId99"><w:r><w:t xml:space="preserve"> tautan</w:t></w:r></w:hyperlink>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:br/><w:t>baris kedua</w:t></w:r>'))
    path = tmp_path / "lacak.docx"
    document.save(str(path))
    assert extract(path) == "Pasal 1 baru tautan\nbaris kedua"


def test_a_docx_without_lists_or_styles_is_read(tmp_path):
    # written by other tools than Word: no numbering.xml, no styles.xml
    source, _ = write_docx(tmp_path / "lengkap.docx", ["Pasal 1", "(1) Daerah adalah Kabupaten Batang."])
    with zipfile.ZipFile(source) as archive:
        members = {item.filename: archive.read(item) for item in archive.infolist()
                   if item.filename not in ("word/numbering.xml", "word/styles.xml")}
    members["word/_rels/document.xml.rels"] = re.sub(
        rb'<Relationship [^>]*Target="(?:numbering|styles).xml"/>', b"", members["word/_rels/document.xml.rels"])
    path = _zip(tmp_path / "polos.docx", members)
    assert extract(path) == "Pasal 1\n(1) Daerah adalah Kabupaten Batang."


# --- what is refused ---------------------------------------------------------------------------


def _zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _refused(path, message):
    with pytest.raises(UnreadableFile, match=message) as caught:
        extract(path)
    assert str(path) in caught.value.message


@pytest.mark.parametrize(
    ("members", "message"),
    [({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}, "an Excel workbook, not a Word .docx"),
     ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}, "an OpenDocument file"),
     ({"catatan.txt": "Pasal 1"}, "a plain ZIP archive, not a Word .docx")],
)
def test_a_zip_that_is_no_word_document_is_refused_by_name(tmp_path, members, message):
    _refused(_zip(tmp_path / "bukan.docx", members), message)


@pytest.fixture
def nothing_unpacked(monkeypatch):
    """Fails the test if any ZIP member is opened for reading (unpacked)."""
    writing = zipfile.ZipFile.open

    def refuse_reading(self, name, mode="r", *args, **kwargs):
        assert mode != "r", f"{name} was unpacked"
        return writing(self, name, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse_reading)


def test_a_zip_bomb_by_ratio_is_refused_before_unpacking(tmp_path, nothing_unpacked):
    path = _zip(tmp_path / "bom.docx", {"[Content_Types].xml": "<Types/>", "word/document.xml": bytes(5 * 1024 * 1024)})
    _refused(path, "ZIP bomb")


def _with_directory_field(path, offset, fmt, value):
    """A small Word-like ZIP whose document.xml entry in the central directory says ``value`` at
    ``offset`` (8: flags, 10: compression method, 24: unpacked size)."""
    data = bytearray(_zip(io.BytesIO(), {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}).getvalue())
    entry = data.find(b"PK\x01\x02", data.find(b"word/document.xml") - 46)
    struct.pack_into(fmt, data, entry + offset, value)
    path.write_bytes(bytes(data))
    return path


def test_a_zip_bomb_by_declared_size_is_refused_before_unpacking(tmp_path, nothing_unpacked):
    _refused(_with_directory_field(tmp_path / "besar.docx", 24, "<I", MAX_UNPACKED + 1), "ZIP bomb")


@pytest.mark.parametrize(("offset", "value"), [(8, 0x1), (10, 9)])  # encrypted; deflate64
def test_encrypted_or_oddly_compressed_members_are_refused(tmp_path, nothing_unpacked, offset, value):
    _refused(_with_directory_field(tmp_path / "aneh.docx", offset, "<H", value), "encrypted ZIP members")


def test_a_damaged_docx_is_refused(tmp_path):
    good, _ = write_docx(tmp_path / "baik.docx", ["Pasal 1"])
    with zipfile.ZipFile(good) as source:
        members = {item.filename: source.read(item) for item in source.infolist()}
    members["word/document.xml"] = members["word/document.xml"][:200]  # cut mid-tag
    _refused(_zip(tmp_path / "rusak.docx", members), "damaged Word document")
    truncated = tmp_path / "terpotong.docx"
    truncated.write_bytes(good.read_bytes()[:400])
    _refused(truncated, "damaged ZIP/DOCX file")


def test_a_docx_without_text_is_refused(tmp_path):
    path, _ = write_docx(tmp_path / "kosong.docx", ["", "   "])
    _refused(path, "Word document without text")


def test_docstring_examples():
    result = doctest.testmod(app.ingest.docx)
    assert result.attempted and not result.failed
