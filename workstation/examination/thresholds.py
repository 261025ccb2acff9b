"""Every threshold of the examination in one place.

Calibrated on generated genuine captures (``python -m bench.examine --calibrate``:
24 per Utopia document, seeds 10000 and up; the benchmark itself uses seeds from
0) and placed between the genuine range and the forgeries' (bench quick run);
the ranges measured are quoted at each threshold. Scores are dimensionless
unless stated; each check reports its score and the threshold it was held
against.

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
MRZ_SPECIMEN_MISMATCH        warn     the page matches a specimen whose state, code, format
                                      or validity the MRZ contradicts
LIGHTS_PRESENT               pass     every light the checks need was captured
SIZE_MATCH                   pass     the page's size at the capture's dpi is the specimen's
PAGE_SHOWN                   pass     the image shows every zone the specimen checks
DPI_UNKNOWN                  skipped  the capture states no dpi (size taken from the specimen)
NO_ZONE                      skipped  the specimen marks no zone this check applies to
NO_FIELDS                    skipped  the specimen marks no printed field the MRZ also holds
NO_PRINT                     skipped  no print found in a zone expected to show print
NO_SUBSTRATE                 skipped  no bare substrate found on the page
NO_SPECIMEN                  skipped  no specimen fits the document (generic checks run)
REGISTRATION_FAILED          skipped  the capture would not align with the specimen
SPECIMEN_AMBIGUOUS           skipped  several specimens fit equally well (look-alikes): the
                                      examiner chooses one (``--specimen``)
CHECK_ERROR                  skipped  the check broke while running: the verdict is
                                      ``inconclusive``, never ``pass``
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
PAGE_CUT                     warn     zones the specimen checks lie outside the image
                                      (``capture.page_shown``): the verdict cannot be
                                      ``pass``
BARCODE_PRESENT              pass     a barcode decodes where the specimen has one
BARCODE_MISSING              fail     nothing printed where the specimen has a barcode
BARCODE_UNREADABLE           warn     print where the specimen has a barcode, but no
                                      symbol decodes
BARCODE_WRONG_KIND           fail     the symbol there carries other data than the
                                      specimen's (e.g. no seal where a seal belongs)
BARCODE_NOT_LOCATED          warn     the face's page could not be placed to look for it
BACK_NOT_CAPTURED            warn     the specimen has a barcode on the back, which was
                                      not captured
BARCODE_DATA_MATCH           pass     the barcode's holder data agree with the MRZ and
                                      the printed fields
BARCODE_DATA_MISMATCH        fail     a field of the barcode disagrees with the MRZ or a
                                      printed field (page altered, barcode not)
BARCODE_DATA_MALFORMED       warn     a barcode that starts like AAMVA data cannot be read
NOTHING_TO_COMPARE           skipped  no MRZ and no printed field to compare a barcode
                                      with
SEAL_VALID                   pass     the digital seal's signature verifies and its
                                      signer chains to a trust anchor
SEAL_SIGNATURE_INVALID       fail     the seal's signature does not verify with its
                                      signer's certificate (data or signature changed)
SEAL_CHAIN_INVALID           fail     the signer certificate names a trusted CA that did
                                      not sign it
SEAL_SIGNER_REVOKED          fail     the signer certificate is revoked
SEAL_SIGNED_OUTSIDE_VALIDITY fail     signed outside the signer certificate's validity
SEAL_MALFORMED               fail     a barcode that starts like a seal is not one
SEAL_SIGNER_UNKNOWN          warn     the signer the seal names is not in the trust store
SEAL_SIGNER_UNTRUSTED        warn     the signature verifies but the signer does not
                                      chain to a trust anchor
SEAL_UNVERIFIABLE            warn     the signer's key type or curve is not supported
===========================  =======  ===================================================
=======
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
#: Two specimens whose registration qualities differ by less than this fit a capture
#: equally well, and identification does not choose between them (the examiner
#: does). About twice the spread of the quality between repeated captures of one
#: document (standard deviation 0.016 over six captures of UTO-P-2020; measured on
#: simulated captures, the project has no genuine specimen exemplars yet): a smaller
#: difference says nothing about which specimen is right.
IDENTIFY_TIE_MARGIN = 0.03
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

# -- the optional lights' features (priors; see .tolerance) --------------------------------
#: Relief: the shading's spread over the specimen's under the same lamp direction ...
RELIEF_MIN_STRENGTH = 0.4
#: ... and its correlation with the specimen's shading.
RELIEF_MIN_CORRELATION = 0.35
#: Watermark / see-through register: what the light through the sheet shows beyond the
#: print, its spread over the specimen's ...
THROUGH_MIN_STRENGTH = 0.4
#: ... its correlation with the specimen's ...
THROUGH_MIN_CORRELATION = 0.4
#: ... and how much more of it the white image shows than the specimen's white image does.
REFLECTED_MAX_EXCESS = 0.3
#: Perforation: light through the dots over the light through the paper around them.
HOLE_MIN_CONTRAST = 1.5
#: A perforation read with less confidence than this is not held against the MRZ.
PERFORATION_MIN_CONFIDENCE = 0.8
#: Retro-reflective laminate: the coaxial pattern's spread over the specimen's ...
RETRO_MIN_STRENGTH = 0.4
#: ... and its correlation with the specimen's.
RETRO_MIN_CORRELATION = 0.35
#: Short-wave UV feature: its glow over its own substrate (the substrate is dim under
#: 254 nm, so the ratio is large and noisy: genuine Utopia 10-100, a 365 nm ink about 1).
UV254_MIN_GLOW_CONTRAST = 4.0
#: Fibres: density as a share of the specimen's (lowest, highest) ...
FIBRE_MIN_DENSITY_SHARE = 0.5
FIBRE_MAX_DENSITY_SHARE = 2.0
#: ... the distance of their colour mix from the specimen's (0..1) ...
FIBRE_MAX_COLOUR_DISTANCE = 0.35
#: ... and their glow where print quenches the paper over their glow on bare paper
#: (genuine Utopia 0.29-0.36, fibres printed on top 0.89-0.97).
FIBRE_MAX_OVERPRINT = 0.6
#: Ghost image: its correlation with the portrait ...
GHOST_MIN_CORRELATION = 0.4
#: ... and where that lies between two different faces of the type (0) and a ghost with its
#: own portrait (1): genuine Utopia passports 0.91-0.99, ghosts of another face 0.30-0.54
#: (the renderer's faces are much alike). Reported, no longer held: it is unstable when the
#: holder resembles the specimen's person.
GHOST_MIN_IDENTITY = 0.7
#: ... and the share of its tones that one rising tone curve of the portrait's does not
#: explain (``ghost_residual``), before the specimen learned it: at most this much over
#: what the specimen's own ghost and portrait leave (its imaging: 0.005-0.03 on the
#: simulated specimens, 0.13-0.18 on two real passport scans at 120 dpi) — the genuine
#: Utopia calibration captures' mean excess over their specimen's (0.002, seeds from
#: 10000, ``python -m bench.examine --lights --calibrate``) plus Z = 4 of the rule's prior
#: spread (0.011), as a learned range with that spread would be.
GHOST_MAX_RESIDUAL_OVER_SPECIMEN = 0.05
#: A specimen whose own ghost leaves more than this share of its tones unexplained by its
#: own portrait shows no ghost of that portrait: the ghost is not measured against it
#: (NO_GHOST_IN_SPECIMEN, skipped). A guard on the specimen, never on a capture: two real
#: passport scans at 120 dpi leave 0.13-0.18, the simulated specimens at most 0.05, a
#: "ghost" zone lying on the portrait itself (tests/examination/test_new_document.py's
#: permit) 0.41.
GHOST_MAX_SPECIMEN_RESIDUAL = 0.3
#: Microprint: fine structure along the line over the specimen's at the same density
#: (genuine Utopia captures registered from the platen at 300 dpi 0.38-0.97, the line a
#: copy prints 0.10-0.13).
MICROPRINT_MIN_DETAIL = 0.25
#: Microprint at a density that resolves its letters (10 px per character pitch): the
#: specimen's letters found along the line (best correlation of their strokes). Genuine
#: Utopia calibration captures at 1000 dpi (``bench.examine --lights --calibrate``, seeds
#: 10000-10009, both documents) 0.69-0.83, spread within a zone 0.035; the bound is the
#: lowest of them less two prior spreads (0.06). The letters are searched over the zone
#: grown by ``feature_measures.MICROPRINT_MAX_SHIFT_MM``: a genuine line printed up to
#: 0.5 mm off its place (test seed UTO-ID-2021/5: 0.53 on the zone alone, its letters cut
#: by the zone's top edge) finds them as one in its place (0.72). Re-calibrated with that
#: wider search (same seeds, 2026-12-06): 0.696-0.841, spread within a zone 0.040; the
#: bound (0.696 less two prior spreads, 0.576) is unchanged.
MICROPRINT_MIN_LETTERS = 0.57
