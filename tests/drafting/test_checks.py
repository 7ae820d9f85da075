"""Tests for app.drafting.checks: numbering, references, terms, leftover names, revoked Mengingat."""

from __future__ import annotations

import doctest

import app.drafting.checks
from app.drafting.adapt import maker, target
from app.drafting.assemble import assemble
from app.drafting.checks import check_document, revocations
from app.drafting.plan import Clause, pieces_of, plan_from
from app.kb.ingest import parse_file
from app.structure.parser import parse_text
from tests.conftest import CORPUS
from tests.drafting.specimens import batang, jateng

PERDA_JATENG = target(jenis="Perda Provinsi", daerah="Provinsi Jawa Tengah")
BATANG = maker(jenis="Peraturan Bupati", daerah="Kabupaten Batang")
JATENG = maker(jenis="Peraturan Daerah Provinsi", daerah="Provinsi Jawa Tengah")


def findings(document, **kwargs) -> list[tuple[str, str, str]]:
    return [(f.reason, f.provision, f.excerpt) for f in check_document(document, **kwargs)]


def test_doctests() -> None:
    assert doctest.testmod(app.drafting.checks).failed == 0


def test_numbers_out_of_sequence_at_every_level() -> None:
    document = parse_text("\n".join([
        "BAB I", "UMUM", "Pasal 1", "(1) Satu.", "(3) Tiga:", "a. satu;", "c. tiga.",
        "BAB III", "TUGAS", "Bagian Kesatu", "Dewan", "Pasal 2", "Dua.", "Bagian Ketiga", "Tim", "Pasal 4", "Empat:",
        "1. satu;", "2. dua.",
    ]))
    assert [(reason, provision, excerpt) for reason, provision, excerpt in findings(document)
            if reason == "penomoran"] == [
        ("penomoran", "pasal-4", "Pasal 4"), ("penomoran", "bab-3", "BAB III"),
        ("penomoran", "bab-3/bagian-3", "Bagian Ketiga"), ("penomoran", "pasal-1/ayat-3", "ayat (3)"),
        ("penomoran", "pasal-1/ayat-3/huruf-c", "huruf c"),
    ]


def test_a_well_formed_draft_has_only_its_leftover_names_found() -> None:
    assembled = assemble(plan_from(batang(), target=PERDA_JATENG, frame="perbup-batang-2019-23", tahun=2025))
    found = findings(assembled.document, target=PERDA_JATENG, sources=[BATANG])
    assert found == [("daerah-sumber", "pasal-7/ayat-3", "Batang"),
                     ("daerah-sumber", "pasal-17/ayat-1/huruf-d/angka-2", "Batang"),
                     ("daerah-sumber", "pasal-17/ayat-1/huruf-d/angka-3", "Batang"),
                     ("daerah-sumber", "pasal-17/ayat-1/huruf-d/angka-4", "Batang")]


def test_terms_a_picked_pasal_brings_without_their_definitions() -> None:
    """Batang's Pasal 1 with Jawa Tengah's Pasal 10, which uses "Rencana Induk Provinsi Cerdas" and
    "Program Percepatan", terms Jawa Tengah defines and Batang does not; and "Dinas" defined but unused."""
    plan = plan_from(batang(), target=PERDA_JATENG, frame="perbup-batang-2019-23", tahun=2025, picks=["pasal-1"])
    plan.pieces += pieces_of(jateng(), frame="perda-jateng", maker=JATENG, picks=["pasal-10"], with_groups=False)
    assembled = assemble(plan)
    origins = {row.provision: jateng().definitions for row in assembled.rows if (row.source or "").startswith("perda-jateng")}
    found = findings(assembled.document, origins=origins)
    assert ("istilah-tidak-didefinisikan", "pasal-2", "Rencana Induk Provinsi Cerdas") in found
    assert ("istilah-tidak-didefinisikan", "pasal-2", "Program Percepatan") in found
    assert ("istilah-tidak-dipakai", "pasal-1/angka-8", "Kepala Dinas") in found
    assert not [f for f in found if f[0] == "istilah-tidak-didefinisikan" and f[2] in ("Pemerintah Daerah", "Daerah")]


def test_a_dangling_reference_is_found() -> None:
    plan = plan_from(batang(), target=PERDA_JATENG, frame="perbup-batang-2019-23", tahun=2025, picks=["pasal-17"])
    document = assemble(plan).document
    assert [f for f in findings(document) if f[0] == "rujukan"] == [("rujukan", "pasal-1/ayat-1", "Pasal ?16 ayat (1)")]


def test_mengingat_citing_an_act_the_knowledge_base_knows_revoked() -> None:
    uu_pemda = parse_file(CORPUS / "national" / "uu-2014-23-pemerintahan-daerah.txt")
    revoked = {(r.jenis, r.nomor, r.tahun): r.by for r in revocations(uu_pemda, regulation_id="uu-2014-23")}
    assert revoked[("Undang-Undang", "32", 2004)] == "uu-2014-23/pasal-409"
    plan = plan_from(batang(), target=PERDA_JATENG, frame="perbup-batang-2019-23", tahun=2025)
    plan.mengingat.append(Clause("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah (Lembaran Negara "
                                 "Republik Indonesia Tahun 2004 Nomor 125);"))
    document = assemble(plan).document
    found = [f for f in check_document(document, revoked=revoked) if f.reason == "dasar-hukum-dicabut"]
    assert [(f.provision, f.excerpt) for f in found] == [("mengingat/10", "Undang-Undang Nomor 32 Tahun 2004")]
    assert "uu-2014-23/pasal-409" in found[0].message
