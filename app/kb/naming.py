"""Readable, stable ids for regulations, and the kind (jenis) names they are built from.

The regulation id rule (``regulation_slug``)
--------------------------------------------
``<kode>[-<level>][-<region>]-<tahun>-<nomor>``, all lower case, words joined by ``-``:

* ``kode`` is the code of the jenis from ``app.structure.jenis.normalise_jenis`` (``uu``,
  ``perppu``, ``pp``, ``perpres``, ``permen``, ``perda-prov``, ``perda-kab``, ``perda-kota``,
  ``pergub``, ``perbup``, ``perwal`` ...; a small table here stands in when that module is
  missing), else the slug of ``jenis_singkat``/``jenis``; ``peraturan`` when nothing is known.
* a national regulation (``tingkat`` nasional, or ``daerah`` empty / ``Nasional``) has no region:
  ``uu-2014-23``, ``pp-2016-18``, ``perpres-2018-95``.
* a regional one adds the region: the ``daerah`` name without its leading ``Provinsi``,
  ``Kabupaten`` or ``Kota``: ``perbup-batang-2019-23``, ``pergub-jawa-tengah-2020-4``,
  ``perwal-semarang-2021-7``. Pergub, Perbup and Perwal name their level already; a Perda does
  not (a province and a regency may share a name), so a Perda keeps a level marker ``prov``,
  ``kab`` or ``kota``: ``perda-prov-jawa-tengah-2019-11``, ``perda-kab-batang-2020-5``,
  ``perda-kota-semarang-2021-3``.
* ``nomor`` is slugged (``8/PER/2021`` -> ``8-per-2021``); an unknown ``tahun`` or ``nomor``
  becomes ``tanpa-tahun`` / ``tanpa-nomor``.
* an id already taken by another regulation gets ``-2``, ``-3`` ... (``unique_slug``). A
  regulation keeps its id when it is updated, even if its metadata change.

>>> regulation_slug(jenis="Peraturan Bupati", daerah="Kabupaten Batang", tahun=2019, nomor="23")
'perbup-batang-2019-23'
>>> regulation_slug(jenis="Peraturan Daerah Provinsi", daerah="Provinsi Jawa Tengah", tahun=2019, nomor="11")
'perda-prov-jawa-tengah-2019-11'
>>> regulation_slug(jenis="Undang-Undang", daerah="Nasional", tahun=2014, nomor="23")
'uu-2014-23'
>>> regulation_slug(jenis="Peraturan Pemerintah", tahun=2016, nomor="18")
'pp-2016-18'
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable

logger = logging.getLogger(__name__)

# Used only while app.structure.jenis is missing; the same kode values as its JENIS table.
# kode, full name, short name, tingkat, other spellings (all compared lower case, single-spaced)
_JENIS_TABLE: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("uud", "Undang-Undang Dasar", "UUD 1945", "nasional", ("undang-undang dasar negara republik indonesia tahun 1945", "uud")),
    ("perppu", "Peraturan Pemerintah Pengganti Undang-Undang", "Perppu", "nasional", ("perpu",)),
    ("uu", "Undang-Undang", "UU", "nasional", ("undang undang",)),
    ("pp", "Peraturan Pemerintah", "PP", "nasional", ()),
    ("perpres", "Peraturan Presiden", "Perpres", "nasional", ()),
    ("permen", "Peraturan Menteri", "Permen", "nasional", ()),
    ("perda-prov", "Peraturan Daerah Provinsi", "Perda Provinsi", "provinsi", ("perda prov", "perda propinsi", "peraturan daerah propinsi")),
    ("perda-kab", "Peraturan Daerah Kabupaten", "Perda Kabupaten", "kabupaten", ("perda kab",)),
    ("perda-kota", "Peraturan Daerah Kota", "Perda Kota", "kota", ()),
    ("perda", "Peraturan Daerah", "Perda", "daerah", ()),
    ("pergub", "Peraturan Gubernur", "Pergub", "provinsi", ()),
    ("perbup", "Peraturan Bupati", "Perbup", "kabupaten", ()),
    ("perwal", "Peraturan Wali Kota", "Perwal", "kota", ("peraturan walikota", "perwali")),
)

#: kinds whose name does not tell the level of government, so the id carries it
_LEVEL_MARKER = {"provinsi": "prov", "kabupaten": "kab", "kota": "kota"}
_REGION_PREFIX = re.compile(r"^\s*(provinsi|propinsi|kabupaten|kab\.?|kota(?:madya)?)\s+", re.I)


@dataclass(frozen=True)
class JenisInfo:
    """A kind of regulation: ``JenisInfo("perbup", "Peraturan Bupati", "Perbup")``."""

    kode: str
    nama: str | None
    singkat: str | None
    tingkat: str | None = None  # nasional | provinsi | kabupaten | kota | daerah (a Perda of unknown level)


def slugify(text: str) -> str:
    """``"Jawa Tengah"`` -> ``"jawa-tengah"``; accents dropped, anything else becomes ``-``.

    >>> slugify(" Kab. Batang / 2019 "), slugify("Perda Kabupaten/Kota")
    ('kab-batang-2019', 'perda-kabupaten-kota')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _key(text: str) -> str:
    text = " ".join(text.lower().split())
    return text.replace("walikota", "wali kota")


def _external_normaliser() -> Callable[..., object] | None:
    try:
        from app.structure.jenis import normalise_jenis  # written alongside; optional
    except ImportError:
        return None
    return normalise_jenis


def jenis_info(jenis: str | None, jenis_singkat: str | None = None, *, tingkat: str | None = None) -> JenisInfo | None:
    """The kind named by ``jenis`` (full or short name), or None when neither is given.

    ``tingkat`` refines a bare "Peraturan Daerah" (``perda`` -> ``perda-prov``, ``perda-kab``,
    ``perda-kota``).

    >>> jenis_info("peraturan walikota")
    JenisInfo(kode='perwal', nama='Peraturan Wali Kota', singkat='Perwal', tingkat='kota')
    >>> jenis_info(None, "Perda Provinsi").nama
    'Peraturan Daerah Provinsi'
    >>> jenis_info("Peraturan Daerah", tingkat="kabupaten").kode
    'perda-kab'
    """
    texts = [t for t in (jenis, jenis_singkat) if t and t.strip()]
    if not texts:
        return None
    normalise = _external_normaliser()
    for text in texts:
        if normalise is not None:
            try:
                found = normalise(text, tingkat=tingkat)
            except Exception:  # noqa: BLE001  (a helper's bug must not stop an ingest)
                logger.debug("normalise_jenis(%r) failed", text, exc_info=True)
                found = None
            kode = getattr(found, "kode", None)
            if kode:
                return JenisInfo(
                    kode=str(kode).lower(), nama=getattr(found, "nama", None),
                    singkat=getattr(found, "singkat", None), tingkat=getattr(found, "tingkat", None),
                )
        table_hit = _from_table(text, tingkat=tingkat)
        if table_hit:
            return table_hit
    return JenisInfo(kode=slugify(jenis_singkat or jenis or "")[:40] or "peraturan", nama=jenis, singkat=jenis_singkat)


def _from_table(text: str, *, tingkat: str | None = None) -> JenisInfo | None:
    key = _key(text)
    hit: JenisInfo | None = None
    for kode, nama, singkat, level, others in _JENIS_TABLE:
        if key in {_key(nama), _key(singkat), *others}:
            hit = JenisInfo(kode, nama, singkat, level)
            break
    else:
        # a longer title that starts with a known name: "Peraturan Daerah Provinsi Jawa Tengah"
        best = 0
        for kode, nama, singkat, level, others in _JENIS_TABLE:
            for name in (_key(nama), *others):
                if key.startswith(name + " ") and len(name) > best:
                    best, hit = len(name), JenisInfo(kode, nama, singkat, level)
    if hit and hit.kode == "perda" and tingkat and tingkat.lower() in _LEVEL_MARKER:
        refined = f"perda-{_LEVEL_MARKER[tingkat.lower()]}"
        return next(JenisInfo(k, n, s, lv) for k, n, s, lv, _o in _JENIS_TABLE if k == refined)
    return hit


def tingkat_of(daerah: str | None) -> str | None:
    """The level of government a region name says.

    >>> tingkat_of("Kabupaten Batang"), tingkat_of("Provinsi Jawa Tengah"), tingkat_of("Nasional")
    ('kabupaten', 'provinsi', 'nasional')
    """
    if not daerah or not daerah.strip():
        return None
    key = _key(daerah)
    if key in {"nasional", "republik indonesia", "indonesia", "pusat"}:
        return "nasional"
    match = _REGION_PREFIX.match(key)
    if not match:
        return None
    word = match.group(1).rstrip(".")
    return {"propinsi": "provinsi", "kab": "kabupaten", "kotamadya": "kota"}.get(word, word)


def region_slug(daerah: str) -> str:
    """``"Kabupaten Batang"`` -> ``"batang"``; ``"Provinsi Jawa Tengah"`` -> ``"jawa-tengah"``."""
    return slugify(_REGION_PREFIX.sub("", daerah, count=1))


def regulation_slug(
    *,
    jenis: str | None = None,
    jenis_singkat: str | None = None,
    daerah: str | None = None,
    tingkat: str | None = None,
    tahun: int | None = None,
    nomor: str | None = None,
) -> str:
    """The readable id of a regulation, before collisions are resolved (rule in the module docstring)."""
    level = (tingkat or tingkat_of(daerah) or "").lower() or None
    info = jenis_info(jenis, jenis_singkat, tingkat=level)
    kode = info.kode if info else "peraturan"
    if level is None and info and info.tingkat in {"nasional", *_LEVEL_MARKER}:
        level = info.tingkat
    national = level == "nasional" or not (daerah and daerah.strip()) or tingkat_of(daerah) == "nasional"
    parts: list[str] = []
    if kode.startswith("perda") and not national:
        # a Perda keeps its level marker, whatever spelling the kode uses: perda-prov, perda-kab, perda-kota
        parts.append("perda")
        if level in _LEVEL_MARKER:
            parts.append(_LEVEL_MARKER[level])
    else:
        parts.append(kode)
    if not national and daerah:
        region = region_slug(daerah)
        if region:
            parts.append(region)
    parts.append(str(tahun) if tahun is not None else "tanpa-tahun")
    parts.append(slugify(nomor) if nomor and slugify(nomor) else "tanpa-nomor")
    return "-".join(parts)


def unique_slug(slug: str, taken: Iterable[str] | Callable[[str], bool]) -> str:
    """``slug`` itself when free, else ``slug-2``, ``slug-3`` ...

    >>> unique_slug("uu-2014-23", {"uu-2014-23", "uu-2014-23-2"})
    'uu-2014-23-3'
    """
    is_taken = taken if callable(taken) else set(taken).__contains__
    if not is_taken(slug):
        return slug
    count = 2
    while is_taken(f"{slug}-{count}"):
        count += 1
    return f"{slug}-{count}"
