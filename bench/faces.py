"""Face comparison on real portraits: where the chip face check's operating points come from.

    python -m bench.faces [--quick]

The real material is ``mrz-images/`` of the shared test data (45 photographs, scans and
screenshots of specimen documents, nobody here drew them; reached through
``$WORKSTATION_TESTDATA``, default ``../shared/testdata``; the bench says so and stops
when it is absent). The printed portrait of each image is cut with
``workstation.imaging.faces.portrait_from_page``; images without a face found are
listed.

Pairs (``compare_faces(a, b)``, ``a`` standing for the chip's photograph):

- **same photograph, two captures** (real genuine): two captures of one printed
  photograph, in two documents or two scans. Which captures show the same printed
  photograph was checked by eye (:data:`PHOTOGRAPHS`): the ICAO 9303 Utopia photograph
  of ANNA MARIA ERIKSSON in six scans of the TD3 passport and the TD2 travel document,
  and the Vicomp PassFactory woman in the Polish passport and visa screenshots (two MRZ
  holders, JOANNA and BEATA KOWALSKA KWIATKOWSKA, one photograph). Two encodings of one
  scan (``passport-td3.jpg``/``.png``) are not two captures (:data:`SAME_SCAN`).
- **chip encoding of the capture** (derived genuine): each portrait against itself
  resized to a DG2's 240 px width and JPEG-compressed at quality 50 (what an issuer
  does to the photograph it writes into the chip). Easier than a real chip/page pair
  (no second print screen): a floor, not a calibration.
- **different persons** (real impostor): portraits of two different photographs
  (every repeated holder of the data shows one photograph or, under one MRZ name, two
  different persons: none shows one person in two photographs, so the data holds no
  same-person-other-photograph pair). Among them **same MRZ name, other person**: the
  TD2 ERIKSSON specimen carries a man's photograph; SPECIMEN VZOR is a man in one
  Czech passport and a woman in the other — the substitution a forger makes.

Calibration and test are split by holder (the MRZ name; a photograph shown under two
names is one holder): ERIKSSON (its photograph and the man under its name) calibrates,
the Vicomp photograph and SPECIMEN VZOR (both persons) test, the others alternate in
sorted order; impostor pairs are formed only within a half. The operating points:

- photo similarity: the lowest calibration genuine score (two captures of one printed
  photograph), rounded down to 0.01. Not half-way to the impostors: a low score is a
  ``warn`` for the examiner, a substitution scored above the point passes unseen, so
  the point sits where real reproductions of one photograph still reach it (when the
  highest calibration impostor reaches it, the point of equal error rates instead);
- identity distance: dlib's published 0.6 is kept when it lies between the highest
  calibration genuine (two captures and chip encodings) and the lowest calibration
  impostor distance, else the half-way point, rounded down to 0.01.

Then the error rates of those points (and of the ones in ``workstation/chip/face.py``)
on the TEST half. Prints tables; no file is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import time
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

#: Printed photographs that appear in more than one capture (checked by eye), by a name
#: of ours; every other capture is its own photograph.
PHOTOGRAPHS: dict[str, tuple[str, ...]] = {
    "ERIKSSON (ICAO Utopia photograph)": (
        "passporteye/100_pass-uto.jpg", "passporteye/100_pass2-uto.jpg",
        "passporteye/25_pass-uto.jpg", "passporteye/tests_data/passport-td3.jpg",
        "passporteye/tests_data/passport-td3.png", "passporteye/tests_data/passport-td2.jpg",
        "passporteye/tests_data/passport-td2.png", "yushulx/images_1.png"),
    "KOWALSKA KWIATKOWSKA (Vicomp photograph)": (
        "passporteye/100_pass-polx.jpg", "passporteye/100_visa-polx.jpg"),
}
#: Photographs of :data:`PHOTOGRAPHS` printed under more than one MRZ name.
SHOWN_UNDER_TWO_NAMES = frozenset({"KOWALSKA KWIATKOWSKA (Vicomp photograph)"})
#: Two encodings of one scan: not two captures.
SAME_SCAN: tuple[frozenset[str], ...] = (
    frozenset({"passporteye/tests_data/passport-td3.jpg",
               "passporteye/tests_data/passport-td3.png"}),
    frozenset({"passporteye/tests_data/passport-td2.jpg",
               "passporteye/tests_data/passport-td2.png"}),
)
#: Holders that calibrate and that test, whatever the alternation: each half holds one
#: photograph in two captures and one MRZ name shown with two persons.
CALIBRATION_HOLDERS = ("ERIKSSON<<ANNA<MARIA",)
TEST_HOLDERS = ("KOWALSKA KWIATKOWSKA (Vicomp photograph)", "SPECIMEN<<VZOR")
#: A DG2 photograph's width (px) and JPEG quality for the derived chip encoding.
CHIP_WIDTH, CHIP_QUALITY = 240, 50


def testdata_dir() -> Path:
    """``$WORKSTATION_TESTDATA`` or ``../shared/testdata`` from the project root."""
    return Path(os.environ.get("WORKSTATION_TESTDATA", ROOT.parent / "shared" / "testdata"))


@dataclass(frozen=True)
class Portrait:
    """One printed portrait cut from a real capture."""

    path: str
    holder: str  # MRZ name + document number
    photograph: str
    image: Any  # uint8 RGB

    @property
    def name(self) -> str:
        """The holder for the split: the MRZ name, or the photograph's name when it is
        shown under more than one."""
        return self.photograph if self.photograph in SHOWN_UNDER_TWO_NAMES else \
            self.holder.split()[0]


def holder_of(lines: list[str]) -> str:
    """MRZ name + document number of a TD1 (3 x 30), TD2 (2 x 36) or TD3 (2 x 44) MRZ."""
    if len(lines) == 3:
        return f"{lines[2].rstrip('<')} {lines[0][5:14].rstrip('<')}"
    return f"{lines[0][5:].rstrip('<')} {lines[1][:9].rstrip('<')}"


def load_portraits(folder: Path) -> tuple[list[Portrait], list[str]]:
    """The portraits found in ``folder`` (``mrz-images``) and the images without one."""
    import cv2

    from workstation.imaging.faces import portrait_from_page

    photo_of = {p: name for name, paths in PHOTOGRAPHS.items() for p in paths}
    truth = json.loads((folder / "groundtruth.json").read_text(encoding="utf-8"))
    found, missed = [], []
    for item in truth["images"]:
        bgr = cv2.imread(str(folder / item["path"]), cv2.IMREAD_COLOR)
        if bgr is None:
            missed.append(f"{item['path']} (unreadable)")
            continue
        cut = portrait_from_page(np.asarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB), np.uint8))
        if cut is None:
            missed.append(item["path"])
            continue
        holder = holder_of(item["mrz_lines"])
        found.append(Portrait(item["path"], holder, photo_of.get(item["path"], holder), cut))
    return found, missed


def split(portraits: list[Portrait]) -> dict[str, str]:
    """Holder (:attr:`Portrait.name`) -> ``calibration`` or ``test``: the named ones
    fixed, the rest alternating in sorted order."""
    fixed = {**dict.fromkeys(CALIBRATION_HOLDERS, "calibration"),
             **dict.fromkeys(TEST_HOLDERS, "test")}
    names = sorted({p.name for p in portraits} - set(fixed))
    return {**fixed, **{n: "test" if i % 2 else "calibration" for i, n in enumerate(names)}}


def chip_encoding(image: Any) -> Any:
    """``image`` as an issuer writes a photograph into DG2: at most :data:`CHIP_WIDTH` px
    wide, JPEG at :data:`CHIP_QUALITY`."""
    import cv2

    if image.shape[1] > CHIP_WIDTH:
        s = CHIP_WIDTH / image.shape[1]
        image = cv2.resize(image, None, fx=s, fy=s, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR),
                            [cv2.IMWRITE_JPEG_QUALITY, CHIP_QUALITY])
    assert ok
    decoded = cv2.imdecode(data, cv2.IMREAD_COLOR)
    assert decoded is not None
    return np.ascontiguousarray(cv2.cvtColor(decoded, cv2.COLOR_BGR2RGB))


@dataclass(frozen=True)
class Pair:
    kind: str  # genuine | derived | impostor
    half: str
    a: str
    b: str
    same_name: bool
    score: float
    distance: float | None


def score_pairs(portraits: list[Portrait], half: dict[str, str],
                limit: int | None) -> list[Pair]:
    """Every pair of the two halves, scored by ``compare_faces``."""
    from workstation.chip.face import compare_faces

    out: list[Pair] = []
    for p in portraits:
        c = compare_faces(chip_encoding(p.image), p.image)
        out.append(Pair("derived", half[p.name], p.path, p.path, True, c.score,
                        c.identity_distance))
    impostors: list[tuple[Portrait, Portrait]] = []
    for a, b in combinations(portraits, 2):
        if half[a.name] != half[b.name]:
            continue
        if a.photograph == b.photograph:
            if frozenset({a.path, b.path}) in SAME_SCAN:
                continue
            c = compare_faces(a.image, b.image)
            out.append(Pair("genuine", half[a.name], a.path, b.path, True, c.score,
                            c.identity_distance))
        else:
            impostors.append((a, b))
    if limit is not None:  # a deterministic sample, the same-name pairs always in
        impostors = [ab for ab in impostors if ab[0].name == ab[1].name] + sorted(
            (ab for ab in impostors if ab[0].name != ab[1].name),
            key=lambda ab: hashlib.sha1(f"{ab[0].path}|{ab[1].path}".encode()).digest())[:limit]
    for a, b in impostors:
        c = compare_faces(a.image, b.image)
        same_name = a.name == b.name
        out.append(Pair("impostor", half[a.name], a.path, b.path, same_name, c.score,
                        c.identity_distance))
    return out


def photo_point(genuine: list[float], impostor: list[float]) -> tuple[float, str]:
    """The photo-similarity operating point from calibration scores (see the module)."""
    lo, hi = min(genuine), max(impostor)
    point = float(np.floor(lo * 100) / 100)
    if point > hi:
        return point, (f"lowest genuine {lo:.4f} rounded down; highest impostor {hi:.4f} "
                       f"({point - hi:.2f} below)")
    return _equal_error(genuine, impostor, higher_is_genuine=True)


def identity_point(genuine: list[float], impostor: list[float]) -> tuple[float, str]:
    """The identity-distance operating point from calibration distances (see the module)."""
    hi, lo = max(genuine), min(impostor)
    if hi < 0.6 <= lo:
        return 0.6, f"dlib's 0.6 confirmed: genuine max {hi:.4f} < 0.6 <= impostor min {lo:.4f}"
    if hi < lo:
        return float(np.floor((hi + lo) / 2 * 100) / 100), \
            f"dlib's 0.6 misplaced: genuine max {hi:.4f}, impostor min {lo:.4f}, half-way"
    return _equal_error(genuine, impostor, higher_is_genuine=False)


def _equal_error(genuine: list[float], impostor: list[float], *,
                 higher_is_genuine: bool) -> tuple[float, str]:
    best: tuple[float, float] = (2.0, 0.0)
    for t in sorted(set(genuine) | set(impostor)):
        if higher_is_genuine:
            frr = np.mean([g < t for g in genuine])
            far = np.mean([i >= t for i in impostor])
        else:
            frr = np.mean([g >= t for g in genuine])
            far = np.mean([i < t for i in impostor])
        gap = abs(float(frr) - float(far))
        if gap < best[0]:
            best = (gap, t)
    return round(best[1], 4), "overlap: point of equal error rates on calibration"


def _dist(values: list[float]) -> str:
    if not values:
        return "-"
    return (f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f}")


def _rate(wrong: int, n: int) -> str:
    return f"{wrong}/{n} ({100 * wrong / n:.0f} %)" if n else "-"


def table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for k, r in enumerate(rows):
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if k == 0:
            print(" | ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.faces", description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="at most 60 impostor pairs")
    args = p.parse_args(argv)
    folder = testdata_dir() / "mrz-images"
    if not (folder / "groundtruth.json").is_file():
        print(f"real portraits not found at {folder} (set WORKSTATION_TESTDATA): skipped")
        return 0
    from workstation.chip.face import FACE_THRESHOLD, IDENTITY_THRESHOLD

    t0 = time.perf_counter()
    portraits, missed = load_portraits(folder)
    half = split(portraits)
    pairs = score_pairs(portraits, half, 60 if args.quick else None)
    seconds = time.perf_counter() - t0
    print(f"{len(portraits)} portraits cut from {len(portraits) + len(missed)} images "
          f"({len({q.photograph for q in portraits})} photographs); no face found in "
          f"{len(missed)}: {', '.join(Path(m).name for m in missed)}")
    print("calibration holders: " + "; ".join(
        sorted(n for n, h in half.items() if h == "calibration")))
    print(f"test holders: {'; '.join(sorted(n for n, h in half.items() if h == 'test'))}")
    print()
    groups = [("same photograph, two captures", lambda q: q.kind == "genuine"),
              ("chip encoding of the capture", lambda q: q.kind == "derived"),
              ("different persons", lambda q: q.kind == "impostor"),
              ("  of them same MRZ name", lambda q: q.kind == "impostor" and q.same_name)]
    rows: list[tuple[str, ...]] = [("pairs", "half", "n", "photo similarity min/med/max",
                                    "identity distance min/med/max", "no face pair")]
    for name, sel in groups:
        for h in ("calibration", "test"):
            got = [q for q in pairs if sel(q) and q.half == h]
            d = [q.distance for q in got if q.distance is not None]
            rows.append((name, h, str(len(got)), _dist([q.score for q in got]), _dist(d),
                         str(len(got) - len(d))))
    table(rows)
    print()
    cal_g = [q for q in pairs if q.kind == "genuine" and q.half == "calibration"]
    cal_i = [q for q in pairs if q.kind == "impostor" and q.half == "calibration"]
    photo, why_photo = photo_point([q.score for q in cal_g], [q.score for q in cal_i])
    ident, why_ident = identity_point(
        [q.distance for q in pairs if q.kind in ("genuine", "derived")
         and q.half == "calibration" and q.distance is not None],
        [q.distance for q in cal_i if q.distance is not None])
    print(f"photo similarity operating point from calibration: {photo:.2f} ({why_photo}); "
          f"workstation/chip/face.py FACE_THRESHOLD = {FACE_THRESHOLD}")
    print(f"identity distance operating point from calibration: {ident:.2f} ({why_ident}); "
          f"workstation/chip/face.py IDENTITY_THRESHOLD = {IDENTITY_THRESHOLD}")
    print()
    rows = [("TEST half: errors at", "genuine rejected (two captures)",
             "derived rejected (chip encoding)", "impostors accepted", "same-name accepted")]
    test = [q for q in pairs if q.half == "test"]

    def errors(label: str, wrong: Any, decided: Any = lambda q: True) -> tuple[str, ...]:
        cells = [label]
        for sel in (lambda q: q.kind == "genuine", lambda q: q.kind == "derived",
                    lambda q: q.kind == "impostor",
                    lambda q: q.kind == "impostor" and q.same_name):
            got = [q for q in test if sel(q) and decided(q)]
            cells.append(_rate(sum(bool(wrong(q)) for q in got), len(got)))
        return tuple(cells)

    def photo_wrong(t: float) -> Any:
        return lambda q: (q.score < t) if q.kind != "impostor" else (q.score >= t)

    def ident_wrong(t: float) -> Any:
        return lambda q: (q.distance >= t) if q.kind != "impostor" else (q.distance < t)

    def has_faces(q: Pair) -> bool:  # no distance without a face in both images
        return q.distance is not None

    rows.append(errors(f"photo similarity >= {photo:.2f} (derived)", photo_wrong(photo)))
    if photo != FACE_THRESHOLD:
        rows.append(errors(f"photo similarity >= {FACE_THRESHOLD} (face.py)",
                           photo_wrong(FACE_THRESHOLD)))
    rows.append(errors(f"identity distance < {ident:.2f} (derived)", ident_wrong(ident),
                       has_faces))
    if ident != IDENTITY_THRESHOLD:
        rows.append(errors(f"identity distance < {IDENTITY_THRESHOLD} (face.py)",
                           ident_wrong(IDENTITY_THRESHOLD), has_faces))
    if IDENTITY_THRESHOLD != 0.6 and ident != 0.6:
        rows.append(errors("identity distance < 0.6 (dlib's published point)",
                           ident_wrong(0.6), has_faces))
    rows.append(errors(f"both: photo >= {FACE_THRESHOLD} and identity < "
                       f"{IDENTITY_THRESHOLD} (face.py)", lambda q: (
                           q.score < FACE_THRESHOLD or (
                               q.distance is not None and q.distance >= IDENTITY_THRESHOLD))
                       != (q.kind == "impostor")))
    table(rows)
    print("(identity rows count only the pairs with a face found in both images; the "
          "decision of face.py falls back on the photo score alone without one)")
    print()
    for kind, key, worst in (("genuine", "score", min), ("impostor", "score", max),
                             ("genuine", "distance", max), ("derived", "distance", max),
                             ("impostor", "distance", min)):
        got = [q for q in pairs if q.kind == kind and getattr(q, key) is not None]
        q = worst(got, key=lambda q: getattr(q, key))
        print(f"{'lowest' if worst is min else 'highest'} {kind} {key} ({q.half}): "
              f"{getattr(q, key):.4f} {Path(q.a).name} / {Path(q.b).name}")
    print(f"\n{len(pairs)} pairs in {seconds:.0f} s ({1000 * seconds / len(pairs):.0f} ms a "
          "pair, cutting included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
