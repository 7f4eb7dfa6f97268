"""Webinar attendance: imported reports, each person's time per webinar, and the
participants a coordinator still has to resolve.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance_imports",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("course", sa.String(40), nullable=False, index=True),
        sa.Column("webinar", sa.String(60), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("source_format", sa.String(20), nullable=False),
        sa.Column("threshold_minutes", sa.Float(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        # The same file imported twice for one webinar is one import.
        sa.UniqueConstraint("course", "webinar", "sha256", name="uq_attendance_import"),
    )
    op.create_table(
        "attendance",
        sa.Column("course", sa.String(40), primary_key=True),
        sa.Column("webinar", sa.String(60), primary_key=True),
        sa.Column(
            "username",
            sa.String(40),
            sa.ForeignKey("people.username"),
            primary_key=True,
            index=True,
        ),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("matched_by", sa.String(40), nullable=False),
        sa.Column("source_format", sa.String(20), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("untimed_minutes", sa.Float(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "attendance_unmatched",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "import_id",
            sa.Integer(),
            sa.ForeignKey("attendance_imports.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("course", sa.String(40), nullable=False),
        sa.Column("webinar", sa.String(60), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("untimed_minutes", sa.Float(), nullable=False),
        sa.Column("resolved_username", sa.String(40), sa.ForeignKey("people.username")),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
    )
    op.create_index(
        "ix_attendance_unmatched_open", "attendance_unmatched", ["course", "webinar", "resolved_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_attendance_unmatched_open", "attendance_unmatched")
    for table in ("attendance_unmatched", "attendance", "attendance_imports"):
        op.drop_table(table)
