"""Alembic migrations of the school database.

HEAD_REVISION names the newest migration, so that start-up can tell whether the database is
current without importing Alembic; a test keeps it equal to Alembic's own head.
"""

HEAD_REVISION = "0007_lesson_records"
