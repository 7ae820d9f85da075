from app.structure.sections import split_sections
from app.text.cleanup import clean_lines


def _sections(text: str):
    lines, _ = clean_lines(text)
    return {k: [l.text for l in v] for k, v in split_sections(lines).__dict__.items()}


def test_parts_in_order():
    parts = _sections(
        "PERATURAN BUPATI X\nNOMOR 1 TAHUN 2020\nMenimbang : a. bahwa satu;\nMengingat : 1. UU 23/2014;\n"
        "Dengan Persetujuan Bersama\nDPRD\nMEMUTUSKAN:\nMenetapkan : PERATURAN.\nBAB I\nUMUM\nPasal 1\nIsi.\n"
        "Ditetapkan di X\nBUPATI X,\nPENJELASAN\nATAS\nI. UMUM\nTeks.\nLAMPIRAN I\nTabel")
    assert parts["pembukaan"] == ["PERATURAN BUPATI X", "NOMOR 1 TAHUN 2020"]
    assert parts["menimbang"] == ["Menimbang : a. bahwa satu;"]
    assert parts["mengingat"] == ["Mengingat : 1. UU 23/2014;"]
    assert parts["persetujuan"] == ["Dengan Persetujuan Bersama", "DPRD"]
    assert parts["diktum"] == ["MEMUTUSKAN:", "Menetapkan : PERATURAN."]
    assert parts["body"] == ["BAB I", "UMUM", "Pasal 1", "Isi."]
    assert parts["penutup"] == ["Ditetapkan di X", "BUPATI X,"]
    assert parts["penjelasan"] == ["PENJELASAN", "ATAS", "I. UMUM", "Teks."]
    assert parts["lampiran"] == ["LAMPIRAN I", "Tabel"]


def test_lampiran_without_a_signature_block():
    parts = _sections("MEMUTUSKAN:\nPasal 1\nIsi.\nLAMPIRAN I\nTabel satu")
    assert parts["body"] == ["Pasal 1", "Isi."]
    assert parts["lampiran"] == ["LAMPIRAN I", "Tabel satu"]


def test_body_start_misplaced_before_memutuskan():
    parts = _sections("Menimbang : a. bahwa;\nPasal 1\nIsi satu.\nMEMUTUSKAN:\nPasal 2\nIsi dua.")
    assert parts["body"][0] == "Pasal 1"


def test_spaced_penjelasan_and_disahkan():
    parts = _sections("MEMUTUSKAN:\nPasal 1\nIsi.\nDisahkan di Jakarta\nP E N J E L A S A N A T A S UNDANG-UNDANG\nI. UMUM")
    assert parts["penutup"] == ["Disahkan di Jakarta"]
    assert parts["penjelasan"][0].startswith("P E N J E L A S A N")


def test_memperhatikan_is_its_own_part():
    parts = _sections("Mengingat : 1. UU 23/2014;\n2. PP 18/2016;\nMemperhatikan : Surat Menteri Nomor 1;\n"
                      "MEMUTUSKAN:\nPasal 1\nIsi.")
    assert parts["mengingat"] == ["Mengingat : 1. UU 23/2014;", "2. PP 18/2016;"]
    assert parts["memperhatikan"] == ["Memperhatikan : Surat Menteri Nomor 1;"]


def test_penjelasan_whose_heading_was_lost():
    parts = _sections("MEMUTUSKAN:\nPasal 1\nIsi.\nPasal 2\nIsi dua.\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas.")
    assert parts["body"] == ["Pasal 1", "Isi.", "Pasal 2", "Isi dua."]
    assert parts["penjelasan"] == ["II. PASAL DEMI PASAL", "Pasal 1", "Cukup jelas."]
