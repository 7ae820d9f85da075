import pytest

from app.structure.metadata import parse_date, read_metadata


def _meta(opening: str, closing: str = ""):
    return read_metadata([l.strip() for l in opening.strip().splitlines()], [l.strip() for l in closing.strip().splitlines()])


@pytest.mark.parametrize("opening, jenis, daerah, provinsi, nomor, tahun", [
    ("WALI KOTA SEMARANG\nPROVINSI JAWA TENGAH\nPERATURAN WALI KOTA SEMARANG\nNOMOR 5 TAHUN 2020\nTENTANG\nKOTA CERDAS\n"
     "DENGAN RAHMAT TUHAN YANG MAHA ESA\nWALI KOTA SEMARANG,",
     "Peraturan Wali Kota", "Kota Semarang", "Provinsi Jawa Tengah", "5", 2020),
    ("PERATURAN WALIKOTA SURABAYA\nNOMOR 12 TAHUN 2O18\nTENTANG\nSURABAYA SMART CITY\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nWALIKOTA SURABAYA,",
     "Peraturan Wali Kota", "Kota Surabaya", "Provinsi Jawa Timur", "12", 2018),
    ("GUBERNUR JAWA BARAT\nPERATURAN GUBERNUR JAWA BARAT\nNOMOR 45 TAHUN 2021\nTENTANG\nSISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\n"
     "DENGAN RAHMAT TUHAN YANG MAHA ESA\nGUBERNUR JAWA BARAT,",
     "Peraturan Gubernur", "Provinsi Jawa Barat", "Provinsi Jawa Barat", "45", 2021),
    ("BUPATI BANYUWANGI\nPERATURAN DAERAH KABUPATEN BANYUWANGI\nNOMOR 3 TAHUN 2019\nTENTANG\nKABUPATEN CERDAS\n"
     "DENGAN RAHMAT TUHAN YANG MAHA ESA\nBUPATI BANYUWANGI,",
     "Peraturan Daerah Kabupaten", "Kabupaten Banyuwangi", "Provinsi Jawa Timur", "3", 2019),
    ("BUPATI BANDUNG\nPERATURAN BUPATI BANDUNG\nNOMOR l2 TAHUN 2022\nTENTANG\nSPBE\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nBUPATI BANDUNG,",
     "Peraturan Bupati", "Kabupaten Bandung", "Provinsi Jawa Barat", "12", 2022),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA\nNOMOR 18 TAHUN 2016\nTENTANG\nPERANGKAT DAERAH\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nPRESIDEN REPUBLIK INDONESIA,",
     "Peraturan Pemerintah", "Nasional", None, "18", 2016),
])
def test_title_block(opening, jenis, daerah, provinsi, nomor, tahun):
    meta = _meta(opening)
    assert (meta.jenis, meta.daerah, meta.provinsi, meta.nomor, meta.tahun) == (jenis, daerah, provinsi, nomor, tahun)


def test_number_and_year_without_tentang():
    meta = _meta("PERATURAN BUPATI BATANG\nNOMOR 23 TAHUN 2019\nPENYELENGGARAAN SMART CITY\nBUPATI BATANG,")
    assert (meta.nomor, meta.tahun, meta.daerah) == ("23", 2019, "Kabupaten Batang")


def test_penutup():
    meta = _meta("PERATURAN DAERAH PROVINSI JAWA TENGAH\nNOMOR 11 TAHUN 2019\nTENTANG\nJATENG CERDAS",
                 "Ditetapkan di Semarang\npada tanggal 2 Desember 2019\nGUBERNUR JAWA TENGAH,\nttd\nARYA WIRATAMA\n"
                 "Diundangkan di Semarang\npada tanggal 3 Desember 2019\nSEKRETARIS DAERAH PROVINSI JAWA TENGAH,\nttd\nHENDRO\n"
                 "LEMBARAN DAERAH PROVINSI JAWA TENGAH TAHUN 2019 NOMOR 11\nNOREG PERATURAN DAERAH PROVINSI JAWA TENGAH: (11-302/2019)")
    assert (meta.tempat_ditetapkan, meta.tanggal_ditetapkan, meta.tanggal_diundangkan) == ("Semarang", "2019-12-02", "2019-12-03")
    assert (meta.jabatan_penandatangan, meta.penandatangan) == ("GUBERNUR JAWA TENGAH", "ARYA WIRATAMA")
    assert meta.publikasi.startswith("LEMBARAN DAERAH") and meta.noreg.startswith("NOREG")


@pytest.mark.parametrize("text, iso", [("8 April 2019", "2019-04-08"), ("1 Pebruari 2O20", "2020-02-01"), ("32 Mei 2019", None), ("April 2019", None)])
def test_parse_date(text, iso):
    assert parse_date(text) == iso
