"""Desk saves in flight: the points and comments a save still has to write to the course
gradebook, and the desk state before it, so that a save cut off by a crash is settled.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("desk_grades") as batch:
        batch.add_column(sa.Column("pending", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("pending_before", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("desk_grades") as batch:
        batch.drop_column("pending_before")
        batch.drop_column("pending")
