"""Never lose text: any input, however broken, comes out with every word in the document."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.structure.loss import lost_words
from app.structure.parser import parse_text

# Lines built from the pieces regulations are made of, in any order, plus free text.
PIECES = st.sampled_from([
    "BAB I", "BAB IIA", "KETENTUAN UMUM", "Bagian Kesatu", "Paragraf 2", "Pasal 1", "Pasal l", "Pasal 5A",
    "Pasal I", "Pasal II", "(1)", "(21", "( 3 )", "a.", "b.", "1.", "19a.", "a)", "1)", "Menimbang :", "Mengingat :",
    "MEMUTUSKAN:", "Menetapkan :", "Ditetapkan di Batang", "pada tanggal 8 April 2019", "PENJELASAN", "I. UMUM",
    "II. PASAL DEMI PASAL", "Ayat (1)", "Huruf a", "Cukup jelas.", "LAMPIRAN", "- 2 -", "SALINAN", "membe-", "rikan",
    "sebagaimana dimaksud dalam Pasal 5 ayat (1) huruf a", "Daerah adalah Kabupaten Batang.", "dan", ";", ":",
    "PRESIDEN REPUBLIK INDONESIA -3-", "[UU 5/1974](/uu/1974/5)", "BUPATI BATANG,", "ttd", "…",
])
LINE = st.lists(st.one_of(PIECES, st.text(min_size=1, max_size=12)), min_size=1, max_size=6).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_no_word_is_ever_lost(text):
    assert lost_words(text, parse_text(text)) == []


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses(text):
    doc = parse_text(text)
    assert lost_words(text, doc) == []
    ids = [n.id for n in doc.provisions()]
    assert len(ids) == len(set(ids))
