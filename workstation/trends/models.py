"""Tables of the trends package in the case database (migration 0007).

They are declared on the case database's declarative base so that one
metadata describes the whole schema (the migration test compares it with the
migrated database). ``trend_facts``, ``trend_fact_checks`` and the summaries
(``trend_counts``, ``trend_check_counts``, their monthly roll-ups,
``trend_month_documents``; ``trend_check_facts``, ``trend_check_pairs``,
``trend_month_check_states`` and ``trend_outcome_counts`` from migration 0010) are
written only by the database's triggers; this package reads them. ORM rows never leave
:mod:`workstation.trends`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from workstation.cases.models import Base

UTCDateTime = DateTime(timezone=True)

#: The dimensions of a fact and of a summary row, in key order (as in migration 0007).
FACT_DIMENSIONS = ("day", "border_point", "issuing_state", "document_code", "series",
                   "conclusion", "forgery_kind", "verdict")


class _Dimensions:
    """The columns a fact and a summary row share. ``''`` stands for "none"
    (no conclusion yet, no forgery kind, no specimen matched, location not set)."""

    day: Mapped[dt.date] = mapped_column(Date)
    border_point: Mapped[str] = mapped_column(String(100))
    issuing_state: Mapped[str] = mapped_column(String(3))
    document_code: Mapped[str] = mapped_column(String(4))
    series: Mapped[str] = mapped_column(String(100))
    conclusion: Mapped[str] = mapped_column(String(20))
    forgery_kind: Mapped[str] = mapped_column(String(40))
    verdict: Mapped[str] = mapped_column(String(20))


class TrendFactRow(_Dimensions, Base):
    """One casework examination as the trends count it (UTC day, dimensions)."""

    __tablename__ = "trend_facts"

    examination_id: Mapped[int] = mapped_column(Integer, primary_key=True,
                                                autoincrement=False)

    __table_args__ = (Index("ix_trend_facts_day", "day", "examination_id"),)


class TrendFactCheckRow(Base):
    """A check code an examination failed (once per code, whatever the zones)."""

    __tablename__ = "trend_fact_checks"

    examination_id: Mapped[int] = mapped_column(Integer, primary_key=True,
                                                autoincrement=False)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)

    __table_args__ = (Index("ix_trend_fact_checks_code", "code", "examination_id"),
                      {"sqlite_with_rowid": False})


class TrendCountRow(_Dimensions, Base):
    """Examinations per day and combination of dimensions."""

    __tablename__ = "trend_counts"

    n: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        PrimaryKeyConstraint(*FACT_DIMENSIONS, name="pk_trend_counts"),
        Index("ix_trend_counts_state", "issuing_state", "day"),
        Index("ix_trend_counts_conclusion", "conclusion", "day"),
        {"sqlite_with_rowid": False},
    )


class TrendCheckCountRow(_Dimensions, Base):
    """Examinations per day, combination of dimensions and failed check code."""

    __tablename__ = "trend_check_counts"

    code: Mapped[str] = mapped_column(String(64))
    n: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        PrimaryKeyConstraint(*FACT_DIMENSIONS, "code", name="pk_trend_check_counts"),
        Index("ix_trend_check_counts_code", "code", "day"),
        Index("ix_trend_check_counts_state", "issuing_state", "day"),
        Index("ix_trend_check_counts_conclusion", "conclusion", "day"),
        {"sqlite_with_rowid": False},
    )


class TrendMonthCountRow(_Dimensions, Base):
    """Examinations per month (``day`` is its first day) and combination of dimensions."""

    __tablename__ = "trend_month_counts"

    n: Mapped[int] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint(*FACT_DIMENSIONS, name="pk_trend_month_counts"),
                      {"sqlite_with_rowid": False})


class TrendMonthDocumentRow(Base):
    """Per month (``day``: its first day), border point, state, type and series: the
    examinations, the detected forgeries and the flagged ones."""

    __tablename__ = "trend_month_documents"

    day: Mapped[dt.date] = mapped_column(Date)
    border_point: Mapped[str] = mapped_column(String(100))
    issuing_state: Mapped[str] = mapped_column(String(3))
    document_code: Mapped[str] = mapped_column(String(4))
    series: Mapped[str] = mapped_column(String(100))
    n: Mapped[int] = mapped_column(Integer)
    forgeries: Mapped[int] = mapped_column(Integer)
    flagged: Mapped[int] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint(*FACT_DIMENSIONS[:5],
                                           name="pk_trend_month_documents"),
                      {"sqlite_with_rowid": False})


class TrendMonthCheckCountRow(_Dimensions, Base):
    """Examinations per month, combination of dimensions and failed check code."""

    __tablename__ = "trend_month_check_counts"

    code: Mapped[str] = mapped_column(String(64))
    n: Mapped[int] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint(*FACT_DIMENSIONS, "code",
                                           name="pk_trend_month_check_counts"),
                      Index("ix_trend_month_check_counts_code", "code", "day"),
                      {"sqlite_with_rowid": False})


class TrendCheckFactRow(_Dimensions, Base):
    """A check code a casework examination failed, with the examination's dimensions
    (migration 0010): a total over several codes counts each examination once from the
    rows of those codes alone."""

    __tablename__ = "trend_check_facts"

    examination_id: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        PrimaryKeyConstraint("code", "day", "examination_id", name="pk_trend_check_facts"),
        Index("ix_trend_check_facts_examination", "examination_id", "code", unique=True),
        {"sqlite_with_rowid": False},
    )


class TrendCheckPairRow(_Dimensions, Base):
    """Examinations per day, combination of dimensions and ordered pair of distinct check
    codes they both failed (each pair in both orders; migration 0010)."""

    __tablename__ = "trend_check_pairs"

    code: Mapped[str] = mapped_column(String(64))
    other_code: Mapped[str] = mapped_column(String(64))
    n: Mapped[int] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint("code", "other_code", *FACT_DIMENSIONS,
                                           name="pk_trend_check_pairs"),
                      {"sqlite_with_rowid": False})


class TrendMonthCheckStateRow(Base):
    """Per month (``day``: its first day), border point, issuing state and failed check
    code: the examinations, the detected forgeries and the flagged ones (migration 0010)."""

    __tablename__ = "trend_month_check_states"

    day: Mapped[dt.date] = mapped_column(Date)
    border_point: Mapped[str] = mapped_column(String(100))
    issuing_state: Mapped[str] = mapped_column(String(3))
    code: Mapped[str] = mapped_column(String(64))
    n: Mapped[int] = mapped_column(Integer)
    forgeries: Mapped[int] = mapped_column(Integer)
    flagged: Mapped[int] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint("day", "border_point", "issuing_state", "code",
                                           name="pk_trend_month_check_states"),
                      {"sqlite_with_rowid": False})


class TrendOutcomeCountRow(Base):
    """Examinations per UTC day, border point, conclusion, forgery kind and verdict
    (migration 0010): the forgery charts' grain, a few rows per day."""

    __tablename__ = "trend_outcome_counts"

    day: Mapped[dt.date] = mapped_column(Date)
    border_point: Mapped[str] = mapped_column(String(100))
    conclusion: Mapped[str] = mapped_column(String(20))
    forgery_kind: Mapped[str] = mapped_column(String(40))
    verdict: Mapped[str] = mapped_column(String(20))
    n: Mapped[int] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint("day", "border_point", "conclusion", "forgery_kind",
                                           "verdict", name="pk_trend_outcome_counts"),
                      {"sqlite_with_rowid": False})


class AlertRow(Base):
    """A published alert: which documents it concerns, what betrayed the forgery."""

    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    border_point: Mapped[str] = mapped_column(String(100))
    examination_id: Mapped[int] = mapped_column(ForeignKey("examinations.id"))
    issuing_state: Mapped[str] = mapped_column(String(3))
    document_code: Mapped[str] = mapped_column(String(4))
    series: Mapped[str] = mapped_column(String(100))
    feature: Mapped[str] = mapped_column(String(200))
    check_code: Mapped[str] = mapped_column(String(64))
    forgery_kind: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    withdrawn_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    withdraw_reason: Mapped[str] = mapped_column(Text)
    expiry_recorded: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_alerts_document", "issuing_state", "document_code",
                            "expires_at"),)


class AlertCropRow(Base):
    """An evidence crop of an alert (PNG, personal data blurred), kept in the database
    so that every workstation sharing it can show it."""

    __tablename__ = "alert_crops"

    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id"), primary_key=True,
                                          autoincrement=False)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    label: Mapped[str] = mapped_column(String(200))
    light: Mapped[str] = mapped_column(String(20))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    png: Mapped[bytes] = mapped_column(LargeBinary)


class TrendImportRow(Base):
    """A verified export of another office, kept apart per office."""

    __tablename__ = "trend_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office: Mapped[str] = mapped_column(String(100))
    signer: Mapped[str] = mapped_column(String(200))
    issuer_sha256: Mapped[str] = mapped_column(String(64))
    export_id: Mapped[str] = mapped_column(String(64), unique=True)
    period_from: Mapped[str] = mapped_column(String(7))
    period_to: Mapped[str] = mapped_column(String(7))
    k: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    imported_by: Mapped[str] = mapped_column(String(64))
    file_sha256: Mapped[str] = mapped_column(String(64))
    payload_json: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_trend_imports_office", "office", "id"),)


__all__ = ["FACT_DIMENSIONS", "AlertCropRow", "AlertRow", "TrendCheckCountRow",
           "TrendCheckFactRow", "TrendCheckPairRow", "TrendCountRow", "TrendFactCheckRow",
           "TrendFactRow", "TrendImportRow", "TrendMonthCheckCountRow", "TrendMonthCheckStateRow",
           "TrendMonthCountRow",
           "TrendMonthDocumentRow", "TrendOutcomeCountRow"]
