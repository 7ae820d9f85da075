"""Split lines where OCR or text extraction glued a structural heading onto the line before.

Joined texts read ``... beban kerja yang kecil. Paragraf 2 Sekretariat`` or
``Menetapkan : PERATURAN PEMERINTAH ... BAB I KETENTUAN UMUM``. A heading starts a new line
when a sentence has ended before it (or, for BAB, a word in capitals) and what follows it looks
like a heading, not a citation (``dalam Pasal 5 ayat (1)`` never splits).

>>> [l.text for l in unglue([Line(1, "kecil. Paragraf 2 Sekretariat", 0)])]
['kecil.', 'Paragraf 2 Sekretariat']
>>> [l.text for l in unglue([Line(1, "Pasal 5 (1) Setiap orang berhak.", 0)])]
['Pasal 5', '(1) Setiap orang berhak.']
>>> [l.text for l in unglue([Line(1, "sebagaimana dimaksud dalam Pasal 5 ayat (1).", 0)])]
['sebagaimana dimaksud dalam Pasal 5 ayat (1).']
"""

from __future__ import annotations

import re

from app.structure.patterns import OCR_NUM, ORDINAL_WORDS, ROMAN
from app.text.cleanup import Line

_SPLIT_BEFORE_RE = re.compile(
    rf"""
      (?<=[.;:…])\s+(?=BAB\s+{ROMAN}[A-Z]?\s+[A-Z]{{2}})           # ". BAB II KEDUDUKAN"
    | (?<=[A-Z]{{3}})\s+(?=BAB\s+{ROMAN}[A-Z]?\s+[A-Z]{{3}})       # "PENGELOLAAN BAB I KETENTUAN"
    | (?<=[.;:])\s+(?=Bagian\s+{ORDINAL_WORDS}\s+[A-Z])               # ". Bagian Kedua Tugas"
    | (?<=[.;:])\s+(?=Paragraf\s+{OCR_NUM}\s+[A-Z])                   # ". Paragraf 2 Sekretariat"
    | (?:(?<=[.;:])|(?<=[A-Z]{{3}}))\s+(?=Pasal\s+{OCR_NUM}[A-Z]?(?:\.\s+[A-Z(]|\s*$|\s+\(\s*1\s*\)|\s+(?!Undang|Peraturan|Ayat|Huruf|Angka|UUD|Tahun)[A-Z][a-z]))
                                                                        # ". Pasal 5 Setiap orang"
    | (?<=[.;:])\s+(?=\(\s*\d{{1,2}}[a-z]?\s*\)\s+[A-Z])              # ". (2) Pemerintah"
    | (?<=[;:])\s+(?=[a-z]\.\s+\S)                                      # "; b. sekretariat"
    | (?:(?<=;\sdan)|(?<=;\satau)|(?<=;\sdan/atau))\s+(?=[a-z]\.\s+\S)  # "; dan c. dinas"
    | (?<=[.;:])\s+(?=\d{{1,3}}[a-z]?\.\s+[A-Z])                        # ". 2. Pengelolaan Keuangan"
    | (?<=[.;:,])\s+(?=(?:Ditetapkan|Diundangkan)\s+di\s)               # "... Negara. Ditetapkan di"
    | \s+(?=PENJELASAN\s+ATAS\s)                                        # "... NOMOR 5 PENJELASAN ATAS"
    | \s+(?=(?:Menimbang|Mengingat|Memperhatikan)\s*:)                  # "... ESA Menimbang :"
    | \s+(?=MEMUTUSKAN\s*:|Menetapkan\s*:)
    | \s+(?=II\s*\.\s*PASAL\s+DEMI\s+PASAL)
    | (?<=[.;:])\s+(?=(?:Ayat\s+\(\s*\d+\s*\)|Huruf\s+[a-z]\b|Angka\s+\d+)\s+[A-Z])  # Penjelasan parts
    """,
    re.X,
)

_HEADING_THEN_TEXT_RE = re.compile(
    rf"""^(?P<head>(?:Pasal|PASAL)\s+{OCR_NUM}[A-Z]?\.?|Pasal\s+{ROMAN}\.?)   # the heading
    \s+(?=\(\s*1\s*\)|(?!Undang|Peraturan|Ayat\b|Huruf\b|Angka\b|UUD|Tahun)[A-Z][a-z]|(?<=\.\s)[A-Z])  # then text
    """,
    re.X,
)


def _split_line(line: Line) -> list[Line]:
    pieces: list[str] = []
    start = 0
    for match in _SPLIT_BEFORE_RE.finditer(line.text):
        pieces.append(line.text[start:match.start()])
        start = match.end()
    pieces.append(line.text[start:])
    out: list[Line] = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        head = _HEADING_THEN_TEXT_RE.match(piece)
        if head:
            out.append(Line(line.no, head["head"], line.indent))
            piece = piece[head.end():].strip()
        out.append(Line(line.no, piece, line.indent))
    return out


def unglue(lines: list[Line]) -> list[Line]:
    """Lines with glued headings split off; a line that needs no split is returned as it was."""
    out: list[Line] = []
    for line in lines:
        out.extend(_split_line(line))
    return out
