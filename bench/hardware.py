"""Hardware benchmark: dpi calibration accuracy, and the rig driver's own overhead.

    python -m bench.hardware [--quick]

1. dpi from a printed ruler (1 mm ticks) and from an ID-1 card, photographed at
   known densities with sensor noise and small turns: the measured dpi and its
   error. Target: within 1 % (ruler) and 1.5 % (card).
2. A full white/UV/IR capture and live frames through the real rig, camera and
   relay driver code on the fake devices the tests use (no settle time, a
   400 fps fake camera): what the drivers add on top of the lamps and camera.
3. One look at a vendor export folder that keeps every file it ever wrote.

Prints one table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

import numpy as np

from tests.hardware.fake_camera import CaptureFactory, RelayScene, pattern_image
from tests.hardware.fake_relay_backend import FakeRelayBackend, FakeRelayBoard
from tests.hardware.test_calibration import card_on_platen, ruler
from workstation.hardware import rig as rig_module
from workstation.hardware.base import ReaderConfig
from workstation.hardware.calibration import dpi_from_document, dpi_from_ruler
from workstation.types import Light

ID1 = (85.6, 54.0)


def _noisy(img: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    if sigma <= 0:
        return img
    rng = np.random.default_rng(seed)
    return np.clip(img + rng.normal(0, sigma, img.shape), 0, 255).astype(np.uint8)


def calibration_rows(quick: bool) -> list[tuple[str, str, str, str]]:
    rows = []
    dpis = (150.0, 300.0, 600.0) if quick else (100.0, 150.0, 300.0, 600.0, 1200.0)
    for dpi in dpis:
        for sigma in (0.0, 8.0):
            for angle in (0.0, 1.5):
                img = _noisy(ruler(dpi, length_mm=60, angle_deg=angle), sigma, int(dpi))
                t = time.perf_counter()
                got = dpi_from_ruler(img)
                ms = (time.perf_counter() - t) * 1000
                err = abs(got - dpi) / dpi * 100 if got else float("nan")
                rows.append((f"ruler {dpi:g} dpi, noise {sigma:g}, turn {angle:g}°",
                             f"{got:.1f}", f"{err:.2f} %", f"{ms:.0f} ms"))
    for dpi in (dpis if quick else (150.0, 300.0, 600.0)):
        for angle in (0.0, 5.0, 9.0):
            img = _noisy(card_on_platen(dpi, ID1, angle=angle), 8.0, int(dpi))
            t = time.perf_counter()
            got = dpi_from_document(img, size_mm=ID1)
            ms = (time.perf_counter() - t) * 1000
            err = abs(got - dpi) / dpi * 100 if got else float("nan")
            rows.append((f"ID-1 card {dpi:g} dpi, turn {angle:g}°", f"{got:.1f}",
                         f"{err:.2f} %", f"{ms:.0f} ms"))
    return rows


def rig_rows(quick: bool) -> list[tuple[str, str, str, str]]:
    channels = {Light.WHITE: 1, Light.UV: 2, Light.IR: 3}
    board = FakeRelayBoard(serial="BENCH", channels=4, address=3)
    images = {lt: pattern_image(lt, (480, 640)) for lt in channels}
    scene = RelayScene(board, images, channels)
    with tempfile.TemporaryDirectory() as tmp:
        reader = rig_module.open_rig(ReaderConfig("rig", {
            "name": "bench", "relay": {"serial": "BENCH"},
            "camera": {"device": "fake://bench", "warmup_frames": 2},
            "lights": {lt.value: {"channel": ch, "settle_ms": 0} for lt, ch in channels.items()},
            "usb_backend": FakeRelayBackend(board), "capture_factory": CaptureFactory(scene),
            "calibration_dir": tmp}))
        try:
            n = 5 if quick else 20
            times = []
            for _ in range(n):
                t = time.perf_counter()
                reader.capture_all()
                times.append((time.perf_counter() - t) * 1000)
            live = []
            reader.set_light(Light.WHITE)
            for _ in range(n * 3):
                t = time.perf_counter()
                reader.live_frame()
                live.append((time.perf_counter() - t) * 1000)
            reader.set_light(None)
        finally:
            reader.close()
            rig_module.uninstall_signal_handlers()
    transfers = len(board.log)
    return [
        ("rig capture white/uv/ir 640x480 (fake devices)", f"{statistics.median(times):.1f} ms",
         "median", f"{n} runs"),
        ("rig live frame 640x480 (fake 400 fps camera)", f"{statistics.median(live):.1f} ms",
         "median", f"{len(live)} frames"),
        ("USB control transfers in the whole run", str(transfers), "", ""),
        ("lamps ever lit together", str(scene.violations), "", ""),
    ]


def folder_rows(quick: bool) -> list[tuple[str, str, str, str]]:
    from pathlib import Path

    from workstation.hardware.folder import FolderReader

    rows = []
    for sets in ((100, 1000) if quick else (100, 1000, 5000)):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for i in range(sets):
                for light in ("white", "uv", "ir"):
                    (folder / f"s{i:05d}_{light}.png").write_bytes(b"x" * 16)
            hour_ago = time.time() - 3600
            os.utime(folder, (hour_ago, hour_ago))  # a folder that has been quiet a while
            reader = FolderReader(folder, stable_ms=0)
            times = []
            for _ in range(10):
                t = time.perf_counter()
                reader.poll_capture()
                times.append((time.perf_counter() - t) * 1000)
            rows.append((f"folder poll, {3 * sets} files already handed over",
                         f"{statistics.median(times):.1f} ms", "median", "10 polls"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer cases")
    args = parser.parse_args()
    rows = calibration_rows(args.quick) + rig_rows(args.quick) + folder_rows(args.quick)
    head = ("case", "measured", "error", "time")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    print(line)
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))


if __name__ == "__main__":
    main()
