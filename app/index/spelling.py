"""'Maksud Anda': typo corrections from the words the corpus really prints.

The vocabulary is the ``exact`` field's lexicon: every word printed in two clauses or more
(a word seen once is more likely an OCR slip than a spelling to suggest), with how many clauses
print it. A query word that no clause prints is replaced by a vocabulary word close to it (optimal string
alignment distance, a swap of two letters counting one: at most 1, or 2 for words of 6 letters
or more; rapidfuzz): the one most often found with the query's other words. The vocabulary is
read once per index version.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh import query as wq
from whoosh.searching import Searcher

from app.text.analysis import stems
from app.text.synonyms import is_abbreviation

MIN_FREQUENCY = 2
MIN_WORD_LENGTH = 4


@dataclass(frozen=True)
class Vocabulary:
    terms: list[str]
    frequency: dict[str, int]


# one vocabulary per open reader (an index version); dropped with the reader
_CACHE: "weakref.WeakKeyDictionary[object, Vocabulary]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def vocabulary(searcher: Searcher) -> Vocabulary:
    """The words printed in at least MIN_FREQUENCY clauses, cached for this searcher's index version."""
    reader = searcher.reader()
    with _LOCK:
        cached = _CACHE.get(reader)
        if cached is not None:
            return cached
    frequency: dict[str, int] = {}
    for raw, info in reader.iter_field("exact"):
        term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        count = info.doc_frequency()
        if count >= MIN_FREQUENCY and term.isalpha():
            frequency[term] = count
    built = Vocabulary(terms=list(frequency), frequency=frequency)
    with _LOCK:
        _CACHE[reader] = built
    return built


def candidates(word: str, searcher: Searcher, limit: int = 5) -> list[str]:
    """The vocabulary words ``word`` may be a typo of, closest and most printed first; empty
    when ``word`` is printed itself, too short, an abbreviation, or nothing is close."""
    if len(word) < MIN_WORD_LENGTH or not word.isalpha() or is_abbreviation(word):
        return []
    if searcher.doc_frequency("exact", word) >= MIN_FREQUENCY:
        return []
    vocab = vocabulary(searcher)
    cutoff = 2 if len(word) >= 6 else 1
    found = process.extract(word, vocab.terms, scorer=OSA.distance, score_cutoff=cutoff, limit=50)
    found.sort(key=lambda c: (c[1], -vocab.frequency[c[0]], c[0]))
    return [term for term, _distance, _index in found[:limit]]


def _together(words: list[str], searcher: Searcher) -> int:
    """How many clauses have every one of ``words`` (stemmed)."""
    terms = list(dict.fromkeys(term for word in words for term in stems(word)))
    if not terms:
        return 0
    return len(searcher.search(wq.And([wq.Term("text", term) for term in terms]), limit=1))


def suggest(query: str, words: list[str], searcher: Searcher) -> str | None:
    """``query`` with each misspelt word replaced; None when no word needed it.

    Among a word's candidates the one found most often with the query's other words wins
    (``smrat city`` -> ``smart city``, not the more frequent ``surat``). Only whole words are
    replaced, so operators, quotes and brackets stay where they were.
    """
    current = list(dict.fromkeys(words))
    corrected = query
    changed = False
    for i, word in enumerate(current):
        options = candidates(word, searcher)
        if not options:
            continue
        others = current[:i] + current[i + 1:]
        best = max(options, key=lambda option: (_together([*others, option], searcher), -options.index(option)))
        current[i] = best
        corrected = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", best, corrected, flags=re.I)
        changed = True
    return corrected if changed else None
