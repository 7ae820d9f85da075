"""The parser against the gold structure of every specimen, and over real national texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.structure.loss import lost_words
from app.structure.parser import parse_text
from app.structure.tree import Node
from tests.paths import NATIONAL, SPECIMEN_TEXTS, SPECIMENS

GOLDS = sorted(p for p in SPECIMENS.glob("*.gold.json") if not p.name.startswith("alignment-"))


def _text_of(gold: Path) -> str:
    return gold.with_name(gold.name.removesuffix(".gold.json") + ".txt").read_text(encoding="utf-8")


def _top_pasal(nodes: list[Node], bab: str | None = None, bagian: str | None = None, paragraf: str | None = None):
    """(pasal, bab num, 'Bagian - heading', 'Paragraf - heading') for the document's own Pasal."""
    for node in nodes:
        if node.kind == "pasal":
            yield node, bab, bagian, paragraf
        elif node.kind == "bab":
            yield from _top_pasal(node.children, node.num, None, None)
        elif node.kind == "bagian":
            yield from _top_pasal(node.children, bab, f"{node.num} - {node.heading}", None)
        elif node.kind == "paragraf":
            yield from _top_pasal(node.children, bab, bagian, f"{node.num} - {node.heading}")


def _first_words(pasal: Node) -> str:
    text = pasal.text or (pasal.children[0].text if pasal.children else "")
    return " ".join(text.split()[:4])


@pytest.fixture(scope="module", params=GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def parsed(request):
    gold = json.loads(request.param.read_text(encoding="utf-8"))
    return gold, parse_text(_text_of(request.param))


def test_metadata_matches_gold(parsed):
    gold, doc = parsed
    meta = doc.metadata
    assert (meta.jenis, meta.daerah, meta.nomor, meta.tahun, meta.judul) == (
        gold["jenis"], gold["daerah"], gold["nomor"], gold["tahun"], gold["judul"])
    assert meta.spesimen is True


def test_bab_list_matches_gold(parsed):
    gold, doc = parsed
    assert [(n.num, n.heading) for n in doc.body if n.kind == "bab"] == [(b["num"], b["heading"]) for b in gold["bab"]]


def test_pasal_numbers_places_and_ayat_match_gold(parsed):
    gold, doc = parsed
    got = [
        {"num": p.num, "bab": bab, "ayat": sum(c.kind == "ayat" for c in p.children),
         "first_words": _first_words(p), "bagian": bagian, "paragraf": paragraf}
        for p, bab, bagian, paragraf in _top_pasal(doc.body)
    ]
    want = [{k: g.get(k) for k in ("num", "bab", "ayat", "first_words", "bagian", "paragraf")} for g in gold["pasal"]]
    assert got == want


def test_counts_match_gold(parsed):
    gold, doc = parsed
    assert len(doc.menimbang) == gold["menimbang"]
    assert len(doc.mengingat) == gold["mengingat"]
    if not gold.get("changes"):
        assert len(doc.definitions) == gold["definitions"]


def test_amendment_changes_match_gold(parsed):
    gold, doc = parsed
    if not gold.get("changes"):
        pytest.skip("not an amending regulation")
    assert [(c.kind, c.target) for c in doc.changes] == [(c["kind"], c["target"]) for c in gold["changes"]]
    amends = doc.metadata.mengubah
    assert amends is not None
    assert (amends["nomor"], amends["tahun"], amends["daerah"]) == (
        gold["amends"]["nomor"], gold["amends"]["tahun"], gold["amends"]["daerah"])


def test_every_word_kept(parsed):
    gold, doc = parsed
    assert lost_words(_text_of_gold(gold), doc) == []


def _text_of_gold(gold: dict) -> str:
    path = next(p for p in GOLDS if json.loads(p.read_text(encoding="utf-8"))["judul"] == gold["judul"])
    return _text_of(path)


def test_hyphenated_words_are_mended(parsed):
    gold, doc = parsed
    everything = json.dumps(doc.to_dict(), ensure_ascii=False)
    for word in gold["notes"]["hyphenated_words"]:
        assert word.replace("-", "").rstrip(".,") in everything


def test_ids_are_unique_and_paths(parsed):
    _, doc = parsed
    ids = [n.id for n in doc.provisions()]
    assert len(ids) == len(set(ids))
    for node in doc.provisions():
        for child in node.children:
            if child.kind not in ("pasal",) and node.kind not in ("bab", "bagian", "paragraf", "pasal-demi-pasal"):
                assert child.id.startswith(node.id + "/")


def test_penjelasan_links_to_body():
    doc = parse_text((SPECIMEN_TEXTS / "perda-jateng-2019-11-jateng-cerdas.txt").read_text(encoding="utf-8"))
    body_ids = {n.id for n in doc.provisions() if not n.id.startswith("penjelasan/")}
    explained = [n for n in doc.provisions() if n.explains]
    assert len([n for n in explained if n.kind == "pasal"]) == 48
    assert all(n.explains in body_ids for n in explained if n.kind == "pasal")
    pasal_7 = next(n for n in doc.provisions() if n.id == "penjelasan/pasal-7")
    assert pasal_7.explains == "pasal-7"
    assert [c.explains for c in pasal_7.children[0].children][:2] == ["pasal-7/ayat-1/huruf-a", "pasal-7/ayat-1/huruf-b"]
    assert doc.metadata.tambahan == "TAMBAHAN LEMBARAN DAERAH PROVINSI JAWA TENGAH NOMOR 122"
    assert doc.metadata.noreg.startswith("NOREG")
    assert doc.persetujuan.startswith("Dengan Persetujuan Bersama DEWAN PERWAKILAN RAKYAT DAERAH")


def test_definitions_and_references_of_batang():
    doc = parse_text((SPECIMEN_TEXTS / "perbup-batang-2019-23-smart-city.txt").read_text(encoding="utf-8"))
    terms = {d.term: d for d in doc.definitions}
    assert terms["Teknologi Informasi dan Komunikasi"].abbreviation == "TIK"
    assert terms["Daerah"].definition == "Kabupaten Batang."
    assert terms["Daerah"].provision_id == "pasal-1/angka-1"
    refs = {(r.source_id, r.target_id) for r in doc.references}
    assert ("pasal-6/ayat-1", "pasal-5/ayat-1/huruf-a") in refs
    assert ("pasal-4/ayat-2", "pasal-4/ayat-1") in refs
    assert all(r.resolved for r in doc.references)
    assert doc.metadata.penandatangan == "SUKMA HADIWIJAYA"
    assert doc.metadata.publikasi == "BERITA DAERAH KABUPATEN BATANG TAHUN 2019 NOMOR 23"


def test_amending_pasal_nest_inside_changes():
    doc = parse_text((SPECIMEN_TEXTS / "perbup-batang-2021-8-perubahan-smart-city.txt").read_text(encoding="utf-8"))
    ids = {n.id for n in doc.provisions()}
    assert "pasal-i/perubahan-2/pasal-14a/ayat-1" in ids
    assert "pasal-i/perubahan-1/pasal-1/angka-19a" in ids
    assert doc.definitions == []


NATIONAL_TEXTS = sorted(NATIONAL.glob("*.txt"))


@pytest.mark.parametrize("path", NATIONAL_TEXTS, ids=lambda p: p.stem)
def test_real_national_texts_lose_no_word(path: Path):
    text = path.read_text(encoding="utf-8")
    doc = parse_text(text)
    assert lost_words(text, doc) == []
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert (doc.metadata.nomor, doc.metadata.tahun) == (meta["nomor"], meta["tahun"])
    assert any(n.kind == "pasal" for n in doc.provisions())


def _body_of(*pasal: str) -> str:
    """A short regulation whose body is the given Pasal texts, joined on one line as extraction leaves it."""
    return ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 5 TAHUN 2021 TENTANG CONTOH\n"
            "Menimbang : bahwa perlu;\nMengingat : Pasal 5 ayat (2) Undang-Undang Dasar;\n"
            "MEMUTUSKAN:\nMenetapkan : PERATURAN PEMERINTAH TENTANG CONTOH.\n" + " ".join(pasal) + "\n"
            "Ditetapkan di Jakarta\n")


def _own_numbers(text: str) -> list[str]:
    doc = parse_text(text)
    assert lost_words(text, doc) == []
    return [n.num or "" for n in doc.body for n in n.walk() if n.kind == "pasal"]


@pytest.mark.parametrize("printed, number", [
    ("Pasal 1 13", "113"),     # PP 19/2021: "... elektronik. Pasal 1 13 (1) Data Pengadaan"
    ("Pasal 1 1 1", "111"),    # PP 34/2018: "Pasal 1 1 1 (1) LPK yang tidak"
    ("Pasal I 13", "113"),     # PP 96/2021: "Pasal i 13 (1t Pemegang"
    ("Pasal 1 iO", "110"),     # PP 45/2021: "Pasal 1 iO (1) Dalam penyelenggaraan"
])
def test_pasal_number_spaced_by_ocr_mid_line(printed, number):
    run = [f"Pasal {n} (1) Ketentuan ke-{n} berlaku." for n in range(1, 116)]
    run[int(number) - 1] = f"{printed} (1) Data disimpan dalam bentuk elektronik."
    text = _body_of(*run)
    assert _own_numbers(text) == [str(n) for n in range(1, 116)]
    notes = [r.text for r in parse_text(text).removed if r.reason == "ocr-repair"]
    assert printed in notes


@pytest.mark.parametrize("printed", ["PasaT 3", "Pasat 3", "Pasa!3", "Pasa| 3", "Fasal 3"])
def test_pasal_word_misread_by_ocr(printed):
    text = _body_of("Pasal 1 Ketentuan pertama.", "Pasal 2 Ketentuan kedua.", f"{printed} (1) Ketentuan ketiga.",
                    "Pasal 4 Ketentuan keempat.")
    assert _own_numbers(text) == ["1", "2", "3", "4"]
    assert printed in [r.text for r in parse_text(text).removed if r.reason == "ocr-repair"]


@pytest.mark.parametrize("pasal_3, lost", [
    # PP 58/2020: "Pasal 4" lost between two pages; its "(1)" follows Pasal 3's "(3)"
    ("Pasal 3 (1) Instansi Pengelola. (2) Instansi dipimpin. (3) Pengelola dipimpin oleh Menteri.",
     "(1) Pimpinan Instansi dapat menunjuk Pejabat. (2) Penunjukan ditetapkan."),
    # UU 18/2019: a Pasal without ayat before the lost one: its text, then "(1)"
    ("Pasal 3 Pendidikan nonformal berbentuk pengkajian Kitab Kuning.",
     "(1) Kurikulum dikembangkan oleh Pesantren. (2) Kurikulum ditetapkan."),
])
def test_heading_lost_where_the_ayat_numbering_restarts(pasal_3, lost):
    text = _body_of("Pasal 1 Ketentuan pertama.", "Pasal 2 Ketentuan kedua.", pasal_3, lost,
                    "Pasal 5 Peraturan Pemerintah ini mulai berlaku.")
    doc = parse_text(text)
    assert _own_numbers(text) == ["1", "2", "3", "4", "5"]
    pasal_4 = next(n for n in doc.provisions() if n.kind == "pasal" and n.num == "4")
    assert [c.num for c in pasal_4.children] == ["1", "2"]
    assert pasal_4.children[0].text.startswith(lost[4:20])
    assert [(r.text, r.reason) for r in doc.removed if r.reason == "inferred-heading"] == [("(1)", "inferred-heading")]


@pytest.mark.parametrize("body", [
    # two Pasal lost but one restart: the place of the other cannot be told, so nothing is inferred
    ["Pasal 1 (1) Satu. (2) Dua. (1) Tiga.", "Pasal 4 Empat."],
    # "(1)" right after a citation tail continues the sentence
    ["Pasal 1 (1) Satu. (2) Dua sebagaimana dimaksud pada ayat\n(1) Tiga.", "Pasal 3 Tiga."],
])
def test_no_heading_inferred_without_proof(body):
    text = _body_of(*body)
    doc = parse_text(text)
    assert "2" not in _own_numbers(text)
    assert not [r for r in doc.removed if r.reason == "inferred-heading"]
