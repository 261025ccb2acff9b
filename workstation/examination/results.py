"""What one examination produced, stage by stage: typed, frozen results.

:func:`workstation.examination.pipeline.examine` returns an :class:`Examination`
whose stages are these dataclasses (no ``dict[str, Any]`` bag): where the page
lies (:class:`PageResult`), which specimen it was compared with and why
(:class:`Identification`), how the capture was registered onto it
(:class:`RegistrationResult`), what the MRZ reader read (``mrz``, a
:class:`workstation.mrz.MrzResult`) and what OCR read in the printed fields of
the visual zone (:class:`VizReading`). The examiner's findings are not part of
an examination: they live in :class:`workstation.findings.Findings`, stored by
the case database.

Coordinates: *capture px* are pixels of the capture as taken; *page px* of the
straightened, cropped page; *specimen px* of the specimen's own images at its
dpi; *work px* of the registered images at ``work_dpi``. Homographies are
``3 x 3`` ``float64`` arrays mapping ``(x, y, 1)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import numpy.typing as npt

from workstation.types import CaptureSet, CheckResult, Image, Light, Specimen, Verdict

if TYPE_CHECKING:
    from workstation.barcodes.document import DocumentBarcodes
    from workstation.i18n import Msg
    from workstation.mrz.result import MrzResult

Matrix = npt.NDArray[np.float64]
"""A ``3 x 3`` homography, or a ``(4, 2)`` array of corners."""


class SkipReason(NamedTuple):
    """Why the specimen checks could not run: a result code and the message (a
    template with its parameters; ``str()`` of it is the English text)."""

    code: str
    message: Msg


@dataclass(frozen=True)
class PageResult:
    """The page on the platen.

    Attributes:
        found: a page was found (or the whole image was taken as the page).
        reason: why not, or how it was found when that is worth saying.
        corners: ``(4, 2)`` page corners ``(x, y)`` in capture px (TL, TR, BR, BL),
            ``None`` when no page was found.
        homography: capture px -> page px (``None`` when no page was found).
        images: light -> the page straightened and cropped (page px); a mapping
            that warps each light on first access. Empty without a page.
        dpi: density of ``images`` (the capture's dpi, or estimated from the
            specimen's size), ``None`` when unknown.
        whole_image: no page edge stood out and the whole image, holding an MRZ,
            was taken as the page.
    """

    found: bool
    reason: str = ""
    corners: Matrix | None = None
    homography: Matrix | None = None
    images: Mapping[Light, Image] = field(default_factory=dict)
    dpi: float | None = None
    whole_image: bool = False

    @property
    def size_px(self) -> tuple[float, float]:
        """``(width, height)`` of the page in capture px (mean of opposite sides);
        ``(0, 0)`` without a page."""
        if self.corners is None:
            return 0.0, 0.0
        c = np.asarray(self.corners, dtype=np.float64)
        w = (np.linalg.norm(c[1] - c[0]) + np.linalg.norm(c[2] - c[3])) / 2.0
        h = (np.linalg.norm(c[3] - c[0]) + np.linalg.norm(c[2] - c[1])) / 2.0
        return float(w), float(h)


@dataclass(frozen=True)
class Candidate:
    """A specimen that fits the document's MRZ facts and shape, and how well the
    page registered onto it (``quality`` 0..1, ``None`` when not registered)."""

    specimen_id: str
    reasons: tuple[str, ...] = ()
    quality: float | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"id", "reasons", "quality"}``."""
        return {"id": self.specimen_id, "reasons": list(self.reasons),
                "quality": None if self.quality is None else round(self.quality, 4)}


@dataclass(frozen=True)
class Identification:
    """Which specimen the document was compared with.

    Attributes:
        specimen: the matched specimen, ``None`` when none fits.
        candidates: every specimen considered, best registration first.
        by_layout: matched by the page's layout alone (no specimen has the MRZ's
            facts: a misread or altered MRZ), reported as ``MRZ_SPECIMEN_MISMATCH``.
        chosen_by_examiner: the examiner named the specimen (``--specimen``).
        failure: why no specimen matched (``None`` when one did).
        ambiguous: the ids of specimens that fit equally well (look-alikes): none was
            chosen, the examiner chooses (``SPECIMEN_AMBIGUOUS``).
    """

    specimen: Specimen | None
    candidates: tuple[Candidate, ...] = ()
    by_layout: bool = False
    chosen_by_examiner: bool = False
    failure: SkipReason | None = None
    ambiguous: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegistrationResult:
    """The capture registered onto the matched specimen.

    Attributes:
        quality: normalised cross-correlation after alignment (0..1).
        method: which steps aligned it (``"initial+ecc"``, ``"features+ecc"``...).
        homography: capture px -> specimen px at the specimen's dpi.
        page_to_work: page px -> work px.
        work_dpi: density of ``registered`` and ``reference``.
        registered: light -> the capture warped onto the specimen at ``work_dpi``.
        reference: light -> the specimen's image at ``work_dpi``.
        specimen_dpi: the density of the specimen's own images.
    """

    quality: float
    method: str
    homography: Matrix
    page_to_work: Matrix
    work_dpi: float
    registered: Mapping[Light, Image]
    reference: Mapping[Light, Image]
    specimen_dpi: float

    @property
    def capture_to_work(self) -> Matrix:
        """Capture px -> work px (the pixels of ``registered``)."""
        s = self.work_dpi / self.specimen_dpi
        return np.asarray(np.diag([s, s, 1.0]) @ self.homography, dtype=np.float64)


@dataclass(frozen=True)
class VizField:
    """One printed field of the visual inspection zone as OCR read it.

    Attributes:
        name: the field (``surname``, ``document_number``, ``issue_date``...), from
            the zone's role ``field:<name>``.
        zone_id: the specimen zone it was read in.
        text: what was read.
        confidence: the recogniser's mean confidence (0..1).
        crop: the field cut from the page at up to 300 dpi, trimmed to the text
            (``uint8``, for a second reading).
    """

    name: str
    zone_id: str
    text: str
    confidence: float
    crop: Image | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class VizReading:
    """The printed fields of the visual zone, read once per examination.

    Attributes:
        fields: field name -> :class:`VizField` (the first zone of each name).
        issue_date: ``(day, month, year)`` of the date of issue when it was read
            with confidence and parses as a date (the year may have two digits),
            with the text and the zone id it came from; ``None`` otherwise.
        rereads: field name -> its second readings, once a check needed them
            (``checks.mrz.reread``: each field is read again at most once).
    """

    fields: Mapping[str, VizField] = field(default_factory=dict)
    issue_date: tuple[tuple[int, int, int], str, str] | None = None
    rereads: dict[str, list[tuple[str, float]]] = field(default_factory=dict, repr=False,
                                                        compare=False)

    def issue_date_on(self, today: dt.date) -> dt.date | None:
        """The date of issue as a date (two-digit years in the century that puts it
        no later than ``today``'s year); ``None`` when unread or not a date."""
        if self.issue_date is None:
            return None
        (day, month, year), _, _ = self.issue_date
        if year < 100:
            year += 2000 if 2000 + year <= today.year else 1900
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None


@dataclass(frozen=True)
class Examination:
    """One automated examination of a capture.

    ``mrz`` is what the MRZ reader read on the page (``None`` when it did not
    run); ``to_json`` gives the ``workstation examine --json`` object of
    formats.md §4. The stage results say how the verdict came about; cases,
    reports and the window read them, never a bag of string keys.
    """

    capture: CaptureSet
    capture_path: str | None
    specimen_id: str | None
    mrz: MrzResult | None
    checks: Sequence[CheckResult]
    verdict: Verdict
    started_at: dt.datetime | None = None
    duration_ms: float | None = None
    page: PageResult | None = None
    identification: Identification | None = None
    registration: RegistrationResult | None = None
    viz: VizReading | None = None
    timings_ms: Mapping[str, float] = field(default_factory=dict)
    barcodes: DocumentBarcodes | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "checks", tuple(self.checks))

    @property
    def specimen(self) -> Specimen | None:
        """The specimen the document was compared with, if any."""
        return self.identification.specimen if self.identification is not None else None

    def mrz_json(self) -> dict[str, Any] | None:
        """The MRZ as one element of ``workstation mrz --json`` (``None`` when unread)."""
        return self.mrz.to_json() if self.mrz is not None else None

    def to_json(self) -> dict[str, Any]:
        """The object printed by ``workstation examine --json`` (formats.md §4), with
        ``barcodes`` (every face's decoded barcodes) when they were read."""
        out: dict[str, Any] = {
            "capture": self.capture_path,
            "specimen": self.specimen_id,
            "mrz": self.mrz_json(),
            "checks": [c.to_json() for c in self.checks],
            "verdict": self.verdict.value,
        }
        if self.barcodes is not None:
            out["barcodes"] = self.barcodes.to_json()
        return out
