"""Metadata of a regulation from its judul, pembukaan and penutup.

>>> meta = read_metadata(
...     ["PERATURAN BUPATI BATANG", "NOMOR 23 TAHUN 2019", "TENTANG", "SMART CITY",
...      "DENGAN RAHMAT TUHAN YANG MAHA ESA", "BUPATI BATANG,"],
...     ["Ditetapkan di Batang", "pada tanggal 8 April 2019", "BUPATI BATANG,", "ttd", "SUKMA HADIWIJAYA",
...      "BERITA DAERAH KABUPATEN BATANG TAHUN 2019 NOMOR 23"])
>>> meta.jenis, meta.nomor, meta.tahun, meta.daerah, meta.provinsi, meta.tanggal_ditetapkan, meta.penandatangan
('Peraturan Bupati', '23', 2019, 'Kabupaten Batang', 'Provinsi Jawa Tengah', '2019-04-08', 'SUKMA HADIWIJAYA')
"""

from __future__ import annotations

import re

from app.structure import regions
from app.structure.jenis import normalise_jenis
from app.structure.tree import Metadata
from app.text.ocr import repair_number, repair_year

MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11,
    "desember": 12,
}

_TITLE_RE = re.compile(
    r"""(?P<jenis>(?:PERATURAN|UNDANG|KEPUTUSAN|INSTRUKSI|QANUN|KETETAPAN)[^\n]*?)  # PERATURAN BUPATI BATANG
    \s+NOMOR\s*:?\s*(?P<nomor>[^\s,]+)                 # NOMOR 23
    \s+TAHUN\s+(?P<tahun>\S{4})                        # TAHUN 2019 (OCR: 2OL9)
    \s+TENTANG\s+(?P<judul>.+?)                        # TENTANG <title>
    (?=\s+DENGAN\s+RAHMAT|\s+Menimbang|\s*$)""",
    re.X | re.S,
)
_NUMBER_YEAR_RE = re.compile(   # the fallback when TENTANG is lost to OCR
    r"""(?P<jenis>(?:PERATURAN|UNDANG|KEPUTUSAN|INSTRUKSI|QANUN|KETETAPAN)[^\n]*?)
    \s+NOMOR\s*:?\s*(?P<nomor>[^\s,]+)\s+TAHUN\s+(?P<tahun>\S{4})""",
    re.X | re.S,
)
_OFFICE_RE = re.compile(
    r"DENGAN\s+RAHMAT\s+TUHAN\s+YANG\s+MAHA\s+ESA\s*,?\s+(?P<office>[A-Z][A-Z .\-]+?)\s*,", re.S
)
_DATE_RE = r"(?P<{name}>\d{{1,2}}\s+[A-Za-z]+\s+\S{{4}})"
_SET_RE = re.compile(r"(?:Ditetapkan|Disahkan)\s+di\s+(?P<tempat>.+?)\s+pada\s+tanggal\s+" + _DATE_RE.format(name="tanggal"), re.S | re.I)
_PROMULGATED_RE = re.compile(r"Diundangkan\s+di\s+(?P<tempat>.+?)\s+pada\s+tanggal\s+" + _DATE_RE.format(name="tanggal"), re.S | re.I)
_PUBLICATION_RE = re.compile(r"^(?:BERITA|LEMBARAN)\s+(?:DAERAH|NEGARA)\b.*", re.I)
_NOREG_RE = re.compile(r"^NOREG\b.*", re.I)
_TAMBAHAN_RE = re.compile(r"^TAMBAHAN\s+(?:BERITA|LEMBARAN)\b.*", re.I)
_SIGN_SKIP_RE = re.compile(r"^(?:ttd\.?|TTD\.?|Cap\b.*|\(?tanda\s+tangan\)?|t\.t\.d\.?)$", re.I)
_OFFICE_LINE_RE = re.compile(r"^[A-Z][A-Z .,/\-]+,$")


def parse_date(text: str) -> str | None:
    """``"8 April 2019"`` -> ``"2019-04-08"``; None when it is no date."""
    parts = text.split()
    if len(parts) != 3 or not parts[0].isdigit():
        return None
    month = MONTHS.get(parts[1].lower())
    year = repair_year(parts[2])
    day = int(parts[0])
    if not month or not year or not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _signer(lines: list[str], start: int) -> tuple[str | None, str | None]:
    """The office (``BUPATI BATANG``) and name signed after a "Ditetapkan/Diundangkan" line."""
    office = name = None
    for text in lines[start:start + 8]:
        if office is None and _OFFICE_LINE_RE.match(text):
            office = text.rstrip(",").strip()
        elif office is not None and not _SIGN_SKIP_RE.match(text):
            if text.upper() == text and not _PUBLICATION_RE.match(text):
                name = text.strip()
            break
    return office, name


def read_metadata(opening: list[str], closing: list[str]) -> Metadata:
    """Metadata from the opening lines (judul to the maker's office) and the penutup lines."""
    meta = Metadata()
    meta.spesimen = any(line.upper().startswith("SPESIMEN") for line in opening[:5])
    joined = " ".join(opening)
    title = _TITLE_RE.search(joined) or _NUMBER_YEAR_RE.search(joined)
    region = None
    if title:
        meta.nomor = repair_number(title["nomor"]) or title["nomor"]
        meta.tahun = repair_year(title["tahun"])
        if "judul" in title.groupdict():
            meta.judul = " ".join(title["judul"].split()).rstrip(".,")
        region = regions.from_title(title["jenis"])
    office = _OFFICE_RE.search(joined)
    if office:
        meta.pembuat = " ".join(office["office"].split())
        region = region or regions.from_office(meta.pembuat)
    jenis = normalise_jenis(title["jenis"] if title else joined[:200], region.tingkat if region else None)
    if jenis:
        meta.jenis, meta.jenis_singkat = jenis.nama, jenis.singkat
    if region:
        meta.daerah, meta.tingkat = region.nama, region.tingkat
        meta.provinsi = regions.province_of(region).nama
    elif jenis and not jenis.regional:
        meta.daerah, meta.tingkat = "Nasional", "nasional"
    _read_closing(meta, closing)
    return meta


def _read_closing(meta: Metadata, closing: list[str]) -> None:
    joined = " ".join(closing)
    if match := _SET_RE.search(joined):
        meta.tempat_ditetapkan = " ".join(match["tempat"].split())
        meta.tanggal_ditetapkan = parse_date(" ".join(match["tanggal"].split()))
    if match := _PROMULGATED_RE.search(joined):
        meta.tempat_diundangkan = " ".join(match["tempat"].split())
        meta.tanggal_diundangkan = parse_date(" ".join(match["tanggal"].split()))
    for i, text in enumerate(closing):
        if text.lower().startswith("pada tanggal") and meta.penandatangan is None:
            meta.jabatan_penandatangan, meta.penandatangan = _signer(closing, i + 1)
        if meta.publikasi is None and _PUBLICATION_RE.match(text):
            meta.publikasi = text
        if meta.noreg is None and _NOREG_RE.match(text):
            meta.noreg = text
        if meta.tambahan is None and _TAMBAHAN_RE.match(text):
            meta.tambahan = text
