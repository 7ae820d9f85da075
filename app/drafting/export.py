"""An assembled draft written out: plain text, DOCX and HTML as regulations are printed, and the comparison
matrix (draft provision | source provision | change) as HTML and DOCX for the Naskah Akademik.

The DOCX follows Lampiran II UU 12/2011: Bookman Old Style 12 pt; judul, BAB, Bagian, Paragraf
and Pasal headings centred (the judul in bold capitals); Menimbang and Mengingat items hanging
after their label; ayat and list items with their marker hanging before the text, each list one
step further in; the signatures in the right half. The plain text is ``layout.to_text``, which
``app.structure.parser.parse_text`` reads back to the same tree.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from app.compare.diff import word_diff
from app.compare.report import STYLE
from app.drafting.assemble import Assembled, Row
from app.drafting.layout import PrintLine, regulation_lines, to_text

__all__ = ["FORMATS", "matrix_docx", "matrix_html", "report_lines", "to_docx", "to_html", "to_text", "write"]

FONT = "Bookman Old Style"
STEP = Cm(1)                # one step in, for each level of a list
COLON = Cm(3.2)             # the ":" after "Menimbang" and "Mengingat"
MARK = Cm(3.7)              # their items' markers ("a.", "1."), the text one STEP further
SIGN = Cm(8.5)              # where the signature column starts
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _styled(document: WordDocument) -> WordDocument:
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(12)
    style.paragraph_format.space_after = Pt(0)
    return document


def _paragraph(document: WordDocument, line: PrintLine) -> Paragraph:
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    if line.style in ("title", "heading"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line.text).bold = line.style == "title"
    elif line.style == "item":
        indent = STEP * (line.level + 1)
        fmt.left_indent, fmt.first_line_indent = indent, -STEP
        fmt.tab_stops.add_tab_stop(indent)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.add_run(f"{line.marker}\t{line.text}")
    elif line.style == "label":  # "Menimbang : a." on the first item, "b." after it
        head, _, marker = line.marker.rpartition(" ")
        fmt.left_indent, fmt.first_line_indent = MARK + STEP, -(MARK + STEP)
        for stop in (COLON, MARK, MARK + STEP):
            fmt.tab_stops.add_tab_stop(stop)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.add_run(f"{head.removesuffix(' :')}\t:\t{marker}\t{line.text}" if head else f"\t\t{marker}\t{line.text}")
    elif line.style == "sign":
        fmt.left_indent = SIGN
        paragraph.add_run(line.text)
    else:
        fmt.left_indent = STEP * line.level
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.add_run(line.text)
    return paragraph


def to_docx(assembled: Assembled) -> bytes:
    """The draft as a Word document, laid out as regulations are printed."""
    document = _styled(WordDocument())
    previous = "blank"
    for line in regulation_lines(assembled.document):
        if line.style == "blank":
            if previous != "blank":
                document.add_paragraph()
        else:
            _paragraph(document, line)
        previous = line.style
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_HTML_STYLE = """
body{font-family:"Bookman Old Style",Georgia,serif;max-width:48em;margin:2em auto;color:#111;line-height:1.4}
p{margin:0}.blank{height:1em}.title{text-align:center;font-weight:bold}.heading{text-align:center}
.para,.item,.label{text-align:justify}.item{text-indent:-2em}.label{padding-left:9em;text-indent:-9em}
.sign{margin-left:55%}.m{display:inline-block;min-width:2em;text-indent:0}
.label .m{min-width:8.5em;text-align:right;margin-right:.5em}
@media print{body{margin:0}}
"""


def _html_line(line: PrintLine) -> str:
    text = html.escape(line.text)
    if line.style == "blank":
        return '<p class="blank"></p>'
    if line.style == "item":
        return (f'<p class="item" style="margin-left:{2 * (line.level + 1)}em"><span class="m">'
                f"{html.escape(line.marker)}</span>{text}</p>")
    if line.style == "label":
        return f'<p class="label"><span class="m">{html.escape(line.marker)}</span> {text}</p>'
    margin = f' style="margin-left:{2 * line.level}em"' if line.level else ""
    return f'<p class="{line.style}"{margin}>{text}</p>'


def _name(assembled: Assembled) -> str:
    """``Rancangan Peraturan Daerah Provinsi Jawa Tengah tentang ...``, ``Rancangan Peraturan Bupati Kendal ...``."""
    meta = assembled.document.metadata
    daerah = meta.daerah or ""
    kind = f"Peraturan Daerah {daerah}" if (meta.jenis or "").startswith("Peraturan Daerah") else \
        f"{meta.jenis} {daerah.split(' ', 1)[-1]}"
    return f"Rancangan {kind} tentang {(meta.judul or '').title()}"


def to_html(assembled: Assembled) -> str:
    """The draft as one HTML page laid out as it is printed (every text escaped)."""
    title = html.escape(_name(assembled))
    body = "\n".join(_html_line(line) for line in regulation_lines(assembled.document))
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<style>{_HTML_STYLE}</style></head><body>
{body}
</body></html>
"""


# --- the comparison matrix --------------------------------------------------------------------


def _change_lines(row: Row) -> list[str]:
    """What happened to a Pasal on its way into the draft, one line each."""
    if row.source is None:
        lines = ["Baru: ditulis untuk rancangan (new)."]
    elif row.own:
        lines = ["Diubah penyusun (edited by the drafter)."]
    else:
        lines = [f"{c.before} → {c.after} ({c.rule}{f', {c.count}×' if c.count > 1 else ''})" for c in row.changes]
        lines = lines or ["Tanpa perubahan (unchanged)."]
    return lines + [f"Perlu keputusan [{f.reason}]: {f.message} ({f.excerpt})" for f in row.flags]


def _title(assembled: Assembled) -> str:
    return f"Matriks perbandingan: {_name(assembled)}"


def _cell_html(text: str | None) -> str:
    return "<br>".join(html.escape(line) for line in (text or "").split("\n"))


def _diff_html(before: str, after: str) -> str:
    """A word diff in one cell: words only in the source struck, words only in the draft underlined."""
    marks: dict[str, Callable[[str], str]] = {"equal": lambda t: t, "delete": lambda t: f"<del>{t}</del>",
                                              "insert": lambda t: f"<ins>{t}</ins>"}
    return " ".join(marks[part.op](html.escape(part.text)) for part in word_diff(before, after))


def matrix_html(assembled: Assembled) -> str:
    """The matrix as one self-contained HTML page (every text escaped)."""
    rows = []
    for row in assembled.rows:
        change = "<br>".join(html.escape(line) for line in _change_lines(row))
        if row.own and row.source_text:
            change += f"<br>{_diff_html(row.source_text, row.text)}"
        rows.append(f"<tr><td><b>{html.escape(row.label)}</b><br>{_cell_html(row.text)}</td>"
                    f"<td><b>{html.escape(row.source or '-')}</b><br>{_cell_html(row.source_text)}</td>"
                    f"<td>{change}</td></tr>")
    general = "".join(f"<li>{html.escape(f'[{f.reason}] {f.message} ({f.excerpt})')}</li>"
                      for f in assembled.flags if not f.provision.startswith(("pasal", "bab"))) or "<li>-</li>"
    title = html.escape(_title(assembled))
    body = "\n".join(rows)
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<style>{STYLE}</style></head><body>
<h1>{title}</h1>
<h2>Catatan rancangan</h2>
<ul>{general}</ul>
<h2>Pasal demi Pasal</h2>
<table><tr><th>Rancangan</th><th>Sumber</th><th>Perubahan</th></tr>
{body}
</table>
</body></html>
"""


def _cell_text(cell, lines: list[str], *, bold_first: bool = False) -> None:  # noqa: ANN001 (python-docx cell)
    cell.text = ""
    for i, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        paragraph.add_run(line).bold = bold_first and i == 0


def matrix_docx(assembled: Assembled) -> bytes:
    """The matrix as a Word table (landscape page), ready to go into a Naskah Akademik."""
    document = _styled(WordDocument())
    section = document.sections[0]
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(_title(assembled), level=1)
    general = [f"[{f.reason}] {f.message} ({f.excerpt})" for f in assembled.flags
               if not f.provision.startswith(("pasal", "bab"))]
    for line in general:
        document.add_paragraph(line, style="List Bullet")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, head in zip(table.rows[0].cells, ("Rancangan", "Sumber", "Perubahan")):
        _cell_text(cell, [head], bold_first=True)
    for row in assembled.rows:
        cells = table.add_row().cells
        _cell_text(cells[0], [row.label, *row.text.split("\n")], bold_first=True)
        _cell_text(cells[1], [row.source or "-", *(row.source_text or "").split("\n")], bold_first=True)
        _cell_text(cells[2], _change_lines(row))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_lines(assembled: Assembled) -> list[str]:
    """For a terminal: what the draft is, then every change made and every flag raised, a line each."""
    document = assembled.document
    babs = sum(1 for node in document.body if node.kind == "bab")
    lines = [_name(assembled), f"{len(assembled.rows)} Pasal, {babs} BAB; {len(assembled.changes)} perubahan (changes), "
                               f"{len(assembled.flags)} perlu keputusan (flags)", "", "Perubahan (changes):"]
    lines += [f"  {c.provision}  {c.before} -> {c.after}  [{c.rule}]{f' {c.count}x' if c.count > 1 else ''}"
              for c in assembled.changes] or ["  -"]
    lines += ["", "Perlu keputusan (flags):"]
    lines += [f"  {f.provision}  [{f.reason}] {f.excerpt}: {f.message}" for f in assembled.flags] or ["  -"]
    return lines


#: format -> (writer, media type, file suffix)
FORMATS: dict[str, tuple[Callable[[Assembled], str | bytes], str, str]] = {
    "docx": (to_docx, DOCX, ".docx"),
    "txt": (lambda assembled: to_text(assembled.document), "text/plain; charset=utf-8", ".txt"),
    "html": (to_html, "text/html; charset=utf-8", ".html"),
    "matrix": (matrix_html, "text/html; charset=utf-8", ".html"),
    "matrix-docx": (matrix_docx, DOCX, ".docx"),
}


def write(assembled: Assembled, output_format: str) -> bytes:
    """The draft in ``output_format`` (a key of ``FORMATS``) as bytes (text in UTF-8)."""
    writer = FORMATS[output_format][0]
    written = writer(assembled)
    return written.encode("utf-8") if isinstance(written, str) else written

