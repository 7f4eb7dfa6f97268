"""The nbgrader exchange in the programme database: released assignments, submissions and
feedback as items, for deployments with no shared filesystem (praxishub.exchange_store).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_items",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("course", sa.String(40), nullable=False),
        sa.Column("area", sa.String(10), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("assignment", sa.String(200), nullable=False),
        sa.Column("owner", sa.String(40), nullable=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("course", "area", "name", name="uq_exchange_item"),
        sa.CheckConstraint("area IN ('outbound', 'inbound', 'feedback')", name="ck_exchange_area"),
    )
    op.create_index("ix_exchange_owner", "exchange_items", ["course", "area", "owner"])


def downgrade() -> None:
    op.drop_index("ix_exchange_owner", table_name="exchange_items")
    op.drop_table("exchange_items")
