"""The bundled Utopia specimens: generated on first use, loadable like any package."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from workstation.specimens import bundled
from workstation.specimens.package import load_specimen
from workstation.specimens.render import DOCUMENTS, document_lights
from workstation.types import Light


@pytest.fixture(autouse=True)
def _small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Generate at a lower density to keep the tests quick (the default is 600 dpi)."""
    monkeypatch.setattr(bundled, "BUNDLED_DPI", 150.0)


def test_generated_into_the_data_folder_and_loadable(_private_home: Path) -> None:
    folders = bundled.ensure_bundled()
    assert [f.name for f in folders] == list(DOCUMENTS)
    for folder in folders:
        assert folder.parent == _private_home / "specimens"
        spec = load_specimen(folder, verify_images=True)
        assert spec.id == folder.name
        assert spec.dpi == 150.0
        # white, UV and IR, and every light the document has a feature for
        assert set(spec.image_lights) == set(document_lights(spec.id))
        assert {Light.WHITE, Light.UV, Light.IR} <= set(spec.image_lights)
        assert spec.zones_with_role("mrz") and spec.zones_with_role("blank")
        assert spec.extra["generator"] == bundled.generator_mark()
    assert not [p for p in folders[0].parent.iterdir() if p.name.startswith(".")]


def test_second_call_keeps_the_packages(tmp_path: Path) -> None:
    first = bundled.ensure_bundled(tmp_path)
    stamps = {p: (p / "white.png").stat().st_mtime_ns for p in first}
    again = bundled.ensure_bundled(tmp_path)
    assert again == first
    assert {p: (p / "white.png").stat().st_mtime_ns for p in again} == stamps


def test_regenerated_when_stale_or_broken(tmp_path: Path) -> None:
    passport, card = bundled.ensure_bundled(tmp_path)
    meta = json.loads((passport / "specimen.json").read_text())
    meta["generator"] = "workstation.specimens.render/0"
    (passport / "specimen.json").write_text(json.dumps(meta))
    (card / "uv.png").unlink()
    bundled.ensure_bundled(tmp_path)
    assert load_specimen(passport).extra["generator"] == bundled.generator_mark()
    assert (card / "uv.png").is_file()
    load_specimen(card, verify_images=True)


def test_a_users_package_with_the_same_id_is_left_alone(tmp_path: Path) -> None:
    passport, _ = bundled.ensure_bundled(tmp_path)
    meta = json.loads((passport / "specimen.json").read_text())
    del meta["generator"]
    meta["title"] = "imported by an examiner"
    (passport / "specimen.json").write_text(json.dumps(meta))
    bundled.ensure_bundled(tmp_path)
    assert load_specimen(passport).title == "imported by an examiner"


def test_deterministic(tmp_path: Path) -> None:
    a = bundled.ensure_bundled(tmp_path / "a")
    b = bundled.ensure_bundled(tmp_path / "b")
    for fa, fb in zip(a, b, strict=True):
        sa, sb = load_specimen(fa), load_specimen(fb)
        assert sa.zones == sb.zones
        for light in sa.image_lights:
            assert np.array_equal(sa.image(light), sb.image(light))
