"""Drafts kept in the knowledge base: made from a stored regulation (whole, or chosen BAB and
Pasal) or from a file, extended with provisions picked from any stored regulation (the provision
ids search and similar-clause look-ups give), edited, moved, removed and written anew; assembled
whenever they are read (``app.drafting.assemble``), so a later change of target, order or
content always shows with its adaptation and numbering worked out again.

A draft is a ``Draft`` row and its ``DraftProvision`` rows in order (``position``). A BAB, Bagian
or Paragraf row heads the rows after it up to the next of its rank or higher: moving or removing
it moves or removes them too. A provision the drafter edits or writes is ``own``: its
cross-references are in the draft's own numbering, and they follow when provisions move or go
(a reference to a removed Pasal is left as written; the checks report it).

Every function is keyword-only and takes its session; those that change a draft commit. Errors
are ``app.errors`` exceptions: NotFound (an unknown draft, provision or regulation), InvalidInput
(a bad kind, region, position or text).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Literal

from sqlalchemy import delete, or_
from sqlmodel import Session, col, select

from app.drafting.adapt import Adapter, Maker, maker, target
from app.drafting.assemble import Assembled, assemble
from app.drafting.checks import check_document, revocations
from app.drafting.layout import content_text
from app.drafting.opening import forming_law
from app.drafting.plan import GROUPS, Clause, Origin, Piece, Plan, block_end, pieces_of, plan_from, stepped
from app.drafting.renumber import rewrite_references
from app.errors import InvalidInput, NotFound
from app.kb.store import get_regulation
from app.models import (
    DefinitionEntry, Draft, DraftChangeRead, DraftCheck, DraftFlagRead, DraftProvision, DraftProvisionRead, DraftRead,
    DraftSummary, Provision, Regulation, utcnow,
)
from app.structure.parser import parse_text
from app.structure.regions import province_of
from app.structure.tree import Definition, Document, Node, own_pasal

__all__ = [
    "add_provision", "assembled", "check_draft", "create_draft", "delete_draft", "draft_view", "edit_provision",
    "get_draft", "list_drafts", "move_provision", "new_plan", "remove_provision", "revoked_acts", "step_provision",
    "update_draft",
]

KINDS = (*GROUPS, "pasal")
FIRST_YEAR, LAST_YEAR = 1945, 2200


# --- reading ------------------------------------------------------------------------------


def get_draft(*, session: Session, draft_id: int) -> Draft:
    """The draft ``draft_id``; NotFound otherwise."""
    draft = session.get(Draft, draft_id)
    if draft is None:
        raise NotFound(f"Rancangan {draft_id} tidak ditemukan (draft not found).")
    return draft


def _judul(draft: Draft) -> str:
    """The draft's title as it prints it: the drafter's, or the source's adapted to the target."""
    if draft.judul_own:
        return draft.judul.upper()
    adapter = Adapter(maker(jenis=draft.source_jenis, daerah=draft.source_daerah),
                      target(jenis=draft.jenis, daerah=draft.daerah))
    return adapter.adapt(draft.judul, provision="judul").text.upper()


def list_drafts(*, session: Session) -> list[DraftSummary]:
    """Every draft, the most recently changed first, each with its title as it prints it."""
    drafts = session.exec(select(Draft).order_by(col(Draft.updated_at).desc(), col(Draft.id).desc())).all()
    return [DraftSummary.model_validate(draft).model_copy(update={"judul": _judul(draft)}) for draft in drafts]


def _rows(session: Session, draft_id: int) -> list[DraftProvision]:
    return list(session.exec(select(DraftProvision).where(DraftProvision.draft_id == draft_id)
                             .order_by(col(DraftProvision.position))).all())


def _maker_names(source: Maker) -> tuple[str | None, str | None]:
    return (source.jenis.nama if source.jenis else None, source.region.nama if source.region else None)


def _piece(draft: Draft, row: DraftProvision) -> Piece:
    origin = None
    if row.source_node_id:
        origin = Origin(frame=row.source_regulation_id or draft.source or "berkas", node_id=row.source_node_id,
                        maker=maker(jenis=row.source_jenis, daerah=row.source_daerah),
                        regulation_id=row.source_regulation_id)
    return Piece(kind=row.kind, heading=row.heading, node=Node.from_dict(row.node) if row.node else None,
                 origin=origin, own=row.own, key=str(row.id),
                 original=Node.from_dict(row.original) if row.original else None)


def _plan(session: Session, draft: Draft) -> Plan:
    return Plan(
        target=target(jenis=draft.jenis, daerah=draft.daerah), judul=Clause(draft.judul, draft.judul_own),
        tahun=draft.tahun, base=maker(jenis=draft.source_jenis, daerah=draft.source_daerah),
        pieces=[_piece(draft, row) for row in _rows(session, draft.id or 0)],
        menimbang=[Clause(**item) for item in draft.menimbang], mengingat=[Clause(**item) for item in draft.mengingat],
        forming_law=draft.forming_law,
    )


def assembled(*, session: Session, draft_id: int) -> tuple[Draft, Assembled]:
    """The draft and the whole regulation it makes now."""
    draft = get_draft(session=session, draft_id=draft_id)
    return draft, assemble(_plan(session, draft))


def draft_view(*, session: Session, draft_id: int) -> DraftRead:
    """The draft as it reads now: opening, provisions numbered and adapted, changes and flags."""
    draft, done = assembled(session=session, draft_id=draft_id)
    provisions = []
    for row in _rows(session, draft_id):
        node = done.nodes[str(row.id)]
        piece = _piece(draft, row)
        provisions.append(DraftProvisionRead(
            id=row.id or 0, position=row.position, kind=row.kind, node_id=node.id, num=node.num, heading=node.heading,
            text=content_text(node) if row.kind == "pasal" else "", own=row.own,
            source=piece.origin.label if piece.origin else None,
        ))
    return DraftRead(
        id=draft.id or 0, judul=done.document.metadata.judul or draft.judul, jenis=draft.jenis, daerah=draft.daerah,
        tahun=draft.tahun, source=draft.source, created_at=draft.created_at, updated_at=draft.updated_at,
        menimbang=[item.text for item in done.document.menimbang],
        mengingat=[citation.text for citation in done.document.mengingat], provisions=provisions,
        changes=[DraftChangeRead.model_validate(change) for change in done.changes],
        flags=[DraftFlagRead.model_validate(flag) for flag in done.flags],
    )


# --- creating -----------------------------------------------------------------------------


def _forming_law(session: Session, goal: Maker, mengingat: Sequence[str]) -> str | None:
    """The Mengingat item, among the source's (``mengingat``) or in a stored regulation of the
    target's province, that cites the law forming the target region."""
    texts = list(mengingat)
    if goal.region is not None:
        province = province_of(goal.region).nama
        for regulation in session.exec(select(Regulation).where(or_(Regulation.provinsi == province,
                                                                    Regulation.daerah == province))):
            texts += [item.get("text") or "" for item in (regulation.document or {}).get("mengingat") or []]
    return forming_law(goal, texts)


def _row(draft_id: int, position: int, piece: Piece) -> DraftProvision:
    jenis, daerah = _maker_names(piece.origin.maker) if piece.origin else (None, None)
    return DraftProvision(
        draft_id=draft_id, position=position, kind=piece.kind, heading=piece.heading,
        node=piece.node.to_dict() if piece.node else {}, own=piece.own,
        source_regulation_id=piece.origin.regulation_id if piece.origin else None,
        source_node_id=piece.origin.node_id if piece.origin else None, source_jenis=jenis, source_daerah=daerah,
    )


def _year(tahun: int | None) -> int:
    year = tahun if tahun is not None else dt.date.today().year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(f"'tahun' harus antara {FIRST_YEAR} dan {LAST_YEAR} (year out of range): {tahun}")
    return year


def new_plan(*, session: Session, document: Document, frame: str, jenis: str, daerah: str,
             regulation_id: str | None = None, picks: Sequence[str] = (), judul: str | None = None,
             tahun: int | None = None) -> Plan:
    """The plan of a new draft of kind ``jenis`` for region ``daerah`` made from ``document`` (the
    stored regulation ``regulation_id``, or a file named ``frame``): its whole body, or the BAB,
    Bagian, Paragraf and Pasal ``picks`` names (node ids: ``bab-1``, ``pasal-16``) with the
    groups above them. ``judul`` replaces the source's title (adapted otherwise); ``tahun``
    defaults to this year. The law that formed the target region is looked for in the source's
    Mengingat and in those of the stored regulations of its province."""
    goal = target(jenis=jenis, daerah=daerah)
    return plan_from(document, target=goal, frame=frame, tahun=_year(tahun), regulation_id=regulation_id,
                     picks=picks, judul=judul.strip() if judul and judul.strip() else None,
                     forming_law=_forming_law(session, goal, [citation.text for citation in document.mengingat]))


def create_draft(*, session: Session, jenis: str, daerah: str, regulation_id: str | None = None,
                 document: Document | None = None, source_name: str | None = None, picks: Sequence[str] = (),
                 judul: str | None = None, tahun: int | None = None) -> Draft:
    """A new draft (see ``new_plan``) made from the stored regulation ``regulation_id`` or from
    ``document`` (a file named ``source_name``), kept."""
    if (regulation_id is None) == (document is None):
        raise InvalidInput("Beri satu sumber: id peraturan atau berkas (give a regulation id or a file, one of them).")
    if regulation_id is not None:
        regulation = get_regulation(session=session, reg_id=regulation_id)
        document, frame = Document.from_dict(regulation.document), regulation.id
    else:
        frame = source_name or "berkas"
    assert document is not None
    if next(own_pasal(document.body), None) is None:
        raise InvalidInput(f"Tidak ada Pasal dalam {frame}: rancangan dibuat dari naskah peraturan (no Pasal found).")
    plan = new_plan(session=session, document=document, frame=frame, jenis=jenis, daerah=daerah,
                    regulation_id=regulation_id, picks=picks, judul=judul, tahun=tahun)
    target_jenis, target_daerah = _maker_names(plan.target)
    base_jenis, base_daerah = _maker_names(plan.base)
    now = utcnow()
    draft = Draft(
        judul=plan.judul.text, judul_own=plan.judul.own, jenis=target_jenis or jenis, daerah=target_daerah or daerah,
        tahun=plan.tahun, source=frame, source_regulation_id=regulation_id,
        source_jenis=base_jenis or document.metadata.jenis, source_daerah=base_daerah or document.metadata.daerah,
        forming_law=plan.forming_law, menimbang=[dataclasses.asdict(c) for c in plan.menimbang],
        mengingat=[dataclasses.asdict(c) for c in plan.mengingat], created_at=now, updated_at=now,
    )
    session.add(draft)
    session.flush()
    assert draft.id is not None
    session.add_all([_row(draft.id, position, piece) for position, piece in enumerate(plan.pieces)])
    session.commit()
    session.refresh(draft)
    return draft


def update_draft(*, session: Session, draft_id: int, judul: str | None = None, tahun: int | None = None,
                 jenis: str | None = None, daerah: str | None = None, menimbang: Sequence[str] | None = None,
                 mengingat: Sequence[str] | None = None) -> Draft:
    """Change what is given: the title (the drafter's own from then on), the year, the target
    kind and region (checked together), or the whole Menimbang or Mengingat (the drafter's)."""
    draft = get_draft(session=session, draft_id=draft_id)
    if judul is not None:
        if not judul.strip():
            raise InvalidInput("'judul' tidak boleh kosong (the title must not be empty).")
        draft.judul, draft.judul_own = judul.strip(), True
    if tahun is not None:
        draft.tahun = _year(tahun)
    if jenis is not None or daerah is not None:
        goal = target(jenis=jenis or draft.jenis, daerah=daerah or draft.daerah)
        draft.jenis, draft.daerah = _maker_names(goal)[0] or draft.jenis, _maker_names(goal)[1] or draft.daerah
        draft.forming_law = _forming_law(session, goal, [item["text"] for item in draft.mengingat])
    for name, items in (("menimbang", menimbang), ("mengingat", mengingat)):
        if items is not None:
            setattr(draft, name, [{"text": text.strip(), "own": True} for text in items if text.strip()])
    return _touch(session, draft)


def _touch(session: Session, draft: Draft) -> Draft:
    draft.updated_at = utcnow()
    session.add(draft)
    session.commit()
    session.refresh(draft)
    return draft


# --- provisions ---------------------------------------------------------------------------


def _pasal_node(text: str) -> Node:
    """A Pasal's content as a drafter writes it (``(1) ...``, ``a. ...`` a line each) -> its node."""
    body = parse_text(f"Pasal 1\n{text.strip()}").body if text and text.strip() else []
    if len(body) != 1 or body[0].kind != "pasal" or not (body[0].text or body[0].children):
        raise InvalidInput("Isi Pasal harus satu Pasal: teks, ayat (1), (2) ... atau huruf a., b. ... tanpa judul "
                           "Pasal atau BAB (a Pasal's content, without headings).")
    return body[0]


def _numbers(rows: list[DraftProvision]) -> dict[int, str]:
    """Each Pasal row's number in the draft: 1, 2 ... in order."""
    pasal = [row for row in rows if row.kind == "pasal"]
    return {row.id or 0: str(i) for i, row in enumerate(pasal, start=1)}


def _follow(before: dict[int, str], rows: list[DraftProvision]) -> None:
    """The cross-references of the drafter's own Pasal rewritten from the numbering ``before`` to
    the rows' numbering now."""
    after = _numbers(rows)
    moved = {f"pasal-{number}": after.get(row_id) for row_id, number in before.items()}
    if all(new == top.removeprefix("pasal-") for top, new in moved.items()):
        return
    for row in rows:
        if row.kind != "pasal" or not row.own or row.id not in before:
            continue
        node = Node.from_dict(row.node)
        own_id = node.id
        for inner in node.walk():
            if inner.text:
                frame_id = f"pasal-{before[row.id]}{inner.id[len(own_id):]}"
                inner.text = rewrite_references(inner.text, source_id=frame_id, new_number=moved.get).text
        row.node = node.to_dict()


def _block(rows: list[DraftProvision], index: int) -> int:
    """The end (exclusive) of the rows a row heads (``plan.block_end``)."""
    return block_end([row.kind for row in rows], index)


def _find(rows: list[DraftProvision], provision_id: int) -> int:
    for index, row in enumerate(rows):
        if row.id == provision_id:
            return index
    raise NotFound(f"Ketentuan rancangan {provision_id} tidak ditemukan (draft provision not found).")


def _position(position: int | None, size: int) -> int:
    if position is None:
        return size
    if not 0 <= position <= size:
        raise InvalidInput(f"'position' harus antara 0 dan {size} (position out of range): {position}")
    return position


def _save(session: Session, draft: Draft, rows: list[DraftProvision], before: dict[int, str]) -> None:
    for position, row in enumerate(rows):
        row.position = position
    _follow(before, rows)
    session.add_all(rows)
    _touch(session, draft)


def add_provision(*, session: Session, draft_id: int, source: str | None = None, kind: str | None = None,
                  text: str | None = None, heading: str | None = None, position: int | None = None) -> list[DraftProvision]:
    """Insert at ``position`` (default: the end) the stored provision ``source`` (a provision id,
    ``perda-prov-jawa-tengah-2019-11/pasal-14``: a BAB, Bagian or Paragraf comes with what it holds,
    an ayat or an item becomes a Pasal), or a new one: a Pasal with ``text``, or a BAB, Bagian or
    Paragraf with ``heading``. Returns the rows inserted."""
    draft = get_draft(session=session, draft_id=draft_id)
    rows = _rows(session, draft_id)
    before = _numbers(rows)
    at = _position(position, len(rows))
    if source is not None:
        if kind is not None or text is not None or heading is not None:
            raise InvalidInput("Beri 'source' saja, atau 'kind' dengan 'text'/'heading' (give a source, or a new provision).")
        regulation_id, _, node_id = source.partition("/")
        regulation = get_regulation(session=session, reg_id=regulation_id)
        if not node_id or session.get(Provision, source) is None:
            raise NotFound(f"Ketentuan '{source}' tidak ditemukan (provision not found).")
        pieces = pieces_of(Document.from_dict(regulation.document), frame=regulation.id, picks=[node_id],
                           regulation_id=regulation.id, with_groups=False,
                           maker=maker(jenis=regulation.jenis, daerah=regulation.daerah))
    elif kind == "pasal":
        if heading is not None:
            raise InvalidInput("Pasal tidak berjudul: beri 'text' (a Pasal has no heading; give its text).")
        pieces = [Piece(kind="pasal", node=_pasal_node(text or ""), own=True)]
    elif kind in GROUPS:
        if not (heading and heading.strip()) or text is not None:
            raise InvalidInput(f"{kind.capitalize()} baru perlu 'heading' saja (a new {kind} needs a heading, no text).")
        pieces = [Piece(kind=kind, heading=heading.strip(), own=True)]
    else:
        raise InvalidInput(f"Beri 'source', atau 'kind' salah satu dari {', '.join(KINDS)} (unknown kind): {kind!r}")
    new = [_row(draft_id, 0, piece) for piece in pieces]
    rows[at:at] = new
    _save(session, draft, rows, before)
    for row in new:
        session.refresh(row)
    return new


def edit_provision(*, session: Session, draft_id: int, provision_id: int, text: str | None = None,
                   heading: str | None = None) -> DraftProvision:
    """Replace a Pasal's content (``text``, in the draft's numbering, as ``DraftProvisionRead.text``
    shows it) or a group's ``heading``; the provision is the drafter's own from then on."""
    draft = get_draft(session=session, draft_id=draft_id)
    rows = _rows(session, draft_id)
    row = rows[_find(rows, provision_id)]
    if row.kind == "pasal":
        if heading is not None or text is None:
            raise InvalidInput("Ubah Pasal dengan 'text' (change a Pasal with its text).")
        if row.source_node_id and not row.own:
            row.original = row.node
        row.node = _pasal_node(text).to_dict()
    else:
        if text is not None or not (heading and heading.strip()):
            raise InvalidInput(f"Ubah {row.kind} dengan 'heading' (change a {row.kind} with its heading).")
        row.heading = heading.strip()
    row.own = True
    session.add(row)
    _touch(session, draft)
    session.refresh(row)
    return row


def move_provision(*, session: Session, draft_id: int, provision_id: int, position: int) -> None:
    """Move a provision (a group with what it holds) to ``position`` among the rows that remain."""
    draft = get_draft(session=session, draft_id=draft_id)
    rows = _rows(session, draft_id)
    before = _numbers(rows)
    start = _find(rows, provision_id)
    end = _block(rows, start)
    block = rows[start:end]
    rest = rows[:start] + rows[end:]
    at = _position(position, len(rest))
    _save(session, draft, rest[:at] + block + rest[at:], before)


def step_provision(*, session: Session, draft_id: int, provision_id: int, step: Literal[-1, 1]) -> None:
    """Move a provision (a group with what it holds) one place up (``step`` -1) or down (1), as
    ``plan.stepped`` says; InvalidInput when it cannot go that way (it is first or last)."""
    get_draft(session=session, draft_id=draft_id)
    rows = _rows(session, draft_id)
    position = stepped([row.kind for row in rows], _find(rows, provision_id), step)
    if position is None:
        raise InvalidInput(f"Ketentuan ini sudah paling {'atas' if step < 0 else 'bawah'} (it cannot move further "
                           f"{'up' if step < 0 else 'down'}).")
    move_provision(session=session, draft_id=draft_id, provision_id=provision_id, position=position)


def remove_provision(*, session: Session, draft_id: int, provision_id: int) -> None:
    """Remove a provision (a group with what it holds)."""
    draft = get_draft(session=session, draft_id=draft_id)
    rows = _rows(session, draft_id)
    before = _numbers(rows)
    start = _find(rows, provision_id)
    end = _block(rows, start)
    for row in rows[start:end]:
        session.delete(row)
    _save(session, draft, rows[:start] + rows[end:], before)


def delete_draft(*, session: Session, draft_id: int) -> None:
    """Delete a draft and its provisions."""
    draft = get_draft(session=session, draft_id=draft_id)
    session.exec(delete(DraftProvision).where(col(DraftProvision.draft_id) == draft_id))
    session.delete(draft)
    session.commit()


# --- checks -------------------------------------------------------------------------------


def revoked_acts(*, session: Session) -> dict[tuple[str, str, int], str]:
    """(jenis, nomor, tahun) of every act a stored regulation revokes as a whole -> the revoking provision."""
    ids = session.exec(select(Provision.regulation_id).where(Provision.part == "body")
                       .where(col(Provision.text).contains("dinyatakan tidak berlaku")).distinct()).all()
    found: dict[tuple[str, str, int], str] = {}
    for regulation_id in ids:
        regulation = session.get(Regulation, regulation_id)
        if regulation is not None:
            for act in revocations(Document.from_dict(regulation.document), regulation_id=regulation.id):
                found.setdefault((act.jenis, act.nomor, act.tahun), act.by)
    return found


def _definitions(session: Session, regulation_id: str) -> list[Definition]:
    entries = session.exec(select(DefinitionEntry).where(DefinitionEntry.regulation_id == regulation_id)).all()
    return [Definition(term=e.term, definition=e.definition, provision_id=e.provision_id or "", abbreviation=e.abbreviation)
            for e in entries]


def check_draft(*, session: Session, draft_id: int) -> DraftCheck:
    """The checks of ``app.drafting.checks`` on the draft as it reads now."""
    draft, done = assembled(session=session, draft_id=draft_id)
    rows = _rows(session, draft_id)
    sources = {maker(jenis=draft.source_jenis, daerah=draft.source_daerah)}
    sources |= {maker(jenis=row.source_jenis, daerah=row.source_daerah) for row in rows if row.source_node_id}
    origins: dict[str, list[Definition]] = {}
    known: dict[str, list[Definition]] = {}
    for row in rows:
        if row.kind == "pasal" and row.source_regulation_id:
            if row.source_regulation_id not in known:
                known[row.source_regulation_id] = _definitions(session, row.source_regulation_id)
            origins[done.nodes[str(row.id)].id] = known[row.source_regulation_id]
    findings = check_document(done.document, target=target(jenis=draft.jenis, daerah=draft.daerah),
                              sources=sorted(sources, key=repr), origins=origins, revoked=revoked_acts(session=session))
    return DraftCheck(draft_id=draft_id, findings=[DraftFlagRead.model_validate(flag) for flag in findings])

