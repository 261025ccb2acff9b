"""What the checks of the optional lights say (issue 22): their result codes with status
and meaning, and their message templates — merged into
:data:`workstation.examination.messages.CODE_TABLE` and ``TEMPLATES`` (a room of its
own so that the general table stays one idea; keys follow the same rules).
"""

from __future__ import annotations

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import CheckStatus

_P, _F, _W, _S = CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.WARN, CheckStatus.SKIPPED

#: The optional lights' result codes: code -> (status, meaning).
LIGHT_CODES: dict[str, tuple[CheckStatus, str]] = {
    "RELIEF_PRESENT": (_P, QT_TRANSLATE_NOOP(
        "codes", "relief under grazing light, turning with the lamp")),
    "RELIEF_ABSENT": (_F, QT_TRANSLATE_NOOP(
        "codes", "no relief where the specimen has some (flat print)")),
    "RELIEF_MISMATCH": (_F, QT_TRANSLATE_NOOP(
        "codes", "relief of another shape, or shading that does not turn with the lamp's "
                 "direction")),
    "AZIMUTH_UNKNOWN": (_S, QT_TRANSLATE_NOOP(
        "codes", "the specimen shows no relief under a lamp direction near the capture's")),
    "WATERMARK_PRESENT": (_P, QT_TRANSLATE_NOOP(
        "codes", "the pattern shows through the sheet, not on it")),
    "WATERMARK_ABSENT": (_F, QT_TRANSLATE_NOOP(
        "codes", "transmitted light does not show the specimen's watermark or see-through "
                 "register")),
    "WATERMARK_PRINTED": (_F, QT_TRANSLATE_NOOP(
        "codes", "the pattern shows in reflected light: printed on the surface")),
    "PERFORATION_MATCH": (_P, QT_TRANSLATE_NOOP(
        "codes", "the holes transmit and spell the MRZ's field")),
    "PERFORATION_PRESENT": (_P, QT_TRANSLATE_NOOP(
        "codes", "the holes transmit (no MRZ to compare with)")),
    "PERFORATION_NOT_PUNCHED": (_F, QT_TRANSLATE_NOOP(
        "codes", "the dots let no light through: printed, not punched")),
    "PERFORATION_MISSING": (_F, QT_TRANSLATE_NOOP(
        "codes", "neither holes nor dots where the specimen has a perforation")),
    "PERFORATION_MISMATCH": (_F, QT_TRANSLATE_NOOP(
        "codes", "the holes spell something else than the MRZ")),
    "PERFORATION_UNREADABLE": (_W, QT_TRANSLATE_NOOP(
        "codes", "the holes transmit but could not be read")),
    "RETROREFLECTIVE_PRESENT": (_P, QT_TRANSLATE_NOOP(
        "codes", "the laminate's pattern shows under coaxial light")),
    "RETROREFLECTIVE_ABSENT": (_F, QT_TRANSLATE_NOOP(
        "codes", "no retro-reflective pattern like the specimen's")),
    "UV254_ELEMENT_PRESENT": (_P, QT_TRANSLATE_NOOP(
        "codes", "a short-wave UV feature glows as the specimen's")),
    "UV254_ELEMENT_ABSENT": (_F, QT_TRANSLATE_NOOP(
        "codes", "a short-wave UV feature does not glow under 254 nm, or in another pattern "
                 "or colour")),
    "FIBRES_AS_SPECIMEN": (_P, QT_TRANSLATE_NOOP(
        "codes", "fibre density and colours as the specimen's, embedded in the paper")),
    "FIBRES_DENSITY": (_F, QT_TRANSLATE_NOOP("codes", "too few or too many fibres")),
    "FIBRES_COLOURS": (_F, QT_TRANSLATE_NOOP(
        "codes", "the fibres' colour mix is not the specimen's")),
    "FIBRES_ON_SURFACE": (_F, QT_TRANSLATE_NOOP(
        "codes", "the fibres are not dimmed by print over them: printed on the surface")),
    "GHOST_MATCHES": (_P, QT_TRANSLATE_NOOP("codes", "the ghost image repeats the portrait")),
    "GHOST_MISMATCH": (_F, QT_TRANSLATE_NOOP(
        "codes", "the ghost image shows another face than the portrait")),
    "MICROPRINT_RESOLVED": (_P, QT_TRANSLATE_NOOP("codes", "the microprint is resolved as text")),
    "MICROPRINT_DEGRADED": (_F, QT_TRANSLATE_NOOP(
        "codes", "a plain or blurred line where microprint belongs")),
    "RESOLUTION_TOO_LOW": (_S, QT_TRANSLATE_NOOP(
        "codes", "the capture is too coarse for the check (the density needed is named)")),
    "NOT_MEASURED": (_S, QT_TRANSLATE_NOOP(
        "codes", "the zone's feature could not be measured (the reason is named)")),
    "NOT_COLOUR": (_S, QT_TRANSLATE_NOOP(
        "codes", "the check needs a colour image and the capture's is grey")),
    "NO_FIBRES_IN_SPECIMEN": (_S, QT_TRANSLATE_NOOP(
        "codes", "the specimen shows no fibres in the zone")),
    "NO_MICROPRINT_IN_SPECIMEN": (_S, QT_TRANSLATE_NOOP(
        "codes", "the specimen shows no microprint line in the zone")),
    "NO_TARGET": (_S, QT_TRANSLATE_NOOP(
        "codes", "the specimen has no zone the ghost image repeats")),
    "NO_GHOST_IN_SPECIMEN": (_S, QT_TRANSLATE_NOOP(
        "codes", "the specimen's own ghost image does not repeat its portrait")),
}

#: The optional lights' message templates by key.
LIGHT_TEMPLATES: dict[str, str] = {
    # -- the lights present -----------------------------------------------------------------
    "LIGHT_MISSING.optional": QT_TRANSLATE_NOOP(
        "checks", "the capture has no {lights} image: the checks under that light cannot run; "
                  "not captured (optional, their checks skipped): {optional}"),
    "LIGHTS_PRESENT.optional": QT_TRANSLATE_NOOP(
        "checks", "white, UV and IR were captured; not captured (optional, their checks "
                  "skipped): {optional}"),
    "LIGHT_MISSING.feature": QT_TRANSLATE_NOOP(
        "checks", "the capture has no {light} image: this check needs it"),
    # -- why a feature was not measured ----------------------------------------------------
    "NOT_MEASURED": QT_TRANSLATE_NOOP("checks", "{zone}: {reason}"),
    "NOT_MEASURED:outside": QT_TRANSLATE_NOOP("checks", "zone outside the page"),
    "NOT_MEASURED:outside_specimen": QT_TRANSLATE_NOOP("checks", "zone outside the specimen"),
    "NOT_MEASURED:azimuth": QT_TRANSLATE_NOOP(
        "checks", "the specimen shows no relief under a lamp near {azimuth:.0f}°"),
    "NOT_MEASURED:fibres_colour": QT_TRANSLATE_NOOP(
        "checks", "fibres are counted on a colour UV image"),
    "NOT_MEASURED:no_fibres": QT_TRANSLATE_NOOP(
        "checks", "the specimen shows no fibres in the zone"),
    "NOT_MEASURED:no_microprint": QT_TRANSLATE_NOOP(
        "checks", "the specimen shows no microprint line in the zone"),
    "NOT_MEASURED:resolution": QT_TRANSLATE_NOOP(
        "checks", "the microprint (character pitch {pitch:.2f} mm) needs at least {needed:.0f} "
                  "dpi; the capture has {dpi:.0f} dpi"),
    "NOT_MEASURED:no_target": QT_TRANSLATE_NOOP("checks", "the specimen has no {role} zone"),
    "NOT_MEASURED:ghost_unlike": QT_TRANSLATE_NOOP(
        "checks", "the specimen's own ghost image does not repeat its {role} (residual "
                  "{residual:.2f})"),
    "NOT_MEASURED:luminescence_colour": QT_TRANSLATE_NOOP(
        "checks", "luminescence is measured on colour images"),
    # -- relief (oblique light) ------------------------------------------------------------
    "NO_ZONE.relief": QT_TRANSLATE_NOOP("checks", "the specimen marks no relief"),
    "RELIEF_ABSENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: no relief under grazing light ({light}): a flat print"),
    "RELIEF_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the shading under {light} does not match the specimen's for that "
                  "lamp direction: other relief, or shading that does not turn with the lamp"),
    "RELIEF_PRESENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: relief present under {lamps}, turning with the lamp"),
    "RELIEF_PRESENT.one": QT_TRANSLATE_NOOP(
        "checks", "{zone}: relief present under {lamps} (one lamp direction only: the capture "
                  "has no second oblique light)"),
    "RELIEF:lamp": QT_TRANSLATE_NOOP("checks", "{light} ({azimuth}°)"),
    # -- transmitted light -----------------------------------------------------------------
    "NO_ZONE.watermark": QT_TRANSLATE_NOOP("checks", "the specimen marks no watermark"),
    "WATERMARK_PRINTED": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the pattern shows in reflected light: printed on the surface, not "
                  "in the paper"),
    "WATERMARK_ABSENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the light through the sheet does not show the specimen's pattern"),
    "WATERMARK_PRESENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: shows through the sheet as the specimen's, not on its surface"),
    "NO_ZONE.perforation": QT_TRANSLATE_NOOP("checks", "the specimen marks no perforation"),
    "PERFORATION_MISSING": QT_TRANSLATE_NOOP(
        "checks", "{zone}: no perforation: neither holes nor dots"),
    "PERFORATION_NOT_PUNCHED": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the dots let no light through: printed, not punched"),
    "PERFORATION_PRESENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the holes let the light through (read {read!r}; no MRZ {field} to "
                  "compare)"),
    "PERFORATION_MATCH": QT_TRANSLATE_NOOP(
        "checks", "{zone}: punched, transmitting, and spells {printed} as the MRZ does"),
    "PERFORATION_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "{zone}: spells {read!r} but the MRZ's {field} is {printed}"),
    "PERFORATION_UNREADABLE": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the holes transmit but could not be read with confidence (read "
                  "{read!r}, {confidence:.0%}) to compare with {printed}"),
    # -- coaxial light ---------------------------------------------------------------------
    "NO_ZONE.retroreflective": QT_TRANSLATE_NOOP(
        "checks", "the specimen marks no retro-reflective laminate"),
    "RETROREFLECTIVE_ABSENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: coaxial light does not show the specimen's laminate pattern: a "
                  "plain laminate or none"),
    "RETROREFLECTIVE_PRESENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the laminate's pattern shows under coaxial light"),
    # -- short-wave UV ---------------------------------------------------------------------
    "NO_ZONE.uv254": QT_TRANSLATE_NOOP("checks", "the specimen marks no short-wave UV feature"),
    "UV254_ELEMENT_ABSENT.glow": QT_TRANSLATE_NOOP(
        "checks", "{zone}: does not glow under UV 254 nm"),
    "UV254_ELEMENT_ABSENT.pattern": QT_TRANSLATE_NOOP(
        "checks", "{zone}: glows under UV 254 nm in another pattern"),
    "UV254_ELEMENT_ABSENT.colour": QT_TRANSLATE_NOOP(
        "checks", "{zone}: glows under UV 254 nm in another colour"),
    "UV254_ELEMENT_PRESENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: glows under UV 254 nm with the specimen's pattern and colour"),
    # -- fibres ----------------------------------------------------------------------------
    "NO_ZONE.fibres": QT_TRANSLATE_NOOP("checks", "the specimen marks no fibres"),
    "FIBRES_DENSITY": QT_TRANSLATE_NOOP(
        "checks", "{zone}: {density:.2f} fibres per cm² ({count} found), outside the "
                  "specimen's range"),
    "FIBRES_COLOURS": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the fibres' colours differ from the specimen's mix"),
    "FIBRES_ON_SURFACE": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the fibres glow as brightly over print as on bare paper: printed on "
                  "the surface, not in the paper"),
    "FIBRES_AS_SPECIMEN": QT_TRANSLATE_NOOP(
        "checks", "{zone}: {count} fibres ({density:.2f} per cm²) in the specimen's colours, "
                  "embedded in the paper"),
    # -- ghost image -----------------------------------------------------------------------
    "NO_ZONE.ghost": QT_TRANSLATE_NOOP("checks", "the specimen marks no ghost image"),
    "GHOST_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "{zone}: does not repeat the {of}: another face, or the {of} was replaced"),
    "GHOST_MATCHES": QT_TRANSLATE_NOOP("checks", "{zone}: repeats the {of}"),
    # -- microprint ------------------------------------------------------------------------
    "NO_ZONE.microprint": QT_TRANSLATE_NOOP("checks", "the specimen marks no microprint"),
    "MICROPRINT_DEGRADED": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the microprint is not resolved (a plain or blurred line): copied or "
                  "reprinted"),
    "MICROPRINT_RESOLVED": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the microprint is resolved at {dpi:.0f} dpi"),
    "RESOLUTION_TOO_LOW:microprint": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the line looks like the specimen's at {dpi:.0f} dpi, but its "
                  "letters (pitch {pitch:.2f} mm) need at least {needed:.0f} dpi: at this "
                  "density a halftone reprint looks the same"),
    "RESOLUTION_TOO_LOW:microprint_specimen": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the line looks like the specimen's, but the specimen's image "
                  "({dpi:.0f} dpi) does not show the letters (pitch {pitch:.2f} mm, "
                  "{needed:.0f} dpi needed): a halftone reprint cannot be told apart"),
}

#: The bundled Utopia specimens' labels of the optional lights' zones
#: (specimens/render.py ``feature_zones``), and the zone a ghost image repeats.
LIGHT_ZONES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("zones", "state name in intaglio print"),
    QT_TRANSLATE_NOOP("zones", "dry seal (blind embossing) over the portrait's corner"),
    QT_TRANSLATE_NOOP("zones", "multi-tone watermark"),
    QT_TRANSLATE_NOOP("zones", "see-through register (half on each side)"),
    QT_TRANSLATE_NOOP("zones", "laser-perforated document number"),
    QT_TRANSLATE_NOOP("zones", "retro-reflective laminate pattern"),
    QT_TRANSLATE_NOOP("zones", "short-wave UV print (254 nm only)"),
    QT_TRANSLATE_NOOP("zones", "luminescent security fibres"),
    QT_TRANSLATE_NOOP("zones", "ghost image of the portrait"),
    QT_TRANSLATE_NOOP("zones", "microprint line"),
    QT_TRANSLATE_NOOP("zones", "portrait"),
)
