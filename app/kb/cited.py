"""The regulations a Mengingat item cites, found in the knowledge base when it holds them.

A Mengingat item as the parser reads it (``app.structure.citations``) names a regulation by
``jenis``, ``nomor``, ``tahun`` (and ``daerah`` for a regional one), and under ``diubah`` the
regulations that amended it ("sebagaimana telah diubah dengan ..."). Each is looked up by the id
the knowledge base would give it (``app.kb.naming.regulation_slug``), and taken only when the
regulation stored under that id has the same number and year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from sqlmodel import Session

from app.kb.naming import regulation_slug
from app.kb.outline import regulation_title
from app.models import Regulation


@dataclass(frozen=True)
class Cited:
    """A cited regulation: its name, and its id when the knowledge base holds it."""

    name: str  # "Undang-Undang Nomor 14 Tahun 2008"
    regulation_id: str | None = None


def cited_id(session: Session, citation: Mapping[str, Any]) -> str | None:
    """The id of the regulation ``citation`` names, when it is stored; None otherwise (or when the
    citation lacks its number or year)."""
    nomor, tahun = citation.get("nomor"), citation.get("tahun")
    if not (citation.get("jenis") and nomor and tahun):
        return None
    slug = regulation_slug(jenis=citation.get("jenis"), daerah=citation.get("daerah"), tahun=tahun, nomor=str(nomor))
    regulation = session.get(Regulation, slug)
    if regulation is None or regulation.nomor != str(nomor) or regulation.tahun != tahun:
        return None
    return regulation.id


def cited(session: Session, item: Mapping[str, Any]) -> list[Cited]:
    """The regulation a Mengingat item cites, then those that amended it, in the item's order."""
    citations = [item, *(item.get("diubah") or [])]
    return [Cited(name=regulation_title(citation), regulation_id=cited_id(session, citation))
            for citation in citations if citation.get("jenis")]
