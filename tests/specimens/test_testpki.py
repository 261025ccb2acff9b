"""The simulator's certificates are deterministic: the same bytes on every run and every
workstation (a CSCA exported once stays valid), whichever builder made them."""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import serialization

from workstation.specimens import issuer, testpki

#: SHA-256 (first 16 hex digits) of the CSCA, the signer certificate and the signer's
#: PKCS#8 key, as built before the chip's and the seal's builders became one.
PINNED = {
    "utopia": ("eff3beb4bc4779e7", "b51221b1263c7a96", "8a0609f85c0e8768"),
    "forger": ("8a3da5d1daaec238", "9da1b5276d73a35a", "1f0ac4fff996aa1e"),
    "utopia seal": ("eff3beb4bc4779e7", "21974f14a8c2d8c1", "bf77c08d2abe1987"),
    "forger seal": ("8a3da5d1daaec238", "320e7cae60d4309f", "825bdd43359991ff"),
}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def test_the_certificates_are_the_pinned_bytes() -> None:
    pairs = {"utopia": testpki.utopia(), "forger": testpki.forger(),
             "utopia seal": issuer.utopia_seal_pki(), "forger seal": issuer.forger_seal_pki()}
    got = {name: (_digest(p.csca_der), _digest(p.signer_der), _digest(
        p.signer_key.private_bytes(serialization.Encoding.DER,
                                   serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption())))
           for name, p in pairs.items()}
    assert got == PINNED


def test_one_csca_signs_the_chip_and_the_seal() -> None:
    chip, seal = testpki.utopia(), issuer.utopia_seal_pki()
    assert chip.csca is seal.csca
    for pair in (chip, seal):
        pair.signer.verify_directly_issued_by(pair.csca)
    forged = issuer.forger_seal_pki()
    assert forged.csca.subject == seal.csca.subject and forged.csca_der != seal.csca_der
