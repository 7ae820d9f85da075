"""Word documents (.docx) -> str: the paragraphs in order, with the numbers Word prints.

Read with ``python-docx``. Before anything is decompressed, the ZIP's directory is checked:
a ZIP that is no Word document (an XLSX, an ODT, a plain ZIP) is refused by name, and one that
would unpack to more than ``MAX_UNPACKED`` bytes, or with a member packed more than
``MAX_RATIO`` times (a ZIP bomb), is refused. Python's ``zipfile`` never unpacks more than the
size a member declares, so the declared sizes are a bound.

- Body paragraphs, tables and content controls are read in document order; a paragraph of an
  automatic list gets the label Word prints before it (``(1)``, ``a.``: ``app.ingest.numbering``).
- Tracked changes are read as accepted: inserted text is kept, deleted text left out.
- A table is read row by row, each cell's paragraphs in turn; cells of one line are joined to
  the next cell's first line, so a layout row ``Menimbang | : | a. bahwa ...`` reads as it prints.
- Headers, footers, footnotes, comments and text boxes are not read.

>>> cells_to_lines([["Menimbang"], [":"], ["a. bahwa ...;", "b. bahwa ...;"]])
['Menimbang : a. bahwa ...;', 'b. bahwa ...;']
"""

from __future__ import annotations

import logging
import zipfile
import zlib
from pathlib import Path
from typing import Any, Iterator

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from app.errors import UnreadableFile
from app.ingest.numbering import Numbering

logger = logging.getLogger(__name__)

Element = Any  # an lxml element of python-docx's tree

MAX_UNPACKED = 200 * 1024 * 1024  # bytes, all members together
MAX_RATIO = 100                   # unpacked / packed size of one member ...
RATIO_FROM = 1024 * 1024          # ... checked for members larger than this
_MAIN_PART = "word/document.xml"
#: a member that tells what else a ZIP is (Indonesian, English)
_OTHER_KINDS = (
    ("xl/workbook.xml", "XLSX (lembar kerja Excel)", "an Excel workbook"),
    ("ppt/presentation.xml", "PPTX (presentasi PowerPoint)", "a PowerPoint presentation"),
    ("content.xml", "OpenDocument (ODT/ODS)", "an OpenDocument file"),
)
_ENCRYPTED = 0x1  # general purpose flag bit 0 of a ZIP member
_WORD_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_HIDDEN = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr")}  # never part of the text shown


def extract(path: Path) -> str:
    """The text of the Word document at ``path``; UnreadableFile for a ZIP bomb, a ZIP that is
    no Word document, a damaged file or one without text."""
    check_container(path)
    try:
        document = docx.Document(str(path))
        numbering = Numbering(_numbering_root(document), document.styles.element)
        lines = list(_block_lines(document.element.body, numbering))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError,
            etree.XMLSyntaxError) as error:
        logger.debug("cannot read %s", path, exc_info=True)
        raise UnreadableFile(f"DOCX rusak (damaged Word document: {type(error).__name__}): {path}") from None
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise UnreadableFile(f"Dokumen Word tanpa teks (Word document without text): {path}")
    return text


def check_container(path: Path) -> None:
    """UnreadableFile unless ``path`` is a ZIP holding a Word document and no ZIP bomb; reads
    the ZIP's directory only."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableFile(f"Berkas ZIP/DOCX rusak (damaged ZIP/DOCX file): {path}") from None
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED or any(
        member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1)
        for member in members
    ):
        limit_mb = MAX_UNPACKED // (1024 * 1024)
        raise UnreadableFile(
            f"Berkas ZIP/DOCX ditolak sebagai bom ZIP: lebih dari {limit_mb} MB bila dibuka, atau isinya "
            f"dimampatkan lebih dari {MAX_RATIO} kali (refused as a ZIP bomb: it declares {unpacked} bytes "
            f"unpacked; at most {limit_mb} MB, and at most {MAX_RATIO} times its packed size per member): {path}"
        )
    names = {member.filename for member in members}
    if _MAIN_PART not in names:
        kind_id, kind_en = next(((ind, en) for marker, ind, en in _OTHER_KINDS if marker in names),
                                ("ZIP biasa", "a plain ZIP archive"))
        raise UnreadableFile(
            f"Berkas ini {kind_id}, bukan dokumen Word .docx (this is {kind_en}, not a Word .docx document): {path}"
        )
    if any(member.flag_bits & _ENCRYPTED or member.compress_type not in _WORD_COMPRESSIONS for member in members):
        raise UnreadableFile(
            f"Isi ZIP/DOCX terenkripsi atau dimampatkan dengan cara yang tidak dikenal "
            f"(encrypted ZIP members, or a compression Word does not use): {path}"
        )


def cells_to_lines(cells: list[list[str]]) -> list[str]:
    """One table row's cells (each its lines) -> lines: cells of one line join the next cell's
    first line; a cell of several lines keeps them."""
    lines: list[str] = []
    pending: list[str] = []
    for cell in cells:
        cell = [line for line in cell if line.strip()]
        if len(cell) == 1:
            pending.append(cell[0].strip())
        elif cell:
            lines.append(" ".join([*pending, cell[0].strip()]))
            lines.extend(cell[1:])
            pending = []
    if pending:
        lines.append(" ".join(pending))
    return lines


def _numbering_root(document: Any) -> Element | None:
    """The ``w:numbering`` root of ``numbering.xml``, None for a document without lists."""
    try:
        return document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:
        return None


def _block_lines(container: Element, numbering: Numbering) -> Iterator[str]:
    """The lines of the paragraphs and tables in ``container`` (the body, a cell, a control)."""
    for child in container:
        if child.tag == qn("w:p"):
            label = numbering.label(child)
            yield from ((label or "") + _shown_text(child)).split("\n")
        elif child.tag == qn("w:tbl"):
            for row in child.iterfind(qn("w:tr")):
                yield from cells_to_lines([list(_block_lines(cell, numbering)) for cell in row.iterfind(qn("w:tc"))])
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _block_lines(content, numbering)
        elif child.tag == qn("w:customXml"):
            yield from _block_lines(child, numbering)


def _shown_text(element: Element) -> str:
    """The text of the runs in ``element`` (a paragraph, a link, an insertion ...), as shown."""
    parts = []
    for child in element:
        if child.tag == qn("w:r"):
            parts.append(child.text)  # python-docx: w:t, tabs and breaks, never deleted text
        elif child.tag not in _HIDDEN:
            parts.append(_shown_text(child))
    return "".join(parts)
