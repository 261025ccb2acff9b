"""Passive Authentication and master lists on real reference data (BSI TR-03105 test
passport, German and Dutch CSCA master lists): what verifies, and that one flipped
byte anywhere fails the step it should."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.chip.conftest import bsi
from workstation.chip.passive import passive_authentication
from workstation.chip.sod import parse_sod
from workstation.errors import FormatError
from workstation.pki.certs import load_certificate
from workstation.pki.masterlist import read_master_list
from workstation.pki.store import TrustStore


def _files(testdata: Path) -> tuple[bytes, dict[int, bytes]]:
    d = bsi(testdata)
    return (d / "EF_SOD.bin").read_bytes(), {1: (d / "Datagroup1.bin").read_bytes(),
                                             14: (d / "Datagroup14.bin").read_bytes()}


def _pa(sod: bytes, groups: dict[int, bytes], tmp_path: Path):  # type: ignore[no-untyped-def]
    return passive_authentication(sod, groups, store=TrustStore(tmp_path / "trust"),
                                  issuing_state="D")


def test_reference_files_verify_and_name_the_signer(testdata: Path, tmp_path: Path) -> None:
    sod, groups = _files(testdata)
    pa = _pa(sod, groups, tmp_path)
    assert pa.hashes_valid and pa.signature_valid
    assert pa.data_groups == {"DG1": True, "DG14": True}
    assert pa.signer == "C=DE, O=HJP Consulting, OU=Document Signer, CN=HJP PB DS"
    assert pa.algorithm.startswith("RSASSA-PSS with SHA256")
    assert pa.chain_valid is None  # no German CSCA trusted yet
    assert pa.country_match is True


def test_a_flipped_byte_in_any_data_group_fails_its_hash(testdata: Path, tmp_path: Path) -> None:
    sod, groups = _files(testdata)
    for n, data in groups.items():
        for pos in (0, len(data) // 2, len(data) - 1):
            bad = bytearray(data)
            bad[pos] ^= 0x01
            pa = _pa(sod, {**groups, n: bytes(bad)}, tmp_path)
            assert pa.data_groups[f"DG{n}"] is False
            assert not pa.hashes_valid and pa.signature_valid


def test_a_flipped_byte_in_the_sod_fails_the_signature_or_the_parse(testdata: Path,
                                                                    tmp_path: Path) -> None:
    sod, groups = _files(testdata)
    parsed = parse_sod(sod)
    content = parsed.signed_data.content
    start = sod.index(content)
    signature = bytes(parsed.signed_data.signer_infos[0]["signature"].native)
    sig_at = sod.index(signature)
    for pos in (start + 10, start + len(content) - 3, sig_at + 5, sig_at + len(signature) - 1):
        bad = bytearray(sod)
        bad[pos] ^= 0x01
        try:
            pa = _pa(bytes(bad), groups, tmp_path)
        except FormatError:
            continue  # the structure itself no longer parses: never a pass
        assert not pa.signature_valid or not pa.hashes_valid, pos


def test_a_flipped_byte_in_the_signer_certificate_fails(testdata: Path, tmp_path: Path) -> None:
    sod, groups = _files(testdata)
    cert = parse_sod(sod).signed_data.certificates[0]
    der = cert.dump()
    at = sod.index(der)
    key = bytes(cert["tbs_certificate"]["subject_public_key_info"]["public_key"].parsed[
        "modulus"].contents)
    pos = at + der.index(key) + 40
    bad = bytearray(sod)
    bad[pos] ^= 0x01
    pa = _pa(bytes(bad), groups, tmp_path)
    assert pa.hashes_valid and not pa.signature_valid


def test_with_the_german_master_list_the_unknown_signer_fails_the_chain(
        testdata: Path, tmp_path: Path) -> None:
    ml_dir = testdata / "emrtd" / "masterlists"
    root = load_certificate((ml_dir / "DE_ROOT_CA_CSCA07.cer").read_bytes())
    ml = read_master_list((ml_dir / "DE_ML_2026-05-28-08-28-45.ml").read_bytes(), roots=[root])
    assert ml.trusted_by == "root" and len(ml.certificates) == 588
    store = TrustStore(tmp_path / "trust")
    store.add_certificates(ml.certificates, require_ca=False)
    sod, groups = _files(testdata)
    pa = passive_authentication(sod, groups, store=store, issuing_state="D")
    assert pa.chain_valid is False  # HJP's test CSCA is not Germany's
    assert any("no trusted CSCA of DE" in p for p in pa.problems)


def test_master_lists_verify_against_their_roots_and_not_others(testdata: Path) -> None:
    ml_dir = testdata / "emrtd" / "masterlists"
    nl_root = load_certificate((ml_dir / "NL_ROOT_CA.cer").read_bytes())
    nl = read_master_list((ml_dir / "NL_ML_2026-07-22.ml").read_bytes(), roots=[nl_root])
    assert len(nl.certificates) == 411 and "CSCA NL" in nl.issuer
    with pytest.raises(FormatError, match="not issued by the given root"):
        read_master_list((ml_dir / "DE_ML_2026-05-28-08-28-45.ml").read_bytes(),
                         roots=[nl_root])
    raw = bytearray((ml_dir / "NL_ML_2026-07-22.ml").read_bytes())
    raw[len(raw) // 2] ^= 0x01  # inside the certificate list: the signed digest breaks
    with pytest.raises(FormatError):
        read_master_list(bytes(raw), roots=[nl_root])


def test_the_crl_is_checked_against_its_issuer(testdata: Path, tmp_path: Path) -> None:
    from workstation.pki.certs import load_crl

    store = TrustStore(tmp_path / "trust")
    crl = load_crl((bsi(testdata) / "COL.crl").read_bytes())
    assert store.add_crl(crl) is True
    assert store.add_crl(crl) is False  # the same (not newer) CRL is not stored twice
    assert len(store.crls()) == 1
