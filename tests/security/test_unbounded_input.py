"""Issue 19, failure 5: "Unbounded input."

Each attack of the issue, made the way it was made: a 2 MB PNG of 20000 x 20000 px,
a light pointing at /dev/zero, a FIFO, symbolic links out of a capture folder or a
package, zip members too large, JSON too deep, file names that are not UTF-8,
Infinity sizes, NUL and 300-character ids, ids with line breaks or direction
overrides, look-alike ids. Each gets one line of error and exit status 2, quickly
and without reading more than the limits allow.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from tests.security.conftest import (
    deflated_zip,
    huge_png,
    images,
    one_line_error,
    spec_meta,
    write_capture,
    write_package,
)
from workstation.cli import main
from workstation.imageio import encode_image
from workstation.specimens.library import SpecimenLibrary

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")


def _examine(capture: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["examine", str(capture), "--json", "--no-store"])
    return code, capsys.readouterr().err


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def test_2mb_png_of_20000x20000_px_is_refused_before_decoding(
        home_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = huge_png()
    assert len(data) < 2_500_000
    files = images()
    files["white.png"] = data
    capture = write_capture(tmp_path / "cap", files=files)
    before = _peak_mib()
    t0 = time.perf_counter()
    code, err = _examine(capture, capsys)
    elapsed = time.perf_counter() - t0
    assert code == 2
    assert "20000x20000 pixels" in one_line_error(err) and "image_pixels" in err
    assert elapsed < 5.0
    assert _peak_mib() - before < 200  # 400 MP were never decoded


@posix_only
def test_light_pointing_at_dev_zero_is_refused(
        home_library: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    capture = write_capture(tmp_path / "cap")
    (capture / "uv.png").unlink()
    (capture / "uv.png").symlink_to("/dev/zero")
    code, err = _examine(capture, capsys)
    assert code == 2
    line = one_line_error(err)
    assert "uv.png" in line and ("device" in line or "leads out" in line)
    # also named directly, inside the folder: a device node is not a regular file
    meta = {"format": "workstation.capture/1", "lights": {"white": "white.png",
                                                          "uv": "../../../dev/zero"}}
    write_capture(tmp_path / "cap2", meta)
    code, err = _examine(tmp_path / "cap2", capsys)
    assert code == 2 and "points outside" in one_line_error(err)


@posix_only
def test_fifo_is_refused_without_hanging(
        home_library: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    capture = write_capture(tmp_path / "cap")
    (capture / "uv.png").unlink()
    os.mkfifo(capture / "uv.png")
    done: list[tuple[int, str]] = []
    worker = threading.Thread(target=lambda: done.append(_examine(capture, capsys)),
                              daemon=True)
    worker.start()
    worker.join(30)
    if worker.is_alive():  # unblock the reader so the test process can end
        with open(capture / "uv.png", "wb"):
            pass
        pytest.fail("reading a FIFO hung")
    code, err = done[0]
    assert code == 2 and "FIFO" in one_line_error(err)
    # capture.json itself as a FIFO
    fifo_meta = tmp_path / "cap3"
    fifo_meta.mkdir()
    os.mkfifo(fifo_meta / "capture.json")
    code, err = _examine(fifo_meta, capsys)
    assert code == 2 and "FIFO" in one_line_error(err)


@posix_only
def test_symlink_to_image_outside_capture_folder_is_refused(
        home_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "elsewhere" / "secret.png"
    outside.parent.mkdir()
    outside.write_bytes(images()["uv.png"])
    capture = write_capture(tmp_path / "cap")
    (capture / "uv.png").unlink()
    (capture / "uv.png").symlink_to(outside)
    code, err = _examine(capture, capsys)
    assert code == 2 and "leads out of its folder" in one_line_error(err)
    # a link that stays inside the folder is fine
    (capture / "uv.png").unlink()
    (capture / "sub").mkdir()
    (capture / "sub" / "uv-real.png").write_bytes(images()["uv.png"])
    (capture / "uv.png").symlink_to("sub/uv-real.png")
    code, err = _examine(capture, capsys)
    assert code == 0, err


@posix_only
@pytest.mark.parametrize("target", ["secret", "ca_key", "doc_folder", "dev_zero"])
def test_folder_package_symlinks_are_not_copied(
        home_library: Path, tmp_path: Path, target: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    home = Path(os.environ["WORKSTATION_HOME"])
    secret = tmp_path / "secret.txt"
    secret.write_text("the examiner's password is hunter2")
    ca_key = home / "reports" / "ca" / "ca-key.der"
    ca_key.parent.mkdir(parents=True)
    ca_key.write_bytes(b"\x30\x82 private key")
    docs = tmp_path / "docs"
    (docs / "big").mkdir(parents=True)
    (docs / "big" / "file.txt").write_text("x" * 1000)
    targets = {"secret": secret, "ca_key": ca_key, "doc_folder": docs, "dev_zero":
               Path("/dev/zero")}
    package = write_package(tmp_path / "pkg")
    # an unreferenced link, and a referenced image that is a link out of the package
    (package / "extra").symlink_to(targets[target])
    lib = SpecimenLibrary(bundled=False)
    assert main(["specimens", "import", str(package)]) == 0
    stored = lib.root / "ATL-P-2019"
    names = sorted(p.name for p in stored.rglob("*"))
    assert names == ["specimen.json", "uv.png", "white.png"]
    assert not any(p.is_symlink() for p in stored.rglob("*"))
    capsys.readouterr()
    package2 = write_package(tmp_path / "pkg2", spec_meta(id="ATL-P-2020"))
    (package2 / "uv.png").unlink()
    (package2 / "uv.png").symlink_to(targets[target])
    assert main(["specimens", "import", str(package2)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "leads out of its folder" in line
    assert not (lib.root / "ATL-P-2020").exists()


def test_zip_with_2gib_unreferenced_member_is_refused(
        home_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    members: dict[str, bytes | int] = {
        "specimen.json": json.dumps(spec_meta()).encode(), **images(),
        "padding.bin": 2 << 30}
    package = deflated_zip(tmp_path / "bomb.zip", members)
    with zipfile.ZipFile(package) as zf:  # a well-formed zip, as the attacker's was
        assert zf.getinfo("padding.bin").file_size == 2 << 30
    assert package.stat().st_size < 20 << 20
    before = _peak_mib()
    assert main(["specimens", "import", str(package)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "padding.bin" in line and "limit" in line
    assert _peak_mib() - before < 100
    assert main(["specimens", "list", "--json"]) == 0
    assert "ATL-P-2019" not in capsys.readouterr().out


def test_zip_with_1gib_specimen_json_is_refused(
        home_library: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # a gigabyte "specimen.json" (zero bytes: the size limit speaks before the parser)
    path = deflated_zip(tmp_path / "big-json.zip", {"specimen.json": 1 << 30, **images()})
    assert path.stat().st_size < 20 << 20
    before = _peak_mib()
    assert main(["specimens", "import", str(path)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "specimen.json" in line and "limit" in line
    assert _peak_mib() - before < 100
    # a specimen.json within the zip limits but over the JSON limit (5 MiB of hex notes)
    text = json.dumps(spec_meta(notes=os.urandom(5 << 19).hex())).encode()
    path = deflated_zip(tmp_path / "json.zip", {"specimen.json": text, **images()})
    assert main(["specimens", "import", str(path)]) == 2
    assert "json_bytes" in one_line_error(capsys.readouterr().err)


def test_capture_json_nested_200000_deep_is_a_one_line_error(
        home_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = '{"format": "workstation.capture/1", "lights": {"white": "white.png"}, "x": ' + \
        "[" * 200_000 + "]" * 200_000 + "}"
    capture = write_capture(tmp_path / "cap", deep)
    code, err = _examine(capture, capsys)
    assert code == 2 and "nested more than" in one_line_error(err)
    # the same inside a specimen package
    package = write_package(tmp_path / "pkg", json.dumps(spec_meta())[:-1] + ', "x": '
                            + "{\"a\":" * 100_000 + "1" + "}" * 100_000 + "}")
    assert main(["specimens", "import", str(package)]) == 2
    assert "nested more than" in one_line_error(capsys.readouterr().err)


@posix_only
def test_non_utf8_file_names_give_a_one_line_error(
        home_library: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # a capture folder whose own name is not UTF-8: examined, and printed escaped
    folder = os.fsdecode(os.fsencode(tmp_path) + b"/cap\xff\xfe")
    capture = write_capture(Path(folder))
    code = main(["examine", folder, "--json", "--no-store"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["capture"].endswith("cap\\xff\\xfe")
    # a capture.json that names a file by a lone surrogate
    meta = {"format": "workstation.capture/1", "lights": {"white": "white.png",
                                                          "uv": "\udcff.png"}}
    text = json.dumps(meta)  # ASCII: the surrogate is written as \\udcff
    write_capture(tmp_path / "cap2", text)
    code, err = _examine(tmp_path / "cap2", capsys)
    assert code == 2 and "invalid character" in one_line_error(err)
    # a missing image whose name is not UTF-8 (the folder is): the error names it escaped
    (capture / "uv.png").unlink()
    code, err = _examine(capture, capsys)
    assert code == 2 and "cap\\xff\\xfe" in one_line_error(err)
    # a package folder holding a file whose name is not UTF-8: imported without it
    package = write_package(tmp_path / "pkg")
    with open(os.fsencode(package) + b"/junk\xff.png", "wb") as fh:
        fh.write(b"x")
    assert main(["specimens", "import", str(package)]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("field", ["size_mm", "dpi", "rect_mm"])
def test_infinity_sizes_give_a_one_line_error(
        home_library: Path, tmp_path: Path, field: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(spec_meta())
    text = {"size_mm": text.replace('"size_mm": [40.0, 30.0]', '"size_mm": [Infinity, 30]'),
            "dpi": text.replace('"dpi": 100', '"dpi": 1e400'),
            "rect_mm": text.replace("[5, 5, 10, 8]", "[5, 5, -Infinity, 8]")}[field]
    package = write_package(tmp_path / "pkg", text)
    assert main(["specimens", "import", str(package)]) == 2
    assert "finite" in one_line_error(capsys.readouterr().err)
    # the same in capture.json
    capture = write_capture(tmp_path / "cap", '{"format": "workstation.capture/1", '
                            '"dpi": Infinity, "lights": {"white": "white.png"}}')
    code, err = _examine(capture, capsys)
    assert code == 2 and "finite" in one_line_error(err)


@pytest.mark.parametrize("sid", ["UTO-\x00P-2020", "U" * 300])
def test_nul_or_300_character_ids_give_a_one_line_error(
        home_library: Path, tmp_path: Path, sid: str, capsys: pytest.CaptureFixture[str]) -> None:
    package = write_package(tmp_path / "pkg", spec_meta(id=sid))
    assert main(["specimens", "import", str(package)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "'id'" in line or "NUL" in line
    assert len(line) < 400


@pytest.mark.parametrize("sid", ["UTO-P-2020\n", "UTO-P-\u202e0202", "UTO-P-2020\u200b",
                                 "\u2067UTO-P-2020", "UTО-P-2020"])  # last: Cyrillic О
def test_ids_with_newlines_or_rtl_overrides_do_not_import(
        home_library: Path, tmp_path: Path, sid: str, capsys: pytest.CaptureFixture[str]) -> None:
    package = write_package(tmp_path / "pkg", spec_meta(id=sid))
    assert main(["specimens", "import", str(package)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "ASCII" in line
    assert "\u202e" not in line and "\u2067" not in line  # shown escaped, never obeyed


def test_lookalike_ids_do_not_import(
        home_library: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["specimens", "import", str(write_package(tmp_path / "a"))]) == 0
    capsys.readouterr()
    for n, sid in enumerate(("ATL-P-2O19", "atl-p-2019", "ATL_P_2019", "ATL-P-20l9")):
        package = write_package(tmp_path / f"b{n}", spec_meta(id=sid))
        assert main(["specimens", "import", str(package)]) == 2
        assert "looks like 'ATL-P-2019'" in one_line_error(capsys.readouterr().err)


def test_limits_are_configurable(
        home_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = Path(os.environ["WORKSTATION_HOME"])
    files = images()
    files["white.png"] = encode_image(np.zeros((300, 400, 3), np.uint8))
    files["uv.png"] = encode_image(np.zeros((300, 400, 3), np.uint8))
    capture = write_capture(tmp_path / "cap", files=files)
    (home / "limits.json").write_text('{"image_pixels": 100000}')
    code, err = _examine(capture, capsys)
    assert code == 2 and "limit of 0 MP" not in err and "image_pixels" in err
    (home / "limits.json").write_text('{"image_pixels": "many"}')
    code, err = _examine(capture, capsys)
    assert code == 2 and "limits.json" in one_line_error(err)
    (home / "limits.json").write_text('{"image_pixels": 200000}')
    code, err = _examine(capture, capsys)
    assert code == 0, err
