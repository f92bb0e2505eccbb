"""The database schema (SQLAlchemy models)."""

from backend.schema.models import Base

__all__ = ["Base"]
