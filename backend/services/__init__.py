"""Domain services: plain functions over a SQLAlchemy session and the current user.

Both the local backend and the HTTP server call these, so every rule and permission check is
written once.
"""
