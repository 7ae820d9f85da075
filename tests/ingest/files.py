"""Regulation files built in the tests from the specimen texts (PDF, DOCX, HTML), and the check
that such a file parses into the same tree as the text it was built from."""

from __future__ import annotations

import html
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.structure.parser import parse_text
from app.structure.tree import Document, Node

SPECIMENS = Path(__file__).resolve().parents[3] / "shared" / "specimens"
SPECIMEN_NAMES = sorted(path.stem for path in SPECIMENS.glob("*.txt"))
LINES_PER_PAGE = 50
#: the font of the pages the OCR tests scan: printed at 11 pt, as regulations are (8 pt Courier is unfair to OCR)
SCAN_FONT, SCAN_SIZE = "Helvetica", 11
_AYAT_LINE_RE = re.compile(r"^\s*\((?P<num>\d+)\)\s+(?P<text>.*)$")


def specimen_text(name: str) -> str:
    return (SPECIMENS / f"{name}.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def parsed_specimen(name: str) -> Document:
    return parse_text(specimen_text(name))


# --- building files ---------------------------------------------------------------------------


def write_pdf(path: Path, lines: list[str], *, lines_per_page: int = LINES_PER_PAGE, font: str = "Courier",
              size: float = 8, **options) -> Path:
    """One text line per PDF line (in a monospace font, small, unless told otherwise), a new page
    every ``lines_per_page`` lines; ``options`` go to reportlab's Canvas (``encrypt=...``)."""
    pdf = canvas.Canvas(str(path), pagesize=A4, **options)
    for start in range(0, len(lines), lines_per_page):
        text = pdf.beginText(30, 800)
        text.setFont(font, size, leading=size * 1.2)
        for line in lines[start:start + lines_per_page]:
            text.textLine(line)
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def scan(lines: list[str], folder: Path, *, lines_per_page: int = LINES_PER_PAGE) -> list[Path]:
    """``lines`` printed as a PDF in a readable font (Helvetica 11) and that PDF's pages as 300 dpi
    grayscale images (``page_images``): what a scanner makes of a printed regulation."""
    folder.mkdir(parents=True, exist_ok=True)
    printed = write_pdf(folder / "dicetak.pdf", lines, lines_per_page=lines_per_page, font=SCAN_FONT, size=SCAN_SIZE)
    return page_images(printed, folder / "pindaian")


def page_images(pdf: Path, folder: Path, *, dpi: int = 300) -> list[Path]:
    """The PDF's pages as grayscale images printed by poppler's ``pdftoppm`` (not by PDFium, which
    Selaras itself renders with): PGM files in ``folder``, in page order."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.pgm"))


def write_scanned_pdf(path: Path, images: list[Path], *, dpi: int = 300, text_first: list[str] | None = None) -> Path:
    """A PDF of page images without any text layer, as a scanner makes it, each image filling a
    page of its size at ``dpi``; with ``text_first``, a first page with those lines as text."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    if text_first:
        text = pdf.beginText(30, 800)
        text.setFont("Helvetica", 11, leading=13)
        for line in text_first:
            text.textLine(line)
        pdf.drawText(text)
        pdf.showPage()
    for image in images:
        with Image.open(image) as page:
            width, height = page.width * 72 / dpi, page.height * 72 / dpi
        pdf.setPageSize((width, height))
        pdf.drawImage(str(image), 0, 0, width, height)
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


def recovered(document: Document, name: str) -> tuple[float, float]:
    """The shares of specimen ``name``'s Pasal and of its ayat that ``document`` has, each found by
    its id (``pasal-5``, ``pasal-5`` + ayat ``2``): what OCR recovered of the structure."""
    expected, found = ayat_per_pasal(parsed_specimen(name)), ayat_per_pasal(document)
    pasal = sum(1 for pasal_id in expected if pasal_id in found) / len(expected)
    wanted = {(pasal_id, num) for pasal_id, nums in expected.items() for num in nums}
    got = {(pasal_id, num) for pasal_id, nums in found.items() for num in nums}
    return pasal, len(wanted & got) / len(wanted)


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
