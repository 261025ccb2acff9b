"""Passive Authentication (ICAO 9303-11 §5.1): the data is what the issuing state signed.

Steps, each reported on its own:

1. every data group read hashes to the value in EF.SOD (a group the SOD does
   not cover is reported as unverifiable, never as verified);
2. the SOD's signature verifies with the document signer's key (algorithm from
   its SignerInfo: RSA PKCS#1 v1.5, RSASSA-PSS, ECDSA incl. brainpool);
3. the document signer's certificate verifies with a country signing CA of the
   trust store whose country is the document signer's and the MRZ issuer's;
4. validity periods of both certificates, and revocation from the CRLs the
   office imported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import x509

from workstation.chip.sod import Sod, parse_sod
from workstation.errors import FormatError
from workstation.pki.certs import (
    country_of,
    name_text,
    revocation,
    signed_by,
    subject_text,
    valid_at,
)
from workstation.pki.cms import verify_signer
from workstation.pki.countries import alpha2
from workstation.pki.store import TrustStore


@dataclass(frozen=True)
class PassiveAuthentication:
    """The outcome of Passive Authentication.

    Attributes:
        hashes_valid: every data group the SOD covers and that was read hashes right
            (``False`` too when none could be checked).
        signature_valid: the SOD's signature verifies with the document signer's key.
        chain_valid: the document signer's certificate verifies with a trusted CSCA
            of its country; ``None`` when the store has no CSCA of that country.
        signer: the document signer certificate's subject (``""`` when absent).
        data_groups: ``DGn`` -> ``True`` (hash matches), ``False`` (differs) or ``None``
            (read but not covered by the SOD).
        algorithm: the SOD signature algorithm in words.
        hash_algorithm: the data group hash algorithm.
        csca: the verifying CSCA's subject (``""`` when none verified).
        csca_source: where that CSCA came from (trust store file or ``built-in``).
        country: the document signer's country (two letters).
        country_match: the MRZ issuer is the signer's country (``None``: no MRZ given).
        signer_valid_now, csca_valid_now: validity periods cover ``when``.
        revocation: ``good``, ``revoked``, ``stale`` or ``unknown`` (no CRL of the CSCA).
        problems: each failed step in words.
        signer_certificate: DER of the document signer's certificate.
    """

    hashes_valid: bool
    signature_valid: bool
    chain_valid: bool | None
    signer: str
    data_groups: dict[str, bool | None]
    algorithm: str = ""
    hash_algorithm: str = ""
    csca: str = ""
    csca_source: str = ""
    country: str = ""
    country_match: bool | None = None
    signer_valid_now: bool | None = None
    csca_valid_now: bool | None = None
    revocation: str = "unknown"
    problems: tuple[str, ...] = ()
    signer_certificate: bytes = field(default=b"", repr=False)

    @property
    def passed(self) -> bool:
        """Every step held (chain included)."""
        return (self.hashes_valid and self.signature_valid and self.chain_valid is True
                and self.country_match is not False and self.revocation != "revoked")

    def to_json(self) -> dict[str, Any]:
        """The ``passive_authentication`` object of ``chip verify --json``."""
        return {
            "hashes_valid": self.hashes_valid, "signature_valid": self.signature_valid,
            "chain_valid": self.chain_valid, "signer": self.signer,
            "data_groups": dict(self.data_groups), "algorithm": self.algorithm,
            "hash_algorithm": self.hash_algorithm, "csca": self.csca,
            "csca_source": self.csca_source, "country": self.country,
            "country_match": self.country_match, "signer_valid_now": self.signer_valid_now,
            "csca_valid_now": self.csca_valid_now, "revocation": self.revocation,
            "problems": list(self.problems),
        }


def check_hashes(sod: Sod, groups: Mapping[int, bytes]) -> dict[str, bool | None]:
    """``DGn`` -> whether the group's hash equals the SOD's (``None``: not covered)."""
    out: dict[str, bool | None] = {}
    for number in sorted(groups):
        want = sod.hashes.get(number)
        if want is None:
            out[f"DG{number}"] = None
            continue
        out[f"DG{number}"] = hashlib.new(sod.hash_algorithm, groups[number]).digest() == want
    return out


def passive_authentication(sod_bytes: bytes, groups: Mapping[int, bytes], *,
                           store: TrustStore | None = None,
                           extra_cscas: tuple[x509.Certificate, ...] = (),
                           issuing_state: str | None = None,
                           when: dt.datetime | None = None) -> PassiveAuthentication:
    """Run Passive Authentication over EF.SOD and the data groups read.

    Args:
        sod_bytes: EF.SOD as read.
        groups: data group number -> file bytes.
        store: the trust store (default: the data folder's).
        extra_cscas: CSCAs given on the command line (``--csca``, ``--masterlist``).
        issuing_state: the MRZ's issuing state (three letters) to match the signer's
            country against.
        when: the time validity is judged at (default now).

    Raises:
        FormatError: EF.SOD is not a security object at all.
    """
    when = when or dt.datetime.now(dt.UTC)
    sod = parse_sod(sod_bytes)
    problems: list[str] = []
    dgs = check_hashes(sod, groups)
    covered = [v for v in dgs.values() if v is not None]
    hashes_valid = bool(covered) and all(covered)
    for name, ok in dgs.items():
        if ok is False:
            problems.append(f"{name} differs from the hash the document signer signed")
    if not covered:
        problems.append("no data group read is covered by the SOD")
    check = verify_signer(sod.signed_data)
    if not check.valid:
        problems.append(f"SOD signature: {check.problem}")
    cert = check.certificate
    base = dict(hashes_valid=hashes_valid, signature_valid=check.valid, data_groups=dgs,
                algorithm=check.algorithm, hash_algorithm=sod.hash_algorithm)
    if cert is None:
        return PassiveAuthentication(chain_valid=None, signer="", problems=tuple(problems),
                                     **base)  # type: ignore[arg-type]
    country = country_of(cert.issuer) or ""
    want = alpha2(issuing_state) if issuing_state else None
    country_match: bool | None = None
    if issuing_state:
        country_match = want is not None and want == country
        if not country_match:
            problems.append(f"the document signer is from {country or '?'}, the MRZ names "
                            f"{issuing_state}")
    store = store if store is not None else TrustStore()
    candidates = [(c, "given") for c in extra_cscas] + \
        [(a.certificate, a.source) for a in store.anchors()]
    csca, source = None, ""
    known_country = False
    for cand, src in candidates:
        if country_of(cand.subject) == country:
            known_country = True
        if cand.subject == cert.issuer and signed_by(cert, cand):
            csca, source = cand, src
            break
    chain_valid: bool | None
    if csca is not None:
        chain_valid = True
    elif known_country:
        chain_valid = False
        problems.append(f"no trusted CSCA of {country} signed the document signer "
                        f"(issuer {name_text(cert.issuer)})")
    else:
        chain_valid = None
        problems.append(f"no CSCA of {country or 'the issuer'} in the trust store "
                        "(import the master list or the CSCA)")
    signer_now = valid_at(cert, when)
    if not signer_now:
        problems.append(f"the document signer certificate is not valid on {when.date()} "
                        f"({cert.not_valid_before.date()} to {cert.not_valid_after.date()})")
    csca_now: bool | None = None
    rev = "unknown"
    if csca is not None:
        csca_now = valid_at(csca, when)
        if not csca_now:
            problems.append(f"the CSCA certificate is not valid on {when.date()}")
        rev = revocation(cert, csca, store.crls(), when).status
        if rev == "revoked":
            problems.append("the document signer certificate is revoked")
    return PassiveAuthentication(
        chain_valid=chain_valid, signer=subject_text(cert), csca=subject_text(csca) if csca
        else "", csca_source=source, country=country, country_match=country_match,
        signer_valid_now=signer_now, csca_valid_now=csca_now, revocation=rev,
        problems=tuple(problems), signer_certificate=cert.dump(), **base)  # type: ignore[arg-type]


def read_groups(files: Mapping[str, bytes]) -> tuple[bytes, dict[int, bytes]]:
    """EF.SOD and the data groups out of ``name -> bytes`` (names ``EF.SOD``, ``DGn``).

    Raises:
        FormatError: no EF.SOD among the files.
    """
    sod = files.get("EF.SOD")
    if sod is None:
        raise FormatError("chip files", "no EF.SOD: Passive Authentication needs it")
    groups = {int(k[2:]): v for k, v in files.items() if k.startswith("DG") and k[2:].isdigit()}
    return sod, groups
