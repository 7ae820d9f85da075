"""Tests for app.drafting.store: drafts kept in the knowledge base, made, extended, edited,
moved, removed and read back assembled."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from app.drafting import store
from app.errors import InvalidInput, NotFound
from app.kb.ingest import parse_file
from app.kb.store import save_document
from app.models import DraftProvision
from app.structure.parser import parse_text
from tests.conftest import CORPUS
from tests.drafting.specimens import BATANG_FILE, batang, jateng

pytestmark = pytest.mark.databases  # every test on SQLite and on PostgreSQL

BATANG_ID = "perbup-batang-2019-23"
JATENG_ID = "perda-prov-jawa-tengah-2019-11"


@pytest.fixture
def stored(session: Session) -> Session:
    """Both specimens in the knowledge base."""
    for document, content_hash in ((batang(), "b" * 64), (jateng(), "j" * 64)):
        save_document(session=session, document=document, content_hash=content_hash)
    return session


def new_draft(session: Session, **kwargs) -> int:
    fields = {"jenis": "Perda Provinsi", "daerah": "Provinsi Jawa Tengah", "regulation_id": BATANG_ID, "tahun": 2025,
              **kwargs}
    draft = store.create_draft(session=session, **fields)
    assert draft.id is not None
    return draft.id


def pasal(view, num: str):
    return next(p for p in view.provisions if p.kind == "pasal" and p.num == num)


def test_a_draft_made_from_a_stored_regulation_reads_back_assembled(stored: Session) -> None:
    draft_id = new_draft(stored)
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert (view.judul, view.jenis, view.daerah, view.tahun, view.source) == (
        "PENYELENGGARAAN SMART CITY PROVINSI JAWA TENGAH", "Peraturan Daerah Provinsi", "Provinsi Jawa Tengah", 2025,
        BATANG_ID)
    assert [p.num for p in view.provisions if p.kind == "pasal"] == [str(n) for n in range(1, 37)]
    assert pasal(view, "16").source == f"{BATANG_ID}/pasal-16"
    assert pasal(view, "16").text.startswith("(1) Dalam rangka Penyelenggaraan Smart City, Gubernur membentuk:")
    assert view.menimbang[-1].endswith("perlu membentuk Peraturan Daerah tentang Penyelenggaraan Smart City Provinsi "
                                       "Jawa Tengah;")
    # the law forming Provinsi Jawa Tengah was found in the stored Perda of Jawa Tengah
    assert view.mengingat[1].startswith("Undang-Undang Nomor 10 Tahun 1950 tentang Pembentukan Provinsi Jawa Tengah")
    assert not [f for f in view.flags if f.reason == "dasar-hukum"]
    assert ("pasal-1/angka-3", "Bupati Batang", "Gubernur Jawa Tengah") in {
        (c.provision, c.before, c.after) for c in view.changes}
    listed = store.list_drafts(session=stored)[0]
    assert (listed.id, listed.judul) == (draft_id, "PENYELENGGARAAN SMART CITY PROVINSI JAWA TENGAH")


def test_a_draft_of_chosen_pasal_extended_from_another_regulation(stored: Session) -> None:
    draft_id = new_draft(stored, picks=["bab-1", "pasal-16", "pasal-17"])
    added = store.add_provision(session=stored, draft_id=draft_id, source=f"{JATENG_ID}/pasal-43")
    assert [(row.kind, row.source_node_id, row.source_regulation_id) for row in added] == [
        ("pasal", "pasal-43", JATENG_ID)]
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert [(p.kind, p.num) for p in view.provisions] == [
        ("bab", "I"), ("pasal", "1"), ("bab", "II"), ("bagian", "Kesatu"), ("pasal", "2"), ("bagian", "Kedua"),
        ("pasal", "3"), ("pasal", "4")]
    assert "sebagaimana dimaksud dalam Pasal 2 ayat (1) huruf a" in pasal(view, "3").text
    assert pasal(view, "4").source == f"{JATENG_ID}/pasal-43"
    assert ("pasal-4/ayat-1", "rujukan-terputus", "Pasal 20 ayat (3)") in {
        (f.provision, f.reason, f.excerpt) for f in view.flags}
    # the Pasal it cites arrives later: the reference is then printed with its number
    store.add_provision(session=stored, draft_id=draft_id, source=f"{JATENG_ID}/pasal-20", position=7)
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert pasal(view, "4").source == f"{JATENG_ID}/pasal-20"
    assert "sebagaimana dimaksud dalam Pasal 4 ayat (3)" in pasal(view, "5").text
    assert ("pasal-5/ayat-1", "Pasal 20 ayat (3)") not in {(f.provision, f.excerpt) for f in view.flags}


def test_a_bab_picked_comes_with_what_it_holds_and_an_ayat_becomes_a_pasal(stored: Session) -> None:
    draft_id = new_draft(stored, picks=["pasal-1"])
    store.add_provision(session=stored, draft_id=draft_id, source=f"{BATANG_ID}/bab-5")
    store.add_provision(session=stored, draft_id=draft_id, source=f"{JATENG_ID}/pasal-22/ayat-5")
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert [p.kind for p in view.provisions].count("pasal") == 1 + 6 + 1
    last = view.provisions[-1]
    assert (last.kind, last.num, last.source) == ("pasal", "8", f"{JATENG_ID}/pasal-22/ayat-5")
    assert last.text == "Standar operasional prosedur pengelolaan Command Center ditetapkan oleh Gubernur."


def test_new_provisions_edits_moves_and_removals(stored: Session) -> None:
    draft_id = new_draft(stored, picks=["bab-1", "pasal-2", "pasal-3"])
    view = store.draft_view(session=stored, draft_id=draft_id)
    bab_2 = next(p for p in view.provisions if p.kind == "bab" and p.num == "II")
    [asas] = store.add_provision(session=stored, draft_id=draft_id, kind="pasal", position=bab_2.position + 1,
                                 text="Penyelenggaraan Smart City berasaskan:\na. keterpaduan; dan\nb. keterbukaan.")
    [note] = store.add_provision(session=stored, draft_id=draft_id, kind="pasal",
                                 text="Asas sebagaimana dimaksud dalam Pasal 2 berlaku bagi Perangkat Daerah.")
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert [(p.num, p.own) for p in view.provisions if p.kind == "pasal"] == [
        ("1", False), ("2", True), ("3", False), ("4", False), ("5", True)]
    assert pasal(view, "2").text == "Penyelenggaraan Smart City berasaskan:\na. keterpaduan; dan\nb. keterbukaan."
    # moving the asas after Pasal 3 (Batang's Pasal 3): the own reference follows it to Pasal 4
    store.move_provision(session=stored, draft_id=draft_id, provision_id=asas.id, position=5)
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert pasal(view, "4").id == asas.id
    assert pasal(view, "5").text == "Asas sebagaimana dimaksud dalam Pasal 4 berlaku bagi Perangkat Daerah."
    # an edit is the drafter's own: not adapted again, in the draft's numbering
    edited = store.edit_provision(session=stored, draft_id=draft_id, provision_id=pasal(view, "2").id,
                                  text="Maksud Peraturan Daerah ini sebagaimana dimaksud dalam Pasal 4.")
    assert edited.own
    row = next(r for r in store.assembled(session=stored, draft_id=draft_id)[1].rows if r.key == str(edited.id))
    assert (row.source, row.own, row.text) == (f"{BATANG_ID}/pasal-2", True,
                                              "Maksud Peraturan Daerah ini sebagaimana dimaksud dalam Pasal 4.")
    assert row.source_text.startswith("Maksud ditetapkannya Peraturan Bupati ini adalah sebagai pedoman")
    # removing the asas marks the references to it (never left to point at what is Pasal 4 now)
    store.remove_provision(session=stored, draft_id=draft_id, provision_id=asas.id)
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert [p.num for p in view.provisions if p.kind == "pasal"] == ["1", "2", "3", "4"]
    assert pasal(view, "4").id == note.id
    assert pasal(view, "4").text == "Asas sebagaimana dimaksud dalam Pasal ?4 berlaku bagi Perangkat Daerah."
    assert pasal(view, "2").text == "Maksud Peraturan Daerah ini sebagaimana dimaksud dalam Pasal ?4."
    check = store.check_draft(session=stored, draft_id=draft_id)
    assert {("pasal-2", "Pasal ?4"), ("pasal-4", "Pasal ?4")} <= {
        (f.provision, f.excerpt) for f in check.findings if f.reason == "rujukan"}
    # the heading of BAB II, edited
    store.edit_provision(session=stored, draft_id=draft_id, provision_id=bab_2.id, heading="MAKSUD DAN TUJUAN")
    assert store.draft_view(session=stored, draft_id=draft_id).provisions[2].heading == "MAKSUD DAN TUJUAN"


def test_moving_or_removing_a_bab_takes_what_it_holds(stored: Session) -> None:
    draft_id = new_draft(stored, picks=["bab-1", "bab-2", "bab-12"])
    view = store.draft_view(session=stored, draft_id=draft_id)
    bab_2 = next(p for p in view.provisions if p.kind == "bab" and p.num == "II")
    store.move_provision(session=stored, draft_id=draft_id, provision_id=bab_2.id, position=0)
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert [p.source for p in view.provisions][:4] == [f"{BATANG_ID}/{n}" for n in ("bab-2", "pasal-2", "pasal-3",
                                                                                    "pasal-4")]
    store.remove_provision(session=stored, draft_id=draft_id, provision_id=bab_2.id)
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert [p.source for p in view.provisions] == [f"{BATANG_ID}/{n}" for n in ("bab-1", "pasal-1", "bab-12",
                                                                               "pasal-35", "pasal-36")]
    assert len(stored.exec(select(DraftProvision).where(DraftProvision.draft_id == draft_id)).all()) == 5


def test_one_step_up_or_down_passes_a_neighbour_or_crosses_into_the_next_group(stored: Session) -> None:
    draft_id = new_draft(stored, picks=["bab-1", "bab-2"])

    def order() -> list[str]:
        return [p.source.rsplit("/", 1)[1] for p in store.draft_view(session=stored, draft_id=draft_id).provisions]

    def ids() -> dict[str, int]:
        return {p.source.rsplit("/", 1)[1]: p.id for p in store.draft_view(session=stored, draft_id=draft_id).provisions}

    assert order() == ["bab-1", "pasal-1", "bab-2", "pasal-2", "pasal-3", "pasal-4"]
    store.step_provision(session=stored, draft_id=draft_id, provision_id=ids()["pasal-3"], step=-1)
    assert order() == ["bab-1", "pasal-1", "bab-2", "pasal-3", "pasal-2", "pasal-4"]
    store.step_provision(session=stored, draft_id=draft_id, provision_id=ids()["pasal-3"], step=-1)
    assert order() == ["bab-1", "pasal-1", "pasal-3", "bab-2", "pasal-2", "pasal-4"]  # out of BAB II
    store.step_provision(session=stored, draft_id=draft_id, provision_id=ids()["bab-2"], step=-1)
    assert order() == ["bab-2", "pasal-2", "pasal-4", "bab-1", "pasal-1", "pasal-3"]  # with what it holds
    with pytest.raises(InvalidInput, match="sudah paling atas"):
        store.step_provision(session=stored, draft_id=draft_id, provision_id=ids()["bab-2"], step=-1)
    with pytest.raises(InvalidInput, match="sudah paling bawah"):
        store.step_provision(session=stored, draft_id=draft_id, provision_id=ids()["pasal-3"], step=1)
    store.step_provision(session=stored, draft_id=draft_id, provision_id=ids()["pasal-4"], step=1)
    assert order() == ["bab-2", "pasal-2", "bab-1", "pasal-4", "pasal-1", "pasal-3"]  # into BAB I, first
    with pytest.raises(NotFound):
        store.step_provision(session=stored, draft_id=draft_id + 1, provision_id=ids()["pasal-4"], step=1)


def test_a_draft_made_from_a_file_and_changed_to_another_target(stored: Session) -> None:
    draft = store.create_draft(session=stored, jenis="Perbup", daerah="Kabupaten Kendal", document=parse_file(BATANG_FILE),
                               source_name=BATANG_FILE.name, tahun=2025)
    view = store.draft_view(session=stored, draft_id=draft.id)
    assert view.source == BATANG_FILE.name and pasal(view, "1").source == f"{BATANG_FILE.name}#pasal-1"
    assert "3. Bupati adalah Bupati Kendal." in pasal(view, "1").text
    store.update_draft(session=stored, draft_id=draft.id, jenis="Peraturan Wali Kota", daerah="Kota Semarang",
                       judul="Kota Cerdas", menimbang=["bahwa kota cerdas perlu diatur;"])
    view = store.draft_view(session=stored, draft_id=draft.id)
    assert (view.jenis, view.daerah, view.judul) == ("Peraturan Wali Kota", "Kota Semarang", "KOTA CERDAS")
    assert "3. Wali Kota adalah Wali Kota Semarang." in pasal(view, "1").text
    assert view.menimbang == ["bahwa kota cerdas perlu diatur;", "bahwa berdasarkan pertimbangan sebagaimana dimaksud "
                              "dalam huruf a, perlu menetapkan Peraturan Wali Kota tentang Kota Cerdas;"]


def test_the_law_forming_the_region_follows_a_change_of_target(stored: Session) -> None:
    draft_id = new_draft(stored)
    assert "Pembentukan Provinsi Jawa Tengah" in store.draft_view(session=stored, draft_id=draft_id).mengingat[1]
    store.update_draft(session=stored, draft_id=draft_id, jenis="Perbup", daerah="Kabupaten Kendal")
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert view.mengingat[1] == "Undang-Undang Nomor ... Tahun ... tentang Pembentukan Kabupaten Kendal;"
    assert store.list_drafts(session=stored)[0].judul == "PENYELENGGARAAN SMART CITY KABUPATEN KENDAL"


def test_checks_of_a_stored_draft_know_revoked_acts(stored: Session) -> None:
    save_document(session=stored, document=parse_file(CORPUS / "national" / "uu-2014-23-pemerintahan-daerah.txt"),
                  content_hash="u" * 64)
    assert store.revoked_acts(session=stored)[("Undang-Undang", "32", 2004)] == "uu-2014-23/pasal-409"
    draft_id = new_draft(stored)
    store.update_draft(session=stored, draft_id=draft_id, mengingat=[
        "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
        "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah;"])
    check = store.check_draft(session=stored, draft_id=draft_id)
    assert ("dasar-hukum-dicabut", "mengingat/2") in {(f.reason, f.provision) for f in check.findings}
    assert {f.reason for f in check.findings} == {"dasar-hukum-dicabut", "daerah-sumber"}


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda s: new_draft(s, regulation_id="perbup-tidak-ada"), NotFound, "regulation not found"),
    (lambda s: new_draft(s, jenis="Perbup"), InvalidInput, "another level"),
    (lambda s: new_draft(s, daerah="Provinsi Atlantis"), InvalidInput, "unknown region"),
    (lambda s: new_draft(s, picks=["pasal-99"]), NotFound, "pasal-99"),
    (lambda s: new_draft(s, tahun=1800), InvalidInput, "year out of range"),
    (lambda s: store.draft_view(session=s, draft_id=999), NotFound, "draft not found"),
    (lambda s: store.add_provision(session=s, draft_id=new_draft(s), source=f"{JATENG_ID}/pasal-99"), NotFound,
     "provision not found"),
    (lambda s: store.add_provision(session=s, draft_id=new_draft(s), source=f"{JATENG_ID}/penjelasan/pasal-7"),
     NotFound, "not found in the body"),
    (lambda s: store.add_provision(session=s, draft_id=new_draft(s), kind="ayat", text="x"), InvalidInput, "unknown kind"),
    (lambda s: store.add_provision(session=s, draft_id=new_draft(s), kind="pasal", text="BAB I\nUMUM\nPasal 2\nx"),
     InvalidInput, "without headings"),
    (lambda s: store.add_provision(session=s, draft_id=new_draft(s), kind="bab", text="x"), InvalidInput, "heading"),
    (lambda s: store.add_provision(session=s, draft_id=new_draft(s), kind="pasal", text="x.", position=999),
     InvalidInput, "position out of range"),
    (lambda s: store.move_provision(session=s, draft_id=new_draft(s), provision_id=999, position=0), NotFound,
     "draft provision not found"),
    (lambda s: store.update_draft(session=s, draft_id=new_draft(s), judul="  "), InvalidInput, "must not be empty"),
    (lambda s: store.create_draft(session=s, jenis="Perda Provinsi", daerah="Provinsi Jawa Tengah", source_name="surat.txt",
                                  document=parse_text("Dengan hormat, kami mengundang Bapak/Ibu rapat.")),
     InvalidInput, r"Tidak ada Pasal dalam surat.txt.*\(no Pasal found\)"),
])
def test_bad_input_is_refused_clearly(stored: Session, call, error, message: str) -> None:
    with pytest.raises(error, match=message):
        call(stored)


def test_a_pasal_an_amendment_quotes_can_be_added(stored: Session) -> None:
    amending = parse_file(BATANG_FILE.with_name("perbup-batang-2021-8-perubahan-smart-city.txt"))
    regulation, _status = save_document(session=stored, document=amending, content_hash="p" * 64)
    draft_id = new_draft(stored, picks=["pasal-1"])
    with pytest.raises(InvalidInput, match="amending regulation"):
        new_draft(stored, regulation_id=regulation.id)
    store.add_provision(session=stored, draft_id=draft_id, source=f"{regulation.id}/pasal-i/perubahan-2/pasal-14a")
    view = store.draft_view(session=stored, draft_id=draft_id)
    assert (view.provisions[-1].num, view.provisions[-1].source) == (
        "2", f"{regulation.id}/pasal-i/perubahan-2/pasal-14a")
    assert "Bupati" not in view.provisions[-1].text
