"""Weak headings filling a gap of the chosen Pasal run (real OCR variants from the national corpus)."""

from __future__ import annotations

import pytest

from app.structure.body import choose_pasal
from app.structure.gaps import fill_gaps, find_weak
from app.structure.loss import lost_words
from app.structure.parser import parse_text
from app.text.cleanup import Line


def _lines(*texts: str) -> list[Line]:
    return [Line(no, text, 0) for no, text in enumerate(texts, start=1)]


def _filled(*texts: str) -> tuple[list[str], list[str]]:
    """(line texts, heading numbers in line order) after filling the gaps of the first pass."""
    lines = _lines(*texts)
    new, at = fill_gaps(lines, choose_pasal(lines))
    return [l.text for l in new], [at[i][0] for i in sorted(at)]


@pytest.mark.parametrize("glued, heading, rest", [
    # PP 59/2019: a scrambled column put the heading after a citing word
    ("informasi penyelenggaraan Perlindungan Anak. dalam Pasal 3 (1) Dalam rangka efektivitas",
     "Pasal 3", "(1) Dalam rangka efektivitas"),
    # PP 5/1957: an old print's heading after a closing quote and a comma
    ("disebut: 'Panitia Negara Perimbangan Keuangan\"., Pasal 3 (1) Anggota-anggota Panitia",
     "Pasal 3", "(1) Anggota-anggota Panitia"),
    # PP 107/1961: a part's title then a comma
    ("BAB II ANGGARAN DASAR Ketentuan Umum, Pasal 3 (1) PN \"PELNI\" adalah badan hukum",
     "Pasal 3", "(1) PN \"PELNI\" adalah badan hukum"),
    # PP 28/2017, PP 56/2018, PP 44/2008, UU 13/1998, PP 26/1985: the word misread
    ("Paragraf 6 Alat dan Mesin Pasa] 3 Setiap Orang yang melakukan usaha", "Pasa] 3", "Setiap Orang yang melakukan usaha"),
    ("h. surat pertimbangan Menteri Dalam Negeri. Pasa-l 3 (1) Dalam memberikan", "Pasa-l 3", "(1) Dalam memberikan"),
    ("pihak ketiga. Pasa 3 (1) Dalam hal LPSK mengajukan", "Pasa 3", "(1) Dalam hal LPSK mengajukan"),
    ("perundang-undangan yang berlaku. Pasl 3 (1) Pelayanan kesempatan kerja", "Pasl 3", "(1) Pelayanan kesempatan kerja"),
    ("tidak kurang dari 31/2 (tiga setengah) meter. Pasar 3 Ketentuan teknik jalan", "Pasar 3", "Ketentuan teknik jalan"),
    # PP 29/2018, UU 39/2008, PP 55/1970: punctuation between the word and the number
    ("ditandasahkan pada label produk. Pasal,3 (1) Produsen Barang", "Pasal,3", "(1) Produsen Barang"),
    ("peristilahan yang berkembang. Pasal . 3 (1) Pengubahan sebagai akibat", "Pasal . 3", "(1) Pengubahan sebagai akibat"),
    # UU 17/2019, PP 13/2020: the closing article names "Peraturan pelaksanaan", not another act
    ("dicabut dan dinyatakan tidak berlaku. Pasal 3 Peraturan pelaksanaan dari Undang-Undang ini harus ditetapkan",
     "Pasal 3", "Peraturan pelaksanaan dari Undang-Undang ini harus ditetapkan"),
    # UU 5/1954: "Peraturan-peraturan" opens the article
    ("dengan cara yang tepat. Pasal 3 Peraturan-peraturan dalam Pasal IX berlaku", "Pasal 3",
     "Peraturan-peraturan dalam Pasal IX berlaku"),
    # PP 10/1961: the first item glued to its marker, "1)Jika"
    ("ditetapkan oleh Menteri Agraria. Pasal 3 1)Jika orang yang mempunyai hak", "Pasal 3", "1)Jika orang yang mempunyai hak"),
    # PP 38/2022, PP 22/2021: OCR's "(r)", "(lt" for "(1)" after a title or a closing quote
    ("Paragraf 2 Penelitian Pasal 3 (r) USK melaksanakan penelitian", "Pasal 3", "(r) USK melaksanakan penelitian"),
    ("kepada penanggung jawab Usaha\" Pasal 3 (lt Dalam menyusun Amdal", "Pasal 3", "(lt Dalam menyusun Amdal"),
    # UU 13/1961: a citing word in a BAB title in capitals is no citation
    ("BAB II. KETENTUAN-KETENTUAN Pasal 3.", "Pasal 3.", ""),
    # PP 39/2022: "Pasal" glued to its number, its "l" read as "7"
    ("Paragraf 3 Pengabdian Kepada Masyarakat Pasa73 (l) UT menyelenggarakan", "Pasa73", "(l) UT menyelenggarakan"),
])
def test_a_gap_is_filled_by_the_weak_heading(glued, heading, rest):
    texts, numbers = _filled("Pasal 1", "Satu.", "Pasal 2", glued, "Pasal 4", "Empat.")
    assert numbers == ["1", "2", "3", "4"]
    assert (heading + " " + rest).strip() in texts


def test_spaced_digits_of_a_weak_heading():
    # PP 76/1961: "... mengikat Perusahaan. Pasal 1 5. Perusahaan memberikan iuran" is Pasal 15
    texts, numbers = _filled("Pasal 14", "Empat belas.", "(2) Keputusan B.P.U. mengikat Perusahaan. Pasal 1 5. Perusahaan "
                             "memberikan iuran", "Pasal 16.", "Enam belas.")
    assert numbers == ["14", "15", "16"]
    assert "Pasal 1 5. Perusahaan memberikan iuran" in texts


@pytest.mark.parametrize("lines, heading", [
    # PP 40/2021: "Pasal 47" on a line of its own, its 7 read as T
    (["Pasal 46", "(7) Hasil evaluasi disampaikan kepada Dewan Kawasan.", "Pasal 4T",
      "(1) Dalam hal perpanjangan waktu telah diberikan", "Pasal 48", "Empat puluh delapan."], "Pasal 4T"),
    # PP 39/2018: "Pasal 72" after a Bagian's title, its 7 read as T
    (["Pasal 46", "Empat puluh enam.", "Bagian Kelima Kunjungan Kerja ke Luar Negeri Pasal 4T (1) Dalam kunjungan kerja",
      "Pasal 48", "Empat puluh delapan."], "Pasal 4T (1) Dalam kunjungan kerja"),
])
def test_a_seven_read_as_t_fills_the_gap(lines, heading):
    before = [text for n in range(1, 46) for text in (f"Pasal {n}", "Teks.")]
    texts, numbers = _filled(*before, *lines)
    assert numbers == [str(n) for n in range(1, 49)]
    assert heading in texts


def test_a_t_is_no_seven_where_the_run_wants_another_number():
    before = [text for n in range(1, 45) for text in (f"Pasal {n}", "Teks.")]
    texts, numbers = _filled(*before, "Pasal 45", "Teks.", "Kunjungan Kerja. Pasal 4T (1) Dalam hal", "Pasal 47", "Teks.")
    assert numbers[-2:] == ["45", "47"]  # the gap wants 46


@pytest.mark.parametrize("citation", [
    "sebagaimana dimaksud dalam Pasal 3 ayat (1) dilaksanakan.",
    "sebagaimana dimaksud dalam Pasal 3 dan Pasal 4 dilaksanakan.",
    "sebagaimana dimaksud dalam Pasal 3 dilaksanakan oleh Menteri.",
    "sebagaimana dimaksud dalam Pasal 3. Menteri menetapkan.",
    "ketentuan Pasal 3 Undang-Undang Nomor 5 Tahun 1990 berlaku.",
    "hukum tetap. Pasal 5 (1) Dalam hal",                             # not the number missing
    "dalam pasal 2 huruf a dan pada 3 (1) tahun",                     # "pada" is no misread "Pasal"
])
def test_a_citation_never_fills_a_gap(citation):
    assert _filled("Pasal 1", "Satu.", "Pasal 2", citation, "Pasal 4", "Empat.")[1] == ["1", "2", "4"]


def test_a_catchword_is_not_the_heading():
    # PP 44/2008: "Pasal 29 ..." at a page's foot repeats the heading the next page prints "Pasa 29"
    texts, numbers = _filled("Pasal 2", "Dua.", "pihak ketiga. Pasal 3 ... Pasa 3 (1) Dalam hal LPSK", "Pasal 4", "Empat.")
    assert numbers == ["2", "3", "4"]
    assert texts[2:4] == ["pihak ketiga. Pasal 3 ...", "Pasa 3 (1) Dalam hal LPSK"]


def test_only_between_its_neighbours():
    # "Pasal 3 (1)" after Pasal 4 cannot fill the gap between 2 and 4
    lines = _lines("Pasal 2", "Dua.", "Pasal 4", "Empat. dalam Pasal 3 (1) Dalam rangka", "Pasal 5")
    assert find_weak(lines, choose_pasal(lines)) == []


def test_a_repaired_heading_is_recorded_and_nothing_is_lost():
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 5 TAHUN 2021 TENTANG CONTOH\n"
            "Menimbang : bahwa perlu;\nMengingat : Pasal 5 ayat (2) Undang-Undang Dasar;\n"
            "MEMUTUSKAN:\nMenetapkan : PERATURAN PEMERINTAH TENTANG CONTOH.\n"
            "Pasal 1\nKetentuan pertama.\nPasal 2\n(1) Ketentuan kedua.\n"
            "(2) Perubahan ditetapkan oleh Menteri Dalam Negeri. Pasa-l 3 (1) Dalam memberikan pertimbangan.\n"
            "(2) Pertimbangan diberikan.\nPasal 4\nKetentuan keempat.\nDitetapkan di Jakarta\n")
    doc = parse_text(text)
    assert lost_words(text, doc) == []
    pasal = [n for n in doc.provisions() if n.kind == "pasal"]
    assert [p.num for p in pasal] == ["1", "2", "3", "4"]
    assert [a.num for a in pasal[2].children] == ["1", "2"]
    assert ("Pasa-l 3", "ocr-repair") in [(r.text, r.reason) for r in doc.removed]


@pytest.mark.parametrize("menetapkan, heading", [
    # PP 1/1954: the heading after a comma closing the title
    ("Menetapkan: PERATURAN PEMERINTAH UNTUK MEMPERPANJANG WAKTU BERLAKUNYA PERATURAN PEMERINTAH NO, 44 TAHUN 1952, "
     "Pasal 1 Memperpanjang waktu termaksud dalam pasal 3 dengan satu tahun.", "Pasal 1 Memperpanjang"),
    # UU 13/1954: "Pasal 1 A." after the title's full stop
    ("Menetapkan : UNDANG-UNDANG TENTANG PERUBAHAN UNDANG-UNDANG NR 16 TAHUN 1950. Pasal 1 A. Undang-undang Nr 17 "
     "tahun 1950 diubah.", "Pasal 1 A."),
    # PP 45/2022: the title without "Menetapkan", the heading's "P" lost
    ("PERATURAN PEMERINTAH TENTANG PENGURANGAN PENYERTAAN MODAL NEGARA. asal 1 Negara Republik Indonesia melakukan "
     "pengurangan.", "asal 1 Negara"),
])
def test_pasal_1_left_in_the_diktum_opens_the_body(menetapkan, heading):
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 5 TAHUN 1954 TENTANG CONTOH\n"
            "Menimbang : bahwa perlu;\nMengingat : Pasal 5 ayat (2) Undang-Undang Dasar;\n"
            f"MEMUTUSKAN:\n{menetapkan}\nPasal 2\nPeraturan Pemerintah ini mulai berlaku.\nDitetapkan di Jakarta\n")
    doc = parse_text(text)
    assert lost_words(text, doc) == []
    pasal = [n for n in doc.provisions() if n.kind == "pasal"]
    assert [p.num for p in pasal] == ["1", "2"]
    assert heading not in (doc.diktum or "")
    assert (doc.diktum or "").rstrip(",.").endswith(menetapkan.split(heading)[0].strip().rstrip(",."))


def test_a_citation_of_pasal_1_stays_in_the_diktum():
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 5 TAHUN 1954 TENTANG CONTOH\n"
            "Menimbang : bahwa perlu;\nMengingat : Pasal 5 ayat (2) Undang-Undang Dasar;\n"
            "MEMUTUSKAN:\nMenetapkan : Angka tersebut dalam pasal 1 ayat 2 Peraturan Pemerintah No. 35 diubah.\n"
            "Pasal 2\nPeraturan Pemerintah ini mulai berlaku.\nDitetapkan di Jakarta\n")
    doc = parse_text(text)
    assert [n.num for n in doc.provisions() if n.kind == "pasal"] == ["2"]
    assert "pasal 1 ayat 2" in (doc.diktum or "")


def _regulation(diktum: str, body: str) -> str:
    return ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 5 TAHUN 1954 TENTANG CONTOH\n"
            "Menimbang : bahwa perlu;\nMengingat : Pasal 5 ayat (2) Undang-Undang Dasar;\n"
            f"MEMUTUSKAN:\n{diktum}\n{body}\nPasal 2\nPeraturan Pemerintah ini mulai berlaku.\nDitetapkan di Jakarta\n")


@pytest.mark.parametrize("diktum, body, first", [
    # PP 28/1954: the title, then Pasal 1's items with no heading
    ("Menetapkan: PERATURAN PEMERINTAH UNTUK MENGUBAH PERATURAN PEMERINTAH No. 24 TAHUN 1953.",
     '1. "Pengeluaran uang duka dibebankan pada Anggaran Belanja".\n2. Apabila mengenai seorang pegawai.', "1."),
    # PP 4/1950: the ayat glued to the title in capitals
    ("Menetapkan : PERATURAN SEMENTARA TENTANG GAJI, BIAYA PERJALANAN (1) Gaji Presiden berjumlah f 3000.",
     "(2) Gaji Perdana Menteri berjumlah f 2000.", "(1)"),
    # PP 36/1954: a bare "Menetapkan :", then the article's items
    ("Menetapkan :", "a. Angka III dan ketentuan dibelakangnya dihapuskan. b. Angka IV, menjadi III.", "a."),
    # PP 43/1970: BAB I with its title, then the definitions, then Pasal 2
    ("Menetapkan : PERATURAN PEMERINTAH TENTANG KEDUDUKAN DAERAH PERDAGANGAN BEBAS.",
     "BAB I\nKETENTUAN HUKUM\n(1) Daerah Perdagangan Bebas adalah Daerah tertutup.\n(2) Kepala Daerah adalah Gubernur.",
     "(1)"),
])
def test_pasal_1_inferred_before_a_run_opening_at_2(diktum, body, first):
    text = _regulation(diktum, body)
    doc = parse_text(text)
    assert lost_words(text, doc) == []
    pasal = [n for n in doc.provisions() if n.kind == "pasal"]
    assert [p.num for p in pasal] == ["1", "2"]
    assert [(r.text, r.reason) for r in doc.removed if r.reason == "inferred-heading"] == [(first, "inferred-heading")]


@pytest.mark.parametrize("diktum, body", [
    ("Menetapkan : PERATURAN PEMERINTAH TENTANG CONTOH.", "BAB I\nKETENTUAN UMUM"),                # only a BAB and its title
    ("Menetapkan : PERATURAN PEMERINTAH TENTANG CONTOH.", "Bagian Kesatu\nUmum"),                   # a Bagian and its title
    ("Menetapkan : PERATURAN PEMERINTAH TENTANG CONTOH.\nDitetapkan di Jakarta pada tanggal 5 Mei", ""),  # a scrambled penutup
])
def test_no_pasal_1_without_an_article_text(diktum, body):
    doc = parse_text(_regulation(diktum, body))
    assert [n.num for n in doc.provisions() if n.kind == "pasal"][:1] != ["1"]
    assert not [r for r in doc.removed if r.reason == "inferred-heading"]
