"""Alembic migrations of the knowledge base: ``versions/`` holds one script per schema change.

They are applied by ``app.db.migrate`` the first time a process opens the database, so a new or
older database (SQLite or PostgreSQL) is brought up to this version's schema before use. To add
one after changing ``app.models``: write ``versions/NNNN_<what>.py`` with ``down_revision`` set
to the last one; ``tests/test_db.py`` checks that the migrated schema equals the models'.
"""
