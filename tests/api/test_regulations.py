"""Tests for app.api.regulations (and health, and the error handler of app.main), over a real SQLite file."""

from __future__ import annotations

import pytest

from app.config import get_settings

pytestmark = pytest.mark.databases  # every test on SQLite and on PostgreSQL


@pytest.fixture
def stored(save, make_document):
    save(make_document(), "a" * 64, sumber="JDIH Batang")
    save(make_document(jenis="Peraturan Daerah Provinsi", jenis_singkat="Perda Provinsi", daerah="Provinsi Jawa Tengah",
                       tingkat="provinsi", nomor="11"), "b" * 64)
    save(make_document(jenis="Undang-Undang", jenis_singkat="UU", daerah="Nasional", tingkat="nasional",
                       provinsi=None, nomor="23", tahun=2014), "c" * 64)


def ids(response) -> list[str]:
    return [item["id"] for item in response.json()["items"]]


def test_health(client, stored):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "regulations": 3}


def test_list_all(client, stored):
    response = client.get("/api/v1/regulations")
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 3 and body["offset"] == 0 and body["limit"] == 50
    assert ids(response) == ["perbup-batang-2019-23", "perda-prov-jawa-tengah-2019-11", "uu-2014-23"]
    first = body["items"][0]
    assert first["jenis_singkat"] == "Perbup" and first["sumber"] == "JDIH Batang" and first["warnings"] == 1
    assert "document" not in first and "content_hash" not in first


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jenis=perbup", ["perbup-batang-2019-23"]),
        ("jenis=Peraturan%20Daerah%20Provinsi", ["perda-prov-jawa-tengah-2019-11"]),
        ("daerah=BATANG", ["perbup-batang-2019-23"]),
        ("provinsi=Jawa%20Tengah", ["perbup-batang-2019-23", "perda-prov-jawa-tengah-2019-11"]),
        ("tingkat=nasional", ["uu-2014-23"]),
        ("tahun=2019&jenis=uu", []),
    ],
)
def test_list_filters(client, stored, query, expected):
    response = client.get(f"/api/v1/regulations?{query}")
    assert response.status_code == 200
    assert ids(response) == expected and response.json()["total"] == len(expected)


def test_list_pages(client, stored):
    page_2 = client.get("/api/v1/regulations?page=2&per_page=2").json()
    assert page_2["total"] == 3 and page_2["offset"] == 2 and [i["id"] for i in page_2["items"]] == ["uu-2014-23"]
    sliced = client.get("/api/v1/regulations?offset=1&limit=1").json()
    assert [i["id"] for i in sliced["items"]] == ["perda-prov-jawa-tengah-2019-11"]


@pytest.mark.parametrize(
    "query",
    ["page=0", "page=abc", "per_page=0", "per_page=201", "limit=100000", "offset=-1", "page=2&offset=3", "tahun=dua"],
)
def test_bad_paging_is_422_with_fastapi_detail(client, query):
    response = client.get(f"/api/v1/regulations?{query}")
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, list) and detail[0]["loc"][0] == "query"


def test_page_size_max_comes_from_settings(client, monkeypatch, stored):
    monkeypatch.setenv("SELARAS_PAGE_SIZE_MAX", "2")
    get_settings.cache_clear()
    assert client.get("/api/v1/regulations?per_page=3").status_code == 422
    assert client.get("/api/v1/regulations").json()["limit"] == 2


def test_regulation_detail_has_metadata_and_tree(client, stored):
    response = client.get("/api/v1/regulations/perbup-batang-2019-23")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "perbup-batang-2019-23" and body["judul"] == "PENYELENGGARAAN SMART CITY KABUPATEN BATANG"
    assert [node["id"] for node in body["body"]] == ["perbup-batang-2019-23/bab-1", "perbup-batang-2019-23/bab-2"]
    pasal_1 = body["body"][0]["children"][0]
    assert pasal_1["kind"] == "pasal" and pasal_1["num"] == "1" and len(pasal_1["children"]) == 2
    assert body["penjelasan"][1]["explains"] == "perbup-batang-2019-23/pasal-2"
    assert body["menimbang"][0]["text"].startswith("bahwa")
    assert body["warning_messages"] == ["contoh peringatan"]


def test_provision_by_id_with_children_parent_and_regulation(client, stored):
    response = client.get("/api/v1/provisions/perbup-batang-2019-23/pasal-2/ayat-2")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "perbup-batang-2019-23/pasal-2/ayat-2" and body["num"] == "2"
    assert body["parent_id"] == "perbup-batang-2019-23/pasal-2"
    assert [child["text"] for child in body["children"]] == ["smart governance;", "smart economy."]
    assert body["regulation"]["id"] == "perbup-batang-2019-23" and body["regulation"]["jenis"] == "Peraturan Bupati"


@pytest.mark.parametrize(
    "url",
    ["/api/v1/regulations/perbup-tidak-ada", "/api/v1/provisions/perbup-batang-2019-23/pasal-99",
     "/api/v1/provisions/tidak-ada"],
)
def test_unknown_ids_are_404_json(client, stored, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert "tidak ditemukan" in response.json()["detail"] and "not found" in response.json()["detail"]


def test_openapi_documents_the_routes(client):
    schema = client.get("/openapi.json").json()
    assert schema["paths"]["/api/v1/regulations"]["get"]["summary"] == "List regulations"
    assert "/api/v1/provisions/{provision_id}" in schema["paths"]
    assert client.get("/docs").status_code == 200


def test_timestamps_are_utc(client, stored):
    item = client.get("/api/v1/regulations?jenis=uu").json()["items"][0]
    assert item["created_at"].endswith(("Z", "+00:00"))
