"""The vendor export folder reader: patterns, complete sets, fully written files, errors."""

from __future__ import annotations

import fcntl
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image as PILImage

from tests.hardware.fake_camera import pattern_image
from workstation.errors import DeviceError
from workstation.hardware.base import ReaderConfig, open_reader
from workstation.hardware.folder import FolderReader, PatternMap
from workstation.imageio import encode_image
from workstation.types import Light


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def write(path: Path, light: Light, size: tuple[int, int] = (60, 80), grey: bool = False,
          dpi: int | None = None) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    img = pattern_image(light, size)
    if grey:
        img = img[:, :, 0].copy()
    if dpi is not None:
        PILImage.fromarray(img).save(path, dpi=(dpi, dpi))
        return path.read_bytes()
    data = encode_image(img, path.suffix)
    path.write_bytes(data)
    return data


def test_default_patterns() -> None:
    pm = PatternMap()
    assert pm.match("WHITE.jpg") == (Light.WHITE, ("", ""))
    assert pm.match("0042/uv.PNG") == (Light.UV, ("0042", ""))
    assert pm.match("scan_0007_IR.tif") == (Light.IR, ("", "scan_0007"))
    assert pm.match("scan_0007_white.tif") == (Light.WHITE, ("", "scan_0007"))
    assert pm.match("P123-uv.jpeg") == (Light.UV, ("", "p123"))
    for ignored in ("WHITE.jpg.tmp", ".scan_white.png", "scan_white.txt", "notes.png",
                    "scan_white.png.part"):
        assert pm.match(ignored) is None, ignored


def test_custom_patterns_through_open_reader(tmp_path: Path) -> None:
    reader = open_reader(ReaderConfig("folder", {
        "folder": str(tmp_path), "patterns": {"white": "*_VIS.*", "ir": ["*_B900.*"]},
        "stable_ms": 0, "timeout_s": 1}))
    try:
        assert reader.lights == (Light.WHITE, Light.IR)
        write(tmp_path / "doc1_VIS.png", Light.WHITE)
        write(tmp_path / "doc1_B900.png", Light.IR, grey=True)
        capture = reader.capture_all()
        assert capture.lights == (Light.WHITE, Light.IR)
        assert capture.images[Light.IR].ndim == 2
    finally:
        reader.close()


def test_waits_for_the_complete_set_and_for_files_to_settle(tmp_path: Path) -> None:
    clock = Clock()
    reader = FolderReader(tmp_path, stable_ms=500, clock=clock)
    write(tmp_path / "0001" / "WHITE.png", Light.WHITE)
    write(tmp_path / "0001" / "UV.png", Light.UV)
    assert reader.poll_capture() is None
    assert reader.pending() == ["0001: waiting for ir"]
    ir = tmp_path / "0001" / "IR.png"
    data = write(ir, Light.IR)
    ir.write_bytes(data[: len(data) // 2])  # the vendor software is still writing
    assert reader.poll_capture() is None
    clock.t += 0.3
    ir.write_bytes(data)  # ...and finishes: its size changed, so the clock restarts
    assert reader.poll_capture() is None
    clock.t += 0.4
    assert reader.poll_capture() is None  # white/uv are stable, ir only for 0.4 s
    clock.t += 0.2
    capture = reader.poll_capture()
    assert capture is not None
    assert capture.lights == (Light.WHITE, Light.UV, Light.IR)
    assert np.array_equal(capture.images[Light.UV], pattern_image(Light.UV, (60, 80)))
    assert capture.metadata["reader"]["set"] == "0001"
    assert reader.poll_capture() is None  # handed over once only


def test_a_file_locked_by_its_writer_is_not_taken(tmp_path: Path) -> None:
    clock = Clock()
    reader = FolderReader(tmp_path, stable_ms=100, clock=clock)
    for lt in (Light.WHITE, Light.UV, Light.IR):
        write(tmp_path / f"a_{lt.value}.png", lt)
    with open(tmp_path / "a_ir.png", "rb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        assert reader.poll_capture() is None
        clock.t += 1.0
        assert reader.poll_capture() is None
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    assert reader.poll_capture() is not None


def test_existing_sets_are_skipped_unless_asked(tmp_path: Path) -> None:
    for lt in (Light.WHITE, Light.UV, Light.IR):
        write(tmp_path / f"old_{lt.value}.png", lt)
    clock = Clock()
    skipping = FolderReader(tmp_path, stable_ms=0, clock=clock)
    assert skipping.poll_capture() is None
    taking = FolderReader(tmp_path, stable_ms=0, skip_existing=False, clock=clock)
    capture = taking.poll_capture()
    assert capture is not None and capture.metadata["reader"]["set"] == "old"


def test_sets_come_oldest_first_and_move_to_done(tmp_path: Path) -> None:
    reader = FolderReader(tmp_path, stable_ms=0, after="move")
    for key in ("b", "a"):
        for lt in (Light.WHITE, Light.UV, Light.IR):
            write(tmp_path / f"{key}_{lt.value}.png", lt)
        time.sleep(0.02)
    first = reader.poll_capture()
    second = reader.poll_capture()
    assert first is not None and second is not None
    assert [first.metadata["reader"]["set"], second.metadata["reader"]["set"]] == ["b", "a"]
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == [
        "a_ir.png", "a_uv.png", "a_white.png", "b_ir.png", "b_uv.png", "b_white.png"]
    assert not list(tmp_path.glob("*.png"))


def test_capture_all_waits_for_the_vendor_software(tmp_path: Path) -> None:
    reader = FolderReader(tmp_path, stable_ms=150, poll_ms=20, timeout_s=10)

    def vendor() -> None:
        time.sleep(0.1)
        for lt in (Light.IR, Light.WHITE, Light.UV):
            write(tmp_path / "20261128-101500" / f"{lt.value.upper()}.jpg", lt)
            time.sleep(0.05)

    thread = threading.Thread(target=vendor)
    thread.start()
    seen: list[Light] = []
    capture = reader.capture_all(progress=lambda done, total, light: seen.append(light))
    thread.join()
    assert capture.size == (60, 80)
    assert seen == [Light.WHITE, Light.UV, Light.IR]
    assert capture.device == reader.name


def test_dpi_comes_from_the_config_or_the_image(tmp_path: Path) -> None:
    reader = FolderReader(tmp_path, stable_ms=0)
    write(tmp_path / "x_white.png", Light.WHITE, dpi=400)
    write(tmp_path / "x_uv.png", Light.UV)
    write(tmp_path / "x_ir.png", Light.IR)
    capture = reader.poll_capture()
    assert capture is not None and capture.dpi == pytest.approx(400.0, abs=0.5)
    fixed = FolderReader(tmp_path, stable_ms=0, dpi=600, skip_existing=False)
    again = fixed.poll_capture()
    assert again is not None and again.dpi == 600.0


def test_broken_sets_raise_device_errors_naming_the_files(tmp_path: Path) -> None:
    clock = Clock()
    reader = FolderReader(tmp_path, stable_ms=100, clock=clock)
    write(tmp_path / "s_white.png", Light.WHITE)
    write(tmp_path / "s_uv.png", Light.UV)
    (tmp_path / "s_ir.png").write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    clock.t += 1.0
    assert reader.poll_capture() is None  # could still be a writer pausing
    clock.t += 10.0
    with pytest.raises(DeviceError) as err:
        reader.poll_capture()
    assert err.value.device == reader.name and "s_ir.png" in str(err.value)
    assert reader.poll_capture() is None  # not offered again
    write(tmp_path / "t_white.png", Light.WHITE, size=(60, 80))
    write(tmp_path / "t_uv.png", Light.UV, size=(60, 80))
    write(tmp_path / "t_ir.png", Light.IR, size=(30, 40))
    clock.t += 1.0
    reader.poll_capture()
    clock.t += 1.0
    with pytest.raises(DeviceError, match="different sizes"):
        reader.poll_capture()


def test_missing_folder_and_timeout(tmp_path: Path) -> None:
    with pytest.raises(DeviceError) as err:
        FolderReader(tmp_path / "share", name="Desko export")
    assert err.value.device == "Desko export" and "mounted" in str(err.value)
    with pytest.raises(DeviceError, match="no 'folder'"):
        open_reader(ReaderConfig("folder", {}))
    with pytest.raises(DeviceError, match="bad settings"):
        open_reader(ReaderConfig("folder", {"folder": str(tmp_path), "after": "shred"}))
    folder = tmp_path / "export"
    folder.mkdir()
    reader = FolderReader(folder, timeout_s=0.2, poll_ms=20)
    with pytest.raises(DeviceError, match=r"within 0.2 s"):
        reader.capture_all()
    folder.rmdir()  # the share went away mid-session
    with pytest.raises(DeviceError, match="does not exist"):
        reader.capture_all()


def test_a_quiet_folder_is_not_reread_but_changes_are_seen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from workstation.hardware import folder as folder_module

    for lt in (Light.WHITE, Light.UV, Light.IR):
        write(tmp_path / f"old_{lt.value}.png", lt)
    hour_ago = time.time() - 3600
    os.utime(tmp_path, (hour_ago, hour_ago))
    reader = FolderReader(tmp_path, stable_ms=0)
    listed: list[str] = []
    real_scandir = os.scandir

    def counting_scandir(path: str) -> object:
        listed.append(path)
        return real_scandir(path)

    monkeypatch.setattr(folder_module.os, "scandir", counting_scandir)
    assert reader.poll_capture() is None
    assert reader.poll_capture() is None
    assert listed == []  # the folder's listing from the first look is still good
    # a new capture arrives: the folder's time changes, so it is read again
    for lt in (Light.WHITE, Light.UV, Light.IR):
        write(tmp_path / f"new_{lt.value}.png", lt)
    capture = reader.poll_capture()
    assert capture is not None and capture.metadata["reader"]["set"] == "new"
    assert listed
    # the vendor overwrites a file it had written before: noticed at the next re-check
    monkeypatch.setattr(folder_module, "_RECHECK_S", 0.0)
    time.sleep(0.01)
    for lt in (Light.WHITE, Light.UV, Light.IR):
        write(tmp_path / f"old_{lt.value}.png", lt, size=(30, 40))
    again = reader.poll_capture()
    assert again is not None and again.size == (30, 40)


def _vignetted(value: float, size: tuple[int, int] = (60, 80)) -> np.ndarray:
    h, w = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    fall = 1.0 - 0.45 * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2) * 2
    return np.clip(np.dstack([value * fall] * 3), 0, 255).astype(np.uint8)


def test_flat_field_the_reader_provides_is_stored_with_the_device(tmp_path: Path) -> None:
    """A white card exported by the reader gives its flat field: stored with the
    device, applied to every frame, and used again without the option."""
    from workstation.capture import save_capture
    from workstation.hardware.folder import reader_calibration_dir
    from workstation.types import CaptureSet

    card = CaptureSet(images={lt: _vignetted(230.0) for lt in (Light.WHITE, Light.UV)}, dpi=300)
    save_capture(card, tmp_path / "card")
    watched = tmp_path / "export"
    watched.mkdir()
    opts = {"folder": str(watched), "lights": ["white", "uv"], "stable_ms": 0,
            "skip_existing": False, "name": "bench reader", "timeout_s": 2}
    for name in ("WHITE.png", "UV.png"):
        (watched / "0001").mkdir(exist_ok=True)
        (watched / "0001" / name).write_bytes(encode_image(_vignetted(180.0), ".png"))
    reader = open_reader(ReaderConfig("folder", {**opts, "flat_field": str(tmp_path / "card")}))
    try:
        cap = reader.capture_all()
    finally:
        reader.close()
    raw = float(np.ptp(_vignetted(180.0)[:, :, 0].astype(float)))
    assert raw > 30
    assert float(np.ptp(cap.images[Light.WHITE][:, :, 0].astype(float))) < raw / 5
    assert cap.metadata["reader"]["flat_field"] is True
    assert (reader_calibration_dir("bench reader") / "calibration.json").is_file()
    # stored with the device: the next opening uses it without the option
    reader = open_reader(ReaderConfig("folder", opts))
    try:
        again = reader.capture_all()
    finally:
        reader.close()
    assert again.metadata["reader"]["flat_field"] is True
    bad = open_reader
    with pytest.raises(DeviceError, match="flat field"):
        bad(ReaderConfig("folder", {**opts, "name": "other", "flat_field": str(tmp_path)}))
