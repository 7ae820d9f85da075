"""GET /api/v1/compare over the ingested corpus, and POST /api/v1/compare with an uploaded draft."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from app.index.schema import IndexHandle


def test_compare_two_ingested_specimens(corpus: IndexHandle, client: TestClient) -> None:
    response = client.get("/api/v1/compare", params={"a": "perbup-batang-2019-23", "b": "perda-prov-jawa-tengah-2019-11"})
    assert response.status_code == 200
    body = response.json()
    pairs = {(p["a"], p["b"]): p["relation"] for p in body["pairs"]}
    assert pairs[("19", "30")] == pairs[("20", "30")] == "merged"
    assert body["a"]["spesimen"] and body["a"]["id"] == "perbup-batang-2019-23"
    assert {"only_a", "only_b", "carried", "by_bab", "definitions", "relations"} <= set(body)
    assert all(part["op"] in ("equal", "delete", "insert") for pair in body["pairs"] for part in pair["diff"])



def test_compare_report_and_csv_downloads(corpus: IndexHandle, client: TestClient) -> None:
    params = {"a": "perbup-batang-2019-23", "b": "perda-prov-jawa-tengah-2019-11"}
    report = client.get("/api/v1/compare.html", params=params)
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert report.headers["content-disposition"] == (
        'attachment; filename="perbandingan-perbup-batang-2019-23-perda-prov-jawa-tengah-2019-11.html"')
    assert "<h1>Perbandingan Pasal demi Pasal</h1>" in report.text and "SPESIMEN" in report.text
    table = client.get("/api/v1/compare.csv", params=params)
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    lines = table.text.splitlines()
    assert lines[0] == "pasal_a,pasal_b,relation,score,provision_a,provision_b"
    assert len(lines) == len(client.get("/api/v1/compare", params=params).json()["pairs"]) + 1
    assert client.get("/api/v1/compare.csv", params={**params, "b": "nope"}).status_code == 404

def test_unknown_regulation_is_404(corpus: IndexHandle, client: TestClient) -> None:
    response = client.get("/api/v1/compare", params={"a": "perbup-batang-2019-23", "b": "nope"})
    assert response.status_code == 404 and "nope" in response.json()["detail"]
    assert client.get("/api/v1/compare", params={"a": "perbup-batang-2019-23"}).status_code == 422


SPECIMENS = Path(__file__).resolve().parents[3] / "shared" / "specimens"
DRAFT = SPECIMENS / "perda-jateng-2019-11-jateng-cerdas.txt"


def test_an_uploaded_draft_against_an_ingested_regulation(corpus: IndexHandle, client: TestClient) -> None:
    files = {"file": (DRAFT.name, DRAFT.read_bytes(), "text/plain")}
    uploaded = client.post("/api/v1/compare", params={"a": "perbup-batang-2019-23"}, files=files)
    assert uploaded.status_code == 200, uploaded.text
    body = uploaded.json()
    assert body["a"]["id"] == "perbup-batang-2019-23" and body["b"]["ref"] == DRAFT.name and body["b"]["id"] is None
    both_ingested = client.get("/api/v1/compare", params={"a": "perbup-batang-2019-23", "b": "perda-prov-jawa-tengah-2019-11"})
    shape = lambda c: [(p["a"], p["b"], p["relation"]) for p in c["pairs"]]  # noqa: E731
    assert shape(body) == shape(both_ingested.json())
    reverse = client.post("/api/v1/compare", params={"b": "perbup-batang-2019-23"}, files=files).json()
    assert reverse["a"]["ref"] == DRAFT.name and {(p["b"], p["a"]) for p in reverse["pairs"]} >= {("2", "3")}
    assert client.get("/api/v1/regulations", params={"daerah": "Jawa Tengah"}).json()["total"] == 1  # nothing stored


def test_a_draft_uploaded_as_pdf_or_docx_reads_as_its_text(corpus: IndexHandle, client: TestClient, tmp_path) -> None:
    from tests.ingest.files import write_docx, write_pdf

    lines = DRAFT.read_text(encoding="utf-8").split("\n")
    drafts = [write_pdf(tmp_path / "rancangan.pdf", lines), write_docx(tmp_path / "rancangan.docx", lines, numbered_ayat=True)[0]]
    shape = lambda c: [(p["a"], p["b"], p["relation"]) for p in c["pairs"]]  # noqa: E731
    params = {"a": "perbup-batang-2019-23"}
    typed = client.post("/api/v1/compare", params=params, files={"file": (DRAFT.name, DRAFT.read_bytes(), "text/plain")})
    for draft in drafts:
        response = client.post("/api/v1/compare", params=params,
                               files={"file": (draft.name, draft.read_bytes(), "application/octet-stream")})
        assert response.status_code == 200, response.text
        assert response.json()["b"]["ref"] == draft.name and shape(response.json()) == shape(typed.json())
    damaged = client.post("/api/v1/compare", params=params,
                          files={"file": ("rusak.pdf", b"%PDF-1.7\n%%EOF", "application/pdf")})
    assert damaged.status_code == 422 and "rusak.pdf" in damaged.json()["detail"]


def test_bad_uploads_are_clear_4xx(corpus: IndexHandle, client: TestClient, monkeypatch) -> None:
    files = {"file": (DRAFT.name, DRAFT.read_bytes(), "text/plain")}
    neither = client.post("/api/v1/compare", files=files)
    assert neither.status_code == 400 and "a atau b" in neither.json()["detail"]
    both = client.post("/api/v1/compare", params={"a": "perbup-batang-2019-23", "b": "x"}, files=files)
    assert both.status_code == 400
    unknown = client.post("/api/v1/compare", params={"a": "nope"}, files=files)
    assert unknown.status_code == 404
    binary = client.post("/api/v1/compare", params={"a": "perbup-batang-2019-23"},
                         files={"file": ("draft.txt", bytes(range(256)) * 40, "application/octet-stream")})
    assert binary.status_code == 422 and "draft.txt" in binary.json()["detail"]
    empty = client.post("/api/v1/compare", params={"a": "perbup-batang-2019-23"}, files={"file": ("kosong.txt", b"", "text/plain")})
    assert empty.status_code == 422 and "kosong" in empty.json()["detail"]
    assert client.post("/api/v1/compare", params={"a": "perbup-batang-2019-23"}).status_code == 422  # no file
    monkeypatch.setenv("SELARAS_UPLOAD_MAX_MB", "1")
    from app.config import get_settings

    get_settings.cache_clear()
    big = client.post("/api/v1/compare", params={"a": "perbup-batang-2019-23"},
                      files={"file": ("besar.txt", b"Pasal 1\n" * 200_000, "text/plain")})
    assert big.status_code == 413 and "1 MB" in big.json()["detail"]


def test_an_odd_file_name_is_made_safe(corpus: IndexHandle, client: TestClient) -> None:
    for name in ("../../etc/rancangan.txt", "nul\x00name.txt", "...", "ra ncang*an?.txt"):
        response = client.post("/api/v1/compare", params={"a": "perbup-batang-2019-23"},
                               files={"file": (name, DRAFT.read_bytes(), "text/plain")})
        assert response.status_code == 200, (name, response.text)
