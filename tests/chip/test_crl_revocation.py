"""A CRL in the trust store is checked (``pki.certs.signed_by`` on a CRL read the
certificate's field name and raised ``KeyError``; found by the barcode seals)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from asn1crypto import crl as acrl
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from workstation.chip.passive import passive_authentication, read_groups
from workstation.chip.personalise import chip_for_document
from workstation.chip.trust import chip_trust_store
from workstation.specimens import testpki


def _crl(revoked: tuple[int, ...]) -> acrl.CertificateList:
    pair = testpki.utopia()
    key = testpki.derived_key("Utopia CSCA")
    builder = (x509.CertificateRevocationListBuilder().issuer_name(pair.csca.subject)
               .last_update(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
               .next_update(dt.datetime(2030, 1, 1, tzinfo=dt.UTC)))
    for serial in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial)
            .revocation_date(dt.datetime(2024, 1, 2, tzinfo=dt.UTC)).build())
    crl = builder.sign(key, hashes.SHA256())
    return acrl.CertificateList.load(crl.public_bytes(serialization.Encoding.DER))


def test_passive_authentication_reads_the_crl(tmp_path: Path) -> None:
    sod, groups = read_groups(chip_for_document("UTO-P-2020", seed=3).files)
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    store = chip_trust_store(tmp_path / "trust")
    assert passive_authentication(sod, groups, store=store, when=when).revocation == "unknown"
    assert store.add_crl(_crl(()))
    assert passive_authentication(sod, groups, store=store, when=when).revocation == "good"
    store = chip_trust_store(tmp_path / "trust2")
    assert store.add_crl(_crl((testpki.utopia().signer.serial_number,)))
    pa = passive_authentication(sod, groups, store=store, when=when)
    assert pa.revocation == "revoked"
    assert "revoked" in " ".join(pa.problems)
