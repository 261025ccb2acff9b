"""Warm-up at start (workstation.session.warmup, workstation.examination.warm): after it,
the first examination loads nothing the warm-up should have loaded."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from workstation.examination import pipeline
from workstation.hardware.simulate_cli import simulate_capture, write_capture
from workstation.session.warmup import warm_up

PROBE = r"""
import json, sys
from workstation.imaging import faces as face
from workstation.examination import cyrillic, ocr, pipeline
from workstation.mrz.viz import states
from workstation.session.warmup import warm_up

prepared = []
_prepare = pipeline._prepare
def counting(spec, dpi):
    prepared.append(spec.id)
    return _prepare(spec, dpi)
pipeline._prepare = counting

steps = []
w = warm_up(lambda done, total, text: steps.append([done, total, text]))
warmed = list(prepared)
from workstation.capture import load_capture
capture = load_capture(sys.argv[1])
engine, models = ocr._ENGINE, face._MODELS
loaded = [cyrillic.recognizer.cache_info().currsize, states.table.cache_info().currsize]
before = set(sys.modules)
ex = pipeline.examine(capture)
print(json.dumps({
    "specimens": list(w.specimens), "problems": list(w.problems), "steps": steps,
    "timings": sorted(w.timings_ms), "warmed": warmed, "prepared_after": prepared[len(warmed):],
    "imported_by_examination": sorted(set(sys.modules) - before),
    "cyrillic_and_states_loaded": loaded == [1, 1],
    "same_models": engine is not None and ocr._ENGINE is engine
                   and models is not None and face._MODELS is models,
    "chip_checks": sorted(c.id for c in ex.checks if c.id.startswith("chip.")),
    "specimen": ex.specimen_id}))
"""


@pytest.mark.slow
def test_after_warm_up_the_first_examination_loads_nothing_more(
        bundled_root: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(bundled_root, home / "specimens")
    folder = write_capture(simulate_capture("UTO-P-2020", forgery=None, seed=8, dpi=200.0,
                                            cropped=True, chip=True), tmp_path / "cap")
    env = {**os.environ, "WORKSTATION_HOME": str(home)}
    env.pop("WORKSTATION_DB_URL", None)
    done = subprocess.run([sys.executable, "-c", PROBE, str(folder)], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["problems"] == []
    assert out["specimens"] == ["UTO-ID-2021", "UTO-P-2020"]
    assert sorted(out["warmed"]) == ["UTO-ID-2021", "UTO-P-2020"]
    assert out["timings"] == ["chip", "database", "models", "seals", "specimens"]
    assert [s[:2] for s in out["steps"]] == [[0, 5], [1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]
    assert (home / "workstation.db").is_file()
    # the examination used what the warm-up loaded: no specimen prepared again, the
    # same networks, and no module imported for the first time
    assert out["specimen"] == "UTO-P-2020"
    assert out["prepared_after"] == []
    assert out["same_models"] is True
    assert out["cyrillic_and_states_loaded"] is True
    assert out["imported_by_examination"] == []
    assert "chip.face" in out["chip_checks"]


def test_cancel_and_a_failing_step(monkeypatch: pytest.MonkeyPatch) -> None:
    stop = threading.Event()
    stop.set()
    cancelled = warm_up(cancel=stop)
    assert cancelled.cancelled and cancelled.timings_ms == {} and cancelled.specimens == ()
    # a step that fails is reported; the others still run
    monkeypatch.setenv("WORKSTATION_DB_URL", "nosuchdialect://nowhere/db")
    steps: list[str] = []
    w = warm_up(lambda done, total, text: steps.append(text), specimen_ids=[])
    assert not w.cancelled
    assert len(w.problems) == 1 and w.problems[0].startswith("database: ")
    assert set(w.timings_ms) == {"models", "chip", "seals", "specimens", "database"}
    assert w.specimens == () and steps[-1] == "ready"
    assert w.total_ms == pytest.approx(sum(w.timings_ms.values()), abs=0.2)


def test_a_specimen_is_prepared_once_when_two_threads_ask(
        shared_library: object, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = shared_library.get("UTO-ID-2021")  # type: ignore[attr-defined]
    calls: list[str] = []
    real = pipeline._prepare

    def slow(s: object, dpi: float) -> pipeline.PreparedSpecimen:
        calls.append(threading.current_thread().name)
        time.sleep(0.3)  # the second thread arrives while the first is preparing
        return real(s, dpi)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_prepare", slow)
    monkeypatch.setattr(pipeline, "_PREPARED", {})
    got: list[pipeline.PreparedSpecimen] = []
    threads = [threading.Thread(target=lambda: got.append(pipeline.prepare_specimen(spec)))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(calls) == 1 and len(got) == 2 and got[0] is got[1]
