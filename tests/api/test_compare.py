"""GET /api/v1/compare over the ingested corpus."""

from __future__ import annotations

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


def test_unknown_regulation_is_404(corpus: IndexHandle, client: TestClient) -> None:
    response = client.get("/api/v1/compare", params={"a": "perbup-batang-2019-23", "b": "nope"})
    assert response.status_code == 404 and "nope" in response.json()["detail"]
    assert client.get("/api/v1/compare", params={"a": "perbup-batang-2019-23"}).status_code == 422
