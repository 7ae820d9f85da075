"""The two specimens the drafting tests start from, parsed once."""

from __future__ import annotations

from functools import cache

from app.structure.parser import parse_text
from app.structure.tree import Document
from tests.paths import SPECIMENS

BATANG_FILE = SPECIMENS / "perbup-batang-2019-23-smart-city.txt"
JATENG_FILE = SPECIMENS / "perda-jateng-2019-11-jateng-cerdas.txt"


@cache
def _parsed(name: str) -> dict:
    return parse_text((SPECIMENS / name).read_text(encoding="utf-8")).to_dict()


def batang() -> Document:
    """Perbup Batang 23/2019 on smart city (a fresh copy each call)."""
    return Document.from_dict(_parsed(BATANG_FILE.name))


def jateng() -> Document:
    """Perda Provinsi Jawa Tengah 11/2019, Jawa Tengah Cerdas (a fresh copy each call)."""
    return Document.from_dict(_parsed(JATENG_FILE.name))
