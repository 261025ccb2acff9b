"""Verify signed reports: integrity, signer, trust, revocation (formats.md §4).

A report is *intact* when every signature's signed bytes are unchanged, the
last signature covers the whole file (nothing appended after it), the later
revisions only add signatures, and the unsigned gap of every signature holds
nothing but its CMS object and zero padding: flipping any single byte of the
file therefore makes it not intact. It is *trusted* when every signer's
certificate chains to a configured trust anchor, none is revoked, and the
supervisor's countersignature (if any) is by someone else than the examiner — not
the same key, not the same account of the workstation's CA — whose certificate,
when it states a working role, states ``supervisor``.

This verification is the authority on a report. A PDF reader or poppler's
``pdfsig`` checks less: ``pdfsig`` accepted a changed signer name and called files
altered by "shadow" incremental updates "Signature is Valid"; here every byte of
every signature and every later revision is accounted for, and the roles checked.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from workstation.errors import InputError
from workstation.reports.config import ReportConfig, load_config


@dataclass
class SignatureCheck:
    """The verification of one signature in a report."""

    field: str
    signer: str
    intact: bool
    trusted: bool
    revoked: bool = False
    signed_at: dt.datetime | None = None
    timestamped: bool = False
    timestamp_trusted: bool = False
    covers_whole_file: bool = False
    reason: str = ""
    problem: str = ""
    account: str | None = None
    role: str | None = None
    public_key_sha256: str = ""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "field": self.field, "signer": self.signer, "account": self.account,
            "role": self.role, "intact": self.intact,
            "trusted": self.trusted, "revoked": self.revoked,
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "timestamped": self.timestamped, "timestamp_trusted": self.timestamp_trusted,
            "covers_whole_file": self.covers_whole_file, "reason": self.reason,
            "problem": self.problem or None,
        }


@dataclass
class ReportVerification:
    """The verification of one report file (formats.md §4, plus details).

    ``signer`` and ``signed_at`` are those of the first signature (the
    examiner's); ``intact`` and ``trusted`` hold for every signature.
    """

    file: str
    signed: bool
    intact: bool
    signer: str | None
    trusted: bool
    signed_at: dt.datetime | None
    revoked: bool = False
    signatures: list[SignatureCheck] = field(default_factory=list)
    problem: str = ""
    roles_ok: bool = True

    def to_json(self) -> dict[str, Any]:
        """The object of ``workstation report verify --json``."""
        return {
            "file": self.file, "signed": self.signed, "intact": self.intact,
            "signer": self.signer, "trusted": self.trusted,
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "revoked": self.revoked, "roles_ok": self.roles_ok,
            "signatures": [s.to_json() for s in self.signatures],
            "problem": self.problem or None,
        }

    @property
    def summary(self) -> str:
        """One line for an examiner."""
        if not self.signed:
            return "not signed" + (f" ({self.problem})" if self.problem else "")
        if not self.intact:
            return f"MODIFIED since signing: {self.problem or 'signature does not match'}"
        names = ", ".join(s.signer for s in self.signatures)
        if self.revoked:
            return f"intact, but a signer's certificate is REVOKED ({names})"
        if not self.roles_ok:
            return f"intact, but NOT TRUSTED: {self.problem}"
        if not self.trusted:
            return f"intact, signed by {names}, but the signer is NOT TRUSTED here"
        return f"intact and trusted, signed by {names}"


@dataclass
class Trust:
    """Trust anchors and revocation lists used for verification (DER)."""

    anchors: list[bytes] = field(default_factory=list)
    crls: list[bytes] = field(default_factory=list)

    @classmethod
    def from_config(cls, config: ReportConfig | None = None) -> Trust:
        """The local CA (when trusted and present) plus the trust folder's files."""
        from workstation.reports.ca import LocalCA

        config = config or load_config()
        trust = cls()
        if config.trust_local_ca:
            ca = LocalCA()
            if ca.exists():
                trust.anchors.append(ca.cert_der)
                crl = ca.crl_der()
                if crl is not None:
                    trust.crls.append(crl)
        folder = config.trust_path()
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                suffix = path.suffix.lower()
                if suffix in (".pem", ".crt", ".cer", ".der"):
                    trust.anchors.extend(_load_certs(path))
                elif suffix == ".crl":
                    trust.crls.extend(_load_crls(path))
        return trust


def _load_certs(path: Path) -> list[bytes]:
    from cryptography.hazmat.primitives.serialization import Encoding

    data = path.read_bytes()
    try:
        if b"-----BEGIN" in data:
            certs = x509.load_pem_x509_certificates(data)
        else:
            certs = [x509.load_der_x509_certificate(data)]
    except ValueError:
        return []
    return [c.public_bytes(Encoding.DER) for c in certs]


def _load_crls(path: Path) -> list[bytes]:
    from cryptography.hazmat.primitives.serialization import Encoding

    data = path.read_bytes()
    try:
        crl = (x509.load_pem_x509_crl(data) if b"-----BEGIN" in data
               else x509.load_der_x509_crl(data))
    except ValueError:
        return []
    return [crl.public_bytes(Encoding.DER)]


def _validation_context(trust: Trust) -> Any:
    from asn1crypto import crl as asn1_crl
    from asn1crypto import x509 as asn1_x509
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(c) for c in trust.anchors],
        crls=[asn1_crl.CertificateList.load(c) for c in trust.crls],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )


def _quiet_validation_logs() -> None:
    """pyHanko logs every untrusted or broken signature with a traceback at WARNING;
    the verdict is reported through :class:`ReportVerification` instead."""
    for name in ("pyhanko.sign.validation", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        if logger.level < logging.CRITICAL:
            logger.setLevel(logging.CRITICAL)


_HEX_GAP = re.compile(rb"<[0-9A-Fa-f]*>\Z")


def _gap_problem(data: bytes, byte_range: Sequence[int], contents: bytes) -> str:
    """Why the unsigned gap of a signature is not just its CMS object and zero padding."""
    if len(byte_range) != 4 or byte_range[0] != 0:
        return "malformed /ByteRange"
    gap = data[byte_range[1]:byte_range[2]]
    if not _HEX_GAP.match(gap):
        return "the signature's /Contents was altered"
    der_len = _der_length(contents)
    if der_len is None or any(contents[der_len:]):
        return "bytes changed in the signature's /Contents"
    return ""


def _cms_problem(der: bytes, anchors: Sequence[bytes]) -> str:
    """Structural checks of the parts of a CMS signature its own signature does not cover.

    The signed attributes and the signature value are checked cryptographically by
    pyHanko; this adds: every embedded certificate (also inside a time-stamp token)
    must carry a valid signature of an issuer that is embedded or a trust anchor
    (or itself), versions and digest-algorithm sets must be the ones RFC 5652
    prescribes, and algorithm parameters of digests must be absent or NULL. So a
    changed byte anywhere in the CMS object shows.
    """
    from asn1crypto import cms

    try:
        info = cms.ContentInfo.load(der, strict=True)
        sd = info["content"]
        problems = _signed_data_problems(sd, anchors)
        for si in sd["signer_infos"]:
            attrs = si["unsigned_attrs"]
            if attrs.native is None:
                continue
            for attr in attrs:
                if attr["type"].native == "signature_time_stamp_token":
                    for token in attr["values"]:
                        problems += _signed_data_problems(token["content"], anchors)
    except Exception as exc:  # asn1crypto/cryptography raise many kinds on damaged DER
        return f"malformed signature object ({type(exc).__name__})"
    return "; ".join(dict.fromkeys(problems))


def _signed_data_problems(sd: Any, anchors: Sequence[bytes]) -> list[str]:
    from cryptography.exceptions import InvalidSignature

    problems: list[str] = []
    certs = [c.chosen.dump() for c in (sd["certificates"] or [])
             if c.name == "certificate"]
    if any(c.name != "certificate" for c in (sd["certificates"] or [])):
        problems.append("unexpected certificate type in the signature")
    from asn1crypto import x509 as asn1_x509

    for raw in certs:  # a certificate is DER: re-encoding it must give the same bytes
        if asn1_x509.Certificate.load(raw).dump(force=True) != raw:
            problems.append("an embedded certificate was altered (not DER)")
    loaded = [x509.load_der_x509_certificate(c) for c in certs]
    issuers = loaded + [x509.load_der_x509_certificate(a) for a in anchors]
    for cert in loaded:
        # the issuer by name or by key identifier: one changed byte cannot break both links
        aki = _aki(cert)
        candidates = [i for i in issuers if i.subject == cert.issuer
                      or (aki is not None and _ski(i) == aki)]
        if not candidates:
            continue  # issuer unknown here: untrusted, reported by the chain check
        ok = False
        for issuer in candidates:
            try:
                cert.verify_directly_issued_by(issuer)
                ok = True
                break
            except (InvalidSignature, ValueError, TypeError):
                continue
        if not ok:
            problems.append("an embedded certificate was altered")
    versions = []
    for si in sd["signer_infos"]:
        want = 1 if si["sid"].name == "issuer_and_serial_number" else 3
        versions.append(si["version"].native)
        if si["version"].native != f"v{want}":
            problems.append("signer info version altered")
        for alg in (si["digest_algorithm"], ):
            if alg["parameters"].native is not None:
                problems.append("digest algorithm parameters altered")
    econtent = sd["encap_content_info"]["content_type"].native
    want_sd = "v3" if ("v3" in versions or econtent != "data") else "v1"
    if sd["version"].native != want_sd:
        problems.append("signed data version altered")
    declared = {a["algorithm"].native for a in sd["digest_algorithms"]}
    used = {si["digest_algorithm"]["algorithm"].native for si in sd["signer_infos"]}
    if declared != used or any(a["parameters"].native is not None
                               for a in sd["digest_algorithms"]):
        problems.append("digest algorithm list altered")
    return problems


def _aki(cert: x509.Certificate) -> bytes | None:
    try:
        ext = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
    except x509.ExtensionNotFound:
        return None
    return ext.value.key_identifier


def _ski(cert: x509.Certificate) -> bytes | None:
    try:
        return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except x509.ExtensionNotFound:
        return None


def _der_length(blob: bytes) -> int | None:
    """Length of the DER object at the start of ``blob`` (header included)."""
    if len(blob) < 2:
        return None
    first = blob[1]
    if first < 0x80:
        return 2 + first
    n = first & 0x7F
    if n == 0 or n > 4 or len(blob) < 2 + n:
        return None
    return 2 + n + int.from_bytes(blob[2:2 + n], "big")


def _signer_name(cert: Any) -> str:
    try:
        from workstation.reports.ca import subject_name

        return subject_name(x509.load_der_x509_certificate(cert.dump()))
    except (ValueError, AttributeError):
        return str(getattr(getattr(cert, "subject", None), "human_friendly", "unknown"))


def _identify_signer(check: SignatureCheck, cert: Any) -> None:
    """Fill in the signer's account, working role and key digest from its certificate."""
    import hashlib

    from cryptography.hazmat.primitives import serialization

    from workstation.reports.ca import subject_role, subject_user

    try:
        parsed = x509.load_der_x509_certificate(cert.dump())
        check.account = subject_user(parsed)
        check.role = subject_role(parsed)
        spki = parsed.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        check.public_key_sha256 = hashlib.sha256(spki).hexdigest()
    except (ValueError, AttributeError, TypeError):
        return


def _role_problem(checks: list[SignatureCheck]) -> str:
    """Why the signatures' roles do not hold (empty when they do): the countersignature
    must be by someone else than the examiner, in the supervisor role."""
    from workstation.reports.fields import SUPERVISOR_FIELD

    examiner = checks[0]
    for check in checks[1:]:
        if check.field != SUPERVISOR_FIELD:
            continue
        if check.public_key_sha256 and check.public_key_sha256 == examiner.public_key_sha256:
            return "countersigned with the examiner's own key: no one countersigns their " \
                   "own report"
        if check.account and check.account == examiner.account:
            return (f"countersigned by the examiner's own account {check.account}: no one "
                    "countersigns their own report")
        if check.role is not None and check.role != "supervisor":
            return f"countersigned by {check.signer} in the role {check.role}, not supervisor"
    return ""


def _revoked_by_crls(cert_der: bytes, trust: Trust) -> bool:
    """Whether a CRL of the trust settings, signed by the certificate's issuer, lists it."""
    cert = x509.load_der_x509_certificate(cert_der)
    issuers = [c for c in (x509.load_der_x509_certificate(a) for a in trust.anchors)
               if c.subject == cert.issuer]
    for raw in trust.crls:
        try:
            crl = x509.load_der_x509_crl(raw)
        except ValueError:
            continue
        if crl.issuer != cert.issuer:
            continue
        if not any(crl.is_signature_valid(i.public_key()) for i in issuers):  # type: ignore[arg-type]
            continue
        if crl.get_revoked_certificate_by_serial_number(cert.serial_number) is not None:
            return True
    return False


def _check_signature(sig: Any, data: bytes, vc_factory: Any,
                     trust: Trust) -> SignatureCheck:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    name = str(sig.field_name)
    try:
        signer = _signer_name(sig.signer_cert)
    except Exception as exc:  # pyHanko checks the certificate against the signed attributes
        return SignatureCheck(field=name, signer="unknown", intact=False, trusted=False,
                              problem=f"signer certificate does not match the signature: {exc}")
    reason = str(sig.sig_object.get("/Reason", "")) if "/Reason" in sig.sig_object else ""
    check = SignatureCheck(field=name, signer=signer, intact=False, trusted=False,
                           reason=reason)
    _identify_signer(check, sig.signer_cert)
    try:
        status = validate_pdf_signature(
            sig, signer_validation_context=vc_factory(), ts_validation_context=vc_factory(),
            key_usage_settings=KeyUsageConstraints(
                key_usage={"digital_signature", "non_repudiation"},
                match_all_key_usages=False))
    except Exception as exc:  # pyHanko raises many kinds on damaged input
        check.problem = f"signature cannot be validated: {type(exc).__name__}: {exc}"
        return check
    problems: list[str] = []
    if not (status.intact and status.valid):
        problems.append("the signed bytes do not match the signature")
    mod = status.modification_level
    if mod is not None and mod > ModificationLevel.FORM_FILLING:
        problems.append(f"later revisions change the document ({mod.name.lower()})")
    if status.docmdp_ok is False:
        problems.append("later revisions break the document's modification policy")
    gap = _gap_problem(data, list(sig.byte_range), bytes(sig.pkcs7_content))
    if gap:
        problems.append(gap)
    else:
        contents = bytes(sig.pkcs7_content)
        cms_problem = _cms_problem(contents[:_der_length(contents)], trust.anchors)
        if cms_problem:
            problems.append(cms_problem)
    check.covers_whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    check.revoked = bool(status.revoked) or _revoked_by_crls(sig.signer_cert.dump(), trust)
    check.trusted = bool(status.trusted) and not check.revoked
    ts = status.timestamp_validity
    if ts is not None:
        check.timestamped = True
        check.timestamp_trusted = bool(ts.trusted)
        if ts.intact and ts.valid:
            check.signed_at = ts.timestamp
        else:
            problems.append("the time stamp does not match")
    if check.signed_at is None:
        check.signed_at = status.signer_reported_dt
    check.intact = not problems
    if not problems and not check.trusted:
        check.problem = ("certificate revoked" if check.revoked
                         else f"signer not trusted ({status.trust_problem_indic or 'no path'})")
    else:
        check.problem = "; ".join(problems)
    return check


def verify_bytes(data: bytes, *, name: str = "report.pdf",
                 trust: Trust | None = None) -> ReportVerification:
    """Verify a report held in memory."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    _quiet_validation_logs()
    trust = trust if trust is not None else Trust.from_config()
    raw_signed = b"/ByteRange" in data
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception as exc:  # any parse failure of a damaged file
        return ReportVerification(name, raw_signed, False, None, False, None,
                                  problem=f"not a readable PDF ({type(exc).__name__})")
    if not sigs:
        problem = ("a signature dictionary is present but unreadable" if raw_signed
                   else "the file carries no signature")
        return ReportVerification(name, raw_signed, False, None, False, None, problem=problem)

    def vc_factory() -> Any:
        return _validation_context(trust)

    checks = [_check_signature(sig, data, vc_factory, trust) for sig in sigs]
    problems = [f"{c.field}: {c.problem}" for c in checks if not c.intact]
    if checks[-1].intact and not checks[-1].covers_whole_file:
        problems.append("the file was changed after the last signature")
    intact = not problems
    first = checks[0]
    roles = _role_problem(checks)
    if roles:
        problems.append(roles)
    return ReportVerification(
        file=name, signed=True, intact=intact, signer=first.signer,
        trusted=all(c.trusted for c in checks) and not roles, signed_at=first.signed_at,
        revoked=any(c.revoked for c in checks), signatures=checks,
        problem="; ".join(problems), roles_ok=not roles,
    )


def verify_report(path: str | Path, *, trust: Trust | None = None) -> ReportVerification:
    """Verify one report file (``InputError`` when it cannot be read)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return verify_bytes(data, name=str(path), trust=trust)


def verify_reports(paths: Iterable[str | Path], *,
                   trust: Trust | None = None) -> list[ReportVerification]:
    """Verify several files with the same trust settings."""
    trust = trust if trust is not None else Trust.from_config()
    return [verify_report(p, trust=trust) for p in paths]


@dataclass(frozen=True)
class CertificateCheck:
    """Whether a signer's certificate is trusted here (for signatures outside PDFs, e.g.
    the trends package's signed exports)."""

    signer: str
    trusted: bool
    revoked: bool
    problem: str = ""


def check_certificate(cert_der: bytes, chain_der: Sequence[bytes] = (), *,
                      trust: Trust | None = None,
                      usage: frozenset[str] = frozenset({"digital_signature"}),
                      ) -> CertificateCheck:
    """Check that the certificate ``cert_der`` chains (through ``chain_der``) to one of
    the configured trust anchors, allows ``usage`` and is not revoked — the same trust
    settings and revocation lists :func:`verify_bytes` uses for reports."""
    import asyncio

    from asn1crypto import x509 as asn1_x509
    from pyhanko_certvalidator import CertificateValidator

    _quiet_validation_logs()
    trust = trust if trust is not None else Trust.from_config()
    try:
        leaf = asn1_x509.Certificate.load(cert_der)
        signer = _signer_name(leaf)
        chain = [asn1_x509.Certificate.load(c) for c in chain_der]
        for cert in (leaf, *chain):
            if cert.dump(force=True) != cert.dump():
                return CertificateCheck(signer, False, False,
                                        "a certificate is not in DER form")
    except (ValueError, TypeError) as exc:
        return CertificateCheck("unknown", False, False, f"unreadable certificate: {exc}")
    if _revoked_by_crls(cert_der, trust):
        return CertificateCheck(signer, False, True, "certificate revoked")
    validator = CertificateValidator(leaf, intermediate_certs=chain,
                                     validation_context=_validation_context(trust))
    try:
        asyncio.run(validator.async_validate_usage(set(usage)))
    except Exception as exc:  # pyhanko-certvalidator raises many kinds
        revoked = type(exc).__name__ == "RevokedError"
        return CertificateCheck(signer, False, revoked,
                                "certificate revoked" if revoked
                                else f"signer not trusted ({exc})")
    return CertificateCheck(signer, True, False)
