"""Tests for app.drafting.assemble (with plan, opening and layout): whole drafts in the form of
Lampiran II UU 12/2011, their numbering and cross-references, and the text that parses back."""

from __future__ import annotations

import doctest
import re

import pytest

import app.drafting.layout
import app.drafting.opening
import app.drafting.plan
from app.drafting.adapt import maker, target
from app.drafting.assemble import Assembled, assemble
from app.drafting.checks import check_document
from app.drafting.layout import to_text
from app.drafting.plan import Clause, Piece, Plan, pieces_of, plan_from
from app.errors import InvalidInput, NotFound
from app.structure.parser import parse_text
from app.structure.tree import Document, Node, own_pasal, walk_all
from tests.drafting.specimens import batang, jateng
from tests.paths import SPECIMENS

PERDA_JATENG = target(jenis="Perda Provinsi", daerah="Provinsi Jawa Tengah")
PERBUP_KENDAL = target(jenis="Perbup", daerah="Kabupaten Kendal")


@pytest.mark.parametrize("module", [app.drafting.layout, app.drafting.opening, app.drafting.plan])
def test_doctests(module) -> None:
    assert doctest.testmod(module).failed == 0


def shape(nodes: list[Node]) -> list[tuple]:
    return [(n.kind, n.num, n.heading, n.text, shape(n.children)) for n in nodes]


def pasal_numbers(document: Document) -> list[str]:
    return [node.num or "" for node in own_pasal(document.body)]


def source_map(assembled: Assembled) -> dict[str, str]:
    """Source provision id of each draft Pasal -> its id in the draft."""
    return {row.source: row.provision for row in assembled.rows if row.source}


@pytest.fixture(scope="module")
def batang_perda() -> Assembled:
    return assemble(plan_from(batang(), target=PERDA_JATENG, frame="perbup-batang-2019-23",
                              regulation_id="perbup-batang-2019-23", tahun=2025))


# --- the acceptance: Perbup Batang -> Perda Provinsi Jawa Tengah ----------------------


def test_batang_perbup_becomes_a_jawa_tengah_perda_with_its_parts(batang_perda: Assembled) -> None:
    document = batang_perda.document
    meta = document.metadata
    assert (meta.jenis, meta.daerah, meta.tahun, meta.judul) == (
        "Peraturan Daerah Provinsi", "Provinsi Jawa Tengah", 2025, "PENYELENGGARAAN SMART CITY PROVINSI JAWA TENGAH")
    assert document.persetujuan == ("Dengan Persetujuan Bersama\nDEWAN PERWAKILAN RAKYAT DAERAH PROVINSI JAWA TENGAH\n"
                                    "dan\nGUBERNUR JAWA TENGAH")
    assert document.diktum == ("MEMUTUSKAN:\nMenetapkan : PERATURAN DAERAH TENTANG PENYELENGGARAAN SMART CITY "
                               "PROVINSI JAWA TENGAH.")
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA\n\nGUBERNUR JAWA TENGAH," in (document.pembukaan or "")
    assert "LEMBARAN DAERAH PROVINSI JAWA TENGAH TAHUN 2025 NOMOR ..." in (document.penutup or "")
    assert "NOREG PERATURAN DAERAH PROVINSI JAWA TENGAH: (.../2025)" in (document.penutup or "")
    assert "SEKRETARIS DAERAH PROVINSI JAWA TENGAH," in (document.penutup or "")
    assert meta.tambahan == "TAMBAHAN LEMBARAN DAERAH PROVINSI JAWA TENGAH NOMOR ..."
    kinds = [node.kind for node in document.penjelasan]
    assert kinds == ["teks", "umum", "pasal-demi-pasal"]
    explained = document.penjelasan[2].children
    assert [p.num for p in explained] == pasal_numbers(document)
    assert {p.text for p in explained} == {"Cukup jelas."}
    assert explained[0].explains == "pasal-1"


def test_every_pasal_is_numbered_1_to_n_and_the_babs_in_order(batang_perda: Assembled) -> None:
    document = batang_perda.document
    assert pasal_numbers(document) == [str(n) for n in range(1, 37)]
    assert [n.num for n in document.body] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def test_no_unflagged_bupati_or_kabupaten_batang_is_left(batang_perda: Assembled) -> None:
    flagged = {flag.provision for flag in batang_perda.flags}
    document = batang_perda.document
    texts = [(n.id, t) for n in walk_all(document.body) for t in (n.text, n.heading) if t]
    texts += [(f"menimbang/{i.num}", i.text) for i in document.menimbang]
    for provision, text in texts:
        if re.search(r"\bBupati\b|\bBatang\b", text, re.I):
            assert provision in flagged, (provision, text)
    assert not re.search(r"Bupati|Batang|Berita Daerah", "\n".join(filter(None, [
        document.pembukaan, document.diktum, document.persetujuan, document.penutup])), re.I)


def test_the_opening_is_carried_over_and_adapted(batang_perda: Assembled) -> None:
    document = batang_perda.document
    assert [i.num for i in document.menimbang] == ["a", "b", "c"]
    assert "Pemerintah Provinsi Jawa Tengah perlu memanfaatkan" in document.menimbang[0].text
    assert document.menimbang[2].text == ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan "
                                          "huruf b, perlu membentuk Peraturan Daerah tentang Penyelenggaraan Smart City "
                                          "Provinsi Jawa Tengah;")
    cited = [(c.jenis, c.nomor, c.tahun) for c in document.mengingat]
    assert cited[0] == ("Undang-Undang Dasar", None, 1945) and document.mengingat[0].pasal == "Pasal 18 ayat (6)"
    assert document.mengingat[1].text == "Undang-Undang Nomor ... Tahun ... tentang Pembentukan Provinsi Jawa Tengah;"
    assert ("Undang-Undang", "23", 2014) in cited
    assert ("Undang-Undang", "13", 1950) not in cited  # the law that formed Kabupaten Batang
    assert any(f.reason == "dasar-hukum" and "Pembentukan Provinsi Jawa Tengah" in f.excerpt for f in batang_perda.flags)


def test_the_text_export_parses_back_to_the_same_tree(batang_perda: Assembled) -> None:
    document = batang_perda.document
    parsed = parse_text(to_text(document))
    assert shape(parsed.body) == shape(document.body)
    assert [n.id for n in walk_all(parsed.body)] == [n.id for n in walk_all(document.body)]
    assert [(i.num, i.text) for i in parsed.menimbang] == [(i.num, i.text) for i in document.menimbang]
    assert [c.text for c in parsed.mengingat] == [c.text for c in document.mengingat]
    assert parsed.persetujuan == document.persetujuan.replace("\n", " ")
    meta = parsed.metadata
    assert (meta.jenis, meta.daerah, meta.tahun, meta.judul, meta.publikasi, meta.noreg) == (
        "Peraturan Daerah Provinsi", "Provinsi Jawa Tengah", 2025, document.metadata.judul, document.metadata.publikasi,
        document.metadata.noreg)
    assert [p.num for p in parsed.penjelasan[2].children] == pasal_numbers(document)
    assert parsed.warnings == [] and parsed.removed == []


def test_perda_only_parts_to_write_are_flagged(batang_perda: Assembled) -> None:
    missing = [f.excerpt for f in batang_perda.flags if f.reason == "bagian-perda"]
    assert missing == ["I. UMUM", "Naskah Akademik", "Dewan Perwakilan Rakyat Daerah"]


def test_each_change_and_row_is_recorded(batang_perda: Assembled) -> None:
    changes = {(c.provision, c.before, c.after, c.rule) for c in batang_perda.changes}
    assert ("pasal-1/angka-3", "Bupati Batang", "Gubernur Jawa Tengah", "kepala-daerah") in changes
    assert ("pasal-36", "Berita Daerah", "Lembaran Daerah", "publikasi") in changes
    assert ("judul", "KABUPATEN BATANG", "PROVINSI JAWA TENGAH", "nama-daerah") in changes
    assert ("menimbang/a", "Kabupaten Batang", "Provinsi Jawa Tengah", "nama-daerah") in changes
    row = batang_perda.rows[15]
    assert (row.provision, row.label, row.source) == ("pasal-16", "Pasal 16", "perbup-batang-2019-23/pasal-16")
    assert row.source_text.startswith("(1) Dalam rangka Penyelenggaraan Smart City, Bupati membentuk:")
    assert row.text.startswith("(1) Dalam rangka Penyelenggaraan Smart City, Gubernur membentuk:")
    assert [(c.provision, c.before, c.after) for c in row.changes] == [
        ("pasal-16/ayat-1", "Bupati", "Gubernur"), ("pasal-16/ayat-2", "Bupati", "Gubernur")]


# --- renumbering: provisions inserted and dropped ---------------------------------------------


@pytest.fixture(scope="module")
def reshaped() -> Assembled:
    """Batang's Perbup with Jawa Tengah's asas (its Pasal 2) inserted after Pasal 1 and BAB IV
    (Pasal 12-15) and Pasal 16 dropped."""
    base = maker(jenis="Peraturan Bupati", daerah="Kabupaten Batang")
    plan = plan_from(batang(), target=PERDA_JATENG, frame="perbup-batang-2019-23", regulation_id="perbup-batang-2019-23",
                     tahun=2025)
    asas = pieces_of(jateng(), frame="perda-prov-jawa-tengah-2019-11", regulation_id="perda-prov-jawa-tengah-2019-11",
                     maker=maker(jenis="Peraturan Daerah Provinsi", daerah="Provinsi Jawa Tengah"), picks=["pasal-2"],
                     with_groups=False)
    kept = [p for p in plan.pieces if not (p.origin.node_id in {"bab-4", "pasal-12", "pasal-13", "pasal-14", "pasal-15",
                                                                "pasal-16"})]
    plan.pieces = kept[:2] + asas + kept[2:]
    assert base == plan.base
    return assemble(plan)


def test_pasal_are_numbered_anew_after_inserting_and_dropping(reshaped: Assembled) -> None:
    document = reshaped.document
    assert pasal_numbers(document) == [str(n) for n in range(1, 33)]  # 36 - 5 + 1
    assert [n.num for n in document.body] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
    mapping = source_map(reshaped)
    assert mapping["perda-prov-jawa-tengah-2019-11/pasal-2"] == "pasal-2"
    assert mapping["perbup-batang-2019-23/pasal-5"] == "pasal-6"
    assert mapping["perbup-batang-2019-23/pasal-17"] == "pasal-13"


def test_every_cross_reference_points_at_the_renumbered_provision(reshaped: Assembled) -> None:
    source = batang()
    mapping = {k.split("/", 1)[1]: v for k, v in source_map(reshaped).items() if k.startswith("perbup-batang")}

    def moved(node_id: str) -> str | None:
        top, _, rest = node_id.partition("/")
        return f"{mapping[top]}/{rest}".rstrip("/") if top in mapping else None

    expected = {(moved(r.source_id), moved(r.target_id)) for r in source.references
                if moved(r.source_id) and moved(r.target_id)}
    found = {(r.source_id, r.target_id) for r in reshaped.document.references}
    assert expected and expected <= found
    assert [(f.provision, f.excerpt) for f in check_document(reshaped.document) if f.reason == "rujukan"] == [
        ("pasal-13/ayat-1", "Pasal ?16 ayat (1)"), ("pasal-15/ayat-1", "Pasal ?16 ayat (1)"),
        ("pasal-31", "Pasal ?16 ayat (1)")]
    pasal_6 = next(n for n in own_pasal(reshaped.document.body) if n.num == "7")  # Batang's Pasal 6
    assert pasal_6.children[0].text.startswith("Smart Governance sebagaimana dimaksud dalam Pasal 6 ayat (1) huruf a")


def test_references_to_a_dropped_pasal_are_flagged_and_marked(reshaped: Assembled) -> None:
    dangling = {(f.provision, f.excerpt) for f in reshaped.flags if f.reason == "rujukan-terputus"}
    # Batang's Pasal 17, 19 and 35 cite Pasal 16, which was dropped
    assert dangling == {("pasal-13/ayat-1", "Pasal 16 ayat (1) huruf a"), ("pasal-15/ayat-1", "Pasal 16 ayat (1) huruf b"),
                        ("pasal-31", "Pasal 16 ayat (1)")}
    pasal_31 = next(n for n in own_pasal(reshaped.document.body) if n.num == "31")
    assert pasal_31.text.startswith("Dewan Smart City dan Tim Pelaksana sebagaimana dimaksud dalam Pasal ?16 ayat (1) "
                                    "dibentuk")


def test_a_draft_of_chosen_pasal_plus_one_picked_from_another_regulation() -> None:
    """Batang's BAB I, Pasal 16 and 17, and Jawa Tengah's Pasal 43 (which cites its Pasal 20,
    not picked): the reference from 17 to 16 follows, the one from 43 to 20 is flagged, and a
    Ketentuan Penutup is added."""
    plan = plan_from(batang(), target=PERDA_JATENG, frame="perbup-batang-2019-23", regulation_id="perbup-batang-2019-23",
                     tahun=2025, picks=["bab-1", "pasal-16", "pasal-17"])
    assert [(p.kind, p.origin.node_id) for p in plan.pieces] == [
        ("bab", "bab-1"), ("pasal", "pasal-1"), ("bab", "bab-5"), ("bagian", "bab-5/bagian-1"), ("pasal", "pasal-16"),
        ("bagian", "bab-5/bagian-2"), ("pasal", "pasal-17")]
    plan.pieces += pieces_of(jateng(), frame="perda-prov-jawa-tengah-2019-11", picks=["pasal-43"], with_groups=False,
                             maker=maker(jenis="Peraturan Daerah Provinsi", daerah="Provinsi Jawa Tengah"),
                             regulation_id="perda-prov-jawa-tengah-2019-11")
    assembled = assemble(plan)
    document = assembled.document
    assert pasal_numbers(document) == ["1", "2", "3", "4", "5"]
    assert [(b.num, b.heading) for b in document.body] == [("I", "KETENTUAN UMUM"), ("II", "KELEMBAGAAN"),
                                                          ("III", "KETENTUAN PENUTUP")]
    pasal = {n.num: n for n in own_pasal(document.body)}
    assert pasal["3"].children[0].text.startswith(
        "Susunan keanggotaan Dewan Smart City sebagaimana dimaksud dalam Pasal 2 ayat (1) huruf a terdiri atas:")
    assert ("pasal-3/ayat-1", "Pasal 16 ayat (1) huruf a", "Pasal 2 ayat (1) huruf a", "rujukan") in {
        (c.provision, c.before, c.after, c.rule) for c in assembled.changes}
    dangling = [(f.provision, f.excerpt) for f in assembled.flags if f.reason == "rujukan-terputus"]
    assert dangling == [("pasal-4/ayat-1", "Pasal 20 ayat (3)"), ("pasal-4/ayat-3", "Pasal 21 ayat (4)"),
                        ("pasal-4/ayat-3", "Pasal 24 ayat (4)")]
    assert pasal["5"].text.startswith("Peraturan Daerah ini mulai berlaku pada tanggal diundangkan.")
    assert assembled.rows[-1].source is None and assembled.rows[-1].own
    assert shape(parse_text(to_text(document)).body) == shape(document.body)


# --- the other way: Perda Jawa Tengah -> Perbup Kendal ----------------------------------------


def test_jawa_tengah_perda_down_to_a_perbup_of_kendal() -> None:
    assembled = assemble(plan_from(jateng(), target=PERBUP_KENDAL, frame="perda-prov-jawa-tengah-2019-11",
                                   regulation_id="perda-prov-jawa-tengah-2019-11", tahun=2026))
    document = assembled.document
    meta = document.metadata
    assert (meta.jenis, meta.daerah, meta.judul) == ("Peraturan Bupati", "Kabupaten Kendal",
                                                     "PENYELENGGARAAN KABUPATEN KENDAL CERDAS")
    assert document.persetujuan is None and document.penjelasan == [] and meta.noreg is None
    assert "BERITA DAERAH KABUPATEN KENDAL TAHUN 2026 NOMOR ..." in (document.penutup or "")
    assert document.diktum.endswith("Menetapkan : PERATURAN BUPATI TENTANG PENYELENGGARAAN KABUPATEN KENDAL CERDAS.")
    assert document.menimbang[-1].text.endswith("perlu menetapkan Peraturan Bupati tentang Penyelenggaraan Kabupaten "
                                                "Kendal Cerdas;")
    assert pasal_numbers(document) == [str(n) for n in range(1, 49)]
    pasal = {n.num: n for n in own_pasal(document.body)}
    assert pasal["1"].children[2].text == "Bupati adalah Bupati Kendal."
    assert pasal["48"].text.endswith("dalam Berita Daerah Kabupaten Kendal.")
    reasons = {f.reason for f in assembled.flags}
    assert {"sanksi-perkada", "tingkat-lain", "daerah-sumber", "tingkat-sumber", "dasar-hukum", "bagian-perda"} <= reasons
    assert ("pasal-43/ayat-1", "sanksi-perkada") in {(f.provision, f.reason) for f in assembled.flags}
    assert not any(c.jenis == "Undang-Undang" and c.nomor == "10" and c.tahun == 1950 for c in document.mengingat)
    assert shape(parse_text(to_text(document)).body) == shape(document.body)


# --- pieces the drafter wrote -----------------------------------------------------------------


def test_an_own_piece_is_taken_as_written_and_only_flagged() -> None:
    plan = Plan(target=PERDA_JATENG, judul=Clause("Cagar Budaya", own=True), tahun=2025,
                base=maker(jenis=None, daerah=None), pieces=[
                    Piece(kind="bab", heading="KETENTUAN UMUM", own=True),
                    Piece(kind="pasal", own=True, node=parse_text("Pasal 1\nBupati menetapkan cagar budaya desa.").body[0]),
                ])
    assembled = assemble(plan)
    pasal = next(own_pasal(assembled.document.body))
    assert pasal.text == "Bupati menetapkan cagar budaya desa."
    assert [f.reason for f in assembled.flags if f.provision == "pasal-1"] == ["tingkat-lain"]
    assert assembled.document.metadata.judul == "CAGAR BUDAYA"
    assert not [c for c in assembled.changes if c.provision.startswith("pasal")]


def test_picking_an_unknown_provision_or_giving_no_title() -> None:
    with pytest.raises(NotFound, match="pasal-99"):
        pieces_of(batang(), frame="x", maker=maker(jenis=None, daerah=None), picks=["pasal-99"])
    untitled = batang()
    untitled.metadata.judul = None
    with pytest.raises(InvalidInput, match="title"):
        plan_from(untitled, target=PERDA_JATENG, frame="x", tahun=2025)


def test_an_amending_regulation_is_no_source_but_its_quoted_pasal_can_be_picked() -> None:
    amending = parse_text((SPECIMENS / "perbup-batang-2021-8-perubahan-smart-city.txt").read_text(encoding="utf-8"))
    with pytest.raises(InvalidInput, match="amending regulation"):
        plan_from(amending, target=PERDA_JATENG, frame="perbup-batang-2021-8", tahun=2025)
    quoted = next(n for n in walk_all(amending.body) if n.kind == "pasal" and n.id.startswith("pasal-i/perubahan"))
    [piece] = pieces_of(amending, frame="perbup-batang-2021-8", picks=[quoted.id], with_groups=False,
                        maker=maker(jenis="Peraturan Bupati", daerah="Kabupaten Batang"))
    assert piece.kind == "pasal" and piece.origin.node_id == quoted.id
