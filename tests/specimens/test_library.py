"""The specimen library: import (folder, zip), refusals that leave it unchanged,
list/show/remove, known states, and the command line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from workstation.cli import main
from workstation.errors import FormatError, SpecimenError
from workstation.specimens.library import SpecimenLibrary
from workstation.specimens.package import save_specimen
from workstation.types import Expect, Light, Specimen, Zone, ZoneCheck


def tiny_specimen(sid: str = "ATL-P-2019", state: str = "ATL") -> Specimen:
    """A small specimen (40 x 30 mm at 100 dpi) with two lights and one zone."""
    h, w = round(30 / 25.4 * 100), round(40 / 25.4 * 100)
    rng = np.random.default_rng(len(sid))
    white = rng.integers(180, 255, (h, w, 3), dtype=np.uint8)
    uv = rng.integers(0, 40, (h, w, 3), dtype=np.uint8)
    spec = Specimen(
        id=sid, title=f"{state} passport", issuing_state=state, document_code="P",
        mrz_format="TD3", series="2019", valid_from=dt.date(2019, 1, 1), valid_until=None,
        size_mm=(40.0, 30.0), dpi=100.0, image_lights=(Light.WHITE, Light.UV),
        zones=(Zone("blank", (5.0, 5.0, 10.0, 8.0), "blank", "paper",
                    (ZoneCheck(Light.UV, Expect.DULL),)),),
    )
    spec._cache.update({Light.WHITE: white, Light.UV: uv})
    return spec


def _snapshot(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.fixture
def lib(tmp_path: Path) -> SpecimenLibrary:
    return SpecimenLibrary(tmp_path / "lib", bundled=False)


def test_import_folder_and_zip(lib: SpecimenLibrary, tmp_path: Path) -> None:
    folder = save_specimen(tiny_specimen(), tmp_path / "pkg")
    spec = lib.import_package(folder)
    assert spec.id == "ATL-P-2019"
    assert lib.ids() == ["ATL-P-2019"]
    assert lib.get("ATL-P-2019").image(Light.UV).shape == (118, 157, 3)
    zipped = save_specimen(tiny_specimen("BRN-P-2021", "BRN"), tmp_path / "b.zip")
    lib.import_package(zipped)
    assert lib.ids() == ["ATL-P-2019", "BRN-P-2021"]
    assert set(lib.known_states()) == {"ATL", "BRN"}
    # The stored copy does not depend on the original.
    shutil.rmtree(folder)
    zipped.unlink()
    fresh = SpecimenLibrary(lib.root, bundled=False)
    assert fresh.get("BRN-P-2021").image(Light.WHITE).shape == (118, 157, 3)


def test_zip_with_a_top_folder(lib: SpecimenLibrary, tmp_path: Path) -> None:
    folder = save_specimen(tiny_specimen(), tmp_path / "ATL")
    zpath = tmp_path / "nested.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for f in folder.iterdir():
            zf.write(f, f"ATL/{f.name}")
    assert lib.import_package(zpath).id == "ATL-P-2019"


def test_importing_twice_or_a_clashing_id_is_refused(lib: SpecimenLibrary,
                                                     tmp_path: Path) -> None:
    folder = save_specimen(tiny_specimen(), tmp_path / "pkg")
    lib.import_package(folder)
    before = _snapshot(lib.root)
    with pytest.raises(SpecimenError, match="already in the library"):
        lib.import_package(folder)
    other = tiny_specimen()
    other.title = "another package with the same id"
    clash = save_specimen(other, tmp_path / "clash.zip")
    with pytest.raises(SpecimenError, match="ATL-P-2019"):
        lib.import_package(clash)
    assert _snapshot(lib.root) == before
    assert lib.get("ATL-P-2019").title == "ATL passport"


@pytest.mark.parametrize("breakage", ["no json", "bad json", "missing image", "corrupt image",
                                      "wrong size", "not a zip"])
def test_broken_package_is_refused_and_changes_nothing(lib: SpecimenLibrary, tmp_path: Path,
                                                       breakage: str) -> None:
    folder = save_specimen(tiny_specimen(), tmp_path / "pkg")
    path: Path = folder
    if breakage == "no json":
        (folder / "specimen.json").unlink()
    elif breakage == "bad json":
        (folder / "specimen.json").write_text("{not json", encoding="utf-8")
    elif breakage == "missing image":
        (folder / "uv.png").unlink()
    elif breakage == "corrupt image":
        (folder / "uv.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    elif breakage == "wrong size":
        meta = json.loads((folder / "specimen.json").read_text(encoding="utf-8"))
        meta["size_mm"] = [80.0, 60.0]
        meta["zones"] = []
        (folder / "specimen.json").write_text(json.dumps(meta), encoding="utf-8")
    else:
        path = tmp_path / "broken.zip"
        path.write_bytes(b"PK\x03\x04 definitely not a zip")
    before = _snapshot(lib.root)
    with pytest.raises(FormatError):
        lib.import_package(path)
    assert _snapshot(lib.root) == before
    assert lib.ids() == []


def test_remove(lib: SpecimenLibrary, tmp_path: Path) -> None:
    lib.import_package(save_specimen(tiny_specimen(), tmp_path / "pkg"))
    lib.remove("ATL-P-2019")
    assert lib.ids() == []
    assert list(lib.root.iterdir()) == []
    with pytest.raises(SpecimenError, match="no specimen"):
        lib.remove("ATL-P-2019")
    with pytest.raises(SpecimenError, match="no specimen"):
        lib.get("../etc")


def test_candidates_by_mrz_facts(lib: SpecimenLibrary, tmp_path: Path) -> None:
    lib.import_package(save_specimen(tiny_specimen(), tmp_path / "a"))
    lib.import_package(save_specimen(tiny_specimen("BRN-P-2021", "BRN"), tmp_path / "b"))
    assert [s.id for s in lib.candidates(issuing_state="BRN")] == ["BRN-P-2021"]
    assert [s.id for s in lib.candidates(document_code="PD")] == ["ATL-P-2019", "BRN-P-2021"]
    assert lib.candidates(mrz_format="TD1") == []


def test_bundled_specimens_are_always_present(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[Path] = []

    def fake_ensure(root: Path | None = None) -> list[Path]:
        assert root is not None
        save_specimen(tiny_specimen("UTO-P-2020", "UTO"), root / "UTO-P-2020")
        written.append(root)
        return [root / "UTO-P-2020"]

    monkeypatch.setattr("workstation.specimens.bundled.ensure_bundled", fake_ensure)
    lib = SpecimenLibrary(tmp_path / "lib")
    assert lib.ids() == ["UTO-P-2020"]
    assert written == [tmp_path / "lib"]
    assert "UTO" in lib.known_states()


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("workstation.specimens.bundled.ensure_bundled",
                        lambda root=None: [])
    pkg = save_specimen(tiny_specimen(), tmp_path / "pkg.zip")
    assert main(["specimens", "import", str(pkg)]) == 0
    capsys.readouterr()
    assert main(["specimens", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in listed] == ["ATL-P-2019"]
    assert listed[0]["issuing_state"] == "ATL" and listed[0]["mrz_format"] == "TD3"
    assert main(["specimens", "show", "ATL-P-2019", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["zones"][0]["id"] == "blank"
    # Importing it again: exit status 2 and a one-line reason.
    assert main(["specimens", "import", str(pkg)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already in the library" in err[0]
    assert main(["specimens", "remove", "ATL-P-2019"]) == 0
    assert main(["specimens", "show", "ATL-P-2019"]) == 2
    assert main(["specimens", "remove", "ATL-P-2019"]) == 2
