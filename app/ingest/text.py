"""Plain text files (.txt, .md) -> str, whatever their encoding, without mangling a character.

The rule, in order:

1. an empty file, or one holding only whitespace, is refused (``UnreadableFile``);
2. a byte-order mark decides: UTF-8 (``EF BB BF``, removed), UTF-16 LE/BE;
3. a NUL byte, or more than 2 % control characters (and more than 10), means the file is not
   text: refused;
4. valid UTF-8 is read as UTF-8 (so ASCII too);
5. otherwise it is a legacy Windows file: cp1252 (which covers Latin-1's letters and adds the
   curly quotes and dashes Word writes in 0x80-0x9F), or Latin-1 when a byte has no cp1252 meaning.

Line ends become ``\\n`` (as Python's own text mode does); nothing else changes: control
characters left by OCR (``\\x01``) stay, so no text is lost.

>>> decode_text("Pasal 1 \\u201cDaerah\\u201d".encode("cp1252"), name="x.txt")
'Pasal 1 \u201cDaerah\u201d'
>>> decode_text(b"\\xef\\xbb\\xbfBAB I\\r\\nKETENTUAN UMUM", name="x.txt")
'BAB I\\nKETENTUAN UMUM'
"""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

from app.errors import NotFound, UnreadableFile

logger = logging.getLogger(__name__)

#: share of control characters (other than tab, line and page breaks) above which bytes are no
#: text, once there are more than MIN_CONTROLS of them (OCR leaves a few stray ``\x01``)
MAX_CONTROL_SHARE = 0.02
MIN_CONTROLS = 10
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def read_text(path: str | Path) -> str:
    """The text of a .txt/.md file (see the module docstring for the encoding rule).

    Raises NotFound when there is no such file, UnreadableFile when it is empty or not text.
    """
    return decode_text(read_bytes(path), name=str(path))


def read_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of a file (its first ``limit`` bytes if given), with NotFound / UnreadableFile
    for what cannot be read."""
    path = Path(path)
    if not path.exists():
        raise NotFound(f"Berkas tidak ditemukan (file not found): {path}")
    if not path.is_file():
        raise UnreadableFile(f"Bukan berkas biasa (not a regular file): {path}")
    try:
        with path.open("rb") as file:
            return file.read() if limit is None else file.read(limit)
    except OSError as error:
        raise UnreadableFile(f"Berkas tidak dapat dibaca (cannot read file): {path}: {error.strerror}") from None


def decode_text(data: bytes, *, name: str) -> str:
    """Bytes of a text file -> str, or UnreadableFile naming ``name`` and the reason."""
    if not data.strip():
        raise UnreadableFile(f"Berkas kosong (empty file): {name}")
    text = decode_bytes(data, name=name)
    if not text.strip():
        raise UnreadableFile(f"Berkas kosong (empty file): {name}")
    if "\x00" in text or _looks_binary(text):
        raise UnreadableFile(f"Bukan berkas teks (binary content, not text): {name}")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, *, name: str) -> str:
    """Steps 2 to 5 of the rule: bytes -> str by their byte-order mark, else UTF-8, else cp1252
    or Latin-1; UnreadableFile for a NUL byte or a broken file that has a byte-order mark."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8", name=name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name=name)
    if b"\x00" in data:
        raise UnreadableFile(f"Bukan berkas teks (binary content, not text): {name}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        logger.info("%s is not UTF-8; read as cp1252", name)
        return text
    except UnicodeDecodeError:
        logger.info("%s is not UTF-8 nor cp1252; read as latin-1", name)
        return data.decode("latin-1")


def _strict(data: bytes, encoding: str, *, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            f"Berkas bertanda {encoding.upper()} tetapi isinya rusak (invalid {encoding} at byte {error.start}): {name}"
        ) from None


def _looks_binary(text: str) -> bool:
    controls = sum(
        1 for char in text
        if (ord(char) < 32 or 0x7F <= ord(char) < 0xA0) and char not in _ALLOWED_CONTROLS
    )
    return controls > MIN_CONTROLS and controls / len(text) > MAX_CONTROL_SHARE
