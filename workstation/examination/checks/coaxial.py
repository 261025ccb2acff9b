"""Coaxial light: the laminate's retro-reflective pattern.

Light along the camera's axis comes back from retro-reflective beads of a security
laminate far more than from paper: the pattern is bright under coaxial light and absent
in diffuse white light. What the coaxial image shows beyond a linear function of the
white image (:func:`~workstation.examination.feature_measures.retro_pattern`) is
compared with the specimen's; a laminate without the pattern, or no laminate, leaves
only the print.
"""

from __future__ import annotations

from workstation.examination.checks.feature_common import (
    feature_evidence,
    hold,
    measured,
    scored,
    zone_checks,
)
from workstation.examination.messages import message, zone_term
from workstation.examination.registry import ExamContext, check, skipped
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import CheckResult, Expect, Light

CHECK = "coaxial.pattern"
_C = Light.COAXIAL


@check(CHECK, title=QT_TRANSLATE_NOOP(
    "check titles", "retro-reflective laminate pattern under coaxial light"),
    lights=(_C,), expect=Expect.RETROREFLECTIVE)
def pattern(ctx: ExamContext) -> list[CheckResult]:
    """Each ``retroreflective`` zone shows the specimen's laminate pattern under coaxial
    light (RETROREFLECTIVE_ABSENT otherwise)."""
    pairs = zone_checks(ctx, Expect.RETROREFLECTIVE, (_C,))
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", message("NO_ZONE.retroreflective"))]
    out: list[CheckResult] = []
    for zone, _c, fm in measured(ctx, CHECK, pairs, out):
        js = hold(zone, _C, fm.measures, ("retro_strength", "retro_correlation"))
        ev = feature_evidence(ctx, zone, (_C, Light.WHITE), fm)
        label = zone_term(zone.label or zone.id)
        code = ("RETROREFLECTIVE_ABSENT" if any(not j.ok for j in js)
                else "RETROREFLECTIVE_PRESENT")
        out.append(scored(CHECK, zone, _C, js, code=code, text=message(code, zone=label),
                          fm=fm, evidence=ev))
    return out
