"""Tests for app.kb.ingest: files and folders into the store with the real parser, idempotently,
recording every failure and never storing half a regulation."""

from __future__ import annotations

import doctest
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, func, select

import app.kb.ingest
from app.db import get_engine
from app.kb.ingest import collect_files, ingest_paths
from app.kb.store import get_regulation
from app.models import Provision, Regulation

pytestmark = pytest.mark.databases  # every test on SQLite and on PostgreSQL


CORPUS = Path(__file__).resolve().parents[2] / "corpus"
BINARY = bytes(range(256)) * 4 + b"\x00\x00PK"


def count(session: Session, table: type) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def statuses(report) -> dict[str, str]:
    return {item.path.name: item.status for item in report.items}


@pytest.fixture
def folder(tmp_path, write_regulation):
    root = tmp_path / "regs"
    write_regulation(root / "perbup-batang-2019-23.txt")
    write_regulation(root / "sub" / "perbup-semarang-2020-5.txt", region="Semarang", nomor="5", tahun=2020,
                     sidecar={"sumber": "JDIH Kabupaten Semarang", "keaslian": "salinan"})
    (root / "README.md").write_text("# not a regulation\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (root / "notes.xlsx").write_bytes(b"PK\x03\x04 not walked: a spreadsheet")
    return root


def test_collect_walks_folders_for_regulation_files_only(folder, tmp_path):
    files, missing = collect_files([folder, folder / "perbup-batang-2019-23.txt", tmp_path / "nope"])
    assert [f.name for f in files] == ["perbup-batang-2019-23.txt", "perbup-semarang-2020-5.txt"]
    assert [m.path.name for m in missing] == ["nope"]


def test_the_originals_folder_is_never_walked(session, folder, tmp_path, data_dir):
    ingest_paths(session=session, paths=[folder])
    assert len(list((data_dir / "originals").rglob("*.txt"))) == 2

    files, _ = collect_files([tmp_path])  # the data folder is inside: its originals are stored already

    assert [f.name for f in files] == ["perbup-batang-2019-23.txt", "perbup-semarang-2020-5.txt"]


def test_a_folder_of_pdf_docx_and_html_files_is_ingested(session, tmp_path):
    from tests.conftest import regulation_text
    from tests.ingest.files import html_page, write_docx, write_pdf

    root = tmp_path / "unduhan"
    root.mkdir()
    write_pdf(root / "perbup-batang-2019-23.pdf", regulation_text().split("\n"))
    write_docx(root / "perbup-semarang-2020-5.docx", regulation_text(region="Semarang", nomor="5", tahun=2020).split("\n"))
    (root / "perbup-kendal-2021-7.html").write_text(html_page(regulation_text(region="Kendal", nomor="7", tahun=2021).split("\n")), encoding="utf-8")
    (root / "perbup-demak-2022-9.HTM").write_text(html_page(regulation_text(region="Demak", nomor="9", tahun=2022).split("\n")), encoding="utf-8")

    report = ingest_paths(session=session, paths=[root])

    assert report.counts() == {"added": 4, "updated": 0, "unchanged": 0, "failed": 0}, report.failed
    assert sorted(item.regulation_id for item in report.items) == [
        "perbup-batang-2019-23", "perbup-demak-2022-9", "perbup-kendal-2021-7", "perbup-semarang-2020-5"]
    for reg_id in ("perbup-batang-2019-23", "perbup-semarang-2020-5", "perbup-kendal-2021-7", "perbup-demak-2022-9"):
        assert session.get(Provision, f"{reg_id}/pasal-2/ayat-2") is not None


def test_ingest_adds_then_is_unchanged(session, folder):
    progress = []
    report = ingest_paths(session=session, paths=[folder], on_progress=lambda item, done, total: progress.append((done, total)))

    assert report.counts() == {"added": 2, "updated": 0, "unchanged": 0, "failed": 0}
    assert progress == [(1, 2), (2, 2)]
    assert {item.regulation_id for item in report.items} == {"perbup-batang-2019-23", "perbup-semarang-2020-5"}
    semarang = get_regulation(session=session, reg_id="perbup-semarang-2020-5")
    assert semarang.sumber == "JDIH Kabupaten Semarang" and semarang.keaslian == "salinan"
    assert semarang.source_path == str((folder / "sub" / "perbup-semarang-2020-5.txt").resolve())
    assert len(semarang.content_hash) == 64
    assert session.get(Provision, "perbup-batang-2019-23/pasal-2/ayat-1") is not None
    provisions = count(session, Provision)

    again = ingest_paths(session=session, paths=[folder])

    assert again.counts() == {"added": 0, "updated": 0, "unchanged": 2, "failed": 0}
    assert count(session, Regulation) == 2 and count(session, Provision) == provisions


def test_a_changed_file_updates_its_regulation_with_the_same_id(session, folder, write_regulation):
    ingest_paths(session=session, paths=[folder])
    write_regulation(folder / "perbup-batang-2019-23.txt", pasal_2="Smart city diselenggarakan secara bertahap.")

    report = ingest_paths(session=session, paths=[folder])

    assert statuses(report) == {"perbup-batang-2019-23.txt": "updated", "perbup-semarang-2020-5.txt": "unchanged"}
    assert report.updated[0].regulation_id == "perbup-batang-2019-23"
    assert count(session, Regulation) == 2
    ayat = session.get(Provision, "perbup-batang-2019-23/pasal-2/ayat-1")
    session.refresh(ayat)
    assert "bertahap" in ayat.text


def test_a_changed_sidecar_updates_the_metadata(session, folder):
    ingest_paths(session=session, paths=[folder])
    sidecar = folder / "sub" / "perbup-semarang-2020-5.json"
    sidecar.write_text(json.dumps({"sumber": "JDIH", "status": "dicabut"}), encoding="utf-8")

    report = ingest_paths(session=session, paths=[folder])

    assert statuses(report)["perbup-semarang-2020-5.txt"] == "updated"
    regulation = get_regulation(session=session, reg_id="perbup-semarang-2020-5")
    session.refresh(regulation)
    assert regulation.status == "dicabut"


def test_bad_files_fail_with_a_reason_and_the_rest_are_added(session, folder, tmp_path):
    (folder / "binary.txt").write_bytes(BINARY)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n", encoding="utf-8")
    (folder / "broken-sidecar.txt").write_text("PERATURAN BUPATI BATANG\nPasal 1\nTeks.", encoding="utf-8")
    (folder / "broken-sidecar.json").write_text("{not json", encoding="utf-8")
    (folder / "bad-year.txt").write_text("PERATURAN BUPATI BATANG\nPasal 1\nTeks.", encoding="utf-8")
    (folder / "bad-year.json").write_text('{"tahun": "kemarin"}', encoding="utf-8")

    report = ingest_paths(session=session, paths=[folder, tmp_path / "missing-folder"])

    assert report.counts()["added"] == 2 and report.counts()["failed"] == 6
    reasons = {item.path.name: item.reason for item in report.failed}
    assert "binary" in reasons["binary.txt"]
    assert "kosong" in reasons["empty.txt"] and "empty" in reasons["empty.txt"]
    assert "empty" in reasons["blank.md"]
    assert "JSON" in reasons["broken-sidecar.txt"]
    assert "tahun" in reasons["bad-year.txt"]
    assert "not found" in reasons["missing-folder"]
    assert count(session, Regulation) == 2


def test_a_crash_mid_save_stores_nothing_of_that_file(session, folder, write_regulation):
    ingest_paths(session=session, paths=[folder / "perbup-batang-2019-23.txt"])
    before = count(session, Provision)
    write_regulation(folder / "perbup-batang-2019-23.txt", pasal_2="Versi yang tidak pernah tersimpan.")
    engine = get_engine()

    def crash_on_provisions(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO provision"):
            raise OperationalError(statement, parameters, Exception("disk I/O error (simulated)"))

    event.listen(engine, "before_cursor_execute", crash_on_provisions)
    try:
        report = ingest_paths(session=session, paths=[folder])
    finally:
        event.remove(engine, "before_cursor_execute", crash_on_provisions)

    assert statuses(report) == {"perbup-batang-2019-23.txt": "failed", "perbup-semarang-2020-5.txt": "failed"}
    assert all("disk I/O error" in item.reason for item in report.failed)
    session.expire_all()
    assert count(session, Regulation) == 1  # the new one was not half-stored
    assert count(session, Provision) == before  # the old version is whole
    ayat = session.get(Provision, "perbup-batang-2019-23/pasal-2/ayat-1")
    assert "tidak pernah" not in ayat.text

    after = ingest_paths(session=session, paths=[folder])  # once the disk is back, both go in
    assert after.counts() == {"added": 1, "updated": 1, "unchanged": 0, "failed": 0}


def test_a_sidecar_given_as_a_file_is_refused(session, folder):
    report = ingest_paths(session=session, paths=[folder / "sub" / "perbup-semarang-2020-5.json"])
    assert report.failed and "sidecar" in report.failed[0].reason


def test_the_bundled_corpus_ingests_whole(session, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)

    report = ingest_paths(session=session, paths=[corpus])

    assert [(item.path.name, item.reason) for item in report.failed] == []
    assert report.counts()["added"] == 23
    ids = {item.regulation_id for item in report.items}
    assert {"uu-2014-23", "pp-2016-18", "perpres-2022-132", "perbup-batang-2019-23", "perbup-batang-2021-8",
            "perda-prov-jawa-tengah-2019-11"} <= ids
    specimen = get_regulation(session=session, reg_id="perda-prov-jawa-tengah-2019-11")
    assert specimen.spesimen is True and specimen.keaslian.startswith("SPESIMEN")
    national = get_regulation(session=session, reg_id="uu-2014-23")
    assert national.spesimen is False and "mblonyox/data-peraturan" in national.sumber
    assert national.judul == "Pemerintahan Daerah"

    assert ingest_paths(session=session, paths=[corpus]).counts()["unchanged"] == 23


def test_docstring_examples():
    result = doctest.testmod(app.kb.ingest)
    assert result.attempted and not result.failed
