"""the journal's record of a lesson: КТП topic, main work type, «Урок проведен»

Revision ID: 0007_lesson_records
Revises: 0006_sferum_conferences
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_lesson_records"
down_revision = "0006_sferum_conferences"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lesson_records",
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("ktp_topic_id", sa.Integer(), nullable=True),
        sa.Column("work_type", sa.String(length=100), nullable=True),
        sa.Column("conducted", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ktp_topic_id"],
            ["ktp_topics.id"],
            name=op.f("fk_lesson_records_ktp_topic_id_ktp_topics"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lesson_id"],
            ["lessons.id"],
            name=op.f("fk_lesson_records_lesson_id_lessons"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_lesson_records_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("lesson_id", name=op.f("pk_lesson_records")),
    )
    op.create_index(op.f("ix_lesson_records_ktp_topic_id"), "lesson_records", ["ktp_topic_id"])


def downgrade() -> None:
    op.drop_table("lesson_records")
