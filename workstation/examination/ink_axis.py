"""``ink_axis`` (formats.md §3, ``white.match``): the angle between a zone's print colour
axis and the specimen's, in linear RGB over the paper's local level — a scan-and-reprint
in process toners does not lie on a spot ink's axis; focus and exposure do not move it.
Crops as in :mod:`workstation.examination.zone_measures` (registered colour ``uint8``
``(H, W, 3)`` at ``px_per_mm``)."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination.measures import Measures, check_pair, linear
from workstation.types import Image

Float = npt.NDArray[np.float32]

#: The print's colour is read at this scale (mm, Gaussian sigma): finer, a reader's JPEG
#: (chroma kept at half density and quantised) greys the finest lines' colour.
INK_SMOOTH_MM = 0.25
#: ... relative to the paper's local level over this scale (mm): light and per-channel
#: gain cancel in the ratio.
INK_LOCAL_MM = 1.0
#: The least relative print contrast (summed variance of the three channels' ratio to
#: their local level: 0.01 is 10 % rms) a specimen's zone needs for its print to have a
#: colour axis worth comparing.
MIN_INK_VARIANCE = 1e-2
#: An ink of a zone counts when its variance is at least this share of the strongest's;
#: a capture's axis is compared when the variance beyond the specimen's inks is at most
#: this share of its strongest (else it has no single direction to compare).
INK_SHARE = 0.1


def _colour_spread(img: Image, px_per_mm: float
                   ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Eigenvalues (ascending) and eigenvectors of the covariance of ``img``'s linear RGB,
    smoothed over :data:`INK_SMOOTH_MM`, relative to its local level over
    :data:`INK_LOCAL_MM`."""
    lin = linear(img)
    fine = cv2.GaussianBlur(lin, (0, 0), max(0.5, INK_SMOOTH_MM * px_per_mm))
    local = cv2.GaussianBlur(fine, (0, 0), INK_LOCAL_MM * px_per_mm)
    rel = (fine / np.maximum(local, np.float32(1e-4)) - np.float32(1.0)).reshape(-1, 3)
    w, v = np.linalg.eigh(np.cov(rel.astype(np.float64).T))
    return np.maximum(w, 0.0), v


def ink_axis(q: Image, s: Image, *, px_per_mm: float) -> Measures:
    """``ink_axis``: the angle (degrees, 0-90) between the colour axis of the questioned
    zone's print and the specimen's inks (``q``, ``s``: colour crops of one zone,
    ``(H, W, 3)`` ``uint8`` at ``px_per_mm``).

    Each pixel's linear RGB over the paper's local level (:data:`INK_LOCAL_MM`) is, for a
    print in one ink, a point on one line from the paper towards the ink: blur (focus)
    and exposure mix ink and paper linearly and keep the points on that line, and light
    and per-channel gain cancel in the ratio. The principal axis of those points is the
    ink's colour (a zone of two inks: the plane of their axes, the specimen's inks being
    those with at least :data:`INK_SHARE` of the strongest's variance). A scan-and-reprint
    prints the same colours as a mixture of process toners (cyan, magenta, yellow and
    black, grey replaced by black), whose shares vary dot by dot and whose mixture does
    not reach a spot ink's colour: its axis leaves the specimen's by degrees.

    Empty for grey crops, a specimen zone with too little print
    (:data:`MIN_INK_VARIANCE`) or more than two inks, and a capture whose print has no
    dominant axis (variance beyond the specimen's inks above :data:`INK_SHARE`)."""
    check_pair(q, s)
    if q.ndim != 3 or s.ndim != 3:
        return {}
    ws, vs = _colour_spread(s, px_per_mm)
    if float(ws.sum()) < MIN_INK_VARIANCE:
        return {}
    inks = int((ws >= INK_SHARE * ws[-1]).sum())
    if inks > 2:
        return {}
    wq, vq = _colour_spread(q, px_per_mm)
    if wq[-1] <= 0.0 or wq[-1 - inks] > INK_SHARE * wq[-1]:
        return {}
    along = float(np.linalg.norm(vs[:, -inks:].T @ vq[:, -1]))
    return {"ink_axis": float(np.degrees(np.arccos(min(1.0, along))))}
