"""The Penjelasan's parts as old and OCR'd prints give them: "PASAL DEMI PASAL" without its "II.",
glued to the end of the Umum, after a catchword, or opening a Penjelasan whose title was lost;
each explained Pasal linked to the body's."""

import pytest

from app.structure.parser import parse_text
from tests.paths import NATIONAL

BODY = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA\nNOMOR 5 TAHUN 1960\nTENTANG\nPERSEROAN\nMEMUTUSKAN:\n"
        "Menetapkan: PERATURAN PEMERINTAH TENTANG PERSEROAN.\nPasal 1\n(1) Modal perseroan diatur Menteri.\n"
        "(2) Modal disetor penuh.\nPasal 2\nPeraturan ini mulai berlaku pada hari diundangkan.\n"
        "Ditetapkan di Jakarta\npada tanggal 1 Maret 1960\n")


def explained(text: str) -> list[tuple[str | None, str | None]]:
    document = parse_text(BODY + text)
    return [(node.id, node.explains) for node in document.provisions()
            if node.id.startswith("penjelasan/") and node.kind in ("pasal", "ayat")]


@pytest.mark.parametrize("penjelasan", [
    # "PASAL DEMI PASAL" glued to the Umum's last sentence, after a bracket, a quote or a comma
    "PENJELASAN\nATAS\nPERATURAN PEMERINTAH NOMOR 5 TAHUN 1960\nUMUM\nModal perlu diatur (pasal 1). PASAL DEMI PASAL\n"
    "Pasal 1\nAyat (1) Agar ada kelonggaran.\nAyat (2) Cukup jelas.\nPasal 2\nCukup jelas.",
    'PENJELASAN\nATAS\nPERATURAN PEMERINTAH NOMOR 5 TAHUN 1960\nUMUM\nDisebut "perseroan". PASAL DEMI PASAL. Pasal 1\n'
    "Ayat (1) Agar ada kelonggaran.\nAyat (2) Cukup jelas.\nPasal 2\nCukup jelas.",
    "PENJELASAN\nATAS\nPERATURAN PEMERINTAH NOMOR 5 TAHUN 1960\nUMUM\nModal perlu diatur, PENJELASAN PASAL DEMI PASAL\n"
    "Pasal 1\nAyat (1) Agar ada kelonggaran.\nAyat (2) Cukup jelas.\nPasal 2\nCukup jelas.",
    # the catchword at the foot of the page, then the heading
    "PENJELASAN\nATAS\nPERATURAN PEMERINTAH NOMOR 5 TAHUN 1960\nI. UMUM\nModal perlu diatur. PASAL… PASAL DEMI PASAL\n"
    "Pasal 1\nAyat (1) Agar ada kelonggaran.\nAyat (2) Cukup jelas.\nPasal 2\nCukup jelas.",
    # "II" without its dot
    "PENJELASAN\nATAS\nPERATURAN PEMERINTAH NOMOR 5 TAHUN 1960\nI. UMUM\nModal perlu diatur. II PASAL DEMI PASAL\n"
    "Pasal 1\nAyat (1) Agar ada kelonggaran.\nAyat (2) Cukup jelas.\nPasal 2\nCukup jelas.",
    # the Penjelasan's title lost: it opens at its part
    "PASAL DEMI PASAL.\nPasal 1\nAyat (1) Agar ada kelonggaran.\nAyat (2) Cukup jelas.\nPasal 2\nCukup jelas.",
])
def test_pasal_demi_pasal_in_its_printed_forms(penjelasan: str) -> None:
    assert explained(penjelasan) == [("penjelasan/pasal-1", "pasal-1"), ("penjelasan/pasal-1/ayat-1", "pasal-1/ayat-1"),
                                     ("penjelasan/pasal-1/ayat-2", "pasal-1/ayat-2"), ("penjelasan/pasal-2", "pasal-2")]


def test_a_penjelasan_opening_at_its_part_has_no_title_node() -> None:
    document = parse_text(BODY + "PASAL DEMI PASAL.\nPasal 1\nCukup jelas.\nPasal 2\nCukup jelas.")
    assert [node.kind for node in document.penjelasan] == ["pasal-demi-pasal"]


def test_pasal_demi_pasal_in_prose_is_not_a_heading() -> None:
    penjelasan = ("PENJELASAN\nATAS\nPERATURAN PEMERINTAH NOMOR 5 TAHUN 1960\nI. UMUM\nModal diatur. Pasal demi pasal "
                  "berikut menjelaskannya.\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas.\nPasal 2\nCukup jelas.")
    document = parse_text(BODY + penjelasan)
    umum = next(node for node in document.penjelasan if node.kind == "umum")
    assert "Pasal demi pasal berikut menjelaskannya." in umum.text
    assert explained(penjelasan) == [("penjelasan/pasal-1", "pasal-1"), ("penjelasan/pasal-2", "pasal-2")]


def test_the_penjelasan_ends_where_a_glued_lampiran_begins() -> None:
    document = parse_text((NATIONAL / "uu-2011-12-pembentukan-peraturan-perundang-undangan.txt").read_text(encoding="utf-8"))
    last = [node for node in document.provisions() if node.id.startswith("penjelasan/pasal-")][-1]
    assert (last.id, last.text) == ("penjelasan/pasal-104", "Cukup jelas. TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 5234")
    assert [node.heading.split(" TENTANG")[0] for node in document.lampiran] == [
        "LAMPIRAN I UNDANG–UNDANG REPUBLIK INDONESIA NOMOR 12 TAHUN 2011",
        "LAMPIRAN II UNDANG–UNDANG REPUBLIK INDONESIA NOMOR 12 TAHUN 2011"]


@pytest.mark.parametrize(("penjelasan", "title"), [
    # "I. UMUM" glued to the title in capitals
    ("PENJELASAN ATAS PERATURAN PEMERINTAH NOMOR 5 TAHUN 1960 TENTANG PERSEROAN I. UMUM Modal perlu diatur.\n"
     "II. PASAL DEMI PASAL\nPasal 1\nCukup jelas.", "PENJELASAN ATAS PERATURAN PEMERINTAH NOMOR 5 TAHUN 1960 TENTANG PERSEROAN"),
    # "UMUM" without its number, glued to the title's last line, its first item numbered
    ("PENJELASAN\nATAS\nPERATURAN PEMERINTAH NOMOR 5 TAHUN 1960\nTENTANG PERSEROAN UMUM 1. Modal perlu diatur.\n"
     "PASAL DEMI PASAL\nPasal 1\nCukup jelas.", "PENJELASAN ATAS PERATURAN PEMERINTAH NOMOR 5 TAHUN 1960 TENTANG PERSEROAN"),
    # "UMUM" opening a line of its own text
    ("PENJELASAN\nATAS\nPERATURAN PEMERINTAH NOMOR 5 TAHUN 1960\nTENTANG PERSEROAN\nUMUM Modal perlu diatur.\n"
     "PASAL DEMI PASAL\nPasal 1\nCukup jelas.", "PENJELASAN ATAS PERATURAN PEMERINTAH NOMOR 5 TAHUN 1960 TENTANG PERSEROAN"),
])
def test_umum_glued_to_the_title(penjelasan: str, title: str) -> None:
    document = parse_text(BODY + penjelasan)
    assert [(node.kind, node.heading) for node in document.penjelasan][:2] == [("teks", title), ("umum", "I. UMUM")]
    assert document.penjelasan[1].text.endswith("Modal perlu diatur.")


def test_a_title_ending_in_umum_keeps_it() -> None:
    penjelasan = ("PENJELASAN\nATAS\nPERATURAN PEMERINTAH NOMOR 5 TAHUN 1960\nTENTANG PEMILIHAN UMUM\nI. UMUM\n"
                  "Pemilihan perlu diatur.\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas.")
    document = parse_text(BODY + penjelasan)
    assert document.penjelasan[0].heading.endswith("TENTANG PEMILIHAN UMUM")
    assert (document.penjelasan[1].kind, document.penjelasan[1].text) == ("umum", "Pemilihan perlu diatur.")
