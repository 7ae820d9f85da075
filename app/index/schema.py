"""The Whoosh index of clauses: its schema, where it lives, and one shared handle per folder.

One Whoosh document per clause unit (``app.index.units``), carrying its provision id, Pasal and
ayat numbers, BAB heading, and its regulation's metadata so that filters and facets need no
database. Text is indexed twice: ``text`` (stemmed, stop words out; ranked with BM25F) and
``exact`` (the words as printed, with positions, for "quoted phrases" and spelling hints).
``exact_pairs`` holds each two adjacent words of ``exact`` as one term (``pusat data``), so a
phrase's documents are an intersection of posting lists (``app.index.docsets``), not a walk
through the positions of every document that has its words.
Its region-neutral stems are stored (``neutral``), so similar-clause look-ups need not stem a
hundred candidates each time.
Metadata used for filters is kept lower-case in ``*_key`` fields; the fields with their printed
form are sortable columns, which is what facet counts read.

``stamp`` is one value per regulation and version (its id, content hash and time of last
change): ``app.index.sync`` compares stamps with the database to find what is stale.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.index import Index
from whoosh.searching import Searcher

from app.config import get_settings
from app.errors import IndexUnavailable
from app.index.docsets import Docsets, SegmentColumns
from app.text.analysis import exact_analyzer, stemmed_analyzer

logger = logging.getLogger(__name__)

INDEX_NAME = "clauses"
#: fields a search can be narrowed by and counted over (facets), in the order shown
FACETS = ("jenis", "tingkat", "provinsi", "daerah", "tahun", "status")


def make_schema() -> Schema:
    """The schema of the clause index (see the module docstring)."""
    return Schema(
        id=ID(stored=True, unique=True),
        regulation_id=ID(stored=True),
        stamp=ID(stored=True),
        part=ID(stored=True),
        kind=ID(stored=True),
        pasal=ID(stored=True),
        ayat=ID(stored=True),
        bab=STORED(),
        position=NUMERIC(stored=True, sortable=True, bits=32),
        text=TEXT(analyzer=stemmed_analyzer(), stored=True, phrase=False),
        exact=TEXT(analyzer=exact_analyzer(), phrase=True),
        exact_pairs=KEYWORD(scorable=False),  # given as a list of terms (app.text.analysis.word_pairs)
        neutral=STORED(),  # the text's region-neutral stems (app.text.neutral), for similar clauses
        jenis=ID(stored=True, sortable=True),
        jenis_singkat=ID(stored=True),
        jenis_key=KEYWORD(commas=True),  # full name, short name, code and its family: every way to ask
        nomor=STORED(),
        tahun=NUMERIC(stored=True, sortable=True, bits=32),
        judul=STORED(),
        daerah=ID(stored=True, sortable=True),
        daerah_key=ID(),
        tingkat=ID(stored=True, sortable=True),
        provinsi=ID(stored=True, sortable=True),
        provinsi_key=ID(),
        status=ID(stored=True, sortable=True),
        spesimen=BOOLEAN(stored=True),
    )


def index_dir() -> Path:
    """Where the clause index lives: ``SELARAS_INDEX_DIR``, by default ``<data dir>/whoosh``."""
    settings = get_settings()
    return settings.index_dir or settings.data_dir / "whoosh"


def open_or_create(path: Path) -> Index:
    """The index in ``path``, created empty (folder included) when there is none."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        if whoosh_index.exists_in(str(path), indexname=INDEX_NAME):
            return whoosh_index.open_dir(str(path), indexname=INDEX_NAME)
        logger.info("creating the clause index in %s", path)
        return whoosh_index.create_in(str(path), make_schema(), indexname=INDEX_NAME)
    except (OSError, whoosh_index.IndexError, EOFError, ValueError) as error:
        raise IndexUnavailable(
            f"Indeks pencarian di {path} tidak dapat dibuka (search index unreadable): {error}. "
            "Jalankan `selaras reindex` (run `selaras reindex`)."
        ) from None


def recreate(path: Path) -> Index:
    """A new empty index in ``path``, replacing whatever was there."""
    path.mkdir(parents=True, exist_ok=True)
    return whoosh_index.create_in(str(path), make_schema(), indexname=INDEX_NAME)


class IndexHandle:
    """One open index and one searcher for a folder, shared by every request.

    Opening an index and its readers costs far more than a query, so the searcher is kept while
    the index is unchanged, and replaced by a new one after a commit (not ``Searcher.refresh()``,
    which keeps the deleted documents an unchanged segment had when it was opened, so an updated
    regulation would be found twice). A replaced searcher is not closed: a request may still be
    reading it; it is released when no one holds it. ``reset`` forgets both, after the index was
    recreated.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._index: Index | None = None
        self._searcher: Searcher | None = None
        self._docsets: Docsets | None = None
        self._columns = SegmentColumns()

    @property
    def index(self) -> Index:
        with self._lock:
            if self._index is None:
                self._index = open_or_create(self.path)
            return self._index

    def searcher(self) -> Searcher:
        """The shared searcher, up to date with the last commit."""
        index = self.index
        with self._lock:
            if self._searcher is None or not self._searcher.up_to_date():
                self._searcher = index.searcher()
            return self._searcher

    def docsets(self) -> Docsets:
        """Document sets and facet counts over the shared searcher (``app.index.docsets``)."""
        searcher = self.searcher()
        with self._lock:
            if self._docsets is None or self._docsets.searcher is not searcher:
                self._docsets = Docsets(searcher, self._columns)
            return self._docsets

    def reset(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._docsets = None
            self._index = None
            self._columns = SegmentColumns()


_HANDLES: dict[Path, IndexHandle] = {}
_HANDLES_LOCK = threading.Lock()


def get_handle(path: Path | None = None) -> IndexHandle:
    """The shared handle of ``path`` (default: the configured index folder)."""
    path = (path or index_dir()).resolve()
    with _HANDLES_LOCK:
        handle = _HANDLES.get(path)
        if handle is None:
            handle = _HANDLES[path] = IndexHandle(path)
        return handle


def close_handles() -> None:
    """Close every shared searcher (tests, and after changing settings)."""
    with _HANDLES_LOCK:
        handles = list(_HANDLES.values())
        _HANDLES.clear()
    for handle in handles:
        handle.reset()
