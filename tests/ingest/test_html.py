"""Tests for app.ingest.html: a page's text block by block, in its own charset, without its
scripts, styles and navigation."""

from __future__ import annotations

import doctest

import pytest

import app.ingest.html
from app.errors import UnreadableFile
from app.ingest.html import declared_charset, extract, html_text
from app.kb.ingest import parse_file
from tests.ingest.files import SPECIMEN_NAMES, assert_same_tree, html_page, specimen_text


@pytest.mark.parametrize("name", SPECIMEN_NAMES)
def test_a_specimen_published_as_html_parses_as_its_text(tmp_path, name):
    path = tmp_path / f"{name}.html"
    path.write_text(html_page(specimen_text(name).split("\n")), encoding="utf-8")
    assert_same_tree(parse_file(path), name)


def test_script_style_title_and_navigation_do_not_leak(tmp_path):
    path = tmp_path / "halaman.htm"
    path.write_text(html_page(["Pasal 1", "Daerah adalah \u201cKabupaten\u201d Batang & sekitarnya."]), encoding="utf-8")
    assert extract(path) == "Pasal 1\nDaerah adalah \u201cKabupaten\u201d Batang & sekitarnya."


def test_blocks_become_lines_and_inline_markup_does_not():
    page = """<body><div class="menu" role="navigation"><div>Beranda</div><div>Produk Hukum</div></div>
      <h2>BAB I</h2><h3>KETENTUAN
          UMUM</h3>
      <div><p>Pasal 1</p><p>Dalam Peraturan <b>Bupati</b> ini<br/>yang dimaksud dengan:</p>
      <ol><li>Daerah adalah <i>Kabupaten</i> Batang.</li><li>Bupati adalah Bupati Batang.</li></ol></div>
      <table><tr><td>Menimbang</td><td>:</td><td>a. bahwa &hellip;;</td></tr></table>
      <pre>Pasal 2
  (1) teks   berjarak</pre><noscript>Aktifkan JavaScript</noscript></body>"""
    assert html_text(page).split("\n") == [
        "BAB I", "KETENTUAN UMUM", "Pasal 1", "Dalam Peraturan Bupati ini", "yang dimaksud dengan:",
        "1. Daerah adalah Kabupaten Batang.", "2. Bupati adalah Bupati Batang.",
        "Menimbang : a. bahwa \u2026;", "Pasal 2", "(1) teks   berjarak",
    ]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ('<html><head><meta charset="windows-1252"></head><p>\u201cDaerah\u201d \u2013 caf\u00e9</p>'.encode("cp1252"),
         "\u201cDaerah\u201d \u2013 caf\u00e9"),
        # ISO-8859-1 declared is read as windows-1252, as browsers do: 0x93/0x94 are curly quotes
        (b'<html><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>\x93Daerah\x94 caf\xe9</p>',
         "\u201cDaerah\u201d caf\u00e9"),
        ('<?xml version="1.0" encoding="utf-8"?>\n<html><p>Caf\u00e9 \u00b1</p></html>'.encode("utf-8"), "Caf\u00e9 \u00b1"),
        (b"\xef\xbb\xbf<!DOCTYPE html><meta charset=\"windows-1252\"><p>Caf\xc3\xa9</p>", "Caf\u00e9"),  # the BOM wins
        # a page that declares UTF-8 but is not: read by the text rule, nothing lost
        (b'<!DOCTYPE html><meta charset="utf-8"><p>\x93Daerah\x94</p>', "\u201cDaerah\u201d"),
        ('<!DOCTYPE html><meta charset="koi8-r"><p>\u0417\u0430\u043a\u043e\u043d</p>'.encode("koi8-r"), "\u0417\u0430\u043a\u043e\u043d"),
    ],
)
def test_the_declared_charset_is_honoured(tmp_path, data, text):
    path = tmp_path / "halaman.html"
    path.write_bytes(data)
    assert extract(path) == text


def test_ordered_lists_get_the_numbers_a_browser_prints():
    page = """<p>Pasal 5</p><ol><li>Smart city meliputi:<ol type="a"><li>tata kelola;</li><li>ekonomi;</li></ol></li>
      <li value="4">teks ayat empat</li><li>teks ayat lima</li></ol>
      <ol type="I" start="3"><li>PENJELASAN</li></ol><ul><li>butir tanpa nomor</li></ul>"""
    assert html_text(page).split("\n") == [
        "Pasal 5", "1. Smart city meliputi:", "a. tata kelola;", "b. ekonomi;", "4. teks ayat empat",
        "5. teks ayat lima", "III. PENJELASAN", "butir tanpa nomor",
    ]


def test_declared_charset_labels():
    assert declared_charset(b"<meta charset='latin1'>") == "cp1252"
    assert declared_charset(b'<meta charset="utf-16">') == "utf-8"  # no BOM: browsers read it as UTF-8
    assert declared_charset(b'<meta charset="tidak-ada">') is None


@pytest.mark.parametrize("page", [b"<!DOCTYPE html><html><head><title>JDIH</title></head><body> </body></html>",
                                  b"<html><script>var x = 1;</script><nav>Beranda</nav></html>"])
def test_a_page_without_text_is_refused(tmp_path, page):
    path = tmp_path / "kosong.html"
    path.write_bytes(page)
    with pytest.raises(UnreadableFile, match="HTML page without text") as caught:
        extract(path)
    assert str(path) in caught.value.message


def test_docstring_examples():
    result = doctest.testmod(app.ingest.html)
    assert result.attempted and not result.failed
