"""Definitions of Pasal 1 (Ketentuan Umum): ``term -> definition``.

>>> split_definition("Teknologi Informasi dan Komunikasi yang selanjutnya disingkat TIK adalah segala kegiatan.")
('Teknologi Informasi dan Komunikasi', 'segala kegiatan.', 'TIK')
>>> split_definition("Daerah adalah Kabupaten Batang.")
('Daerah', 'Kabupaten Batang.', None)
"""

from __future__ import annotations

import re

from app.structure.tree import Definition, Node, own_pasal

_DEFINITION_RE = re.compile(
    r"""^(?P<term>.+?)                                   # the defined term
    (?:,?\s+yang\s+selanjutnya\s+(?:dalam\s+\S+\s+ini\s+)?  # "yang selanjutnya (dalam X ini)"
        (?:disingkat|disebut|dinamakan)(?:\s+dengan)?\s+
        (?P<abbr>.+?))?                                   # the short name
    ,?\s+(?:adalah|ialah|yaitu|merupakan)\s+                # the copula
    (?P<definition>.+)$""",
    re.X | re.S,
)


def split_definition(text: str) -> tuple[str, str, str | None] | None:
    """(term, definition, abbreviation) of one numbered item of Pasal 1, or None."""
    match = _DEFINITION_RE.match(text.strip())
    if not match or len(match["term"]) > 200:
        return None
    abbr = match["abbr"].strip(' "\'') if match["abbr"] else None
    return match["term"].strip(' "\''), match["definition"].strip(), abbr


def find_definitions(body: list[Node]) -> list[Definition]:
    """The definitions of the regulation's own Pasal 1 (not of a Pasal 1 quoted by an amendment)."""
    pasal_1 = next((n for n in own_pasal(body) if n.num == "1"), None)
    if pasal_1 is None:
        return []
    out = []
    for node in pasal_1.walk():
        if node.kind not in ("angka", "huruf") or node is pasal_1:
            continue
        parent_is_item_list = node.id.count("/") <= 2  # pasal-1/angka-3 or pasal-1/ayat-1/angka-3
        if not parent_is_item_list:
            continue
        parts = split_definition(node.text)
        if parts:
            term, definition, abbr = parts
            out.append(Definition(term=term, definition=definition, provision_id=node.id, abbreviation=abbr))
    return out

