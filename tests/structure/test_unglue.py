import pytest

from app.structure.unglue import unglue
from app.text.cleanup import Line


@pytest.mark.parametrize("text, expected", [
    ("kecil. Paragraf 2 Sekretariat", ["kecil.", "Paragraf 2 Sekretariat"]),
    ("Menetapkan : PERATURAN PEMERINTAH TENTANG PENGELOLAAN BAB I KETENTUAN UMUM",
     ["Menetapkan : PERATURAN PEMERINTAH TENTANG PENGELOLAAN", "BAB I KETENTUAN UMUM"]),
    ("berlaku. Pasal 5 Setiap orang berhak.", ["berlaku.", "Pasal 5", "Setiap orang berhak."]),
    ("Pasal 5 (1) Setiap orang berhak.", ["Pasal 5", "(1) Setiap orang berhak."]),
    ("di Solo. Pasal 3. B.P.P.G.N. dipimpin oleh dewan", ["di Solo.", "Pasal 3.", "B.P.P.G.N. dipimpin oleh dewan"]),
    ("UMUM Pasal 1. Untuk dapat mencukupi", ["UMUM", "Pasal 1.", "Untuk dapat mencukupi"]),
    ("kewenangan. (2) Pemerintah Daerah menetapkan", ["kewenangan.", "(2) Pemerintah Daerah menetapkan"]),
    ("meliputi: a. satu; b. dua; dan c. tiga.", ["meliputi:", "a. satu;", "b. dua; dan", "c. tiga."]),
    ("dengan: 1. Daerah adalah Batang. 2. Bupati adalah Bupati Batang.",
     ["dengan:", "1. Daerah adalah Batang.", "2. Bupati adalah Bupati Batang."]),
    ("Cukup jelas. Pasal 3 Cukup jelas.", ["Cukup jelas.", "Pasal 3", "Cukup jelas."]),
    ("Cukup jelas. Ayat (2) Cukup jelas.", ["Cukup jelas.", "Ayat (2) Cukup jelas."]),
    ("dalam Berita Daerah. Ditetapkan di Batang", ["dalam Berita Daerah.", "Ditetapkan di Batang"]),
    ("negara. Pasal 2 PPATK mempunyai fungsi", ["negara.", "Pasal 2", "PPATK mempunyai fungsi"]),
    ("Negeri. Pasal 4 1. Untuk penetapan", ["Negeri.", "Pasal 4", "1. Untuk penetapan"]),
    ("ditetapkan. Pasal 1 1 Berdasarkan jadwal", ["ditetapkan.", "Pasal 1 1", "Berdasarkan jadwal"]),
    ("PEMBIAYAAN. Pasal 1 3.", ["PEMBIAYAAN.", "Pasal 1 3."]),
    ("Daerah. Pasal 6 1) Setelah pekerjaan", ["Daerah.", "Pasal 6", "1) Setelah pekerjaan"]),
    ("tahun 1953. PASAL II Undang-undang ini mulai berlaku", ["tahun 1953.", "PASAL II", "Undang-undang ini mulai berlaku"]),
    ("UMUM. Pasal I 1. Ketentuan Pasal 2 diubah", ["UMUM.", "Pasal I", "1. Ketentuan Pasal 2 diubah"]),
    ("Pendirian Pasal 2 Perusahaan yang didirikan", ["Pendirian", "Pasal 2", "Perusahaan yang didirikan"]),
    ("bulan. (21 Aplikasi umum merupakan", ["bulan.", "(21 Aplikasi umum merupakan"]),
    ("BAB I KETENTUAN HUKUM (1) Daerah Perdagangan Bebas adalah", ["BAB I KETENTUAN HUKUM", "(1) Daerah Perdagangan Bebas adalah"]),
    ("Pasal 5 ayat (1) Undang-Undang Dasar", ["Pasal 5 ayat (1) Undang-Undang Dasar"]),
    # a Lampiran glued to the Penjelasan's last line or to the signature (UU 12/2011, PP 15/1983, PP 22/1997)
    ("Cukup jelas. TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 5234 LAMPIRAN I UNDANG–UNDANG REPUBLIK INDONESIA "
     "NOMOR 12 TAHUN 2011 TENTANG PEMBENTUKAN", ["Cukup jelas. TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 5234",
                                                 "LAMPIRAN I UNDANG–UNDANG REPUBLIK INDONESIA NOMOR 12 TAHUN 2011 TENTANG PEMBENTUKAN"]),
    ("ttd. DR. H. SUSILO BAMBANG YUDHOYONO LAMPIRAN II UNDANG–UNDANG REPUBLIK INDONESIA NOMOR 12 TAHUN 2011",
     ["ttd. DR. H. SUSILO BAMBANG YUDHOYONO", "LAMPIRAN II UNDANG–UNDANG REPUBLIK INDONESIA NOMOR 12 TAHUN 2011"]),
    ("mulai berlaku pada tanggal 1 Mei 1983. LAMPIRAN PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 15 TAHUN 1983",
     ["mulai berlaku pada tanggal 1 Mei 1983.", "LAMPIRAN PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 15 TAHUN 1983"]),
    ("diatur (pasal 14). PASAL DEMI PASAL Pasal 1", ["diatur (pasal 14).", "PASAL DEMI PASAL", "Pasal 1"]),
    ("diatur. II. PASAL DEMI PASAL", ["diatur.", "II. PASAL DEMI PASAL"]),
    ("mutlak. II. PENJELASAN PASAL DEMI PASAL. Pasal 1.", ["mutlak.", "II. PENJELASAN PASAL DEMI PASAL.", "Pasal 1."]),
    # ... but not a Lampiran cited in running text, nor a heading without its act's number (an example in UU 12/2011)
    ("tercantum dalam LAMPIRAN I PERATURAN DAERAH NOMOR 5 TAHUN 2019", ["tercantum dalam LAMPIRAN I PERATURAN DAERAH NOMOR 5 TAHUN 2019"]),
    ("Contoh: LAMPIRAN I UNDANG–UNDANG REPUBLIK INDONESIA NOMOR ... TAHUN ...",
     ["Contoh: LAMPIRAN I UNDANG–UNDANG REPUBLIK INDONESIA NOMOR ... TAHUN ..."]),
    # the digits of a three-digit number spaced out by OCR (PP 19/2021, PP 34/2018, PP 45/2021)
    ("elektronik. Pasal 1 13 (1) Data Pengadaan", ["elektronik.", "Pasal 1 13", "(1) Data Pengadaan"]),
    ("huruf a. Pasal 1 1 1 Dalam hal Pihak", ["huruf a.", "Pasal 1 1 1", "Dalam hal Pihak"]),
    ("pelatihan. Pasal 2 I 1 Pengembangan kompetensi", ["pelatihan.", "Pasal 2 I 1", "Pengembangan kompetensi"]),
    ("wilayah. Pasal 1 iO (1) Dalam penyelenggaraan", ["wilayah.", "Pasal 1 iO", "(1) Dalam penyelenggaraan"]),
    # the word Pasal as OCR read it (PP 44/2022 "PasaT", PP 11/2014 "Pasa!", PP 26/2020 "Pasa|", PP 68/2016 "Fasal")
    ("dikreditkan. PasaT 27 (1) Faktur Pajak", ["dikreditkan.", "PasaT 27", "(1) Faktur Pajak"]),
    ("korporasi. Pasa!8 BAB V PEMBAYARAN", ["korporasi.", "Pasa!8", "BAB V PEMBAYARAN"]),
    ("Penetapan Lokasi Pasa|44 (1) Penetapan lokasi", ["Penetapan Lokasi", "Pasa|44", "(1) Penetapan lokasi"]),
    ("Anggaran 2016. Fasal 3 Ketentuan ini", ["Anggaran 2016.", "Fasal 3", "Ketentuan ini"]),
    # an article that opens with "this regulation", after a sentence or a capitalised BAB title
    ("dinyatakan tidak berlaku. Pasal 6 Peraturan Pemerintah ini mulai berlaku pada tanggal diundangkan.",
     ["dinyatakan tidak berlaku.", "Pasal 6", "Peraturan Pemerintah ini mulai berlaku pada tanggal diundangkan."]),
    ("BAB VII KETENTUAN PENUTUP Pasal 22 Peraturan Pemerintah ini mulai berlaku",
     ["BAB VII KETENTUAN PENUTUP", "Pasal 22", "Peraturan Pemerintah ini mulai berlaku"]),
    ("daerah otonoom. Pasal 10 Peraturan ini tidak berlaku bagi", ["daerah otonoom.", "Pasal 10", "Peraturan ini tidak berlaku bagi"]),
    ("Undang-undang ini. Pasal 63 Undang-undang ini dan peraturan pelaksanaannya",
     ["Undang-undang ini.", "Pasal 63", "Undang-undang ini dan peraturan pelaksanaannya"]),
    # a heading title ending in the letters of a citing word ("Polisi": "isi", "Badan": "dan")
    ("Angkatan Perang dan Polisi Pasal 56 (1) Anggota Angkatan",
     ["Angkatan Perang dan Polisi", "Pasal 56", "(1) Anggota Angkatan"]),
    ("Bagian Kedua Badan Pasal 7 Badan dipimpin oleh", ["Bagian Kedua Badan", "Pasal 7", "Badan dipimpin oleh"]),
])
def test_glued_headings_split(text, expected):
    assert [l.text for l in unglue([Line(7, text, 0)])] == expected


@pytest.mark.parametrize("text", [
    "sebagaimana dimaksud dalam Pasal 5 ayat (1) huruf a",
    "sebagaimana dimaksud pada ayat (2) dilaksanakan",
    "Ketentuan Pasal 5 Undang-Undang Nomor 23 Tahun 2014",
    "berdasarkan Pasal 18 ayat (6) dan Pasal 20",
    "Tahun 2019 Nomor 5",
    "ditetapkan oleh Pasal II Peraturan Pemerintah No. 14",
    "sebagaimana dimaksud dalam Pasal 5, Pasal 6 Setiap",
    "ketentuan dan/atau Pasal 6 Setiap",
    "diatur oleh Pasal 6 Menteri",
    "sebagaimana dimaksud dalam PasaT 27 Menteri",
    "tersebut pada ayat (1) Pasal 1 Peraturan Pemerintah ini",
    "yang ditetapkan dalam ayat 4 Pasal 5 Undang-undang ini",
    "diatur dalam Pasal 5 Peraturan Pemerintah ini.",
])
def test_citations_never_split(text):
    assert [l.text for l in unglue([Line(1, text, 0)])] == [text]
