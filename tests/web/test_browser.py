"""The pages end to end in a real headless Chromium (Debian's ``chromium``, driven by Playwright for
Python; no browser is downloaded), against uvicorn started here on a free loopback port over a
copy of the ingested bundled corpus, with an API key set (``KEY``).

A newcomer's path: search -> open a hit -> read the Pasal -> similar clauses -> compare the two
regulations (print layout too) -> the coverage matrix -> start a draft (Perbup Batang -> Perda
Provinsi Jawa Tengah) -> its adaptations and flags -> a clause added from search -> moved ->
the checks -> the DOCX, opened with python-docx. Then a Pasal edited with the keyboard, an upload
OCR reads followed to its regulation (and one that fails), a phone's screen and the error page.
Each page is saved as a screenshot under ``test-artifacts/screenshots/`` (ignored by git) to be
looked at. ``scripts/test`` installs chromium (``scripts/system-packages``); without it these
tests skip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import docx
import pytest
from PIL import Image, ImageDraw

from tests.conftest import regulation_text
from tests.ingest.files import scan, write_scanned_pdf
from tests.keys import KEY

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHECKOUT = Path(__file__).resolve().parents[2]
SCREENSHOTS = CHECKOUT / "test-artifacts" / "screenshots"
PERBUP = "perbup-batang-2019-23"
PERDA = "perda-prov-jawa-tengah-2019-11"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"Debian chromium is not installed at {CHROMIUM}: scripts/system-packages installs it with apt-get",
)

sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn serving the app over a copy of the ingested corpus (drafts and uploads change it),
    with the API key ``KEY``; its base URL."""
    port = _free_port()
    data = tmp_path_factory.mktemp("browser") / "data"
    shutil.copytree(corpus_dir, data)
    env = {key: value for key, value in os.environ.items() if key not in ("SELARAS_DATABASE_URL", "SELARAS_INDEX_DIR")}
    env["SELARAS_DATA_DIR"] = str(data)
    env["SELARAS_API_KEYS"] = KEY
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning"],
        cwd=CHECKOUT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"uvicorn did not start on {base} (exit code {process.poll()})")
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator["sync_api.Browser"]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _page(browser: "sync_api.Browser", width: int, height: int) -> Iterator["sync_api.Page"]:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"script: {error}"))
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
            if response.status >= 400 and response.request.resource_type != "document" else None)
    yield page
    context.close()
    assert not errors, f"errors in the browser (script errors, or a stylesheet, script or fragment not loaded): {errors}"


@pytest.fixture
def page(browser: "sync_api.Browser") -> Iterator["sync_api.Page"]:
    """A laptop's window."""
    yield from _page(browser, 1366, 900)


@pytest.fixture
def phone(browser: "sync_api.Browser") -> Iterator["sync_api.Page"]:
    """A phone's screen."""
    yield from _page(browser, 390, 844)


def shot(page: "sync_api.Page", name: str, *, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def make_draft(server: str, **fields: str) -> dict[str, Any]:
    """A draft of Perbup Batang for Provinsi Jawa Tengah made through the API (as a script would)."""
    form = {"source": PERBUP, "jenis": "Perda Provinsi", "daerah": "Provinsi Jawa Tengah", **fields}
    request = urllib.request.Request(f"{server}/api/v1/drafts", data=urllib.parse.urlencode(form).encode(),
                                     headers={"X-API-Key": KEY}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as answer:
        made: dict[str, Any] = json.loads(answer.read())
    return made


def test_a_newcomers_path(server: str, page: "sync_api.Page") -> None:
    expect = sync_api.expect
    # Beranda: search from the box on the home page
    page.goto(server + "/")
    expect(page.locator("h1")).to_have_text("Cari, baca dan bandingkan peraturan daerah")
    shot(page, "01-beranda")
    page.get_by_label("Cari klausul").fill("dewan smart city")
    page.keyboard.press("Enter")

    # Cari: highlighted hits; narrow them to Perbup with a facet link
    page.wait_for_url("**/cari?q=dewan+smart+city")
    expect(page.locator("#hasil-judul")).to_contain_text("klausul ditemukan")
    assert page.locator(".cuplikan mark").count() > 5
    page.locator(".saring").get_by_role("link", name="Peraturan Bupati").click()
    page.wait_for_url("**jenis=Peraturan+Bupati**")
    expect(page.locator(".pilihan-aktif")).to_contain_text("Jenis: Peraturan Bupati")
    shot(page, "02-cari")

    # open the first hit: the reader, scrolled to its clause
    first = page.locator(".daftar-hit h3 a").first
    href = first.get_attribute("href") or ""
    assert href.startswith(f"/peraturan/{PERBUP}#pasal-")
    first.click()
    page.wait_for_url(f"**{href}")
    anchor = href.split("#", 1)[1]
    target = page.locator(f'[id="{anchor}"]')
    expect(target).to_be_in_viewport()
    expect(page.locator("h1 .lencana-spesimen")).to_have_text("SPESIMEN")
    shot(page, "03-peraturan")

    # the Pasal: a defined term shows its definition; similar clauses load in place
    pasal = page.locator(f'article.pasal[id="{anchor}"], article.pasal:has([id="{anchor}"])').last
    assert ":" in (pasal.locator("abbr").first.get_attribute("title") or "")
    pasal.locator("summary", has_text="Mirip di daerah lain").click()
    similar = pasal.locator(".mirip-daftar")
    expect(similar).to_contain_text("Peraturan Daerah Provinsi Jawa Tengah Nomor 11 Tahun 2019")
    similar.scroll_into_view_if_needed()
    shot(page, "04-mirip")

    # compare the two regulations from the similar clause
    similar.get_by_role("link", name="Bandingkan kedua peraturan Pasal demi Pasal").first.click()
    page.wait_for_url(f"**/bandingkan?a={PERBUP}&b={PERDA}")
    expect(page.locator("#ringkasan")).to_be_visible()
    assert page.locator("table.banding tbody tr").count() > 20
    expect(page.locator("table.banding")).to_contain_text("digabung")
    page.locator("#ringkasan").scroll_into_view_if_needed()
    shot(page, "05-bandingkan")
    page.locator("table.banding tbody tr").nth(4).scroll_into_view_if_needed()
    shot(page, "06-bandingkan-pasal")
    page.emulate_media(media="print")
    expect(page.locator("header.kepala")).to_be_hidden()
    expect(page.locator(".formulir-banding")).to_be_hidden()
    page.locator("#ringkasan").scroll_into_view_if_needed()
    shot(page, "07-bandingkan-cetak")
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh pasangan Pasal (CSV)").click()
    assert download.value.suggested_filename == f"perbandingan-{PERBUP}-{PERDA}.csv"

    # the coverage matrix of the two
    page.get_by_role("link", name="Matriks cakupan beberapa peraturan").click()
    page.get_by_label("Peraturan Bupati Batang Nomor 23 Tahun 2019").check()
    page.get_by_label("Peraturan Daerah Provinsi Jawa Tengah Nomor 11 Tahun 2019").check()
    page.get_by_role("button", name="Tampilkan matriks").click()
    expect(page.locator("table.matriks")).to_contain_text("Dewan smart city")
    page.locator("#matriks").scroll_into_view_if_needed()
    shot(page, "08-cakupan")

    # start a draft: Perbup Batang for the Provinsi Jawa Tengah, a Perda
    page.locator("header nav").get_by_role("link", name="Rancangan").click()
    page.get_by_role("link", name="Mulai rancangan baru").click()
    page.get_by_label("Peraturan yang dijadikan sumber").select_option(PERBUP)
    page.get_by_role("button", name="Lanjut").click()
    expect(page.get_by_label("Jenis rancangan")).to_have_value("Peraturan Daerah")
    page.get_by_label("Daerah", exact=True).fill("Provinsi Jawa Tengah")
    page.get_by_label("Kunci API").fill(KEY)
    page.get_by_text("Pilih BAB dan Pasal").click()
    expect(page.get_by_label("Pasal 16", exact=False).first).to_be_visible()
    shot(page, "17-rancangan-baru", full_page=True)
    page.get_by_role("button", name="Buat rancangan").click()
    page.wait_for_url(re.compile(r".*/rancangan/\d+$"))
    draft_url = page.url

    # the draft: every adaptation at its Pasal, every flag with its reason
    expect(page.locator("h1")).to_have_text("Rancangan Peraturan Daerah Provinsi Jawa Tengah")
    flags = page.locator("section:has(#keputusan) table tbody tr")
    assert flags.count() > 5
    expect(flags.first).to_contain_text("daerah-sumber")
    shot(page, "18-rancangan")
    pasal_1 = page.locator("article.ketentuan-pasal").first
    expect(pasal_1.locator(".perubahan")).to_contain_text(
        re.compile(r"angka 3 Bupati Batang\s*→\s*menjadi Gubernur Jawa Tengah\s*kepala-daerah"))
    flags.filter(has_text="Pasal 17 ayat (1) huruf d angka 2").get_by_role("link").click()
    pasal_17 = page.locator("article.ketentuan-pasal:target")
    expect(pasal_17.locator("h5, h4, h3").first).to_have_text("Pasal 17")
    expect(pasal_17.locator(".tanda-keputusan")).to_contain_text("Batang")
    shot(page, "19-rancangan-pasal")

    # a clause found in search, added to the draft (the key typed once is filled in again)
    page.goto(draft_url)
    page.get_by_role("link", name="Cari klausul untuk ditambahkan").click()
    page.get_by_label("Kata atau frasa").fill("ekonomi cerdas")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cari?q=ekonomi+cerdas**")
    expect(page.locator(".catatan").first).to_contain_text("ditambahkan ke")
    shot(page, "20-cari-untuk-rancangan")
    page.get_by_role("link", name="Tambahkan Pasal 14 ke rancangan").first.click()
    page.wait_for_url("**tambah=**#tambah")
    expect(page.locator("#tambah .pratinjau")).to_contain_text("Ekonomi cerdas sebagaimana dimaksud")
    expect(page.locator("#kunci-tambah")).to_have_value(KEY)
    shot(page, "21-rancangan-tambah")
    page.get_by_role("button", name="Tambahkan").click()
    page.wait_for_url("**#ketentuan-*")
    added = page.locator("article.ketentuan-pasal:target")
    expect(added).to_be_in_viewport()
    expect(added.locator(".asal")).to_contain_text(f"Pasal 14 {PERDA}")
    number = int((added.locator("h3, h4, h5").first.text_content() or "").split()[-1])
    assert number == page.locator("article.ketentuan-pasal").count()
    shot(page, "22-rancangan-ditambahkan")
    added.get_by_role("button", name=f"Naikkan Pasal {number}").click()
    page.wait_for_url("**#ketentuan-*")
    expect(page.locator("article.ketentuan-pasal:target h3, article.ketentuan-pasal:target h4, "
                        "article.ketentuan-pasal:target h5").first).to_have_text(f"Pasal {number - 1}")

    # the checks, then the draft as DOCX: every Pasal of the page in it
    page.get_by_role("link", name="Periksa rancangan").click()
    expect(page.locator("#pemeriksaan-judul")).to_contain_text("temuan")
    page.locator("#pemeriksaan").scroll_into_view_if_needed()
    shot(page, "23-rancangan-periksa")
    with page.expect_download() as download:
        page.get_by_role("link", name="Rancangan (DOCX)").click()
    assert re.fullmatch(r"rancangan-\d+\.docx", download.value.suggested_filename)
    printed = {paragraph.text.strip() for paragraph in docx.Document(download.value.path()).paragraphs}
    pasal = page.locator("article.ketentuan-pasal").count()
    assert pasal == number and {f"Pasal {n}" for n in range(1, pasal + 1)} <= printed
    assert "PERATURAN DAERAH PROVINSI JAWA TENGAH" in printed


def test_keyboard_skip_link_and_focus(server: str, page: "sync_api.Page") -> None:
    page.goto(f"{server}/peraturan/{PERBUP}")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Langsung ke isi"
    shot(page, "09-lewati-fokus")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "isi"
    # a defined term is reachable with Tab and shows its definition on focus
    page.locator("#pasal-5 abbr").first.focus()
    page.locator("#pasal-5").scroll_into_view_if_needed()
    shot(page, "10-istilah-fokus")
    # the similar clauses open from the keyboard
    summary = page.locator("#pasal-5 summary")
    summary.focus()
    page.keyboard.press("Enter")
    sync_api.expect(page.locator("#pasal-5 .mirip-daftar")).to_be_visible()


def test_a_pasal_edited_and_moved_with_the_keyboard(server: str, page: "sync_api.Page") -> None:
    draft = make_draft(server, pasal="bab-1,bab-5")
    pasal = [p for p in draft["provisions"] if p["kind"] == "pasal"]
    edited, following = pasal[2], pasal[3]  # Pasal 3 (ayat (1) and (2)) and Pasal 4, in one Bagian
    page.goto(f"{server}/rancangan/{draft['id']}/ketentuan/{edited['id']}")
    page.get_by_label("Isi Pasal 3").focus()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n(3) Dewan Smart City melapor kepada Gubernur setiap tahun.")
    page.keyboard.press("Tab")
    page.keyboard.type(KEY)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Simpan"
    shot(page, "24-ubah-pasal")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#ketentuan-{edited['id']}")
    article = page.locator(f"#ketentuan-{edited['id']}")
    sync_api.expect(article).to_contain_text("(3) Dewan Smart City melapor kepada Gubernur setiap tahun.")
    sync_api.expect(article.locator(".asal")).to_contain_text("diubah penyusun dari")
    # the key is kept for the tab: Naik works from the keyboard without typing it again
    button = page.get_by_role("button", name="Naikkan Pasal 4")
    button.focus()
    button.scroll_into_view_if_needed()
    shot(page, "25-naik-fokus")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#ketentuan-{following['id']}")
    sync_api.expect(page.locator(f"#ketentuan-{following['id']} .ketentuan-isi > :first-child")).to_have_text("Pasal 3")


def test_a_drafts_target_changed_then_the_draft_deleted(server: str, page: "sync_api.Page") -> None:
    draft = make_draft(server, pasal="bab-1")
    page.goto(f"{server}/rancangan/{draft['id']}")
    page.get_by_role("link", name="Ubah judul dan pembukaan").click()
    page.get_by_label("Jenis rancangan").select_option("Peraturan Bupati")
    page.get_by_label("Daerah").fill("Kabupaten Kendal")
    page.get_by_label("Menimbang").fill("bahwa Kabupaten Kendal perlu menata layanan digitalnya;")
    page.locator("#kunci").fill(KEY)
    shot(page, "32-ubah-rancangan")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**#pembukaan")
    sync_api.expect(page.locator("h1")).to_have_text("Rancangan Peraturan Bupati Kendal")
    sync_api.expect(page.locator("#pembukaan")).to_contain_text("bahwa Kabupaten Kendal perlu menata layanan digitalnya;")
    page.goto(f"{server}/rancangan/{draft['id']}/ubah")
    page.locator("#kunci-hapus").fill(KEY)
    page.get_by_role("button", name="Hapus rancangan").click()
    page.wait_for_url(f"{server}/rancangan")
    sync_api.expect(page.locator(f'a[href="/rancangan/{draft["id"]}"]')).to_have_count(0)


def test_an_upload_read_by_ocr_followed_to_its_regulation(server: str, page: "sync_api.Page", tmp_path: Path) -> None:
    lines = regulation_text(region="Kendal", nomor="7").split("\n")
    pdf = write_scanned_pdf(tmp_path / "pindaian.pdf", scan(lines, tmp_path / "kertas", lines_per_page=22))
    page.goto(server + "/unggah")
    shot(page, "11-unggah")
    page.get_by_label("Berkas peraturan").set_input_files(str(pdf))
    page.get_by_label("Kunci API").fill(KEY)
    page.get_by_role("button", name="Unggah").click()
    page.wait_for_url("**/unggah/tugas/*")
    sync_api.expect(page.locator("h1")).to_have_text("Membaca berkas pindaian.pdf")
    shot(page, "26-unggah-tugas")
    page.wait_for_url("**/peraturan/perbup-kendal-2019-7", timeout=180_000)
    sync_api.expect(page.locator("h1")).to_contain_text("Peraturan Bupati Kendal Nomor 7 Tahun 2019")

    blank = tmp_path / "logo.png"
    drawing = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(drawing).rectangle((200, 200, 1000, 600), outline=0, width=8)
    drawing.save(blank)
    page.goto(server + "/unggah")
    page.get_by_label("Berkas peraturan").set_input_files(str(blank))
    sync_api.expect(page.get_by_label("Kunci API")).to_have_value(KEY)
    page.get_by_role("button", name="Unggah").click()
    sync_api.expect(page.locator("h1")).to_have_text("Unggahan gagal: Berkas tidak dapat dibaca", timeout=180_000)
    sync_api.expect(page.locator(".pesan")).to_contain_text("logo.png")
    shot(page, "27-unggah-gagal")


def test_error_pages(server: str, page: "sync_api.Page") -> None:
    response = page.goto(server + "/peraturan/tidak-ada")
    assert response is not None and response.status == 404
    sync_api.expect(page.locator("h1")).to_have_text("Tidak ditemukan")
    shot(page, "12-galat")


def test_on_a_phone(server: str, phone: "sync_api.Page") -> None:
    draft = make_draft(server)
    pasal_17 = next(p for p in draft["provisions"] if p["kind"] == "pasal" and p["num"] == "17")
    for path, name in [("/", "13-ponsel-beranda"), (f"/peraturan/{PERDA}#pasal-2", "14-ponsel-peraturan"),
                       (f"/bandingkan?a={PERBUP}&b={PERDA}", "15-ponsel-bandingkan"),
                       ("/cari?q=pusat+data", "16-ponsel-cari"), ("/rancangan", "28-ponsel-daftar-rancangan"),
                       (f"/rancangan/{draft['id']}", "29-ponsel-rancangan"),
                       (f"/rancangan/{draft['id']}#ketentuan-{pasal_17['id']}", "30-ponsel-rancangan-pasal"),
                       (f"/rancangan/baru?sumber={PERBUP}", "31-ponsel-rancangan-baru")]:
        phone.goto(server + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is wider than the phone: {width}px"
        if name == "15-ponsel-bandingkan":
            phone.locator("table.banding tbody tr").first.scroll_into_view_if_needed()
        shot(phone, name)
