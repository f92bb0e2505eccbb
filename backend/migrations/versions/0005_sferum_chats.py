"""Sferum chats and their participants, the MAX user of a linked account, and what a
restoration from «Выпускники и отчисленные» would go back to

Revision ID: 0005_sferum_chats
Revises: 0004_max_outbox
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_sferum_chats"
down_revision = "0004_max_outbox"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    with op.batch_alter_table("students") as table:
        table.add_column(sa.Column("restored_from_status", sa.String(length=20), nullable=True))
        table.add_column(sa.Column("restored_left_on", sa.Date(), nullable=True))
        table.add_column(sa.Column("restored_from_class_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("sferum_links") as table:
        table.add_column(sa.Column("max_user_id", sa.BigInteger(), nullable=True))
    op.create_table(
        "sferum_chats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            _enum("chat_kind", "teachers", "class", "parents", "subject", "other"),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "search_key",
            sa.String(length=320).with_variant(sa.String(320, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("max_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("create_outbox_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["classes.id"],
            name=op.f("fk_sferum_chats_class_id_classes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_sferum_chats_group_id_groups"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_sferum_chats_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sferum_chats")),
    )
    op.create_index(op.f("ix_sferum_chats_class_id"), "sferum_chats", ["class_id"])
    op.create_index(op.f("ix_sferum_chats_group_id"), "sferum_chats", ["group_id"])
    op.create_index(
        "ix_sferum_chats_org_kind", "sferum_chats", ["organisation_id", "kind", "class_id"]
    )
    by_class = sa.text("kind IN ('class', 'parents')")
    op.create_index(
        "uq_sferum_chats_default",
        "sferum_chats",
        ["organisation_id", "kind", "class_id"],
        unique=True,
        sqlite_where=by_class,
        postgresql_where=by_class,
    )
    teachers = sa.text("kind = 'teachers'")
    op.create_index(
        "uq_sferum_chats_teachers",
        "sferum_chats",
        ["organisation_id"],
        unique=True,
        sqlite_where=teachers,
        postgresql_where=teachers,
    )
    op.create_table(
        "sferum_chat_members",
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind", _enum("participant_kind", "employee", "student", "parent"), nullable=False
        ),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.Column("excluded", sa.Boolean(), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("admin_override", sa.Boolean(), nullable=True),
        sa.Column("max_state", sa.String(length=20), nullable=False),
        sa.Column("max_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["sferum_chats.id"],
            name=op.f("fk_sferum_chat_members_chat_id_sferum_chats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_sferum_chat_members_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "person_id", name=op.f("pk_sferum_chat_members")),
    )
    op.create_index(op.f("ix_sferum_chat_members_person_id"), "sferum_chat_members", ["person_id"])


def downgrade() -> None:
    op.drop_table("sferum_chat_members")
    op.drop_table("sferum_chats")
    with op.batch_alter_table("sferum_links") as table:
        table.drop_column("max_user_id")
    with op.batch_alter_table("students") as table:
        table.drop_column("restored_from_class_id")
        table.drop_column("restored_left_on")
        table.drop_column("restored_from_status")
