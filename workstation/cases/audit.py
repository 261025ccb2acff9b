"""The audit trail: an append-only SHA-256 hash chain of events.

Each event's ``hash`` is ``SHA-256(canonical JSON of {seq, at, actor, action,
subject, sha256, details, prev_hash})`` where ``prev_hash`` is the previous
event's hash (64 zeros for the first). Canonical JSON is UTF-8, keys sorted, no
insignificant white space (``json.dumps(..., sort_keys=True,
separators=(",", ":"), ensure_ascii=False)``). The single ``audit_head`` row
holds the last ``seq`` and ``hash``; appends lock it, so concurrent writers
queue instead of forking the chain, and deleting the newest events shows as a
head that no longer matches.

:func:`verify_chain` recomputes every link and names the first broken one: an
edited event (its hash no longer matches), a deleted one (a gap in ``seq`` or a
``prev_hash`` that names a missing event), a reordered one (``prev_hash`` does
not match its predecessor), or a truncated tail (the head disagrees).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.cases.models import AuditEventRow, AuditHeadRow
from workstation.cases.records import AuditEvent, ChainReport
from workstation.errors import StorageError

GENESIS_HASH = "0" * 64


def canonical_json(obj: Any) -> str:
    """The canonical JSON text of ``obj`` (sorted keys, compact, UTF-8)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def event_hash(*, seq: int, at: str, actor: str, action: str, subject: str,
               sha256: str | None, details: str, prev_hash: str) -> str:
    """SHA-256 (hex) of one event's canonical JSON, linked to ``prev_hash``."""
    body = {"seq": seq, "at": at, "actor": actor, "action": action, "subject": subject,
            "sha256": sha256, "details": details, "prev_hash": prev_hash}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def utc_stamp(now: dt.datetime | None = None) -> str:
    """ISO 8601 UTC with microseconds, e.g. ``2026-11-28T10:00:00.000000Z``."""
    now = now or dt.datetime.now(dt.UTC)
    return now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def lock_head(session: Session) -> AuditHeadRow:
    """The chain head, locked for this transaction (``FOR UPDATE`` where supported)."""
    head = session.execute(
        select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        raise StorageError("the audit chain head is missing: the database was tampered with")
    return head


def append_event(session: Session, head: AuditHeadRow, *, actor: str, action: str,
                 subject: str, sha256: str | None = None,
                 details: Mapping[str, Any] | None = None) -> AuditEvent:
    """Append one event after ``head`` (locked by :func:`lock_head` in this transaction)."""
    seq = head.seq + 1
    at = utc_stamp()
    prev_hash = head.hash
    details_text = canonical_json(dict(details or {}))
    digest = event_hash(seq=seq, at=at, actor=actor, action=action, subject=subject,
                        sha256=sha256, details=details_text, prev_hash=prev_hash)
    row = AuditEventRow(seq=seq, at=at, actor=actor, action=action, subject=subject,
                        sha256=sha256, details=details_text, prev_hash=prev_hash, hash=digest)
    session.add(row)
    head.seq = seq
    head.hash = digest
    session.flush()
    return event_record(row)


def event_record(row: AuditEventRow) -> AuditEvent:
    """The plain record of an event row (``details`` decoded when it is valid JSON)."""
    try:
        details: Any = json.loads(row.details)
    except ValueError:
        details = row.details
    return AuditEvent(seq=row.seq, at=row.at, actor=row.actor, action=row.action,
                      subject=row.subject, sha256=row.sha256, details=details,
                      prev_hash=row.prev_hash, hash=row.hash)


def verify_chain(session: Session, *, batch: int = 5000) -> ChainReport:
    """Walk the whole chain in ``seq`` order; the first broken link, if any."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    last_seq = 0
    stmt = select(AuditEventRow).order_by(AuditEventRow.seq)
    result = session.execute(stmt.execution_options(yield_per=batch))
    try:
        for row in result.scalars():
            problem = None
            if row.seq != expected_seq:
                problem = (f"event {expected_seq} is missing (next event is {row.seq}): "
                           "an event was deleted")
            elif row.prev_hash != expected_prev:
                problem = ("prev_hash does not match the event before it: an event was "
                           "deleted, inserted or moved")
            else:
                digest = event_hash(seq=row.seq, at=row.at, actor=row.actor,
                                    action=row.action, subject=row.subject,
                                    sha256=row.sha256, details=row.details,
                                    prev_hash=row.prev_hash)
                if digest != row.hash:
                    problem = "the event's content does not match its hash: it was edited"
            if problem is not None:
                return ChainReport(ok=False, events=count, broken_seq=min(row.seq,
                                                                          expected_seq),
                                   problem=problem, head_seq=None)
            count += 1
            last_seq = row.seq
            expected_prev = row.hash
            expected_seq = row.seq + 1
    finally:
        result.close()
    head = session.get(AuditHeadRow, 1)
    if head is None:
        return ChainReport(ok=False, events=count, broken_seq=None,
                           problem="the chain head row is missing", head_seq=None)
    if head.seq != last_seq or head.hash != expected_prev:
        return ChainReport(ok=False, events=count, broken_seq=last_seq + 1,
                           problem=(f"the chain head names event {head.seq} but the chain "
                                    f"ends at {last_seq}: events were deleted from the end "
                                    "or the head was altered"),
                           head_seq=head.seq)
    return ChainReport(ok=True, events=count, broken_seq=None, problem="", head_seq=head.seq)
