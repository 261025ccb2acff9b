"""The OpenCV camera driver against a fake ``cv2.VideoCapture``."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.hardware.fake_camera import CaptureFactory
from workstation.errors import DeviceError
from workstation.hardware.camera import OpenCvCamera, exposure_value
from workstation.types import Image


class Counter:
    """A scene whose every frame carries its number in the top-left pixel."""

    def __init__(self) -> None:
        self.n = 0
        self.lock = threading.Lock()

    def __call__(self) -> Image:
        with self.lock:
            self.n += 1
            img = np.zeros((24, 32, 3), dtype=np.uint8)
            img[0, 0, 0] = self.n % 256
            img[1:, :, 1] = 77
            return img


def test_warmup_frames_are_dropped_and_frames_are_rgb() -> None:
    scene = Counter()
    factory = CaptureFactory(scene)
    with OpenCvCamera("fake://0", warmup_frames=6, capture_factory=factory) as cam:
        assert cam.size == (24, 32)
        frame = cam.frame()
        assert frame.shape == (24, 32, 3) and frame.dtype == np.uint8
        assert frame[5, 5, 1] == 77 and frame[5, 5, 0] == 0  # RGB, not BGR
        assert int(frame[0, 0, 0]) > 6  # never a warm-up frame


def test_frame_is_exposed_after_the_request() -> None:
    scene = Counter()
    with OpenCvCamera("fake://0", warmup_frames=1,
                      capture_factory=CaptureFactory(scene)) as cam:
        for _ in range(5):
            before = scene.n
            frame = cam.frame()
            assert int(frame[0, 0, 0]) >= before + 2


def test_exposure_goes_to_opencv_in_the_backends_units() -> None:
    factory = CaptureFactory(Counter(), backend="V4L2")
    with OpenCvCamera("fake://0", warmup_frames=1, capture_factory=factory) as cam:
        cam.set_exposure_ms(25.0)
        assert (cv2.CAP_PROP_AUTO_EXPOSURE, 1.0) in factory.last.set_calls
        assert factory.last.props[cv2.CAP_PROP_EXPOSURE] == 250.0
        assert factory.last.props[cv2.CAP_PROP_AUTO_WB] == 0.0
        cam.set_exposure_ms(None)
        assert factory.last.props[cv2.CAP_PROP_AUTO_EXPOSURE] == 3.0
    assert exposure_value("DSHOW", 125.0) == -3.0
    with pytest.raises(ValueError):
        exposure_value("V4L2", 0)


def test_absent_camera_is_named() -> None:
    factory = CaptureFactory(Counter())
    factory.absent = True
    cam = OpenCvCamera(3, capture_factory=factory, name="UVC camera 3")
    with pytest.raises(DeviceError) as err:
        cam.open()
    assert err.value.device == "UVC camera 3"
    assert "not found" in str(err.value) or "busy" in str(err.value)


def test_missing_device_node_says_not_found() -> None:
    cam = OpenCvCamera("/dev/video-does-not-exist", capture_factory=CaptureFactory(Counter()))
    with pytest.raises(DeviceError, match="does not exist"):
        cam.open()


def test_camera_delivering_nothing_is_busy_or_unplugged() -> None:
    factory = CaptureFactory(Counter())
    original = factory.__call__

    def dead(device: int | str, api: int) -> object:
        cap = original(device, api)
        cap.unplug()
        return cap

    cam = OpenCvCamera("fake://0", capture_factory=dead)
    with pytest.raises(DeviceError, match="delivers no frames"):
        cam.open()


def test_unplug_mid_session_then_reopen_resumes() -> None:
    factory = CaptureFactory(Counter())
    cam = OpenCvCamera("fake://0", warmup_frames=1, capture_factory=factory, failure_limit=3,
                       name="box camera")
    cam.open()
    cam.frame()
    factory.last.unplug()
    with pytest.raises(DeviceError) as err:
        cam.frame(timeout_s=2.0)
    assert err.value.device == "box camera" and "unplugged" in str(err.value)
    cam.reopen()
    assert cam.frame().shape == (24, 32, 3)
    cam.close()
    assert factory.made[0].released and factory.made[-1].released
    with pytest.raises(DeviceError, match="not open"):
        cam.frame()


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        OpenCvCamera(0, width=-5)
    with pytest.raises(ValueError):
        OpenCvCamera(0, warmup_frames=-1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux device nodes")
def test_real_opencv_path_names_a_missing_camera() -> None:
    index = next(i for i in range(60, 100) if not Path(f"/dev/video{i}").exists())
    with pytest.raises(DeviceError) as err:
        OpenCvCamera(index).open()
    assert err.value.device == f"camera {index}"
    assert f"/dev/video{index} does not exist" in str(err.value)


def test_real_opencv_refuses_a_source_it_cannot_open(tmp_path: Path) -> None:
    cam = OpenCvCamera(str(tmp_path / "no-such-camera.avi"), name="test camera")
    with pytest.raises(DeviceError) as err:
        cam.open()
    assert err.value.device == "test camera"
    assert "not found or busy" in str(err.value)


def test_a_size_the_camera_does_not_offer_is_refused() -> None:
    factory = CaptureFactory(Counter())
    with pytest.raises(DeviceError, match="delivers 32x24 frames, not the configured 1920x1080"):
        OpenCvCamera("fake://0", width=1920, height=1080, capture_factory=factory).open()
    assert factory.last.released
    assert factory.last.props[cv2.CAP_PROP_FRAME_WIDTH] == 1920.0  # it was asked for
    with OpenCvCamera("fake://0", width=32, height=24, capture_factory=factory) as cam:
        assert cam.size == (24, 32)
