"""The bundled corpus ingested and indexed once for the search tests (read-only for them)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from sqlmodel import Session

from app.config import get_settings
from app.db import dispose_engines, get_engine
from app.index.schema import IndexHandle, close_handles, get_handle
from app.index.sync import update_index
from app.kb.ingest import ingest_paths
from tests.conftest import CORPUS


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory holding the bundled corpus, in the database and in the index."""
    directory = tmp_path_factory.mktemp("corpus-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SELARAS_DATA_DIR", str(directory))
        get_settings.cache_clear()
        with Session(get_engine()) as session:
            report = ingest_paths(session=session, paths=[CORPUS])
            assert not report.failed, report.failed
            update_index(session=session, regulation_ids=[item.regulation_id for item in report.items if item.regulation_id])
        close_handles()
        dispose_engines()
        get_settings.cache_clear()
    yield directory


@pytest.fixture
def corpus(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[IndexHandle]:
    """Settings pointed at the indexed corpus for this test; the index handle searches it."""
    monkeypatch.setenv("SELARAS_DATA_DIR", str(corpus_dir))
    get_settings.cache_clear()
    yield get_handle()
