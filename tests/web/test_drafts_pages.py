"""The Rancangan pages (app.web.drafts, app.web.draft_edits, app.web.draft_sheet) through FastAPI's
test client: each page's context and what it renders (every change and flag, the numbering, the
forms with labelled fields), the forms changing a draft (key, POST, 303 to the provision), the
"Tambahkan ke rancangan" of search hits and similar clauses, and errors as Indonesian pages."""

from __future__ import annotations

import doctest
import re
from html import unescape
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlmodel import Session

import app.web.draft_sheet
from app.config import get_settings
from app.index.schema import IndexHandle
from app.kb.store import save_document
from tests.drafting.specimens import batang, jateng
from tests.paths import SPECIMEN_TEXTS
from tests.web.test_pages import accessible
from tests.keys import KEY

BATANG = "perbup-batang-2019-23"
JATENG = "perda-prov-jawa-tengah-2019-11"
TO_JATENG = {"sumber": BATANG, "jenis": "Peraturan Daerah", "daerah": "Provinsi Jawa Tengah", "tahun": "2025"}



@pytest.fixture
def stored(session: Session, keys: None) -> None:
    """Both specimens in a knowledge base of this test's own (no index: drafts do not search)."""
    for document, content_hash in ((batang(), "b" * 64), (jateng(), "j" * 64)):
        save_document(session=session, document=document, content_hash=content_hash)


def post(client: TestClient, url: str, **fields: Any) -> Any:
    """A form sent with the key, its redirect not followed."""
    return client.post(url, data={"kunci": KEY, **fields}, follow_redirects=False)


def start(client: TestClient, **fields: Any) -> int:
    response = post(client, "/rancangan", **{**TO_JATENG, **fields})
    assert response.status_code == 303, response.text
    found = re.fullmatch(r"/rancangan/(\d+)", response.headers["location"])
    assert found
    return int(found[1])


def provision(sheet: Any, num: str, kind: str = "pasal") -> Any:
    return next(part.provision for part in sheet.parts if part.provision.kind == kind and part.provision.num == num)


def test_doctests() -> None:
    assert doctest.testmod(app.web.draft_sheet).failed == 0


def test_the_form_that_starts_a_draft(client: TestClient, stored: None) -> None:
    empty = client.get("/rancangan")
    assert empty.status_code == 200 and empty.context["drafts"] == [] and "Belum ada rancangan." in empty.text
    accessible(empty.text)
    nav = empty.text[empty.text.index("<nav"):empty.text.index("</nav>")]
    assert 'href="/rancangan" aria-current="page">Rancangan' in nav

    choose = client.get("/rancangan/baru")
    assert choose.context["source"] is None and {r.id for r in choose.context["choices"]} == {BATANG, JATENG}
    accessible(choose.text)
    assert 'action="/rancangan" method="post"' not in choose.text  # the source first

    form = client.get("/rancangan/baru", params={"sumber": BATANG})
    assert form.status_code == 200 and form.context["source"].id == BATANG
    html = form.text
    accessible(html)
    picks = form.context["picks"]
    assert [pick.node.node_id for pick in picks][:2] == ["bab-1", "bab-2"]
    assert [pick.node.node_id for pick in picks[0].children] == ["pasal-1"]
    assert picks[0].children[0].opening.startswith("Dalam Peraturan Bupati ini yang dimaksud dengan")
    assert '<input type="checkbox" id="pilih-pasal-16" name="pasal" value="pasal-16">' in html
    assert '<input type="hidden" name="sumber" value="perbup-batang-2019-23">' in html
    assert '<option value="Provinsi Jawa Tengah">' in html and '<option value="Kabupaten Kendal">' in html
    assert f'<option value="{BATANG}" selected>' in html
    assert 'name="kunci" type="password"' in html and "Ganti sumber" in html


def test_a_draft_page_shows_every_change_and_flag(client: TestClient, stored: None) -> None:
    draft_id = start(client)
    response = client.get(f"/rancangan/{draft_id}")
    assert response.status_code == 200
    sheet = response.context["sheet"]
    draft = sheet.draft
    assert (draft.jenis, draft.daerah, draft.tahun, sheet.pasal) == ("Peraturan Daerah Provinsi", "Provinsi Jawa Tengah",
                                                                     2025, 36)
    html = response.text
    accessible(html)
    assert "<h1>Rancangan Peraturan Daerah Provinsi Jawa Tengah</h1>" in html
    assert "tentang Penyelenggaraan Smart City Provinsi Jawa Tengah" in html
    assert "PERATURAN DAERAH PROVINSI JAWA TENGAH<br>NOMOR ... TAHUN 2025<br>TENTANG" in html
    assert f'<a href="/peraturan/{BATANG}">{BATANG}</a>' in html
    # every change, before -> after with its rule, at its Pasal (or in the opening)
    for change in draft.changes:
        assert f"<del>{escape(change.before)}</del>" in html and f"<ins>{escape(change.after)}</ins>" in html
    pasal_1 = provision(sheet, "1")
    part_1 = sheet.part(pasal_1.id)
    assert {(c.within, c.item.before, c.item.after, c.item.rule) for c in part_1.changes} >= {
        ("angka 3", "Bupati Batang", "Gubernur Jawa Tengah", "kepala-daerah"), ("", "Peraturan Bupati ini", "Peraturan Daerah ini", "jenis")}
    assert "judul" in {c.item.provision for c in sheet.opening_changes}
    assert {c.item.provision.split("/")[0] for c in sheet.opening_changes} <= {"judul", "menimbang", "mengingat"}
    # every flag with its reason, in the table linked to its Pasal, and at the Pasal
    assert len(sheet.flags) == len(draft.flags) > 5
    for flag in sheet.flags:
        assert escape(flag.item.message) in html and f'<span class="alasan">{flag.item.reason}</span>' in html
    pasal_17 = provision(sheet, "17")
    assert f'<td><a href="#ketentuan-{pasal_17.id}">Pasal 17 ayat (1) huruf d angka 2</a></td>' in html
    assert {(f.within, f.item.reason) for f in sheet.part(pasal_17.id).flags} >= {("ayat (1) huruf d angka 2", "daerah-sumber")}
    assert '<span class="kata">Kepala Kepolisian Resor <mark>Batang</mark>;</span>' in html  # the flagged words
    assert {f.item.reason for f in sheet.opening_flags} == {"bagian-perda"}
    # the text hangs beside its markers; the numbering, anchors, moves and downloads
    assert '<p class="baris tingkat-1"><span class="nomor">a.</span> <span class="kata">Ketua: Gubernur;</span></p>' in html
    assert 'id="pasal-36"' in html and f'id="ketentuan-{pasal_1.id}"' in html
    first, last = sheet.parts[0], sheet.parts[-1]
    assert (first.up, first.down, last.up, last.down) == (False, True, True, False)
    assert f'formaction="/rancangan/{draft_id}/ketentuan/{pasal_17.id}/naik" aria-label="Naikkan Pasal 17"' in html
    assert f'formaction="/rancangan/{draft_id}/ketentuan/{first.provision.id}/naik"' not in html
    for output in ("docx", "txt", "matrix", "matrix-docx"):
        assert f'href="/api/v1/drafts/{draft_id}/export?format={output}" download' in html
    assert response.context["check"] is None and "Hasil pemeriksaan" not in html
    listed = client.get("/rancangan")
    assert [d.id for d in listed.context["drafts"]] == [draft_id]
    assert f'<a href="/rancangan/{draft_id}">Rancangan Peraturan Daerah Provinsi Jawa Tengah</a>' in listed.text


def test_a_draft_of_chosen_bab_and_pasal(client: TestClient, stored: None) -> None:
    draft_id = start(client, pasal=["bab-1", "pasal-16"])
    sheet = client.get(f"/rancangan/{draft_id}").context["sheet"]
    assert [(p.kind, p.num) for p in sheet.draft.provisions] == [("bab", "I"), ("pasal", "1"), ("bab", "II"),
                                                                 ("bagian", "Kesatu"), ("pasal", "2")]
    assert [part.depth for part in sheet.parts] == [0, 1, 0, 1, 2]
    html = client.get(f"/rancangan/{draft_id}").text
    accessible(html)  # headings by depth: BAB h3, its Bagian h4, the Pasal in it h5
    assert '<h5 id="pasal-2">Pasal 2</h5>' in html


def test_add_a_clause_move_it_edit_it_remove_it(client: TestClient, stored: None) -> None:
    draft_id = start(client, pasal=["bab-1", "bab-2"])
    page = client.get(f"/rancangan/{draft_id}", params={"tambah": f"{JATENG}/pasal-43"})
    assert page.context["adding"].id == f"{JATENG}/pasal-43"
    assert f'<input id="sumber" name="sumber" value="{JATENG}/pasal-43" required' in page.text
    assert "Pasal 43, Peraturan Daerah Provinsi Jawa Tengah Nomor 11 Tahun 2019</a>" in page.text
    accessible(page.text)

    added = post(client, f"/rancangan/{draft_id}/ketentuan", sumber=f" {JATENG}/pasal-43 ", posisi="")
    assert added.status_code == 303
    sheet = client.get(f"/rancangan/{draft_id}").context["sheet"]
    new = provision(sheet, "5")
    assert added.headers["location"] == f"/rancangan/{draft_id}#ketentuan-{new.id}"
    assert new.source == f"{JATENG}/pasal-43"
    assert ("ayat (1)", "rujukan-terputus") in {(f.within, f.item.reason) for f in sheet.part(new.id).flags}

    moved = post(client, f"/rancangan/{draft_id}/ketentuan/{new.id}/naik")
    assert moved.status_code == 303 and moved.headers["location"].endswith(f"#ketentuan-{new.id}")
    sheet = client.get(f"/rancangan/{draft_id}").context["sheet"]
    assert provision(sheet, "4").id == new.id
    at_start = post(client, f"/rancangan/{draft_id}/ketentuan", sumber=f"{JATENG}/pasal-2", posisi="0")
    assert at_start.status_code == 303
    assert client.get(f"/rancangan/{draft_id}").context["sheet"].draft.provisions[0].source == f"{JATENG}/pasal-2"

    form = client.get(f"/rancangan/{draft_id}/ketentuan/{new.id}")
    assert form.status_code == 200 and form.context["part"].provision.id == new.id
    accessible(form.text)
    assert '<textarea id="teks" name="teks"' in form.text and "Pasal ?20 ayat (3)" in form.text
    edited = post(client, f"/rancangan/{draft_id}/ketentuan/{new.id}", teks="(1) Gubernur membentuk Dewan.\r\n(2) Dewan bertugas.")
    assert edited.status_code == 303
    sheet = client.get(f"/rancangan/{draft_id}").context["sheet"]
    after = sheet.part(new.id).provision
    assert (after.text, after.own) == ("(1) Gubernur membentuk Dewan.\n(2) Dewan bertugas.", True)
    bab = provision(sheet, "II", "bab")
    assert post(client, f"/rancangan/{draft_id}/ketentuan/{bab.id}", judul="TUJUAN").status_code == 303
    assert client.get(f"/rancangan/{draft_id}").context["sheet"].part(bab.id).provision.heading == "TUJUAN"

    removed = post(client, f"/rancangan/{draft_id}/ketentuan/{new.id}/hapus")
    assert removed.status_code == 303 and removed.headers["location"] == f"/rancangan/{draft_id}#batang-tubuh"
    assert new.id not in {p.id for p in client.get(f"/rancangan/{draft_id}").context["sheet"].draft.provisions}


def test_a_draft_from_a_file(client: TestClient, stored: None) -> None:
    form = client.get("/rancangan/baru")
    accessible(form.text)
    assert 'action="/rancangan/berkas" method="post" enctype="multipart/form-data"' in form.text
    assert '<input id="berkas-daerah" name="daerah" list="berkas-daerah-daftar"' in form.text
    text = (SPECIMEN_TEXTS / "perbup-batang-2019-23-smart-city.txt").read_bytes()
    made = client.post("/rancangan/berkas", data={"kunci": KEY, "jenis": "Peraturan Bupati", "daerah": "Kabupaten Kendal"},
                       files={"file": ("rancangan-kendal.txt", text, "text/plain")}, follow_redirects=False)
    assert made.status_code == 303
    draft = client.get(made.headers["location"]).context["sheet"].draft
    assert (draft.source, draft.jenis, draft.daerah) == ("rancangan-kendal.txt", "Peraturan Bupati", "Kabupaten Kendal")
    stored_source = client.get(f"/rancangan/{start(client, jenis='Peraturan Bupati', daerah='Kabupaten Kendal')}").context["sheet"].draft
    assert [(p.kind, p.num, p.text) for p in draft.provisions] == [(p.kind, p.num, p.text) for p in stored_source.provisions]
    assert any("Bupati Kendal" in p.text for p in draft.provisions)
    assert client.get("/peraturan").context["total"] == 2  # read, not stored as a regulation

    for name, data, expected in (("kosong.txt", b"", "kosong"), ("surat.txt", b"Dengan hormat, kami sampaikan undangan rapat.", "Pasal")):
        refused = client.post("/rancangan/berkas", data={"kunci": KEY, "jenis": "Peraturan Bupati", "daerah": "Kabupaten Kendal"},
                              files={"file": (name, data, "text/plain")}, follow_redirects=False)
        assert refused.status_code in (400, 422) and expected in unescape(refused.text) and "Traceback" not in refused.text
    assert {d.id for d in client.get("/rancangan").context["drafts"]} == {draft.id, stored_source.id}


def test_write_a_new_pasal_and_bab(client: TestClient, stored: None) -> None:
    draft_id = start(client, pasal=["bab-1"])
    page = client.get(f"/rancangan/{draft_id}")
    accessible(page.text)
    assert '<form action="/rancangan/%d/ketentuan/baru"' % draft_id in page.text and '<select id="posisi-baru" name="posisi">' in page.text
    written = post(client, f"/rancangan/{draft_id}/ketentuan/baru", jenis="pasal", posisi="",
                   isi="(1) Gubernur membentuk Dewan Kota Cerdas.\r\n(2) Dewan bertugas:\r\na. merencanakan; dan\r\nb. mengevaluasi.")
    assert written.status_code == 303
    sheet = client.get(f"/rancangan/{draft_id}").context["sheet"]
    new = sheet.parts[-1].provision
    assert written.headers["location"] == f"/rancangan/{draft_id}#ketentuan-{new.id}"
    assert (new.kind, new.own, new.source) == ("pasal", True, None)
    assert new.text == "(1) Gubernur membentuk Dewan Kota Cerdas.\n(2) Dewan bertugas:\n    a. merencanakan; dan\n    b. mengevaluasi."
    assert post(client, f"/rancangan/{draft_id}/ketentuan/baru", jenis="bab", isi=" DEWAN KOTA CERDAS ",
                posisi=str(len(sheet.parts) - 1)).status_code == 303
    sheet = client.get(f"/rancangan/{draft_id}").context["sheet"]
    bab = sheet.parts[-2].provision
    assert (bab.kind, bab.heading, sheet.parts[-1].provision.id) == ("bab", "DEWAN KOTA CERDAS", new.id)


def test_change_the_drafts_target_title_and_opening_then_delete_it(client: TestClient, stored: None) -> None:
    draft_id = start(client, pasal=["bab-1", "bab-2"])
    assert f'<a href="/rancangan/{draft_id}/ubah">Ubah judul dan pembukaan</a>' in client.get(f"/rancangan/{draft_id}").text
    form = client.get(f"/rancangan/{draft_id}/ubah")
    before = form.context["sheet"].draft
    accessible(form.text)
    assert '<option selected>Peraturan Daerah</option>' in form.text and 'value="Provinsi Jawa Tengah"' in form.text
    assert escape(before.menimbang[0]) in form.text and 'action="/rancangan/%d/hapus"' % draft_id in form.text
    closing = before.menimbang[-1]
    assert closing.startswith("bahwa berdasarkan pertimbangan") and form.context["closing"] == closing
    assert form.context["menimbang"] == before.menimbang[:-1]  # the closing item is written anew, not edited

    as_shown = {"jenis": "Peraturan Daerah", "daerah": before.daerah, "judul": before.judul, "tahun": str(before.tahun),
                "menimbang": "\r\n".join(before.menimbang[:-1]), "mengingat": "\r\n".join(before.mengingat)}
    unchanged = post(client, f"/rancangan/{draft_id}/ubah", **as_shown)
    assert unchanged.status_code == 303 and unchanged.headers["location"] == f"/rancangan/{draft_id}#pembukaan"
    same = client.get(f"/rancangan/{draft_id}").context["sheet"].draft
    assert same.model_dump(exclude={"updated_at"}) == before.model_dump(exclude={"updated_at"})

    reasons = ["bahwa untuk mewujudkan Kendal yang cerdas perlu diatur penyelenggaraannya;", "bahwa ..."]
    changed = post(client, f"/rancangan/{draft_id}/ubah", **{**as_shown, "jenis": "Peraturan Bupati", "daerah": "Kabupaten Kendal",
                                                          "judul": "PENYELENGGARAAN KOTA CERDAS", "menimbang": "\n".join(reasons) + "\n\n"})
    assert changed.status_code == 303
    after = client.get(f"/rancangan/{draft_id}").context["sheet"].draft
    assert (after.jenis, after.daerah, after.judul, after.menimbang[:-1]) == (
        "Peraturan Bupati", "Kabupaten Kendal", "PENYELENGGARAAN KOTA CERDAS", reasons)
    assert after.menimbang[-1] == ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, "
                                   "perlu menetapkan Peraturan Bupati tentang Penyelenggaraan Kota Cerdas;")
    assert any("Bupati Kendal" in p.text for p in after.provisions) and not any("Gubernur" in p.text for p in after.provisions)
    assert after.mengingat != before.mengingat  # not the drafter's: adapted again for the new target

    deleted = post(client, f"/rancangan/{draft_id}/hapus")
    assert deleted.status_code == 303 and deleted.headers["location"] == "/rancangan"
    assert client.get(f"/rancangan/{draft_id}").status_code == 404
    assert client.get("/rancangan").context["drafts"] == []


def test_the_checks_on_the_draft_page(client: TestClient, stored: None) -> None:
    draft_id = start(client, pasal=["bab-1"])
    post(client, f"/rancangan/{draft_id}/ketentuan", sumber=f"{JATENG}/pasal-43")
    response = client.get(f"/rancangan/{draft_id}", params={"periksa": 1})
    findings = response.context["check"]
    assert ("rujukan", "Pasal 2 ayat (1)", "Pasal ?20 ayat (3)") in {
        (f.item.reason, f.where, f.item.excerpt) for f in findings}
    assert "Hasil pemeriksaan: " in response.text and '<a href="#ketentuan-' in response.text
    accessible(response.text)


def test_changes_need_the_key_typed_in_the_form(client: TestClient, stored: None, monkeypatch: pytest.MonkeyPatch) -> None:
    draft_id = start(client)
    before = client.get(f"/rancangan/{draft_id}").context["sheet"].draft
    first = before.provisions[1].id
    for key, message in (("", "Isian &#39;Kunci API&#39; kosong."), ("kunci-yang-salah-tapi-panjang", "Kunci API tidak dikenal.")):
        for url in (f"/rancangan/{draft_id}/ketentuan/{first}/turun", f"/rancangan/{draft_id}/ketentuan/{first}/hapus",
                    f"/rancangan/{draft_id}/ubah", f"/rancangan/{draft_id}/hapus"):
            refused = client.post(url, data={"kunci": key}, follow_redirects=False)
            assert refused.status_code == 401 and "<h1>Kunci API diperlukan</h1>" in refused.text and message in refused.text
    assert client.post("/rancangan", data=TO_JATENG, follow_redirects=False).status_code == 401
    assert client.get(f"/rancangan/{draft_id}").context["sheet"].draft == before
    assert [d.id for d in client.get("/rancangan").context["drafts"]] == [draft_id]
    monkeypatch.delenv("SELARAS_API_KEYS")
    get_settings.cache_clear()
    disabled = post(client, f"/rancangan/{draft_id}/ketentuan/{first}/turun")
    assert disabled.status_code == 403 and "Perubahan dinonaktifkan di server ini" in disabled.text
    assert "belum ada kunci API" in client.get("/rancangan/baru").text


@pytest.mark.parametrize(("url", "fields", "status", "expected"), [
    ("/rancangan", {**TO_JATENG, "daerah": "Negeri Antah"}, 400, "Daerah tidak dikenal"),
    ("/rancangan", {**TO_JATENG, "jenis": "Peraturan Bupati"}, 400, "Peraturan Bupati dibuat oleh kabupaten"),
    ("/rancangan", {**TO_JATENG, "tahun": "dua ribu"}, 400, "Isian 'tahun' harus berupa angka."),
    ("/rancangan", {**TO_JATENG, "sumber": "perbup-tidak-ada-2019-1"}, 404, "perbup-tidak-ada-2019-1"),
    ("/rancangan/{draft}/ketentuan", {"sumber": f"{JATENG}/pasal-999"}, 404, "tidak ditemukan"),
    ("/rancangan/{draft}/ketentuan", {"sumber": ""}, 400, "Isian 'sumber' wajib diisi."),
    ("/rancangan/{draft}/ketentuan/{first}/naik", {}, 400, "sudah paling atas"),
    ("/rancangan/{draft}/ketentuan/{first}/samping", {}, 400, "Isian 'arah' bukan salah satu pilihan."),
    ("/rancangan/{draft}/ketentuan/{pasal}", {"teks": "BAB I\nUMUM"}, 400, "Isi Pasal harus satu Pasal"),
    ("/rancangan/{draft}/ketentuan/999999", {"teks": "Satu."}, 404, "Ketentuan rancangan 999999 tidak ditemukan"),
    ("/rancangan/999999/ketentuan/1/turun", {}, 404, "Rancangan 999999 tidak ditemukan"),
    ("/rancangan/{draft}/ubah", {"jenis": "Peraturan Daerah", "daerah": "Negeri Antah"}, 400, "Daerah tidak dikenal"),
    ("/rancangan/{draft}/ubah", {"jenis": "Peraturan Wali Kota", "daerah": "Kabupaten Kendal"}, 400, "dibuat oleh kota"),
    ("/rancangan/{draft}/ubah", {"tahun": "1900"}, 400, "tahun"),
    ("/rancangan/999999/hapus", {}, 404, "Rancangan 999999 tidak ditemukan"),
    ("/rancangan/{draft}/ketentuan/baru", {"jenis": "pasal", "isi": "BAB IX\nLAIN"}, 400, "Isi Pasal harus satu Pasal"),
    ("/rancangan/{draft}/ketentuan/baru", {"jenis": "pasal", "isi": "   "}, 400, "Isi Pasal harus satu Pasal"),
    ("/rancangan/{draft}/ketentuan/baru", {"jenis": "lampiran", "isi": "Satu."}, 400, "Isian 'jenis' bukan salah satu pilihan."),
])
def test_bad_input_is_an_indonesian_page(client: TestClient, stored: None, url: str, fields: dict[str, str], status: int,
                                         expected: str) -> None:
    draft_id = start(client, pasal=["bab-1"])
    provisions = client.get(f"/rancangan/{draft_id}").context["sheet"].draft.provisions
    target = url.format(draft=draft_id, first=provisions[0].id, pasal=provisions[1].id)
    response = post(client, target, **fields)
    assert response.status_code == status and response.headers["content-type"].startswith("text/html")
    assert expected in unescape(response.text) and "Traceback" not in response.text
    assert client.get(f"/rancangan/{draft_id}").context["sheet"].draft.provisions == provisions


def test_unknown_drafts_provisions_and_sources_are_404_pages(client: TestClient, stored: None) -> None:
    draft_id = start(client, pasal=["bab-1"])
    for url in ("/rancangan/999999", f"/rancangan/{draft_id}/ketentuan/999999", f"/rancangan/{draft_id}?tambah={JATENG}/pasal-999",
                "/rancangan?tambah=tidak-ada/pasal-1", "/rancangan/baru?sumber=tidak-ada"):
        response = client.get(url)
        assert response.status_code == 404 and "<h1>Tidak ditemukan</h1>" in response.text, url
    assert client.get("/rancangan/nol").status_code == 400


def test_the_drafts_to_add_a_clause_to(client: TestClient, stored: None) -> None:
    draft_id = start(client)
    response = client.get("/rancangan", params={"tambah": f"{JATENG}/pasal-14"})
    assert response.context["adding"].node_id == "pasal-14"
    accessible(response.text)
    assert f'<a href="/rancangan/{draft_id}?tambah={JATENG}%2Fpasal-14#tambah"' in response.text
    assert "(1)</span> Ekonomi cerdas sebagaimana dimaksud dalam Pasal 11 ayat (1) huruf c" in response.text


def test_search_hits_and_similar_clauses_add_to_a_draft(corpus: IndexHandle, client: TestClient) -> None:
    chosen = client.get("/cari", params={"q": "ekonomi cerdas", "rancangan": 3})
    html = chosen.text
    accessible(html)
    assert chosen.context["rancangan"] == 3 and '<input type="hidden" name="rancangan" value="3">' in html
    assert '<a href="/rancangan/3">rancangan nomor 3</a>' in html
    assert f'<a href="/rancangan/3?tambah={JATENG}%2Fpasal-14#tambah">Tambahkan Pasal 14 ke rancangan</a>' in html
    assert f'<a href="/rancangan/3?tambah={JATENG}%2Fpasal-14%2Fayat-1#tambah">hanya ayat (1)</a>' in html
    assert f'href="/peraturan/{JATENG}?rancangan=3#pasal-14/ayat-1"' in html  # the reader keeps the draft
    hits = chosen.context["result"].hits
    adds = html.count("Tambahkan Pasal ") + html.count(">Tambahkan ke rancangan</a>")
    assert adds == sum(1 for hit in hits if hit.part == "body") > 0

    pages = client.get("/cari", params={"q": "informasi", "rancangan": 3}).text
    assert 'href="/cari?q=informasi&amp;rancangan=3&amp;page=2" rel="next"' in pages
    unchosen = client.get("/cari", params={"q": "ekonomi cerdas"}).text
    assert f'<a href="/rancangan?tambah={JATENG}%2Fpasal-14">Tambahkan Pasal 14 ke rancangan</a>' in unchosen
    penjelasan = client.get("/cari", params={"q": "keterpaduan", "bagian": "penjelasan"})
    assert penjelasan.context["result"].hits and "ke rancangan" not in penjelasan.text.split("klausul ditemukan")[1]

    reader = client.get(f"/peraturan/{BATANG}", params={"rancangan": 3}).text
    assert f'data-src="/peraturan/{BATANG}/mirip?pasal=pasal-16&amp;rancangan=3"' in reader
    assert '<a href="/rancangan/3">rancangan nomor 3</a>' in reader
    assert f'<a href="/rancangan/baru?sumber={BATANG}">Mulai rancangan dari peraturan ini</a>' in reader
    similar = client.get(f"/peraturan/{BATANG}/mirip", params={"pasal": "pasal-16", "rancangan": 3}, headers={"X-Fragment": "1"})
    first = similar.context["result"].hits[0]
    assert f'<a href="/rancangan/3?tambah={first.provision_id.replace("/", "%2F")}#tambah">Tambahkan ke rancangan</a>' in similar.text
    plain = client.get(f"/peraturan/{BATANG}/mirip", params={"pasal": "pasal-16"}, headers={"X-Fragment": "1"}).text
    assert f'<a href="/rancangan?tambah={first.provision_id.replace("/", "%2F")}">Tambahkan ke rancangan</a>' in plain
    assert "Mulai rancangan dari peraturan ini" not in client.get("/peraturan/perbup-batang-2021-8").text  # an amendment
