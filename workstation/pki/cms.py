"""CMS SignedData (RFC 5652) as ICAO uses it: the SOD and master lists.

:func:`parse_signed_data` reads the structure; :func:`verify_signer` checks one
SignerInfo: the message digest attribute against the content, the signature
over the signed attributes (algorithm from the SignerInfo), and names the
signer's certificate (found by issuer and serial or key identifier among the
embedded certificates and any given ones).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import x509

from workstation.errors import FormatError
from workstation.pki.asn1 import cms
from workstation.pki.keys import SignatureAlgorithm, digest, load_spki


@dataclass(frozen=True)
class SignedData:
    """The parts of a SignedData a verifier needs.

    Attributes:
        content_type: dotted OID of the encapsulated content.
        content: the encapsulated content (DER).
        certificates: certificates embedded in the SignedData.
        signer_infos: the SignerInfos (asn1crypto objects).
    """

    content_type: str
    content: bytes
    certificates: tuple[x509.Certificate, ...]
    signer_infos: tuple[cms.SignerInfo, ...]


@dataclass(frozen=True)
class SignerCheck:
    """The result of checking one SignerInfo.

    Attributes:
        digest_valid: the signed message-digest attribute equals the content's hash
            (``True`` too when there are no signed attributes and the signature is
            over the content itself).
        signature_valid: the signature verifies with the signer certificate's key.
        certificate: the signer's certificate, or ``None`` when not found.
        algorithm: the signature algorithm in words.
        problem: why something failed (empty when both are valid).
    """

    digest_valid: bool
    signature_valid: bool
    certificate: x509.Certificate | None
    algorithm: str
    problem: str = ""

    @property
    def valid(self) -> bool:
        return self.digest_valid and self.signature_valid


def parse_signed_data(der: bytes, what: str = "CMS") -> SignedData:
    """Parse a ContentInfo holding SignedData.

    Raises:
        FormatError: not a SignedData, or malformed.
    """
    try:
        info = cms.ContentInfo.load(der)
        if info["content_type"].native != "signed_data":
            raise FormatError(what, f"not a CMS SignedData ({info['content_type'].native})")
        sd = info["content"]
        encap = sd["encap_content_info"]
        ctype = encap["content_type"].dotted
        content = encap["content"]
        raw = b""
        if content is not None and content.native is not None:
            native = content.native
            raw = bytes(native) if isinstance(native, bytes) else bytes(content.contents)
        certs = tuple(c.chosen for c in (sd["certificates"] or [])
                      if c.name == "certificate")
        signers = tuple(sd["signer_infos"])
        _ = [si["sid"].name for si in signers]  # force parsing: malformed data fails here
    except FormatError:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise FormatError(what, f"malformed CMS SignedData ({exc})") from None
    if not signers:
        raise FormatError(what, "the SignedData has no signer")
    return SignedData(ctype, raw, certs, signers)


def _matches(cert: x509.Certificate, sid: cms.SignerIdentifier) -> bool:
    if sid.name == "issuer_and_serial_number":
        want = sid.chosen
        return (cert.issuer == want["issuer"]
                and cert.serial_number == want["serial_number"].native)
    return cert.key_identifier is not None and cert.key_identifier == sid.chosen.native


def find_signer_certificate(sd: SignedData, signer: cms.SignerInfo,
                            extra: Sequence[x509.Certificate] = ()) -> x509.Certificate | None:
    """The certificate ``signer`` names, among the embedded and ``extra`` ones."""
    for cert in (*sd.certificates, *extra):
        if _matches(cert, signer["sid"]):
            return cert
    return None


def verify_signer(sd: SignedData, signer: cms.SignerInfo | None = None, *,
                  extra_certificates: Sequence[x509.Certificate] = ()) -> SignerCheck:
    """Check ``signer`` (default: the first SignerInfo) of ``sd``."""
    signer = signer if signer is not None else sd.signer_infos[0]
    hash_name = signer["digest_algorithm"]["algorithm"].native
    try:
        algorithm = SignatureAlgorithm.from_asn1(signer["signature_algorithm"], hash_name)
    except FormatError as exc:
        return SignerCheck(False, False, None, "unknown", exc.problem)
    cert = find_signer_certificate(sd, signer, extra_certificates)
    attrs = signer["signed_attrs"]
    problems: list[str] = []
    if attrs is not None and len(attrs):
        signed = b"\x31" + attrs.dump()[1:]
        md = [a["values"][0].native for a in attrs if a["type"].native == "message_digest"]
        ct = [a["values"][0].dotted for a in attrs if a["type"].native == "content_type"]
        try:
            digest_valid = bool(md) and md[0] == digest(hash_name, sd.content)
        except FormatError as exc:
            return SignerCheck(False, False, cert, algorithm.describe(), exc.problem)
        if not digest_valid:
            problems.append("the signed message digest does not match the content")
        if ct and ct[0] != sd.content_type:
            digest_valid = False
            problems.append("the signed content type does not match the content")
    else:
        signed, digest_valid = sd.content, True
    if cert is None:
        problems.append("the signer's certificate is not in the SignedData")
        return SignerCheck(digest_valid, False, None, algorithm.describe(), "; ".join(problems))
    try:
        key = load_spki(cert["tbs_certificate"]["subject_public_key_info"])
    except FormatError as exc:
        problems.append(f"signer key unusable: {exc.problem}")
        return SignerCheck(digest_valid, False, cert, algorithm.describe(), "; ".join(problems))
    signature_valid = key.verify(bytes(signer["signature"].native), signed, algorithm)
    if not signature_valid:
        problems.append("the signature does not verify with the signer's key")
    return SignerCheck(digest_valid, signature_valid, cert, algorithm.describe(),
                       "; ".join(problems))
