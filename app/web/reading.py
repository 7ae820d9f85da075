"""What the reader page (``/peraturan/{id}``) shows of a regulation, gathered from the store.

* every node of the body, the Penjelasan and the Lampiran as a ``Clause``: its label (``Pasal 5``,
  ``(1)``, ``a.``), its text escaped with the defined terms marked (``app.web.glossary``), and its
  node id, which the page uses as the element's id (so ``#pasal-5/ayat-1`` is a shareable link);
* the Penjelasan of each Pasal put with that Pasal (a Penjelasan Pasal's ``explains``); the rest
  of the Penjelasan (Umum, and whatever explains no Pasal of the body) stays in ``penjelasan``;
* a table of contents of the BAB, Bagian and Paragraf (the Pasal when there are none: an
  amending regulation's Pasal I, Pasal II);
* the Mengingat, each item with the regulations it cites and their ids when stored
  (``app.kb.cited``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from markupsafe import Markup
from sqlmodel import Session

from app.kb import store
from app.kb.cited import Cited, cited
from app.kb.outline import label
from app.models import ProvisionNode, RegulationDetail
from app.web.glossary import Defined, Glossary

#: kinds listed in the table of contents
GROUPS = ("bab", "bagian", "paragraf")
#: kinds whose heading says what they are ("I. UMUM"), shown without a label
UNLABELLED = ("teks", "umum", "pasal-demi-pasal")


@dataclass
class Clause:
    """A node as the reader shows it."""

    node: ProvisionNode
    label: str
    text: Markup
    children: list[Clause] = field(default_factory=list)
    penjelasan: Clause | None = None

    @property
    def anchor(self) -> str:
        """The element id and link target: the node id (``pasal-5/ayat-1``)."""
        return self.node.node_id


@dataclass(frozen=True)
class Entry:
    """A line of the table of contents, with the lines under it."""

    label: str
    heading: str | None
    anchor: str
    children: list[Entry]


@dataclass(frozen=True)
class Reading:
    """A regulation as the reader page shows it (see the module docstring)."""

    regulation: RegulationDetail
    metadata: dict[str, Any]
    contents: list[Entry]
    body: list[Clause]
    penjelasan: list[Clause]
    lampiran: list[Clause]
    mengingat: list[tuple[dict[str, Any], list[Cited]]]
    defined: int


def _label(node: ProvisionNode) -> str:
    return "" if node.kind in UNLABELLED and node.heading else label(node)


def _explained(nodes: Iterable[ProvisionNode], body_pasal: set[str]) -> dict[str, ProvisionNode]:
    """Penjelasan Pasal by the id of the body Pasal they explain (those that explain one)."""
    found: dict[str, ProvisionNode] = {}
    for node in nodes:
        if node.kind == "pasal" and node.explains in body_pasal:
            found.setdefault(node.explains, node)
        else:
            for explained, explanation in _explained(node.children, body_pasal).items():
                found.setdefault(explained, explanation)
    return found


def _pasal_ids(nodes: Iterable[ProvisionNode]) -> set[str]:
    ids: set[str] = set()
    for node in nodes:
        if node.kind == "pasal":
            ids.add(node.id)
        ids |= _pasal_ids(node.children)
    return ids


class _Builder:
    def __init__(self, glossary: Glossary, explained: dict[str, ProvisionNode]) -> None:
        self.glossary = glossary
        self.explained = explained
        self.attached = {node.id for node in explained.values()}

    def clauses(self, nodes: Iterable[ProvisionNode], seen: set[str] | None = None, *, plain: bool = False) -> list[Clause]:
        """Clauses of ``nodes``; the terms already marked in this Pasal are ``seen`` (a Pasal starts
        afresh); nothing is marked in the Pasal of the definitions (``plain``)."""
        out = []
        for node in nodes:
            if node.id in self.attached:
                continue  # shown with the Pasal it explains
            scope = set() if node.kind == "pasal" or seen is None else seen
            unmarked = plain or node.id in self.glossary.sources
            text = Markup.escape(node.text) if unmarked else self.glossary.mark(node.text, scope)
            clause = Clause(node=node, label=_label(node), text=text,
                            children=self.clauses(node.children, scope, plain=unmarked))
            if node.kind == "pasal-demi-pasal" and not clause.children and not node.text:
                continue  # every Pasal it held is shown with its Pasal
            if node.kind == "pasal" and node.id in self.explained:
                clause.penjelasan = self._explanation(self.explained[node.id], set())
            out.append(clause)
        return out

    def _explanation(self, node: ProvisionNode, seen: set[str]) -> Clause:
        """The Penjelasan of a Pasal, each term marked once in all of it (``seen``)."""
        return Clause(node=node, label=_label(node), text=self.glossary.mark(node.text, seen),
                      children=[self._explanation(child, seen) for child in node.children])


def contents(nodes: Iterable[ProvisionNode]) -> list[Entry]:
    """The BAB, Bagian and Paragraf of ``nodes``, nested; the Pasal when there is none of them."""

    def groups(items: Iterable[ProvisionNode]) -> list[Entry]:
        return [Entry(label(node), node.heading, node.node_id, groups(node.children)) for node in items if node.kind in GROUPS]

    nodes = list(nodes)
    return groups(nodes) or [Entry(label(node), node.heading, node.node_id, []) for node in nodes if node.kind == "pasal"]


def reading(session: Session, reg_id: str) -> Reading:
    """Regulation ``reg_id`` for the reader page; NotFound when there is none."""
    detail = store.regulation_tree(session=session, reg_id=reg_id)
    document = store.get_regulation(session=session, reg_id=reg_id).document or {}
    definitions = store.list_definitions(session=session, reg_id=reg_id)
    glossary = Glossary(Defined(d.term, d.definition, d.abbreviation, d.provision_id) for d in definitions)
    builder = _Builder(glossary, _explained(detail.penjelasan, _pasal_ids(detail.body)))
    return Reading(
        regulation=detail,
        metadata=dict(document.get("metadata") or {}),
        contents=contents(detail.body),
        body=builder.clauses(detail.body),
        penjelasan=builder.clauses(detail.penjelasan),
        lampiran=builder.clauses(detail.lampiran),
        mengingat=[(item, cited(session, item)) for item in detail.mengingat],
        defined=len(definitions),
    )
