"""`workstation chip verify / import-*`: the contract of issue 20 and clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.chip.conftest import bsi


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workstation", *args], capture_output=True,
                          text=True, timeout=300, check=False)


def test_verify_the_reference_files_names_the_signer(testdata: Path) -> None:
    proc = _cli("chip", "verify", str(bsi(testdata)), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    pa = out["passive_authentication"]
    assert pa["hashes_valid"] is True and pa["signature_valid"] is True
    assert pa["chain_valid"] is None
    assert pa["signer"] == "C=DE, O=HJP Consulting, OU=Document Signer, CN=HJP PB DS"
    assert pa["data_groups"] == {"DG1": True, "DG14": True, "DG15": None}
    checks = {c["id"]: c for c in out["checks"]}
    assert checks["chip.passive_authentication"]["status"] == "warn"
    assert checks["chip.passive_authentication"]["code"] == "PA_CSCA_MISSING"


def test_verify_single_files_by_icao_names(testdata: Path, tmp_path: Path) -> None:
    d = bsi(testdata)
    (tmp_path / "EF.SOD").write_bytes((d / "EF_SOD.bin").read_bytes())
    (tmp_path / "DG1.bin").write_bytes((d / "Datagroup1.bin").read_bytes())
    proc = _cli("chip", "verify", str(tmp_path / "EF.SOD"), str(tmp_path / "DG1.bin"), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["passive_authentication"]["data_groups"] == {"DG1": True}


def test_a_tampered_group_fails_and_bad_input_is_exit_2(testdata: Path, tmp_path: Path) -> None:
    d = bsi(testdata)
    (tmp_path / "EF_SOD.bin").write_bytes((d / "EF_SOD.bin").read_bytes())
    dg1 = bytearray((d / "Datagroup1.bin").read_bytes())
    dg1[20] ^= 0x20
    (tmp_path / "Datagroup1.bin").write_bytes(bytes(dg1))
    out = json.loads(_cli("chip", "verify", str(tmp_path), "--json").stdout)
    assert out["passive_authentication"]["hashes_valid"] is False
    assert out["checks"][0]["code"] == "PA_HASH_MISMATCH"
    for bad in ([str(tmp_path / "missing")], [str(d / "Datagroup1.bin")]):
        proc = _cli("chip", "verify", *bad)
        assert proc.returncode == 2 if "missing" in bad[0] else proc.returncode in (0, 2)
        assert "Traceback" not in proc.stderr
    (tmp_path / "junk.ml").write_bytes(b"not a master list")
    proc = _cli("chip", "import-masterlist", str(tmp_path / "junk.ml"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_import_masterlist_then_csca_then_crl(testdata: Path) -> None:
    ml = testdata / "emrtd" / "masterlists"
    proc = _cli("chip", "import-masterlist", str(ml / "NL_ML_2026-07-22.ml"), "--root",
                str(ml / "NL_ROOT_CA.cer"), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["trusted_by"] == "root" and out["added"] == out["certificates"] == 411
    again = json.loads(_cli("chip", "import-masterlist", str(ml / "NL_ML_2026-07-22.ml"),
                            "--json").stdout)
    assert again["added"] == 0 and again["trusted_by"] == "store"
    proc = _cli("chip", "import-csca", str(bsi(testdata) / "CSCA_NL_serial6.cer"), "--json")
    assert proc.returncode == 0
    proc = _cli("chip", "import-crl", str(bsi(testdata) / "COL.crl"), "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)[0]["stored"] is True
    trust = json.loads(_cli("chip", "trust", "--json").stdout)
    assert sum(1 for t in trust if t["country"] == "NL") >= 2
    assert any(t["source"].startswith("built-in") for t in trust)
    proc = _cli("chip", "import-csca", str(ml / "NL_ML_2026-07-22.ml"))
    assert proc.returncode == 2 and "not an X.509 certificate" in proc.stderr


def test_verify_with_csca_option(tmp_path: Path) -> None:
    from workstation.chip.files import save_files
    from workstation.chip.personalise import chip_for_document

    image = chip_for_document("UTO-P-2020", seed=40, forgery="chip_unknown_signer")
    save_files(tmp_path / "chip", image.files, None)
    from workstation.specimens.testpki import forger

    (tmp_path / "forger.cer").write_bytes(forger().csca_der)
    out = json.loads(_cli("chip", "verify", str(tmp_path / "chip"), "--json").stdout)
    assert out["passive_authentication"]["chain_valid"] is False
    out = json.loads(_cli("chip", "verify", str(tmp_path / "chip"), "--csca",
                          str(tmp_path / "forger.cer"), "--json").stdout)
    assert out["passive_authentication"]["chain_valid"] is True
