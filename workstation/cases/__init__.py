"""Cases, examinations, findings and the audit trail in a database.

Public API::

    from workstation.cases import CaseRepository, store_examination
    repo = CaseRepository.open()            # $WORKSTATION_DB_URL or SQLite in the data folder
    ids = repo.store_examination(exam, user="anna", case_ref="2026-0042")
    record = repo.open_examination(ids.examination_id)
    record = repo.save_findings(record.id, findings, expected_version=record.version,
                                user="anna")
    repo.search(SearchQuery(text="ERIKS"))
    repo.verify_audit()
"""

from __future__ import annotations

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
from workstation.cases.repository import CaseRepository
from workstation.examination.results import Examination

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
    "store_examination",
]


def store_examination(examination: Examination, *, case_ref: str | None = None,
                      user: str | User | None = None,
                      repository: CaseRepository | None = None,
                      report_pdf: bytes | None = None, report_signed: bool = True,
                      report_signer: str = "") -> StoredIds:
    """Store ``examination`` in the case ``case_ref`` (created when missing) or a new case.

    ``user`` defaults to ``$WORKSTATION_USER`` or the login name (a local
    examiner account is created for it when missing). ``repository`` defaults
    to the configured database (opened, migrated and closed again). A report's
    bytes (``report_pdf``) are stored with the examination when given.
    """
    own = repository is None
    repo = repository or CaseRepository.open()
    try:
        who = user if user is not None else repo.ensure_user(default_user_name())
        if isinstance(who, str):
            who = repo.ensure_user(who)
        ids = repo.store_examination(examination, user=who, case_ref=case_ref)
        if report_pdf is not None:
            repo.store_report(ids.examination_id, report_pdf, user=who, signed=report_signed,
                              signer=report_signer)
        return ids
    finally:
        if own:
            repo.close()


def default_user_name() -> str:
    """``$WORKSTATION_USER``, else the operating-system login name
    (:func:`workstation.paths.login_name`)."""
    from workstation.paths import login_name

    return login_name()
