"""What the checks say, in one place: every result code with its status and meaning,
and every message template with its named parameters.

The checks build their messages with :func:`message` (``message("UV_DULL_PAPER",
zone=..., score=...)``): a :class:`~workstation.i18n.Msg` whose English text is the
check result's ``message`` — the JSON and the command line, unchanged by any
language — and which the window and the report render in the examiner's language
from the catalogues (``resources/i18n``). A template's key is its result code, or
``CODE.variant`` where one code is said in several ways, or ``CODE:part`` for a piece
of a longer message. Codes, ids and JSON keys are never translated.

Parameters that are themselves words — a zone's label, a light, a field name — are
passed as :class:`~workstation.i18n.Term` s (:func:`zone_term`, :func:`light_term`,
:func:`field_term`) so that they are translated too; data (MRZ characters, numbers,
specimen ids, a reader's own error text) is passed as it is.
"""

from __future__ import annotations

from typing import Any

from workstation.examination.light_messages import LIGHT_CODES, LIGHT_TEMPLATES, LIGHT_ZONES
from workstation.i18n import QT_TRANSLATE_NOOP, Join, Msg, Term
from workstation.types import CheckStatus, Light

#: The catalogue context of the check messages, of the result codes' meanings, of
#: the check titles, of zone labels, of lights in messages, of field names and of
#: specimen titles; and of the measures a tolerance holds (``fine detail``).
CHECKS, CODES, TITLES, ZONES, LIGHTS, FIELDS, SPECIMENS, MEASURES = (
    "checks", "codes", "check titles", "zones", "lights", "fields", "specimens", "measures")

#: Every result code of the examination's checks: code -> (status, meaning).
#: (The chip's codes are :data:`workstation.chip.messages.CODES`.)
CODE_TABLE: dict[str, tuple[CheckStatus, str]] = {
    "UV_DULL": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "substrate / zone stays dull under UV")),
    "UV_DULL_PAPER": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "substrate glows under UV (optical brighteners): not security paper")),
    "UV_ELEMENT_PRESENT": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "luminescent feature present, pattern and colour as the specimen's")),
    "VISIBLE_ELEMENT_ABSENT": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "luminescent feature missing, weak, or of the wrong pattern or colour")),
    "FALSE_LUMINESCENCE": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "luminescence where the specimen has none")),
    "UV_NO_FALSE_LUMINESCENCE": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "no luminescence outside the specimen's features")),
    "UV_PATTERN_CONTINUOUS": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the luminescent pattern runs on across the portrait's edge")),
    "UV_PATTERN_BROKEN": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the luminescent pattern stops at the portrait's edge (portrait replaced "
                 "or laminate reapplied)")),
    "IR_B900_CONTRAST": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "IR-absorbing print shows with contrast")),
    "IR_B900_LOW_CONTRAST": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "print expected to absorb IR fades under IR")),
    "IR_INVISIBLE": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "print expected to drop out under IR does")),
    "INVISIBLE_ELEMENT_PRESENT": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "structure under IR where the specimen has none")),
    "PATTERN_MATCH": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the zone matches the specimen in white light")),
    "PATTERN_MISMATCH": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the zone's pattern differs from the specimen's")),
    "PORTRAIT_INTACT": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "portrait area consistent with an original print")),
    "PORTRAIT_SUBSTITUTED": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "portrait area shows signs of substitution")),
    "CHECKSUM_VALID": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "every MRZ check digit verifies")),
    "MRZ_CUT": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the MRZ reaches the edge of the image: not all of it is shown")),
    "INVALID_CHECKSUM": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "an MRZ check digit does not verify")),
    "MRZ_VIZ_MATCH": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "printed fields agree with the MRZ")),
    "MRZ_VIZ_MISMATCH": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "a printed field disagrees with the MRZ")),
    "STATE_KNOWN": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the issuing state is a known state")),
    "UNKNOWN_ISSUING_STATE": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the issuing state is neither ICAO-listed nor in the specimen library")),
    "DATES_CONSISTENT": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "birth and expiry plausible; not expired")),
    "DATES_INCONSISTENT": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "birth in the future, birth after expiry, or an implausible validity "
                 "period")),
    "DOCUMENT_EXPIRED": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the date of expiry has passed (validity, not authenticity)")),
    "SPECIMEN_MATCHED": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the document was identified and registered onto its specimen")),
    "MRZ_SPECIMEN_MISMATCH": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the page matches a specimen whose state, code, format or validity the "
                 "MRZ contradicts")),
    "LIGHTS_PRESENT": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "every light the checks need was captured")),
    "SIZE_MATCH": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the page's size at the capture's dpi is the specimen's")),
    "PAGE_SHOWN": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the image shows every zone the specimen checks")),
    "PAGE_CUT": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "zones the specimen checks lie outside the image: not examined")),
    "DPI_UNKNOWN": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the capture states no dpi (size taken from the specimen)")),
    "NO_ZONE": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the specimen marks no zone this check applies to")),
    "NO_FIELDS": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the specimen marks no printed field the MRZ also holds")),
    "NO_PRINT": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "no print found in a zone expected to show print")),
    "NO_SUBSTRATE": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "no bare substrate found on the page")),
    "NO_SPECIMEN": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "no specimen fits the document (generic checks run)")),
    "SPECIMEN_AMBIGUOUS": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "several specimens fit equally well (look-alikes): the examiner chooses one")),
    "REGISTRATION_FAILED": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the capture would not align with the specimen")),
    "DPI_MISMATCH": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the page's size at the capture's dpi is not the specimen's size")),
    "LIGHT_MISSING": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the capture has no image under a light a check needs")),
    "NO_DOCUMENT": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "no page found on the platen (blank image, empty platen)")),
    "MRZ_NOT_FOUND": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "no MRZ read: the MRZ checks cannot run")),
    "MRZ_UNREADABLE": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "no MRZ read although the matched specimen has one")),
    "OCR_UNREADABLE": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "a printed field could not be read with confidence")),
    "CHECK_ERROR": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "a check could not run (internal error, logged)")),
    "ZONE_OUTSIDE": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the zone lies outside the captured page")),
    "HOLDER_ZONE": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the zone's content is the holder's: not compared with the specimen's")),
    "NO_STATISTICS": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the check needs what the specimen has not learned (specimens learn) and "
                 "has no prior")),
    "BARCODE_PRESENT": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "a barcode decodes where the specimen has one")),
    "BARCODE_MISSING": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "nothing printed where the specimen has a barcode")),
    "BARCODE_UNREADABLE": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "print where the specimen has a barcode, but no symbol decodes")),
    "BARCODE_WRONG_KIND": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the symbol there carries other data than the specimen's")),
    "BARCODE_NOT_LOCATED": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the face's page could not be placed to look for the barcode")),
    "BACK_NOT_CAPTURED": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the specimen has a barcode on the back, which was not captured")),
    "BARCODE_DATA_MATCH": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the barcode's holder data agree with the MRZ and the printed fields")),
    "BARCODE_DATA_MISMATCH": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "a field of the barcode disagrees with the MRZ or a printed field")),
    "BARCODE_DATA_MALFORMED": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "a barcode that starts like AAMVA data cannot be read")),
    "NOTHING_TO_COMPARE": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "no MRZ and no printed field to compare a barcode with")),
    "SEAL_VALID": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the digital seal's signature verifies and its signer chains to a trust "
                 "anchor")),
    "SEAL_SIGNATURE_INVALID": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the seal's signature does not verify (data or signature changed)")),
    "SEAL_CHAIN_INVALID": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the signer certificate names a trusted CA that did not sign it")),
    "SEAL_SIGNER_REVOKED": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the seal's signer certificate is revoked")),
    "SEAL_SIGNED_OUTSIDE_VALIDITY": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the seal was signed outside its signer certificate's validity")),
    "SEAL_MALFORMED": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "a barcode that starts like a digital seal is not one")),
    "SEAL_SIGNER_UNKNOWN": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the signer the seal names is not in the trust store")),
    "SEAL_SIGNER_UNTRUSTED": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the seal's signature verifies but its signer does not chain to a trust "
                 "anchor")),
    "SEAL_UNVERIFIABLE": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the seal's key type or curve is not supported")),
}

#: Every message template by key (``CODE``, ``CODE.variant``, ``CODE:part``).
TEMPLATES: dict[str, str] = {
    # -- the page, the specimen ------------------------------------------------------------
    "NO_DOCUMENT": QT_TRANSLATE_NOOP("checks", "no document found on the platen"),
    "NO_DOCUMENT.because": QT_TRANSLATE_NOOP("checks", "no document found: {reason}"),
    "NO_SPECIMEN": QT_TRANSLATE_NOOP("checks", "no specimen in the library fits the document"),
    "SPECIMEN_AMBIGUOUS": QT_TRANSLATE_NOOP("checks", "{detail}"),
    "NO_SPECIMEN.mrz": QT_TRANSLATE_NOOP(
        "checks", "no specimen in the library fits the document (MRZ: state {state}, code "
                  "{code}, format {format})"),
    "NO_SPECIMEN.none": QT_TRANSLATE_NOOP("checks", "no specimen matched"),
    "REGISTRATION_FAILED": QT_TRANSLATE_NOOP(
        "checks", "the page does not register onto specimen {specimen}: alignment quality "
                  "{quality:.2f}, genuine captures reach {needed:.2f} ({basis}); {note}"),
    "REGISTRATION_FAILED.named": QT_TRANSLATE_NOOP(
        "checks", "the MRZ names {specimen}, but the page does not register onto specimen "
                  "{specimen}: alignment quality {quality:.2f}, genuine captures reach "
                  "{needed:.2f} ({basis}); {note}"),
    "REGISTRATION_FAILED:learned": QT_TRANSLATE_NOOP("checks", "learned from %n exemplars"),
    "REGISTRATION_FAILED:prior": QT_TRANSLATE_NOOP("checks", "the prior minimum"),
    "REGISTRATION_FAILED:whole_image": QT_TRANSLATE_NOOP(
        "checks", "no page edge was found, the whole image was taken as the page"),
    "REGISTRATION_FAILED:page_finder": QT_TRANSLATE_NOOP("checks", "page finder: {reason}"),
    "REGISTRATION_FAILED:print": QT_TRANSLATE_NOOP(
        "checks", "the page was found; its print does not match the specimen's"),
    "SKIPPED:check": QT_TRANSLATE_NOOP("checks", "{title}: {reason}"),
    "LIGHT_MISSING.check": QT_TRANSLATE_NOOP("checks", "{title}: the capture has no {lights} "
                                                       "image"),
    "CHECK_ERROR": QT_TRANSLATE_NOOP("checks", "{title}: could not run ({error})"),
    "SPECIMEN_MATCHED": QT_TRANSLATE_NOOP("checks", "compared with specimen {specimen} ({title})"),
    "MRZ_SPECIMEN_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "the page matches specimen {specimen} ({state}, {code}, {format}) but its MRZ "
                  "names state {mrz_state}, code {mrz_code}, format {mrz_format}"),
    "MRZ_SPECIMEN_MISMATCH.expiry": QT_TRANSLATE_NOOP(
        "checks", "the page matches specimen {specimen} ({state}, {code}, {format}) but its MRZ "
                  "names state {mrz_state}, code {mrz_code}, format {mrz_format}, expiring "
                  "{expiry}"),
    "LIGHT_MISSING": QT_TRANSLATE_NOOP(
        "checks", "the capture has no {lights} image: the checks under that light cannot run"),
    "LIGHTS_PRESENT": QT_TRANSLATE_NOOP("checks", "every light the checks need was captured"),
    "PAGE_SHOWN": QT_TRANSLATE_NOOP("checks", "the image shows every zone the specimen checks"),
    "PAGE_CUT": QT_TRANSLATE_NOOP(
        "checks", "the page lies partly outside the image: {zones} not examined; capture the "
                  "whole page again"),
    "DPI_UNKNOWN": QT_TRANSLATE_NOOP(
        "checks", "the capture states no dpi: the page's size was taken from the specimen"),
    "DPI_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "the page measures {width:.1f} x {height:.1f} mm at the stated {dpi:g} dpi but "
                  "the specimen is {spec_width:g} x {spec_height:g} mm: the capture's dpi is "
                  "wrong or the document is not of this type"),
    "SIZE_MATCH": QT_TRANSLATE_NOOP(
        "checks", "the page measures {width:.1f} x {height:.1f} mm (specimen {spec_width:g} x "
                  "{spec_height:g} mm)"),
    "ZONE_OUTSIDE": QT_TRANSLATE_NOOP("checks", "zone outside the page"),
    "HOLDER_ZONE": QT_TRANSLATE_NOOP(
        "checks", "{zone}: its content is the holder's, not compared with the specimen's"),
    # -- tolerances learned from genuine exemplars (examination.tolerance) ------------------
    "TOLERANCE:with": QT_TRANSLATE_NOOP("checks", "{message} ({measures})"),
    "TOLERANCE:measure": QT_TRANSLATE_NOOP("checks", "{measure} {value:.3g} ({tolerance})"),
    "TOLERANCE:learned": QT_TRANSLATE_NOOP("checks", "learned from %n exemplars: {range}"),
    "TOLERANCE:prior": QT_TRANSLATE_NOOP("checks", "prior (too few exemplars): {range}"),
    "TOLERANCE:none": QT_TRANSLATE_NOOP("checks", "not judged (nothing learned, no prior)"),
    "TOLERANCE:at_least": QT_TRANSLATE_NOOP("checks", ">= {lo:.3g}"),
    "TOLERANCE:at_most": QT_TRANSLATE_NOOP("checks", "<= {hi:.3g}"),
    "TOLERANCE:between": QT_TRANSLATE_NOOP("checks", ">= {lo:.3g} and <= {hi:.3g}"),
    # -- UV ---------------------------------------------------------------------------------
    "NO_SUBSTRATE": QT_TRANSLATE_NOOP("checks", "no bare substrate found on the page"),
    "UV_DULL_PAPER.page": QT_TRANSLATE_NOOP(
        "checks", "the substrate glows under UV ({score:.2f} of its white-light brightness): "
                  "not UV-dull security paper"),
    "UV_DULL.page": QT_TRANSLATE_NOOP("checks", "substrate shows no luminescence"),
    "NO_ZONE.uv_dull": QT_TRANSLATE_NOOP("checks", "the specimen marks no UV-dull zone"),
    "UV_DULL_PAPER": QT_TRANSLATE_NOOP(
        "checks", "{zone}: glows under UV ({score:.1f}x the specimen's substrate): not UV-dull "
                  "security paper"),
    "UV_DULL": QT_TRANSLATE_NOOP("checks", "{zone}: substrate shows no luminescence"),
    "UV_DULL_PAPER.learned": QT_TRANSLATE_NOOP(
        "checks", "{zone}: glows under UV unlike the specimen's genuine exemplars: not UV-dull "
                  "security paper"),
    "NO_ZONE.luminescent": QT_TRANSLATE_NOOP("checks", "the specimen marks no luminescent zone"),
    "ZONE_OUTSIDE.uv_colour": QT_TRANSLATE_NOOP(
        "checks", "zone outside the page or UV image not in colour"),
    "VISIBLE_ELEMENT_ABSENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: missing or wrong under UV ({problems})"),
    "VISIBLE_ELEMENT_ABSENT:weak": QT_TRANSLATE_NOOP(
        "checks", "glows at {ratio:.0%} of the specimen's strength"),
    "VISIBLE_ELEMENT_ABSENT:pattern": QT_TRANSLATE_NOOP(
        "checks", "pattern correlates {correlation:.2f} with the specimen's"),
    "VISIBLE_ELEMENT_ABSENT:colour": QT_TRANSLATE_NOOP("checks", "colour off by {hue:.0f}°"),
    "UV_ELEMENT_PRESENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: present with the specimen's pattern and colour"),
    "VISIBLE_ELEMENT_ABSENT.learned": QT_TRANSLATE_NOOP(
        "checks", "{zone}: missing or wrong under UV"),
    "UV_ELEMENT_PRESENT.learned": QT_TRANSLATE_NOOP(
        "checks", "{zone}: present as in the specimen's genuine exemplars"),
    "NO_ZONE.continuity": QT_TRANSLATE_NOOP(
        "checks", "no luminescent zone of the specimen crosses the portrait's edge"),
    "NO_ZONE.continuity_sides": QT_TRANSLATE_NOOP(
        "checks", "the specimen's pattern does not reach both sides of the portrait's edge"),
    "VISIBLE_ELEMENT_ABSENT.pattern": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the luminescent pattern is missing"),
    "UV_PATTERN_BROKEN": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the luminescent pattern stops at the portrait's edge ({inside:.0%} "
                  "inside vs {outside:.0%} outside): portrait replaced?"),
    "UV_PATTERN_CONTINUOUS": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the pattern runs on across the portrait's edge"),
    "FALSE_LUMINESCENCE": QT_TRANSLATE_NOOP(
        "checks", "{area:.0f} mm² glow under UV where the specimen has no luminescence"),
    "FALSE_LUMINESCENCE.at": QT_TRANSLATE_NOOP(
        "checks", "{area:.0f} mm² glow under UV where the specimen has no luminescence (at "
                  "{zone})"),
    "UV_NO_FALSE_LUMINESCENCE": QT_TRANSLATE_NOOP(
        "checks", "no luminescence outside the specimen's luminescent features"),
    # -- IR ---------------------------------------------------------------------------------
    "MRZ_NOT_FOUND.ir": QT_TRANSLATE_NOOP(
        "checks", "no MRZ located: its IR contrast cannot be measured"),
    "MRZ_NOT_FOUND.small": QT_TRANSLATE_NOOP("checks", "the MRZ region is too small"),
    "NO_PRINT": QT_TRANSLATE_NOOP("checks", "{zone}: no print found in the zone"),
    "IR_B900_LOW_CONTRAST": QT_TRANSLATE_NOOP(
        "checks", "{zone}: fades under IR ({ratio:.0%} of its white-light contrast): not printed "
                  "in IR-absorbing ink"),
    "IR_B900_CONTRAST": QT_TRANSLATE_NOOP("checks", "{zone}: shows with contrast under IR"),
    "IR_B900_LOW_CONTRAST.learned": QT_TRANSLATE_NOOP(
        "checks", "{zone}: its print fades under IR unlike the specimen's genuine exemplars: "
                  "not printed in IR-absorbing ink"),
    "NO_ZONE.ir_visible": QT_TRANSLATE_NOOP("checks", "the specimen marks no IR-visible zone"),
    "NO_ZONE.invisible": QT_TRANSLATE_NOOP("checks", "the specimen marks no invisible zone"),
    "INVISIBLE_ELEMENT_PRESENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: shows structure under {light} where the specimen's print drops out"),
    "IR_INVISIBLE": QT_TRANSLATE_NOOP("checks", "{zone}: drops out under {light} as it should"),
    # -- white light ------------------------------------------------------------------------
    "NO_ZONE.match": QT_TRANSLATE_NOOP("checks", "the specimen marks no zone to match"),
    "ZONE_OUTSIDE.small": QT_TRANSLATE_NOOP(
        "checks", "zone outside the page or too small to compare"),
    "PATTERN_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the pattern differs from the specimen's (similarity {score:.2f})"),
    "PATTERN_MATCH": QT_TRANSLATE_NOOP("checks", "{zone}: matches the specimen"),
    "PATTERN_MISMATCH.learned": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the print differs from the specimen's genuine exemplars (redrawn, "
                  "or copied and reprinted)"),
    "NO_ZONE.portrait": QT_TRANSLATE_NOOP("checks", "the specimen marks no portrait"),
    "NO_STATISTICS.portrait": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the specimen has learned nothing of the paper and print "
        "around the portrait to compare with"),
    "PORTRAIT_SUBSTITUTED.border": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the paper glows differently under UV inside the portrait's border "
        "than around it (a photo on other paper pasted in?)"),
    "PORTRAIT_INTACT.border": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the paper's UV response continues across the portrait's border"),
    "PORTRAIT_SUBSTITUTED.shift": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the UV print across the portrait sits elsewhere inside it than "
        "around it (a portrait cut out of another document?)"),
    "PORTRAIT_INTACT.shift": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the UV print across the portrait continues in register across "
        "its border"),
    # -- the MRZ ----------------------------------------------------------------------------
    "MRZ_NOT_FOUND": QT_TRANSLATE_NOOP("checks", "no MRZ could be read on the page"),
    "MRZ_NOT_FOUND.layout": QT_TRANSLATE_NOOP(
        "checks", "the text read (%n line(s)) fits no MRZ layout"),
    "MRZ_UNREADABLE": QT_TRANSLATE_NOOP(
        "checks", "{reason}, but the {specimen} specimen has a {format} MRZ"),
    "CHECKSUM_VALID": QT_TRANSLATE_NOOP(
        "checks", "all %n check digits of the {format} MRZ verify"),
    "INVALID_CHECKSUM": QT_TRANSLATE_NOOP("checks", "MRZ check digit wrong: {what}"),
    "MRZ_CUT.unread": QT_TRANSLATE_NOOP(
        "checks", "the MRZ lies partly outside the image and was not read (the {specimen} "
                  "specimen has one there): capture the whole page again"),
    "MRZ_CUT": QT_TRANSLATE_NOOP(
        "checks", "the MRZ reaches the edge of the image and its characters there may be "
                  "cut; not verified on what the image shows: {what}. Capture the whole "
                  "page again"),
    "INVALID_CHECKSUM.undone": QT_TRANSLATE_NOOP(
        "checks", "MRZ check digit wrong: {what}; as printed ({undone})"),
    "INVALID_CHECKSUM:charset": QT_TRANSLATE_NOOP("checks", "characters outside the MRZ set"),
    "INVALID_CHECKSUM:repair": QT_TRANSLATE_NOOP(
        "checks", "line {line} position {position} reads {read!r} clearly, the reader would "
                  "change it to {to!r}"),
    "STATE_KNOWN": QT_TRANSLATE_NOOP("checks", "issuing state {state} is known"),
    "UNKNOWN_ISSUING_STATE": QT_TRANSLATE_NOOP(
        "checks", "issuing state {state!r} is neither an ICAO code nor a state of the specimen "
                  "library"),
    "NO_FIELDS": QT_TRANSLATE_NOOP(
        "checks", "the specimen marks no printed fields the MRZ also holds"),
    "OCR_UNREADABLE": QT_TRANSLATE_NOOP(
        "checks", "{field}: the printed field could not be read ({reason})"),
    "MRZ_VIZ_MATCH": QT_TRANSLATE_NOOP("checks", "{field}: printed field agrees with the MRZ"),
    "MRZ_VIZ_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "{field}: printed field disagrees with the MRZ ({why})"),
    # -- dates ------------------------------------------------------------------------------
    "DATES_INCONSISTENT:birth_not_date": QT_TRANSLATE_NOOP(
        "checks", "date of birth {value!r} is not a date"),
    "DATES_INCONSISTENT:expiry_not_date": QT_TRANSLATE_NOOP(
        "checks", "date of expiry {value!r} is not a date"),
    "DATES_INCONSISTENT:born_future": QT_TRANSLATE_NOOP("checks", "born in the future ({date})"),
    "DATES_INCONSISTENT:too_old": QT_TRANSLATE_NOOP("checks", "holder older than {years} years"),
    "DATES_INCONSISTENT:expires_before_birth": QT_TRANSLATE_NOOP(
        "checks", "expires before the holder's birth"),
    "DATES_INCONSISTENT:issued_after_expiry": QT_TRANSLATE_NOOP(
        "checks", "issued ({date}) after it expires"),
    "DATES_INCONSISTENT:issued_future": QT_TRANSLATE_NOOP(
        "checks", "issued in the future ({date})"),
    "DATES_INCONSISTENT:issued_before_birth": QT_TRANSLATE_NOOP(
        "checks", "issued before the holder's birth"),
    "DATES_INCONSISTENT:issued_outside_series": QT_TRANSLATE_NOOP(
        "checks", "issued ({date}) outside the {series} series' validity"),
    "DATES_INCONSISTENT:expires_before_series": QT_TRANSLATE_NOOP(
        "checks", "expires ({date}) before the {series} series was first issued ({first})"),
    "DOCUMENT_EXPIRED": QT_TRANSLATE_NOOP(
        "checks", "the document expired on {date} (validity, not authenticity)"),
    "DATES_CONSISTENT": QT_TRANSLATE_NOOP("checks", "dates plausible; valid until {date}"),
    # -- barcodes ---------------------------------------------------------------------------
    "BACK_NOT_CAPTURED": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the specimen has it on the {face}, which was not captured — turn the "
                  "document over and capture it"),
    "BARCODE_WRONG_KIND": QT_TRANSLATE_NOOP(
        "checks", "{zone}: a {format} is there, but it carries {kind}"),
    "BARCODE_WRONG_KIND:other": QT_TRANSLATE_NOOP("checks", "no recognised data"),
    "BARCODE_PRESENT": QT_TRANSLATE_NOOP(
        "checks", "{zone}: {format} decoded (%n bytes) on the {face}"),
    "BARCODE_NOT_LOCATED": QT_TRANSLATE_NOOP(
        "checks", "{zone}: the {face}'s page could not be placed to look for it (%n symbol(s) "
                  "decoded elsewhere)"),
    "BARCODE_UNREADABLE": QT_TRANSLATE_NOOP(
        "checks", "{zone}: print is there but no symbol decodes (damaged, defocused, or not a "
                  "valid encoding)"),
    "BARCODE_MISSING": QT_TRANSLATE_NOOP(
        "checks", "{zone}: nothing is printed where the specimen has a barcode"),
    "BARCODE_DATA_MALFORMED": QT_TRANSLATE_NOOP(
        "checks", "{format} on the {face}: starts like AAMVA card data but cannot be read "
                  "({error})"),
    "BARCODE:where": QT_TRANSLATE_NOOP("checks", "{source} ({format}, {face})"),
    "NOTHING_TO_COMPARE": QT_TRANSLATE_NOOP(
        "checks", "{where}: neither an MRZ nor printed fields were read to compare it with"),
    "BARCODE_DATA_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "{where} disagrees with the page: {what}"),
    "BARCODE_DATA_MISMATCH:field": QT_TRANSLATE_NOOP("checks", "{field} against the {against}"),
    "BARCODE_DATA_MISMATCH:field_why": QT_TRANSLATE_NOOP(
        "checks", "{field} against the {against}: {why}"),
    "BARCODE_DATA_MATCH": QT_TRANSLATE_NOOP(
        "checks", "{where}: %n field(s) agree with the {against}"),
    "BARCODE:both": QT_TRANSLATE_NOOP("checks", "{first} and {second}"),
    "SEAL": QT_TRANSLATE_NOOP("checks", "digital seal ({face}): {message}"),
}

#: Words that appear inside messages, by catalogue context. The English text a message
#: writes -> the catalogue's source text (the same unless said otherwise).
TERMS: dict[str, tuple[str, ...]] = {
    # the fields of the MRZ and of the visual zone, as the messages name them
    FIELDS: (
        QT_TRANSLATE_NOOP("fields", "document code"), QT_TRANSLATE_NOOP("fields", "issuing state"),
        QT_TRANSLATE_NOOP("fields", "document number"), QT_TRANSLATE_NOOP("fields", "surname"),
        QT_TRANSLATE_NOOP("fields", "given names"), QT_TRANSLATE_NOOP("fields", "nationality"),
        QT_TRANSLATE_NOOP("fields", "date of birth"), QT_TRANSLATE_NOOP("fields", "birth date"),
        QT_TRANSLATE_NOOP("fields", "sex"), QT_TRANSLATE_NOOP("fields", "date of expiry"),
        QT_TRANSLATE_NOOP("fields", "expiry date"), QT_TRANSLATE_NOOP("fields", "issue date"),
        QT_TRANSLATE_NOOP("fields", "optional data"), QT_TRANSLATE_NOOP("fields", "composite"),
        QT_TRANSLATE_NOOP("fields", "mrz"), QT_TRANSLATE_NOOP("fields", "MRZ"),
        QT_TRANSLATE_NOOP("fields", "printed"), QT_TRANSLATE_NOOP("fields", "barcode"),
        QT_TRANSLATE_NOOP("fields", "front"), QT_TRANSLATE_NOOP("fields", "back"),
        QT_TRANSLATE_NOOP("fields", "aamva"), QT_TRANSLATE_NOOP("fields", "seal"),
        QT_TRANSLATE_NOOP("fields", "AAMVA data"), QT_TRANSLATE_NOOP("fields", "digital seal"),
    ),
    # the bundled Utopia specimens' zone labels and titles (specimens/render.py); other
    # packages' labels are printed as their authors wrote them
    ZONES: (
        QT_TRANSLATE_NOOP("zones", "PDF417 with the holder's data (AAMVA)"),
        QT_TRANSLATE_NOOP("zones", "digital seal (DataMatrix, ICAO 9303-13)"),
        QT_TRANSLATE_NOOP("zones", "guilloche background"),
        QT_TRANSLATE_NOOP("zones", "holder's portrait"),
        QT_TRANSLATE_NOOP("zones", "holder's signature"),
        QT_TRANSLATE_NOOP("zones", "luminescent pattern across the portrait's edge"),
        QT_TRANSLATE_NOOP("zones", "luminescent state emblem"),
        QT_TRANSLATE_NOOP("zones", "machine readable zone (carbon ink)"),
        QT_TRANSLATE_NOOP("zones", "printed birth date"),
        QT_TRANSLATE_NOOP("zones", "printed document number"),
        QT_TRANSLATE_NOOP("zones", "printed expiry date"),
        QT_TRANSLATE_NOOP("zones", "printed given names"),
        QT_TRANSLATE_NOOP("zones", "printed nationality"),
        QT_TRANSLATE_NOOP("zones", "printed sex"),
        QT_TRANSLATE_NOOP("zones", "printed surname"),
        QT_TRANSLATE_NOOP("zones", "seal in IR-absorbing ink"),
        QT_TRANSLATE_NOOP("zones", "state name (IR-dropout ink)"),
        QT_TRANSLATE_NOOP("zones", "substrate without personalisation"),
    ),
    SPECIMENS: (
        QT_TRANSLATE_NOOP("specimens", "Utopia passport, 2020 series, data page"),
        QT_TRANSLATE_NOOP("specimens", "Utopia identity card, 2021 series"),
    ),
    # lights as messages write them (``Light.value``); the catalogue has their short names
    LIGHTS: (
        QT_TRANSLATE_NOOP("lights", "white"), QT_TRANSLATE_NOOP("lights", "uv"),
        QT_TRANSLATE_NOOP("lights", "ir"), QT_TRANSLATE_NOOP("lights", "uv254"),
        QT_TRANSLATE_NOOP("lights", "oblique"), QT_TRANSLATE_NOOP("lights", "oblique_top"),
        QT_TRANSLATE_NOOP("lights", "coaxial"),
        QT_TRANSLATE_NOOP("lights", "transmitted"), QT_TRANSLATE_NOOP("lights", "ir_transmitted"),
    ),
    # the measures a tolerance holds (``tolerance.RULES``: the id with spaces)
    MEASURES: (
        QT_TRANSLATE_NOOP("measures", "correlation"),
        QT_TRANSLATE_NOOP("measures", "edge continuity"),
        QT_TRANSLATE_NOOP("measures", "fibre colour distance"),
        QT_TRANSLATE_NOOP("measures", "fibre density"),
        QT_TRANSLATE_NOOP("measures", "fibre overprint"),
        QT_TRANSLATE_NOOP("measures", "fine detail"),
        QT_TRANSLATE_NOOP("measures", "ghost correlation"),
        QT_TRANSLATE_NOOP("measures", "ghost identity"),
        QT_TRANSLATE_NOOP("measures", "ghost residual"),
        QT_TRANSLATE_NOOP("measures", "glow contrast"),
        QT_TRANSLATE_NOOP("measures", "hole contrast"),
        QT_TRANSLATE_NOOP("measures", "hue difference"),
        QT_TRANSLATE_NOOP("measures", "ink axis"),
        QT_TRANSLATE_NOOP("measures", "ir print ratio"),
        QT_TRANSLATE_NOOP("measures", "ir structure"),
        QT_TRANSLATE_NOOP("measures", "ir structure excess"),
        QT_TRANSLATE_NOOP("measures", "microprint detail"),
        QT_TRANSLATE_NOOP("measures", "microprint letters"),
        QT_TRANSLATE_NOOP("measures", "pattern dx"),
        QT_TRANSLATE_NOOP("measures", "pattern dy"),
        QT_TRANSLATE_NOOP("measures", "pattern shift"),
        QT_TRANSLATE_NOOP("measures", "reflected excess"),
        QT_TRANSLATE_NOOP("measures", "registration quality"),
        QT_TRANSLATE_NOOP("measures", "relief correlation"),
        QT_TRANSLATE_NOOP("measures", "relief strength"),
        QT_TRANSLATE_NOOP("measures", "retro correlation"),
        QT_TRANSLATE_NOOP("measures", "retro strength"),
        QT_TRANSLATE_NOOP("measures", "similarity"),
        QT_TRANSLATE_NOOP("measures", "strength"),
        QT_TRANSLATE_NOOP("measures", "through correlation"),
        QT_TRANSLATE_NOOP("measures", "through strength"),
        QT_TRANSLATE_NOOP("measures", "uv254 correlation"),
        QT_TRANSLATE_NOOP("measures", "uv254 glow"),
        QT_TRANSLATE_NOOP("measures", "uv254 hue difference"),
        QT_TRANSLATE_NOOP("measures", "uv border step"),
        QT_TRANSLATE_NOOP("measures", "uv green share"),
        QT_TRANSLATE_NOOP("measures", "uv level"),
    ),
}

# The optional lights' checks (issue 22) say theirs in a module of their own.
CODE_TABLE.update(LIGHT_CODES)
TEMPLATES.update(LIGHT_TEMPLATES)
TERMS[ZONES] = (*TERMS[ZONES], *LIGHT_ZONES)


def message(key: str, /, *, n: int | None = None, **params: Any) -> Msg:
    """The message ``key`` of :data:`TEMPLATES` with its parameters (``KeyError`` for an
    unknown key; a test checks every template's fields against its callers')."""
    return Msg(CHECKS, TEMPLATES[key], params, n)


def zone_term(label: str) -> Term:
    """A zone's label (or id) inside a message: translated when the catalogue knows it
    (the bundled specimens' labels), as written otherwise."""
    return Term(label, ZONES)


def measure_term(measure: str) -> Term:
    """A measure's name inside a message (``fine_detail`` is written ``fine detail``):
    translated when the catalogue knows it, as written otherwise."""
    return Term(measure.replace("_", " "), MEASURES)


def light_term(light: Light) -> Term:
    """A light inside a message, written ``ir``/``uv`` in English as before."""
    return Term(light.value, LIGHTS)


def field_term(name: str) -> Term:
    """A field name inside a message (``date of birth``; ``birth_date`` is written with
    spaces)."""
    return Term(name.replace("_", " "), FIELDS)


def lights_join(lights: Any) -> Join:
    """Lights listed with commas (``white, ir``)."""
    return Join(tuple(light_term(light) for light in lights), ", ")


def explanation(code: str) -> str | None:
    """The English meaning of a result code of any check, the chip's included (the
    catalogue source in context ``codes``); ``None`` for an unknown code."""
    from workstation.chip.messages import CODE_TABLE as CHIP_CODES

    entry = CODE_TABLE.get(code) or CHIP_CODES.get(code)
    return entry[1] if entry is not None else None
