"""Deadlines on scores, and per-trainee extensions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scores") as batch:
        batch.add_column(sa.Column("due_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("policy", sa.JSON(), nullable=True))
        batch.add_column(
            sa.Column("penalty_percent", sa.Float(), nullable=False, server_default="0")
        )
    op.create_table(
        "extensions",
        sa.Column("course", sa.String(40), primary_key=True),
        sa.Column("assignment", sa.String(60), primary_key=True),
        sa.Column("username", sa.String(40), sa.ForeignKey("people.username"), primary_key=True),
        sa.Column("until", sa.DateTime(), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("extensions")
    with op.batch_alter_table("scores") as batch:
        batch.drop_column("penalty_percent")
        batch.drop_column("policy")
        batch.drop_column("due_at")
