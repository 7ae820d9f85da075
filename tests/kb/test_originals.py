"""Tests for app.kb.originals: content-addressed, written atomically, never rewritten."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from app.errors import NotFound
from app.kb import originals
from app.models import Regulation

TEXT = b"PERATURAN BUPATI BATANG\nPasal 1\nDaerah adalah Kabupaten Batang.\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(("data", "suffix"), [
    (TEXT, ".txt"),
    (b"%PDF-1.7\n...", ".pdf"),
    (b"PK\x03\x04...", ".docx"),
    (b"<!DOCTYPE html><html><body>Pasal 1</body></html>", ".html"),
])
def test_a_file_is_kept_under_its_hash_with_the_suffix_of_its_format(data_dir: Path, data: bytes, suffix: str) -> None:
    path = originals.keep(data, content_hash=sha(data))

    assert path == data_dir / "originals" / sha(data)[:2] / f"{sha(data)}{suffix}"
    assert path.read_bytes() == data
    assert files(data_dir / "originals") == [f"{sha(data)[:2]}/{sha(data)}{suffix}"]  # no temporary file left


def test_the_same_bytes_are_not_written_again(data_dir: Path) -> None:
    path = originals.keep(TEXT, content_hash=sha(TEXT))
    before = path.stat()

    assert originals.keep(TEXT, content_hash=sha(TEXT)) == path

    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_write_that_fails_leaves_no_file_not_even_half_of_one(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)

    with pytest.raises(OSError, match="No space"):
        originals.keep(TEXT, content_hash=sha(TEXT))

    assert files(data_dir / "originals") == []
    monkeypatch.undo()
    assert originals.keep(TEXT, content_hash=sha(TEXT)).read_bytes() == TEXT  # and the next try works


def test_discard_deletes_and_tolerates_a_missing_file(data_dir: Path) -> None:
    path = originals.keep(TEXT, content_hash=sha(TEXT))
    originals.discard(sha(TEXT), "text")
    assert not path.exists()
    originals.discard(sha(TEXT), "text")


def test_kept_original_names_the_file_after_the_regulation(data_dir: Path) -> None:
    originals.keep(TEXT, content_hash=sha(TEXT))
    regulation = Regulation(id="perbup-batang-2019-23", content_hash=sha(TEXT), original_format="text")

    kept = originals.kept_original(regulation)

    assert kept.path.read_bytes() == TEXT
    assert (kept.media_type, kept.filename) == ("text/plain", "perbup-batang-2019-23.txt")
    with pytest.raises(NotFound, match="no original file is kept"):
        originals.kept_original(Regulation(id="lama", content_hash=sha(b"lama")))
    with pytest.raises(NotFound, match="missing"):
        originals.kept_original(Regulation(id="hilang", content_hash=sha(b"hilang"), original_format="pdf"))
