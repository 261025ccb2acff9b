"""Every threshold of the examination, and the result codes, in one place.

Calibrated on generated genuine captures (``bench/examine.py --calibrate``,
seeds 10000 and up; the benchmark itself uses seeds from 0). Scores are
dimensionless unless stated; each check reports its score and the threshold it
was held against.

Result codes (``CheckResult.code``):

===========================  =======  ===================================================
code                         status   meaning
===========================  =======  ===================================================
UV_DULL                      pass     substrate / zone stays dull under UV
UV_DULL_PAPER                fail     substrate glows under UV (optical brighteners):
                                      not security paper. Score: substrate UV brightness
                                      relative to the reference (or absolute, no specimen)
UV_ELEMENT_PRESENT           pass     luminescent feature present, pattern and colour ok
VISIBLE_ELEMENT_ABSENT       fail     luminescent feature missing, weak, wrong pattern
                                      or colour
FALSE_LUMINESCENCE           fail     luminescence where the specimen has none
UV_NO_FALSE_LUMINESCENCE     pass     no luminescence outside the specimen's features
UV_PATTERN_CONTINUOUS        pass     the luminescent pattern runs on across the
                                      portrait's edge
UV_PATTERN_BROKEN            fail     the pattern stops at the portrait's edge (portrait
                                      replaced or laminate reapplied)
IR_B900_CONTRAST             pass     IR-absorbing print shows with contrast
IR_B900_LOW_CONTRAST         fail     print expected to absorb IR fades in IR
IR_INVISIBLE                 pass     print expected to drop out in IR does
INVISIBLE_ELEMENT_PRESENT    fail     structure in IR where the specimen has none
PATTERN_MATCH                pass     the zone matches the specimen in white light
PATTERN_MISMATCH             fail     the zone's pattern differs from the specimen's
PORTRAIT_INTACT              pass     portrait area consistent with an original print
PORTRAIT_SUBSTITUTED         fail     portrait area shows signs of substitution
CHECKSUM_VALID               pass     every MRZ check digit verifies
INVALID_CHECKSUM             fail     an MRZ check digit does not verify
MRZ_VIZ_MATCH                pass     printed fields agree with the MRZ
MRZ_VIZ_MISMATCH             fail     a printed field disagrees with the MRZ
STATE_KNOWN                  pass     issuing state is a known state
UNKNOWN_ISSUING_STATE        warn     issuing state is neither ICAO-listed nor in the
                                      library
DATES_CONSISTENT             pass     birth, expiry plausible; not expired
DATES_INCONSISTENT           fail     birth in the future, birth after expiry, or an
                                      implausible validity period
DOCUMENT_EXPIRED             warn     expiry date passed (validity, not authenticity)
SPECIMEN_MATCHED             pass     the document was identified and registered
LIGHTS_PRESENT               pass     every light the checks need was captured
SIZE_MATCH                   pass     the page's size at the capture's dpi is the specimen's
DPI_UNKNOWN                  skipped  the capture states no dpi (size taken from the specimen)
NO_ZONE                      skipped  the specimen marks no zone this check applies to
NO_FIELDS                    skipped  the specimen marks no printed field the MRZ also holds
NO_PRINT                     skipped  no print found in a zone expected to show print
NO_SUBSTRATE                 skipped  no bare substrate found on the page
NO_SPECIMEN                  skipped  no specimen fits the document (generic checks run)
REGISTRATION_FAILED          skipped  the capture would not align with the specimen
DPI_MISMATCH                 warn     the page's size at the capture's dpi is not the
                                      specimen's size
LIGHT_MISSING                skipped  the capture has no image under a light a check
                                      needs (a ``capture.lights`` warn says so once)
NO_DOCUMENT                  skipped  no page found on the platen (blank image, empty
                                      platen)
MRZ_NOT_FOUND                skipped  no MRZ read: the MRZ checks cannot run
MRZ_UNREADABLE               warn     no MRZ read although the matched specimen has one
OCR_UNREADABLE               skipped  a printed field could not be read with confidence
CHECK_ERROR                  skipped  a check could not run (internal error, logged)
ZONE_OUTSIDE                 skipped  the zone lies outside the captured page
===========================  =======  ===================================================
"""

from __future__ import annotations

# -- geometry and registration ----------------------------------------------------------
#: Resolution (dpi) the capture is registered onto the specimen at; every zone
#: comparison happens at this density.
WORK_DPI = 200.0
#: Registration quality (NCC of high-passed images) below which registration fails.
REGISTRATION_MIN_QUALITY = 0.15
#: Identification without an MRZ: the best specimen needs at least this quality.
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
#: paper glows (UV_DULL_PAPER).
UV_DULL_MAX_RATIO = 2.0
#: Without a specimen: substrate UV luminance (0..255) relative to the page's white-light
#: luminance: above this, the paper glows.
UV_DULL_MAX_ABSOLUTE = 0.45
#: Luminescent feature: its contrast over the substrate relative to the specimen's
#: must reach this fraction.
UV_ELEMENT_MIN_RATIO = 0.45
#: ... and its pattern must correlate with the specimen's at least this much.
UV_ELEMENT_MIN_CORRELATION = 0.35
#: ... and its hue may differ from the specimen's by at most this many degrees.
UV_ELEMENT_MAX_HUE_DEG = 40.0
#: False luminescence: area (mm²) of connected luminescence absent from the specimen.
UV_FALSE_MAX_AREA_MM2 = 12.0
#: ... where "luminescent" means brighter than the substrate by this fraction of
#: the substrate's level ...
UV_FALSE_LEVEL = 0.35
#: ... and brighter than the specimen at that place (widened by 0.6 mm) by this factor.
UV_FALSE_FEATURE_RATIO = 1.6
#: Pattern continuity across the portrait edge: the correlation inside the
#: portrait must reach this fraction of the correlation outside.
UV_CONTINUITY_MIN_RATIO = 0.45

# -- IR ---------------------------------------------------------------------------------
#: IR contrast of a ``visible`` zone relative to its white-light contrast.
IR_VISIBLE_MIN_RATIO = 0.45
#: IR structure of an ``invisible`` zone relative to its white-light structure.
IR_INVISIBLE_MAX_RATIO = 0.35

# -- white light ------------------------------------------------------------------------
#: Structural similarity of a ``match`` zone: best correlation of the band-passed
#: zone with the specimen's over shifts up to 0.9 mm (genuine 0.69-0.76, the
#: imitated guilloche 0.10-0.22 on the Utopia documents).
PATTERN_MIN_SIMILARITY = 0.45
#: Portrait substitution: score above which the portrait area is judged replaced.
PORTRAIT_MAX_SCORE = 0.12

# -- data -------------------------------------------------------------------------------
#: Fraction of characters that may differ between a printed field read by OCR and
#: the MRZ (OCR slips), per field.
VIZ_MAX_DISTANCE = 0.34
#: OCR lines read with less confidence than this are not held against the MRZ.
VIZ_MIN_CONFIDENCE = 0.6
#: Oldest plausible holder (years).
MAX_AGE_YEARS = 130
