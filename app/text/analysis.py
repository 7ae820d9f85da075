"""Indonesian analysis for search: legal-text tokens, OCR repair, spaCy stop words, Sastrawi stems.

Two analyzers are built here, by composition of Whoosh filters (house style: one factory each):

- ``stemmed_analyzer()`` for the ranked ``text`` field: tokens -> OCR'd numbers repaired ->
  lower case -> compounds split -> spaCy's Indonesian stop words dropped -> Sastrawi stems;
- ``exact_analyzer()`` for the ``exact`` field that answers "quoted phrases": the same chain
  without stop words and stems, so a phrase matches the words as printed.

Tokens respect legal text: a number keeps its separators and insertion letter (``12/2011``,
``1.000.000,00``, ``5A``), a word compound is split into its words at the same positions in
indexing and in queries (``dan/atau`` -> ``dan`` ``atau``; ``e-government`` -> ``e``
``government``), and OCR'd digits inside a number are read as digits with the parser's own table
(``2O19`` -> ``2019``, ``app.text.ocr``). Words are never rewritten otherwise.

>>> [t.text for t in stemmed_analyzer()("Pemerintah Daerah menyelenggarakan SPBE dan/atau e-Government sejak 2O19")]
['perintah', 'daerah', 'selenggara', 'spbe', 'e', 'government', '2019']
>>> [t.text for t in exact_analyzer()("Pemerintah Daerah dan/atau Pasal 5A")]
['pemerintah', 'daerah', 'dan', 'atau', 'pasal', '5a']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from spacy.lang.id.stop_words import STOP_WORDS
from whoosh.analysis import Analyzer, Filter, LowercaseFilter, RegexTokenizer, StopFilter, Token

from app.text.ocr import repair_number

TOKEN_RE = re.compile(
    r"""
      \w*\d (?: \w | [.,/](?=\w) )*          # anything with a digit: 2019, 12/2011, 1.000.000,00, 5A, Rp5.000
    | [^\W\d_]+ (?: [-/'’] [^\W\d_]+ )*      # a word or a compound: daerah, dan/atau, e-government
    """,
    re.X,
)
_COMPOUND_RE = re.compile(r"[-/'’]")
_OCR_NUMBER_RE = re.compile(r"^(?=.*\d)[0-9OoDQIlLi|!\]ZzSsGbBgq+]{2,}$")  # digits with look-alikes
_INSERTION_RE = re.compile(r"^\d+[A-Za-z]$")  # 5A, 19a: an insertion letter, not an OCR'd digit

#: Words spaCy's list has but a search for rules must keep (they carry the meaning of a clause).
KEPT_WORDS = frozenset({"tidak", "wajib", "paling", "lama", "sedikit", "bukan"})
STOP_LIST = frozenset(STOP_WORDS) - KEPT_WORDS

#: Shortest word the stemmer is asked about: shorter ones are abbreviations or roots already.
MIN_STEM_LENGTH = 4


def number(token: str) -> str:
    """The token with OCR'd digits inside a number read as digits; any other token unchanged.

    >>> number("2O19"), number("5A"), number("Pasal")
    ('2019', '5A', 'Pasal')
    """
    if _OCR_NUMBER_RE.match(token) and not _INSERTION_RE.match(token):
        return repair_number(token) or token
    return token


def compound_parts(token: str) -> list[tuple[int, str]]:
    """The words of a compound with their offsets in it; a token that is not one, alone.

    >>> compound_parts("dan/atau"), compound_parts("12/2011")
    ([(0, 'dan'), (4, 'atau')], [(0, '12/2011')])
    """
    if not _COMPOUND_RE.search(token) or any(ch.isdigit() for ch in token):
        return [(0, token)]
    parts: list[tuple[int, str]] = []
    offset = 0
    for part in _COMPOUND_RE.split(token):
        if part:
            parts.append((offset, part))
        offset += len(part) + 1
    return parts


class OcrNumberFilter(Filter):
    """Reads OCR'd digits inside a number as digits (``2O19`` -> ``2019``, ``l0`` -> ``10``).

    Only a token that already has a real digit and nothing but digits and look-alikes is touched;
    an insertion letter (``5A``, ``19a``) is kept.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = number(token.text)
            yield token


class CompoundFilter(Filter):
    """Splits a word compound into its words at consecutive positions (``dan/atau`` -> dan, atau).

    The same split happens when indexing and when analysing a query, so a phrase that spans a
    compound still matches. Characters offsets follow each part, for highlighting.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        shift = 0
        for token in tokens:
            if token.positions:
                token.pos += shift
            parts = compound_parts(token.text)
            if len(parts) == 1:
                yield token
                continue
            start = token.startchar if token.chars else 0
            for emitted, (offset, part) in enumerate(parts):
                token.text = part
                if token.chars:
                    token.startchar = start + offset
                    token.endchar = start + offset + len(part)
                if token.positions and emitted:
                    token.pos += 1
                yield token
            shift += len(parts) - 1


class StemFilter(Filter):
    """Replaces each word by its Sastrawi stem (``penyelenggaraan`` -> ``selenggara``).

    Numbers, short words (abbreviations such as ``tik``, ``opd``) and words with non-letters are
    kept as they are. Stems are cached (``stem``), so a corpus pays once per distinct word.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = stem(token.text)
            yield token


class _RootWords:
    """Sastrawi's root-word dictionary as a set: its own ArrayDictionary searches a 30,000-word
    list on every lookup (about 50 ms a word); the stemmer only ever asks ``contains``."""

    def __init__(self, words: list[str]) -> None:
        self.words = frozenset(word.strip() for word in words if word.strip())

    def contains(self, word: str) -> bool:
        return word in self.words


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    """Sastrawi's Stemmer over its root words (not its CachedStemmer, whose cache grows without
    bound: ``stem``'s own cache bounds the memory)."""
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return Stemmer(_RootWords(StemmerFactory().get_words_from_file()))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Sastrawi stem of a lower-case word; the word itself when it is not one to stem.

    >>> stem("pengelolaan"), stem("kearsipan"), stem("tik"), stem("2019"), stem("e")
    ('kelola', 'arsip', 'tik', '2019', 'e')
    """
    if len(word) < MIN_STEM_LENGTH or not word.isalpha():
        return word
    return _stemmer().stem(word) or word


def _base() -> Analyzer:
    return RegexTokenizer(TOKEN_RE) | OcrNumberFilter() | LowercaseFilter() | CompoundFilter()


def stemmed_analyzer() -> Analyzer:
    """The analyzer of the ranked ``text`` field: base chain, stop words dropped, words stemmed."""
    return _base() | StopFilter(stoplist=STOP_LIST, minsize=1, renumber=False) | StemFilter()


def exact_analyzer() -> Analyzer:
    """The analyzer of the ``exact`` field (quoted phrases, spelling hints): no stop words, no stems."""
    return _base()


_EXACT = exact_analyzer()
_STEMMED = stemmed_analyzer()


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Every word of ``text`` as ``(start, end, word)``, the word as the exact analyzer reads it
    (lower case, OCR'd digits repaired, compounds split).

    The same steps as ``exact_analyzer`` without Whoosh's token objects, which cost ten times
    more per word (a page of hits to highlight, a hundred clauses to compare).

    >>> list(word_spans("Pengelolaan dan/atau 2O19"))
    [(0, 11, 'pengelolaan'), (12, 15, 'dan'), (16, 20, 'atau'), (21, 25, '2019')]
    """
    for match in TOKEN_RE.finditer(text):
        token = match.group()
        if token.isalpha():  # most words: nothing to repair or split
            yield match.start(), match.end(), token.lower()
            continue
        start = match.start()
        parts = compound_parts(number(token))
        if len(parts) == 1:
            yield start, match.end(), parts[0][1].lower()
            continue
        for offset, part in parts:
            yield start + offset, start + offset + len(part), part.lower()


def words(text: str) -> list[str]:
    """The lower-case words of ``text`` as the exact analyzer sees them.

    >>> words("Tim Koordinasi SPBE, dan/atau 2O19")
    ['tim', 'koordinasi', 'spbe', 'dan', 'atau', '2019']
    """
    return [word for _start, _end, word in word_spans(text)]


def word_pairs(text: str) -> list[str]:
    """Each two adjacent words of ``text`` (as ``words`` reads them), joined by a space: the
    terms of an index field that finds a two-word phrase in one posting list.

    >>> word_pairs("Pusat Data dan/atau")
    ['pusat data', 'data dan', 'dan atau']
    """
    found = words(text)
    return [f"{first} {second}" for first, second in zip(found, found[1:])]


def stems(text: str) -> list[str]:
    """The terms of ``text`` in the ranked field: stop words out, words stemmed.

    >>> stems("yang menyelenggarakan SPBE")
    ['selenggara', 'spbe']
    """
    return [token.text for token in _STEMMED(text)]


def term_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Every word of ``text`` as ``(start, end, term)``, the term being what the ranked field
    indexes for it (stop words included, as themselves): what a snippet needs to mark matches.

    >>> list(term_spans("Pengelolaan dan/atau 2O19"))
    [(0, 11, 'kelola'), (12, 15, 'dan'), (16, 20, 'atau'), (21, 25, '2019')]
    """
    for start, end, word in word_spans(text):
        yield start, end, stem(word)
