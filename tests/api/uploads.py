"""Helpers of the upload tests (tests/api/test_upload.py, tests/api/test_jobs.py): the API keys
(configured by the fixture ``keys`` of tests/api/conftest.py), an upload, and a snapshot of
everything an upload may store."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.db import get_engine
from app.index.schema import index_dir
from app.models import Provision, Regulation
from tests.keys import HEADERS

SPECIMENS = Path(__file__).resolve().parents[3] / "shared" / "specimens"
SPECIMEN = SPECIMENS / "perbup-batang-2019-23-smart-city.txt"


def upload(client: TestClient, data: bytes, name: str = SPECIMEN.name, headers: dict[str, Any] | None = HEADERS,
           **fields: str) -> Any:
    return client.post("/api/v1/regulations", files={"file": (name, data, "application/octet-stream")},
                       data=fields, headers=headers)


def originals(data_dir: Path) -> dict[str, str]:
    """Every file under the originals folder (temporary ones included) -> sha256 of its bytes."""
    root = data_dir / "originals"
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def state(data_dir: Path) -> dict[str, Any]:
    """What is stored: regulation rows, provision ids, the originals folder and the index's files."""
    with Session(get_engine()) as session:
        regulations = [r.model_dump(exclude={"document"}) for r in session.exec(select(Regulation).order_by(col(Regulation.id)))]
        provisions = list(session.exec(select(Provision.id).order_by(col(Provision.id))))
    index = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(index_dir().glob("*")) if p.is_file()}
    return {"regulations": regulations, "provisions": provisions, "originals": originals(data_dir), "index": index}


def search_total(client: TestClient, query: str) -> int:
    response = client.get("/api/v1/search", params={"q": query})
    assert response.status_code == 200, response.text
    return response.json()["total"]


