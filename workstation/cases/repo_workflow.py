"""The case repository's examination workflow: records, findings with optimistic
locking, and the status transitions (conclude, reopen, submit, review)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workstation.cases import digests
from workstation.cases.models import (
    CaseRow,
    ExaminationImageRow,
    ExaminationResultRow,
    ExaminationRow,
    ReportRow,
)
from workstation.cases.records import (
    TRANSITIONS,
    ExaminationRecord,
    ExaminationSummary,
    Role,
    Status,
    User,
)
from workstation.cases.repo_core import (
    _SUMMARY_COLUMNS,
    RepositoryCore,
    UserLike,
    _digest,
    _dumps,
    _now,
    _plain,
    _record,
    _summary,
    _user_name,
)
from workstation.errors import ConflictError, InputError
from workstation.findings import Findings


class Workflow(RepositoryCore):
    """Reading examinations and moving them through their states."""

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
