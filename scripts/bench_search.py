"""Search benchmark: Selaras's Whoosh index against tantivy and SQLite FTS5 on the same clauses.

Clause units are cut exactly as Selaras does (parser -> provision rows -> ``clause_units``).
Whoosh gets Selaras's own schema, analyzers and query builder (``app.index``); tantivy and FTS5
get the same unit texts with their stock tokenizers and the same query words, so the ratios
measure the engines, not our analysis. Latency is measured per query class on a searcher
reused across queries (as the service does), with facet counts on for Whoosh.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh.index import exists_in  # noqa: E402

from app.index.schema import INDEX_NAME, IndexHandle, recreate  # noqa: E402
from app.index.search import SearchFilters, search  # noqa: E402
from app.index.sync import clause_documents  # noqa: E402
from app.index.units import ClauseUnit, clause_units  # noqa: E402
from app.kb.store import complete_metadata, provision_rows  # noqa: E402
from app.models import Regulation  # noqa: E402
from app.structure.parser import parse_text  # noqa: E402

CHECKOUT = Path(__file__).resolve().parent.parent
DATASET = CHECKOUT.parent / "shared" / "datasets" / "mblonyox-data-peraturan"

QUERIES = {
    "1-word": ["pemerintah", "sanksi", "informasi", "pajak", "kecamatan", "arsip", "pendidikan", "anggaran"],
    "3-word": ["sanksi administratif denda", "pengelolaan keuangan daerah", "pelayanan publik standar",
               "tim koordinasi nasional", "perlindungan data pribadi", "pusat data nasional"],
    "phrase": ['"peraturan pemerintah"', '"sanksi administratif"', '"sistem elektronik"', '"kepala daerah"',
               '"pemerintah daerah provinsi"', '"perlindungan data pribadi"'],
    "filtered": ["sanksi", "pengelolaan keuangan", "informasi publik", "pajak daerah"],
}


def units_of(path: Path) -> tuple[Regulation, list[ClauseUnit]] | None:
    try:
        document = parse_text(path.read_text(encoding="utf-8", errors="replace"))
    except Exception:  # noqa: BLE001  (the parse bench reports parser failures)
        return None
    meta = complete_metadata(document.metadata)
    reg_id = f"r{abs(hash(str(path)))}"
    regulation = Regulation(
        id=reg_id, content_hash=reg_id, jenis=meta.jenis, jenis_singkat=meta.jenis_singkat, nomor=meta.nomor,
        tahun=meta.tahun, judul=meta.judul, daerah=meta.daerah, tingkat=meta.tingkat, provinsi=meta.provinsi,
    )
    return regulation, clause_units(provision_rows(reg_id, document))


def build_whoosh(parsed: list[tuple[Regulation, list[ClauseUnit]]], path: Path, jobs: int) -> None:
    """Selaras's clause index of ``parsed`` at ``path``: each regulation's clauses added as one
    group (consecutive documents of one segment), as ``app.index.sync`` adds them."""
    index = recreate(path)
    writer = index.writer(limitmb=256, procs=jobs, multisegment=True) if jobs > 1 else index.writer(limitmb=256)
    for regulation, units in parsed:
        with writer.group():
            for doc in clause_documents(regulation, units):
                writer.add_document(**doc)
    writer.commit()


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def timed(run: Callable[[str], object], queries: list[str], repeat: int, name: str) -> dict[str, float]:
    """Latency of ``queries``, each run ``repeat`` times: the first run of each apart (its words'
    postings not yet read: cold), p50/p95 over the later runs (a service that has seen them)."""
    first, later = [], []
    for round_number in range(repeat):
        for query in queries:
            started = time.perf_counter()
            run(query)
            (later if round_number else first).append((time.perf_counter() - started) * 1000)
    p50, p95 = percentiles(later or first)
    return {f"{name}_p50_ms": p50, f"{name}_p95_ms": p95,
            f"{name}_first_p50_ms": statistics.median(first), f"{name}_first_max_ms": max(first)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DATASET)
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts of the dataset (0: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes that parse and index")
    parser.add_argument("--repeat", type=int, default=5, help="times each query is run")
    parser.add_argument("--out", type=Path, default=CHECKOUT / "bench-results" / "search.json")
    parser.add_argument("--index", type=Path, default=None,
                        help="keep the Whoosh index in this folder, and reuse it when it is there (no build time then)")
    args = parser.parse_args()

    files = sorted(args.dataset.rglob("*.md")) + sorted(args.dataset.rglob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    files += sorted((CHECKOUT / "corpus").rglob("*.txt"))
    started = time.perf_counter()
    from multiprocessing import Pool

    with Pool(args.jobs) as pool:
        parsed = [item for item in pool.imap(units_of, files, chunksize=8) if item]
    parse_seconds = time.perf_counter() - started
    documents = [doc for regulation, units in parsed for doc in clause_documents(regulation, units)]
    texts = [doc["exact"] for doc in documents]
    print(f"{len(files)} texts, {len(documents)} clauses parsed in {parse_seconds:.0f} s", file=sys.stderr)

    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    results: dict[str, dict[str, float]] = {}
    try:
        # --- Whoosh, as Selaras builds it
        whoosh_dir = args.index or work / "whoosh"
        whoosh: dict[str, float] = {}
        if not exists_in(whoosh_dir, indexname=INDEX_NAME):
            started = time.perf_counter()
            build_whoosh(parsed, whoosh_dir, args.jobs)
            whoosh["build_s"] = time.perf_counter() - started
        handle = IndexHandle(whoosh_dir)
        started = time.perf_counter()
        search(query="peraturan", handle=handle)  # opens the index, reads the facet columns
        open_s = time.perf_counter() - started
        long_queries = [" ".join(random.Random(i).sample(texts[i % len(texts)].split(), min(30, len(texts[i % len(texts)].split()))))
                        for i in range(0, len(texts), max(1, len(texts) // 8))][:8]
        whoosh["size_mb"] = sum(f.stat().st_size for f in whoosh_dir.iterdir()) / 1e6
        runners: dict[str, Callable[[str], object]] = {
            "1-word": lambda q: search(query=q, handle=handle),
            "3-word": lambda q: search(query=q, handle=handle),
            "phrase": lambda q: search(query=q, handle=handle),
            "filtered": lambda q: search(query=q, filters=SearchFilters(jenis="pp", tahun_min=2000), handle=handle),
            "30-word": lambda q: search(query=q, handle=handle, facets=False),
        }
        classes = {**QUERIES, "30-word": long_queries}
        for name, run in runners.items():
            whoosh.update(timed(run, classes[name], args.repeat, name))
        results["whoosh"] = whoosh

        # --- tantivy
        import tantivy

        started = time.perf_counter()
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("text", stored=True)
        builder.add_text_field("jenis", stored=True, tokenizer_name="raw")
        builder.add_integer_field("tahun", stored=True, indexed=True, fast=True)
        schema = builder.build()
        (work / "tantivy").mkdir()
        tindex = tantivy.Index(schema, path=str(work / "tantivy"))
        twriter = tindex.writer(heap_size=256_000_000, num_threads=args.jobs)
        for doc in documents:
            twriter.add_document(tantivy.Document(text=doc["exact"], jenis=(doc.get("jenis_key") or "").split(",")[-1], tahun=doc.get("tahun") or 0))
        twriter.commit()
        tindex.reload()
        tsearcher = tindex.searcher()
        tan = {"build_s": time.perf_counter() - started,
               "size_mb": sum(f.stat().st_size for f in (work / "tantivy").iterdir()) / 1e6}

        def tantivy_run(q: str, filtered: bool = False) -> object:
            words = " ".join(re.findall(r"\w+", q))  # pasted text's brackets are no query syntax
            text = f'"{words}"' if q.startswith('"') else words
            query = tindex.parse_query(f"({text}) AND jenis:pp AND tahun:[2000 TO 3000]" if filtered else text, ["text"])
            return tsearcher.search(query, 20).hits

        for name in runners:
            run = (lambda q: tantivy_run(q, filtered=True)) if name == "filtered" else tantivy_run
            tan.update(timed(run, classes[name], args.repeat, name))
        results["tantivy"] = tan

        # --- SQLite FTS5
        started = time.perf_counter()
        db = sqlite3.connect(work / "fts.db")
        db.execute("CREATE VIRTUAL TABLE clauses USING fts5(text, jenis UNINDEXED, tahun UNINDEXED)")
        db.executemany("INSERT INTO clauses VALUES (?, ?, ?)",
                       ((d["exact"], (d.get("jenis_key") or "").split(",")[-1], d.get("tahun") or 0) for d in documents))
        db.commit()
        fts = {"build_s": time.perf_counter() - started, "size_mb": (work / "fts.db").stat().st_size / 1e6}

        def fts_run(q: str, filtered: bool = False, any_word: bool = False) -> object:
            words = [w for w in q.replace('"', " ").split() if w.isalnum()]
            match = ('"' + " ".join(words) + '"') if q.startswith('"') else (" OR " if any_word else " ").join(words)
            where = " AND jenis = 'pp' AND tahun >= 2000" if filtered else ""
            return db.execute(f"SELECT rowid FROM clauses WHERE clauses MATCH ?{where} ORDER BY rank LIMIT 20", (match,)).fetchall()

        for name in runners:
            run = ((lambda q: fts_run(q, filtered=True)) if name == "filtered"
                   else (lambda q: fts_run(q, any_word=True)) if name == "30-word" else fts_run)
            fts.update(timed(run, classes[name], args.repeat, name))
        results["sqlite-fts5"] = fts
    finally:
        shutil.rmtree(work, ignore_errors=True)

    summary = {
        "texts": len(files), "clauses": len(documents), "parse_s": round(parse_seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "whoosh_first_search_s": round(open_s, 2),
        "engines": {name: {k: round(v, 2) for k, v in values.items()} for name, values in results.items()},
    }
    keys = list(dict.fromkeys(key for values in results.values() for key in values))  # build_s: none for a reused index
    print(f"{summary['texts']} texts, {summary['clauses']} clauses; peak RSS (main process) {summary['peak_rss_mb']} MB; "
          f"Whoosh's first search (opens the index, reads facet columns) {summary['whoosh_first_search_s']} s")
    print(f"{'measure':<22}" + "".join(f"{name:>14}" for name in results) + f"{'whoosh/tantivy':>16}")
    for key in keys:
        row = [results[name].get(key, float("nan")) for name in results]
        ratio = row[0] / row[1] if row[1] else float("nan")
        print(f"{key:<22}" + "".join(f"{value:>14.2f}" for value in row) + f"{ratio:>16.1f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
