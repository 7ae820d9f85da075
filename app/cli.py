"""The ``selaras`` command: parse, ingest, list, show, search, compare, similar, coverage, draft,
reindex, check, serve.

Each command parses its arguments, calls one domain function and prints the result. Errors are
printed as one message on stderr with the error's exit code (``app.errors``), never a traceback.
"""

from __future__ import annotations

import functools
import os
import json
import logging
import shutil
import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Optional, Sequence, TypeVar

import click
import typer
from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlmodel import Session

from app.errors import InvalidInput, SelarasError
from app.logs import configure_logging, logging_config

logger = logging.getLogger(__name__)

app = typer.Typer(
    name="selaras",
    help="Selaras: knowledge base of Indonesian regulations parsed into their legal structure.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


# options shared by the commands that filter regulations or clauses
Jenis = Annotated[Optional[str], typer.Option(help="Kind: `Peraturan Bupati`, `Perbup`, `Peraturan Daerah`, `UU` ...")]
Daerah = Annotated[Optional[str], typer.Option(help="Region: `Kabupaten Batang` or `Batang`; `Nasional`.")]
Provinsi = Annotated[Optional[str], typer.Option(help="Province: `Jawa Tengah` (its own and its regions' regulations).")]
Tingkat = Annotated[Optional[str], typer.Option(help="nasional, provinsi, kabupaten or kota.")]
Tahun = Annotated[Optional[int], typer.Option(help="Year.")]
TahunMin = Annotated[Optional[int], typer.Option(help="From this year.")]
TahunMax = Annotated[Optional[int], typer.Option(help="Up to this year.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the result as JSON (the API's shape).")]
FormatJson = Annotated[bool, typer.Option("--json", help="Same as --format json.")]


def _show(result: BaseModel, as_json: bool, lines: Callable[..., list[str]]) -> None:
    """Print a result as the API's JSON, or as the lines ``lines(result, width=...)`` makes."""
    typer.echo(result.model_dump_json(indent=2) if as_json else "\n".join(lines(result, width=_width())))


def _format(output_format: str, as_json: bool, known: Sequence[str]) -> str:
    """The output format asked for (``--json`` wins), or InvalidInput naming the known ones."""
    chosen = "json" if as_json else output_format.lower()
    if chosen not in known:
        raise InvalidInput(f"--format harus salah satu dari {', '.join(known)} (unknown format): {output_format!r}")
    return chosen


def _fail(message: str, code: int) -> None:
    typer.echo(f"selaras: {message}", err=True)
    raise typer.Exit(code)


def reporting_errors(func: F) -> F:
    """Turn a SelarasError (or any unexpected error) into a message on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # `selaras list | head`: the reader left; nothing to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(0) from None
        except SelarasError as error:
            _fail(error.message, error.exit_code)
        except ValidationError as error:
            _fail(f"Pengaturan tidak sah (invalid settings): {error}", 2)
        except Exception as error:  # noqa: BLE001  (a user sees a message, not a traceback)
            if type(error).__module__.split(".")[0] in {"click", "typer"}:  # typer's own exits and usage errors
                raise
            logger.debug("unexpected error", exc_info=True)
            _fail(f"Kesalahan tak terduga (unexpected error): {type(error).__name__}: {error}", 1)

    return wrapper  # type: ignore[return-value]


def _session() -> Session:
    from app.db import get_engine

    return Session(get_engine())


def _width() -> int:
    return min(shutil.get_terminal_size((100, 24)).columns, 100)


def _ocr_line(path: Path, done: int, total: int) -> None:
    """One line on stderr for each page OCR reads: ``OCR pindaian.pdf: halaman 2/5 (page 2 of 5)``."""
    if done:
        typer.echo(f"OCR {path.name}: halaman {done}/{total} (page {done} of {total})", err=True)
    else:
        typer.echo(f"OCR {path.name}: {total} halaman akan dibaca (pages to read: {total})", err=True)


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens (debug).")] = False,
) -> None:
    if verbose:
        logging.getLogger("app").setLevel(logging.DEBUG)


@app.command()
@reporting_errors
def parse(
    files: Annotated[list[Path], typer.Argument(help="Regulation files: text (.txt, .md), PDF, DOCX or HTML.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="JSON: one object for one file, JSON Lines for several.")] = False,
) -> None:
    """Parse files into their structure and print it (no database involved); OCR'd pages are
    counted on stderr."""
    from app.kb.ingest import parse_file
    from app.kb.outline import document_lines

    exit_code = 0
    for path in files:
        try:
            document = parse_file(path, progress=functools.partial(_ocr_line, path))
        except SelarasError as error:
            typer.echo(f"selaras: {path}: {error.message}", err=True)
            exit_code = exit_code or error.exit_code
            continue
        if as_json:
            typer.echo(json.dumps(document.to_dict(), ensure_ascii=False, indent=2 if len(files) == 1 else None))
        else:
            if len(files) > 1:
                typer.echo(f"=== {path}")
            lines = document_lines(
                metadata=document.metadata, body=document.body, penjelasan=document.penjelasan,
                lampiran=document.lampiran, width=_width(),
            )
            if document.warnings:
                lines += ["", f"{len(document.warnings)} peringatan (warnings):", *(f"  - {w}" for w in document.warnings)]
            typer.echo("\n".join(lines))
    raise typer.Exit(exit_code)


@app.command()
@reporting_errors
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (default: the bundled corpus).", show_default=False)] = None,
    if_empty: Annotated[bool, typer.Option("--if-empty", help="Do nothing when the database already holds regulations.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Re-parse files whose content did not change.")] = False,
) -> None:
    """Parse files and folders into the knowledge base; exit 1 if any file failed. OCR'd pages
    are counted on stderr."""
    from app.config import get_settings
    from app.index.sync import rebuild_if_outdated, update_index
    from app.kb.ingest import IngestItem, ingest_paths
    from app.kb.store import count_regulations

    targets = list(paths) if paths else [get_settings().corpus_dir]
    with _session() as session:
        if if_empty and (count := count_regulations(session=session)):
            typer.echo(f"Basis data sudah berisi {count} peraturan; tidak ada yang dimasukkan (database not empty, skipped).")
            if (rebuilt := rebuild_if_outdated(session=session)) is not None:
                typer.echo(f"Indeks versi lama dibangun ulang: {rebuilt} klausul (old index rebuilt: {rebuilt} clauses).")
            return
        progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False,
        )
        with progress:
            task = progress.add_task("ingest", total=None)

            def on_progress(item: IngestItem, done: int, total: int) -> None:
                progress.update(task, completed=done, total=total, description=item.path.name[:40])

            report = ingest_paths(session=session, paths=targets, on_progress=on_progress, on_ocr_page=_ocr_line,
                                  force=force)
        changed = [item.regulation_id for item in report.items if item.status in ("added", "updated") and item.regulation_id]
        clauses = update_index(session=session, regulation_ids=changed)
    counts = report.counts()
    typer.echo(
        f"{counts['added']} ditambahkan (added), {counts['updated']} diperbarui (updated), "
        f"{counts['unchanged']} tidak berubah (unchanged), {counts['failed']} gagal (failed); "
        f"{clauses} klausul diindeks (clauses indexed)"
    )
    for item in report.failed:
        typer.echo(f"  GAGAL (failed) {item.path}: {item.reason}")
    if report.failed:
        raise typer.Exit(1)


@app.command("list")
@reporting_errors
def list_(
    jenis: Jenis = None,
    daerah: Daerah = None,
    provinsi: Provinsi = None,
    tingkat: Tingkat = None,
    tahun: Tahun = None,
    limit: Annotated[int, typer.Option(min=1, help="How many to show.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="How many to skip.")] = 0,
) -> None:
    """List the regulations in the knowledge base as a table."""
    from app.kb.store import list_regulations

    with _session() as session:
        items, total = list_regulations(
            session=session, jenis=jenis, daerah=daerah, provinsi=provinsi, tingkat=tingkat, tahun=tahun,
            offset=offset, limit=limit,
        )
    if not items:
        typer.echo("Tidak ada peraturan yang cocok (no matching regulations).")
        return
    table = Table(show_lines=False)
    table.add_column("ID", no_wrap=True)
    table.add_column("Jenis")
    table.add_column("Nomor", justify="right")
    table.add_column("Tahun", justify="right")
    table.add_column("Daerah")
    table.add_column("Judul")
    for reg in items:
        judul = reg.judul or ""
        if reg.spesimen:
            judul = f"[SPESIMEN] {judul}"
        table.add_row(reg.id, reg.jenis_singkat or reg.jenis or "", reg.nomor or "",
                      str(reg.tahun or ""), reg.daerah or "", judul)
    console = Console(width=max(_width(), 120) if not sys.stdout.isatty() else None)
    console.print(table)
    typer.echo(f"{offset + 1}-{offset + len(items)} dari (of) {total}")


@app.command()
@reporting_errors
def show(
    reg_id: Annotated[str, typer.Argument(metavar="ID", help="Regulation id (`perbup-batang-2019-23`) or provision id (`.../pasal-5`).")],
) -> None:
    """Show a regulation's metadata and its tree, indented and wrapped (or one provision)."""
    from app.kb.outline import document_lines, metadata_lines, outline_lines
    from app.kb.store import get_provision, regulation_tree

    with _session() as session:
        if "/" in reg_id:
            provision = get_provision(session=session, provision_id=reg_id)
            lines = metadata_lines(provision.regulation) + ["", f"{provision.id}", ""]
            lines += outline_lines([provision], width=_width())
        else:
            detail = regulation_tree(session=session, reg_id=reg_id)
            lines = document_lines(
                metadata=detail, body=detail.body, penjelasan=detail.penjelasan,
                lampiran=detail.lampiran, width=_width(),
            )
    typer.echo("\n".join(lines))


@app.command()
@reporting_errors
def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help='Words, "phrases", AND/OR/NOT, (brackets).')],
    jenis: Jenis = None,
    daerah: Daerah = None,
    provinsi: Provinsi = None,
    tingkat: Tingkat = None,
    tahun_min: TahunMin = None,
    tahun_max: TahunMax = None,
    bagian: Annotated[Optional[str], typer.Option(help="body, penjelasan or lampiran.")] = None,
    sort: Annotated[str, typer.Option(help="relevance or tahun (newest first).")] = "relevance",
    limit: Annotated[int, typer.Option(min=1, max=200, help="Hits per page.")] = 10,
    page: Annotated[int, typer.Option(min=1, help="Page number.")] = 1,
    as_json: AsJson = False,
) -> None:
    """Search every clause of every regulation; print the hits (or JSON)."""
    from app.index.search import SearchFilters
    from app.index.search import search as run_search
    from app.index.terminal import search_lines

    filters = SearchFilters(
        jenis=jenis, daerah=daerah, provinsi=provinsi, tingkat=tingkat,
        tahun_min=tahun_min, tahun_max=tahun_max, bagian=bagian,
    )
    result = run_search(query=query, filters=filters, page=page, per_page=limit, sort=sort)
    _show(result, as_json, search_lines)


@app.command()
@reporting_errors
def compare(
    a: Annotated[str, typer.Argument(metavar="A", help="Regulation id or file (a draft not ingested).")],
    b: Annotated[str, typer.Argument(metavar="B", help="Regulation id or file.")],
    output_format: Annotated[str, typer.Option("--format", help="text, json, csv or html (a printable report).")] = "text",
    as_json: FormatJson = False,
    out: Annotated[Optional[Path], typer.Option("--out", help="Write to this file instead of the terminal.")] = None,
) -> None:
    """Line up regulation A with B, Pasal by Pasal: pairs, merges, splits, what is only on one side."""
    from app.compare.regulations import compare as run_compare
    from app.compare.regulations import load_side
    from app.compare.report import to_csv, to_html, to_lines

    writers = {"text": lambda c: "\n".join(to_lines(c)), "json": lambda c: c.model_dump_json(indent=2),
               "csv": to_csv, "html": to_html}
    output_format = _format(output_format, as_json, list(writers))
    with _session() as session:
        comparison = run_compare(load_side(a, session), load_side(b, session))
    written = writers[output_format](comparison)
    if out is None:
        typer.echo(written.rstrip("\n"))
    else:
        out.write_text(written, encoding="utf-8")
        typer.echo(f"{output_format} -> {out}", err=True)


@app.command()
@reporting_errors
def similar(
    text: Annotated[Optional[str], typer.Argument(metavar="[TEXT]", help="A clause to find the like of (or --provision).")] = None,
    provision: Annotated[Optional[str], typer.Option(help="A provision id instead of a text: `perbup-batang-2019-23/pasal-16`.")] = None,
    jenis: Jenis = None,
    daerah: Daerah = None,
    provinsi: Provinsi = None,
    tingkat: Tingkat = None,
    tahun_min: TahunMin = None,
    tahun_max: TahunMax = None,
    limit: Annotated[int, typer.Option(min=1, max=50, help="How many clauses (one per regulation).")] = 10,
    as_json: AsJson = False,
) -> None:
    """The clauses of other regulations most like a text or a provision, with a word diff each."""
    from app.compare.report import similar_lines
    from app.compare.similar import provision_query, text_query
    from app.compare.similar import similar as run_similar
    from app.index.search import SearchFilters

    if (text is None) == (provision is None):
        raise InvalidInput("Beri TEXT atau --provision ID, salah satu (give a text or --provision, not both).")
    filters = SearchFilters(jenis=jenis, daerah=daerah, provinsi=provinsi, tingkat=tingkat,
                            tahun_min=tahun_min, tahun_max=tahun_max)
    if provision is not None:
        with _session() as session:
            query = provision_query(session, provision)
    else:
        query = text_query(text or "")
    result = run_similar(query, filters=filters, limit=limit)
    _show(result, as_json, similar_lines)


@app.command()
@reporting_errors
def coverage(
    ids: Annotated[Optional[list[str]], typer.Argument(metavar="[ID]...", help="Regulation ids (else the filters choose).")] = None,
    jenis: Jenis = None,
    daerah: Daerah = None,
    provinsi: Provinsi = None,
    tingkat: Tingkat = None,
    tahun: Tahun = None,
    topik: Annotated[Optional[str], typer.Option(help="Topic keys, comma-separated (all by default).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="At most this many regulations (filters only).")] = 20,
    output_format: Annotated[str, typer.Option("--format", help="text, json or csv.")] = "text",
    as_json: FormatJson = False,
) -> None:
    """Which Pasal of each regulation cover each topic (smart-city dimensions, SPBE, institutions)."""
    from app.compare.coverage import Selection, coverage_of
    from app.compare.report import coverage_csv
    from app.index.terminal import regulation_label

    output_format = _format(output_format, as_json, ("text", "json", "csv"))
    selection = Selection(ids=tuple(ids or ()), jenis=jenis, daerah=daerah, provinsi=provinsi, tingkat=tingkat,
                          tahun=tahun, limit=limit)
    keys = [key.strip() for key in (topik or "").split(",") if key.strip()]
    with _session() as session:
        matrix = coverage_of(session, selection, topic_keys=keys)
    if output_format == "json":
        typer.echo(matrix.model_dump_json(indent=2))
        return
    if output_format == "csv":
        typer.echo(coverage_csv(matrix).rstrip("\n"))
        return
    if not matrix.regulations:
        typer.echo("Tidak ada peraturan yang cocok (no matching regulations).")
        return
    table = Table(show_lines=False)
    table.add_column("Topik")
    for regulation in matrix.regulations:
        table.add_column(regulation_label(regulation))
    for topic in matrix.topics:
        table.add_row(topic.nama, *(", ".join(cell.pasal) or "-" for cell in topic.cells))
    Console(width=max(_width(), 120) if not sys.stdout.isatty() else None).print(table)
    typer.echo(f"Sel: Pasal yang memuat topik (cells: the Pasal covering the topic); {len(matrix.regulations)} "
               f"dari (of) {matrix.total} peraturan.")


def _by_suffix(path: Path, formats: dict[str, str], option: str) -> str:
    """The export format a file's suffix asks for; InvalidInput naming the suffixes known."""
    chosen = formats.get(path.suffix.lower())
    if chosen is None:
        raise InvalidInput(f"{option} harus berakhiran {', '.join(formats)} (unknown format): {path}")
    return chosen


@app.command()
@reporting_errors
def draft(
    source: Annotated[str, typer.Option("--from", metavar="ID_OR_FILE", help="The regulation to start from: an ingested regulation's id or a file.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Write the draft here: .docx, .txt or .html (by the extension).")],
    jenis: Jenis = None,
    daerah: Daerah = None,
    matrix: Annotated[Optional[Path], typer.Option(help="Also write the comparison matrix here: .html or .docx.")] = None,
    pasal: Annotated[Optional[str], typer.Option(help="Only these BAB, Bagian and Pasal, comma-separated node ids: `bab-1,pasal-16`.")] = None,
    judul: Annotated[Optional[str], typer.Option(help="The draft's title (else the source's, adapted).")] = None,
    tahun: Tahun = None,
) -> None:
    """Adapt a regulation into a draft for another region and kind (Lampiran II UU 12/2011); write it
    and print every change made and every flag that needs a decision. Nothing is stored."""
    from app.compare.regulations import load_side
    from app.drafting.assemble import assemble
    from app.drafting.export import report_lines, write
    from app.drafting.store import new_plan

    if not jenis or not daerah:
        raise InvalidInput("--jenis dan --daerah wajib diisi (give the draft's kind and region).")
    out_format = _by_suffix(out, {".docx": "docx", ".txt": "txt", ".html": "html"}, "--out")
    matrix_format = _by_suffix(matrix, {".html": "matrix", ".docx": "matrix-docx"}, "--matrix") if matrix else None
    picks = [item.strip() for item in (pasal or "").split(",") if item.strip()]
    with _session() as session:
        side = load_side(source, session)
        plan = new_plan(session=session, document=side.document, frame=side.regulation_id or side.ref,
                        regulation_id=side.regulation_id, jenis=jenis, daerah=daerah, picks=picks, judul=judul, tahun=tahun)
    assembled = assemble(plan)
    for path, chosen in ((out, out_format), (matrix, matrix_format)):
        if path is not None and chosen is not None:
            path.write_bytes(write(assembled, chosen))
            typer.echo(f"{chosen} -> {path}", err=True)
    typer.echo("\n".join(report_lines(assembled)))


@app.command()
@reporting_errors
def reindex(
    procs: Annotated[int, typer.Option(min=1, max=16, help="Processes that index in parallel.")] = 1,
) -> None:
    """Rebuild the search index from the database."""
    from app.index.sync import reindex as rebuild

    with _session() as session:
        report = rebuild(session=session, procs=procs)
    typer.echo(
        f"{report.clauses} klausul dari {report.regulations} peraturan diindeks dalam {report.seconds:.1f} s "
        f"({report.clauses} clauses of {report.regulations} regulations indexed)"
    )


@app.command()
@reporting_errors
def check() -> None:
    """Compare the search index with the database; exit 1 on any difference."""
    from app.index.sync import check_index

    with _session() as session:
        differences = check_index(session=session)
    if not differences:
        typer.echo("Indeks sesuai dengan basis data (the index matches the database).")
        return
    for difference in differences:
        typer.echo(f"{difference.problem:8} {difference.regulation_id}: {difference.detail}")
    typer.echo(
        f"{len(differences)} perbedaan; jalankan `selaras reindex` ({len(differences)} differences; run `selaras reindex`)."
    )
    raise typer.Exit(1)


@app.command()
@reporting_errors
def serve(
    host: Annotated[Optional[str], typer.Option(help="Address to listen on (default: SELARAS_HOST, 127.0.0.1).")] = None,
    port: Annotated[Optional[int], typer.Option(min=1, max=65535, help="Port (default: SELARAS_PORT, 8000).")] = None,
    workers: Annotated[Optional[int], typer.Option(min=1, max=64, help="Worker processes (default: SELARAS_WORKERS, 1).")] = None,
) -> None:
    """Run the web API (OpenAPI documentation at /docs)."""
    import uvicorn

    from app.config import get_settings

    settings = get_settings()
    uvicorn.run(
        "app.main:app", host=host or settings.host, port=port or settings.port, workers=workers or settings.workers,
        log_config=logging_config(level=settings.log_level, fmt=settings.log_format),
    )


def main() -> None:
    """Entry point of the ``selaras`` console script."""
    configure_logging(level="WARNING", fmt="text")
    app()
