"""A draft assembled into a whole regulation in the form of Lampiran II UU 12/2011 for its kind.

``assemble(plan)`` builds a ``Document`` the parser would have made of the printed draft:

1. **Judul**: ``PERATURAN DAERAH PROVINSI JAWA TENGAH`` (a Perda) or ``PERATURAN GUBERNUR JAWA
   TENGAH`` (a Perkada), ``NOMOR ... TAHUN <tahun>``, ``TENTANG`` and the title in capitals.
2. **Pembukaan**: ``DENGAN RAHMAT TUHAN YANG MAHA ESA``, the maker's office (``GUBERNUR JAWA
   TENGAH,``), Menimbang and Mengingat (``app.drafting.opening``), for a Perda the approval
   formula ``Dengan Persetujuan Bersama DEWAN PERWAKILAN RAKYAT DAERAH ... dan GUBERNUR ...``,
   then ``MEMUTUSKAN:`` and ``Menetapkan : PERATURAN DAERAH TENTANG ... .``
3. **Batang tubuh**: the pieces in order, BAB / Bagian / Paragraf / Pasal numbered anew
   (``app.drafting.renumber``); in every copied Pasal the cross-references printed with the new
   numbers, a reference whose Pasal the draft lacks flagged (``rujukan-terputus``); then the
   text adapted to the target (``app.drafting.adapt``). When no Pasal says when the regulation
   comes into force, a Ketentuan Penutup is added: "... mulai berlaku pada tanggal diundangkan.
   Agar setiap orang mengetahuinya, ... Lembaran Daerah Provinsi Jawa Tengah."
4. **Penutup**: ``Ditetapkan di ...`` and ``Diundangkan di ...`` with the signers' offices
   (``SEKRETARIS DAERAH PROVINSI JAWA TENGAH,``), places, dates and names left as ``...``, and
   the publication: ``LEMBARAN DAERAH PROVINSI JAWA TENGAH TAHUN 2025 NOMOR ...`` with a
   ``NOREG`` line for a Perda, ``BERITA DAERAH ...`` for a Perkada.
5. **Penjelasan** (a Perda only): ``I. UMUM`` to write, ``II. PASAL DEMI PASAL`` with ``Pasal N
   Cukup jelas.`` for every Pasal, and the ``TAMBAHAN LEMBARAN DAERAH ... NOMOR ...`` line.

Besides the document: every change made (``Change``), every flag raised (``Flag``; the whole
draft's under ``rancangan``), and one ``Row`` per Pasal for the comparison matrix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.drafting.adapt import Adapter, Change, Flag, Maker
from app.drafting.layout import content_text
from app.drafting.opening import menimbang, mengingat, title_case
from app.drafting.plan import GROUPS, RANK, Piece, Plan
from app.drafting.renumber import rewrite_references, renumber
from app.structure.citations import parse_citation
from app.structure.parser import assign_ids, read_links
from app.structure.regions import province_of
from app.structure.tree import Document, Item, Metadata, Node, own_pasal

__all__ = ["Assembled", "Row", "assemble"]

PLACEHOLDER = "..."
_IN_FORCE_RE = re.compile(r"\bmulai\s+berlaku\s+pada\s+tanggal\s+diundangkan\b", re.I)
_PENUTUP_RE = re.compile(r"\bPENUTUP\b", re.I)
UMUM_PLACEHOLDER = ("[Uraikan latar belakang, maksud dan tujuan, serta pokok-pokok materi yang diatur "
                    "dalam Peraturan Daerah ini.]")


@dataclass
class Row:
    """One Pasal of the draft beside the provision it came from: a row of the comparison matrix."""

    provision: str                 # "pasal-5": its id in the draft
    label: str                     # "Pasal 5"
    text: str                      # as the draft prints it (content_text)
    key: str = ""                  # the piece's key
    source: str | None = None      # "perbup-batang-2019-23/pasal-16"; None: written for the draft
    source_text: str | None = None  # as the source printed it
    own: bool = False
    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


@dataclass
class Assembled:
    document: Document
    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)  # a piece's key -> its node in the draft


def _region_upper(maker: Maker) -> str:
    return maker.region.nama.upper() if maker.region else PLACEHOLDER


def _title_line(target: Maker) -> str:
    """``PERATURAN DAERAH PROVINSI JAWA TENGAH`` / ``PERATURAN BUPATI KENDAL``."""
    if target.perda:
        return f"PERATURAN DAERAH {_region_upper(target)}"
    return f"PERATURAN {(target.office or PLACEHOLDER).upper()}"


def _tree(pieces: list[Piece]) -> tuple[list[Node], list[tuple[Piece, Node]]]:
    """The body built from the pieces (a group holds what follows up to a group of its rank or
    higher), each piece with its node: a copy, so the plan is never changed."""
    roots: list[Node] = []
    open_groups: list[Node] = []
    placed: list[tuple[Piece, Node]] = []
    for piece in pieces:
        if piece.kind in GROUPS:
            node = Node(kind=piece.kind, num="1", heading=piece.heading)
            while open_groups and RANK[open_groups[-1].kind] >= RANK[piece.kind]:
                open_groups.pop()
            (open_groups[-1].children if open_groups else roots).append(node)
            open_groups.append(node)
        else:
            node = Node.from_dict(piece.node.to_dict()) if piece.node else Node(kind="pasal")
            node.kind = "pasal"
            (open_groups[-1].children if open_groups else roots).append(node)
        placed.append((piece, node))
    return roots, placed


def _closing(plan: Plan, body: list[Node]) -> list[tuple[Piece, Node]]:
    """A Ketentuan Penutup when no Pasal says when the regulation comes into force."""
    if any(_IN_FORCE_RE.search(node.text) for pasal in own_pasal(body) for node in pasal.walk()):
        return []
    target = plan.target
    text = (f"{target.title} ini mulai berlaku pada tanggal diundangkan. Agar setiap orang mengetahuinya, "
            f"memerintahkan pengundangan {target.title} ini dengan penempatannya dalam {target.publication} "
            f"{target.region.nama if target.region else PLACEHOLDER}.")
    piece = Piece(kind="pasal", node=Node(kind="pasal", num="1", text=text), own=True)
    pasal = Node.from_dict(piece.node.to_dict())  # type: ignore[union-attr]
    babs = [node for node in body if node.kind == "bab"]
    if babs and _PENUTUP_RE.search(babs[-1].heading or ""):
        babs[-1].children.append(pasal)
        return [(piece, pasal)]
    if babs:
        bab = Node(kind="bab", num="1", heading="KETENTUAN PENUTUP", children=[pasal])
        body.append(bab)
        return [(Piece(kind="bab", heading=bab.heading, own=True), bab), (piece, pasal)]
    body.append(pasal)
    return [(piece, pasal)]


class _Work:
    """Collects what assembling the body changes and flags."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.adapters: dict[Maker, Adapter] = {}
        self.changes: list[Change] = []
        self.flags: list[Flag] = []

    def adapter(self, piece: Piece) -> Adapter:
        return self.adapter_from(piece.origin.maker if piece.origin else self.plan.target)

    def adapter_from(self, source: Maker) -> Adapter:
        if source not in self.adapters:
            self.adapters[source] = Adapter(source, self.plan.target)
        return self.adapters[source]

    def text(self, piece: Piece, text: str, *, frame_id: str, draft_id: str, numbers: dict[str, Node]) -> str:
        """One text of a piece: references renumbered and adapted (copied), or only read for flags (own)."""
        adapter = self.adapter(piece)
        if piece.own or piece.origin is None:
            self.flags += adapter.flags(text, provision=draft_id)
            return text
        rewritten = rewrite_references(text, source_id=frame_id,
                                       new_number=lambda top: numbers[top].num if top in numbers else None)
        self.changes += [Change(draft_id, r.before, r.after, "rujukan") for r in rewritten.rewrites]
        self.flags += [Flag(draft_id, "rujukan-terputus", "Rujukan ke ketentuan yang tidak ada dalam rancangan "
                                                          "(refers to a provision the draft does not hold).", dangling)
                       for dangling in rewritten.dangling]
        done = adapter.adapt(rewritten.text, provision=draft_id)
        self.changes += done.changes
        self.flags += done.flags
        return done.text


def _body(plan: Plan, work: _Work) -> tuple[list[Node], list[Row], dict[str, Node]]:
    body, placed = _tree(plan.pieces)
    placed += _closing(plan, body)
    renumber(body)
    # what the pieces' references may point at, by frame: its Pasal and BAB ids there -> the draft's node
    numbers: dict[str, dict[str, Node]] = {}
    for piece, node in placed:
        if piece.origin and not piece.own and (piece.kind == "bab" or "/" not in piece.origin.node_id):
            numbers.setdefault(piece.origin.frame, {})[piece.origin.node_id] = node
    frame_ids = {id(inner): inner.id for piece, node in placed if piece.kind == "pasal" for inner in node.walk()}
    assign_ids(Document(body=body))
    rows: list[Row] = []
    for piece, node in placed:
        frame_numbers = numbers.get(piece.origin.frame, {}) if piece.origin else {}
        if piece.kind in GROUPS:
            if node.heading:
                node.heading = work.text(piece, node.heading, frame_id=node.id, draft_id=node.id, numbers=frame_numbers)
            continue
        before = (len(work.changes), len(work.flags))
        for inner in node.walk():
            if inner.text:
                inner.text = work.text(piece, inner.text, frame_id=frame_ids[id(inner)], draft_id=inner.id,
                                       numbers=frame_numbers)
        rows.append(Row(
            provision=node.id, label=f"Pasal {node.num}", text=content_text(node), key=piece.key,
            source=piece.origin.label if piece.origin else None,
            source_text=content_text(piece.original or piece.node) if piece.origin and piece.node else None,
            own=piece.own or piece.origin is None,
            changes=work.changes[before[0]:], flags=work.flags[before[1]:],
        ))
    return body, rows, {piece.key: node for piece, node in placed if piece.key}


def _penjelasan(plan: Plan, body: list[Node], judul_lines: list[str]) -> list[Node]:
    pasal = [Node(kind="pasal", num=node.num, text="Cukup jelas.") for node in own_pasal(body)]
    return [
        Node(kind="teks", heading="\n".join(["PENJELASAN", "ATAS", *judul_lines])),
        Node(kind="umum", num="I", heading="I. UMUM", text=UMUM_PLACEHOLDER),
        Node(kind="pasal-demi-pasal", num="II", heading="II. PASAL DEMI PASAL", children=pasal),
    ]


def _draft_flags(plan: Plan, document: Document) -> list[Flag]:
    """What the whole draft lacks for its kind (reason ``bagian-perda``)."""
    flags = []
    if plan.target.perda:
        flags.append(Flag("rancangan", "bagian-perda", "Penjelasan Umum perlu ditulis (the Penjelasan's I. UMUM is "
                                                       "a placeholder); Penjelasan Pasal demi Pasal berisi 'Cukup jelas.'.",
                          "I. UMUM"))
        flags.append(Flag("rancangan", "bagian-perda", "Rancangan Perda disertai Naskah Akademik (a draft Perda comes "
                                                       "with an academic paper, UU 12/2011 Pasal 56): matriks "
                                                       "perbandingan dapat menjadi lampirannya.", "Naskah Akademik"))
        if not any(d.abbreviation == "DPRD" or d.term.lower().startswith("dewan perwakilan rakyat daerah")
                   for d in document.definitions):
            flags.append(Flag("rancangan", "bagian-perda", "Pasal 1 belum mendefinisikan DPRD, yang bersama kepala "
                                                           "daerah membentuk Perda (DPRD is not defined in Pasal 1).",
                              "Dewan Perwakilan Rakyat Daerah"))
    elif plan.base.perda:
        flags.append(Flag("rancangan", "bagian-perda", "Penjelasan dan persetujuan DPRD sumber tidak dibawa: Perkada "
                                                       "tidak memuatnya (a Perkada has no Penjelasan nor DPRD approval).",
                          "Penjelasan"))
    return flags


def assemble(plan: Plan) -> Assembled:
    """The whole regulation of ``plan`` (see the module docstring), with changes, flags and rows."""
    target = plan.target
    assert target.title is not None and target.office is not None
    work = _Work(plan)
    if plan.judul.own:
        judul = plan.judul.text.upper()
    else:
        done = work.adapter_from(plan.base).adapt(plan.judul.text, provision="judul")
        work.changes += done.changes
        work.flags += done.flags
        judul = done.text.upper()
    body, rows, nodes = _body(plan, work)
    document = Document(body=body)
    read_links(document)
    office = target.office.upper()
    judul_lines = [_title_line(target), f"NOMOR {PLACEHOLDER} TAHUN {plan.tahun}", "TENTANG", judul]
    kop = [office] if target.tingkat == "provinsi" or target.region is None else \
        [office, province_of(target.region).nama.upper()]
    document.pembukaan = "\n".join(["RANCANGAN", *kop, "", *judul_lines, "", "DENGAN RAHMAT TUHAN YANG MAHA ESA",
                                    "", f"{office},"])
    keep = [d.abbreviation for d in document.definitions if d.abbreviation]
    items, changes, flags = menimbang(plan, judul=title_case(judul, keep=keep))
    document.menimbang = [Item(num=chr(ord("a") + i), text=text) for i, text in enumerate(items)]
    cited, cited_flags = mengingat(plan)
    document.mengingat = [parse_citation(str(i), text) for i, text in enumerate(cited, start=1)]
    if target.perda:
        document.persetujuan = (f"Dengan Persetujuan Bersama\nDEWAN PERWAKILAN RAKYAT DAERAH {_region_upper(target)}\n"
                                f"dan\n{office}")
    document.diktum = f"MEMUTUSKAN:\nMenetapkan : {target.title.upper()} TENTANG {judul}."
    publication = f"{(target.publication or '').upper()} {_region_upper(target)} TAHUN {plan.tahun} NOMOR {PLACEHOLDER}"
    region_of_record = _region_upper(target) if target.tingkat == "provinsi" or target.region is None else \
        f"{_region_upper(target)}, {province_of(target.region).nama.upper()}"
    noreg = f"NOREG PERATURAN DAERAH {region_of_record}: ({PLACEHOLDER}/{plan.tahun})" if target.perda else None
    secretary = f"SEKRETARIS DAERAH {_region_upper(target)},"
    document.penutup = "\n".join([
        f"Ditetapkan di {PLACEHOLDER}", f"pada tanggal {PLACEHOLDER}", f"{office},", PLACEHOLDER, "",
        f"Diundangkan di {PLACEHOLDER}", f"pada tanggal {PLACEHOLDER}", secretary, PLACEHOLDER, "",
        publication, *([noreg] if noreg else []),
    ])
    tambahan = f"TAMBAHAN LEMBARAN DAERAH {_region_upper(target)} NOMOR {PLACEHOLDER}" if target.perda else None
    if target.perda:
        document.penjelasan = _penjelasan(plan, body, judul_lines)
        assign_ids(document)
    document.metadata = Metadata(
        jenis=target.jenis.nama if target.jenis else None, jenis_singkat=target.jenis.singkat if target.jenis else None,
        nomor=PLACEHOLDER, tahun=plan.tahun, judul=judul, daerah=target.region.nama if target.region else None,
        tingkat=target.tingkat, provinsi=province_of(target.region).nama if target.region else None, pembuat=office,
        jabatan_penandatangan=office, publikasi=publication, noreg=noreg, tambahan=tambahan,
    )
    return Assembled(document=document, changes=[*work.changes, *changes], flags=[
        *flags, *cited_flags, *work.flags, *_draft_flags(plan, document)], rows=rows, nodes=nodes)
