"""Text of a regulation -> ``Document``: the one entry point of the structure package.

Steps: clean the layout (``app.text.cleanup``), split glued headings (``unglue``), cut the
parts (``sections``), build the body (``body``), the Penjelasan and the Lampiran, give every
node its id (``ids``), then read metadata, menimbang/mengingat, definitions and references.
It never refuses a text: what it cannot place stays as text (``teks`` nodes, ``pembukaan``).
"""

from __future__ import annotations

import re

from app.structure import regions
from app.structure.body import build_body
from app.structure.citations import parse_citation, parse_reference_title
from app.structure.definitions import find_definitions
from app.structure.gaps import reclaim_first_pasal
from app.structure.ids import IdRegistry, segment
from app.structure.jenis import normalise_jenis
from app.structure.metadata import read_metadata
from app.structure.patterns import (
    ANGKA_RE, HURUF_RE, LAMPIRAN_RE, LOOSE_ITEM_RE, MENGINGAT_RE, MENIMBANG_RE, PASAL_RE,
)
from app.text.ocr import repair_number
from app.structure.penjelasan import build_penjelasan
from app.structure.references import find_references
from app.structure.sections import split_sections
from app.structure.tree import Change, Document, Item, Node, Reference, walk_all
from app.structure.unglue import unglue
from app.text.cleanup import Line, clean_lines

GROUP_KINDS = ("bab", "bagian", "paragraf")
ID_GROUP_KINDS = GROUP_KINDS + ("pasal-demi-pasal",)  # their Pasal ids do not nest under them
_AMENDING_RE = re.compile(r"\b(?:diubah|dihapus|disisipkan|ditambah(?:kan)?|dicabut)\b", re.I)
_CHANGE_KIND_RES = (
    ("sisip", re.compile(r"\b(?:disisipkan|ditambah(?:kan)?)\b", re.I)),
    ("hapus", re.compile(r"\b(?:dihapus|dicabut)\b", re.I)),
    ("ubah", re.compile(r"\bdiubah\b", re.I)),
)
_TARGET_RE = re.compile(r"\b(?:yakni|yaitu)\s+(?P<t>(?:Pasal|BAB|Bab)\s+[0-9IVXLC]+[A-Z]?)")
_FIRST_TARGET_RE = re.compile(r"\b(?P<t>(?:Pasal|BAB)\s+[0-9IVXLC]+[A-Z]?)\b")


def parse_text(text: str) -> Document:
    """Parse one regulation's text into its structure."""
    lines, removed = clean_lines(text)
    lines = unglue(lines)
    parts = split_sections(lines)
    parts.diktum, parts.body = reclaim_first_pasal(parts.diktum, parts.body)
    opening = parts.pembukaan if parts.pembukaan else lines[:12]
    doc = Document(removed=removed)
    doc.metadata = read_metadata([l.text for l in opening],
                                 [l.text for l in parts.penutup + parts.penjelasan[-3:]])
    amending = _is_amending(doc.metadata.judul, parts.body)
    if amending and doc.metadata.judul:
        doc.metadata.mengubah = _amended(doc.metadata.judul)
    doc.pembukaan = _join(parts.pembukaan)
    doc.menimbang = _items(parts.menimbang, MENIMBANG_RE, HURUF_RE, first="a")
    doc.mengingat = [parse_citation(item.num, item.text)
                     for item in _items(parts.mengingat, MENGINGAT_RE, ANGKA_RE, first="1")]
    doc.memperhatikan = _join(parts.memperhatikan)
    doc.persetujuan = _join(parts.persetujuan)
    doc.diktum = _join(parts.diktum)
    doc.penutup = "\n".join(l.text for l in parts.penutup) or None
    doc.body = build_body(parts.body, amending=amending, notes=doc.removed)
    doc.penjelasan = build_penjelasan(parts.penjelasan, amending=amending, notes=doc.removed)
    doc.lampiran = _lampiran(parts.lampiran)
    assign_ids(doc)
    read_links(doc, amending=amending)
    if not any(n.kind == "pasal" for n in walk_all(doc.body)):
        doc.warnings.append("Tidak ada Pasal yang ditemukan (no Pasal found): is this a regulation?")
    return doc


def assign_ids(doc: Document) -> None:
    """Give every node of the body, the Penjelasan and the Lampiran its id from its path
    (``app.structure.ids``), and each Penjelasan node the id of the body node it explains."""
    registry = IdRegistry()
    _assign_ids(doc.body, registry, struct_prefix="", prefix="")
    _assign_ids(doc.penjelasan, registry, struct_prefix="penjelasan/", prefix="penjelasan/", explains="")
    _assign_ids(doc.lampiran, registry, struct_prefix="", prefix="")


def read_links(doc: Document, *, amending: bool = False) -> None:
    """Read the definitions of Pasal 1, the cross-references and (amending acts) the numbered
    changes out of a document whose nodes have their ids."""
    doc.definitions = [] if amending else find_definitions(doc.body)
    doc.references = _references(doc.body)
    doc.changes = _changes(doc.body)


def _amended(judul: str) -> dict | None:
    """The regulation an amending act's title names, its region resolved: "Batang" -> "Kabupaten Batang"."""
    amended = parse_reference_title(judul)
    if amended and amended.get("daerah"):
        jenis = normalise_jenis(amended.get("jenis") or "")
        region = regions.lookup(amended["daerah"], jenis.tingkat if jenis and jenis.tingkat in regions.TINGKAT else None)
        if region:
            amended["daerah"] = region.nama
    return amended


def _join(lines: list[Line]) -> str | None:
    return " ".join(l.text for l in lines) or None


def _is_amending(judul: str | None, body: list[Line]) -> bool:
    """An act whose own articles are Pasal I, II: it changes another regulation."""
    head = " ".join(l.text for l in body[:8])
    opens_with_i = any((m := PASAL_RE.match(l.text)) and m["num"] == "I" for l in body[:3])
    has_ii = any((m := PASAL_RE.match(l.text)) and m["num"] == "II" for l in body)
    return opens_with_i and (bool(judul and "PERUBAHAN" in judul.upper()) or bool(_AMENDING_RE.search(head)) or has_ii)


def _items(lines: list[Line], head_re: re.Pattern[str], marker_re: re.Pattern[str], *, first: str) -> list[Item]:
    """Numbered items (``a.`` ``b.`` or ``1.`` ``2.``) after a ``Menimbang :`` / ``Mengingat :`` head."""
    if not lines:
        return []
    texts = [l.text for l in lines]
    head = head_re.match(texts[0])
    texts[0] = head["rest"] if head else texts[0]
    items: list[Item] = []
    expected = first
    for text in (t.strip() for t in texts):
        if not text:
            continue
        match = marker_re.match(text) or LOOSE_ITEM_RE.match(text)
        num = match["num"] if match else ""
        if match and num != expected and not num.isalpha():
            num = repair_number(num) or num
        if match and num == expected:
            items.append(Item(num=num, text=match["rest"] or ""))
            expected = chr(ord(expected) + 1) if expected.isalpha() else str(int(expected) + 1)
        elif items:
            items[-1].text = f"{items[-1].text} {text}".strip()
        else:
            items.append(Item(num="", text=text))
    return items


# Where a Lampiran's caption in capitals ends on its first line and its content starts: a sentence
# ("Tabel I Pembagian ...", "1. Naskah Akademik adalah ..."), not the caption's "Nomor", "Tahun" ...
_CAPTION_END_RE = re.compile(r"\s+(?=(?:\d{1,3}[.)]\s+)?(?!(?:Nomor|Tahun|Tanggal|Tentang)\b)[A-Z][a-z])")


def _lampiran(lines: list[Line]) -> list[Node]:
    nodes: list[Node] = []
    for line in lines:
        if LAMPIRAN_RE.match(line.text) or not nodes:
            caption, content = _split_caption(line.text)
            nodes.append(Node(kind="lampiran", num=str(len(nodes) + 1), heading=caption, text=content))
        else:
            node = nodes[-1]
            node.text = f"{node.text}\n{line.text}" if node.text else line.text
    return nodes


def _split_caption(text: str) -> tuple[str, str]:
    """A Lampiran's first line -> its caption and the content glued after it.

    >>> _split_caption("LAMPIRAN PERATURAN PEMERINTAH NOMOR 17 TAHUN 1950. Tabel I Pembagian daerah")
    ('LAMPIRAN PERATURAN PEMERINTAH NOMOR 17 TAHUN 1950.', 'Tabel I Pembagian daerah')
    >>> _split_caption("LAMPIRAN I PERATURAN BUPATI BATANG Nomor 23 Tahun 2019")
    ('LAMPIRAN I PERATURAN BUPATI BATANG Nomor 23 Tahun 2019', '')
    """
    match = _CAPTION_END_RE.search(text)
    return (text[: match.start()], text[match.end():]) if match else (text, "")


def _assign_ids(nodes: list[Node], registry: IdRegistry, *, struct_prefix: str, prefix: str,
                explains: str | None = None) -> None:
    """Ids from paths: groups nest, a Pasal starts again below the nearest non-group ancestor."""
    for node in nodes:
        seg = segment(node.kind, node.num)
        if node.kind in ID_GROUP_KINDS:
            node.id = registry.claim(struct_prefix + seg)
            _assign_ids(node.children, registry, struct_prefix=node.id + "/", prefix=prefix, explains=explains)
            continue
        base = prefix if node.kind == "pasal" else struct_prefix
        node.id = registry.claim(base + seg)
        if explains is not None and node.kind not in ("teks", "umum", "pasal-demi-pasal"):
            node.explains = (f"{explains}/{seg}" if explains and node.kind != "pasal" else seg)
        child_explains = node.explains if explains is not None and node.explains else ("" if explains is not None else None)
        _assign_ids(node.children, registry, struct_prefix=node.id + "/", prefix=node.id + "/",
                    explains=child_explains)


def _references(body: list[Node]) -> list[Reference]:
    ids = {n.id for n in walk_all(body)}
    out = []
    for node in walk_all(body):
        if not node.text or node.kind in GROUP_KINDS:
            continue
        for found in find_references(node.text, source_id=node.id):
            if found.external:
                continue
            out.append(Reference(source_id=node.id, text=found.text, target_id=found.target_id,
                                 resolved=found.target_id in ids))
    return out


def _changes(body: list[Node]) -> list[Change]:
    out = []
    for node in walk_all(body):
        if node.kind != "perubahan":
            continue
        kind = next((k for k, pattern in _CHANGE_KIND_RES if pattern.search(node.text)), "ubah")
        target = _TARGET_RE.search(node.text) or _FIRST_TARGET_RE.search(node.text)
        node.change = {"kind": kind, "target": target["t"] if target else ""}
        out.append(Change(num=node.num or "", kind=kind, target=node.change["target"],
                          provision_id=node.id, text=node.text))
    return out
