"""The documents of a course: which ones, and how each is made.

:func:`plan_course` decides, from the course and its seed, the sequence of
documents — genuine or forged, which type, which forgery kind — so the same
course file gives the same exercise everywhere (and a scripted trainee in a
test knows what is coming).

A forged document is made the way the generalisation bench makes one: a
genuine capture edited (:func:`workstation.specimens.edits.apply_edit`), never
drawn by the renderer with the mark a check looks for. The genuine capture
comes from the session (the simulated reader for the documents the simulator
draws) or, for any other specimen in the library, from
:func:`specimen_capture`: the specimen's own images laid on a platen under a
reader's light, noise and tilt. The difficulty makes a forgery subtler (its
edit blended in part, where a partial edit is still the same forgery) and the
capture worse (noise, blur, uneven light).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.errors import InputError
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.specimens.edit_model import Donor, EditError, Layout, PageGeometry, page_images
from workstation.specimens.edits import EXPECTED_CHECKS, KINDS, apply_edit
from workstation.training.course import Course
from workstation.types import CaptureSet, Image, Light, RectMM, Specimen

#: Edits whose effect is a continuous change of level, so a partial blend is the same
#: forgery made less visible. (A retyped character or a swapped photo blended halfway
#: would show a double image: those keep their full strength.)
BLENDABLE = frozenset({"reprint_office_paper", "reprint_dull_paper", "uv_feature_erased",
                       "background_ir_absorbing", "background_redrawn",
                       "mrz_retyped_ir_transparent"})

#: What each forgery kind is called on screen, in the debrief and on the certificate.
KIND_LABELS: dict[str, str] = {
    "genuine": QT_TRANSLATE_NOOP("training", "Genuine documents"),
    "photo_swap": QT_TRANSLATE_NOOP("training", "Portrait substituted"),
    "reprint_office_paper": QT_TRANSLATE_NOOP("training", "Reprint on office paper"),
    "reprint_dull_paper": QT_TRANSLATE_NOOP("training", "Reprint on UV-dull paper"),
    "data_retyped": QT_TRANSLATE_NOOP("training", "Printed data retyped"),
    "mrz_retyped_ir_transparent": QT_TRANSLATE_NOOP("training",
                                                    "MRZ retyped in IR-transparent ink"),
    "mrz_char_edited": QT_TRANSLATE_NOOP("training", "MRZ character altered"),
    "uv_feature_erased": QT_TRANSLATE_NOOP("training", "UV feature erased"),
    "background_ir_absorbing": QT_TRANSLATE_NOOP("training", "Background in IR-absorbing ink"),
    "background_redrawn": QT_TRANSLATE_NOOP("training", "Background redrawn"),
}

#: Weakest blend of a blendable edit (at difficulty 1).
MIN_STRENGTH = 0.45

#: An edit covering at least this share of the page is a whole-page forgery (a reprint).
WHOLE_PAGE_SHARE = 0.8

#: Sensor noise (grey levels, 1 sigma) added at difficulty 0 and 1.
NOISE_SIGMA = (0.8, 5.0)

_CHECK_LIGHT = {"white": Light.WHITE, "mrz": Light.WHITE, "uv": Light.UV, "ir": Light.IR}

#: Platen grey level (0..1) outside the page, per light.
_PLATEN_LEVEL = {Light.WHITE: 0.82, Light.UV: 0.06, Light.IR: 0.55}


def revealing_lights(kind: str) -> tuple[Light, ...]:
    """The lights under which forgery ``kind`` shows (from the checks meant to catch it)."""
    out: list[Light] = []
    for check in EXPECTED_CHECKS[kind]:
        light = _CHECK_LIGHT.get(check.split(".", 1)[0])
        if light is not None and light not in out:
            out.append(light)
    return tuple(out)


def needs_of(kind: str, layout: Layout) -> str:
    """Why forgery ``kind`` cannot be made on a document of ``layout`` ("" when it can)."""
    if kind not in KINDS:
        return f"unknown forgery kind {kind!r}"
    if kind == "photo_swap" and layout.portrait is None:
        return "it has no portrait zone"
    if kind == "data_retyped" and not layout.fields:
        return "it has no printed field zone"
    if kind.startswith("mrz_") and (layout.mrz is None or not layout.mrz_format):
        return "it has no MRZ"
    if kind == "uv_feature_erased" and not layout.luminescent:
        return "it has no luminescent zone"
    if kind == "background_ir_absorbing" and not layout.ir_invisible:
        return "it has no IR-invisible zone"
    if kind == "background_redrawn" and not layout.white_match:
        return "it has no zone to match in white light"
    return ""


@dataclass(frozen=True)
class ItemPlan:
    """One document of a course.

    Attributes:
        index: 0-based position in the course.
        document: specimen id.
        kind: the forgery kind, or ``None`` for a genuine document.
        seed: the document's random choices (person, placement, the edit's details).
        difficulty: 0..1 (the course's).
    """

    index: int
    document: str
    kind: str | None
    seed: int
    difficulty: float


def plan_course(course: Course, layouts: dict[str, Layout]) -> list[ItemPlan]:
    """The course's documents, in order (deterministic in the course and its seed).

    Forgery kinds are spread evenly over the forged documents; each forged document
    is of a type the kind can be made on.

    Args:
        course: the course.
        layouts: the layout of every document the course names.

    Raises:
        InputError: a forgery kind can be made on none of the course's documents, or
            cannot be seen under the course's lights (one-line reason).
    """
    rng = random.Random(f"course:{course.id}:{course.seed}")
    for kind in course.forgeries:
        if not any(not needs_of(kind, layouts[d]) for d in course.documents):
            reasons = "; ".join(f"{d}: {needs_of(kind, layouts[d])}" for d in course.documents)
            raise InputError(f"course {course.id}: forgery {kind} cannot be made on its "
                             f"documents ({reasons})")
        if not set(revealing_lights(kind)) & set(course.lights):
            names = ", ".join(light.value for light in revealing_lights(kind))
            raise InputError(f"course {course.id}: forgery {kind} shows only under {names}, "
                             "which the course does not give")
    n_forged = round(course.count * (1.0 - course.genuine_share))
    if course.genuine_share < 1.0 and course.count >= 2:
        n_forged = min(max(n_forged, 1), course.count - (course.genuine_share > 0))
    kinds: list[str | None] = []
    while len(kinds) < n_forged:
        batch: list[str | None] = list(course.forgeries)
        rng.shuffle(batch)
        kinds.extend(batch)
    kinds = kinds[:n_forged] + [None] * (course.count - n_forged)
    rng.shuffle(kinds)
    plans: list[ItemPlan] = []
    for i, chosen in enumerate(kinds):
        docs = [d for d in course.documents
                if chosen is None or not needs_of(chosen, layouts[d])]
        plans.append(ItemPlan(index=i, document=docs[rng.randrange(len(docs))], kind=chosen,
                              seed=rng.randrange(1, 1_000_000), difficulty=course.difficulty))
    return plans


# -- the genuine capture of a library specimen ------------------------------------------------
def specimen_capture(spec: Specimen, *, seed: int, lights: tuple[Light, ...],
                     platen_margin_mm: float = 8.0) -> tuple[CaptureSet, PageGeometry]:
    """``spec``'s own images laid on a platen: tilted up to 3°, shifted, under uneven light,
    at the specimen's dpi (no noise yet: :func:`wear` adds it).

    Returns the capture (lights of ``lights`` the specimen has) and where the page lies.
    """
    rng = np.random.default_rng([seed, 17])
    k = spec.dpi / 25.4
    w_mm, h_mm = spec.size_mm
    pw = round((w_mm + 2 * platen_margin_mm) * k)
    ph = round((h_mm + 2 * platen_margin_mm) * k)
    angle = float(rng.uniform(-3.0, 3.0))
    shift = rng.uniform(-0.5, 0.5, size=2) * platen_margin_mm * k
    images: dict[Light, Image] = {}
    corners = np.zeros((4, 2))
    for light in lights:
        if light not in spec.image_lights:
            continue
        page = spec.image(light)
        h, w = page.shape[:2]
        matrix = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), angle, 1.0)
        matrix[0, 2] += (pw - w) / 2 + shift[0]
        matrix[1, 2] += (ph - h) / 2 + shift[1]
        level = round(255 * _PLATEN_LEVEL.get(light, 0.5))
        border = (level, level, level) if page.ndim == 3 else level
        images[light] = np.asarray(cv2.warpAffine(
            page, matrix, (pw, ph), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
            borderValue=border), np.uint8)
        src = np.array([[0, 0, 1], [w, 0, 1], [w, h, 1], [0, h, 1]], np.float64)
        corners = src @ matrix.T
    if Light.WHITE not in images:
        raise InputError(f"specimen {spec.id} has no white image")
    capture = CaptureSet(images=images, dpi=spec.dpi, device="Trainer platen",
                         metadata={"training": {"specimen": spec.id, "seed": seed}})
    return capture, PageGeometry(corners, spec.size_mm)


def donor_of(spec: Specimen, *, seed: int, lights: tuple[Light, ...]) -> Donor:
    """Another document of ``spec``'s type for a photo swap: the specimen with another
    holder's portrait in its portrait zone."""
    from workstation.specimens.portrait import draw_portrait, face_for

    capture, geometry = specimen_capture(spec, seed=seed + 1, lights=lights)
    portrait = Layout.from_specimen(spec).portrait
    if portrait is None:
        raise InputError(f"specimen {spec.id} has no portrait zone")
    pages = page_images(capture, geometry)
    s = geometry.px_per_mm()
    x0, y0 = round(portrait[0] * s), round(portrait[1] * s)
    x1, y1 = round((portrait[0] + portrait[2]) * s), round((portrait[1] + portrait[3]) * s)
    face = draw_portrait(face_for(seed + 4099), y1 - y0, x1 - x0)
    white = pages[Light.WHITE].copy()
    patch = np.clip(face * 255.0 + 0.5, 0, 255).astype(np.uint8)
    if white.ndim == 2:
        patch = np.asarray(cv2.cvtColor(patch, cv2.COLOR_RGB2GRAY), np.uint8)
    white[y0:y1, x0:x1] = patch
    full = PageGeometry.whole_image(white, spec.size_mm)
    images = dict(pages)
    images[Light.WHITE] = white
    return Donor(CaptureSet(images=images, dpi=s * 25.4), full)


# -- forging, wear and the page shown ---------------------------------------------------------
@dataclass(frozen=True)
class Truth:
    """What a document of an exercise really is.

    Attributes:
        kind: the forgery kind, ``None`` for a genuine document.
        description: the forgery in plain words ("" for a genuine document).
        rect_mm: where on the page it is (``None``: the whole page or genuine).
        lights: the lights under which it shows.
        zone: the specimen zone it lies in (its label), if any.
        expected_checks: the automated checks meant to catch it.
        strength: how much of the edit was applied (1: all of it).
    """

    kind: str | None
    description: str = ""
    rect_mm: RectMM | None = None
    lights: tuple[Light, ...] = ()
    zone: str = ""
    expected_checks: tuple[str, ...] = ()
    strength: float = 1.0

    @property
    def forged(self) -> bool:
        return self.kind is not None


def strength_for(kind: str, difficulty: float) -> float:
    """How much of a ``kind`` edit is applied at ``difficulty`` (0..1)."""
    if kind not in BLENDABLE:
        return 1.0
    return 1.0 - (1.0 - MIN_STRENGTH) * min(max(difficulty, 0.0), 1.0)


def _zone_of(spec: Specimen, rect: RectMM | None) -> str:
    if rect is None:
        return ""
    best, area = "", 0.0
    x, y, w, h = rect
    for zone in spec.zones:
        if zone.face != "front":
            continue
        zx, zy, zw, zh = zone.rect_mm
        ow = min(x + w, zx + zw) - max(x, zx)
        oh = min(y + h, zy + zh) - max(y, zy)
        if ow > 0 and oh > 0 and ow * oh > area:
            best, area = zone.label or zone.id, ow * oh
    return best


def forge(plan: ItemPlan, genuine: CaptureSet, geometry: PageGeometry, spec: Specimen, *,
          donor: Donor | None = None) -> tuple[CaptureSet, Truth]:
    """The plan's document: ``genuine`` itself, or ``genuine`` edited as ``plan.kind``.

    Raises:
        InputError: the edit cannot be made on this document (one-line reason).
    """
    if plan.kind is None:
        return genuine, Truth(kind=None)
    try:
        edited = apply_edit(plan.kind, genuine, geometry, Layout.from_specimen(spec),
                            seed=plan.seed, donor=donor)
    except EditError as exc:
        raise InputError(f"{plan.document}: cannot make {plan.kind}: {exc}") from None
    strength = strength_for(plan.kind, plan.difficulty)
    images = dict(edited.capture.images)
    if strength < 1.0:
        for light, img in images.items():
            base = genuine.images[light].astype(np.float32)
            mixed = base + strength * (img.astype(np.float32) - base)
            images[light] = np.clip(mixed + 0.5, 0, 255).astype(np.uint8)
    t = edited.truth
    rect = t.rect_mm
    page_area = spec.size_mm[0] * spec.size_mm[1]
    if rect is not None and rect[2] * rect[3] >= WHOLE_PAGE_SHARE * page_area:
        rect = None  # the whole page: no one place betrays it
    capture = CaptureSet(images=images, dpi=genuine.dpi, device=genuine.device,
                         captured_at=genuine.captured_at, metadata=dict(genuine.metadata))
    return capture, Truth(kind=plan.kind, description=t.description, rect_mm=rect,
                          lights=revealing_lights(plan.kind),
                          zone=_zone_of(spec, rect) if rect is not None else "the whole page",
                          expected_checks=t.expected_checks, strength=strength)


def wear(capture: CaptureSet, *, difficulty: float, seed: int) -> CaptureSet:
    """``capture`` as a worse reader and a worn document show it: sensor noise, a little
    defocus and uneven light, growing with ``difficulty`` (0..1)."""
    d = min(max(difficulty, 0.0), 1.0)
    rng = np.random.default_rng([seed, 29])
    sigma = NOISE_SIGMA[0] + (NOISE_SIGMA[1] - NOISE_SIGMA[0]) * d
    blur = 0.3 + 0.9 * d
    out: dict[Light, Image] = {}
    first = next(iter(capture.images.values()))
    h, w = first.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    tilt = rng.uniform(-1, 1, size=2) * 0.08 * d
    shade = 1.0 + tilt[0] * (xx / w - 0.5) + tilt[1] * (yy / h - 0.5)
    for light, img in capture.images.items():
        f = np.asarray(cv2.GaussianBlur(img.astype(np.float32), (0, 0), blur), np.float32)
        f *= shade if f.ndim == 2 else shade[..., None]
        f += rng.normal(0.0, sigma, size=f.shape).astype(np.float32)
        out[light] = np.clip(f + 0.5, 0, 255).astype(np.uint8)
    return CaptureSet(images=out, dpi=capture.dpi, device=capture.device,
                      captured_at=capture.captured_at, metadata=dict(capture.metadata))


def straighten(capture: CaptureSet, geometry: PageGeometry, spec: Specimen
               ) -> dict[Light, Image]:
    """The page of ``capture``, straightened and scaled onto ``spec``'s images (same
    size in px), for the viewer to compare side by side with the specimen."""
    pages = page_images(capture, geometry)
    h, w = spec.size_px
    return {light: np.asarray(cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA
                                         if img.shape[0] > h else cv2.INTER_LINEAR), np.uint8)
            for light, img in pages.items()}


def geometry_from_corners(corners_px: list[list[float]], size_mm: tuple[float, float]
                          ) -> PageGeometry:
    """A page geometry from four ``(x, y)`` corners (top-left, top-right, bottom-right,
    bottom-left), as the simulated reader's ground truth gives them."""
    arr = np.asarray(corners_px, np.float64)
    if arr.shape != (4, 2) or not np.all(np.isfinite(arr)):
        raise InputError("the page's corners are not four points")
    return PageGeometry(arr, (float(size_mm[0]), float(size_mm[1])))


def mm_rect(points: tuple[tuple[float, float], ...], dpi: float) -> RectMM:
    """The ``(x, y, w, h)`` mm rectangle spanned by two px points at ``dpi``."""
    (x0, y0), (x1, y1) = points[0], points[1]
    k = 25.4 / dpi
    return (min(x0, x1) * k, min(y0, y1) * k, abs(x1 - x0) * k, abs(y1 - y0) * k)
