"""``specimens learn``: a specimen made from one genuine family-2 capture is taught
more genuine captures — statistics per zone, light and measure, written into the
library's package atomically, never counting a capture twice."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from bench import family2
from tests.family2.conftest import genuine
from workstation.capture import save_capture
from workstation.errors import SpecimenError
from workstation.examination.learn import learn, merge, white_sha256
from workstation.specimens.library import SpecimenLibrary
from workstation.types import CaptureSet, Light

FACE = "NRV-ID-2019-B"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return family2.write_specimen(FACE, tmp_path_factory.mktemp("pkg") / FACE)


def _library(tmp_path: Path, package: Path) -> SpecimenLibrary:
    lib = SpecimenLibrary(tmp_path / "lib", bundled=False)
    lib.import_package(package)
    return lib


@pytest.mark.slow
def test_learn_adds_statistics_per_zone_and_page(tmp_path: Path, package: Path) -> None:
    lib = _library(tmp_path, package)
    spec = lib.get(FACE)
    caps = [(f"c{s}", genuine(FACE, s, "dark").capture) for s in (301, 302)]
    res = learn(spec, caps)
    assert res.learned == 2
    new = res.specimen
    assert new.statistics.exemplars == 2
    assert set(new.statistics.sources) == {white_sha256(c) for _, c in caps}
    rq = new.statistics.stat(Light.WHITE, "registration_quality")
    assert rq is not None and rq.n == 2 and 0.4 < rq.mean <= 1.0
    mrz = new.zone("mrz")
    assert mrz.varies_by_holder
    ratio = mrz.stat(Light.IR, "ir_print_ratio")
    assert ratio is not None and ratio.n == 2 and ratio.mean > 0.5  # carbon MRZ stays dark
    assert mrz.stat(Light.UV, "uv_level") is None  # holder zone: no content comparison
    uv = new.zone("uv-map").stat(Light.UV, "correlation")
    assert uv is not None and uv.min > 0.5
    bg = new.zone("background").stat(Light.WHITE, "similarity")
    assert bg is not None and bg.n == 2
    # the same captures again: nothing counted twice
    again = learn(new, caps)
    assert again.learned == 0
    assert all("already learned" in e.reason for e in again.exemplars)
    assert merge(new, res.exemplars) is new or merge(new, res.exemplars).statistics == \
        new.statistics


def test_a_capture_without_a_page_is_left_out_with_its_reason(package: Path,
                                                              tmp_path: Path) -> None:
    spec = _library(tmp_path, package).get(FACE)
    blank = CaptureSet(images={Light.WHITE: np.full((400, 600, 3), 30, np.uint8)}, dpi=300)
    said: list[str] = []
    res = learn(spec, [("blank", blank)], progress=lambda _f, m: said.append(m))
    assert res.learned == 0 and "no page found" in res.exemplars[0].reason
    assert res.specimen is spec
    # the progress texts are messages the window shows in its language
    from workstation.i18n import catalogue, render

    assert said == ["measuring blank", "done"]
    assert [render(m, catalogue("mn")) for m in said] == ["blank-ийг хэмжиж байна", "дууслаа"]
    assert render(said[0], catalogue("ru")) == "измерение blank"


def test_library_update_is_atomic_and_checked(tmp_path: Path, package: Path) -> None:
    lib = _library(tmp_path, package)
    before = (lib.root / FACE / "specimen.json").read_bytes()

    def broken(_spec):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        lib.update(FACE, broken)
    assert (lib.root / FACE / "specimen.json").read_bytes() == before
    import dataclasses

    with pytest.raises(SpecimenError, match="may not change"):
        lib.update(FACE, lambda s: dataclasses.replace(s, id="OTHER"))
    assert (lib.root / FACE / "specimen.json").read_bytes() == before


@pytest.mark.slow
def test_cli_learn(tmp_path: Path, package: Path) -> None:
    home = tmp_path / "home"
    env = {"WORKSTATION_HOME": str(home), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "workstation"]
    out = subprocess.run([*run, "specimens", "import", str(package)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    folders = []
    for s in (303, 304):
        folders.append(str(save_capture(genuine(FACE, s, "blue").capture, tmp_path / f"c{s}")))
    out = subprocess.run([*run, "specimens", "learn", FACE, *folders, "--json"], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["exemplars"] == 2 and all(c["learned"] for c in report["captures"])
    meta = json.loads((home / "specimens" / FACE / "specimen.json").read_text())
    assert meta["statistics"]["exemplars"] == 2
    # unreadable input: exit 2 with a one-line reason, the readable ones still learned
    out = subprocess.run([*run, "specimens", "learn", FACE, folders[0],
                          str(tmp_path / "missing")], env=env, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 2
    assert "not a capture folder" in out.stderr and "already learned" in out.stderr
    assert "Traceback" not in out.stderr
    # nothing readable: the one-line reason alone, nothing learned or reported as done
    out = subprocess.run([*run, "specimens", "learn", FACE, str(tmp_path / "missing")],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"workstation: error: {tmp_path / 'missing'}: not a capture folder (no such folder)"]
    out = subprocess.run([*run, "specimens", "learn", "NOPE", folders[0]], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "no specimen 'NOPE'" in out.stderr


@pytest.mark.slow
def test_learning_measures_what_the_examination_measures(tmp_path: Path,
                                                         package: Path) -> None:
    """One preparation (``learn.prepare_capture``): a capture's measures when learned are
    the values its examination holds against the learned ranges."""
    from workstation.examination.learn import measure_capture
    from workstation.examination.pipeline import examine

    lib = _library(tmp_path, package)
    spec = lib.get(FACE)
    caps = [(f"c{s}", genuine(FACE, s, "dark").capture) for s in (301, 302)]
    spec = lib.update(FACE, lambda sp: learn(sp, caps).specimen)
    # a reader denser than the work density by far: the capture is reduced before it is
    # warped — by both, or the learned ranges would describe other pixels
    base = genuine(FACE, 303, "light").capture
    k = 1.6
    cap = dataclasses.replace(base, dpi=(base.dpi or 300.0) * k, images={
        light: np.asarray(cv2.resize(img, None, fx=k, fy=k, interpolation=cv2.INTER_CUBIC),
                          np.uint8)
        for light, img in base.images.items()})
    learned = measure_capture(spec, cap)
    assert learned.learned
    ex = examine(cap, library=lib, specimen_id=FACE)
    compared = 0
    for c in ex.checks:
        js = (c.details or {}).get("measures") if c.zone else None
        if not js or c.zone is None:
            continue
        light = c.light.value if c.light is not None else "white"
        for name, j in js.items():
            got = learned.measures.get(c.zone, {}).get(light, {}).get(name)
            if got is None:
                continue
            assert j["value"] == pytest.approx(got, abs=1e-3), (c.id, c.zone, name)
            compared += 1
    assert compared >= 5
