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

from app.structure.patterns import (
    CITING_WORDS_RE, OCR_NUM, ORDINAL_WORDS, PASAL_WORD, ROMAN, SPACED_DIGITS, SPACED_PENJELASAN, THIS_ACT,
)
from app.text.cleanup import Line

_SPLIT_BEFORE_RE = re.compile(
    rf"""(?=\s)                                                  # every split is at white space: a fast reject
    (?:
      (?<=[.;:…])\s+(?=BAB\s+[IVXLC1l]{{1,7}}[A-Z]?\.?\s+[A-Z]{{2}})   # ". BAB II KEDUDUKAN", ". BAB II. MODAL"
    | (?<=[A-Z]{{3}})\s+(?=BAB\s+[IVXLC1l]{{1,7}}[A-Z]?\.?\s+[A-Z]{{3}})  # "PENGELOLAAN BAB I KETENTUAN"
    | (?<=[.;:])\s+(?=Bagian\s+{ORDINAL_WORDS}\s+[A-Z])               # ". Bagian Kedua Tugas"
    | (?<=[.;:])\s+(?=Paragraf\s+{OCR_NUM}\s+[A-Z])                   # ". Paragraf 2 Sekretariat"
    | (?<=[.;:])\s+(?=[({{]\s*[0-9lI]{{1,2}}[a-z]?\s*[)}}]?\s+[A-Z])     # ". (2) Pemerintah", OCR ". (21 Aplikasi"
    | (?<=[A-Z]{{3}})\s+(?=\(1\)\s+[A-Z][a-z])                           # "KETENTUAN HUKUM (1) Daerah": a title, then ayat 1
    | (?<=[;:])\s+(?=[a-z]\.\s+\S)                                      # "; b. sekretariat"
    | (?:(?<=;\sdan)|(?<=;\satau)|(?<=;\sdan/atau))\s+(?=[a-z]\.\s+\S)  # "; dan c. dinas"
    | (?<=[.;:])\s+(?=\d{{1,3}}[a-z]?\.\s+[A-Z])                        # ". 2. Pengelolaan Keuangan"
    | (?<=[.;:,])\s+(?=(?:Ditetapkan|Disahkan|Diundangkan)\s+di\s)      # "... Negara. Ditetapkan di"
    | \s+(?={SPACED_PENJELASAN}\s+A\s?T\s?A\s?S\s)                     # "... NOMOR 5 PENJELASAN ATAS"
    | \s+(?=(?:Menimbang|Mengingat|Memperhatikan)\s*:)                  # "... ESA Menimbang :"
    | \s+(?=MEMUTUSKAN\s*:|Menetapkan\s*:)
    | \s+(?=II\s*\.?\s*(?:PENJELASAN\s+)?PASAL\s+DEMI\s+PASAL\b)
    | (?:(?<=[\w"”)][.;:,])|(?<=…))(?<!\sII\.)(?<!^II\.)\s+(?=(?:PENJELASAN\s+)?PASAL\s+DEMI\s+PASAL\b)  # "... jelas. PASAL DEMI PASAL", "PASAL… PASAL DEMI"
    | (?<=[\w)"”.;:])\s+(?=I\s*\.\s*UMUM\b)                              # "... TENTANG KEPABEANAN I. UMUM"
    | (?<=[\dA-Z.;:,)])\s+(?=LAMPIRAN\s+(?:[IVX]{{1,4}}\s+)?(?:UNDANG|PERATURAN|KEPUTUSAN)\S*\s.{{0,160}}?\bNOMOR\s+\d)  # "... NOMOR 5234 LAMPIRAN I UNDANG-UNDANG ... NOMOR 12"
    | (?<=[.;:])\s+(?=(?:Ayat\s+\(\s*\d+\s*\)|Huruf\s+[a-z]\b|Angka\s+\d+)\s+[A-Z])  # Penjelasan parts
    )""",
    re.X,
)

# "Pasal N" where a heading, not a citation, may start: followed by "(1)", a capitalised word
# that does not continue a citation, or the end of the line; the word before it is checked by
# ``_may_split_before`` (a citing word like "dalam" or "pada" keeps it in the sentence).
_PASAL_HEAD_RE = re.compile(
    rf"""\s(?={PASAL_WORD}\s*{OCR_NUM}{SPACED_DIGITS}?[A-Z]?[,`']?  # "Pasal 3", "Pasa127", "Pasal 21,", "Pasal 1 13"
    (?:\s?\.\s+\S                                   # "Pasal 3. B.P.P.G.N.", "Pasal 1 . Bagian", "Pasal 2. 1."
      |\s+1[.)]\s                                     # "Pasal 2 1. Kepada pegawai", "Pasal 6 1) Setelah"
      |\s+(?!UUD|KUHP)[A-Z]{{2,}}\b                       # "Pasal 2 PPATK mempunyai", "Pasal 7 OJK"
      |\s?\.?\s*$                                     # "Pasal 3", "Pasal 3." or "Pasal 3 ." ending the line
      |\s+\(\s*[1lIiU]\b\s*\)?                         # "Pasal 3 (1)", OCR "(l)", "(i)", "(U"
      |\s+["“]                                         # "Pasal 1 "Daerah Sulawesi Utara" ..."
      |\s+(?!Undang|Peraturan|Ayat|Huruf|Angka|UUD|KUHP|Kitab|Pasal|Bab)[A-Z][a-z]))   # "Pasal 3 Perusahaan"
    """,
    re.X,
)


# "Pasal N Peraturan Pemerintah ini ..." opens an article only after a sentence or a capitalised
# heading: "... tidak berlaku. Pasal 6 Peraturan Pemerintah ini mulai berlaku", "KETENTUAN PENUTUP
# Pasal 22 Peraturan ..."; "ayat (1) Pasal 1 Peraturan Pemerintah ini" cites it.
_PASAL_THIS_ACT_RE = re.compile(rf"(?:(?<=[.;:])|(?<=[A-Z]{{3}}))\s(?={PASAL_WORD}\s*{OCR_NUM}\.?\s+{THIS_ACT})")


_ROMAN_PASAL_RE = re.compile(r"\s(?=(?:Pasal|PASAL)\s+(?:I|II|III|IV|V|VI)\.?\s+(?:[A-Z]|1\.\s))")  # amending acts' own articles


def _may_split_before(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return bool(before) and not CITING_WORDS_RE.search(before) and not before.endswith(("Pasal", "pasal"))


_HEADING_THEN_TEXT_RE = re.compile(
    rf"""^(?P<head>{PASAL_WORD}\s*{OCR_NUM}{SPACED_DIGITS}?[A-Z]?(?:\s?[.,`'])?|Pasal\s+{ROMAN}\.?)   # the heading
    \s+(?=\(\s*[1lIiU]\b|["“]|1[.)]\s|(?!UUD|KUHP)[A-Z]{{2,}}\b|(?!Undang|Peraturan|Ayat\b|Huruf\b|Angka\b|UUD|Pasal)[A-Z][a-z]
         |{THIS_ACT}|(?<=\.\s)\S)  # then text
    """,
    re.X,
)


_ROMAN_HEAD_THEN_TEXT_RE = re.compile(r"^(?P<head>(?:Pasal|PASAL)\s+(?:I|II|III|IV|V|VI)\.?)\s+(?=[A-Z]|1\.\s)")


def _split_line(line: Line) -> list[Line]:
    cuts = [(m.start(), m.end()) for m in _SPLIT_BEFORE_RE.finditer(line.text)]
    cuts += [(m.start(), m.end()) for pattern in (_PASAL_HEAD_RE, _PASAL_THIS_ACT_RE, _ROMAN_PASAL_RE)
             for m in pattern.finditer(line.text) if _may_split_before(line.text, m.start())]
    pieces: list[str] = []
    start = 0
    for cut_start, cut_end in sorted(set(cuts)):
        if cut_start < start:
            continue
        pieces.append(line.text[start:cut_start])
        start = cut_end
    pieces.append(line.text[start:])
    out: list[Line] = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        head = _HEADING_THEN_TEXT_RE.match(piece) or _ROMAN_HEAD_THEN_TEXT_RE.match(piece)
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
