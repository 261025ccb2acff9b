"""Both faces without a window: the back captured (turned by the simulator, or as it lies
on another reader), stored with the draft, examined again, shown on request; marks on
the back name the back."""

from __future__ import annotations

import pytest

from tests.session.conftest import Events, examined
from tests.ui.fakes import FakeReader
from workstation.cases import CaseRepository
from workstation.hardware.simulated import SimulatedReader
from workstation.session.examination import ExaminationSession
from workstation.session.faces import FaceSession, turns_itself
from workstation.session.jobs import QueueRunner
from workstation.session.viewer import Origin, SourceKey, Tool
from workstation.types import Light


def test_back_as_it_lies_on_a_reader_that_cannot_turn(work: ExaminationSession,
                                                       runner: QueueRunner,
                                                       repo: CaseRepository) -> None:
    examined(work, runner)
    faces = FaceSession(work, runner)
    events = Events(faces, "backCaptured", "faceShown", "failed")
    work_events = Events(work, "extended", "examined")
    reader = FakeReader()
    assert not turns_itself(reader)
    assert faces.faces() == ["front"]
    assert faces.capture_back(reader) is not None
    runner.settle()
    assert not events.of("failed")
    assert events.of("faceShown") == ["back"] and faces.face == "back"
    assert work.capture_set is not None and work.capture_set.back is not None
    assert work_events.of("extended") and len(work_events.of("examined")) == 1
    assert faces.faces() == ["front", "back"]
    assert {k.origin for k in work.viewer.sources} == {Origin.BACK}
    assert work.viewer.questioned is Origin.BACK
    # stored with the draft
    assert work.record is not None
    stored = repo.capture_of(repo.open_examination(work.record.id))
    assert stored.back is not None and stored.back.lights == work.capture_set.back.lights
    # the report may show the back's images, by their human names
    labels = dict(work.report_image_choices())
    assert labels["back:uv"] == "Back of the document — UV 365 nm"
    # the front again: the registered capture beside the specimen
    assert faces.show("front")
    assert {k.origin for k in work.viewer.sources} == {Origin.CAPTURE, Origin.SPECIMEN}
    faces.toggle()
    assert faces.face == "back"


def test_a_mark_on_the_back_names_the_back(work: ExaminationSession,
                                           runner: QueueRunner) -> None:
    examined(work, runner)
    faces = FaceSession(work, runner)
    faces.capture_back(FakeReader())
    runner.settle()
    v = work.viewer
    image, _point, _dpi = v.annotation_target(SourceKey(Origin.BACK, Light.WHITE), 10, 10)
    assert image == "back:white"
    work.annotator.set_tool(Tool.RULER)
    work.annotator.click(10, 10, image=image, dpi=100)
    ann = work.annotator.click(60, 10, image=image, dpi=100)
    assert ann is not None
    pane = v.panes()[0]
    assert v.annotations_for(pane, [ann]) == [ann]  # drawn on the back's panes
    faces.show("front")
    assert v.annotations_for(v.panes()[0], [ann]) == []  # not on the front's


def test_show_back_without_one_says_how(work: ExaminationSession, runner: QueueRunner) -> None:
    examined(work, runner)
    faces = FaceSession(work, runner)
    events = Events(faces, "message")
    assert not faces.show("back")
    assert "Shift+Space" in events.of("message")[0]
    assert faces.face == "front"
    with pytest.raises(ValueError):
        faces.show("side")


def test_back_needs_the_front_first(work: ExaminationSession, runner: QueueRunner) -> None:
    faces = FaceSession(work, runner)
    assert faces.why_not_capture_back(FakeReader()) == "Capture the front first"
    assert faces.capture_back(FakeReader()) is None


@pytest.mark.slow
def test_the_simulator_turns_the_card_and_back(work: ExaminationSession,
                                               runner: QueueRunner) -> None:
    reader = SimulatedReader(document="UTO-ID-2021", seed=4, dpi=150.0)
    work.capture(reader)
    runner.settle()
    faces = FaceSession(work, runner)
    faces.capture_back(reader)
    runner.settle()
    assert reader.face == "front"  # turned back for the next capture
    assert work.capture_set is not None and work.capture_set.back is not None
    back_white = work.capture_set.back.images[Light.WHITE]
    front_white = work.capture_set.images[Light.WHITE]
    assert back_white.shape == front_white.shape and (back_white != front_white).any()


def test_a_document_without_a_back_is_a_one_line_error(work: ExaminationSession,
                                                       runner: QueueRunner) -> None:
    reader = SimulatedReader(document="UTO-P-2020", seed=4, dpi=100.0)
    work.take(FakeReader().capture_all())
    runner.settle()
    faces = FaceSession(work, runner)
    events = Events(faces, "failed")
    faces.capture_back(reader)
    runner.settle()
    (message,) = events.of("failed")
    assert "has no back face" in message and "\n" not in message
    assert reader.face == "front"
    assert work.capture_set is not None and work.capture_set.back is None
