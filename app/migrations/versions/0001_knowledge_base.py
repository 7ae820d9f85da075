"""The knowledge base: regulations, their provisions, definitions and cross-references.

A database made before migrations existed (by ``create_all``) already has these tables: they are
kept, and the one column added since then (``regulation.original_format``) is added when missing;
one that lacks any other column is too old to upgrade, and stops with a message.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.errors import SelarasError

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if "regulation" in inspector.get_table_names():  # made by create_all before migrations existed
        _upgrade_unversioned(inspector)
        return
    op.create_table(
        "regulation",
        sa.Column("id", _STR(length=200), nullable=False),
        sa.Column("jenis", _STR(), nullable=True),
        sa.Column("jenis_singkat", _STR(), nullable=True),
        sa.Column("nomor", _STR(), nullable=True),
        sa.Column("tahun", sa.Integer(), nullable=True),
        sa.Column("judul", _STR(), nullable=True),
        sa.Column("daerah", _STR(), nullable=True),
        sa.Column("tingkat", _STR(), nullable=True),
        sa.Column("provinsi", _STR(), nullable=True),
        sa.Column("status", _STR(), nullable=False),
        sa.Column("spesimen", sa.Boolean(), nullable=False),
        sa.Column("sumber", _STR(), nullable=True),
        sa.Column("keaslian", _STR(), nullable=True),
        sa.Column("source_path", _STR(), nullable=True),
        sa.Column("content_hash", _STR(length=64), nullable=False),
        sa.Column("original_format", _STR(), nullable=True),
        sa.Column("overrides", sa.JSON(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_regulation_content_hash", "regulation", ["content_hash"], unique=True)
    for column in ("tahun", "source_path", "jenis", "daerah"):
        op.create_index(f"ix_regulation_{column}", "regulation", [column])

    op.create_table(
        "provision",
        sa.Column("id", _STR(length=400), nullable=False),
        sa.Column("regulation_id", _STR(), nullable=False),
        sa.Column("node_id", _STR(), nullable=False),
        sa.Column("parent_id", _STR(), nullable=True),
        sa.Column("part", _STR(), nullable=False),
        sa.Column("kind", _STR(), nullable=False),
        sa.Column("num", _STR(), nullable=True),
        sa.Column("heading", _STR(), nullable=True),
        sa.Column("text", _STR(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("explains", _STR(), nullable=True),
        sa.ForeignKeyConstraint(["regulation_id"], ["regulation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_provision_regulation_id", "provision", ["regulation_id"])
    op.create_index("ix_provision_parent_id", "provision", ["parent_id"])
    op.create_index("ix_provision_regulation_position", "provision", ["regulation_id", "position"])

    op.create_table(
        "definitionentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("regulation_id", _STR(), nullable=False),
        sa.Column("term", _STR(), nullable=False),
        sa.Column("definition", _STR(), nullable=False),
        sa.Column("provision_id", _STR(), nullable=True),
        sa.Column("abbreviation", _STR(), nullable=True),
        sa.ForeignKeyConstraint(["regulation_id"], ["regulation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_definitionentry_regulation_id", "definitionentry", ["regulation_id"])
    op.create_index("ix_definitionentry_term", "definitionentry", ["term"])

    op.create_table(
        "referenceentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("regulation_id", _STR(), nullable=False),
        sa.Column("source_id", _STR(), nullable=False),
        sa.Column("target_id", _STR(), nullable=False),
        sa.Column("text", _STR(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["regulation_id"], ["regulation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_referenceentry_regulation_id", "referenceentry", ["regulation_id"])


#: the columns of regulation before original files were kept
_FIRST_COLUMNS = (
    "id jenis jenis_singkat nomor tahun judul daerah tingkat provinsi status spesimen sumber keaslian "
    "source_path content_hash overrides document warnings created_at updated_at"
).split()


def _upgrade_unversioned(inspector: sa.Inspector) -> None:
    columns = {column["name"] for column in inspector.get_columns("regulation")}
    missing = [name for name in _FIRST_COLUMNS if name not in columns]
    if missing:
        raise SelarasError(
            f"Basis data terlalu lama: kolom wajib regulation.{missing[0]} tidak ada "
            f"(the database is too old: required column regulation.{missing[0]} is missing); "
            "buat ulang basis data (recreate it: empty SELARAS_DATA_DIR and ingest again)."
        )
    if "original_format" not in columns:
        with op.batch_alter_table("regulation") as batch:
            batch.add_column(sa.Column("original_format", _STR(), nullable=True))


def downgrade() -> None:
    for table in ("referenceentry", "definitionentry", "provision", "regulation"):
        op.drop_table(table)
