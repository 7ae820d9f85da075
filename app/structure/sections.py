"""Cut a regulation's lines into its parts: pembukaan, menimbang, mengingat, memperhatikan, persetujuan,
diktum, batang tubuh, penutup, Penjelasan and Lampiran (anatomy: "Skeleton, top to bottom").

Every line lands in exactly one part; a part that is absent is empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.structure.patterns import (
    BAB_RE, DITETAPKAN_RE, DIUNDANGKAN_RE, LAMPIRAN_RE, MEMPERHATIKAN_RE, MEMUTUSKAN_RE, PENJELASAN_PART_RE, MENETAPKAN_RE, MENGINGAT_RE, MENIMBANG_RE,
    PASAL_RE, PENJELASAN_RE, PERSETUJUAN_RE,
)
from app.text.cleanup import Line


@dataclass
class Sections:
    pembukaan: list[Line] = field(default_factory=list)
    menimbang: list[Line] = field(default_factory=list)
    mengingat: list[Line] = field(default_factory=list)
    memperhatikan: list[Line] = field(default_factory=list)
    persetujuan: list[Line] = field(default_factory=list)
    diktum: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    penutup: list[Line] = field(default_factory=list)
    penjelasan: list[Line] = field(default_factory=list)
    lampiran: list[Line] = field(default_factory=list)


def _first(lines: list[Line], start: int, *patterns, stop: int | None = None) -> int | None:
    end = len(lines) if stop is None else stop
    for i in range(start, end):
        if any(p.match(lines[i].text) for p in patterns):
            return i
    return None


def _earliest(*found: int | None) -> int | None:
    """The first of the positions found, None when none was."""
    return min((i for i in found if i is not None), default=None)


def _body_start(lines: list[Line], start: int) -> int | None:
    """The first BAB or stand-alone Pasal heading at or after ``start``."""
    for i in range(start, len(lines)):
        text = lines[i].text
        if BAB_RE.match(text):
            return i
        match = PASAL_RE.match(text)
        if match and not match["rest"]:
            return i
    return None


def _is_first_heading(text: str) -> bool:
    """``BAB I``, ``Pasal 1`` or ``Pasal I`` standing alone: where a body starts."""
    bab = BAB_RE.match(text)
    if bab:
        return bab["num"] == "I"
    pasal = PASAL_RE.match(text)
    return bool(pasal and not pasal["rest"] and pasal["num"] in ("1", "l", "I"))


def _first_heading_before(lines: list[Line], start: int, body: int) -> int | None:
    """A body start misplaced before MEMUTUSKAN by a scrambled extraction (two-column OCR)."""
    if body < len(lines) and _is_first_heading(lines[body].text):
        return None
    return next((i for i in range(start, body) if _is_first_heading(lines[i].text)), None)


def split_sections(lines: list[Line]) -> Sections:
    """The parts of a regulation, in the order the drafting technique lays them out."""
    menimbang = _first(lines, 0, MENIMBANG_RE)
    opening_end = _earliest(menimbang, _first(lines, 0, MENGINGAT_RE)) or 0
    memutuskan = _earliest(_first(lines, opening_end, MEMUTUSKAN_RE), _first(lines, opening_end, MENETAPKAN_RE))
    body = _body_start(lines, memutuskan if memutuskan is not None else opening_end)
    if body is None:
        body = len(lines)
    misplaced = _first_heading_before(lines, opening_end + 1, body)
    if misplaced is not None:
        body = misplaced
    if memutuskan is None or memutuskan > body:
        memutuskan = body
    if menimbang is not None and menimbang > memutuskan:
        menimbang = None
    mengingat = _first(lines, opening_end, MENGINGAT_RE, stop=memutuskan)
    if mengingat is None:
        mengingat = memutuskan
    if menimbang is None:  # no Menimbang: an empty part just before Mengingat
        menimbang = min(mengingat, opening_end) if opening_end else mengingat
    persetujuan = _first(lines, mengingat, PERSETUJUAN_RE, stop=memutuskan)
    if persetujuan is None:
        persetujuan = memutuskan
    memperhatikan = _first(lines, mengingat, MEMPERHATIKAN_RE, stop=persetujuan)
    if memperhatikan is None:
        memperhatikan = persetujuan
    penjelasan_at = _first(lines, body, PENJELASAN_RE)
    if penjelasan_at is None:  # its heading lost: the Penjelasan starts at "I. UMUM" / "PASAL DEMI PASAL"
        penjelasan_at = _first(lines, body, PENJELASAN_PART_RE)
    penutup = _earliest(_first(lines, body, DITETAPKAN_RE, stop=penjelasan_at),
                        _first(lines, body, DIUNDANGKAN_RE, stop=penjelasan_at))
    lampiran_at = _first(lines, body if penutup is None else penutup, LAMPIRAN_RE)
    if penutup is None:  # no signature block: the body runs to the Penjelasan or the Lampiran
        ends = [i for i in (penjelasan_at, lampiran_at) if i is not None]
        penutup = min(ends) if ends else len(lines)
    tail = [i for i in (penjelasan_at, lampiran_at) if i is not None]
    penutup_end = min(tail) if tail else len(lines)
    sections = Sections(
        pembukaan=lines[:menimbang],
        menimbang=lines[menimbang:mengingat],
        mengingat=lines[mengingat:memperhatikan],
        memperhatikan=lines[memperhatikan:persetujuan],
        persetujuan=lines[persetujuan:memutuskan],
        diktum=lines[memutuskan:body],
        body=lines[body:penutup],
        penutup=lines[penutup:penutup_end],
    )
    if penjelasan_at is not None and (lampiran_at is None or penjelasan_at < lampiran_at):
        end = lampiran_at if lampiran_at is not None else len(lines)
        sections.penjelasan = lines[penjelasan_at:end]
        sections.lampiran = lines[end:]
    elif lampiran_at is not None:
        end = penjelasan_at if penjelasan_at is not None else len(lines)
        sections.lampiran = lines[lampiran_at:end]
        sections.penjelasan = lines[end:]
    return sections
