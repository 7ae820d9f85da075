"""The database: one engine per URL from ``Settings.sqlalchemy_url``, and a session per request.

The default is an SQLite file ``selaras.db`` in ``Settings.data_dir`` (created when missing),
opened with WAL journaling (readers do not block the writer) and foreign keys enforced (so
deleting a regulation deletes its provisions). Tables are created the first time an engine is
asked for, so every entry point (API, CLI, tests) finds them; a database made by an older Selaras
gets the nullable columns added since then (``add_missing_columns``).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel, create_engine

from app.config import get_settings
from app.errors import SelarasError

logger = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
    finally:
        cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for an SQLite file, its folder is created and WAL + foreign keys set."""
    parsed = make_url(url)
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        connect_args["check_same_thread"] = False  # FastAPI runs sync routes in a thread pool
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args=connect_args)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def create_db(engine: Engine) -> None:
    """Create the tables that do not exist yet, and the columns missing from those that do (idempotent)."""
    import app.models  # noqa: F401  (registers the tables on SQLModel.metadata)

    SQLModel.metadata.create_all(engine)
    add_missing_columns(engine)


def add_missing_columns(engine: Engine) -> list[str]:
    """Add the nullable columns the tables have in ``app.models`` but not yet in the database;
    returns them as ``table.column``.

    ``create_all`` creates a missing table but never changes one that exists, so a database made
    before a column was added lacks it (``regulation.original_format``, added when originals
    began to be kept). The column is added empty (NULL) for the rows already there. A missing
    column that may not be NULL cannot be added so; that stops with a message.
    """
    added: list[str] = []
    with engine.begin() as connection:
        inspector = inspect(connection)
        preparer = connection.dialect.identifier_preparer
        for table in SQLModel.metadata.sorted_tables:
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name in present:
                    continue
                if not column.nullable:
                    raise SelarasError(
                        f"Basis data terlalu lama: kolom wajib {table.name}.{column.name} tidak ada "
                        f"(the database is too old: required column {table.name}.{column.name} is missing); "
                        "buat ulang basis data (recreate it: empty SELARAS_DATA_DIR and ingest again)."
                    )
                connection.execute(text(
                    f"ALTER TABLE {preparer.format_table(table)} ADD COLUMN {preparer.format_column(column)} "
                    f"{column.type.compile(dialect=connection.dialect)}"
                ))
                added.append(f"{table.name}.{column.name}")
                logger.info("database: column %s.%s added", table.name, column.name)
    return added


_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


def get_engine() -> Engine:
    """The engine for the current settings (one per URL, tables created on first use)."""
    url = get_settings().sqlalchemy_url
    with _LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = make_engine(url)
            try:
                create_db(engine)
            except BaseException:
                engine.dispose()
                raise
            _ENGINES[url] = engine
            logger.debug("database ready at %s", engine.url.render_as_string(hide_password=True))
    return engine


def dispose_engines() -> None:
    """Close every pooled connection and forget the engines (tests, and after changing settings)."""
    with _LOCK:
        engines = list(_ENGINES.values())
        _ENGINES.clear()
    for engine in engines:
        engine.dispose()


def get_session() -> Iterator[Session]:
    """A session for one request or one command (FastAPI dependency)."""
    with Session(get_engine()) as session:
        yield session
