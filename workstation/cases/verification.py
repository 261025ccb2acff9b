"""Verifying the evidence record: the keyed chain, the rows against it, the anchors.

:func:`verify_evidence` is what ``workstation audit verify`` and ``cases export``
run. It holds when, and only when:

1. the chain links, hashes and keys verify (:func:`workstation.cases.audit.walk_chain`);
2. every examination, its results and images, every case, report, account and
   credential in the database matches the digest the chain recorded when it was
   written or last changed (:mod:`workstation.cases.digests`) — nothing edited,
   deleted or inserted behind the program's back;
3. the signed checkpoints outside the database (:mod:`workstation.cases.anchor`)
   are intact and every one of them is still in the chain; the checkpoints the
   signed reports carry are too;
4. the database holds the chain this workstation recorded for it.

Rows and events from before the chain was keyed (legacy) are counted, not judged.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.cases import digests
from workstation.cases.anchor import Anchor
from workstation.cases.audit import walk_chain
from workstation.cases.models import (
    AuditHeadRow,
    CaseRow,
    CredentialRow,
    ExaminationImageRow,
    ExaminationResultRow,
    ExaminationRow,
    ReportRow,
    UserRow,
)
from workstation.cases.records import ChainReport

#: At most this many problems are listed (the count of the rest is given).
MAX_PROBLEMS = 50


def verify_evidence(session: Session, anchor: Anchor, *, database: str,
                    case_ids: Iterable[int] | None = None) -> ChainReport:
    """Verify everything (see the module docstring). With ``case_ids`` only those
    cases' rows are checked against the chain (the chain and the anchors always
    are whole)."""
    keys = anchor.keys()
    walk = walk_chain(session, keys)
    problems: list[str] = []
    if not walk.ok:
        problems.append(f"event {walk.broken_seq}: {walk.problem}")
    head = session.get(AuditHeadRow, 1)
    chain_id = head.chain_id if head is not None else ""
    if chain_id:
        bound = anchor.bind(database, chain_id)
        if bound:
            problems.append(bound)
    checked = _check_rows(session, walk.states, walk.subjects, problems,
                          None if case_ids is None else set(case_ids),
                          keyed=walk.keyed_events > 0)
    head_seq = head.seq if head is not None else 0
    cps = anchor.verify_checkpoints(chain_id, walk.hashes, head_seq)
    problems.extend(cps.problems)
    if cps.count == 0 and walk.keyed_events > 0:
        problems.append("the keyed chain has no checkpoints outside the database: they "
                        "were removed")
    for event_seq, seq, digest in walk.checkpoints_in_reports:
        if seq > head_seq:
            problems.append(f"the report recorded at event {event_seq} saw event {seq}, "
                            "beyond the chain's end: events were removed")
        elif seq > 0 and walk.hashes.get(seq) != digest:
            problems.append(f"the report recorded at event {event_seq} saw event {seq} with "
                            "another hash: the chain was rewritten")
    shown = problems[:MAX_PROBLEMS]
    if len(problems) > MAX_PROBLEMS:
        shown.append(f"... and {len(problems) - MAX_PROBLEMS} more problem(s)")
    first = shown[0] if shown else ""
    return ChainReport(
        ok=not problems, events=walk.events,
        broken_seq=walk.broken_seq if not walk.ok else None,
        problem=walk.problem if not walk.ok else first, head_seq=walk.head_seq,
        problems=tuple(shown), legacy_events=walk.legacy_events,
        keyed_events=walk.keyed_events, checkpoints=cps.count, checkpoint_seq=cps.last_seq,
        timestamped_checkpoints=cps.timestamped, rows_checked=checked, chain_id=chain_id)


def _expect(states: dict[str, dict[str, tuple[int, str]]], subject: str, key: str
            ) -> str | None:
    entry = states.get(subject, {}).get(key)
    return entry[1] if entry is not None else None


def _check_rows(session: Session, states: dict[str, dict[str, tuple[int, str]]],
                subjects: set[str], problems: list[str], case_ids: set[int] | None,
                keyed: bool) -> int:
    checked = 0
    exam_stmt = select(ExaminationRow)
    if case_ids is not None:
        exam_stmt = exam_stmt.where(ExaminationRow.case_id.in_(case_ids))
    seen_exams: set[str] = set()
    for row in session.execute(exam_stmt.order_by(ExaminationRow.id)).scalars():
        subject = f"examination:{row.id}"
        seen_exams.add(subject)
        checked += 1
        row_digest = _expect(states, subject, "row_sha256")
        state_digest = _expect(states, subject, "state_sha256")
        if subject not in subjects:
            if keyed:  # (a database from before the chain was keyed may hold such rows)
                problems.append(f"examination {row.id} has no event in the chain: it was "
                                "inserted behind the program's back")
            continue
        if row_digest is not None:  # else legacy: stored before the chain kept digests
            results = session.get(ExaminationResultRow, row.id)
            images = session.execute(select(ExaminationImageRow).where(
                ExaminationImageRow.examination_id == row.id)).scalars().all()
            if results is None or digests.examination_row(row, results, images) != row_digest:
                problems.append(f"examination {row.id} no longer matches what was stored "
                                "(verdict, results, images or who stored it were changed)")
        if state_digest is not None and digests.examination_state(row) != state_digest:
            problems.append(f"examination {row.id}'s status, findings or review were changed "
                            "outside the program")
    if case_ids is None:
        for subject, entry in states.items():
            if subject.startswith("examination:") and "row_sha256" in entry \
                    and subject not in seen_exams:
                problems.append(f"{subject.replace(':', ' ')} was deleted from the database")
    case_stmt = select(CaseRow)
    if case_ids is not None:
        case_stmt = case_stmt.where(CaseRow.id.in_(case_ids))
    for case in session.execute(case_stmt).scalars():
        checked += 1
        expected = _expect(states, f"case:{case.id}", "row_sha256")
        if expected is not None and digests.case_row(case) != expected:
            problems.append(f"case {case.id} ({case.reference}) was changed outside the program")
    rep_stmt = select(ReportRow)
    if case_ids is not None:
        rep_stmt = rep_stmt.join(ExaminationRow, ExaminationRow.id == ReportRow.examination_id
                                 ).where(ExaminationRow.case_id.in_(case_ids))
    for report in session.execute(rep_stmt).scalars():
        checked += 1
        expected = _expect(states, f"report:{report.id}", "row_sha256")
        if expected is not None and digests.report_row(report) != expected:
            problems.append(f"report {report.id} was changed outside the program")
    for user in session.execute(select(UserRow)).scalars():
        checked += 1
        subject = f"user:{user.name}"
        expected = _expect(states, subject, "state_sha256")
        if expected is not None and digests.user_state(user) != expected:
            problems.append(f"account {user.name}'s role or name was changed outside the "
                            "program")
        credential = session.get(CredentialRow, user.id)
        expected_cred = _expect(states, subject, "credential_sha256")
        if credential is not None:
            if expected_cred is None or digests.credential_row(credential) != expected_cred:
                problems.append(f"account {user.name}'s credential was changed outside the "
                                "program")
        elif expected_cred is not None:
            problems.append(f"account {user.name}'s credential was deleted")
    return checked
