"""The trainer's tables in the case database (migration 0009): one row per completed
course (``training_runs``) and one per document of it (``training_items``).

They are apart from ``examinations`` on purpose: nothing a trainee does is a case,
is counted in the trends or appears in a search of casework.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workstation.cases.models import Base, UTCDateTime


class TrainingRunRow(Base):
    """A completed course: who, which course, when, the score."""

    __tablename__ = "training_runs"
    __table_args__ = (Index("ix_training_runs_trainee_finished", "trainee", "finished_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_uid: Mapped[str] = mapped_column(String(36), unique=True)
    trainee: Mapped[str] = mapped_column(String(64))
    course_id: Mapped[str] = mapped_column(String(64))
    course_title: Mapped[str] = mapped_column(String(200))
    course_sha256: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    documents: Mapped[int] = mapped_column(Integer)
    points: Mapped[float] = mapped_column(Float)
    share: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    seconds: Mapped[float] = mapped_column(Float)
    certificate_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)


class TrainingItemRow(Base):
    """One document of a completed course: its truth, the answer, the score."""

    __tablename__ = "training_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("training_runs.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(String(64))
    truth_kind: Mapped[str | None] = mapped_column(String(64), nullable=True)
    verdict: Mapped[str] = mapped_column(String(16))
    answered_kind: Mapped[str | None] = mapped_column(String(64), nullable=True)
    correct: Mapped[bool] = mapped_column(Boolean)
    kind_correct: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    located: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    seconds: Mapped[float] = mapped_column(Float)
    points: Mapped[float] = mapped_column(Float)
    detail: Mapped[str] = mapped_column(Text)
