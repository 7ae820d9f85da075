"""GET /api/v1/coverage over the ingested corpus."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.index.schema import IndexHandle


def test_coverage_of_chosen_regulations(corpus: IndexHandle, client: TestClient) -> None:
    response = client.get("/api/v1/coverage", params={
        "ids": "perbup-batang-2019-23, perda-prov-jawa-tengah-2019-11", "topik": "dewan-smart-city,command-center"})
    assert response.status_code == 200
    body = response.json()
    assert [r["id"] for r in body["regulations"]] == ["perbup-batang-2019-23", "perda-prov-jawa-tengah-2019-11"]
    dewan = body["topics"][0]
    assert dewan["kunci"] == "dewan-smart-city" and "16" in dewan["cells"][0]["pasal"] and "27" in dewan["cells"][1]["pasal"]
    assert dewan["cells"][1]["provision_ids"][0].startswith("perda-prov-jawa-tengah-2019-11/pasal-")


def test_coverage_by_filter_and_errors(corpus: IndexHandle, client: TestClient) -> None:
    body = client.get("/api/v1/coverage", params={"provinsi": "Jawa Tengah"}).json()
    assert body["total"] == 3 and len(body["topics"]) > 20
    unknown_topic = client.get("/api/v1/coverage", params={"topik": "nope"})
    assert unknown_topic.status_code == 400 and "nope" in unknown_topic.json()["detail"]
    unknown_id = client.get("/api/v1/coverage", params={"ids": "nope"})
    assert unknown_id.status_code == 404 and "nope" in unknown_id.json()["detail"]
    assert client.get("/api/v1/coverage", params={"limit": 0}).status_code == 422


def test_coverage_as_csv(corpus: IndexHandle, client: TestClient) -> None:
    response = client.get("/api/v1/coverage.csv", params={"ids": "perbup-batang-2019-23,perda-prov-jawa-tengah-2019-11",
                                                          "topik": "dewan-smart-city"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="cakupan.csv"'
    header, row = response.text.splitlines()
    assert header == "kunci,nama,kelompok,perbup-batang-2019-23,perda-prov-jawa-tengah-2019-11"
    assert row.startswith("dewan-smart-city,") and "16" in row.split(",")[3]
    assert client.get("/api/v1/coverage.csv", params={"ids": "nope"}).status_code == 404
