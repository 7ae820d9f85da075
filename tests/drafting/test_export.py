"""Tests for app.drafting.export: the DOCX as printed (and read back by Selaras itself), the plain
text, and the comparison matrix as HTML and DOCX."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from app.drafting.adapt import maker, target
from app.drafting.assemble import Assembled, assemble
from app.drafting.export import FORMATS, matrix_docx, matrix_html, report_lines, to_docx, to_html, write
from app.drafting.plan import pieces_of, plan_from
from app.kb.ingest import parse_file
from app.structure.parser import parse_text
from app.structure.tree import Node, own_pasal
from tests.drafting.specimens import batang, jateng

PERDA_JATENG = target(jenis="Perda Provinsi", daerah="Provinsi Jawa Tengah")


def shape(nodes: list[Node]) -> list[tuple]:
    return [(n.kind, n.num, n.heading, n.text, shape(n.children)) for n in nodes]


@pytest.fixture(scope="module")
def draft() -> Assembled:
    """Batang's Perbup as a Perda of Jawa Tengah, with Jawa Tengah's Pasal 43 (its reference to
    Pasal 20 dangling) and an edited Pasal."""
    plan = plan_from(batang(), target=PERDA_JATENG, frame="perbup-batang-2019-23", regulation_id="perbup-batang-2019-23",
                     tahun=2025)
    plan.pieces[-1:-1] = pieces_of(jateng(), frame="perda-prov-jawa-tengah-2019-11", picks=["pasal-43"],
                                   with_groups=False, regulation_id="perda-prov-jawa-tengah-2019-11",
                                   maker=maker(jenis="Peraturan Daerah Provinsi", daerah="Provinsi Jawa Tengah"))
    edited = next(p for p in plan.pieces if p.origin and p.origin.node_id == "pasal-2")
    edited.own, edited.original = True, edited.node
    edited.node = parse_text("Pasal 1\nMaksud <Peraturan> Daerah ini adalah pedoman & acuan.").body[0]
    return assemble(plan)


def test_the_docx_opens_and_holds_every_pasal(draft: Assembled, tmp_path: Path) -> None:
    data = to_docx(draft)
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    numbers = [n.num for n in own_pasal(draft.document.body)]
    assert [t for t in texts if t.startswith("Pasal ")] == [f"Pasal {n}" for n in numbers] + [
        f"Pasal {n}" for n in numbers]  # the body, then the Penjelasan's "Pasal N Cukup jelas."
    assert "PERATURAN DAERAH PROVINSI JAWA TENGAH" in texts and "BAB XII" in texts
    assert "LEMBARAN DAERAH PROVINSI JAWA TENGAH TAHUN 2025 NOMOR ..." in texts
    path = tmp_path / "rancangan.docx"
    path.write_bytes(data)
    assert shape(parse_file(path).body) == shape(draft.document.body)  # Selaras reads its own DOCX back


def test_the_docx_is_laid_out_as_regulations_are_printed(draft: Assembled) -> None:
    document = docx.Document(io.BytesIO(to_docx(draft)))
    by_text = {p.text: p for p in document.paragraphs}
    title = by_text["PENYELENGGARAAN SMART CITY PROVINSI JAWA TENGAH"]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].bold
    assert by_text["BAB I"].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert by_text["KETENTUAN UMUM"].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert next(p for p in document.paragraphs if p.text == "Pasal 16").alignment == WD_ALIGN_PARAGRAPH.CENTER
    ayat = next(p for p in document.paragraphs if p.text.startswith("(1)\tDalam rangka Penyelenggaraan Smart City"))
    huruf = next(p for p in document.paragraphs if p.text.startswith("a.\tDewan Smart City; dan"))
    for paragraph, level in ((ayat, 1), (huruf, 2)):  # a hanging indent, one step further in for each list
        fmt = paragraph.paragraph_format
        assert fmt.first_line_indent < 0 and fmt.left_indent == -fmt.first_line_indent * level
    assert document.styles["Normal"].font.name == "Bookman Old Style"


def test_the_text_export_parses_back(draft: Assembled) -> None:
    text = write(draft, "txt").decode("utf-8")
    assert shape(parse_text(text).body) == shape(draft.document.body)
    assert "Maksud <Peraturan> Daerah ini adalah pedoman & acuan." in text


def test_the_matrix_as_html_escapes_text_and_shows_each_pasal(draft: Assembled) -> None:
    page = matrix_html(draft)
    assert page.startswith("<!DOCTYPE html>") and page.count("<tr>") == len(draft.rows) + 1
    assert "Maksud &lt;Peraturan&gt; Daerah ini adalah pedoman &amp; acuan." in page
    assert "<Peraturan>" not in page
    assert "perbup-batang-2019-23/pasal-16" in page and "perda-prov-jawa-tengah-2019-11/pasal-43" in page
    assert "Bupati → Gubernur (kepala-daerah)" in page
    assert "Perlu keputusan [rujukan-terputus]" in page
    assert "<del>" in page and "<ins>" in page  # the drafter's edit shown as a word diff of the source
    assert "Baru: ditulis untuk rancangan" not in page  # every Pasal here has a source
    assert "[bagian-perda]" in page  # the draft's own notes


def test_the_matrix_as_docx_is_one_row_per_pasal(draft: Assembled) -> None:
    document = docx.Document(io.BytesIO(matrix_docx(draft)))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Rancangan", "Sumber", "Perubahan"]
    assert len(table.rows) == len(draft.rows) + 1
    row = table.rows[16].cells
    assert row[0].text.startswith("Pasal 16\n(1) Dalam rangka Penyelenggaraan Smart City, Gubernur membentuk:")
    assert row[1].text.startswith("perbup-batang-2019-23/pasal-16\n(1) Dalam rangka Penyelenggaraan Smart City, Bupati")
    assert "Bupati → Gubernur (kepala-daerah)" in row[2].text


def test_every_format_writes_bytes(draft: Assembled) -> None:
    for output_format in FORMATS:
        assert write(draft, output_format)


def test_the_html_is_laid_out_and_escaped(draft: Assembled) -> None:
    page = to_html(draft)
    assert "<title>Rancangan Peraturan Daerah Provinsi Jawa Tengah tentang Penyelenggaraan Smart City Provinsi Jawa " \
           "Tengah</title>" in page
    assert '<p class="heading">Pasal 16</p>' in page
    assert '<p class="item" style="margin-left:4em"><span class="m">a.</span>Dewan Smart City; dan</p>' in page
    assert "pedoman &amp; acuan" in page and "<Peraturan>" not in page


def test_report_lines_list_every_change_and_flag(draft: Assembled) -> None:
    lines = report_lines(draft)
    assert lines[1] == f"{len(draft.rows)} Pasal, 12 BAB; {len(draft.changes)} perubahan (changes), " \
                       f"{len(draft.flags)} perlu keputusan (flags)"
    assert len(lines) == 2 + 2 + len(draft.changes) + 2 + len(draft.flags)
