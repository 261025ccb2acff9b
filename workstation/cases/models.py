"""SQLAlchemy 2 typed models of the case database.

These ORM classes never leave :mod:`workstation.cases`: the repository turns
rows into the plain frozen dataclasses of :mod:`workstation.cases.records`.
The schema itself is created and changed only by the Alembic migrations in
``workstation/cases/migrations`` (the models mirror the latest revision; a test
compares them).

Times are stored timezone-aware (UTC). Search keys (``*_key`` columns) are the
upper-cased, accent-free forms the search compares with, so prefix searches use
plain B-tree indexes on every database.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of the case database."""


UTCDateTime = DateTime(timezone=True)


def key_type(length: int) -> String:
    """A search-key column: byte order (``COLLATE "C"``) on PostgreSQL so that
    prefix ranges use a plain B-tree index; SQLite compares bytes already."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class UserRow(Base):
    """A local account: name, display name, role."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    administrator: Mapped[bool] = mapped_column(Boolean, default=False)


class CredentialRow(Base):
    """How an account signs in and its sealed signing key (see :mod:`workstation.identity`).

    ``method`` is ``password`` (Argon2id over the password) or ``os`` (the operating-
    system account named in ``os_account``, with a secret kept in that account's own
    configuration folder). ``kdf`` (JSON) says how the key-encryption key is derived,
    ``verifier`` proves the secret without revealing the key, ``signing_key`` and
    ``box_key`` (JSON) are the account's private keys sealed (AES-256-GCM) with it,
    ``box_public`` the X25519 key administrators wrap the CA key to, ``certificate``
    the account's current certificate (DER, hex).
    """

    __tablename__ = "credentials"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    method: Mapped[str] = mapped_column(String(16))
    os_account: Mapped[str | None] = mapped_column(String(64), nullable=True)
    kdf: Mapped[str] = mapped_column(Text)
    verifier: Mapped[str] = mapped_column(String(64))
    signing_key: Mapped[str] = mapped_column(Text)
    box_public: Mapped[str] = mapped_column(String(64))
    box_key: Mapped[str] = mapped_column(Text)
    certificate: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CaseRow(Base):
    """A traveller's documents at one inspection, under one reference number."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    reference_key: Mapped[str] = mapped_column(key_type(64), index=True)
    traveller: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)


class ExaminationRow(Base):
    """One examined document face: identity, automated results, the examiner's findings."""

    __tablename__ = "examinations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Document identity, from the MRZ.
    document_code: Mapped[str] = mapped_column(String(4), default="")
    issuing_state: Mapped[str] = mapped_column(String(3), default="")
    document_number: Mapped[str] = mapped_column(String(40), default="")
    surname: Mapped[str] = mapped_column(String(100), default="")
    given_names: Mapped[str] = mapped_column(String(100), default="")
    nationality: Mapped[str] = mapped_column(String(3), default="")
    birth_date: Mapped[str] = mapped_column(String(10), default="")
    expiry_date: Mapped[str] = mapped_column(String(10), default="")
    # Search keys (upper case, no accents, fillers removed); the case's reference key
    # is repeated here (references never change) so a reference search reads one table.
    case_reference_key: Mapped[str] = mapped_column(key_type(64), default="")
    document_number_key: Mapped[str] = mapped_column(key_type(40), default="")
    surname_key: Mapped[str] = mapped_column(key_type(100), default="")
    given_names_key: Mapped[str] = mapped_column(key_type(100), default="")
    # Automated examination.
    specimen_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    verdict: Mapped[str] = mapped_column(String(20))
    capture_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    result_sha256: Mapped[str] = mapped_column(String(64))
    duration_ms: Mapped[float | None] = mapped_column(Float, nullable=True)
    # The examiner's findings.
    conclusion: Mapped[str | None] = mapped_column(String(20), nullable=True)
    findings_json: Mapped[str] = mapped_column(Text, default="null")
    reviewed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    review_note: Mapped[str] = mapped_column(Text, default="")
    # Where and why (migration 0007): the workstation's configured border point, and
    # ``casework`` (counted in trends) or e.g. ``training`` (never counted).
    border_point: Mapped[str] = mapped_column(String(100), default="")
    purpose: Mapped[str] = mapped_column(String(16), default="casework")

    __table_args__ = (
        Index("ix_examinations_status_created", "status", "created_at"),
        Index("ix_examinations_conclusion_created", "conclusion", "created_at"),
        Index("ix_examinations_document_number_key", "document_number_key"),
        Index("ix_examinations_case_reference_key", "case_reference_key"),
        Index("ix_examinations_surname_key", "surname_key"),
        Index("ix_examinations_given_names_key", "given_names_key"),
    )


class ExaminationResultRow(Base):
    """The automated results of an examination, written once: capture metadata, the
    MRZ reading and the checks (kept out of ``examinations`` so the rows the case
    search reads stay narrow)."""

    __tablename__ = "examination_results"

    examination_id: Mapped[int] = mapped_column(ForeignKey("examinations.id"), primary_key=True)
    capture_json: Mapped[str] = mapped_column(Text)
    mrz_json: Mapped[str] = mapped_column(Text)
    checks_json: Mapped[str] = mapped_column(Text)


class ExaminationImageRow(Base):
    """An image of an examination (a capture light), by the SHA-256 of its PNG bytes."""

    __tablename__ = "examination_images"

    examination_id: Mapped[int] = mapped_column(ForeignKey("examinations.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)


class BlobRow(Base):
    """Content stored once by SHA-256: ``data`` is set when kept in the database,
    ``NULL`` when kept in the content-addressed folder."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ReportRow(Base):
    """A report (PDF) built for an examination; the bytes are a blob."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    examination_id: Mapped[int] = mapped_column(ForeignKey("examinations.id"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    signer: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))


class AuditEventRow(Base):
    """One link of the audit hash chain.

    ``hash`` is SHA-256 over the canonical JSON of the event's fields and
    ``prev_hash`` (see :mod:`workstation.cases.audit`). ``at`` and ``details``
    are kept as the exact text that was hashed. ``mac`` is HMAC-SHA256 of ``hash``
    under the chain key named by ``key_id`` (``NULL`` for events written before the
    chain was keyed).
    """

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(100), index=True)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str | None] = mapped_column(String(64), nullable=True)
    key_id: Mapped[str | None] = mapped_column(String(16), nullable=True)


class AuditHeadRow(Base):
    """The single row (``id`` 1) holding the chain's last ``seq`` and ``hash``.

    Every write transaction locks it first (``SELECT ... FOR UPDATE`` on
    PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already serializes writers), so
    appends from many workstations form one chain, never a fork.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    chain_id: Mapped[str] = mapped_column(String(32), default="")
