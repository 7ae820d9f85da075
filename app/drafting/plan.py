"""A draft as assembly reads it: what it is for, its opening clauses, and its body as pieces.

A *piece* is one BAB, Bagian or Paragraf heading, or one Pasal with everything in it, in the
order the draft prints them: a group holds the pieces after it up to the next group of its rank
or higher. A piece copied from a regulation keeps its *origin*: the regulation (or the file the
draft was made from), the piece's node id there and who made it. Its text stays as its source
printed it, so that adaptation and new numbering are worked out each time the draft is
assembled (a Pasal added later turns a dangling reference into a good one). A piece the drafter
wrote or edited is ``own``: it is taken as written, in the draft's own numbering.

>>> from app.structure.parser import parse_text
>>> doc = parse_text("BAB I\\nUMUM\\nPasal 1\\nSatu.\\nBAB II\\nTUGAS\\nBagian Kesatu\\nDewan\\nPasal 2\\nDua.\\nPasal 3\\nTiga.")
>>> batang = maker(jenis="Peraturan Bupati", daerah="Kabupaten Batang")
>>> [(p.kind, p.origin.node_id) for p in pieces_of(doc, frame="perbup-x", maker=batang, picks=["pasal-3"])]
[('bab', 'bab-2'), ('bagian', 'bab-2/bagian-1'), ('pasal', 'pasal-3')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Sequence

from app.drafting.adapt import Maker, maker
from app.errors import InvalidInput, NotFound
from app.structure.tree import Document, Node

__all__ = ["GROUPS", "Clause", "Origin", "Piece", "Plan", "block_end", "find_node", "pieces_of", "plan_from", "stepped"]

GROUPS = ("bab", "bagian", "paragraf")
RANK = {"bab": 0, "bagian": 1, "paragraf": 2, "pasal": 3}


def block_end(kinds: Sequence[str], index: int) -> int:
    """The end (exclusive) of the pieces the piece at ``index`` heads, given every piece's kind in
    order: a group holds what follows it up to a group of its rank or higher; a Pasal only itself.

    >>> block_end(["bab", "pasal", "bagian", "pasal", "bab", "pasal"], 0), block_end(["bab", "pasal"], 1)
    (4, 2)
    """
    if kinds[index] not in GROUPS:
        return index + 1
    end = index + 1
    while end < len(kinds) and RANK[kinds[end]] > RANK[kinds[index]]:
        end += 1
    return end


def stepped(kinds: Sequence[str], index: int, step: int) -> int | None:
    """Where the piece at ``index`` (a group with what it holds) goes when moved one place up
    (``step`` -1) or down (1): its position among the pieces that remain once it is taken out
    (what a move takes), or None when it cannot go that way.

    It passes the piece of its rank before or after it (with what that holds); at the edge of the
    group it is in, it leaves that group (up: to the end of what precedes it) or enters the next
    one (down: after its heading and the Pasal it holds before its first group of this rank), so a
    move never makes a group take in pieces it did not hold.

    >>> kinds = ["bab", "pasal", "bab", "pasal", "bagian", "pasal"]
    >>> stepped(kinds, 2, -1), stepped(kinds, 0, 1)   # BAB II before BAB I, BAB I after BAB II
    (0, 4)
    >>> stepped(kinds, 3, -1), stepped(kinds, 1, 1)   # a Pasal leaves its BAB, enters the next one
    (2, 2)
    >>> stepped(kinds, 4, -1), stepped(kinds, 4, 1)   # a Bagian up out of BAB II; nothing after it
    (2, None)
    >>> stepped(["pasal", "bab", "pasal"], 1, -1)      # BAB I first would take in the Pasal before it
    """
    rank = RANK[kinds[index]]
    end = block_end(kinds, index)
    if step < 0:
        before = index - 1
        while before >= 0 and RANK[kinds[before]] > rank:
            before -= 1
        return before if before >= 0 else None
    if end == len(kinds):
        return None
    if RANK[kinds[end]] == rank:
        after = block_end(kinds, end)  # past the next piece of its rank
    else:
        after = end + 1  # into the next group, past its heading and what it holds below this rank
        while after < len(kinds) and RANK[kinds[after]] > rank:
            after += 1
    return after - (end - index)


@dataclass(frozen=True)
class Origin:
    """Where a piece was copied from: ``frame`` (a regulation id, or the name of the file a draft
    was made from) and the piece's ``node_id`` there, whose numbering its references use."""

    frame: str
    node_id: str
    maker: Maker
    regulation_id: str | None = None  # the stored regulation, None for a file

    @property
    def label(self) -> str:
        """``perbup-batang-2019-23/pasal-16``: the provision id when the frame is a regulation."""
        return f"{self.frame}/{self.node_id}" if self.regulation_id else f"{self.frame}#{self.node_id}"


@dataclass
class Piece:
    kind: str                      # bab | bagian | paragraf | pasal
    heading: str | None = None     # a group's title
    node: Node | None = None       # a Pasal: its whole subtree, with the ids of its frame
    origin: Origin | None = None   # None: written for the draft
    own: bool = False              # written or edited by the drafter: neither adapted nor renumbered from a source
    key: str = ""                  # how the caller names it (a stored draft provision's id)
    original: Node | None = None   # a copied Pasal the drafter edited: its content as the source printed it


@dataclass(frozen=True)
class Clause:
    """A Menimbang or Mengingat item: a source's (adapted when assembled) or the drafter's own."""

    text: str
    own: bool = False


@dataclass
class Plan:
    target: Maker
    judul: Clause                  # the title: the source's (adapted when assembled) or the drafter's own
    tahun: int
    base: Maker                    # who made the regulation the opening was taken from
    pieces: list[Piece] = field(default_factory=list)
    menimbang: list[Clause] = field(default_factory=list)
    mengingat: list[Clause] = field(default_factory=list)
    forming_law: str | None = None  # the Mengingat item of the law that formed the target region, if known


def _groups_and_pasal(nodes: list[Node], ancestors: tuple[Node, ...] = ()) -> Iterator[tuple[Node, tuple[Node, ...]]]:
    """Each group and Pasal of a body with the groups above it, in order (not what a Pasal holds)."""
    for node in nodes:
        if node.kind in GROUPS or node.kind == "pasal":
            yield node, ancestors
        if node.kind in GROUPS:
            yield from _groups_and_pasal(node.children, (*ancestors, node))


def _piece(node: Node, origin: Origin) -> Piece:
    if node.kind in GROUPS:
        return Piece(kind=node.kind, heading=node.heading, origin=origin)
    content = Node.from_dict(node.to_dict())
    content.kind = "pasal"  # an ayat or item picked on its own becomes a Pasal of the draft
    return Piece(kind="pasal", node=content, origin=origin)


def find_node(document: Document, node_id: str) -> tuple[Node, tuple[Node, ...]]:
    """A node of the body by its id, with the groups above it; NotFound when there is none."""
    def walk(nodes: list[Node], ancestors: tuple[Node, ...]) -> tuple[Node, tuple[Node, ...]] | None:
        for node in nodes:
            if node.id == node_id:
                return node, ancestors
            found = walk(node.children, (*ancestors, node) if node.kind in GROUPS else ancestors)
            if found:
                return found
        return None

    found = walk(document.body, ())
    if found is None:
        raise NotFound(f"Ketentuan '{node_id}' tidak ada dalam batang tubuh (provision not found in the body).")
    return found


def pieces_of(document: Document, *, frame: str, maker: Maker, picks: Sequence[str] = (),
              regulation_id: str | None = None, with_groups: bool = True) -> list[Piece]:
    """The body of ``document`` as pieces: all of it, or the provisions ``picks`` names (node ids
    of BAB, Bagian, Paragraf or Pasal: with everything under them; of an ayat or an item: made a
    Pasal of its own). ``with_groups`` adds the BAB, Bagian and Paragraf above what is picked,
    each once, so the picks keep their place in the structure. NotFound for an unknown id."""
    def origin(node: Node) -> Origin:
        return Origin(frame=frame, node_id=node.id, maker=maker, regulation_id=regulation_id)

    if not picks:
        return [_piece(node, origin(node)) for node, _ in _groups_and_pasal(document.body)]
    out: list[Piece] = []
    added: set[str] = set()
    for pick in picks:
        node, ancestors = find_node(document, pick)
        wanted = [*ancestors] if with_groups else []
        wanted.append(node)
        if node.kind in GROUPS:
            wanted += [inner for inner, _ in _groups_and_pasal(node.children)]
        for each in wanted:
            if each.id not in added:
                added.add(each.id)
                out.append(_piece(each, origin(each)))
    return out


def plan_from(document: Document, *, target: Maker, frame: str, tahun: int, regulation_id: str | None = None,
              picks: Sequence[str] = (), judul: str | None = None, forming_law: str | None = None) -> Plan:
    """A plan for a draft made from ``document`` (all of its body, or ``picks``): its title (or
    ``judul``, the drafter's own), Menimbang and Mengingat to adapt. InvalidInput when neither the
    document nor the caller gives a title, or when the document is an amending regulation (its
    Pasal I and II are no body to adapt; the Pasal it quotes can be added to a draft one by one)."""
    base = maker(jenis=document.metadata.jenis, daerah=document.metadata.daerah)
    if document.metadata.mengubah or document.changes:
        raise InvalidInput("Peraturan perubahan tidak dapat menjadi sumber rancangan: pakai peraturan yang diubahnya, "
                           "lalu tambahkan Pasal yang diubah (an amending regulation cannot be a draft's source; start "
                           "from the regulation it amends and add the amended Pasal).")
    if not (judul or document.metadata.judul):
        raise InvalidInput("Beri judul rancangan: judul sumber tidak terbaca (give a title: the source has none).")
    return Plan(
        target=target, judul=Clause(judul, own=True) if judul else Clause(document.metadata.judul or ""), tahun=tahun,
        base=base, pieces=pieces_of(document, frame=frame, maker=base, picks=picks, regulation_id=regulation_id),
        menimbang=[Clause(item.text) for item in document.menimbang],
        mengingat=[Clause(citation.text) for citation in document.mengingat], forming_law=forming_law,
    )
