"""Aligning a straightened capture of a page onto a reference image of the same page.

Pure functions on numpy arrays. Both images show the whole page cropped to its
edges (the capture after :func:`workstation.imaging.document.normalize`, the
reference a specimen image), so the starting guess is a plain scaling. The
alignment is then found in two steps at a reduced scale (longest side
:data:`WORK_SIDE_PX`), on high-passed grey images so uneven light does not
matter:

1. feature matching: ORB key points, ratio-tested matches, a RANSAC homography,
   accepted only when it has enough inliers and stays near the starting guess;
2. refinement: OpenCV's ECC (enhanced correlation coefficient) maximisation of an
   affine fit, on the page's fixed design alone when the reference names where the
   holder's content lies (:func:`prepare_reference`'s ``ignore``): another holder's
   portrait, name and signature have nothing to align with, yet are the strongest
   structure of a card's face and can draw the fit a millimetre and more off the
   design across the page.

The quality score is the normalised cross-correlation of the two high-passed
images after alignment (1 = identical structure, 0 = none in common). A
registration that finds no fit returns a falsy :class:`Registration` with a
reason, never an exception.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image

#: Longest side (px) of the reduced images the alignment is computed on.
WORK_SIDE_PX = 560
#: The band-pass for alignment and quality drops detail finer than the longest side
#: over this (about 0.6 mm on a passport page): fine background patterns vary with
#: print registration and forgeries, the layout does not.
DETAIL_DIVISOR = 200.0
#: Longest side (px) of the pair the ECC refinement runs on.
ECC_SIDE_PX = 320
#: Iterations of the ECC refinement.
ECC_ITERATIONS = 30
#: Fewest RANSAC inliers for the feature-matching step to count.
MIN_INLIERS = 16
#: A feature homography moving any page corner farther than this fraction of the
#: page diagonal from the starting guess is rejected as implausible.
MAX_CORNER_SHIFT = 0.08
#: A starting guess aligning at least this well is refined directly (no features).
GOOD_START_QUALITY = 0.5
#: The quality is judged on the page's shown pixels alone (``register(seen=...)``) when at
#: least this share of the reduced page is shown; below it, on the whole page (a capture
#: that shows too little of the page must not register on a corner of it).
MIN_SHOWN_SHARE = 0.6
#: Below this quality a registration is reported as failed.
MIN_QUALITY = 0.15

Matrix = npt.NDArray[np.float64]


@dataclass
class Registration:
    """The result of registering a capture onto a reference.

    Attributes:
        homography: ``3 x 3``: moving-image px ``(x, y, 1)`` -> reference px.
        quality: normalised cross-correlation after alignment (0..1).
        ok: whether the alignment is trustworthy (``quality >= min_quality``).
        method: which steps contributed (``"features+ecc"``, ``"initial+ecc"``...).
        inliers: RANSAC inliers of the feature step (0 when it was not used).
        reason: why it failed (empty when ``ok``).
    """

    homography: Matrix
    quality: float
    ok: bool
    method: str = ""
    inliers: int = 0
    reason: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return self.ok


def _grey(image: Image) -> Image:
    if image.ndim == 2:
        return image
    return np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))


def _scale_matrix(s: float) -> Matrix:
    return np.array([[s, 0, 0], [0, s, 0], [0, 0, 1]], dtype=np.float64)


def highpass(grey: Image, *, sigma_px: float, detail_px: float = 0.0
             ) -> npt.NDArray[np.float32]:
    """Band-pass: grey blurred by ``detail_px`` (drops fine patterns such as a
    guilloche background) minus its blur of ``sigma_px``, divided by the local
    contrast (a float32 image of zero mean and unit local spread)."""
    g = grey.astype(np.float32)
    if detail_px > 0:
        g = np.asarray(cv2.GaussianBlur(g, (0, 0), detail_px), dtype=np.float32)
    low = cv2.GaussianBlur(g, (0, 0), sigma_px)
    hp = np.asarray(g - low, dtype=np.float32)
    spread = np.sqrt(np.asarray(cv2.GaussianBlur(hp * hp, (0, 0), sigma_px * 2))) + 4.0
    return np.ascontiguousarray(hp / spread, dtype=np.float32)


@dataclass
class Reference:
    """A reference image prepared once for many registrations (cached by callers).

    Build with :func:`prepare_reference`.
    """

    size: tuple[int, int]
    scale: float
    hp: npt.NDArray[np.float32]
    small: Image
    keypoints: tuple[cv2.KeyPoint, ...]
    descriptors: npt.NDArray[np.uint8] | None
    #: ``(h, w)`` bool at the reduced scale: the holder's content (left out of the
    #: refinement), ``None``: nothing left out.
    ignore: npt.NDArray[np.bool_] | None = None


_ORB: Any = None


def _orb() -> Any:
    global _ORB
    if _ORB is None:
        create = getattr(cv2, "ORB_create")  # noqa: B009 (absent from the typing of cv2)
        _ORB = create(nfeatures=1500, scaleFactor=1.25, nlevels=6, edgeThreshold=15,
                      patchSize=15, fastThreshold=10)
    return _ORB


def _blur_px(shape: tuple[int, ...]) -> float:
    """The band-pass's coarse blur (px) on a reduced page of ``shape`` ``(h, w)``: how far
    a structure reaches into the band-passed image."""
    return max(2.0, max(shape[:2]) / 40.0)


def _fill_unseen(grey: Image, seen: npt.NDArray[np.bool_]) -> Image:
    """``grey`` (``(h, w)`` ``uint8``) with the pixels ``seen`` is False on (a page's part
    beyond the image, black) filled with the smooth continuation of the shown pixels
    around them (a normalised blur, :func:`_blur_px` wide): the band-pass then finds no
    edge where the image ends, whose response would reach into the shown design and
    pull the alignment across the cut."""
    g = grey.astype(np.float32)
    m = seen.astype(np.float32)
    sigma = _blur_px(grey.shape[:2])
    num = cv2.GaussianBlur(g * m, (0, 0), sigma)
    den = cv2.GaussianBlur(m, (0, 0), sigma)
    far = den < 1e-3  # beyond the blur's reach: the shown pixels' mean
    fill = np.where(far, float(g[seen].mean()) if seen.any() else 0.0,
                    num / np.maximum(den, 1e-3))
    return np.asarray(np.where(seen, g, fill).clip(0, 255), dtype=np.uint8)


def _prepare_small(image: Image, scale: float) -> tuple[Image, npt.NDArray[np.float32]]:
    grey = _grey(image)
    h, w = grey.shape
    size = (max(8, round(w * scale)), max(8, round(h * scale)))
    small: Image = np.ascontiguousarray(
        cv2.resize(grey, size, interpolation=cv2.INTER_AREA) if scale != 1.0 else grey,
        dtype=np.uint8)
    hp = highpass(small, sigma_px=_blur_px(small.shape[:2]),
                  detail_px=max(1.0, max(small.shape) / DETAIL_DIVISOR))
    return small, hp


#: The refinement leaves out the holder's content at most over this share of the page
#: (beyond it too little of the design would be left to align on: all is used).
MAX_IGNORED_SHARE = 0.6
#: ... and only when, with what the capture does not show, at least this share of the
#: page is left to align on.
MIN_DESIGN_LEFT = 0.25


def prepare_reference(reference: Image, *, work_side_px: int = WORK_SIDE_PX,
                      ignore: Sequence[tuple[float, float, float, float]] = ()) -> Reference:
    """Reduce ``reference`` (RGB or grey ``uint8``) and find its key points once.
    ``ignore``: rectangles ``(x, y, w, h)`` in ``reference`` px holding the holder's
    content (portrait, personal data, signature), left out of the refinement together
    with the band-pass's reach around them (its blur, :func:`highpass`): their content
    differs on every document. Not left out when they cover more than
    :data:`MAX_IGNORED_SHARE` of the page.

    Raises:
        ValueError: not a ``uint8`` image of at least 32 x 32 px.
    """
    if reference.dtype != np.uint8 or reference.ndim not in (2, 3) or min(reference.shape[:2]) < 32:
        raise ValueError("expected a uint8 (H, W[, 3]) reference of at least 32 x 32 px")
    h, w = reference.shape[:2]
    scale = min(1.0, work_side_px / max(h, w))
    small, hp = _prepare_small(reference, scale)
    kps, desc = _orb().detectAndCompute(small, None)
    return Reference(size=(h, w), scale=scale, hp=hp, small=small, keypoints=tuple(kps),
                     descriptors=None if desc is None else np.asarray(desc, dtype=np.uint8),
                     ignore=_ignored(small.shape[:2], scale, ignore))


def _ignored(shape: tuple[int, int], scale: float,
             rects: Sequence[tuple[float, float, float, float]]
             ) -> npt.NDArray[np.bool_] | None:
    """``shape`` bool: ``rects`` (full-scale px) at ``scale``, grown by the band-pass's
    blur (:func:`highpass`'s ``sigma_px``: the holder's structure reaches that far into
    the band-passed image); ``None`` without rectangles or when they cover more than
    :data:`MAX_IGNORED_SHARE` of the page."""
    if not rects:
        return None
    mask = np.zeros(shape, bool)
    grow = _blur_px(shape)
    for x, y, w, h in rects:
        c0, r0 = max(0, math.floor(x * scale - grow)), max(0, math.floor(y * scale - grow))
        c1 = min(shape[1], math.ceil((x + w) * scale + grow))
        r1 = min(shape[0], math.ceil((y + h) * scale + grow))
        if c1 > c0 and r1 > r0:
            mask[r0:r1, c0:c1] = True
    if not mask.any() or float(mask.mean()) > MAX_IGNORED_SHARE:
        return None
    return mask


def _corner_shift(mat_a: Matrix, mat_b: Matrix, size_wh: tuple[int, int]) -> float:
    w, h = size_wh
    pts = np.array([[[0, 0], [w, 0], [w, h], [0, h]]], dtype=np.float64)
    a = cv2.perspectiveTransform(pts, mat_a)[0]
    b = cv2.perspectiveTransform(pts, mat_b)[0]
    return float(np.max(np.linalg.norm(a - b, axis=1)) / np.hypot(w, h))


def _ncc(a: npt.NDArray[np.float32], b: npt.NDArray[np.float32],
         valid: npt.NDArray[np.bool_]) -> float:
    if valid.sum() < 100:
        return 0.0
    x = a[valid].astype(np.float64)
    y = b[valid].astype(np.float64)
    x -= x.mean()
    y -= y.mean()
    den = np.sqrt((x * x).sum() * (y * y).sum())
    return float((x * y).sum() / den) if den > 0 else 0.0


def _quality(m_hp: npt.NDArray[np.float32], m_small: Image, ref_hp: npt.NDArray[np.float32],
             mat: Matrix, shown: npt.NDArray[np.uint8] | None = None,
             leave_out: npt.NDArray[np.bool_] | None = None) -> float:
    """NCC of the band-passed images with ``m_hp`` warped by ``mat`` (page margins left
    out, and with ``shown`` (``m_small``'s shape, 1 where the capture shows the page,
    the band-pass's reach into the rest already taken off) the pixels it does not
    show: a page partly beyond the image is judged on what is there; ``leave_out``,
    reference frame, bool: pixels not judged, e.g. the holder's zones)."""
    sh, sw = ref_hp.shape
    aligned = np.asarray(cv2.warpPerspective(m_hp, mat, (sw, sh), flags=cv2.INTER_LINEAR,
                                             borderMode=cv2.BORDER_CONSTANT, borderValue=0),
                         dtype=np.float32)
    valid = cv2.warpPerspective(np.ones_like(m_small) if shown is None else shown, mat,
                                (sw, sh), flags=cv2.INTER_NEAREST) > 0
    if leave_out is not None:
        valid &= ~leave_out
    margin = max(2, round(0.02 * max(sh, sw)))
    valid[:margin] = False
    valid[-margin:] = False
    valid[:, :margin] = False
    valid[:, -margin:] = False
    return max(0.0, _ncc(aligned, ref_hp, valid))


def _ecc(ref_hp: npt.NDArray[np.float32], mov_hp: npt.NDArray[np.float32],
         holder: npt.NDArray[np.bool_], current: Matrix,
         unseen: npt.NDArray[np.bool_] | None = None) -> Matrix | None:
    """The ECC affine refinement of ``current`` (reduced moving px -> reduced reference
    px, ``(3, 3)``) on the band-passed pair, run on a further reduced copy (speed) and
    brought back. Left out of both images (the moving image's where ``current`` puts
    it), in the reference frame (bool): ``unseen``, what the capture does not show,
    always (no design is there to align on); ``holder``, the holder's content (another
    holder's portrait must not draw the fit; at most :data:`MAX_IGNORED_SHARE` of the
    page, :func:`_ignored`), too, when it leaves with the unseen at least
    :data:`MIN_DESIGN_LEFT` of the page (else too little of the design would be left to
    align on). ``None`` when ECC does not converge or moves the page too far."""
    sh, sw = ref_hp.shape
    e = min(1.0, ECC_SIDE_PX / max(sh, sw))
    es = _scale_matrix(e)
    size_e = (max(8, round(sw * e)), max(8, round(sh * e)))
    out_ref = holder if unseen is None else holder | unseen
    if unseen is not None and 1.0 - float(out_ref.mean()) < MIN_DESIGN_LEFT:
        out_ref = unseen
    if out_ref.any():
        ref_hp = np.where(out_ref, np.float32(0), ref_hp)
        out_mov = cv2.warpPerspective(out_ref.astype(np.uint8), np.linalg.inv(current),
                                      (sw, sh), flags=cv2.INTER_NEAREST) > 0
        mov_hp = np.where(out_mov, np.float32(0), mov_hp)
    ref_e = cv2.resize(ref_hp, size_e, interpolation=cv2.INTER_AREA)
    mov_e = cv2.resize(mov_hp, size_e, interpolation=cv2.INTER_AREA)
    start = es @ current @ np.linalg.inv(es)
    inv = np.linalg.inv(start / start[2, 2])
    warp = np.asarray(inv[:2] / inv[2, 2], dtype=np.float32)
    try:
        _, warp = cv2.findTransformECC(  # type: ignore[call-overload]
            ref_e, mov_e, warp, cv2.MOTION_AFFINE,
            (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, ECC_ITERATIONS, 1e-4), None, 3,
        )
    except cv2.error:
        return None
    full_warp = np.vstack([np.asarray(warp, dtype=np.float64), [0.0, 0.0, 1.0]])
    refined = np.linalg.inv(es) @ np.linalg.inv(full_warp) @ es
    if _corner_shift(refined, np.eye(3), (sw, sh)) >= 2 * MAX_CORNER_SHIFT:
        return None
    return np.asarray(refined / refined[2, 2], dtype=np.float64)


def register(moving: Image, reference: Image | Reference, *,
             min_quality: float = MIN_QUALITY, use_features: bool = True,
             refine: bool = True, seen: npt.NDArray[np.bool_] | None = None) -> Registration:
    """Register ``moving`` (a straightened page) onto ``reference`` (the same page type).

    Args:
        moving: ``uint8`` RGB or grey page image, cropped to the page's edges.
        reference: the reference image, or a :class:`Reference` prepared from it.
        min_quality: below this alignment quality the result is falsy.
        use_features: try feature matching before refinement.
        refine: run the ECC refinement.
        seen: ``(H, W)`` bool over ``moving``: the pixels the capture shows (a page
            partly beyond the image is straightened with nothing there); the
            refinement aligns those only (default: all).

    Returns:
        A :class:`Registration` whose homography maps ``moving`` px to reference px.

    Raises:
        ValueError: ``moving`` is not a ``uint8`` image of at least 32 x 32 px.
    """
    if moving.dtype != np.uint8 or moving.ndim not in (2, 3) or min(moving.shape[:2]) < 32:
        raise ValueError("expected a uint8 (H, W[, 3]) moving image of at least 32 x 32 px")
    ref = reference if isinstance(reference, Reference) else prepare_reference(reference)
    rh, rw = ref.size
    mh, mw = moving.shape[:2]
    # Bring the moving page to the reference's reduced size: the starting guess.
    sh, sw = ref.small.shape
    m_small: Image = np.asarray(cv2.resize(_grey(moving), (sw, sh),
                                           interpolation=cv2.INTER_AREA), dtype=np.uint8)
    seen_small: npt.NDArray[np.bool_] | None = None  # what the capture shows, reduced
    if seen is not None and seen.shape == (mh, mw) and not seen.all():
        seen_small = cv2.resize(seen.astype(np.uint8), (sw, sh),
                                interpolation=cv2.INTER_NEAREST) > 0
    m_hp = highpass(m_small if seen_small is None else _fill_unseen(m_small, seen_small),
                    sigma_px=_blur_px((sh, sw)),
                    detail_px=max(1.0, max(sh, sw) / DETAIL_DIVISOR))
    # Full-res moving -> small moving: per-axis scaling.
    to_small = np.array([[sw / mw, 0, 0], [0, sh / mh, 0], [0, 0, 1]], dtype=np.float64)
    from_small_ref = _scale_matrix(1.0 / ref.scale)
    current = np.eye(3, dtype=np.float64)
    method = "initial"
    inliers = 0
    # What the capture does not show, on the reduced page, grown by the band-pass's
    # reach into it (the page's cut edge is no design): left out of the refinement and
    # of the quality.
    grow = 2 * round(_blur_px((sh, sw))) + 1
    unseen: npt.NDArray[np.uint8] | None = None
    shown: npt.NDArray[np.uint8] | None = None
    if seen_small is not None:
        unseen = np.asarray(cv2.dilate((~seen_small).astype(np.uint8),
                                       np.ones((grow, grow), np.uint8)), dtype=np.uint8)
        shown = (unseen == 0).astype(np.uint8)
        if float(shown.mean()) < MIN_SHOWN_SHARE:
            shown = None  # too little shown to judge on it alone: the whole page
    # A well cropped page already aligns: feature matching only when it does not.
    start_quality = _quality(m_hp, m_small, ref.hp, current, shown)
    if (use_features and start_quality < GOOD_START_QUALITY and ref.descriptors is not None
            and len(ref.keypoints) >= MIN_INLIERS):
        kps, desc = _orb().detectAndCompute(m_small, None)
        if desc is not None and len(kps) >= MIN_INLIERS:
            matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
            pairs = matcher.knnMatch(desc, ref.descriptors, k=2)
            good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < 0.8 * p[1].distance]
            if len(good) >= MIN_INLIERS:
                src = np.array([kps[g.queryIdx].pt for g in good],
                               dtype=np.float32).reshape(-1, 1, 2)
                dst = np.array([ref.keypoints[g.trainIdx].pt for g in good],
                               dtype=np.float32).reshape(-1, 1, 2)
                mat, inl = cv2.findHomography(src, dst, cv2.RANSAC, 3.0, maxIters=500,
                                              confidence=0.995)
                n_in = int(inl.sum()) if inl is not None else 0
                if (mat is not None and n_in >= MIN_INLIERS
                        and _corner_shift(np.asarray(mat, dtype=np.float64), current,
                                          (sw, sh)) < MAX_CORNER_SHIFT):
                    feat = np.asarray(mat, dtype=np.float64)
                    # Repetitive patterns can give a confident but wrong fit: keep it
                    # only when it aligns better than the plain starting guess.
                    if _quality(m_hp, m_small, ref.hp, feat, shown) > start_quality:
                        current = feat
                        method = "features"
                        inliers = n_in
    if refine:
        # ECC affine refinement. Left out of both images: the holder's content (another
        # holder's portrait must not draw the fit), and what the capture does not show
        # with the band-pass's reach into it (the page's cut edge is no design).
        holder = ref.ignore if ref.ignore is not None else np.zeros((sh, sw), bool)
        unseen_ref = (None if unseen is None else
                      cv2.warpPerspective(unseen, current, (sw, sh),
                                          flags=cv2.INTER_NEAREST) > 0)
        refined = _ecc(ref.hp, m_hp, holder, current, unseen_ref)
        if refined is not None:
            current = refined
            method += "+ecc"
    # Judged on the fixed design too: the holder's print (a card back's MRZ, names) is
    # personalised in a pass of its own and sits a little elsewhere on every sheet.
    quality = _quality(m_hp, m_small, ref.hp, current, shown, leave_out=ref.ignore)
    full = from_small_ref @ current @ to_small
    full /= full[2, 2]
    ok = quality >= min_quality
    reason = "" if ok else (f"the capture does not align with the reference "
                            f"(quality {quality:.2f} < {min_quality:.2f})")
    return Registration(homography=full, quality=quality, ok=ok, method=method,
                        inliers=inliers, reason=reason,
                        extra={"reference_height": float(rh), "reference_width": float(rw)})
