"""Load benchmark: the service with several workers on loopback, many clients at once.

The bundled corpus is ingested into a temporary data folder, then ``selaras serve --workers N``
is started on a free loopback port, and ``--clients`` concurrent clients (asyncio, one
connection each) send requests for ``--seconds``, each picking the next request from a fixed
mix: search (plain words, a phrase, a filtered query), the reader (a regulation's tree, one
provision), similar clauses of a provision, and the comparison of two regulations. Every
answer must be 200; anything else (or a broken connection) is counted as an error.

The same load is then run again while ``selaras ingest`` writes a folder of the dataset's texts
into the same database and index (one writer, many readers). Printed: requests per second and
p50 / p95 / p99 latency per phase and per kind of request, and the errors; JSON in
``bench-results/load.json``. The clients run on the same machine as the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

CHECKOUT = Path(__file__).resolve().parent.parent
DATASET = CHECKOUT.parent / "shared" / "datasets" / "mblonyox-data-peraturan"
SELARAS = [sys.executable, "-c", "from app.cli import main; main()"]
BATANG, JATENG = "perbup-batang-2019-23", "perda-prov-jawa-tengah-2019-11"

#: (kind, path): the mix each client cycles through, from a random start
MIX: list[tuple[str, str]] = [
    ("search", "/api/v1/search?q=dewan+smart+city"),
    ("search", "/api/v1/search?q=%22sistem+elektronik%22"),
    ("search", "/api/v1/search?q=sanksi+administratif&tingkat=nasional"),
    ("search", "/api/v1/search?q=pusat+data&provinsi=Jawa+Tengah"),
    ("reader", f"/api/v1/regulations/{BATANG}"),
    ("reader", f"/api/v1/provisions/{BATANG}/pasal-16"),
    ("reader", "/api/v1/regulations?jenis=UU"),
    ("similar", f"/api/v1/provisions/{BATANG}/pasal-16/similar?limit=5"),
    ("compare", f"/api/v1/compare?a={BATANG}&b={JATENG}"),
    ("search", "/api/v1/search?q=keterbukaan+informasi+publik&page=2"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else float("nan")


async def load(base: str, clients: int, seconds: float) -> dict:
    """``clients`` concurrent clients for ``seconds``: latencies per kind and errors."""
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    deadline = time.perf_counter() + seconds

    async def client(number: int) -> None:
        position = random.Random(number).randrange(len(MIX))
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            while time.perf_counter() < deadline:
                kind, path = MIX[position % len(MIX)]
                position += 1
                started = time.perf_counter()
                try:
                    answer = await http.get(path)
                    if answer.status_code != 200:
                        errors.append(f"{answer.status_code} {path}")
                        continue
                except httpx.HTTPError as error:
                    errors.append(f"{type(error).__name__} {path}")
                    continue
                latencies[kind].append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(client(number) for number in range(clients)))
    elapsed = time.perf_counter() - started
    every = sorted(value for values in latencies.values() for value in values)
    summary = {"requests": len(every), "errors": len(errors), "error_samples": errors[:5],
               "requests_per_s": round(len(every) / elapsed, 1)}
    for name, values in {"all": every, **latencies}.items():
        ordered = sorted(values)
        summary[name] = {"n": len(ordered), **{f"p{int(share * 100)}_ms": round(percentile(ordered, share), 1)
                                                for share in (0.5, 0.95, 0.99)}}
    return summary


def wait_ready(base: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the service stopped (exit {process.returncode})")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the service did not become ready")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="service worker processes")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=60, help="length of each phase")
    parser.add_argument("--ingest", type=int, default=60, help="dataset texts ingested during the second phase")
    parser.add_argument("--out", type=Path, default=CHECKOUT / "bench-results" / "load.json")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = {**os.environ, "SELARAS_DATA_DIR": str(work / "data"), "SELARAS_LOG_LEVEL": "WARNING"}
    env.pop("SELARAS_DATABASE_URL", None)
    server: subprocess.Popen[bytes] | None = None
    try:
        print("ingesting the bundled corpus ...", file=sys.stderr)
        subprocess.run([*SELARAS, "ingest", str(CHECKOUT / "corpus")], env=env, check=True, capture_output=True)
        texts = work / "texts"
        texts.mkdir()
        for path in sorted((DATASET / "uu").rglob("*.md"))[: args.ingest]:
            shutil.copy(path, texts / f"{path.parent.name}-{path.name}")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([*SELARAS, "serve", "--port", str(port), "--workers", str(args.workers)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_ready(base, server)
        asyncio.run(load(base, 2, 5))  # warm up: every worker opens its searcher and reads its columns

        results = {"workers": args.workers, "clients": args.clients, "seconds": args.seconds}
        print(f"phase 1: {args.clients} clients for {args.seconds:.0f} s ...", file=sys.stderr)
        results["readers"] = asyncio.run(load(base, args.clients, args.seconds))

        print(f"phase 2: the same while {args.ingest} texts are ingested ...", file=sys.stderr)
        ingest = subprocess.Popen([*SELARAS, "ingest", str(texts)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        results["during_ingest"] = asyncio.run(load(base, args.clients, args.seconds))
        ingest_out, _ = ingest.communicate()
        results["ingest"] = {"exit": ingest.returncode, "summary": ingest_out.strip().splitlines()[-1:]}
        check = subprocess.run([*SELARAS, "check"], env=env, capture_output=True, text=True)
        results["check_exit"] = check.returncode
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    kinds = ["all", *sorted({kind for kind, _ in MIX})]
    print(f"\nload: {args.workers} workers, {args.clients} clients, {args.seconds:.0f} s per phase")
    print(f"{'phase':<14}{'kind':<9}{'n':>7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for phase in ("readers", "during_ingest"):
        data = results[phase]
        for kind in kinds:
            row = data[kind]
            rate = f"{data['requests_per_s']:.1f}" if kind == "all" else ""
            errors = str(data["errors"]) if kind == "all" else ""
            print(f"{phase:<14}{kind:<9}{row['n']:>7}{rate:>8}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}"
                  f"{row['p99_ms']:>9.1f}{errors:>8}")
    print(f"ingest during phase 2: exit {results['ingest']['exit']} {results['ingest']['summary']}; "
          f"check afterwards: exit {results['check_exit']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    ok = all(results[phase]["errors"] == 0 for phase in ("readers", "during_ingest")) and results["check_exit"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
