"""Plain, frozen records the case repository returns (never ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workstation.findings import Conclusion, Findings


class Role(StrEnum):
    """What a local account may do."""

    EXAMINER = "examiner"
    FORENSIC_EXAMINER = "forensic_examiner"
    SUPERVISOR = "supervisor"
    TRAINEE = "trainee"

    @property
    def label(self) -> str:
        """The role as people say it."""
        return self.value.replace("_", " ")


class Status(StrEnum):
    """Where an examination is in its life: draft → open → concluded → under review →
    approved or returned (a returned examination is concluded again). A draft is a
    capture stored the moment it was taken, before the examiner saved any finding."""

    DRAFT = "draft"
    OPEN = "open"
    CONCLUDED = "concluded"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    RETURNED = "returned"


#: status -> statuses it may move to.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.OPEN}),
    Status.OPEN: frozenset({Status.CONCLUDED}),
    Status.CONCLUDED: frozenset({Status.OPEN, Status.UNDER_REVIEW}),
    Status.UNDER_REVIEW: frozenset({Status.APPROVED, Status.RETURNED}),
    Status.RETURNED: frozenset({Status.OPEN, Status.CONCLUDED}),
    Status.APPROVED: frozenset(),
}


@dataclass(frozen=True)
class User:
    """A local account: its working ``role`` and whether it is an ``administrator``
    (adds accounts, grants roles). An account without a credential is only a name the
    audit trail records; it cannot sign (:mod:`workstation.identity`)."""

    id: int
    name: str
    display_name: str
    role: Role
    active: bool = True
    administrator: bool = False

    @property
    def label(self) -> str:
        """``display name (role)``."""
        extra = ", administrator" if self.administrator else ""
        return f"{self.display_name or self.name} ({self.role.label}{extra})"


@dataclass(frozen=True)
class CredentialRecord:
    """How an account signs in, and its sealed keys (see :class:`~workstation.cases.models.
    CredentialRow`; all JSON fields as text)."""

    method: str
    os_account: str | None
    kdf: str
    verifier: str
    signing_key: str
    box_public: str
    box_key: str
    certificate: str


@dataclass(frozen=True)
class Case:
    """A traveller's documents at one inspection."""

    id: int
    reference: str
    traveller: str
    notes: str
    created_at: dt.datetime
    created_by: str
    version: int
    examination_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ExaminationSummary:
    """One row of the case list."""

    id: int
    case_id: int
    case_reference: str
    created_at: dt.datetime
    status: Status
    verdict: str
    conclusion: Conclusion | None
    surname: str
    given_names: str
    document_number: str
    issuing_state: str
    document_code: str
    specimen_id: str | None
    version: int

    @property
    def name(self) -> str:
        """``SURNAME, Given Names`` as read from the MRZ."""
        return ", ".join(p for p in (self.surname, self.given_names) if p)


@dataclass(frozen=True)
class ImageRef:
    """An image of an examination, stored by the SHA-256 of its PNG bytes."""

    name: str
    sha256: str
    width: int
    height: int


@dataclass(frozen=True)
class Report:
    """A report stored for an examination."""

    id: int
    examination_id: int
    sha256: str
    signed: bool
    signer: str
    created_at: dt.datetime
    created_by: str


@dataclass(frozen=True)
class ExaminationRecord:
    """Everything stored about one examination.

    ``examination`` is the ``workstation examine --json`` object (formats.md §4);
    ``capture`` the capture's metadata (dpi, device, captured_at, ...);
    ``images`` the capture images by light name. Pass ``version`` back as
    ``expected_version`` when saving: a newer version in the database means
    someone else saved first (:class:`workstation.errors.ConflictError`).
    """

    summary: ExaminationSummary
    examination: dict[str, Any]
    capture: dict[str, Any]
    images: tuple[ImageRef, ...]
    findings: Findings | None
    result_sha256: str
    created_by: str
    updated_at: dt.datetime
    reviewed_by: str | None = None
    review_note: str = ""
    reports: tuple[Report, ...] = ()

    @property
    def id(self) -> int:
        """The examination's id."""
        return self.summary.id

    @property
    def version(self) -> int:
        """The optimistic-locking version this record was read at."""
        return self.summary.version

    @property
    def status(self) -> Status:
        """The examination's status."""
        return self.summary.status


@dataclass(frozen=True)
class StoredIds:
    """Where ``CaseRepository.store_examination`` put an examination."""

    case_id: int
    case_reference: str
    examination_id: int
    version: int


@dataclass(frozen=True)
class AuditEvent:
    """One link of the audit chain."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str
    sha256: str | None
    details: Any
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        """A JSON object with every field."""
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "action": self.action,
                "subject": self.subject, "sha256": self.sha256, "details": self.details,
                "prev_hash": self.prev_hash, "hash": self.hash}


@dataclass(frozen=True)
class ChainReport:
    """The result of verifying the audit trail: ``ok``, or what is wrong.

    ``broken_seq``/``problem`` name the first broken link of the chain (or the first
    problem found elsewhere); ``problems`` lists every problem: links, keys, rows
    that no longer match the digests their events recorded, checkpoints outside the
    database (and in reports) that the chain no longer contains.
    """

    ok: bool
    events: int
    broken_seq: int | None
    problem: str
    head_seq: int | None
    problems: tuple[str, ...] = ()
    legacy_events: int = 0
    keyed_events: int = 0
    checkpoints: int = 0
    checkpoint_seq: int = 0
    timestamped_checkpoints: int = 0
    rows_checked: int = 0
    chain_id: str = ""

    def to_json(self) -> dict[str, Any]:
        """The object printed by ``workstation audit verify --json``."""
        return {"ok": self.ok, "events": self.events, "first_broken": self.broken_seq,
                "problem": self.problem or None, "head_seq": self.head_seq,
                "problems": list(self.problems), "legacy_events": self.legacy_events,
                "keyed_events": self.keyed_events, "chain_id": self.chain_id,
                "checkpoints": {"count": self.checkpoints, "last_seq": self.checkpoint_seq,
                                "timestamped": self.timestamped_checkpoints},
                "rows_checked": self.rows_checked}


@dataclass(frozen=True)
class SearchQuery:
    """A case-list search; empty fields do not filter.

    ``text`` matches the start of the case reference, the surname, the given
    names or the document number; the other fields filter exactly (names and
    numbers by prefix). Dates are inclusive, by the examination's creation day
    (UTC). ``sort`` is one of :data:`SORT_KEYS`.
    """

    text: str = ""
    reference: str = ""
    name: str = ""
    document_number: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    statuses: tuple[Status, ...] = ()
    conclusions: tuple[Conclusion, ...] = ()
    created_by: str = ""
    sort: str = "created_at"
    descending: bool = True
    limit: int = 200
    offset: int = 0


#: Columns the case list sorts by.
SORT_KEYS: tuple[str, ...] = ("created_at", "reference", "name", "document_number",
                              "status", "conclusion", "verdict")
