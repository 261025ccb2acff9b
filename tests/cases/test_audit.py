"""The audit hash chain: intact chains verify; edits, deletions and reordering are named."""

from __future__ import annotations

import itertools
import threading

import pytest
from sqlalchemy import text

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository
from workstation.cases.audit import GENESIS_HASH, canonical_json, event_hash
from workstation.findings import Conclusion, Findings


def _history(repo: CaseRepository) -> None:
    ids = repo.store_examination(make_examination(), user="anna", case_ref="R-1")
    rec = repo.open_examination(ids.examination_id)
    rec = repo.save_findings(rec.id, Findings(conclusion=Conclusion.NO_ANOMALY, text="fine"),
                             expected_version=rec.version, user="anna")
    repo.conclude(rec.id, expected_version=rec.version, user="anna")
    # case.created, capture.stored, examination.run, finding.saved, examination.concluded


def _sql(repo: CaseRepository, statement: str) -> None:
    with repo.engine.begin() as conn:
        conn.execute(text(statement))


def test_an_intact_chain_verifies(repo: CaseRepository) -> None:
    _history(repo)
    report = repo.verify_audit()
    assert report.ok and report.events == 5 and report.head_seq == 5
    events = repo.audit_events()
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
    assert events[2].action == "examination.run" and events[2].actor == "anna"
    assert events[3].sha256 is not None and len(events[3].sha256) == 64


def test_the_hash_covers_every_field() -> None:
    base = {"seq": 1, "at": "2026-11-28T10:00:00.000000Z", "actor": "a", "action": "x",
            "subject": "case:1", "sha256": None, "details": "{}", "prev_hash": GENESIS_HASH}
    digest = event_hash(**base)  # type: ignore[arg-type]
    for key, value in [("seq", 2), ("at", "2026-11-28T10:00:00.000001Z"), ("actor", "b"),
                       ("action", "y"), ("subject", "case:2"), ("sha256", "0" * 64),
                       ("details", '{"a":1}'), ("prev_hash", "1" * 64)]:
        assert event_hash(**{**base, key: value}) != digest  # type: ignore[arg-type]
    assert canonical_json({"b": 1, "a": [1.5, "é"]}) == '{"a":[1.5,"é"],"b":1}'


def test_a_direct_row_edit_is_caught(repo: CaseRepository) -> None:
    _history(repo)
    _sql(repo, "UPDATE audit_events SET details = '{\"conclusion\":\"forged\"}' WHERE seq = 4")
    report = repo.verify_audit()
    assert not report.ok and report.broken_seq == 4
    assert "edited" in report.problem


def test_a_changed_actor_is_caught(repo: CaseRepository) -> None:
    _history(repo)
    _sql(repo, "UPDATE audit_events SET actor = 'mallory' WHERE seq = 2")
    report = repo.verify_audit()
    assert not report.ok and report.broken_seq == 2


def test_a_deleted_event_is_caught(repo: CaseRepository) -> None:
    _history(repo)
    _sql(repo, "DELETE FROM audit_events WHERE seq = 3")
    report = repo.verify_audit()
    assert not report.ok and report.broken_seq == 3 and "deleted" in report.problem


def test_a_deleted_and_renumbered_event_is_caught(repo: CaseRepository) -> None:
    _history(repo)
    _sql(repo, "DELETE FROM audit_events WHERE seq = 3")
    _sql(repo, "UPDATE audit_events SET seq = seq - 1 WHERE seq > 3")
    report = repo.verify_audit()
    assert not report.ok and report.broken_seq == 3


def test_deleting_the_newest_events_is_caught(repo: CaseRepository) -> None:
    _history(repo)
    _sql(repo, "DELETE FROM audit_events WHERE seq >= 4")
    report = repo.verify_audit()
    assert not report.ok and report.broken_seq == 4 and "head" in report.problem


def test_a_reordered_event_is_caught(repo: CaseRepository) -> None:
    _history(repo)
    _sql(repo, "UPDATE audit_events SET seq = 100 WHERE seq = 2")
    _sql(repo, "UPDATE audit_events SET seq = 2 WHERE seq = 3")
    _sql(repo, "UPDATE audit_events SET seq = 3 WHERE seq = 100")
    report = repo.verify_audit()
    assert not report.ok and report.broken_seq == 2


def test_swapped_contents_are_caught(repo: CaseRepository) -> None:
    _history(repo)
    # Swap the content of events 2 and 3 but keep their seq numbers and hashes in place.
    cols = "at, actor, action, subject, sha256, details"
    with repo.engine.begin() as conn:
        two = conn.execute(text(f"SELECT {cols} FROM audit_events WHERE seq = 2")).one()
        three = conn.execute(text(f"SELECT {cols} FROM audit_events WHERE seq = 3")).one()
        for seq, row in ((2, three), (3, two)):
            conn.execute(text("UPDATE audit_events SET at=:at, actor=:actor, action=:action, "
                              "subject=:subject, sha256=:sha256, details=:details "
                              "WHERE seq=:seq"), {**row._mapping, "seq": seq})
    report = repo.verify_audit()
    assert not report.ok and report.broken_seq == 2


def test_concurrent_appends_never_fork_the_chain(db_url: str) -> None:
    """Two workstations (two repositories, several threads) append at once."""
    per_thread = 15
    errors: list[BaseException] = []
    repos = [CaseRepository.open(db_url) for _ in range(2)]

    def work(repo: CaseRepository, who: str) -> None:
        try:
            for i in range(per_thread):
                repo.record_event("test.append", f"thing:{who}:{i}", user=who)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(repos[n % 2], f"w{n}")) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    try:
        assert errors == []
        report = repos[0].verify_audit()
        assert report.ok, report
        assert report.events == 4 * per_thread
        events = repos[1].audit_events(limit=10_000)
        assert len({e.prev_hash for e in events}) == len(events)  # no two share a parent
    finally:
        for r in repos:
            r.close()


@pytest.mark.parametrize("statement", ["DELETE FROM audit_head"])
def test_a_missing_head_is_reported(repo: CaseRepository, statement: str) -> None:
    _history(repo)
    _sql(repo, statement)
    assert not repo.verify_audit().ok
