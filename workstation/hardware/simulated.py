"""The simulated document reader (the default reader): a synthetic Utopia document
on a platen, captured under white, UV and IR light.

Lights: white, UV and IR by default; ``lights=ALL_LIGHTS`` gives it every light the
simulator renders (UV 254, grazing light from the left and from the top, coaxial and
transmitted light as well). The document (genuine or forged) lies
anywhere on a 160 x 115 mm platen,
turned by up to ±10° (both drawn from the seed), against the platen's dark
background. Each light illuminates the platen unevenly; every frame gets fresh
sensor noise; brightness scales with exposure and saturates. The rendered
platen is cached per light, so live frames only add noise (a few tens of ms).

Settings: ``load_document(doc_id, forgery=None, seed=0, face="front")``, or
``ReaderConfig(kind="simulated", options={"document": ..., "forgery": ...,
"seed": ..., "dpi": ..., "face": ...})``. ``turn_over()`` puts the other face of
the document on the platen (documents with a back face: the identity card), as
an examiner turns the card to capture its back; it lands elsewhere on the platen.

Capture metadata carries the ground truth under ``"simulation"`` (see
:func:`workstation.specimens.render.render_scene`), with the placement:
``x_mm``/``y_mm`` (the document's top-left corner on the platen, mm from the
platen's top-left), ``angle_deg`` (counter-clockwise as seen in the image),
``centre_mm`` and ``corners_px`` (the document's top-left, top-right,
bottom-right and bottom-left corners in image pixels, x then y).
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np

from workstation.errors import DeviceError, InputError
from workstation.hardware.base import BaseReader, ReaderConfig, register_reader
from workstation.types import Image, Light

#: Platen size (width, height) in mm.
PLATEN_MM = (160.0, 115.0)
#: Exposure (ms) at which each light gives the nominal brightness.
NOMINAL_EXPOSURE_MS: dict[Light, float] = {Light.WHITE: 8.0, Light.UV: 40.0, Light.IR: 15.0,
                                           Light.UV254: 60.0, Light.OBLIQUE: 20.0,
                                           Light.OBLIQUE_TOP: 20.0, Light.COAXIAL: 12.0,
                                           Light.TRANSMITTED: 60.0}
#: Sensor noise (standard deviation, 8-bit levels) per light.
SENSOR_NOISE: dict[Light, float] = {Light.WHITE: 2.0, Light.UV: 2.8, Light.IR: 2.2,
                                    Light.UV254: 3.0, Light.OBLIQUE: 2.2,
                                    Light.OBLIQUE_TOP: 2.2, Light.COAXIAL: 2.2,
                                    Light.TRANSMITTED: 2.5}
#: Every light the simulator can render: white, UV 365 and IR; UV 254 (a second set of
#: luminescent inks); grazing light from the left and from the top (relief, turning with
#: the lamp); coaxial light (the laminate's retro-reflective pattern); transmitted light
#: (watermark, see-through register, perforation).
ALL_LIGHTS: tuple[Light, ...] = (Light.WHITE, Light.UV, Light.IR, Light.UV254, Light.OBLIQUE,
                                 Light.OBLIQUE_TOP, Light.COAXIAL, Light.TRANSMITTED)
#: The lights of a basic reader (white, UV and IR only).
BASIC_LIGHTS: tuple[Light, ...] = (Light.WHITE, Light.UV, Light.IR)
#: The lights a simulated reader has unless told otherwise (``devices.json`` or
#: ``lights=ALL_LIGHTS`` give it every light).
DEFAULT_LIGHTS: tuple[Light, ...] = BASIC_LIGHTS
#: Dark level of the sensor with every lamp off.
DARK_LEVEL = 2.0
DEFAULT_DPI = 300.0
#: Largest turn of the document on the platen.
MAX_ANGLE_DEG = 10.0
#: Smallest gap between the document and the platen's edge.
MARGIN_MM = 3.0


def placement_for(doc_size_mm: tuple[float, float], seed: int, doc_id: str = "",
                  platen_mm: tuple[float, float] = PLATEN_MM) -> dict[str, float]:
    """Where the document lies: ``x_mm``, ``y_mm`` (its top-left corner), ``angle_deg``
    (counter-clockwise), ``cx_mm``, ``cy_mm`` (its centre), drawn from ``seed``."""
    rng = random.Random(f"placement:{doc_id}:{seed}")
    w, h = doc_size_mm
    pw, ph = platen_mm
    angle = rng.uniform(-MAX_ANGLE_DEG, MAX_ANGLE_DEG)
    a = math.radians(angle)
    bw = abs(w * math.cos(a)) + abs(h * math.sin(a))
    bh = abs(w * math.sin(a)) + abs(h * math.cos(a))
    if bw + 2 * MARGIN_MM > pw or bh + 2 * MARGIN_MM > ph:
        angle, bw, bh = 0.0, w, h
    cx = rng.uniform(MARGIN_MM + bw / 2, max(MARGIN_MM + bw / 2, pw - MARGIN_MM - bw / 2))
    cy = rng.uniform(MARGIN_MM + bh / 2, max(MARGIN_MM + bh / 2, ph - MARGIN_MM - bh / 2))
    # top-left corner of the document after turning it counter-clockwise by angle
    a = math.radians(angle)
    dx, dy = -w / 2, -h / 2
    x = cx + dx * math.cos(a) + dy * math.sin(a)
    y = cy - dx * math.sin(a) + dy * math.cos(a)
    return {"x_mm": round(x, 3), "y_mm": round(y, 3), "angle_deg": round(angle, 3),
            "cx_mm": round(cx, 3), "cy_mm": round(cy, 3)}


class SimulatedReader(BaseReader):
    """A reader that captures synthetic documents (see the module docstring)."""

    def __init__(self, *, document: str = "UTO-P-2020", forgery: str | None = None,
                 seed: int = 0, dpi: float = DEFAULT_DPI,
                 lights: Sequence[Light] = DEFAULT_LIGHTS,
                 name: str = "Simulated reader SIM-1 #0001", face: str = "front") -> None:
        for light in lights:
            if light not in NOMINAL_EXPOSURE_MS:
                raise DeviceError(name, f"cannot simulate the {light} light")
        if not 50.0 <= float(dpi) <= 1200.0:
            raise DeviceError(name, f"dpi must be between 50 and 1200, got {dpi}")
        super().__init__(name, lights, dpi=float(dpi),
                         exposures_ms={light: NOMINAL_EXPOSURE_MS[light] for light in lights})
        self._cache_lock = threading.Lock()
        self._platen: dict[Light, np.ndarray] = {}
        self._truth: dict[str, Any] = {}
        self._frame_counter = 0
        self._doc = document
        self._forgery = forgery
        self._seed = seed
        self._face = "front"
        self.load_document(document, forgery=forgery, seed=seed, face=face)

    # -- settings -------------------------------------------------------------------------
    @property
    def documents(self) -> tuple[str, ...]:
        """Documents the simulator can put on the platen (also those the bundled library
        holds no specimen of)."""
        from workstation.specimens.render import ALL_DOCUMENTS

        return ALL_DOCUMENTS

    @property
    def forgeries(self) -> tuple[str, ...]:
        """Forgeries the simulator can make."""
        from workstation.specimens.render import document_forgeries

        return document_forgeries(self._doc)

    @property
    def document(self) -> str:
        """Id of the document on the platen."""
        return self._doc

    @property
    def forgery(self) -> str | None:
        """The forgery on the platen (``None``: genuine)."""
        return self._forgery

    @property
    def seed(self) -> int:
        """Seed of the document's person, print variation and placement."""
        return self._seed

    @property
    def face(self) -> str:
        """The face on the platen: ``front`` or ``back``."""
        return self._face

    def turn_over(self) -> str:
        """Put the document's other face on the platen; returns the face now up.

        Raises:
            InputError: the document has no back face the simulator renders.
        """
        self.load_document(self._doc, forgery=self._forgery, seed=self._seed,
                           face="back" if self._face == "front" else "front")
        return self._face

    @property
    def truth(self) -> dict[str, Any]:
        """Ground truth of what lies on the platen (rendered on first use)."""
        return dict(self._ensure_rendered()[1])

    def load_document(self, doc_id: str, forgery: str | None = None, seed: int = 0,
                      face: str = "front") -> None:
        """Put ``doc_id`` (forged as ``forgery``, or genuine) on the platen, ``face`` up.

        Raises:
            InputError: unknown document, forgery or face, or a back the document lacks.
        """
        from workstation.specimens.back import has_back
        from workstation.specimens.render import ALL_DOCUMENTS, FORGERIES

        if doc_id not in ALL_DOCUMENTS:
            raise InputError(f"unknown document {doc_id!r} "
                             f"(known: {', '.join(ALL_DOCUMENTS)})")
        if forgery in ("", "genuine", "none"):
            forgery = None
        if forgery is not None and forgery not in FORGERIES:
            raise InputError(f"unknown forgery {forgery!r} (known: {', '.join(FORGERIES)})")
        from workstation.specimens.render import document_forgeries

        if forgery is not None and forgery not in document_forgeries(doc_id):
            raise InputError(f"forgery {forgery!r} does not apply to {doc_id}: it has no "
                             f"such feature")
        if face not in ("front", "back"):
            raise InputError(f"unknown face {face!r} (front or back)")
        if face == "back" and not has_back(doc_id):
            raise InputError(f"{doc_id} has no back face the simulator renders")
        # wait for a capture in progress (it holds the reader's lock) before swapping
        with self._lock, self._cache_lock:
            self._doc, self._forgery, self._seed = doc_id, forgery, int(seed)
            self._face = face
            self._platen = {}
            self._truth = {}
            self._frame_counter = 0

    # -- rendering ------------------------------------------------------------------------
    def _ensure_rendered(self) -> tuple[dict[Light, np.ndarray], dict[str, Any]]:
        with self._cache_lock:
            if not self._platen:
                self._platen, self._truth = self._render_platen()
            return self._platen, self._truth

    def _render_platen(self) -> tuple[dict[Light, np.ndarray], dict[str, Any]]:
        from workstation.specimens.render import render_scene
        from workstation.specimens.sensor import PLATEN_BACKGROUND, finish

        dpi = float(self._dpi or DEFAULT_DPI)
        if self._face == "back":
            from workstation.specimens.back import render_back_scene

            scene = render_back_scene(self._doc, forgery=self._forgery, seed=self._seed,
                                      dpi=dpi, lights=self._lights)
        else:
            scene = render_scene(self._doc, forgery=self._forgery, seed=self._seed, dpi=dpi,
                                 lights=self._lights)
        where = self._doc if self._face == "front" else f"{self._doc}:back"
        # uneven light and defocus of this reader, no noise yet (fresh noise per frame)
        lit = finish(scene, seed=self._seed if self._face == "front" else self._seed + 7919,
                     variation=True, noise=False, uneven=0.09, uneven_uv=0.14,
                     blur_px=(0.35, 0.7))
        place = placement_for(scene.size_mm, self._seed, where)
        k = dpi / 25.4
        pw, ph = round(PLATEN_MM[0] * k), round(PLATEN_MM[1] * k)
        dh, dw = scene.alpha.shape
        matrix = cv2.getRotationMatrix2D(((dw - 1) / 2, (dh - 1) / 2), place["angle_deg"], 1.0)
        matrix[0, 2] += place["cx_mm"] * k - (dw - 1) / 2
        matrix[1, 2] += place["cy_mm"] * k - (dh - 1) / 2
        platen: dict[Light, np.ndarray] = {}
        for light, img in lit.items():
            bg = [round(255 * v) for v in PLATEN_BACKGROUND[light]]
            border = (*bg, 0, 0, 0)[:4] if img.ndim == 3 else (bg[0], 0, 0, 0)
            platen[light] = np.asarray(cv2.warpAffine(
                img, matrix, (pw, ph), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                borderValue=border), np.uint8)
        corners = []
        a = math.radians(place["angle_deg"])
        w_mm, h_mm = scene.size_mm
        for ux, uy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
            dx, dy = ux * w_mm / 2, uy * h_mm / 2
            x = place["cx_mm"] + dx * math.cos(a) + dy * math.sin(a)
            y = place["cy_mm"] - dx * math.sin(a) + dy * math.cos(a)
            corners.append([round(x * k, 2), round(y * k, 2)])
        truth = dict(scene.truth)
        truth["placement"] = {
            "x_mm": place["x_mm"], "y_mm": place["y_mm"], "angle_deg": place["angle_deg"],
            "centre_mm": [place["cx_mm"], place["cy_mm"]], "corners_px": corners,
            "platen_mm": list(PLATEN_MM),
        }
        truth["cropped"] = False
        return platen, truth

    # -- hooks ----------------------------------------------------------------------------
    def _do_set_light(self, light: Light | None) -> None:
        """Lamps of a simulation switch instantly."""

    def _do_frame(self, light: Light | None) -> Image:
        from workstation.specimens.sensor import to_uint8

        platen, _ = self._ensure_rendered()
        self._frame_counter += 1
        face = "" if self._face == "front" else ":back"
        rng = random.Random(f"frame:{self._doc}{face}:{self._seed}:{self._frame_counter}")
        if light is None:
            shape = platen[Light.WHITE].shape
            dark = np.full(shape, DARK_LEVEL, np.float32)
            return to_uint8(dark, noise_sigma=1.0, rng=rng)
        gain = self._exposure[light] / NOMINAL_EXPOSURE_MS[light]
        levels = platen[light].astype(np.float32)
        if abs(gain - 1.0) > 1e-6:
            levels *= np.float32(gain)
        sigma = SENSOR_NOISE[light] * math.sqrt(max(gain, 0.05))
        return to_uint8(levels, noise_sigma=sigma, rng=rng)

    def _capture_metadata(self) -> dict[str, Any]:
        _, truth = self._ensure_rendered()
        sim = dict(truth)
        sim["exposure_ms"] = {light.value: self._exposure[light] for light in self._lights}
        return {"simulation": sim}


def open_simulated(config: ReaderConfig) -> SimulatedReader:
    """Factory for ``ReaderConfig(kind="simulated", options={...})``.

    Options: ``document``, ``forgery``, ``seed``, ``dpi``, ``lights`` (names), ``name``,
    ``face``.
    """
    opts = dict(config.options)
    known = {"document", "forgery", "seed", "dpi", "lights", "name", "face"}
    unknown = sorted(set(opts) - known)
    label = str(opts.get("name", "simulated reader"))
    if unknown:
        raise DeviceError(label, f"unknown settings: {', '.join(unknown)} "
                                 f"(known: {', '.join(sorted(known))})")
    kwargs: dict[str, Any] = {}
    try:
        if "document" in opts:
            kwargs["document"] = str(opts["document"])
        if opts.get("forgery") not in (None, ""):
            kwargs["forgery"] = str(opts["forgery"])
        if "seed" in opts:
            kwargs["seed"] = int(opts["seed"])
        if "dpi" in opts:
            kwargs["dpi"] = float(opts["dpi"])
        if "lights" in opts:
            kwargs["lights"] = tuple(Light.parse(str(n)) for n in opts["lights"])
        if "name" in opts:
            kwargs["name"] = label
        if "face" in opts:
            kwargs["face"] = str(opts["face"])
    except (TypeError, ValueError) as exc:
        raise DeviceError(label, f"bad settings: {exc}") from None
    try:
        return SimulatedReader(**kwargs)
    except InputError as exc:
        raise DeviceError(label, str(exc)) from None


register_reader("simulated", open_simulated)
