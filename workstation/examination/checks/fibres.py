"""UV fibres: the security fibres of the paper, counted and coloured per area.

Fibres are thin, isolated, glowing threads a few millimetres long, scattered through
the paper (the specimen's printed luminescent features are left out of the count).
Their density and the mix of their colours must fall within the specimen's statistics;
fibres embedded in the paper are dimmed where dark print lies over them, fibres printed
on the surface are not.
"""

from __future__ import annotations

from workstation.examination import thresholds as T
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

CHECK = "uv.fibres"
_U = Light.UV
#: The measures held, and the code of each when it fails.
MEASURES = {"fibre_density": "FIBRES_DENSITY", "fibre_colour_distance": "FIBRES_COLOURS",
            "fibre_overprint": "FIBRES_ON_SURFACE"}


@check(CHECK, title=QT_TRANSLATE_NOOP("check titles", "security fibres: density and colours"),
       lights=(_U,), expect=Expect.FIBRES)
def fibres(ctx: ExamContext) -> list[CheckResult]:
    """Each ``fibres`` zone holds the specimen's density and colour mix of fibres,
    embedded in the paper (FIBRES_DENSITY, FIBRES_COLOURS, FIBRES_ON_SURFACE). Before
    the specimen learned its density, the prior range is a share of the density the
    specimen's own image shows (:data:`~.thresholds.FIBRE_MIN_DENSITY_SHARE` ..
    :data:`~.thresholds.FIBRE_MAX_DENSITY_SHARE`)."""
    pairs = zone_checks(ctx, Expect.FIBRES, (_U,))
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", message("NO_ZONE.fibres"))]
    out: list[CheckResult] = []
    for zone, _c, fm in measured(ctx, CHECK, pairs, out):
        m = fm.measures
        base = float(fm.facts.get("specimen_density", m["fibre_density"]))
        js = hold(zone, _U, m, tuple(MEASURES), priors={"fibre_density": (
            T.FIBRE_MIN_DENSITY_SHARE * base, T.FIBRE_MAX_DENSITY_SHARE * base)})
        ev = feature_evidence(ctx, zone, (_U, Light.WHITE), fm)
        label = zone_term(zone.label or zone.id)
        n = fm.facts.get("fibres", 0)
        bad = failing(js)
        code = MEASURES[bad[0].measure] if bad else "FIBRES_AS_SPECIMEN"
        text = (message(code, zone=label)
                if code in ("FIBRES_COLOURS", "FIBRES_ON_SURFACE")
                else message(code, zone=label, count=n, density=m["fibre_density"]))
        out.append(scored(CHECK, zone, _U, js, code=code, text=text, fm=fm, evidence=ev))
    return out
