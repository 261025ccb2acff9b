"""Issue 19, failure 3: "The evidence record can be rewritten."

The audit chain had no key and its head lived in the same database: truncating the
tail and updating ``audit_head``, editing an event and recomputing later hashes,
deleting every event and resetting the head, or editing an examination row
(verdict, ``created_by``, ``checks_json``) all gave ``audit verify`` ok: true, and
``cases export`` shipped the edited data labelled "audit chain intact". Each attack
here is made with SQL on the database file, as the attacker made it.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository
from workstation.cases.anchor import Anchor
from workstation.cases.audit import GENESIS_HASH, event_hash
from workstation.cli import main
from workstation.findings import Conclusion, Findings


@pytest.fixture
def filled() -> Iterator[CaseRepository]:
    """Two cases, three examinations with findings, a report: about 14 events."""
    with CaseRepository.open() as repo:
        repo.ensure_user("anna")
        for n in range(3):
            ids = repo.store_examination(make_examination(seed=n), user="anna",
                                         case_ref=f"C-{n % 2}")
            rec = repo.open_examination(ids.examination_id)
            repo.save_findings(rec.id, Findings(conclusion=Conclusion.FORGED, text=f"f{n}"),
                               expected_version=rec.version, user="anna")
        repo.store_report(1, b"%PDF-1.7 report", user="anna", signed=True, signer="Anna",
                          checkpoint=repo.audit_checkpoint())
        assert repo.verify_audit().ok
        yield repo


def _verify(capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["audit", "verify", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _rehash_from(repo: CaseRepository, start: int, *, with_key: bool) -> None:
    """What a careful attacker does after an edit: recompute every hash from ``start``
    (and, having read the data folder, every MAC too), then move the head."""
    keys = repo.anchor.keys() if with_key else None
    with repo.engine.begin() as conn:
        rows = conn.execute(text("SELECT seq, at, actor, action, subject, sha256, details "
                                 "FROM audit_events ORDER BY seq")).all()
        prev = GENESIS_HASH
        for seq, at, actor, action, subject, sha, details in rows:
            if seq >= start:
                digest = event_hash(seq=seq, at=at, actor=actor, action=action,
                                    subject=subject, sha256=sha, details=details,
                                    prev_hash=prev)
                mac = keys.mac(digest) if keys is not None else None
                conn.execute(text("UPDATE audit_events SET prev_hash = :p, hash = :h, "
                                  "mac = COALESCE(:m, mac) WHERE seq = :s"),
                             {"p": prev, "h": digest, "m": mac, "s": seq})
                prev = digest
            else:
                prev = conn.execute(text("SELECT hash FROM audit_events WHERE seq = :s"),
                                    {"s": seq}).scalar_one()
        last = rows[-1][0] if rows else 0
        conn.execute(text("UPDATE audit_head SET seq = :s, hash = :h"), {"s": last, "h": prev})


def test_truncating_the_tail_and_updating_audit_head_is_detected(
        filled: CaseRepository, capsys: pytest.CaptureFixture[str]) -> None:
    with filled.engine.begin() as conn:
        head = conn.execute(text("SELECT seq FROM audit_head")).scalar_one()
        conn.execute(text("DELETE FROM audit_events WHERE seq > :s"), {"s": head - 3})
        last = conn.execute(text("SELECT hash FROM audit_events WHERE seq = :s"),
                            {"s": head - 3}).scalar_one()
        conn.execute(text("UPDATE audit_head SET seq = :s, hash = :h"),
                     {"s": head - 3, "h": last})
    out = _verify(capsys)
    assert out["ok"] is False
    assert any("beyond the chain's end" in p or "ends at" in p for p in out["problems"])


@pytest.mark.parametrize("with_key", [False, True], ids=["hash-only", "with-chain-key"])
def test_editing_an_event_and_recomputing_later_hashes_is_detected(
        filled: CaseRepository, with_key: bool, capsys: pytest.CaptureFixture[str]) -> None:
    with filled.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'mallory', details = "
                          "replace(details, '\"fail\"', '\"pass\"') WHERE seq = 3"))
    _rehash_from(filled, 3, with_key=with_key)
    out = _verify(capsys)
    assert out["ok"] is False
    if not with_key:  # the keys no longer match
        assert out["first_broken"] == 3 and "key" in str(out["problem"])
    else:  # every MAC recomputed: the signed checkpoints outside the database disagree
        assert any("rewritten" in p for p in out["problems"])


def test_deleting_every_event_and_resetting_the_head_is_detected(
        filled: CaseRepository, capsys: pytest.CaptureFixture[str]) -> None:
    with filled.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events"))
        conn.execute(text("UPDATE audit_head SET seq = 0, hash = :h"), {"h": GENESIS_HASH})
    out = _verify(capsys)
    assert out["ok"] is False
    assert any("removed" in p or "no event" in p for p in out["problems"])


@pytest.mark.parametrize("column,value", [
    ("verdict", "'fail'"), ("created_by", "'mallory'"), ("checks_json", "'[]'"),
    ("conclusion", "'no_anomaly'"), ("surname", "'SOMEONE'")])
def test_editing_an_examination_row_is_detected(
        filled: CaseRepository, column: str, value: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    table = "examination_results" if column == "checks_json" else "examinations"
    key = "examination_id" if table == "examination_results" else "id"
    with filled.engine.begin() as conn:
        conn.execute(text(f"UPDATE {table} SET {column} = {value} WHERE {key} = 2"))
    out = _verify(capsys)
    assert out["ok"] is False
    assert any("examination 2" in p for p in out["problems"]), out["problems"]


def test_inserting_or_deleting_rows_is_detected(filled: CaseRepository,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with filled.engine.begin() as conn:
        conn.execute(text("DELETE FROM examination_images WHERE examination_id = 3"))
        conn.execute(text("DELETE FROM examination_results WHERE examination_id = 3"))
        conn.execute(text("DELETE FROM examinations WHERE id = 3"))
        conn.execute(text("UPDATE users SET role = 'supervisor' WHERE name = 'anna'"))
    problems = _verify(capsys)["problems"]
    assert any("examination 3 was deleted" in p for p in problems)  # type: ignore[union-attr]
    assert any("anna's role" in p for p in problems)  # type: ignore[union-attr]


def test_cases_export_verifies_before_it_certifies(
        filled: CaseRepository, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.zip"
    assert main(["cases", "export", "C-0", str(good)]) == 0
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["certified"] is True
    with filled.engine.begin() as conn:
        conn.execute(text("UPDATE examinations SET verdict = 'fail' WHERE id = 2"))
    bad = tmp_path / "bad.zip"
    capsys.readouterr()
    assert main(["cases", "export", "C-1", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "does not verify" in err and "examination 2" in err
    assert not bad.exists()
    assert main(["cases", "export", "C-1", str(bad), "--allow-unverified"]) == 0
    with zipfile.ZipFile(bad) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        verification = json.loads(zf.read("audit-verification.json"))
    assert manifest["certified"] is False and verification["ok"] is False


def test_a_report_checkpoint_catches_a_rewrite_made_with_every_key(
        filled: CaseRepository, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The attacker holds the data folder: the chain key, the checkpoint key. They
    rewrite the chain and write a new checkpoint file. The checkpoint in a report held
    elsewhere (signed by the examiner) still tells."""
    held = filled.audit_checkpoint()
    with filled.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2"))
        conn.execute(text("UPDATE audit_events SET details = replace(details, "
                          "'\"checkpoint\"', '\"checkpoinx\"')"))
    _rehash_from(filled, 2, with_key=True)
    anchor: Anchor = filled.anchor
    path = anchor.checkpoint_path(held["chain"])
    path.unlink()
    head = filled.audit_checkpoint()
    anchor.checkpoint(head["chain"], head["seq"], head["hash"])  # forged, validly signed
    assert _verify(capsys)["ok"] is True  # everything inside the workstation agrees...
    out = _verify(capsys, "--checkpoint", f"{held['seq']}:{held['hash']}")
    assert out["ok"] is False  # ...the report in someone else's hands does not
    assert any("rewritten" in p for p in out["problems"])  # type: ignore[union-attr]


def test_checkpoints_are_time_stamped_when_a_tsa_is_configured(tmp_path: Path) -> None:
    from tests.reports.tsa import LocalTSA
    from workstation.reports.ca import CertificateAuthority

    tsa_identity = CertificateAuthority.generate("Test TSA root").issue(
        "Test TSA", time_stamping=True)
    at = dt.datetime(2026, 11, 28, 10, 30, tzinfo=dt.UTC)
    with LocalTSA(tsa_identity, at=at) as tsa:
        audit_dir = tmp_path / "audit"
        audit_dir.mkdir()
        (audit_dir / "config.json").write_text(json.dumps({"tsa_url": tsa.url}))
        with CaseRepository.open(anchor=Anchor(audit_dir)) as repo:
            repo.store_examination(make_examination(), user="anna")
            report = repo.verify_audit()
        assert tsa.requests >= 1
    assert report.ok, report.problems
    assert report.timestamped_checkpoints == report.checkpoints >= 1
