"""Tests for app.kb.store: saving atomically, the added/updated/unchanged rule, listing, fetching."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, func, select

from app.errors import InvalidInput, NotFound
from app.kb.store import (
    clean_overrides,
    count_regulations,
    get_provision,
    get_regulation,
    list_definitions,
    list_regulations,
    regulation_tree,
)
from app.models import DefinitionEntry, Provision, ReferenceEntry, Regulation
from app.structure.tree import Definition

pytestmark = pytest.mark.databases  # every test on SQLite and on PostgreSQL


HASH_A = "a" * 64
HASH_B = "b" * 64
HASH_C = "c" * 64


def provision_ids(session: Session, reg_id: str) -> list[str]:
    rows = session.exec(select(Provision).where(Provision.regulation_id == reg_id).order_by(Provision.position))
    return [row.id for row in rows]


def count(session: Session, table: type) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


# --- saving -------------------------------------------------------------------------------


def test_save_new_document_stores_metadata_tree_definitions_and_references(session, save, make_document):
    regulation, status = save(make_document(), HASH_A, source_path="/corpus/perbup.txt", sumber="JDIH Batang")

    assert status == "added"
    assert regulation.id == "perbup-batang-2019-23"
    assert (regulation.jenis, regulation.jenis_singkat, regulation.nomor, regulation.tahun) == (
        "Peraturan Bupati", "Perbup", "23", 2019)
    assert regulation.daerah == "Kabupaten Batang" and regulation.provinsi == "Provinsi Jawa Tengah"
    assert regulation.status == "berlaku" and regulation.spesimen is False
    assert regulation.sumber == "JDIH Batang" and regulation.source_path == "/corpus/perbup.txt"
    assert regulation.content_hash == HASH_A and regulation.warnings == 1
    assert regulation.document["body"][0]["heading"] == "KETENTUAN UMUM"

    assert provision_ids(session, regulation.id) == [
        f"perbup-batang-2019-23/{node_id}" for node_id in (
            "bab-1", "pasal-1", "pasal-1/angka-1", "pasal-1/angka-2",
            "bab-2", "bab-2/bagian-1", "pasal-2", "pasal-2/ayat-1", "pasal-2/ayat-2",
            "pasal-2/ayat-2/huruf-a", "pasal-2/ayat-2/huruf-b", "pasal-3",
            "penjelasan/umum", "penjelasan/pasal-2",
        )
    ]
    huruf = session.get(Provision, "perbup-batang-2019-23/pasal-2/ayat-2/huruf-a")
    assert huruf.parent_id == "perbup-batang-2019-23/pasal-2/ayat-2"
    assert (huruf.part, huruf.kind, huruf.num, huruf.depth, huruf.text) == ("body", "huruf", "a", 4, "smart governance;")
    explanation = session.get(Provision, "perbup-batang-2019-23/penjelasan/pasal-2")
    assert explanation.part == "penjelasan" and explanation.explains == "perbup-batang-2019-23/pasal-2"

    definitions = session.exec(select(DefinitionEntry).order_by(DefinitionEntry.id)).all()
    assert [(d.term, d.abbreviation, d.provision_id) for d in definitions] == [
        ("Daerah", None, "perbup-batang-2019-23/pasal-1/angka-1"),
        ("Sistem Pemerintahan Berbasis Elektronik", "SPBE", "perbup-batang-2019-23/pasal-1/angka-2"),
    ]
    references = session.exec(select(ReferenceEntry).order_by(ReferenceEntry.id)).all()
    assert [(r.source_id, r.target_id, r.resolved) for r in references][1] == (
        "perbup-batang-2019-23/pasal-3", "perbup-batang-2019-23/pasal-2/ayat-1", True)


def test_same_content_again_is_unchanged(session, save, make_document):
    first, _ = save(make_document(), HASH_A, source_path="/corpus/perbup.txt")
    again, status = save(make_document(), HASH_A, source_path="/corpus/perbup.txt")

    assert status == "unchanged" and again.id == first.id
    assert count(session, Regulation) == 1 and count(session, Provision) == 14


def test_changed_content_at_same_path_updates_and_keeps_the_id(session, save, make_document):
    first, _ = save(make_document(), HASH_A, source_path="/corpus/perbup.txt")
    created = first.created_at
    changed = make_document(nomor="24", pasal_3="Pasal ini diubah.")  # even the number changed

    regulation, status = save(changed, HASH_B, source_path="/corpus/perbup.txt")

    assert status == "updated" and regulation.id == "perbup-batang-2019-23"
    assert regulation.nomor == "24" and regulation.content_hash == HASH_B
    assert regulation.created_at == created and regulation.updated_at >= created
    assert count(session, Regulation) == 1
    assert count(session, Provision) == 14 and count(session, DefinitionEntry) == 2
    assert session.get(Provision, "perbup-batang-2019-23/pasal-3").text == "Pasal ini diubah."


def test_same_regulation_from_another_path_updates_it(session, save, make_document):
    save(make_document(), HASH_A, source_path="/old/perbup.txt")
    regulation, status = save(make_document(pasal_3="Teks baru."), HASH_B, source_path="/new/perbup.txt")

    assert status == "updated" and regulation.id == "perbup-batang-2019-23"
    assert regulation.source_path == "/new/perbup.txt"
    assert count(session, Regulation) == 1


def test_changed_overrides_update_an_unchanged_text(session, save, make_document):
    save(make_document(), HASH_A, overrides={"sumber": "A"})
    regulation, status = save(make_document(), HASH_A, overrides={"sumber": "B", "status": "dicabut"})

    assert status == "updated" and (regulation.sumber, regulation.status) == ("B", "dicabut")


def test_force_restores_an_unchanged_document(save, make_document):
    save(make_document(), HASH_A)
    _, status = save(make_document(), HASH_A, force=True)
    assert status == "updated"


def test_colliding_ids_get_a_suffix(save, make_document):
    first, _ = save(make_document(nomor=None), HASH_A, source_path="/a.txt")
    second, _ = save(make_document(nomor=None, pasal_3="lain"), HASH_B, source_path="/b.txt")
    third, _ = save(make_document(daerah="Batang", nomor=None, pasal_3="lain lagi"), HASH_C, source_path="/c.txt")

    assert (first.id, second.id, third.id) == (
        "perbup-batang-2019-tanpa-nomor", "perbup-batang-2019-tanpa-nomor-2", "perbup-batang-2019-tanpa-nomor-3")


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        (dict(jenis="Peraturan Daerah Provinsi", jenis_singkat=None, daerah="Provinsi Jawa Tengah",
              tingkat=None, provinsi=None, nomor="11"), "perda-prov-jawa-tengah-2019-11"),
        (dict(jenis="Peraturan Daerah", jenis_singkat=None, daerah="Kabupaten Batang", tingkat=None, nomor="5"),
         "perda-kab-batang-2019-5"),
        (dict(jenis="Undang-Undang", jenis_singkat=None, daerah=None, tingkat=None, provinsi=None, nomor="23",
              tahun=2014), "uu-2014-23"),
        (dict(jenis="Peraturan Pemerintah", jenis_singkat="PP", daerah="Nasional", tingkat="nasional",
              provinsi=None, nomor="18", tahun=2016), "pp-2016-18"),
        (dict(jenis="Peraturan Wali Kota", jenis_singkat=None, daerah="Kota Semarang", tingkat=None, nomor="7"),
         "perwal-semarang-2019-7"),
        (dict(jenis=None, jenis_singkat=None, daerah=None, tingkat=None, provinsi=None, nomor=None, tahun=None),
         "peraturan-tanpa-tahun-tanpa-nomor"),
    ],
)
def test_ids_follow_the_documented_rule(save, make_document, metadata, expected):
    regulation, _ = save(make_document(**metadata), HASH_A)
    assert regulation.id == expected


def test_national_kind_without_region_is_filed_as_national(save, make_document):
    regulation, _ = save(make_document(jenis="Undang-Undang", jenis_singkat=None, daerah=None, tingkat=None,
                                       provinsi=None), HASH_A)
    assert (regulation.daerah, regulation.tingkat, regulation.jenis_singkat) == ("Nasional", "nasional", "UU")


def test_overrides_replace_parser_metadata_and_complete_it(save, make_document):
    regulation, _ = save(
        make_document(jenis=None, jenis_singkat=None, daerah=None, tingkat=None, provinsi=None, nomor=None),
        HASH_A,
        overrides={"jenis": "Peraturan Daerah Provinsi", "nomor": 11, "tahun": "2019", "daerah": "Provinsi Jawa Tengah",
                   "judul": "Penyelenggaraan Provinsi Jawa Tengah Cerdas", "spesimen": True,
                   "keaslian": "SPESIMEN - teks contoh", "sumber": "spesimen", "warna": "diabaikan"},
    )
    assert regulation.id == "perda-prov-jawa-tengah-2019-11"
    assert (regulation.jenis_singkat, regulation.tingkat, regulation.provinsi) == (
        "Perda Provinsi", "provinsi", "Provinsi Jawa Tengah")
    assert regulation.spesimen is True and regulation.keaslian == "SPESIMEN - teks contoh"
    assert regulation.judul == "Penyelenggaraan Provinsi Jawa Tengah Cerdas"
    assert regulation.document["metadata"]["spesimen"] is True  # the stored document agrees
    assert "warna" not in regulation.overrides


@pytest.mark.parametrize(
    "overrides",
    [{"tahun": "dua ribu"}, {"spesimen": "mungkin"}, {"tingkat": "desa-adat"}, {"judul": ["a"]}, ["bukan", "objek"]],
)
def test_bad_overrides_are_refused(overrides):
    with pytest.raises(InvalidInput):
        clean_overrides(overrides)


def test_a_failing_save_of_a_new_document_leaves_nothing(session, save, make_document):
    broken = make_document(definitions=[Definition(term=None, definition="x", provision_id="pasal-1")])  # type: ignore[arg-type]

    with pytest.raises(IntegrityError):
        save(broken, HASH_A)

    assert count(session, Regulation) == 0
    assert count(session, Provision) == 0
    assert count(session, DefinitionEntry) == 0


def test_a_failing_update_keeps_the_previous_version_whole(session, save, make_document):
    save(make_document(), HASH_A, source_path="/perbup.txt")
    broken = make_document(pasal_3="baru", definitions=[Definition(term=None, definition="x", provision_id="pasal-1")])  # type: ignore[arg-type]

    with pytest.raises(IntegrityError):
        save(broken, HASH_B, source_path="/perbup.txt")

    session.expire_all()
    regulation = get_regulation(session=session, reg_id="perbup-batang-2019-23")
    assert regulation.content_hash == HASH_A
    assert count(session, Provision) == 14 and count(session, DefinitionEntry) == 2
    assert session.get(Provision, "perbup-batang-2019-23/pasal-3").text.startswith("Pelaksanaan")


def test_nodes_without_ids_get_ids_from_their_path(session, save, make_document):
    regulation, _ = save(make_document(with_ids=False), HASH_A)
    ids = [i.removeprefix(regulation.id + "/") for i in provision_ids(session, regulation.id)]
    assert ids == [
        "bab-1", "pasal-1", "pasal-1/angka-1", "pasal-1/angka-2", "bab-2", "bab-2/bagian-1", "pasal-2",
        "pasal-2/ayat-1", "pasal-2/ayat-2", "pasal-2/ayat-2/huruf-a", "pasal-2/ayat-2/huruf-b", "pasal-3",
        "penjelasan/umum-i", "penjelasan/pasal-2",
    ]


def test_the_caller_document_is_not_modified(save, make_document):
    document = make_document()
    save(document, HASH_A, overrides={"nomor": "99"})
    assert document.metadata.nomor == "23"


def test_deleting_a_regulation_cascades(session, save, make_document):
    regulation, _ = save(make_document(), HASH_A)
    session.delete(regulation)
    session.commit()
    assert count(session, Provision) == 0 and count(session, DefinitionEntry) == 0
    assert count(session, ReferenceEntry) == 0


# --- reading ------------------------------------------------------------------------------


@pytest.fixture
def three(save, make_document):
    save(make_document(), HASH_A)
    save(make_document(jenis="Peraturan Daerah Provinsi", jenis_singkat="Perda Provinsi", daerah="Provinsi Jawa Tengah",
                       tingkat="provinsi", nomor="11"), HASH_B)
    save(make_document(jenis="Undang-Undang", jenis_singkat="UU", daerah="Nasional", tingkat="nasional",
                       provinsi=None, nomor="23", tahun=2014), HASH_C)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["perbup-batang-2019-23", "perda-prov-jawa-tengah-2019-11", "uu-2014-23"]),
        ({"jenis": "peraturan bupati"}, ["perbup-batang-2019-23"]),
        ({"jenis": "PERBUP"}, ["perbup-batang-2019-23"]),
        ({"jenis": "perda"}, ["perda-prov-jawa-tengah-2019-11"]),
        ({"jenis": "UU"}, ["uu-2014-23"]),
        ({"daerah": "batang"}, ["perbup-batang-2019-23"]),
        ({"daerah": "Kabupaten Batang"}, ["perbup-batang-2019-23"]),
        ({"daerah": "Jawa Tengah"}, ["perda-prov-jawa-tengah-2019-11"]),
        ({"daerah": "nasional"}, ["uu-2014-23"]),
        ({"provinsi": "jawa tengah"}, ["perbup-batang-2019-23", "perda-prov-jawa-tengah-2019-11"]),
        ({"tingkat": "Kabupaten"}, ["perbup-batang-2019-23"]),
        ({"tahun": 2014}, ["uu-2014-23"]),
        ({"tahun": 2019, "jenis": "Perda Provinsi"}, ["perda-prov-jawa-tengah-2019-11"]),
        ({"daerah": "Bat"}, []),
    ],
)
def test_list_filters_ignore_case(session, three, filters, expected):
    items, total = list_regulations(session=session, **filters)
    assert [item.id for item in items] == expected
    assert total == len(expected)


def test_list_pages(session, three):
    items, total = list_regulations(session=session, offset=1, limit=1)
    assert total == 3 and [item.id for item in items] == ["perda-prov-jawa-tengah-2019-11"]
    assert count_regulations(session=session) == 3


@pytest.mark.parametrize(("offset", "limit"), [(-1, 10), (0, 0)])
def test_list_refuses_bad_pages(session, offset, limit):
    with pytest.raises(InvalidInput):
        list_regulations(session=session, offset=offset, limit=limit)


def test_get_regulation_unknown_says_so(session):
    with pytest.raises(NotFound, match="perbup-x.*tidak ditemukan.*not found"):
        get_regulation(session=session, reg_id="perbup-x")


def test_regulation_tree_nests_body_and_penjelasan(session, save, make_document):
    save(make_document(), HASH_A)
    tree = regulation_tree(session=session, reg_id="perbup-batang-2019-23")

    assert [node.node_id for node in tree.body] == ["bab-1", "bab-2"]
    bagian = tree.body[1].children[0]
    assert bagian.heading == "Umum" and bagian.children[0].children[1].children[0].id.endswith("huruf-a")
    assert [node.node_id for node in tree.penjelasan] == ["penjelasan/umum", "penjelasan/pasal-2"]
    assert tree.menimbang[0]["num"] == "a" and tree.warning_messages == ["contoh peringatan"]


def test_get_provision_with_its_children_and_regulation(session, save, make_document):
    save(make_document(), HASH_A)
    pasal = get_provision(session=session, provision_id="perbup-batang-2019-23/pasal-2")

    assert pasal.parent_id == "perbup-batang-2019-23/bab-2/bagian-1"
    assert [child.node_id for child in pasal.children] == ["pasal-2/ayat-1", "pasal-2/ayat-2"]
    assert [g.num for g in pasal.children[1].children] == ["a", "b"]
    assert pasal.regulation.id == "perbup-batang-2019-23" and pasal.regulation.tahun == 2019
    leaf = get_provision(session=session, provision_id="perbup-batang-2019-23/pasal-3")
    assert leaf.children == []  # the next Pasal and the Penjelasan are not its children



def test_list_definitions_in_their_order(session, save, make_document):
    save(make_document(), HASH_A)
    found = list_definitions(session=session, reg_id="perbup-batang-2019-23")
    assert [(d.term, d.abbreviation, d.provision_id) for d in found] == [
        ("Daerah", None, "perbup-batang-2019-23/pasal-1/angka-1"),
        ("Sistem Pemerintahan Berbasis Elektronik", "SPBE", "perbup-batang-2019-23/pasal-1/angka-2"),
    ]
    assert list_definitions(session=session, reg_id="nope") == []

def test_get_provision_unknown_says_so(session):
    with pytest.raises(NotFound, match="tidak ditemukan"):
        get_provision(session=session, provision_id="perbup-batang-2019-23/pasal-99")


# --- the original file ----------------------------------------------------------------------

V1 = b"PERATURAN BUPATI BATANG NOMOR 23 TAHUN 2019\nPasal 1\nversi pertama\n"
V2 = b"PERATURAN BUPATI BATANG NOMOR 23 TAHUN 2019\nPasal 1\nversi kedua\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def kept(data_dir) -> dict[str, bytes]:
    """The originals folder: file name -> bytes."""
    return {p.name: p.read_bytes() for p in (data_dir / "originals").rglob("*") if p.is_file()}


@pytest.fixture
def commits_fail(session):
    """``commits_fail()`` makes every later commit fail, as a full disk would."""
    engine = session.get_bind()

    def crash(_connection):
        raise OperationalError("COMMIT", {}, Exception("disk I/O error (simulated)"))

    yield lambda: event.listen(engine, "commit", crash)
    if event.contains(engine, "commit", crash):
        event.remove(engine, "commit", crash)


def test_the_original_is_kept_and_recorded_once(session, save, make_document, data_dir):
    regulation, status = save(make_document(), sha(V1), original=V1)

    assert status == "added" and regulation.original_format == "text"
    assert kept(data_dir) == {f"{sha(V1)}.txt": V1}
    _, again = save(make_document(), sha(V1), original=V1)
    assert again == "unchanged"


def test_a_regulation_stored_without_its_original_gets_it_when_stored_again(session, save, make_document, data_dir):
    save(make_document(), sha(V1))  # as before originals were kept

    regulation, status = save(make_document(), sha(V1), original=V1)

    assert status == "updated" and regulation.original_format == "text"
    assert kept(data_dir) == {f"{sha(V1)}.txt": V1}


def test_an_update_deletes_the_original_it_replaces(session, save, make_document, data_dir):
    save(make_document(), sha(V1), original=V1)

    regulation, status = save(make_document(pasal_3="Pasal ini diubah."), sha(V2), original=V2)

    assert status == "updated" and regulation.content_hash == sha(V2)
    assert kept(data_dir) == {f"{sha(V2)}.txt": V2}


def test_new_overrides_of_the_same_bytes_keep_their_original(session, save, make_document, data_dir):
    save(make_document(), sha(V1), original=V1, overrides={"sumber": "A"})

    _, status = save(make_document(), sha(V1), original=V1, overrides={"sumber": "B"})

    assert status == "updated" and kept(data_dir) == {f"{sha(V1)}.txt": V1}


def test_a_failing_commit_removes_the_new_original_and_keeps_the_old_one(session, save, make_document, data_dir, commits_fail):
    save(make_document(), sha(V1), original=V1, source_path="/perbup.txt")
    commits_fail()

    with pytest.raises(OperationalError, match="disk I/O"):
        save(make_document(pasal_3="baru"), sha(V2), original=V2, source_path="/perbup.txt")

    session.expire_all()
    assert get_regulation(session=session, reg_id="perbup-batang-2019-23").content_hash == sha(V1)
    assert kept(data_dir) == {f"{sha(V1)}.txt": V1}


def test_a_failing_forced_save_keeps_the_original_it_still_has(session, save, make_document, data_dir, commits_fail):
    save(make_document(), sha(V1), original=V1)
    commits_fail()

    with pytest.raises(OperationalError):
        save(make_document(), sha(V1), original=V1, force=True)

    assert kept(data_dir) == {f"{sha(V1)}.txt": V1}


def test_when_the_database_cannot_say_a_new_original_is_left_in_place(session, save, make_document, data_dir, commits_fail):
    engine = session.get_bind()

    def unreadable(_conn, _cursor, statement, *_args):
        if "original_format IS NOT NULL" in statement:
            raise OperationalError(statement, {}, Exception("database is locked (simulated)"))

    commits_fail()
    event.listen(engine, "before_cursor_execute", unreadable)
    try:
        with pytest.raises(OperationalError, match="disk I/O"):  # the first error, not the second
            save(make_document(), sha(V1), original=V1)
    finally:
        event.remove(engine, "before_cursor_execute", unreadable)

    assert kept(data_dir) == {f"{sha(V1)}.txt": V1}  # an orphan, harmless; never a missing original
