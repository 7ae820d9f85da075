"""Compare two regulations: Pasal pairs with their ayat, word diffs, what was carried by BAB,
and how the definitions of Pasal 1 differ.

A side is a parsed ``Document`` (an ingested regulation's stored document, or a file not
ingested: a draft). Only the body's own Pasal are aligned; the Penjelasan follows its Pasal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from app.compare.align import Unit, align, same_words
from app.compare.diff import word_diff
from app.errors import InvalidInput, NotFound
from app.index.units import ClauseUnit, clause_units, printed
from app.kb.store import provision_rows
from app.logs import timed
from app.models import (
    BabCarried, ClausePair, CompareSide, Comparison, DefinitionChange, DefinitionsCompared, PasalPair,
    Regulation,
)
from app.structure.tree import Document
from app.text.neutral import Neutraliser, neutraliser


@dataclass(frozen=True)
class Side:
    """One regulation to compare: how it is named, its id when ingested, its document."""

    ref: str
    document: Document
    regulation_id: str | None = None


def pasal_clauses(document: Document, reg_id: str = "draft") -> dict[str, list[ClauseUnit]]:
    """The body's Pasal in order, by provision id, each with its clauses (the Pasal itself when
    it has no ayat, else its ayat)."""
    pasal: dict[str, list[ClauseUnit]] = {}
    for clause in clause_units(provision_rows(reg_id, document)):
        if clause.part == "body" and clause.kind in ("pasal", "ayat") and clause.pasal:
            pasal.setdefault(clause.id.split("/ayat-")[0], []).append(clause)
    return pasal


def pasal_units(document: Document, neutral: Neutraliser, reg_id: str = "draft") -> list[Unit]:
    """The body's Pasal in order, each with its ayat, as alignment units."""
    units: list[Unit] = []
    for pasal_id, clauses in pasal_clauses(document, reg_id).items():
        text = " ".join(printed(clause.text, clause.ayat) for clause in clauses)
        children = [Unit(num=clause.ayat or "", id=clause.id, text=clause.text, stems=neutral.stems(clause.text))
                    for clause in clauses if clause.kind == "ayat"]
        units.append(Unit(num=clauses[0].pasal or "", id=pasal_id, text=text, stems=neutral.stems(text),
                          bab=clauses[0].bab, children=children))
    return units


def _pair(a: Unit, b: Unit, relation: str, score: float) -> dict[str, object]:
    return {"a": a.num, "b": b.num, "relation": relation, "score": round(score, 4), "a_id": a.id, "b_id": b.id,
            "a_text": a.text, "b_text": b.text, "diff": word_diff(a.text, b.text)}


def _ayat_pairs(a: Unit, b: Unit) -> tuple[list[ClausePair], list[str], list[str]]:
    if not a.children and not b.children:
        return [], [], []
    inner_a, inner_b = a.children or [a], b.children or [b]
    found = align(inner_a, inner_b)
    pairs = [ClausePair(**_pair(inner_a[p.a], inner_b[p.b], p.relation, p.score)) for p in found.pairs]
    return pairs, [inner_a[i].num for i in found.only_a], [inner_b[j].num for j in found.only_b]


def _term_key(term: str, neutral: Neutraliser) -> str:
    return " ".join(neutral.words(term))


def compare_definitions(a: Document, b: Document, neutral: Neutraliser) -> DefinitionsCompared:
    """Definitions matched by their region-neutral term; changed when the meaning's words differ."""
    defs_a = {_term_key(d.term, neutral): d for d in a.definitions}
    defs_b = {_term_key(d.term, neutral): d for d in b.definitions}
    changed: list[DefinitionChange] = []
    same = 0
    for key in defs_a.keys() & defs_b.keys():
        left, right = defs_a[key], defs_b[key]
        if same_words(neutral.stems(left.definition), neutral.stems(right.definition)):
            same += 1
        else:
            changed.append(DefinitionChange(term=left.term, a=left.definition, b=right.definition))
    changed.sort(key=lambda change: change.term.lower())
    return DefinitionsCompared(
        only_a=sorted((defs_a[key].term for key in defs_a.keys() - defs_b.keys()), key=str.lower),
        only_b=sorted((defs_b[key].term for key in defs_b.keys() - defs_a.keys()), key=str.lower),
        changed=changed, same=same,
    )


def _side(side: Side, count: int) -> CompareSide:
    meta = side.document.metadata
    return CompareSide(ref=side.ref, id=side.regulation_id, jenis=meta.jenis, nomor=meta.nomor, tahun=meta.tahun,
                       daerah=meta.daerah, judul=meta.judul, spesimen=meta.spesimen, pasal=count)


def _by_bab(units: list[Unit], paired: set[int]) -> list[BabCarried]:
    totals: Counter[str] = Counter()
    carried: defaultdict[str, int] = defaultdict(int)
    for index, unit in enumerate(units):
        bab = unit.bab or "(tanpa BAB)"
        totals[bab] += 1
        carried[bab] += index in paired
    return [BabCarried(bab=bab, pasal=total, carried=carried[bab], share=round(carried[bab] / total, 4))
            for bab, total in totals.items()]


@timed("compare")
def compare(a: Side, b: Side) -> Comparison:
    """Regulation ``a`` lined up with ``b`` (see the module docstring)."""
    neutral = neutraliser([a.document.metadata.daerah, b.document.metadata.daerah])
    units_a = pasal_units(a.document, neutral, a.regulation_id or "a")
    units_b = pasal_units(b.document, neutral, b.regulation_id or "b")
    found = align(units_a, units_b)
    pairs: list[PasalPair] = []
    for pair in found.pairs:
        left, right = units_a[pair.a], units_b[pair.b]
        ayat, ayat_only_a, ayat_only_b = _ayat_pairs(left, right)
        pairs.append(PasalPair(**_pair(left, right, pair.relation, pair.score),
                               ayat=ayat, ayat_only_a=ayat_only_a, ayat_only_b=ayat_only_b))
    paired_a = {pair.a for pair in found.pairs}
    return Comparison(
        a=_side(a, len(units_a)), b=_side(b, len(units_b)), pairs=pairs,
        only_a=[units_a[i].num for i in found.only_a], only_b=[units_b[j].num for j in found.only_b],
        carried=round(len(paired_a) / len(units_a), 4) if units_a else 0.0,
        relations=dict(Counter(pair.relation for pair in found.pairs)),
        by_bab=_by_bab(units_a, paired_a),
        definitions=compare_definitions(a.document, b.document, neutral),
    )


def regulation_side(session: Session, reg_id: str) -> Side:
    """An ingested regulation as a side (its stored document)."""
    regulation = session.get(Regulation, reg_id)
    if regulation is None:
        raise NotFound(f"Peraturan '{reg_id}' tidak ditemukan (regulation not found).")
    return Side(ref=reg_id, document=Document.from_dict(regulation.document), regulation_id=regulation.id)


def load_side(ref: str, session: Session) -> Side:
    """A side named by a file path (parsed, not stored) or by an ingested regulation's id."""
    from app.kb.ingest import parse_file

    path = Path(ref)
    if path.is_file():
        return Side(ref=path.name, document=parse_file(path))
    try:
        return regulation_side(session, ref)
    except NotFound:
        raise NotFound(f"'{ref}' bukan berkas maupun id peraturan (neither a file nor a regulation id).") from None


def draft_comparison(session: Session, *, data: bytes, filename: str | None,
                     a: str | None = None, b: str | None = None) -> Comparison:
    """An uploaded draft (parsed, never stored) lined up with an ingested regulation: give ``a``
    when the draft adapts that regulation (the draft is B), ``b`` when the draft is read against it
    (the draft is A); InvalidInput unless exactly one is given. The draft's side is named by its file."""
    from app.kb.ingest import parse_upload

    if (a is None) == (b is None):
        raise InvalidInput("Beri salah satu: a atau b, id peraturan pembanding (give the regulation id as a or as b).")
    draft = Side(ref=filename or "draft", document=parse_upload(data, filename))
    ingested = regulation_side(session, a or b or "")
    return compare(ingested, draft) if a is not None else compare(draft, ingested)
