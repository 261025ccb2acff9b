"""Cases, examinations, findings and the audit trail in a database.

Public API::

    from workstation.cases import CaseRepository
    repo = CaseRepository.open()            # $WORKSTATION_DB_URL or SQLite in the data folder
    ids = repo.store_examination(exam, user="anna", case_ref="2026-0042")
    record = repo.open_examination(ids.examination_id)
    record = repo.save_findings(record.id, findings, expected_version=record.version,
                                user="anna")
    repo.search(SearchQuery(text="ERIKS"))
    repo.verify_audit()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workstation.cases.records import (
    AuditEvent,
    Case,
    ChainReport,
    ExaminationRecord,
    ExaminationSummary,
    ImageRef,
    Report,
    Role,
    SearchQuery,
    Status,
    StoredIds,
    User,
)

if TYPE_CHECKING:
    from workstation.cases.repository import CaseRepository, WriteScope


def __getattr__(name: str) -> Any:
    """``CaseRepository`` (and ``WriteScope``) are imported on first use: the records
    above are cheap, the repository loads SQLAlchemy (the window shows itself first,
    then opens the database in a worker)."""
    if name in ("CaseRepository", "WriteScope"):
        from workstation.cases import repository

        return getattr(repository, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "AuditEvent",
    "Case",
    "CaseRepository",
    "ChainReport",
    "ExaminationRecord",
    "ExaminationSummary",
    "ImageRef",
    "Report",
    "Role",
    "SearchQuery",
    "Status",
    "StoredIds",
    "User",
    "WriteScope",
]
