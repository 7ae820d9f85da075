"""Benchmark reading files into regulations: PDFs with a text layer, and scanned PDFs read by OCR.

The specimens of ../shared/specimens are printed to PDF (Helvetica 11, as the OCR tests print
them), and their pages scanned by poppler's pdftoppm (300 dpi, grayscale) into PDFs of page
images. Measured, per specimen and in all: pages per second reading the text layer (``extract``)
and reading plus parsing (``parse_file``, the best of ``--repeat`` runs); pages per second and
seconds per page of OCR (``parse_file`` on the scan: render, tesseract, parse), with the share of
the specimen's Pasal and ayat recovered, and the CPU seconds a page takes (tesseract's and
rendering's: on a busy machine, wall time says more about the neighbours); the peak memory of this process and of the largest
tesseract process. Prints a table and writes JSON (default bench-results/ingest.json).

usage: python scripts/bench_ingest.py [--ocr NAME ...] [--ocr-pages N] [--repeat N] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdfium2 as pdfium  # noqa: E402

from app.ingest import extract  # noqa: E402
from app.kb.ingest import parse_file  # noqa: E402
from tests.ingest.files import (  # noqa: E402  (the tests' own printing and scanning)
    SCAN_FONT, SCAN_SIZE, SPECIMENS, page_images, recovered, write_pdf, write_scanned_pdf,
)

#: the smallest specimen with ayat, the one the OCR test reads
DEFAULT_OCR = "perbup-batang-2021-8-perubahan-smart-city"


def page_count(path: Path) -> int:
    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def watch_tesseract(stop: threading.Event, peak_kb: list[int]) -> None:
    """Sample, until ``stop``, the peak memory (VmHWM, from /proc, Linux) of this process's
    tesseract children into ``peak_kb[0]``. (getrusage cannot tell: a child started by vfork
    inherits the parent's peak.)"""
    while not stop.wait(0.1):
        for children in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
            for pid in children.read_text().split():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                if status.startswith("Name:\ttesseract") and (hwm := re.search(r"VmHWM:\s+(\d+)", status)):
                    peak_kb[0] = max(peak_kb[0], int(hwm[1]))


def best_of(repeat: int, function, *args) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def text_pdf(name: str, folder: Path, repeat: int) -> dict:
    lines = (SPECIMENS / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    pdf = write_pdf(folder / f"{name}.pdf", lines, font=SCAN_FONT, size=SCAN_SIZE)
    pages = page_count(pdf)
    extract_s = best_of(repeat, extract, pdf)
    parse_s = best_of(repeat, parse_file, pdf)
    return {"specimen": name, "pages": pages, "extract_seconds": extract_s, "parse_seconds": parse_s,
            "extract_pages_per_s": pages / extract_s, "parse_pages_per_s": pages / parse_s}


def cpu_seconds() -> float:
    """CPU time (user and system) of this process and of its children that have ended."""
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def scanned_pdf(name: str, folder: Path, max_pages: int) -> dict:
    printed = folder / f"{name}.pdf"
    scans = page_images(printed, folder / f"{name}-pindaian")
    whole = len(scans)
    scans = scans[:max_pages] if max_pages else scans
    scan = write_scanned_pdf(folder / f"{name}-pindaian.pdf", scans)
    start, cpu = time.perf_counter(), cpu_seconds()
    document = parse_file(scan)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    pasal, ayat = recovered(document, name) if len(scans) == whole else (None, None)
    return {"specimen": name, "pages": len(scans), "seconds": seconds, "seconds_per_page": seconds / len(scans),
            "cpu_seconds_per_page": cpu / len(scans), "pages_per_s": len(scans) / seconds,
            "pasal_recovered": pasal, "ayat_recovered": ayat}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocr", nargs="*", default=[DEFAULT_OCR], metavar="NAME",
                        help=f"specimens to scan and OCR (default {DEFAULT_OCR}; none: no OCR)")
    parser.add_argument("--ocr-pages", type=int, default=0, help="OCR only the first N pages of each (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each text PDF; the fastest counts")
    parser.add_argument("--out", type=Path, default=Path("bench-results/ingest.json"))
    args = parser.parse_args()
    names = sorted(path.stem for path in SPECIMENS.glob("*.txt"))
    unknown = [name for name in args.ocr if name not in names]
    if not names or unknown:
        print(f"no specimens {', '.join(unknown) or ''} under {SPECIMENS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="selaras-bench-ingest-") as tmp:
        folder = Path(tmp)
        texts = [text_pdf(name, folder, args.repeat) for name in names]
        stop, tesseract_kb = threading.Event(), [0]
        watcher = threading.Thread(target=watch_tesseract, args=(stop, tesseract_kb), daemon=True)
        watcher.start()
        scans = [scanned_pdf(name, folder, args.ocr_pages) for name in args.ocr]
        stop.set()
        watcher.join()
    text_pages = sum(r["pages"] for r in texts)
    ocr_pages = sum(r["pages"] for r in scans)
    ocr_seconds = sum(r["seconds"] for r in scans)
    summary = {
        "text_pdf_pages": text_pages,
        "text_pdf_extract_pages_per_s": text_pages / sum(r["extract_seconds"] for r in texts),
        "text_pdf_parse_pages_per_s": text_pages / sum(r["parse_seconds"] for r in texts),
        "ocr_pages": ocr_pages,
        "ocr_pages_per_s": ocr_pages / ocr_seconds if ocr_pages else None,
        "ocr_seconds_per_page": ocr_seconds / ocr_pages if ocr_pages else None,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_rss_tesseract_mb": tesseract_kb[0] / 1024 if tesseract_kb[0] else None,
    }
    rows = [(f"text PDF {r['specimen']} ({r['pages']} p.)",
             f"{r['extract_pages_per_s']:.0f} pages/s text layer, {r['parse_pages_per_s']:.0f} pages/s parsed") for r in texts]
    rows += [("text PDF, all", f"{summary['text_pdf_extract_pages_per_s']:.0f} pages/s text layer, "
                               f"{summary['text_pdf_parse_pages_per_s']:.0f} pages/s parsed")]
    for r in scans:
        found = (f"; Pasal {r['pasal_recovered']:.1%}, ayat {r['ayat_recovered']:.1%} recovered"
                 if r["pasal_recovered"] is not None else "")
        rows.append((f"OCR {r['specimen']} ({r['pages']} p.)",
                     f"{r['pages_per_s']:.2f} pages/s, {r['seconds_per_page']:.1f} s/page "
                     f"({r['cpu_seconds_per_page']:.1f} s of CPU){found}"))
    rows += [
        ("peak memory (RSS, this process)", f"{summary['peak_rss_mb']:.0f} MB"),
        ("peak memory (RSS, largest tesseract)",
         f"{summary['peak_rss_tesseract_mb']:.0f} MB" if summary["peak_rss_tesseract_mb"] else "not measured"),
    ]
    width = max(len(key) for key, _ in rows)
    print(f"{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|------")
    for key, value in rows:
        print(f"{key.ljust(width)} | {value}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary, "text_pdf": texts, "ocr": scans}, indent=2))
    print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
