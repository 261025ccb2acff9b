"""Store first, then sign (issue 19, item 5): killed at any point of ``examine --report``,
the process leaves no signed PDF without its examination and its audit record."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.accounts import enrol_os_examiner
from workstation.cases import CaseRepository

ROOT = Path(__file__).resolve().parents[2]
POINTS = ("stored", "signed", "in-transaction", "recorded", "temp-written", "written", "none")


def _run(point: str, out: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "tests.session.kill_worker", point, str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _signed_pdfs(folder: Path) -> list[Path]:
    """Every file in ``folder`` (hidden temporary files too) holding a signed PDF."""
    return [p for p in folder.iterdir() if p.is_file()
            and p.read_bytes().startswith(b"%PDF") and b"/ByteRange" in p.read_bytes()]


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_no_orphaned_signed_report(point: str, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    home, outdir = tmp_path / "home", tmp_path / "out"
    outdir.mkdir()
    monkeypatch.setenv("WORKSTATION_HOME", str(home))
    enrol_os_examiner()  # this operating-system account signs (issue 19: no name alone)
    out = outdir / "report.pdf"
    proc = _run(point, out, home)
    if point == "none":
        assert proc.returncode == 0, proc.stderr
    else:
        assert proc.returncode == -9, (proc.returncode, proc.stdout, proc.stderr)
        assert f"killed at {point}" in proc.stdout
    with CaseRepository.open(f"sqlite:///{home / 'workstation.db'}") as repo:
        assert repo.verify_audit().ok
        case = repo.find_case("KILL-1")
        # the examination and its audit event commit before any report exists
        assert case is not None and len(case.examination_ids) == 1
        exam_id = case.examination_ids[0]
        record = repo.open_examination(exam_id)
        events = repo.audit_events(subjects=(f"examination:{exam_id}",))
        actions = [e.action for e in events]
        assert "examination.run" in actions
        recorded = {r.sha256 for r in record.reports if r.signed}
        signed_events = {e.sha256 for e in events if e.action == "report.signed"}
        assert recorded == signed_events  # a report row never without its event
        if recorded:
            assert actions.index("examination.run") < actions.index("report.signed")
        for pdf in _signed_pdfs(outdir):
            digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
            assert digest in recorded, f"{pdf.name}: a signed PDF with no record ({point})"
    expect_file = point in ("written", "none")
    assert out.is_file() == expect_file
    if point in ("stored", "signed", "in-transaction"):
        assert not recorded and not _signed_pdfs(outdir)
    if point in ("recorded", "temp-written", "written", "none"):
        assert len(recorded) == 1
