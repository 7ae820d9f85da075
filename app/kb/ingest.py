"""Files and folders -> regulations in the knowledge base, one file at a time, none lost in silence.

``ingest_paths`` takes files and folders (walked recursively for ``app.ingest.SUFFIXES``:
``.txt``, ``.md``, ``.pdf``, ``.docx``, ``.html``, ``.htm``; hidden files, ``README`` files and
the originals folder, whose files are stored already, are skipped). Each file may have a sidecar
``<stem>.json`` beside it whose fields (``jenis``, ``nomor``, ``tahun``, ``daerah``, ``judul``,
``sumber``, ``keaslian``, ``spesimen`` ...) override what the parser read
(``app.kb.store.clean_overrides``).

A file is identified by the sha256 of its bytes: ingesting it again is ``unchanged`` (the
parser is not even run) unless its sidecar changed; a changed file updates its regulation,
which keeps its id. Every file stored is kept as its regulation's original (``app.kb.originals``).
A file that fails (unreadable, empty, binary, bad sidecar, parser error, database error) is
recorded with its reason and the next file goes on; its regulation is never half-stored
(``save_document`` is one transaction).

``ingest_upload`` stores an uploaded file the same way (``POST /api/v1/regulations``), its form
fields as its sidecar, and indexes its clauses; ``upload_ocr_pages`` tells beforehand how many of
its pages OCR would read (``app.kb.jobs`` leaves those uploads to a background job). Reading and
storing take an ``OcrProgress`` callback, told of each page OCR reads. A text in which no Pasal is
found is stored, with the parser's warning, by both: the parser never refuses a text, and what it
found is kept.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Literal, Mapping

from sqlmodel import Session, select

from app.errors import IndexUnavailable, NotFound, SelarasError, UnreadableFile
from app.index.sync import update_index
from app.ingest import SUFFIXES, extract, ocr_pages
from app.ingest.ocr import OcrProgress
from app.kb.originals import originals_dir
from app.kb.store import SaveStatus, clean_overrides, is_unchanged, save_document
from app.models import Regulation
from app.structure.tree import Document

logger = logging.getLogger(__name__)

IngestStatus = Literal["added", "updated", "unchanged", "failed"]


class ParserUnavailable(SelarasError):
    """Raised when the structure parser (``app.structure.parser``) is not installed yet."""


@dataclass
class IngestItem:
    """What happened to one file."""

    path: Path
    status: IngestStatus
    regulation_id: str | None = None
    reason: str | None = None


@dataclass
class IngestReport:
    """Every file's outcome, in the order processed."""

    items: list[IngestItem] = field(default_factory=list)

    def by_status(self, status: IngestStatus) -> list[IngestItem]:
        return [item for item in self.items if item.status == status]

    @property
    def updated(self) -> list[IngestItem]:
        return self.by_status("updated")

    @property
    def failed(self) -> list[IngestItem]:
        return self.by_status("failed")

    def counts(self) -> dict[str, int]:
        return {status: len(self.by_status(status)) for status in ("added", "updated", "unchanged", "failed")}


ProgressCallback = Callable[[IngestItem, int, int], None]  # (item just done, done so far, total)
FileOcrProgress = Callable[[Path, int, int], None]  # (file being read, pages OCR'd so far, pages to OCR)


def sidecar_path(path: Path) -> Path:
    """``corpus/national/uu-2014-23.txt`` -> ``corpus/national/uu-2014-23.json``."""
    return path.with_suffix(".json")


def read_sidecar(path: Path) -> dict[str, Any] | None:
    """The sidecar of a regulation file as a dict, None when there is none; UnreadableFile when it is bad."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return None
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableFile(f"Sidecar {sidecar.name} bukan JSON yang sah (invalid JSON): {error}") from None
    if not isinstance(data, dict):
        raise UnreadableFile(f"Sidecar {sidecar.name} harus berupa objek JSON (must be a JSON object).")
    return data


def parse_file(path: str | Path, *, progress: OcrProgress | None = None) -> Document:
    """Read a file (any format ``app.ingest.extract`` accepts) and parse it into a Document;
    ``progress(done, total)`` follows the pages read by OCR, if any."""
    text = extract(path, progress=progress)
    try:
        from app.structure.parser import parse_text
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("app.structure"):
            raise ParserUnavailable(
                "Parser struktur belum tersedia (the structure parser app.structure.parser is not installed yet)."
            ) from None
        raise
    return parse_text(text)


_SAFE_NAME = re.compile(r"[^\w.\-]+")


def upload_name(filename: str | None) -> str:
    """An uploaded file's name made safe to write: without folders, odd characters made ``_``.

    >>> upload_name("../../etc/Perbup Batang (salinan).pdf"), upload_name(None)
    ('Perbup_Batang_salinan_.pdf', 'draft.txt')
    """
    return _SAFE_NAME.sub("_", Path((filename or "").replace("\x00", "")).name)[-100:].strip("._") or "draft.txt"


@contextmanager
def _uploaded(data: bytes, filename: str | None) -> Iterator[Path]:
    """The bytes written under their ``upload_name`` in a temporary folder, so every format
    ``app.ingest`` reads is read the same way as on disk; an error inside names the file by that
    name, not by the temporary folder."""
    name = upload_name(filename)
    with tempfile.TemporaryDirectory(prefix="selaras-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            yield path
        except SelarasError as error:
            raise type(error)(error.message.replace(str(path), name)) from None


def parse_upload(data: bytes, filename: str | None, *, progress: OcrProgress | None = None) -> Document:
    """Parse an uploaded file as ``parse_file`` parses one on disk; nothing is stored."""
    with _uploaded(data, filename) as path:
        return parse_file(path, progress=progress)


def upload_ocr_pages(data: bytes, filename: str | None) -> int:
    """How many pages of an uploaded file OCR would read (``app.ingest.ocr_pages``), with its errors:
    TooLarge above ``SELARAS_OCR_MAX_PAGES``, UnreadableFile for a damaged PDF or image."""
    with _uploaded(data, filename) as path:
        return ocr_pages(path)


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestItem]]:
    """The regulation files named or found under ``paths`` (each once, folders sorted), and a failed
    item for each path that does not exist."""
    files: list[Path] = []
    missing: list[IngestItem] = []
    seen: set[Path] = set()
    kept = originals_dir().resolve()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not _skipped(p.relative_to(path))
                and kept not in p.resolve().parents
            )
        elif path.exists():
            found = [path]
        else:
            missing.append(IngestItem(path=path, status="failed", reason=f"Tidak ditemukan (not found): {path}"))
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, missing


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.stem.lower() == "readme"


def store_file(
    *,
    session: Session,
    data: bytes,
    parse: Callable[[], Document],
    overrides: Mapping[str, Any] | None,
    source_path: Path | None = None,
    force: bool = False,
) -> tuple[Regulation, SaveStatus]:
    """Store a regulation file's bytes, parsed by ``parse()``, with its original kept; the parser is
    not run when the same bytes are stored already with the same ``overrides`` (sidecar fields).
    Raises SelarasError (and database errors) with nothing stored."""
    cleaned = clean_overrides(overrides)
    if not force and (known := stored_unchanged(session=session, data=data, overrides=cleaned)) is not None:
        return known, "unchanged"
    return save_document(
        session=session, document=parse(), content_hash=hashlib.sha256(data).hexdigest(),
        source_path=str(source_path) if source_path is not None else None, overrides=cleaned,
        force=force, original=data,
    )


def stored_unchanged(*, session: Session, data: bytes, overrides: Mapping[str, Any]) -> Regulation | None:
    """The regulation stored from these very bytes with these (cleaned) sidecar fields and its
    original kept, which storing them again would leave ``unchanged``; None otherwise."""
    content_hash = hashlib.sha256(data).hexdigest()
    known = session.exec(select(Regulation).where(Regulation.content_hash == content_hash)).first()
    if known is not None and is_unchanged(known, overrides=overrides, keeps_original=True):
        return known
    return None


def ingest_file(*, session: Session, path: Path, force: bool = False, progress: OcrProgress | None = None) -> IngestItem:
    """Ingest one file; never raises for a bad file: the outcome says what happened and why.
    ``progress(done, total)`` follows the pages read by OCR, if any."""
    try:
        if path.suffix.lower() == ".json":
            raise UnreadableFile(f"Ini berkas sidecar JSON, bukan teks peraturan (a sidecar, not a regulation): {path}")
        if not path.is_file():
            raise NotFound(f"Berkas tidak ditemukan (file not found): {path}")
        regulation, status = store_file(
            session=session, data=path.read_bytes(), parse=lambda: parse_file(path, progress=progress),
            overrides=read_sidecar(path), source_path=path.resolve(), force=force,
        )
        return IngestItem(path=path, status=status, regulation_id=regulation.id)
    except SelarasError as error:
        session.rollback()
        return IngestItem(path=path, status="failed", reason=error.message)
    except Exception as error:  # noqa: BLE001  (one bad file must not stop the others)
        session.rollback()
        logger.debug("ingest of %s failed", path, exc_info=True)
        return IngestItem(path=path, status="failed", reason=f"{type(error).__name__}: {error}")


def ingest_upload(
    *, session: Session, data: bytes, filename: str | None, overrides: Mapping[str, Any] | None = None,
    progress: OcrProgress | None = None,
) -> tuple[Regulation, SaveStatus]:
    """Store an uploaded regulation file as ``ingest_file`` stores one on disk (``overrides`` are
    its sidecar), then index the clauses of what was added or updated so search finds them.
    ``progress(done, total)`` follows the pages read by OCR, if any.

    An unreadable file, a bad override or a database error raises its SelarasError with nothing
    stored. When the index cannot be written, the regulation is stored and IndexUnavailable says
    so, and how to bring the index up to date."""
    regulation, status = store_file(
        session=session, data=data, parse=lambda: parse_upload(data, filename, progress=progress), overrides=overrides,
    )
    if status != "unchanged":
        try:
            update_index(session=session, regulation_ids=[regulation.id])
        except IndexUnavailable as error:
            raise IndexUnavailable(
                f"Peraturan '{regulation.id}' tersimpan, tetapi indeks pencarian belum diperbarui (stored, "
                f"but not indexed yet): {error.message} Jalankan `selaras check` lalu `selaras reindex` "
                "(run them to index it)."
            ) from None
    return regulation, status


def ingest_paths(
    *,
    session: Session,
    paths: Iterable[str | Path],
    on_progress: ProgressCallback | None = None,
    on_ocr_page: FileOcrProgress | None = None,
    force: bool = False,
) -> IngestReport:
    """Ingest every regulation file named or found under ``paths``; the report lists each outcome.

    ``on_progress(item, done, total)`` is called after each file, ``on_ocr_page(path, done, total)``
    before the first page a file's OCR reads and after each one. ``force`` re-parses and re-stores
    files whose content did not change (after a parser improvement).
    """
    files, missing = collect_files(paths)
    report = IngestReport(items=list(missing))
    total = len(files) + len(missing)
    done = 0
    for item in missing:
        done += 1
        if on_progress:
            on_progress(item, done, total)
    for path in files:
        progress = functools.partial(on_ocr_page, path) if on_ocr_page else None
        item = ingest_file(session=session, path=path, force=force, progress=progress)
        if item.status == "failed":
            logger.info("failed %s: %s", path, item.reason)
        report.items.append(item)
        done += 1
        if on_progress:
            on_progress(item, done, total)
    return report
