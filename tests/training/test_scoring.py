"""Scoring an answer against the truth, and a course's figures per kind and light."""

from __future__ import annotations

from workstation.training import Mark, Response, Truth, Verdict, score_course, score_item
from workstation.types import Light

EMBLEM = Truth(kind="uv_feature_erased", rect_mm=(89.0, 21.0, 22.0, 22.0), lights=(Light.UV,))
REPRINT = Truth(kind="reprint_office_paper", rect_mm=None, lights=(Light.UV,))
GENUINE = Truth(kind=None)


def test_a_genuine_document_scores_only_when_called_genuine() -> None:
    assert score_item(0, "D", GENUINE, Response(Verdict.GENUINE)).points == 1.0
    wrong = score_item(0, "D", GENUINE, Response(Verdict.FORGED, "photo_swap"))
    assert (wrong.points, wrong.correct) == (0.0, False)
    unsure = score_item(0, "D", GENUINE, Response(Verdict.UNSURE))
    assert (unsure.points, unsure.correct) == (0.0, False)


def test_a_forgery_scores_for_the_call_the_kind_and_the_place() -> None:
    on_it = Mark((100.0, 30.0, 5.0, 5.0), Light.UV)
    near = Mark((112.5, 30.0, 5.0, 5.0), Light.WHITE)  # 1.5 mm right of the area
    far = Mark((10.0, 70.0, 5.0, 5.0), Light.UV)
    full = score_item(1, "D", EMBLEM, Response(Verdict.FORGED, "uv_feature_erased", (on_it,)))
    assert (full.points, full.kind_correct, full.located, full.light_right) == \
        (1.0, True, True, True)
    wrong_light = score_item(1, "D", EMBLEM, Response(Verdict.FORGED, "uv_feature_erased",
                                                      (near,)))
    assert (wrong_light.located, wrong_light.light_right) == (True, False)
    elsewhere = score_item(1, "D", EMBLEM, Response(Verdict.FORGED, "photo_swap", (far,)))
    assert (elsewhere.points, elsewhere.kind_correct, elsewhere.located) == (0.5, False, False)
    missed = score_item(1, "D", EMBLEM, Response(Verdict.GENUINE, None, (on_it,)))
    assert (missed.points, missed.correct, missed.located) == (0.0, False, False)


def test_a_whole_page_forgery_counts_the_kind_twice_and_no_place() -> None:
    right = score_item(2, "D", REPRINT, Response(Verdict.FORGED, "reprint_office_paper"))
    assert (right.points, right.located) == (1.0, None)
    assert score_item(2, "D", REPRINT, Response(Verdict.FORGED, "photo_swap")).points == 0.5


def test_the_course_figures_per_kind_and_light() -> None:
    items = [score_item(0, "D", GENUINE, Response(Verdict.GENUINE, seconds=10)),
             score_item(1, "D", GENUINE, Response(Verdict.FORGED, "photo_swap", seconds=20)),
             score_item(2, "D", EMBLEM, Response(Verdict.FORGED, "uv_feature_erased", seconds=5)),
             score_item(3, "D", REPRINT, Response(Verdict.UNSURE, seconds=5))]
    course = score_course(items)
    assert course.per_kind["genuine"].documents == 2 and course.per_kind["genuine"].detected == 1
    assert course.per_kind["uv_feature_erased"].rate == 1.0
    assert course.per_kind["reprint_office_paper"].rate == 0.0
    assert course.per_light[Light.UV].documents == 2 and course.per_light[Light.UV].detected == 1
    assert (course.false_alarms, course.missed, course.unsure) == (1, 0, 1)
    assert course.seconds == 40 and course.points == 1.0 + 0.75
    assert not course.passed and course.to_json()["items"][2]["truth_kind"] == "uv_feature_erased"
