"""A regulation's tree as indented, wrapped plain text, for a terminal.

Works on any node with ``kind``, ``num``, ``heading``, ``text`` and ``children`` (the parser's
``Node`` and the API's ``ProvisionNode`` alike). Groupings (BAB, Bagian, Paragraf, Pasal,
Lampiran) take a line of their own; ayat and enumerations start with their marker, and their
text wraps under its own first letter:

>>> from app.structure.tree import Node
>>> tree = [Node("bab", "I", "KETENTUAN UMUM", children=[Node("pasal", "1", children=[
...     Node("ayat", "1", text="Smart city diselenggarakan oleh Pemerintah Daerah secara terpadu."),
... ])])]
>>> print("\\n".join(outline_lines(tree, width=40)))
BAB I KETENTUAN UMUM
  Pasal 1
    (1) Smart city diselenggarakan oleh
        Pemerintah Daerah secara
        terpadu.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any, Iterable, Protocol, Sequence

INDENT = "  "
_REGION_PREFIX = re.compile(r"^\s*(provinsi|propinsi|kabupaten|kab\.?|kota)\s+", re.I)
_GROUPS = {"bab", "bagian", "paragraf", "pasal", "lampiran", "umum"}


class Numbered(Protocol):
    kind: str
    num: str | None


class TreeNode(Numbered, Protocol):
    heading: str | None
    text: str
    children: Sequence[Any]


def label(node: Numbered) -> str:
    """The marker a node is printed with: ``BAB I``, ``Bagian Kesatu``, ``Pasal 5A``, ``(2)``, ``a.``, ``1)``.

    >>> from app.structure.tree import Node
    >>> [label(Node(k, n)) for k, n in [("bab", "IV"), ("ayat", "2"), ("huruf", "b"), ("subangka", "1"), ("teks", None)]]
    ['BAB IV', '(2)', 'b.', '1)', '']
    """
    num = node.num or ""
    kind = node.kind
    if kind == "bab":
        return f"BAB {num}".strip()
    if kind in {"bagian", "paragraf", "pasal"}:
        return f"{kind.capitalize()} {num}".strip()
    if kind == "lampiran":
        return f"LAMPIRAN {num}".strip()
    if kind == "umum":
        return f"{num}. UMUM" if num else "UMUM"
    if kind == "ayat":
        return f"({num})" if num else ""
    if kind in {"huruf", "angka", "perubahan"}:
        return f"{num}." if num else ""
    if kind in {"subhuruf", "subangka"}:
        return f"{num})" if num else ""
    if kind == "teks":
        return ""
    return f"{kind} {num}".strip()


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def outline_lines(nodes: Iterable[TreeNode], *, width: int = 100, depth: int = 0) -> list[str]:
    """The nodes and everything under them, one wrapped paragraph per node, indented by depth."""
    lines: list[str] = []
    width = max(width, 30)
    for node in nodes:
        indent = INDENT * depth
        mark = label(node)
        text = _flat(node.text)
        if node.kind in _GROUPS:
            title = " ".join(part for part in (mark, _flat(node.heading)) if part)
            lines.extend(textwrap.wrap(title, width, initial_indent=indent, subsequent_indent=indent + INDENT) or [indent])
            if text:
                inner = indent + INDENT
                lines.extend(textwrap.wrap(text, width, initial_indent=inner, subsequent_indent=inner))
        else:
            heading = _flat(node.heading)
            body = " ".join(part for part in (heading, text) if part)
            first = f"{indent}{mark} " if mark else indent
            hang = " " * len(first)
            lines.extend(
                textwrap.wrap(body, width, initial_indent=first, subsequent_indent=hang) or [first.rstrip()]
            )
        lines.extend(outline_lines(node.children, width=width, depth=depth + 1))
    return lines


def regulation_title(meta: Any) -> str:
    """A regulation as it names itself, from any object or dict with ``jenis``, ``daerah``,
    ``nomor`` and ``tahun``.

    >>> regulation_title({"jenis": "Peraturan Bupati", "daerah": "Kabupaten Batang", "nomor": "23", "tahun": 2019})
    'Peraturan Bupati Batang Nomor 23 Tahun 2019'
    >>> regulation_title({"jenis": "Undang-Undang", "daerah": "Nasional", "nomor": "23", "tahun": 2014})
    'Undang-Undang Nomor 23 Tahun 2014'
    """
    get = (lambda key: meta.get(key)) if isinstance(meta, dict) else (lambda key: getattr(meta, key, None))
    daerah = get("daerah")
    region = _REGION_PREFIX.sub("", daerah, count=1) if daerah and daerah != "Nasional" else None
    return " ".join(str(part) for part in (
        get("jenis") or "Peraturan", region,
        f"Nomor {get('nomor')}" if get("nomor") else None,
        f"Tahun {get('tahun')}" if get("tahun") else None,
    ) if part)


def metadata_lines(meta: Any) -> list[str]:
    """A heading as the regulation names itself (``regulation_title``), and ``field: value`` lines
    for its metadata (any object or dict with the fields).

    >>> metadata_lines({"jenis": "Undang-Undang", "nomor": "23", "tahun": 2014, "judul": "Pemerintahan Daerah"})[:2]
    ['Undang-Undang Nomor 23 Tahun 2014', 'tentang Pemerintahan Daerah']
    """
    get = (lambda key: meta.get(key)) if isinstance(meta, dict) else (lambda key: getattr(meta, key, None))
    title = regulation_title(meta)
    lines = [title]
    if get("judul"):
        lines.append(f"tentang {get('judul')}")
    if get("spesimen"):
        lines.append("SPESIMEN - teks contoh, bukan teks resmi (specimen, not an official text)")
    lines.append("")
    for key in ("id", "jenis_singkat", "daerah", "tingkat", "provinsi", "status", "sumber", "keaslian",
                "publikasi", "tanggal_ditetapkan", "tanggal_diundangkan", "warnings"):
        value = get(key)
        if value not in (None, "", [], 0):
            lines.append(f"{key}: {value}")
    return lines


def document_lines(*, metadata: Any, body: Sequence[TreeNode], penjelasan: Sequence[TreeNode] = (),
                   lampiran: Sequence[TreeNode] = (), width: int = 100) -> list[str]:
    """Metadata, then the body, the Penjelasan and the Lampiran, each under its own heading."""
    lines = metadata_lines(metadata)
    lines.append("")
    lines.extend(outline_lines(body, width=width))
    if penjelasan:
        lines.extend(["", "PENJELASAN"])
        lines.extend(outline_lines(penjelasan, width=width, depth=1))
    if lampiran:
        lines.extend(["", "LAMPIRAN"])
        lines.extend(outline_lines(lampiran, width=width, depth=1))
    return lines
