"""indexes for finding a person's roles: every request resolves its user through them

Revision ID: 0003_person_indexes
Revises: 0002_login_throttles
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0003_person_indexes"
down_revision = "0002_login_throttles"
branch_labels = None
depends_on = None

INDEXED = ("employees", "students", "parents")


def upgrade() -> None:
    for table in INDEXED:
        op.create_index(op.f(f"ix_{table}_person_id"), table, ["person_id"])


def downgrade() -> None:
    for table in INDEXED:
        op.drop_index(op.f(f"ix_{table}_person_id"), table_name=table)
