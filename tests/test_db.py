"""Tests for app.db: the migrations give the models' schema on SQLite and PostgreSQL, processes
starting together migrate once, and a database made by an older Selaras (before migrations,
without the columns added since) still opens, gets them, and ingests."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import Session, SQLModel

from app.db import dispose_engines, get_engine, migrate
from app.errors import SelarasError
from app.kb.ingest import ingest_paths
from app.kb.originals import kept_original
from app.kb.store import get_regulation


def columns(table: str) -> set[str]:
    return {column["name"] for column in inspect(get_engine()).get_columns(table)}


#: the tables of a database made before migrations existed
FIRST_TABLES = {"regulation", "provision", "definitionentry", "referenceentry"}


def head_revision() -> str:
    return ScriptDirectory(str(Path(migrate.__code__.co_filename).parent / "migrations")).get_current_head()


def revision() -> str:
    with get_engine().connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def drop_columns(data_dir: Path, *names: str) -> None:
    """Turn the database into one made by ``create_all`` before migrations and before ``names``
    existed: no ``alembic_version``, fewer columns (SQLite >= 3.35)."""
    dispose_engines()
    with sqlite3.connect(data_dir / "selaras.db") as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in sorted(tables - FIRST_TABLES):  # alembic_version, and those added by later migrations
            connection.execute(f"DROP TABLE {table}")
        for name in names:
            connection.execute(f"ALTER TABLE regulation DROP COLUMN {name}")
    connection.close()


@pytest.mark.databases
def test_the_migrated_schema_is_the_models(database: str) -> None:
    with get_engine().connect() as connection:
        assert connection.dialect.name == database
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
    assert revision() == head_revision()


@pytest.mark.databases
def test_migrating_again_changes_nothing(session: Session, save, make_document) -> None:
    save(make_document(), "a" * 64)
    dispose_engines()
    migrate(get_engine())
    with Session(get_engine()) as again:
        assert again.exec(text("SELECT count(*) FROM regulation")).one()[0] == 1  # type: ignore[call-overload]
    assert revision() == head_revision()


def _open_database(_: int) -> str:
    dispose_engines()
    return revision()


@pytest.mark.databases
def test_processes_starting_together_migrate_once(data_dir: Path) -> None:
    """Uvicorn's workers open a new database at the same moment: each waits for the lock."""
    with multiprocessing.get_context("fork").Pool(4) as pool:
        assert pool.map(_open_database, range(4)) == [head_revision()] * 4


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


def test_a_database_from_before_migrations_is_taken_over(data_dir: Path) -> None:
    get_engine()
    drop_columns(data_dir)  # every column there: only the version is missing
    assert revision() == head_revision()
    with get_engine().connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_a_missing_required_column_is_a_clear_error(data_dir: Path) -> None:
    get_engine()
    drop_columns(data_dir, "warnings")  # NOT NULL: cannot be added empty

    with pytest.raises(SelarasError, match=r"regulation\.warnings"):
        get_engine()
