"""POST /api/v1/regulations (upload, with an API key) and GET /api/v1/regulations/{id}/original.

An upload is stored as `selaras ingest` stores a file: parsed, its original kept, its clauses
indexed at once; a refused one leaves the database, the originals folder and the index as they were.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import get_settings
from tests.api.uploads import SPECIMEN, originals, search_total, state, upload
from tests.keys import HEADERS, KEY, OTHER_KEY

pytestmark = pytest.mark.databases  # every test on SQLite and on PostgreSQL


# --- a good upload ----------------------------------------------------------------------------


def test_an_uploaded_regulation_is_listed_searched_and_downloadable(keys: None, client: TestClient) -> None:
    data = SPECIMEN.read_bytes()

    response = upload(client, data)

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "added" and body["warnings"] == []
    regulation = body["regulation"]
    assert regulation["id"] == "perbup-batang-2019-23" and regulation["nomor"] == "23" and regulation["tahun"] == 2019
    assert regulation["spesimen"] is True and regulation["original_format"] == "text"
    assert response.headers["location"] == "/api/v1/regulations/perbup-batang-2019-23"
    listed = client.get("/api/v1/regulations").json()
    assert [item["id"] for item in listed["items"]] == ["perbup-batang-2019-23"]
    hits = client.get("/api/v1/search", params={"q": '"Dewan Smart City"'}).json()["hits"]
    assert hits and all(hit["regulation_id"] == "perbup-batang-2019-23" for hit in hits)

    original = client.get("/api/v1/regulations/perbup-batang-2019-23/original")
    assert original.status_code == 200
    assert original.content == data
    assert original.headers["content-type"] == "text/plain"
    assert original.headers["content-disposition"] == 'attachment; filename="perbup-batang-2019-23.txt"'


def test_the_same_bytes_again_are_unchanged_and_nothing_is_duplicated(keys: None, client: TestClient, data_dir: Path) -> None:
    data = SPECIMEN.read_bytes()
    first = upload(client, data)
    assert first.status_code == 201
    clauses = search_total(client, "smart city")
    before = state(data_dir)

    again = upload(client, data, name="salinan-lain.txt")  # another name, the same bytes

    assert again.status_code == 200, again.text
    assert again.json()["status"] == "unchanged" and again.json()["regulation"]["id"] == "perbup-batang-2019-23"
    assert state(data_dir) == before  # no row, no file, no index segment written
    assert client.get("/api/v1/regulations").json()["total"] == 1
    assert search_total(client, "smart city") == clauses
    assert list(before["originals"]) == [f"{hashlib.sha256(data).hexdigest()[:2]}/{hashlib.sha256(data).hexdigest()}.txt"]


def test_form_fields_override_what_the_parser_read(keys: None, client: TestClient) -> None:
    response = upload(client, SPECIMEN.read_bytes(), tahun="2020", judul="Judul Dari Formulir",
                      sumber="JDIH Kabupaten Batang", status="dicabut", keaslian="")

    assert response.status_code == 201, response.text
    regulation = response.json()["regulation"]
    assert regulation["tahun"] == 2020 and regulation["judul"] == "Judul Dari Formulir"
    assert regulation["sumber"] == "JDIH Kabupaten Batang" and regulation["status"] == "dicabut"
    assert regulation["keaslian"] is None  # an empty field is not given
    assert regulation["id"] == "perbup-batang-2020-23"  # the id follows the metadata stored
    stored = client.get(f"/api/v1/regulations/{regulation['id']}").json()
    assert stored["tahun"] == 2020 and stored["judul"] == "Judul Dari Formulir"
    hit = client.get("/api/v1/search", params={"q": "smart city", "tahun_min": 2020}).json()["hits"][0]
    assert hit["regulation"]["tahun"] == 2020 and hit["regulation"]["status"] == "dicabut"

    same_bytes_other_fields = upload(client, SPECIMEN.read_bytes(), tahun="2021")
    assert same_bytes_other_fields.status_code == 200 and same_bytes_other_fields.json()["status"] == "updated"
    assert same_bytes_other_fields.json()["regulation"]["tahun"] == 2021


def test_a_bad_form_field_is_400_and_stores_nothing(keys: None, client: TestClient, data_dir: Path) -> None:
    assert upload(client, SPECIMEN.read_bytes()).status_code == 201
    before = state(data_dir)

    for field, value in (("tahun", "dua ribu"), ("tingkat", "desa"), ("spesimen", "mungkin")):
        response = upload(client, SPECIMEN.read_bytes().replace(b"NOMOR 23", b"NOMOR 24"), **{field: value})
        assert response.status_code == 400, response.text
        assert field in response.json()["detail"]
    assert state(data_dir) == before


def test_a_new_version_updates_the_regulation_and_replaces_its_original(keys: None, client: TestClient, data_dir: Path) -> None:
    first = SPECIMEN.read_bytes()
    second = first.replace(b"Dewan Smart City", b"Dewan Kota Cerdas")
    assert second != first
    assert upload(client, first).status_code == 201

    response = upload(client, second, name="perbup-batang-2019-23-revisi.txt")

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "updated" and response.json()["regulation"]["id"] == "perbup-batang-2019-23"
    assert client.get("/api/v1/regulations/perbup-batang-2019-23/original").content == second
    assert list(originals(data_dir).values()) == [hashlib.sha256(second).hexdigest()]  # the old one is deleted
    assert search_total(client, '"Dewan Kota Cerdas"') > 0 and search_total(client, '"Dewan Smart City"') == 0


def test_a_text_without_pasal_is_stored_with_the_parser_warning_as_the_cli_does(keys: None, client: TestClient) -> None:
    response = upload(client, b"Catatan rapat tentang taman kota.\nTidak ada ketentuan di sini.\n", name="catatan.txt")

    assert response.status_code == 201, response.text
    assert any("no Pasal found" in warning for warning in response.json()["warnings"])
    assert response.json()["regulation"]["warnings"] == 1


def test_a_pdf_upload_is_kept_and_served_as_pdf(keys: None, client: TestClient, tmp_path: Path) -> None:
    from tests.conftest import regulation_text
    from tests.ingest.files import write_pdf

    pdf = write_pdf(tmp_path / "perbup.pdf", regulation_text().split("\n")).read_bytes()

    response = upload(client, pdf, name="unduhan.txt")  # the name says text; the bytes say PDF

    assert response.status_code == 201, response.text
    reg_id = response.json()["regulation"]["id"]
    assert response.json()["regulation"]["original_format"] == "pdf"
    original = client.get(f"/api/v1/regulations/{reg_id}/original")
    assert original.content == pdf and original.headers["content-type"] == "application/pdf"
    assert original.headers["content-disposition"] == f'attachment; filename="{reg_id}.pdf"'


# --- refused uploads leave everything as it was -----------------------------------------------


def test_without_configured_keys_uploads_are_disabled(client: TestClient, data_dir: Path) -> None:
    before = state(data_dir)
    for headers in (HEADERS, None):
        response = upload(client, SPECIMEN.read_bytes(), headers=headers)
        assert response.status_code == 403
        assert "SELARAS_API_KEYS" in response.json()["detail"] and "disabled" in response.json()["detail"]
    assert state(data_dir) == before
    assert before["regulations"] == [] and before["originals"] == {}


@pytest.mark.parametrize(("headers", "message"), [
    (None, "required"),
    ({"X-API-Key": ""}, "required"),
    ({"X-API-Key": "salah-kunci-yang-panjang-sekali"}, "unknown API key"),
    ({"X-API-Key": KEY + "x"}, "unknown API key"),
    ({"X-API-Key": KEY[:-1]}, "unknown API key"),
    ({"X-API-Key": "kunçi-ünïcode-yang-panjang".encode()}, "unknown API key"),  # not ASCII: no 500
])
def test_a_missing_or_wrong_key_is_401(keys: None, client: TestClient, data_dir: Path,
                                       headers: dict[str, Any] | None, message: str) -> None:
    assert upload(client, SPECIMEN.read_bytes().replace(b"NOMOR 23", b"NOMOR 5")).status_code == 201
    before = state(data_dir)

    response = upload(client, SPECIMEN.read_bytes(), headers=headers)

    assert response.status_code == 401, response.text
    assert message in response.json()["detail"] and "X-API-Key" in response.json()["detail"]
    assert response.headers["www-authenticate"] == "APIKey"
    assert state(data_dir) == before


def test_every_configured_key_is_accepted(keys: None, client: TestClient) -> None:
    assert upload(client, SPECIMEN.read_bytes(), headers={"X-API-Key": OTHER_KEY}).status_code == 201


def test_a_file_above_the_size_limit_is_413(keys: None, client: TestClient, data_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert upload(client, SPECIMEN.read_bytes()).status_code == 201
    before = state(data_dir)
    monkeypatch.setenv("SELARAS_UPLOAD_MAX_MB", "1")
    get_settings.cache_clear()

    too_large = SPECIMEN.read_bytes().replace(b"NOMOR 23", b"NOMOR 7") + b"\n" + b"Pasal 99\nteks. " * 70_000
    response = upload(client, too_large)

    assert len(too_large) > 1024 * 1024
    assert response.status_code == 413 and "1 MB" in response.json()["detail"]
    assert state(data_dir) == before


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("kosong.txt", b"", "empty file"),
    ("spasi.txt", b" \n\t\n", "empty file"),
    ("biner.txt", bytes(range(256)) * 40, "not text"),
    ("gambar.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "damaged or unknown image"),
    ("rusak.pdf", b"%PDF-1.7\n%%EOF", "rusak.pdf"),
])
def test_an_unreadable_file_is_422_and_stores_nothing(keys: None, client: TestClient, data_dir: Path,
                                                      name: str, data: bytes, reason: str) -> None:
    assert upload(client, SPECIMEN.read_bytes()).status_code == 201
    before = state(data_dir)

    response = upload(client, data, name=name)

    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert reason in detail and name in detail and "selaras-upload-" not in detail  # no temporary path
    assert state(data_dir) == before


def test_an_index_that_cannot_be_written_is_503_saying_the_regulation_is_stored(
        keys: None, client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.errors import IndexUnavailable
    from app.kb import ingest

    def locked(**_kwargs: Any) -> int:
        raise IndexUnavailable("Indeks terkunci (the search index is locked).")

    monkeypatch.setattr(ingest, "update_index", locked)
    response = upload(client, SPECIMEN.read_bytes())

    assert response.status_code == 503
    detail = response.json()["detail"]
    assert "perbup-batang-2019-23" in detail and "stored" in detail and "selaras reindex" in detail
    assert client.get("/api/v1/regulations/perbup-batang-2019-23/original").status_code == 200


# --- download -------------------------------------------------------------------------------


def test_the_original_of_an_unknown_regulation_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/regulations/nope/original")
    assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_a_regulation_stored_without_its_original_is_404(client: TestClient, save, make_document) -> None:
    save(make_document(), "a" * 64)  # as before originals were kept

    response = client.get("/api/v1/regulations/perbup-batang-2019-23/original")

    assert response.status_code == 404
    assert "no original file is kept" in response.json()["detail"]
    assert client.get("/api/v1/regulations/perbup-batang-2019-23").json()["original_format"] is None


def test_an_original_gone_from_the_folder_is_404(keys: None, client: TestClient, data_dir: Path) -> None:
    assert upload(client, SPECIMEN.read_bytes()).status_code == 201
    for path in (data_dir / "originals").rglob("*.txt"):
        path.unlink()

    response = client.get("/api/v1/regulations/perbup-batang-2019-23/original")

    assert response.status_code == 404 and "missing" in response.json()["detail"]


# --- the OpenAPI document ---------------------------------------------------------------------


def test_openapi_shows_the_routes_the_key_header_and_the_answers(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    post = schema["paths"]["/api/v1/regulations"]["post"]
    [requirement] = post["security"]
    [scheme_name] = requirement
    scheme = schema["components"]["securitySchemes"][scheme_name]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "X-API-Key")
    assert {"200", "201", "400", "401", "403", "413", "422"} <= set(post["responses"])
    assert "multipart/form-data" in post["requestBody"]["content"]
    body = schema["components"]["schemas"][post["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"].split("/")[-1]]
    assert {"file", "jenis", "nomor", "tahun", "judul", "daerah", "status", "sumber"} <= set(body["properties"])
    assert "security" not in schema["paths"]["/api/v1/regulations"]["get"]  # reading needs no key
    download = schema["paths"]["/api/v1/regulations/{reg_id}/original"]["get"]
    assert {"application/pdf", "text/plain"} <= set(download["responses"]["200"]["content"])
    assert "404" in download["responses"]
