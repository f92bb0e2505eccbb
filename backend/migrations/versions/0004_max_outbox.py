"""the MAX outbox (changes for MAX written with the ЭШ change, delivered later), the
accounts' links to Sferum, and each organisation's MAX address, token and Sferum web address

Revision ID: 0004_max_outbox
Revises: 0003_person_indexes
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_max_outbox"
down_revision = "0003_person_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organisation_settings") as table:
        table.add_column(
            sa.Column("max_api_url", sa.String(length=300), server_default="", nullable=False)
        )
        table.add_column(sa.Column("max_token", sa.String(length=300), nullable=True))
        table.add_column(
            sa.Column(
                "sferum_web_url",
                sa.String(length=300),
                server_default="https://web.sferum.ru/",
                nullable=False,
            )
        )
    op.create_table(
        "max_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("operation", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("ordering_key", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_until", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_code", sa.String(length=60), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_max_outbox_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_max_outbox")),
    )
    op.create_index("ix_max_outbox_due", "max_outbox", ["state", "next_attempt_at"])
    op.create_index("ix_max_outbox_ordering", "max_outbox", ["ordering_key", "state", "id"])
    op.create_index(op.f("ix_max_outbox_organisation_id"), "max_outbox", ["organisation_id"])
    op.create_table(
        "sferum_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_sferum_links_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_sferum_links_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sferum_links")),
    )
    op.create_index(op.f("ix_sferum_links_account_id"), "sferum_links", ["account_id"])
    op.create_index(op.f("ix_sferum_links_organisation_id"), "sferum_links", ["organisation_id"])
    op.create_index(op.f("ix_sferum_links_phone"), "sferum_links", ["phone"])
    active = sa.text("status IN ('sending', 'pending', 'linked')")
    op.create_index(
        "uq_sferum_links_active_account",
        "sferum_links",
        ["account_id"],
        unique=True,
        sqlite_where=active,
        postgresql_where=active,
    )
    op.create_index(
        "uq_sferum_links_active_phone_role",
        "sferum_links",
        ["phone", "role"],
        unique=True,
        sqlite_where=active,
        postgresql_where=active,
    )


def downgrade() -> None:
    op.drop_table("sferum_links")
    op.drop_table("max_outbox")
    with op.batch_alter_table("organisation_settings") as table:
        table.drop_column("sferum_web_url")
        table.drop_column("max_token")
        table.drop_column("max_api_url")
