"""Keeping the clause index equal to the database: update after an ingest, rebuild, check.

The database is the truth; the index is derived from it and can always be rebuilt. Each
regulation's clauses carry a ``stamp`` (id, content hash, time of last change). ``check_index``
compares, regulation by regulation, the stamp and the number of clauses the index holds with
what the database says it should hold; ``update_index`` rewrites the clauses of the regulations
named (deleting those no longer in the database) in one commit, so a reader sees a regulation
either before or after, never half-written; ``reindex`` builds a new index from scratch.

An index built by an older Selaras, with other fields (``outdated``), is rebuilt rather than
updated: ``update_index`` and ``rebuild_if_outdated`` do it, and ``check_index`` reports it.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Literal

from sqlmodel import Session, col, select
from whoosh.index import Index, LockError
from whoosh.query import Term
from whoosh.writing import IndexWriter

from app.errors import IndexUnavailable
from app.index.schema import IndexHandle, get_handle, make_schema, recreate
from app.index.units import ClauseUnit, clause_units
from app.kb.naming import jenis_info
from app.models import Provision, Regulation
from app.text.analysis import word_pairs
from app.text.neutral import neutraliser

logger = logging.getLogger(__name__)

#: how long a writer waits for another writer's lock before giving up (seconds)
WRITE_LOCK_TIMEOUT = 120.0


def regulation_stamp(regulation: Regulation) -> str:
    """One value per regulation version: ``<id>@<content hash>@<updated_at>``."""
    updated = regulation.updated_at.replace(tzinfo=None).isoformat(timespec="microseconds")
    return f"{regulation.id}@{regulation.content_hash[:16]}@{updated}"


def _key(value: str | None) -> str | None:
    return " ".join(value.lower().split()) if value else None


def jenis_keys(regulation: Regulation) -> str:
    """Every lower-case name a jenis filter may use for this regulation, comma-separated.

    >>> jenis_keys(Regulation(id="x", content_hash="h", jenis="Peraturan Daerah Provinsi", jenis_singkat="Perda Provinsi"))
    'peraturan daerah provinsi,perda provinsi,perda-prov,perda'
    """
    names = [regulation.jenis, regulation.jenis_singkat]
    info = jenis_info(regulation.jenis, regulation.jenis_singkat, tingkat=regulation.tingkat)
    if info:
        names += [info.kode, info.kode.split("-")[0]]
    return ",".join(dict.fromkeys(key for key in map(_key, names) if key))


def clause_documents(regulation: Regulation, units: Iterable[ClauseUnit]) -> Iterator[dict[str, Any]]:
    """The Whoosh documents of a regulation's clause units (metadata repeated on each)."""
    shared = {
        "regulation_id": regulation.id,
        "stamp": regulation_stamp(regulation),
        "jenis": regulation.jenis or "",
        "jenis_singkat": regulation.jenis_singkat or "",
        "jenis_key": jenis_keys(regulation),
        "nomor": regulation.nomor,
        "tahun": regulation.tahun,
        "judul": regulation.judul,
        "daerah": regulation.daerah or "",
        "daerah_key": _key(regulation.daerah) or "",
        "tingkat": regulation.tingkat or "",
        "provinsi": regulation.provinsi or "",
        "provinsi_key": _key(regulation.provinsi) or "",
        "status": regulation.status or "",
        "spesimen": bool(regulation.spesimen),
    }
    neutral = neutraliser([regulation.daerah])
    for unit in units:
        document = {
            **shared,
            "id": unit.id, "part": unit.part, "kind": unit.kind,
            "pasal": unit.pasal or "", "ayat": unit.ayat or "", "bab": unit.bab,
            "position": unit.position, "exact": unit.text, "exact_pairs": word_pairs(unit.text),
            # headings are searched with the clause but never shown in it
            "text": f"{unit.headings} {unit.text}" if unit.headings else unit.text, "_stored_text": unit.text,
            "neutral": " ".join(neutral.stems(unit.text)),
        }
        yield {name: value for name, value in document.items() if value is not None}


def units_of(*, session: Session, reg_id: str) -> list[ClauseUnit]:
    """The clause units of a stored regulation, from its provisions."""
    rows = session.exec(
        select(Provision).where(Provision.regulation_id == reg_id).order_by(col(Provision.position))
    ).all()
    return clause_units(rows)


@contextmanager
def _writing(index: Index, **options: Any) -> Iterator[IndexWriter]:
    """A writer that commits when the block ends and is cancelled if it raises."""
    try:
        writer = index.writer(timeout=WRITE_LOCK_TIMEOUT, **options)
    except LockError:
        raise IndexUnavailable(
            "Indeks pencarian sedang ditulis oleh proses lain (the search index is locked by another writer); "
            "coba lagi nanti (try again later)."
        ) from None
    try:
        yield writer
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def _add_regulation(writer: IndexWriter, *, session: Session, regulation: Regulation) -> int:
    """Add a stored regulation's clauses; how many were added.

    They are added as one group: a regulation's clauses are consecutive documents of one segment,
    in document order, whatever the number of processes (``app.compare.similar`` reads a Pasal's
    ayat as its neighbours)."""
    added = 0
    with writer.group():
        for document in clause_documents(regulation, units_of(session=session, reg_id=regulation.id)):
            writer.add_document(**document)
            added += 1
    return added


def outdated(index: Index) -> bool:
    """Whether ``index`` was built with other fields than this version's schema."""
    return sorted(index.schema.names()) != sorted(make_schema().names())


def update_index(*, session: Session, regulation_ids: Iterable[str], handle: IndexHandle | None = None) -> int:
    """Rewrite the clauses of ``regulation_ids`` from the database (removing those no longer
    stored) in one commit; returns how many clauses were written. An ``outdated`` index is
    rebuilt whole instead."""
    handle = handle or get_handle()
    ids = list(dict.fromkeys(regulation_ids))
    if not ids:
        return 0
    if outdated(handle.index):
        return rebuild_outdated(session=session, handle=handle)
    written = 0
    with _writing(handle.index) as writer:
        for reg_id in ids:
            writer.delete_by_term("regulation_id", reg_id)
            regulation = session.get(Regulation, reg_id)
            if regulation is not None:
                written += _add_regulation(writer, session=session, regulation=regulation)
    logger.info("index updated: %d regulations, %d clauses", len(ids), written)
    return written


@dataclass
class ReindexReport:
    regulations: int
    clauses: int
    seconds: float


def reindex(*, session: Session, handle: IndexHandle | None = None, procs: int = 1) -> ReindexReport:
    """Build the whole index anew from the database (``procs`` > 1 indexes in several processes)."""
    handle = handle or get_handle()
    started = time.perf_counter()
    handle.reset()
    options: dict[str, Any] = {"limitmb": 256}
    if procs > 1:
        options.update(procs=procs, multisegment=True)
    regulations = clauses = 0
    with _writing(recreate(handle.path), **options) as writer:
        for regulation in session.exec(select(Regulation).order_by(col(Regulation.id))):
            regulations += 1
            clauses += _add_regulation(writer, session=session, regulation=regulation)
    handle.reset()
    return ReindexReport(regulations=regulations, clauses=clauses, seconds=time.perf_counter() - started)


def rebuild_outdated(*, session: Session, handle: IndexHandle) -> int:
    logger.warning("the index in %s was built by an older Selaras: rebuilding it", handle.path)
    return reindex(session=session, handle=handle).clauses


def rebuild_if_outdated(*, session: Session, handle: IndexHandle | None = None) -> int | None:
    """Rebuild an ``outdated`` index; how many clauses were written, None when it was current."""
    handle = handle or get_handle()
    return rebuild_outdated(session=session, handle=handle) if outdated(handle.index) else None


Problem = Literal["schema", "missing", "stale", "extra", "count"]


@dataclass(frozen=True)
class Difference:
    """One way the index differs from the database, for one regulation."""

    regulation_id: str
    problem: Problem
    detail: str


def check_index(*, session: Session, handle: IndexHandle | None = None) -> list[Difference]:
    """Every difference between the database and the index; empty when they agree."""
    handle = handle or get_handle()
    if outdated(handle.index):
        return [Difference("*", "schema", "indeks dibuat oleh versi lama Selaras (index built by an older version)")]
    indexed: Counter[str] = Counter()
    searcher = handle.searcher()
    reader = searcher.reader()
    for raw in reader.lexicon("stamp"):
        stamp = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        count = sum(1 for docnum in searcher.docs_for_query(Term("stamp", stamp)) if not reader.is_deleted(docnum))
        if count:
            indexed[stamp] = count
    by_regulation: dict[str, list[str]] = {}
    for stamp in indexed:
        by_regulation.setdefault(stamp.split("@", 1)[0], []).append(stamp)

    differences: list[Difference] = []
    for regulation in session.exec(select(Regulation).order_by(col(Regulation.id))):
        expected = len(units_of(session=session, reg_id=regulation.id))
        stamps = by_regulation.pop(regulation.id, [])
        stamp = regulation_stamp(regulation)
        if not stamps:
            if expected:
                differences.append(Difference(regulation.id, "missing", f"{expected} klausul belum diindeks (not indexed)"))
        elif stamps != [stamp]:
            differences.append(Difference(regulation.id, "stale", "indeks memuat versi lama (index holds an older version)"))
        elif indexed[stamp] != expected:
            differences.append(Difference(
                regulation.id, "count", f"{indexed[stamp]} klausul di indeks, {expected} di basis data (clauses differ)",
            ))
    for reg_id in sorted(by_regulation):
        differences.append(Difference(reg_id, "extra", "ada di indeks, tidak ada di basis data (not in the database)"))
    return differences
