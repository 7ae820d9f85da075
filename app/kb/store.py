"""Keeping parsed regulations: save one atomically, list, fetch one, fetch a provision, rebuild a tree.

Every function is keyword-only and takes the session it works in (``save_document`` commits;
the others only read). Errors are ``app.errors`` exceptions with a message for the user.

How ``save_document`` decides what a document is (checked in this order):

1. a regulation with the same ``content_hash`` (sha256 of the file bytes) and the same
   overrides exists (and keeps its original file, when one is given) -> ``"unchanged"``,
   nothing written;
2. a regulation with the same content hash (overrides changed), or the same ``source_path``,
   or the same (jenis, daerah, nomor, tahun) exists -> ``"updated"``: it keeps its id, and its
   provisions, definitions and references are replaced;
3. otherwise -> ``"added"`` under a new id (``app.kb.naming``).

Writing happens in one transaction: on any error it is rolled back and the error re-raised, so
a regulation is never left half-stored.

The original file given is kept (``app.kb.originals``) just before the commit, and deleted again
if the commit fails, unless a regulation refers to it. The original an updated regulation had
before is deleted after the commit: nothing refers to it any more (content hashes are unique, and
the regulation's old provisions and clauses are replaced, not kept as a version), and keeping it
would only fill the folder with files no route can reach. A crash between the two steps can
leave a file no regulation refers to, never a regulation whose file is missing or half-written.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any, Iterator, Literal, Mapping

from sqlalchemy import delete, func, insert, or_
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from app.errors import InvalidInput, NotFound
from app.kb import originals
from app.kb.naming import jenis_info, regulation_slug, tingkat_of, unique_slug
from app.models import (
    DefinitionEntry,
    Provision,
    ProvisionDetail,
    ProvisionNode,
    ReferenceEntry,
    Regulation,
    RegulationDetail,
    RegulationRead,
    utcnow,
)
from app.structure.ids import IdRegistry, segment
from app.structure.tree import Document, Metadata, Node

logger = logging.getLogger(__name__)

SaveStatus = Literal["added", "updated", "unchanged"]

TINGKAT = ("nasional", "provinsi", "kabupaten", "kota")
_METADATA_FIELDS = {f.name: f for f in dataclasses.fields(Metadata)}
#: sidecar fields that are not parser metadata but provenance kept on the regulation
PROVENANCE_FIELDS = ("sumber", "keaslian", "status")


# --- overrides (sidecar metadata) -----------------------------------------------------------


def clean_overrides(overrides: Mapping[str, Any] | None) -> dict[str, Any]:
    """Validate sidecar fields: known names only, ``tahun`` an integer, ``spesimen`` a boolean.

    Unknown fields are ignored (logged); a known field with a wrong type raises InvalidInput.

    >>> clean_overrides({"tahun": "2019", "spesimen": True, "nomor": 23, "warna": "biru"})
    {'tahun': 2019, 'spesimen': True, 'nomor': '23'}
    """
    if overrides is None:
        return {}
    if not isinstance(overrides, Mapping):
        raise InvalidInput("Metadata tambahan harus berupa objek JSON (overrides must be a JSON object).")
    cleaned: dict[str, Any] = {}
    for key, value in overrides.items():
        if key not in _METADATA_FIELDS and key not in PROVENANCE_FIELDS:
            logger.debug("override %r ignored: not a metadata field", key)
            continue
        if value is None:
            cleaned[key] = None
        elif key == "tahun":
            try:
                cleaned[key] = int(str(value).strip())
            except ValueError:
                raise InvalidInput(f"'tahun' harus berupa angka tahun (must be a year): {value!r}") from None
        elif key == "spesimen":
            if isinstance(value, bool):
                cleaned[key] = value
            elif str(value).strip().lower() in {"true", "ya", "yes", "1", "false", "tidak", "no", "0"}:
                cleaned[key] = str(value).strip().lower() in {"true", "ya", "yes", "1"}
            else:
                raise InvalidInput(f"'spesimen' harus true atau false (must be a boolean): {value!r}")
        elif key == "mengubah":
            if not isinstance(value, Mapping):
                raise InvalidInput("'mengubah' harus berupa objek JSON (must be a JSON object).")
            cleaned[key] = dict(value)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = str(value).strip()
            if key == "tingkat":
                text = text.lower()
                if text not in TINGKAT:
                    raise InvalidInput(f"'tingkat' harus salah satu dari {', '.join(TINGKAT)} (unknown level): {value!r}")
            cleaned[key] = text or None
        else:
            raise InvalidInput(f"'{key}' harus berupa teks (must be text): {value!r}")
    return cleaned


def apply_overrides(metadata: Metadata, overrides: Mapping[str, Any]) -> Metadata:
    """The parser's metadata with the sidecar's fields put over it, then completed.

    A new ``jenis`` without ``jenis_singkat`` brings its own short name; a new ``daerah``
    without ``tingkat`` brings the level its name says.
    """
    values = dataclasses.asdict(metadata)
    for key, value in overrides.items():
        if key in _METADATA_FIELDS:
            values[key] = value
    if "jenis" in overrides and "jenis_singkat" not in overrides:
        info = jenis_info(values["jenis"])
        values["jenis_singkat"] = info.singkat if info else None
    if "daerah" in overrides and "tingkat" not in overrides:
        values["tingkat"] = tingkat_of(values["daerah"]) or values["tingkat"]
    if "daerah" in overrides and "provinsi" not in overrides and values["tingkat"] == "nasional":
        values["provinsi"] = None
    return complete_metadata(Metadata(**values))


def complete_metadata(metadata: Metadata) -> Metadata:
    """Fill what follows from what is known: short name from jenis, level from daerah, and so on.

    >>> m = complete_metadata(Metadata(jenis="Peraturan Daerah Provinsi", daerah="Provinsi Jawa Tengah"))
    >>> m.jenis_singkat, m.tingkat, m.provinsi
    ('Perda Provinsi', 'provinsi', 'Provinsi Jawa Tengah')
    >>> complete_metadata(Metadata(jenis="Undang-Undang")).daerah
    'Nasional'
    """
    values = dataclasses.asdict(metadata)
    info = jenis_info(values["jenis"], values["jenis_singkat"], tingkat=values["tingkat"] or tingkat_of(values["daerah"]))
    if info:
        values["jenis"] = values["jenis"] or info.nama
        values["jenis_singkat"] = values["jenis_singkat"] or info.singkat
    if not values["tingkat"]:
        values["tingkat"] = tingkat_of(values["daerah"])
    if not values["tingkat"] and info and info.tingkat in TINGKAT:
        values["tingkat"] = info.tingkat
    if values["tingkat"] == "nasional" and not values["daerah"]:
        values["daerah"] = "Nasional"
    if values["tingkat"] == "provinsi" and not values["provinsi"]:
        values["provinsi"] = values["daerah"]
    return Metadata(**values)


# --- saving -------------------------------------------------------------------------------


def save_document(
    *,
    session: Session,
    document: Document,
    content_hash: str,
    source_path: str | Path | None = None,
    sumber: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    force: bool = False,
    original: bytes | None = None,
) -> tuple[Regulation, SaveStatus]:
    """Store ``document`` as a regulation; ``(regulation, "added" | "updated" | "unchanged")``.

    ``overrides`` are sidecar fields (``jenis``, ``nomor``, ``tahun``, ``daerah``, ``judul``,
    ``sumber``, ``keaslian``, ``spesimen``, ``status`` ...) put over the parser's metadata;
    ``sumber`` given here wins over theirs. ``force`` re-stores an unchanged document (after a
    parser improvement). ``original`` is the file's bytes (their sha256 is ``content_hash``), kept
    as the regulation's original; without it the regulation keeps none. The caller's ``document``
    is not modified.
    """
    effective = clean_overrides(overrides)
    if sumber is not None:
        effective["sumber"] = sumber
    path_text = str(source_path) if source_path is not None else None
    original_format = originals.format_of(original) if original is not None else None

    same_content = session.exec(select(Regulation).where(Regulation.content_hash == content_hash)).first()
    keeps_original = original is not None
    if same_content is not None and not force and is_unchanged(same_content, overrides=effective, keeps_original=keeps_original):
        return same_content, "unchanged"

    doc = Document.from_dict(document.to_dict())
    doc.metadata = apply_overrides(doc.metadata, effective)
    meta = doc.metadata
    target = same_content or _find_same_path(session, path_text) or _find_same_identity(session, meta)
    previous = (target.content_hash, target.original_format) if target is not None else None

    try:
        now = utcnow()
        if target is None:
            slug = regulation_slug(
                jenis=meta.jenis, jenis_singkat=meta.jenis_singkat, daerah=meta.daerah,
                tingkat=meta.tingkat, tahun=meta.tahun, nomor=meta.nomor,
            )
            reg_id = unique_slug(slug, lambda candidate: session.get(Regulation, candidate) is not None)
            regulation = Regulation(id=reg_id, content_hash=content_hash, created_at=now, updated_at=now)
            session.add(regulation)
            status: SaveStatus = "added"
        else:
            regulation = target
            for table in (ReferenceEntry, DefinitionEntry, Provision):
                session.exec(delete(table).where(col(table.regulation_id) == regulation.id))
            status = "updated"

        regulation.jenis = meta.jenis
        regulation.jenis_singkat = meta.jenis_singkat
        regulation.nomor = meta.nomor
        regulation.tahun = meta.tahun
        regulation.judul = meta.judul
        regulation.daerah = meta.daerah
        regulation.tingkat = meta.tingkat
        regulation.provinsi = meta.provinsi
        regulation.spesimen = bool(meta.spesimen)
        regulation.status = effective.get("status") or "berlaku"
        regulation.sumber = effective.get("sumber")
        regulation.keaslian = effective.get("keaslian")
        regulation.source_path = path_text
        regulation.content_hash = content_hash
        regulation.original_format = original_format
        regulation.overrides = effective
        regulation.document = doc.to_dict()
        regulation.warnings = len(doc.warnings)
        regulation.updated_at = now
        session.flush()

        provisions = list(provision_rows(regulation.id, doc))
        if provisions:
            session.exec(insert(Provision), params=provisions)
        definitions = [
            {
                "regulation_id": regulation.id, "term": d.term, "definition": d.definition,
                "provision_id": _full_id(regulation.id, d.provision_id), "abbreviation": d.abbreviation,
            }
            for d in doc.definitions
        ]
        if definitions:
            session.exec(insert(DefinitionEntry), params=definitions)
        references = [
            {
                "regulation_id": regulation.id, "source_id": _full_id(regulation.id, r.source_id),
                "target_id": _full_id(regulation.id, r.target_id), "text": r.text, "resolved": bool(r.resolved),
            }
            for r in doc.references
        ]
        if references:
            session.exec(insert(ReferenceEntry), params=references)
        if original is not None:
            originals.keep(original, content_hash=content_hash)
        session.commit()
    except Exception:
        session.rollback()
        if original_format is not None:
            _discard_unless_kept(session, content_hash, original_format)
        raise
    if previous is not None and previous[1] is not None and previous != (content_hash, original_format):
        _discard_unless_kept(session, *previous)
    session.refresh(regulation)
    logger.info("%s %s (%d provisions)", status, regulation.id, len(provisions))
    return regulation, status


def is_unchanged(known: Regulation, *, overrides: Mapping[str, Any], keeps_original: bool) -> bool:
    """Whether ``known``, stored from the same bytes, needs nothing written: its overrides are
    ``overrides`` (cleaned) and, when an original is to be kept, it keeps one already (a
    regulation stored before originals were kept is updated, and so gets its original)."""
    return known.overrides == overrides and (known.original_format is not None or not keeps_original)


def _discard_unless_kept(session: Session, content_hash: str, original_format: str) -> None:
    """Delete the original file of ``content_hash`` unless a stored regulation keeps it. When the
    database cannot tell, the file stays: a file nothing refers to is harmless, a missing one not."""
    try:
        kept = session.exec(
            select(Regulation.id)
            .where(Regulation.content_hash == content_hash)
            .where(col(Regulation.original_format).is_not(None))
        ).first()
    except SQLAlchemyError:
        logger.warning("original %s left in place: the database could not be read", content_hash, exc_info=True)
        return
    if kept is None:
        originals.discard(content_hash, original_format)


def _find_same_path(session: Session, source_path: str | None) -> Regulation | None:
    if not source_path:
        return None
    return session.exec(
        select(Regulation).where(Regulation.source_path == source_path).order_by(col(Regulation.created_at))
    ).first()


def _find_same_identity(session: Session, meta: Metadata) -> Regulation | None:
    if not (meta.jenis and meta.daerah and meta.nomor and meta.tahun is not None):
        return None
    return session.exec(
        select(Regulation)
        .where(func.lower(Regulation.jenis) == meta.jenis.lower())
        .where(func.lower(Regulation.daerah) == meta.daerah.lower())
        .where(Regulation.nomor == meta.nomor)
        .where(Regulation.tahun == meta.tahun)
        .order_by(col(Regulation.created_at))
    ).first()


def _full_id(reg_id: str, node_id: str | None) -> str | None:
    return f"{reg_id}/{node_id}" if node_id else None


def provision_rows(reg_id: str, document: Document) -> Iterator[dict[str, Any]]:
    """One row per node of body, Penjelasan and Lampiran, in document order.

    A node without an id (a Document built by hand) gets one from its path, the same way the
    parser builds them (``app.structure.ids``); a repeated id gets ``~2``, ``~3``...
    """
    registry = IdRegistry()
    position = 0

    def rows(nodes: list[Node], *, part: str, parent: str | None, depth: int, prefix: str) -> Iterator[dict[str, Any]]:
        nonlocal position
        for node in nodes:
            wanted = node.id or _derived_id(node, parent_node_id=parent, prefix=prefix)
            node_id = registry.claim(wanted)
            yield {
                "id": f"{reg_id}/{node_id}",
                "regulation_id": reg_id,
                "node_id": node_id,
                "parent_id": f"{reg_id}/{parent}" if parent else None,
                "part": part,
                "kind": node.kind,
                "num": node.num,
                "heading": node.heading,
                "text": node.text or "",
                "position": position,
                "depth": depth,
                "explains": _full_id(reg_id, node.explains),
            }
            position += 1
            yield from rows(node.children, part=part, parent=node_id, depth=depth + 1, prefix=prefix)

    yield from rows(document.body, part="body", parent=None, depth=0, prefix="")
    yield from rows(document.penjelasan, part="penjelasan", parent=None, depth=0, prefix="penjelasan/")
    yield from rows(document.lampiran, part="lampiran", parent=None, depth=0, prefix="")


def _derived_id(node: Node, *, parent_node_id: str | None, prefix: str) -> str:
    own = segment(node.kind, node.num)
    if node.kind == "pasal" or parent_node_id is None:
        return f"{prefix}{own}"
    return f"{parent_node_id}/{own}"


# --- reading ------------------------------------------------------------------------------


def count_regulations(*, session: Session) -> int:
    """How many regulations the knowledge base holds."""
    return session.exec(select(func.count()).select_from(Regulation)).one()


def list_regulations(
    *,
    session: Session,
    jenis: str | None = None,
    daerah: str | None = None,
    tahun: int | None = None,
    provinsi: str | None = None,
    tingkat: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[Regulation], int]:
    """One page of regulations matching every filter given, and how many match in all.

    Filters ignore case. ``jenis`` matches the full name, the short name or the id code
    (``Peraturan Bupati``, ``Perbup``, ``perbup``); ``daerah`` matches the region with or
    without its ``Kabupaten``/``Kota``/``Provinsi`` (``Batang`` finds ``Kabupaten Batang``);
    ``provinsi`` matches the province of a regional regulation or a province's own ones.
    Sorted newest year first, then by id.
    """
    if offset < 0:
        raise InvalidInput(f"offset tidak boleh negatif (offset must be >= 0): {offset}")
    if limit < 1:
        raise InvalidInput(f"limit minimal 1 (limit must be >= 1): {limit}")
    query = select(Regulation)
    if jenis and jenis.strip():
        wanted = {jenis.strip().lower()}
        info = jenis_info(jenis)
        if info and info.nama:
            wanted.add(info.nama.lower())
        query = query.where(or_(
            func.lower(Regulation.jenis).in_(wanted),
            func.lower(Regulation.jenis_singkat).in_(wanted),
            col(Regulation.id).startswith(jenis.strip().lower() + "-"),
        ))
    if daerah and daerah.strip():
        query = query.where(func.lower(Regulation.daerah).in_(region_names(daerah)))
    if provinsi and provinsi.strip():
        names = region_names(provinsi, prefixes=("provinsi", "propinsi"))
        query = query.where(or_(
            func.lower(Regulation.provinsi).in_(names),
            func.lower(Regulation.daerah).in_(names),
        ))
    if tingkat and tingkat.strip():
        query = query.where(func.lower(Regulation.tingkat) == tingkat.strip().lower())
    if tahun is not None:
        query = query.where(Regulation.tahun == tahun)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    items = session.exec(
        query.order_by(col(Regulation.tahun).desc().nulls_last(), col(Regulation.id)).offset(offset).limit(limit)
    ).all()
    return list(items), total


def region_names(name: str, prefixes: tuple[str, ...] = ("kabupaten", "kota", "provinsi", "propinsi")) -> set[str]:
    key = " ".join(name.lower().split())
    return {key, *(f"{prefix} {key}" for prefix in prefixes)}


def get_regulation(*, session: Session, reg_id: str) -> Regulation:
    """The regulation with id ``reg_id``; NotFound otherwise."""
    regulation = session.get(Regulation, reg_id)
    if regulation is None:
        raise NotFound(f"Peraturan '{reg_id}' tidak ditemukan (regulation not found).")
    return regulation


def regulation_tree(*, session: Session, reg_id: str) -> RegulationDetail:
    """A regulation's metadata, Menimbang/Mengingat and its whole tree rebuilt from its provisions."""
    regulation = get_regulation(session=session, reg_id=reg_id)
    rows = session.exec(
        select(Provision).where(Provision.regulation_id == reg_id).order_by(col(Provision.position))
    ).all()
    roots = _nest(rows)
    document = regulation.document or {}
    return RegulationDetail(
        **RegulationRead.model_validate(regulation).model_dump(),
        menimbang=list(document.get("menimbang") or []),
        mengingat=list(document.get("mengingat") or []),
        body=[node for row, node in roots if row.part == "body"],
        penjelasan=[node for row, node in roots if row.part == "penjelasan"],
        lampiran=[node for row, node in roots if row.part == "lampiran"],
        warning_messages=list(document.get("warnings") or []),
    )


def provision_subtree(*, session: Session, provision_id: str) -> tuple[Provision, list[Provision]]:
    """The provision ``<regulation id>/<node id>`` and the rows under it, in document order;
    NotFound when there is no such provision."""
    provision = session.get(Provision, provision_id)
    if provision is None:
        raise NotFound(f"Ketentuan '{provision_id}' tidak ditemukan (provision not found).")
    end = session.exec(
        select(func.min(Provision.position))
        .where(Provision.regulation_id == provision.regulation_id)
        .where(Provision.position > provision.position)
        .where(Provision.depth <= provision.depth)
    ).one()
    below = select(Provision).where(Provision.regulation_id == provision.regulation_id).where(
        Provision.position > provision.position
    )
    if end is not None:
        below = below.where(Provision.position < end)
    return provision, list(session.exec(below.order_by(col(Provision.position))).all())


def get_provision(*, session: Session, provision_id: str) -> ProvisionDetail:
    """The provision ``<regulation id>/<node id>`` with everything under it, its parent id and its
    regulation's metadata; NotFound otherwise."""
    provision, rows = provision_subtree(session=session, provision_id=provision_id)
    children = [node for _row, node in _nest(rows)]
    regulation = get_regulation(session=session, reg_id=provision.regulation_id)
    return ProvisionDetail(
        **{name: getattr(provision, name) for name in (
            "id", "regulation_id", "node_id", "parent_id", "part", "kind", "num", "heading",
            "text", "position", "depth", "explains",
        )},
        children=children,
        regulation=RegulationRead.model_validate(regulation),
    )



def list_definitions(*, session: Session, reg_id: str) -> list[DefinitionEntry]:
    """The terms regulation ``reg_id`` defines (usually in Pasal 1), in the order they are defined."""
    return list(session.exec(
        select(DefinitionEntry).where(DefinitionEntry.regulation_id == reg_id).order_by(col(DefinitionEntry.id))
    ).all())

def _nest(rows: list[Provision] | Any) -> list[tuple[Provision, ProvisionNode]]:
    """Rows in document order -> the top ones (those whose parent is not among them) with their subtrees."""
    nodes: dict[str, ProvisionNode] = {}
    roots: list[tuple[Provision, ProvisionNode]] = []
    for row in rows:
        node = ProvisionNode(
            id=row.id, node_id=row.node_id, kind=row.kind, num=row.num, heading=row.heading,
            text=row.text, explains=row.explains,
        )
        nodes[row.id] = node
        parent = nodes.get(row.parent_id) if row.parent_id else None
        if parent is None:
            roots.append((row, node))
        else:
            parent.children.append(node)
    return roots
