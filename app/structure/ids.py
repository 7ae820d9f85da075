"""Stable ids for provisions, built from their path in the tree.

Every node's id is its parent's id, a slash, and its own segment ``<kind>-<clean number>``.
BAB, Bagian and Paragraf nest (``bab-3/bagian-2/paragraf-1``); a Pasal is numbered uniquely in its
regulation, so its path starts again at the Pasal (``pasal-5a``), which keeps ids stable when a
Pasal moves to another BAB and lets a citation "Pasal 5 ayat (1) huruf a" map straight to
``pasal-5/ayat-1/huruf-a``. Penjelasan nodes live under ``penjelasan/`` and never collide with
the body. A repeated id in one document (an OCR'd repeat) gets ``~2``, ``~3``... appended.

The number-cleaning rule (``clean_num``): lower case; Roman numerals of BAB and amending Pasal
become Arabic only for BAB (``BAB IV`` -> ``bab-4``, ``BAB IIA`` -> ``bab-2a``); ordinal words of
Bagian become numbers (``Bagian Kedua`` -> ``bagian-2``); brackets, dots and spaces go
(``(2)`` -> ``2``, ``a.`` -> ``a``, ``5 A`` -> ``5a``).

>>> segment("pasal", "5A")
'pasal-5a'
>>> segment("bab", "IIA")
'bab-2a'
>>> segment("bagian", "Kedua")
'bagian-2'
>>> segment("ayat", "(2)")
'ayat-2'
>>> segment("pasal", "II")
'pasal-ii'
"""

from __future__ import annotations

import re

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

ORDINALS = {
    "kesatu": 1, "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5,
    "keenam": 6, "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
    "kesebelas": 11, "kedua belas": 12, "ketiga belas": 13, "keempat belas": 14,
    "kelima belas": 15, "keenam belas": 16, "ketujuh belas": 17, "kedelapan belas": 18,
    "kesembilan belas": 19, "kedua puluh": 20,
}

_ROMAN_RE = re.compile(r"^(?P<roman>[IVXLCDM]+)(?P<suffix>[A-Z]?)$")


def roman_to_int(roman: str) -> int | None:
    """``"XIV"`` -> 14; None when the text is not a well-formed Roman numeral.

    >>> roman_to_int("XVIII"), roman_to_int("IIII"), roman_to_int("ABC")
    (18, None, None)
    """
    roman = roman.upper()
    if not roman or any(c not in ROMAN_VALUES for c in roman):
        return None
    total = 0
    for cur, nxt in zip(roman, roman[1:] + " "):
        value = ROMAN_VALUES[cur]
        total += -value if nxt != " " and ROMAN_VALUES[nxt] > value else value
    return total if int_to_roman(total) == roman else None


def int_to_roman(value: int) -> str:
    """``14`` -> ``"XIV"``."""
    out = []
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                            (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                            (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def ordinal_to_int(word: str) -> int | None:
    """``"Kedua Belas"`` -> 12; None for a word that is no ordinal."""
    return ORDINALS.get(" ".join(word.lower().split()))


def clean_num(kind: str, num: str) -> str:
    """The id form of a printed number (see the module docstring for the rule)."""
    raw = re.sub(r"[\s().]", "", num)
    if kind == "bab":
        match = _ROMAN_RE.match(raw.upper())
        if match and (value := roman_to_int(match["roman"])) is not None:
            return f"{value}{match['suffix'].lower()}"
    if kind in {"bagian", "paragraf"} and (value := ordinal_to_int(num)) is not None:
        return str(value)
    return raw.lower()


def segment(kind: str, num: str | None) -> str:
    """One path segment: ``segment("huruf", "b")`` -> ``"huruf-b"``; a node with no number is its kind."""
    return f"{kind}-{clean_num(kind, num)}" if num else kind


class IdRegistry:
    """Hands out ids unique within one document, appending ``~2``, ``~3``... to repeats."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        count = self._seen.get(wanted, 0) + 1
        self._seen[wanted] = count
        return wanted if count == 1 else f"{wanted}~{count}"
