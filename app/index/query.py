"""A drafter's query -> a Whoosh query: words, "phrases", AND/OR/NOT, brackets, synonyms, filters.

The syntax (Indonesian operators too)::

    dewan smart city                 every word (stemmed: "pengelolaan" finds "dikelola")
    "tim koordinasi"                 the exact words in this order
    cctv OR "kamera pengawas"        either (ATAU works too)
    sanksi NOT pidana                without (BUKAN, or -pidana)
    (pusat OR ruang) kendali         brackets group

Plain words are joined by AND. Each run of plain words is matched against the synonym list
(``app.text.synonyms``): ``SPBE`` also finds "Sistem Pemerintahan Berbasis Elektronik".
Anything that does not parse (unbalanced quotes or brackets, a lone operator) is searched as
plain words, and ``Parsed.plain`` says so. A long query (pasted text) keeps its ``MAX_TERMS``
rarest words, any of which may match, so it stays fast.

>>> parse_query('"tim koordinasi" OR dewan').tree
Or(Phrase('tim koordinasi'), Words(['dewan']))
>>> parse_query('(pusat data').plain
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Union

from whoosh import query as wq

from app.text.analysis import stems, words
from app.text.synonyms import find_synonyms

#: a query with more words than this is a pasted text: its rarest words, OR-ed, are searched
MAX_TERMS = 12
#: deepest nesting of brackets and NOTs read as syntax; deeper is read as plain words
MAX_DEPTH = 16
#: longest query read (characters); the rest is ignored
MAX_QUERY_CHARS = 10_000

OPERATORS = {"AND": "AND", "DAN": "AND", "OR": "OR", "ATAU": "OR", "NOT": "NOT", "BUKAN": "NOT"}

_LEX_RE = re.compile(
    r"""
      (?P<quote> " [^"]* " )          # a closed phrase
    | (?P<open_quote> " )             # a quote never closed
    | (?P<lparen> \( )
    | (?P<rparen> \) )
    | (?P<minus> (?<!\S) - (?=\w) )   # -word: NOT word
    | (?P<word> [^\s"()]+ )
    """,
    re.X,
)


# --- the syntax tree ------------------------------------------------------------------------


@dataclass
class Words:
    words: list[str]

    def __repr__(self) -> str:
        return f"Words({self.words!r})"


@dataclass
class Phrase:
    text: str

    def __repr__(self) -> str:
        return f"Phrase({self.text!r})"


@dataclass
class Not:
    child: "Node"

    def __repr__(self) -> str:
        return f"Not({self.child!r})"


@dataclass
class And:
    children: list["Node"]

    def __repr__(self) -> str:
        return f"And({', '.join(map(repr, self.children))})"


@dataclass
class Or:
    children: list["Node"]

    def __repr__(self) -> str:
        return f"Or({', '.join(map(repr, self.children))})"


Node = Union[Words, Phrase, Not, And, Or]


class _SyntaxError(Exception):
    pass


@dataclass
class Parsed:
    """A parsed query: its tree, and whether it had to be read as plain words."""

    tree: Node | None
    plain: bool = False
    words: list[str] = field(default_factory=list)  # every word and phrase word, for spelling hints
    long: bool = False  # pasted text: searched by its rarest words (``is_long``)


def _lex(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    for match in _LEX_RE.finditer(text):
        kind = match.lastgroup or "word"
        value = match.group()
        if kind == "word" and value in OPERATORS:
            kind = OPERATORS[value]
        tokens.append((kind, value))
    return tokens


class _Parser:
    """Recursive descent over the tokens; any surprise raises _SyntaxError."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:
            raise _SyntaxError("trailing tokens")
        return node

    def or_expr(self) -> Node:
        children = [self.and_expr()]
        while self.peek() == "OR":
            self.take()
            children.append(self.and_expr())
        return children[0] if len(children) == 1 else Or(children)

    def and_expr(self) -> Node:
        children: list[Node] = []
        while self.peek() not in (None, "OR", "rparen"):
            if self.peek() == "AND":
                self.take()
                if not children or self.peek() in (None, "OR", "rparen", "AND"):
                    raise _SyntaxError("AND without two sides")
                continue
            node = self.unary()
            if isinstance(node, Words) and children and isinstance(children[-1], Words):
                children[-1].words.extend(node.words)  # one run, for synonyms across words
            else:
                children.append(node)
        if not children:
            raise _SyntaxError("empty group")
        return children[0] if len(children) == 1 else And(children)

    def unary(self) -> Node:
        kind = self.peek()
        if kind in ("NOT", "minus"):
            self.take()
            if self.peek() in (None, "OR", "AND", "rparen"):
                raise _SyntaxError("NOT without operand")
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _SyntaxError("NOT nested too deep")
            node = Not(self.unary())
            self.depth -= 1
            return node
        if kind == "lparen":
            self.take()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _SyntaxError("brackets nested too deep")
            node = self.or_expr()
            self.depth -= 1
            if self.peek() != "rparen":
                raise _SyntaxError("unclosed bracket")
            self.take()
            return node
        kind, value = self.take()
        if kind == "quote":
            inner = value[1:-1].strip()
            if not inner:
                raise _SyntaxError("empty phrase")
            return Phrase(inner)
        if kind == "word":
            return Words([value])
        raise _SyntaxError(f"unexpected {kind}")


def parse_query(text: str) -> Parsed:
    """The syntax tree of ``text``; malformed syntax is read as plain words (``plain=True``)."""
    text = text[:MAX_QUERY_CHARS]
    all_words = words(text)
    tokens = _lex(text)
    if not tokens:
        return Parsed(tree=None, words=all_words)
    try:
        parsed = Parsed(tree=_Parser(tokens).parse(), words=all_words)
    except (_SyntaxError, IndexError):
        parsed = Parsed(tree=Words(all_words) if all_words else None, plain=True, words=all_words)
    parsed.long = is_long(parsed)
    return parsed


# --- to Whoosh ------------------------------------------------------------------------------


def _form_query(form: tuple[str, ...]) -> wq.Query | None:
    if len(form) > 1:
        return wq.Phrase("exact", list(form))
    terms = stems(form[0])
    return wq.Term("text", terms[0]) if terms else wq.Term("exact", form[0])


def _words_query(sequence: list[str], conjunction: Callable[[list[wq.Query]], wq.Query]) -> wq.Query | None:
    parts: list[wq.Query] = []
    i = 0
    for match in find_synonyms(sequence):
        parts.extend(wq.Term("text", term) for word in sequence[i:match.start] for term in stems(word))
        forms = [q for q in (_form_query(form) for form in match.forms) if q is not None]
        if forms:
            parts.append(wq.Or(forms) if len(forms) > 1 else forms[0])
        i = match.end
    parts.extend(wq.Term("text", term) for word in sequence[i:] for term in stems(word))
    unique = list(dict.fromkeys(parts))
    if not unique:
        return None
    return unique[0] if len(unique) == 1 else conjunction(unique)


def to_whoosh(node: Node | None, *, any_word: bool = False) -> wq.Query | None:
    """The Whoosh query of a syntax tree; None when nothing searchable is left (only stop words).

    ``any_word`` joins plain words with OR instead of AND (the relaxed second try).
    """
    if node is None:
        return None
    conjunction: Callable[[list[wq.Query]], wq.Query] = wq.Or if any_word else wq.And
    if isinstance(node, Words):
        return _words_query([w for word in node.words for w in words(word)], conjunction)
    if isinstance(node, Phrase):
        tokens = words(node.text)
        if not tokens:
            return None
        return wq.Phrase("exact", tokens) if len(tokens) > 1 else wq.Term("exact", tokens[0])
    if isinstance(node, Not):
        child = to_whoosh(node.child, any_word=any_word)
        return wq.Not(child) if child is not None else None
    children = [q for q in (to_whoosh(child, any_word=any_word) for child in node.children) if q is not None]
    if not children:
        return None
    if isinstance(node, Or):
        return wq.Or(children) if len(children) > 1 else children[0]
    positive = [q for q in children if not isinstance(q, wq.Not)]
    if not positive:
        children = [wq.Every(), *children]
    return wq.And(children) if len(children) > 1 else children[0]


def rarest_terms(terms: Iterable[str], document_frequency: Callable[[str], int], limit: int) -> wq.Query | None:
    """The ``limit`` rarest of ``terms`` that the ranked field knows, any of which may match;
    None when it knows none."""
    known = [(document_frequency(term), term) for term in dict.fromkeys(terms)]
    rarest = sorted((freq, term) for freq, term in known if freq > 0)[:limit]
    if not rarest:
        return None
    return wq.Or([wq.Term("text", term) for _freq, term in rarest])


def long_query(text: str, document_frequency: Callable[[str], int], limit: int = MAX_TERMS) -> wq.Query | None:
    """For pasted text: its ``limit`` rarest stemmed terms that the index knows, any may match."""
    return rarest_terms(stems(text[:MAX_QUERY_CHARS]), document_frequency, limit)


def is_long(parsed: Parsed) -> bool:
    """Whether a query is pasted text rather than search words: more than MAX_TERMS plain words."""
    return isinstance(parsed.tree, Words) and len(stems(" ".join(parsed.tree.words))) > MAX_TERMS
