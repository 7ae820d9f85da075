"""Uploads read by OCR in a background job: POST /api/v1/regulations answers 202 with the job,
GET /api/v1/jobs/{id} follows it to done (the regulation stored) or failed (why, nothing stored);
GET /api/v1/jobs lists them (with an API key). Real OCR, one page an upload."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageDraw
from sqlmodel import Session

from app.config import get_settings
from app.db import get_engine
from app.kb.jobs import INTERRUPTED
from app.models import Job
from tests.api.uploads import HEADERS, state, upload
from tests.conftest import regulation_text
from tests.ingest.files import scan, write_scanned_pdf

pytestmark = pytest.mark.databases  # every test on SQLite and on PostgreSQL


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small Perbup (Pasal 1 to 3) scanned onto one page: a 300 dpi grayscale image (PGM)."""
    lines = regulation_text().split("\n")
    [image] = scan(lines, tmp_path_factory.mktemp("kertas"), lines_per_page=len(lines))
    return image


@pytest.fixture
def page_png(page: Path, tmp_path: Path) -> bytes:
    path = tmp_path / "perbup.png"
    Image.open(page).save(path, dpi=(300, 300))
    return path.read_bytes()


def finished(client: TestClient, location: str, timeout: float = 180) -> dict[str, Any]:
    """The job at ``location`` once it is done or failed (polled, as a client would)."""
    deadline = time.monotonic() + timeout
    while True:
        response = client.get(location)
        assert response.status_code == 200, response.text
        job = response.json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.2)


def test_a_page_image_is_stored_by_a_job(keys: None, client: TestClient, page_png: bytes) -> None:
    response = upload(client, page_png, name="perbup.png", sumber="JDIH Kabupaten Batang")

    assert response.status_code == 202, response.text
    job = response.json()["job"]
    assert job["status"] == "queued" and job["pages_total"] == 1 and job["pages_done"] == 0
    assert job["filename"] == "perbup.png" and job["regulation_id"] is None
    assert response.headers["location"] == f"/api/v1/jobs/{job['id']}"

    done = finished(client, response.headers["location"])

    assert done["status"] == "done", done
    assert (done["pages_done"], done["pages_total"], done["result"]) == (1, 1, "added")
    assert done["regulation_id"] == "perbup-batang-2019-23" and done["error"] is None and done["finished_at"]
    regulation = client.get("/api/v1/regulations/perbup-batang-2019-23").json()
    assert regulation["sumber"] == "JDIH Kabupaten Batang" and regulation["original_format"] == "png"
    assert [node["num"] for node in regulation["body"][1]["children"][0]["children"]] == ["1", "2"]  # Pasal 2's ayat
    original = client.get("/api/v1/regulations/perbup-batang-2019-23/original")
    assert original.content == page_png and original.headers["content-type"] == "image/png"
    assert client.get("/api/v1/search", params={"q": "smart city"}).json()["total"] > 0

    again = upload(client, page_png, name="lagi.png", sumber="JDIH Kabupaten Batang")  # stored already: no job
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


def test_a_failed_job_says_why_and_stores_nothing(keys: None, client: TestClient, tmp_path: Path, data_dir: Path) -> None:
    drawing = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(drawing).rectangle((200, 200, 1000, 600), outline=0, width=8)  # ink, but no letters
    drawing.save(tmp_path / "logo.png")
    before = state(data_dir)

    response = upload(client, (tmp_path / "logo.png").read_bytes(), name="logo.png")
    assert response.status_code == 202, response.text
    job = finished(client, response.headers["location"])

    assert job["status"] == "failed" and job["error_status"] == 422 and job["regulation_id"] is None
    assert "OCR found no text in the image" in job["error"] and "logo.png" in job["error"]
    assert "selaras-upload-" not in job["error"]  # no temporary path
    assert state(data_dir) == before


def test_a_scan_with_a_text_page_is_a_job_too(keys: None, client: TestClient, page: Path, tmp_path: Path) -> None:
    pdf = write_scanned_pdf(tmp_path / "campuran.pdf", [page], text_first=["SPESIMEN - teks contoh untuk pengujian."])

    response = upload(client, pdf.read_bytes(), name="campuran.pdf")

    assert response.status_code == 202 and response.json()["job"]["pages_total"] == 1
    assert finished(client, response.headers["location"])["status"] == "done"


def test_refused_before_any_job_when_it_can_be_known_at_once(
        keys: None, client: TestClient, page: Path, page_png: bytes, tmp_path: Path, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    two_pages = write_scanned_pdf(tmp_path / "dua.pdf", [page, page]).read_bytes()
    before = state(data_dir)

    bad_field = upload(client, page_png, name="perbup.png", tahun="dua ribu")
    monkeypatch.setenv("SELARAS_OCR_MAX_PAGES", "1")
    get_settings.cache_clear()
    too_many = upload(client, two_pages, name="dua.pdf")
    damaged = upload(client, b"\x89PNG\r\n\x1a\n" + bytes(200), name="rusak.png")

    assert bad_field.status_code == 400 and "tahun" in bad_field.json()["detail"]
    assert too_many.status_code == 413
    assert "SELARAS_OCR_MAX_PAGES" in too_many.json()["detail"] and "dua.pdf" in too_many.json()["detail"]
    assert damaged.status_code == 422 and "rusak.png" in damaged.json()["detail"]
    assert state(data_dir) == before
    assert client.get("/api/v1/jobs", headers=HEADERS).json()["total"] == 0


def test_without_tesseract_a_scan_is_422_at_once(keys: None, client: TestClient, page_png: bytes, tmp_path: Path,
                                                 data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = state(data_dir)
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))  # no tesseract on it

    response = upload(client, page_png, name="perbup.png")

    assert response.status_code == 422 and "tesseract" in response.json()["detail"]
    assert state(data_dir) == before


def test_an_unknown_job_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/jobs/tidak-ada")
    assert response.status_code == 404 and "job not found" in response.json()["detail"]


def test_jobs_are_listed_newest_first_with_a_key(keys: None, client: TestClient, page_png: bytes, tmp_path: Path) -> None:
    blank = tmp_path / "kosong.png"
    Image.new("L", (600, 800), 255).save(blank)
    first = upload(client, blank.read_bytes(), name="kosong.png").json()["job"]
    second = upload(client, page_png, name="perbup.png").json()["job"]
    finished(client, f"/api/v1/jobs/{second['id']}")

    listed = client.get("/api/v1/jobs", headers=HEADERS, params={"per_page": 1})

    assert listed.status_code == 200
    assert listed.json()["total"] == 2 and [job["id"] for job in listed.json()["items"]] == [second["id"]]
    assert client.get("/api/v1/jobs", headers=HEADERS, params={"page": 2, "per_page": 1}).json()["items"][0]["id"] == first["id"]
    assert client.get("/api/v1/jobs").status_code == 401


def test_a_job_left_unfinished_by_a_stop_is_failed_on_start(client: TestClient) -> None:
    with Session(get_engine()) as session:
        session.add(Job(id="a" * 32, status="running", filename="panjang.pdf", pages_total=90, pages_done=40))
        session.add(Job(id="b" * 32, status="done", filename="selesai.pdf", regulation_id="perbup-x", result="added"))
        session.commit()
    from app.main import create_app

    with TestClient(create_app()) as restarted:
        stopped = restarted.get(f"/api/v1/jobs/{'a' * 32}").json()
        done = restarted.get(f"/api/v1/jobs/{'b' * 32}").json()

    assert stopped["status"] == "failed" and stopped["error"] == INTERRUPTED and stopped["error_status"] == 503
    assert stopped["pages_done"] == 40 and stopped["finished_at"]
    assert done["status"] == "done" and done["error"] is None
