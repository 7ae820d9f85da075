import doctest

import app.text.cleanup
from app.text.cleanup import clean_lines


def _texts(text):
    lines, removed = clean_lines(text)
    return [l.text for l in lines], [(r.text, r.reason) for r in removed]


def test_page_numbers_and_stamps_are_removed_and_recorded():
    lines, removed = _texts("SALINAN\nPasal 1\n   - 2 -\nHalaman 3 dari 9\nteks")
    assert lines == ["Pasal 1", "teks"]
    assert removed == [("SALINAN", "running-header"), ("- 2 -", "page-number"), ("Halaman 3 dari 9", "page-number")]


def test_repeated_capital_headers_are_removed():
    text = "\n".join(["BUPATI BATANG", "PERATURAN", "isi satu", "BUPATI BATANG", "isi dua", "BUPATI BATANG", "isi tiga"])
    lines, removed = _texts(text)
    assert "BUPATI BATANG" not in lines and lines[0] == "PERATURAN"
    assert [r for r in removed if r[1] == "running-header"] == [("BUPATI BATANG", "running-header")] * 3


def test_inline_running_header_and_its_catchword():
    lines, removed = _texts("7. Pendapatan. 8. Dana PRES I DEN REPUBLIK INDONESIA -3- 8. Dana Transfer Umum adalah dana")
    assert lines == ["7. Pendapatan. 8. Dana Transfer Umum adalah dana"]
    assert ("8. Dana", "catchword") in removed


def test_catchword_line_before_a_page_break():
    lines, removed = _texts("teks akhir halaman\nPasal 2\n- 3 -\nPasal 2\nArsitektur memuat:")
    assert lines == ["teks akhir halaman", "Pasal 2", "Arsitektur memuat:"]
    assert ("Pasal 2", "catchword") in removed


def test_hyphenation_is_mended_only_before_lower_case():
    lines, removed = _texts("memberikan membe-\nrikan manfaat\nantar-\nPerangkat Daerah")
    assert lines == ["memberikan memberikan manfaat", "antar-", "Perangkat Daerah"]
    assert removed == [("membe-rikan", "hyphenation")]


def test_markdown_link_keeps_its_text():
    lines, removed = _texts("bahwa [Undang-undang Nomor 5 Tahun 1974](/uu/1974/5) tidak sesuai")
    assert lines == ["bahwa Undang-undang Nomor 5 Tahun 1974 tidak sesuai"]
    assert removed == [("/uu/1974/5", "link")]


def test_specimen_notice_is_kept():
    lines, _ = _texts("SPESIMEN - teks contoh untuk pengujian, bukan teks resmi.\nPERATURAN")
    assert lines[0].startswith("SPESIMEN")


def test_markdown_link_broken_over_two_lines():
    lines, removed = _texts("dalam [Pasal 21](/uu/1999/37/pasal-21) dan [Pasal\n22](/uu/1999/37/pasal-22) dilakukan")
    assert lines == ["dalam Pasal 21 dan Pasal", "22 dilakukan"]
    assert removed == [("/uu/1999/37/pasal-21", "link"), ("/uu/1999/37/pasal-22", "link")]


def test_a_footer_in_two_columns_at_the_foot_of_each_page_is_removed_and_recorded():
    pages = [f"Pasal {n}\n(1) Isi ayat satu.\nBupati Batang     Paraf\n- {n} -" for n in range(1, 4)]
    lines, removed = _texts("\n".join(pages))
    assert "Bupati Batang     Paraf" not in lines and lines[:2] == ["Pasal 1", "(1) Isi ayat satu."]
    assert [r for r in removed if r[1] == "running-header"] == [("Bupati Batang     Paraf", "running-header")] * 3


def test_a_footer_of_pdf_pages_joined_by_form_feeds_is_removed():
    """PDFium gives a two-column footer as one line with one space; its pages end at a form feed."""
    text = "\n\f".join(f"Pasal {n}\nDaerah adalah Kabupaten Batang.\nJDIH Kabupaten Batang Paraf" for n in range(1, 4))
    lines, removed = _texts(text)
    assert lines == ["Pasal 1", "Daerah adalah Kabupaten Batang.", "Pasal 2", "Daerah adalah Kabupaten Batang.",
                     "Pasal 3", "Daerah adalah Kabupaten Batang."]
    assert removed == [("JDIH Kabupaten Batang Paraf", "running-header")] * 3


def test_text_repeated_at_page_edges_or_in_mid_page_stays():
    explained = "\n\f".join(f"Ayat (1)\nCukup jelas.\nPasal {n}" for n in range(1, 4))  # markers open pages
    mid_page = "\n".join(["- 1 -", "Pasal 1", *["Tambahan Lembaran Negara Republik Indonesia", "Nomor 1);"] * 3, "- 2 -"])
    for text in (explained, mid_page):
        lines, removed = _texts(text)
        assert all(reason == "page-number" for _, reason in removed), removed


def test_docstring_examples():
    result = doctest.testmod(app.text.cleanup)
    assert result.attempted and not result.failed
