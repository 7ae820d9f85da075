"""Repair of OCR confusions inside the numbers of structural markers.

Scanned regulations print ``Pasal l`` for ``Pasal 1``, ``2OL4`` for ``2014`` and ``(21`` for
``(2)``. Only numbers are repaired here, and only where a marker says a number must stand:
running text is never rewritten.

>>> repair_number("l")
'1'
>>> repair_number("1O")
'10'
>>> repair_number("2OL4")
'2014'
>>> repair_number("5A")
'5A'
>>> repair_number("abc") is None
True
"""

from __future__ import annotations

import re

# What OCR prints for a digit, in numbers and years only ("2OL4", "Nomor l2", "200g", "2OO+").
# The one table of look-alikes: each caller's own pattern decides which of them it admits.
DIGIT_LOOKALIKES = str.maketrans({
    "O": "0", "o": "0", "D": "0", "Q": "0",
    "I": "1", "l": "1", "L": "1", "i": "1", "|": "1", "!": "1", "]": "1",
    "Z": "2", "z": "2",
    "S": "5", "s": "5",
    "G": "6", "b": "6",
    "B": "8",
    "g": "8", "q": "9",  # "200g" is 2008 and "4g43" 4843 in the national corpus
    "+": "4",
})

_NUMBER_RE = re.compile(
    r"""^
    (?P<digits>[0-9lILiOoDSBZz|+]+)   # digits, some of them OCR look-alikes (i4 -> 14)
    $""",
    re.X,
)
_INSERTED_RE = re.compile(r"^(?P<digits>[0-9]+)(?P<suffix>[A-HJKMNP-Z])$")  # Pasal 5A; not O/I/L


def repair_number(token: str) -> str | None:
    """The number an OCR'd token stands for, or None when it cannot be a number.

    A token needs at least one real digit or to be a lone look-alike (``l``, ``I``, ``O``).
    Real digits followed by one capital other than O, I, L keep it as an insertion suffix.
    """
    if _INSERTED_RE.match(token):
        return token
    match = _NUMBER_RE.match(token)
    if not match:
        return None
    digits = match["digits"]
    if not any(ch.isdigit() for ch in digits) and len(digits) > 1:
        return None
    return digits.translate(DIGIT_LOOKALIKES)


def repair_year(token: str) -> int | None:
    """A four-digit year from an OCR'd token (``2OL9`` -> 2019), None when it is not a plausible year.

    >>> repair_year("2OL9"), repair_year("1945"), repair_year("20")
    (2019, 1945, None)
    """
    fixed = repair_number(token)
    if fixed is None or not fixed.isdigit() or len(fixed) != 4:
        return None
    year = int(fixed)
    return year if 1900 <= year <= 2100 else None
