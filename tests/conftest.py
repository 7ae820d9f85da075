"""Shared fixtures: a fresh data directory per test, a database session, an API client, and a
factory of small hand-built Documents (so the store, the API and the CLI are tested without
depending on the parser's output)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import get_settings
from app.db import dispose_engines, get_engine
from app.index.schema import IndexHandle, close_handles, get_handle
from app.structure.tree import Definition, Document, Item, Metadata, Node, Reference
from tests.keys import KEY, OTHER_KEY

CHECKOUT = Path(__file__).resolve().parent.parent
CORPUS = CHECKOUT / "corpus"
#: the server scripts/test starts (scripts/test-postgres); unset: the PostgreSQL runs are skipped
POSTGRES_URL = os.environ.get("SELARAS_TEST_POSTGRES_URL")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "databases: run the test on SQLite and on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("databases"):
        metafunc.parametrize("database", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own ``SELARAS_DATA_DIR`` (so its own SQLite file), never ``indexes/``."""
    directory = tmp_path / "data"
    monkeypatch.setenv("SELARAS_DATA_DIR", str(directory))
    monkeypatch.delenv("SELARAS_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield directory
    close_handles()
    dispose_engines()
    get_settings.cache_clear()


def _empty_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")


@pytest.fixture(autouse=True)
def database(request: pytest.FixtureRequest, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The database the test runs on: the SQLite file of ``data_dir``, or (tests marked
    ``databases``, run twice) the PostgreSQL server of ``scripts/test``, emptied afterwards."""
    kind = getattr(request, "param", "sqlite")
    if kind == "sqlite":
        yield kind
        return
    if not POSTGRES_URL:
        pytest.skip("no PostgreSQL server (scripts/test starts one: SELARAS_TEST_POSTGRES_URL)")
    monkeypatch.setenv("SELARAS_DATABASE_URL", POSTGRES_URL)
    get_settings.cache_clear()
    yield kind
    dispose_engines()
    _empty_postgres(POSTGRES_URL)


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two API keys configured (``tests.keys.KEY`` and ``OTHER_KEY``)."""
    monkeypatch.setenv("SELARAS_API_KEYS", f"{KEY}, {OTHER_KEY}")
    get_settings.cache_clear()


@pytest.fixture
def session() -> Iterator[Session]:
    with Session(get_engine()) as db_session:
        yield db_session


@pytest.fixture
def client() -> Iterator[TestClient]:
    from app.main import create_app

    with TestClient(create_app()) as test_client:
        yield test_client


def build_document(
    *,
    jenis: str | None = "Peraturan Bupati",
    jenis_singkat: str | None = "Perbup",
    daerah: str | None = "Kabupaten Batang",
    tingkat: str | None = "kabupaten",
    provinsi: str | None = "Provinsi Jawa Tengah",
    nomor: str | None = "23",
    tahun: int | None = 2019,
    judul: str | None = "PENYELENGGARAAN SMART CITY KABUPATEN BATANG",
    pasal_3: str = "Pelaksanaan sebagaimana dimaksud dalam Pasal 2 ayat (1) dikoordinasikan oleh Dinas.",
    with_ids: bool = True,
    definitions: list[Definition] | None = None,
) -> Document:
    """A small regulation, shaped like the parser's output::

        BAB I KETENTUAN UMUM
          Pasal 1  Dalam Peraturan Bupati ini yang dimaksud dengan:
            1. Daerah adalah Kabupaten Batang.
            2. Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE ...
        BAB II PENYELENGGARAAN
          Bagian Kesatu Umum
            Pasal 2
              (1) Smart city diselenggarakan ...
              (2) ... meliputi:
                a. smart governance;
                b. smart economy.
          Pasal 3  <pasal_3>
        PENJELASAN: I. UMUM; Pasal 2 Cukup jelas.
    """

    def node(kind: str, num: str | None, node_id: str, *, heading: str | None = None, text: str = "",
             children: list[Node] | None = None, explains: str | None = None) -> Node:
        return Node(kind=kind, num=num, heading=heading, text=text, children=children or [],
                    id=node_id if with_ids else "", explains=explains)

    body = [
        node("bab", "I", "bab-1", heading="KETENTUAN UMUM", children=[
            node("pasal", "1", "pasal-1", text="Dalam Peraturan Bupati ini yang dimaksud dengan:", children=[
                node("angka", "1", "pasal-1/angka-1", text="Daerah adalah Kabupaten Batang."),
                node("angka", "2", "pasal-1/angka-2", text=(
                    "Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE adalah "
                    "penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi dan komunikasi "
                    "untuk memberikan layanan kepada pengguna SPBE.")),
            ]),
        ]),
        node("bab", "II", "bab-2", heading="PENYELENGGARAAN", children=[
            node("bagian", "Kesatu", "bab-2/bagian-1", heading="Umum", children=[
                node("pasal", "2", "pasal-2", children=[
                    node("ayat", "1", "pasal-2/ayat-1",
                         text="Smart city diselenggarakan oleh Pemerintah Daerah secara terpadu dan berkelanjutan."),
                    node("ayat", "2", "pasal-2/ayat-2",
                         text="Penyelenggaraan sebagaimana dimaksud pada ayat (1) meliputi:", children=[
                             node("huruf", "a", "pasal-2/ayat-2/huruf-a", text="smart governance;"),
                             node("huruf", "b", "pasal-2/ayat-2/huruf-b", text="smart economy."),
                         ]),
                ]),
            ]),
            node("pasal", "3", "pasal-3", text=pasal_3),
        ]),
    ]
    penjelasan = [
        node("umum", "I", "penjelasan/umum", text="Penyelenggaraan smart city memerlukan landasan hukum."),
        node("pasal", "2", "penjelasan/pasal-2", text="Cukup jelas.", explains="pasal-2"),
    ]
    return Document(
        metadata=Metadata(jenis=jenis, jenis_singkat=jenis_singkat, nomor=nomor, tahun=tahun, judul=judul,
                          daerah=daerah, tingkat=tingkat, provinsi=provinsi),
        menimbang=[Item(num="a", text="bahwa untuk mewujudkan tata kelola pemerintahan yang efektif;")],
        body=body,
        penjelasan=penjelasan,
        definitions=definitions if definitions is not None else [
            Definition(term="Daerah", definition="Kabupaten Batang.", provision_id="pasal-1/angka-1"),
            Definition(term="Sistem Pemerintahan Berbasis Elektronik", definition="penyelenggaraan pemerintahan ...",
                       provision_id="pasal-1/angka-2", abbreviation="SPBE"),
        ],
        references=[
            Reference(source_id="pasal-2/ayat-2", text="ayat (1)", target_id="pasal-2/ayat-1", resolved=True),
            Reference(source_id="pasal-3", text="Pasal 2 ayat (1)", target_id="pasal-2/ayat-1", resolved=True),
        ],
        warnings=["contoh peringatan"],
    )


@pytest.fixture
def make_document() -> Callable[..., Document]:
    """``make_document(nomor="5", daerah=...)``: see ``build_document``."""
    return build_document


@pytest.fixture
def save(session: Session) -> Callable[..., Any]:
    """``save(document, content_hash="...", **kwargs)`` -> (Regulation, status), through the real store."""
    from app.kb.store import save_document

    def _save(document: Document, content_hash: str, **kwargs: Any) -> Any:
        return save_document(session=session, document=document, content_hash=content_hash, **kwargs)

    return _save


# A minimal regulation text the real parser reads; used by the ingest and CLI tests.
REGULATION_TEXT = """\
PERATURAN BUPATI {region_upper}
NOMOR {nomor} TAHUN {tahun}

TENTANG

{judul}

DENGAN RAHMAT TUHAN YANG MAHA ESA

BUPATI {region_upper},

Menimbang : a. bahwa untuk mewujudkan tata kelola pemerintahan yang baik perlu menetapkan Peraturan Bupati tentang {judul_lower};

Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;

MEMUTUSKAN:

Menetapkan : PERATURAN BUPATI TENTANG {judul}.

BAB I
KETENTUAN UMUM

Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Daerah adalah Kabupaten {region}.
2. Bupati adalah Bupati {region}.

BAB II
PENYELENGGARAAN

Pasal 2
(1) {pasal_2}
(2) Penyelenggaraan sebagaimana dimaksud pada ayat (1) dikoordinasikan oleh Dinas.

BAB III
KETENTUAN PENUTUP

Pasal 3
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.

Ditetapkan di {region}
pada tanggal 1 Juli {tahun}

BUPATI {region_upper},

ttd

NAMA BUPATI
"""


def regulation_text(*, region: str = "Batang", nomor: str = "23", tahun: int = 2019,
                    judul: str = "PENYELENGGARAAN SMART CITY",
                    pasal_2: str = "Smart city diselenggarakan oleh Pemerintah Daerah.") -> str:
    return REGULATION_TEXT.format(
        region=region, region_upper=region.upper(), nomor=nomor, tahun=tahun, judul=judul,
        judul_lower=judul.lower(), pasal_2=pasal_2,
    )


@pytest.fixture
def write_regulation() -> Callable[..., Path]:
    """``write_regulation(folder / "x.txt", nomor=..., sidecar={...})`` writes a small Perbup text."""
    import json

    def _write(path: Path, *, sidecar: dict[str, Any] | None = None, **fields: Any) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(regulation_text(**fields), encoding="utf-8")
        if sidecar is not None:
            path.with_suffix(".json").write_text(json.dumps(sidecar), encoding="utf-8")
        return path

    return _write


# --- the bundled corpus, ingested and indexed once (read-only for the tests using it) -------


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory holding the bundled corpus, in the database and in the index."""
    directory = tmp_path_factory.mktemp("corpus-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SELARAS_DATA_DIR", str(directory))
        get_settings.cache_clear()
        with Session(get_engine()) as session:
            from app.index.sync import update_index
            from app.kb.ingest import ingest_paths

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
