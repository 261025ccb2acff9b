"""Find MRZ lines in an image: any position, any rotation, mild perspective.

Works on a copy scaled down to at most :data:`LOCATE_MAX_SIDE` pixels:

1. dark marks (black-hat morphology, Otsu) and their connected components;
2. the text direction from the nearest neighbour of each character-sized mark
   (a histogram of directions, modulo 180 degrees);
3. the image turned so text runs horizontally, marks joined into line blobs by
   a horizontal closing sized on the character height;
4. groups of two or three parallel, long, equally wide lines (an MRZ) as
   candidates, each line's corners mapped back to the full image.

Whether a candidate is upside down is decided later by reading it both ways.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image

LOCATE_MAX_SIDE = 1100

#: A group of lines scoring below this is not taken for an MRZ without trying
#: the next mark kernel: on the shared real photographs (also turned and in
#: perspective) an MRZ's group scores 37-65, lines joined to a label or a
#: bracket beside the MRZ (a scanned specimen page) under 20.
MRZ_LIKE_SCORE = 30.0

FloatArray = npt.NDArray[np.float64]


@dataclass
class LineBox:
    """One text line in full-image coordinates.

    ``centre`` (x, y); ``direction`` unit vector along the text (as found,
    possibly reversed); ``length`` and ``height`` in pixels (height is the
    character height).
    """

    centre: tuple[float, float]
    direction: tuple[float, float]
    length: float
    height: float

    def corners(self) -> FloatArray:
        """``(4, 2)`` corners: start-top, end-top, end-bottom, start-bottom."""
        c = np.array(self.centre)
        u = np.array(self.direction)
        v = np.array([-u[1], u[0]])
        hl, hh = self.length / 2, self.height / 2
        return np.array([c - u * hl - v * hh, c + u * hl - v * hh,
                         c + u * hl + v * hh, c - u * hl + v * hh])


@dataclass
class Candidate:
    """Two or three MRZ-like lines, top to bottom in the found direction."""

    lines: list[LineBox]
    score: float

    def corners(self) -> FloatArray:
        first = self.lines[0].corners()
        last = self.lines[-1].corners()
        return np.array([first[0], first[1], last[2], last[3]])


def _grey_small(grey: Image) -> tuple[Image, float]:
    h, w = grey.shape[:2]
    scale = min(1.0, LOCATE_MAX_SIDE / max(h, w))
    if scale < 1.0:
        small = np.asarray(cv2.resize(grey, (max(1, round(w * scale)), max(1, round(h * scale))),
                                      interpolation=cv2.INTER_AREA), dtype=np.uint8)
    else:
        small = grey
    return small, scale


def _dark_marks(small: Image, k: int) -> Image:
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    bh = cv2.morphologyEx(small, cv2.MORPH_BLACKHAT, kernel)
    _t, bw = cv2.threshold(bh, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    if _t < 12:
        _t, bw = cv2.threshold(bh, 12, 255, cv2.THRESH_BINARY)
    return np.asarray(bw, dtype=np.uint8)


def _nearest(
    pts: FloatArray, *, k: int, block: int = 512
) -> tuple[FloatArray, npt.NDArray[np.intp]]:
    """The ``k`` nearest points (self included, first) of every point: distances and indices.

    ``pts`` has shape ``(N, 2)``; both results have shape ``(N, k)``, nearest first.
    Exact, by blocks of rows (memory ``block * N``), so no KD-tree library is needed.
    """
    n = len(pts)
    dists = np.empty((n, k), np.float64)
    idxs = np.empty((n, k), np.intp)
    sq = np.einsum("ij,ij->i", pts, pts)
    for start in range(0, n, block):
        rows = pts[start:start + block]
        d2 = sq[start:start + block, None] + sq[None, :] - 2.0 * rows @ pts.T
        if k < n:
            cand = np.argpartition(d2, k - 1, axis=1)[:, :k]
        else:
            cand = np.tile(np.arange(n), (len(rows), 1))
        exact = np.linalg.norm(pts[cand] - rows[:, None, :], axis=2)
        order = np.argsort(exact, axis=1, kind="stable")
        idxs[start:start + block] = np.take_along_axis(cand, order, axis=1)
        dists[start:start + block] = np.take_along_axis(exact, order, axis=1)
    return dists, idxs


def _text_angle(bw: Image) -> tuple[float | None, float]:
    """Dominant text direction (degrees, 0..180) and the median mark height."""
    n, _labels, stats, cents = cv2.connectedComponentsWithStats(bw, connectivity=8)
    if n <= 2:
        return None, 0.0
    w = stats[1:, cv2.CC_STAT_WIDTH].astype(np.float64)
    h = stats[1:, cv2.CC_STAT_HEIGHT].astype(np.float64)
    area = stats[1:, cv2.CC_STAT_AREA].astype(np.float64)
    size = np.maximum(w, h)
    limit = max(bw.shape) / 12
    keep = (size >= 4) & (size <= limit) & (area >= 8) & (area <= 0.8 * w * h + 1)
    pts = cents[1:][keep]
    sz = size[keep]
    if len(pts) < 20:
        return None, 0.0
    dists, idxs = _nearest(pts, k=min(6, len(pts)))
    nn = np.full(len(pts), -1)
    nd = np.full(len(pts), np.inf)
    for col in range(1, idxs.shape[1]):
        j = idxs[:, col]
        ratio = sz / sz[j]
        good = (ratio >= 0.6) & (ratio <= 1.6) & (dists[:, col] < nd)
        nn[good] = j[good]
        nd[good] = dists[good, col]
    ok = (nn >= 0) & (nd < 1.8 * sz)
    if ok.sum() < 15:
        return None, 0.0
    vec = pts[nn[ok]] - pts[ok]
    ang = np.degrees(np.arctan2(vec[:, 1], vec[:, 0])) % 180.0
    hist, edges = np.histogram(ang, bins=90, range=(0, 180))
    hist = hist + np.roll(hist, 1) + np.roll(hist, -1)
    b = int(np.argmax(hist))
    centre = (edges[b] + edges[b + 1]) / 2
    near = np.abs(((ang - centre + 90) % 180) - 90) < 4
    if near.sum() == 0:
        return None, 0.0
    diff = ((ang[near] - centre + 90) % 180) - 90
    angle = (centre + float(np.median(diff))) % 180.0
    return angle, float(np.median(sz[ok][near]))


def _rotate(img: Image, angle: float) -> tuple[Image, FloatArray]:
    """``img`` turned by ``-angle`` degrees (text at ``angle`` becomes horizontal),
    on a canvas that holds it all, and the 2x3 map from input to output."""
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos + 0.5), int(h * cos + w * sin + 0.5)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    out = cv2.warpAffine(img, m, (nw, nh), flags=cv2.INTER_NEAREST, borderValue=0)
    return np.asarray(out, dtype=np.uint8), np.asarray(m, dtype=np.float64)


def _line_blobs(bw_rot: Image, char_h: float) -> list[tuple[float, float, float, float, float]]:
    """Line blobs ``(cx, cy, length, height, angle_deg)`` in the turned image."""
    kw = max(3, round(char_h * 2.0))
    # frames, rules and page edges (long straight strokes) would join lines to
    # them: take them out first
    vert = cv2.morphologyEx(bw_rot, cv2.MORPH_OPEN, cv2.getStructuringElement(
        cv2.MORPH_RECT, (1, max(5, round(char_h * 2.5)))))
    horiz = cv2.morphologyEx(bw_rot, cv2.MORPH_OPEN, cv2.getStructuringElement(
        cv2.MORPH_RECT, (max(9, round(char_h * 4)), 1)))
    marks = cv2.bitwise_and(bw_rot, cv2.bitwise_not(cv2.bitwise_or(vert, horiz)))
    closed = cv2.morphologyEx(marks, cv2.MORPH_CLOSE,
                              cv2.getStructuringElement(cv2.MORPH_RECT, (kw, 1)))
    closed = cv2.morphologyEx(closed, cv2.MORPH_OPEN,
                              cv2.getStructuringElement(cv2.MORPH_RECT,
                                                        (max(3, round(char_h * 2)), 1)))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    pieces: list[tuple[float, float, float, float, int]] = []  # x0, x1, cy, height, index
    for k, cnt in enumerate(contours):
        bx, by, bw_, bh = cv2.boundingRect(cnt)
        if bh > 3 * char_h or bw_ < 2 * bh:
            continue
        pieces.append((float(bx), float(bx + bw_), by + bh / 2.0, float(bh), k))
    # join pieces of one line split by a gap (a glare, a fold, a wide space)
    pieces.sort(key=lambda p: p[0])
    merged: list[tuple[list[float], list[int]]] = []
    for x0, x1, cy, h, k in pieces:
        for m, members in merged:
            if abs(m[2] - cy) < 0.45 * max(m[3], h) and x0 - m[1] < 2.5 * max(m[3], h) \
                    and 0.4 < h / m[3] < 2.5:
                wsum = (m[1] - m[0]) + (x1 - x0)
                m[2] = (m[2] * (m[1] - m[0]) + cy * (x1 - x0)) / wsum
                m[3] = max(m[3], h)
                m[1] = max(m[1], x1)
                members.append(k)
                break
        else:
            merged.append(([x0, x1, cy, h], [k]))
    blobs = []
    for _m, members in merged:
        pts = np.concatenate([contours[k].reshape(-1, 2) for k in members])
        (cx, cy), (a, b), ang = cv2.minAreaRect(pts)
        if a < b:
            a, b = b, a
            ang += 90
        ang = ((ang + 90) % 180) - 90
        if a < 14 * max(b, 2) or a < 6 * char_h:
            continue
        if not 0.45 * char_h <= b <= 2.8 * char_h:
            continue
        blobs.append((float(cx), float(cy), float(a), float(b), float(ang)))
    return blobs


def _groups(blobs: list[tuple[float, float, float, float, float]]
            ) -> list[tuple[list[int], float]]:
    order = sorted(range(len(blobs)), key=lambda i: blobs[i][1])
    out: list[tuple[list[int], float]] = []
    for gi, i in enumerate(order):
        for size in (3, 2):
            members = [i]
            for j in order[gi + 1:]:
                if len(members) == size:
                    break
                prev = blobs[members[-1]]
                cand = blobs[j]
                h = max(prev[3], cand[3])
                dy = cand[1] - prev[1]
                if dy < 0.9 * h:
                    continue
                if dy > 3.2 * h:
                    break
                if abs(cand[2] - prev[2]) > 0.3 * max(cand[2], prev[2]):
                    continue
                if abs(cand[0] - prev[0]) > 0.2 * max(cand[2], prev[2]):
                    continue
                members.append(j)
            if len(members) == size:
                lengths = [blobs[k][2] for k in members]
                heights = [blobs[k][3] for k in members]
                score = float(np.mean(lengths) / np.mean(heights)) + 5 * size \
                    - 30 * float(np.std(lengths) / np.mean(lengths)) \
                    - 40 * float(np.std(heights) / np.mean(heights))
                out.append((members, score))
    out.sort(key=lambda t: -t[1])
    return out


def _common_extent(boxes: list[LineBox]) -> None:
    """MRZ lines are equally long and aligned: give every line the union of their
    extents along the text direction (a line cut short by glare gets its end back)."""
    u = np.mean([b.direction for b in boxes], axis=0)
    u = u / max(float(np.hypot(*u)), 1e-9)
    c0 = np.array(boxes[0].centre)
    starts = [float(np.dot(np.array(b.centre) - c0, u)) - b.length / 2 for b in boxes]
    ends = [float(np.dot(np.array(b.centre) - c0, u)) + b.length / 2 for b in boxes]
    lo, hi = min(starts), max(ends)
    for b in boxes:
        c = np.array(b.centre)
        along = float(np.dot(c - c0, u))
        c = c + u * ((lo + hi) / 2 - along)
        b.centre = (float(c[0]), float(c[1]))
        b.length = hi - lo
        b.direction = (float(u[0]), float(u[1]))


def find_candidates(grey: Image, *, max_candidates: int = 6) -> list[Candidate]:
    """MRZ candidates in a grey image, best first (corners in full-image pixels)."""
    if grey.ndim != 2 or grey.size == 0:
        raise ValueError("expected a non-empty grey image")
    small, scale = _grey_small(grey)
    found: list[Candidate] = []
    for k in sorted({max(7, round(max(small.shape) / 45)), 15}):
        bw = _dark_marks(small, k)
        angle, char_h = _text_angle(bw)
        angles = [angle] if angle is not None else [0.0, 90.0]
        if angle is not None and char_h > 0:
            angles.append((angle + 90.0) % 180.0)
        for ang in angles:
            if not char_h:
                char_h = max(6.0, max(small.shape) / 120)
            rot, m = _rotate(bw, ang)
            minv = cv2.invertAffineTransform(m)
            blobs = _line_blobs(rot, char_h)
            for members, score in _groups(blobs)[:max_candidates]:
                boxes = []
                for k2 in members:
                    cx, cy, length, height, bang = blobs[k2]
                    # back to the small image, then to full resolution
                    p = minv @ np.array([cx, cy, 1.0])
                    t = np.radians(ang + bang)
                    u = (float(np.cos(t)), float(np.sin(t)))
                    boxes.append(LineBox(centre=(p[0] / scale, p[1] / scale), direction=u,
                                         length=length / scale, height=height / scale))
                _common_extent(boxes)
                found.append(Candidate(lines=boxes, score=score))
            if found:
                break
        if found and max(c.score for c in found) >= MRZ_LIKE_SCORE:
            break
    # remove duplicates: the same lines found again (another kernel or angle)
    unique: list[Candidate] = []

    def same(a: Candidate, b: Candidate) -> bool:
        return len(a.lines) == len(b.lines) and all(
            np.hypot(la.centre[0] - lb.centre[0], la.centre[1] - lb.centre[1])
            < 0.6 * max(la.height, lb.height) for la, lb in zip(a.lines, b.lines, strict=True))

    for cand in sorted(found, key=lambda c: -c.score):
        if not any(same(cand, u) for u in unique):
            unique.append(cand)
    return unique[:max_candidates]


def extract_strip(grey: Image, line: LineBox, *, char_height_px: float,
                  flip: bool = False, margin: float = 1.5) -> Image:
    """The line as a horizontal grey strip whose characters are ``char_height_px`` high.

    ``flip`` reads the line the other way round (turned by 180 degrees).
    The strip is ``2.3`` character heights tall, with ``margin`` character
    heights of background at both ends.
    """
    u = np.array(line.direction, np.float64)
    if flip:
        u = -u
    v = np.array([-u[1], u[0]])
    s = char_height_px / max(line.height, 1.0)
    out_w = round((line.length + 2 * margin * line.height) * s)
    out_h = round(2.3 * char_height_px)
    c = np.array(line.centre)
    origin = c - u * (line.length / 2 + margin * line.height) - v * (1.15 * line.height)
    offset = np.zeros(2)
    src = grey
    if s < 0.7:
        # shrink the region first (area averaging), then turn it
        ends = [origin, origin + u * out_w / s, origin + v * out_h / s,
                origin + u * out_w / s + v * out_h / s]
        xs = [p[0] for p in ends]
        ys = [p[1] for p in ends]
        x0, x1 = max(0, int(min(xs)) - 2), min(grey.shape[1], int(max(xs)) + 3)
        y0, y1 = max(0, int(min(ys)) - 2), min(grey.shape[0], int(max(ys)) + 3)
        if x1 - x0 >= 2 and y1 - y0 >= 2:
            roi = grey[y0:y1, x0:x1]
            src = np.asarray(cv2.resize(roi, (max(1, round((x1 - x0) * s)),
                                              max(1, round((y1 - y0) * s))),
                                        interpolation=cv2.INTER_AREA), dtype=np.uint8)
            offset = np.array([x0, y0], np.float64)
            origin = (origin - offset) * s
            s_eff = 1.0
        else:
            s_eff = s
    else:
        s_eff = s
    # strip (x, y) -> source: origin + x/s * u + y/s * v
    a = np.array([[u[0] / s_eff, v[0] / s_eff, origin[0]], [u[1] / s_eff, v[1] / s_eff, origin[1]]])
    strip = cv2.warpAffine(src, a, (max(out_w, 8), max(out_h, 4)),
                           flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                           borderMode=cv2.BORDER_REPLICATE)
    return np.ascontiguousarray(strip)
