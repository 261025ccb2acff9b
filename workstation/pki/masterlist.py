"""ICAO CSCA master lists (ICAO 9303-12 §9): a CMS SignedData whose content is
``CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }``.

:func:`read_master_list` verifies the list's own signature and the master list
signer's certificate against its issuing CSCA before a single certificate of
the list is believed: a given root, an anchor already trusted, or (said so in
the result) a CSCA the list itself carries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import core, x509

from workstation.errors import FormatError
from workstation.pki.certs import may_have_issued, name_text, signed_by
from workstation.pki.cms import parse_signed_data, verify_signer
from workstation.pki.oids import CSCA_MASTER_LIST
from workstation.pki.store import TrustStore


class _CertSet(core.SetOf):
    _child_spec = x509.Certificate


class CscaMasterList(core.Sequence):
    """ASN.1 of the master list content."""

    _fields = [("version", core.Integer), ("cert_list", _CertSet)]  # noqa: RUF012


@dataclass(frozen=True)
class MasterList:
    """A verified master list.

    Attributes:
        certificates: the CSCA certificates it lists.
        signer: the master list signer's subject.
        issuer: the subject of the CSCA that issued the signer's certificate.
        trusted_by: how the issuer is trusted: ``"root"`` (the given root),
            ``"store"`` (already a trust anchor) or ``"list"`` (only a CSCA the
            list carries itself: the list is intact, but who made it rests on that).
    """

    certificates: tuple[x509.Certificate, ...]
    signer: str
    issuer: str
    trusted_by: str


def read_master_list(data: bytes, where: str = "master list", *,
                     roots: Sequence[x509.Certificate] = (),
                     store: TrustStore | None = None) -> MasterList:
    """Parse and verify a master list.

    Raises:
        FormatError: not a master list, or its signature or the signer's certificate
            does not verify against any acceptable issuer.
    """
    sd = parse_signed_data(data, where)
    if sd.content_type != CSCA_MASTER_LIST:
        raise FormatError(where, f"not a CSCA master list (content type {sd.content_type})")
    try:
        ml = CscaMasterList.load(sd.content)
        certs = tuple(ml["cert_list"])
        _ = [c.subject.native for c in certs]
    except (ValueError, TypeError, KeyError) as exc:
        raise FormatError(where, f"malformed master list content ({exc})") from None
    check = verify_signer(sd)
    if not check.valid or check.certificate is None:
        raise FormatError(where, f"the master list's signature does not verify: {check.problem}")
    signer = check.certificate
    candidates: list[tuple[str, x509.Certificate]] = [("root", r) for r in roots]
    if store is not None:
        candidates += [("store", a.certificate) for a in store.anchors()]
    candidates += [("list", c) for c in (*sd.certificates, *certs) if c.subject == c.issuer]
    for how, issuer in candidates:
        if may_have_issued(issuer, signer) and signed_by(signer, issuer):
            if roots and how != "root":
                continue
            return MasterList(certs, name_text(signer.subject), name_text(issuer.subject), how)
    if roots:
        raise FormatError(where, f"the master list signer ({name_text(signer.subject)}) was not "
                          "issued by the given root")
    raise FormatError(where, f"no issuer of the master list signer ({name_text(signer.subject)}) "
                      "was found to verify it")
