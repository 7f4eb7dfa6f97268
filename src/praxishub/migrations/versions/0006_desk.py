"""The grading desk: an index of the courses' gradebooks, desk grades, comment banks, calibration.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _person(name: str, **kw: object) -> sa.Column:
    return sa.Column(name, sa.String(40), sa.ForeignKey("people.username"), **kw)


def upgrade() -> None:
    op.create_table(
        "submission_index",
        sa.Column("course", sa.String(40), primary_key=True),
        sa.Column("assignment", sa.String(60), primary_key=True),
        _person("username", primary_key=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("auto_score", sa.Float(), nullable=False),
        sa.Column("auto_max", sa.Float(), nullable=False),
        sa.Column("manual_score", sa.Float(), nullable=False),
        sa.Column("manual_max", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("needs_manual", sa.Integer(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
    )
    # The queue: a supervisor's supervisees' submissions still waiting for a person.
    op.create_index(
        "ix_submission_index_user_waiting", "submission_index", ["username", "needs_manual"]
    )
    op.create_table(
        "trainee_totals",
        _person("username", primary_key=True),
        sa.Column("submitted", sa.Integer(), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
    )
    op.create_table(
        "desk_grades",
        sa.Column("course", sa.String(40), primary_key=True),
        sa.Column("assignment", sa.String(60), primary_key=True),
        _person("username", primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _person("grader", nullable=True),
        sa.Column("rubric", sa.JSON(), nullable=False),
        sa.Column("comments", sa.JSON(), nullable=False),
        sa.Column("follow_up", sa.Boolean(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=True),
        sa.Column("feedback_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "comment_bank",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _person("owner", nullable=False, index=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "calibrations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("course", sa.String(40), nullable=False),
        sa.Column("assignment", sa.String(60), nullable=False),
        _person("created_by", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "calibration_items",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "calibration_id",
            sa.Integer(),
            sa.ForeignKey("calibrations.id"),
            nullable=False,
            index=True,
        ),
        _person("username", nullable=False),
    )
    op.create_table(
        "calibration_raters",
        sa.Column(
            "calibration_id", sa.Integer(), sa.ForeignKey("calibrations.id"), primary_key=True
        ),
        _person("rater", primary_key=True),
    )
    op.create_table(
        "calibration_ratings",
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("calibration_items.id"), primary_key=True),
        _person("rater", primary_key=True),
        sa.Column("levels", sa.JSON(), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "calibration_ratings",
        "calibration_raters",
        "calibration_items",
        "calibrations",
        "comment_bank",
        "desk_grades",
        "trainee_totals",
        "submission_index",
    ):
        op.drop_table(table)
