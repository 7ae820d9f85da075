"""Drafts (rancangan): a draft's target and opening, and its provisions in order with their sources.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judul", _STR(), nullable=False),
        sa.Column("judul_own", sa.Boolean(), nullable=False),
        sa.Column("jenis", _STR(), nullable=False),
        sa.Column("daerah", _STR(), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("source", _STR(), nullable=True),
        sa.Column("source_regulation_id", _STR(), nullable=True),
        sa.Column("source_jenis", _STR(), nullable=True),
        sa.Column("source_daerah", _STR(), nullable=True),
        sa.Column("forming_law", _STR(), nullable=True),
        sa.Column("menimbang", sa.JSON(), nullable=False),
        sa.Column("mengingat", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "draftprovision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", _STR(), nullable=False),
        sa.Column("heading", _STR(), nullable=True),
        sa.Column("node", sa.JSON(), nullable=False),
        sa.Column("source_regulation_id", _STR(), nullable=True),
        sa.Column("source_node_id", _STR(), nullable=True),
        sa.Column("source_jenis", _STR(), nullable=True),
        sa.Column("source_daerah", _STR(), nullable=True),
        sa.Column("own", sa.Boolean(), nullable=False),
        sa.Column("original", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["draft_id"], ["draft.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_draftprovision_draft_id", "draftprovision", ["draft_id"])
    op.create_index("ix_draftprovision_draft_position", "draftprovision", ["draft_id", "position"])


def downgrade() -> None:
    op.drop_table("draftprovision")
    op.drop_table("draft")
