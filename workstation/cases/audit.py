"""The audit trail: an append-only SHA-256 hash chain of events, keyed and anchored.

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

The chain is keyed: each event also carries ``mac`` = HMAC-SHA256 of its hash
under the chain key (:mod:`workstation.cases.anchor`), so recomputing the hashes
after an edit does not give a valid chain without that key. Events written before
the chain was keyed (``mac`` NULL) are *legacy*: accepted only before the first
keyed event. The signed checkpoints outside the database, the state digests in
the events (rows checked against them) and the report checkpoints are checked by
:meth:`workstation.cases.CaseRepository.verify_audit`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.cases.anchor import AuditKeys
from workstation.cases.models import AuditEventRow, AuditHeadRow
from workstation.cases.records import AuditEvent
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
                 details: Mapping[str, Any] | None = None,
                 keys: AuditKeys | None = None) -> AuditEvent:
    """Append one event after ``head`` (locked by :func:`lock_head` in this transaction),
    keyed with ``keys`` (every write of the repository passes them)."""
    seq = head.seq + 1
    at = utc_stamp()
    prev_hash = head.hash
    details_text = canonical_json(dict(details or {}))
    digest = event_hash(seq=seq, at=at, actor=actor, action=action, subject=subject,
                        sha256=sha256, details=details_text, prev_hash=prev_hash)
    row = AuditEventRow(seq=seq, at=at, actor=actor[:64], action=action, subject=subject,
                        sha256=sha256, details=details_text, prev_hash=prev_hash, hash=digest,
                        mac=keys.mac(digest) if keys is not None else None,
                        key_id=keys.key_id if keys is not None else None)
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


@dataclass
class ChainWalk:
    """The result of walking the chain (see :func:`walk_chain`).

    ``hashes`` maps each event's ``seq`` to its hash; ``states`` each subject to the
    digests its events recorded last (``row``: the stored row when it was written,
    ``state``: its changeable part after the latest change, ``credential``, with the
    ``seq`` of each), so the rows can be checked against them.
    """

    ok: bool
    events: int
    broken_seq: int | None
    problem: str
    head_seq: int | None
    legacy_events: int = 0
    keyed_events: int = 0
    hashes: dict[int, str] = field(default_factory=dict)
    states: dict[str, dict[str, tuple[int, str]]] = field(default_factory=dict)
    subjects: set[str] = field(default_factory=set)
    checkpoints_in_reports: list[tuple[int, int, str]] = field(default_factory=list)


#: ``details`` keys holding the digests rows are checked against (the event's subject's);
#: ``details["rows"]`` maps further subjects to the digests of rows written with it.
DIGEST_KEYS = ("row_sha256", "state_sha256", "credential_sha256")


def walk_chain(session: Session, keys: AuditKeys | None, *, batch: int = 5000) -> ChainWalk:
    """Walk the whole chain in ``seq`` order: hashes, links, keys; the first broken link.

    With ``keys``, every event from the first keyed one on must carry a valid MAC
    under the chain key; an event keyed with another key is a break (the chain key
    of another workstation, or a forgery).
    """
    expected_prev = GENESIS_HASH
    expected_seq = 1
    walk = ChainWalk(ok=True, events=0, broken_seq=None, problem="", head_seq=None)
    keyed_seen = False
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
                elif row.mac is None:
                    if keyed_seen:
                        problem = ("the event carries no key although the chain was keyed "
                                   "before it: it was inserted or rewritten")
                    else:
                        walk.legacy_events += 1
                elif keys is not None:
                    keyed_seen = True
                    if row.key_id != keys.key_id:
                        problem = (f"the event was keyed with another chain key ({row.key_id}, "
                                   f"this workstation holds {keys.key_id})")
                    elif not keys.mac_matches(row.hash, row.mac):
                        problem = ("the event's key does not match: the chain was rewritten "
                                   "without the chain key")
                    else:
                        walk.keyed_events += 1
                else:
                    keyed_seen = True
                    walk.keyed_events += 1
            if problem is not None:
                walk.ok = False
                walk.broken_seq = min(row.seq, expected_seq)
                walk.problem = problem
                return walk
            walk.events += 1
            walk.hashes[row.seq] = row.hash
            _note_digests(walk, row)
            last_seq = row.seq
            expected_prev = row.hash
            expected_seq = row.seq + 1
    finally:
        result.close()
    head = session.get(AuditHeadRow, 1)
    if head is None:
        walk.ok = False
        walk.problem = "the chain head row is missing"
        return walk
    walk.head_seq = head.seq
    if head.seq != last_seq or head.hash != expected_prev:
        walk.ok = False
        walk.broken_seq = last_seq + 1
        walk.problem = (f"the chain head names event {head.seq} but the chain ends at "
                        f"{last_seq}: events were deleted from the end or the head was altered")
    return walk


def _note_digests(walk: ChainWalk, row: AuditEventRow) -> None:
    walk.subjects.add(row.subject)
    if not any(k in row.details for k in (*DIGEST_KEYS, "rows", "checkpoint")):
        return
    try:
        details = json.loads(row.details)
    except ValueError:
        return
    if not isinstance(details, dict):
        return
    entry = walk.states.setdefault(row.subject, {})
    for key in DIGEST_KEYS:
        value = details.get(key)
        if isinstance(value, str):
            entry[key] = (row.seq, value)
    rows = details.get("rows")
    if isinstance(rows, dict):
        for subject, value in rows.items():
            if isinstance(value, str):
                walk.states.setdefault(str(subject), {})["row_sha256"] = (row.seq, value)
    cp = details.get("checkpoint")
    if isinstance(cp, dict) and isinstance(cp.get("seq"), int) \
            and isinstance(cp.get("hash"), str):
        walk.checkpoints_in_reports.append((row.seq, cp["seq"], cp["hash"]))
