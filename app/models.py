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

A draft (``app.drafting``) is a ``Draft`` row (its target, title, opening) and its
``DraftProvision`` rows in order, each a heading or a Pasal with the source it was copied from;
drafts and their provisions have numeric ids.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field as PydanticField
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
    # bytes: text, pdf, docx, html, png, jpeg, gif or tiff; None: none kept (stored before originals were kept)
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


class Draft(SQLModel, table=True):
    """A draft regulation (rancangan) for a target region and kind, made from a regulation or a file.

    Its Menimbang and Mengingat are kept as ``[{"text", "own"}]``: a source's items (``own``
    false, adapted each time the draft is assembled) or the drafter's. ``source_jenis`` and
    ``source_daerah`` say who made the regulation it was made from (what adaptation starts from).
    """

    id: Optional[int] = Field(default=None, primary_key=True)
    judul: str                                           # the title, as the source printed it unless judul_own
    judul_own: bool = Field(default=False)               # the drafter's own title (not adapted)
    jenis: str                                           # the target kind: "Peraturan Daerah Provinsi"
    daerah: str                                          # the target region: "Provinsi Jawa Tengah"
    tahun: int
    source: Optional[str] = Field(default=None)          # what it was made from: a regulation id or a file name
    source_regulation_id: Optional[str] = Field(default=None)
    source_jenis: Optional[str] = Field(default=None)
    source_daerah: Optional[str] = Field(default=None)
    forming_law: Optional[str] = Field(default=None)     # the Mengingat item of the law forming the target region
    menimbang: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    mengingat: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class DraftProvision(SQLModel, table=True):
    """One BAB, Bagian or Paragraf heading, or one Pasal with its content, of a draft, in order.

    ``node`` holds a Pasal's subtree (``app.structure.tree.Node`` as JSON) with the ids of its
    source, whose numbering its cross-references use; ``own`` marks a provision the drafter wrote
    or edited, taken as written in the draft's own numbering. ``source_node_id`` is None for a new
    provision; ``source_regulation_id`` is None for one from the file the draft was made from.
    """

    __table_args__ = (Index("ix_draftprovision_draft_position", "draft_id", "position"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    draft_id: int = Field(foreign_key="draft.id", ondelete="CASCADE", index=True)
    position: int
    kind: str                                            # bab | bagian | paragraf | pasal
    heading: Optional[str] = Field(default=None)
    node: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    source_regulation_id: Optional[str] = Field(default=None)
    source_node_id: Optional[str] = Field(default=None)  # "pasal-16", "bab-5"
    source_jenis: Optional[str] = Field(default=None)    # who made the source (for adaptation)
    source_daerah: Optional[str] = Field(default=None)
    own: bool = Field(default=False)
    # a copied Pasal the drafter edited: its content as the source printed it (for the matrix)
    original: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
JobStatus = Literal["queued", "running", "done", "failed"]


class Job(SQLModel, table=True):
    """A background job: an upload stored by the worker thread (``app.kb.jobs``), OCR and all."""

    id: str = Field(primary_key=True, max_length=32)   # 32 random hex digits: the job's address
    status: str = Field(default="queued", index=True)  # JobStatus: queued -> running -> done | failed
    filename: Optional[str] = Field(default=None)      # the uploaded file's name, made safe
    pages_done: int = Field(default=0)                 # pages read by OCR so far
    pages_total: int = Field(default=0)                # pages OCR reads in all
    regulation_id: Optional[str] = Field(default=None)  # done: the regulation stored
    result: Optional[str] = Field(default=None)        # done: added | updated | unchanged
    error: Optional[str] = Field(default=None)         # failed: the message, as the API would answer it
    error_status: Optional[int] = Field(default=None)  # failed: the HTTP status it would have had
    process: Optional[str] = Field(default=None)       # who runs it: app.kb.worker.PROCESS of its API process
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    finished_at: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


# --- public shapes --------------------------------------------------------------------------


def _as_utc(value: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


UtcDatetime = Annotated[datetime, AfterValidator(_as_utc)]


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
        description="Format of the original file kept (text, pdf, docx, html, png, jpeg, gif, tiff), downloaded from "
                    "`GET /api/v1/regulations/{id}/original`; null: none kept.",
    )
    created_at: UtcDatetime
    updated_at: UtcDatetime


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


class JobRead(_Shape):
    """A background job, as it stands."""

    id: str = PydanticField(examples=["6f1c0e3a9b2d4c5e8f7a6b5c4d3e2f1a"])
    status: JobStatus = PydanticField(examples=["running"], description="queued, running, done or failed.")
    filename: Optional[str] = PydanticField(default=None, examples=["perbup-batang-2019-23.pdf"])
    pages_done: int = PydanticField(default=0, examples=[3], description="Pages read by OCR so far.")
    pages_total: int = PydanticField(default=0, examples=[12], description="Pages OCR reads in all.")
    regulation_id: Optional[str] = PydanticField(
        default=None, examples=["perbup-batang-2019-23"],
        description="When done: the regulation stored (`GET /api/v1/regulations/{regulation_id}`).",
    )
    result: Optional[Literal["added", "updated", "unchanged"]] = PydanticField(
        default=None, examples=["added"], description="When done: what the upload did, as `status` of a 201/200 answer.",
    )
    error: Optional[str] = PydanticField(
        default=None, examples=["Tidak ada teks yang terbaca pada gambar (OCR found no text in the image): scan.png"],
        description="When failed: why. Nothing of the upload is stored.",
    )
    error_status: Optional[int] = PydanticField(
        default=None, examples=[422], description="When failed: the HTTP status the error has in a direct answer.",
    )
    created_at: UtcDatetime
    finished_at: Optional[UtcDatetime] = None


class JobAccepted(_Shape):
    """The answer to an upload left to a background job (202): the job to follow."""

    job: JobRead


class JobPage(_Shape):
    """One page of jobs, newest first, and the number of all jobs."""

    total: int
    offset: int
    limit: int
    items: list[JobRead]


class ErrorMessage(_Shape):
    """The body of every error the API answers (except 422, which is FastAPI's own list)."""

    detail: str = PydanticField(examples=["Peraturan 'perbup-x' tidak ditemukan (regulation not found)."])


class UnreadableOrInvalid(_Shape):
    """The body of a 422 of a route taking a file: a message when the file cannot be read, or
    FastAPI's list of the invalid fields (``{"loc", "msg", "type"}`` each)."""

    detail: str | list[dict[str, Any]] = PydanticField(
        examples=["Berkas kosong (empty file): draft.txt"])


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
    """A pasted clause and the filters of the look-up (as in search); values of the types the
    schema gives, never coerced (``"spesimen": 0`` is refused, not read as false)."""

    model_config = ConfigDict(from_attributes=True, strict=True)

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


# --- drafts (app.drafting) --------------------------------------------------------------------


class DraftChangeRead(_Shape):
    """One replacement adaptation or renumbering made in a provision."""

    provision: str = PydanticField(examples=["pasal-16/ayat-1"], description="Where, in the draft: a node id, "
                                   "`judul`, `menimbang/a`.")
    before: str = PydanticField(examples=["Bupati"])
    after: str = PydanticField(examples=["Gubernur"])
    rule: str = PydanticField(examples=["kepala-daerah"], description="sitasi, jenis, kepala-daerah, nama-daerah, "
                              "pemerintah-daerah, publikasi or rujukan (a cross-reference renumbered).")
    count: int = 1


class DraftFlagRead(_Shape):
    """A place that needs a human decision (or a check's finding), with its reason."""

    provision: str = PydanticField(examples=["pasal-17/ayat-1/huruf-d/angka-2"],
                                   description="A node id, `menimbang/a`, `mengingat`, `mengingat/3` or `rancangan`.")
    reason: str = PydanticField(examples=["daerah-sumber"])
    message: str
    excerpt: str = PydanticField(examples=["Batang"], description="The words that raised it.")


class DraftProvisionRead(_Shape):
    """A provision of a draft as the draft prints it now: its number, its text, where it came from."""

    id: int = PydanticField(description="The provision's id in the draft (for PATCH, DELETE, move).")
    position: int
    kind: str = PydanticField(examples=["pasal"], description="bab, bagian, paragraf or pasal.")
    node_id: str = PydanticField(examples=["pasal-16"], description="Its id in the assembled draft.")
    num: Optional[str] = PydanticField(default=None, examples=["16"], description="Its number in the draft.")
    heading: Optional[str] = None
    text: str = PydanticField(default="", description="A Pasal's content adapted and renumbered, as printed: "
                              "`(1) ...`, `a. ...` a line each (the form PATCH takes).")
    source: Optional[str] = PydanticField(default=None, examples=["perbup-batang-2019-23/pasal-16"],
                                          description="The provision it was copied from; null when written for the draft.")
    own: bool = PydanticField(default=False, description="Written or edited by the drafter: taken as written.")


class DraftRead(_Shape):
    """A draft assembled: its target, opening, provisions, every change made and every flag raised."""

    id: int
    judul: str = PydanticField(examples=["PENYELENGGARAAN SMART CITY PROVINSI JAWA TENGAH"])
    jenis: str = PydanticField(examples=["Peraturan Daerah Provinsi"])
    daerah: str = PydanticField(examples=["Provinsi Jawa Tengah"])
    tahun: int
    source: Optional[str] = PydanticField(default=None, examples=["perbup-batang-2019-23"])
    menimbang: list[str] = PydanticField(default_factory=list)
    mengingat: list[str] = PydanticField(default_factory=list)
    provisions: list[DraftProvisionRead] = PydanticField(default_factory=list)
    changes: list[DraftChangeRead] = PydanticField(default_factory=list)
    flags: list[DraftFlagRead] = PydanticField(default_factory=list)
    created_at: UtcDatetime
    updated_at: UtcDatetime


class DraftSummary(_Shape):
    """A draft as listed."""

    id: int
    judul: str
    jenis: str
    daerah: str
    tahun: int
    source: Optional[str] = None
    updated_at: UtcDatetime


class DraftCheck(_Shape):
    """What the checks of a draft found (numbering, references, terms, leftover names, revoked Mengingat)."""

    draft_id: int
    findings: list[DraftFlagRead]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftPatch(_Request):
    """What to change in a draft; what is left out stays. A title or an opening given is the
    drafter's own from then on (not adapted)."""

    judul: Optional[str] = PydanticField(default=None, max_length=1000, examples=["PENYELENGGARAAN JAWA TENGAH CERDAS"])
    tahun: Optional[int] = PydanticField(default=None, ge=1945, le=2200)
    jenis: Optional[str] = PydanticField(default=None, max_length=100, examples=["Perda Provinsi"])
    daerah: Optional[str] = PydanticField(default=None, max_length=200, examples=["Provinsi Jawa Tengah"])
    menimbang: Optional[list[str]] = PydanticField(default=None, description="Every Menimbang item, in order.")
    mengingat: Optional[list[str]] = PydanticField(default=None, description="Every Mengingat item, in order.")


class DraftProvisionCreate(_Request):
    """A provision to add: picked from a stored regulation (`source`), or new (`kind` with `text`
    for a Pasal, with `heading` for a BAB, Bagian or Paragraf)."""

    source: Optional[str] = PydanticField(default=None, max_length=400, examples=["perda-prov-jawa-tengah-2019-11/pasal-14"],
                                          description="A provision id, as search and similar-clause results give it.")
    kind: Optional[Literal["bab", "bagian", "paragraf", "pasal"]] = None
    text: Optional[str] = PydanticField(default=None, max_length=20_000, examples=["(1) Gubernur membentuk Dewan.\n(2) ..."])
    heading: Optional[str] = PydanticField(default=None, max_length=500, examples=["KETENTUAN PERALIHAN"])
    position: Optional[int] = PydanticField(default=None, ge=0, le=1_000_000,
                                            description="Where, counted from 0 (the end when left out).")


class DraftProvisionEdit(_Request):
    """A Pasal's new content (`text`, a line per ayat or item, in the draft's numbering) or a group's `heading`."""

    text: Optional[str] = PydanticField(default=None, max_length=20_000)
    heading: Optional[str] = PydanticField(default=None, max_length=500)


class DraftProvisionMove(_Request):
    """Where to move a provision (a group with what it holds), among the provisions that remain, from 0."""

    position: int = PydanticField(ge=0, le=1_000_000)
