"""``workstation mrz IMAGE... --json``: output contract and bad input."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from workstation.cli import main
from workstation.imageio import write_image
from workstation.mrz.render import random_mrz, synthetic_page


@pytest.fixture
def mrz_png(tmp_path: Path) -> tuple[Path, list[str]]:
    lines = random_mrz(random.Random(21), "TD3")
    img, _ = synthetic_page(lines, dpi=300, seed=21)
    path = tmp_path / "page.png"
    write_image(path, img)
    return path, lines


def test_json_output_follows_formats_md(mrz_png: tuple[Path, list[str]],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path, lines = mrz_png
    assert main(["mrz", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, list) and len(out) == 1
    el = out[0]
    for key in ("file", "found", "format", "lines", "valid", "fields", "check_digits",
                "corrections", "warnings", "region"):
        assert key in el
    assert el["file"] == str(path) and el["found"] and el["format"] == "TD3"
    assert el["lines"] == lines and el["valid"]
    assert set(el["check_digits"]) == {"document_number", "birth_date", "expiry_date",
                                       "optional_data", "composite"}
    assert len(el["region"]) == 4 and all(len(p) == 2 for p in el["region"])


def test_no_mrz_is_found_false_and_exit_0(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "blank.png"
    write_image(path, np.full((300, 400), 235, np.uint8))
    assert main(["mrz", str(path), "--json"]) == 0
    el = json.loads(capsys.readouterr().out)[0]
    assert el["found"] is False and el["lines"] == [] and el["valid"] is False


def test_missing_non_image_and_empty_files_exit_2_with_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not an image")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    for bad in (tmp_path / "missing.png", text, empty):
        assert main(["mrz", str(bad), "--json"]) == 2
        cap = capsys.readouterr()
        lines = cap.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("workstation: error:")
        assert "Traceback" not in cap.err
        el = json.loads(cap.out)[0]
        assert el["found"] is False and el["error"]


def test_mix_of_good_and_bad_reads_the_good_and_exits_2(
        mrz_png: tuple[Path, list[str]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, lines = mrz_png
    assert main(["mrz", str(tmp_path / "nope.jpg"), str(path), "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert [e["file"] for e in out] == [str(tmp_path / "nope.jpg"), str(path)]
    assert out[1]["lines"] == lines


def test_plain_output(mrz_png: tuple[Path, list[str]],
                      capsys: pytest.CaptureFixture[str]) -> None:
    path, lines = mrz_png
    assert main(["mrz", str(path)]) == 0
    out = capsys.readouterr().out
    assert "TD3 valid" in out and lines[0] in out and lines[1] in out


@pytest.mark.slow
def test_huge_image_is_handled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a 20,000 x 20,000 scan with an ID card at about 2400 dpi in the middle, read once
    # the agency raised the pixel limit for it (the default refuses 400 MP: see
    # tests/security/test_input_bounds.py)
    import os

    import cv2

    home = Path(os.environ["WORKSTATION_HOME"])
    (home / "limits.json").write_text('{"image_pixels": 400000000}')

    lines = random_mrz(random.Random(9), "TD1")
    page, _ = synthetic_page(lines, dpi=300, seed=9, colour=False)
    page = cv2.resize(page, None, fx=8, fy=8, interpolation=cv2.INTER_CUBIC)
    big = np.full((20000, 20000), 200, np.uint8)
    big[6000:6000 + page.shape[0], 6000:6000 + page.shape[1]] = page
    path = tmp_path / "huge.png"
    write_image(path, big)
    del big, page
    assert main(["mrz", str(path), "--json"]) == 0
    el = json.loads(capsys.readouterr().out)[0]
    assert el["lines"] == lines and el["valid"]
