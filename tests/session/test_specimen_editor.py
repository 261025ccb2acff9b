"""The specimen editor's session (edits with undo, preview) and package sharing (signed
export, verification on import, shown in the library)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from workstation.cli import main
from workstation.session.jobs import QueueRunner
from workstation.session.specimen_editor import EditError, SpecimenEditorSession
from workstation.session.specimen_sharing import export_package, verify_package
from workstation.specimens.render import specimen_for
from workstation.types import Expect, Light, Specimen


@pytest.fixture(scope="module")
def spec() -> Specimen:
    return specimen_for("UTO-P-2020", dpi=100.0)


def test_edits_and_undo(spec: Specimen) -> None:
    s = SpecimenEditorSession(QueueRunner())
    seen: list[object] = []
    s.changed.connect(seen.append)
    with pytest.raises(EditError, match="no specimen"):
        s.add_zone((1, 1, 5, 5))
    s.load(spec)
    n = len(spec.zones)
    zid = s.add_zone((10.0, 10.0, 8.0, 6.0), label="new mark")
    assert s.selection == zid and len(s.draft.zones) == n + 1  # type: ignore[union-attr]
    s.move_zone(zid, 2.0, 1.0)
    s.update_zone(zid, rect_mm=(12.0, 11.0, 9.0, 7.0))
    s.set_expectation(zid, Light.UV, Expect.LUMINESCENT)
    s.update_zone(zid, id="uv-mark", label="luminescent mark")
    z = s.draft.zone("uv-mark")  # type: ignore[union-attr]
    assert z.rect_mm == (12.0, 11.0, 9.0, 7.0) and z.checks[0].expect == Expect.LUMINESCENT
    assert s.selection == "uv-mark"
    with pytest.raises(EditError, match="on the page"):
        s.move_zone("uv-mark", 200.0, 0.0)
    with pytest.raises(EditError, match="unique"):
        s.update_zone("uv-mark", id="mrz")
    with pytest.raises(EditError, match="finite"):
        s.update_zone("uv-mark", rect_mm=(float("nan"), 1, 2, 3))
    s.delete_zone("mrz")
    assert "mrz" not in {z.id for z in s.draft.zones}  # type: ignore[union-attr]
    for _ in range(6):
        s.undo()
    assert s.draft == spec and not s.can_undo and s.can_redo
    s.redo()
    assert len(s.draft.zones) == n + 1  # type: ignore[union-attr]
    assert len(seen) >= 10


def test_identity_and_validity(spec: Specimen) -> None:
    import datetime as dt

    s = SpecimenEditorSession(QueueRunner())
    s.load(spec)
    s.set_identity(title="Passport 2020", valid_from=dt.date(2020, 1, 1),
                   valid_until=dt.date(2030, 12, 31))
    assert s.draft is not None and s.draft.valid_until == dt.date(2030, 12, 31)
    with pytest.raises(EditError, match="ends before"):
        s.set_identity(valid_until=dt.date(2019, 1, 1))
    with pytest.raises(EditError, match="cannot set"):
        s.set_identity(id="X")
    s.undo()
    assert s.draft == spec


def test_preview_examines_each_exemplar(spec: Specimen) -> None:
    from workstation.hardware.simulate_cli import simulate_capture

    runner = QueueRunner()
    s = SpecimenEditorSession(runner)
    cap = simulate_capture("UTO-P-2020", forgery=None, seed=3, dpi=200.0, cropped=True)
    s.load(spec, [("g3", cap)])
    rows: list[object] = []
    s.previewed.connect(rows.append)
    s.run_preview()
    runner.run_pending()
    (preview,) = rows
    (row,) = preview  # type: ignore[misc]
    assert row.capture == "g3" and row.checks
    assert any(c[0] == "uv.luminescent" for c in row.checks)


def test_signed_package_verified_on_import(spec: Specimen, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import dataclasses

    spec = dataclasses.replace(spec, id="UTO-P-SHARED", _cache=dict(spec._cache))
    from tests.accounts import enrol
    from workstation.cases import CaseRepository

    with CaseRepository.open() as repo:
        identity = enrol(repo, "unit7", "supervisor", display_name="Unit 7 Officer").identity
    pkg = export_package(spec, tmp_path / "UTO-P-SHARED.zip", author="Unit 7", sign=True,
                         identity=identity)
    sig = verify_package(pkg)
    assert sig.status == "valid" and sig.signer
    with zipfile.ZipFile(pkg) as zf:
        meta = json.loads(zf.read("specimen.json"))
    assert meta["provenance"]["authored_by"] == "Unit 7"
    assert "portrait" in meta["provenance"]["blurred_zones"]
    # a changed package: the signature says so and the import refuses it
    tampered = tmp_path / "t.zip"
    with zipfile.ZipFile(pkg) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "specimen.json":
                data = data.replace(b'"Unit 7"', b'"Unit 8"')
            dst.writestr(info, data)
    assert verify_package(tampered).status == "broken"
    capsys.readouterr()
    assert main(["specimens", "import", str(tampered)]) == 2
    assert "signature broken" in capsys.readouterr().err
    assert main(["specimens", "import", str(pkg)]) == 0
    assert main(["specimens", "list", "--json"]) == 0
    listed = {s["id"]: s for s in json.loads(capsys.readouterr().out)}
    assert listed["UTO-P-SHARED"]["signature"]["status"] == "valid"
    assert listed["UTO-P-SHARED"]["provenance"]["authored_by"] == "Unit 7"
    assert main(["specimens", "verify", str(pkg), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "valid"
