"""Sferum video conferences and their participants

Revision ID: 0006_sferum_conferences
Revises: 0005_sferum_chats
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_sferum_conferences"
down_revision = "0005_sferum_chats"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table(
        "sferum_conferences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", _enum("conference_kind", "lesson", "call"), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=True),
        sa.Column("lesson_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column(
            "status",
            _enum("conference_status", "new", "active", "finished", "error"),
            nullable=False,
        ),
        sa.Column("status_message", sa.Text(), nullable=False),
        sa.Column("max_call_id", sa.String(length=64), nullable=True),
        sa.Column("join_link", sa.String(length=500), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("claimed_until", sa.DateTime(), nullable=True),
        sa.Column("end_requested", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["sferum_chats.id"],
            name=op.f("fk_sferum_conferences_chat_id_sferum_chats"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["accounts.id"],
            name=op.f("fk_sferum_conferences_created_by_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lesson_id"],
            ["lessons.id"],
            name=op.f("fk_sferum_conferences_lesson_id_lessons"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_sferum_conferences_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sferum_conferences")),
    )
    op.create_index(op.f("ix_sferum_conferences_chat_id"), "sferum_conferences", ["chat_id"])
    op.create_index(op.f("ix_sferum_conferences_lesson_id"), "sferum_conferences", ["lesson_id"])
    op.create_index(
        "ix_sferum_conferences_org_start", "sferum_conferences", ["organisation_id", "starts_at"]
    )
    op.create_index("ix_sferum_conferences_due", "sferum_conferences", ["status", "starts_at"])
    op.create_index("ix_sferum_conferences_ending", "sferum_conferences", ["status", "ends_at"])
    op.create_table(
        "sferum_conference_members",
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind", _enum("participant_kind", "employee", "student", "parent"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["sferum_conferences.id"],
            name=op.f("fk_sferum_conference_members_conference_id_sferum_conferences"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_sferum_conference_members_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "conference_id", "person_id", name=op.f("pk_sferum_conference_members")
        ),
    )
    op.create_index(
        op.f("ix_sferum_conference_members_person_id"),
        "sferum_conference_members",
        ["person_id"],
    )


def downgrade() -> None:
    op.drop_table("sferum_conference_members")
    op.drop_table("sferum_conferences")
