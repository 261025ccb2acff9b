"""The case repository's core: the database engine, one short transaction per call
(reads; writes that hold the audit chain head first), the keyed audit append, and
the row -> record converters the repository's parts share.

Every write transaction first locks the audit chain head (``BEGIN IMMEDIATE`` on
SQLite, ``SELECT ... FOR UPDATE`` on PostgreSQL): writers queue, the chain never
forks, and there is one lock order, so no deadlocks. See
:mod:`workstation.cases.repository` for the whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Self

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from workstation.cases import audit
from workstation.cases.anchor import Anchor
from workstation.cases.db import (
    WRITE_OPTION,
    is_busy,
    migrate,
    write_wait_s,
)
from workstation.cases.models import (
    AuditHeadRow,
    CaseRow,
    ExaminationResultRow,
    ExaminationRow,
    ReportRow,
    UserRow,
)
from workstation.cases.prepared import (
    plain,
)
from workstation.cases.records import (
    AuditEvent,
    Case,
    ExaminationRecord,
    ExaminationSummary,
    ImageRef,
    Report,
    Role,
    Status,
    User,
)
from workstation.cases.storage import BlobStore, sha256_hex
from workstation.errors import InputError, StorageError, WorkstationError
from workstation.findings import Conclusion, Findings

UserLike = User | str
#: How a chip file (EF.SOD, DG1...) is recorded in the blob store.
CHIP_MEDIA_TYPE = "application/octet-stream"

log = logging.getLogger(__name__)

BusyCallback = Callable[[float], None]
"""Called as ``on_busy(seconds waited so far)`` while another program holds the
database's write lock (SQLite)."""


class WriteScope:
    """What :meth:`CaseRepository.writing` yields: the session and the audit trail."""

    def __init__(self, session: Session, head: AuditHeadRow, user: str,
                 append: Callable[..., AuditEvent]) -> None:
        self.session = session
        self.user = user
        self._head = head
        self._append = append

    def record(self, action: str, subject: str, *, sha256: str | None = None,
               details: Mapping[str, Any] | None = None) -> AuditEvent:
        """Append an audit event in this transaction."""
        if not action or not subject:
            raise InputError("an audit event needs an action and a subject")
        return self._append(self.session, self._head, actor=self.user, action=action,
                            subject=subject, sha256=sha256,
                            details=_plain(dict(details or {})))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(stamp: dt.datetime) -> dt.datetime:
    """SQLite gives naive datetimes back: they were stored as UTC."""
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


_plain = plain


def _dumps(obj: Any) -> str:
    return json.dumps(_plain(obj), ensure_ascii=False, sort_keys=True)


def _digest(obj: Any) -> str:
    return sha256_hex(audit.canonical_json(_plain(obj)).encode("utf-8"))


def _user_name(user: UserLike) -> str:
    return user.name if isinstance(user, User) else str(user)


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class RepositoryCore:
    """The engine, the blob store, the audit anchor and the transactions that every
    part of :class:`~workstation.cases.repository.CaseRepository` uses."""

    def __init__(self, engine: Engine, *, blobs: BlobStore | None = None,
                 apply_migrations: bool = True, location: str | None = None,
                 anchor: Anchor | None = None, busy_timeout_s: float | None = None,
                 on_busy: BusyCallback | None = None) -> None:
        self.engine = engine
        self.blobs = blobs or BlobStore()
        #: The border point examinations are recorded at (``None``: the configured one,
        #: :func:`workstation.site.border_point`, read at each store).
        self.location = location
        self.anchor = anchor if anchor is not None else Anchor()
        self.busy_timeout_s = write_wait_s() if busy_timeout_s is None else busy_timeout_s
        self.on_busy = on_busy
        if apply_migrations:
            migrate(engine)


    def close(self) -> None:
        """Release the database connections (on SQLite, first let it refresh the query
        planner's statistics: ``PRAGMA optimize``, as SQLite recommends at close)."""
        if self.engine.dialect.name == "sqlite":
            with contextlib.suppress(SQLAlchemyError), self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
        except WorkstationError:
            raise
        except SQLAlchemyError as exc:
            raise StorageError(f"case database: {_one_line(exc)}") from None

    def _begin_write(self) -> tuple[Session, AuditHeadRow]:
        """A session holding the write lock and the locked chain head; waits for another
        program's lock (busy) up to :attr:`busy_timeout_s`, retrying."""
        started = time.monotonic()
        delay = 0.05
        while True:
            session = Session(self.engine, expire_on_commit=False)
            try:
                session.connection(execution_options={WRITE_OPTION: True})
                return session, audit.lock_head(session)
            except OperationalError as exc:
                session.close()
                waited = time.monotonic() - started
                if not is_busy(exc) or waited >= self.busy_timeout_s:
                    if is_busy(exc):
                        raise StorageError(
                            f"case database: still locked by another program after "
                            f"{waited:.0f} s") from None
                    raise
                if self.on_busy is not None:
                    self.on_busy(waited)
                time.sleep(min(delay, max(0.0, self.busy_timeout_s - waited)))
                delay = min(delay * 2, 2.0)
            except BaseException:
                session.close()
                raise

    @contextmanager
    def _write(self) -> Iterator[tuple[Session, AuditHeadRow]]:
        try:
            session, head = self._begin_write()
            with session:
                before = head.seq
                yield session, head
                session.commit()
                chain_id, seq, digest = head.chain_id, head.seq, head.hash
        except WorkstationError:
            raise
        except IntegrityError as exc:
            raise InputError(f"refused by the case database: {_one_line(exc)}") from None
        except SQLAlchemyError as exc:
            raise StorageError(f"case database: {_one_line(exc)}") from None
        if seq != before:
            try:
                self.anchor.checkpoint(chain_id, seq, digest)
            except (OSError, WorkstationError) as exc:  # the write stands; verify will say
                log.warning("audit checkpoint not written: %s", exc)

    def _event(self, s: Session, head: AuditHeadRow, *, actor: str, action: str,
               subject: str, sha256: str | None = None,
               details: Mapping[str, Any] | None = None) -> AuditEvent:
        """Append a keyed event (the one way this repository writes to the chain)."""
        return audit.append_event(s, head, actor=actor, action=action, subject=subject,
                                  sha256=sha256, details=details, keys=self.anchor.keys())

    def audit_checkpoint(self) -> dict[str, Any]:
        """The chain's head now: ``{"chain", "seq", "hash"}`` — what a report carries so
        that whoever holds it can later check the chain was not rewritten before it."""
        with self._read() as s:
            head = s.get(AuditHeadRow, 1)
            if head is None:
                raise StorageError("the audit chain head is missing")
            return {"chain": head.chain_id, "seq": head.seq, "hash": head.hash}

    @contextmanager
    def writing(self, user: UserLike) -> Iterator[WriteScope]:
        """A write transaction for another package's tables in the case database, with
        its audit events appended in the same transaction (all or nothing).

        ``scope.session`` is the SQLAlchemy session (its rows must not leave the
        ``with`` block); ``scope.record(action, subject, sha256=, details=)``
        appends an audit event as ``user``. Errors become :class:`StorageError`
        (:class:`InputError` for a refused constraint), as for every write here.
        """
        with self._write() as (s, head):
            yield WriteScope(s, head, _user_name(user), self._event)

    def reading(self) -> contextlib.AbstractContextManager[Session]:
        """A read-only session for another package's queries on the case database."""
        return self._read()


# -- row -> record ----------------------------------------------------------------------

def _traveller(fields: Mapping[str, Any]) -> str:
    return ", ".join(str(p) for p in (fields.get("surname"), fields.get("given_names")) if p)


def _user(row: UserRow) -> User:
    return User(id=row.id, name=row.name, display_name=row.display_name, role=Role(row.role),
                active=bool(row.active), administrator=bool(row.administrator))


def _case(row: CaseRow, exam_ids: tuple[int, ...]) -> Case:
    return Case(id=row.id, reference=row.reference, traveller=row.traveller, notes=row.notes,
                created_at=_aware(row.created_at), created_by=row.created_by,
                version=row.version, examination_ids=exam_ids)


#: The columns of a case-list row (the search reads only these, not the JSON blobs).
_SUMMARY_COLUMNS = (
    ExaminationRow.id, ExaminationRow.case_id, ExaminationRow.created_at,
    ExaminationRow.status, ExaminationRow.verdict, ExaminationRow.conclusion,
    ExaminationRow.surname, ExaminationRow.given_names, ExaminationRow.document_number,
    ExaminationRow.issuing_state, ExaminationRow.document_code, ExaminationRow.specimen_id,
    ExaminationRow.version,
)


_STATUS = {s.value: s for s in Status}
_CONCLUSION = {c.value: c for c in Conclusion}


_SUMMARY_KEYS = tuple(col.key for col in _SUMMARY_COLUMNS)


def _summary(row: Any, reference: str) -> ExaminationSummary:
    """A case-list row from an :class:`ExaminationRow` or a row of :data:`_SUMMARY_COLUMNS`."""
    if isinstance(row, ExaminationRow):
        row = tuple(getattr(row, col.key) for col in _SUMMARY_COLUMNS)
    (id_, case_id, created_at, status, verdict, conclusion, surname, given_names,
     document_number, issuing_state, document_code, specimen_id, version) = row
    return ExaminationSummary(
        id=id_, case_id=case_id, case_reference=reference, created_at=_aware(created_at),
        status=_STATUS[status], verdict=verdict,
        conclusion=_CONCLUSION[conclusion] if conclusion else None,
        surname=surname, given_names=given_names, document_number=document_number,
        issuing_state=issuing_state, document_code=document_code, specimen_id=specimen_id,
        version=version)


def _report(row: ReportRow) -> Report:
    return Report(id=row.id, examination_id=row.examination_id, sha256=row.sha256,
                  signed=bool(row.signed), signer=row.signer,
                  created_at=_aware(row.created_at), created_by=row.created_by)


def _record(row: ExaminationRow, reference: str, results: ExaminationResultRow, images: Any,
            reports: Any) -> ExaminationRecord:
    findings_obj = json.loads(row.findings_json)
    examination = {
        "capture": row.capture_path, "specimen": row.specimen_id,
        "mrz": json.loads(results.mrz_json), "checks": json.loads(results.checks_json),
        "verdict": row.verdict,
    }
    return ExaminationRecord(
        summary=_summary(row, reference), examination=examination,
        capture=json.loads(results.capture_json),
        images=tuple(ImageRef(name=i.name, sha256=i.sha256, width=i.width, height=i.height)
                     for i in images),
        findings=Findings.from_json(findings_obj) if findings_obj else None,
        result_sha256=row.result_sha256, created_by=row.created_by,
        updated_at=_aware(row.updated_at), reviewed_by=row.reviewed_by,
        review_note=row.review_note, reports=tuple(_report(r) for r in reports))
