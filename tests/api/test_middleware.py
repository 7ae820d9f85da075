"""Tests for app.api.middleware (request ids, access log, size limits), CORS and readiness."""

from __future__ import annotations

import json
import logging
from typing import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import get_settings
from app.logs import JsonFormatter, RequestIdFilter


@pytest.fixture
def configured_client(monkeypatch: pytest.MonkeyPatch) -> Iterator[callable]:
    """A client of an app built after the given settings were set."""
    from app.main import create_app

    clients: list[TestClient] = []

    def make(**env: str) -> TestClient:
        for name, value in env.items():
            monkeypatch.setenv(f"SELARAS_{name.upper()}", value)
        get_settings.cache_clear()
        client = TestClient(create_app())
        clients.append(client.__enter__())
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_each_request_gets_an_id_in_its_answer_and_in_its_log_lines(client: TestClient, caplog) -> None:
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.INFO):
        answer = client.get("/api/v1/search", params={"q": "arsip"}, headers={"X-Request-ID": "cek-123"})
    assert answer.status_code == 200 and answer.headers["X-Request-ID"] == "cek-123"
    search_line = next(r for r in caplog.records if r.name == "app.index.search")
    access_line = next(r for r in caplog.records if r.name == "app.access")
    assert search_line.request_id == access_line.request_id == "cek-123"
    assert (access_line.method, access_line.path, access_line.status) == ("GET", "/api/v1/search", 200)
    entry = json.loads(JsonFormatter().format(access_line))
    assert entry["request_id"] == "cek-123" and entry["status"] == 200 and entry["duration_ms"] >= 0

    fresh = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"}).headers["X-Request-ID"]
    assert len(fresh) == 32 and fresh != client.get("/healthz").headers["X-Request-ID"]


def test_the_api_key_is_never_logged(configured_client, caplog) -> None:
    key = "rahasia-kunci-uji-0123456789"
    client = configured_client(api_keys=key)
    with caplog.at_level(logging.DEBUG):
        client.post("/api/v1/regulations", headers={"X-API-Key": key}, files={"file": ("a.txt", b"")})
    assert caplog.records and all(key not in JsonFormatter().format(record) for record in caplog.records)


def test_a_long_query_string_is_refused_but_10_kb_of_search_text_is_read(client: TestClient) -> None:
    answer = client.get("/api/v1/search", params={"q": "kata " * 2_000})  # 10 kB
    assert answer.status_code == 200
    answer = client.get("/api/v1/search", params={"q": "kata " * 8_000})  # 40 kB
    assert answer.status_code == 414 and "POST" in answer.json()["detail"]


def test_a_body_over_the_limit_is_refused_declared_or_streamed(configured_client) -> None:
    client = configured_client(upload_max_mb="1")
    big = json.dumps({"text": "arsip " * 400_000}).encode()  # 2.4 MB
    declared = client.post("/api/v1/similar", content=big, headers={"Content-Type": "application/json"})
    assert declared.status_code == 413 and "1 MB" in declared.json()["detail"]

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(big), 64 * 1024):
            yield big[start:start + 64 * 1024]

    streamed = client.post("/api/v1/similar", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413 and "1 MB" in streamed.json()["detail"]
    assert client.post("/api/v1/similar", json={"text": "arsip daerah"}).status_code == 200


def test_cors_is_off_unless_origins_are_set(configured_client) -> None:
    origin = {"Origin": "https://jdih.example.go.id"}
    assert "access-control-allow-origin" not in configured_client().get("/healthz", headers=origin).headers
    client = configured_client(cors_origins="https://jdih.example.go.id")
    assert client.get("/healthz", headers=origin).headers["access-control-allow-origin"] == origin["Origin"]
    other = client.get("/healthz", headers={"Origin": "https://lain.example"})
    assert "access-control-allow-origin" not in other.headers


def test_ready_when_database_and_index_answer(client: TestClient) -> None:
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ready", "database": "ok", "index": "ok", "clauses": 0}


def test_not_ready_when_the_index_cannot_be_opened(configured_client, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    answer = configured_client(index_dir=str(blocker)).get("/readyz")
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "not ready" and body["database"] == "ok" and body["index"].startswith("error: Indeks")
