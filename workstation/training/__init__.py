"""The trainer (issue 25): courses of genuine and forged documents, the trainee's
answers scored against the ground truth, records in the case database and a
signed certificate. No Qt here; :mod:`workstation.session.trainer` runs a course
and the window shows it.
"""

from workstation.training.course import (
    COURSE_FORMAT,
    Course,
    load_course,
    parse_course,
    ready_course_files,
    ready_courses,
    write_course,
)
from workstation.training.exercise import (
    KIND_LABELS,
    ItemPlan,
    Truth,
    forge,
    plan_course,
    revealing_lights,
    specimen_capture,
    straighten,
    wear,
)
from workstation.training.scoring import (
    PASS_MARK,
    CourseScore,
    ItemScore,
    Mark,
    Response,
    Verdict,
    score_course,
    score_item,
)

__all__ = [
    "COURSE_FORMAT", "KIND_LABELS", "PASS_MARK", "Course", "CourseScore", "ItemPlan",
    "ItemScore", "Mark", "Response", "Truth", "Verdict", "forge", "load_course",
    "parse_course", "plan_course", "ready_course_files", "ready_courses", "revealing_lights",
    "score_course", "score_item", "specimen_capture", "straighten", "wear", "write_course",
]
