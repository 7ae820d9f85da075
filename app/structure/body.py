"""The batang tubuh: BAB, Bagian, Paragraf, Pasal, ayat and the nested lists inside them.

``build_body(lines)`` turns the body's lines into a tree of ``Node``. Pasal headings are chosen
by ``sequence.pick_sequence`` (citations that look like headings are left in the text); inside a
Pasal, ayat ``(1)`` and the lists ``a.`` -> ``1.`` -> ``a)`` -> ``1)`` nest by what they continue:
a marker that is the next number of an open list is its sibling, a first marker (``a``, ``1``)
opens a list under the current item. A line that carries no marker continues the current node:
no line is ever dropped.
"""

from __future__ import annotations

import re

from app.structure.gaps import fill_gaps, infer_first_pasal
from app.structure.ids import roman_to_int
from app.structure.patterns import (
    ANGKA_RE, AYAT_OCR_RE, AYAT_RE, BAB_RE, BAGIAN_RE, CITING_WORDS_RE, HURUF_RE, LOOSE_ITEM_RE,
    PARAGRAF_RE, PASAL_RE, SUBANGKA_RE, SUBHURUF_RE, THIS_ACT, is_heading_line,
)
from app.structure.sequence import Candidate, pick_sequence
from app.structure.tree import Node, Removed
from app.text.cleanup import Line
from app.text.ocr import repair_number

LIST_PATTERNS = (("huruf", HURUF_RE), ("angka", ANGKA_RE), ("subhuruf", SUBHURUF_RE), ("subangka", SUBANGKA_RE))
GROUP_RANK = {"bab": 0, "bagian": 1, "paragraf": 2}
# A line ending with these words continues a citation onto the next line ("... dalam Pasal\n5").
_CITATION_TAIL_RE = re.compile(r"\b(?:ayat|huruf|angka|Pasal|Nomor|Tahun|sampai\s+dengan)\s*$", re.I)
_THIS_ACT_RE = re.compile(THIS_ACT)  # "Peraturan Pemerintah ini mulai berlaku" after a heading is its text, not a citation
_CHANGE_VERB_RE = re.compile(r"\b(?:diubah|disisipkan|ditambah(?:kan)?|dihapus|dicabut)\b", re.I)
_CHANGE_START_RE = re.compile(
    r"""^(?:Ketentuan|Di\s*antara|Diantara|Setelah|Sebelum|Pasal|BAB|Bab|Bagian|Paragraf|Penjelasan
    |Lampiran|Judul|Konsiderans|Dasar\s+hukum|Ayat|Huruf|Angka|Menambah|Menyisipkan|Mengubah)\b""",
    re.X,
)


def bab_number(raw: str) -> str:
    """A BAB number with OCR's ``l``/``1`` for ``I`` mended: ``"lV"`` -> ``"IV"``, ``"XIl"`` -> ``"XII"``."""
    return raw.replace("l", "I").replace("1", "I")


def bab_value(num: str) -> int | None:
    """``"IV"`` -> 4, ``"IIA"`` -> 2 (an inserted BAB sorts with the one it follows)."""
    return roman_to_int(num) or (roman_to_int(num[:-1]) if len(num) > 1 else None)


# The spaced-out rest of a Pasal number at the start of the text after "Pasal 1": "13 (1) Data", "1 1 Dalam hal".
_SPLIT_DIGITS_RE = re.compile(r"^(?P<digits>[0-9lIOi]{1,2}(?:\s[0-9lIOi](?=\s|$))?)(?:\s?[.,](?=\s*$))?(?:\s+(?P<rest>(?![.)])\S.*)|$)")


def pasal_value(num: str) -> tuple[int, str] | None:
    """``"5A"`` -> (5, "A"); Roman ``"II"`` -> (2, ""); None when no number."""
    if num.isdigit():
        return int(num), ""
    if num[:-1].isdigit():
        return int(num[:-1]), num[-1].upper()
    value = roman_to_int(num)
    return (value, "") if value else None


def _successor(num: str) -> str:
    """The next number of a list: ``a`` -> ``b``, ``9`` -> ``10``, ``19a`` -> ``20``."""
    if num.isdigit():
        return str(int(num) + 1)
    if len(num) == 1 and num.isalpha():
        return chr(ord(num) + 1)
    digits = re.match(r"\d+", num)
    return str(int(digits.group()) + 1) if digits else num


def pasal_candidates(lines: list[Line], *, roman: bool) -> list[tuple[Candidate, str, str, str]]:
    """Every line that could be a Pasal heading, scored; with its repaired number and trailing text."""
    out = []
    for i, line in enumerate(lines):
        match = PASAL_RE.match(line.text)
        if not match:
            continue
        raw, rest = match["num"], match["rest"].strip()
        if roman:
            if roman_to_int(raw) is None:
                continue
            num = raw
        else:
            repaired = repair_number(raw)
            if repaired is None:
                continue
            num = repaired
        value = pasal_value(num)
        if value is None:
            continue
        score = 3.0 if not rest else (0.5 if rest[:1].isupper() or rest[:1] in "(\"“" else -2.0)
        if line.text.startswith("pasal"):  # lower case is mostly a citation; a heading only if the run needs it
            score -= 1.0
        prev = lines[i - 1].text if i else ""
        if CITING_WORDS_RE.search(prev) and not prev.endswith((".", ":", ";")):
            score -= 3.0
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if re.match(r"^(?:ayat|huruf|angka|dan|atau|sampai|sebagaimana|Undang|Peraturan)\b", nxt) and not _THIS_ACT_RE.match(nxt):
            score -= 3.0
        out.append((Candidate(i, value, score), num, rest, raw))
        split = _SPLIT_DIGITS_RE.match(rest) if not roman and num.isdigit() else None
        joined = (repair_number(num + split["digits"].replace(" ", "")) or "") if split else ""
        if split and joined.isdigit() and len(joined) <= 3:
            # OCR spaced the digits: "Pasal 1 1 (1) Dokumen" may be Pasal 11, "Pasal 3 I Izin" 31, "Pasal 1 1 1" 111
            out.append((Candidate(i, (int(joined), ""), score), joined, split["rest"] or "", f"{raw} {split['digits']}"))
    return out


def choose_pasal(lines: list[Line], *, roman: bool = False,
                 notes: list[Removed] | None = None) -> dict[int, tuple[str, str]]:
    """Line index -> (number, trailing text) of each line chosen as a Pasal heading.

    A number mended from OCR (``Pasal l`` -> ``1``) is recorded in ``notes``.
    """
    found = pasal_candidates(lines, roman=roman)
    chosen = set(pick_sequence([c for c, _, _, _ in found]))
    out = {}
    for cand, num, rest, raw in found:
        if cand.index in chosen:
            out[cand.index] = (num, rest)
            printed = lines[cand.index].text[: len(lines[cand.index].text) - len(rest)].strip()
            if printed != f"Pasal {num}" and notes is not None:
                notes.append(Removed(line=lines[cand.index].no, text=printed, reason="ocr-repair"))
    return out


def _opens_with_first_ayat(text: str) -> bool:
    match = AYAT_RE.match(text)
    return bool(match and repair_number(match["num"]) == "1" and match["rest"][:1].isupper())


def restore_lost_headings(lines: list[Line], pasal_at: dict[int, tuple[str, str]],
                          notes: list[Removed] | None = None) -> dict[int, tuple[str, str]]:
    """``pasal_at`` with the headings that extraction lost put back where the ayat numbering proves them.

    Between Pasal 6 and Pasal 8 a text that lost ``Pasal 7`` reads ``(1) .. (2) .. (1) .. (2) ..``
    (or lead text, then ``(1)``): an ayat ``(1)`` after other content of the same Pasal opens the
    next one. Only when the count of such ``(1)`` equals the count of missing numbers is a heading
    put back, before each ``(1)``; each is recorded in ``notes`` (reason ``inferred-heading``, the
    printed ``(1)`` it stands on). Amending acts and inserted numbers (``5A``) are never touched.
    """
    heads = sorted((i, num) for i, (num, _) in pasal_at.items())
    out = dict(pasal_at)
    for (start, num), (end, nxt) in zip(heads, heads[1:]):
        if not (num.isdigit() and nxt.isdigit()) or int(nxt) - int(num) < 2:
            continue
        opens = [k for k in range(start + 1, end) if _opens_with_first_ayat(lines[k].text)
                 and (pasal_at[start][1] or k > start + 1)  # not the Pasal's own first ayat
                 and not _CITATION_TAIL_RE.search(lines[k - 1].text)]
        if len(opens) != int(nxt) - int(num) - 1:
            continue
        for number, k in enumerate(opens, start=int(num) + 1):
            out[k] = (str(number), lines[k].text)
            if notes is not None:
                notes.append(Removed(line=lines[k].no, text=lines[k].text.split(")")[0] + ")", reason="inferred-heading"))
    return out


class _Content:
    """Places the lines of one Pasal (or of a change's quoted text) under ayat and list items."""

    def __init__(self, root: Node, notes: list[Removed] | None = None) -> None:
        self.root = root
        self.stack: list[Node] = [root]
        self.prev_text = ""
        self.notes = notes
        self.line_no = 0

    def _repaired(self, printed: str, raw: str, num: str) -> str:
        """``num`` for the ayat printed as ``printed``, recording the repair when ``raw`` was OCR'd."""
        if raw != num and self.notes is not None:
            self.notes.append(Removed(line=self.line_no, text=printed, reason="ocr-repair"))
        return num

    def _marker(self, text: str) -> tuple[str, str, str] | None:
        if _CITATION_TAIL_RE.search(self.prev_text):
            return None
        match = AYAT_RE.match(text)
        if match and (repaired := repair_number(match["num"].rstrip("abcdefgh"))):
            suffix = match["num"][len(match["num"].rstrip("abcdefgh")):]
            rest = match["rest"]
            if not rest or not rest[:1].islower() or self._expects("ayat", repaired + suffix):
                return "ayat", self._repaired(text[: text.find(")") + 1] if ")" in text else text.split()[0],
                                              match["num"], repaired + suffix), rest
        match = AYAT_OCR_RE.match(text)
        if match and self._expects("ayat", match["num"]):
            return "ayat", self._repaired(text.split()[0], text.split()[0], match["num"]), match["rest"]
        for kind, pattern in LIST_PATTERNS:
            match = pattern.match(text)
            if match:
                return kind, match["num"], match["rest"] or ""
        match = LOOSE_ITEM_RE.match(text)
        if match:
            raw = match["num"]
            num = raw if raw.isalpha() and len(raw) == 1 and raw not in "lIO" else (repair_number(raw) or raw)
            kind = "huruf" if num.isalpha() else "angka"
            if self._continues(kind, num):
                printed = text[: match.start("rest")].strip() if match["rest"] else text.strip()
                if self.notes is not None:
                    self.notes.append(Removed(line=self.line_no, text=printed, reason="ocr-repair"))
                return kind, num, match["rest"] or ""
        return None

    def _continues(self, kind: str, num: str) -> bool:
        """Whether an open list of ``kind`` expects ``num`` next."""
        return any(node.kind == kind and _successor(node.num or "") == num for node in self.stack[1:])

    def _ayat(self) -> list[Node]:
        return [c for c in self.root.children if c.kind == "ayat"]

    def _expects(self, kind: str, num: str) -> bool:
        if kind == "ayat":
            ayat = self._ayat()
            return (not ayat and num == "1") or bool(ayat and _successor(ayat[-1].num or "") == num)
        return False

    def add(self, line: Line) -> None:
        self.line_no = line.no
        marker = self._marker(line.text)
        self.prev_text = line.text
        if marker is None:
            self.stack[-1].append_text(line.text)
            return
        kind, num, rest = marker
        node = Node(kind=kind, num=num, text=rest.strip())
        if kind == "ayat":
            del self.stack[1:]
            self.root.children.append(node)
            self.stack.append(node)
            return
        for depth in range(len(self.stack) - 1, 0, -1):  # the next item of an open list
            open_node = self.stack[depth]
            if open_node.kind == kind and _successor(open_node.num or "") == num:
                del self.stack[depth:]
                break
        else:
            if num not in ("a", "1"):  # not a first item: continue the nearest list of its kind
                for depth in range(len(self.stack) - 1, 0, -1):
                    if self.stack[depth].kind == kind:
                        del self.stack[depth:]
                        break
        self.stack[-1].children.append(node)
        self.stack.append(node)


def build_body(lines: list[Line], *, amending: bool = False, notes: list[Removed] | None = None) -> list[Node]:
    """The body's tree: groups (BAB, Bagian, Paragraf) holding Pasal holding their content.

    OCR repairs of marker numbers are recorded in ``notes``.
    """
    pasal_at = choose_pasal(lines, roman=amending, notes=notes)
    if not amending:
        lines, pasal_at = fill_gaps(lines, pasal_at, notes)
        pasal_at = infer_first_pasal(lines, pasal_at, notes)
        pasal_at = restore_lost_headings(lines, pasal_at, notes)
    roots: list[Node] = []
    groups: list[Node] = []          # open BAB / Bagian / Paragraf, outermost first
    content: _Content | None = None
    pending_heading: Node | None = None  # a group whose heading may continue on the next line
    last_bab = 0
    amendments: list[_ChangeContent] = []

    def attach(node: Node) -> None:
        (groups[-1].children if groups else roots).append(node)

    def open_group(node: Node) -> None:
        rank = GROUP_RANK[node.kind]
        while groups and GROUP_RANK[groups[-1].kind] >= rank:
            groups.pop()
        attach(node)
        groups.append(node)

    for i, line in enumerate(lines):
        text = line.text
        if i in pasal_at:
            num, rest = pasal_at[i]
            pasal = Node(kind="pasal", num=num)
            attach(pasal)
            content = _ChangeContent(pasal, notes) if amending and num == "I" else _Content(pasal, notes)
            if isinstance(content, _ChangeContent):
                amendments.append(content)
            pending_heading = None
            if rest:
                content.add(Line(line.no, rest, line.indent))
            continue
        bab = BAB_RE.match(text) if not amending or content is None else None
        bab_num = bab_number(bab["num"]) if bab else ""
        if bab and (value := bab_value(bab_num)) and value >= last_bab:
            last_bab = value
            if bab_num != bab["num"] and notes is not None:
                notes.append(Removed(line=line.no, text=f"BAB {bab['num']}", reason="ocr-repair"))
            node = Node(kind="bab", num=bab_num, heading=bab["heading"])
            open_group(node)
            content, pending_heading = None, node
            continue
        group = None if content is not None and amending else (BAGIAN_RE.match(text) or PARAGRAF_RE.match(text))
        if group and (content is None or not _CITATION_TAIL_RE.search(content.prev_text)):
            kind = "bagian" if text[:1] in "Bb" else "paragraf"
            num = group["num"] if kind == "bagian" else (repair_number(group["num"]) or group["num"])
            if kind == "paragraf" and num != group["num"] and notes is not None:
                notes.append(Removed(line=line.no, text=f"Paragraf {group['num']}", reason="ocr-repair"))
            node = Node(kind=kind, num=" ".join(w.capitalize() for w in num.split()) if kind == "bagian" else num,
                        heading=group["heading"])
            open_group(node)
            content, pending_heading = None, node
            continue
        if pending_heading is not None and (pending_heading.heading is None or
                                            (pending_heading.kind == "bab" and is_heading_line(text))):
            pending_heading.heading = f"{pending_heading.heading} {text}".strip() if pending_heading.heading else text
            if pending_heading.kind != "bab":
                pending_heading = None
            continue
        pending_heading = None
        if content is None:
            holder = groups[-1] if groups else None
            siblings = holder.children if holder else roots
            if siblings and siblings[-1].kind == "teks":
                siblings[-1].append_text(text)
            else:
                attach(Node(kind="teks", text=text))
            continue
        content.add(line)
    for change_content in amendments:
        change_content.finish()
    return roots


class _ChangeContent(_Content):
    """Pasal I of an amending act: the lead sentence, then numbered changes each with quoted text.

    A change starts at ``N.`` where N is the next change number and the instruction names a
    change (diubah, disisipkan, dihapus ...). Its quoted text (a whole Pasal, a BAB, an ayat) is
    parsed like a body of its own under the change.
    """

    def __init__(self, root: Node, notes: list[Removed] | None = None) -> None:
        super().__init__(root, notes)
        self.changes: list[tuple[Node, list[Line]]] = []

    def add(self, line: Line) -> None:
        match = ANGKA_RE.match(line.text)
        expected = str(len(self.changes) + 1)
        rest = (match["rest"] or "") if match else ""
        if match and match["num"] == expected and _CHANGE_START_RE.match(rest) and (
                _CHANGE_VERB_RE.search(rest) or rest.startswith(("Ketentuan", "Di antara", "Diantara"))):
            node = Node(kind="perubahan", num=expected, text=match["rest"] or "")
            self.root.children.append(node)
            self.changes.append((node, []))
            return
        if not self.changes:
            self.root.append_text(line.text)
            return
        node, quoted = self.changes[-1]
        if not quoted and not node.children and not PASAL_RE.match(line.text) and not BAB_RE.match(line.text) \
                and not node.text.rstrip().endswith(":"):
            node.append_text(line.text)  # the instruction goes on
            return
        quoted.append(line)

    def finish(self) -> None:
        for node, quoted in self.changes:
            node.children = build_body(quoted, notes=self.notes) if quoted else []
        self.changes = []
