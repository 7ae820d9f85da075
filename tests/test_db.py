"""Tests for app.db: a database made by an older Selaras, without the columns added since, still
opens, gets them, and ingests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlmodel import Session

from app.db import add_missing_columns, dispose_engines, get_engine
from app.errors import SelarasError
from app.kb.ingest import ingest_paths
from app.kb.originals import kept_original
from app.kb.store import get_regulation


def columns(table: str) -> set[str]:
    return {column["name"] for column in inspect(get_engine()).get_columns(table)}


def drop_columns(data_dir: Path, *names: str) -> None:
    """Turn the database into one of the schema before ``names`` existed (SQLite >= 3.35)."""
    dispose_engines()
    with sqlite3.connect(data_dir / "selaras.db") as connection:
        for name in names:
            connection.execute(f"ALTER TABLE regulation DROP COLUMN {name}")
    connection.close()


@pytest.fixture
def old_database(data_dir: Path, tmp_path: Path, write_regulation) -> Path:
    """The database of a Selaras from before originals were kept, holding one regulation: the
    schema without ``regulation.original_format``, and no originals folder."""
    first = write_regulation(tmp_path / "regs" / "perbup-batang-2019-23.txt")
    with Session(get_engine()) as session:
        assert ingest_paths(session=session, paths=[first]).counts()["added"] == 1
    drop_columns(data_dir, "original_format")
    for path in sorted((data_dir / "originals").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    with sqlite3.connect(data_dir / "selaras.db") as connection:
        names = {row[1] for row in connection.execute("PRAGMA table_info(regulation)")}
    connection.close()
    assert "original_format" not in names and "content_hash" in names
    return first


def test_an_old_database_opens_gets_the_column_and_ingests(old_database: Path, tmp_path: Path, write_regulation) -> None:
    assert "original_format" in columns("regulation")  # added when the engine started
    second = write_regulation(tmp_path / "regs" / "perbup-semarang-2020-5.txt", region="Semarang", nomor="5", tahun=2020)

    with Session(get_engine()) as session:
        old = get_regulation(session=session, reg_id="perbup-batang-2019-23")
        assert old.original_format is None and old.nomor == "23"  # the row is whole, without an original
        report = ingest_paths(session=session, paths=[second])
        assert report.counts()["added"] == 1, report.failed
        new = get_regulation(session=session, reg_id="perbup-semarang-2020-5")
        assert kept_original(new).path.read_bytes() == second.read_bytes()

        again = ingest_paths(session=session, paths=[old_database])  # the same bytes: now its original is kept
        assert again.counts()["updated"] == 1
        assert kept_original(get_regulation(session=session, reg_id="perbup-batang-2019-23")).path.read_bytes() \
            == old_database.read_bytes()
        assert ingest_paths(session=session, paths=[old_database]).counts()["unchanged"] == 1


def test_adding_missing_columns_is_idempotent(data_dir: Path) -> None:
    engine = get_engine()
    assert add_missing_columns(engine) == []
    drop_columns(data_dir, "original_format")
    engine = get_engine()  # a new engine adds it on start
    assert "original_format" in columns("regulation")
    assert add_missing_columns(engine) == []


def test_a_missing_required_column_is_a_clear_error(data_dir: Path) -> None:
    get_engine()
    drop_columns(data_dir, "warnings")  # NOT NULL: cannot be added empty

    with pytest.raises(SelarasError, match=r"regulation\.warnings"):
        get_engine()
