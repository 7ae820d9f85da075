"""The drafts API: /api/v1/drafts and its provisions, checks; changes need an API key; bad input
answers a clear 4xx, never a 500."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import get_settings
from app.kb.ingest import parse_file
from app.kb.store import save_document
from app.structure.parser import parse_text
from tests.drafting.specimens import BATANG_FILE, batang, jateng
from tests.keys import HEADERS

pytestmark = pytest.mark.databases  # every test on SQLite and on PostgreSQL

BATANG_ID = "perbup-batang-2019-23"
JATENG_ID = "perda-prov-jawa-tengah-2019-11"
TO_JATENG = {"jenis": "Perda Provinsi", "daerah": "Provinsi Jawa Tengah", "tahun": "2025"}



@pytest.fixture
def stored(session: Session, keys: None) -> None:
    for document, content_hash in ((batang(), "b" * 64), (jateng(), "j" * 64)):
        save_document(session=session, document=document, content_hash=content_hash)


def create(client: TestClient, **fields: Any) -> Any:
    files = fields.pop("files", None)
    return client.post("/api/v1/drafts", data={**TO_JATENG, "source": BATANG_ID, **fields}, files=files, headers=HEADERS)


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def pasal(body: dict, num: str) -> dict:
    return next(p for p in body["provisions"] if p["kind"] == "pasal" and p["num"] == num)


def test_make_read_and_list_a_draft(client: TestClient, stored: None) -> None:
    response = create(client)
    body = ok(response, 201)
    assert response.headers["location"] == f"/api/v1/drafts/{body['id']}"
    assert (body["judul"], body["jenis"], body["daerah"], body["tahun"]) == (
        "PENYELENGGARAAN SMART CITY PROVINSI JAWA TENGAH", "Peraturan Daerah Provinsi", "Provinsi Jawa Tengah", 2025)
    assert [p["num"] for p in body["provisions"] if p["kind"] == "pasal"] == [str(n) for n in range(1, 37)]
    assert {"provision": "pasal-1/angka-3", "before": "Bupati Batang", "after": "Gubernur Jawa Tengah",
            "rule": "kepala-daerah", "count": 1} in body["changes"]
    assert {"daerah-sumber", "tingkat-lain", "bagian-perda"} <= {f["reason"] for f in body["flags"]}
    assert ok(client.get(f"/api/v1/drafts/{body['id']}")) == body
    assert [d["id"] for d in ok(client.get("/api/v1/drafts"))] == [body["id"]]


def test_chosen_pasal_and_a_provision_from_another_regulation(client: TestClient, stored: None) -> None:
    draft = ok(create(client, pasal="bab-1, pasal-16,pasal-17"), 201)
    body = ok(client.post(f"/api/v1/drafts/{draft['id']}/provisions", json={"source": f"{JATENG_ID}/pasal-43"},
                          headers=HEADERS), 201)
    assert [(p["kind"], p["num"]) for p in body["provisions"]][-2:] == [("pasal", "3"), ("pasal", "4")]
    assert pasal(body, "4")["source"] == f"{JATENG_ID}/pasal-43"
    assert "dalam Pasal ?20 ayat (3)" in pasal(body, "4")["text"]
    assert ("pasal-4/ayat-1", "rujukan-terputus") in {(f["provision"], f["reason"]) for f in body["flags"]}
    findings = ok(client.get(f"/api/v1/drafts/{draft['id']}/check"))
    assert findings["draft_id"] == draft["id"]
    assert ("rujukan", "pasal-4/ayat-1", "Pasal ?20 ayat (3)") in {
        (f["reason"], f["provision"], f["excerpt"]) for f in findings["findings"]}


def test_edit_move_remove_and_patch(client: TestClient, stored: None) -> None:
    draft = ok(create(client, pasal="bab-1,bab-2"), 201)
    url = f"/api/v1/drafts/{draft['id']}"
    new = ok(client.post(f"{url}/provisions", json={"kind": "pasal", "text": "(1) Satu.\n(2) Dua.", "position": 1},
                         headers=HEADERS), 201)
    first = pasal(new, "1")
    assert (first["text"], first["own"], first["source"]) == ("(1) Satu.\n(2) Dua.", True, None)
    edited = ok(client.patch(f"{url}/provisions/{first['id']}", json={"text": "Tiga."}, headers=HEADERS))
    assert pasal(edited, "1")["text"] == "Tiga."
    moved = ok(client.post(f"{url}/provisions/{first['id']}/move", json={"position": 3}, headers=HEADERS))
    assert pasal(moved, "2")["id"] == first["id"]
    removed = ok(client.delete(f"{url}/provisions/{first['id']}", headers=HEADERS))
    assert first["id"] not in {p["id"] for p in removed["provisions"]}
    patched = ok(client.patch(url, json={"judul": "Kota Cerdas", "jenis": "Pergub"}, headers=HEADERS))
    assert (patched["judul"], patched["jenis"]) == ("KOTA CERDAS", "Peraturan Gubernur")
    assert client.delete(url, headers=HEADERS).status_code == 204
    assert client.get(url).status_code == 404


def test_a_draft_from_an_uploaded_file(client: TestClient, keys: None) -> None:
    body = ok(client.post("/api/v1/drafts", data={"jenis": "Perbup", "daerah": "Kendal"},
                          files={"file": (BATANG_FILE.name, BATANG_FILE.read_bytes(), "text/plain")}, headers=HEADERS), 201)
    assert (body["source"], body["daerah"]) == (BATANG_FILE.name, "Kabupaten Kendal")
    assert "3. Bupati adalah Bupati Kendal." in pasal(body, "1")["text"]


def test_changes_need_a_key(client: TestClient, stored: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert client.post("/api/v1/drafts", data={**TO_JATENG, "source": BATANG_ID}).status_code == 401
    draft = ok(create(client), 201)
    assert client.patch(f"/api/v1/drafts/{draft['id']}", json={"tahun": 2026}).status_code == 401
    assert client.get(f"/api/v1/drafts/{draft['id']}/check").status_code == 200
    monkeypatch.delenv("SELARAS_API_KEYS")
    get_settings.cache_clear()
    assert client.post(f"/api/v1/drafts/{draft['id']}/provisions", json={"kind": "bab", "heading": "X"},
                       headers=HEADERS).status_code == 403


@pytest.mark.parametrize(("fields", "status", "message"), [
    ({"source": "perbup-tidak-ada"}, 404, "regulation not found"),
    ({"pasal": "pasal-99"}, 404, "pasal-99"),
    ({"jenis": "Undang-Undang"}, 400, "must be a Perda"),
    ({"daerah": "Provinsi Atlantis"}, 400, "unknown region"),
    ({"jenis": "Perbup"}, 400, "another level"),
    ({"source": None}, 400, "give a regulation id or a file"),
])
def test_bad_input_when_making_a_draft(client: TestClient, stored: None, fields: dict, status: int, message: str) -> None:
    data = {**TO_JATENG, "source": BATANG_ID, **fields}
    response = client.post("/api/v1/drafts", data={k: v for k, v in data.items() if v is not None}, headers=HEADERS)
    assert response.status_code == status, response.text
    assert message in response.json()["detail"]


@pytest.mark.parametrize(("method", "path", "body", "status", "message"), [
    ("get", "/api/v1/drafts/999", None, 404, "draft not found"),
    ("get", "/api/v1/drafts/999/check", None, 404, "draft not found"),
    ("post", "{url}/provisions", {"source": f"{JATENG_ID}/pasal-99"}, 404, "provision not found"),
    ("post", "{url}/provisions", {"source": "perda-tidak-ada/pasal-1"}, 404, "regulation not found"),
    ("post", "{url}/provisions", {"kind": "pasal", "text": "x.", "position": 500}, 400, "position out of range"),
    ("post", "{url}/provisions", {"kind": "pasal", "text": ""}, 400, "a Pasal's content"),
    ("post", "{url}/provisions", {"kind": "pasal", "source": f"{JATENG_ID}/pasal-1"}, 400, "give a source"),
    ("patch", "{url}/provisions/999", {"text": "x."}, 404, "draft provision not found"),
    ("post", "{url}/provisions/999/move", {"position": 0}, 404, "draft provision not found"),
    ("delete", "{url}/provisions/999", None, 404, "draft provision not found"),
    ("patch", "{url}", {"daerah": "Kabupaten Kendal"}, 400, "another level"),
    ("patch", "{url}", {"judul": " "}, 400, "must not be empty"),
])
def test_bad_input_on_a_draft(client: TestClient, stored: None, method: str, path: str, body: dict | None,
                              status: int, message: str) -> None:
    draft = ok(create(client, pasal="pasal-1"), 201)
    url = path.format(url=f"/api/v1/drafts/{draft['id']}")
    response = client.request(method, url, json=body, headers=HEADERS)
    assert response.status_code == status, response.text
    assert message in response.json()["detail"]


def test_malformed_requests_are_422_not_500(client: TestClient, stored: None) -> None:
    draft = ok(create(client, pasal="pasal-1"), 201)
    url = f"/api/v1/drafts/{draft['id']}"
    assert client.post(f"{url}/provisions", json={"kind": "ayat", "text": "x"}, headers=HEADERS).status_code == 422
    assert client.post(f"{url}/provisions", json={"sumber": "x"}, headers=HEADERS).status_code == 422
    assert client.post(f"{url}/provisions/1/move", json={"position": -1}, headers=HEADERS).status_code == 422
    assert client.get("/api/v1/drafts/abc").status_code == 422
    assert client.post("/api/v1/drafts", data={"daerah": "Jawa Tengah", "source": BATANG_ID},
                       headers=HEADERS).status_code == 422


def test_export_every_format(client: TestClient, stored: None, tmp_path: Path) -> None:
    draft = ok(create(client), 201)
    url = f"/api/v1/drafts/{draft['id']}/export"
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="rancangan-{draft["id"]}.docx"'
    paragraphs = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    assert all(f"Pasal {n}" in paragraphs for n in range(1, 37))
    path = tmp_path / "rancangan.docx"
    path.write_bytes(response.content)
    text = client.get(url, params={"format": "txt"})
    assert text.headers["content-type"] == "text/plain; charset=utf-8"
    assert [n.num for n in parse_text(text.text).body] == [n.num for n in parse_file(path).body]
    matrix = client.get(url, params={"format": "matrix"})
    assert matrix.headers["content-type"] == "text/html; charset=utf-8"
    assert matrix.headers["content-disposition"].endswith(f'rancangan-{draft["id"]}-matriks.html"')
    assert "<th>Rancangan</th><th>Sumber</th><th>Perubahan</th>" in matrix.text
    assert client.get(url, params={"format": "matrix-docx"}).content.startswith(b"PK")
    assert client.get(url, params={"format": "pdf"}).status_code == 422
    assert client.get("/api/v1/drafts/999/export").status_code == 404
