"""Alignment against the shared gold alignment, and the alignment rules on small cases."""

from __future__ import annotations

import json
from pathlib import Path

from app.compare.align import Unit, align
from app.compare.regulations import Side, compare
from app.kb.ingest import parse_file
from app.text.neutral import neutraliser

SPECIMENS = Path(__file__).resolve().parents[3] / "shared" / "specimens"
MIN_F1 = 0.95


def test_specimen_alignment_meets_the_gold() -> None:
    for gold_path in sorted(SPECIMENS.glob("alignment-*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = compare(Side("a", parse_file(SPECIMENS / gold["a"])), Side("b", parse_file(SPECIMENS / gold["b"])))
        want = {(p["a"], p["b"]): p["relation"] for p in gold["pairs"]}
        got = {(p.a, p.b): p.relation for p in result.pairs}
        found = want.keys() & got.keys()
        precision, recall = len(found) / len(got), len(found) / len(want)
        assert 2 * precision * recall / (precision + recall) >= MIN_F1, gold_path.name
        assert sum(want[key] == got[key] for key in found) / len(found) >= 0.95
        assert set(gold["only_a"]) >= set(result.only_a)


def units(*texts: str) -> list[Unit]:
    neutral = neutraliser(["Kabupaten Batang", "Provinsi Jawa Tengah"])
    return [Unit(num=str(n), id=f"pasal-{n}", text=text, stems=neutral.stems(text)) for n, text in enumerate(texts, 1)]


def test_region_words_do_not_make_a_change_and_order_does_not_matter() -> None:
    a = units("Bupati membentuk Dewan Smart City Kabupaten Batang.",
              "Pendanaan bersumber dari anggaran pendapatan dan belanja daerah.")
    b = units("Pendanaan bersumber dari anggaran pendapatan dan belanja daerah.",
              "Gubernur membentuk Dewan Kota Cerdas Provinsi Jawa Tengah.")
    found = align(a, b)
    assert [(p.a, p.b, p.relation) for p in found.pairs] == [(0, 1, "identical"), (1, 0, "identical")]


def test_two_pasal_merged_into_one_and_one_split_in_two() -> None:
    a = units("Tim Pelaksana melakukan pemantauan capaian program setiap enam bulan.",
              "Hasil evaluasi dilaporkan kepada Bupati sebagai bahan perbaikan kebijakan.",
              "Kerja sama dengan perguruan tinggi dan dunia usaha dalam pengembangan aplikasi.")
    b = units("Tim Pelaksana melakukan pemantauan capaian program setiap enam bulan dan hasil evaluasi "
              "dilaporkan kepada Gubernur sebagai bahan perbaikan kebijakan.",
              "Pengadaan perangkat keras pusat data.")
    found = align(a, b)
    assert {(p.a, p.b, p.relation) for p in found.pairs} == {(0, 0, "merged"), (1, 0, "merged")}
    assert found.only_a == [2] and found.only_b == [1]
    split = align(b[:1], a[:2])
    assert {(p.a, p.b, p.relation) for p in split.pairs} == {(0, 0, "split"), (0, 1, "split")}
