"""The Penjelasan: its title, ``I. UMUM`` and ``II. PASAL DEMI PASAL``.

Each explained Pasal becomes a node ``penjelasan/pasal-5`` whose ``explains`` is the body's
``pasal-5``; its ``Ayat (1)``, ``Huruf a``, ``Angka 2`` parts nest below it and explain
``pasal-5/ayat-1/huruf-a`` and so on. Its Pasal headings repeat the body's numbers: they are
explanations, not new articles.
"""

from __future__ import annotations

import re

from app.structure.body import choose_pasal
from app.structure.patterns import EXPLAINED_PART_RE, PASAL_DEMI_PASAL_RE, UMUM_RE, is_heading_line
from app.structure.tree import Node, Removed
from app.text.cleanup import Line
from app.text.ocr import repair_number

PART_RANK = {"ayat": 0, "huruf": 1, "angka": 2}
# The Penjelasan's title in capitals, then "UMUM" without its "I." and the Umum's first sentence, on
# one line: "... TENTANG KEPABEANAN UMUM 1. Republik Indonesia ...", "UMUM Dalam rangka ...".
_GLUED_UMUM_RE = re.compile(r"^(?:(?P<title>.*?[A-Z]{2,}[.,]?)\s+)?UMUM\.?\s+(?P<rest>(?:\d{1,2}\.\s+)?[A-Z][a-z].*)$")


def _umum_start(text: str, *, in_title: bool) -> tuple[str, str] | None:
    """Where the Umum starts on a line: ("", its text) after ``I. UMUM``; while the title is read,
    also (the title's last words, the Umum's text) of a title line in capitals holding a bare "UMUM"."""
    if match := UMUM_RE.match(text):
        return "", match["rest"]
    glued = _GLUED_UMUM_RE.match(text) if in_title else None
    if glued is None or not is_heading_line(glued["title"] or "UMUM"):
        return None
    return glued["title"] or "", glued["rest"]


def build_penjelasan(lines: list[Line], *, amending: bool = False, notes: list[Removed] | None = None) -> list[Node]:
    """Nodes of the Penjelasan: a title ``teks``, ``umum``, and ``pasal`` nodes with their parts."""
    if not lines:
        return []
    # its title: the lines before the Umum (empty, and left out, when the title was lost and the
    # Penjelasan opens at "I. UMUM" or "PASAL DEMI PASAL")
    title = Node(kind="teks", heading="")
    nodes = [title]
    umum: Node | None = None
    demi: Node | None = None
    pasal_at = {}
    current: Node = title
    stack: list[Node] = []
    for i, line in enumerate(lines):
        text = line.text
        if umum is None and (start := _umum_start(text, in_title=current is title)):
            words, rest = start
            title.heading = f"{title.heading} {words}".strip()
            umum = Node(kind="umum", heading="I. UMUM", text=rest)
            nodes.append(umum)
            current = umum
            continue
        if demi is None and (match := PASAL_DEMI_PASAL_RE.match(text)):
            demi = Node(kind="pasal-demi-pasal", heading="II. PASAL DEMI PASAL", text=match["rest"])
            nodes.append(demi)
            current = demi
            pasal_at = {i + 1 + k: v for k, v in choose_pasal(lines[i + 1:], roman=amending, notes=notes).items()}
            continue
        if i in pasal_at:
            num, rest = pasal_at[i]
            pasal = Node(kind="pasal", num=num)
            (demi or current).children.append(pasal)
            stack = [pasal]
            current = pasal
            text = rest
            if not text:
                continue
        if stack and (match := EXPLAINED_PART_RE.match(text)):
            kind = match["kind"].lower()
            raw = match["num"].strip("() ")
            num = raw if kind == "huruf" else (repair_number(raw) or raw)
            if num != raw and notes is not None:
                notes.append(Removed(line=line.no, text=text[: match.end("num")], reason="ocr-repair"))
            node = Node(kind=kind, num=num, text=match["rest"] or "")
            while len(stack) > 1 and PART_RANK.get(stack[-1].kind, -1) >= PART_RANK[kind]:
                stack.pop()
            stack[-1].children.append(node)
            stack.append(node)
            current = node
            continue
        if current is title and umum is None and demi is None:
            title.heading = f"{title.heading} {text}".strip()
            continue
        current.append_text(text)
    return nodes if title.heading else nodes[1:]
