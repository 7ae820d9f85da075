"""The pages end to end in a real headless Chromium (Debian's ``chromium``, driven by Playwright for
Python; no browser is downloaded), against uvicorn started here on a free loopback port over the
ingested bundled corpus.

A newcomer's path: search -> open a hit -> read the Pasal -> similar clauses -> compare the two
regulations (print layout too) -> the coverage matrix; then the keyboard, a phone's screen and
the error page. Each page is saved as a screenshot under ``test-artifacts/screenshots/`` (ignored
by git) to be looked at. ``scripts/test`` installs chromium (``scripts/system-packages``); without
it these tests skip.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

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
def server(corpus_dir: Path) -> Iterator[str]:
    """uvicorn serving the app over the ingested corpus; its base URL."""
    port = _free_port()
    env = {key: value for key, value in os.environ.items()
           if key not in ("SELARAS_DATABASE_URL", "SELARAS_INDEX_DIR", "SELARAS_API_KEYS")}
    env["SELARAS_DATA_DIR"] = str(corpus_dir)
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


def test_upload_and_error_pages(server: str, page: "sync_api.Page") -> None:
    page.goto(server + "/unggah")
    sync_api.expect(page.locator(".peringatan")).to_contain_text("Unggahan dinonaktifkan")
    shot(page, "11-unggah")
    response = page.goto(server + "/peraturan/tidak-ada")
    assert response is not None and response.status == 404
    sync_api.expect(page.locator("h1")).to_have_text("Tidak ditemukan")
    shot(page, "12-galat")


def test_on_a_phone(server: str, phone: "sync_api.Page") -> None:
    for path, name in [("/", "13-ponsel-beranda"), (f"/peraturan/{PERDA}#pasal-2", "14-ponsel-peraturan"),
                       (f"/bandingkan?a={PERBUP}&b={PERDA}", "15-ponsel-bandingkan"),
                       ("/cari?q=pusat+data", "16-ponsel-cari")]:
        phone.goto(server + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is wider than the phone: {width}px"
        if name == "15-ponsel-bandingkan":
            phone.locator("table.banding tbody tr").first.scroll_into_view_if_needed()
        shot(phone, name)
