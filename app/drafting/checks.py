"""Checks of a draft (any parsed regulation, in fact), each finding a ``Flag`` with the check's name:

=============================  ================================================================
check                          finds
=============================  ================================================================
``penomoran``                  numbers out of sequence: BAB I, II ...; Bagian Kesatu ... in each
                               BAB; Paragraf 1 ... in each Bagian; Pasal 1 .. N; ayat (1) ... in
                               each Pasal; a., b. / 1., 2. / a), b) / 1), 2) in each list
``rujukan``                    a cross-reference to a provision the draft does not have (also
                               one marked ``Pasal ?20`` when what it cited left the draft)
``istilah-tidak-dipakai``      a term defined in Pasal 1 that no other provision uses
``istilah-tidak-didefinisikan``  a term a Pasal uses that its source defined in its Pasal 1 but
                               the draft does not; an abbreviation in capitals (``SPBE``) that
                               Pasal 1 does not define
``daerah-sumber``              the name of a source region left in the text
``dasar-hukum-dicabut``        a Mengingat item citing an act that a regulation in the knowledge
                               base revokes ("... dicabut dan dinyatakan tidak berlaku")
=============================  ================================================================

>>> from app.structure.parser import parse_text
>>> doc = parse_text("Pasal 1\\nDalam Peraturan Daerah ini yang dimaksud dengan:\\n1. Daerah adalah Provinsi Jawa Tengah."
...                  "\\n2. Dinas adalah Dinas Kominfo.\\nPasal 3\\nDaerah menyusun SPBE sebagaimana dimaksud dalam Pasal 2.")
>>> [(f.reason, f.provision, f.excerpt) for f in check_document(doc)]
[('penomoran', 'pasal-3', 'Pasal 3'), ('rujukan', 'pasal-3', 'Pasal 2'), ('istilah-tidak-dipakai', 'pasal-1/angka-2', 'Dinas'), ('istilah-tidak-didefinisikan', 'pasal-3', 'SPBE')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.drafting.adapt import Adapter, Flag, Maker
from app.drafting.renumber import MISSING_RE
from app.structure.body import bab_value
from app.structure.citations import parse_reference
from app.structure.ids import ordinal_to_int, roman_to_int
from app.structure.tree import Citation, Definition, Document, Node, own_pasal, walk_all

__all__ = ["Revocation", "check_document", "revocations"]

_LIST_KINDS = ("huruf", "angka", "subhuruf", "subangka")
_ABBREVIATION_RE = re.compile(r"(?<![\w/-])[A-Z]{2,}(?![\w-])")
_REVOKES_RE = re.compile(r"\bdicabut\s+dan\s+dinyatakan\s+tidak\s+berlaku\b", re.I)
_PARTIAL_RE = re.compile(r"\b[Pp]asal\s+\d")
_PRINTS_PASAL_RE = re.compile(r"[Pp]asal\b|.*\b[Pp]asal\s+\d")


@dataclass(frozen=True)
class Revocation:
    """An act a regulation revokes, and the provision that says so."""

    jenis: str
    nomor: str
    tahun: int
    by: str  # the revoking provision: "pp-2019-71/pasal-102" (regulation id and node id)


def _value(kind: str, num: str | None) -> int | None:
    """The place a number has in its sequence: ``III`` -> 3 (BAB), ``Kedua`` -> 2, ``c`` -> 3, ``12`` -> 12."""
    if not num:
        return None
    if kind == "bab":
        return bab_value(num)
    if kind == "bagian":
        return ordinal_to_int(num)
    if kind in ("huruf", "subhuruf"):
        return ord(num) - ord("a") + 1 if len(num) == 1 and num.isalpha() else None
    return int(num) if num.isdigit() else None


def _label(node: Node) -> str:
    """How a text cites a node: ``BAB III``, ``Bagian Ketiga``, ``Pasal 4``, ``ayat (3)``, ``huruf c``."""
    if node.kind == "bab":
        return f"BAB {node.num}"
    if node.kind in ("bagian", "paragraf", "pasal"):
        return f"{node.kind.capitalize()} {node.num}"
    return f"ayat ({node.num})" if node.kind == "ayat" else f"{node.kind} {node.num}"


def _numbering(document: Document) -> list[Flag]:
    flags: list[Flag] = []

    def run(nodes: list[Node], kind: str) -> None:
        expected = 1
        for node in (n for n in nodes if n.kind == kind):
            value = _value(kind, node.num)
            if value != expected:
                flags.append(Flag(node.id, "penomoran", f"Penomoran tidak urut (numbering out of sequence): {_label(node)} "
                                                        f"di tempat nomor ke-{expected}.", _label(node)))
            expected = (value or expected) + 1

    pasal = list(own_pasal(document.body))
    run(pasal, "pasal")
    run(document.body, "bab")

    def groups(nodes: list[Node]) -> None:
        for kind in ("bagian", "paragraf"):
            run(nodes, kind)
        for node in nodes:
            if node.kind in ("bab", "bagian", "paragraf"):
                groups(node.children)

    groups(document.body)
    for node in pasal:
        for inner in node.walk():
            if inner.kind == "pasal":
                run(inner.children, "ayat")
            for kind in _LIST_KINDS:
                run(inner.children, kind)
    return flags


def _references(document: Document) -> list[Flag]:
    """Unresolved references, and references marked missing (``Pasal ?16``); in a text holding a
    mark, the levels printed after it (``ayat (1)`` of ``Pasal ?16 ayat (1)``) are that reference's,
    not one of their own."""
    message = "Rujukan ke ketentuan yang tidak ada (a cross-reference to a provision the draft does not have)."
    marked = {node_id: [m.group(0) for m in MISSING_RE.finditer(text)] for node_id, text in _texts(document)}
    flags = [Flag(r.source_id, "rujukan", message, r.text) for r in document.references
             if not r.resolved and not (marked.get(r.source_id) and not _PRINTS_PASAL_RE.match(r.text))]
    flags += [Flag(node_id, "rujukan", message, mark) for node_id, marks in marked.items() for mark in marks]
    return flags


def _uses(term: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text) is not None


def _texts(document: Document) -> list[tuple[str, str]]:
    return [(node.id, node.text) for node in walk_all(document.body) if node.text]


def _terms(document: Document, origins: Mapping[str, Sequence[Definition]]) -> list[Flag]:
    flags: list[Flag] = []
    texts = _texts(document)
    for definition in document.definitions:
        names = [definition.term, *([definition.abbreviation] if definition.abbreviation else [])]
        if not any(_uses(name, text) for node_id, text in texts if node_id != definition.provision_id for name in names):
            flags.append(Flag(definition.provision_id, "istilah-tidak-dipakai", "Istilah didefinisikan tetapi tidak "
                                                                                "dipakai (a defined term is never used).",
                              definition.term))
    defined = {d.term.lower() for d in document.definitions} | {d.abbreviation for d in document.definitions if d.abbreviation}
    definitions_node = {d.provision_id for d in document.definitions}
    for pasal in own_pasal(document.body):
        text = " ".join(node.text for node in pasal.walk() if node.text and node.id not in definitions_node)
        missing: dict[str, None] = {}
        for definition in origins.get(pasal.id, ()):
            if definition.term.lower() in defined or (definition.abbreviation and definition.abbreviation in defined):
                continue
            if _uses(definition.term, text) or (definition.abbreviation and _uses(definition.abbreviation, text)):
                missing.setdefault(definition.abbreviation if definition.abbreviation and _uses(definition.abbreviation, text)
                                   else definition.term, None)
        for word in _ABBREVIATION_RE.findall(text):
            if word not in defined and roman_to_int(word) is None:
                missing.setdefault(word, None)
        for term in missing:
            flags.append(Flag(pasal.id, "istilah-tidak-didefinisikan", "Istilah dipakai tetapi tidak didefinisikan dalam "
                                                                       "Pasal 1 (a term used but not defined).", term))
    return flags


def _leftovers(document: Document, target: Maker | None, sources: Sequence[Maker]) -> list[Flag]:
    if target is None:
        return []
    flags: list[Flag] = []
    for source in sources:
        adapter = Adapter(source, target)
        for node_id, text in _texts(document):
            flags += [flag for flag in adapter.flags(text, provision=node_id) if flag.reason == "daerah-sumber"]
    return flags


def _revoked(mengingat: list[Citation], revoked: Mapping[tuple[str, str, int], str]) -> list[Flag]:
    flags = []
    for citation in mengingat:
        if citation.jenis and citation.nomor and citation.tahun is not None:
            by = revoked.get((citation.jenis, citation.nomor, citation.tahun))
            if by:
                flags.append(Flag(f"mengingat/{citation.num}", "dasar-hukum-dicabut",
                                  f"Dasar hukum ini telah dicabut oleh {by} (this act was revoked).",
                                  f"{citation.jenis} Nomor {citation.nomor} Tahun {citation.tahun}"))
    return flags


def check_document(document: Document, *, target: Maker | None = None, sources: Sequence[Maker] = (),
                   origins: Mapping[str, Sequence[Definition]] | None = None,
                   revoked: Mapping[tuple[str, str, int], str] | None = None) -> list[Flag]:
    """Every finding of every check on ``document`` (see the module docstring). ``sources`` are
    the makers of the regulations the draft took provisions from (for their region's names),
    ``target`` whom it is for; ``origins`` maps a draft Pasal's id to the definitions of the
    regulation it came from; ``revoked`` maps (jenis, nomor, tahun) to who revoked that act."""
    return [*_numbering(document), *_references(document), *_terms(document, origins or {}),
            *_leftovers(document, target, sources), *_revoked(document.mengingat, revoked or {})]


def _unit(node: Node, path: list[Node]) -> Node:
    """The ayat (or the Pasal) a revoking clause stands in: its items name the acts revoked."""
    for ancestor in reversed(path):
        if ancestor.kind in ("ayat", "pasal"):
            return ancestor
    return node


def revocations(document: Document, *, regulation_id: str) -> list[Revocation]:
    """The acts a regulation revokes as a whole: named before "dicabut dan dinyatakan tidak
    berlaku" in the same ayat (or Pasal), in an item that does not name only some of its Pasal.

    >>> from app.structure.parser import parse_text
    >>> doc = parse_text("Pasal 9\\nPada saat Undang-Undang ini mulai berlaku:\\na. Undang-Undang Nomor 32 Tahun 2004 "
    ...                  "tentang Pemerintahan Daerah; dan\\nb. Pasal 157 Undang-Undang Nomor 28 Tahun 2009 tentang Pajak "
    ...                  "Daerah, dicabut dan dinyatakan tidak berlaku.")
    >>> revocations(doc, regulation_id="uu-2014-23")
    [Revocation(jenis='Undang-Undang', nomor='32', tahun=2004, by='uu-2014-23/pasal-9')]
    """
    found: dict[tuple[str, str, int], Revocation] = {}

    def walk(nodes: list[Node], path: list[Node]) -> None:
        for node in nodes:
            if node.text and _REVOKES_RE.search(node.text):
                unit = _unit(node, [*path, node])
                _read(unit)
            walk(node.children, [*path, node])

    def _read(unit: Node) -> None:
        text = " ; ".join(n.text for n in unit.walk() if n.text)
        end = _REVOKES_RE.search(text)
        for item in text[: end.end() if end else len(text)].split(";"):
            if _PARTIAL_RE.search(item):
                continue
            pos = 0
            while (ref := parse_reference(item, pos)) is not None:
                if ref["nomor"] and ref["tahun"]:
                    key = (ref["jenis"], ref["nomor"], ref["tahun"])
                    found.setdefault(key, Revocation(*key, by=f"{regulation_id}/{unit.id}"))
                pos = max(ref["end"], pos + 1)

    walk(document.body, [])
    return list(found.values())
