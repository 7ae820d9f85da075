"""Index kept equal to the database: update after saving, check finds every difference, reindex repairs."""

from __future__ import annotations

import pytest
from sqlmodel import Session
from whoosh import index as whoosh_index

from app.index.schema import INDEX_NAME, IndexHandle, get_handle, make_schema
from app.index.search import search
from app.index.sync import check_index, outdated, rebuild_if_outdated, reindex, update_index
from app.models import Regulation

pytestmark = pytest.mark.databases  # every test on SQLite and on PostgreSQL


def delete_regulation(*, session: Session, reg_id: str) -> None:
    session.delete(session.get(Regulation, reg_id))  # provisions go with it (foreign keys cascade)
    session.commit()


def test_update_indexes_every_clause_and_check_agrees(session: Session, save, make_document) -> None:
    regulation, _ = save(make_document(), content_hash="a" * 64)
    written = update_index(session=session, regulation_ids=[regulation.id])
    # Pasal 1, Pasal 2 ayat (1) and (2), Pasal 3, the Penjelasan Umum; its "Cukup jelas." is left out
    assert written == 5
    assert check_index(session=session) == []
    hits = search(query="smart economy", handle=get_handle()).hits
    assert [hit.provision_id for hit in hits] == [f"{regulation.id}/pasal-2/ayat-2"]


def test_check_reports_missing_stale_and_extra_and_reindex_repairs(session: Session, save, make_document) -> None:
    first, _ = save(make_document(), content_hash="a" * 64)
    update_index(session=session, regulation_ids=[first.id])
    second, _ = save(make_document(nomor="7", daerah="Kabupaten Semarang"), content_hash="b" * 64)
    assert [(d.regulation_id, d.problem) for d in check_index(session=session)] == [(second.id, "missing")]

    update_index(session=session, regulation_ids=[second.id])
    save(make_document(pasal_3="Pelaksanaan dikoordinasikan oleh Bappeda."), content_hash="c" * 64)  # updates `first`
    assert [(d.regulation_id, d.problem) for d in check_index(session=session)] == [(first.id, "stale")]

    update_index(session=session, regulation_ids=[first.id])
    delete_regulation(session=session, reg_id=second.id)
    assert [(d.regulation_id, d.problem) for d in check_index(session=session)] == [(second.id, "extra")]

    report = reindex(session=session)
    assert (report.regulations, report.clauses) == (1, 5)
    assert check_index(session=session) == []
    assert search(query="bappeda", handle=get_handle()).total == 1


def test_update_of_a_deleted_regulation_removes_its_clauses(session: Session, save, make_document) -> None:
    regulation, _ = save(make_document(), content_hash="a" * 64)
    update_index(session=session, regulation_ids=[regulation.id])
    delete_regulation(session=session, reg_id=regulation.id)
    update_index(session=session, regulation_ids=[regulation.id])
    assert check_index(session=session) == [] and search(query="smart", handle=get_handle()).total == 0


def test_a_reader_keeps_searching_while_the_index_changes(session: Session, save, make_document) -> None:
    regulation, _ = save(make_document(), content_hash="a" * 64)
    update_index(session=session, regulation_ids=[regulation.id])
    before = search(query="smart economy").total
    other, _ = save(make_document(nomor="9", daerah="Kabupaten Kendal"), content_hash="d" * 64)
    update_index(session=session, regulation_ids=[other.id])
    assert search(query="smart economy").total == before + 1


def test_many_updates_seen_by_a_shared_searcher(session: Session, save, make_document) -> None:
    # whoosh's Searcher.refresh() keeps the deletions an old segment had when it was opened; the
    # shared handle must open a new searcher, or updated regulations would show twice
    for round_ in range(12):
        regulation, _ = save(make_document(pasal_3=f"Pelaksanaan putaran{round_}."), content_hash=f"{round_:064d}")
        update_index(session=session, regulation_ids=[regulation.id])
        assert check_index(session=session) == []
        assert search(query="pelaksanaan", handle=get_handle()).total == 1
    assert search(query="putaran11", handle=get_handle()).total == 1
    assert search(query="putaran0", handle=get_handle()).total == 0


def older_index(handle: IndexHandle) -> None:
    """Replace the index by an empty one of an older schema (without the word-pairs field)."""
    handle.reset()
    schema = make_schema()
    schema.remove("exact_pairs")
    handle.path.mkdir(parents=True, exist_ok=True)
    whoosh_index.create_in(str(handle.path), schema, indexname=INDEX_NAME)
    handle.reset()


def test_an_index_of_an_older_schema_is_reported_and_rebuilt(session: Session, save, make_document) -> None:
    first, _ = save(make_document(), content_hash="a" * 64)
    handle = get_handle()
    older_index(handle)
    assert outdated(handle.index)
    assert [(d.regulation_id, d.problem) for d in check_index(session=session)] == [("*", "schema")]

    assert rebuild_if_outdated(session=session) == 5
    assert not outdated(handle.index) and check_index(session=session) == []
    assert rebuild_if_outdated(session=session) is None

    older_index(handle)
    second, _ = save(make_document(nomor="7", daerah="Kabupaten Semarang"), content_hash="b" * 64)
    assert update_index(session=session, regulation_ids=[second.id]) == 10  # both, whole
    assert check_index(session=session) == []
    assert search(query='"smart economy"').total == 2
