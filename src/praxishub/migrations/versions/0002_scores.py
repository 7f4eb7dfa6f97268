"""Autograded scores of submissions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scores",
        sa.Column("course", sa.String(40), primary_key=True),
        sa.Column("assignment", sa.String(60), primary_key=True),
        sa.Column("username", sa.String(40), sa.ForeignKey("people.username"), primary_key=True),
        sa.Column("auto_score", sa.Float(), nullable=False),
        sa.Column("auto_max", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("failed_checks", sa.JSON(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("graded_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("scores")
