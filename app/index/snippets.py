"""Snippets: the passage of a clause that best shows why it matched, as HTML with ``<mark>``.

A snippet is at most ``SNIPPET_CHARS`` characters of the clause: the window holding the most
distinct query terms (ties: the earliest), opened a little before its first match and cut at
word boundaries, with `` … `` where text was left out. The text is HTML-escaped; only the
``<mark>`` tags are markup. A clause with no match in its first ``SCAN_CHARS`` characters (a
hit found through a synonym's phrase, a NOT-only query) shows its opening.

Words are compared as the ranked field indexes them (``app.text.analysis.term_spans``), so
``dikelola`` is marked for the query ``pengelolaan``.
"""

from __future__ import annotations

import html

from whoosh import query as wq

from app.text.analysis import stem, term_spans

SNIPPET_CHARS = 240
#: how far into a clause matches are looked for (a Penjelasan Umum can run to 30,000 characters)
SCAN_CHARS = 4000
#: characters of context kept before the first match of the chosen window
LEAD_CHARS = 60
ELLIPSIS = " … "


def marked_terms(q: wq.Query | None) -> frozenset[str]:
    """The stems a hit's snippet marks: the query's words and phrase words, not those under NOT.

    >>> sorted(marked_terms(wq.And([wq.Term("text", "dewan"), wq.Phrase("exact", ["pusat", "data"]),
    ...                              wq.Not(wq.Term("text", "pidana"))])))
    ['data', 'dewan', 'pusat']
    """
    if q is None or isinstance(q, wq.Not):
        return frozenset()
    if isinstance(q, wq.Term):
        return frozenset({q.text if q.fieldname == "text" else stem(str(q.text))})
    if isinstance(q, wq.Phrase):
        return frozenset(stem(word) for word in q.words)
    found: set[str] = set()
    for child in q.children():
        found |= marked_terms(child)
    return frozenset(found)


def _window(matches: list[tuple[int, int, str]]) -> tuple[int, int]:
    """The (first, last) match indexes of the window of SNIPPET_CHARS with most distinct terms."""
    best = (0, 0)
    best_terms = 0
    last = 0
    for first, (start, _, _) in enumerate(matches):
        last = max(last, first)
        while last + 1 < len(matches) and matches[last + 1][1] - start <= SNIPPET_CHARS - LEAD_CHARS:
            last += 1
        terms = len({term for _, _, term in matches[first:last + 1]})
        if terms > best_terms:
            best, best_terms = (first, last), terms
    return best


def _cut(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved back to word boundaries, so no word is shown in part."""
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start = text.rfind(" ", 0, start) + 1
    if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def snippet(text: str, terms: frozenset[str]) -> str:
    """The clause's best passage (HTML) with the ``terms`` marked; its opening when none matches.

    >>> snippet("Pengelolaan <b>arsip</b> dikelola oleh Dinas.", frozenset({"kelola"}))
    '<mark>Pengelolaan</mark> &lt;b&gt;arsip&lt;/b&gt; <mark>dikelola</mark> oleh Dinas.'
    """
    matches = [span for span in term_spans(text[:SCAN_CHARS]) if span[2] in terms] if terms else []
    if matches:
        first, last = _window(matches)
        start = max(0, matches[first][0] - LEAD_CHARS)
        end = max(matches[last][1], min(len(text), start + SNIPPET_CHARS))
        start, end = _cut(text, start, end)
        shown = [span for span in matches if span[0] >= start and span[1] <= end]
    else:
        start, end = _cut(text, 0, min(len(text), SNIPPET_CHARS))
        shown = []
    parts = [ELLIPSIS.lstrip()] if start > 0 else []
    cursor = start
    for span_start, span_end, _ in shown:
        parts.append(html.escape(text[cursor:span_start], quote=False))
        parts.append(f"<mark>{html.escape(text[span_start:span_end], quote=False)}</mark>")
        cursor = span_end
    parts.append(html.escape(text[cursor:end], quote=False))
    if end < len(text):
        parts.append(ELLIPSIS.rstrip())
    return "".join(parts).strip()
