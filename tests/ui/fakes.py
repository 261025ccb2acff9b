"""A synthetic reader and examination for window tests (no simulator needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from workstation.examination.results import Examination, Identification, RegistrationResult
from workstation.hardware.base import BaseReader
from workstation.mrz.result import MrzResult
from workstation.types import (
    CheckResult,
    CheckStatus,
    Evidence,
    Expect,
    Image,
    Light,
    Specimen,
    Verdict,
    Zone,
    ZoneCheck,
)

W, H = 600, 400  # px of the synthetic page; 100 dpi -> 152.4 x 101.6 mm
DPI = 100.0


def page(light: Light, *, forged: bool = False) -> Image:
    """A synthetic page: a pattern per light, a dark 'portrait' block, 'MRZ' lines."""
    rng = np.random.default_rng(0)
    img = np.full((H, W, 3), 200, np.uint8)
    yy, xx = np.mgrid[0:H, 0:W]
    wave = (40 * np.sin(xx / 9.0) * np.cos(yy / 13.0)).astype(np.int16)
    base = {Light.WHITE: (220, 205, 190), Light.UV: (25, 20, 60), Light.IR: (190, 190, 190)}
    for ch in range(3):
        img[..., ch] = np.clip(base[light][ch] + (wave if light is not Light.IR else 0), 0, 255)
    if light is Light.UV:
        img[100:200, 300:400] = (250, 80, 200) if not forged else (25, 20, 60)
    img[80:300, 30:180] = (90, 70, 60) if light is not Light.UV else (10, 10, 30)
    img[330:345, 20:580] = 20
    img[355:370, 20:580] = 20
    noise = rng.integers(0, 6, size=img.shape, dtype=np.uint8)
    return np.asarray(img - np.minimum(img, noise), dtype=np.uint8)


class FakeReader(BaseReader):
    """White, UV and IR; frames are :func:`page`."""

    def __init__(self) -> None:
        super().__init__("Fake reader 1", [Light.WHITE, Light.UV, Light.IR], dpi=DPI)
        self.loaded: tuple[str, str | None, int] | None = None

    def load_document(self, doc_id: str, forgery: str | None = None, seed: int = 0) -> None:
        self.loaded = (doc_id, forgery, seed)

    def _do_set_light(self, light: Light | None) -> None:
        return None

    def _do_frame(self, light: Light | None) -> Image:
        if light is None:
            return np.zeros((H, W, 3), np.uint8)
        return page(light)


def specimen() -> Specimen:
    w_mm, h_mm = W * 25.4 / DPI, H * 25.4 / DPI
    zones = (
        Zone("emblem", (300 * 25.4 / DPI, 100 * 25.4 / DPI, 25.4, 25.4), "blank",
             "UV emblem", (ZoneCheck(Light.UV, Expect.LUMINESCENT),)),
        Zone("portrait", (30 * 25.4 / DPI, 80 * 25.4 / DPI, 150 * 25.4 / DPI,
                          220 * 25.4 / DPI), "portrait", "Portrait", ()),
    )
    return Specimen(id="FAKE-1", title="Fake specimen", issuing_state="UTO",
                    document_code="P", mrz_format="TD3", series="2020", valid_from=None,
                    valid_until=None, size_mm=(w_mm, h_mm), dpi=DPI,
                    image_lights=(Light.WHITE, Light.UV, Light.IR), zones=zones,
                    loader=lambda light: page(light))


def fake_examine(capture: Any, **kwargs: Any) -> Examination:
    """An examination whose UV emblem check fails with evidence."""
    spec = specimen()
    registered = {li: page(li, forged=True) for li in (Light.WHITE, Light.UV, Light.IR)}
    crop = registered[Light.UV][100:200, 300:400]
    checks = [
        CheckResult("uv.emblem", CheckStatus.FAIL, "VISIBLE_ELEMENT_ABSENT",
                    "The UV emblem does not glow", zone="emblem", light=Light.UV, score=0.1,
                    threshold=0.5, evidence=[Evidence("questioned", crop, Light.UV),
                                             Evidence("specimen", page(Light.UV)[100:200,
                                                                                 300:400],
                                                      Light.UV, "specimen")]),
        CheckResult("portrait.ir", CheckStatus.PASS, "OK", "Portrait fades in IR",
                    zone="portrait", light=Light.IR),
        CheckResult("mrz.digits", CheckStatus.PASS, "OK", "Check digits valid"),
    ]
    mrz = MrzResult(found=True, format="TD3", fields={
        "surname": "ERIKSSON", "given_names": "ANNA MARIA", "document_number": "L898902C3",
        "issuing_state": "UTO"})
    registration = RegistrationResult(
        quality=0.9, method="fake", homography=np.eye(3), page_to_work=np.eye(3),
        work_dpi=DPI, registered=registered, reference={}, specimen_dpi=DPI)
    return Examination(capture=capture, capture_path=None, specimen_id=spec.id, mrz=mrz,
                       checks=checks, verdict=Verdict.FAIL,
                       started_at=dt.datetime.now(dt.UTC), duration_ms=12.0,
                       identification=Identification(specimen=spec),
                       registration=registration)


def shown_window(qtbot: Any, reader: Any = None, **kwargs: Any) -> Any:
    """A ``MainWindow`` on a ``FakeReader`` with ``fake_examine``, shown at 1400 x 900 px."""
    from workstation.ui.main_window import MainWindow

    w = MainWindow(FakeReader() if reader is None else reader, examine=fake_examine, **kwargs)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


def find_action(w: Any, text: str) -> Any:
    """The window's ``QAction`` whose text is ``text`` (``AssertionError`` if none)."""
    from PySide6.QtGui import QAction

    for act in w.findChildren(QAction):
        if act.text() == text:
            return act
    raise AssertionError(f"no action {text!r}")


def sign_in_window(w: Any, name: str, role: str = "examiner", display_name: str = "") -> Any:
    """Enrol ``name`` (by the test administrator, unless enrolled already) and sign the
    window's desk in as them — what the sign-in dialog does once the window wires it
    (:meth:`workstation.session.desk.Desk.sign_in_async`); returns the ``SignedIn``."""
    from tests.accounts import PASSWORD, enrol
    from workstation.cases import CaseRepository

    with CaseRepository.open() as repo:
        if repo.credential(name) is None:
            enrol(repo, name, role, display_name=display_name or name.title())
    return w.desk.sign_in(name, PASSWORD)
