"""Every threshold of the examination, and the result codes, in one place.

Calibrated on generated genuine captures (``python -m bench.examine --calibrate``:
24 per Utopia document, seeds 10000 and up; the benchmark itself uses seeds from
0) and placed between the genuine range and the forgeries' (bench quick run);
the ranges measured are quoted at each threshold. Scores are dimensionless
unless stated; each check reports its score and the threshold it was held
against.

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
MRZ_SPECIMEN_MISMATCH        warn     the page matches a specimen whose state, code, format
                                      or validity the MRZ contradicts
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
RELIEF_PRESENT               pass     relief under grazing light, turning with the lamp
RELIEF_ABSENT                fail     no relief where the specimen has some (flat print)
RELIEF_MISMATCH              fail     relief of another shape, or shading that does not
                                      turn with the lamp's direction
AZIMUTH_UNKNOWN              skipped  the specimen shows no relief under a lamp direction
                                      near the capture's
WATERMARK_PRESENT            pass     the pattern shows through the sheet, not on it
WATERMARK_ABSENT             fail     transmitted light does not show the specimen's
                                      watermark / see-through register
WATERMARK_PRINTED            fail     the pattern shows in reflected light: printed on
                                      the surface
PERFORATION_MATCH            pass     the holes transmit and spell the MRZ's field
PERFORATION_PRESENT          pass     the holes transmit (no MRZ to compare with)
PERFORATION_NOT_PUNCHED      fail     the dots let no light through: printed
PERFORATION_MISSING          fail     neither holes nor dots where the specimen has some
PERFORATION_MISMATCH         fail     the holes spell something else than the MRZ
PERFORATION_UNREADABLE       warn     the holes transmit but could not be read
RETROREFLECTIVE_PRESENT      pass     the laminate's pattern shows under coaxial light
RETROREFLECTIVE_ABSENT       fail     no retro-reflective pattern like the specimen's
UV254_ELEMENT_PRESENT        pass     a short-wave UV feature glows as the specimen's
UV254_ELEMENT_ABSENT         fail     it does not glow under 254 nm, or in another pattern
                                      or colour
FIBRES_AS_SPECIMEN           pass     fibre density and colours as the specimen's,
                                      embedded in the paper
FIBRES_DENSITY               fail     too few or too many fibres
FIBRES_COLOURS               fail     the fibres' colour mix is not the specimen's
FIBRES_ON_SURFACE            fail     the fibres are not dimmed by print over them:
                                      printed on the surface
GHOST_MATCHES                pass     the ghost image repeats the portrait
GHOST_MISMATCH               fail     the ghost image shows another face than the portrait
MICROPRINT_RESOLVED          pass     the microprint is resolved as text
MICROPRINT_DEGRADED          fail     a plain or blurred line where microprint belongs
RESOLUTION_TOO_LOW           skipped  the capture is too coarse for the check (the
                                      density needed is named)
NOT_MEASURED                 skipped  the zone's feature could not be measured (the
                                      reason is named)
===========================  =======  ===================================================

The checks of the optional lights (``checks/relief.py``, ``transmitted.py``,
``coaxial.py``, ``uv254.py``, ``fibres.py``, ``ghost.py``, ``microprint.py``) hold their
measures against the specimen's learned statistics (:mod:`.tolerance`); the constants
below are their priors.
"""

from __future__ import annotations

# -- geometry and registration ----------------------------------------------------------
#: Resolution (dpi) the capture is registered onto the specimen at; every zone
#: comparison happens at this density.
WORK_DPI = 200.0
#: Registration quality (NCC of band-passed images) below which registration fails
#: (genuine 0.75-0.90; a capture of another document type about 0.1-0.4).
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
#: Portrait substitution: depth of a straight dark line along the portrait's edges
#: (second strongest side; genuine 0.006-0.028, pasted photo 0.19-0.41).
PORTRAIT_MAX_SCORE = 0.12

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
GHOST_MIN_SIMILARITY = 0.4
#: ... and where that lies between two different faces of the type (0) and a ghost with its
#: own portrait (1): genuine Utopia passports 0.91-0.99, ghosts of another face 0.30-0.54
#: (the renderer's faces are much alike).
GHOST_MIN_IDENTITY = 0.7
#: Microprint: fine structure along the line over the specimen's at the same density
#: (genuine Utopia captures registered from the platen at 300 dpi 0.38-0.97, the line a
#: copy prints 0.10-0.13).
MICROPRINT_MIN_DETAIL = 0.25
