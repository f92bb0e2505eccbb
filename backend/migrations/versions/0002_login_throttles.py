"""login throttling; names compared by code point on PostgreSQL

Revision ID: 0002_login_throttles
Revises: 0001_initial
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_login_throttles"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttles",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=100), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_login_throttles_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organisation_id", "login", name=op.f("pk_login_throttles")),
    )
    if op.get_context().dialect.name == "postgresql":
        op.alter_column("persons", "search_key", type_=sa.String(320, collation="C"))


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.alter_column("persons", "search_key", type_=sa.String(320))
    op.drop_table("login_throttles")
