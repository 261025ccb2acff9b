"""Microprint: lines of tiny text, resolved as text and not reduced to a plain line.

Microprint is judged at the capture's own density (the straightened page, not the
work density), against the specimen's line brought to that density. It needs enough
pixels per character: below :data:`~workstation.examination.feature_zone.
MICROPRINT_PX_PER_PERIOD` pixels per character pitch (the pitch measured on the
specimen) the check is ``skipped`` and says which density it needs.

Between that and :data:`~workstation.examination.feature_zone.
MICROPRINT_PX_PER_LETTER_PERIOD` pixels per pitch the line's detail is measured: a
plain or blurred line fails, but a line that looks like the specimen's is ``skipped``
(``RESOLUTION_TOO_LOW``, the density its letters need named), never ``pass``: at such a
density a halftone reprint keeps the genuine line's detail. Likewise when the
specimen's own image is too coarse to show the letters.

At or above that density (a reader's high-density mode) the specimen's letters must also
be found along the line (``microprint_letters``): a halftone reprint's screen dots break
their strokes, and only then does the line pass.
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
from workstation.types import CheckResult, CheckStatus, Expect, Light

CHECK = "white.microprint"
#: The measures held: the line's fine structure (any density where the pitch shows) and,
#: where the letters are resolved, the specimen's letters found along it.
MEASURES = ("microprint_detail", "microprint_letters")


@check(CHECK, title=QT_TRANSLATE_NOOP("check titles", "microprint resolved as text"),
       lights=(Light.WHITE,), expect=Expect.MICROPRINT)
def microprint(ctx: ExamContext) -> list[CheckResult]:
    """Each ``microprint`` zone shows the specimen's fine text along the line
    (MICROPRINT_DEGRADED: a plain or blurred line; RESOLUTION_TOO_LOW, skipped: the
    capture is too coarse to tell)."""
    pairs = zone_checks(ctx, Expect.MICROPRINT)
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", message("NO_ZONE.microprint"))]
    out: list[CheckResult] = []
    for zone, c, fm in measured(ctx, CHECK, pairs, out):
        js = hold(zone, c.light, fm.measures, MEASURES)
        ev = feature_evidence(ctx, zone, (c.light,), fm)
        label = zone_term(zone.label or zone.id)
        dpi = float(fm.facts.get("dpi", 0.0) or 0.0)
        letters = float(fm.facts.get("letters_dpi", 0.0) or 0.0)
        spec_dpi = float(fm.facts.get("specimen_dpi", dpi) or dpi)
        status = None
        if any(not j.ok for j in js):
            text = message("MICROPRINT_DEGRADED", zone=label)
            code = "MICROPRINT_DEGRADED"
        elif min(dpi, spec_dpi) < letters:
            # looks like the specimen's, but a reprint would too at this density (or the
            # specimen's image cannot show the letters either: its pitch is then a guess)
            key = ("RESOLUTION_TOO_LOW:microprint" if dpi < letters
                   else "RESOLUTION_TOO_LOW:microprint_specimen")
            text = message(key, zone=label, dpi=min(dpi, spec_dpi), needed=letters,
                           pitch=float(fm.facts.get("period_mm", 0.0) or 0.0))
            code, status = "RESOLUTION_TOO_LOW", CheckStatus.SKIPPED
        else:
            text = message("MICROPRINT_RESOLVED", zone=label, dpi=dpi)
            code = "MICROPRINT_RESOLVED"
        out.append(scored(CHECK, zone, c.light, js, code=code, text=text, fm=fm, evidence=ev,
                          status=status))
    return out
