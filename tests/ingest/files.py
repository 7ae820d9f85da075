"""Regulation files built in the tests from the specimen texts (PDF, DOCX, HTML), and the check
that such a file parses into the same tree as the text it was built from."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.structure.parser import parse_text
from app.structure.tree import Document, Node

SPECIMENS = Path(__file__).resolve().parents[3] / "shared" / "specimens"
SPECIMEN_NAMES = sorted(path.stem for path in SPECIMENS.glob("*.txt"))
LINES_PER_PAGE = 50
_AYAT_LINE_RE = re.compile(r"^\s*\((?P<num>\d+)\)\s+(?P<text>.*)$")


def specimen_text(name: str) -> str:
    return (SPECIMENS / f"{name}.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def parsed_specimen(name: str) -> Document:
    return parse_text(specimen_text(name))


# --- building files ---------------------------------------------------------------------------


def write_pdf(path: Path, lines: list[str], *, lines_per_page: int = LINES_PER_PAGE, **options) -> Path:
    """One text line per PDF line in a monospace font, a new page every ``lines_per_page``
    lines; ``options`` go to reportlab's Canvas (``encrypt=...``)."""
    pdf = canvas.Canvas(str(path), pagesize=A4, **options)
    for start in range(0, len(lines), lines_per_page):
        text = pdf.beginText(30, 800)
        text.setFont("Courier", 8)
        for line in lines[start:start + lines_per_page]:
            text.textLine(line)
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def write_docx(path: Path, lines: list[str], *, numbered_ayat: bool = False) -> tuple[Path, int]:
    """One paragraph per line. With ``numbered_ayat`` the ayat numbers ``(1)`` are not typed but
    made by Word's automatic numbering ("(%1)", a list restarted at each ``(1)``). Returns the
    path and the number of automatically numbered paragraphs."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/>'
        '<w:suff w:val="space"/></w:lvl></w:abstractNum>'
    ))
    num_id, numbered = None, 0
    for line in lines:
        match = _AYAT_LINE_RE.match(line) if numbered_ayat else None
        if match is None:
            document.add_paragraph(line)
            continue
        if match["num"] == "1" or num_id is None:
            num = numbering.add_num(90)
            num.add_lvlOverride(ilvl=0).add_startOverride(int(match["num"]))
            num_id = num.numId
        numpr = document.add_paragraph(match["text"])._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = num_id
        numbered += 1
    document.save(str(path))
    return path, numbered


def html_page(lines: list[str], *, charset: str = "utf-8") -> str:
    """An HTML rendering as a JDIH site serves it: a navigation menu and a script around the
    text, one ``<p>`` per line, every character outside ASCII as an entity."""
    paragraphs = "\n".join(
        f"<p>{html.escape(line).encode('ascii', 'xmlcharrefreplace').decode('ascii')}</p>" for line in lines if line.strip()
    )
    return (
        f'<!DOCTYPE html>\n<html lang="id"><head><meta charset="{charset}"><title>JDIH - Pasal 97 judul</title>'
        "<style>p { margin: 0 } /* Pasal 96 gaya */</style></head>\n<body>\n"
        '<nav><ul><li><a href="/">Beranda</a></li><li><a href="/perbup">BAB X Peraturan Bupati</a></li>'
        '<li><a href="/cari">Pasal 98 Pencarian</a></li></ul></nav>\n'
        f'<main><article class="isi">\n{paragraphs}\n</article></main>\n'
        '<script>var menu = "Pasal 99 (1) palsu"; if (a < b && c > d) { tampil(); }</script>\n'
        "</body></html>\n"
    )


# --- comparing trees --------------------------------------------------------------------------


def _body_nodes(document: Document) -> list[Node]:
    return [node for top in document.body for node in top.walk()]


def pasal_numbers(document: Document) -> list[str | None]:
    return [node.num for node in _body_nodes(document) if node.kind == "pasal"]


def ayat_per_pasal(document: Document) -> dict[str, list[str | None]]:
    return {node.id: [child.num for child in node.children if child.kind == "ayat"]
            for node in _body_nodes(document) if node.kind == "pasal"}


def definitions(document: Document) -> list[tuple[str, str, str]]:
    return [(item.term, item.definition, item.provision_id) for item in document.definitions]


def assert_same_tree(document: Document, name: str) -> None:
    """``document`` (parsed from a file built from specimen ``name``) has the specimen's tree."""
    expected = parsed_specimen(name)
    assert pasal_numbers(expected), "the specimen has Pasal"  # so the comparisons below mean something
    assert pasal_numbers(document) == pasal_numbers(expected)
    assert ayat_per_pasal(document) == ayat_per_pasal(expected)
    assert definitions(document) == definitions(expected)
    assert [node.id for node in _body_nodes(document)] == [node.id for node in _body_nodes(expected)]
    assert [(node.heading, node.text) for node in _body_nodes(document)] == [
        (node.heading, node.text) for node in _body_nodes(expected)]
