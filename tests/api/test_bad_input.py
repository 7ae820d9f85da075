"""Bad input never hurts: each case answers a 4xx with a message saying what was wrong, leaks no
traceback, and leaves what is stored (database rows, originals, index files) as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest
from fastapi.testclient import TestClient

from tests.api.uploads import HEADERS, SPECIMEN, state, upload

Call = Callable[[TestClient], Any]
REG = "perbup-batang-2019-23"


def deep_json(levels: int) -> bytes:
    return b'{"text": ' + b"[" * levels + b"]" * levels + b"}"


CASES: list[tuple[str, Call, int, str]] = [
    ("malformed JSON", lambda c: c.post("/api/v1/similar", content=b'{"text": "arsip', headers={"Content-Type": "application/json"}),
     422, "JSON"),
    ("JSON that is not an object", lambda c: c.post("/api/v1/similar", json=["arsip"]), 422, "dictionary"),
    ("wrong type", lambda c: c.post("/api/v1/similar", json={"text": 5}), 422, "string"),
    ("wrong type of a limit", lambda c: c.post("/api/v1/similar", json={"text": "arsip", "limit": "banyak"}), 422, "integer"),
    ("deeply nested JSON", lambda c: c.post("/api/v1/similar", content=deep_json(100_000),
                                            headers={"Content-Type": "application/json"}), 400, "parsing the body"),
    ("empty text to compare", lambda c: c.post("/api/v1/similar", json={"text": "   "}), 400, "teks"),
    ("unknown regulation", lambda c: c.get("/api/v1/regulations/tidak-ada"), 404, "tidak-ada"),
    ("unknown provision", lambda c: c.get(f"/api/v1/provisions/{REG}/pasal-404"), 404, "pasal-404"),
    ("huge Pasal number", lambda c: c.get(f"/api/v1/provisions/{REG}/pasal-{'9' * 400}"), 404, "tidak ditemukan"),
    ("unknown provision's similar clauses", lambda c: c.get(f"/api/v1/provisions/{REG}/pasal-404/similar"), 404, "pasal-404"),
    ("path traversal in an id", lambda c: c.get("/api/v1/regulations/..%2F..%2Fetc%2Fpasswd/original"), 404, "not found"),
    ("compare an unknown id", lambda c: c.get("/api/v1/compare", params={"a": REG, "b": "tidak-ada"}), 404, "tidak-ada"),
    ("bad year", lambda c: c.get("/api/v1/search", params={"q": "arsip", "tahun_min": "dua ribu"}), 422, "integer"),
    ("empty year range", lambda c: c.get("/api/v1/search", params={"q": "arsip", "tahun_min": 2020, "tahun_max": 2000}),
     400, "tahun_min"),
    ("unknown level", lambda c: c.get("/api/v1/search", params={"q": "arsip", "tingkat": "desa"}), 400, "tingkat"),
    ("page 0", lambda c: c.get("/api/v1/regulations", params={"page": 0}), 422, "greater than or equal"),
    ("page and offset", lambda c: c.get("/api/v1/regulations", params={"page": 2, "offset": 5}), 422, "either page or offset"),
    ("huge page size", lambda c: c.get("/api/v1/regulations", params={"per_page": 10**9}), 422, "less than or equal"),
    ("upload without a key", lambda c: upload(c, SPECIMEN.read_bytes(), headers={}), 401, "X-API-Key"),
    ("empty upload", lambda c: upload(c, b""), 422, "kosong"),
    ("binary upload", lambda c: upload(c, bytes(range(256)) * 64, name="x.bin"), 422, ""),
    ("upload without a file", lambda c: c.post("/api/v1/regulations", data={"jenis": "Perbup"}, headers=HEADERS), 422, "file"),
    ("upload with a bad year", lambda c: upload(c, SPECIMEN.read_bytes(), tahun="kemarin"), 400, "tahun"),
    ("upload of an image", lambda c: upload(c, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, name="scan.png"), 422, ""),
    ("upload of a zip that is no DOCX", lambda c: upload(c, b"PK\x03\x04" + b"\x00" * 64, name="a.docx"), 422, ""),
]


@pytest.fixture
def stored(keys: None, client: TestClient, data_dir: Path) -> dict[str, Any]:
    answer = upload(client, SPECIMEN.read_bytes())
    assert answer.status_code == 201, answer.text
    return state(data_dir)


@pytest.mark.parametrize(("name", "call", "status", "says"), CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_a_clear_4xx_and_changes_nothing(
    stored: dict[str, Any], client: TestClient, data_dir: Path, name: str, call: Call, status: int, says: str,
) -> None:
    answer = call(client)
    assert answer.status_code == status, answer.text
    detail = answer.json()["detail"]
    text = detail if isinstance(detail, str) else json.dumps(detail)
    assert says.lower() in text.lower()
    assert "Traceback" not in answer.text and 'File "' not in answer.text
    assert state(data_dir) == stored


def test_a_path_in_an_uploaded_file_name_is_never_followed(stored: dict[str, Any], client: TestClient, data_dir: Path) -> None:
    text = SPECIMEN.read_bytes() + b"\n"
    answer = upload(client, text, name="../../../../etc/cron.d/selaras.txt", nomor="24")
    assert answer.status_code == 201, answer.text
    assert not Path("/etc/cron.d/selaras.txt").exists()
    kept = [path for path in (data_dir / "originals").rglob("*") if path.is_file()]
    assert len(kept) == 2 and all(data_dir / "originals" in path.parents for path in kept)


def test_script_inside_a_regulation_is_kept_as_text(stored: dict[str, Any], client: TestClient) -> None:
    text = SPECIMEN.read_text(encoding="utf-8").replace("Pasal 2\n", "Pasal 2\n<script>alert('x')</script> ", 1)
    answer = upload(client, text.encode(), nomor="25")
    assert answer.status_code == 201, answer.text
    reg_id = answer.json()["regulation"]["id"]
    pasal = client.get(f"/api/v1/provisions/{reg_id}/pasal-2").json()
    assert "<script>alert('x')</script>" in json.dumps(pasal, ensure_ascii=False)
    assert answer.headers["content-type"].startswith("application/json")


def test_huge_numbers_and_deep_nesting_in_a_text_are_read_not_crashed_on(stored: dict[str, Any], client: TestClient) -> None:
    nested = "\n".join(f"{'  ' * depth}{marker} tingkat {depth};" for depth, marker in
                       enumerate(["a.", "1.", "a)", "1)", "(a)", "(1)", "i.", "-"] * 25))
    text = (
        "PERATURAN BUPATI KENDAL\nNOMOR 7 TAHUN 2024\nTENTANG UJI\n\nBAB I\nKETENTUAN UMUM\n\n"
        f"Pasal 99999999999999999999999999\nDaerah menyelenggarakan uji sebagai berikut:\n{nested}\n\n"
        "Pasal 2\n(1) Ayat pertama.\n(99999999999999999999) Ayat dengan nomor raksasa.\n"
    )
    answer = upload(client, text.encode(), name="uji.txt")
    assert answer.status_code == 201, answer.text
    reg_id = answer.json()["regulation"]["id"]
    tree = client.get(f"/api/v1/regulations/{reg_id}")
    assert tree.status_code == 200
    assert "tingkat 199" in json.dumps(tree.json())  # the deepest item is kept
    assert client.get("/api/v1/search", params={"q": "raksasa"}).json()["total"] == 1
