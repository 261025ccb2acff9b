"""Findings save themselves: coalesced, one save at a time, never over another's save."""

from __future__ import annotations

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository
from workstation.findings import Conclusion, Findings
from workstation.session.autosave import FindingsAutosaver
from workstation.session.jobs import QueueRunner


def test_autosave_coalesces_and_reports_conflicts(repo: CaseRepository) -> None:
    runner = QueueRunner()
    ids = repo.store_examination(make_examination(), user="anna")
    mine = FindingsAutosaver(lambda: repo, lambda: "anna", runner, delay_ms=20)
    theirs = FindingsAutosaver(lambda: repo, lambda: "bert", runner, delay_ms=20)
    saved: list[int] = []
    conflicts: list[str] = []
    mine.saved.connect(lambda rec: saved.append(rec.version))
    theirs.conflicted.connect(conflicts.append)
    mine.load(repo.open_examination(ids.examination_id))
    theirs.load(repo.open_examination(ids.examination_id))

    for text in ("p", "po", "portrait lifted"):  # three quick edits, one save
        mine.changed(Findings(conclusion=Conclusion.FORGED, text=text))
        runner.advance(5)
    assert saved == [] and mine.pending
    runner.advance(20)
    assert saved == [2] and not mine.pending
    mine.changed(Findings(conclusion=Conclusion.FORGED, text="portrait lifted, relaminated"))
    mine.flush()  # at once (before closing or concluding)
    runner.run_pending()
    assert saved == [2, 3]
    stored = repo.open_examination(ids.examination_id)
    assert stored.findings is not None and stored.findings.text.endswith("relaminated")

    theirs.changed(Findings(conclusion=Conclusion.NO_ANOMALY))  # read at version 1
    runner.settle()
    assert len(conflicts) == 1 and theirs.blocked and "changed elsewhere" in conflicts[0]
    theirs.changed(Findings(conclusion=Conclusion.NO_ANOMALY))
    assert not theirs.pending  # blocked until reloaded
    after = repo.open_examination(ids.examination_id)
    assert after.summary.conclusion is Conclusion.FORGED and after.version == 3
    theirs.load(after)
    theirs.changed(Findings(conclusion=Conclusion.NO_ANOMALY, text="after reload"))
    runner.settle()
    assert repo.open_examination(ids.examination_id).version == 4


def test_a_save_while_one_runs_follows_it(repo: CaseRepository) -> None:
    runner = QueueRunner()
    ids = repo.store_examination(make_examination(), user="anna")
    saver = FindingsAutosaver(lambda: repo, lambda: "anna", runner, delay_ms=10)
    saver.load(repo.open_examination(ids.examination_id))
    saver.changed(Findings(text="one"))
    saver.flush()  # the save is submitted, not yet run
    saver.changed(Findings(text="two"))
    saver.flush()  # waits for the running save: no second save with the same version
    assert runner.names.count("Saving the findings") == 1
    runner.settle()
    assert runner.names.count("Saving the findings") == 2
    stored = repo.open_examination(ids.examination_id)
    assert stored.version == 3 and stored.findings is not None and stored.findings.text == "two"
