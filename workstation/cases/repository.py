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
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, bindparam, func, or_, select, union, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from workstation.cases import audit, digests
from workstation.cases.anchor import Anchor
from workstation.cases.db import (
    WRITE_OPTION,
    create_db_engine,
    database_label,
    is_busy,
    migrate,
    write_wait_s,
)
from workstation.cases.keys import prefix_upper_bound, search_key
from workstation.cases.models import (
    AuditEventRow,
    AuditHeadRow,
    CaseRow,
    CredentialRow,
    ExaminationImageRow,
    ExaminationResultRow,
    ExaminationRow,
    ReportRow,
    UserRow,
)
from workstation.cases.prepared import (
    PreparedExamination,
    capture_meta,
    encode_faces,
    plain,
)
from workstation.cases.records import (
    SORT_KEYS,
    TRANSITIONS,
    AuditEvent,
    Case,
    ChainReport,
    CredentialRecord,
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
from workstation.cases.storage import BlobStore, sha256_hex
from workstation.errors import ConflictError, InputError, StorageError, WorkstationError
from workstation.examination.results import Examination
from workstation.findings import Conclusion, Findings
from workstation.types import CaptureSet, Light

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


def _encode_face(face: CaptureSet, blobs: BlobStore, prefix: str
                 ) -> tuple[dict[str, bytes], dict[str, str], dict[str, tuple[int, int]]]:
    """One face's images as PNG (already in the blob store), their hashes and sizes, named
    ``<prefix><light>``."""
    from workstation.imageio import encode_images

    encoded = encode_images({f"{prefix}{light.value}": face.images[light]
                             for light in face.lights}, ".png")
    hashes = {k: blobs.prepare(v) for k, v in encoded.items()}
    sizes = {f"{prefix}{light.value}": (int(face.images[light].shape[0]),
                                        int(face.images[light].shape[1]))
             for light in face.lights}
    return encoded, hashes, sizes


@dataclass(frozen=True)
class _CaptureRows:
    """A capture ready to store: PNG bytes (already in the blob store) and metadata."""

    encoded: dict[str, bytes]
    hashes: dict[str, str]
    sizes: dict[str, tuple[int, int]]
    meta: dict[str, Any]
    device: str
    capture_path: str | None
    chip: dict[str, bytes]

    @classmethod
    def of(cls, capture: CaptureSet, blobs: BlobStore, *, capture_path: str | None,
           started_at: dt.datetime | None) -> _CaptureRows:
        images, sizes = encode_faces(capture)
        meta = capture_meta(capture, started_at)
        chip = dict(capture.chip_files)  # the document's chip files, stored by SHA-256 too
        if chip:
            meta["chip_files"] = {name: blobs.prepare(data) for name, data in chip.items()}
        return cls._stored(images, sizes, meta, capture.device, capture_path, blobs, chip)

    @classmethod
    def of_prepared(cls, prepared: PreparedExamination, blobs: BlobStore) -> _CaptureRows:
        return cls._stored(prepared.images, prepared.sizes, prepared.capture_meta,
                           prepared.device, prepared.capture_path, blobs, {})

    @classmethod
    def _stored(cls, images: dict[str, bytes], sizes: Mapping[str, list[int]],
                meta: dict[str, Any], device: str, capture_path: str | None,
                blobs: BlobStore, chip: dict[str, bytes]) -> _CaptureRows:
        hashes = {k: blobs.prepare(v) for k, v in images.items()}
        return cls(images, hashes, {k: (int(v[0]), int(v[1])) for k, v in sizes.items()},
                   meta, device, capture_path, chip)


@dataclass(frozen=True)
class _ResultValues:
    """What an examination stores: its JSON, its MRZ, the columns it fills and the
    result digest."""

    exam_json: dict[str, Any]
    mrz_json: dict[str, Any] | None
    fields: dict[str, Any]
    sha256: str
    specimen_id: str | None
    verdict: str
    duration_ms: float | None
    capture_path: str | None
    checks: int

    @classmethod
    def of(cls, examination: Examination, hashes: Mapping[str, str]) -> _ResultValues:
        exam_json = _plain(examination.to_json())
        mrz = examination.mrz
        return cls(exam_json, examination.mrz_json(),
                   dict(mrz.fields) if mrz is not None else {},
                   _digest({"examination": exam_json, "images": dict(hashes)}),
                   examination.specimen_id, examination.verdict.value,
                   examination.duration_ms, examination.capture_path,
                   len(examination.checks))

    @classmethod
    def of_prepared(cls, prepared: PreparedExamination, hashes: Mapping[str, str]
                    ) -> _ResultValues:
        return cls(prepared.exam_json, prepared.mrz, prepared.fields,
                   _digest({"examination": prepared.exam_json, "images": dict(hashes)}),
                   prepared.specimen_id, prepared.verdict, prepared.duration_ms,
                   prepared.capture_path, prepared.checks)


def _result_columns(results: _ResultValues) -> dict[str, Any]:
    """The examination row's columns that come from its automated results."""
    f = results.fields

    def field_(key: str, length: int) -> str:
        return str(f.get(key) or "")[:length]

    values: dict[str, Any] = dict(
        document_code=field_("document_code", 4), issuing_state=field_("issuing_state", 3),
        document_number=field_("document_number", 40), surname=field_("surname", 100),
        given_names=field_("given_names", 100), nationality=field_("nationality", 3),
        birth_date=field_("birth_date", 10), expiry_date=field_("expiry_date", 10),
        document_number_key=search_key(field_("document_number", 40)),
        surname_key=search_key(field_("surname", 100)),
        given_names_key=search_key(field_("given_names", 100)),
        specimen_id=results.specimen_id, verdict=results.verdict,
        result_sha256=results.sha256, duration_ms=results.duration_ms)
    if results.capture_path is not None:
        values["capture_path"] = results.capture_path
    return values


class CaseRepository:
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

    @classmethod
    def open(cls, url: str | None = None, *, blobs: BlobStore | None = None,
             location: str | None = None, anchor: Anchor | None = None,
             on_busy: BusyCallback | None = None) -> CaseRepository:
        """The repository of ``url`` (default: the configured database), migrated."""
        return cls(create_db_engine(url), blobs=blobs, location=location, anchor=anchor,
                   on_busy=on_busy)

    def close(self) -> None:
        """Release the database connections (on SQLite, first let it refresh the query
        planner's statistics: ``PRAGMA optimize``, as SQLite recommends at close)."""
        if self.engine.dialect.name == "sqlite":
            with contextlib.suppress(SQLAlchemyError), self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
        self.engine.dispose()

    def __enter__(self) -> CaseRepository:
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

    # -- users ---------------------------------------------------------------------

    def list_users(self, *, include_inactive: bool = False) -> list[User]:
        """Local accounts, by name."""
        with self._read() as s:
            stmt = select(UserRow).order_by(UserRow.name)
            if not include_inactive:
                stmt = stmt.where(UserRow.active.is_(True))
            return [_user(r) for r in s.execute(stmt).scalars()]

    def get_user(self, name: str) -> User | None:
        """The account called ``name``, if any."""
        with self._read() as s:
            row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
            return None if row is None else _user(row)

    def create_user(self, name: str, role: Role | str, display_name: str = "", *,
                    actor: UserLike | None = None, administrator: bool = False) -> User:
        """Add a local account (audited as ``user.created``).

        The supervisor role and the administrator right are granted only by an
        administrator (``actor``); the very first administrator is the exception. An
        examiner account made without one is a name for the audit trail: it cannot
        sign until an administrator enrols it (:mod:`workstation.identity`).
        """
        name, role = _check_account(name, role)
        with self._write() as (s, head):
            if s.execute(select(UserRow.id).where(UserRow.name == name)).first():
                raise InputError(f"a user called {name!r} exists already")
            actor_name = _authorize(s, actor, role=role, administrator=administrator)
            row = UserRow(name=name, display_name=display_name.strip()[:200], role=role.value,
                          active=True, created_at=_now(), administrator=administrator)
            s.add(row)
            s.flush()
            self._event(s, head, actor=actor_name or name, action="user.created",
                        subject=f"user:{name}",
                        details={"role": role.value, "display_name": row.display_name,
                                 "administrator": administrator,
                                 "state_sha256": digests.user_state(row)})
            return _user(row)

    def ensure_user(self, name: str, role: Role | str = Role.EXAMINER) -> User:
        """The account called ``name``, created with ``role`` when missing (an examiner
        name for the audit trail; other roles need an administrator)."""
        user = self.get_user(name)
        if user is not None:
            return user
        try:
            return self.create_user(name, role)
        except InputError:
            user = self.get_user(name)
            if user is None:
                raise
            return user

    # -- credentials (workstation.identity drives these) ---------------------------------

    def credential(self, name: str) -> tuple[User, CredentialRecord] | None:
        """The account ``name`` and its credential, when it has one."""
        with self._read() as s:
            found = s.execute(select(UserRow, CredentialRow)
                              .join(CredentialRow, CredentialRow.user_id == UserRow.id)
                              .where(UserRow.name == name)).first()
            return None if found is None else (_user(found[0]), _credential(found[1]))

    def administrators(self) -> list[tuple[User, CredentialRecord]]:
        """Every active administrator with a credential."""
        with self._read() as s:
            rows = s.execute(select(UserRow, CredentialRow)
                             .join(CredentialRow, CredentialRow.user_id == UserRow.id)
                             .where(UserRow.administrator.is_(True), UserRow.active.is_(True))
                             .order_by(UserRow.name)).all()
            return [(_user(u), _credential(c)) for u, c in rows]

    def has_administrator(self) -> bool:
        """Whether an administrator is enrolled (has a credential: one who can act)."""
        with self._read() as s:
            return _enrolled_admin(s)

    def enroll(self, name: str, role: Role | str, credential: CredentialRecord, *,
               display_name: str = "", administrator: bool = False,
               actor: UserLike | None = None) -> User:
        """Give the account ``name`` a credential (creating the account, or enrolling a
        name the audit trail already knew), with ``role``; audited as ``user.enrolled``.

        Only an administrator enrols (``actor``); without one, only the first
        administrator may be enrolled — checked in the same transaction, so of several
        processes racing to be first, one wins.
        """
        name, role = _check_account(name, role)
        with self._write() as (s, head):
            if actor is None:
                if not administrator:
                    raise InputError("only an administrator enrols accounts")
                if _enrolled_admin(s):
                    raise InputError("there is an administrator already: an administrator "
                                     "must enrol further accounts")
                actor_name = name
            else:
                actor_name = _authorize(s, actor, role=Role.SUPERVISOR,
                                        administrator=True) or name
            row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
            if row is None:
                row = UserRow(name=name, display_name=display_name.strip()[:200],
                              role=role.value, active=True, created_at=_now(),
                              administrator=administrator)
                s.add(row)
                s.flush()
            else:
                if s.get(CredentialRow, row.id) is not None:
                    raise InputError(f"{name} is enrolled already")
                row.role, row.administrator, row.active = role.value, administrator, True
                if display_name.strip():
                    row.display_name = display_name.strip()[:200]
            cred = _credential_row(row.id, credential)
            s.add(cred)
            s.flush()
            self._event(s, head, actor=actor_name, action="user.enrolled",
                        subject=f"user:{name}",
                        details={"role": role.value, "administrator": administrator,
                                 "method": credential.method,
                                 "display_name": row.display_name,
                                 "state_sha256": digests.user_state(row),
                                 "credential_sha256": digests.credential_row(cred)})
            return _user(row)

    def update_credential(self, name: str, credential: CredentialRecord, *, actor: UserLike,
                          action: str, role: Role | str | None = None,
                          administrator: bool | None = None) -> User:
        """Replace ``name``'s credential (new secret, new certificate), and with ``role`` or
        ``administrator`` its rights. Changing someone else's credential or any right
        needs an administrator; audited as ``action``."""
        with self._write() as (s, head):
            row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
            cred = s.get(CredentialRow, row.id) if row is not None else None
            if row is None or cred is None:
                raise InputError(f"{name} is not enrolled")
            new_role = Role(role) if role is not None else Role(row.role)
            new_admin = row.administrator if administrator is None else administrator
            actor_name = name
            if (_user_name(actor) != name or new_role.value != row.role
                    or new_admin != row.administrator):
                actor_name = _authorize(s, actor, role=Role.SUPERVISOR,
                                        administrator=True) or name
            if not new_admin and row.administrator and s.execute(
                    select(func.count()).select_from(UserRow).where(
                        UserRow.administrator.is_(True))).scalar_one() <= 1:
                raise InputError(f"{name} is the last administrator")
            row.role, row.administrator = new_role.value, new_admin
            for key in digests.CREDENTIAL_ROW:
                setattr(cred, key, getattr(credential, key))
            cred.updated_at = _now()
            s.flush()
            self._event(s, head, actor=actor_name, action=action, subject=f"user:{name}",
                        details={"role": new_role.value, "administrator": new_admin,
                                 "method": credential.method,
                                 "state_sha256": digests.user_state(row),
                                 "credential_sha256": digests.credential_row(cred)})
            return _user(row)

    # -- cases ---------------------------------------------------------------------

    def create_case(self, reference: str | None = None, *, user: UserLike, traveller: str = "",
                    notes: str = "") -> Case:
        """A new case; ``reference`` defaults to ``YYYYMMDD-NNNN`` (UTC day, running number)."""
        with self._write() as (s, head):
            row = self._new_case(s, head, reference, _user_name(user), traveller, notes)
            return _case(row, ())

    def _new_case(self, s: Session, head: AuditHeadRow, reference: str | None, user: str,
                  traveller: str, notes: str) -> CaseRow:
        now = _now()
        if reference is None or not reference.strip():
            day = now.strftime("%Y%m%d")
            bound = prefix_upper_bound(day + " ")
            n = s.execute(select(func.count()).select_from(CaseRow).where(
                CaseRow.reference_key >= day + " ", CaseRow.reference_key < bound)).scalar_one()
            reference = f"{day}-{n + 1:04d}"
            while s.execute(select(CaseRow.id).where(CaseRow.reference == reference)).first():
                n += 1
                reference = f"{day}-{n + 1:04d}"
        reference = reference.strip()
        if len(reference) > 64:
            raise InputError("a case reference has at most 64 characters")
        if s.execute(select(CaseRow.id).where(CaseRow.reference == reference)).first():
            raise InputError(f"a case with reference {reference!r} exists already")
        row = CaseRow(reference=reference, reference_key=search_key(reference),
                      traveller=traveller, notes=notes, created_at=now, created_by=user,
                      version=1)
        s.add(row)
        s.flush()
        self._event(s, head, actor=user, action="case.created", subject=f"case:{row.id}",
                    details={"reference": reference, "traveller": traveller,
                             "row_sha256": digests.case_row(row)})
        return row

    def get_case(self, case_id: int) -> Case:
        """The case with ``case_id`` (``InputError`` when there is none)."""
        with self._read() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise InputError(f"no case with id {case_id}")
            return _case(row, self._exam_ids(s, row.id))

    def find_case(self, reference: str) -> Case | None:
        """The case with ``reference``, if any."""
        with self._read() as s:
            row = s.execute(select(CaseRow).where(CaseRow.reference == reference.strip())
                            ).scalar_one_or_none()
            return None if row is None else _case(row, self._exam_ids(s, row.id))

    def list_cases(self, *, limit: int = 200, offset: int = 0) -> list[Case]:
        """Cases, newest first."""
        with self._read() as s:
            rows = s.execute(select(CaseRow).order_by(CaseRow.created_at.desc(),
                                                      CaseRow.id.desc())
                             .limit(limit).offset(offset)).scalars().all()
            ids: dict[int, list[int]] = {r.id: [] for r in rows}
            if ids:
                for cid, eid in s.execute(select(ExaminationRow.case_id, ExaminationRow.id)
                                          .where(ExaminationRow.case_id.in_(ids))
                                          .order_by(ExaminationRow.id)):
                    ids[cid].append(eid)
            return [_case(r, tuple(ids[r.id])) for r in rows]

    @staticmethod
    def _exam_ids(s: Session, case_id: int) -> tuple[int, ...]:
        return tuple(s.execute(select(ExaminationRow.id).where(ExaminationRow.case_id == case_id)
                               .order_by(ExaminationRow.id)).scalars())

    # -- examinations --------------------------------------------------------------

    def store_examination(self, examination: Examination | PreparedExamination, *,
                          user: UserLike, case_ref: str | None = None,
                          case_id: int | None = None, create_case: bool = True,
                          purpose: str = "casework",
                          details: Mapping[str, Any] | None = None) -> StoredIds:
        """Store an automated examination with its capture images.

        The examination records the repository's border point (:attr:`location`)
        and its ``purpose``: ``casework`` is counted in the trends; anything else
        (the trainer's ``training``) never is.

        The case is ``case_id``, or the one with reference ``case_ref`` (created
        when missing and ``create_case``), or a new case. Images are encoded as
        PNG and stored by SHA-256 before the transaction; the rows and the audit
        events ``case.created``, ``capture.stored`` and ``examination.run``
        commit together. ``details`` are added to the ``examination.run`` event
        (e.g. when a spooled examination was made).
        """
        prepared = examination if isinstance(examination, PreparedExamination) \
            else PreparedExamination.from_examination(examination)
        name = _user_name(user)
        capture = _CaptureRows.of_prepared(prepared, self.blobs)
        results = _ResultValues.of_prepared(prepared, capture.hashes)
        with self._write() as (s, head):
            case = self._case_for(s, head, name, case_id, case_ref, create_case,
                                  _traveller(results.fields))
            row = self._insert_capture(s, head, name, case, capture, Status.OPEN, purpose,
                                       results=results)
            self._audit_results(s, head, name, row, case, results, details)
            return StoredIds(case_id=case.id, case_reference=case.reference,
                             examination_id=row.id, version=row.version)

    def store_capture(self, capture: CaptureSet, *, user: UserLike,
                      case_ref: str | None = None, case_id: int | None = None,
                      capture_path: str | None = None, purpose: str = "casework") -> StoredIds:
        """Store a capture the moment it exists, before its examination ends: a ``draft``
        examination (no verdict yet; :meth:`record_examination` adds the results).

        Audited as ``capture.stored`` (and ``case.created`` for a new case).
        """
        name = _user_name(user)
        rows = _CaptureRows.of(capture, self.blobs, capture_path=capture_path,
                               started_at=None)
        with self._write() as (s, head):
            case = self._case_for(s, head, name, case_id, case_ref, True, "")
            row = self._insert_capture(s, head, name, case, rows, Status.DRAFT, purpose)
            return StoredIds(case_id=case.id, case_reference=case.reference,
                             examination_id=row.id, version=row.version)

    def record_examination(self, examination_id: int, examination: Examination, *,
                           user: UserLike) -> ExaminationRecord:
        """Store the automated examination of a stored capture (its verdict, MRZ, checks
        and search keys), audited as ``examination.run``.

        Allowed while the examination is a draft, open or returned. The machine's
        results are not the examiner's edit: the version does not change, so a findings
        save naming the version it read still succeeds.
        """
        name = _user_name(user)
        with self._read() as s:
            images = s.execute(select(ExaminationImageRow)
                               .where(ExaminationImageRow.examination_id == examination_id)
                               ).scalars().all()
            hashes = {i.name: i.sha256 for i in images}
        results = _ResultValues.of(examination, hashes)
        with self._write() as (s, head):
            row = s.get(ExaminationRow, examination_id)
            if row is None:
                raise InputError(f"no examination with id {examination_id}")
            status = Status(row.status)
            if status not in (Status.DRAFT, Status.OPEN, Status.RETURNED):
                raise InputError(f"examination {examination_id} is {status.value}: its "
                                 "automated results can no longer change")
            case = s.get(CaseRow, row.case_id)
            assert case is not None
            for key, value in _result_columns(results).items():
                setattr(row, key, value)
            result_row = s.get(ExaminationResultRow, row.id)
            assert result_row is not None
            meta = json.loads(result_row.capture_json)
            if examination.started_at is not None:
                meta["started_at"] = examination.started_at.isoformat()
            result_row.capture_json = _dumps(meta)
            result_row.mrz_json = _dumps(results.mrz_json)
            result_row.checks_json = _dumps(results.exam_json["checks"])
            s.flush()
            self._audit_results(s, head, name, row, case, results)
        return self.open_examination(examination_id)

    def extend_capture(self, examination_id: int, *, user: UserLike,
                       back: CaptureSet | None = None,
                       chip_files: Mapping[str, bytes] | None = None) -> ExaminationRecord:
        """Add what came after the first capture of the same document: its ``back`` face
        (images ``back_<light>``) and the files read from its chip (by SHA-256, named in
        the stored capture's ``chip_files``). Audited as ``capture.extended``.

        Allowed while the examination is a draft, open or returned; a back face or chip
        files stored before are replaced. Like :meth:`record_examination` the version does
        not change (the reader's data is not the examiner's edit).
        """
        if back is None and not chip_files:
            raise InputError("nothing to add to the capture")
        if back is not None and back.back is not None:
            raise InputError("a back face has no back of its own")
        name = _user_name(user)
        images, hashes, sizes = (_encode_face(back, self.blobs, "back_") if back is not None
                                 else ({}, {}, {}))
        chip = dict(chip_files or {})
        chip_hashes = {n: self.blobs.prepare(d) for n, d in chip.items()}
        with self._write() as (s, head):
            row = s.get(ExaminationRow, examination_id)
            if row is None:
                raise InputError(f"no examination with id {examination_id}")
            status = Status(row.status)
            if status not in (Status.DRAFT, Status.OPEN, Status.RETURNED):
                raise InputError(f"examination {examination_id} is {status.value}: its "
                                 "capture can no longer change")
            result_row = s.get(ExaminationResultRow, row.id)
            assert result_row is not None
            meta = json.loads(result_row.capture_json)
            if back is not None:
                for old in s.execute(select(ExaminationImageRow).where(
                        ExaminationImageRow.examination_id == row.id,
                        ExaminationImageRow.name.like("back\\_%", escape="\\"))
                        ).scalars().all():
                    s.delete(old)
                s.flush()
                for image_name, data in images.items():
                    self.blobs.add(s, data, "image/png")
                    h, w = sizes[image_name]
                    s.add(ExaminationImageRow(examination_id=row.id, name=image_name,
                                              sha256=hashes[image_name], width=w, height=h))
                meta["back"] = {"dpi": back.dpi, "lights": [lt.value for lt in back.lights]}
            if chip:
                for data in chip.values():
                    self.blobs.add(s, data, CHIP_MEDIA_TYPE)
                meta["chip_files"] = chip_hashes
            result_row.capture_json = _dumps(meta)
            s.flush()
            self._event(s, head, actor=name, action="capture.extended",
                        subject=f"examination:{row.id}",
                        sha256=_digest({"images": hashes, "chip_files": chip_hashes}),
                        details={"images": hashes, "chip_files": chip_hashes,
                                 "row_sha256": self._exam_digest(s, row),
                                 "state_sha256": digests.examination_state(row)})
        return self.open_examination(examination_id)

    def _case_for(self, s: Session, head: AuditHeadRow, name: str, case_id: int | None,
                  case_ref: str | None, create_case: bool, traveller: str) -> CaseRow:
        if case_id is not None:
            found = s.get(CaseRow, case_id)
            if found is None:
                raise InputError(f"no case with id {case_id}")
            return found
        case = None
        if case_ref:
            case = s.execute(select(CaseRow).where(CaseRow.reference == case_ref.strip())
                             ).scalar_one_or_none()
            if case is None and not create_case:
                raise InputError(f"no case with reference {case_ref!r}")
        if case is None:
            case = self._new_case(s, head, case_ref, name, traveller, "")
        return case

    def _insert_capture(self, s: Session, head: AuditHeadRow, name: str, case: CaseRow,
                        capture: _CaptureRows, status: Status, purpose: str,
                        results: _ResultValues | None = None
                        ) -> ExaminationRow:
        now = _now()
        columns = _result_columns(results) if results is not None else {}
        row = ExaminationRow(
            case_id=case.id, created_at=now, updated_at=now, created_by=name,
            status=status.value, version=1, document_code="", issuing_state="",
            document_number="", surname="", given_names="", nationality="", birth_date="",
            expiry_date="", case_reference_key=case.reference_key, document_number_key="",
            surname_key="", given_names_key="", specimen_id=None, verdict="",
            capture_path=capture.capture_path, result_sha256="", duration_ms=None,
            conclusion=None, findings_json="null", reviewed_by=None, review_note="",
            border_point=self.border_point(), purpose=purpose[:16] or "casework",
        )
        for key, value in columns.items():
            setattr(row, key, value)
        s.add(row)
        s.flush()
        s.add(ExaminationResultRow(
            examination_id=row.id, capture_json=_dumps(capture.meta),
            mrz_json=_dumps(results.mrz_json if results is not None else None),
            checks_json=_dumps(results.exam_json["checks"] if results is not None else [])))
        for light_name, data in capture.encoded.items():
            self.blobs.add(s, data, "image/png")
            h, w = capture.sizes[light_name]
            s.add(ExaminationImageRow(examination_id=row.id, name=light_name,
                                      sha256=capture.hashes[light_name], width=w, height=h))
        for data in capture.chip.values():
            self.blobs.add(s, data, CHIP_MEDIA_TYPE)
        s.flush()
        self._event(s, head, actor=name, action="capture.stored",
                    subject=f"examination:{row.id}", sha256=_digest(capture.hashes),
                    details={"case": case.id, "images": capture.hashes,
                             "device": capture.device,
                             "row_sha256": self._exam_digest(s, row),
                             "state_sha256": digests.examination_state(row)})
        return row

    def _audit_results(self, s: Session, head: AuditHeadRow, name: str, row: ExaminationRow,
                       case: CaseRow, results: _ResultValues,
                       details: Mapping[str, Any] | None = None) -> None:
        """``examination.run``, with the digests of the row, results and images as they
        are now (what verification checks them against from here on)."""
        self._event(s, head, actor=name, action="examination.run",
                    subject=f"examination:{row.id}", sha256=results.sha256,
                    details={"case": case.id, "specimen": results.specimen_id,
                             "verdict": results.verdict, "checks": results.checks,
                             **dict(details or {}),
                             "row_sha256": self._exam_digest(s, row),
                             "state_sha256": digests.examination_state(row)})

    def border_point(self) -> str:
        """The border point this repository records examinations at (its
        :attr:`location`, or the configured one)."""
        if self.location is not None:
            return self.location[:100]
        from workstation.site import border_point

        return border_point()

    def summaries(self, ids: Iterable[int]) -> list[ExaminationSummary]:
        """The case-list rows of the examinations ``ids`` (unknown ids are left out),
        newest first."""
        wanted = sorted({int(i) for i in ids})
        if not wanted:
            return []
        with self._read() as s:
            rows = s.execute(select(*_SUMMARY_COLUMNS, CaseRow.reference)
                             .join(CaseRow, CaseRow.id == ExaminationRow.case_id)
                             .where(ExaminationRow.id.in_(wanted))
                             .order_by(ExaminationRow.created_at.desc(),
                                       ExaminationRow.id.desc())).all()
            return [_summary(tuple(row[:-1]), row[-1]) for row in rows]

    def open_examination(self, examination_id: int) -> ExaminationRecord:
        """Everything stored about one examination (``InputError`` when unknown)."""
        with self._read() as s:
            found = s.execute(select(ExaminationRow, CaseRow.reference, ExaminationResultRow)
                              .join(CaseRow, CaseRow.id == ExaminationRow.case_id)
                              .join(ExaminationResultRow,
                                    ExaminationResultRow.examination_id == ExaminationRow.id)
                              .where(ExaminationRow.id == examination_id)).first()
            if found is None:
                raise InputError(f"no examination with id {examination_id}")
            row, reference, results = found
            images = s.execute(select(ExaminationImageRow)
                               .where(ExaminationImageRow.examination_id == examination_id)
                               .order_by(ExaminationImageRow.name)).scalars().all()
            reports = s.execute(select(ReportRow)
                                .where(ReportRow.examination_id == examination_id)
                                .order_by(ReportRow.id)).scalars().all()
            return _record(row, reference, results, images, reports)

    def save_findings(self, examination_id: int, findings: Findings, *, expected_version: int,
                      user: UserLike) -> ExaminationRecord:
        """Save the examiner's findings (as the examiner works); audited as ``finding.saved``.

        Allowed while the examination is a draft, open, concluded or returned; a draft
        becomes open, and a concluded one keeps its status only if the findings still
        have a conclusion.
        """
        name = _user_name(user)
        findings_json = _plain(findings.to_json())
        with self._write() as (s, head):
            row = self._row_for_update(s, examination_id, expected_version)
            status = Status(row.status)
            if status not in (Status.DRAFT, Status.OPEN, Status.CONCLUDED, Status.RETURNED):
                raise InputError(f"examination {examination_id} is {status.value}: its "
                                 "findings can no longer change")
            new_status = Status.OPEN if status is Status.DRAFT else status
            if status is Status.CONCLUDED and findings.conclusion is None:
                new_status = Status.OPEN
            conclusion = findings.conclusion.value if findings.conclusion else None
            self._update(s, row, expected_version, status=new_status.value,
                         conclusion=conclusion, findings_json=_dumps(findings_json))
            self._event(s, head, actor=name, action="finding.saved",
                        subject=f"examination:{examination_id}",
                        sha256=_digest(findings_json),
                        details={"conclusion": conclusion,
                                 "forgery_kind": findings.forgery_kind,
                                 "version": expected_version + 1,
                                 "state_sha256": digests.examination_state(row)})
        return self.open_examination(examination_id)

    def conclude(self, examination_id: int, *, expected_version: int,
                 user: UserLike) -> ExaminationRecord:
        """Mark the examination concluded (its findings must name a conclusion)."""
        return self._transition(examination_id, Status.CONCLUDED, expected_version, user,
                                "examination.concluded")

    def reopen(self, examination_id: int, *, expected_version: int,
               user: UserLike) -> ExaminationRecord:
        """Back to open from concluded or returned."""
        return self._transition(examination_id, Status.OPEN, expected_version, user,
                                "examination.reopened")

    def submit_for_review(self, examination_id: int, *, expected_version: int,
                          user: UserLike) -> ExaminationRecord:
        """Concluded → under review."""
        return self._transition(examination_id, Status.UNDER_REVIEW, expected_version, user,
                                "examination.submitted")

    def review(self, examination_id: int, *, approve: bool, expected_version: int,
               user: User, note: str = "", countersigned: bytes | None = None,
               signer: str = "") -> ExaminationRecord:
        """A supervisor's decision: approved, or returned with ``note``.

        An approval may carry the report with the supervisor's countersignature
        (``countersigned``, signed by ``signer``): it is stored with its
        ``report.countersigned`` event in the same transaction as the decision, so an
        approval never exists without its countersigned report, nor the other way round.
        """
        if user.role is not Role.SUPERVISOR:
            raise InputError(f"{user.name} is a {user.role.label}: only a supervisor reviews")
        if countersigned is not None and not approve:
            raise InputError("a returned report is not countersigned")
        target = Status.APPROVED if approve else Status.RETURNED
        action = "review.approved" if approve else "review.returned"
        return self._transition(examination_id, target, expected_version, user, action,
                                note=note, report=(countersigned, signer or user.name)
                                if countersigned is not None else None)

    def _transition(self, examination_id: int, target: Status, expected_version: int,
                    user: UserLike, action: str, note: str | None = None,
                    report: tuple[bytes, str] | None = None) -> ExaminationRecord:
        name = _user_name(user)
        if report is not None:
            if not report[0]:
                raise InputError("empty report")
            self.blobs.prepare(report[0])
        with self._write() as (s, head):
            row = self._row_for_update(s, examination_id, expected_version)
            status = Status(row.status)
            if target not in TRANSITIONS[status]:
                raise InputError(f"examination {examination_id} is {status.value}: it cannot "
                                 f"become {target.value}")
            if target is Status.CONCLUDED and row.conclusion is None:
                raise InputError(f"examination {examination_id} has no conclusion yet")
            values: dict[str, Any] = {"status": target.value}
            if note is not None:
                values.update(reviewed_by=name, review_note=note)
            self._update(s, row, expected_version, **values)
            details: dict[str, Any] = {"from": status.value, "to": target.value,
                                       "conclusion": row.conclusion,
                                       "state_sha256": digests.examination_state(row)}
            if note is not None:
                details["note"] = note
            if report is not None:
                pdf, signer = report
                digest = self.blobs.add(s, pdf, "application/pdf")
                report_row = ReportRow(examination_id=examination_id, sha256=digest,
                                       signed=True, signer=signer, created_at=_now(),
                                       created_by=name)
                s.add(report_row)
                s.flush()
                self._event(s, head, actor=name, action="report.countersigned",
                            subject=f"examination:{examination_id}", sha256=digest,
                            details={"report": report_row.id, "signer": signer,
                                     "size_bytes": len(pdf),
                                     "rows": {f"report:{report_row.id}":
                                              digests.report_row(report_row)}})
            self._event(s, head, actor=name, action=action,
                        subject=f"examination:{examination_id}",
                        sha256=_digest(json.loads(row.findings_json)), details=details)
        return self.open_examination(examination_id)

    @staticmethod
    def _exam_digest(s: Session, row: ExaminationRow) -> str:
        results = s.get(ExaminationResultRow, row.id)
        images = s.execute(select(ExaminationImageRow).where(
            ExaminationImageRow.examination_id == row.id)).scalars().all()
        return digests.examination_row(row, results, images)

    @staticmethod
    def _row_for_update(s: Session, examination_id: int, expected_version: int) -> ExaminationRow:
        row = s.get(ExaminationRow, examination_id)
        if row is None:
            raise InputError(f"no examination with id {examination_id}")
        if row.version != expected_version:
            raise ConflictError(
                f"examination {examination_id} was changed elsewhere since it was opened "
                f"(opened at version {expected_version}, now {row.version}): reload it")
        return row

    @staticmethod
    def _update(s: Session, row: ExaminationRow, expected_version: int, **values: Any) -> None:
        result = s.execute(
            update(ExaminationRow)
            .where(ExaminationRow.id == row.id, ExaminationRow.version == expected_version)
            .values(version=ExaminationRow.version + 1, updated_at=_now(), **values)
            .execution_options(synchronize_session=False))
        if getattr(result, "rowcount", 1) != 1:
            raise ConflictError(f"examination {row.id} was changed elsewhere while saving: "
                                "reload it")
        s.expire(row)

    # -- search --------------------------------------------------------------------

    def search(self, query: SearchQuery | None = None) -> list[ExaminationSummary]:
        """The examinations matching ``query``, sorted, one page of at most ``limit``."""
        query = query or SearchQuery()
        with self._read() as s:
            return _search(s, query)

    def review_queue(self, *, limit: int = 200) -> list[ExaminationSummary]:
        """Examinations waiting for a supervisor, oldest first."""
        return self.search(SearchQuery(statuses=(Status.UNDER_REVIEW,), descending=False,
                                       limit=limit))

    # -- images and reports ----------------------------------------------------------

    def blob(self, sha256: str) -> bytes:
        """Stored bytes by hash (checked against it)."""
        with self._read() as s:
            return self.blobs.read(s, sha256)

    def capture_of(self, record: ExaminationRecord) -> CaptureSet:
        """The capture images of an examination, decoded, with its stored metadata."""
        from workstation.capture import parse_timestamp
        from workstation.imageio import decode_image

        images = {Light.parse(ref.name): decode_image(self.blob(ref.sha256), ref.name)
                  for ref in record.images if not ref.name.startswith("back_")}
        back_images = {Light.parse(ref.name.removeprefix("back_")):
                       decode_image(self.blob(ref.sha256), ref.name)
                       for ref in record.images if ref.name.startswith("back_")}
        meta = record.capture
        at = parse_timestamp(meta.get("captured_at"), "capture")
        back = None
        if back_images:
            back = CaptureSet(images=back_images, dpi=(meta.get("back") or {}).get("dpi"),
                              device=meta.get("device") or "", captured_at=at)
        chip = {str(name): self.blob(str(sha))
                for name, sha in (meta.get("chip_files") or {}).items()}
        return CaptureSet(images=images, dpi=meta.get("dpi"), device=meta.get("device") or "",
                          captured_at=at, metadata=dict(meta.get("metadata") or {}), back=back,
                          chip_files=chip)

    def store_report(self, examination_id: int, pdf: bytes, *, user: UserLike,
                     signed: bool = False, signer: str = "",
                     checkpoint: Mapping[str, Any] | None = None) -> Report:
        """Store a report's bytes for an examination; audited as ``report.signed`` or
        ``report.stored`` with the PDF's SHA-256. ``checkpoint`` is the audit checkpoint
        the report carries (:meth:`audit_checkpoint` when it was built): recorded, and
        checked against the chain by :meth:`verify_audit`."""
        if not pdf:
            raise InputError("empty report")
        name = _user_name(user)
        self.blobs.prepare(pdf)
        with self._write() as (s, head):
            if s.get(ExaminationRow, examination_id) is None:
                raise InputError(f"no examination with id {examination_id}")
            digest = self.blobs.add(s, pdf, "application/pdf")
            row = ReportRow(examination_id=examination_id, sha256=digest, signed=signed,
                            signer=signer, created_at=_now(), created_by=name)
            s.add(row)
            s.flush()
            details: dict[str, Any] = {"report": row.id, "signer": signer,
                                       "size_bytes": len(pdf),
                                       "rows": {f"report:{row.id}": digests.report_row(row)}}
            if checkpoint is not None:
                details["checkpoint"] = {"seq": int(checkpoint["seq"]),
                                         "hash": str(checkpoint["hash"])}
            self._event(s, head, actor=name,
                        action="report.signed" if signed else "report.stored",
                        subject=f"examination:{examination_id}", sha256=digest,
                        details=details)
            return _report(row)

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


# -- search statement -------------------------------------------------------------------

_SEARCH_CACHE: dict[tuple[Any, ...], Any] = {}
_SEARCH_CACHE_LOCK = threading.Lock()


def _prefix(column: Any, name: str) -> Any:
    """``lo <= column < hi`` with the bind parameters ``<name>_lo`` and ``<name>_hi``."""
    return and_(column >= bindparam(f"{name}_lo"), column < bindparam(f"{name}_hi"))


def _search(s: Session, q: SearchQuery) -> list[ExaminationSummary]:
    """Run a case-list search.

    The prefix filters (text, reference, name, document number) are selective:
    they pick the candidate rows first, through their own indexes, in a
    subquery behind an ``OFFSET 0`` fence so PostgreSQL cannot instead walk the
    date index and test every row; the other filters, the order and the page
    apply to those. Case references are read for the page's rows only.

    Statements are built once per shape (which filters, which order) with bind
    parameters and kept: building a SQLAlchemy statement costs more than
    running an indexed query.
    """
    if q.sort not in SORT_KEYS:
        raise InputError(f"cannot sort by {q.sort!r} (known: {', '.join(SORT_KEYS)})")
    if not 0 < q.limit <= 10_000 or q.offset < 0:
        raise InputError("limit must be 1..10000 and offset not negative")
    params: dict[str, Any] = {"limit": q.limit, "offset": q.offset}
    prefixes = {"text": q.text, "reference": q.reference, "name": q.name,
                "document_number": q.document_number}
    present: list[str] = []
    for name, value in prefixes.items():
        key = search_key(value)
        if key:
            present.append(name)
            params[f"{name}_lo"], params[f"{name}_hi"] = key, prefix_upper_bound(key)
    if q.date_from is not None:
        params["date_from"] = dt.datetime.combine(q.date_from, dt.time(), dt.UTC)
    if q.date_to is not None:
        params["date_to"] = dt.datetime.combine(q.date_to + dt.timedelta(days=1), dt.time(),
                                                dt.UTC)
    if q.statuses:
        params["statuses"] = [Status(x).value for x in q.statuses]
    if q.conclusions:
        params["conclusions"] = [Conclusion(x).value for x in q.conclusions]
    if q.created_by:
        params["created_by"] = q.created_by
    shape = (tuple(present), *(k in params for k in ("date_from", "date_to", "statuses",
                                                     "conclusions", "created_by")),
             q.sort, q.descending)
    with _SEARCH_CACHE_LOCK:
        stmt = _SEARCH_CACHE.get(shape)
        if stmt is None:
            stmt = _SEARCH_CACHE[shape] = _search_statement(shape)
    rows = s.execute(stmt, params).all()
    references: dict[int, str] = {}
    case_ids = {row[1] for row in rows}
    if case_ids:
        c = CaseRow.__table__.c
        for case_id, reference in s.execute(select(c.id, c.reference)
                                            .where(c.id.in_(case_ids))):
            references[case_id] = reference
    return [_summary(row, references[row[1]]) for row in rows]


def _search_statement(shape: tuple[Any, ...]) -> Any:
    """The Core statement of one search shape (see :func:`_search`)."""
    present, has_from, has_to, has_statuses, has_conclusions, has_by, sort, descending = shape
    e: Any = ExaminationRow.__table__.c
    candidates: list[Any] = []
    if "reference" in present:
        candidates.append(_prefix(e.case_reference_key, "reference"))
    if "name" in present:
        candidates.append(or_(_prefix(e.surname_key, "name"),
                              _prefix(e.given_names_key, "name")))
    if "document_number" in present:
        candidates.append(_prefix(e.document_number_key, "document_number"))
    needed = [e[k] for k in (*_SUMMARY_KEYS, "case_reference_key", "surname_key",
                             "given_names_key", "document_number_key", "created_by")]
    if "text" in present:
        # One indexed range per field, united (an OR would scan every row); the union
        # carries the rows themselves, so each is read once.
        fields = (e.case_reference_key, e.surname_key, e.given_names_key,
                  e.document_number_key)
        e = union(*(select(*needed).where(_prefix(f, "text"), *candidates)
                    for f in fields)).subquery("candidates").c
    elif candidates:
        e = select(*needed).where(*candidates).offset(0).subquery("candidates").c
    where: list[Any] = []
    if has_from:
        where.append(e.created_at >= bindparam("date_from"))
    if has_to:
        where.append(e.created_at < bindparam("date_to"))
    if has_statuses:
        where.append(e.status.in_(bindparam("statuses", expanding=True)))
    if has_conclusions:
        where.append(e.conclusion.in_(bindparam("conclusions", expanding=True)))
    if has_by:
        where.append(e.created_by == bindparam("created_by"))
    stmt = select(*(e[k] for k in _SUMMARY_KEYS))
    if where:
        stmt = stmt.where(*where)
    columns: dict[str, tuple[Any, ...]] = {
        "created_at": (e.created_at,), "reference": (e.case_reference_key,),
        "name": (e.surname_key, e.given_names_key), "document_number": (e.document_number_key,),
        "status": (e.status,), "conclusion": (e.conclusion,), "verdict": (e.verdict,),
    }
    order = [*columns[sort], e.id]
    stmt = stmt.order_by(*(col.desc() if descending else col.asc() for col in order))
    return stmt.limit(bindparam("limit")).offset(bindparam("offset"))


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


def _credential(row: CredentialRow) -> CredentialRecord:
    return CredentialRecord(**{k: getattr(row, k) for k in digests.CREDENTIAL_ROW})


def _credential_row(user_id: int, cred: CredentialRecord) -> CredentialRow:
    now = _now()
    return CredentialRow(user_id=user_id, created_at=now, updated_at=now,
                         **{k: getattr(cred, k) for k in digests.CREDENTIAL_ROW})


def _enrolled_admin(s: Session) -> bool:
    """Whether an active administrator with a credential exists (in session ``s``)."""
    return s.execute(select(UserRow.id)
                     .join(CredentialRow, CredentialRow.user_id == UserRow.id)
                     .where(UserRow.administrator.is_(True), UserRow.active.is_(True))
                     ).first() is not None


def _check_account(name: str, role: Role | str) -> tuple[str, Role]:
    name = name.strip()
    if not name or len(name) > 64:
        raise InputError("a user name must have 1 to 64 characters")
    if any(not ch.isprintable() for ch in name):
        raise InputError("a user name may hold no control characters")
    try:
        return name, Role(role)
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise InputError(f"unknown role {role!r} (known: {known})") from None


def _authorize(s: Session, actor: UserLike | None, *, role: Role,
               administrator: bool) -> str | None:
    """The acting account's name, after checking it may grant ``role`` / ``administrator``:
    an active administrator (the first administrator needs nobody)."""
    needs_admin = administrator or role is Role.SUPERVISOR
    if not needs_admin:
        return _user_name(actor) if actor is not None else None
    if actor is None:
        if administrator and s.execute(select(UserRow.id).where(
                UserRow.administrator.is_(True))).first() is None:
            return None  # the first administrator
        what = "the administrator right" if administrator else f"the {role.label} role"
        raise InputError(f"only an administrator grants {what}")
    name = _user_name(actor)
    row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
    if row is None or not row.administrator or not row.active:
        raise InputError(f"{name} is not an administrator: only an administrator grants "
                         "roles")
    return name
