"""The original files of the regulations, kept byte for byte under their content hash.

Every ingest (``selaras ingest``, ``POST /api/v1/regulations``) keeps the file a regulation was
parsed from in ``<SELARAS_DATA_DIR>/originals/``, named by its sha256 (the regulation's
``content_hash``) and the format read from its first bytes (``app.ingest.sniff``)::

    originals/3f/3fa94c...e1c2.pdf      # <sha256[:2]>/<sha256><suffix>

The same bytes are kept once, whatever their file name. A file is written under a temporary name
in its folder, flushed to disk and renamed into place, so a crash leaves the whole file or none.
When to write and when to delete is decided by ``app.kb.store.save_document``, which records the
format on the regulation (``Regulation.original_format``) in the same transaction.

>>> original_path("3fa94c" + "0" * 58, "pdf").relative_to(originals_dir()).as_posix()
'3f/3fa94c0000000000000000000000000000000000000000000000000000000000.pdf'
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.config import get_settings
from app.errors import NotFound
from app.ingest import HEAD_SIZE, sniff
from app.models import Regulation

#: format (as ``app.ingest.sniff`` names it) -> (suffix of the kept file, media type it is served with)
FORMATS: dict[str, tuple[str, str]] = {
    "text": (".txt", "text/plain"),
    "pdf": (".pdf", "application/pdf"),
    "docx": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "html": (".html", "text/html"),
    "png": (".png", "image/png"),
    "jpeg": (".jpg", "image/jpeg"),
    "gif": (".gif", "image/gif"),
    "tiff": (".tif", "image/tiff"),
}


@dataclass(frozen=True)
class KeptOriginal:
    """A regulation's original file on disk, and how to serve it."""

    path: Path
    media_type: str
    filename: str  # ``<regulation id><suffix>``: perbup-batang-2019-23.pdf


def format_of(data: bytes) -> str:
    """The format of a file's bytes, as ``app.ingest`` reads them: text, pdf, docx, html, png,
    jpeg, gif, tiff (or a refused one: doc, rtf)."""
    return sniff(data[:HEAD_SIZE])


def originals_dir() -> Path:
    """``<SELARAS_DATA_DIR>/originals``."""
    return get_settings().data_dir / "originals"


def original_path(content_hash: str, file_format: str) -> Path:
    """Where the original with this sha256 and format is kept."""
    suffix, _media_type = FORMATS[file_format]
    return originals_dir() / content_hash[:2] / f"{content_hash}{suffix}"


def keep(data: bytes, *, content_hash: str) -> Path:
    """Keep ``data`` (whose sha256 is ``content_hash``) unless it is kept already; its path.

    Written to a temporary file beside it, flushed, and renamed over the final name (atomic on
    POSIX), then the folder is flushed so the rename survives a power cut."""
    path = original_path(content_hash, format_of(data))
    if path.is_file():
        return path  # the same hash: the same bytes, nothing rewritten
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        with partial.open("xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    return path


def discard(content_hash: str, file_format: str) -> None:
    """Delete a kept original (nothing happens when it is not there)."""
    original_path(content_hash, file_format).unlink(missing_ok=True)


def kept_original(regulation: Regulation) -> KeptOriginal:
    """The original file of ``regulation``; NotFound when none is kept (it was stored before
    originals were kept) or the file is gone from the folder."""
    if regulation.original_format is None:
        raise NotFound(
            f"Berkas asli peraturan '{regulation.id}' tidak disimpan (no original file is kept for this "
            "regulation: it was ingested before originals were kept); `selaras ingest` berkasnya lagi "
            "(ingest its file again to keep it)."
        )
    suffix, media_type = FORMATS[regulation.original_format]
    path = original_path(regulation.content_hash, regulation.original_format)
    if not path.is_file():
        raise NotFound(
            f"Berkas asli peraturan '{regulation.id}' hilang dari folder originals "
            f"(the original file is missing): {path.name}"
        )
    return KeptOriginal(path=path, media_type=media_type, filename=f"{regulation.id}{suffix}")
