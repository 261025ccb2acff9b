"""Kill a saving process with SIGKILL: the database stays consistent, the chain
verifies, and the last committed work is there (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from workstation.cases import CaseRepository
from workstation.cases.anchor import Anchor
from workstation.cases.storage import BlobStore, sha256_hex

ROOT = Path(__file__).resolve().parents[2]


def _run_and_kill(db_url: str, home: Path, rng: random.Random) -> tuple[int, int, str]:
    """Start the worker, let it commit a few saves, kill it mid-save; the last commit."""
    env = {**os.environ, "WORKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "tests.cases.crash_worker", db_url],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        want = rng.randint(4, 9)
        deadline = time.monotonic() + 120
        while len(lines) < want and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
        time.sleep(rng.uniform(0.0, 0.03))  # land somewhere inside the next save
    finally:
        proc.send_signal(signal.SIGKILL)
        rest, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, err
    lines += rest.splitlines(keepends=True)
    complete = [ln for ln in lines if ln.endswith("\n")]
    assert complete, f"the worker committed nothing: {err}"
    exam_id, version, finding = ([*complete[-1].rstrip("\n").split(" ", 2), ""])[:3]
    return int(exam_id), int(version), finding


@pytest.mark.slow
def test_killed_mid_save_loses_nothing_committed(db_url: str, tmp_path: Path) -> None:
    rng = random.Random(20261128)
    home = tmp_path / "home"
    for _round in range(3):
        exam_id, version, finding = _run_and_kill(db_url, home, rng)
        with CaseRepository.open(db_url, blobs=BlobStore(root=home / "blobs"),
                                 anchor=Anchor(home / "audit")) as repo:
            # The last committed save is there (a later one may have committed too).
            rec = repo.open_examination(exam_id)
            assert rec.version >= version
            if finding and rec.version == version:
                assert rec.findings is not None and rec.findings.text == finding
            # The chain verifies and every stored image is present and intact.
            report = repo.verify_audit()
            assert report.ok, report
            with repo.engine.connect() as conn:
                if repo.engine.dialect.name == "sqlite":
                    assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                    assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
                hashes = conn.execute(text("SELECT DISTINCT sha256 FROM examination_images")
                                      ).scalars().all()
                runs = conn.execute(text("SELECT count(*) FROM audit_events WHERE "
                                         "action = 'examination.run'")).scalar()
                exams = conn.execute(text("SELECT count(*) FROM examinations")).scalar()
                saves = conn.execute(text("SELECT count(*) FROM audit_events WHERE "
                                          "action = 'finding.saved'")).scalar()
                versions = conn.execute(text("SELECT coalesce(sum(version - 1), 0) FROM "
                                             "examinations")).scalar()
            assert runs == exams  # every examination row has its audit event, and back
            assert saves == versions  # every findings save is one version and one event
            for sha in hashes:
                assert sha256_hex(repo.blob(sha)) == sha
