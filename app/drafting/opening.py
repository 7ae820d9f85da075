"""The draft's Konsiderans (Menimbang) and Dasar Hukum (Mengingat), carried over and adapted.

Menimbang: the source's items adapted like its provisions; its closing item, "bahwa berdasarkan
pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Peraturan Bupati
tentang ...", is written anew for the draft: a Perda is *formed* (``perlu membentuk Peraturan
Daerah``), a Perkada *enacted* (``perlu menetapkan Peraturan Gubernur``).

Mengingat, for a regional regulation (Lampiran II UU 12/2011): Pasal 18 ayat (6) UUD 1945 first,
then the law that formed the target region (a placeholder to fill in when the knowledge base does
not know it), then the source's items, less its own UUD item, the law that formed the source
region and acts of the source region (flagged: they do not bind the target), with UU 23/2014 on
Pemerintahan Daerah added when missing. Items the drafter wrote (``own``) are taken as they are;
when every item is the drafter's, the list is theirs alone.

>>> title_case("PENYELENGGARAAN SMART CITY DAN SPBE PROVINSI JAWA TENGAH", keep={"SPBE"})
'Penyelenggaraan Smart City dan SPBE Provinsi Jawa Tengah'
>>> closing_menimbang(3, title="Peraturan Daerah", perda=True, judul="Penyelenggaraan Smart City")
'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c, perlu membentuk Peraturan Daerah tentang Penyelenggaraan Smart City;'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.drafting.adapt import Adapter, Change, Flag, Maker
from app.drafting.plan import Plan
from app.structure.citations import parse_citation
from app.structure.tree import Citation

__all__ = ["UUD", "UU_PEMDA", "closing_menimbang", "forming_law", "menimbang", "mengingat", "title_case"]

UUD = "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;"
UU_PEMDA = ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia "
            "Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587);")

MENIMBANG_PLACEHOLDER = "bahwa [uraikan pertimbangan filosofis, sosiologis dan yuridis];"

_SMALL_WORDS = {"dan", "atau", "di", "ke", "dari", "yang", "untuk", "dalam", "pada", "tentang", "serta", "atas",
                "dengan", "oleh", "terhadap", "bagi"}
_CLOSING_RE = re.compile(r"^bahwa\s+berdasarkan\s+pertimbangan\s+sebagaimana\s+dimaksud", re.I)
_FORMING_RE = re.compile(r"\bPembentukan\b", re.I)


def title_case(judul: str, *, keep: Iterable[str] = ()) -> str:
    """A title in capitals as running text writes it: each word capitalised, small words in lower
    case, the abbreviations in ``keep`` as they are."""
    kept = {word.upper() for word in keep}
    words = []
    for i, word in enumerate(judul.split()):
        if word.upper() in kept:
            words.append(word.upper())
        elif i and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def is_closing(item: str) -> bool:
    """Whether a Menimbang item is the closing one, "bahwa berdasarkan pertimbangan sebagaimana dimaksud ..."."""
    return bool(_CLOSING_RE.match(item))


def closing_menimbang(items: int, *, title: str, perda: bool, judul: str) -> str:
    """The last Menimbang item, citing the ``items`` before it (huruf a, huruf b ...)."""
    letters = [f"huruf {chr(ord('a') + i)}" for i in range(items)]
    cited = letters[0] if len(letters) == 1 else (
        f"{letters[0]} dan {letters[1]}" if len(letters) == 2 else f"{', '.join(letters[:-1])}, dan {letters[-1]}")
    verb = "membentuk" if perda else "menetapkan"
    return f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {cited}, perlu {verb} {title} tentang {judul};"


def menimbang(plan: Plan, *, judul: str) -> tuple[list[str], list[Change], list[Flag]]:
    """The Menimbang items: the source's adapted (and the drafter's as written), its closing item
    written anew for the target; ``judul`` the title as running text writes it."""
    adapter = Adapter(plan.base, plan.target)
    items: list[str] = []
    changes: list[Change] = []
    flags: list[Flag] = []
    for clause in plan.menimbang:
        if not clause.own and is_closing(clause.text):
            continue
        label = f"menimbang/{chr(ord('a') + len(items))}"
        if clause.own:
            items.append(clause.text)
            flags += adapter.flags(clause.text, provision=label)
            continue
        done = adapter.adapt(clause.text, provision=label)
        items.append(done.text)
        changes += done.changes
        flags += done.flags
    if not items:
        items.append(MENIMBANG_PLACEHOLDER)
        flags.append(Flag("menimbang/a", "konsiderans", "Tulis pertimbangan filosofis, sosiologis dan yuridis "
                                                        "(write the considerations).", MENIMBANG_PLACEHOLDER))
    if not any(clause.own and is_closing(clause.text) for clause in plan.menimbang):
        assert plan.target.title is not None
        items.append(closing_menimbang(len(items), title=plan.target.title, perda=plan.target.perda, judul=judul))
    return items, changes, flags


def _cites_region(citation: Citation, maker: Maker) -> bool:
    """Whether a Mengingat item cites an act of ``maker``'s region ("Peraturan Bupati Batang ...")."""
    if citation.daerah is None or maker.region is None:
        return False
    return any(citation.daerah.lower() in (name.lower(), maker.region.nama.lower()) for name in maker.names())


def forms(citation_text: str, maker: Maker) -> bool:
    """Whether a Mengingat item cites the law that formed ``maker``'s region (or its amendment):
    "Pembentukan Provinsi Jawa Tengah", "Pembentukan Daerah Tingkat II Batang".

    >>> from app.drafting.adapt import maker
    >>> forms("Undang-Undang Nomor 10 Tahun 1950 tentang Pembentukan Provinsi Jawa Tengah;",
    ...       maker(jenis="Perda Provinsi", daerah="Provinsi Jawa Tengah"))
    True
    >>> forms("Undang-Undang Nomor 13 Tahun 1950 tentang Pembentukan Daerah-daerah Kabupaten dalam Lingkungan "
    ...       "Provinsi Jawa Tengah;", maker(jenis="Perda Provinsi", daerah="Provinsi Jawa Tengah"))
    False
    """
    if maker.region is None:
        return False
    level = maker.region.nama.split(" ", 1)[0]
    names = "|".join(r"\s+".join(map(re.escape, name.split())) for name in maker.names())
    return re.search(rf"\bPembentukan\s+(?:Daerah\s+(?:Tingkat\s+I{{1,2}}|Otonom)\s+)?(?:{level}\s+)?(?:{names})\b",
                     citation_text, re.I) is not None


def forming_law(maker: Maker, texts: Iterable[str]) -> str | None:
    """The first of the Mengingat items ``texts`` that cites the law forming ``maker``'s region."""
    return next((text for text in texts if forms(text, maker)), None)


def mengingat(plan: Plan) -> tuple[list[str], list[Flag]]:
    """The Mengingat items of the draft, and flags for what was left out or must be filled in."""
    if plan.mengingat and all(clause.own for clause in plan.mengingat):
        return [clause.text for clause in plan.mengingat], []
    flags: list[Flag] = []
    region = plan.target.region.nama if plan.target.region else "daerah"
    if plan.forming_law:
        law = plan.forming_law
    else:
        law = f"Undang-Undang Nomor ... Tahun ... tentang Pembentukan {region};"
        flags.append(Flag("mengingat", "dasar-hukum", "Lengkapi undang-undang pembentukan daerah tujuan "
                                                      "(fill in the law that formed the region).", law))
    items = [UUD, law if law.endswith(";") else f"{law};"]
    has_pemda = False
    for clause in plan.mengingat:
        citation = parse_citation("", clause.text)
        if clause.own:
            items.append(clause.text)
        elif citation.jenis == "Undang-Undang Dasar" or forms(clause.text, plan.base) or forms(clause.text, plan.target):
            continue
        elif _cites_region(citation, plan.base) and plan.base.region != plan.target.region:
            flags.append(Flag("mengingat", "dasar-hukum", "Peraturan daerah sumber tidak dibawa ke dasar hukum "
                                                          "(an act of the source region left out): periksa padanannya "
                                                          "di daerah tujuan.", clause.text))
            continue
        else:
            items.append(clause.text)
        has_pemda |= citation.jenis == "Undang-Undang" and citation.nomor == "23" and citation.tahun == 2014
    if not has_pemda:
        items.insert(2, UU_PEMDA)
    return [item if item.rstrip().endswith((";", ".")) else f"{item};" for item in items], flags
