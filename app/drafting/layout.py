"""A regulation laid out as it is printed: one ``PrintLine`` per line, for text and for DOCX.

Lampiran II UU 12/2011 prints the judul, ``BAB``, ``Bagian``, ``Paragraf`` and ``Pasal`` headings
centred (judul and BAB titles in capitals); Menimbang and Mengingat items after their label; ayat
and the lists inside a Pasal with their marker hanging before the text (``(1)``, ``a.``, ``1.``,
``a)``, ``1)``), each list one step further in; the signatures at the right. ``to_text`` writes
the lines as plain text that ``app.structure.parser.parse_text`` reads back to the same tree:
each node on a line of its own, a heading's title on the line after it.

>>> from app.structure.tree import Node
>>> print(to_text(Document(body=[Node("bab", "I", "KETENTUAN UMUM", children=[
...     Node("pasal", "1", children=[Node("ayat", "1", text="Dewan dibentuk.", children=[
...         Node("huruf", "a", text="ketua;")])])])]), width=0), end="")
BAB I
KETENTUAN UMUM
<BLANKLINE>
Pasal 1
(1) Dewan dibentuk.
    a. ketua;
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from app.kb.outline import label
from app.structure.tree import Document, Node

__all__ = ["PrintLine", "content_text", "node_lines", "regulation_lines", "to_text"]

CENTRED_KINDS = ("bab", "bagian", "paragraf")
INDENT = "    "


@dataclass(frozen=True)
class PrintLine:
    """One printed line. ``style``: ``title`` (centred, capitals, bold), ``heading`` (centred),
    ``para`` (a paragraph), ``item`` (``marker`` hanging before ``text``, ``level`` steps in),
    ``label`` (``Menimbang :`` / ``Mengingat :`` before an item), ``sign`` (the signature column),
    ``blank``."""

    style: str
    text: str = ""
    marker: str = ""
    level: int = 0


BLANK = PrintLine("blank")


def _lines(text: str | None, style: str) -> Iterator[PrintLine]:
    for line in (text or "").split("\n"):
        yield PrintLine(style, line.strip()) if line.strip() else BLANK


def node_lines(node: Node, *, level: int = 0, explanation: bool = False) -> Iterator[PrintLine]:
    """A node of the body (or of the Penjelasan, ``explanation``) and all below it."""
    if node.kind in CENTRED_KINDS or (node.kind == "pasal" and not explanation):
        yield BLANK
        yield PrintLine("heading", label(node))
        if node.heading:
            yield PrintLine("heading", node.heading)
        if node.text:
            yield PrintLine("para", node.text)
        children_level = 0
    elif node.kind == "pasal" or node.kind in ("umum", "pasal-demi-pasal"):  # the Penjelasan's parts
        yield PrintLine("para", node.heading or label(node), level=level)
        if node.text:
            yield PrintLine("para", node.text, level=level + 1)
        children_level = level + 1
    elif node.kind == "teks":
        if node.heading:
            yield from _lines(node.heading, "title")
        if node.text:
            yield PrintLine("para", node.text, level=level)
        children_level = level
    elif explanation:  # "Ayat (1)", "Huruf a" explained
        yield PrintLine("para", f"{node.kind.capitalize()} {label(node) if node.kind == 'ayat' else node.num}",
                        level=level)
        if node.text:
            yield PrintLine("para", node.text, level=level + 1)
        children_level = level + 1
    else:
        yield PrintLine("item", node.text, marker=label(node), level=level)
        children_level = level + 1
    for child in node.children:
        yield from node_lines(child, level=children_level, explanation=explanation)


def _text(lines: Iterator[PrintLine] | list[PrintLine], *, width: int) -> list[str]:
    rows: list[str] = []
    for line in lines:
        if line.style == "blank":
            if rows and rows[-1]:
                rows.append("")
        elif line.style in ("title", "heading"):
            rows.append(line.text.center(width).rstrip() if width else line.text)
        elif line.style == "item":
            rows.append(f"{INDENT * line.level}{line.marker} {line.text}".rstrip())
        elif line.style == "label":
            rows.append(f"{line.marker} {line.text}".rstrip())
        else:
            rows.append(f"{INDENT * line.level}{line.text}")
    while rows and not rows[0]:
        rows.pop(0)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def content_text(node: Node) -> str:
    """What a Pasal holds, as ``to_text`` prints it under its heading (the form a drafter edits).

    >>> print(content_text(Node("pasal", "3", children=[Node("ayat", "1", text="Satu."), Node("ayat", "2", text="Dua.")])))
    (1) Satu.
    (2) Dua.
    """
    lines = [line for line in node_lines(node) if not (line.style == "heading" and line.text == label(node))]
    return "\n".join(_text(lines, width=0))


def regulation_lines(document: Document) -> list[PrintLine]:
    """The whole regulation: judul and pembukaan, body, penutup, Penjelasan, each part's lines."""
    out: list[PrintLine] = [*_lines(document.pembukaan, "title"), BLANK]
    for head, items in (("Menimbang", [(f"{i.num}.", i.text) for i in document.menimbang]),
                        ("Mengingat", [(f"{c.num}.", c.text) for c in document.mengingat])):
        for i, (marker, text) in enumerate(items):
            out.append(PrintLine("label", text, marker=f"{head} : {marker}" if i == 0 else marker))
        out.append(BLANK)
    if document.persetujuan:
        out += [*_lines(document.persetujuan, "heading"), BLANK]
    out += [*_lines(document.diktum, "para")]
    for node in document.body:
        out += node_lines(node)
    out += [BLANK, *_lines(document.penutup, "sign")]
    if document.penjelasan:
        out.append(BLANK)
        for node in document.penjelasan:
            out += [*node_lines(node, explanation=True), BLANK]
        if document.metadata.tambahan:
            out.append(PrintLine("para", document.metadata.tambahan))
    return out


def to_text(document: Document, *, width: int = 90) -> str:
    """Plain text, headings centred within ``width`` characters (0: not centred)."""
    return "\n".join(_text(regulation_lines(document), width=width)) + "\n"
