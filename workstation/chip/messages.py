"""What the chip checks say: their result codes with status and meaning, and their
message templates (as :mod:`workstation.examination.messages` does for the other
checks; the same catalogue contexts)."""

from __future__ import annotations

from typing import Any

from workstation.i18n import QT_TRANSLATE_NOOP, Msg
from workstation.types import CheckStatus

#: Every result code of the chip checks: code -> (status, meaning).
CODE_TABLE: dict[str, tuple[CheckStatus, str]] = {
    "PA_VALID": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the chip's data is as its document signer signed it, and the signer chains "
                 "to a trusted CSCA")),
    "PA_HASH_MISMATCH": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "a data group differs from what the document signer signed")),
    "PA_SIGNATURE_INVALID": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the security object's signature does not verify")),
    "PA_SIGNER_UNTRUSTED": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "a CSCA of the country is trusted but did not sign the document signer")),
    "PA_COUNTRY_MISMATCH": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the signer's country is not the issuing state of the MRZ")),
    "PA_SIGNER_REVOKED": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the document signer's certificate is revoked")),
    "PA_NO_SOD": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the chip holds no readable security object")),
    "PA_CSCA_MISSING": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "no CSCA of the country is in the trust store")),
    "PA_DG_UNSIGNED": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "a data group read is not covered by the security object")),
    "PA_CERT_EXPIRED": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "a certificate of the chain is not valid today")),
    "CA_VALID": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "Chip Authentication passed: the chip is not a copy")),
    "CA_FAILED": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the chip offers Chip Authentication and failed it")),
    "CA_NOT_OFFERED": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the chip does not offer Chip Authentication")),
    "CA_NOT_RUN": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "Chip Authentication was not run (files read earlier, no chip)")),
    "AA_VALID": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "Active Authentication passed: the chip is not a copy")),
    "AA_FAILED": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the chip offers Active Authentication and failed it")),
    "AA_NOT_OFFERED": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "the chip does not offer Active Authentication")),
    "AA_NOT_RUN": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "Active Authentication was not run (files read earlier, no chip)")),
    "CHIP_MRZ_MATCH": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the chip's DG1 equals the printed MRZ")),
    "CHIP_MRZ_MISMATCH": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the chip's DG1 differs from the printed MRZ")),
    "CHIP_DG1_UNREADABLE": (CheckStatus.FAIL, QT_TRANSLATE_NOOP(
        "codes", "the chip's DG1 is unreadable")),
    "NO_DG1": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP("codes", "no DG1 was read")),
    "NO_MRZ": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "no printed MRZ was read to compare the chip's DG1 with")),
    "FACE_MATCH": (CheckStatus.PASS, QT_TRANSLATE_NOOP(
        "codes", "the printed portrait is the chip's photograph")),
    "FACE_MISMATCH": (CheckStatus.WARN, QT_TRANSLATE_NOOP(
        "codes", "the printed portrait does not look like the chip's photograph: for the "
                 "examiner to judge")),
    "FACE_UNREADABLE": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "no face to compare (chip or page)")),
    "CHIP_ABSENT": (CheckStatus.SKIPPED, QT_TRANSLATE_NOOP(
        "codes", "no chip files with the capture")),
}

TEMPLATES: dict[str, str] = {
    "CHIP_ABSENT": QT_TRANSLATE_NOOP(
        "checks", "the capture holds no chip files (no chip/ folder, no chip read)"),
    "CHIP_ABSENT.empty": QT_TRANSLATE_NOOP("checks", "the chip/ folder holds no chip files"),
    "PA_NO_SOD": QT_TRANSLATE_NOOP("checks", "the chip's data cannot be proved: {problems}"),
    "PA_NO_SOD:no_sod": QT_TRANSLATE_NOOP("checks", "no EF.SOD"),
    "PA_HASH_MISMATCH.one": QT_TRANSLATE_NOOP(
        "checks", "{groups} differs from what the document signer signed: the chip's data was "
                  "altered"),
    "PA_HASH_MISMATCH.many": QT_TRANSLATE_NOOP(
        "checks", "{groups} differ from what the document signer signed: the chip's data was "
                  "altered"),
    "PA_SIGNATURE_INVALID": QT_TRANSLATE_NOOP(
        "checks", "the security object's signature does not verify ({algorithm})"),
    "PA_SIGNER_UNTRUSTED": QT_TRANSLATE_NOOP(
        "checks", "the document signer ({signer}) was not issued by any trusted CSCA of "
                  "{country}: unknown signer"),
    "PA_SIGNER_REVOKED": QT_TRANSLATE_NOOP("checks", "the document signer ({signer}) is revoked"),
    "PA_CSCA_MISSING": QT_TRANSLATE_NOOP(
        "checks", "hashes and signature verify, but no CSCA of {country} is in the trust store to "
                  "prove the signer ({signer}): import the master list"),
    "PA_DG_UNSIGNED": QT_TRANSLATE_NOOP(
        "checks", "{groups} not covered by the security object (unproven)"),
    "PA_VALID": QT_TRANSLATE_NOOP("checks", "{groups} as signed by {signer}, chained to {csca}"),
    "NOT_OFFERED": QT_TRANSLATE_NOOP("checks", "the chip does not offer {what}"),
    "NOT_RUN.files": QT_TRANSLATE_NOOP(
        "checks", "{what} needs the chip itself (these are files read earlier)"),
    "AUTH_VALID": QT_TRANSLATE_NOOP("checks", "{protocol}: {detail}"),
    "AUTH_FAILED": QT_TRANSLATE_NOOP("checks", "the chip offers {what} and failed it: {detail}"),
    "NOT_RUN": QT_TRANSLATE_NOOP("checks", "{what}: {detail}"),
    "CHIP_DG1_UNREADABLE": QT_TRANSLATE_NOOP("checks", "the chip's DG1 is unreadable"),
    "NO_DG1": QT_TRANSLATE_NOOP("checks", "no DG1 read"),
    "NO_MRZ": QT_TRANSLATE_NOOP("checks", "no printed MRZ was read to compare the chip's DG1 with"),
    "CHIP_MRZ_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "the chip's DG1 differs from the printed MRZ in {fields} ({shown})"),
    "CHIP_MRZ_MISMATCH:field": QT_TRANSLATE_NOOP("checks", "{field}: chip {chip!r}, page {page!r}"),
    "CHIP_MRZ_MATCH": QT_TRANSLATE_NOOP("checks", "the chip's DG1 equals the printed MRZ"),
    "FACE_UNREADABLE.dg2": QT_TRANSLATE_NOOP("checks", "no face image decodes from DG2"),
    "FACE_UNREADABLE.no_dg2": QT_TRANSLATE_NOOP("checks", "no DG2 read"),
    "FACE_UNREADABLE.portrait": QT_TRANSLATE_NOOP(
        "checks", "no printed portrait to compare (no specimen matched and no face found on the "
                  "page)"),
    "FACE_MATCH": QT_TRANSLATE_NOOP(
        "checks", "the printed portrait is the chip's photograph (similarity {score:.3f})"),
    "FACE_MISMATCH": QT_TRANSLATE_NOOP(
        "checks", "the printed portrait does not look like the chip's photograph (similarity "
                  "{score:.3f} < {threshold:.2f}): compare the faces side by side"),
    "FACE_MISMATCH.identity": QT_TRANSLATE_NOOP(
        "checks", "the printed portrait shows another person than the chip's photograph "
                  "(identity distance {distance:.2f} >= {identity_threshold:.2f}, similarity "
                  "{score:.3f}): compare the faces side by side"),
}

#: What each chip check looks at, in plain words (the result's ``title``).
TITLES: dict[str, str] = {
    "chip.passive_authentication": QT_TRANSLATE_NOOP(
        "check titles", "the chip's data as its issuer signed it (Passive Authentication)"),
    "chip.chip_authentication": QT_TRANSLATE_NOOP(
        "check titles", "the chip is no copy (Chip Authentication)"),
    "chip.active_authentication": QT_TRANSLATE_NOOP(
        "check titles", "the chip is no copy (Active Authentication)"),
    "chip.mrz": QT_TRANSLATE_NOOP("check titles", "the chip's MRZ against the printed MRZ"),
    "chip.face": QT_TRANSLATE_NOOP("check titles",
                                   "the chip's photograph against the printed portrait"),
}

#: What Chip and Active Authentication report in fixed words (``AuthResult.detail`` of
#: :mod:`workstation.chip.auth`; other details carry data and stay as they are).
DETAILS = (
    QT_TRANSLATE_NOOP("chip details", "the chip signed the challenge with the DG15 key"),
    QT_TRANSLATE_NOOP("chip details",
                      "the chip's signature does not verify with the DG15 key (a clone?)"),
    QT_TRANSLATE_NOOP("chip details", "the chip derived the session keys from the DG14 key"),
    QT_TRANSLATE_NOOP("chip details", "no secure messaging"),
    QT_TRANSLATE_NOOP("chip details", "degenerate shared secret"),
    QT_TRANSLATE_NOOP("chip details", "not offered by the chip"),
)

#: The authentication protocols, as the messages name them.
PROTOCOLS = (QT_TRANSLATE_NOOP("fields", "Chip Authentication"),
             QT_TRANSLATE_NOOP("fields", "Active Authentication"))


def message(key: str, /, *, n: int | None = None, **params: Any) -> Msg:
    """The chip message ``key`` with its parameters."""
    return Msg("checks", TEMPLATES[key], params, n)
