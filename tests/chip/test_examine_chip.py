"""The chip checks in the examination: a genuine simulated document passes every chip
check; each chip forgery fails (or, for the face, warns on) the check meant for it; no
chip means skipped, never an error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workstation.capture import load_capture
from workstation.examination.pipeline import examine
from workstation.hardware.simulate_cli import simulate_capture, write_capture
from workstation.types import CheckStatus


def _chip_results(doc: str, forgery: str | None, seed: int, tmp_path: Path
                  ) -> dict[str, tuple[str, str]]:
    cap = simulate_capture(doc, forgery=forgery, seed=seed, dpi=300.0, cropped=False,
                           chip=True)
    folder = write_capture(cap, tmp_path / f"{doc}-{forgery}-{seed}")
    ex = examine(load_capture(folder), capture_path=str(folder))
    return {c.id: (c.status.value, c.code) for c in ex.checks if c.id.startswith("chip.")}


@pytest.mark.slow
@pytest.mark.parametrize("doc", ["UTO-P-2020", "UTO-ID-2021"])
def test_a_genuine_document_passes_every_chip_check(doc: str, tmp_path: Path) -> None:
    results = _chip_results(doc, None, 31, tmp_path)
    assert results == {
        "chip.passive_authentication": ("pass", "PA_VALID"),
        "chip.chip_authentication": ("pass", "CA_VALID"),
        "chip.active_authentication": ("pass", "AA_VALID"),
        "chip.mrz": ("pass", "CHIP_MRZ_MATCH"),
        "chip.face": ("pass", "FACE_MATCH")}


@pytest.mark.slow
@pytest.mark.parametrize(("forgery", "check", "status", "code"), [
    ("chip_other_dg1", "chip.mrz", "fail", "CHIP_MRZ_MISMATCH"),
    ("chip_other_face", "chip.face", "warn", "FACE_MISMATCH"),
    ("chip_unknown_signer", "chip.passive_authentication", "fail", "PA_SIGNER_UNTRUSTED"),
    ("chip_altered_dg", "chip.passive_authentication", "fail", "PA_HASH_MISMATCH"),
    ("portrait_substituted", "chip.face", "warn", "FACE_MISMATCH"),
])
def test_each_chip_forgery_is_caught_by_its_check(forgery: str, check: str, status: str,
                                                  code: str, tmp_path: Path) -> None:
    results = _chip_results("UTO-P-2020", forgery, 32, tmp_path)
    assert results[check] == (status, code)


@pytest.mark.slow
def test_without_a_chip_every_chip_check_is_skipped(tmp_path: Path) -> None:
    cap = simulate_capture("UTO-P-2020", forgery=None, seed=33, dpi=150.0, cropped=True)
    ex = examine(cap)
    chip = [c for c in ex.checks if c.id.startswith("chip.")]
    assert chip and all(c.status is CheckStatus.SKIPPED and c.code == "CHIP_ABSENT"
                        for c in chip)


def test_other_dg1_names_each_differing_field(tmp_path: Path) -> None:
    from workstation.chip.files import collect
    from workstation.chip.verify import chip_checks, verify_chip
    from workstation.mrz import parse_mrz

    cap = simulate_capture("UTO-ID-2021", forgery="chip_other_dg1", seed=34, dpi=100.0,
                           cropped=True, chip=True)
    files, record = collect(cap.chip_files)
    printed = parse_mrz(cap.metadata["simulation"]["mrz_lines"]).to_json("page")
    mrz = next(c for c in chip_checks(verify_chip(files, record=record), printed_mrz=printed)
               if c.id == "chip.mrz")
    assert mrz.status is CheckStatus.FAIL
    assert "surname" in mrz.details["fields"] and "document_number" not in mrz.details["fields"]
    assert "surname: chip" in mrz.message


def test_simulate_writes_the_chip_folder_and_verify_reads_it(tmp_path: Path) -> None:
    out = tmp_path / "cap"
    run = subprocess.run([sys.executable, "-m", "workstation", "simulate", "--document",
                          "UTO-P-2020", "--seed", "35", "--dpi", "100", "--cropped", "--out",
                          str(out)], capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert {p.name for p in (out / "chip").iterdir()} >= {"EF.SOD", "EF.COM", "DG1.bin",
                                                           "DG2.bin", "chip.json"}
    verify = subprocess.run([sys.executable, "-m", "workstation", "chip", "verify",
                             str(out / "chip"), "--json"], capture_output=True, text=True,
                            timeout=300, check=False)
    assert verify.returncode == 0, verify.stderr
    result = json.loads(verify.stdout)
    pa = result["passive_authentication"]
    assert pa["hashes_valid"] and pa["signature_valid"] and pa["chain_valid"] is True
    assert pa["data_groups"] == {"DG1": True, "DG2": True, "DG14": True, "DG15": True}
    assert "Utopia Document Signer" in pa["signer"]
    assert [c["id"] for c in result["checks"]] == [
        "chip.passive_authentication", "chip.chip_authentication",
        "chip.active_authentication"]
