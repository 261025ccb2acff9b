"""Report benchmark: build + sign a full examination's report, verify it, its size.

    python -m bench.report [--repeat 15] [--forgery office_paper] [--sweep] [--out DIR]

A simulated three-light capture (white, UV, IR; 300 dpi) of the Utopia passport
is examined once with the real pipeline (``workstation.examination.pipeline.examine``);
then the report with the examiner's findings is built and signed ``--repeat`` times
(PAdES B-B, local CA), verified, and countersigned once.
Targets (issue 7): build + sign median <= 1.5 s, PDF of three lights <= 10 MB.

``--sweep`` also flips, one at a time, every byte of the countersignature's CMS
object (as hex in the file), 100 bytes of its zero padding and 300 random bytes of
the file, and counts the flips ``report verify`` missed (must be 0).
``--out`` keeps the signed and countersigned PDFs and renders their pages to PNG.
Prints one table. Runs in a private, temporary data folder.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def _examination(forgery: str | None) -> tuple[Any, str]:
    from workstation.examination.pipeline import examine
    from workstation.hardware.simulate_cli import simulate_capture

    capture = simulate_capture("UTO-P-2020", forgery=forgery, seed=1, dpi=300, cropped=False)
    return examine(capture), f"simulated UTO-P-2020 ({forgery or 'genuine'}), examined"


def _timed(fn: Callable[[], Any], n: int) -> tuple[list[float], Any]:
    times: list[float] = []
    result: Any = None
    for _ in range(n):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def _sweep(data: bytes, trust: Any) -> tuple[int, list[int]]:
    """Flip every byte of the last signature's CMS object (hex), 100 bytes of its zero
    padding, its delimiters, and 300 random bytes of the file; the flips verify missed."""
    from workstation.reports.verify import verify_bytes

    start = data.rindex(b"/Contents <") + len(b"/Contents <")
    end = data.index(b">", start)
    der_len = len(bytes.fromhex(data[start:end].decode("ascii")).rstrip(b"\0"))
    rng = random.Random(7)
    positions = [start - 1, end, *range(start, start + 2 * der_len + 2)]
    positions += rng.sample(range(start + 2 * der_len + 2, end), 100)
    positions += rng.sample(range(len(data)), 300)
    missed = []
    for pos in positions:
        tampered = bytearray(data)
        tampered[pos] ^= 0x01
        if verify_bytes(bytes(tampered), trust=trust).intact:
            missed.append(pos)
    return len(positions), missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--forgery", default="office_paper")
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    home = tempfile.mkdtemp(prefix="bench-report-")
    os.environ["WORKSTATION_HOME"] = home
    from workstation.findings import Annotation, AnnotationKind, Conclusion, Findings
    from workstation.reports import write_signed_report
    from workstation.reports.ca import LocalCA
    from workstation.reports.config import ReportConfig
    from workstation.reports.review import countersign
    from workstation.reports.verify import Trust, verify_bytes
    from workstation.sealing import box_keypair

    t0 = time.perf_counter()
    exam, what = _examination(args.forgery)
    examine_s = time.perf_counter() - t0
    dpi = exam.capture.dpi or 300
    failed = list(dict.fromkeys(f"evidence:{c.id}" for c in exam.checks
                                if c.status.value == "fail"))
    findings = Findings(
        conclusion=Conclusion.COUNTERFEIT, text="Bench findings: substrate glows under UV.",
        report_images=["capture:uv", *failed[:2]],
        annotations=[Annotation(AnnotationKind.RULER, [(100.0, 100.0), (700.0, 100.0)],
                                image="capture:white", dpi=dpi)],
        examiner="Bench Examiner")
    t0 = time.perf_counter()
    # the workstation's CA, created for a bench administrator (its key sealed for them)
    authority = LocalCA().create("bench-admin", box_keypair()[1])
    examiner = authority.issue("Bench Examiner", user="bench", role="examiner")
    supervisor = authority.issue("Bench Supervisor", user="super", role="supervisor")
    setup_s = time.perf_counter() - t0
    config = ReportConfig(workstation="BENCH-WS", examiner="Bench Examiner")
    out_dir = args.out or Path(home)
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf_path = out_dir / "bench-report.pdf"

    def build_and_sign() -> Path:
        return write_signed_report(exam, pdf_path, case_ref="BENCH-1", findings=findings,
                                   identity=examiner, config=config)

    first_t, _ = _timed(build_and_sign, 1)  # fonts, imports: once per process
    times, _ = _timed(build_and_sign, args.repeat)
    data = pdf_path.read_bytes()
    trust = Trust.from_config()
    vtimes, result = _timed(lambda: verify_bytes(data, trust=trust), max(5, args.repeat // 2))
    ctimes, both = _timed(lambda: countersign(data, supervisor, config=config), 3)
    both_check = verify_bytes(both, trust=trust)
    (out_dir / "bench-countersigned.pdf").write_bytes(both)

    rows: list[tuple[str, str, str]] = [
        ("examination", what, f"{len(exam.capture.lights)} lights, {len(exam.checks)} checks,"
                              f" examined in {examine_s:.1f} s"),
        ("local CA + 2 users (first run)", f"{setup_s:.2f} s", ""),
        ("build + sign, first in process", f"{first_t[0]:.2f} s", "fonts and imports"),
        (f"build + sign median (n={args.repeat})", f"{statistics.median(times):.2f} s",
         "target <= 1.5 s"),
        ("build + sign p95", f"{_percentile(times, 0.95):.2f} s", ""),
        ("verify median", f"{statistics.median(vtimes) * 1000:.0f} ms",
         f"intact={result.intact} trusted={result.trusted}"),
        ("countersign median", f"{statistics.median(ctimes) * 1000:.0f} ms",
         f"both intact={both_check.intact}, {len(both_check.signatures)} signatures"),
        ("PDF size (signed)", f"{len(data) / 1e6:.2f} MB", "target <= 10 MB"),
    ]
    if args.sweep:
        n, missed = _sweep(both, trust)
        rows.append(("tamper sweep (countersigned)", f"{len(missed)} missed of {n}",
                     "every byte of the supervisor's CMS object, 100 of its padding, "
                     "300 random" + (f"; missed at {missed[:10]}" if missed else "")))
    if args.out:
        res = subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf_path),
                              str(out_dir / "page")], capture_output=True, check=False)
        rows.append(("pages rendered to PNG", str(len(list(out_dir.glob("page-*.png")))),
                     f"pdftoppm exit {res.returncode}, in {out_dir}"))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)} | value | note")
    print(f"{'-' * width}-|-------|-----")
    for name, value, note in rows:
        print(f"{name.ljust(width)} | {value} | {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
