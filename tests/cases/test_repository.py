"""The case repository on SQLite and PostgreSQL: store, open, findings, locking, search."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository, Role, SearchQuery, Status
from workstation.cases.keys import prefix_upper_bound, search_key
from workstation.cases.storage import BlobStore
from workstation.errors import ConflictError, InputError, StorageError
from workstation.findings import Conclusion, Findings
from workstation.types import Light


def test_store_and_open_round_trip(repo: CaseRepository) -> None:
    exam = make_examination(seed=3)
    ids = repo.store_examination(exam, user="anna", case_ref="BCP-2026-0001")
    assert ids.case_reference == "BCP-2026-0001"
    rec = repo.open_examination(ids.examination_id)
    assert rec.status is Status.OPEN and rec.version == 1
    assert rec.summary.surname == "ERIKSSON" and rec.summary.document_number == "L898902C3"
    assert rec.examination["verdict"] == "pass"
    assert rec.examination["checks"][0]["code"] == "UV_DULL"
    assert {i.name for i in rec.images} == {"white", "ir"}
    capture = repo.capture_of(rec)
    assert np.array_equal(capture.images[Light.WHITE], exam.capture.images[Light.WHITE])
    assert np.array_equal(capture.images[Light.IR], exam.capture.images[Light.IR])
    assert capture.dpi == 300.0 and capture.captured_at == exam.capture.captured_at
    # The same case reference again adds to the same case.
    again = repo.store_examination(make_examination(seed=4), user="anna",
                                   case_ref="BCP-2026-0001")
    assert again.case_id == ids.case_id
    assert repo.get_case(ids.case_id).examination_ids == (ids.examination_id,
                                                         again.examination_id)


def test_identical_images_are_stored_once(repo: CaseRepository) -> None:
    a = repo.store_examination(make_examination(seed=1), user="anna")
    b = repo.store_examination(make_examination(seed=1), user="anna")
    ra, rb = repo.open_examination(a.examination_id), repo.open_examination(b.examination_id)
    assert [i.sha256 for i in ra.images] == [i.sha256 for i in rb.images]
    files = list(repo.blobs.root.rglob("*"))
    assert len([f for f in files if f.is_file()]) == 2
    assert a.case_id != b.case_id  # no reference: a new case each time


def test_new_case_references_run_per_day(repo: CaseRepository) -> None:
    first = repo.create_case(user="anna")
    second = repo.create_case(user="anna")
    day = dt.datetime.now(dt.UTC).strftime("%Y%m%d")
    assert first.reference == f"{day}-0001" and second.reference == f"{day}-0002"
    with pytest.raises(InputError, match="exists already"):
        repo.create_case(first.reference, user="anna")


def test_findings_saved_and_two_editors_conflict(db_url: str) -> None:
    with CaseRepository.open(db_url) as one, CaseRepository.open(db_url) as two:
        ids = one.store_examination(make_examination(), user="anna")
        mine = one.open_examination(ids.examination_id)
        theirs = two.open_examination(ids.examination_id)
        saved = one.save_findings(mine.id, Findings(conclusion=Conclusion.FORGED,
                                                    forgery_kind="photo_substitution",
                                                    text="portrait relaminated"),
                                  expected_version=mine.version, user="anna")
        assert saved.version == 2 and saved.findings is not None
        assert saved.findings.forgery_kind == "photo_substitution"
        with pytest.raises(ConflictError, match="changed elsewhere"):
            two.save_findings(theirs.id, Findings(conclusion=Conclusion.NO_ANOMALY),
                              expected_version=theirs.version, user="bert")
        # The first save survives: no lost update.
        now = two.open_examination(ids.examination_id)
        assert now.summary.conclusion is Conclusion.FORGED and now.version == 2
        # After reloading, the second editor can save.
        later = two.save_findings(now.id, Findings(conclusion=Conclusion.COUNTERFEIT),
                                  expected_version=now.version, user="bert")
        assert later.version == 3


def test_status_workflow_and_supervisor_review(repo: CaseRepository) -> None:
    examiner = repo.create_user("anna", Role.EXAMINER, "Anna A.")
    admin = repo.create_user("root", Role.EXAMINER, administrator=True)
    boss = repo.create_user("sam", Role.SUPERVISOR, actor=admin)
    ids = repo.store_examination(make_examination(), user=examiner)
    rec = repo.open_examination(ids.examination_id)
    with pytest.raises(InputError, match="no conclusion"):
        repo.conclude(rec.id, expected_version=rec.version, user=examiner)
    rec = repo.save_findings(rec.id, Findings(conclusion=Conclusion.COUNTERFEIT),
                             expected_version=rec.version, user=examiner)
    rec = repo.conclude(rec.id, expected_version=rec.version, user=examiner)
    assert rec.status is Status.CONCLUDED
    rec = repo.submit_for_review(rec.id, expected_version=rec.version, user=examiner)
    assert [s.id for s in repo.review_queue()] == [rec.id]
    with pytest.raises(InputError, match="only a supervisor"):
        repo.review(rec.id, approve=True, expected_version=rec.version, user=examiner)
    with pytest.raises(InputError, match="can no longer change"):
        repo.save_findings(rec.id, Findings(), expected_version=rec.version, user=examiner)
    rec = repo.review(rec.id, approve=False, note="measure the portrait", user=boss,
                      expected_version=rec.version)
    assert rec.status is Status.RETURNED and rec.reviewed_by == "sam"
    rec = repo.conclude(rec.id, expected_version=rec.version, user=examiner)
    rec = repo.submit_for_review(rec.id, expected_version=rec.version, user=examiner)
    rec = repo.review(rec.id, approve=True, user=boss, expected_version=rec.version)
    assert rec.status is Status.APPROVED and repo.review_queue() == []
    with pytest.raises(InputError, match="cannot become"):
        repo.reopen(rec.id, expected_version=rec.version, user=boss)
    actions = [e.action for e in repo.audit_events(subjects=(f"examination:{rec.id}",))]
    assert actions == ["capture.stored", "examination.run", "finding.saved",
                       "examination.concluded", "examination.submitted", "review.returned",
                       "examination.concluded", "examination.submitted", "review.approved"]


def test_users(repo: CaseRepository) -> None:
    repo.create_user("zoe", "forensic_examiner", "Zoë")
    repo.create_user("anna", "examiner")
    assert [u.name for u in repo.list_users()] == ["anna", "zoe"]
    zoe = repo.get_user("zoe")
    assert zoe is not None and zoe.role is Role.FORENSIC_EXAMINER
    assert zoe.label == "Zoë (forensic examiner)"
    with pytest.raises(InputError, match="exists already"):
        repo.create_user("zoe", "examiner")
    with pytest.raises(InputError, match="unknown role"):
        repo.create_user("x", "janitor")
    assert repo.ensure_user("zoe").role is Role.FORENSIC_EXAMINER
    assert repo.ensure_user("new").role is Role.EXAMINER


def _seed(repo: CaseRepository) -> dict[str, int]:
    people = [("ERIKSSON", "ANNA MARIA", "L898902C3", "BCP-A-1"),
              ("MÜLLER", "JÜRGEN", "C01X00T47", "BCP-A-2"),
              ("ERIKSEN", "PER", "X1234567", "AIR-77"),
              ("SMITH", "ERIK", "P7777777", "AIR-78")]
    ids = {}
    for n, (surname, given, number, ref) in enumerate(people):
        ids[surname] = repo.store_examination(make_examination(surname, given, number, seed=n),
                                              user="anna", case_ref=ref).examination_id
    return ids


def test_search_by_each_field(repo: CaseRepository) -> None:
    ids = _seed(repo)

    def found(**kw: object) -> set[int]:
        return {s.id for s in repo.search(SearchQuery(**kw))}  # type: ignore[arg-type]

    assert found(text="erik") == {ids["ERIKSSON"], ids["ERIKSEN"], ids["SMITH"]}
    assert found(text="bcp-a") == {ids["ERIKSSON"], ids["MÜLLER"]}
    assert found(text="muller") == {ids["MÜLLER"]}
    assert found(name="jurgen") == {ids["MÜLLER"]}
    assert found(name="eriks") == {ids["ERIKSSON"], ids["ERIKSEN"]}
    assert found(document_number="l8989") == {ids["ERIKSSON"]}
    assert found(reference="AIR-78") == {ids["SMITH"]}
    assert found(text="nobody") == set()
    today = dt.datetime.now(dt.UTC).date()
    assert len(found(date_from=today, date_to=today)) == 4
    assert found(date_to=today - dt.timedelta(days=1)) == set()
    rec = repo.open_examination(ids["SMITH"])
    repo.save_findings(rec.id, Findings(conclusion=Conclusion.COUNTERFEIT),
                       expected_version=rec.version, user="anna")
    assert found(conclusions=(Conclusion.COUNTERFEIT,)) == {ids["SMITH"]}
    assert found(statuses=(Status.OPEN,), conclusions=(Conclusion.NO_ANOMALY,)) == set()
    assert len(found(statuses=(Status.OPEN,))) == 4


def test_search_sorts_and_pages(repo: CaseRepository) -> None:
    _seed(repo)
    by_name = repo.search(SearchQuery(sort="name", descending=False))
    assert [s.surname for s in by_name] == ["ERIKSEN", "ERIKSSON", "MÜLLER", "SMITH"]
    newest = repo.search(SearchQuery())
    assert [s.id for s in newest] == sorted((s.id for s in newest), reverse=True)
    page = repo.search(SearchQuery(sort="reference", descending=False, limit=2, offset=1))
    assert [s.case_reference for s in page] == ["AIR-78", "BCP-A-1"]
    with pytest.raises(InputError, match="cannot sort"):
        repo.search(SearchQuery(sort="colour"))


def test_search_keys() -> None:
    assert search_key("Müller-Lüdenscheidt") == "MULLER LUDENSCHEIDT"
    assert search_key("L898902C3<") == "L898902C3"
    assert search_key("  ") == ""
    assert prefix_upper_bound("ERI") == "ERJ"
    with pytest.raises(ValueError):
        prefix_upper_bound("")


def test_images_in_the_database_by_setting(db_url: str, tmp_path: object) -> None:
    with CaseRepository.open(db_url, blobs=BlobStore("database")) as repo:
        ids = repo.store_examination(make_examination(seed=9), user="anna")
        rec = repo.open_examination(ids.examination_id)
        assert not repo.blobs.root.exists() or not any(repo.blobs.root.rglob("*"))
        white = repo.capture_of(rec).images[Light.WHITE]
        assert np.array_equal(white, make_examination(seed=9).capture.images[Light.WHITE])
    with pytest.raises(InputError, match="must be one of"):
        BlobStore("cloud")


def test_a_corrupted_image_file_is_refused(repo: CaseRepository) -> None:
    ids = repo.store_examination(make_examination(seed=2), user="anna")
    rec = repo.open_examination(ids.examination_id)
    ref = rec.images[0]
    repo.blobs.path_of(ref.sha256).write_bytes(b"not the image")
    with pytest.raises(StorageError, match="corrupt"):
        repo.blob(ref.sha256)
    repo.blobs.path_of(ref.sha256).unlink()
    with pytest.raises(StorageError, match="missing"):
        repo.blob(ref.sha256)


def test_reports_are_stored_and_audited(repo: CaseRepository) -> None:
    ids = repo.store_examination(make_examination(), user="anna")
    report = repo.store_report(ids.examination_id, b"%PDF-1.7 test", user="anna", signed=True,
                               signer="CN=Anna")
    rec = repo.open_examination(ids.examination_id)
    assert rec.reports == (report,)
    assert repo.blob(report.sha256) == b"%PDF-1.7 test"
    last = repo.audit_events(newest_first=True, limit=1)[0]
    assert last.action == "report.signed" and last.sha256 == report.sha256
    with pytest.raises(InputError, match="no examination"):
        repo.store_report(999, b"%PDF", user="anna")


def test_record_event_for_other_packages(repo: CaseRepository) -> None:
    event = repo.record_event("specimen.imported", "specimen:UTO-P-2020", user="anna",
                              sha256="ab" * 32, details={"title": "Utopia"})
    assert event.seq == 1 and event.details == {"title": "Utopia"}
    assert repo.verify_audit().ok


def test_unknown_examination(repo: CaseRepository) -> None:
    with pytest.raises(InputError, match="no examination with id 42"):
        repo.open_examination(42)
    with pytest.raises(InputError, match="no case"):
        repo.get_case(42)


def test_audit_hook_for_reports(repo: CaseRepository) -> None:
    ids = repo.store_examination(make_examination(), user="anna", case_ref="R-9")
    hook = repo.audit_hook("sam")
    hook("report.countersigned", {"report": "r1.pdf", "case_ref": "R-9", "sha256": "c" * 64})
    hook("report.returned", {"report": "r2.pdf", "examination_id": ids.examination_id})
    hook("report.submitted_for_review", {"report": "r3.pdf", "case_ref": "unknown"})
    events = repo.audit_events(newest_first=True, limit=3)
    assert [(e.action, e.subject) for e in reversed(events)] == [
        ("report.countersigned", f"case:{ids.case_id}"),
        ("report.returned", f"examination:{ids.examination_id}"),
        ("report.submitted_for_review", "report:r3.pdf")]
    assert events[2].sha256 == "c" * 64 and events[2].actor == "sam"
    assert repo.verify_audit().ok


def test_simultaneous_saves_one_wins_one_conflicts(db_url: str) -> None:
    """Two workstations save the same version at the same moment: never a lost update."""
    import threading

    with CaseRepository.open(db_url) as one, CaseRepository.open(db_url) as two:
        ids = one.store_examination(make_examination(), user="anna")
        base = one.open_examination(ids.examination_id)
        start = threading.Barrier(2)
        outcome: dict[str, str] = {}

        def save(repo: CaseRepository, who: str, conclusion: Conclusion) -> None:
            start.wait()
            try:
                repo.save_findings(base.id, Findings(conclusion=conclusion, text=who),
                                   expected_version=base.version, user=who)
                outcome[who] = "saved"
            except ConflictError:
                outcome[who] = "conflict"

        threads = [threading.Thread(target=save, args=(one, "anna", Conclusion.FORGED)),
                   threading.Thread(target=save, args=(two, "bert", Conclusion.NO_ANOMALY))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert sorted(outcome.values()) == ["conflict", "saved"]
        winner = next(w for w, o in outcome.items() if o == "saved")
        final = one.open_examination(base.id)
        assert final.version == 2 and final.findings is not None
        assert final.findings.text == winner
        assert one.verify_audit().ok
