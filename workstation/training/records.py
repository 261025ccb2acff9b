"""A trainee's results in the case database, and a supervisor's view of progress.

:class:`TrainingStore` writes a completed course (its run and every document's
answer and score, audited as ``training.completed``) and reads them back per
trainee, oldest first, for the progress chart. The tables
(:mod:`workstation.training.models`) are not examinations: casework searches,
review queues and trends never see them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select

from workstation.cases import CaseRepository, User
from workstation.training.course import Course
from workstation.training.models import TrainingItemRow, TrainingRunRow
from workstation.training.scoring import CourseScore


@dataclass(frozen=True)
class RunSummary:
    """A completed course as stored.

    Attributes:
        run_uid: the run's identifier (also on its certificate).
        trainee: account name.
        course_id, course_title: the course.
        finished_at: when it ended (UTC).
        documents: how many documents.
        share: points over the most possible (0..1).
        passed: at or over the pass mark.
        seconds: time spent answering.
        per_kind: forgery kind (``"genuine"`` too) -> share detected (0..1).
        certificate_sha256: SHA-256 of the signed certificate, when one was issued.
    """

    run_uid: str
    trainee: str
    course_id: str
    course_title: str
    finished_at: dt.datetime
    documents: int
    share: float
    passed: bool
    seconds: float
    per_kind: dict[str, float] = field(default_factory=dict)
    certificate_sha256: str | None = None


def course_digest(course: Course) -> str:
    """SHA-256 of the course's canonical JSON (which exact course was run)."""
    text = json.dumps(course.to_json(), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _aware(stamp: dt.datetime) -> dt.datetime:
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


class TrainingStore:
    """The trainer's records in ``repository`` (see the module docstring)."""

    def __init__(self, repository: CaseRepository) -> None:
        self.repository = repository

    def record_run(self, *, trainee: User | str, course: Course, score: CourseScore,
                   started_at: dt.datetime, finished_at: dt.datetime,
                   run_uid: str | None = None) -> RunSummary:
        """Store a completed course (all or nothing, audited)."""
        name = trainee.name if isinstance(trainee, User) else str(trainee)
        uid = run_uid or str(uuid.uuid4())
        with self.repository.writing(name) as scope:
            row = TrainingRunRow(
                run_uid=uid, trainee=name, course_id=course.id, course_title=course.title,
                course_sha256=course_digest(course), started_at=started_at,
                finished_at=finished_at, documents=len(score.items),
                points=float(score.points), share=float(score.share), passed=score.passed,
                seconds=float(score.seconds))
            scope.session.add(row)
            scope.session.flush()
            for item in score.items:
                scope.session.add(TrainingItemRow(
                    run_id=row.id, position=item.index, document=item.document,
                    truth_kind=item.truth.kind, verdict=item.response.verdict.value,
                    answered_kind=item.response.kind, correct=item.correct,
                    kind_correct=item.kind_correct, located=item.located,
                    seconds=float(item.response.seconds), points=float(item.points),
                    detail=json.dumps(item.to_json(), sort_keys=True)))
            scope.record("training.completed", f"training:{uid}",
                          details={"course": course.id, "share": round(score.share, 4),
                                   "passed": score.passed, "documents": len(score.items)})
        return self._summary_of(uid)

    def set_certificate(self, run_uid: str, pdf: bytes, *, user: User | str) -> None:
        """Note the signed certificate issued for a run (its SHA-256, audited)."""
        digest = hashlib.sha256(pdf).hexdigest()
        with self.repository.writing(user if isinstance(user, str) else user.name) as scope:
            row = scope.session.execute(
                select(TrainingRunRow).where(TrainingRunRow.run_uid == run_uid)).scalar_one()
            row.certificate_sha256 = digest
            scope.record("training.certified", f"training:{run_uid}", sha256=digest)

    def _summary_of(self, uid: str) -> RunSummary:
        runs = self._summaries(select(TrainingRunRow).where(TrainingRunRow.run_uid == uid))
        return runs[0]

    def runs(self, trainee: str | None = None) -> list[RunSummary]:
        """Completed courses, oldest first (one trainee's, or everyone's)."""
        stmt = select(TrainingRunRow).order_by(TrainingRunRow.finished_at, TrainingRunRow.id)
        if trainee is not None:
            stmt = stmt.where(TrainingRunRow.trainee == trainee)
        return self._summaries(stmt)

    def trainees(self) -> list[str]:
        """Everyone with a completed course, by name."""
        with self.repository.reading() as s:
            return list(s.execute(select(TrainingRunRow.trainee).distinct()
                                  .order_by(TrainingRunRow.trainee)).scalars())

    def _summaries(self, stmt: object) -> list[RunSummary]:
        with self.repository.reading() as s:
            rows = list(s.execute(stmt).scalars())  # type: ignore[call-overload]
            ids = [r.id for r in rows]
            tallies: dict[int, dict[str, list[int]]] = {i: {} for i in ids}
            if ids:
                for item in s.execute(select(TrainingItemRow).where(
                        TrainingItemRow.run_id.in_(ids))).scalars():
                    t = tallies[item.run_id].setdefault(item.truth_kind or "genuine", [0, 0])
                    t[0] += 1
                    t[1] += int(item.correct)
            return [RunSummary(
                run_uid=r.run_uid, trainee=r.trainee, course_id=r.course_id,
                course_title=r.course_title, finished_at=_aware(r.finished_at),
                documents=r.documents, share=r.share, passed=r.passed, seconds=r.seconds,
                per_kind={k: v[1] / v[0] for k, v in sorted(tallies[r.id].items())},
                certificate_sha256=r.certificate_sha256) for r in rows]
