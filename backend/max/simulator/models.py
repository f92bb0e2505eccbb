"""The simulated MAX platform's own database: its users, link requests, messages, chats,
members, calls — everything it knows survives a restart."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class SimBase(DeclarativeBase):
    pass


class SimUser(SimBase):
    __tablename__ = "sim_users"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    # Privacy settings forbid being added to chats by others.
    closed_to_invites: Mapped[bool] = mapped_column(Boolean, default=False)


class SimLinkRequest(SimBase):
    __tablename__ = "sim_link_requests"

    request_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("sim_users.user_id"))
    status: Mapped[str] = mapped_column(String(20))
    esh_account_id: Mapped[int] = mapped_column(Integer)
    full_name: Mapped[str] = mapped_column(String(300))
    organisation_name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class SimMessage(SimBase):
    """A message in a user's MAX chat list; the «Сферум» community's link requests among them."""

    __tablename__ = "sim_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("sim_users.user_id"), index=True)
    sender: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(ForeignKey("sim_link_requests.request_id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SimChat(SimBase):
    __tablename__ = "sim_chats"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(200))
    organisation_key: Mapped[str] = mapped_column(String(100))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class SimMember(SimBase):
    __tablename__ = "sim_members"

    chat_id: Mapped[int] = mapped_column(ForeignKey("sim_chats.chat_id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("sim_users.user_id"), primary_key=True)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    permissions: Mapped[str] = mapped_column(String(400), default="")  # comma-separated
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    present: Mapped[bool] = mapped_column(Boolean, default=True)


class SimCall(SimBase):
    __tablename__ = "sim_calls"

    call_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    status: Mapped[str] = mapped_column(String(20))


class SimIdempotentAnswer(SimBase):
    """The answer given to a POST with an Idempotency-Key, given again on a retry."""

    __tablename__ = "sim_idempotent_answers"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
