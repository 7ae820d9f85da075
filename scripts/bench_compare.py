"""Compare benchmark: time to align two regulations by size, and similar-clause look-ups over the dataset.

Alignment: for each target size (30, 100 and 400 Pasal) the two texts of the dataset whose body
has the nearest number of Pasal are compared with ``app.compare.regulations.compare`` (parsing
not included), and the first of them with itself (every Pasal paired, every diff computed: the
most work a pair of that size makes); the first run (stems not yet cached) and the median of the
next runs are reported.
The national pair UU 32/2004 -> UU 23/2014 of the bundled corpus is timed the same way.

Similar clauses: every text of the dataset plus the bundled corpus is indexed as Selaras indexes
it (``bench_search.build_whoosh``); then clauses and whole Pasal sampled from the dataset are
pasted as queries (``app.compare.similar``) and timed on a searcher reused across queries, as
the service does. Targets: align under 0.3 s, 1 s and 5 s; look-up p95 under 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

from whoosh.index import exists_in

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_search import build_whoosh, percentiles, units_of  # noqa: E402

from app.compare.regulations import Side, compare  # noqa: E402
from app.compare.similar import similar, text_query  # noqa: E402
from app.index.schema import INDEX_NAME, IndexHandle  # noqa: E402
from app.index.units import printed  # noqa: E402
from app.structure.parser import parse_text  # noqa: E402
from app.structure.tree import Document, walk_all  # noqa: E402

CHECKOUT = Path(__file__).resolve().parent.parent
DATASET = CHECKOUT.parent / "shared" / "datasets" / "mblonyox-data-peraturan"
SIZES = {30: 0.3, 100: 1.0, 400: 5.0}  # Pasal -> target seconds
NATIONAL_PAIR = ("uu-2004-32-pemerintahan-daerah.txt", "uu-2014-23-pemerintahan-daerah.txt")
RUNS = 3


def pasal_count(path: Path) -> tuple[Path, int]:
    try:
        document = parse_text(path.read_text(encoding="utf-8", errors="replace"))
    except Exception:  # noqa: BLE001  (the parse bench reports parser failures)
        return path, 0
    if document.changes:  # an amending act: its Pasal are instructions
        return path, 0
    return path, sum(node.kind == "pasal" for node in walk_all(document.body))


def parse(path: Path) -> Document:
    return parse_text(path.read_text(encoding="utf-8", errors="replace"))


def time_alignment(a: Path, b: Path) -> dict[str, object]:
    side_a, side_b = Side(a.name, parse(a)), Side(b.name, parse(b))
    samples = []
    for _ in range(RUNS + 1):
        started = time.perf_counter()
        result = compare(side_a, side_b)
        samples.append(time.perf_counter() - started)
    return {"a": a.name, "b": b.name, "pasal_a": result.a.pasal, "pasal_b": result.b.pasal, "pairs": len(result.pairs),
            "first_s": round(samples[0], 3), "median_s": round(statistics.median(samples[1:]), 3)}


def sample_queries(parsed: list, count: int, seed: int = 0) -> list[tuple[str, str]]:
    """(level, text): half single clauses (8 words or more), half whole Pasal with two ayat or more."""
    rng = random.Random(seed)
    clauses: list[str] = []
    pasal: dict[tuple[int, str], list[str]] = {}
    for number, (_regulation, units) in enumerate(parsed):
        for unit in units:
            if unit.part != "body" or unit.kind not in ("pasal", "ayat"):
                continue
            if len(unit.text.split()) >= 8:
                clauses.append(unit.text)
            if unit.kind == "ayat" and unit.pasal:
                pasal.setdefault((number, unit.id.split("/ayat-")[0]), []).append(printed(unit.text, unit.ayat))
    whole = [" ".join(parts) for parts in pasal.values() if len(parts) >= 2]
    half = count // 2
    return ([("clause", text) for text in rng.sample(clauses, min(half, len(clauses)))]
            + [("pasal", text) for text in rng.sample(whole, min(count - half, len(whole)))])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DATASET)
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts of the dataset (0: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes that parse and index")
    parser.add_argument("--queries", type=int, default=200, help="similar-clause look-ups to time")
    parser.add_argument("--index", type=Path, default=None,
                        help="keep the similar-clause index in this folder, and reuse it when it is there")
    parser.add_argument("--out", type=Path, default=CHECKOUT / "bench-results" / "compare.json")
    args = parser.parse_args()

    files = sorted(args.dataset.rglob("*.md")) + sorted(args.dataset.rglob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    corpus = sorted((CHECKOUT / "corpus").rglob("*.txt"))
    summary: dict[str, object] = {"texts": len(files) + len(corpus)}

    # --- alignment by size
    started = time.perf_counter()
    with Pool(args.jobs) as pool:
        counts = [(path, n) for path, n in pool.imap(pasal_count, files, chunksize=8) if n]
    print(f"{len(counts)} texts with Pasal counted in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    alignments = []
    for size, target in SIZES.items():
        a, b = sorted(counts, key=lambda item: (abs(item[1] - size), str(item[0])))[:2]
        for label, other in ((f"{size}: two texts", b[0]), (f"{size}: text vs itself", a[0])):
            row = time_alignment(a[0], other)
            alignments.append({"size": label, "target_s": target, **row, "met": row["median_s"] < target})
    national = [path for name in NATIONAL_PAIR for path in corpus if path.name == name]
    if len(national) == 2:
        alignments.append({"size": "UU 32/2004 -> UU 23/2014", "target_s": None, **time_alignment(*national), "met": None})
    summary["alignment"] = alignments

    # --- similar clauses
    started = time.perf_counter()
    with Pool(args.jobs) as pool:
        parsed = [item for item in pool.imap(units_of, files + corpus, chunksize=8) if item]
    summary["parse_s"] = round(time.perf_counter() - started, 1)
    summary["clauses"] = sum(len(units) for _regulation, units in parsed)
    work = args.index or Path(tempfile.mkdtemp(prefix="bench-compare-"))
    try:
        if not exists_in(work, indexname=INDEX_NAME):
            started = time.perf_counter()
            build_whoosh(parsed, work, args.jobs)
            summary["index_build_s"] = round(time.perf_counter() - started, 1)
        handle = IndexHandle(work)
        queries = sample_queries(parsed, args.queries)
        del parsed
        started = time.perf_counter()
        similar(text_query(queries[0][1]), handle=handle)
        summary["first_lookup_ms"] = round((time.perf_counter() - started) * 1000, 1)
        samples: dict[str, list[float]] = {"clause": [], "pasal": []}
        hits = 0
        for level, text in queries:
            started = time.perf_counter()
            result = similar(text_query(text), handle=handle)
            samples[level].append((time.perf_counter() - started) * 1000)
            hits += bool(result.hits)
        everything = samples["clause"] + samples["pasal"]
        lookups = {}
        for name, values in (("all", everything), *samples.items()):
            p50, p95 = percentiles(values)
            lookups[name] = {"queries": len(values), "p50_ms": round(p50, 1), "p95_ms": round(p95, 1),
                             "max_ms": round(max(values), 1)}
        summary["similar"] = {**lookups, "with_hits": hits, "target_p95_ms": 300, "met": lookups["all"]["p95_ms"] < 300}
    finally:
        if args.index is None:
            shutil.rmtree(work, ignore_errors=True)
    summary["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    print(f"{summary['texts']} texts, {summary['clauses']} clauses; peak RSS (main process) {summary['peak_rss_mb']} MB")
    print(f"{'alignment':<28}{'Pasal A':>8}{'Pasal B':>8}{'pairs':>7}{'first s':>9}{'median s':>10}{'target s':>10}")
    for row in alignments:
        target = f"{row['target_s']:.1f}" if row["target_s"] else "-"
        print(f"{str(row['size']):<28}{row['pasal_a']:>8}{row['pasal_b']:>8}{row['pairs']:>7}"
              f"{row['first_s']:>9.3f}{row['median_s']:>10.3f}{target:>10}")
    print(f"{'similar look-ups':<28}{'queries':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for name in ("all", "clause", "pasal"):
        row = summary["similar"][name]
        print(f"{name:<28}{row['queries']:>8}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['max_ms']:>9.1f}")
    print(f"first look-up {summary['first_lookup_ms']} ms; {summary['similar']['with_hits']} look-ups found clauses")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
