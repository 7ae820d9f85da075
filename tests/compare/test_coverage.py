"""Coverage: the topic lexicon, which Pasal cover which topic, and the matrix over a selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session

from app.compare.coverage import Selection, coverage_of, parse_topics, regulation_coverage, topics
from app.compare.regulations import pasal_clauses
from app.errors import InvalidInput, NotFound
from app.index.schema import IndexHandle
from app.kb.ingest import parse_file
from app.text.neutral import neutraliser

SPECIMENS = Path(__file__).resolve().parents[3] / "shared" / "specimens"
BATANG = parse_file(SPECIMENS / "perbup-batang-2019-23-smart-city.txt")
JATENG = parse_file(SPECIMENS / "perda-jateng-2019-11-jateng-cerdas.txt")
AMENDMENT = parse_file(SPECIMENS / "perbup-batang-2021-8-perubahan-smart-city.txt")


def test_the_bundled_lexicon_names_every_topic_the_matrix_needs() -> None:
    keys = [topic.kunci for topic in topics()]
    assert len(keys) == len(set(keys))
    for key in ("smart-governance", "smart-branding", "smart-economy", "smart-living", "smart-society",
                "smart-environment", "spbe-tata-kelola", "spbe-manajemen", "spbe-layanan", "dewan-smart-city",
                "tim-koordinasi-spbe", "command-center", "masterplan", "pendanaan", "evaluasi"):
        assert key in keys
    assert all(topic.frasa and topic.nama and topic.kelompok for topic in topics())


def test_a_bad_lexicon_is_refused_with_what_is_wrong() -> None:
    with pytest.raises(InvalidInput, match="TOML"):
        parse_topics("[[topik]\nkunci = ")
    with pytest.raises(InvalidInput, match="frasa"):
        parse_topics('[[topik]]\nkunci = "a"\nnama = "A"\nkelompok = "G"\n')
    with pytest.raises(InvalidInput, match="twice"):
        parse_topics('[[topik]]\nkunci = "a"\nnama = "A"\nkelompok = "G"\nfrasa = ["x"]\n' * 2)


def _cells(document, reg_id: str, daerah: str) -> dict[str, list[str]]:
    return {key: cell.pasal for key, cell in regulation_coverage(document, reg_id, daerah, topics()).items()}


def test_the_perbup_covers_its_dimensions_and_institutions_where_it_rules_them() -> None:
    cells = _cells(BATANG, "batang", "Kabupaten Batang")
    dimensions = ["smart-governance", "smart-branding", "smart-economy", "smart-living", "smart-society", "smart-environment"]
    assert [cells[key] for key in dimensions] == [["5", "6"], ["5", "7"], ["5", "8"], ["5", "9"], ["5", "10"], ["5", "11"]]
    assert "16" in cells["dewan-smart-city"] and "34" in cells["pendanaan"]
    assert cells["tim-koordinasi-spbe"] == []
    assert all("1" not in pasal for pasal in cells.values())  # definitions are not coverage


def test_region_names_are_read_neutrally() -> None:
    """The Perda's "Dewan Jawa Tengah Cerdas" is the lexicon's "dewan kota cerdas"."""
    cells = _cells(JATENG, "jateng", "Provinsi Jawa Tengah")
    assert "27" in cells["dewan-smart-city"] and cells["smart-governance"][0] == "11"
    without_region = _cells(JATENG, "jateng", "Kabupaten Batang")
    assert "27" not in without_region["dewan-smart-city"]


def test_every_listed_pasal_holds_a_phrase_and_amended_definitions_are_skipped() -> None:
    neutral = neutraliser(["Kabupaten Batang"])
    clauses = pasal_clauses(AMENDMENT, "perubahan")
    for key, cell in regulation_coverage(AMENDMENT, "perubahan", "Kabupaten Batang", topics()).items():
        phrases = [" ".join(neutral.words(p)) for topic in topics() if topic.kunci == key for p in topic.frasa]
        for pasal_id in cell.provision_ids:
            text = " ".join(neutral.words(" ".join([clauses[pasal_id][0].headings, *(c.text for c in clauses[pasal_id])])))
            assert any(phrase in text for phrase in phrases), (key, pasal_id)
    assert all("1" not in cell.pasal for cell in regulation_coverage(AMENDMENT, "perubahan", "Kabupaten Batang", topics()).values())


def test_the_matrix_over_ids_or_filters(corpus: IndexHandle, session: Session) -> None:
    ids = ("perda-prov-jawa-tengah-2019-11", "perbup-batang-2019-23")
    matrix = coverage_of(session, Selection(ids=ids), topic_keys=["pendanaan", "dewan-smart-city"])
    assert [r.id for r in matrix.regulations] == list(ids) and matrix.total == 2
    assert [t.kunci for t in matrix.topics] == ["pendanaan", "dewan-smart-city"]
    assert [cell.regulation_id for cell in matrix.topics[0].cells] == list(ids)
    assert matrix.regulations[1].topics == 2 and matrix.regulations[1].spesimen
    national = coverage_of(session, Selection(tingkat="nasional", limit=5))
    assert len(national.regulations) == 5 and national.total == 20 and len(national.topics) == len(topics())
    with pytest.raises(NotFound, match="nope"):
        coverage_of(session, Selection(ids=("nope",)))
    with pytest.raises(InvalidInput, match="unknown topic"):
        coverage_of(session, Selection(ids=ids), topic_keys=["tidak-ada"])
