"""Course files: the ready courses load; a bad one is refused with a one-line reason."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workstation.errors import FormatError, InputError
from workstation.specimens.edit_model import Layout
from workstation.specimens.edits import KINDS
from workstation.specimens.render import DOCUMENTS, specimen_for
from workstation.training import (
    Course,
    load_course,
    plan_course,
    ready_course_files,
    ready_courses,
    write_course,
)

GOOD: dict[str, Any] = {"format": "workstation-course/1", "id": "t-1", "title": "A test",
                        "documents": ["UTO-P-2020"], "forgeries": ["uv_feature_erased"],
                        "count": 4}


def _write(tmp_path: Path, obj: Any) -> Path:
    p = tmp_path / "course.json"
    p.write_text(json.dumps(obj), encoding="utf-8")
    return p


def test_the_ready_courses_load_and_cover_every_forgery_kind() -> None:
    courses = ready_courses(documents=DOCUMENTS)
    assert len(courses) == len(ready_course_files()) >= 5
    assert len({c.id for c in courses}) == len(courses)
    assert {k for c in courses for k in c.forgeries} == set(KINDS)
    layouts = {d: Layout.from_specimen(specimen_for(d, 100.0)) for d in DOCUMENTS}
    for course in courses:
        plans = plan_course(course, layouts)
        assert len(plans) == course.count
        assert any(p.kind is None for p in plans) and any(p.kind for p in plans)


@pytest.mark.parametrize(("change", "reason"), [
    ({"documents": ["XXX-P-1999"]}, "unknown document 'XXX-P-1999'"),
    ({"forgeries": ["hologram_peeled"]}, "unknown forgery kind 'hologram_peeled'"),
    ({"lights": ["white", "x-ray"]}, "unknown light 'x-ray'"),
    ({"lights": ["uv"]}, "lights must include white"),
    ({"count": 0}, "count must be a whole number from 1 to 200"),
    ({"count": True}, "count must be a whole number"),
    ({"difficulty": 1.5}, "difficulty must be a number from 0 to 1"),
    ({"genuine_share": float("nan")}, "genuine_share must be a number"),
    ({"format": "workstation-course/9"}, "format must be"),
    ({"colour": "blue"}, "unknown key 'colour'"),
    ({"id": "a b"}, "id must be letters"),
    ({"debrief": "never"}, "debrief must be 'each' or 'end'"),
])
def test_a_bad_course_is_refused_with_a_one_line_reason(tmp_path: Path, change: dict[str, Any],
                                                       reason: str) -> None:
    path = _write(tmp_path, {**GOOD, **change})
    with pytest.raises(FormatError) as err:
        load_course(path, documents=DOCUMENTS)
    message = str(err.value)
    assert reason in message and str(path) in message and "\n" not in message


def test_not_json_and_not_a_file_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(FormatError, match="not JSON"):
        load_course(bad, documents=DOCUMENTS)
    with pytest.raises(InputError, match="not a file"):
        load_course(tmp_path, documents=DOCUMENTS)
    del GOOD["count"]
    try:
        with pytest.raises(FormatError, match="count is missing"):
            load_course(_write(tmp_path, GOOD), documents=DOCUMENTS)
    finally:
        GOOD["count"] = 4


def test_a_course_saved_by_the_editor_reads_back_the_same(tmp_path: Path) -> None:
    course = load_course(_write(tmp_path, {**GOOD, "description": "Монгол улсын паспорт"}),
                         documents=DOCUMENTS)
    out = write_course(course, tmp_path / "saved.json")
    again = load_course(out, documents=DOCUMENTS)
    assert again == course and again.description == "Монгол улсын паспорт"


def test_a_course_whose_forgery_its_lights_cannot_show_does_not_plan() -> None:
    layouts = {d: Layout.from_specimen(specimen_for(d, 100.0)) for d in DOCUMENTS}
    course = Course(id="x", title="x", documents=("UTO-P-2020",),
                    forgeries=("uv_feature_erased",), count=3, lights=())
    with pytest.raises(InputError, match="shows only under uv"):
        plan_course(course, layouts)


def test_the_plan_is_the_same_for_the_same_course_and_spreads_the_kinds() -> None:
    layouts = {d: Layout.from_specimen(specimen_for(d, 100.0)) for d in DOCUMENTS}
    course = Course(id="spread", title="s", documents=DOCUMENTS,
                    forgeries=("uv_feature_erased", "mrz_char_edited", "photo_swap"), count=10,
                    genuine_share=0.4)
    a, b = plan_course(course, layouts), plan_course(course, layouts)
    assert a == b
    kinds = [p.kind for p in a if p.kind]
    assert len(kinds) == 6 and {kinds.count(k) for k in set(kinds)} == {2}
    other = plan_course(Course(**{**course.__dict__, "seed": 2}), layouts)
    assert [p.seed for p in other] != [p.seed for p in a]


def test_the_command_line_lists_checks_and_refuses(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from workstation.cli import main

    assert main(["train", "courses", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in listed][:2] == ["01-uv-paper", "02-infrared"]
    good = _write(tmp_path, GOOD)
    assert main(["train", "check", str(good)]) == 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**GOOD, "forgeries": ["laser_burn"]}), encoding="utf-8")
    capsys.readouterr()
    assert main(["train", "check", str(good), str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("workstation: error: ") and "laser_burn" in err and "\n" not in err
    assert main(["train", "progress", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
