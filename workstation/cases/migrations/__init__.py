"""Alembic migrations of the case database, applied at start-up by
:func:`workstation.cases.db.migrate` (no ``alembic.ini`` needed)."""
