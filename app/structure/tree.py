"""The parsed regulation: one generic tree node for the legal hierarchy, and the document around it.

A node's JSON form is ``{"id", "kind", "num", "heading", "text", "children"}`` (plus ``explains``
on Penjelasan nodes and ``change`` on the numbered changes of an amending regulation).
``kind`` is one of KINDS; ``num`` is the number as printed, cleaned of brackets and dots
(``"5A"``, ``"IV"``, ``"2"``, ``"a"``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

KINDS = (
    "bab",        # BAB I            num "I"
    "bagian",     # Bagian Kesatu    num "Kesatu"
    "paragraf",   # Paragraf 1       num "1"
    "pasal",      # Pasal 5A         num "5A"; amending acts: Pasal I, Pasal II
    "ayat",       # (1)              num "1"
    "huruf",      # a.               num "a"
    "angka",      # 1.               num "1" (also 19a.)
    "subhuruf",   # a)               num "a"
    "subangka",   # 1)               num "1"
    "perubahan",  # a numbered change of an amending regulation: "1. Ketentuan Pasal 4 diubah ..."
    "teks",       # text the parser could not place under a marker (never dropped)
    "umum",       # Penjelasan: I. UMUM
    "pasal-demi-pasal",  # Penjelasan: II. PASAL DEMI PASAL, holding the explained Pasal
    "lampiran",   # a Lampiran
)


@dataclass
class Node:
    kind: str
    num: str | None = None
    heading: str | None = None
    text: str = ""
    children: list[Node] = field(default_factory=list)
    id: str = ""
    explains: str | None = None          # Penjelasan node -> id of the body node it explains
    change: dict[str, str] | None = None  # perubahan node -> {"kind": ubah|sisip|hapus, "target": "Pasal 17"}

    def append_text(self, text: str) -> None:
        """Continue this node's text with another line's (joined by one space)."""
        self.text = f"{self.text} {text}".strip() if self.text else text

    def walk(self) -> Iterator[Node]:
        """This node and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "num": self.num,
            "heading": self.heading,
            "text": self.text,
            "children": [child.to_dict() for child in self.children],
        }
        if self.explains is not None:
            out["explains"] = self.explains
        if self.change is not None:
            out["change"] = self.change
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Node:
        return cls(
            kind=data["kind"], num=data.get("num"), heading=data.get("heading"),
            text=data.get("text") or "", id=data.get("id") or "",
            explains=data.get("explains"), change=data.get("change"),
            children=[cls.from_dict(child) for child in data.get("children") or []],
        )


def own_pasal(nodes: list[Node]) -> Iterator[Node]:
    """The document's own Pasal, through BAB, Bagian and Paragraf; not the Pasal an amending
    Pasal quotes (those sit below it)."""
    for node in nodes:
        if node.kind == "pasal":
            yield node
        elif node.kind in ("bab", "bagian", "paragraf"):
            yield from own_pasal(node.children)


def walk_all(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield from node.walk()


@dataclass
class Metadata:
    jenis: str | None = None               # normalised: "Peraturan Bupati", "Peraturan Daerah Provinsi", "Undang-Undang"
    jenis_singkat: str | None = None       # "Perbup", "Perda Provinsi", "UU"
    nomor: str | None = None
    tahun: int | None = None
    judul: str | None = None               # the title after TENTANG, as printed (capitals)
    daerah: str | None = None              # "Kabupaten Batang", "Provinsi Jawa Tengah", "Nasional"
    tingkat: str | None = None             # nasional | provinsi | kabupaten | kota
    provinsi: str | None = None            # "Provinsi Jawa Tengah" (None for national)
    pembuat: str | None = None             # the office in the opening: "BUPATI BATANG"
    tempat_ditetapkan: str | None = None
    tanggal_ditetapkan: str | None = None  # ISO date
    tempat_diundangkan: str | None = None
    tanggal_diundangkan: str | None = None
    penandatangan: str | None = None       # the signer's name
    jabatan_penandatangan: str | None = None
    publikasi: str | None = None           # "BERITA DAERAH KABUPATEN BATANG TAHUN 2019 NOMOR 23"
    noreg: str | None = None
    tambahan: str | None = None            # "TAMBAHAN LEMBARAN DAERAH ... NOMOR 122"
    spesimen: bool = False                 # a specimen written for testing, not an official text
    mengubah: dict[str, Any] | None = None  # the regulation an amending act amends


@dataclass
class Item:
    """A numbered item of the Pembukaan: a menimbang (``a.``) or a mengingat (``1.``)."""
    num: str
    text: str


@dataclass
class Citation:
    """A mengingat item parsed into the regulation it cites."""
    num: str
    text: str
    jenis: str | None = None
    nomor: str | None = None
    tahun: int | None = None
    judul: str | None = None
    pasal: str | None = None  # "Pasal 18 ayat (6)" when the item cites provisions of it (UUD 1945)
    daerah: str | None = None  # for a regional regulation cited: "Kabupaten Batang"
    diubah: list[dict[str, Any]] = field(default_factory=list)  # amendments named: [{"jenis","nomor","tahun","judul"}]


@dataclass
class Definition:
    term: str
    definition: str
    provision_id: str
    abbreviation: str | None = None  # "... yang selanjutnya disingkat TIK" -> "TIK"


@dataclass
class Reference:
    source_id: str     # the provision whose text cites
    text: str          # as printed: "Pasal 5 ayat (1) huruf a"
    target_id: str     # resolved: "pasal-5/ayat-1/huruf-a"
    resolved: bool     # the target exists in this document


@dataclass
class Change:
    """One numbered change of an amending regulation."""
    num: str
    kind: str          # ubah | sisip | hapus
    target: str        # "Pasal 17"
    provision_id: str  # id of the perubahan node
    text: str          # the instruction as printed


@dataclass
class Removed:
    """A line taken out of the text before parsing (page header, page number, stamp): kept, not lost."""
    line: int
    text: str
    reason: str


@dataclass
class Document:
    metadata: Metadata = field(default_factory=Metadata)
    menimbang: list[Item] = field(default_factory=list)
    mengingat: list[Citation] = field(default_factory=list)
    memperhatikan: str | None = None  # "Memperhatikan : ..." (some Perkada cite other documents here)
    persetujuan: str | None = None   # "Dengan Persetujuan Bersama DPRD ... dan GUBERNUR ..."
    diktum: str | None = None        # "MEMUTUSKAN: Menetapkan : PERATURAN ..."
    pembukaan: str | None = None     # text of the opening not placed elsewhere (judul lines, maker)
    body: list[Node] = field(default_factory=list)
    penutup: str | None = None
    penjelasan: list[Node] = field(default_factory=list)
    lampiran: list[Node] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def provisions(self) -> Iterator[Node]:
        """Every node of body, Penjelasan and Lampiran, in document order."""
        yield from walk_all(self.body)
        yield from walk_all(self.penjelasan)
        yield from walk_all(self.lampiran)

    def to_dict(self) -> dict[str, Any]:
        return {
            "metadata": asdict(self.metadata),
            "menimbang": [asdict(i) for i in self.menimbang],
            "mengingat": [asdict(c) for c in self.mengingat],
            "memperhatikan": self.memperhatikan,
            "persetujuan": self.persetujuan,
            "diktum": self.diktum,
            "pembukaan": self.pembukaan,
            "body": [n.to_dict() for n in self.body],
            "penutup": self.penutup,
            "penjelasan": [n.to_dict() for n in self.penjelasan],
            "lampiran": [n.to_dict() for n in self.lampiran],
            "definitions": [asdict(d) for d in self.definitions],
            "references": [asdict(r) for r in self.references],
            "changes": [asdict(c) for c in self.changes],
            "removed": [asdict(r) for r in self.removed],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        nodes = lambda key: [Node.from_dict(n) for n in data.get(key) or []]  # noqa: E731
        return cls(
            metadata=Metadata(**data.get("metadata") or {}),
            menimbang=[Item(**i) for i in data.get("menimbang") or []],
            mengingat=[Citation(**c) for c in data.get("mengingat") or []],
            memperhatikan=data.get("memperhatikan"), persetujuan=data.get("persetujuan"), diktum=data.get("diktum"),
            pembukaan=data.get("pembukaan"), body=nodes("body"), penutup=data.get("penutup"),
            penjelasan=nodes("penjelasan"), lampiran=nodes("lampiran"),
            definitions=[Definition(**d) for d in data.get("definitions") or []],
            references=[Reference(**r) for r in data.get("references") or []],
            changes=[Change(**c) for c in data.get("changes") or []],
            removed=[Removed(**r) for r in data.get("removed") or []],
            warnings=list(data.get("warnings") or []),
        )
