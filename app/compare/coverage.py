"""Coverage: which Pasal of each regulation cover which topic (smart-city dimensions, SPBE
domains, the usual institutions), as a matrix of topics by regulations.

The topics and the phrases that show them are data (``app/data/topik.toml``, whose header says
how a Pasal is matched). Texts are read region-neutrally (``app.text.neutral``) with the
regulation's own region, so "Dewan Jawa Tengah Cerdas" is a "dewan kota cerdas".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

from sqlmodel import Session

from app.compare.regulations import pasal_clauses
from app.errors import InvalidInput, NotFound
from app.kb.store import list_regulations
from app.models import Coverage, CoverageCell, CoverageRegulation, CoverageTopic, Regulation
from app.structure.tree import Document
from app.text.neutral import Neutraliser, neutraliser

Phrase = tuple[str, ...]
#: how a Pasal of definitions opens ("Dalam Peraturan Bupati ini yang dimaksud dengan:"), for
#: those the parser took no definitions from (an amended Pasal 1)
_DEFINES = re.compile(r"\bini\s+yang\s+dimaksud\s+dengan\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Topic:
    kunci: str
    nama: str
    kelompok: str
    frasa: tuple[str, ...]


def parse_topics(text: str) -> list[Topic]:
    """Topics from the TOML of ``app/data/topik.toml``; InvalidInput naming what is wrong.

    >>> [t.kunci for t in parse_topics('[[topik]]\\nkunci = "x"\\nnama = "X"\\nkelompok = "G"\\nfrasa = ["a b"]')]
    ['x']
    """
    try:
        blocks = tomllib.loads(text).get("topik", [])
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(f"Leksikon topik bukan TOML yang sah (the topic lexicon is not valid TOML): {error}") from None
    topics: list[Topic] = []
    for number, block in enumerate(blocks, start=1):
        missing = [key for key in ("kunci", "nama", "kelompok", "frasa") if not block.get(key)]
        if missing:
            raise InvalidInput(f"Topik ke-{number} tanpa {', '.join(missing)} (topic {number} lacks {', '.join(missing)}).")
        topics.append(Topic(kunci=str(block["kunci"]), nama=str(block["nama"]), kelompok=str(block["kelompok"]),
                            frasa=tuple(str(phrase) for phrase in block["frasa"])))
    keys = [topic.kunci for topic in topics]
    if len(set(keys)) != len(keys):
        raise InvalidInput("Kunci topik ganda (a topic key is used twice).")
    return topics


@lru_cache(maxsize=1)
def topics() -> tuple[Topic, ...]:
    """The topics of the bundled lexicon, in the order the matrix shows them."""
    return tuple(parse_topics(resources.files("app").joinpath("data/topik.toml").read_text(encoding="utf-8")))


def _phrases(topic: Topic, neutral: Neutraliser) -> list[Phrase]:
    return [phrase for phrase in (tuple(neutral.words(text)) for text in topic.frasa) if phrase]


def _has(words: Sequence[str], phrase: Phrase, starts: dict[str, list[int]]) -> bool:
    size = len(phrase)
    return any(tuple(words[i:i + size]) == phrase for i in starts.get(phrase[0], ()))


def _definition_pasal(document: Document, reg_id: str) -> set[str]:
    """Provision ids of the Pasal the parser found definitions in (Ketentuan Umum).

    >>> doc = Document.from_dict({"definitions": [{"term": "Daerah", "definition": "...", "provision_id": "pasal-1/angka-1"}]})
    >>> _definition_pasal(doc, "r")
    {'r/pasal-1'}
    """
    found = set()
    for definition in document.definitions:
        parts = definition.provision_id.split("/")
        end = max((i for i, part in enumerate(parts) if part.startswith("pasal-")), default=None)
        if end is not None:
            found.add("/".join([reg_id, *parts[:end + 1]]))
    return found


def regulation_coverage(document: Document, reg_id: str, daerah: str | None,
                        wanted: Sequence[Topic]) -> dict[str, CoverageCell]:
    """For each topic key, the Pasal of one regulation covering it (see the module docstring)."""
    neutral = neutraliser([daerah])
    phrases = {topic.kunci: _phrases(topic, neutral) for topic in wanted}
    skipped = _definition_pasal(document, reg_id)
    cells = {topic.kunci: CoverageCell(regulation_id=reg_id) for topic in wanted}
    for pasal_id, clauses in pasal_clauses(document, reg_id).items():
        if pasal_id in skipped or _DEFINES.search(clauses[0].text[:300]):
            continue
        text = " ".join(dict.fromkeys([clauses[0].headings, *(clause.text for clause in clauses)]))
        words = neutral.words(text)
        starts: dict[str, list[int]] = {}
        for position, word in enumerate(words):
            starts.setdefault(word, []).append(position)
        for key, topic_phrases in phrases.items():
            if any(_has(words, phrase, starts) for phrase in topic_phrases):
                cells[key].pasal.append(clauses[0].pasal or "")
                cells[key].provision_ids.append(pasal_id)
    return cells


def coverage(regulations: Sequence[Regulation], *, topic_keys: Sequence[str] = (), total: int | None = None) -> Coverage:
    """The matrix of ``topic_keys`` (every topic when empty) by ``regulations``, in their order;
    ``total``: how many regulations the selection matched (these, when not given)."""
    known = {topic.kunci: topic for topic in topics()}
    unknown = [key for key in topic_keys if key not in known]
    if unknown:
        raise InvalidInput(f"Topik tidak dikenal (unknown topic): {', '.join(unknown)}; "
                           f"yang ada (known): {', '.join(known)}")
    wanted = [known[key] for key in dict.fromkeys(topic_keys)] if topic_keys else list(known.values())
    by_regulation = [
        regulation_coverage(Document.from_dict(regulation.document), regulation.id, regulation.daerah, wanted)
        for regulation in regulations
    ]
    return Coverage(
        total=len(regulations) if total is None else total,
        regulations=[CoverageRegulation(
            id=regulation.id, jenis=regulation.jenis, jenis_singkat=regulation.jenis_singkat, nomor=regulation.nomor,
            tahun=regulation.tahun, daerah=regulation.daerah, judul=regulation.judul, spesimen=regulation.spesimen,
            topics=sum(bool(cells[topic.kunci].pasal) for topic in wanted),
        ) for regulation, cells in zip(regulations, by_regulation)],
        topics=[CoverageTopic(kunci=topic.kunci, nama=topic.nama, kelompok=topic.kelompok,
                              cells=[cells[topic.kunci] for cells in by_regulation]) for topic in wanted],
    )


@dataclass(frozen=True)
class Selection:
    """Which regulations the matrix is over: ``ids`` when given (in that order), else those matching
    every filter, newest year first, at most ``limit``."""

    ids: tuple[str, ...] = ()
    jenis: str | None = None
    daerah: str | None = None
    provinsi: str | None = None
    tingkat: str | None = None
    tahun: int | None = None
    limit: int = 20


def select_regulations(session: Session, selection: Selection) -> tuple[list[Regulation], int]:
    """The regulations of a selection and how many matched (NotFound names unknown ids)."""
    if selection.ids:
        found = {reg_id: session.get(Regulation, reg_id) for reg_id in dict.fromkeys(selection.ids)}
        unknown = [reg_id for reg_id, regulation in found.items() if regulation is None]
        if unknown:
            raise NotFound(f"Peraturan tidak ditemukan (regulation not found): {', '.join(unknown)}")
        return [regulation for regulation in found.values() if regulation is not None], len(found)
    return list_regulations(session=session, jenis=selection.jenis, daerah=selection.daerah, provinsi=selection.provinsi,
                            tingkat=selection.tingkat, tahun=selection.tahun, limit=selection.limit)


def coverage_of(session: Session, selection: Selection, *, topic_keys: Sequence[str] = ()) -> Coverage:
    """The matrix over a selection of regulations (``coverage``), with how many matched."""
    regulations, total = select_regulations(session, selection)
    return coverage(regulations, topic_keys=topic_keys, total=total)
