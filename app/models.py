"""SQLModel tables of the knowledge base, and the public shapes the API answers with.

A parsed regulation (``app.structure.tree.Document``) is stored twice over, on purpose:
whole, as JSON in ``Regulation.document`` (nothing the parser produced is lost), and flattened,
one ``Provision`` row per tree node in document order (``position``), so a single BAB, Pasal or
ayat can be fetched, listed and later indexed by its id. ``DefinitionEntry`` and
``ReferenceEntry`` hold Pasal 1's definitions and the internal cross-references.

Ids: a regulation's id is a readable slug (``perbup-batang-2019-23``; the rule is in
``app.kb.naming``); a provision's id is ``<regulation id>/<node id>``
(``perbup-batang-2019-23/pasal-5/ayat-2``), so it is unique across the knowledge base and
readable in a URL. ``parent_id`` and ``explains`` hold provision ids in the same form.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field as PydanticField, field_validator
from sqlalchemy import JSON, Column, DateTime, Index
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Regulation(SQLModel, table=True):
    """One regulation: its metadata, its provenance and the whole parsed document."""

    id: str = Field(primary_key=True, max_length=200)
    jenis: Optional[str] = Field(default=None, index=True)  # "Peraturan Bupati"
    jenis_singkat: Optional[str] = Field(default=None)      # "Perbup"
    nomor: Optional[str] = Field(default=None)
    tahun: Optional[int] = Field(default=None, index=True)
    judul: Optional[str] = Field(default=None)
    daerah: Optional[str] = Field(default=None, index=True)  # "Kabupaten Batang", "Nasional"
    tingkat: Optional[str] = Field(default=None)             # nasional | provinsi | kabupaten | kota
    provinsi: Optional[str] = Field(default=None)            # "Provinsi Jawa Tengah"
    status: str = Field(default="berlaku")
    spesimen: bool = Field(default=False)
    sumber: Optional[str] = Field(default=None)              # provenance: where the text came from
    keaslian: Optional[str] = Field(default=None)            # "resmi (teks OCR)", "SPESIMEN - ..."
    source_path: Optional[str] = Field(default=None, index=True)
    content_hash: str = Field(unique=True, index=True, max_length=64)  # sha256 of the file bytes
    # the original file kept under its content hash (app.kb.originals), its format read from its
    # bytes: text, pdf, docx or html; None: none kept (stored before originals were kept)
    original_format: Optional[str] = Field(default=None)
    overrides: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    document: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    warnings: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class Provision(SQLModel, table=True):
    """One node of a regulation's tree (BAB, Pasal, ayat, huruf ...), in document order."""

    __table_args__ = (Index("ix_provision_regulation_position", "regulation_id", "position"),)

    id: str = Field(primary_key=True, max_length=400)  # "<regulation id>/<node id>"
    regulation_id: str = Field(foreign_key="regulation.id", ondelete="CASCADE", index=True)
    node_id: str                                       # "pasal-5/ayat-2", "penjelasan/pasal-5"
    parent_id: Optional[str] = Field(default=None, index=True)
    part: str = Field(default="body")                  # body | penjelasan | lampiran
    kind: str                                          # one of app.structure.tree.KINDS
    num: Optional[str] = Field(default=None)
    heading: Optional[str] = Field(default=None)
    text: str = Field(default="")
    position: int                                      # 0, 1, 2 ... over the whole document
    depth: int = Field(default=0)                      # 0 for a top-level node of its part
    explains: Optional[str] = Field(default=None)      # Penjelasan node -> provision id explained


class DefinitionEntry(SQLModel, table=True):
    """A term defined in the regulation (usually in Pasal 1)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    regulation_id: str = Field(foreign_key="regulation.id", ondelete="CASCADE", index=True)
    term: str = Field(index=True)
    definition: str
    provision_id: Optional[str] = Field(default=None)  # provision id where it is defined
    abbreviation: Optional[str] = Field(default=None)


class ReferenceEntry(SQLModel, table=True):
    """An internal cross-reference: ``sebagaimana dimaksud dalam Pasal 5 ayat (1)``."""

    id: Optional[int] = Field(default=None, primary_key=True)
    regulation_id: str = Field(foreign_key="regulation.id", ondelete="CASCADE", index=True)
    source_id: str      # provision id of the citing text
    target_id: str      # provision id cited
    text: str           # as printed: "Pasal 5 ayat (1) huruf a"
    resolved: bool = Field(default=False)  # the target exists in this regulation


# --- public shapes --------------------------------------------------------------------------


class _Shape(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class RegulationRead(_Shape):
    """A regulation's metadata and provenance, as listed."""

    id: str = PydanticField(examples=["perbup-batang-2019-23"])
    jenis: Optional[str] = PydanticField(default=None, examples=["Peraturan Bupati"])
    jenis_singkat: Optional[str] = PydanticField(default=None, examples=["Perbup"])
    nomor: Optional[str] = PydanticField(default=None, examples=["23"])
    tahun: Optional[int] = PydanticField(default=None, examples=[2019])
    judul: Optional[str] = None
    daerah: Optional[str] = PydanticField(default=None, examples=["Kabupaten Batang"])
    tingkat: Optional[str] = PydanticField(default=None, examples=["kabupaten"])
    provinsi: Optional[str] = PydanticField(default=None, examples=["Provinsi Jawa Tengah"])
    status: str = "berlaku"
    spesimen: bool = PydanticField(default=False, description="A specimen written for testing, not an official text.")
    sumber: Optional[str] = PydanticField(default=None, description="Where the text came from.")
    keaslian: Optional[str] = PydanticField(default=None, description="Authenticity note of the source.")
    warnings: int = PydanticField(default=0, description="How many parser warnings the text raised.")
    original_format: Optional[str] = PydanticField(
        default=None, examples=["pdf"],
        description="Format of the original file kept (text, pdf, docx, html), downloaded from "
                    "`GET /api/v1/regulations/{id}/original`; null: none kept.",
    )
    created_at: datetime
    updated_at: datetime

    @field_validator("created_at", "updated_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        """SQLite gives back naive datetimes; they were written in UTC."""
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


class RegulationPage(_Shape):
    """One page of regulations and the number matching the filters."""

    total: int
    offset: int
    limit: int
    items: list[RegulationRead]


class ProvisionNode(_Shape):
    """A provision and the provisions under it."""

    id: str = PydanticField(examples=["perbup-batang-2019-23/pasal-5/ayat-2"])
    node_id: str = PydanticField(examples=["pasal-5/ayat-2"])
    kind: str = PydanticField(examples=["ayat"])
    num: Optional[str] = PydanticField(default=None, examples=["2"])
    heading: Optional[str] = None
    text: str = ""
    explains: Optional[str] = None
    children: list[ProvisionNode] = PydanticField(default_factory=list)


class RegulationDetail(RegulationRead):
    """A regulation's metadata, opening and its whole tree (body, Penjelasan, Lampiran)."""

    menimbang: list[dict[str, Any]] = PydanticField(default_factory=list)
    mengingat: list[dict[str, Any]] = PydanticField(default_factory=list)
    body: list[ProvisionNode] = PydanticField(default_factory=list)
    penjelasan: list[ProvisionNode] = PydanticField(default_factory=list)
    lampiran: list[ProvisionNode] = PydanticField(default_factory=list)
    warning_messages: list[str] = PydanticField(default_factory=list)


class ProvisionDetail(_Shape):
    """One provision with its children, its parent's id and its regulation's metadata."""

    id: str
    regulation_id: str
    node_id: str
    parent_id: Optional[str] = None
    part: str
    kind: str
    num: Optional[str] = None
    heading: Optional[str] = None
    text: str = ""
    position: int
    depth: int
    explains: Optional[str] = None
    children: list[ProvisionNode] = PydanticField(default_factory=list)
    regulation: RegulationRead


class IngestResult(_Shape):
    """What an upload did: the regulation as stored now, and the parser's warnings about its text."""

    status: Literal["added", "updated", "unchanged"] = PydanticField(
        examples=["added"], description="added (new), updated (it replaced a stored version) or unchanged (the same bytes).",
    )
    regulation: RegulationRead
    warnings: list[str] = PydanticField(
        default_factory=list, examples=[["Tidak ada Pasal yang ditemukan (no Pasal found): is this a regulation?"]],
    )

    @classmethod
    def of(cls, regulation: Regulation, status: Literal["added", "updated", "unchanged"]) -> IngestResult:
        """What ``app.kb.ingest.ingest_upload`` did, with the warnings the parser left on the document."""
        return cls(status=status, regulation=RegulationRead.model_validate(regulation),
                   warnings=list((regulation.document or {}).get("warnings") or []))


class ErrorMessage(_Shape):
    """The body of every error the API answers (except 422, which is FastAPI's own list)."""

    detail: str = PydanticField(examples=["Peraturan 'perbup-x' tidak ditemukan (regulation not found)."])


class SearchRegulation(_Shape):
    """The regulation a search hit belongs to."""

    id: str = PydanticField(examples=["perbup-batang-2019-23"])
    jenis: Optional[str] = PydanticField(default=None, examples=["Peraturan Bupati"])
    jenis_singkat: Optional[str] = None
    nomor: Optional[str] = PydanticField(default=None, examples=["23"])
    tahun: Optional[int] = PydanticField(default=None, examples=[2019])
    daerah: Optional[str] = PydanticField(default=None, examples=["Kabupaten Batang"])
    provinsi: Optional[str] = None
    tingkat: Optional[str] = None
    judul: Optional[str] = None
    status: Optional[str] = None
    spesimen: bool = False


class SearchHit(_Shape):
    """One clause found: where it is, how well it matched, and a highlighted snippet."""

    provision_id: str = PydanticField(examples=["perbup-batang-2019-23/pasal-16/ayat-1"])
    regulation_id: str
    pasal: Optional[str] = PydanticField(default=None, examples=["16"])
    ayat: Optional[str] = PydanticField(default=None, examples=["1"])
    part: str = PydanticField(examples=["body"], description="body, penjelasan or lampiran.")
    penjelasan: bool = PydanticField(default=False, description="The clause is from the Penjelasan.")
    bab: Optional[str] = PydanticField(default=None, examples=["BAB IV KELEMBAGAAN"])
    score: Optional[float] = PydanticField(default=None, description="BM25F relevance; null when sorted by year.")
    snippet: str = PydanticField(description="HTML: the passage with most query words, HTML-escaped, matches in <mark>.")
    text: str = PydanticField(description="The whole clause as printed (huruf and angka folded in).")
    regulation: SearchRegulation


class SearchResult(_Shape):
    """One page of hits, the number of all hits, facet counts and what was made of the query."""

    query: str
    total: int
    page: int
    per_page: int
    sort: str = PydanticField(examples=["relevance"])
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]] = PydanticField(
        description="For each filter field (jenis, tingkat, provinsi, daerah, tahun, status): value -> hits.",
    )
    suggestion: Optional[str] = PydanticField(default=None, description="'Maksud Anda': the query with its typos corrected.")
    corrected: bool = PydanticField(default=False, description="The hits are for `suggestion`: the query as typed found nothing.")
    relaxed: bool = PydanticField(default=False, description="No clause had every word: hits have any of them.")
    plain: bool = PydanticField(default=False, description="The query's syntax was malformed; it was searched as plain words.")


# --- comparison of two regulations (app.compare) ----------------------------------------------


class DiffPart(_Shape):
    """A run of words: the same on both sides, only in A (``delete``) or only in B (``insert``)."""

    op: str = PydanticField(examples=["equal"], description="equal, delete (only in A) or insert (only in B).")
    text: str


class ClausePair(_Shape):
    """Two aligned clauses (Pasal, or ayat inside a Pasal pair), as printed."""

    a: str = PydanticField(examples=["5"], description="Number as printed in A.")
    b: str = PydanticField(examples=["7"], description="Number as printed in B.")
    relation: str = PydanticField(examples=["adapted"], description="identical, adapted, merged or split.")
    score: float = PydanticField(examples=[0.83], description="Cosine similarity of the region-neutral words, 0..1.")
    a_id: str
    b_id: str
    a_text: str
    b_text: str
    diff: list[DiffPart] = PydanticField(description="Word diff of the original texts, A -> B.")


class PasalPair(ClausePair):
    ayat: list[ClausePair] = PydanticField(default_factory=list, description="The ayat aligned inside this pair.")
    ayat_only_a: list[str] = PydanticField(default_factory=list)
    ayat_only_b: list[str] = PydanticField(default_factory=list)


class CompareSide(_Shape):
    ref: str = PydanticField(description="The regulation id, or the file compared.")
    id: Optional[str] = None
    jenis: Optional[str] = None
    nomor: Optional[str] = None
    tahun: Optional[int] = None
    daerah: Optional[str] = None
    judul: Optional[str] = None
    spesimen: bool = False
    pasal: int = PydanticField(description="How many Pasal its body has.")


class BabCarried(_Shape):
    bab: str = PydanticField(examples=["BAB IV KELEMBAGAAN"])
    pasal: int
    carried: int = PydanticField(description="Of these Pasal, how many are in a pair.")
    share: float


class DefinitionChange(_Shape):
    term: str
    a: str
    b: str


class DefinitionsCompared(_Shape):
    """The definitions of Pasal 1 on both sides, terms matched once region is set aside."""

    only_a: list[str]
    only_b: list[str]
    changed: list[DefinitionChange]
    same: int


class Comparison(_Shape):
    """Regulation A lined up with regulation B, Pasal by Pasal."""

    a: CompareSide
    b: CompareSide
    pairs: list[PasalPair]
    only_a: list[str] = PydanticField(examples=[["12"]], description="Pasal of A with no counterpart in B.")
    only_b: list[str] = PydanticField(examples=[["3"]])
    carried: float = PydanticField(description="Share of A's Pasal carried into B (in some pair).")
    relations: dict[str, int] = PydanticField(description="How many pairs of each relation.")
    by_bab: list[BabCarried] = PydanticField(description="What was carried into B, by BAB of A.")
    definitions: DefinitionsCompared


class SimilarHit(_Shape):
    """A clause of another regulation like the query, with how alike and how it differs."""

    provision_id: str = PydanticField(examples=["perda-prov-jawa-tengah-2019-11/pasal-14"])
    pasal: Optional[str] = PydanticField(default=None, examples=["14"])
    ayat: Optional[str] = None
    bab: Optional[str] = None
    text: str = PydanticField(description="The clause as printed (a whole Pasal when the query is one).")
    score: float = PydanticField(examples=[0.83], description="Mean of cosine and ratio, 0..1.")
    label: str = PydanticField(examples=["adapted"], description="identical, adapted or related.")
    cosine: float = PydanticField(description="Cosine of the region-neutral TF-IDF vectors (idf from the index).")
    ratio: float = PydanticField(description="rapidfuzz token-sort ratio of the region-neutral stems, 0..1.")
    diff: list[DiffPart] = PydanticField(description="Word diff, query -> this clause.")
    regulation: SearchRegulation


class SimilarResult(_Shape):
    """The clauses most like a provision or a pasted text, the best one of each regulation first."""

    text: str = PydanticField(description="The query text (a provision's text with everything under it).")
    provision_id: Optional[str] = None
    level: str = PydanticField(examples=["pasal"], description="pasal (whole Pasal compared) or clause.")
    candidates: int = PydanticField(description="Clauses scored (taken from the index by BM25F).")
    hits: list[SimilarHit]


class SimilarRequest(_Shape):
    """A pasted clause and the filters of the look-up (as in search)."""

    text: str = PydanticField(min_length=1, max_length=10_000, examples=["Bupati membentuk Dewan Smart City."],
                              description="At most 10,000 characters (as a search query).")
    jenis: Optional[str] = None
    daerah: Optional[str] = None
    provinsi: Optional[str] = None
    tingkat: Optional[str] = None
    tahun_min: Optional[int] = PydanticField(default=None, ge=1800, le=2200)
    tahun_max: Optional[int] = PydanticField(default=None, ge=1800, le=2200)
    status: Optional[str] = None
    bagian: Optional[Literal["body", "penjelasan", "lampiran"]] = PydanticField(
        default=None, description="Only clauses of this part (body by default).")
    spesimen: Optional[bool] = None
    limit: int = PydanticField(default=10, ge=1, le=50, description="How many clauses (one per regulation).")


class CoverageCell(_Shape):
    """The Pasal of one regulation covering one topic (empty: not covered)."""

    regulation_id: str
    pasal: list[str] = PydanticField(default_factory=list, examples=[["16", "17"]], description="Pasal numbers as printed.")
    provision_ids: list[str] = PydanticField(default_factory=list)


class CoverageTopic(_Shape):
    """One row of the matrix: a topic and its cell for each regulation (in the regulations' order)."""

    kunci: str = PydanticField(examples=["dewan-smart-city"])
    nama: str = PydanticField(examples=["Dewan smart city"])
    kelompok: str = PydanticField(examples=["Kelembagaan"])
    cells: list[CoverageCell]


class CoverageRegulation(_Shape):
    """One column of the matrix."""

    id: str
    jenis: Optional[str] = None
    jenis_singkat: Optional[str] = None
    nomor: Optional[str] = None
    tahun: Optional[int] = None
    daerah: Optional[str] = None
    judul: Optional[str] = None
    spesimen: bool = False
    topics: int = PydanticField(description="How many of the topics asked for it covers.")


class Coverage(_Shape):
    """Topics (smart-city dimensions, SPBE, institutions ...) by regulations: which Pasal cover what."""

    total: int = PydanticField(default=0, description="Regulations matching the filters (the matrix shows at most `limit`).")
    regulations: list[CoverageRegulation]
    topics: list[CoverageTopic]
