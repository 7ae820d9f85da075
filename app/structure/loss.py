"""The "never lose text" check: every word of the input is in the parsed document.

A word counts as kept when the document's JSON form (tree, metadata, pembukaan, penutup, and
the record of removed lines) holds it at least as many times as the input does. Words are
runs of letters and digits, compared in lower case after Unicode NFC normalisation (the
parser composes accents; that changes no word).

>>> from app.structure.tree import Document, Node
>>> lost_words("Pasal 1 Daerah adalah Batang.", Document(body=[Node(kind="pasal", num="1", text="Daerah adalah")]))
['batang']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

from app.structure.tree import Document

_WORD_RE = re.compile(r"[^\W_]+")


def words(text: str) -> Counter[str]:
    return Counter(_WORD_RE.findall(unicodedata.normalize("NFC", text).lower()))


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif value is not None and not isinstance(value, bool):
        yield str(value)


def lost_words(text: str, document: Document) -> list[str]:
    """Words of ``text`` missing from ``document`` (with repeats), sorted; empty when nothing is lost."""
    kept = words(" ".join(_strings(document.to_dict())))
    missing = words(text) - kept
    return sorted(missing.elements())
