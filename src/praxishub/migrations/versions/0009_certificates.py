"""CPD certificates (with their verification codes) and the course catalogue the
programme service reads webinars from.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        # Looked up by the code's sha256, so that the time an index lookup takes tells
        # nothing about how close a guessed code is to a real one.
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column(
            "username", sa.String(40), sa.ForeignKey("people.username"), nullable=False, index=True
        ),
        sa.Column("course", sa.String(40), nullable=False, index=True),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("programme", sa.String(300), nullable=False),
        sa.Column("course_title", sa.String(300), nullable=False),
        sa.Column("webinars", sa.JSON(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("verify_url", sa.String(500), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False, index=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        sa.Column("superseded_by", sa.String(16), nullable=True),
    )
    op.create_index("ix_certificates_holder", "certificates", ["username", "course", "lang"])
    op.create_table(
        "course_catalogue",
        sa.Column("course", sa.String(40), primary_key=True),
        sa.Column("spec", sa.JSON(), nullable=False),
        sa.Column("assignments", sa.JSON(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("course_catalogue")
    op.drop_index("ix_certificates_holder", "certificates")
    op.drop_table("certificates")
