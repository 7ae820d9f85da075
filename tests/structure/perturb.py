"""Seeded, composable perturbations of a regulation's text: the noise of scanned and extracted PDFs.

Each perturbation is a small function ``(text, rng) -> text``; ``compose`` chains them and
``apply`` runs one with a seed, so a perturbed text is the same on every run. They model what
real texts show (see ``shared/docs/anatomy.md`` and the OCR'd texts of ``shared/corpus/national``):

- layout: indentation stripped, lines joined into paragraphs as PDF extraction does (``join_lines``),
  a heading glued to the end of the line before (``glue_headings``), CRLF, tabs, NBSP, form feeds;
- page furniture every ~45 lines: running headers (``BUPATI BATANG``, ``- 7 -``, ``SALINAN``,
  ``PRESIDEN REPUBLIK INDONESIA``, ``www.jdih.batangkab.go.id``) and catchwords (the first words
  of the next page repeated at the foot of a page: ``Pasal 12``, ``(3) Masterplan``);
- OCR noise in markers (``Pasal l``, ``(21``, ``( 2)``, ``1O.``, ``BAB Il``), in words
  (``a tau``, ``danjatau``, ``Sis tern``, rn/m) and in years (``2OL9``);
- hyphenation of long words at line ends;
- heading style: ``PASAL 5``, ``Pasal 5.``, ``BAB I.``.

Noise never changes what the gold structure says: a perturbed text has the same Pasal, ayat,
BAB, menimbang, mengingat and definitions as the original (marker noise is the kind OCR makes,
which a reader still reads as the same marker).
"""

from __future__ import annotations

import random
import re
import zlib
from functools import partial
from typing import Callable

Perturbation = Callable[[str, random.Random], str]

# ----------------------------------------------------------------------------- plumbing


def seed_for(*parts: str) -> int:
    """A stable seed from names (``hash()`` of a str changes between runs)."""
    return zlib.crc32("\x00".join(parts).encode("utf-8"))


def compose(*steps: Perturbation) -> Perturbation:
    """Apply ``steps`` left to right, sharing one random generator."""
    def run(text: str, rng: random.Random) -> str:
        for step in steps:
            text = step(text, rng)
        return text
    return run


def apply(text: str, perturbation: Perturbation, seed: int | str = 0) -> str:
    rng = random.Random(seed_for(seed) if isinstance(seed, str) else seed)
    return perturbation(text, rng)


def identity(text: str, rng: random.Random) -> str:
    return text


# ----------------------------------------------------------------------------- line kinds

_HEADING_RE = re.compile(r"^(?:BAB|Bagian|Paragraf|Pasal|PASAL)\s+\S")
_GROUP_HEADING_RE = re.compile(r"^(?:BAB|Bagian|Paragraf)\s+\S+\.?$")          # title on the next line
_CLOSED_HEADING_RE = re.compile(r"^(?:(?:Pasal|PASAL)\s+\S+|Huruf\s+[a-z]|Ayat\s+\(\d+\)|Angka\s+\d+[a-z]?)\.?$")
_ITEM_RE = re.compile(r"^(?:\(\s*\w{1,3}\s*\)|[a-z]\.|\d{1,3}[a-z]?\.|[a-z]\)|\d{1,3}\))(?:\s|$)")
_START_RE = re.compile(
    r"^(?:Menimbang|Mengingat|Memperhatikan|MEMUTUSKAN|Menetapkan|Ditetapkan|Diundangkan|Dengan\s+Persetujuan"
    r"|DENGAN\s+RAHMAT|PENJELASAN|I\.\s+UMUM|II\.\s+PASAL|Cukup\s+jelas|ttd\b|SPESIMEN|TAMBAHAN|LEMBARAN|BERITA|NOREG)"
)
PAGE_NO_RE = re.compile(r"^[-–]\s*\d{1,3}\s*[-–]$")
_FURNITURE_RE = re.compile(
    r"^(?:[-–]\s*\d{1,3}\s*[-–]|PRESIDEN\s+REPUBLIK\s+INDONESIA|SALINAN|www\.\S+"
    r"|(?:BUPATI|GUBERNUR|WALI\s?KOTA|WALIKOTA)(?:\s+[A-Z]+)+)$"
)
_MAKER_RE = re.compile(r"^\s*((?:BUPATI|GUBERNUR|WALI\s?KOTA|WALIKOTA)\s+[A-Z][A-Z ]*?)\s*,?\s*$")


def _is_start(stripped: str) -> bool:
    return bool(_HEADING_RE.match(stripped) or _ITEM_RE.match(stripped) or _START_RE.match(stripped))


def _is_furniture(stripped: str) -> bool:
    return bool(_FURNITURE_RE.match(stripped))


def _page_break_lines(stripped: list[str]) -> set[int]:
    """Indexes of the lines of page breaks: runs of blank and furniture lines holding a page number."""
    found: set[int] = set()
    i = 0
    while i < len(stripped):
        j = i
        while j < len(stripped) and (not stripped[j] or _is_furniture(stripped[j].lstrip("\f"))):
            j += 1
        if j > i and any(PAGE_NO_RE.match(stripped[k].lstrip("\f")) for k in range(i, j)):
            found.update(range(i, j))
        i = max(j, i + 1)
    return found


def _indented(lines: list[str]) -> bool:
    return sum(1 for l in lines if len(l) - len(l.lstrip(" ")) >= 20) >= 3


# ----------------------------------------------------------------------------- layout


def strip_indent(text: str, rng: random.Random) -> str:
    """Every line flush left, as text layers of most PDFs give it."""
    return "\n".join(line.strip() for line in text.split("\n"))


def join_lines(text: str, rng: random.Random) -> str:
    """Lines of one item joined into one long line, the way PDF extraction does (mblonyox texts).

    A new line starts at every marker (BAB, Pasal, ``(2)``, ``a.``, ``1.``, Menimbang, ...);
    a BAB/Bagian/Paragraf takes its title line (``BAB I KETENTUAN UMUM``); a Pasal heading stays
    alone; blank lines go; page furniture met inside an item lands inside the line
    (``... yang - 3 - memberikan``).
    """
    lines = [l.strip() for l in text.split("\n")]
    page_break = _page_break_lines(lines)
    out: list[str] = []
    open_ = False        # the last output line may take a continuation
    take_title = False   # the last output line is a BAB/Bagian/Paragraf waiting for its title
    for i, s in enumerate(lines):
        if i in page_break:  # furniture lands inside the item it interrupts; its blank lines go
            if s:
                if out and open_:
                    out[-1] += " " + s
                else:
                    out.append(s)
            continue
        if not s:  # a blank line closes the item (a BAB still takes its title)
            open_ = take_title and open_
            continue
        if take_title and not _is_start(s):
            out[-1] += " " + s
            take_title = open_ = False
        elif _is_start(s):
            out.append(s)
            take_title = bool(_GROUP_HEADING_RE.match(s))
            open_ = take_title or not (_CLOSED_HEADING_RE.match(s) or s.startswith("SPESIMEN"))
        elif open_ and out:
            out[-1] += " " + s
        else:
            out.append(s)
            open_ = True
    return "\n".join(out) + "\n"


def glue_headings(text: str, rng: random.Random, p: float = 0.35) -> str:
    """Some headings glued to the end of the line before it, as extraction does.

    ``... yang kecil. Paragraf 2 Sekretariat``, ``Menetapkan : PERATURAN ... BAB I KETENTUAN UMUM``
    (the first heading after Menetapkan always), ``Pasal 3 (1) Pembentukan ...`` (a Pasal heading
    with its first line). A heading is glued only after a line that ends a sentence (``.;:``).
    Best after ``join_lines`` (headings then carry their titles).
    """
    lines = text.split("\n")
    out: list[str] = []
    after_menetapkan = False
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        prev = next((k for k in range(len(out) - 1, -1, -1) if out[k].strip()), None)
        if s and _HEADING_RE.match(s) and prev is not None:
            force = after_menetapkan
            after_menetapkan = False
            if out[prev].rstrip().endswith((".", ";", ":")) and (force or rng.random() < p):
                glued = s
                if _GROUP_HEADING_RE.match(s):  # bring its title along
                    j = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
                    if j is not None and not _is_start(lines[j].strip()):
                        glued += " " + lines[j].strip()
                        i = j
                del out[prev + 1:]
                out[prev] = out[prev].rstrip() + " " + glued
                i += 1
                continue
        if s and _CLOSED_HEADING_RE.match(s) and s.lower().startswith("pasal") and rng.random() < p:
            j = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
            if j is not None and not _HEADING_RE.match(lines[j].strip()) and not _is_furniture(lines[j].strip()):
                out.append(lines[i].rstrip() + " " + lines[j].strip())
                i = j + 1
                continue
        if s.startswith("Menetapkan"):
            after_menetapkan = True
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def glue_items(text: str, rng: random.Random, p: float = 0.3) -> str:
    """Some items glued to the end of the item before: ``... camat. 2. Kelurahan adalah ...``,
    ``...; dan c. dinas``, ``... kecil. (2) Pemerintah ...`` (after a line ending ``.;:``).
    Best after ``join_lines`` (items are then one line each)."""
    out: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        prev = next((k for k in range(len(out) - 1, -1, -1) if out[k].strip()), None)
        if (s and _ITEM_RE.match(s) and prev is not None and rng.random() < p
                and re.search(r"(?:[.;:]|; dan|; atau|; dan/atau)$", out[prev].rstrip())
                and not _is_furniture(out[prev].strip())):
            del out[prev + 1:]
            out[prev] = out[prev].rstrip() + " " + s
            continue
        out.append(line)
    return "\n".join(out)


def crlf(text: str, rng: random.Random) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def tabs(text: str, rng: random.Random) -> str:
    """Indentation and alignment made of tabs: ``Menimbang\\t:\\ta. bahwa``."""
    out = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        n = len(line) - len(body)
        body = re.sub(r" {2,}", "\t", body)
        body = re.sub(r"^(Menimbang|Mengingat|Menetapkan)\s*:\s*", r"\1\t:\t", body)
        out.append("\t" * (n // 8) + " " * (n % 8) + body)
    return "\n".join(out)


def nbsp(text: str, rng: random.Random, rate: float = 0.3) -> str:
    """Some spaces between words are non-breaking (U+00A0), as copied from PDF or Word."""
    return re.sub(r"(?<=\S) (?=\S)", lambda m: "\u00a0" if rng.random() < rate else " ", text)


def form_feeds(text: str, rng: random.Random) -> str:
    """A form feed opens every page (pdftotext marks page breaks so)."""
    return "\n".join("\f" + l if PAGE_NO_RE.match(l.strip()) else l for l in text.split("\n"))


def hyphenate(text: str, rng: random.Random, p: float = 0.35) -> str:
    """A long word at a line end split with a hyphen: ``membe-`` / ``rikan``."""
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        nxt = lines[i + 1].strip()
        if not nxt or _is_start(nxt) or _is_furniture(nxt):
            continue
        m = re.search(r"(?<![\w/-])([a-z]{8,})([.,;:]?)$", lines[i].rstrip())
        if not m or rng.random() >= p:
            continue
        word, punct = m.group(1), m.group(2)
        cut = rng.randint(3, len(word) - 3)
        indent = lines[i + 1][: len(lines[i + 1]) - len(lines[i + 1].lstrip())]
        lines[i] = lines[i].rstrip()[: m.start()] + word[:cut] + "-"
        lines[i + 1] = indent + word[cut:] + punct + " " + nxt
    return "\n".join(lines)


# ----------------------------------------------------------------------------- page furniture


def page_furniture(text: str, rng: random.Random, style: str = "regional", every: int = 45) -> str:
    """Repaginate: the old page numbers out, a page break every ``every`` (+-5) lines.

    regional: ``www.jdih.<daerah>.go.id`` at the foot, ``BUPATI BATANG`` and ``- 7 -`` at the head;
    national: ``SALINAN`` above the first page, ``PRESIDEN REPUBLIK INDONESIA`` and ``- 7 -``.
    """
    lines = [l for l in text.split("\n") if not PAGE_NO_RE.match(l.strip())]
    pad = " " * 36 if _indented(lines) else ""
    if style == "national":
        header, footer = "PRESIDEN REPUBLIK INDONESIA", None
    else:
        maker = next((m.group(1) for l in lines[:20] if (m := _MAKER_RE.match(l))), "BUPATI BATANG")
        header = re.sub(r"\s+", " ", maker)
        name = header.split(" ", 1)[1].lower().replace(" ", "")
        footer = f"www.jdih.{name}{'prov' if header.startswith('GUBERNUR') else 'kab'}.go.id"
    out: list[str] = [pad + "SALINAN", ""] if style == "national" else []
    page, next_break = 1, every + rng.randint(-5, 5)
    for n, line in enumerate(lines):
        if n == next_break and n < len(lines) - 3:
            page += 1
            if footer:
                out += ["", pad + footer]
            out += ["", pad + header, pad + f"- {page} -", ""]
            next_break = n + every + rng.randint(-5, 5)
        out.append(line)
    return "\n".join(out)


def catchwords(text: str, rng: random.Random, ellipsis: bool = False) -> str:
    """At the foot of every page, the first words of the next page: ``Pasal 12``, ``(3) Masterplan``.

    With ``ellipsis`` they end in ``...``, ``. . .`` or ``…`` as many prints do; without, as OCR
    often leaves them.
    """
    lines = text.split("\n")
    pad = " " * 60 if _indented(lines) else ""
    inserts: list[tuple[int, str]] = []
    for k, line in enumerate(lines):
        if not PAGE_NO_RE.match(line.strip().lstrip("\f")):
            continue
        start = k
        while start > 0 and (not lines[start - 1].strip() or _is_furniture(lines[start - 1].strip())):
            start -= 1
        nxt = next((l.strip() for l in lines[k + 1:] if l.strip() and not _is_furniture(l.strip())), None)
        if not nxt:
            continue
        words = nxt.split()
        n = 2 if _is_start(nxt) and len(words) > 1 else min(2, len(words))
        if _CLOSED_HEADING_RE.match(nxt) or _GROUP_HEADING_RE.match(nxt):
            n = len(words)
        word = " ".join(words[:n]).rstrip(",;:")
        if ellipsis:
            word += rng.choice([" ...", ". . .", "…", "..."])
        inserts.append((start, pad + word))
    for start, word in reversed(inserts):
        lines.insert(start, word)
    return "\n".join(lines)


# ----------------------------------------------------------------------------- OCR noise

_LOOK_ALIKE = {"1": ["l", "I"], "0": ["O", "o"]}


def _noisy_number(num: str, rng: random.Random) -> str:
    spots = [i for i, ch in enumerate(num) if ch in _LOOK_ALIKE]
    if not spots:
        return num
    i = rng.choice(spots)
    return num[:i] + rng.choice(_LOOK_ALIKE[num[i]]) + num[i + 1:]


def _sub_some(pattern: str, text: str, noise: Callable[[re.Match[str]], str], rng: random.Random,
              rate: float) -> str:
    """Replace each match of ``pattern`` by ``noise(match)`` with probability ``rate``; when that hits
    none, hit one (chosen by ``rng``) so that a short text is never left clean."""
    matches = [m for m in re.finditer(pattern, text)]
    hits = {i for i in range(len(matches)) if rng.random() < rate}
    if not hits and matches:
        hits = {rng.randrange(len(matches))}
    pieces, pos = [], 0
    for i, m in enumerate(matches):
        pieces.append(text[pos:m.start()])
        pieces.append(noise(m) if i in hits else m.group(0))
        pos = m.end()
    return "".join(pieces) + text[pos:]


def ocr_markers(text: str, rng: random.Random, rate: float = 0.1, hard: bool = False,
                kinds: tuple[str, ...] = ("pasal", "ayat", "item", "bab")) -> str:
    """OCR confusions in structural markers: each marker hit with probability ``rate`` (at least one
    of each kind), one confusion per marker.

    ``Pasal 1`` -> ``Pasal l``, ``Pasal 11`` -> ``Pasal ll``, ``Pasal 10`` -> ``Pasal 1O``, or the
    word: ``Pasai``/``PasaI``/``Pasa1``; ``(2)`` -> ``(21``, ``( 2)``, ``(2 )``, ``{2)``,
    ``(1)`` -> ``(l)``; item ``10.`` -> ``1O.``, ``b.`` -> ``b,``; ``BAB IV`` -> ``BAB lV``,
    ``Bagian Keempat`` -> ``Bagian KeemPat``.
    ``hard`` adds what only bad scans show: ``l2l`` and ``12)`` for ``(2)``, ``l.`` for ``1.``.
    """
    def pasal(m: re.Match[str]) -> str:
        word, num = m.group(1), m.group(3)
        if word == "Pasal" and (rng.random() < 0.4 or _noisy_number(num, rng) == num):
            word = rng.choice(["Pasai", "PasaI", "Pasa1"])
        else:
            num = _noisy_number(num, rng)
        return word + m.group(2) + num

    def ayat(m: re.Match[str]) -> str:
        n = m.group(1)
        forms = [f"({n}1", f"( {n})", f"({n} )", f"{{{n})"]
        if n == "1":
            forms += ["(l)", "(I)"]
        if hard:
            forms += [f"l{n}l", f"1{n})"]
        return rng.choice(forms)

    def item(m: re.Match[str]) -> str:
        num, dot = m.group(2), m.group(3)
        noisy = _noisy_number(num, rng) if num.isdigit() and (len(num) > 1 or hard) else num
        return m.group(1) + (noisy + dot if noisy != num else num + ",")

    def bab(m: re.Match[str]) -> str:
        num = m.group(2)
        i = rng.choice([k for k, ch in enumerate(num) if ch == "I"])
        return m.group(1) + num[:i] + rng.choice(["l", "1"]) + num[i + 1:]

    def bagian(m: re.Match[str]) -> str:
        word = m.group(2)
        k = rng.randrange(2, len(word))
        return m.group(1) + word[:k] + word[k].upper() + word[k + 1:]

    if "pasal" in kinds:
        text = _sub_some(r"\b(Pasal|PASAL)(\s+)(\d{1,3})(?![\d.,]\d)", text, pasal, rng, rate)
    if "ayat" in kinds:
        text = _sub_some(r"\((\d{1,2})\)", text, ayat, rng, rate)
    if "item" in kinds:
        text = _sub_some(r"(?m)^(\s*)(\d{1,3}|[a-z])(\.)(?=\s)", text, item, rng, rate)
    if "bab" in kinds:
        text = _sub_some(r"\b(BAB\s+)([IVXL]*I[IVXL]*)\b", text, bab, rng, rate)  # only an I can turn l/1
        text = _sub_some(r"\b(Bagian\s+)(Ke[a-z]+)", text, bagian, rng, rate)
    return text


_PROTECTED = {
    "pasal", "bab", "bagian", "paragraf", "ayat", "huruf", "angka", "menimbang", "mengingat",
    "memperhatikan", "memutuskan", "menetapkan", "ditetapkan", "diundangkan", "tentang", "nomor",
    "tahun", "penjelasan", "lampiran", "umum", "bahwa", "adalah", "dengan", "persetujuan", "bersama",
    "rahmat", "cukup", "jelas", "demi",
}


def _noisy_word(word: str, rng: random.Random) -> str:
    options = ["split"]
    if "m" in word[1:]:
        options.append("m>rn")
    if "rn" in word:
        options.append("rn>m")
    if "l" in word[1:]:
        options.append("l>i")
    choice = rng.choice(options)
    if choice == "m>rn":
        k = rng.choice([i for i, ch in enumerate(word) if ch == "m" and i > 0])
        return word[:k] + "rn" + word[k + 1:]
    if choice == "rn>m":
        return word.replace("rn", "m", 1)
    if choice == "l>i":
        k = rng.choice([i for i, ch in enumerate(word) if ch == "l" and i > 0])
        return word[:k] + "i" + word[k + 1:]
    k = rng.randint(2, len(word) - 2)
    return word[:k] + " " + word[k:]


def ocr_words(text: str, rng: random.Random, rate: float = 0.03) -> str:
    """OCR noise in running words: ``a tau``, ``danjatau``/``dan latau``, ``Sis tern``, rn/m, l/i.

    Words in capitals (titles, offices, names) and the words that mark structure (Pasal,
    Menimbang, adalah, ...) are left alone: ``ocr_markers`` owns the markers.
    """
    def sub(m: re.Match[str]) -> str:
        word = m.group(0)
        if word == "dan/atau":
            return rng.choice(["danjatau", "dan latau", "dan/ atau", "danlatau"]) if rng.random() < 0.4 else word
        if word == "atau":
            return "a tau" if rng.random() < 0.15 else word
        if len(word) < 5 or word.isupper() or word.lower() in _PROTECTED or rng.random() >= rate:
            return word
        return _noisy_word(word, rng)

    # words only: not inside a web address or a path (www.jdih.batangkab.go.id, 0736/Batang)
    return re.sub(r"dan/atau|(?<![\w/.])[A-Za-z][a-z]+(?!\w|/|\.\w)", sub, text)


def ocr_years(text: str, rng: random.Random, rate: float = 0.3) -> str:
    """Years read with letters for digits: ``2OL9``, ``2Ol4``, ``2O19`` (title and mengingat)."""
    table = {"0": ["O", "O", "o"], "1": ["l", "L", "I"]}

    def sub(m: re.Match[str]) -> str:
        year = m.group(0)
        if rng.random() >= rate:
            return year
        return "".join(rng.choice(table[ch]) if ch in table and rng.random() < 0.7 else ch for ch in year)

    return re.sub(r"\b(?:19|20)\d\d\b", sub, text)


# ----------------------------------------------------------------------------- heading style


def pasal_caps(text: str, rng: random.Random) -> str:
    """Pasal headings in capitals: ``PASAL 5`` (headings only, not ``dalam Pasal 5``)."""
    return re.sub(r"(?m)^(\s*)Pasal(\s+\S+\s*)$", r"\1PASAL\2", text)


def pasal_dot(text: str, rng: random.Random) -> str:
    """Pasal headings with a period: ``Pasal 5.``."""
    return re.sub(r"(?m)^(\s*Pasal\s+[0-9A-Z]+)\s*$", r"\1.", text)


def bab_dot(text: str, rng: random.Random) -> str:
    """BAB headings with a period: ``BAB I.``."""
    return re.sub(r"(?m)^(\s*BAB\s+[IVXLC]+[A-Z]?)\s*$", r"\1.", text)


heading_dots = compose(pasal_dot, bab_dot)  # older prints: "Pasal 5." and "BAB I."


# ----------------------------------------------------------------------------- named sets
# (kept few: every entry costs one parse per specimen, and the robustness tests must stay fast)

#: Realistic, one kind of noise at a time: a parser for scanned regional texts should read each exactly.
REALISTIC: dict[str, Perturbation] = {
    "strip_indent": strip_indent,
    "join_lines": join_lines,
    "glue_headings": compose(join_lines, glue_headings),
    "glue_items": compose(join_lines, glue_items),
    # running header + site footer every ~45 lines (the specimens' own page numbers replaced)
    "furniture_regional": page_furniture,
    # SALINAN, PRESIDEN REPUBLIK INDONESIA, and catchwords ending in "..." as national prints have
    "furniture_national": compose(partial(page_furniture, style="national"), partial(catchwords, ellipsis=True)),
    # bare catchwords ("Pasal 12", "(3) Masterplan") at the specimens' own page breaks
    "catchwords": catchwords,
    # marker noise one marker kind at a time (rate 0.15), so that a failure names the marker
    "ocr_pasal": partial(ocr_markers, rate=0.15, kinds=("pasal",)),
    "ocr_ayat": partial(ocr_markers, rate=0.15, kinds=("ayat",)),
    "ocr_items": partial(ocr_markers, rate=0.15, kinds=("item",)),
    "ocr_bab": partial(ocr_markers, rate=0.15, kinds=("bab",)),
    "ocr_text": compose(ocr_words, ocr_years),
    "hyphenate": hyphenate,
    # a Windows/Word export: CRLF, tabs, NBSP, form feeds at page breaks
    "whitespace": compose(form_feeds, tabs, nbsp, crlf),
    "pasal_caps": pasal_caps,
    # older prints: "Pasal 5." and "BAB I."
    "heading_dots": heading_dots,
}

#: Combinations (and a bad scan): scored against thresholds, not exactness.
BRUTAL: dict[str, Perturbation] = {
    # a scanned regional print: furniture and catchwords, hyphens, flush left, word and marker noise
    # (word noise before marker noise: it spares the marker words, not what marker noise made of them)
    "scan": compose(page_furniture, catchwords, hyphenate, strip_indent, ocr_words, ocr_years, ocr_markers),
    # a PDF text layer like the mblonyox texts: furniture inline, items joined, headings glued, and
    # everything else: dotted headings, marker/word/year noise, NBSP, CRLF
    "pdf_text": compose(partial(page_furniture, style="national"), partial(catchwords, ellipsis=True),
                        heading_dots, hyphenate, join_lines, glue_headings, glue_items, ocr_words, ocr_years,
                        ocr_markers, nbsp, crlf),
    # a bad scan: marker noise at three times the rate with the hard forms (l2l, 12), l.), more word noise
    "bad_scan": compose(page_furniture, catchwords, strip_indent,
                        partial(ocr_words, rate=0.08), ocr_years, partial(ocr_markers, rate=0.3, hard=True)),
}
