"""Crash safety: an ingest killed (SIGKILL) at any point leaves the database and the search index
consistent or repairable; `selaras check` finds what differs, `selaras reindex` repairs it, and
the ingest run again completes. Readers keep searching while an ingest writes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS

#: a few small regulations with their sidecars: long enough to be killed in the middle
FILES = [
    *sorted((CORPUS / "spesimen").glob("*.txt")),
    *(CORPUS / "national" / f"{name}.txt" for name in (
        "perpres-2022-132-arsitektur-spbe-nasional", "perpres-2023-82-percepatan-transformasi-digital",
        "pp-2010-61-pelaksanaan-uu-kip", "pp-2018-17-kecamatan", "uu-2016-19-perubahan-uu-ite",
    )),
]


def selaras(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "SELARAS_DATA_DIR": str(data_dir)}
    env.pop("SELARAS_DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    process = selaras(data_dir, *args)
    stdout, stderr = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("texts")
    for path in FILES:
        shutil.copy(path, folder / path.name)
        sidecar = path.with_suffix(".json")
        if sidecar.exists():
            shutil.copy(sidecar, folder / sidecar.name)
    return folder


@pytest.fixture(scope="module")
def clean_run(texts: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[float, dict]:
    """How long an ingest of ``texts`` takes uninterrupted, and what a search then finds."""
    data_dir = tmp_path_factory.mktemp("clean")
    started = time.perf_counter()
    assert run(data_dir, "ingest", str(texts)).returncode == 0
    seconds = time.perf_counter() - started
    return seconds, json.loads(run(data_dir, "search", "pemerintah", "--json").stdout)


@pytest.mark.parametrize("fraction", [0.35, 0.8])
def test_an_ingest_killed_midway_is_found_repaired_and_resumed(
    texts: Path, clean_run: tuple[float, dict], tmp_path: Path, fraction: float,
) -> None:
    seconds, expected = clean_run
    data_dir = tmp_path / "killed"
    ingest = selaras(data_dir, "ingest", str(texts))
    time.sleep(seconds * fraction)
    ingest.send_signal(signal.SIGKILL)
    ingest.wait()

    check = run(data_dir, "check")
    assert check.returncode in (0, 1), check.stderr  # a difference is reported, never a crash
    assert run(data_dir, "reindex").returncode == 0
    assert run(data_dir, "check").returncode == 0

    resumed = run(data_dir, "ingest", str(texts))
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert run(data_dir, "check").returncode == 0
    found = json.loads(run(data_dir, "search", "pemerintah", "--json").stdout)
    assert found["total"] == expected["total"]
    assert [hit["provision_id"] for hit in found["hits"]] == [hit["provision_id"] for hit in expected["hits"]]


def test_a_writer_killed_holding_the_index_lock_does_not_block_the_next(texts: Path, tmp_path: Path) -> None:
    """Whoosh's write lock is an OS file lock: it goes with the process that held it."""
    data_dir = tmp_path / "locked"
    assert run(data_dir, "ingest", str(texts / FILES[0].name)).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from app.index.schema import open_or_create; from pathlib import Path; "
         "writer = open_or_create(Path(sys.argv[1])).writer(); print('locked', flush=True); "
         "import time; time.sleep(600)", str(data_dir / "whoosh")],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    started = time.perf_counter()
    assert run(data_dir, "reindex").returncode == 0
    assert time.perf_counter() - started < 60  # not the 120 s lock timeout
    assert run(data_dir, "check").returncode == 0


def test_searches_answer_while_an_ingest_writes(texts: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "busy"
    assert run(data_dir, "ingest", str(texts / FILES[0].name)).returncode == 0
    ingest = selaras(data_dir, "ingest", str(texts))
    answered = 0
    while ingest.poll() is None:
        search = run(data_dir, "search", "smart city", "--json")
        assert search.returncode == 0, search.stderr
        assert json.loads(search.stdout)["total"] > 0
        answered += 1
    assert ingest.returncode == 0 and answered >= 1
    assert run(data_dir, "check").returncode == 0
