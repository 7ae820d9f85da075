"""Background jobs: an upload read by OCR while its client polls, with the process running it.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "job",
        sa.Column("id", _STR(length=32), nullable=False),
        sa.Column("status", _STR(), nullable=False),
        sa.Column("filename", _STR(), nullable=True),
        sa.Column("pages_done", sa.Integer(), nullable=False),
        sa.Column("pages_total", sa.Integer(), nullable=False),
        sa.Column("regulation_id", _STR(), nullable=True),
        sa.Column("result", _STR(), nullable=True),
        sa.Column("error", _STR(), nullable=True),
        sa.Column("error_status", sa.Integer(), nullable=True),
        sa.Column("process", _STR(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_job_status", "job", ["status"])


def downgrade() -> None:
    op.drop_table("job")
