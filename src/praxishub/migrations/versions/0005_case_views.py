"""Who opened which case: the case library's audit log.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_views",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(80), nullable=False, index=True),
        sa.Column(
            "username", sa.String(40), sa.ForeignKey("people.username"), nullable=False, index=True
        ),
        sa.Column("viewed_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("case_views")
