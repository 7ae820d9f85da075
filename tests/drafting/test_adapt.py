"""Tests for app.drafting.adapt: provision text adapted to another region and kind, with flags."""

from __future__ import annotations

import doctest
import random
import re

import pytest

import app.drafting.adapt
from app.drafting.adapt import Adapter, maker, target
from app.errors import InvalidInput
from app.structure.parser import parse_text
from app.structure.regions import all_regions
from app.structure.tree import walk_all
from tests.paths import SPECIMENS

BATANG = maker(jenis="Peraturan Bupati", daerah="Kabupaten Batang")
JATENG = maker(jenis="Peraturan Daerah Provinsi", daerah="Provinsi Jawa Tengah")
TO_PERDA_JATENG = Adapter(BATANG, target(jenis="Perda Provinsi", daerah="Provinsi Jawa Tengah"))


def adapt(text: str, adapter: Adapter = TO_PERDA_JATENG) -> str:
    return adapter.adapt(text, provision="pasal-1").text


def reasons(text: str, adapter: Adapter = TO_PERDA_JATENG) -> list[str]:
    return [flag.reason for flag in adapter.adapt(text, provision="pasal-1").flags]


def test_doctests() -> None:
    assert doctest.testmod(app.drafting.adapt).failed == 0


@pytest.mark.parametrize(("before", "after"), [
    ("Bupati menetapkan Masterplan Smart City.", "Gubernur menetapkan Masterplan Smart City."),
    ("BUPATI BATANG,", "GUBERNUR JAWA TENGAH,"),
    ("ditunjuk oleh bupati atas usul Tim Pelaksana", "ditunjuk oleh gubernur atas usul Tim Pelaksana"),
    ("Wakil Ketua: Wakil Bupati;", "Wakil Ketua: Wakil Gubernur;"),
    ("Bupati adalah Bupati Batang.", "Gubernur adalah Gubernur Jawa Tengah."),
    ("Daerah adalah Kabupaten Batang.", "Daerah adalah Provinsi Jawa Tengah."),
    ("Sekretaris Daerah adalah Sekretaris Daerah Kabupaten Batang.",
     "Sekretaris Daerah adalah Sekretaris Daerah Provinsi Jawa Tengah."),
    ("SEKRETARIS DAERAH KABUPATEN BATANG,", "SEKRETARIS DAERAH PROVINSI JAWA TENGAH,"),
    ("Dinas adalah Dinas Komunikasi dan Informatika Kabupaten Batang.",
     "Dinas adalah Dinas Komunikasi dan Informatika Provinsi Jawa Tengah."),
    ("Ketua Dewan Perwakilan Rakyat Daerah Kabupaten Batang;", "Ketua Dewan Perwakilan Rakyat Daerah Provinsi Jawa Tengah;"),
    ("Pemerintah Kabupaten menyediakan Pusat Data.", "Pemerintah Provinsi menyediakan Pusat Data."),
    ("disampaikan kepada DPRD Kabupaten setiap tahun", "disampaikan kepada DPRD Provinsi setiap tahun"),
    ("Pemerintah Kabupaten Batang perlu memanfaatkan TIK", "Pemerintah Provinsi Jawa Tengah perlu memanfaatkan TIK"),
    ("Dalam Peraturan Bupati ini yang dimaksud dengan:", "Dalam Peraturan Daerah ini yang dimaksud dengan:"),
    ("diatur dengan Peraturan Bupati.", "diatur dengan Peraturan Gubernur."),
    ("ditetapkan dengan Keputusan Bupati.", "ditetapkan dengan Keputusan Gubernur."),
    ("dengan penempatannya dalam Berita Daerah Kabupaten Batang.",
     "dengan penempatannya dalam Lembaran Daerah Provinsi Jawa Tengah."),
    ("BERITA DAERAH KABUPATEN BATANG TAHUN 2019 NOMOR 23", "LEMBARAN DAERAH PROVINSI JAWA TENGAH TAHUN 2019 NOMOR 23"),
])
def test_batang_perbup_to_jawa_tengah_perda(before: str, after: str) -> None:
    assert adapt(before) == after


@pytest.mark.parametrize("text", [
    "kerja sama dengan Pemerintah Kabupaten/Kota di wilayahnya",   # another level: never the own government
    "kerja sama dengan Pemerintah Kabupaten Kendal",              # another region
    "Kepala Dinas menetapkan standar operasional prosedur.",
])
def test_what_is_not_the_source_government_is_left_alone(text: str) -> None:
    assert adapt(text) == text


def test_changes_are_recorded_once_per_provision_with_their_count() -> None:
    done = TO_PERDA_JATENG.adapt("Bupati membentuk Dewan; Dewan melapor kepada Bupati.", provision="pasal-16/ayat-1")
    assert [(c.provision, c.before, c.after, c.rule, c.count) for c in done.changes] == [
        ("pasal-16/ayat-1", "Bupati", "Gubernur", "kepala-daerah", 2)]


def test_an_act_cited_by_its_number_is_kept_and_flagged() -> None:
    text = "sebagaimana diatur dalam Peraturan Bupati Batang Nomor 5 Tahun 2018 tentang SPBE."
    done = TO_PERDA_JATENG.adapt(text, provision="pasal-3")
    assert done.text == text
    assert [(f.reason, f.excerpt) for f in done.flags] == [("sitasi", "Peraturan Bupati Batang Nomor 5 Tahun 2018")]


@pytest.mark.parametrize(("text", "reason", "excerpt"), [
    ("Kepala Kepolisian Resor Batang;", "daerah-sumber", "Batang"),
    ('memanfaatkan identitas Daerah "Batang Heaven of Asia"', "daerah-sumber", "Batang"),
    ("akses internet publik di kantor desa/kelurahan", "tingkat-lain", "desa; kelurahan"),
    ("dikoordinasikan oleh camat di setiap kecamatan", "tingkat-lain", "camat; kecamatan"),
    ("penataan wajah Kabupaten", "tingkat-sumber", "Kabupaten"),
])
def test_flags_for_a_provincial_perda(text: str, reason: str, excerpt: str) -> None:
    flags = TO_PERDA_JATENG.adapt(text, provision="pasal-7").flags
    assert [(f.reason, f.excerpt) for f in flags] == [(reason, excerpt)]
    assert flags[0].message and flags[0].provision == "pasal-7"


def test_a_common_word_like_the_region_name_is_not_a_leftover() -> None:
    assert reasons("pohon dengan batang yang kuat") == []


def test_sanctions_are_flagged_in_a_perkada_not_in_a_perda() -> None:
    to_pergub = Adapter(BATANG, target(jenis="Pergub", daerah="Jawa Tengah"))
    text = "Setiap orang yang melanggar dipidana dengan pidana kurungan paling lama 6 (enam) bulan atau denda."
    assert reasons(text, to_pergub) == ["sanksi-perkada"]
    assert reasons("dikenai sanksi administratif berupa teguran tertulis", to_pergub) == ["sanksi-perkada"]
    assert reasons(text) == []


def test_perbup_to_pergub_names_itself_a_pergub_and_stays_in_the_berita_daerah() -> None:
    to_pergub = Adapter(BATANG, target(jenis="Peraturan Gubernur", daerah="Provinsi Jawa Tengah"))
    assert adapt("Peraturan Bupati ini diundangkan dalam Berita Daerah Kabupaten Batang.", to_pergub) == \
        "Peraturan Gubernur ini diundangkan dalam Berita Daerah Provinsi Jawa Tengah."


def test_jawa_tengah_perda_down_to_a_kendal_perbup() -> None:
    to_kendal = Adapter(JATENG, target(jenis="Perbup", daerah="Kabupaten Kendal"))
    assert adapt("Gubernur adalah Gubernur Jawa Tengah.", to_kendal) == "Bupati adalah Bupati Kendal."
    assert adapt("Peraturan Daerah ini mulai berlaku pada tanggal diundangkan.", to_kendal) == \
        "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."
    assert adapt("ditetapkan dengan Peraturan Gubernur.", to_kendal) == "ditetapkan dengan Peraturan Bupati."
    assert adapt("dalam Lembaran Daerah Provinsi Jawa Tengah.", to_kendal) == "dalam Berita Daerah Kabupaten Kendal."
    assert reasons("Gubernur sebagai wakil Pemerintah Pusat di Daerah mengoordinasikan Kabupaten/Kota Cerdas.",
                   to_kendal) == ["tingkat-lain"]
    assert reasons("Dewan Jawa Tengah Cerdas", to_kendal) == ["daerah-sumber"]
    assert reasons("Rencana Induk Provinsi Cerdas", to_kendal) == ["tingkat-sumber"]
    assert reasons("Sanksi administratif dikenakan oleh Gubernur.", to_kendal) == ["sanksi-perkada"]


def test_a_regency_to_a_city_and_a_regency_to_a_regency() -> None:
    to_semarang = Adapter(BATANG, target(jenis="Perwal", daerah="Kota Semarang"))
    assert adapt("Bupati adalah Bupati Batang; Daerah adalah Kabupaten Batang.", to_semarang) == \
        "Wali Kota adalah Wali Kota Semarang; Daerah adalah Kota Semarang."
    assert reasons("di setiap desa", to_semarang) == ["tingkat-lain"]
    to_kendal = Adapter(BATANG, target(jenis="Perbup", daerah="Kendal"))
    assert adapt("Bupati adalah Bupati Batang; Daerah adalah Kabupaten Batang; Berita Daerah.", to_kendal) == \
        "Bupati adalah Bupati Kendal; Daerah adalah Kabupaten Kendal; Berita Daerah."
    assert reasons("di setiap desa", to_kendal) == []


def test_any_regency_to_its_province_and_back() -> None:
    """Not tuned to the specimens: every rule works for regions drawn from the regions data."""
    regencies = [r for r in all_regions() if r.tingkat == "kabupaten" and not r.administrative]
    for region in random.Random(6).sample(regencies, 25):
        province = next(r for r in all_regions() if r.kode == region.kode.split(".")[0])
        bare, province_bare = region.nama.removeprefix("Kabupaten "), province.nama.removeprefix("Provinsi ")
        up = Adapter(maker(jenis="Peraturan Bupati", daerah=region.nama), target(jenis="Perda", daerah=province.nama))
        assert adapt(f"Bupati adalah Bupati {bare}. Daerah adalah {region.nama}.", up) == \
            f"Gubernur adalah Gubernur {province_bare}. Daerah adalah {province.nama}."
        down = Adapter(maker(jenis="Peraturan Daerah Provinsi", daerah=province.nama),
                       target(jenis="Peraturan Bupati", daerah=region.nama))
        assert adapt(f"Peraturan Daerah ini diundangkan dalam Lembaran Daerah {province.nama}.", down) == \
            f"Peraturan Bupati ini diundangkan dalam Berita Daerah {region.nama}."


def test_the_whole_batang_specimen_leaves_no_unflagged_bupati_or_batang() -> None:
    document = parse_text((SPECIMENS / "perbup-batang-2019-23-smart-city.txt").read_text(encoding="utf-8"))
    leftover = re.compile(r"\bBupati\b|\bKabupaten Batang\b|\bBatang\b", re.I)
    for node in walk_all(document.body):
        for text in (node.text, node.heading):
            if text:
                done = TO_PERDA_JATENG.adapt(text, provision=node.id)
                if leftover.search(done.text):
                    assert done.flags, (node.id, done.text)


@pytest.mark.parametrize(("jenis", "daerah", "message"), [
    ("Perda Provinsi", "Provinsi Atlantis", "unknown region"),
    ("Peraturan Bupati", "Provinsi Jawa Tengah", "another level"),
    ("Perda Provinsi", "Kabupaten Kendal", "another level"),
    ("Undang-Undang", "Provinsi Jawa Tengah", "must be a Perda"),
    ("Keputusan Gubernur", "Provinsi Jawa Tengah", "must be a Perda"),
    ("Perwal", "Kota Jakarta Selatan", "not an autonomous region"),
])
def test_a_bad_target_is_refused_with_its_reason(jenis: str, daerah: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        target(jenis=jenis, daerah=daerah)
