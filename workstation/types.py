"""Shared value types: lights, captures, specimens and their zones, check results.

Conventions used everywhere in the program:

* Images are numpy arrays of ``uint8``: colour images have shape ``(H, W, 3)`` in
  **RGB** order, greyscale images shape ``(H, W)``. Row/column order (``r, c``).
* Physical sizes are millimetres, densities dots per inch (dpi), wavelengths nm,
  times ms unless a name says otherwise.
* ``rect_mm`` is ``(x, y, width, height)`` in mm from the top-left corner of the
  document face, x to the right, y downwards (formats.md §3).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
"""An 8-bit image: ``(H, W, 3)`` RGB or ``(H, W)`` grey."""

MM_PER_INCH = 25.4


class Light(StrEnum):
    """Canonical light names (formats.md §1)."""

    WHITE = "white"
    UV = "uv"
    IR = "ir"
    UV254 = "uv254"
    OBLIQUE = "oblique"
    OBLIQUE_TOP = "oblique_top"
    COAXIAL = "coaxial"
    TRANSMITTED = "transmitted"
    IR_TRANSMITTED = "ir_transmitted"

    @classmethod
    def parse(cls, name: str) -> Light:
        """The light called ``name``; ``ValueError`` naming the known lights otherwise."""
        try:
            return cls(name)
        except ValueError:
            known = ", ".join(light.value for light in cls)
            raise ValueError(f"unknown light {name!r} (known: {known})") from None


#: Lights in the order the program shows and captures them.
LIGHT_ORDER: tuple[Light, ...] = tuple(Light)

#: The lights every reader is expected to have (formats.md §1); the others are optional:
#: a capture without them is examined without the checks that need them.
CORE_LIGHTS: tuple[Light, ...] = (Light.WHITE, Light.UV, Light.IR)

#: Where each oblique lamp lies by default, as the azimuth (degrees, counter-clockwise from
#: the image's +x axis, y pointing up) of the direction from the page towards the lamp:
#: ``oblique`` from the left edge (180°), ``oblique_top`` from the top edge (90°).
#: A capture may say otherwise (``capture.json`` ``azimuth_deg``).
DEFAULT_AZIMUTH_DEG: dict[Light, float] = {Light.OBLIQUE: 180.0, Light.OBLIQUE_TOP: 90.0}


def mm_to_px(mm: float, dpi: float) -> float:
    """Millimetres to pixels at ``dpi``."""
    return mm * dpi / MM_PER_INCH


def px_to_mm(px: float, dpi: float) -> float:
    """Pixels at ``dpi`` to millimetres."""
    return px * MM_PER_INCH / dpi


def image_size(image: Image) -> tuple[int, int]:
    """``(height, width)`` of an image in pixels."""
    return int(image.shape[0]), int(image.shape[1])


@dataclass
class CaptureSet:
    """One face of one document as a reader captured it: one image per light.

    Every image has the same height and width (same optics), so pixel (r, c)
    shows the same point of the page under every light.

    Attributes:
        images: light -> image (``uint8``, ``(H, W, 3)`` RGB or ``(H, W)`` grey).
        dpi: pixel density at the platen plane, or ``None`` when unknown.
        device: free text naming the reader (model and serial).
        captured_at: when the capture was taken (timezone-aware), if known.
        metadata: any further fields of ``capture.json`` (kept when saving), e.g.
            the simulator's ground truth under ``"simulation"``.
        chip_files: the document's chip as read (the capture folder's ``chip/``): file
            name -> bytes, names as the reader wrote them (``EF.SOD``, ``DG1.bin``,
            ``chip.json``...); empty when the document's chip was not read.
        back: the other face of the same document (its own lights, size and dpi;
            a back face has no back of its own), or ``None``.
    """

    images: dict[Light, Image]
    dpi: float | None = None
    device: str = ""
    captured_at: dt.datetime | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    chip_files: dict[str, bytes] = field(default_factory=dict)
    back: CaptureSet | None = None

    def __post_init__(self) -> None:
        if Light.WHITE not in self.images:
            raise ValueError("a capture needs a white-light image")
        sizes = {image_size(img) for img in self.images.values()}
        if len(sizes) != 1:
            raise ValueError(f"images of different sizes in one capture: {sorted(sizes)}")
        for light, img in self.images.items():
            if img.dtype != np.uint8 or img.ndim not in (2, 3):
                raise ValueError(f"{light}: expected a uint8 (H, W[, 3]) image")
        if self.dpi is not None and not self.dpi > 0:
            raise ValueError(f"dpi must be positive, got {self.dpi}")
        if self.back is not None and self.back.back is not None:
            raise ValueError("a back face has no back of its own")

    @property
    def lights(self) -> tuple[Light, ...]:
        """The lights present, in canonical order."""
        return tuple(light for light in LIGHT_ORDER if light in self.images)

    @property
    def size(self) -> tuple[int, int]:
        """``(height, width)`` in pixels."""
        return image_size(self.images[Light.WHITE])

    def get(self, light: Light) -> Image | None:
        """The image under ``light``, or ``None`` when it was not captured."""
        return self.images.get(light)

    def faces(self) -> list[tuple[str, CaptureSet]]:
        """``[("front", self)]``, then ``("back", back)`` when the back was captured."""
        out: list[tuple[str, CaptureSet]] = [("front", self)]
        if self.back is not None:
            out.append(("back", self.back))
        return out


class Expect(StrEnum):
    """What a genuine document shows in a zone under a light (formats.md §3)."""

    LUMINESCENT = "luminescent"
    DULL = "dull"
    VISIBLE = "visible"
    INVISIBLE = "invisible"
    MATCH = "match"
    BARCODE = "barcode"
    #: surface relief (intaglio, embossing, tactile engraving): shading under grazing
    #: light that turns with the lamp's direction
    RELIEF = "relief"
    #: a pattern inside the sheet (watermark, see-through register): shows in
    #: transmitted light, not printed on the surface
    TRANSMITTED = "transmitted"
    #: laser perforation: holes that let the light through, forming a field of the MRZ
    #: (``perforation:<mrz field>``, default the document number)
    PERFORATION = "perforation"
    #: a retro-reflective laminate pattern: bright under coaxial light, absent in
    #: diffuse white light
    RETROREFLECTIVE = "retroreflective"
    #: luminescent security fibres: density and colours as the specimen's
    FIBRES = "fibres"
    #: microprint: lines of tiny text, resolved as text (not a plain line)
    MICROPRINT = "microprint"
    #: a ghost image of another zone (``ghost_of:<role>``, e.g. ``ghost_of:portrait``)
    GHOST_OF = "ghost_of"


#: Expectations that name another thing after a colon (``ghost_of:portrait``) and what
#: they name when nothing follows.
PARAMETERISED_EXPECTS: dict[Expect, str | None] = {
    Expect.GHOST_OF: None,
    Expect.PERFORATION: "document_number",
}


@dataclass(frozen=True)
class ZoneCheck:
    """One expectation of a zone: under ``light`` the zone shows ``expect``.

    ``of`` is the parameter of an expectation that names something (formats.md §3):
    the role a ghost image repeats (``ghost_of:portrait`` -> ``"portrait"``), the MRZ
    field a perforation spells (``perforation:document_number``); ``None`` otherwise.
    """

    light: Light
    expect: Expect
    of: str | None = None

    @property
    def text(self) -> str:
        """The ``expect`` string of ``specimen.json``: ``"relief"``, ``"ghost_of:portrait"``."""
        return f"{self.expect.value}:{self.of}" if self.of else self.expect.value

    @property
    def target(self) -> str | None:
        """What a parameterised expectation names (its default when none is written)."""
        return self.of or PARAMETERISED_EXPECTS.get(self.expect)

    @classmethod
    def parse_expect(cls, text: str) -> tuple[Expect, str | None]:
        """``"ghost_of:portrait"`` -> ``(Expect.GHOST_OF, "portrait")``; ``ValueError``
        for an unknown expectation, a parameter where none is allowed, or a missing
        one where it is needed."""
        name, sep, arg = text.partition(":")
        expect = Expect(name)
        if sep:
            if expect not in PARAMETERISED_EXPECTS:
                raise ValueError(f"{name!r} takes no parameter")
            if not re.fullmatch(r"[a-z][a-z0-9_:]{0,63}", arg):
                raise ValueError(f"bad parameter {arg!r} of {name!r}")
            return expect, arg
        if expect in PARAMETERISED_EXPECTS and PARAMETERISED_EXPECTS[expect] is None:
            raise ValueError(f"{name!r} needs what it repeats, e.g. {name}:portrait")
        return expect, None


#: What a zone's ``varies`` may say (formats.md §3): ``holder`` — the zone shows the
#: holder's own content (portrait, signature, personal data), which differs between
#: genuine documents of one type.
VARIES_VALUES: tuple[str, ...] = ("holder",)


@dataclass(frozen=True)
class Stat:
    """Statistics of one measure over the genuine exemplars a specimen learned from.

    Attributes:
        n: how many values (>= 1).
        mean: their mean.
        sd: their sample standard deviation (0 for a single value).
        min: the smallest value.
        max: the largest value.
    """

    n: int
    mean: float
    sd: float
    min: float
    max: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Stat:
        """The statistics of ``values`` (``ValueError`` when empty or not finite)."""
        vals = [float(v) for v in values]
        if not vals:
            raise ValueError("no values")
        if not all(math.isfinite(v) for v in vals):
            raise ValueError("values must be finite")
        n = len(vals)
        mean = math.fsum(vals) / n
        var = math.fsum((v - mean) ** 2 for v in vals) / (n - 1) if n > 1 else 0.0
        return cls(n=n, mean=mean, sd=math.sqrt(var), min=min(vals), max=max(vals))

    def merged(self, other: Stat) -> Stat:
        """The statistics of both sets of values together (exact for mean and sd)."""
        n = self.n + other.n
        mean = (self.n * self.mean + other.n * other.mean) / n
        ss = ((self.n - 1) * self.sd ** 2 + (other.n - 1) * other.sd ** 2
              + self.n * (self.mean - mean) ** 2 + other.n * (other.mean - mean) ** 2)
        sd = math.sqrt(max(0.0, ss / (n - 1))) if n > 1 else 0.0
        return Stat(n=n, mean=mean, sd=sd, min=min(self.min, other.min),
                    max=max(self.max, other.max))

    def to_json(self) -> dict[str, Any]:
        """``{"n", "mean", "sd", "min", "max"}`` (values rounded to 6 significant digits)."""
        return {"n": self.n, "mean": _sig(self.mean), "sd": _sig(self.sd),
                "min": _sig(self.min), "max": _sig(self.max)}


def _sig(value: float) -> float:
    return float(f"{value:.6g}")


@dataclass(frozen=True)
class MeasureStat:
    """The statistics of ``measure`` under ``light`` (a zone's, or the page's)."""

    light: Light
    measure: str
    stat: Stat


#: A rectangle on a document: ``(x, y, width, height)`` in mm from its top-left corner.
RectMM = tuple[float, float, float, float]


@dataclass(frozen=True)
class Zone:
    """A feature zone of a specimen.

    Attributes:
        id: unique within the specimen.
        rect_mm: ``(x, y, width, height)`` in mm from the document's top-left corner.
        role: ``mrz``, ``portrait``, ``signature``, ``blank``, ``field:<name>`` or ``None``.
        label: human description.
        checks: what the zone must show under which light.
        face: ``front`` or ``back``: the face of the document the zone is on
            (``rect_mm`` is measured on that face, from its own top-left corner).
        varies: ``"holder"`` when the zone's content differs between genuine
            documents (one of :data:`VARIES_VALUES`), ``None`` for a fixed design.
        stats: the statistics of each check's measure over the specimen's genuine
            exemplars, per light (see :meth:`stat`).
    """

    id: str
    rect_mm: RectMM
    role: str | None = None
    label: str = ""
    checks: tuple[ZoneCheck, ...] = ()
    face: str = "front"
    varies: str | None = None
    stats: tuple[MeasureStat, ...] = ()

    def rect_px(self, dpi: float) -> tuple[int, int, int, int]:
        """``(x, y, width, height)`` in whole pixels at ``dpi``."""
        x, y, w, h = (round(mm_to_px(v, dpi)) for v in self.rect_mm)
        return x, y, w, h

    @property
    def varies_by_holder(self) -> bool:
        """Whether the zone shows the holder's own content."""
        return self.varies == "holder"

    def stat(self, light: Light, measure: str) -> Stat | None:
        """The learned statistics of ``measure`` under ``light``, or ``None``."""
        for ms in self.stats:
            if ms.light == light and ms.measure == measure:
                return ms.stat
        return None


@dataclass(frozen=True)
class SpecimenStatistics:
    """What a specimen learned from genuine exemplars (formats.md §3 ``statistics``).

    Attributes:
        exemplars: how many genuine captures contributed.
        sources: SHA-256 (hex) of each contributing capture's white image, so the
            same capture is never counted twice.
        page: page-level measures (e.g. registration quality), per light.
        updated_at: when the statistics last changed (ISO 8601), if known.
    """

    exemplars: int = 0
    sources: tuple[str, ...] = ()
    page: tuple[MeasureStat, ...] = ()
    updated_at: str | None = None

    def stat(self, light: Light, measure: str) -> Stat | None:
        """The page-level statistics of ``measure`` under ``light``, or ``None``."""
        for ms in self.page:
            if ms.light == light and ms.measure == measure:
                return ms.stat
        return None


ImageLoader = Callable[[Light], Image]


@dataclass
class Specimen:
    """A reference specimen (formats.md §3): metadata, zones, and images per light.

    Images are loaded lazily through ``loader`` and cached, so listing a library
    does not decode its images. Every image has the size ``size_mm`` at ``dpi``.
    """

    id: str
    title: str
    issuing_state: str
    document_code: str
    mrz_format: str | None
    series: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    size_mm: tuple[float, float]
    dpi: float
    image_lights: tuple[Light, ...]
    zones: tuple[Zone, ...]
    loader: ImageLoader | None = field(default=None, repr=False, compare=False)
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    statistics: SpecimenStatistics = field(default_factory=SpecimenStatistics)
    _cache: dict[Light, Image] = field(default_factory=dict, repr=False, compare=False)

    def image(self, light: Light) -> Image:
        """The specimen's image under ``light`` (``KeyError`` if it has none)."""
        if light not in self.image_lights:
            raise KeyError(f"specimen {self.id} has no {light} image")
        if light not in self._cache:
            if self.loader is None:
                raise KeyError(f"specimen {self.id} has no image loader")
            self._cache[light] = self.loader(light)
        return self._cache[light]

    def images(self) -> Iterator[tuple[Light, Image]]:
        """Every ``(light, image)`` pair, loading as needed."""
        for light in self.image_lights:
            yield light, self.image(light)

    @property
    def size_px(self) -> tuple[int, int]:
        """``(height, width)`` of the images in pixels."""
        w_mm, h_mm = self.size_mm
        return round(mm_to_px(h_mm, self.dpi)), round(mm_to_px(w_mm, self.dpi))

    def zone(self, zone_id: str) -> Zone:
        """The zone with ``zone_id`` (``KeyError`` otherwise)."""
        for z in self.zones:
            if z.id == zone_id:
                return z
        raise KeyError(zone_id)

    def zones_with_role(self, role: str) -> list[Zone]:
        """Zones whose role is ``role``."""
        return [z for z in self.zones if z.role == role]

    def ghost_of(self, zone: Zone) -> Zone | None:
        """The ghost image (role ``ghost``) on the face of ``zone`` when ``zone`` is a
        portrait, else ``None``."""
        if zone.role != "portrait":
            return None
        return next((z for z in self.zones if z.role == "ghost" and z.face == zone.face), None)


class CheckStatus(StrEnum):
    """Outcome of one check (formats.md §4)."""

    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Evidence:
    """One picture behind a check result: a zone crop under a light.

    ``source`` is ``"capture"`` (the questioned document, registered onto the
    specimen), ``"specimen"`` or ``"derived"`` (e.g. a difference map).
    """

    label: str
    image: Image
    light: Light | None = None
    source: str = "capture"


@dataclass(frozen=True)
class CheckResult:
    """The result of one automated check, with the reason and the evidence.

    ``title`` is what the check looks at in plain words (the registry's title),
    shown to people instead of the ``id``; it is not part of the JSON. ``text`` is the
    message as a template with its parameters (a ``workstation.i18n.Msg``, ``Join``...),
    which the window and the report render in the examiner's language; ``message`` is
    its English text, the JSON's. Results made without a template have ``text`` None.
    """

    id: str
    status: CheckStatus
    code: str
    message: str
    zone: str | None = None
    light: Light | None = None
    score: float | None = None
    threshold: float | None = None
    evidence: Sequence[Evidence] = ()
    details: Mapping[str, Any] = field(default_factory=dict)
    title: str = ""
    text: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "evidence", tuple(self.evidence))

    def to_json(self) -> dict[str, Any]:
        """The JSON object of formats.md §4 (evidence images left out)."""
        out: dict[str, Any] = {
            "id": self.id,
            "zone": self.zone,
            "light": self.light.value if self.light else None,
            "status": self.status.value,
            "code": self.code,
            "score": None if self.score is None else round(float(self.score), 4),
            "threshold": None if self.threshold is None else round(float(self.threshold), 4),
            "message": self.message,
        }
        if self.details:
            out["details"] = dict(self.details)
        return out


class Verdict(StrEnum):
    """Overall outcome of an examination (formats.md §4)."""

    PASS = "pass"
    FAIL = "fail"
    INCONCLUSIVE = "inconclusive"


#: The code of a check that broke while running (it did not run to its end).
CHECK_ERROR = "CHECK_ERROR"


def verdict_of(checks: Sequence[CheckResult], matched_specimen: bool) -> Verdict:
    """``fail`` if any check failed; ``pass`` if every check that ran passed, none broke
    (:data:`CHECK_ERROR`) and a specimen was matched; ``inconclusive`` otherwise."""
    if any(c.status is CheckStatus.FAIL for c in checks):
        return Verdict.FAIL
    if any(c.code == CHECK_ERROR for c in checks):
        return Verdict.INCONCLUSIVE
    ran = [c for c in checks if c.status is not CheckStatus.SKIPPED]
    if matched_specimen and ran and all(c.status is CheckStatus.PASS for c in ran):
        return Verdict.PASS
    return Verdict.INCONCLUSIVE
