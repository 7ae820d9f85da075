"""Structural markers of Indonesian regulations, one verbose regex each (Lampiran II UU 12/2011).

Numbers allow the OCR look-alikes that ``app.text.ocr.repair_number`` mends (``Pasal l``,
``(21``), so a marker is found first and its number repaired after.
"""

from __future__ import annotations

import re

OCR_NUM = r"[0-9lILOoSi]{1,3}"       # 12, l2, 1O, Ll (11), S (5), i4 (14)
ROMAN = r"[IVXLC]{1,7}"              # I .. CC
# The rest of a number whose digits OCR spaced out, before white space or a closing "." / ",":
# "Pasal 1 13" (113), "Pasal 1 1 1" (111), "Pasal 2 I 1" (211), "Pasal 1 1O" (110).
SPACED_DIGITS = r"(?:\s[0-9lIOi]{1,2}(?:\s[0-9lIOi])?(?=\s|[.,]\s*$))"
ORDINAL_WORDS = (
    r"(?:Kesatu|Pertama|Kedua|Ketiga|Keempat|Kelima|Keenam|Ketujuh|Kedelapan|Kesembilan"
    r"|Kesepuluh|Kesebelas)(?:\s+(?:Belas|Puluh))?"
)

BAB_RE = re.compile(
    rf"""^
    BAB \s+                          # the word, in capitals (running text writes "Bab")
    (?P<num>[IVXLC1l]{{1,7}}[A-Z]?)     # Roman number, "IIA" when inserted; OCR "lV", "1X" (see bab_number)
    \.?                              # older texts print "BAB I."
    (?:\s+(?P<heading>[A-Z0-9(].*))?   # a heading glued on the same line
    $""",
    re.X,
)

BAGIAN_RE = re.compile(
    rf"""^
    Bagian \s+
    (?P<num>{ORDINAL_WORDS})\b        # Kesatu, Kedua, ..., Kedua Belas
    (?:\s+(?P<heading>\S.*))?          # a heading glued on the same line
    $""",
    re.X | re.I,
)

PARAGRAF_RE = re.compile(
    rf"""^
    Paragraf \s+
    (?P<num>{OCR_NUM}[A-Z]?)\b         # Paragraf 1, Paragraf 2A
    (?:\s+(?P<heading>\S.*))?
    $""",
    re.X | re.I,
)

# The word "Pasal" as OCR prints it: "Pasa1", "PasaI", "Pasai", "PasaL", "PasaT", "Pasa!", "Pasa|", "Pa sal",
# "P a s a l"; the old spelling "Fasal"; "PASAL", "pasal".
PASAL_WORD = r"(?:[PpF]\s?a\s?s\s?a\s?[l1IiLTt!|]|PASAL)"
# "this regulation" after a Pasal number: "Pasal 22 Peraturan Pemerintah ini mulai berlaku" opens the
# article; "dimaksud dalam Pasal 5 Peraturan Pemerintah Nomor 3" cites another act.
THIS_ACT = r"(?:Undang-[Uu]ndang|Peraturan(?:\s+Pemerintah)?(?:\s+Pengganti\s+Undang-[Uu]ndang)?)\s+ini\b"

PASAL_RE = re.compile(
    rf"""^
    {PASAL_WORD} \s*                   # "Pasal", OCR "Pasa1", "PasaT", "P a s a l"; "PASAL", "pasal"
    (?P<num>{OCR_NUM}[A-Z]?|{ROMAN})    # 5, 5A, l2; Roman I, II in amending acts
    (?:\s?[.,`'])?                      # older texts print "Pasal 1.", OCR "Pasal 1 .", "Pasal 21,", "Pasal 59`"
    (?P<rest>(?:\s+\S.*)?)              # what follows on the same line, if anything
    $""",
    re.X,
)

AYAT_RE = re.compile(
    r"""^
    [({]\s*(?P<num>[0-9lIO]{1,3}[a-z]?)\s*[)}]   # (1), ( 2 ), (l), (2a); OCR "{2)"
    (?:\s+|$)(?P<rest>.*)$""",
    re.X,
)

AYAT_OCR_RE = re.compile(r"^[({](?P<num>[0-9])[1l]\s+(?P<rest>\S.*)$")  # "(21 Text": ayat 2, bracket read as 1

# A list marker as OCR may print it: "b," "2," "l0." "1O." (accepted only where the list expects it).
LOOSE_ITEM_RE = re.compile(r"^(?P<num>[a-z]|[0-9lIO]{1,3}[a-z]?)[.,]\s*(?P<rest>\S.*)?$")

HURUF_RE = re.compile(r"^(?P<num>[a-z])\.\s*(?P<rest>\S.*)?$")            # a. text
ANGKA_RE = re.compile(r"^(?P<num>\d{1,3}[a-z]?)\.\s*(?P<rest>\S.*)?$")    # 1. text, 19a. text
SUBHURUF_RE = re.compile(r"^(?P<num>[a-z])\)\s*(?P<rest>\S.*)?$")         # a) text
SUBANGKA_RE = re.compile(r"^(?P<num>\d{1,3})\)\s*(?P<rest>\S.*)?$")       # 1) text

MENIMBANG_RE = re.compile(r"^Menimbang\s*:?\s*(?P<rest>.*)$", re.I)
MENGINGAT_RE = re.compile(r"^Mengingat\s*:?\s*(?P<rest>.*)$", re.I)
MEMPERHATIKAN_RE = re.compile(r"^Memperhatikan\s*:?\s*(?P<rest>.*)$", re.I)
PERSETUJUAN_RE = re.compile(r"^Dengan\s+Persetujuan\s+Bersama\b", re.I)
MEMUTUSKAN_RE = re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\s*:?", re.I)
MENETAPKAN_RE = re.compile(r"^Menetapkan\s*:?", re.I)
# Capitalised only: "ditetapkan di" starting a wrapped line of running text must not end the body.
DITETAPKAN_RE = re.compile(r"^(?:Ditetapkan|Disahkan|DITETAPKAN|DISAHKAN)\s+(?:di|DI|Di)\b")  # a UU is "Disahkan di"
DIUNDANGKAN_RE = re.compile(r"^(?:Diundangkan|DIUNDANGKAN)\s+(?:di|DI|Di)\b")
SPACED_PENJELASAN = r"P\s?E\s?N\s?J\s?E\s?L\s?A\s?S\s?A\s?N"   # "P E N J E L A S A N" in some prints
PENJELASAN_RE = re.compile(rf"^{SPACED_PENJELASAN}\b(?:\s+(?:A\s?T\s?A\s?S)\b.*)?$")
# Where a Penjelasan starts when its own heading was lost: "I. UMUM" or "(II.) PASAL DEMI PASAL".
PENJELASAN_PART_RE = re.compile(r"^(?:I\s*\.\s*UMUM\b|(?:II\s*\.\s*)?PASAL\s+DEMI\s+PASAL\b)")
LAMPIRAN_RE = re.compile(r"^LAMPIRAN\b(?!\s+(?:Undang|Peraturan)\s+ini)")
UMUM_RE = re.compile(r"^I\s*\.\s*UMUM\b\s*(?P<rest>.*)$")
# "II. PASAL DEMI PASAL" (any case), "II PASAL DEMI PASAL", and without its number in capitals only:
# "PASAL DEMI PASAL", "PENJELASAN PASAL DEMI PASAL" (prose may say "pasal demi pasal")
PASAL_DEMI_PASAL_RE = re.compile(
    r"^(?:(?i:II\s*\.?\s*(?:PENJELASAN\s+)?PASAL\s+DEMI\s+PASAL)|(?:PENJELASAN\s+)?PASAL\s+DEMI\s+PASAL)\b\s*(?P<rest>.*)$")
EXPLAINED_PART_RE = re.compile(
    r"""^(?P<kind>Ayat|Huruf|Angka) \s+
    (?P<num>\(\s*[0-9lIO]{1,3}[a-z]?\s*\)|[0-9]{1,3}[a-z]?|[a-z])   # Ayat (1), Huruf a, Angka 3
    (?:\s+(?P<rest>\S.*))?$""",
    re.X,
)

# Words before "Pasal N" that make it a citation, not a heading. Whole words only: "Polisi" does
# not end in the citing "isi", nor "Badan" in "dan" ("... Angkatan Perang dan Polisi Pasal 56 (1)").
CITING_WORDS_RE = re.compile(
    r"(?:\b(?:dalam|pada|dan|atau|dengan|sampai|ketentuan|maksud|menurut|berdasarkan|sesuai|"
    r"terhadap|di\s+antara|antara|kecuali|lihat|tersebut|bunyi|isi|oleh|ke|dari|yakni|yaitu)|,|/)\s*$",
    re.I,
)


def is_heading_line(text: str) -> bool:
    """A line mostly in capitals, such as a BAB's title (``KETENTUAN UMUM``)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.7 * len(letters)
