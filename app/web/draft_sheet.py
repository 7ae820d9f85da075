"""What the draft page (``/rancangan/{id}``) shows of a draft as ``app.drafting.store.draft_view``
gives it: each provision in order with the changes made in it and the flags raised in it, and
whether it can move one step up or down (``app.drafting.plan.stepped``), a Pasal's text a line
each (``Line``: its marker apart, to hang the words beside it; the words its flags name marked);
the changes and flags of the judul, Menimbang and Mengingat, and those of the whole draft, apart.

Every change and flag is ``Placed``: where it is as a drafter reads it (``Pasal 17 ayat (1)
huruf d``, ``Menimbang huruf a``) and the element of the page that shows it (the provision's
``ketentuan-<id>``, ``judul``, ``menimbang``, ``mengingat``), so a list of them can link there.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from markupsafe import Markup, escape

from app.drafting import layout
from app.drafting.plan import RANK, stepped
from app.drafting.renumber import ordinal
from app.errors import NotFound
from app.models import DraftChangeRead, DraftFlagRead, DraftProvisionRead, DraftRead
from app.structure.ids import int_to_roman

#: what stands before the first "/" of a place outside the body -> (its name, the element showing it, its items' word)
OPENING: dict[str, tuple[str, str | None, str]] = {
    "judul": ("Judul", "judul", ""),
    "menimbang": ("Menimbang", "menimbang", "huruf"),
    "mengingat": ("Mengingat", "mengingat", "angka"),
    "rancangan": ("Seluruh rancangan", None, ""),
}


#: a line of a Pasal's text that starts with a marker, as ``app.kb.outline.label`` prints them
_MARKER_RE = re.compile(r"""
    (?P<marker>
        \(\d+[a-z]?\)         # an ayat: (1), (2a)
      | [a-z]\. | \d+[a-z]?\.  # a huruf or an angka: a., 1., 19a.
      | [a-z]\) | \d+[a-z]?\)  # a subhuruf or a subangka: a), 1)
    )
    \s+ (?P<text>.*)          # the words after it
""", re.X)
#: the indent of one level in a Pasal's text (``app.drafting.layout.INDENT``)
INDENT = len(layout.INDENT)


@dataclass(frozen=True)
class Line:
    """A line of a Pasal's text: how deep in its lists, its marker (``(1)``, ``a.``; empty for a
    paragraph) and its words, so the page can hang the words beside the marker."""

    level: int
    marker: str
    text: str


def marked(text: str, words: Iterable[str]) -> Markup:
    """``text`` escaped, each of ``words`` (whole words) in ``<mark>``: where a flag's words stand.

    >>> print(marked("Kepala Kepolisian Resor Batang & <b>", ["Batang"]))
    Kepala Kepolisian Resor <mark>Batang</mark> &amp; &lt;b&gt;
    """
    wanted = sorted({word for word in words if word.strip()}, key=len, reverse=True)
    if not wanted:
        return escape(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in wanted) + r")(?!\w)")
    parts: list[Markup] = []
    cursor = 0
    for found in pattern.finditer(text):
        parts += [escape(text[cursor:found.start()]), Markup("<mark>{}</mark>").format(found.group(0))]
        cursor = found.end()
    return Markup("").join([*parts, escape(text[cursor:])])


def text_lines(text: str) -> list[Line]:
    r"""A Pasal's content as ``app.drafting.layout.content_text`` prints it (the form a drafter edits), a line each.

    >>> [(line.level, line.marker, line.text) for line in text_lines("(1) Dewan terdiri atas:\n    a. ketua;\nCukup.")]
    [(0, '(1)', 'Dewan terdiri atas:'), (1, 'a.', 'ketua;'), (0, '', 'Cukup.')]
    """
    lines = []
    for row in filter(str.strip, text.split("\n")):
        words = row.lstrip(" ")
        found = _MARKER_RE.fullmatch(words)
        level = (len(row) - len(words)) // INDENT
        lines.append(Line(level, found["marker"], found["text"]) if found else Line(level, "", words))
    return lines


@dataclass(frozen=True)
class Placed:
    """A change or a flag with where it is: ``where`` in the whole draft, ``within`` its provision
    (empty: the provision itself), and ``anchor``, the id of the page element showing it."""

    item: DraftChangeRead | DraftFlagRead
    where: str
    within: str = ""
    anchor: str | None = None


@dataclass
class Part:
    """A provision of the draft as the page shows it."""

    provision: DraftProvisionRead
    depth: int = 0  # the groups it is in
    changes: list[Placed] = field(default_factory=list)
    flags: list[Placed] = field(default_factory=list)
    up: bool = False
    down: bool = False

    @property
    def anchor(self) -> str:
        return f"ketentuan-{self.provision.id}"

    @property
    def lines(self) -> list[Line]:
        return text_lines(self.provision.text)

    def marked(self, text: str) -> Markup:
        """A line of its text with the words its flags name marked (``excerpt``: one, or several joined by ``; ``)."""
        excerpts = [flag.item.excerpt for flag in self.flags if isinstance(flag.item, DraftFlagRead)]
        return marked(text, [word for excerpt in excerpts for word in excerpt.split("; ")])


@dataclass(frozen=True)
class Sheet:
    """A draft as its page shows it (see the module docstring)."""

    draft: DraftRead
    parts: list[Part]
    opening_changes: list[Placed]
    opening_flags: list[Placed]
    flags: list[Placed]
    rules: list[tuple[str, int]]

    @property
    def pasal(self) -> int:
        return sum(1 for part in self.parts if part.provision.kind == "pasal")

    @property
    def source_regulation(self) -> str | None:
        """The draft's source when it is a stored regulation (what was copied from it is named by
        provision id, ``<regulation id>/<node id>``; what came from a file, ``<file>#<node id>``)."""
        source = self.draft.source
        copied = [part.provision.source or "" for part in self.parts]
        return source if source and any(name.startswith(f"{source}/") for name in copied) else None

    def part(self, provision_id: int) -> Part:
        """The provision ``provision_id`` of the draft; NotFound otherwise."""
        for part in self.parts:
            if part.provision.id == provision_id:
                return part
        raise NotFound(f"Ketentuan rancangan {provision_id} tidak ditemukan (draft provision not found).")


def _ordinal(value: int) -> str:
    try:
        return ordinal(value)
    except ValueError:  # beyond the words known: the number as it is
        return str(value)


def printed_place(node_id: str) -> str:
    """A node id as a drafter reads the place: ``pasal-17/ayat-1/huruf-d`` -> ``Pasal 17 ayat (1) huruf d``.

    >>> printed_place("bab-3/bagian-2/paragraf-1"), printed_place("pasal-5a/ayat-2/huruf-d/angka-19a")
    ('BAB III Bagian Kedua Paragraf 1', 'Pasal 5A ayat (2) huruf d angka 19a')
    >>> printed_place("angka-3"), printed_place("")
    ('angka 3', '')
    """
    words = []
    for segment in filter(None, node_id.split("/")):
        kind, _, num = segment.partition("-")
        digits = num.rstrip("abcdefghijklmnopqrstuvwxyz")
        if kind == "bab" and digits.isdigit():
            words.append(f"BAB {int_to_roman(int(digits))}{num[len(digits):].upper()}")
        elif kind == "bagian" and num.isdigit():
            words.append(f"Bagian {_ordinal(int(num))}")
        elif kind in ("bagian", "paragraf", "pasal"):
            words.append(f"{kind.capitalize()} {num.upper()}")
        else:
            words.append(f"ayat ({num})" if kind == "ayat" else f"{kind} {num}".strip())
    return " ".join(words)


def _owner(provision: str, parts: list[Part]) -> tuple[Part | None, str]:
    """The provision a node id is in (the longest node id it starts with), and the rest of it."""
    best: Part | None = None
    for part in parts:
        node_id = part.provision.node_id
        if (provision == node_id or provision.startswith(node_id + "/")) and (
                best is None or len(node_id) > len(best.provision.node_id)):
            best = part
    rest = provision[len(best.provision.node_id):].strip("/") if best else provision
    return best, rest


def placed(items: Iterable[DraftChangeRead | DraftFlagRead], parts: list[Part]) -> list[Placed]:
    """Each change or flag with where it is (see ``Placed``).

    >>> flag = DraftFlagRead(provision="menimbang/a", reason="konsiderans", message="Tulis ...", excerpt="...")
    >>> placed([flag], [])[0].where, placed([flag], [])[0].anchor
    ('Menimbang huruf a', 'menimbang')
    """
    out = []
    for item in items:
        head, _, rest = item.provision.partition("/")
        if head in OPENING:
            name, anchor, word = OPENING[head]
            out.append(Placed(item, f"{name} {word} {rest}" if rest else name, anchor=anchor))
            continue
        owner, rest = _owner(item.provision, parts)
        if owner is None:
            out.append(Placed(item, item.provision))
            continue
        out.append(Placed(item, printed_place(item.provision), printed_place(rest), owner.anchor))
    return out


def sheet(draft: DraftRead) -> Sheet:
    """The draft page's view of ``draft``."""
    kinds = [provision.kind for provision in draft.provisions]
    parts: list[Part] = []
    open_groups: list[int] = []  # the ranks of the groups the next provision is in
    for index, provision in enumerate(draft.provisions):
        rank = RANK[provision.kind]
        while open_groups and open_groups[-1] >= rank:
            open_groups.pop()
        parts.append(Part(provision, depth=len(open_groups), up=stepped(kinds, index, -1) is not None,
                          down=stepped(kinds, index, 1) is not None))
        if provision.kind != "pasal":
            open_groups.append(rank)
    by_anchor = {part.anchor: part for part in parts}
    changes, flags = placed(draft.changes, parts), placed(draft.flags, parts)
    for name, items in (("changes", changes), ("flags", flags)):
        for item in items:
            if item.anchor in by_anchor:
                getattr(by_anchor[item.anchor], name).append(item)
    rules: Counter[str] = Counter()
    for change in draft.changes:
        rules[change.rule] += change.count
    return Sheet(
        draft=draft, parts=parts, flags=flags, rules=rules.most_common(),
        opening_changes=[item for item in changes if item.anchor not in by_anchor],
        opening_flags=[item for item in flags if item.anchor not in by_anchor],
    )
