"""MRZ benchmark: exact lines, protected fields, characters, false MRZ, time per image.

    python -m bench.mrz [--groundtruth FILE] [--synthetic 150] [--reader 60] [--seed 0]
                        [--peers auto|none] [--peer-synthetic 0]

Sets (one table row per set and reader):

* ``real:verifies`` / ``real:inconsistent`` — the images of a ground-truth file in
  the format of ``../shared/testdata/mrz-images/groundtruth.json`` (the default,
  when present): those whose printed MRZ verifies, and those whose printed MRZ is
  itself inconsistent (for these "reported invalid" is what counts);
* ``synthetic`` — pages generated here: every format, 150-600 dpi, any
  rotation, perspective, blur, noise, JPEG, uneven light, white or IR look;
* ``no-mrz`` — the same pages without an MRZ (false MRZ found);
* ``reader:white`` / ``reader:ir`` — genuine documents captured by the simulated
  reader at 300 dpi (``workstation.hardware.simulated.SimulatedReader``).

Columns: images; exact = every line exactly right; fields = check-digit-protected
fields (document number, birth date, expiry date, TD3 personal number) right and
verified; chars = per-character accuracy by position; invalid = reported invalid
(the inconsistent set: should be 100 %); false = an MRZ reported on an image that
has none; median and p95 wall-clock milliseconds per image (the image already
decoded) and the median process CPU time (what the reader costs when the shared
machine is busy with other work).
PassportEye, RapidOCR and Tesseract rows are added when they are installed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from workstation.imageio import read_image
from workstation.mrz import parse_mrz, read_mrz
from workstation.mrz.render import random_mrz, synthetic_page
from workstation.types import CaptureSet, Image, Light

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GT = ROOT.parent / "shared" / "testdata" / "mrz-images" / "groundtruth.json"
MRZ_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


@dataclass
class Sample:
    name: str
    image: Image
    truth: list[str]  # empty: no MRZ in the image
    inconsistent: bool = False


@dataclass
class Row:
    set_name: str
    reader: str
    images: int = 0
    exact: int = 0
    fields_right: int = 0
    fields_total: int = 0
    chars_right: int = 0
    chars_total: int = 0
    invalid: int = 0
    false_mrz: int = 0
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


@dataclass
class Read:
    found: bool
    lines: list[str]
    valid: bool
    fields: dict[str, str]
    checks: dict[str, bool]


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
        key = "optional_data" if k == "optional_data" else k
        row.fields_right += int(got.fields.get(k) == v and got.checks.get(key, False))


# -- readers ------------------------------------------------------------------------------
def ours(image: Image) -> Read:
    r = read_mrz(image)
    return Read(r.found, r.lines, r.valid, r.fields, r.check_digits)


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


# -- sets ---------------------------------------------------------------------------------
def real_sets(path: Path) -> tuple[list[Sample], list[Sample]]:
    data = json.loads(path.read_text())
    good: list[Sample] = []
    bad: list[Sample] = []
    for e in data["images"]:
        img = read_image(path.parent / e["path"])
        lines = list(e.get("mrz_lines") or [])
        ok = bool(e.get("computed_icao_check_digits", {}).get("all_valid", False))
        s = Sample(e["path"], img, lines, inconsistent=bool(lines) and not ok)
        (bad if s.inconsistent else good).append(s)
    return good, bad


def synthetic_sets(n: int, seed: int) -> tuple[list[Sample], list[Sample]]:
    rng = random.Random(seed)
    formats = ["TD1", "TD2", "TD3", "MRVA", "MRVB"]
    dpis = [150, 200, 300, 400, 600]
    pages: list[Sample] = []
    blanks: list[Sample] = []
    for i in range(n):
        fmt = formats[i % len(formats)]
        dpi = dpis[(i // len(formats)) % len(dpis)]
        lines = random_mrz(rng, fmt)
        mode = rng.random()
        rotation = rng.uniform(0, 360) if mode < 0.3 else rng.uniform(-10, 10) if mode < 0.7 else 0
        kw: dict[str, Any] = dict(
            dpi=dpi, seed=seed * 100000 + i, rotation_deg=rotation,
            perspective=rng.choice([0.0, 0.0, 0.015, 0.03]),
            blur_px=rng.uniform(0, 1.0) * dpi / 300, noise=rng.uniform(0, 8),
            jpeg_quality=rng.choice([None, 90, 60, 40]), uneven_light=rng.uniform(0, 0.5),
            ir=rng.random() < 0.3)
        img, _corners = synthetic_page(lines, **kw)
        pages.append(Sample(f"{fmt}@{dpi}#{i}", img, lines))
        if i % 5 == 0:
            blank, _ = synthetic_page(lines, draw_mrz=False, **kw)
            blanks.append(Sample(f"blank#{i}", blank, []))
    return pages, blanks


def reader_sets(n: int) -> tuple[list[Sample], list[Sample]]:
    from workstation.hardware.simulated import SimulatedReader

    white: list[Sample] = []
    ir: list[Sample] = []
    for i in range(n):
        doc = ("UTO-P-2020", "UTO-ID-2021")[i % 2]
        reader = SimulatedReader(document=doc, seed=1000 + i, dpi=300.0,
                                 lights=(Light.WHITE, Light.IR))
        try:
            cap: CaptureSet = reader.capture_all()
        finally:
            reader.close()
        truth = list(cap.metadata["simulation"]["mrz_lines"])
        white.append(Sample(f"{doc}#{i}:white", cap.images[Light.WHITE], truth))
        ir.append(Sample(f"{doc}#{i}:ir", cap.images[Light.IR], truth))
    return white, ir


def run_set(name: str, samples: list[Sample], readers: dict[str, Callable[[Image], Read]],
            rows: list[Row], failures: dict[str, list[str]]) -> None:
    for rname, fn in readers.items():
        row = Row(name, rname)
        for s in samples:
            t0 = time.perf_counter()
            c0 = time.process_time()
            try:
                got = fn(s.image)
            except Exception as exc:  # a peer failing on one image counts as a miss
                print(f"  {rname} failed on {s.name}: {exc}", file=sys.stderr)
                got = Read(False, [], False, {}, {})
            score(row, s, got, time.perf_counter() - t0, time.process_time() - c0)
            if rname == "workstation" and s.truth and got.lines != s.truth:
                failures.setdefault(name, []).append(f"{s.name}: {got.lines} != {s.truth}")
        rows.append(row)


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    -"


def print_table(rows: list[Row]) -> None:
    head = (f"{'set':<20} {'reader':<12} {'images':>6} {'exact':>7} {'fields':>7} "
            f"{'chars':>7} {'invalid':>7} {'false':>5} {'median':>8} {'p95':>8} {'cpu med':>8}")
    print(head)
    print("-" * len(head))
    for r in rows:
        t = sorted(r.times)
        med = statistics.median(t) if t else 0.0
        p95 = t[min(len(t) - 1, int(0.95 * len(t)))] if t else 0.0
        with_truth = r.images
        has_truth = r.chars_total > 0
        cpu_med = statistics.median(r.cpu) if r.cpu else 0.0
        print(f"{r.set_name:<20} {r.reader:<12} {r.images:>6} "
              f"{pct(r.exact, with_truth) if has_truth else '    -':>7} "
              f"{pct(r.fields_right, r.fields_total):>7} {pct(r.chars_right, r.chars_total):>7} "
              f"{pct(r.invalid, r.images) if has_truth else '    -':>7} "
              f"{r.false_mrz if not has_truth else '-':>5} {med:>6.0f}ms {p95:>6.0f}ms "
              f"{cpu_med:>6.0f}ms")
    print("(median/p95: wall-clock ms per image, image already decoded; cpu med: process CPU "
          "time, which the machine's load does not inflate)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="MRZ benchmark (prints one table)")
    ap.add_argument("--groundtruth", type=Path, default=DEFAULT_GT if DEFAULT_GT.exists() else None)
    ap.add_argument("--synthetic", type=int, default=150)
    ap.add_argument("--reader", type=int, default=60, help="simulated reader captures")
    ap.add_argument("--seed", type=int, default=0)
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
    if args.groundtruth is not None:
        good, bad = real_sets(args.groundtruth)
        run_set("real:verifies", good, readers | peers, rows, failures)
        run_set("real:inconsistent", bad, readers | peers, rows, failures)
    if args.synthetic > 0:
        pages, blanks = synthetic_sets(args.synthetic, args.seed)
        run_set("synthetic", pages, readers, rows, failures)
        run_set("no-mrz", blanks, readers, rows, failures)
        if peers and args.peer_synthetic:
            run_set("synthetic(subset)", pages[:args.peer_synthetic], readers | peers, rows,
                    failures)
    if args.reader > 0:
        white, ir = reader_sets(args.reader)
        run_set("reader:white 300dpi", white, readers, rows, failures)
        run_set("reader:ir 300dpi", ir, readers, rows, failures)
    print_table(rows)
    if args.failures:
        for name, items in failures.items():
            print(f"\n{name}: {len(items)} not exact")
            for item in items:
                print(f"  {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
