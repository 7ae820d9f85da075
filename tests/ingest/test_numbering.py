"""Tests for app.ingest.numbering: the labels Word prints for its automatic lists."""

from __future__ import annotations

import doctest

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import app.ingest.numbering
from app.ingest.numbering import Numbering, format_number, render

W = nsdecls("w")


@pytest.mark.parametrize(
    ("value", "fmt", "printed"),
    [(1, "decimal", "1"), (12, "decimal", "12"), (3, "decimalZero", "03"),
     (1, "lowerLetter", "a"), (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"), (54, "lowerLetter", "bbb"),
     (2, "upperLetter", "B"), (4, "upperRoman", "IV"), (9, "upperRoman", "IX"), (14, "lowerRoman", "xiv"),
     (1994, "upperRoman", "MCMXCIV"), (5, "ordinal", "5"), (5, "none", "")],
)
def test_format_number(value, fmt, printed):
    assert format_number(value, fmt) == printed


@pytest.mark.parametrize(
    ("pattern", "values", "formats", "printed"),
    [("(%1)", [2], ["decimal"], "(2)"), ("%1.", [3], ["lowerLetter"], "c."), ("%1.", [4], ["upperRoman"], "IV."),
     ("%1)", [1], ["lowerLetter"], "a)"), ("%1.%2.", [2, 3], ["decimal", "decimal"], "2.3."),
     ("Pasal %1", [5], ["decimal"], "Pasal 5"), ("%2.", [1, 2], ["decimal", "lowerLetter"], "b.")],
)
def test_render_pattern(pattern, values, formats, printed):
    assert render(pattern, values, formats) == printed


def _lvl(ilvl, fmt, text, *, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def _numbering(*abstracts, nums):
    """``abstracts``: (id, levels xml); ``nums``: (numId, abstractId, {ilvl: startOverride})."""
    parts = [f'<w:abstractNum w:abstractNumId="{aid}">{levels}</w:abstractNum>' for aid, levels in abstracts]
    for num_id, aid, overrides in nums:
        over = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
                       for i, s in overrides.items())
        parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>')
    return parse_xml(f"<w:numbering {W}>{''.join(parts)}</w:numbering>")


def _p(num_id=None, ilvl=None, style=None):
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None or ilvl is not None:
        props += "<w:numPr>"
        props += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        props += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        props += "</w:numPr>"
    return parse_xml(f"<w:p {W}><w:pPr>{props}</w:pPr><w:r><w:t>teks</w:t></w:r></w:p>")


AYAT_HURUF = (1, _lvl(0, "decimal", "(%1)") + _lvl(1, "lowerLetter", "%2.") + _lvl(2, "decimal", "%3)"))


def test_levels_count_and_deeper_levels_restart():
    numbering = Numbering(_numbering(AYAT_HURUF, nums=[(1, 1, {})]), None)
    labels = [numbering.label(_p(1, ilvl)) for ilvl in (0, 1, 1, 2, 2, 1, 2, 0, 1)]
    assert labels == ["(1) ", "a. ", "b. ", "1) ", "2) ", "c. ", "1) ", "(2) ", "a. "]


def test_a_restarted_list_starts_again_and_a_continued_one_goes_on():
    # Word's "Restart at 1" makes a new w:num with a startOverride; without one a w:num of the
    # same abstract list continues it
    numbering = Numbering(_numbering(AYAT_HURUF, nums=[(1, 1, {}), (2, 1, {0: 1}), (3, 1, {})]), None)
    labels = [numbering.label(_p(num_id, 0)) for num_id in (1, 1, 2, 2, 2, 3, 1)]
    assert labels == ["(1) ", "(2) ", "(1) ", "(2) ", "(3) ", "(4) ", "(5) "]


def test_start_values_roman_and_upper_letters():
    abstracts = (7, _lvl(0, "upperRoman", "BAB %1", start=3, extra='<w:suff w:val="nothing"/>')
                 + _lvl(1, "upperLetter", "%2.", start=1))
    numbering = Numbering(_numbering(abstracts, nums=[(4, 7, {})]), None)
    assert [numbering.label(_p(4, ilvl)) for ilvl in (0, 1, 1, 0)] == ["BAB III", "A. ", "B. ", "BAB IV"]


def test_legal_numbering_and_a_level_that_never_restarts():
    abstracts = (2, _lvl(0, "upperRoman", "%1.") + _lvl(1, "decimal", "%1.%2", extra='<w:isLgl/>')
                 + _lvl(2, "lowerLetter", "%3.", extra='<w:lvlRestart w:val="0"/>'))
    numbering = Numbering(_numbering(abstracts, nums=[(1, 2, {})]), None)
    labels = [numbering.label(_p(1, ilvl)) for ilvl in (0, 1, 2, 0, 1, 2)]
    assert labels == ["I. ", "1.1 ", "a. ", "II. ", "2.1 ", "b. "]


def test_numbering_from_the_paragraph_style_and_its_base():
    styles = parse_xml(
        f'<w:styles {W}>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
        '<w:style w:type="paragraph" w:styleId="Ayat"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="AyatTebal"><w:basedOn w:val="Ayat"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Huruf"><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '</w:styles>'
    )
    numbering = Numbering(_numbering(AYAT_HURUF, nums=[(1, 1, {})]), styles)
    paragraphs = [_p(style="Ayat"), _p(style="Huruf"), _p(style="AyatTebal"), _p(style="Normal"), _p(style="Ayat", num_id=0)]
    assert [numbering.label(p) for p in paragraphs] == ["(1) ", "a. ", "(2) ", None, None]


def test_bullets_and_paragraphs_outside_lists():
    abstracts = (3, _lvl(0, "bullet", "\uf0b7") + _lvl(1, "bullet", "-"))
    numbering = Numbering(_numbering(abstracts, nums=[(1, 3, {})]), None)
    assert [numbering.label(_p(1, 0)), numbering.label(_p(1, 1)), numbering.label(_p())] == ["• ", "- ", None]
    assert Numbering(None, None).label(_p(5, 0)) is None  # a document without numbering.xml


def test_docstring_examples():
    result = doctest.testmod(app.ingest.numbering)
    assert result.attempted and not result.failed
