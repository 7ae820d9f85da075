"""Tests for app.cli through typer's CliRunner: parse, ingest, list, show, and errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def two_files(tmp_path, write_regulation):
    first = write_regulation(tmp_path / "a.txt")
    second = write_regulation(tmp_path / "b.txt", region="Semarang", nomor="5", tahun=2020)
    return first, second


def no_traceback(result) -> bool:
    return "Traceback" not in result.output and (result.exception is None or isinstance(result.exception, SystemExit))


# --- parse --------------------------------------------------------------------------------


def test_parse_json_one_file_prints_one_object(runner, two_files):
    result = runner.invoke(app, ["parse", str(two_files[0]), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["metadata"]["nomor"] == "23" and document["body"][0]["kind"] == "bab"


def test_parse_json_several_files_prints_json_lines_in_order(runner, two_files):
    result = runner.invoke(app, ["parse", str(two_files[0]), str(two_files[1]), "--json"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["metadata"]["nomor"] for line in lines] == ["23", "5"]


def test_parse_goes_on_past_an_unreadable_file(runner, two_files, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(empty), str(two_files[1]), "--json"])
    assert result.exit_code == 3  # UnreadableFile.exit_code
    assert "empty file" in result.stderr and str(empty) in result.stderr
    assert json.loads(result.stdout)["metadata"]["nomor"] == "5"
    assert no_traceback(result)


def test_parse_missing_file_exits_non_zero(runner, tmp_path):
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 4 and "not found" in result.stderr and no_traceback(result)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("rusak.pdf", b"%PDF-1.7\n1 0 obj <<", "damaged or truncated PDF"),
     ("tabel.docx", b"PK\x03\x04", "damaged ZIP/DOCX file"),
     ("gambar.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "damaged or unknown image")],
)
def test_parse_an_unreadable_pdf_docx_or_image_exits_3_without_traceback(runner, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 3 and message in result.stderr and str(path) in result.stderr and no_traceback(result)


def test_parse_a_scanned_pdf_and_a_word_draft(runner, tmp_path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from tests.conftest import regulation_text
    from tests.ingest.files import write_docx

    scan = canvas.Canvas(str(tmp_path / "pindaian.pdf"))
    scan.drawImage(ImageReader(Image.new("L", (50, 50), 255)), 72, 72, 200, 200)
    scan.save()
    draft, _ = write_docx(tmp_path / "draf.docx", regulation_text().split("\n"), numbered_ayat=True)
    result = runner.invoke(app, ["parse", str(draft), str(tmp_path / "pindaian.pdf"), "--json"])
    assert result.exit_code == 3 and no_traceback(result)
    assert "OCR found no text" in result.stderr and "pindaian.pdf" in result.stderr
    assert json.loads(result.stdout)["body"][1]["children"][0]["children"][1]["id"] == "pasal-2/ayat-2"


@pytest.fixture
def scanned(tmp_path) -> Path:
    """A one-page scan of a small Perbup, as a PDF without a text layer."""
    from tests.conftest import regulation_text
    from tests.ingest.files import scan, write_scanned_pdf

    lines = regulation_text().split("\n")
    return write_scanned_pdf(tmp_path / "pindaian.pdf", scan(lines, tmp_path / "kertas", lines_per_page=len(lines)))


def test_parse_and_ingest_count_the_pages_ocr_reads_on_stderr(runner, scanned):
    parsed = runner.invoke(app, ["parse", str(scanned), "--json"])
    assert parsed.exit_code == 0, parsed.output
    assert json.loads(parsed.stdout)["metadata"]["nomor"] == "23"
    assert parsed.stderr.splitlines() == [
        "OCR pindaian.pdf: 1 halaman akan dibaca (pages to read: 1)",
        "OCR pindaian.pdf: halaman 1/1 (page 1 of 1)",
    ]

    ingested = runner.invoke(app, ["ingest", str(scanned)])
    assert ingested.exit_code == 0, ingested.output
    assert "1 ditambahkan (added)" in ingested.stdout
    assert "OCR pindaian.pdf: halaman 1/1 (page 1 of 1)" in ingested.stderr.splitlines()


def test_ingest_an_image_without_text_fails_and_stores_nothing(runner, tmp_path, data_dir):
    from PIL import Image, ImageDraw

    picture = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(picture).rectangle((200, 200, 1000, 600), outline=0, width=8)
    picture.save(tmp_path / "logo.png")

    result = runner.invoke(app, ["ingest", str(tmp_path / "logo.png")])

    assert result.exit_code == 1 and no_traceback(result)
    assert "1 gagal (failed)" in result.stdout and "OCR found no text in the image" in result.stdout
    assert not (data_dir / "originals").exists() or not any((data_dir / "originals").rglob("*.png"))
    assert "Tidak ada peraturan" in runner.invoke(app, ["list"]).stdout


def test_parse_more_pages_to_ocr_than_the_limit_exits_2(runner, scanned, monkeypatch):
    from app.config import get_settings
    from tests.ingest.files import write_scanned_pdf

    two = write_scanned_pdf(scanned.with_name("dua.pdf"), sorted(scanned.parent.glob("kertas/pindaian/*.pgm")) * 2)
    monkeypatch.setenv("SELARAS_OCR_MAX_PAGES", "1")
    get_settings.cache_clear()

    result = runner.invoke(app, ["parse", str(two)])

    assert result.exit_code == 2 and no_traceback(result)
    assert "SELARAS_OCR_MAX_PAGES" in result.stderr and "dua.pdf" in result.stderr and "OCR dua.pdf" not in result.stderr


def test_parse_outline(runner, two_files):
    result = runner.invoke(app, ["parse", str(two_files[0])])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Peraturan Bupati Batang Nomor 23 Tahun 2019"
    assert "BAB I KETENTUAN UMUM" in lines and "  Pasal 1" in lines
    assert any(line.startswith("    1. Daerah adalah Kabupaten Batang.") for line in lines)


# --- ingest -------------------------------------------------------------------------------


def test_ingest_prints_a_summary_and_is_idempotent(runner, two_files, tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "2 ditambahkan (added), 0 diperbarui (updated), 0 tidak berubah (unchanged), 0 gagal (failed)" in result.stdout

    again = runner.invoke(app, ["ingest", str(tmp_path)])
    assert "2 tidak berubah (unchanged)" in again.stdout and again.exit_code == 0


def test_ingest_reports_each_failure_and_exits_1(runner, two_files, tmp_path, data_dir):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert "2 ditambahkan (added)" in result.stdout and "1 gagal (failed)" in result.stdout
    assert "binary.txt" in result.stdout and "binary content" in result.stdout
    assert no_traceback(result)
    assert len([p for p in (data_dir / "originals").rglob("*") if p.is_file()]) == 2  # none for the failed file


def test_ingest_file_keeps_its_original(runner, two_files, data_dir):
    import hashlib

    first = two_files[0]
    digest = hashlib.sha256(first.read_bytes()).hexdigest()
    result = runner.invoke(app, ["ingest", str(first)])
    assert result.exit_code == 0, result.output
    kept = data_dir / "originals" / digest[:2] / f"{digest}.txt"
    assert kept.read_bytes() == first.read_bytes()
    written = kept.stat().st_mtime_ns

    assert "1 tidak berubah (unchanged)" in runner.invoke(app, ["ingest", str(first)]).stdout
    assert kept.stat().st_mtime_ns == written  # not rewritten


def test_ingest_if_empty_skips_a_filled_database(runner, two_files, tmp_path):
    runner.invoke(app, ["ingest", str(two_files[0])])
    result = runner.invoke(app, ["ingest", "--if-empty", str(tmp_path)])
    assert result.exit_code == 0 and "skipped" in result.stdout
    listed = runner.invoke(app, ["list"])
    assert "perbup-semarang-2020-5" not in listed.stdout


def test_ingest_if_empty_rebuilds_an_index_of_an_older_schema(runner, two_files, tmp_path):
    from tests.index.test_sync import older_index

    from app.index.schema import get_handle

    runner.invoke(app, ["ingest", str(tmp_path)])
    older_index(get_handle())
    assert runner.invoke(app, ["check"]).exit_code == 1
    result = runner.invoke(app, ["ingest", "--if-empty"])
    assert result.exit_code == 0 and "old index rebuilt" in result.stdout
    assert runner.invoke(app, ["check"]).exit_code == 0


def test_ingest_if_empty_fills_an_empty_database(runner, two_files, tmp_path):
    result = runner.invoke(app, ["ingest", "--if-empty", str(tmp_path)])
    assert result.exit_code == 0 and "2 ditambahkan (added)" in result.stdout


# --- list and show ------------------------------------------------------------------------


@pytest.fixture
def stored(save, make_document):
    save(make_document(), "a" * 64)
    save(make_document(jenis="Undang-Undang", jenis_singkat="UU", daerah="Nasional", tingkat="nasional",
                       provinsi=None, nomor="23", tahun=2014, judul="PEMERINTAHAN DAERAH"), "b" * 64)


def test_list_prints_a_table(runner, stored):
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    assert "perbup-batang-2019-23" in result.stdout and "uu-2014-23" in result.stdout
    assert "1-2 dari (of) 2" in result.stdout


def test_list_filters(runner, stored):
    result = runner.invoke(app, ["list", "--jenis", "uu", "--tahun", "2014"])
    assert "uu-2014-23" in result.stdout and "perbup-batang-2019-23" not in result.stdout
    none = runner.invoke(app, ["list", "--daerah", "Semarang"])
    assert none.exit_code == 0 and "no matching regulations" in none.stdout


def test_show_prints_metadata_and_an_indented_tree(runner, stored):
    result = runner.invoke(app, ["show", "perbup-batang-2019-23"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Peraturan Bupati Batang Nomor 23 Tahun 2019"
    assert "tentang PENYELENGGARAAN SMART CITY KABUPATEN BATANG" in lines
    assert "BAB I KETENTUAN UMUM" in lines
    assert lines[lines.index("BAB I KETENTUAN UMUM") + 1] == "  Pasal 1"
    assert "  Bagian Kesatu Umum" in lines and "    Pasal 2" in lines
    assert any(line.startswith("      (1) Smart city diselenggarakan") for line in lines)
    assert "PENJELASAN" in lines
    assert all(len(line) <= 100 for line in lines)


def test_show_a_provision(runner, stored):
    result = runner.invoke(app, ["show", "perbup-batang-2019-23/pasal-2/ayat-2"])
    assert result.exit_code == 0, result.output
    assert "(2) Penyelenggaraan sebagaimana dimaksud pada ayat (1) meliputi:" in result.stdout
    assert "  a. smart governance;" in result.stdout


def test_show_unknown_id_exits_4_without_traceback(runner):
    result = runner.invoke(app, ["show", "perbup-tidak-ada"])
    assert result.exit_code == 4
    assert "selaras: Peraturan 'perbup-tidak-ada' tidak ditemukan (regulation not found)." in result.stderr
    assert no_traceback(result)


def test_bad_settings_are_a_message_not_a_traceback(runner, monkeypatch):
    from app.config import get_settings

    monkeypatch.setenv("SELARAS_PAGE_SIZE_MAX", "lots")
    get_settings.cache_clear()
    result = runner.invoke(app, ["ingest", "--if-empty"])
    assert result.exit_code == 2 and "invalid settings" in result.stderr and no_traceback(result)


def test_help_lists_every_command(runner):
    result = runner.invoke(app, ["--help"])
    for command in ("parse", "ingest", "list", "show", "serve"):
        assert command in result.stdout


def test_output_piped_into_a_reader_that_stops_early_is_not_an_error(tmp_path):
    """`selaras parse ... --json | head -c 10`: the closed pipe is not reported as a failure."""
    import subprocess
    import sys

    from tests.paths import SPECIMEN_TEXTS

    command = (f'"{sys.executable}" -c "from app.cli import main; main()" parse --json '
               f'"{SPECIMEN_TEXTS / "perda-jateng-2019-11-jateng-cerdas.txt"}" | head -c 10')
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60,
                            executable="/bin/bash", env={**__import__("os").environ, "SELARAS_DATA_DIR": str(tmp_path)})
    assert result.stdout.startswith("{") and len(result.stdout) == 10
    assert "error" not in result.stderr.lower() and "Traceback" not in result.stderr


# --- search, reindex, check -----------------------------------------------------------------


def test_ingest_indexes_and_search_finds_it(runner, two_files):
    result = runner.invoke(app, ["ingest", str(two_files[0].parent)])
    assert result.exit_code == 0 and "klausul diindeks" in result.output
    found = runner.invoke(app, ["search", "smart city", "--daerah", "Semarang", "--json"])
    assert found.exit_code == 0, found.output
    body = json.loads(found.output)
    assert body["total"] > 0 and {hit["regulation"]["daerah"] for hit in body["hits"]} == {"Kabupaten Semarang"}
    text = runner.invoke(app, ["search", "smart city", "--limit", "1"])
    assert text.exit_code == 0 and "«" in text.output


def test_check_finds_a_stale_index_and_reindex_repairs_it(runner, two_files, data_dir):
    assert runner.invoke(app, ["ingest", str(two_files[0])]).exit_code == 0
    assert runner.invoke(app, ["check"]).exit_code == 0
    import shutil

    shutil.rmtree(data_dir / "whoosh")
    from app.index.schema import close_handles

    close_handles()
    broken = runner.invoke(app, ["check"])
    assert broken.exit_code == 1 and "missing" in broken.output
    repaired = runner.invoke(app, ["reindex"])
    assert repaired.exit_code == 0 and "diindeks" in repaired.output
    assert runner.invoke(app, ["check"]).exit_code == 0


def test_search_bad_filter_exits_2_without_traceback(runner):
    result = runner.invoke(app, ["search", "data", "--tingkat", "desa"])
    assert result.exit_code == 2 and no_traceback(result) and "tingkat" in result.output


# --- compare -----------------------------------------------------------------------------

SPECIMEN_DIR = Path(__file__).resolve().parents[2] / "shared" / "specimens"


def test_compare_json_csv_and_html_of_two_files(runner, tmp_path):
    a, b = SPECIMEN_DIR / "perbup-batang-2019-23-smart-city.txt", SPECIMEN_DIR / "perda-jateng-2019-11-jateng-cerdas.txt"
    result = runner.invoke(app, ["compare", str(a), str(b), "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert {"a": "2", "b": "3"}.items() <= body["pairs"][1].items() and "12" not in body["only_a"]
    assert runner.invoke(app, ["compare", str(a), str(b), "--format", "csv"]).stdout.startswith("pasal_a,pasal_b")
    report = tmp_path / "laporan.html"
    assert runner.invoke(app, ["compare", str(a), str(b), "--format", "html", "--out", str(report)]).exit_code == 0
    assert "<table>" in report.read_text(encoding="utf-8")


def test_compare_bad_format_and_unknown_side(runner):
    a = str(SPECIMEN_DIR / "perbup-batang-2019-23-smart-city.txt")
    bad = runner.invoke(app, ["compare", a, a, "--format", "pdf"])
    assert bad.exit_code == 2 and "unknown format" in bad.stderr
    missing = runner.invoke(app, ["compare", a, "tidak-ada-2020-1"])
    assert missing.exit_code == 4 and "neither a file nor a regulation id" in missing.stderr


# --- similar -----------------------------------------------------------------------------


def test_similar_to_a_provision_and_to_a_text(runner, corpus):
    found = runner.invoke(app, ["similar", "--provision", "perbup-batang-2019-23/pasal-16", "--daerah", "Jawa Tengah", "--json"])
    assert found.exit_code == 0, found.output
    body = json.loads(found.stdout)
    assert body["hits"][0]["provision_id"] == "perda-prov-jawa-tengah-2019-11/pasal-27"
    text = runner.invoke(app, ["similar", "Gubernur membentuk Dewan dan Tim Pelaksana", "--limit", "2"])
    assert text.exit_code == 0 and "serupa" in text.stdout and ("{+" in text.stdout or "[-" in text.stdout)


def test_similar_needs_exactly_one_query(runner, corpus):
    for args in (["similar"], ["similar", "Dewan", "--provision", "perbup-batang-2019-23/pasal-16"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and no_traceback(result) and "--provision" in result.stderr
    missing = runner.invoke(app, ["similar", "--provision", "perbup-batang-2019-23/pasal-999"])
    assert missing.exit_code == 4 and "pasal-999" in missing.stderr


# --- coverage ----------------------------------------------------------------------------


def test_coverage_text_csv_json(runner, corpus):
    table = runner.invoke(app, ["coverage", "--provinsi", "Jawa Tengah", "--topik", "dewan-smart-city"])
    assert table.exit_code == 0, table.output
    assert "Dewan smart city" in table.stdout and "27, 28" in table.stdout
    csv_out = runner.invoke(app, ["coverage", "perbup-batang-2019-23", "--format", "csv", "--topik", "pendanaan"])
    assert csv_out.stdout.splitlines() == ["kunci,nama,kelompok,perbup-batang-2019-23", "pendanaan,Pendanaan,Pelaksanaan,4 13 34"]
    body = json.loads(runner.invoke(app, ["coverage", "perbup-batang-2019-23", "--json"]).stdout)
    assert body["regulations"][0]["id"] == "perbup-batang-2019-23"
    bad = runner.invoke(app, ["coverage", "--topik", "nope"])
    assert bad.exit_code == 2 and "unknown topic" in bad.stderr
    assert runner.invoke(app, ["coverage", "tidak-ada"]).exit_code == 4


# --- draft -------------------------------------------------------------------------------


def test_draft_from_a_file_writes_the_docx_and_the_matrix_and_prints_changes_and_flags(runner, tmp_path):
    import docx

    out, matrix = tmp_path / "rancangan.docx", tmp_path / "matriks.html"
    result = runner.invoke(app, ["draft", "--from", str(SPECIMEN_DIR / "perbup-batang-2019-23-smart-city.txt"),
                                 "--jenis", "Perda Provinsi", "--daerah", "Provinsi Jawa Tengah", "-o", str(out),
                                 "--matrix", str(matrix), "--tahun", "2025"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Rancangan Peraturan Daerah Provinsi Jawa Tengah tentang Penyelenggaraan Smart City Provinsi Jawa Tengah"
    assert "  pasal-1/angka-3  Bupati Batang -> Gubernur Jawa Tengah  [kepala-daerah]" in lines
    assert any(line.startswith("  pasal-17/ayat-1/huruf-d/angka-2  [daerah-sumber] Batang:") for line in lines)
    assert f"docx -> {out}" in result.stderr and f"matrix -> {matrix}" in result.stderr
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "PERATURAN DAERAH PROVINSI JAWA TENGAH" in paragraphs and "Pasal 36" in paragraphs
    assert "<th>Rancangan</th><th>Sumber</th><th>Perubahan</th>" in matrix.read_text(encoding="utf-8")


def test_draft_from_an_ingested_regulation_chosen_pasal_as_text(runner, tmp_path):
    from app.structure.parser import parse_text

    assert runner.invoke(app, ["ingest", str(SPECIMEN_DIR / "perda-jateng-2019-11-jateng-cerdas.txt")]).exit_code == 0
    out = tmp_path / "rancangan.txt"
    result = runner.invoke(app, ["draft", "--from", "perda-prov-jawa-tengah-2019-11", "--jenis", "Perbup",
                                 "--daerah", "Kendal", "--pasal", "bab-1,pasal-27,pasal-28", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = parse_text(out.read_text(encoding="utf-8"))
    assert document.metadata.jenis == "Peraturan Bupati" and document.metadata.daerah == "Kabupaten Kendal"
    assert [n.num for n in document.body] == ["I", "II", "III"]  # KETENTUAN UMUM, KELEMBAGAAN, a Ketentuan Penutup
    assert "sebagaimana dimaksud dalam Pasal 2 ayat (1) huruf a" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "code", "message"), [
    (["-o", "x.pdf"], 2, "unknown format"),
    (["-o", "x.docx", "--matrix", "m.txt"], 2, "unknown format"),
    (["-o", "x.docx", "--jenis", "UU"], 2, "must be a Perda"),
    (["-o", "x.docx", "--daerah", "Kabupaten Kendal"], 2, "another level"),
    (["-o", "x.docx", "--pasal", "pasal-99"], 4, "pasal-99"),
])
def test_draft_bad_input_exits_with_a_message(runner, tmp_path, args, code, message):
    base = ["draft", "--from", str(SPECIMEN_DIR / "perbup-batang-2019-23-smart-city.txt"), "--jenis", "Perda Provinsi",
            "--daerah", "Provinsi Jawa Tengah"]
    result = runner.invoke(app, [*base, *[str(tmp_path / a) if a.endswith((".pdf", ".docx", ".txt")) else a for a in args]])
    assert result.exit_code == code and message in result.stderr and no_traceback(result), result.output


def test_draft_unknown_source_or_no_target(runner, tmp_path):
    missing = runner.invoke(app, ["draft", "--from", "tidak-ada-2020-1", "--jenis", "Perda", "--daerah", "Jawa Tengah",
                                  "-o", str(tmp_path / "x.docx")])
    assert missing.exit_code == 4 and "neither a file nor a regulation id" in missing.stderr
    untargeted = runner.invoke(app, ["draft", "--from", "x", "-o", str(tmp_path / "x.docx")])
    assert untargeted.exit_code == 2 and "kind and region" in untargeted.stderr
