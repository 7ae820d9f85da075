"""GET /api/v1/provisions/{id}/similar and POST /api/v1/similar over the ingested corpus."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.index.schema import IndexHandle

PASAL_16 = "perbup-batang-2019-23/pasal-16"


def test_similar_to_a_provision(corpus: IndexHandle, client: TestClient) -> None:
    response = client.get(f"/api/v1/provisions/{PASAL_16}/similar", params={"provinsi": "Jawa Tengah", "limit": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["provision_id"] == PASAL_16 and body["level"] == "pasal" and 1 <= len(body["hits"]) <= 3
    top = body["hits"][0]
    assert top["provision_id"] == "perda-prov-jawa-tengah-2019-11/pasal-27" and top["label"] == "identical"
    assert top["regulation"]["spesimen"] and {"score", "cosine", "ratio", "diff", "text"} <= set(top)


def test_the_provision_route_still_answers_beside_similar(corpus: IndexHandle, client: TestClient) -> None:
    response = client.get(f"/api/v1/provisions/{PASAL_16}")
    assert response.status_code == 200 and response.json()["id"] == PASAL_16


def test_similar_to_a_pasted_text(corpus: IndexHandle, client: TestClient) -> None:
    response = client.post("/api/v1/similar", json={
        "text": "Gubernur membentuk Dewan dan Tim Pelaksana", "tingkat": "kabupaten", "limit": 2})
    assert response.status_code == 200
    body = response.json()
    assert body["provision_id"] is None and body["level"] == "clause"
    assert body["hits"] and all(hit["regulation"]["tingkat"] == "kabupaten" for hit in body["hits"])


def test_bad_input_is_a_clear_4xx(corpus: IndexHandle, client: TestClient) -> None:
    missing = client.get("/api/v1/provisions/perbup-batang-2019-23/pasal-999/similar")
    assert missing.status_code == 404 and "pasal-999" in missing.json()["detail"]
    blank = client.post("/api/v1/similar", json={"text": "   "})
    assert blank.status_code == 400 and "kosong" in blank.json()["detail"]
    level = client.post("/api/v1/similar", json={"text": "Dewan", "tingkat": "desa"})
    assert level.status_code == 400 and "tingkat" in level.json()["detail"]
    assert client.post("/api/v1/similar", json={"text": "Dewan", "limit": 0}).status_code == 422
    assert client.post("/api/v1/similar", json={}).status_code == 422
    assert client.get(f"/api/v1/provisions/{PASAL_16}/similar", params={"bagian": "lain"}).status_code == 422
