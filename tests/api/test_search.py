"""GET /api/v1/search over the indexed corpus: shape, filters, paging, and bad input as 4xx."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def api(corpus, client: TestClient) -> TestClient:
    return client


def test_search_answers_the_documented_shape(api: TestClient) -> None:
    response = api.get("/api/v1/search", params={"q": "dewan smart city", "jenis": "Perbup", "per_page": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] > 3 and len(body["hits"]) == 3
    hit = body["hits"][0]
    assert {"provision_id", "regulation_id", "pasal", "ayat", "score", "snippet", "regulation"} <= set(hit)
    assert {"jenis", "nomor", "tahun", "daerah", "judul"} <= set(hit["regulation"])
    assert set(body["facets"]) == {"jenis", "tingkat", "provinsi", "daerah", "tahun", "status"}
    assert body["facets"]["jenis"] == {"Peraturan Bupati": body["total"]}
    assert api.get(f"/api/v1/provisions/{hit['provision_id']}").status_code == 200


def test_year_range_and_page(api: TestClient) -> None:
    body = api.get("/api/v1/search", params={"q": "informasi", "tahun_min": 2008, "tahun_max": 2009, "page": 2, "per_page": 5}).json()
    assert body["page"] == 2 and len(body["hits"]) == 5
    assert all(2008 <= hit["regulation"]["tahun"] <= 2009 for hit in body["hits"])


@pytest.mark.parametrize("q", ['"tim koordinasi', "(", "AND", "x" * 10_000, "<script>alert(1)</script>"])
def test_malformed_queries_answer_200(api: TestClient, q: str) -> None:
    response = api.get("/api/v1/search", params={"q": q})
    assert response.status_code == 200
    assert all("<script>" not in hit["snippet"] for hit in response.json()["hits"])  # snippets are HTML: escaped


@pytest.mark.parametrize("params, status", [
    ({}, 422),
    ({"q": ""}, 422),
    ({"q": "x" * 10_001}, 422),
    ({"q": "data", "tingkat": "desa"}, 400),
    ({"q": "data", "tahun_min": 2020, "tahun_max": 2010}, 400),
    ({"q": "data", "sort": "acak"}, 422),
    ({"q": "data", "page": 0}, 422),
    ({"q": "data", "per_page": 0}, 422),
    ({"q": "data", "bagian": "isi"}, 422),
    ({"q": "data", "tahun_min": "dua ribu"}, 422),
])
def test_bad_parameters_are_4xx_with_a_message(api: TestClient, params: dict, status: int) -> None:
    response = api.get("/api/v1/search", params=params)
    assert response.status_code == status
    assert response.json()["detail"]
