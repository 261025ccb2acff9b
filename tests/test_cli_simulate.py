"""``workstation simulate``: capture folders that load back identically."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from workstation.capture import load_capture
from workstation.cli import main
from workstation.specimens.render import (
    ALL_DOCUMENTS,
    DOCUMENTS,
    FORGERIES,
    document_forgeries,
    document_lights,
)
from workstation.types import Light


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--list"]) == 0
    out = capsys.readouterr().out
    for name in (*ALL_DOCUMENTS, *FORGERIES):
        assert name in out
    assert main(["simulate", "--list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data["documents"]] == list(ALL_DOCUMENTS)
    assert [d["id"] for d in data["documents"] if d["bundled_specimen"]] == list(DOCUMENTS)
    from workstation.chip.personalise import CHIP_FORGERIES

    assert [f["id"] for f in data["forgeries"]] == [*FORGERIES, *CHIP_FORGERIES]


@pytest.mark.parametrize("doc_id, forgery", [(d, f) for d in DOCUMENTS
                                              for f in (None, *document_forgeries(d))])
def test_round_trip_every_document_and_forgery(doc_id: str, forgery: str | None,
                                               tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cap"
    args = ["simulate", "--document", doc_id, "--seed", "7", "--out", str(out), "--dpi", "100",
            "--cropped", "--json"]
    if forgery:
        args += ["--forgery", forgery]
    assert main(args) == 0
    printed = json.loads(capsys.readouterr().out)
    cap = load_capture(out)
    assert cap.dpi == 100.0
    # every light the document has a feature for (formats.md §1, issue 22)
    assert cap.lights == document_lights(doc_id)
    assert {Light.OBLIQUE, Light.OBLIQUE_TOP, Light.COAXIAL, Light.UV254} <= set(cap.lights)
    sim = cap.metadata["simulation"]
    assert sim == printed["simulation"]
    assert (sim["document"], sim["forgery"], sim["seed"]) == (doc_id, forgery, 7)
    # the same arguments produce the same images: what was written loads back identically
    from workstation.hardware.simulate_cli import simulate_capture

    again = simulate_capture(doc_id, forgery=forgery, seed=7, dpi=100.0, cropped=True)
    for light in cap.lights:
        assert np.array_equal(cap.images[light], again.images[light])


def test_platen_capture_with_jpeg(tmp_path: Path) -> None:
    out = tmp_path / "jpeg"
    assert main(["simulate", "--document", "UTO-ID-2021", "--forgery", "office_paper",
                 "--seed", "3", "--out", str(out), "--dpi", "90", "--jpeg",
                 "--lights", "white,uv,ir"]) == 0
    meta = json.loads((out / "capture.json").read_text())
    assert meta["lights"] == {"white": "white.jpg", "uv": "uv.jpg", "ir": "ir.jpg"}
    assert meta["device"].startswith("Simulated reader")
    cap = load_capture(out)
    assert cap.metadata["simulation"]["placement"]["corners_px"]
    assert cap.metadata["simulation"]["cropped"] is False
    from workstation.hardware.simulate_cli import simulate_capture, write_capture

    fresh = simulate_capture("UTO-ID-2021", forgery="office_paper", seed=3, dpi=90.0,
                             cropped=False, lights=(Light.WHITE, Light.UV, Light.IR))
    write_capture(fresh, tmp_path / "again", jpeg=True)
    for light in cap.lights:
        assert np.array_equal(cap.images[light], fresh.images[light])
        assert np.array_equal(load_capture(tmp_path / "again").images[light],
                              fresh.images[light])


def test_png_platen_capture_loads_back_identically(tmp_path: Path) -> None:
    from workstation.hardware.simulate_cli import simulate_capture, write_capture

    cap = simulate_capture("UTO-P-2020", forgery=None, seed=1, dpi=80.0, cropped=False)
    write_capture(cap, tmp_path / "c")
    back = load_capture(tmp_path / "c")
    assert back.captured_at == cap.captured_at
    assert back.metadata == json.loads(json.dumps(cap.metadata))
    for light in cap.lights:
        assert np.array_equal(back.images[light], cap.images[light])


@pytest.mark.parametrize("args, message", [
    (["--document", "UTO-X-1", "--out", "OUT"], "unknown document 'UTO-X-1'"),
    (["--forgery", "smudged", "--out", "OUT"], "unknown forgery 'smudged'"),
    (["--dpi", "5", "--out", "OUT"], "--dpi"),
    ([], "--out"),
    (["--lights", "white,ir_transmitted", "--out", "OUT"], "cannot render ir_transmitted"),
    (["--document", "UTO-ID-2021", "--forgery", "perforation_printed", "--out", "OUT"],
     "does not apply"),
    (["--lights", "uv,ir", "--out", "OUT"], "must include white"),
    (["--lights", "white,blue", "--out", "OUT"], "unknown light 'blue'"),
])
def test_bad_arguments_exit_2_with_one_line(args: list[str], message: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(tmp_path / "o") if a == "OUT" else a for a in args]
    assert main(["simulate", *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_extra_lights(tmp_path: Path) -> None:
    out = tmp_path / "five"
    assert main(["simulate", "--seed", "2", "--out", str(out), "--dpi", "80", "--cropped",
                 "--lights", "white,uv,ir,oblique,transmitted"]) == 0
    cap = load_capture(out)
    assert cap.lights == (Light.WHITE, Light.UV, Light.IR, Light.OBLIQUE, Light.TRANSMITTED)


def test_unwritable_output_is_one_line_exit_1(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["simulate", "--out", str(blocker / "sub"), "--dpi", "60", "--cropped"]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and len(err.strip().splitlines()) == 1
    assert main(["simulate", "--out", str(blocker), "--dpi", "60"]) == 2
