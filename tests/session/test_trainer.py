"""The trainer in the session layer: a scripted trainee through a 10-document course —
answers, scores and debriefs right, results stored apart from casework, a certificate
that `workstation report verify` accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.accounts import enrol
from tests.session.conftest import Events
from tests.ui.fakes import fake_examine
from workstation.cases import CaseRepository
from workstation.cli import main
from workstation.errors import InputError
from workstation.paths import data_dir
from workstation.session.jobs import QueueRunner
from workstation.session.trainer import Completion, Debrief, Exercise, TrainerSession, certify
from workstation.specimens.library import SpecimenLibrary
from workstation.training import Mark, Verdict, load_course, ready_course_files
from workstation.training.records import TrainingStore
from workstation.types import Light


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def _course(name: str) -> Path:
    return next(p for p in ready_course_files() if p.name.startswith(name))


def test_a_scripted_trainee_through_ten_documents(repo: CaseRepository,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    library = SpecimenLibrary()
    course = load_course(_course("01-"), documents=library.ids())
    assert course.count == 10
    runner, clock = QueueRunner(), Clock()
    session = TrainerSession(runner, course, trainee="tina", library=library, repository=repo,
                             examine=fake_examine, clock=clock, dpi=100.0)
    events = Events(session, "itemReady", "debriefReady", "finished", "failed")
    session.start()
    runner.settle()
    expected_points = 0.0
    while True:
        ex = session.current
        assert isinstance(ex, Exercise) and ex.number == len(session.debriefs) + 1
        assert session.examination_shown() is None  # the checks stay locked
        assert set(ex.page) == {Light.WHITE, Light.UV}  # the course's lights only
        assert ex.page[Light.WHITE].shape[:2] == ex.specimen.size_px
        clock.t += 30.0 + ex.plan.index
        truth = ex.truth
        if ex.plan.index not in (1, 3):  # the right answer, marked where it shows
            if truth.forged:
                marks = () if truth.rect_mm is None else (Mark(truth.rect_mm, truth.lights[0]),)
                session.answer(Verdict.FORGED, kind=truth.kind, marks=marks)
            else:
                session.answer(Verdict.GENUINE)
            expected_points += 1.0
        else:  # documents 2 and 4: "genuine" whatever they are
            session.answer("genuine")
            expected_points += 0.0 if truth.forged else 1.0
        runner.settle()
        if not session.next():
            break
        runner.settle()
    runner.settle()
    assert events.of("failed") == []
    assert len(events.of("itemReady")) == 10
    debriefs = session.debriefs
    assert [d.score.index for d in debriefs] == list(range(10))
    # every debrief got the automated checks' evidence after the answer
    assert all(isinstance(d, Debrief) and d.examination is not None for d in debriefs)
    assert [d.score.truth.kind for d in debriefs] == [p.kind for p in session.plans]
    assert [d.score.response.seconds for d in debriefs] == [30.0 + i for i in range(10)]
    for d in debriefs:
        if d.score.index in (1, 3) and d.score.truth.forged:
            assert (d.score.correct, d.score.points) == (False, 0.0)
    (done,) = events.of("finished")
    assert isinstance(done, Completion) and done.run is not None
    assert done.score.points == pytest.approx(expected_points)
    forged = [p for p in session.plans if p.kind]
    assert done.score.missed == sum(1 for p in forged if p.index in (1, 3))
    assert done.score.false_alarms == 0
    # stored under the trainee, never as casework
    store = TrainingStore(repo)
    (run,) = store.runs("tina")
    assert run.share == pytest.approx(expected_points / 10) and run.documents == 10
    assert repo.search() == [] and store.trainees() == ["tina"]
    assert repo.audit_events(subjects=(f"training:{run.run_uid}",))[0].action == \
        "training.completed"
    # a certificate when passed, verified by the command line
    instructor = enrol(repo, "ines", "supervisor", display_name="Ines Instructor")
    assert run.passed
    with pytest.raises(InputError, match="does not sign their own"):
        certify(done.run, instructor.identity, repository=repo, signer="tina")
    pdf = certify(done.run, instructor.identity, repository=repo,
                  signer="ines", trainee_display="Tina Trainee", office="Zamyn-Uud")
    out = Path(data_dir()) / "certificate.pdf"
    out.write_bytes(pdf)
    capsys.readouterr()
    assert main(["report", "verify", str(out), "--json"]) == 0
    (verdict,) = json.loads(capsys.readouterr().out)
    assert (verdict["intact"], verdict["trusted"], verdict["signer"]) == \
        (True, True, "Ines Instructor")
    assert store.runs("tina")[0].certificate_sha256 is not None


def test_answers_out_of_turn_are_refused_and_the_time_limit_ends_the_course(
        repo: CaseRepository) -> None:
    library = SpecimenLibrary()
    course = load_course(_course("04-"), documents=library.ids())
    runner, clock = QueueRunner(), Clock()
    session = TrainerSession(runner, course, trainee="tina", library=library, repository=None,
                             examine=fake_examine, clock=clock, dpi=100.0)
    finished = Events(session, "finished")
    with pytest.raises(InputError, match="no document"):
        session.answer(Verdict.GENUINE)
    session.start()
    runner.settle()
    with pytest.raises(InputError, match="not one of this course"):
        session.answer(Verdict.FORGED, kind="uv_feature_erased")
    session.answer(Verdict.GENUINE)
    clock.t += course.time_limit_s + 1
    assert session.time_left_s() == 0.0
    assert session.next() is False
    runner.settle()
    (done,) = finished.of("finished")
    assert done.timed_out and len(done.score.items) == course.count
    assert done.score.unsure == course.count - 1
    with pytest.raises(InputError):
        session.answer(Verdict.GENUINE)
    with pytest.raises(InputError, match="not stored"):
        certify(done.run, object(), repository=None, signer="sue")
