"""The database: one engine per URL from ``Settings.sqlalchemy_url``, and a session per request.

The default is an SQLite file ``selaras.db`` in ``Settings.data_dir`` (created when missing),
opened with WAL journaling (readers do not block the writer) and foreign keys enforced (so
deleting a regulation deletes its provisions); any other SQLAlchemy URL works, PostgreSQL
(``postgresql+psycopg://...``) being the one tested. The first time an engine is asked for, the
Alembic migrations of ``app.migrations`` bring the database to this version's schema
(``migrate``), so every entry point (API, CLI, tests) finds it up to date, a database made by an
older Selaras included.
"""

from __future__ import annotations

import fcntl
import logging
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from app.config import get_settings

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


def migrate(engine: Engine) -> None:
    """Bring the database to this version's schema with the Alembic migrations of
    ``app.migrations`` (idempotent). Processes starting together (uvicorn workers) migrate one
    after the other: a file lock beside an SQLite file, an advisory lock on PostgreSQL."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with _migration_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


#: the advisory lock PostgreSQL migrations take (any constant; "selaras" in ASCII)
_PG_LOCK_KEY = 0x73656C61726173


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


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
                migrate(engine)
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
