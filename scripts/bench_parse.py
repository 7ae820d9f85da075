"""Benchmark the structure parser over the real UU/PP texts of ../shared/datasets/mblonyox-data-peraturan.

Measures, for every text: whether its body Pasal run 1..N with no gap or repeat (non-amending
texts only), whether any word of the input is missing from the parsed document, the parse time
and the process's peak memory. Prints a table and writes JSON (default bench-results/parse.json).

usage: python scripts/bench_parse.py [DATASET_DIR] [--limit N] [--out FILE] [--failures FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.structure.loss import lost_words  # noqa: E402
from app.structure.parser import parse_text  # noqa: E402
from app.structure.tree import own_pasal  # noqa: E402

DEFAULT_DATASET = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "mblonyox-data-peraturan"


def first_break(nums: list[str]) -> tuple[int, str] | None:
    """Where 1, 2, 3 ... N breaks: (the number expected, the number found); None for a clean run.

    Inserted Pasal (5A after 5) are allowed.
    """
    expected = 1
    previous = ""
    for num in nums:
        if num.isdigit() and int(num) == expected:
            expected += 1
            previous = num
        elif num[:-1].isdigit() and num[:-1] == previous.rstrip("ABCDEFGHIJ") and num[-1].isalpha():
            previous = num
        else:
            return expected, num
    return None if nums else (1, "")


def measure(path: Path) -> dict:
    text = path.read_text(encoding="utf-8", errors="replace")
    start = time.perf_counter()
    doc = parse_text(text)
    seconds = time.perf_counter() - start
    nums = [pasal.num or "" for pasal in own_pasal(doc.body)]
    amending = (any(n.kind == "perubahan" for n in doc.provisions()) or "PERUBAHAN" in (doc.metadata.judul or "").upper()
                or nums[:1] == ["I"])  # an act whose own articles are Pasal I, II changes another
    lost = lost_words(text, doc)
    broken = first_break(nums)
    return {
        "file": str(path), "bytes": len(text.encode()), "seconds": seconds, "amending": amending,
        "pasal": len(nums), "clean_run": broken is None, "break": broken, "lost": len(lost),
        "lost_sample": lost[:10],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (sorted)")
    parser.add_argument("--out", type=Path, default=Path("bench-results/parse.json"))
    parser.add_argument("--failures", type=Path, default=None, help="also write every failing file's details here")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    args = parser.parse_args()
    files = sorted(args.dataset.rglob("*.md")) + sorted(args.dataset.rglob("*.txt"))
    files = [f for f in files if f.name != "README.txt"]
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no texts under {args.dataset}", file=sys.stderr)
        return 2
    wall = time.perf_counter()
    if args.jobs > 1:
        from multiprocessing import Pool
        with Pool(args.jobs) as pool:
            results = pool.map(measure, files, chunksize=16)
    else:
        results = [measure(f) for f in files]
    wall = time.perf_counter() - wall
    non_amending = [r for r in results if not r["amending"] and r["pasal"] > 0]
    no_pasal = [r for r in results if r["pasal"] == 0]
    total_bytes = sum(r["bytes"] for r in results)
    parse_seconds = sum(r["seconds"] for r in results)
    summary = {
        "files": len(results),
        "non_amending_with_pasal": len(non_amending),
        "without_pasal": len(no_pasal),
        "clean_pasal_run_share": sum(r["clean_run"] for r in non_amending) / max(1, len(non_amending)),
        "no_lost_text_share": sum(r["lost"] == 0 for r in results) / len(results),
        "megabytes": total_bytes / 1e6,
        "parse_mb_per_s": total_bytes / 1e6 / parse_seconds,  # per process, parse only
        "jobs": args.jobs,
        "wall_seconds": wall,
        "peak_rss_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024,
    }
    rows = [
        ("files parsed", f"{summary['files']}"),
        ("non-amending texts with Pasal", f"{summary['non_amending_with_pasal']}"),
        ("texts with no Pasal found", f"{summary['without_pasal']}"),
        ("clean Pasal run 1..N (non-amending)", f"{summary['clean_pasal_run_share']:.2%}"),
        ("texts with no lost word", f"{summary['no_lost_text_share']:.2%}"),
        ("input size", f"{summary['megabytes']:.1f} MB"),
        ("parse speed (one process)", f"{summary['parse_mb_per_s']:.2f} MB/s"),
        ("wall time", f"{summary['wall_seconds']:.1f} s with {summary['jobs']} processes"),
        ("peak memory (RSS, largest process)", f"{summary['peak_rss_mb']:.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|------")
    for key, value in rows:
        print(f"{key.ljust(width)} | {value}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary}, indent=2))
    if args.failures:
        failing = [r for r in results if (not r["amending"] and not r["clean_run"]) or r["lost"]]
        args.failures.write_text(json.dumps(failing, indent=1))
    print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
