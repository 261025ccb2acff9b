"""The ghost image: a second, small picture of the holder that must repeat the portrait.

A ghost image is printed, engraved or luminescent, under the light the specimen names
(``ghost_of:portrait`` under white, UV or IR). It must repeat the page's own portrait
where and as the specimen's ghost repeats the specimen's portrait — the same scale and
place in its frame, a positive or a negative — so that it correlates with it
(``ghost_correlation``) and its tones follow the portrait's through one tone curve
(``ghost_residual``: a ghost made of another face puts hair, skin and clothes at other
places or in another order of tones, however alike the type's outlines are). A
substituted portrait, or a ghost made of another face, breaks it; a ghost of a lookalike
face does not (what the ghost's resolution cannot show, no measure shows).
"""

from __future__ import annotations

from workstation.examination import thresholds as T
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

CHECK = "ghost.portrait"
#: The measures held (``ghost_margin`` and ``ghost_identity`` are reported, not held).
MEASURES = ("ghost_correlation", "ghost_residual")


@check(CHECK, title=QT_TRANSLATE_NOOP("check titles", "ghost image repeats the portrait"),
       lights=(Light.WHITE,), expect=Expect.GHOST_OF)
def ghost(ctx: ExamContext) -> list[CheckResult]:
    """Each ``ghost_of`` zone repeats the zone it names (GHOST_MISMATCH otherwise)."""
    pairs = zone_checks(ctx, Expect.GHOST_OF)
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", message("NO_ZONE.ghost"))]
    out: list[CheckResult] = []
    for zone, c, fm in measured(ctx, CHECK, pairs, out):
        # before the specimen learned its residual: over what its own pair leaves
        own = fm.facts.get("specimen_residual")
        priors: dict[str, tuple[float | None, float | None]] | None = None
        if isinstance(own, float):
            priors = {"ghost_residual": (None, own + T.GHOST_MAX_RESIDUAL_OVER_SPECIMEN)}
        js = hold(zone, c.light, fm.measures, MEASURES, priors)
        ev = feature_evidence(ctx, zone, tuple(dict.fromkeys((c.light, Light.WHITE))), fm)
        label = zone_term(zone.label or zone.id)
        of = zone_term(c.target or "portrait")
        bad = [j for j in js if not j.ok]
        code = "GHOST_MISMATCH" if bad else "GHOST_MATCHES"
        out.append(scored(CHECK, zone, c.light, js, code=code,
                          text=message(code, zone=label, of=of), fm=fm, evidence=ev))
    return out
