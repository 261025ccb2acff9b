"""Specimen statistics and ``varies`` in the package format: round trip, old packages,
validation (finite, bounded, consistent)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from workstation.errors import FormatError
from workstation.specimens.package import load_specimen, save_specimen
from workstation.types import (
    Light,
    MeasureStat,
    Specimen,
    SpecimenStatistics,
    Stat,
    Zone,
)

SHA = "a" * 64


def _spec(**zone_kw: Any) -> Specimen:
    img = np.full((54, 86, 3), 200, np.uint8)
    zones = (Zone("blank", (1.0, 1.0, 10.0, 10.0), "blank", **zone_kw),)
    return Specimen(id="T-1", title="t", issuing_state="UTO", document_code="I",
                    mrz_format=None, series="", valid_from=None, valid_until=None,
                    size_mm=(86.0, 54.0), dpi=25.4, image_lights=(Light.WHITE, Light.UV),
                    zones=zones, loader=lambda light: img)


def _write(tmp_path: Path, mutate: Any) -> Path:
    spec = _spec(varies="holder",
                 stats=(MeasureStat(Light.UV, "uv_level", Stat.of([1.0, 1.2, 0.9])),))
    spec.statistics = SpecimenStatistics(exemplars=3, sources=(SHA,),
                                         page=(MeasureStat(Light.WHITE, "registration_quality",
                                                           Stat.of([0.8])),),
                                         updated_at="2026-01-01T00:00:00+00:00")
    path = save_specimen(spec, tmp_path / "pkg")
    meta = json.loads((path / "specimen.json").read_text())
    mutate(meta)
    (path / "specimen.json").write_text(json.dumps(meta))
    return path


def test_round_trip(tmp_path: Path) -> None:
    path = _write(tmp_path, lambda meta: None)
    spec = load_specimen(path, verify_images=True)
    z = spec.zone("blank")
    assert z.varies == "holder" and z.varies_by_holder
    st = z.stat(Light.UV, "uv_level")
    assert st is not None and st.n == 3 and st.min == 0.9 and st.max == 1.2
    assert st.mean == pytest.approx(31 / 30, rel=1e-5)
    assert z.stat(Light.WHITE, "uv_level") is None
    assert spec.statistics.exemplars == 3 and spec.statistics.sources == (SHA,)
    rq = spec.statistics.stat(Light.WHITE, "registration_quality")
    assert rq is not None and rq.sd == 0.0
    again = load_specimen(save_specimen(spec, tmp_path / "again"))
    assert again.zone("blank") == z
    assert again.statistics == spec.statistics


def test_old_packages_load_unchanged(tmp_path: Path) -> None:
    def strip(meta: dict[str, Any]) -> None:
        del meta["statistics"]
        for z in meta["zones"]:
            z.pop("stats"), z.pop("varies")

    spec = load_specimen(_write(tmp_path, strip))
    assert spec.zone("blank").stats == () and spec.zone("blank").varies is None
    assert spec.statistics == SpecimenStatistics()
    saved = save_specimen(spec, tmp_path / "resaved")
    meta = json.loads((saved / "specimen.json").read_text())
    assert "statistics" not in meta and "stats" not in meta["zones"][0]


def _stat(meta: dict[str, Any]) -> dict[str, Any]:
    stat: dict[str, Any] = meta["zones"][0]["stats"]["uv"]["uv_level"]
    return stat


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda m: _stat(m).update(mean=math.nan), "finite"),
    (lambda m: _stat(m).update(mean=math.inf), "finite"),
    (lambda m: _stat(m).update(max=1e9), "finite number within"),
    (lambda m: _stat(m).update(min=5.0), "min <= mean <= max"),
    (lambda m: _stat(m).update(sd=-1.0), "negative"),
    (lambda m: _stat(m).update(n=0), "'n'"),
    (lambda m: _stat(m).update(n=True), "'n'"),
    (lambda m: _stat(m).pop("sd"), "lacks sd"),
    (lambda m: _stat(m).update(n=1), "single value"),
    (lambda m: m["zones"][0]["stats"].update(ir={"x": {}}), "no ir image"),
    (lambda m: m["zones"][0]["stats"].update(moon={}), "unknown light"),
    (lambda m: m["zones"][0]["stats"]["uv"].update({"Bad Name": _stat(m)}), "measure name"),
    (lambda m: m["zones"][0].update(varies="season"), "'varies'"),
    (lambda m: m["statistics"].update(sources=["nothex"]), "SHA-256"),
    (lambda m: m["statistics"].update(exemplars=-1), "exemplars"),
    (lambda m: m["statistics"].update(updated_at="yesterday"), "ISO 8601"),
    (lambda m: m.update(statistics=[]), "'statistics' must be an object"),
])
def test_bad_statistics_are_refused_with_a_reason(tmp_path: Path, mutate: Any,
                                                  message: str) -> None:
    path = _write(tmp_path, mutate)
    with pytest.raises(FormatError, match=message):
        load_specimen(path)


def test_stat_merge_is_exact() -> None:
    a, b = [1.0, 2.0, 4.0], [3.0, 7.0]
    merged = Stat.of(a).merged(Stat.of(b))
    whole = Stat.of(a + b)
    assert merged.n == whole.n and merged.min == whole.min and merged.max == whole.max
    assert merged.mean == pytest.approx(whole.mean) and merged.sd == pytest.approx(whole.sd)
    single = Stat.of([2.5]).merged(Stat.of([2.5]))
    assert single.sd == 0.0 and single.n == 2
    with pytest.raises(ValueError):
        Stat.of([])
    with pytest.raises(ValueError):
        Stat.of([1.0, math.nan])
