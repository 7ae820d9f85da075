"""The pages (app.web) through FastAPI's test client: each page's template context and what it
renders (hit counts, <mark>, the SPESIMEN badge, anchors ...), an upload read by OCR followed on
its job's page, errors as Indonesian pages, HTML of regulations always escaped, and labelled
fields with headings in order on every page. (The Rancangan pages: test_drafts_pages.py.)"""

from __future__ import annotations

import doctest
import re
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from PIL import Image
from sqlmodel import Session

import app.web.glossary
import app.web.paging
import app.web.templating
from app.db import get_engine
from app.index.schema import IndexHandle
from app.kb.jobs import INTERRUPTED
from app.models import Job
from tests.conftest import regulation_text
from tests.ingest.files import scan
from tests.paths import SPECIMEN_TEXTS
from tests.keys import KEY

PERBUP = "perbup-batang-2019-23"
PERDA = "perda-prov-jawa-tengah-2019-11"
PERBUP_TEXT = SPECIMEN_TEXTS / "perbup-batang-2019-23-smart-city.txt"


@pytest.fixture
def web(corpus: IndexHandle, client: TestClient) -> TestClient:
    """The test client over the ingested bundled corpus."""
    return client


class Page(HTMLParser):
    """What the accessibility checks need from a page: headings, fields and labels, ids."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.fields: list[str] = []
        self.labels: set[str] = set()
        self.ids: list[str] = []
        self.lang: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("input", "select", "textarea") and attributes.get("type") not in ("hidden", "submit"):
            self.fields.append(attributes.get("id") or "")
        if tag == "label" and attributes.get("for"):
            self.labels.add(attributes["for"] or "")
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")


def accessible(html: str) -> Page:
    """The page, after checking lang="id", one h1, headings that never skip a level going down,
    a label for every field, unique ids and a skip link to #isi."""
    page = Page(html)
    assert page.lang == "id"
    assert page.headings.count(1) == 1 and page.headings[0] == 1, page.headings
    for before, after in zip(page.headings, page.headings[1:]):
        assert after <= before + 1, f"heading h{before} followed by h{after}"
    unlabelled = [field for field in page.fields if field not in page.labels]
    assert not unlabelled, f"fields without a label: {unlabelled}"
    duplicated = {one for one in page.ids if page.ids.count(one) > 1}
    assert not duplicated, f"ids used twice: {sorted(duplicated)[:5]}"
    assert 'href="#isi"' in html and 'id="isi"' in html
    return page


@pytest.mark.parametrize("module", [app.web.glossary, app.web.paging, app.web.templating])
def test_doctests(module: Any) -> None:
    assert doctest.testmod(module).failed == 0


# --- Beranda ---------------------------------------------------------------------------------


def test_home_shows_what_the_corpus_holds(web: TestClient) -> None:
    response = web.get("/")
    assert response.status_code == 200
    summary = response.context["summary"]
    assert summary.total == 23 and ("Peraturan Bupati", 2) in summary.by_jenis
    html = response.text
    accessible(html)
    assert "Isi Selaras: 23 peraturan" in html
    assert '<a href="/peraturan?jenis=Peraturan%20Bupati">Peraturan Bupati</a>' in html
    assert 'href="/peraturan?tingkat=nasional">Nasional</a>' in html
    assert '<form class="cari-besar" action="/cari" method="get" role="search">' in html
    nav = html[html.index("<nav"):html.index("</nav>")]
    assert [name for name in re.findall(r">(\w+)</a>", nav)] == ["Beranda", "Cari", "Bandingkan", "Rancangan", "Unggah"]
    assert 'aria-current="page">Beranda' in nav
    assert "bukan teks resmi" in html[html.index("<footer"):]


# --- Cari ------------------------------------------------------------------------------------


def test_search_hits_with_marks_facets_and_links(web: TestClient) -> None:
    response = web.get("/cari", params={"q": "dewan smart city", "jenis": "Peraturan Bupati"})
    assert response.status_code == 200
    result = response.context["result"]
    assert result.total == 13 and len(result.hits) == 13
    html = response.text
    accessible(html)
    assert "13 klausul ditemukan" in html
    assert html.count("<mark>Dewan</mark>") >= 5
    first = result.hits[0]
    anchor = first.provision_id.split("/", 1)[1]
    assert f'<a href="/peraturan/{first.regulation_id}#{anchor}">' in html
    assert 'aria-label="Hapus saringan Jenis Peraturan Bupati"' in html  # the active filter can be removed
    assert "&amp;tahun_min=2019&amp;tahun_max=2019" in html and "&amp;daerah=Kabupaten+Batang" in html
    assert '<h3>Jenis</h3>' not in html  # the facet chosen already is not offered again
    assert '<input type="hidden" name="jenis" value="Peraturan Bupati">' in html  # a new query keeps it
    assert 'class="lencana-spesimen"' in html


def test_search_pages_and_sort(web: TestClient) -> None:
    response = web.get("/cari", params={"q": "informasi", "page": 2, "sort": "tahun"})
    paging = response.context["paging"]
    assert paging.page == 2 and paging.pages > 3 and paging.previous == 1
    assert 'href="/cari?q=informasi&amp;sort=tahun&amp;page=3" rel="next"' in response.text
    assert '<ol class="daftar-hit" start="21">' in response.text
    assert '<option value="tahun" selected>' in response.text


def test_search_suggests_a_correction(web: TestClient) -> None:
    response = web.get("/cari", params={"q": "komand center"})
    result = response.context["result"]
    assert result.suggestion and result.suggestion != "komand center"
    assert f'?q={result.suggestion.replace(" ", "+")}">{result.suggestion}</a>' in response.text
    assert ("Maksud Anda" in response.text) != result.corrected


def test_search_form_without_a_query_and_escaped_queries(web: TestClient) -> None:
    empty = web.get("/cari")
    assert empty.status_code == 200 and empty.context["result"] is None
    accessible(empty.text)
    hostile = web.get("/cari", params={"q": '<script>alert("x")</script>'})
    assert hostile.status_code == 200
    assert '<script>alert' not in hostile.text and "&lt;script&gt;alert" in hostile.text


@pytest.mark.parametrize(("params", "expected"), [
    ({"q": "data", "tahun_min": "dua ribu"}, "Isian 'tahun_min' harus berupa angka."),
    ({"q": "data", "sort": "acak"}, "Isian 'sort' bukan salah satu pilihan."),
    ({"q": "data", "tingkat": "desa"}, "'tingkat' harus salah satu dari"),
    ({"q": "data", "tahun_min": 2020, "tahun_max": 2010}, "lebih besar dari tahun_max"),
])
def test_bad_search_input_is_a_400_page_in_indonesian(web: TestClient, params: dict[str, Any], expected: str) -> None:
    response = web.get("/cari", params=params)
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")
    assert "<h1>Isian tidak sah</h1>" in response.text and expected in unescape(response.text)
    assert "Traceback" not in response.text


# --- the regulations -------------------------------------------------------------------------


def test_the_reader_of_a_specimen(web: TestClient) -> None:
    response = web.get(f"/peraturan/{PERBUP}")
    assert response.status_code == 200
    reading = response.context["reading"]
    assert reading.regulation.id == PERBUP and reading.defined >= 20
    assert [entry.anchor for entry in reading.contents][:2] == ["bab-1", "bab-2"]
    html = response.text
    page = accessible(html)
    h1 = html[html.index("<h1>"):html.index("</h1>")]
    assert "Peraturan Bupati Batang Nomor 23 Tahun 2019" in h1 and 'class="lencana-spesimen"' in h1
    assert 'class="peringatan-spesimen"' in html
    assert {"pasal-5", "pasal-5/ayat-1", "pasal-5/ayat-2", "bab-3/bagian-1", "pasal-3/huruf-a"} <= set(page.ids)
    assert '<a class="tautan" href="#pasal-5/ayat-2" aria-label="Tautan ke ayat (2)">#</a>' in html
    assert f'<a href="/api/v1/regulations/{PERBUP}/original" download>Unduh berkas asli (teks)</a>' in html
    assert '<a href="#bab-3">' in html  # the table of contents
    # a defined term, where it is used (not in Pasal 1 itself), once per Pasal
    pasal_5 = html[html.index('id="pasal-5"'):html.index('id="pasal-6"')]
    assert '<abbr title="Dinas Komunikasi dan Informatika (Dinas): Dinas Komunikasi dan Informatika Kabupaten Batang." tabindex="0">Dinas</abbr>' in pasal_5
    assert pasal_5.count(">Perangkat Daerah</abbr>") == 1
    pasal_1 = html[html.index('id="pasal-1"'):html.index('id="pasal-2"')]
    assert "<abbr" not in pasal_1
    # the Mengingat linked to what the corpus holds
    assert '<a href="/peraturan/uu-2008-14">Undang-Undang Nomor 14 Tahun 2008</a>' in html
    assert '<a href="/peraturan/uu-2016-19">Undang-Undang Nomor 19 Tahun 2016</a>' in html
    # similar clauses of every Pasal, loadable in place or as a page
    assert f'<details class="mirip" data-src="/peraturan/{PERBUP}/mirip?pasal=pasal-16">' in html
    assert html.count('<details class="mirip"') == len(re.findall(r'<article class="pasal', html))


def test_the_penjelasan_beside_its_pasal(web: TestClient) -> None:
    response = web.get(f"/peraturan/{PERDA}")
    html = response.text
    accessible(html)
    pasal_2 = html[html.index('<article class="pasal ada-penjelasan" id="pasal-2">'):html.index('id="pasal-3"')]
    assert '<aside class="penjelasan" aria-label="Penjelasan Pasal 2" id="penjelasan/pasal-2">' in pasal_2
    assert 'id="penjelasan/pasal-2/huruf-a"' in pasal_2 and "asas keterpaduan" in pasal_2
    rest = html[html.index('<section id="penjelasan"'):]
    assert "I. UMUM" in rest and 'id="penjelasan/pasal-2"' not in rest  # shown once, with its Pasal
    assert "II. PASAL DEMI PASAL" not in rest  # every Pasal it held is shown with its Pasal


def test_a_national_regulation_has_no_specimen_badge(web: TestClient) -> None:
    html = web.get("/peraturan/uu-2008-14").text
    h1 = html[html.index("<h1>"):html.index("</h1>")]
    assert "Undang-Undang Nomor 14 Tahun 2008" in h1 and "SPESIMEN" not in h1
    assert 'class="peringatan-spesimen"' not in html


def test_an_amending_regulation_lists_its_pasal(web: TestClient) -> None:
    response = web.get("/peraturan/perbup-batang-2021-8")
    accessible(response.text)
    assert [entry.label for entry in response.context["reading"].contents] == ["Pasal I", "Pasal II"]
    assert 'id="pasal-i/perubahan-1/pasal-1/angka-19a"' in response.text


def test_an_unknown_regulation_is_a_404_page(web: TestClient) -> None:
    response = web.get("/peraturan/perbup-nowhere-2030-1")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "<h1>Tidak ditemukan</h1>" in response.text and "perbup-nowhere-2030-1" in response.text
    accessible(response.text)


def test_the_regulation_list_filters_and_pages(web: TestClient) -> None:
    response = web.get("/peraturan", params={"jenis": "UU", "per_page": 5, "page": 2})
    assert response.context["total"] == 12 and len(response.context["items"]) == 5
    accessible(response.text)
    assert "12 peraturan" in response.text and 'aria-label="Hapus saringan jenis UU"' in response.text
    assert 'href="/peraturan?jenis=UU&amp;per_page=5&amp;page=3" rel="next"' in response.text


def test_similar_clauses_as_a_fragment_and_as_a_page(web: TestClient) -> None:
    url = f"/peraturan/{PERBUP}/mirip"
    fragment = web.get(url, params={"pasal": "pasal-16"}, headers={"X-Fragment": "1"})
    assert fragment.status_code == 200 and "<html" not in fragment.text and fragment.headers["vary"] == "X-Fragment"
    result = fragment.context["result"]
    assert result.hits and result.hits[0].regulation.id == PERDA
    assert f'href="/peraturan/{PERDA}#{result.hits[0].provision_id.split("/", 1)[1]}"' in fragment.text
    assert f'/bandingkan?a={PERBUP}&amp;b={PERDA}' in fragment.text
    assert '<span class="hubungan hubungan-' in fragment.text
    whole = web.get(url, params={"pasal": "pasal-16"})
    accessible(whole.text)
    assert f'<a href="/peraturan/{PERBUP}#pasal-16">Kembali ke Pasal 16</a>' in whole.text
    assert web.get(url, params={"pasal": "pasal-999"}).status_code == 404
    assert web.get(url).status_code == 400


# --- Bandingkan ------------------------------------------------------------------------------


def test_compare_two_regulations(web: TestClient) -> None:
    response = web.get("/bandingkan", params={"a": PERBUP, "b": PERDA})
    assert response.status_code == 200
    comparison = response.context["comparison"]
    assert comparison.a.id == PERBUP and comparison.b.id == PERDA and not response.context["draft"]
    html = response.text
    accessible(html)
    assert f'<option value="{PERBUP}" selected>' in html
    assert f'{"%.0f" % (comparison.carried * 100)}%</strong> Pasal A terbawa ke B' in html
    assert '<span class="hubungan hubungan-merged" title="dua Pasal atau lebih menjadi satu">digabung</span>' in html
    assert f'<a href="/peraturan/{PERBUP}#pasal-19">Pasal 19</a>' in html
    assert "<del>" in html and "<ins>" in html
    assert f'href="/api/v1/compare.csv?a={PERBUP}&amp;b={PERDA}" download' in html
    assert f'href="/api/v1/compare.html?a={PERBUP}&amp;b={PERDA}" download' in html
    for num in comparison.only_b:
        assert f'<a href="/peraturan/{PERDA}#pasal-{num.lower()}">Pasal {num}</a>' in html


def test_compare_form_alone_and_unknown_ids(web: TestClient) -> None:
    form = web.get("/bandingkan")
    assert form.context["comparison"] is None and len(form.context["choices"]) == 23
    accessible(form.text)
    missing = web.get("/bandingkan", params={"a": PERBUP, "b": "nope"})
    assert missing.status_code == 404 and "'nope' tidak ditemukan" in unescape(missing.text)


def test_compare_a_draft_file(web: TestClient) -> None:
    draft = (SPECIMEN_TEXTS / "perda-jateng-2019-11-jateng-cerdas.txt").read_bytes()
    response = web.post("/bandingkan", data={"peraturan": PERBUP, "rancangan": "b"},
                        files={"file": ("rancangan-jateng.txt", draft, "text/plain")})
    assert response.status_code == 200, response.text
    comparison = response.context["comparison"]
    assert response.context["draft"] and comparison.a.id == PERBUP and comparison.b.ref == "rancangan-jateng.txt"
    assert "Rancangan <q>rancangan-jateng.txt</q>" in response.text
    assert "/api/v1/compare.csv" not in response.text  # a draft is not stored: no download of it
    as_a = web.post("/bandingkan", data={"peraturan": PERBUP, "rancangan": "a"},
                    files={"file": ("rancangan-jateng.txt", draft, "text/plain")})
    assert as_a.context["comparison"].b.id == PERBUP
    no_regulation = web.post("/bandingkan", files={"file": ("r.txt", draft, "text/plain")})
    assert no_regulation.status_code == 400 and "Isian 'peraturan' wajib diisi." in unescape(no_regulation.text)


def test_the_coverage_matrix(web: TestClient) -> None:
    response = web.get("/bandingkan/cakupan", params=[("ids", PERBUP), ("ids", PERDA)])
    assert response.status_code == 200
    matrix = response.context["matrix"]
    assert [regulation.id for regulation in matrix.regulations] == [PERBUP, PERDA]
    html = response.text
    accessible(html)
    assert '<th scope="row">Dewan smart city</th>' in html
    assert f'<a href="/peraturan/{PERBUP}#pasal-16">Pasal 16</a>' in html
    assert f'href="/api/v1/coverage.csv?ids={PERBUP}%2C{PERDA}" download' in html
    assert html.count(' checked>') == 2
    empty = web.get("/bandingkan/cakupan")
    assert empty.context["matrix"] is None
    accessible(empty.text)


# --- Unggah ----------------------------------------------------------------------------------



def upload(client: TestClient, key: str, **fields: str) -> Any:
    return client.post("/unggah", data={"kunci": key, **fields},
                       files={"file": (PERBUP_TEXT.name, PERBUP_TEXT.read_bytes(), "text/plain")})


def test_upload_lands_on_the_new_regulation(keys: None, client: TestClient) -> None:
    form = client.get("/unggah")
    assert form.context["enabled"] and form.context["result"] is None
    accessible(form.text)
    response = upload(client, KEY, sumber="JDIH Kabupaten Batang")
    assert response.status_code == 201, response.text
    result = response.context["result"]
    assert result.status == "added" and result.regulation.id == PERBUP and result.regulation.sumber == "JDIH Kabupaten Batang"
    assert f'<a href="/peraturan/{PERBUP}">Peraturan Bupati Batang Nomor 23 Tahun 2019</a>' in response.text
    assert "Peraturan ditambahkan" in response.text
    accessible(response.text)
    again = upload(client, KEY, sumber="JDIH Kabupaten Batang")
    assert again.status_code == 200 and "tidak ada yang berubah" in again.text
    assert client.get(f"/peraturan/{PERBUP}").status_code == 200


@pytest.mark.parametrize(("key", "status", "title"), [
    ("", 401, "Kunci API diperlukan"),
    ("kunci-yang-salah-tapi-panjang", 401, "Kunci API diperlukan"),
])
def test_upload_with_a_wrong_key_is_refused_in_indonesian(keys: None, client: TestClient, key: str, status: int, title: str) -> None:
    response = upload(client, key)
    assert response.status_code == status and f"<h1>{title}</h1>" in response.text
    assert client.get(f"/peraturan/{PERBUP}").status_code == 404  # nothing stored


def test_upload_disabled_without_keys(client: TestClient) -> None:
    form = client.get("/unggah")
    assert not form.context["enabled"] and "Unggahan dinonaktifkan" in form.text
    response = upload(client, KEY)
    assert response.status_code == 403 and "<h1>Tidak diizinkan</h1>" in response.text


def test_upload_with_a_bad_field_is_a_400_page(keys: None, client: TestClient) -> None:
    response = upload(client, KEY, tahun="dua ribu")
    assert response.status_code == 400 and "'tahun' harus berupa angka tahun" in unescape(response.text)


def test_a_scan_is_read_by_a_job_whose_page_lands_on_the_new_regulation(keys: None, client: TestClient, tmp_path: Path) -> None:
    [scanned] = scan(regulation_text().split("\n"), tmp_path, lines_per_page=200)
    png = tmp_path / "perbup.png"
    Image.open(scanned).save(png, dpi=(300, 300))
    response = client.post("/unggah", data={"kunci": KEY}, files={"file": ("perbup.png", png.read_bytes(), "image/png")},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert re.fullmatch(r"/unggah/tugas/[0-9a-f]{32}", location)
    deadline = time.monotonic() + 180
    while (progress := client.get(location, follow_redirects=False)).status_code == 200 and time.monotonic() < deadline:
        assert progress.context["job"].status in ("queued", "running") and progress.context["failure"] is None
        assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in progress.text
        accessible(progress.text)
        time.sleep(0.3)
    assert progress.status_code == 303 and progress.headers["location"] == f"/peraturan/{PERBUP}"
    assert client.get(progress.headers["location"]).status_code == 200


@pytest.mark.parametrize(("fields", "expected", "refresh"), [
    ({"status": "queued"}, "Menunggu giliran: berkas lain sedang dibaca.", True),
    ({"status": "running", "pages_done": 2}, "Halaman 2 dari 5 sudah dibaca.", True),
    ({"status": "failed", "error": "Tidak ada teks yang terbaca pada gambar (OCR found no text in the image): logo.png",
      "error_status": 422}, "Unggahan gagal: Berkas tidak dapat dibaca", False),
    ({"status": "failed", "error": INTERRUPTED, "error_status": 503}, "Unggahan gagal: Layanan belum siap", False),
])
def test_the_page_of_a_job_as_it_stands(client: TestClient, fields: dict[str, Any], expected: str, refresh: bool) -> None:
    with Session(get_engine()) as session:
        session.add(Job(id="c" * 32, filename="pindaian.pdf", pages_total=5, **fields))
        session.commit()
    response = client.get(f"/unggah/tugas/{'c' * 32}")
    assert response.status_code == 200 and expected in response.text
    assert ('http-equiv="refresh"' in response.text) == refresh and ("data-tugas" in response.text) == refresh
    if fields.get("error"):
        assert escape(fields["error"]) in response.text and "Tidak ada yang disimpan dari berkas ini." in response.text
    else:
        assert '<progress id="halaman-dibaca" max="5" value="' in response.text
    accessible(response.text)


def test_a_finished_job_sends_to_its_regulation_and_an_unknown_one_is_a_404_page(client: TestClient) -> None:
    with Session(get_engine()) as session:
        session.add(Job(id="d" * 32, status="done", regulation_id=PERBUP, result="added"))
        session.commit()
    done = client.get(f"/unggah/tugas/{'d' * 32}", follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/peraturan/{PERBUP}"
    unknown = client.get(f"/unggah/tugas/{'e' * 32}")
    assert unknown.status_code == 404 and "<h1>Tidak ditemukan</h1>" in unknown.text


# --- escaping and errors ---------------------------------------------------------------------


def test_text_of_a_regulation_is_always_escaped(client: TestClient, save: Callable[..., Any], make_document: Callable[..., Any]) -> None:
    save(make_document(pasal_3='Dinas <script>alert("x")</script> & <b>tebal</b>.'), "a" * 64)
    html = client.get(f"/peraturan/{PERBUP}").text
    assert "<script>alert" not in html and "<b>tebal" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;" in html


def test_errors_are_pages_for_pages_and_json_for_the_api(client: TestClient) -> None:
    page = client.get("/tidak-ada")
    assert page.status_code == 404 and "<h1>Tidak ditemukan</h1>" in page.text and 'lang="id"' in page.text
    api = client.get("/api/v1/regulations/nope")
    assert api.status_code == 404 and api.json()["detail"].startswith("Peraturan 'nope' tidak ditemukan")
    invalid = client.get("/api/v1/regulations", params={"limit": 0})
    assert invalid.status_code == 422 and isinstance(invalid.json()["detail"], list)
    not_allowed = client.post("/")
    assert not_allowed.status_code == 405 and "tidak menerima permintaan seperti itu" in not_allowed.text


def test_an_unexpected_error_is_a_page_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.main import create_app
    from app.web import home

    def broken(**_kwargs: Any) -> None:
        raise RuntimeError("rahasia internal")

    monkeypatch.setattr(home, "summary", broken)
    with TestClient(create_app(), raise_server_exceptions=False) as quiet:
        response = quiet.get("/")
    assert response.status_code == 500 and "<h1>Terjadi kesalahan</h1>" in response.text
    assert "rahasia internal" not in response.text and "Traceback" not in response.text
