"""The supervision log: sessions, their participants (each with a private note) and cases,
monthly sign-offs.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _person(name: str, **kw: object) -> sa.Column:
    return sa.Column(name, sa.String(40), sa.ForeignKey("people.username"), **kw)


def _session_id() -> sa.Column:
    return sa.Column(
        "session_id",
        sa.Integer(),
        sa.ForeignKey("supervision_sessions.id", ondelete="CASCADE"),
        primary_key=True,
    )


def upgrade() -> None:
    op.create_table(
        "supervision_sessions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _person("supervisor", nullable=False, index=True),
        sa.Column("held_on", sa.Date(), nullable=False, index=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("group_notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("minutes BETWEEN 1 AND 600", name="ck_supervision_minutes"),
        sa.CheckConstraint("kind IN ('individual', 'group')", name="ck_supervision_kind"),
        # Only a group has notes for all; a note about one trainee is on their participant row.
        sa.CheckConstraint("kind = 'group' OR group_notes = ''", name="ck_supervision_group_notes"),
    )
    op.create_table(
        "supervision_participants",
        _session_id(),
        _person("trainee", primary_key=True, index=True),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),  # supervisor <-> this trainee only
    )
    op.create_table(
        "supervision_cases",
        _session_id(),
        sa.Column("course", sa.String(40), primary_key=True),
        sa.Column("assignment", sa.String(60), primary_key=True),
    )
    op.create_table(
        "supervision_signoffs",
        _person("supervisor", primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("total_minutes", sa.Integer(), nullable=False),
        sa.Column("trainees", sa.JSON(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "supervision_signoffs",
        "supervision_cases",
        "supervision_participants",
        "supervision_sessions",
    ):
        op.drop_table(table)
