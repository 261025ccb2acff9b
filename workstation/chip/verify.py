"""Everything the chip proves, as typed results and as the examination's checks.

:func:`verify_chip` runs Passive Authentication and parses what the chip holds;
:func:`chip_checks` turns that (and, when given, the printed MRZ and portrait)
into :class:`~workstation.types.CheckResult` s with reason codes and evidence:

=================================  ==========================================================
check id                           codes
=================================  ==========================================================
``chip.passive_authentication``    PA_VALID; PA_HASH_MISMATCH, PA_SIGNATURE_INVALID,
                                   PA_SIGNER_UNTRUSTED, PA_COUNTRY_MISMATCH, PA_SIGNER_REVOKED,
                                   PA_NO_SOD (fail); PA_CSCA_MISSING, PA_CERT_EXPIRED,
                                   PA_DG_UNSIGNED (warn)
``chip.chip_authentication``       CA_VALID; CA_FAILED (fail); CA_NOT_OFFERED, CA_NOT_RUN
                                   (skipped)
``chip.active_authentication``     AA_VALID; AA_FAILED (fail); AA_NOT_OFFERED, AA_NOT_RUN
                                   (skipped)
``chip.mrz``                       CHIP_MRZ_MATCH; CHIP_MRZ_MISMATCH (fail, each field named);
                                   NO_MRZ (skipped)
``chip.face``                      FACE_MATCH; FACE_MISMATCH (warn: for the examiner to judge,
                                   both faces as evidence; the photo score below its
                                   point, or dlib's identity distance above its own);
                                   FACE_UNREADABLE (skipped)
=================================  ==========================================================

With no chip files every check is ``skipped`` with CHIP_ABSENT.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import x509

from workstation.chip.auth import AuthResult
from workstation.chip.lds import FaceImage, parse_dg1, parse_dg2
from workstation.chip.messages import TITLES, message
from workstation.chip.passive import PassiveAuthentication, passive_authentication, read_groups
from workstation.errors import FormatError
from workstation.i18n import Join, Msg, Term, render
from workstation.pki.store import TrustStore
from workstation.types import CheckResult, CheckStatus, Evidence, Image, Light

NOT_RUN = AuthResult(False, False, None, "", "")


@dataclass(frozen=True)
class ChipVerification:
    """What the chip's files prove.

    Attributes:
        files: chip files by canonical name.
        passive: Passive Authentication (``None`` without EF.SOD).
        dg1_lines: the chip's MRZ (``None`` when DG1 is missing or unreadable).
        faces: DG2's faces.
        chip_auth, active_auth: from the reading (``chip.json``), when there was one.
        read_record: ``chip.json`` as read (``None`` for a bare dump).
        problems: files that did not parse.
    """

    files: dict[str, bytes]
    passive: PassiveAuthentication | None
    dg1_lines: list[str] | None
    faces: list[FaceImage]
    chip_auth: AuthResult = NOT_RUN
    active_auth: AuthResult = NOT_RUN
    read_record: dict[str, Any] | None = None
    problems: tuple[str, ...] = field(default_factory=tuple)

    def face_image(self) -> Image | None:
        """The first DG2 face decoded (``None`` when none decodes)."""
        for face in self.faces:
            try:
                return face.decode()
            except FormatError:
                continue
        return None


def _auth_from(record: Mapping[str, Any] | None, key: str) -> AuthResult:
    if not record or not isinstance(record.get(key), dict):
        return NOT_RUN
    r = record[key]
    return AuthResult(bool(r.get("offered")), bool(r.get("performed")), r.get("passed"),
                      str(r.get("protocol", "")), str(r.get("detail", "")))


def verify_chip(files: Mapping[str, bytes], *, record: Mapping[str, Any] | None = None,
                store: TrustStore | None = None, extra_cscas: Sequence[x509.Certificate] = (),
                issuing_state: str | None = None,
                when: dt.datetime | None = None) -> ChipVerification:
    """Passive Authentication and parsing of ``files`` (canonical names -> bytes)."""
    from workstation.chip.trust import chip_trust_store

    problems: list[str] = []
    passive = None
    try:
        sod, groups = read_groups(files)
        passive = passive_authentication(sod, groups, store=store or chip_trust_store(),
                                         extra_cscas=tuple(extra_cscas),
                                         issuing_state=issuing_state, when=when)
    except FormatError as exc:
        problems.append(str(exc))
    lines = None
    if "DG1" in files:
        try:
            lines = parse_dg1(files["DG1"])
        except FormatError as exc:
            problems.append(str(exc))
    faces: list[FaceImage] = []
    if "DG2" in files:
        try:
            faces = parse_dg2(files["DG2"])
        except FormatError as exc:
            problems.append(str(exc))
    return ChipVerification(dict(files), passive, lines, faces,
                            _auth_from(record, "chip_authentication"),
                            _auth_from(record, "active_authentication"),
                            dict(record) if record else None, tuple(problems))


def _r(cid: str, status: CheckStatus, code: str, text: Msg | str, *,
       score: float | None = None, threshold: float | None = None,
       evidence: list[Evidence] | None = None, **details: Any) -> CheckResult:
    return CheckResult(id=cid, status=status, code=code, message=render(text, None),
                       zone="chip", light=None, score=score, threshold=threshold,
                       evidence=evidence or [],
                       details={k: v for k, v in details.items() if v is not None},
                       title=TITLES.get(cid, ""), text=None if isinstance(text, str) else text)


def _pa_check(v: ChipVerification) -> CheckResult:
    cid = "chip.passive_authentication"
    pa = v.passive
    rec = v.read_record or {}
    read = {"reader": rec.get("reader") or None, "access": rec.get("access_protocol") or None,
            "pace_fallback": rec.get("pace_fallback") or None}
    if pa is None:
        problems = Join(tuple(v.problems) or (message("PA_NO_SOD:no_sod"),))
        return _r(cid, CheckStatus.FAIL, "PA_NO_SOD", message("PA_NO_SOD", problems=problems),
                  **read)
    d = {**pa.to_json(), **{k: x for k, x in read.items() if x}}
    bad = [k for k, ok in pa.data_groups.items() if ok is False]
    unsigned = [k for k, ok in pa.data_groups.items() if ok is None]
    if bad:
        return _r(cid, CheckStatus.FAIL, "PA_HASH_MISMATCH",
                  message("PA_HASH_MISMATCH.one" if len(bad) == 1 else "PA_HASH_MISMATCH.many",
                          groups=", ".join(bad)), **d)
    if not pa.hashes_valid:
        return _r(cid, CheckStatus.FAIL, "PA_HASH_MISMATCH", "; ".join(pa.problems), **d)
    if not pa.signature_valid:
        return _r(cid, CheckStatus.FAIL, "PA_SIGNATURE_INVALID",
                  message("PA_SIGNATURE_INVALID", algorithm=pa.algorithm), **d)
    if pa.country_match is False:
        return _r(cid, CheckStatus.FAIL, "PA_COUNTRY_MISMATCH", "; ".join(
            p for p in pa.problems if "MRZ names" in p), **d)
    if pa.chain_valid is False:
        return _r(cid, CheckStatus.FAIL, "PA_SIGNER_UNTRUSTED",
                  message("PA_SIGNER_UNTRUSTED", signer=pa.signer, country=pa.country), **d)
    if pa.revocation == "revoked":
        return _r(cid, CheckStatus.FAIL, "PA_SIGNER_REVOKED",
                  message("PA_SIGNER_REVOKED", signer=pa.signer), **d)
    if pa.chain_valid is None:
        return _r(cid, CheckStatus.WARN, "PA_CSCA_MISSING",
                  message("PA_CSCA_MISSING", country=pa.country or "?", signer=pa.signer), **d)
    if unsigned:
        return _r(cid, CheckStatus.WARN, "PA_DG_UNSIGNED",
                  message("PA_DG_UNSIGNED", groups=", ".join(unsigned)), **d)
    if pa.signer_valid_now is False or pa.csca_valid_now is False:
        return _r(cid, CheckStatus.WARN, "PA_CERT_EXPIRED",
                  "; ".join(p for p in pa.problems if "not valid" in p), **d)
    return _r(cid, CheckStatus.PASS, "PA_VALID",
              message("PA_VALID", groups=", ".join(pa.data_groups), signer=pa.signer,
                      csca=pa.csca), **d)


def _auth_check(cid: str, prefix: str, what: str, r: AuthResult) -> CheckResult:
    d = r.to_json()
    name = Term(what, "fields")
    detail = Term(r.detail, "chip details")  # translated when it is one of DETAILS
    if not r.offered:
        code = f"{prefix}_NOT_OFFERED" if r.detail else f"{prefix}_NOT_RUN"
        text = message("NOT_OFFERED", what=name) if r.detail else \
            message("NOT_RUN.files", what=name)
        return _r(cid, CheckStatus.SKIPPED, code, text, **d)
    if r.passed is True:
        return _r(cid, CheckStatus.PASS, f"{prefix}_VALID",
                  message("AUTH_VALID", protocol=r.protocol, detail=detail), **d)
    if r.passed is False:
        return _r(cid, CheckStatus.FAIL, f"{prefix}_FAILED",
                  message("AUTH_FAILED", what=name, detail=detail), **d)
    return _r(cid, CheckStatus.SKIPPED, f"{prefix}_NOT_RUN",
              message("NOT_RUN", what=name, detail=detail), **d)


#: Fields of the MRZ compared between the chip and the page.
MRZ_FIELDS = ("document_code", "issuing_state", "surname", "given_names", "document_number",
              "nationality", "birth_date", "sex", "expiry_date", "optional_data")


def _mrz_check(v: ChipVerification, printed: Mapping[str, Any] | None) -> CheckResult:
    cid = "chip.mrz"
    if v.dg1_lines is None:
        return _r(cid, CheckStatus.FAIL if "DG1" in v.files else CheckStatus.SKIPPED,
                  "CHIP_DG1_UNREADABLE" if "DG1" in v.files else "NO_DG1",
                  message("CHIP_DG1_UNREADABLE" if "DG1" in v.files else "NO_DG1"))
    if not printed or not printed.get("found"):
        return _r(cid, CheckStatus.SKIPPED, "NO_MRZ", message("NO_MRZ"),
                  chip_lines=v.dg1_lines)
    from workstation.mrz import parse_mrz

    chip = parse_mrz(v.dg1_lines).to_json("DG1")
    cf, pf = chip.get("fields", {}), printed.get("fields", {})
    differ = [f for f in MRZ_FIELDS if (cf.get(f) or "") != (pf.get(f) or "")]
    if differ:
        shown = Join(tuple(message("CHIP_MRZ_MISMATCH:field",
                                   field=Term(f.replace("_", " "), "fields"),
                                   chip=cf.get(f) or "-", page=pf.get(f) or "-")
                           for f in differ))
        return _r(cid, CheckStatus.FAIL, "CHIP_MRZ_MISMATCH",
                  message("CHIP_MRZ_MISMATCH", fields=", ".join(differ), shown=shown),
                  fields=differ, chip_lines=v.dg1_lines,
                  printed_lines=list(printed.get("lines", [])))
    return _r(cid, CheckStatus.PASS, "CHIP_MRZ_MATCH", message("CHIP_MRZ_MATCH"),
              chip_lines=v.dg1_lines)


def _face_check(v: ChipVerification, portrait: Image | None, source: str) -> CheckResult:
    cid = "chip.face"
    chip_face = v.face_image()
    if chip_face is None:
        return _r(cid, CheckStatus.SKIPPED, "FACE_UNREADABLE",
                  message("FACE_UNREADABLE.dg2" if "DG2" in v.files
                          else "FACE_UNREADABLE.no_dg2"))
    if portrait is None:
        return _r(cid, CheckStatus.SKIPPED, "FACE_UNREADABLE",
                  message("FACE_UNREADABLE.portrait"))
    from workstation.chip.face import compare_faces

    c = compare_faces(chip_face, portrait)
    ev = [Evidence("chip face (DG2)", chip_face, None, "chip"),
          Evidence(f"printed portrait ({source})", portrait, Light.WHITE, "capture"),
          Evidence("compared: chip | page", _side_by_side(c.chip, c.printed), None, "derived")]
    details: dict[str, Any] = dict(aligned_by=c.aligned_by,
                                   identity_distance=c.identity_distance,
                                   identity_threshold=c.identity_threshold,
                                   portrait_source=source)
    if c.matched:
        return _r(cid, CheckStatus.PASS, "FACE_MATCH", message("FACE_MATCH", score=c.score),
                  score=c.score,
                  threshold=c.threshold, evidence=ev, **details)
    text = message("FACE_MISMATCH", score=c.score, threshold=c.threshold) \
        if c.score < c.threshold else \
        message("FACE_MISMATCH.identity", score=c.score, distance=c.identity_distance,
                identity_threshold=c.identity_threshold)
    return _r(cid, CheckStatus.WARN, "FACE_MISMATCH", text,
              score=c.score, threshold=c.threshold, evidence=ev, **details)


def _side_by_side(a: Image, b: Image) -> Image:
    import numpy as np

    gap = np.full((a.shape[0], 4, 3), 255, np.uint8)
    return np.ascontiguousarray(np.concatenate([a, gap, b], axis=1))


def chip_checks(v: ChipVerification, *, printed_mrz: Mapping[str, Any] | None = None,
                portrait: Image | None = None, portrait_source: str = "portrait zone"
                ) -> list[CheckResult]:
    """The chip checks for ``v`` (``printed_mrz``: the ``mrz --json`` object of the page;
    ``portrait``: the printed portrait, ``uint8`` RGB)."""
    return [_pa_check(v),
            _auth_check("chip.chip_authentication", "CA", "Chip Authentication", v.chip_auth),
            _auth_check("chip.active_authentication", "AA", "Active Authentication",
                        v.active_auth),
            _mrz_check(v, printed_mrz),
            _face_check(v, portrait, portrait_source)]
