"""Every threshold of the examination in one place.

Calibrated on generated genuine captures (``python -m bench.examine --calibrate``:
24 per Utopia document, seeds 10000 and up; the benchmark itself uses seeds from
0) and placed between the genuine range and the forgeries' (bench quick run);
the ranges measured are quoted at each threshold. Scores are dimensionless
unless stated; each check reports its score and the threshold it was held
against.

The result codes (``CheckResult.code``), with their status and meaning, are
:data:`workstation.examination.messages.CODE_TABLE`.

Every result held against a threshold says in ``details["tolerance"]`` whether the
threshold is the specimen's own, ``learned`` from its genuine exemplars
(:mod:`workstation.examination.tolerance`; the measures and their ranges in
``details["measures"]``), or a ``prior`` constant of this module (the specimen
learned too few exemplars).
"""

from __future__ import annotations

# -- geometry and registration ----------------------------------------------------------
#: Resolution (dpi) the capture is registered onto the specimen at; every zone
#: comparison happens at this density.
WORK_DPI = 200.0
#: Registration quality (NCC of band-passed images) below which registration fails,
#: whatever a specimen learned: the floor between genuine captures and documents of
#: another type, measured on calibration captures only (Utopia seeds 10001-10003,
#: family-2 seeds 902001-902004, each against every specimen): genuine 0.54-0.93
#: (0.54 with a tenth of the page outside the image), another type 0.00-0.47
#: (a family-2 card back against the Utopia card 0.45-0.47). A specimen that learned
#: exemplars raises it to its own genuine range (``examination.tolerance``).
REGISTRATION_MIN_QUALITY = 0.5
#: Identification without an MRZ: the best specimen needs at least this quality (at
#: most the registration floor above, which then decides).
IDENTIFY_MIN_QUALITY = 0.25
#: Page size at the capture's dpi may differ from the specimen's by this fraction.
SIZE_TOLERANCE = 0.06
#: Page aspect ratio may differ from the specimen's by this fraction.
ASPECT_TOLERANCE = 0.06
#: A document may be issued before its specimen's ``valid_until`` and then be
#: valid for up to this many years.
MAX_VALIDITY_YEARS = 10

# -- UV ---------------------------------------------------------------------------------
#: Substrate UV brightness relative to the specimen's substrate: above this, the
#: paper glows (UV_DULL_PAPER). Genuine 0.79-1.11; office paper 4.8-7.5.
UV_DULL_MAX_RATIO = 2.0
#: Without a specimen: substrate UV luminance relative to the page's white-light
#: luminance (bare paper only): above this, the paper glows. Genuine 0.08-0.09,
#: office paper 0.58-0.69.
UV_DULL_MAX_ABSOLUTE = 0.35
#: Luminescent feature: its contrast over the substrate relative to the specimen's
#: must reach this fraction (the check's score is the smaller of strength and
#: correlation over their thresholds: genuine 1.97-2.74, missing emblem ~0.05).
UV_ELEMENT_MIN_RATIO = 0.45
#: ... and its pattern must correlate with the specimen's at least this much.
UV_ELEMENT_MIN_CORRELATION = 0.35
#: ... and its hue may differ from the specimen's by at most this many degrees.
UV_ELEMENT_MAX_HUE_DEG = 40.0
#: False luminescence: area (mm²) of connected luminescence absent from the specimen
#: (genuine 0-3.3 mm²; a pasted photo glows over several hundred mm²).
UV_FALSE_MAX_AREA_MM2 = 12.0
#: ... where "luminescent" means brighter than the substrate by this fraction of
#: the substrate's level ...
UV_FALSE_LEVEL = 0.35
#: ... and brighter than the specimen at that place (widened by 0.6 mm) by this factor.
UV_FALSE_FEATURE_RATIO = 1.6
#: Pattern continuity across the portrait edge: the pattern's strength inside the
#: portrait over its strength outside (each against the specimen) must reach this
#: (genuine 0.95-1.01, substituted portrait 0.10-0.14).
UV_CONTINUITY_MIN_RATIO = 0.45

# -- IR ---------------------------------------------------------------------------------
#: IR darkness of a ``visible`` zone's print relative to its white-light darkness
#: (carbon ink 0.94-1.04; IR-transparent dye 0.05-0.08; office toner ~0.5).
IR_VISIBLE_MIN_RATIO = 0.45
#: IR structure of an ``invisible`` zone relative to its white-light structure, in
#: excess of the specimen's (genuine -0.01-0.03; IR-absorbing background 0.8-1.2).
IR_INVISIBLE_MAX_RATIO = 0.35

# -- white light ------------------------------------------------------------------------
#: Structural similarity of a ``match`` zone: best correlation of the band-passed
#: zone with the specimen's over shifts up to 0.9 mm (genuine 0.69-0.76, the
#: imitated guilloche 0.10-0.22 on the Utopia documents).
PATTERN_MIN_SIMILARITY = 0.45
#: Portrait substitution, prior (a specimen that learned no exemplars): the outline
#: of the ghost image correlates with the main portrait's at least this much
#: (``ghost_similarity``; the second family's calibration captures, seeds from
#: 902001: genuine 0.93-0.95, portrait cut in from another document 0.65-0.70).
GHOST_MIN_SIMILARITY = 0.8

# -- data -------------------------------------------------------------------------------
#: Fraction of characters that may differ between a printed field read by OCR and
#: the MRZ (OCR slips), per field.
VIZ_MAX_DISTANCE = 0.34
#: OCR lines read with less confidence than this are not held against the MRZ.
VIZ_MIN_CONFIDENCE = 0.6
#: The MRZ reader may repair a character so that a check digit verifies; the check
#: digits are judged on the MRZ as printed, so such a repair is accepted only for a
#: character read with less confidence than this (a misread), never for a clearly
#: printed one (an altered character). Genuine misreads repaired: 0.5-0.87;
#: altered characters repaired into validity: 0.91-0.99.
MRZ_REPAIR_MAX_CONFIDENCE = 0.9
#: Oldest plausible holder (years).
MAX_AGE_YEARS = 130
