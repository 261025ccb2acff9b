"""Visible digital seals: C40, the worked examples of BSI TR-03137, and seals signed here
with test keys through the issuer's code path, verified through the reader's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from asn1crypto import crl as acrl
from asn1crypto import keys as akeys
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from workstation.barcodes import c40
from workstation.barcodes.seal import SealStatus, verify_seal
from workstation.barcodes.trust import Anchor, SignerCert, TrustMaterial, load_trust
from workstation.barcodes.vds import VdsError, decode_date, parse_seal
from workstation.pki.certs import load_certificate
from workstation.specimens import issuer, testpki
from workstation.specimens.people import make_person, mrz_lines_for

# -- C40 ----------------------------------------------------------------------------------


def test_c40_examples_of_the_standard() -> None:
    """BSI TR-03137 Annex B, tables 6 and 7; section 3.2.3 ("BSI01")."""
    assert issuer.c40_encode("XK<CD") == bytes.fromhex("eb0466a9")
    assert issuer.c40_encode("XKCD") == bytes.fromhex("eb11fe45")
    assert issuer.c40_encode("BSI01") == bytes.fromhex("62d719c9")
    assert c40.decode(bytes.fromhex("eb0466a9")) == "XK CD"
    assert c40.decode(bytes.fromhex("eb11fe45")) == "XKCD"


@pytest.mark.parametrize("text", ["", "A", "AB", "ABC", "ABCD", "P<UTO  X", "0123456789 Z"])
def test_c40_round_trip(text: str) -> None:
    data = issuer.c40_encode(text)
    assert len(data) == c40.bytes_for(len(text))
    assert c40.decode(data) == text.replace("<", " ")


@pytest.mark.parametrize("bad", [b"\x01", bytes.fromhex("fe41ffff"), bytes.fromhex("fa01"),
                                 bytes.fromhex("fe20")])
def test_c40_rejects_what_it_cannot_be(bad: bytes) -> None:
    with pytest.raises(c40.C40Error):
        c40.decode(bad)


def test_date() -> None:
    """Section 3.2.3: 25 March 1957 is 0x319ef5."""
    assert issuer.encode_date(dt.date(1957, 3, 25)) == bytes.fromhex("319ef5")
    assert decode_date(bytes.fromhex("319ef5")) == dt.date(1957, 3, 25)


# -- the worked examples of BSI TR-03137 Part 1 (v2.5), annexes C to H -----------------------
# The byte streams as printed there. The annexes' prose spells two values differently from
# what their bytes carry ("ARD" for ATD, "T2000AKA7" for T2000AK47); the values below are
# the bytes' (other implementations' tests read the same).
EXAMPLES = {
    "arrival attestation document": (
        "dc026abc6d32c8a519fc0f71341145f4fd020230a5621353d9a275735bd4134bc549133c133c133c133c"
        "133ca32519a519a4344a5e681ae7204b20d532cf4b7c133c133f030820d5201019a51aeaff404a1f218c"
        "a4392647ecff6c8abf9e796a78eebe0b1ac8cc25c4ee17eed961d1189091358d7d616f1a517abc747f6c"
        "4490ff159d4dcf50248b00b1e32e9e7805e7",
        {"mrz": "MED<<MUSTERMANN<<ERIK<<<<<<<<<<<<<<<\nM0000000<4ALB0308212M1604128<<<<<<<2",
         "azr_number": "160113000085"}, 3, "00027", dt.date(2020, 1, 13)),
    "social insurance card": (
        "dc026abc6d32c8a519fc0f7134116d04fc0401083fee456d2de019a8020b506572736368776569c39f"
        "03054f7363617204134ac3a2636f62c3a96e69646963747572697573ff40582ed05cb05049b4fe49744d"
        "5e70a1982f8b7afb1e90259ce47ba9907efcf59483f0a0b421ec760d6fd2284bbac37e136f1e3be6e14a"
        "6f6bc012110cff919d0f",
        {"social_insurance_number": "65170839J003", "surname": "Perschweiß",
         "first_name": "Oscar", "birth_name": "Jâcobénidicturius"}, 3, "00027",
        dt.date(2020, 1, 14)),
    "residence permit": (
        "dc036abc6d32c8a727390f71341145f4fb0602305cba135875976ec066d417b59e8c6abc133c133c133c"
        "133c3fef3a2938ee43f1593d1ae52dbb26751fe64b7c133c136b0306d79519a65306ff40158cf5b0bb7f"
        "bda099e8e7c94abefc9677b2e71e9885f5cd9057a8bfcf930a6046bcf897650af8f9b0343c034d2f64ce"
        "081f95fbf3d01292d1f8165ece27d327",
        {"mrz": "ATD<<RESIDORCE<<ROLAND<<<<<<<<<<<<<<\n6525845096USA7008038M2201018<<<<<<06",
         "passport_number": "UFO001979"}, 4, "27", dt.date(2020, 1, 13)),
    "visa": (
        "dc036abc6d32c8a72cb10f7134b798155d01022cdd52134a74da1347c6fed95cb89f9fce133c133c133c"
        "133c203833734aaf47f0c32f1a1e20eb2625393afe310403a000000506 33be1fed20c6ff38d557324760"
        "8c9b64cae022c1c5249660e51ae316d600f974aac2129c3f093c35955314026304705cd24c1b8100711b"
        "d4411f068e8d93e8b7",
        {"mrz_mrvb": "VCD<<DENT<<ARTHUR<PHILIP<<<<<<<<<<<<\n1234567XY7GBR5203116M2005250<<<<<<<<",
         "duration_of_stay": {"days": 160, "months": 0, "years": 0},
         "passport_number": "47110815P"}, 4, "32", dt.date(2021, 12, 3)),
    "address sticker (identity card)": (
        "dc036abc6d32c8a72cb10f7135b79815f9080106cf3519af974c02061a70208519a10310395e26b3d9a2"
        "75735bd4cd485ca17176ff389101f305c9aa04d2ab00212c7cf65fefcaaf565a54538b2498d681a18839"
        "c92656526c40594b0b1da12a27f687a3501278dc4145b6e64afc",
        {"document_number": "T2000AK47", "municipality_code": "05314000",
         "address": "53123MUSTERMANNSTRASSE21"}, 4, "32", dt.date(2021, 12, 3)),
    "residence sticker (passport)": (
        "dc036abc6d32c8a72cb10f7135b79815f80a0106b77a38e596ce02061a203a4d1fe1030426532081ff38"
        "1462bcfef51ad1b8d09de328b15c5435e64829ce548647dd579787169624a046738dc5023708319a4294"
        "811131eaac58d518cfe98b431437",
        {"document_number": "PA5500K11", "municipality_code": "03359010",
         "postal_code": "21614"}, 4, "32", dt.date(2021, 12, 3)),
}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_worked_examples(name: str) -> None:
    hex_stream, features, version, cert_ref, signed_on = EXAMPLES[name]
    seal = parse_seal(bytes.fromhex(hex_stream.replace(" ", "")))
    assert seal.document_type == name
    h = seal.header
    assert (h.version, h.issuing_country, h.signer_identifier) == (version, "D<<", "DETS")
    assert h.certificate_reference == cert_ref and h.signature_date == signed_on
    assert {f.name: f.value for f in seal.features} == features
    assert seal.problems == ()
    assert len(seal.signature) in (56, 64)
    # without DE's signer certificate the seal is reported, not trusted
    assert verify_seal(seal, TrustMaterial()).status is SealStatus.UNKNOWN_SIGNER


# -- seals signed here --------------------------------------------------------------------
def _cert(subject: x509.Name, issuer_name: x509.Name, key: ec.EllipticCurvePublicKey,
          signing_key: ec.EllipticCurvePrivateKey, serial: int, *, ca: bool = False,
          start: dt.datetime = dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
          end: dt.datetime = dt.datetime(2040, 1, 1, tzinfo=dt.UTC)) -> x509.Certificate:
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name)
         .public_key(key).serial_number(serial).not_valid_before(start).not_valid_after(end))
    if ca:
        b = b.add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
    return b.sign(signing_key, hashes.SHA256())


def _a(cert: x509.Certificate) -> ax509.Certificate:
    """The certificate as :mod:`workstation.pki` holds it."""
    return load_certificate(cert.public_bytes(serialization.Encoding.DER))


def _name(country: str, cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, country),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


class ZzPki:
    """A CSCA of the fictional country ZZ and its seal signer ZZAB, serial 0x2F."""

    def __init__(self, curve: ec.EllipticCurve | None = None, *,
                 start: dt.datetime = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)) -> None:
        curve = curve or ec.SECP256R1()
        self.csca_key = ec.generate_private_key(ec.SECP384R1())
        self.csca = _cert(_name("ZZ", "ZZ CSCA"), _name("ZZ", "ZZ CSCA"),
                          self.csca_key.public_key(), self.csca_key, 1, ca=True)
        self.key = ec.generate_private_key(curve)
        self.signer = _cert(_name("ZZ", "AB"), self.csca.subject, self.key.public_key(),
                            self.csca_key, 0x2F, start=start)

    def seal(self, *, signed: dt.date = dt.date(2024, 5, 2), version: int = 4,
             key: ec.EllipticCurvePrivateKey | None = None) -> bytes:
        header = issuer.encode_header(country="ZZZ", signer_id="ZZAB", cert_ref="2F",
                                      issue_date=dt.date(2024, 5, 1), signature_date=signed,
                                      feature_ref=0x5E, category=0x03, version=version)
        mrz = "I<ZZZ6525845096<<<<<<<<<<<<<<<7008038M2201018ZZZ<<<<<<<<<<<6DOE<<JANE<<<<<"
        return issuer.encode_seal(header, [(0x02, issuer.c40_encode(mrz[:72]))],
                                  key or self.key)

    def trust(self, *, anchor: bool = True, signer: bool = True,
              crls: tuple[x509.CertificateRevocationList, ...] = ()) -> TrustMaterial:
        return TrustMaterial(
            anchors=(Anchor(_a(self.csca), "test"),) if anchor else (),
            signers=(SignerCert(_a(self.signer), "test"),) if signer else (),
            crls=tuple(acrl.CertificateList.load(c.public_bytes(serialization.Encoding.DER))
                       for c in crls))


@pytest.mark.parametrize(("curve", "hash_name"), [
    (ec.SECP256R1(), "sha256"), (ec.BrainpoolP256R1(), "sha256"), (ec.SECP384R1(), "sha384"),
    (ec.SECP224R1(), "sha224"), (ec.SECP521R1(), "sha512")])
def test_signed_here_verifies(curve: ec.EllipticCurve, hash_name: str) -> None:
    pki = ZzPki(curve)
    seal = parse_seal(pki.seal())
    assert seal.document_type == "emergency travel document"
    assert seal.header.serial_number == 0x2F
    v = verify_seal(seal, pki.trust())
    assert v.status is SealStatus.VALID, v.message
    assert v.signature_valid and v.chain_valid and v.trusted
    assert v.hash_algorithm == hash_name and "CN=AB" in (v.signer or "")


def test_version_3_header() -> None:
    pki = ZzPki()
    seal = parse_seal(pki.seal(version=3))
    assert seal.header.version == 3 and seal.header.certificate_reference == "0002F"
    assert verify_seal(seal, pki.trust()).status is SealStatus.VALID


def test_every_flipped_byte_is_caught() -> None:
    """One byte changed anywhere: the seal never verifies; in the message or the signature,
    and in the header's dates and type, it fails."""
    pki = ZzPki()
    data = pki.seal()
    trust = pki.trust()
    good = parse_seal(data)
    header_len = good.header.length
    for i in range(len(data)):
        bad = bytearray(data)
        bad[i] ^= 0x01
        try:
            v = verify_seal(parse_seal(bytes(bad)), trust)
            status = v.status
        except VdsError:
            status = SealStatus.MALFORMED
        assert status is not SealStatus.VALID, i
        if i >= header_len or i >= header_len - 8:
            assert status.verdict == "fail", (i, status)


def test_unknown_untrusted_forged_revoked_expired() -> None:
    pki = ZzPki()
    seal = parse_seal(pki.seal())
    assert verify_seal(seal, pki.trust(signer=False)).status is SealStatus.UNKNOWN_SIGNER
    # the signer certificate given, but its CA not trusted
    assert verify_seal(seal, pki.trust(anchor=False)).status is SealStatus.UNTRUSTED
    # a forger signs with another key under the genuine signer's reference
    forged = parse_seal(pki.seal(key=ec.generate_private_key(ec.SECP256R1())))
    v = verify_seal(forged, pki.trust())
    assert v.status is SealStatus.INVALID and v.signature_valid is False
    # a forger's certificate with the genuine names, "issued" by the trusted CA's name
    other = ZzPki()
    fake_signer = _cert(pki.signer.subject, pki.csca.subject, other.key.public_key(),
                        other.csca_key, 0x2F)
    v = verify_seal(parse_seal(pki.seal(key=other.key)), TrustMaterial(
        anchors=(Anchor(_a(pki.csca), "test"),), signers=(SignerCert(_a(fake_signer), "t"),)))
    assert v.status is SealStatus.CHAIN_INVALID
    # revoked by the CA's CRL
    crl = (x509.CertificateRevocationListBuilder().issuer_name(pki.csca.subject)
           .last_update(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
           .next_update(dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
           .add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(0x2F)
                                    .revocation_date(dt.datetime(2024, 1, 2, tzinfo=dt.UTC))
                                    .build())
           .sign(pki.csca_key, hashes.SHA256()))
    assert verify_seal(seal, pki.trust(crls=(crl,))).status is SealStatus.REVOKED
    # signed before the signer's certificate was valid
    late = ZzPki(start=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    assert verify_seal(parse_seal(late.seal()), late.trust()).status \
        is SealStatus.OUTSIDE_VALIDITY


def test_trust_folders(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The seal reads the chip's trust store (a CSCA imported as ``chip import-csca``
    stores it, its CRL as ``chip import-crl`` does) and ``seal-signers/``."""
    from workstation.pki.store import TrustStore

    pki = ZzPki()
    root = tmp_path / "trust"
    store = TrustStore(root)
    assert store.add_certificates([_a(pki.csca)]) == (1, 0)
    (root / "seal-signers").mkdir()
    (root / "seal-signers" / "zzab.pem").write_bytes(
        pki.signer.public_bytes(serialization.Encoding.PEM)
        + ZzPki().signer.public_bytes(serialization.Encoding.PEM))  # a PEM bundle
    (root / "seal-signers" / "junk.cer").write_bytes(b"not a certificate")
    (root / "csca" / "junk.der").write_bytes(b"not a certificate")
    trust = load_trust(root, builtin=False)
    assert len(trust.anchors) == 1 and len(trust.signers) == 2
    assert len(trust.problems) == 1 and "junk.cer" in trust.problems[0]
    assert "junk.der" in caplog.text  # the store logs and skips it
    v = verify_seal(parse_seal(pki.seal()), trust)
    assert v.status is SealStatus.VALID and v.revocation == "unknown"
    crl = (x509.CertificateRevocationListBuilder().issuer_name(pki.csca.subject)
           .last_update(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
           .next_update(dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
           .add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(0x2F)
                                    .revocation_date(dt.datetime(2024, 1, 2, tzinfo=dt.UTC))
                                    .build())
           .sign(pki.csca_key, hashes.SHA256()))
    assert store.add_crl(acrl.CertificateList.load(crl.public_bytes(
        serialization.Encoding.DER)))
    v = verify_seal(parse_seal(pki.seal()), load_trust(root, builtin=False))
    assert v.status is SealStatus.REVOKED and "since 2024-01-02" in v.message


#: brainpoolP224r1 (RFC 5639, 3.2): p, A, B, G, q. ``cryptography`` lacks this curve;
#: signer certificates spell it out as explicit parameters.
_BP224 = (0xD7C134AA264366862A18302575D1D787B09F075797DA89F57EC8C0FF,
          0x68A5E62CA9CE6C1C299803A6C1530B514E182AD8B0042A59CAD29F43,
          0x2580F63CCFE44138870713B1A92369E33E2135D266DBB372386C400B,
          (0x0D9029AD2C7E5CF4340823B2A87DC68C9E4CE3174C1E6EFDEE12C07D,
           0x58AA56F772C0726F24C6B89E4ECDAC24354B9E99CAA3F6D3761402CD),
          0xD7C134AA264366862A18302575D0FB98D116BC4B6DDEBCA3A5A7939F)


def test_brainpool_p224r1_signer_with_explicit_parameters() -> None:
    """A seal signed on brainpoolP224r1 (SHA-224), its signer's key given by explicit
    domain parameters, verifies through :mod:`workstation.pki`'s own ECDSA."""
    import hashlib
    import secrets

    from workstation.pki.ec import curve_for_parameters

    p, a, b, g, n = _BP224
    c = curve_for_parameters(p, a, b, g, n)
    d = secrets.randbelow(n - 1) + 1
    q = c.mul(d, c.g)
    assert q is not None
    size = c.size

    def point(pt: tuple[int, int]) -> bytes:
        return b"\x04" + pt[0].to_bytes(size, "big") + pt[1].to_bytes(size, "big")

    params = akeys.ECDomainParameters(name="specified", value=akeys.SpecifiedECDomain({
        "version": "ecdpVer1",
        "field_id": {"field_type": "prime_field", "parameters": p},
        "curve": {"a": a.to_bytes(size, "big"), "b": b.to_bytes(size, "big")},
        "base": point(g), "order": n, "cofactor": 1}))
    spki = akeys.PublicKeyInfo({"algorithm": {"algorithm": "ec", "parameters": params},
                                "public_key": point(q)})
    zz = ZzPki()
    csca = _a(zz.csca)
    tbs = ax509.TbsCertificate({
        "version": "v3", "serial_number": 0x2F, "signature": {"algorithm": "sha256_ecdsa"},
        "issuer": csca.subject,
        "validity": {"not_before": ax509.Time(name="utc_time", value=dt.datetime(
            2020, 1, 1, tzinfo=dt.UTC)), "not_after": ax509.Time(
            name="utc_time", value=dt.datetime(2040, 1, 1, tzinfo=dt.UTC))},
        "subject": ax509.Name.build({"country_name": "ZZ", "common_name": "AB"}),
        "subject_public_key_info": spki})
    cert_sig = zz.csca_key.sign(tbs.dump(), ec.ECDSA(hashes.SHA256()))
    signer = ax509.Certificate({"tbs_certificate": tbs,
                                "signature_algorithm": {"algorithm": "sha256_ecdsa"},
                                "signature_value": cert_sig})
    signed = parse_seal(zz.seal()).signed_data  # header and message, signed below on P224

    def sign(data: bytes) -> bytes:
        e = int.from_bytes(hashlib.sha224(data).digest(), "big")
        while True:
            k = secrets.randbelow(n - 1) + 1
            pt = c.mul(k, c.g)
            assert pt is not None
            r = pt[0] % n
            s = pow(k, -1, n) * (e + r * d) % n
            if r and s:
                return r.to_bytes(size, "big") + s.to_bytes(size, "big")

    seal = parse_seal(signed + b"\xff" + bytes((2 * size,)) + sign(signed))
    trust = TrustMaterial(anchors=(Anchor(csca, "test"),), signers=(SignerCert(signer, "t"),))
    v = verify_seal(seal, trust)
    assert v.status is SealStatus.VALID, v.message
    assert (v.hash_algorithm, v.curve) == ("sha224", "explicit-224")
    bad = bytearray(seal.signed_data)
    bad[-1] ^= 1
    forged = parse_seal(bytes(bad) + seal.signed_data[:0] + b"\xff" + bytes((2 * size,))
                        + seal.signature)
    assert verify_seal(forged, trust).status is SealStatus.INVALID


def test_utopia_seal_chains_to_the_builtin_anchor_for_ut_only() -> None:
    lines = mrz_lines_for(make_person(3, doc_code="I"), "TD1")
    data = issuer.seal_bytes(lines, dt.date(2021, 6, 1))
    seal = parse_seal(data)
    assert seal.document_type == "Utopia identity card (simulator profile)"
    assert seal.mrz_lines == lines
    assert seal.feature("issue_date") is not None
    assert seal.feature("issue_date").value == dt.date(2021, 6, 1)  # type: ignore[union-attr]
    pki = issuer.utopia_seal_pki()
    signer = SignerCert(_a(pki.signer), "issuer")
    trust = load_trust(Path("/nonexistent"), signer_certs=(signer,))
    assert verify_seal(seal, trust).status is SealStatus.VALID
    # the same seal re-signed by the forger's look-alike key fails
    forged = issuer.seal_bytes(seal.mrz_lines or [], dt.date(2021, 6, 1),
                               pki=issuer.forger_seal_pki())
    assert verify_seal(parse_seal(forged), trust).status is SealStatus.INVALID
    # without the built-in anchor the signer is known but not trusted
    untrusted = load_trust(Path("/nonexistent"), signer_certs=(signer,), builtin=False)
    assert verify_seal(seal, untrusted).status is SealStatus.UNTRUSTED
    # the Utopia CSCA's key is public: a signer of another country it "certified" fails
    csca_key = testpki.derived_key("Utopia CSCA")
    de_key = ec.generate_private_key(ec.BrainpoolP256R1())
    de_signer = _cert(_name("DE", "SS"), pki.csca.subject, de_key.public_key(), csca_key, 0x1A)
    header = issuer.encode_header(country="D<<", signer_id="DESS", cert_ref="1A",
                                  issue_date=dt.date(2021, 6, 1),
                                  signature_date=dt.date(2021, 6, 1), feature_ref=0x5E,
                                  category=0x03)
    de_seal = parse_seal(issuer.encode_seal(header, [(0x02, issuer.c40_encode(
        "".join(lines)[:72]))], de_key))
    v = verify_seal(de_seal, load_trust(Path("/nonexistent"), signer_certs=(
        SignerCert(_a(de_signer), "forged"),)))
    assert v.status is SealStatus.CHAIN_INVALID and "another country" in v.message


@pytest.mark.parametrize(("data", "zone"), [
    (b"", "header"), (b"\xdd\x03", "header"), (b"\xdc\x07" + bytes(20), "header"),
    (bytes.fromhex("dc036abc6d32c8a72cb10f7134"), "header"),
])
def test_malformed_headers(data: bytes, zone: str) -> None:
    with pytest.raises(VdsError) as info:
        parse_seal(data)
    assert info.value.zone == zone


def test_malformed_zones() -> None:
    data = ZzPki().seal()
    seal = parse_seal(data)
    at = seal.header.length
    with pytest.raises(VdsError, match="signature zone"):
        parse_seal(data[:len(seal.signed_data)])  # no signature
    with pytest.raises(VdsError, match="signature zone"):
        parse_seal(data + b"\x00")  # bytes after the signature
    with pytest.raises(VdsError, match="message zone"):
        parse_seal(data[:at] + b"\x02\x7f" + b"\x13" * 10)  # feature past the end
    with pytest.raises(VdsError, match="message zone: empty"):
        parse_seal(data[:at] + data[len(seal.signed_data):])
