"""Fixtures of the report tests: one CA and one signed report per session, copied
into each test's private data folder."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reports.synthetic import synthetic_examination, synthetic_findings, synthetic_specimen
from workstation.examination.results import Examination
from workstation.findings import Findings
from workstation.reports.ca import Identity, LocalCA
from workstation.reports.config import ReportConfig
from workstation.sealing import box_keypair
from workstation.types import Specimen


@dataclass
class Material:
    """What the session builds once."""

    ca_root: Path
    box_private: bytes  # the test administrator's key-wrapping key (unlocks the CA)
    examiner: Identity
    supervisor: Identity
    examination: Examination
    findings: Findings
    specimen: Specimen
    config: ReportConfig
    signed: bytes  # the examiner-signed report
    unsigned: bytes


@pytest.fixture(scope="session")
def material(tmp_path_factory: pytest.TempPathFactory) -> Material:
    from workstation.reports.build import ReportContext, build_report
    from workstation.reports.sign import sign_pdf

    root = tmp_path_factory.mktemp("ca") / "ca"
    box_private, box_public = box_keypair()
    authority = LocalCA(root, name="Test workstation local CA").create("admin", box_public)
    examiner = authority.issue("Anna Examiner", user="anna", role="examiner")
    supervisor = authority.issue("Bob Supervisor", user="bob", role="supervisor")
    exam = synthetic_examination()
    findings = synthetic_findings(exam)
    specimen = synthetic_specimen()
    config = ReportConfig(workstation="WS-TEST-01", examiner="Anna Examiner")
    unsigned = build_report(exam, ReportContext(case_ref="C-2026-0042", findings=findings,
                                                specimen=specimen, config=config,
                                                report_id="R-TEST-0001"))
    signed = sign_pdf(unsigned, examiner)
    return Material(root, box_private, examiner, supervisor, exam, findings, specimen, config,
                    signed, unsigned)


@pytest.fixture(autouse=True)
def _local_ca(material: Material, _private_home: Path) -> Iterator[Path]:
    """The session's CA becomes this test's workstation CA (so its signers are trusted;
    ``LocalCA().unlock("admin", material.box_private)`` unlocks it)."""
    target = _private_home / "reports" / "ca"
    shutil.copytree(material.ca_root, target)
    yield target


def run_tool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run a poppler tool; the test is skipped when poppler-utils is not installed."""
    if shutil.which(str(args[0])) is None:
        pytest.skip(f"{args[0]} not installed (poppler-utils; make test installs it)")
    return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          timeout=120, check=False)
