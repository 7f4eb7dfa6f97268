"""Progress pages that cost the same at any size: the (role, username) index a page of
trainees is read from, and the programme's totals kept in one row.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_people_role_username", "people", ["role", "username"])
    op.create_table(
        "programme_totals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("submitted", sa.Integer(), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.Column("trainees_waiting", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
    )
    # Totals are kept for trainees only from now on (progress lists no one else).
    op.execute(
        "DELETE FROM trainee_totals "
        "WHERE username NOT IN (SELECT username FROM people WHERE role = 'trainee')"
    )
    op.execute(
        "INSERT INTO programme_totals "
        "(id, submitted, waiting, trainees_waiting, score, max_score) "
        "SELECT 1, COALESCE(SUM(submitted), 0), COALESCE(SUM(waiting), 0), "
        "COALESCE(SUM(CASE WHEN waiting > 0 THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(score), 0), COALESCE(SUM(max_score), 0) FROM trainee_totals "
        "WHERE username IN (SELECT username FROM people WHERE role = 'trainee')"
    )


def downgrade() -> None:
    op.drop_table("programme_totals")
    op.drop_index("ix_people_role_username", table_name="people")
