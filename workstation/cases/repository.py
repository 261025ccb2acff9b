"""The case repository: every read and write of cases, examinations, findings,
reports and the audit trail, returning plain frozen records.

Each method runs in its own short transaction and session; nothing ORM-shaped
leaves this module, so the window can hand records between threads. Every write
transaction first locks the audit chain head (``BEGIN IMMEDIATE`` on SQLite,
``SELECT ... FOR UPDATE`` on PostgreSQL): writers queue, the chain never forks,
and there is one lock order, so no deadlocks.

Optimistic locking: an examination carries a ``version``; a save names the
version it was read at and fails with :class:`~workstation.errors.ConflictError`
when someone else saved in between (``UPDATE ... WHERE version = :expected``).

The class is put together from its parts, one idea each: :mod:`.repo_core` (engine,
transactions, the audit append, row converters), :mod:`.repo_users` (accounts and
credentials), :mod:`.repo_workflow` (reading examinations, findings, transitions),
:mod:`.repo_cases` (cases, storing captures, results and reports),
:mod:`.repo_search` (the case list and the review queue); the audit trail's reading
and verification are here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select

from workstation.cases import audit
from workstation.cases.anchor import Anchor
from workstation.cases.db import create_db_engine, database_label
from workstation.cases.models import AuditEventRow, AuditHeadRow
from workstation.cases.records import AuditEvent, ChainReport
from workstation.cases.repo_cases import Storage
from workstation.cases.repo_core import (
    CHIP_MEDIA_TYPE,
    BusyCallback,
    RepositoryCore,
    UserLike,
    WriteScope,
    _plain,
    _user_name,
)
from workstation.cases.repo_search import Search
from workstation.cases.repo_users import Accounts
from workstation.cases.storage import BlobStore
from workstation.errors import InputError


class CaseRepository(Accounts, Storage, Search):
    """Cases, examinations, findings, reports and the audit trail in one database.

    Build it with :meth:`open` (engine from ``$WORKSTATION_DB_URL`` or SQLite in
    the data folder, migrations applied) or from an engine you made.

    Every write appends keyed audit events carrying digests of what it wrote
    (:mod:`workstation.cases.digests`) and, once committed, a signed checkpoint
    outside the database (``anchor``, default the data folder's: see
    :mod:`workstation.cases.anchor`). A write that finds the database locked by
    another program waits and retries for up to ``busy_timeout_s`` seconds
    (default ``$WORKSTATION_DB_BUSY_TIMEOUT_S`` or 300), calling ``on_busy``.
    """

    @classmethod
    def open(cls, url: str | None = None, *, blobs: BlobStore | None = None,
             location: str | None = None, anchor: Anchor | None = None,
             on_busy: BusyCallback | None = None) -> CaseRepository:
        """The repository of ``url`` (default: the configured database), migrated."""
        return cls(create_db_engine(url), blobs=blobs, location=location, anchor=anchor,
                   on_busy=on_busy)

    # -- audit -----------------------------------------------------------------------

    def record_event(self, action: str, subject: str, *, user: UserLike,
                     sha256: str | None = None,
                     details: Mapping[str, Any] | None = None) -> AuditEvent:
        """Append an event for an action stored elsewhere, e.g. ``specimen.imported``
        with ``subject="specimen:UTO-P-2020"`` and the package's SHA-256."""
        if not action or not subject:
            raise InputError("an audit event needs an action and a subject")
        with self._write() as (s, head):
            return self._event(s, head, actor=_user_name(user), action=action,
                               subject=subject, sha256=sha256,
                               details=_plain(dict(details or {})))

    def audit_hook(self, user: UserLike) -> Callable[[str, Mapping[str, Any]], None]:
        """An ``audit(event, details)`` callable for packages that report their own actions
        (``workstation.reports``' ``AuditHook``). The subject is the examination
        (``details["examination_id"]``), else the case (``details["case_ref"]``), else
        ``report:<details["report"]>``; ``details["sha256"]`` becomes the event's hash."""

        def hook(event: str, details: Mapping[str, Any]) -> None:
            subject = f"report:{details.get('report', '')}"
            if details.get("examination_id") is not None:
                subject = f"examination:{details['examination_id']}"
            elif details.get("case_ref"):
                case = self.find_case(str(details["case_ref"]))
                if case is not None:
                    subject = f"case:{case.id}"
            sha = details.get("sha256")
            self.record_event(event, subject, user=user,
                              sha256=str(sha) if sha else None, details=details)
        return hook

    def audit_events(self, *, subjects: tuple[str, ...] = (), limit: int = 1000,
                     newest_first: bool = False) -> list[AuditEvent]:
        """Events about ``subjects`` (all when empty), in chain order."""
        with self._read() as s:
            stmt = select(AuditEventRow)
            if subjects:
                stmt = stmt.where(AuditEventRow.subject.in_(subjects))
            order = AuditEventRow.seq.desc() if newest_first else AuditEventRow.seq
            return [audit.event_record(r) for r in s.execute(stmt.order_by(order).limit(limit))
                    .scalars()]

    def checkpoint_problem(self, seq: int, digest: str) -> str:
        """Why a checkpoint held elsewhere (``seq``, ``digest``) no longer matches the chain
        (empty when it does)."""
        with self._read() as s:
            head = s.get(AuditHeadRow, 1)
            if head is None or seq > head.seq:
                return (f"the checkpoint saw event {seq}, beyond the chain's end "
                        f"({head.seq if head else 0}): events were removed")
            row = s.get(AuditEventRow, seq) if seq > 0 else None
            if seq > 0 and (row is None or row.hash != digest):
                return f"the checkpoint saw event {seq} with another hash: the chain was rewritten"
            return ""

    def verify_audit(self, *, case_ids: tuple[int, ...] | None = None) -> ChainReport:
        """Verify the evidence record (:func:`workstation.cases.verification.verify_evidence`):
        the keyed chain, every row (or only those of ``case_ids``) against the digests
        the chain recorded, the checkpoints outside the database and in the reports."""
        from workstation.cases.verification import verify_evidence

        with self._read() as s:
            return verify_evidence(s, self.anchor, database=database_label(self.engine.url),
                                   case_ids=case_ids)


__all__ = ["CHIP_MEDIA_TYPE", "CaseRepository", "RepositoryCore", "UserLike", "WriteScope"]
