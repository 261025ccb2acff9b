"""Short-wave UV (254 nm): the second set of luminescent inks.

Some prints glow only under short-wave UV; the inks a forger finds glow under 365 nm
and stay dark at 254 nm. Each zone expecting ``luminescent`` under ``uv254`` must glow
above its own substrate as the specimen's does (exposure does not matter: the glow is
measured against the zone's own substrate), with the specimen's pattern and colour.
"""

from __future__ import annotations

from workstation.examination.checks.feature_common import (
    failing,
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

CHECK = "uv254.luminescent"
_U = Light.UV254
#: The measures held, and the message of each when it fails.
MEASURES = {"uv254_glow": "UV254_ELEMENT_ABSENT.glow",
            "uv254_correlation": "UV254_ELEMENT_ABSENT.pattern",
            "uv254_hue_difference": "UV254_ELEMENT_ABSENT.colour"}


@check(CHECK, title=QT_TRANSLATE_NOOP(
    "check titles", "short-wave UV (254 nm) luminescent features present"),
    lights=(_U,), expect=Expect.LUMINESCENT)
def luminescent254(ctx: ExamContext) -> list[CheckResult]:
    """Each zone luminescent under UV 254 glows with the specimen's pattern and colour
    (UV254_ELEMENT_ABSENT otherwise)."""
    pairs = zone_checks(ctx, Expect.LUMINESCENT, (_U,))
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", message("NO_ZONE.uv254"))]
    out: list[CheckResult] = []
    for zone, _c, fm in measured(ctx, CHECK, pairs, out):
        js = hold(zone, _U, fm.measures, tuple(MEASURES))
        ev = feature_evidence(ctx, zone, (_U, Light.UV), fm)
        label = zone_term(zone.label or zone.id)
        bad = failing(js)
        if bad:
            out.append(scored(CHECK, zone, _U, js, code="UV254_ELEMENT_ABSENT",
                              text=message(MEASURES[bad[0].measure], zone=label), fm=fm,
                              evidence=ev))
        else:
            out.append(scored(CHECK, zone, _U, js, code="UV254_ELEMENT_PRESENT",
                              text=message("UV254_ELEMENT_PRESENT", zone=label), fm=fm,
                              evidence=ev))
    return out
