"""What the knowledge base holds: how many regulations of each jenis, province and year, and the
latest added. (The home page shows it; each count links to the regulations it counts.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models import Regulation

#: the bucket of national regulations (no province) in ``Summary.by_provinsi``
NASIONAL = "Nasional"


@dataclass(frozen=True)
class Summary:
    """Counts of regulations, each list most first (years newest first), and the latest added."""

    total: int
    by_jenis: list[tuple[str, int]]
    by_provinsi: list[tuple[str, int]]
    by_tahun: list[tuple[int, int]]
    latest: list[Regulation]


def _counts(session: Session, column: Any) -> list[tuple[Any, int]]:
    """(value, regulations) for each value of ``column``, None included."""
    return [(value, count) for value, count in session.exec(select(column, func.count()).group_by(column)).all()]


def summary(*, session: Session, latest: int = 5) -> Summary:
    """Regulations by ``jenis`` (unknown ones left out), by province (``NASIONAL`` for those
    without one), by year (unknown left out), and the ``latest`` most recently added."""
    by_jenis = [(str(jenis), count) for jenis, count in _counts(session, Regulation.jenis) if jenis]
    by_provinsi = [(str(provinsi or NASIONAL), count) for provinsi, count in _counts(session, Regulation.provinsi)]
    by_tahun = [(int(tahun), count) for tahun, count in _counts(session, Regulation.tahun) if tahun is not None]
    recent = session.exec(
        select(Regulation).order_by(col(Regulation.created_at).desc(), col(Regulation.id)).limit(latest)
    ).all()
    return Summary(
        total=sum(count for _provinsi, count in by_provinsi),
        by_jenis=sorted(by_jenis, key=lambda item: (-item[1], item[0])),
        by_provinsi=sorted(by_provinsi, key=lambda item: (-item[1], item[0])),
        by_tahun=sorted(by_tahun, reverse=True),
        latest=list(recent),
    )
