"""MRZ benchmark: exact lines, protected fields, characters, repairs, false MRZ, time.

    python -m bench.mrz [--groundtruth FILE] [--synthetic 150] [--reader 60] [--seed 0]
                        [--viz 60] [--no-transforms] [--peers auto|none] [--failures]

Sets (one table row per set and reader; real sets also per source):

* ``real:verifies`` / ``real:inconsistent`` — the images of a ground-truth file in
  the format of ``../shared/testdata/mrz-images/groundtruth.json`` (the default,
  when present): those whose printed MRZ verifies, and those whose printed MRZ is
  itself inconsistent (for these "reported invalid" is what counts). These are
  the test set: nothing is trained or tuned on them.
* ``real:200px`` / ``real:rotated`` / ``real:perspective`` — the verifying real
  images shrunk so the MRZ is about 200 px wide, turned by an arbitrary angle,
  and seen at an angle (corners moved by up to 12 %);
* ``real:mrz-erased`` — the real images with their MRZ painted over (no MRZ:
  an MRZ reported there is invented);
* ``synthetic`` / ``no-mrz`` — pages generated here: every format, 150-600 dpi,
  any rotation, perspective, blur, noise, JPEG, uneven light, white or IR look,
  and the same pages without an MRZ;
* ``reader:white|uv|ir`` — genuine documents captured by the simulated reader
  at 300 dpi under each light.

Columns: images; found; exact = every line exactly right; fields =
check-digit-protected fields (document number, birth date, expiry date, TD3
personal number) right and verified; chars = per-character accuracy by
position; invalid = reported invalid (the inconsistent set: should be 100 %);
false = an MRZ reported on an image that has none; repairs = characters the
reader changed (field type, check digit, code list); conf = repairs for a check
digit or a code list of a character read with confidence (must be 0); type =
characters read with confidence that the field type decided (O/0 and I/1 in
glyphs under 16 px, ICAO 9303 part 3: a digit where only letters may stand, or
the reverse; never for a check digit); wrong =
repairs that changed a correctly read character (must be 0); median and p95
wall-clock milliseconds per image (image decoded) and the median process CPU
time. Then: the images under a lying file extension (BMP named .jpg...), and
the printed fields of synthetic data pages (``bench/mrz_viz.py``).
PassportEye, RapidOCR and Tesseract rows are added when they are installed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bench.mrz_sets import (
    Sample,
    extension_mismatch,
    mrz_erased,
    perspective,
    reader_sets,
    real_sets,
    rotated,
    shrunk,
    synthetic_sets,
)
from workstation.mrz import parse_mrz, read_mrz
from workstation.mrz.repair import CONFIDENT
from workstation.types import Image

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GT = ROOT.parent / "shared" / "testdata" / "mrz-images" / "groundtruth.json"
MRZ_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
#: Repairs that a check digit or a code list decided (not the field type).
_DECIDED = ("check digit", "known country code", "document code")


@dataclass
class Row:
    set_name: str
    reader: str
    images: int = 0
    found: int = 0
    exact: int = 0
    fields_right: int = 0
    fields_total: int = 0
    chars_right: int = 0
    chars_total: int = 0
    invalid: int = 0
    false_mrz: int = 0
    repairs: int = 0
    confident_repairs: int = 0
    confident_type: int = 0
    wrong_repairs: int = 0
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


@dataclass
class Read:
    found: bool
    lines: list[str]
    valid: bool
    fields: dict[str, str]
    checks: dict[str, bool]
    corrections: list[dict[str, Any]] = field(default_factory=list)
    region: Any = None


def protected(truth: list[str]) -> dict[str, str]:
    res = parse_mrz(truth, repair=False)
    keys = ["document_number", "birth_date", "expiry_date"]
    if res.format == "TD3":
        keys.append("optional_data")
    return {k: res.fields.get(k, "") for k in keys}


def score(row: Row, sample: Sample, got: Read, elapsed: float, cpu: float) -> None:
    row.images += 1
    row.times.append(elapsed * 1000)
    row.cpu.append(cpu * 1000)
    row.found += int(got.found and bool(got.lines))
    for c in got.corrections:
        row.repairs += 1
        decided = any(d in str(c.get("reason", "")) for d in _DECIDED)
        if float(c.get("confidence", 0.0)) >= CONFIDENT:
            if decided:
                row.confident_repairs += 1
            else:
                row.confident_type += 1
        ln, pos = int(c["line"]), int(c["position"])
        if sample.truth and ln < len(sample.truth) and pos < len(sample.truth[ln]):
            want = sample.truth[ln][pos]
            row.wrong_repairs += int(c["from"] == want and c["to"] != want)
    if not sample.truth:
        row.false_mrz += int(got.found and bool(got.lines))
        return
    row.exact += int(got.lines == sample.truth)
    row.invalid += int(not got.valid)
    for i, t in enumerate(sample.truth):
        p = got.lines[i] if i < len(got.lines) else ""
        row.chars_right += sum(a == b for a, b in zip(p, t, strict=False))
        row.chars_total += len(t)
    want = protected(sample.truth)
    for k, v in want.items():
        row.fields_total += 1
        row.fields_right += int(got.fields.get(k) == v and got.checks.get(k, False))


# -- readers ------------------------------------------------------------------------------
def ours(image: Image) -> Read:
    r = read_mrz(image)
    return Read(r.found, r.lines, r.valid, r.fields, r.check_digits, r.corrections, r.region)


def _from_lines(lines: list[str]) -> Read:
    if not lines:
        return Read(False, [], False, {}, {})
    r = parse_mrz(lines, repair=False)
    return Read(True, r.lines, r.valid, r.fields, r.check_digits)


def _pick_mrz_lines(texts: list[str]) -> list[str]:
    cand = ["".join(c for c in t.upper().replace(" ", "") if c in MRZ_ALPHABET) for t in texts]
    cand = [c for c in cand if len(c) >= 25]
    if len(cand) >= 3 and all(28 <= len(c) <= 32 for c in cand[-3:]):
        return cand[-3:]
    return cand[-2:]


def rapidocr_reader() -> Callable[[Image], Read] | None:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except Exception:
        return None
    engine = RapidOCR()

    def run(image: Image) -> Read:
        bgr = image[:, :, ::-1] if image.ndim == 3 else image
        result, _ = engine(np.ascontiguousarray(bgr))
        boxes = sorted(result or [], key=lambda r: float(np.mean([p[1] for p in r[0]])))
        return _from_lines(_pick_mrz_lines([r[1] for r in boxes]))

    return run


def passporteye_reader() -> Callable[[Image], Read] | None:
    try:
        from passporteye import read_mrz as pe_read
    except Exception:
        return None
    import io

    from PIL import Image as PILImage

    def run(image: Image) -> Read:
        buf = io.BytesIO()
        PILImage.fromarray(image).save(buf, format="PNG")
        buf.seek(0)
        m = pe_read(buf)
        if m is None:
            return Read(False, [], False, {}, {})
        return _from_lines(m.aux.get("text", "").split("\n"))

    return run


def tesseract_reader() -> Callable[[Image], Read] | None:
    import shutil

    if shutil.which("tesseract") is None:
        return None
    try:
        import pytesseract
    except Exception:
        return None

    def run(image: Image) -> Read:
        text = pytesseract.image_to_string(image)
        return _from_lines(_pick_mrz_lines(text.splitlines()))

    return run


def run_set(name: str, samples: list[Sample], readers: dict[str, Callable[[Image], Read]],
            rows: list[Row], failures: dict[str, list[str]], *, by_source: bool = False,
            regions: dict[str, Any] | None = None) -> None:
    for rname, fn in readers.items():
        row = Row(name, rname)
        per_source: dict[str, Row] = {}
        for s in samples:
            t0 = time.perf_counter()
            c0 = time.process_time()
            try:
                got = fn(s.image)
            except Exception as exc:  # a peer failing on one image counts as a miss
                print(f"  {rname} failed on {s.name}: {exc}", file=sys.stderr)
                got = Read(False, [], False, {}, {})
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
            score(row, s, got, elapsed, cpu)
            if by_source and s.source:
                src = per_source.setdefault(s.source, Row(f"  {name}[{s.source}]", rname))
                score(src, s, got, elapsed, cpu)
            if regions is not None and rname == "workstation" and got.region:
                regions[s.name] = got.region
            if rname == "workstation" and got.lines != s.truth:
                failures.setdefault(name, []).append(f"{s.name}: {got.lines} != {s.truth}")
        rows.append(row)
        if len(per_source) > 1:
            rows.extend(per_source[k] for k in sorted(per_source))


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    -"


def print_table(rows: list[Row]) -> None:
    head = (f"{'set':<32} {'reader':<11} {'images':>6} {'found':>6} {'exact':>6} "
            f"{'fields':>6} {'chars':>6} {'invalid':>7} {'false':>5} {'repairs':>7} "
            f"{'conf':>4} {'type':>4} {'wrong':>5} {'median':>7} {'p95':>7} {'cpu med':>7}")
    print(head)
    print("-" * len(head))
    for r in rows:
        t = sorted(r.times)
        med = statistics.median(t) if t else 0.0
        p95 = t[min(len(t) - 1, int(0.95 * len(t)))] if t else 0.0
        has_truth = r.chars_total > 0
        cpu_med = statistics.median(r.cpu) if r.cpu else 0.0
        print(f"{r.set_name:<32} {r.reader:<11} {r.images:>6} {pct(r.found, r.images):>6} "
              f"{pct(r.exact, r.images) if has_truth else '    -':>6} "
              f"{pct(r.fields_right, r.fields_total):>6} {pct(r.chars_right, r.chars_total):>6} "
              f"{pct(r.invalid, r.images) if has_truth else '    -':>7} "
              f"{r.false_mrz if not has_truth else '-':>5} {r.repairs:>7} "
              f"{r.confident_repairs:>4} {r.confident_type:>4} {r.wrong_repairs:>5} "
              f"{med:>5.0f}ms {p95:>5.0f}ms {cpu_med:>5.0f}ms")
    print("(median/p95: wall-clock ms per image, image already decoded; cpu med: process CPU "
          "time, which the machine's load does not inflate)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="MRZ benchmark (prints its tables)")
    ap.add_argument("--groundtruth", type=Path, default=DEFAULT_GT if DEFAULT_GT.exists() else None)
    ap.add_argument("--synthetic", type=int, default=150)
    ap.add_argument("--reader", type=int, default=60, help="simulated reader captures")
    ap.add_argument("--viz", type=int, default=60, help="synthetic data pages (printed fields)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-transforms", action="store_true",
                    help="skip the shrunk, rotated, perspective and erased real images")
    ap.add_argument("--peers", choices=["auto", "none"], default="auto")
    ap.add_argument("--peer-synthetic", type=int, default=0,
                    help="also run the peers on the first N synthetic pages")
    ap.add_argument("--failures", action="store_true", help="list our misreads")
    args = ap.parse_args(argv)

    ours(np.full((64, 64), 255, np.uint8))  # load the model before timing
    readers: dict[str, Callable[[Image], Read]] = {"workstation": ours}
    peers: dict[str, Callable[[Image], Read]] = {}
    if args.peers == "auto":
        for pname, make in (("PassportEye", passporteye_reader), ("RapidOCR", rapidocr_reader),
                            ("Tesseract", tesseract_reader)):
            fn = make()
            if fn is None:
                print(f"{pname}: not installed, no row", file=sys.stderr)
            else:
                peers[pname] = fn
    rows: list[Row] = []
    failures: dict[str, list[str]] = {}
    mismatch: list[tuple[Sample, bool]] = []
    if args.groundtruth is not None:
        good, bad = real_sets(args.groundtruth)
        regions: dict[str, Any] = {}
        run_set("real:verifies", good, readers | peers, rows, failures, by_source=True,
                regions=regions)
        run_set("real:inconsistent", bad, readers | peers, rows, failures, by_source=True,
                regions=regions)
        if not args.no_transforms:
            run_set("real:200px", shrunk(good, regions), readers, rows, failures)
            run_set("real:rotated", rotated(good, args.seed), readers, rows, failures)
            run_set("real:perspective", perspective(good, args.seed), readers, rows, failures)
            run_set("real:mrz-erased", mrz_erased(good + bad, regions), readers, rows,
                    failures)
        mismatch = extension_mismatch(good + bad)
        run_set("real:lying-extension", [s for s, _ok in mismatch], readers, rows, failures)
    if args.synthetic > 0:
        pages, blanks = synthetic_sets(args.synthetic, args.seed)
        run_set("synthetic", pages, readers, rows, failures)
        run_set("no-mrz", blanks, readers, rows, failures)
        if peers and args.peer_synthetic:
            run_set("synthetic(subset)", pages[:args.peer_synthetic], readers | peers, rows,
                    failures)
    if args.reader > 0:
        for light, samples in reader_sets(args.reader).items():
            run_set(f"reader:{light} 300dpi", samples, readers, rows, failures)
    print_table(rows)
    if mismatch:
        loaded = sum(ok for _s, ok in mismatch)
        print(f"lying extensions (BMP/PNG/TIFF/WebP/PPM under .jpg/.png): {loaded}/"
              f"{len(mismatch)} loaded with identical pixels")
    if args.viz > 0:
        from bench.mrz_viz import run_viz

        run_viz(args.viz, args.seed)
    if args.failures:
        for name, items in failures.items():
            print(f"\n{name}: {len(items)} not exact")
            for item in items:
                print(f"  {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
