"""Live check-in: windows with codes, check-ins, wrong tries.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkin_windows",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("course", sa.String(40), nullable=False, index=True),
        sa.Column("webinar", sa.String(60), nullable=False),
        sa.Column("code", sa.String(12), nullable=False, index=True),
        sa.Column("opened_by", sa.String(40), sa.ForeignKey("people.username"), nullable=False),
        sa.Column("opens_at", sa.DateTime(), nullable=False),
        sa.Column("closes_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "checkins",
        sa.Column("window_id", sa.Integer(), sa.ForeignKey("checkin_windows.id"), primary_key=True),
        sa.Column("username", sa.String(40), sa.ForeignKey("people.username"), primary_key=True),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "checkin_attempts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "username", sa.String(40), sa.ForeignKey("people.username"), nullable=False, index=True
        ),
        sa.Column("tried_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("checkin_attempts", "checkins", "checkin_windows"):
        op.drop_table(table)
