"""Word's automatic numbering -> the labels Word prints: ``(1)``, ``a.``, ``IV.``, ``2.3``.

A Word draft often numbers its ayat, huruf and angka with automatic lists: the paragraph holds
only the text, and its ``w:numPr`` (list ``numId``, level ``ilvl``; on the paragraph or on its
style) points into ``word/numbering.xml``, where a ``w:num`` names an ``w:abstractNum`` whose
``w:lvl`` gives the start, the format (``w:numFmt``) and the label pattern (``w:lvlText``,
``%1`` being the number of level 1). ``Numbering.label`` counts the paragraphs in document
order as Word does:

- the counters belong to the abstract list, so two ``w:num`` of one ``w:abstractNum`` continue
  each other, except where a ``w:num`` overrides a level's start (``w:startOverride``: Word's
  "Restart at 1"), which restarts that level the first time that ``w:num`` is used;
- using a level restarts the deeper ones (unless their ``w:lvlRestart`` says otherwise);
- formats: decimal, decimalZero, lowerLetter/upperLetter (``z``, then ``aa``, ``bb``),
  lowerRoman/upperRoman, bullet (its character; a symbol-font character prints as ``•``),
  none; any other format is counted in decimal.

>>> format_number(4, "upperRoman"), format_number(28, "lowerLetter"), format_number(7, "decimalZero")
('IV', 'bb', '07')
>>> render("(%1)", [3], ["decimal"]), render("%1.%2.", [2, 1], ["decimal", "lowerLetter"])
('(3)', '2.a.')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

Element = Any  # an lxml element of python-docx's tree (w:numbering, w:styles, w:p ...)

MAX_LEVELS = 9
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_PRIVATE_USE = range(0xE000, 0xF900)  # Symbol/Wingdings bullets are stored there
_SEPARATORS = {"tab": " ", "space": " ", "nothing": ""}


@dataclass(frozen=True)
class Level:
    """One level of a list, as ``w:lvl`` defines it."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""            # w:lvlText: the label's pattern, "(%1)"
    suffix: str = "tab"       # what follows the label: tab, space or nothing
    legal: bool = False       # w:isLgl: every number in the label in decimal
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    style: str | None = None  # w:pStyle: the paragraph style bound to this level


def format_number(value: int, fmt: str) -> str:
    """A counter value in a Word number format (see the module docstring)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else str(value)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value) if value > 0 else str(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def render(pattern: str, values: list[int], formats: list[str]) -> str:
    """``w:lvlText`` with ``%1``..``%9`` replaced by the formatted numbers of levels 1..9."""
    out = pattern
    for index in range(min(len(values), MAX_LEVELS), 0, -1):
        out = out.replace(f"%{index}", format_number(values[index - 1], formats[index - 1]))
    return out


def _roman(value: int) -> str:
    out = ""
    for amount, digits in _ROMAN:
        count, value = divmod(value, amount)
        out += digits * count
    return out


def _val(element: Element | None, child: str) -> str | None:
    """``w:val`` of ``element``'s child ``child`` (``"w:start"``), None when absent."""
    if element is None:
        return None
    found = element.find(qn(child))
    return None if found is None else found.get(qn("w:val"))


def _int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def _level(lvl: Element) -> Level:
    legal = lvl.find(qn("w:isLgl"))
    start = _int(_val(lvl, "w:start"))
    return Level(
        start=1 if start is None else start,
        fmt=_val(lvl, "w:numFmt") or "decimal",
        text=_val(lvl, "w:lvlText") or "",
        suffix=_val(lvl, "w:suff") or "tab",
        legal=legal is not None and legal.get(qn("w:val"), "true") not in ("0", "false", "off"),
        restart=_int(_val(lvl, "w:lvlRestart")),
        style=_val(lvl, "w:pStyle"),
    )


class Numbering:
    """The list definitions of one document, and the counters as its paragraphs are read.

    ``numbering`` is the ``w:numbering`` root of ``numbering.xml`` (None when the document has
    no lists), ``styles`` the ``w:styles`` root (paragraph styles may carry the numbering)."""

    def __init__(self, numbering: Element | None, styles: Element | None) -> None:
        self._abstracts: dict[str, Element] = {}
        self._nums: dict[str, Element] = {}
        if numbering is not None:
            for abstract in numbering.iterfind(qn("w:abstractNum")):
                self._abstracts[abstract.get(qn("w:abstractNumId"))] = abstract
            for num in numbering.iterfind(qn("w:num")):
                self._nums[num.get(qn("w:numId"))] = num
        self._styles: dict[str, Element] = {}
        self._default_style: str | None = None
        if styles is not None:
            for style in styles.iterfind(qn("w:style")):
                if style.get(qn("w:type")) == "paragraph":
                    self._styles[style.get(qn("w:styleId"))] = style
                    if style.get(qn("w:default")) in ("1", "true", "on"):
                        self._default_style = style.get(qn("w:styleId"))
        self._counts: dict[str, list[int | None]] = {}  # abstract list id -> counter per level
        self._used: set[str] = set()

    def label(self, paragraph: Element) -> str | None:
        """The label Word prints before ``paragraph`` (a ``w:p``), with the separator that
        follows it (``"(2) "``); None for a paragraph outside any list. Counts the paragraph."""
        found = self._num_and_level(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        resolved = self._resolve(num_id)
        if resolved is None:
            return None
        abstract_id, levels, starts = resolved
        counts = self._counts.setdefault(abstract_id, [None] * MAX_LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for overridden in starts:
                counts[overridden] = None
        level = levels[ilvl]
        counts[ilvl] = starts.get(ilvl, level.start) if counts[ilvl] is None else counts[ilvl] + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = levels[deeper].restart
            if restart is None or ilvl < restart:
                counts[deeper] = None
        if level.fmt == "bullet":
            text = _bullet(level.text)
        else:
            values = [count if count is not None else starts.get(i, levels[i].start) for i, count in enumerate(counts)]
            text = render(level.text, values, ["decimal" if level.legal else lvl.fmt for lvl in levels])
        return text + _SEPARATORS.get(level.suffix, " ") if text else None

    def _num_and_level(self, paragraph: Element) -> tuple[str, int] | None:
        """(numId, ilvl) from the paragraph's own ``w:numPr``, else from its style chain."""
        ppr = paragraph.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _val(numpr, "w:numId")
        ilvl = _int(_val(numpr, "w:ilvl"))
        style_id = _val(ppr, "w:pStyle") or self._default_style
        if num_id is None:
            num_id, style_ilvl, style_id = self._style_numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self._level_of_style(num_id, style_id)
        return num_id, min(max(ilvl, 0), MAX_LEVELS - 1)

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style that holds them) along the ``w:basedOn`` chain of a style."""
        seen: set[str] = set()
        while style_id is not None and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            ppr = style.find(qn("w:pPr"))
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if numpr is not None and _val(numpr, "w:numId") is not None:
                return _val(numpr, "w:numId"), _int(_val(numpr, "w:ilvl")), style_id
            style_id = _val(style, "w:basedOn")
        return None, None, None

    def _level_of_style(self, num_id: str, style_id: str | None) -> int:
        """The level bound to a paragraph style (``w:lvl/w:pStyle``), else the first."""
        resolved = self._resolve(num_id)
        if resolved is not None and style_id is not None:
            for index, level in enumerate(resolved[1]):
                if level.style == style_id:
                    return index
        return 0

    def _resolve(self, num_id: str) -> tuple[str, list[Level], dict[int, int]] | None:
        """(abstract list id, its levels with the ``w:num``'s overrides, overridden starts)."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        abstract_id = _val(num, "w:abstractNumId")
        abstract = self._abstracts.get(abstract_id or "")
        link = _val(abstract, "w:numStyleLink")
        if link is not None:  # the definition lives with a list style: follow it once
            linked_num, _, _ = self._style_numbering(link)
            linked = self._nums.get(linked_num or "")
            abstract_id = _val(linked, "w:abstractNumId")
            abstract = self._abstracts.get(abstract_id or "")
        if abstract is None or abstract_id is None:
            return None
        levels = [Level() for _ in range(MAX_LEVELS)]
        for lvl in abstract.iterfind(qn("w:lvl")):
            index = _int(lvl.get(qn("w:ilvl")))
            if index is not None and 0 <= index < MAX_LEVELS:
                levels[index] = _level(lvl)
        starts: dict[int, int] = {}
        for override in num.iterfind(qn("w:lvlOverride")):
            index = _int(override.get(qn("w:ilvl")))
            if index is None or not 0 <= index < MAX_LEVELS:
                continue
            lvl = override.find(qn("w:lvl"))
            if lvl is not None:
                levels[index] = _level(lvl)
            start = _int(_val(override, "w:startOverride"))
            if start is not None:
                starts[index] = start
        return abstract_id, levels, starts


def _bullet(character: str) -> str:
    """A bullet's character; one of a symbol font (private use area) prints as ``•``."""
    return "•" if any(ord(char) in _PRIVATE_USE for char in character) else character
